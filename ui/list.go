package ui

import (
	"strconv"
	"strings"

	"backstory/timeline"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
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

	// eraAt[i] is the era of chron.Events[i], worked out once per
	// chronology (erasOf) so that a filter keystroke does not loop over
	// the eras for every event
	eraAt  []*timeline.Era
	erasOf *timeline.Chronology
}

// listRow is an event or a separator.
type listRow struct {
	event int    // index into events; -1 for a separator
	label string // the separator's text
	era   bool
}

// Widths of the parts of a row.
const (
	markWidth    = 2  // "!?"
	dateWidth    = 12 // "~24 Feb 2018"
	minDateWidth = 30 // below this the date column is left out
)

func newList(st *Styles) listModel { return listModel{st: st, focused: true} }

// Update moves the selection: the moving keys, the wheel, a click (its Y
// relative to the list's first line).
func (l *listModel) Update(msg tea.Msg) (*listModel, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		k := l.KeyMap()
		switch {
		case key.Matches(msg, k.Up):
			l.move(-1)
		case key.Matches(msg, k.Down):
			l.move(1)
		case key.Matches(msg, k.Top):
			l.move(-len(l.events))
		case key.Matches(msg, k.Bottom):
			l.move(len(l.events))
		case key.Matches(msg, k.PageUp):
			l.move(-max(1, l.height-1))
		case key.Matches(msg, k.PageDown):
			l.move(max(1, l.height-1))
		case key.Matches(msg, k.PrevYear):
			l.year(-1)
		case key.Matches(msg, k.NextYear):
			l.year(1)
		}
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			l.scroll(-wheelStep)
		case tea.MouseWheelDown:
			l.scroll(wheelStep)
		}
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
	for _, b := range []*key.Binding{&k.Up, &k.Top, &k.PageUp, &k.PrevYear} {
		b.SetEnabled(up)
	}
	for _, b := range []*key.Binding{&k.Down, &k.Bottom, &k.PageDown} {
		b.SetEnabled(down)
	}
	k.NextYear.SetEnabled(down && l.events[n-1].Date.Year != l.events[at].Date.Year)
	return k
}

// SetStyles follows a change of colours.
func (l *listModel) SetStyles(st *Styles) { l.st = st }

// SetFocused says whether the list has the keys.
func (l *listModel) SetFocused(on bool) { l.focused = on }

// SetWords sets the filter's words, highlighted in the titles.
func (l *listModel) SetWords(words []string) { l.words = words }

// Len is the number of events shown.
func (l *listModel) Len() int { return len(l.events) }

// Cursor is the index of the selected event among those shown.
func (l *listModel) Cursor() int { return l.cursor }

// Width is the list's width, for the root to tell which pane the pointer
// is over.
func (l *listModel) Width() int { return l.width }

// Move moves the selection by n events (the filter bar's arrows).
func (l *listModel) Move(n int) { l.move(n) }

// SetEvents shows evs of c, keeping keep selected when it is among them, or
// else the event nearest after it.
func (l *listModel) SetEvents(c *timeline.Chronology, evs []*timeline.Event, keep *timeline.Event) {
	l.chron = c
	l.events = evs
	l.rows = make([]listRow, 0, len(evs)+len(evs)/4+2)
	l.rowOf = make([]int, len(evs))
	var era *timeline.Era
	year, first := 0, true
	for i, e := range evs {
		er := l.eraOf(e)
		if er != nil && er != era {
			l.rows = append(l.rows, listRow{event: -1, label: timeline.HarmlessLine(short(er.Title)), era: true})
			first = true
		}
		era = er
		if first || e.Date.Year != year {
			l.rows = append(l.rows, listRow{event: -1, label: yearLabel(e.Date.Year)})
			year, first = e.Date.Year, false
		}
		l.rowOf[i] = len(l.rows)
		l.rows = append(l.rows, listRow{event: i})
	}
	l.cursor = 0
	if keep != nil {
		l.cursor = l.nearest(keep)
	}
	l.offset = 0
	l.ensureVisible()
}

// Reload shows the events of a chronology read again, keeping the
// scroll where it was and keep selected (or the event after it); eras is
// its eraTable.
func (l *listModel) Reload(c *timeline.Chronology, eras []*timeline.Era, evs []*timeline.Event, keep *timeline.Event) {
	l.eraAt, l.erasOf = eras, c
	offset := l.offset
	l.SetEvents(c, evs, keep)
	l.offset = offset
	l.ensureVisible()
}

// nearest returns the index of e among the visible events, or of the first
// visible event after it, or the last.
func (l *listModel) nearest(e *timeline.Event) int {
	for i, v := range l.events { // events are few enough that a scan is fine
		if v == e {
			return i
		}
		if v.Index > e.Index {
			return i
		}
	}
	return max(0, len(l.events)-1)
}

// eraOf returns the era e falls in, from the chronology's table of them.
func (l *listModel) eraOf(e *timeline.Event) *timeline.Era {
	c := l.chron
	if c == nil || len(c.Eras) == 0 {
		return nil
	}
	if l.erasOf != c {
		l.eraAt, l.erasOf = eraTable(c), c
	}
	if e.Index >= 0 && e.Index < len(l.eraAt) && c.Events[e.Index] == e {
		return l.eraAt[e.Index]
	}
	return eraOf(c, e)
}

