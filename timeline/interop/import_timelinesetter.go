package interop

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"html"
	"slices"
	"strings"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"backstory/timeline"
)

// ImportTimelineSetter converts a ProPublica TimelineSetter CSV (columns
// date, display_date, description, link, series, html, found by their
// headers) to a chronology. Each row is an event: its date read from the
// human forms TimelineSetter accepts (see ParseHumanDate), its title the
// first sentence of the description, its body the html (converted to
// Markdown) above the whole description, series as its tag, link as its
// source. The result is nil when the input has errors.
func ImportTimelineSetter(name string, data []byte, opt Options) (*Converted, timeline.Diagnostics) {
	im := newImporter(name, "TimelineSetter CSV", data)
	if !im.checkText() {
		return nil, im.diags
	}
	im.timelineSetter()
	return im.finish(opt)
}

// csvHeader starts reading a CSV file: its header row, and the column of
// each header's key (key names it; the first of two alike counts, and an
// empty one none); false, and the error reported, when there is no
// header to read.
func (im *importer) csvHeader(key func(string) string) (*csv.Reader, []string, map[string]int, bool) {
	r := csv.NewReader(bytes.NewReader(im.data))
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		im.csvError(err)
		return nil, nil, nil, false
	}
	cols := map[string]int{}
	for i, h := range header {
		if k := key(h); k != "" {
			if _, dup := cols[k]; !dup {
				cols[k] = i
			}
		}
	}
	return r, header, cols, true
}

func (im *importer) timelineSetter() {
	r, header, cols, ok := im.csvHeader(setterKey)
	if !ok {
		return
	}
	_, hasDate := cols["date"]
	_, hasDesc := cols["description"]
	_, hasHTML := cols["html"]
	if !hasDate || (!hasDesc && !hasHTML) {
		_, hasYear := cols["year"]
		_, hasHeadline := cols["headline"]
		if hasYear && hasHeadline {
			im.errorf(timeline.Position{File: im.name, Line: 1}, "this looks like a TimelineJS spreadsheet (Year, Headline, ...): use backstory import timelinejs")
			return
		}
		im.errorf(timeline.Position{File: im.name, Line: 1}, "not a TimelineSetter file: its first row must be the headers date, display_date, description, link, series, html")
		return
	}
	var rows []setterRow
	im.unknownColumns(header, setterKey, setterColumns, "TimelineSetter")
	im.rows(r, header, cols, func(row, line int, get func(string) field) {
		rows = append(rows, setterRow{fmt.Sprintf("row %d", row), timeline.Position{File: im.name, Line: line},
			get("date"), get("display_date"), get("description"), get("link"), get("series"), get("html")})
	})
	order := im.setterOrder(rows)
	for _, row := range rows {
		im.setterEvent(row, order)
	}
}

// setterColumns are the columns TimelineSetter reads.
var setterColumns = []string{"date", "display_date", "description", "link", "series", "html"}

func setterKey(h string) string { return strings.ToLower(strings.TrimSpace(h)) }

// setterRow is a row of a TimelineSetter file.
type setterRow struct {
	label                                        string // "row 3"
	pos                                          timeline.Position
	date, display, desc, link, series, htmlField field
}

// setterOrder decides the order of the file's numeric dates, as a whole:
// month first (TimelineSetter's American order) unless some date reads
// only day first ("22/07/1910"); then all are day first, and a warning
// says so once.
func (im *importer) setterOrder(rows []setterRow) dateOrder {
	for _, row := range rows {
		if order, ok := orderOf(row.date.s); ok && order == dayFirst {
			msg := fmt.Sprintf("%s: %q reads only as day/month/year, so every date of the file is read day first", row.label, row.date.s)
			for _, other := range rows {
				d, err1 := readHumanDate(other.date.s, dayFirst)
				m, err2 := readHumanDate(other.date.s, monthFirst)
				if err1 == nil && err2 == nil && d.date != m.date {
					msg += fmt.Sprintf(": %q on %s is %s", other.date.s, other.label, d.date.Format())
					break
				}
			}
			im.warnf(row.date.pos, "%s", msg)
			return dayFirst
		}
	}
	return monthFirst
}

