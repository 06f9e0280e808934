package interop

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"backstory/timeline"
)

// The Markdown of one event: what backstory show prints and, in parts
// (EventSections), what the viewer's detail pane renders with Glamour.
// The memo of many events (Markdown) is export_markdown.go.

// EventMarkdown writes an event as a Markdown document: title, date, tags,
// people, places, summary (in italics), body, claims, numbered sources,
// numbered links and the events that refer to it (numbered after the
// links, as timeline's Event.Targets lists them). All text from the file
// is made harmless (timeline.Harmless).
func EventMarkdown(c *timeline.Chronology, e *timeline.Event) string {
	head, sections := ShowSections(c, e)
	var b strings.Builder
	b.WriteString(head)
	for _, s := range sections {
		fmt.Fprintf(&b, "## %s\n\n", s.Heading)
		for _, it := range s.Items {
			b.WriteString(it)
		}
		b.WriteString("\n")
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// Section is one of the lists that close an event's document: its
// claims, sources, links or the events that refer to it. Each item is
// the Markdown of one list item, ending in a newline, numbered (sources
// and links) as in the whole document, so that it can be rendered on its
// own and its place in the document is known exactly, whatever the body
// above it says.
type Section struct {
	Kind    SectionKind
	Heading string // "Claims", "Sources", "Links", "Referenced by"
	Items   []string
}

// SectionKind says what a Section lists.
type SectionKind int

// The sections of an event's document, in their order.
const (
	SectionClaims SectionKind = iota
	SectionSources
	SectionLinks
	SectionBacklinks
)

// EventSections is EventMarkdown in parts: the head (title, date, tags,
// people, places, summary, body, media), ending in a blank line, and the
// sections that follow it, those with no items left out; a linked event
// is named by its title and date.
func EventSections(c *timeline.Chronology, e *timeline.Event) (head string, sections []Section) {
	return eventSections(c, e, false)
}

// ShowSections is EventSections with each linked event's id before its
// title and date ("`printz-1997`: Printz v. United States (27 Jun
// 1997)"), to give to show, --event or links:, as EventMarkdown writes it.
func ShowSections(c *timeline.Chronology, e *timeline.Event) (head string, sections []Section) {
	return eventSections(c, e, true)
}

func eventSections(c *timeline.Chronology, e *timeline.Event, ids bool) (head string, sections []Section) {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", escapeInline(timeline.HarmlessLine(e.Title)))
	fmt.Fprintf(&b, "**%s**", escapeInline(timeline.HarmlessLine(e.When())))
	if e.DisplayDate != "" {
		fmt.Fprintf(&b, " (%s)", e.SpanText())
	}
	b.WriteString("\n\n")
	meta := []struct {
		label string
		items []string
	}{{"Tags", e.Tags}, {"People", e.People}, {"Places", e.Places}}
	wrote := false
	for _, m := range meta {
		if len(m.items) == 0 {
			continue
		}
		fmt.Fprintf(&b, "- %s: %s\n", m.label, escapeInline(timeline.HarmlessLine(strings.Join(m.items, ", "))))
		wrote = true
	}
	if wrote {
		b.WriteString("\n")
	}
	if summary := strings.TrimSpace(e.Summary); summary != "" {
		fmt.Fprintf(&b, "*%s*\n\n", escapeInline(timeline.HarmlessLine(summary)))
	}
	if body := strings.TrimSpace(e.Body); body != "" {
		fmt.Fprintf(&b, "%s\n\n", timeline.HarmlessMarkdown(body))
	}
	if e.Media != nil {
		b.WriteString(mediaLine(e.Media))
	}
	if len(e.Claims) > 0 {
		s := Section{Kind: SectionClaims, Heading: "Claims"}
		for _, cl := range e.Claims {
			s.Items = append(s.Items, "- **"+cl.Status.Badge()+"**: "+ClaimMarkdown(cl)+"\n")
		}
		sections = append(sections, s)
	}
	if len(e.Sources) > 0 {
		s := Section{Kind: SectionSources, Heading: "Sources"}
		for i, src := range e.Sources {
			it := fmt.Sprintf("%d. %s\n", i+1, sourceLine(src))
			if src.Quote != "" {
				it += fmt.Sprintf("   > %s\n", escapeInline(timeline.HarmlessLine(src.Quote)))
			}
			s.Items = append(s.Items, it)
		}
		sections = append(sections, s)
	}
	n := 0
	if len(e.Links) > 0 {
		s := Section{Kind: SectionLinks, Heading: "Links"}
		for _, l := range e.Links {
			n++
			s.Items = append(s.Items, fmt.Sprintf("%d. %s\n", n, targetLine(c, l.To, l.Note, ids)))
		}
		sections = append(sections, s)
	}
	if len(e.Backlinks) > 0 {
		s := Section{Kind: SectionBacklinks, Heading: "Referenced by"}
		for _, bl := range e.Backlinks {
			n++
			s.Items = append(s.Items, fmt.Sprintf("%d. %s\n", n, targetLine(c, bl.From, bl.Note, ids)))
		}
		sections = append(sections, s)
	}
	return b.String(), sections
}

// ClaimMarkdown is a claim's text, note and evidence as one line of
// Markdown, without its status: "text — note (sources 1, 3)".
func ClaimMarkdown(cl timeline.Claim) string {
	it := escapeInline(timeline.HarmlessLine(cl.Text))
	if cl.Note != "" {
		it += " — " + escapeInline(timeline.HarmlessLine(cl.Note))
	}
	if ev := cl.Evidence(); ev != "" {
		it += " " + ev
	}
	return it
}

// mediaLine is the paragraph of an event's media: "Media: caption
// (credit) <url>", its caption (or else its alt text) and credit on one
// line each as Markdown.
func mediaLine(m *timeline.Media) string {
	line := "**Media:**"
	text := strings.Join(strings.Fields(timeline.HarmlessMarkdown(m.Caption)), " ")
	if text == "" {
		text = escapeInline(timeline.HarmlessLine(m.Alt))
	}
	if text != "" {
		line += " " + text
	}
	if credit := strings.Join(strings.Fields(timeline.HarmlessMarkdown(m.Credit)), " "); credit != "" {
		line += " (" + credit + ")"
	}
	return line + " <" + timeline.HarmlessReferences(timeline.HarmlessLine(m.URL)) + ">\n\n"
}

// sourceLine is "Title, Publisher, 22 Jan 2025: <url>".
func sourceLine(s timeline.Source) string {
	parts := []string{"*" + escapeInline(timeline.HarmlessLine(s.Title)) + "*"}
	if s.Publisher != "" {
		parts = append(parts, escapeInline(timeline.HarmlessLine(s.Publisher)))
	}
	if !s.Published.IsZero() {
		parts = append(parts, s.Published.Format())
	}
	line := strings.Join(parts, ", ")
	if s.URL != "" {
		line += " <" + timeline.HarmlessReferences(timeline.HarmlessLine(s.URL)) + ">"
	}
	if s.Archived != "" {
		line += " (archived copy: <" + timeline.HarmlessReferences(timeline.HarmlessLine(s.Archived)) + ">)"
	}
	return line
}

// targetLine is "Title (24 Feb 2018) — note" for a linked event, with
// its id first, "`id`: Title (24 Feb 2018) — note", when ids is set (at
// the start, a line that wraps does not cut it); an id alone when no
// event has it.
func targetLine(c *timeline.Chronology, id, note string, ids bool) string {
	line := "`" + timeline.HarmlessLine(id) + "`"
	if t := c.Event(id); t != nil {
		// the date, not a display_date, which may be long or have its own
		// parentheses
		title := fmt.Sprintf("%s (%s)", escapeItem(timeline.HarmlessLine(shorten(t.Title, targetTitleMax))), t.SpanText())
		if ids {
			line += ": " + title
		} else {
			line = title
		}
	}
	if note != "" {
		line += " — " + escapeInline(timeline.HarmlessLine(note))
	}
	return line
}

// targetTitleMax is the most characters of a linked event's title shown
// in a link line: the whole title is the target's own heading, and an
// event with a thousand links to long titles must stay quick to show.
const targetTitleMax = 300

// shorten cuts s to at most n characters, the last one "…", reading no
// further into s than that.
func shorten(s string, n int) string {
	if len(s) <= n {
		return s
	}
	count := 0
	for i := range s {
		if count == n-1 {
			if _, size := utf8.DecodeRuneInString(s[i:]); i+size == len(s) {
				return s // exactly n characters
			}
			return s[:i] + "…"
		}
		count++
	}
	return s
}

// escapeInline keeps one-line text from starting Markdown structure it did
// not mean (a title "1. Intro" or "# 5" must not become a list or heading).
// Glamour shows "\&" and "\~" as written, so "&" is left alone except in
// character references that would make control characters. (The memo's
// escapeLine is for Markdown read anywhere: it escapes "~" instead of ">".)
func escapeInline(s string) string { return timeline.HarmlessReferences(inlineEscaper.Replace(s)) }

// MarkdownLine makes one line of text from a file safe to put in Markdown:
// Harmless, on one line, and with nothing that would start Markdown
// structure it did not mean.
func MarkdownLine(s string) string { return escapeInline(timeline.HarmlessLine(s)) }

// escapeItem is escapeInline for text that starts a list item, where a
// leading "1." or "-" would start a nested list.
func escapeItem(s string) string {
	s = escapeInline(s)
	if m := listMarker.FindStringIndex(s); m != nil {
		// the marker's last character ("-", "+", "." or ")") is escaped
		s = s[:m[1]-1] + `\` + s[m[1]-1:]
	}
	return s
}

var inlineEscaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", `\<`, ">", `\>`, "#", `\#`, "|", `\|`)

// listMarker is text that would start a list item at the start of a line.
var listMarker = regexp.MustCompile(`^\s*([-+]|[0-9]{1,9}[.)])`)
