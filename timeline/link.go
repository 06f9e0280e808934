package timeline

import (
	"cmp"
	"fmt"
	"slices"
)

// The last stage, link: links resolved to events (and close ids offered
// for missing ones, see suggest.go), the events sorted, backlinks made.

// finish resolves links, sorts, and computes backlinks.
func (ld *loader) finish() (*Chronology, Diagnostics) {
	c := ld.c
	c.Files = ld.files
	// (a file that could not be read may have the title)
	if !ld.titled && ld.firstDecoded != "" && len(ld.unreadable) == 0 {
		if ld.firstEmpty {
			ld.errorf(Position{File: ld.firstDecoded, Line: 1}, `the file is empty: a chronology needs title = "..." and its events as [[event]] tables (backstory init writes an example)`)
		} else {
			ld.errorf(Position{File: ld.firstDecoded, Line: 1}, `missing title: add title = "..." at the top of the file`)
		}
	}
	sg := suggester{ids: c.byID, memo: map[string]string{}}
	var unchecked missingLinks
	for k, e := range ld.read {
		var lf linkFinder
		for i, l := range e.Links {
			if _, ok := c.byID[l.To]; ok {
				continue
			}
			o := ld.origins[k]
			var pos Position
			if o.layout != nil {
				line, col := lf.find(o.layout, o.table.tablePos, l.To)
				pos = Position{File: e.Pos.File, Line: line, Col: col}
			} else {
				pos = e.Pos
			}
			if len(ld.unreadable) > 0 {
				if unchecked.add(pos, e.ID, i, l.To) {
					unchecked.layout = o.layout
				}
				continue
			}
			ld.errorf(pos, "event %q: links item %d: no event has id %q%s", e.ID, i+1, l.To, sg.suggest(l.To, e.ID))
			ld.annotateLast(o.layout)
		}
	}
	if unchecked.n > 0 {
		ld.warnf(unchecked.pos, "%s", unchecked.message(ld.unreadable))
		ld.annotateLast(unchecked.layout)
	}
	order := map[string]int{}
	for i, f := range ld.files {
		if _, ok := order[f]; !ok {
			order[f] = i
		}
	}
	ld.diags.sortByPosition(order)
	if ld.diags.HasErrors() {
		return nil, ld.diags
	}
	// read order breaks ties, so any sort gives the one order
	slices.SortFunc(c.Events, func(a, b *Event) int {
		if d := Compare(a.Date, b.Date); d != 0 {
			return d
		}
		return cmp.Compare(a.order, b.order)
	})
	for i, e := range c.Events {
		e.Index = i
	}
	for _, e := range c.Events {
		for _, l := range e.Links {
			t := c.byID[l.To]
			t.Backlinks = append(t.Backlinks, Backlink{From: e.ID, Note: l.Note})
		}
	}
	c.search.linked = true // its links and backlinks agree
	return c, ld.diags
}

// missingLinks are the links to ids not found while some file could not
// be read: their events may be in it, so they are not errors, but one
// note says they were not checked, at the first of them.
type missingLinks struct {
	n      int
	pos    Position
	layout *fileLayout // of the file of the first
	first  string      // `event "b": links item 1: no event has id "a"`
}

// add counts a link, and reports whether it is the first.
func (m *missingLinks) add(pos Position, from string, i int, to string) bool {
	m.n++
	if m.n > 1 {
		return false
	}
	m.pos = pos
	m.first = fmt.Sprintf("event %q: links item %d: no event has id %q", from, i+1, to)
	return true
}

// annotateLast gives the last diagnostic its line of the file whose
// layout is l, if known.
func (ld *loader) annotateLast(l *fileLayout) {
	d := &ld.diags[len(ld.diags)-1]
	if l == nil || d.Pos.Line < 1 {
		return
	}
	if text, ok := l.line(d.Pos.Line); ok {
		annotateLine(d, text)
	}
}

// message is the note about the links: "links to missing ids are not
// checked while a.toml cannot be read: event "b": links item 1: no event
// has id "a" in the files read (and 2 more links like it)".
func (m *missingLinks) message(unreadable []string) string {
	var files string
	switch len(unreadable) {
	case 1:
		files = unreadable[0]
	case 2:
		files = unreadable[0] + " and " + unreadable[1]
	default:
		files = fmt.Sprintf("%s and %d other files", unreadable[0], len(unreadable)-1)
	}
	msg := fmt.Sprintf("links to missing ids are not checked while %s cannot be read: %s in the files read", files, m.first)
	switch m.n {
	case 1:
	case 2:
		msg += " (and 1 more link like it)"
	default:
		msg += fmt.Sprintf(" (and %d more links like it)", m.n-1)
	}
	return msg
}

// Targets returns the events this one leads to, in the order an event's
// document numbers them (from 1): its links first, then the events that
// link to it.
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
