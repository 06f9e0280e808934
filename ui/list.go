package ui

import (
	"backstory/timeline"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// listModel is the timeline on the left: the events the filter lets
// through, with a separator row where the year (or era) changes. Only the
// rows in the window are drawn, so a list of 100 000 events costs the same
// to draw as one of 40.
type listModel struct {
	chron   *timeline.Chronology
	events  []*timeline.Event // the visible events, in order
	rows    []listRow
	rowOf   []int // rowOf[i] is the row of events[i]
	cursor  int   // index into events
	offset  int   // first row drawn
	width   int
	height  int
	words   []string // filter words to highlight
	st      *Styles
	focused bool // the list has the keys: the selected row is drawn bright

	// what is worked out once per chronology, off the key path, so that
	// a filter keystroke does not loop over the whole chronology
	facts listFacts

	// newestFirst shows the events in reverse (s): events, rows and
	// rowOf are then in that order
	newestFirst bool
}

func newList(st *Styles) listModel { return listModel{st: st, focused: true} }

// Update moves the selection: the moving keys, the wheel, a click (its Y
// relative to the list's first line).
func (l *listModel) Update(msg tea.Msg) (*listModel, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if step, ok := movingKey(msg, l.KeyMap(), max(1, l.height-1), len(l.events)); ok {
			l.move(step)
		}
	case tea.MouseWheelMsg:
		l.scroll(wheelMove(msg))
	case tea.MouseClickMsg:
		if i := l.EventAt(msg.Y); i >= 0 && msg.Button == tea.MouseLeft {
			l.cursor = i
			l.ensureVisible()
		}
	}
	return l, nil
}

// KeyMap is the list's moving keys, each enabled when it would move.
func (l *listModel) KeyMap() KeyMap {
	k := defaultKeyMap()
	k.mode = modeList
	k.setEnabled(false)
	n, at := len(l.events), l.cursor
	up, down := n > 0 && at > 0, n > 0 && at < n-1
	for _, b := range []*key.Binding{&k.Up, &k.Top, &k.PageUp} {
		b.SetEnabled(up)
	}
	for _, b := range []*key.Binding{&k.Down, &k.Bottom, &k.PageDown} {
		b.SetEnabled(down)
	}
	return k
}

// SetStyles follows a change of colours.
func (l *listModel) SetStyles(st *Styles) { l.st = st }

// SetFocused says whether the list has the keys.
func (l *listModel) SetFocused(on bool) { l.focused = on }

// SetWords sets the filter's words, highlighted in the titles.
func (l *listModel) SetWords(words []string) { l.words = words }

// Events are the events shown, in order.
func (l *listModel) Events() []*timeline.Event { return l.events }

// Len is the number of events shown.
func (l *listModel) Len() int { return len(l.events) }

// Cursor is the index of the selected event among those shown.
func (l *listModel) Cursor() int { return l.cursor }

// Width is the list's width, for the root to tell which pane the pointer
// is over.
func (l *listModel) Width() int { return l.width }

// Move moves the selection by n events (the filter bar's arrows).
func (l *listModel) Move(n int) { l.move(n) }

// Selected returns the selected event, or nil when the list is empty.
func (l *listModel) Selected() *timeline.Event {
	if l.cursor < 0 || l.cursor >= len(l.events) {
		return nil
	}
	return l.events[l.cursor]
}

// indexOf returns the position of e among the visible events, or -1.
func (l *listModel) indexOf(e *timeline.Event) int {
	if e == nil {
		return -1
	}
	for i, v := range l.events {
		if v == e {
			return i
		}
	}
	return -1
}

// Hides reports whether the filter hides e: it is not among the visible
// events. The selected event, the usual case, is answered without a scan.
func (l *listModel) Hides(e *timeline.Event) bool {
	return e != nil && e != l.Selected() && l.indexOf(e) < 0
}

// Select moves the cursor to e; false when the filter hides e.
func (l *listModel) Select(e *timeline.Event) bool {
	i := l.indexOf(e)
	if i < 0 {
		return false
	}
	l.cursor = i
	l.ensureVisible()
	return true
}

