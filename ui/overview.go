package ui

import (
	"fmt"
	"strings"

	"backstory/timeline"
	"backstory/timeline/interop"
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
	fmt.Fprintf(&b, "# %s\n\n", interop.MarkdownLine(capText(overviewTitle(c), textCap)))
	if n := c.Len(); n == 0 {
		b.WriteString("**No events yet**\n\n")
	} else {
		span := c.Events[0].Date.Format()
		if end := lastDate(c); end != span {
			span += " – " + end
		}
		fmt.Fprintf(&b, "**%s, %s**\n\n", plural(n, "event"), span)
	}
	if d := strings.TrimSpace(c.Description); len(d) > bodyCap { // capped as an event's body is (render.go)
		fmt.Fprintf(&b, "%s\n\n*… description cut at %s of %s; the file has it all*\n\n",
			timeline.HarmlessMarkdown(cutBody(d, bodyCap)), sizeText(bodyCap), sizeText(len(d)))
	} else if d != "" {
		fmt.Fprintf(&b, "%s\n\n", timeline.HarmlessMarkdown(d))
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
			fmt.Fprintf(&b, "- **%s**: %s (%s)\n", interop.MarkdownLine(capText(er.Title, textCap)), span, plural(counts[er], "event"))
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

// eraOf returns the era of c that e belongs to, or nil: the one whose
// range holds the first day of e, its start day included, so that an
// event on the day an era starts is in that era, not the one ending then.
func eraOf(c *timeline.Chronology, e *timeline.Event) *timeline.Era {
	if c == nil {
		return nil
	}
	var best *timeline.Era
	d := e.Date.First()
	for i := range c.Eras {
		er := &c.Eras[i]
		if d >= er.Start.First() && (er.End.IsZero() || d <= er.End.Last()) &&
			(best == nil || er.Start.First() > best.Start.First()) {
			best = er
		}
	}
	return best
}
