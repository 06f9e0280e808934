package interop

import (
	"bytes"
	"cmp"
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"backstory/timeline"
)

// ImportTimelineJS converts a Knight Lab TimelineJS3 timeline to a
// chronology: its JSON format, or its Google spreadsheet template saved as
// CSV (recognised by its header row). name is the input's name in
// diagnostics. The result is nil when the input has errors; warnings say
// what was changed on the way.
func ImportTimelineJS(name string, data []byte, opt Options) (*Converted, timeline.Diagnostics) {
	im := newImporter(name, "TimelineJS", data)
	if !im.checkText() {
		return nil, im.diags
	}
	if first := bytes.TrimLeft(im.data, " \t\r\n")[0]; first == '{' || first == '[' {
		im.format = "TimelineJS JSON"
		im.timelineJSON()
	} else {
		im.format = "TimelineJS spreadsheet"
		im.timelineSheet()
	}
	return im.finish(opt)
}

// slide is a TimelineJS slide as read from JSON or a spreadsheet row, its
// text still HTML.
type slide struct {
	label string // "event 3", for messages
	pos   timeline.Position
	// startName and endName are what messages call the dates; "" for
	// start_date and end_date
	startName, endName string
	start, end         dateParts
	displayDate        field
	headline           field
	text               field
	mediaURL           field
	caption            string
	credit             string
	mediaTitle         string
	thumbnail, alt     field
	mediaLink          field
	background         field // its color or image, as given, when given
	group              string
	uniqueID           string
}

func (s slide) startKey() string { return cmp.Or(s.startName, "start_date") }
func (s slide) endKey() string   { return cmp.Or(s.endName, "end_date") }

// field is one value as the input gave it, and where.
type field struct {
	s   string
	pos timeline.Position
}

// dateParts is a TimelineJS date object (or a spreadsheet's Year, Month,
// Day and Time cells): each part as text, "" when absent.
type dateParts struct {
	given                                  bool
	pos                                    timeline.Position
	year, month, day, hour, minute, second field
	display                                string
}

// --- slides to the chronology --------------------------------------------

// titleSlide makes the title slide the chronology's title and description.
func (im *importer) titleSlide(s slide) {
	im.noBackground(s)
	im.title = htmlText(s.headline.s)
	im.description = htmlToMarkdown(s.text.s)
	if m := strings.TrimSpace(s.mediaURL.s); m != "" {
		if u, ok := webAddress(m); ok {
			// a chronology's title has no media: it is a line of the
			// description, its caption the link (or, when the caption
			// has links of its own, after it), its credit after
			line := fmt.Sprintf("[%s](<%s>)", markdownText(mediaTitle(s, u)), u)
			if strings.Contains(s.caption, "<a") {
				line = fmt.Sprintf("[%s](<%s>): %s", markdownText(hostOf(u)), u, oneLine(htmlToMarkdown(s.caption)))
			}
			if credit := oneLine(htmlToMarkdown(s.credit)); credit != "" {
				line += " (" + credit + ")"
			}
			im.description = joinMarkdown(im.description, line)
		} else {
			im.warnf(s.mediaURL.pos, "%s: media %q %s and is left out", s.label, clip(m, 60), addressFault(u))
		}
	}
}

func (im *importer) era(s slide) {
	title := htmlText(s.headline.s)
	if title == "" {
		title = fmt.Sprintf("Era %d", len(im.eras)+1)
		im.warnf(s.pos, "%s has no headline; it is called %q", s.label, title)
	}
	if !s.start.given {
		im.errorf(s.pos, "%s: missing %s: an era needs one with a year", s.label, s.startKey())
		return
	}
	start, ok1 := im.date(s.label, s.startKey(), s.start)
	end, ok2 := im.date(s.label, s.endKey(), s.end)
	if !ok1 || !ok2 {
		return
	}
	if !end.IsZero() && end.Last() < start.First() {
		im.errorf(s.end.pos, "%s: %s %s is before %s %s", s.label, s.endKey(), end, s.startKey(), start)
		return
	}
	im.eras = append(im.eras, timeline.Era{Title: title, Start: start, End: end})
}