func (l *listModel) SetSize(w, h int) {
	l.width, l.height = max(0, w), max(0, h)
	l.ensureVisible()
}

// move moves the cursor by n events, stopping at the ends.
func (l *listModel) move(n int) {
	if len(l.events) == 0 {
		return
	}
	l.cursor = min(max(l.cursor+n, 0), len(l.events)-1)
	l.ensureVisible()
}

// year moves to the first event of the next year (dir > 0) or of the
// previous one (dir < 0): from 26 Jan 2025, back is 2024's first event.
func (l *listModel) year(dir int) {
	e := l.Selected()
	if e == nil {
		return
	}
	i := l.cursor
	if dir > 0 {
		for i < len(l.events) && l.events[i].Date.Year == e.Date.Year {
			i++
		}
		if i == len(l.events) {
			return
		}
	} else {
		for i > 0 && l.events[i-1].Date.Year == e.Date.Year {
			i--
		}
		if i == 0 {
			return
		}
		for i--; i > 0 && l.events[i-1].Date.Year == l.events[i].Date.Year; i-- {
		}
	}
	l.cursor = i
	l.ensureVisible()
}

// HasYear reports whether there is a year before (dir < 0) or after the
// selected event's among the events shown.
func (l *listModel) HasYear(dir int) bool {
	n := len(l.events)
	if n == 0 {
		return false
	}
	if dir > 0 {
		return l.events[n-1].Date.Year != l.events[l.cursor].Date.Year
	}
	return l.events[0].Date.Year != l.events[l.cursor].Date.Year
}

// Year moves to the first event of the next (dir > 0) or previous year.
func (l *listModel) Year(dir int) { l.year(dir) }

// scroll moves the window by n rows (the mouse wheel), dragging the cursor
// along when it would leave the window.
func (l *listModel) scroll(n int) {
	if len(l.rows) == 0 || l.height <= 0 {
		return
	}
	l.offset = min(max(l.offset+n, 0), l.maxOffset())
	r, body := l.rowOf[l.cursor], l.body(l.offset)
	switch {
	case r < l.offset:
		l.cursor = l.firstEventFrom(l.offset, 1)
	case r >= l.offset+body:
		l.cursor = l.firstEventFrom(l.offset+body-1, -1)
	}
}

// firstEventFrom returns the event of the first event row from row r going
// in direction dir.
func (l *listModel) firstEventFrom(r, dir int) int {
	for ; r >= 0 && r < len(l.rows); r += dir {
		if l.rows[r].event >= 0 {
			return l.rows[r].event
		}
	}
	return l.cursor
}

// EventAt returns the event drawn on line y of the list, or -1 (a
// separator, a header pinned at the top, nothing).
func (l *listModel) EventAt(y int) int {
	pins := len(l.pins(l.offset))
	r := l.offset + y - pins
	if y < pins || y >= l.height || r < 0 || r >= len(l.rows) {
		return -1
	}
	return l.rows[r].event
}

// scrollOff is how many rows of context the selected row keeps above and
// below it, except at the ends (as vim's scrolloff).
const scrollOff = 2

// ensureVisible scrolls so the selected row is in the window, with
// scrollOff rows around it.
func (l *listModel) ensureVisible() {
	if len(l.events) == 0 || l.height <= 0 {
		l.offset = 0
		return
	}
	r := l.rowOf[l.cursor]
	ctx := min(scrollOff, max(0, (l.height-3)/2))
	if r-ctx < l.offset {
		l.offset = max(0, r-ctx)
	}
	if r+ctx >= l.offset+l.body(l.offset) {
		l.offset = max(0, r+ctx-l.height+1)
		for l.offset < r && r+ctx >= l.offset+l.body(l.offset) {
			l.offset++
		}
	}
	l.offset = min(max(l.offset, 0), l.maxOffset())
}

// maxOffset is the offset that shows the last row at the bottom.
func (l *listModel) maxOffset() int {
	o := max(0, len(l.rows)-l.height)
	for o < len(l.rows) && o+l.body(o) < len(l.rows) {
		o++
	}
	return o
}
