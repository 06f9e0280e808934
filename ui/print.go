package ui

import (
	"fmt"
	"strings"

	"backstory/timeline"
	"backstory/timeline/interop"
)

// RenderEvent renders e as the detail pane does, in the style name (dark,
// light or notty), its text wrapped to width: for backstory show, which
// prints the whole event, nothing cut.
func RenderEvent(c *timeline.Chronology, e *timeline.Event, width int, style string) (string, error) {
	doc, err := renderDocument(eventBlocks(c, e, nil, true), width, style)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for _, l := range doc.lines {
		b.WriteString(strings.TrimRight(l, " "))
		b.WriteByte('\n')
	}
	return b.String(), nil
}

// fromNote says which file and line e comes from ("From b.toml, line
// 12") when the chronology is merged from several files; else nothing.
func fromNote(c *timeline.Chronology, e *timeline.Event) []string {
	if len(c.Files) < 2 || e.Pos.File == "" {
		return nil
	}
	from := "From " + interop.MarkdownLine(e.Pos.File)
	if e.Pos.Line > 0 {
		from += fmt.Sprintf(", line %d", e.Pos.Line)
	}
	return []string{from}
}

// eventBlocks is the document of v, in blocks, each claim, source and link
// one of its own, so that the line it starts on is known; notes say what
// was cut from it; with ids, each linked event's id follows its title.
func eventBlocks(c *timeline.Chronology, v *timeline.Event, notes []string, ids bool) []docBlock {
	sectionsOf := interop.EventSections
	if ids {
		sectionsOf = interop.ShowSections
	}
	head, sections := sectionsOf(c, v)
	doc := []docBlock{{md: head, kind: noSection}}
	for _, s := range sections {
		doc = append(doc, docBlock{md: "## " + s.Heading + "\n", gap: 1, kind: noSection})
		for i, it := range s.Items {
			gap := 0
			if i == 0 {
				gap = 1
			}
			b := docBlock{md: it, gap: gap, kind: s.Kind, item: i}
			if s.Kind == interop.SectionClaims {
				// the status is drawn by the pane, in its colour
				cl := v.Claims[i]
				b.md, b.claim, b.rated = "- "+interop.ClaimMarkdown(cl)+"\n", cl.Status, true
			}
			doc = append(doc, b)
		}
	}
	for _, n := range notes {
		doc = append(doc, docBlock{md: "*" + n + "*\n", gap: 1, kind: noSection})
	}
	return doc
}