// eraTable is the era of each event of c, by index: worked out once per
// chronology, by the command that loads it, off the key path.
func eraTable(c *timeline.Chronology) []*timeline.Era {
	if len(c.Eras) == 0 {
		return nil
	}
	t := make([]*timeline.Era, len(c.Events))
	for i, ev := range c.Events {
		t[i] = eraOf(c, ev)
	}
	return t
}

func yearLabel(y int) string {
	if y < 0 {
		return strconv.Itoa(-y) + " BCE"
	}
	return strconv.Itoa(y)
}

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

// year moves to the first event of the next year (dir > 0), or to the first
// event of this year, or of the previous one when already there (dir < 0).
func (l *listModel) year(dir int) {
	e := l.Selected()
	if e == nil {
		return
	}
	y := e.Date.Year
	if dir > 0 {
		for i := l.cursor + 1; i < len(l.events); i++ {
			if l.events[i].Date.Year != y {
				l.cursor = i
				break
			}
		}
		l.ensureVisible()
		return
	}
	i := l.cursor
	if i > 0 && l.events[i-1].Date.Year == y {
		for i > 0 && l.events[i-1].Date.Year == y {
			i--
		}
	} else if i > 0 {
		py := l.events[i-1].Date.Year
		i--
		for i > 0 && l.events[i-1].Date.Year == py {
			i--
		}
	}
	l.cursor = i
	l.ensureVisible()
}

// scroll moves the window by n rows (the mouse wheel), dragging the cursor
// along when it would leave the window.
func (l *listModel) scroll(n int) {
	if len(l.rows) == 0 || l.height <= 0 {
		return
	}
	l.offset = min(max(l.offset+n, 0), max(0, len(l.rows)-l.height))
	r := l.rowOf[l.cursor]
	switch {
	case r < l.offset:
		l.cursor = l.firstEventFrom(l.offset, 1)
	case r >= l.offset+l.height:
		l.cursor = l.firstEventFrom(l.offset+l.height-1, -1)
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

// EventAt returns the event drawn on line y of the list, or -1.
func (l *listModel) EventAt(y int) int {
	r := l.offset + y
	if y < 0 || y >= l.height || r < 0 || r >= len(l.rows) {
		return -1
	}
	return l.rows[r].event
}

// ensureVisible scrolls so the selected row is in the window, with the
// separators right above it when they fit.
func (l *listModel) ensureVisible() {
	if len(l.events) == 0 || l.height <= 0 {
		l.offset = 0
		return
	}
	r := l.rowOf[l.cursor]
	if r < l.offset {
		l.offset = r
		for l.offset > 0 && l.rows[l.offset-1].event < 0 && r-(l.offset-1) < l.height {
			l.offset--
		}
	}
	if r >= l.offset+l.height {
		l.offset = r - l.height + 1
	}
	l.offset = min(max(l.offset, 0), max(0, len(l.rows)-l.height))
}

// View draws exactly height lines of exactly width cells.
func (l *listModel) View() string {
	st := l.st
	if l.height <= 0 {
		return ""
	}
	lines := make([]string, 0, l.height)
	if len(l.events) == 0 {
		msg := " No events match the filter."
		if l.chron == nil || l.chron.Len() == 0 {
			msg = " This chronology has no events yet."
		}
		lines = append(lines, st.Label.Render(fit(msg, l.width)))
	}
	for r := l.offset; r < len(l.rows) && len(lines) < l.height; r++ {
		lines = append(lines, l.rowView(l.rows[r]))
	}
	return strings.Join(box(lines, l.width, l.height), "\n")
}

func (l *listModel) rowView(row listRow) string {
	st, w := l.st, l.width
	if row.event < 0 {
		rule, style := "─", st.Year
		if row.era {
			rule, style = "━", st.Era
		}
		text := cut(rule+rule+" "+row.label+" ", w)
		if n := w - ansi.StringWidth(text); n > 0 {
			text += strings.Repeat(rule, n)
		}
		return style.Render(text)
	}
	e := l.events[row.event]
	base := st.Row
	if row.event == l.cursor {
		base = st.SelectedBg
		if l.focused {
			base = st.Selected
		}
	}
	disputed, unsourced := " ", " "
	dStyle, uStyle := base, base
	if e.Disputed() {
		disputed, dStyle = "!", st.Disputed.Inherit(base)
	}
	if e.Unsourced() {
		unsourced, uStyle = "?", st.Unsourced.Inherit(base)
	}
	var b strings.Builder
	used := 0
	if w >= 1+markWidth {
		b.WriteString(base.Render(" "))
		b.WriteString(dStyle.Render(disputed))
		b.WriteString(uStyle.Render(unsourced))
		used = 1 + markWidth
	}
	if w >= minDateWidth {
		b.WriteString(base.Render(" "))
		b.WriteString(st.Date.Inherit(base).Render(fit(listDate(e), dateWidth)))
		used += 1 + dateWidth
	}
	if used < w {
		b.WriteString(base.Render(" "))
		used++
	}
	avail := w - used
	title := cut(timeline.HarmlessLine(short(e.Title)), avail)
	b.WriteString(highlight(title, l.words, base, st.Match.Inherit(base)))
	if n := avail - ansi.StringWidth(title); n > 0 {
		b.WriteString(base.Render(strings.Repeat(" ", n)))
	}
	return b.String()
}

// listDate is the event's date at its precision, without the clock time;
// "~" marks an approximate date.
func listDate(e *timeline.Event) string {
	d := e.Date
	d.Clock = ""
	s := d.Format()
	if e.Approximate {
		s = "~" + s
	}
	return s
}