func (im *importer) event(s slide) {
	// TimelineJS3 leaves such a slide out and shows the rest: so does
	// import, saying so
	if !s.start.given || s.start.year.s == "" {
		im.skipped++
		im.warnf(s.pos, "%s: no %s (with a year): the event is left out", s.label, s.startKey())
		return
	}
	for _, d := range []struct {
		key   string
		parts dateParts
	}{{s.startKey(), s.start}, {s.endKey(), s.end}} {
		if y, ok := wholeNumber(d.parts.year.s); ok && (y < -9999 || y > 9999) {
			im.skipped++
			im.warnf(d.parts.year.pos, "%s: %s: the year %d is outside -9999..9999, which a chronology holds: the event is left out", s.label, d.key, y)
			return
		}
	}
	date, ok1 := im.date(s.label, s.startKey(), s.start)
	end, ok2 := im.date(s.label, s.endKey(), s.end)
	if !ok1 || !ok2 {
		return
	}
	if !end.IsZero() && end.Last() < date.First() {
		im.errorf(s.end.pos, "%s: %s %s is before %s %s", s.label, s.endKey(), end, s.startKey(), date)
		return
	}
	e := &timeline.Event{Date: date, End: end}
	body, x := splitSlideText(s.text.s)
	e.Body, e.Summary = body, x.summary
	e.People, e.Places = x.people, x.places
	e.Links = x.links
	e.Title = htmlText(s.headline.s)
	if e.Title == "" {
		e.Title, _ = firstSentence(markdownPlain(body))
		if e.Title == "" {
			e.Title = "Untitled event of " + date.Format()
		}
		im.warnf(s.pos, "%s has no headline; its title is %q", s.label, e.Title)
	}
	if group := htmlText(s.group); group != "" {
		e.Tags = append(e.Tags, group)
	}
	for _, t := range x.tags {
		if !slices.Contains(e.Tags, t) {
			e.Tags = append(e.Tags, t)
		}
	}
	e.DisplayDate = htmlText(s.displayDate.s)
	if e.DisplayDate == "" {
		e.DisplayDate = oneLine(s.start.display)
		if end := oneLine(s.end.display); end != "" && e.DisplayDate != "" {
			e.DisplayDate += " – " + end
		}
	}
	e.Approximate = x.approximate
	if rest, ok := strings.CutPrefix(e.DisplayDate, "about "); ok && rest == dateRange(date, end) {
		// what export writes for an approximate date without a display date
		e.Approximate, e.DisplayDate = true, ""
	}
	im.eventMedia(s, e)
	im.noBackground(s)
	// renumber[i] is the number source i+1 of the slide has in the event,
	// 0 when it is left out: the claims' evidence follows it
	renumber := make([]int, len(x.sources))
	for i, src := range x.sources {
		if src.URL != "" {
			if !sourceAddress(src.URL) {
				im.warnf(s.pos, "%s: source %q: %q %s; the address is left out", s.label, src.Title, src.URL, addressFault(src.URL))
				src.URL = ""
			}
		}
		if src.Archived != "" && !sourceAddress(src.Archived) {
			im.warnf(s.pos, "%s: source %q: archived copy %q %s; it is left out", s.label, src.Title, src.Archived, addressFault(src.Archived))
			src.Archived = ""
		}
		if src.Title == "" {
			src.Title = hostOf(src.URL)
		}
		if src.Title == "" || (src.URL != "" && hasSource(e.Sources, src.URL)) {
			continue
		}
		e.Sources = append(e.Sources, src)
		renumber[i] = len(e.Sources)
	}
	for _, c := range x.claims {
		var kept []int
		for _, n := range c.Sources {
			if n >= 1 && n <= len(renumber) && renumber[n-1] > 0 && !slices.Contains(kept, renumber[n-1]) {
				kept = append(kept, renumber[n-1])
			}
		}
		c.Sources = kept
		if !slices.Contains(timeline.ClaimStatuses, c.Status) {
			im.warnf(s.pos, "%s: claim %q: unknown status %q; it is marked unverified", s.label, clip(c.Text, 40), c.Status)
			c.Status = timeline.Unverified
		}
		if strings.TrimSpace(c.Text) != "" {
			e.Claims = append(e.Claims, c)
		}
	}
	im.events = append(im.events, &draft{e: e, pos: s.pos, label: s.label, uniqueID: strings.TrimSpace(s.uniqueID), idBase: e.Title})
}

// webAddress returns s as an http(s) URL ("//host/..." taken as https),
// and whether it is one.
func webAddress(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "//") {
		s = "https:" + s
	}
	// (as check takes a source's URL: http or https, a host, no space,
	// control or invisible character)
	return s, timeline.URLProblem(s) == ""
}

// addressFault says in a few words why u is not taken as a source's
// address: "is not a web address (http or https)", "has a space in it",
// "has an invisible formatting character (U+202E) in it".
func addressFault(u string) string {
	msg, ok := strings.CutPrefix(timeline.URLProblem(u), strconv.Quote(u)+" ")
	if !ok || strings.HasPrefix(msg, "is not a web address") {
		return "is not a web address (http or https)"
	}
	msg, _, _ = strings.Cut(msg, ":") // (not how to mend it in the file)
	return msg
}

// sourceAddress reports whether u, the address of a source that export
// wrote, is one as check takes it (see timeline.URLProblem).
func sourceAddress(u string) bool {
	return timeline.URLProblem(u) == ""
}

// mediaTitle is what to call a slide's media as a source: its caption,
// else its title, else the web site it is on.
func mediaTitle(s slide, u string) string {
	for _, t := range []string{s.caption, s.mediaTitle} {
		if t := htmlText(t); t != "" {
			return t
		}
	}
	return hostOf(u)
}

// hostOf returns a URL's host name without "www.".
func hostOf(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(p.Hostname(), "www.")
}

func hasSource(sources []timeline.Source, u string) bool {
	for _, s := range sources {
		if s.URL == u {
			return true
		}
	}
	return false
}

// markdownText escapes plain text for use inside Markdown link text.
func markdownText(s string) string { return markdownEscaper.Replace(s) }

var markdownEscaper = strings.NewReplacer(`\`, `\\`, "[", `\[`, "]", `\]`, "*", `\*`, "_", `\_`, "`", "\\`", "<", `\<`)

// markdownPlain is Markdown as text, for making a title from a body.
func markdownPlain(md string) string {
	if md == "" {
		return ""
	}
	return nodeText(parseHTML(renderMarkdown(md)), false)
}
