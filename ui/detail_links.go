package ui

import (
	"fmt"

	"backstory/timeline"
)

// The detail pane's links: the events the one on show leads to, which tab
// selects, enter, 1-9 and a click follow, and the line under the pane
// that names the selected one. Where each is drawn is recorded when the
// document is rendered (render.go).

// target is an event this one leads to: a link, or a backlink (an event
// that links here). They are numbered in this order, as in the Markdown.
type target struct {
	id    string
	title string // harmless
	note  string // harmless
	back  bool
}

func newTarget(c *timeline.Chronology, id, note string, back bool) target {
	t := target{id: id, title: timeline.HarmlessLine(id), note: timeline.HarmlessLine(short(note)), back: back}
	if e := c.Event(id); e != nil {
		t.title = timeline.HarmlessLine(short(e.Title))
	}
	return t
}

// selectLink selects the next (dir > 0) or previous link, wrapping around.
func (d *detailModel) selectLink(dir int) {
	n := len(d.targets)
	if n == 0 {
		return
	}
	switch {
	case d.linkSel < 0 && dir > 0:
		d.linkSel = 0
	case d.linkSel < 0:
		d.linkSel = n - 1
	default:
		d.linkSel = ((d.linkSel+dir)%n + n) % n
	}
	d.fitViewport()
	if l := d.linkLine[d.linkSel]; l >= 0 {
		d.show(l)
	}
}

// Unselect drops the link selection (the pane loses the keys).
func (d *detailModel) Unselect() {
	if d.linkSel >= 0 {
		d.linkSel = -1
		d.fitViewport()
	}
}

// LinkAt returns the target whose first line is drawn on line y of the
// pane, or -1.
func (d *detailModel) LinkAt(y int) int {
	if y < 0 || y >= d.bodyHeight() || d.key == (renderKey{}) {
		return -1
	}
	for i, l := range d.linkLine {
		if l >= 0 && l == d.Offset()+y {
			return i
		}
	}
	return -1
}

// Target returns target i.
func (d *detailModel) Target(i int) target { return d.targets[i] }

// SelectedTarget returns the selected link, if any.
func (d *detailModel) SelectedTarget() (target, bool) {
	if d.linkSel < 0 || d.linkSel >= len(d.targets) {
		return target{}, false
	}
	return d.targets[d.linkSel], true
}

// linkBar names the selected link under the pane.
func linkBar(i int, t target) string {
	arrow := "→"
	if t.back {
		arrow = "←"
	}
	s := fmt.Sprintf("%s %d. %s", arrow, i+1, t.title)
	if t.note != "" {
		s += " — " + t.note
	}
	return s + "  (enter follows)"
}
