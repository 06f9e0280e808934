package timeline

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"
)

// When returns the event's date as people read it: its display_date if it
// has one, else its Span text.
func (e *Event) When() string {
	if e.DisplayDate != "" {
		return e.DisplayDate
	}
	return e.SpanText()
}

// SpanText returns the date or span at its precision ("24 Feb 2018",
// "25 Feb 2018 – 28 Feb 2018"), marked "about" when approximate.
func (e *Event) SpanText() string {
	s := e.Date.Format()
	if !e.End.IsZero() {
		s += " – " + e.End.Format()
	}
	if e.Approximate {
		s = "about " + s
	}
	return s
}

// Targets returns the events this one leads to, numbered as EventMarkdown
// numbers them: its links first, then the events that link to it.
func (e *Event) Targets() []string {
	out := make([]string, 0, len(e.Links)+len(e.Backlinks))
	for _, l := range e.Links {
		out = append(out, l.To)
	}
	for _, b := range e.Backlinks {
		out = append(out, b.From)
	}
	return out
}

// EventMarkdown writes an event as a Markdown document: title, date, tags,
// people, places, summary (in italics), body, claims, numbered sources, numbered links and the
// events that refer to it (numbered after the links, as Targets). All text
// from the file is made Harmless.
func EventMarkdown(c *Chronology, e *Event) string {
	var b strings.Builder
	h := HarmlessMarkdown
	fmt.Fprintf(&b, "# %s\n\n", escapeInline(HarmlessLine(e.Title)))
	fmt.Fprintf(&b, "**%s**", escapeInline(HarmlessLine(e.When())))
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
		fmt.Fprintf(&b, "- %s: %s\n", m.label, escapeInline(HarmlessLine(strings.Join(m.items, ", "))))
		wrote = true
	}
	if wrote {
		b.WriteString("\n")
	}
	if summary := strings.TrimSpace(e.Summary); summary != "" {
		fmt.Fprintf(&b, "*%s*\n\n", escapeInline(HarmlessLine(summary)))
	}
	if body := strings.TrimSpace(e.Body); body != "" {
		fmt.Fprintf(&b, "%s\n\n", h(body))
	}
	if len(e.Claims) > 0 {
		b.WriteString("## Claims\n\n")
		for _, cl := range e.Claims {
			fmt.Fprintf(&b, "- **%s**: %s", strings.ToUpper(string(cl.Status)), escapeInline(HarmlessLine(cl.Text)))
			if cl.Note != "" {
				fmt.Fprintf(&b, " — %s", escapeInline(HarmlessLine(cl.Note)))
			}
			b.WriteString("\n")
		}
		b.WriteString("\n")
	}
	if len(e.Sources) > 0 {
		b.WriteString("## Sources\n\n")
		for i, s := range e.Sources {
			fmt.Fprintf(&b, "%d. %s\n", i+1, sourceLine(s))
			if s.Quote != "" {
				fmt.Fprintf(&b, "   > %s\n", escapeInline(HarmlessLine(s.Quote)))
			}
		}
		b.WriteString("\n")
	}
	n := 0
	if len(e.Links) > 0 {
		b.WriteString("## Links\n\n")
		for _, l := range e.Links {
			n++
			fmt.Fprintf(&b, "%d. %s\n", n, targetLine(c, l.To, l.Note))
		}
		b.WriteString("\n")
	}
	if len(e.Backlinks) > 0 {
		b.WriteString("## Referenced by\n\n")
		for _, bl := range e.Backlinks {
			n++
			fmt.Fprintf(&b, "%d. %s\n", n, targetLine(c, bl.From, bl.Note))
		}
		b.WriteString("\n")
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// sourceLine is "Title, Publisher, 22 Jan 2025: <url>".
func sourceLine(s Source) string {
	parts := []string{"*" + escapeInline(HarmlessLine(s.Title)) + "*"}
	if s.Publisher != "" {
		parts = append(parts, escapeInline(HarmlessLine(s.Publisher)))
	}
	if !s.Published.IsZero() {
		parts = append(parts, s.Published.Format())
	}
	line := strings.Join(parts, ", ")
	if s.URL != "" {
		line += " <" + neutralizeReferences(HarmlessLine(s.URL)) + ">"
	}
	return line
}

// targetLine is "Title (24 Feb 2018) — note" for a linked event.
func targetLine(c *Chronology, id, note string) string {
	line := "`" + HarmlessLine(id) + "`"
	if t := c.Event(id); t != nil {
		// the date, not a display_date, which may be long or have its own
		// parentheses
		line = fmt.Sprintf("%s (%s)", escapeItem(HarmlessLine(shorten(t.Title, targetTitleMax))), t.SpanText())
	}
	if note != "" {
		line += " — " + escapeInline(HarmlessLine(note))
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
// character references that would make control characters.
func escapeInline(s string) string { return neutralizeReferences(inlineEscaper.Replace(s)) }

// MarkdownLine makes one line of text from a file safe to put in Markdown:
// Harmless, on one line, and with nothing that would start Markdown
// structure it did not mean.
func MarkdownLine(s string) string { return escapeInline(HarmlessLine(s)) }

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
