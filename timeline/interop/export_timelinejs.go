package interop

import (
	"bytes"
	"errors"
	"fmt"
	"html"
	"strconv"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"backstory/timeline"
)

// The TimelineJS3 JSON format, as Knight Lab documents it
// (https://timeline.knightlab.com/docs/json-format.html).

// TimelineJSDoc is a TimelineJS3 timeline.
type TimelineJSDoc struct {
	Title  *TimelineJSSlide  `json:"title,omitempty"`
	Events []TimelineJSSlide `json:"events"`
	Eras   []TimelineJSEra   `json:"eras,omitempty"`
}

// TimelineJSSlide is an event, or the title slide.
type TimelineJSSlide struct {
	StartDate   *TimelineJSDate  `json:"start_date,omitempty"`
	EndDate     *TimelineJSDate  `json:"end_date,omitempty"`
	DisplayDate string           `json:"display_date,omitempty"`
	Text        TimelineJSText   `json:"text"`
	Media       *TimelineJSMedia `json:"media,omitempty"`
	Group       string           `json:"group,omitempty"`
	UniqueID    string           `json:"unique_id,omitempty"`
}

// TimelineJSMedia is a slide's image, video or embed; caption and credit
// are HTML.
type TimelineJSMedia struct {
	URL       string `json:"url"`
	Caption   string `json:"caption,omitempty"`
	Credit    string `json:"credit,omitempty"`
	Thumbnail string `json:"thumbnail,omitempty"`
	Alt       string `json:"alt,omitempty"`
}

// TimelineJSDate is a date known to its precision: a month and a day only
// when the chronology knows them.
type TimelineJSDate struct {
	Year   int  `json:"year"`
	Month  int  `json:"month,omitempty"`
	Day    int  `json:"day,omitempty"`
	Hour   *int `json:"hour,omitempty"`
	Minute *int `json:"minute,omitempty"`
	Second *int `json:"second,omitempty"`
}

// TimelineJSText is a slide's headline and text, both HTML.
type TimelineJSText struct {
	Headline string `json:"headline,omitempty"`
	Text     string `json:"text,omitempty"`
}

// TimelineJSEra is a named span shown on the timeline's navigation.
type TimelineJSEra struct {
	StartDate TimelineJSDate `json:"start_date"`
	EndDate   TimelineJSDate `json:"end_date"`
	Text      TimelineJSText `json:"text"`
}

// TimelineJS writes the chronology with the given events as a TimelineJS3
// JSON document: the title slide from the title and description; per
// event its dates to their precision, display_date, headline, the body as
// HTML followed by what TimelineJS has no field for (summary, claims,
// sources as links, linked events, people, places, tags) as marked HTML
// that import reads back, the first tag as its group and the id as its
// unique_id; and the eras (an era without an end ends with the last event).
//
// A link to an event that is not exported is written as its title, not as
// a link. Links between slides are "#event-ID", which TimelineJS3 follows
// when the page sets its hash_bookmark option. With no events there is no
// document: TimelineJS3 refuses one.
func TimelineJS(c *timeline.Chronology, events []*timeline.Event) ([]byte, error) {
	if len(events) == 0 {
		return nil, errNoEvents
	}
	doc := TimelineJSDoc{Events: make([]TimelineJSSlide, 0, len(events))}
	exported := make(map[string]bool, len(events))
	for _, e := range events {
		exported[e.ID] = true
	}
	doc.Title = &TimelineJSSlide{Text: TimelineJSText{Headline: html.EscapeString(c.Title), Text: renderMarkdown(c.Description)}}
	for _, e := range events {
		doc.Events = append(doc.Events, slideOf(c, e, exported))
	}
	last := timeline.Date{}
	for _, e := range c.Events {
		_, l := e.Span()
		if d := dayDate(l); last.IsZero() || l > last.Last() {
			last = d
		}
	}
	for _, era := range c.Eras {
		end := era.End
		if end.IsZero() {
			end = era.Start
			if !last.IsZero() && last.Last() > era.Start.Last() {
				end = last
			}
		}
		doc.Eras = append(doc.Eras, TimelineJSEra{
			StartDate: *tjsDate(era.Start),
			EndDate:   *tjsDate(end),
			Text:      TimelineJSText{Headline: html.EscapeString(era.Title)},
		})
	}
	return encodeJSON(doc)
}

// errNoEvents is TimelineJS export of nothing.
var errNoEvents = errors.New("no events to export: a TimelineJS timeline needs at least one (TimelineJS3 shows an error for a document without)")