func (im *importer) setterEvent(row setterRow, order dateOrder) {
	label, pos, date, display, desc, link, series, htmlField := row.label, row.pos, row.date, row.display, row.desc, row.link, row.series, row.htmlField
	if date.s == "" {
		im.errorf(date.pos, "%s: missing date: every event needs one, such as March 20, 2010", label)
		return
	}
	rd, err := readHumanDate(date.s, order)
	if err != nil {
		im.errorf(date.pos, "%s: %v", label, err)
		return
	}
	d := rd.date
	if rd.twoDigit {
		im.warnf(date.pos, "%s: %q has a two-digit year: it is read as %s, in the century TimelineSetter picks (write the year in full if that is wrong)", label, date.s, d.Format())
	}
	e := &timeline.Event{Date: d, Approximate: rd.approximate, DisplayDate: htmlText(display.s)}
	// The description is plain text unless it has tags; either way it
	// goes through the HTML converter, which escapes what Markdown would
	// misread.
	descHTML := desc.s
	if !looksLikeHTML(descHTML) {
		descHTML = plainToHTML(descHTML)
	}
	descText := htmlText(descHTML)
	title, whole := firstSentence(descText)
	htmlBody := htmlField.s
	if hed, rest, ok := imageHeadline(htmlBody); ok {
		// TimelineSetter's own headline: the description is all body
		title, whole, htmlBody = hed, false, rest
	}
	if title == "" {
		// the html is kept as the body, so nothing of it is dropped
		title, _ = firstSentence(htmlText(htmlField.s))
		whole = false
	}
	if title == "" {
		title = "Untitled event of " + d.Format()
		im.warnf(pos, "%s has no description; its title is %q", label, title)
	}
	e.Title = title
	// the html goes above the description, as TimelineSetter shows it;
	// a description that is all title is not repeated
	e.Body = htmlToMarkdown(htmlBody)
	if !whole || e.Body != "" {
		e.Body = joinMarkdown(e.Body, htmlToMarkdown(descHTML))
	}
	// display_date and series are HTML on TimelineSetter's page
	if s := htmlText(series.s); s != "" {
		e.Tags = []string{s}
	}
	if link.s != "" {
		if u, ok := webAddress(link.s); ok {
			e.Sources = []timeline.Source{{Title: hostOf(u), URL: u}}
		} else {
			im.warnf(link.pos, "%s: link %q %s and is left out", label, clip(link.s, 60), addressFault(u))
		}
	}
	im.events = append(im.events, &draft{e: e, pos: pos, label: label, idBase: title})
}

// looksLikeHTML reports whether text has a tag or a character reference,
// so that it is read as HTML rather than as plain text.
func looksLikeHTML(s string) bool {
	for i := 0; i+1 < len(s); i++ {
		switch {
		case s[i] == '<' && (s[i+1] == '/' || s[i+1] == '!' || isASCIILetter(s[i+1])):
			return true
		case s[i] == '&' && strings.Contains(s[i:min(len(s), i+10)], ";"):
			return true
		}
	}
	return false
}

func isASCIILetter(c byte) bool { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') }

// plainToHTML writes plain text as HTML paragraphs: a blank line between
// paragraphs, a line break within one.
func plainToHTML(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	for _, para := range strings.Split(s, "\n\n") {
		if para = strings.TrimSpace(para); para != "" {
			b.WriteString("<p>" + strings.ReplaceAll(html.EscapeString(para), "\n", "<br>") + "</p>")
		}
	}
	return b.String()
}

// imageHeadline finds TimelineSetter's headline convention in an html cell,
// <h2 class="timeline-img-hed">, and returns its text and the html
// without it.
func imageHeadline(s string) (hed, rest string, ok bool) {
	if !strings.Contains(s, "timeline-img-hed") {
		return "", s, false
	}
	doc := parseHTML(s)
	for _, h := range elements(doc, atom.H2) {
		if !slices.Contains(strings.Fields(classOf(h)), "timeline-img-hed") {
			continue
		}
		hed = htmlText(renderNode(h))
		if hed == "" {
			return "", s, false
		}
		h.Parent.RemoveChild(h)
		body := elements(doc, atom.Body)
		var b strings.Builder
		for c := body[0].FirstChild; c != nil; c = c.NextSibling {
			b.WriteString(renderNode(c))
		}
		return hed, b.String(), true
	}
	return "", s, false
}

// renderNode writes a node back as HTML.
func renderNode(n *xhtml.Node) string {
	var b strings.Builder
	if err := xhtml.Render(&b, n); err != nil {
		return ""
	}
	return b.String()
}
