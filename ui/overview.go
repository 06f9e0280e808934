package ui

import (
	"fmt"
	"html"
	"regexp"
	"strconv"
	"strings"

	"backstory/timeline"
)

// The overview (i): the chronology itself rather than one of its events,
// read in the detail pane: its title, how many events over what span,
// its description and its eras. It is Markdown rendered like an event's,
// made as harmless as an event's: nothing from the file reaches the
// terminal raw.

// overviewTitle is the overview's heading: the chronology's title.
func overviewTitle(c *timeline.Chronology) string {
	if c == nil || strings.TrimSpace(c.Title) == "" {
		return "Untitled chronology"
	}
	return c.Title
}

// overviewMarkdown writes the overview of c as Markdown.
func overviewMarkdown(c *timeline.Chronology) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", inlineMarkdown(overviewTitle(c)))
	if n := c.Len(); n == 0 {
		b.WriteString("**No events yet**\n\n")
	} else {
		span := c.Events[0].Date.Format()
		if end := lastDate(c); end != span {
			span += " – " + end
		}
		fmt.Fprintf(&b, "**%s, %s**\n\n", plural(n, "event"), span)
	}
	if d := strings.TrimSpace(c.Description); d != "" {
		fmt.Fprintf(&b, "%s\n\n", harmlessMarkdown(d))
	} else {
		b.WriteString("*No description: a `description` at the top of the file, in Markdown, is shown here.*\n\n")
	}
	if len(c.Eras) > 0 {
		b.WriteString("## Eras\n\n")
		counts := map[*timeline.Era]int{}
		for _, e := range c.Events {
			if er := eraOf(c, e); er != nil {
				counts[er]++
			}
		}
		for i := range c.Eras {
			er := &c.Eras[i]
			span := "from " + er.Start.Format()
			if !er.End.IsZero() {
				span = er.Start.Format() + " – " + er.End.Format()
			}
			fmt.Fprintf(&b, "- **%s**: %s (%s)\n", inlineMarkdown(er.Title), span, plural(counts[er], "event"))
		}
		b.WriteString("\n")
	}
	return strings.TrimRight(b.String(), "\n") + "\n"
}

// lastDate is the latest date the chronology reaches: the last start, or
// a later end of a span.
func lastDate(c *timeline.Chronology) string {
	last := c.Events[len(c.Events)-1].Date
	for _, e := range c.Events {
		if !e.End.IsZero() && e.End.Last() > last.Last() {
			last = e.End
		}
	}
	return last.Format()
}

// eraOf returns the first era of c that e falls in, or nil.
func eraOf(c *timeline.Chronology, e *timeline.Event) *timeline.Era {
	if c == nil {
		return nil
	}
	for i := range c.Eras {
		er := &c.Eras[i]
		if e.Date.First() >= er.Start.First() && (er.End.IsZero() || e.Date.First() <= er.End.Last()) {
			return er
		}
	}
	return nil
}

// inlineMarkdown makes one line of text from the file safe to put in
// Markdown: harmless, and with nothing that would start Markdown structure
// it did not mean.
func inlineMarkdown(s string) string {
	return neutralizeReferences(inlineEscaper.Replace(timeline.HarmlessLine(s)))
}

var inlineEscaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`,
	"<", `\<`, ">", `\>`, "#", `\#`, "|", `\|`)

// harmlessMarkdown is timeline.Harmless for Markdown source: a character
// reference that names a character Harmless would show visibly (&#27; is
// ESC) is escaped, so that Glamour shows it as written rather than making
// the character.
func harmlessMarkdown(s string) string { return neutralizeReferences(timeline.Harmless(s)) }

// charReference is an HTML character reference.
var charReference = regexp.MustCompile(`&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);`)

func neutralizeReferences(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	return charReference.ReplaceAllStringFunc(s, func(ref string) string {
		if r := referenced(ref); r == "" || timeline.Harmless(r) != r {
			return "&amp;" + ref[1:]
		}
		return ref
	})
}

// referenced returns the character a reference names, "" for none.
// Numeric references are read as their code point, as Markdown renderers
// do.
func referenced(ref string) string {
	if num, ok := strings.CutPrefix(ref, "&#"); ok {
		num, base := strings.TrimSuffix(num, ";"), 10
		if num[0] == 'x' || num[0] == 'X' {
			num, base = num[1:], 16
		}
		n, err := strconv.ParseInt(num, base, 32)
		if err != nil || n <= 0 || n > 0x10ffff {
			return ""
		}
		return string(rune(n))
	}
	return html.UnescapeString(ref)
}