func slideOf(c *timeline.Chronology, e *timeline.Event, exported map[string]bool) TimelineJSSlide {
	s := TimelineJSSlide{
		StartDate:   tjsDate(e.Date),
		DisplayDate: html.EscapeString(e.DisplayDate),
		Text:        TimelineJSText{Headline: html.EscapeString(e.Title), Text: slideText(c, e, exported)},
		UniqueID:    e.ID,
	}
	if !e.End.IsZero() {
		s.EndDate = tjsDate(e.End)
	}
	if m := e.Media; m != nil {
		s.Media = &TimelineJSMedia{URL: quoteFree(m.URL), Caption: inlineHTML(m.Caption), Credit: inlineHTML(m.Credit), Thumbnail: quoteFree(m.Thumbnail), Alt: m.Alt}
	}
	if s.DisplayDate == "" && e.Approximate {
		// "about Feb 2018": TimelineJS has no "approximate". The dates are
		// written as TimelineJS carries them (no time zone, no time before
		// year 1), so that import knows the text for its own.
		s.DisplayDate = html.EscapeString("about " + dateRange(carriedDate(e.Date), carriedDate(e.End)))
	}
	if len(e.Tags) > 0 {
		// (TimelineJS3 shows the group as HTML, as it does display_date)
		s.Group = html.EscapeString(e.Tags[0])
	}
	return s
}

// tjsDate writes a date to its precision, with the clock time when the
// file gave one (TimelineJS has no time zone: the time is as written).
func tjsDate(d timeline.Date) *TimelineJSDate {
	t := &TimelineJSDate{Year: d.Year}
	if d.Precision >= timeline.PrecisionMonth {
		t.Month = d.Month
	}
	if d.Precision >= timeline.PrecisionDay {
		t.Day = d.Day
	}
	if d.Clock != "" {
		clock, _, _ := strings.Cut(d.Clock, " ")
		parts := strings.Split(clock, ":")
		nums := make([]*int, len(parts))
		for i, p := range parts {
			if n, err := strconv.Atoi(p); err == nil {
				nums[i] = &n
			}
		}
		if len(nums) >= 2 {
			t.Hour, t.Minute = nums[0], nums[1]
		}
		if len(nums) >= 3 {
			t.Second = nums[2]
		}
	}
	return t
}

// carriedDate is a date as it comes back from TimelineJS: its clock time
// without the zone, and none at all before year 1 (a chronology cannot
// hold one; see importer.date).
func carriedDate(d timeline.Date) timeline.Date {
	d.Clock, _, _ = strings.Cut(d.Clock, " ")
	if d.Year < 1 {
		d.Clock = ""
	}
	return d
}

// dayDate is the date of a Day.
func dayDate(d timeline.Day) timeline.Date {
	n := int(d)
	year, month, day := n/10000, n/100%100, n%100
	if n < 0 {
		// DayOf adds month and day to a negative year*10000
		year = -((-n + 9999) / 10000)
		rest := n - year*10000
		month, day = rest/100, rest%100
	}
	return timeline.Date{Year: year, Month: month, Day: day, Precision: timeline.PrecisionDay}
}

// slideText is the HTML of a slide: the summary, whether the date is
// approximate, the body, then the other parts TimelineJS has no field
// for; each part in an element whose class import recognises.
func slideText(c *timeline.Chronology, e *timeline.Event, exported map[string]bool) string {
	var b strings.Builder
	if e.Summary != "" {
		fmt.Fprintf(&b, "<p class=%q><em>%s</em></p>\n", classSummary, textHTML(e.Summary))
	}
	if e.Approximate {
		fmt.Fprintf(&b, "<p class=%q><em>The date is approximate.</em></p>\n", classApprox)
	}
	b.WriteString(renderMarkdown(e.Body))
	if len(e.Claims) > 0 {
		fmt.Fprintf(&b, "<div class=%q><p><strong>Claims</strong></p><ul>\n", classClaims)
		for _, cl := range e.Claims {
			evidence := ""
			if len(cl.Sources) > 0 {
				evidence = fmt.Sprintf(" data-sources=%q", strings.Trim(fmt.Sprint(cl.Sources), "[]"))
			}
			fmt.Fprintf(&b, "<li data-status=%q%s><strong>%s:</strong> <span class=%q>%s</span>", cl.Status, evidence, claimLabel(cl.Status), classClaim, textHTML(cl.Text))
			if cl.Note != "" {
				fmt.Fprintf(&b, " — <span class=%q>%s</span>", classNote, textHTML(cl.Note))
			}
			if ev := cl.Evidence(); ev != "" {
				b.WriteString(" " + ev)
			}
			b.WriteString("</li>\n")
		}
		b.WriteString("</ul></div>\n")
	}
	if len(e.Sources) > 0 {
		fmt.Fprintf(&b, "<div class=%q><p><strong>Sources</strong></p><ol>\n", classSources)
		for _, s := range e.Sources {
			b.WriteString("<li>")
			if s.URL != "" {
				fmt.Fprintf(&b, "<a href=\"%s\">%s</a>", html.EscapeString(s.URL), textHTML(s.Title))
			} else {
				fmt.Fprintf(&b, "<cite>%s</cite>", textHTML(s.Title))
			}
			if s.Publisher != "" {
				fmt.Fprintf(&b, ", <span class=%q>%s</span>", classPub, textHTML(s.Publisher))
			}
			if !s.Published.IsZero() {
				fmt.Fprintf(&b, ", <time datetime=%q>%s</time>", s.Published.String(), s.Published.Format())
			}
			if s.Archived != "" {
				fmt.Fprintf(&b, " (<a class=%q href=\"%s\">archived copy</a>)", classArchived, html.EscapeString(s.Archived))
			}
			if s.Quote != "" {
				fmt.Fprintf(&b, "<blockquote>%s</blockquote>", textHTML(s.Quote))
			}
			b.WriteString("</li>\n")
		}
		b.WriteString("</ol></div>\n")
	}
	if len(e.Links) > 0 {
		fmt.Fprintf(&b, "<div class=%q><p><strong>Linked events</strong></p><ul>\n", classLinks)
		for _, l := range e.Links {
			title := l.To
			if t := c.Event(l.To); t != nil {
				title = t.Title
			}
			if exported[l.To] {
				fmt.Fprintf(&b, "<li><a href=\"#event-%s\" data-id=\"%s\">%s</a>", html.EscapeString(l.To), html.EscapeString(l.To), textHTML(title))
			} else {
				// (no slide to go to: a link would lead nowhere)
				fmt.Fprintf(&b, "<li><span data-id=\"%s\">%s</span>", html.EscapeString(l.To), textHTML(title))
			}
			if l.Note != "" {
				fmt.Fprintf(&b, " — <span class=%q>%s</span>", classNote, textHTML(l.Note))
			}
			b.WriteString("</li>\n")
		}
		b.WriteString("</ul></div>\n")
	}
	for _, list := range []struct {
		class, label string
		items        []string
	}{{classPeople, "People", e.People}, {classPlaces, "Places", e.Places}, {classTags, "Tags", e.Tags}} {
		if len(list.items) == 0 {
			continue
		}
		spans := make([]string, len(list.items))
		for i, it := range list.items {
			spans[i] = "<span>" + textHTML(it) + "</span>"
		}
		fmt.Fprintf(&b, "<p class=%q>%s: %s</p>\n", list.class, list.label, strings.Join(spans, ", "))
	}
	return strings.TrimSpace(b.String())
}

// quoteFree percent-encodes the characters of an address that would end
// an HTML attribute or start a tag: TimelineJS3 writes some media
// addresses into the HTML of an embed as they are. (They are not valid
// in an address; a browser encodes them so anyway.)
func quoteFree(u string) string { return addressQuotes.Replace(u) }

var addressQuotes = strings.NewReplacer(`"`, "%22", "'", "%27", "<", "%3C", ">", "%3E", "`", "%60")

// inlineHTML renders a line of Markdown (a caption, a credit) as HTML
// without the paragraph around it.
func inlineHTML(md string) string {
	h := strings.TrimSpace(renderMarkdown(md))
	if inner, ok := strings.CutPrefix(h, "<p>"); ok && strings.HasSuffix(inner, "</p>") && !strings.Contains(inner, "<p>") {
		h = strings.TrimSuffix(inner, "</p>")
	}
	return h
}

// textHTML writes plain text as HTML, its newlines as <br> and its
// carriage returns as &#13; (HTML reads a bare one as a newline), so that
// import gets the same text back.
func textHTML(s string) string {
	return textBreaks.Replace(html.EscapeString(s))
}

var textBreaks = strings.NewReplacer("\n", "<br>", "\r", "&#13;")

// markdownRenderer renders the GitHub flavour of Markdown that the
// chronology's bodies are written in. Raw HTML in a body is left out and
// dangerous link targets are dropped (goldmark's defaults): the output is
// published on web pages.
var markdownRenderer = goldmark.New(goldmark.WithExtensions(extension.GFM))

// renderMarkdown renders Markdown as HTML.
func renderMarkdown(md string) string {
	if strings.TrimSpace(md) == "" {
		return ""
	}
	var buf bytes.Buffer
	if err := markdownRenderer.Convert([]byte(md), &buf); err != nil {
		// goldmark fails only when writing fails, which a buffer does not
		return "<p>" + textHTML(md) + "</p>"
	}
	return buf.String()
}
