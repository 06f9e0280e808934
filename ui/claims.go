package ui

import (
	"fmt"
	"strings"

	"backstory/timeline"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// claimsView is the claims view (c): every claim of the events the list
// shows, one a row, in the list's order: status, claim, event date and
// title. v u d f keep one status (pressed again: all of them); enter
// opens the event at that claim and esc goes back, both through the
// root. Like the help it is drawn in place of the panes while open.
type claimsView struct {
	st     *Styles
	open   bool
	all    []claimRow // every claim of the events shown
	rows   []claimRow // those of the status kept
	keep   timeline.ClaimStatus
	cursor int // index into rows
	offset int // first row drawn
	width  int
	height int // the head line and the rows

	events []*timeline.Event // what all was built from
}

// claimRow is one claim: its event and its number there (from 0).
type claimRow struct {
	e *timeline.Event
	i int
}

func (r claimRow) claim() timeline.Claim { return r.e.Claims[r.i] }

// statusKeys are the keys that keep one status, in the help's order.
var statusKeys = []struct {
	key    string
	status timeline.ClaimStatus
}{{"v", timeline.Verified}, {"u", timeline.Unverified}, {"d", timeline.Disputed}, {"f", timeline.False}}

func newClaimsView(st *Styles) claimsView { return claimsView{st: st} }

// SetStyles follows a change of colours.
func (c *claimsView) SetStyles(st *Styles) { c.st = st }

// IsOpen reports whether the view is on screen.
func (c *claimsView) IsOpen() bool { return c.open }

// Open shows the claims of events, the cursor on the first claim of at
// (the event on show), if it has one.
func (c *claimsView) Open(events []*timeline.Event, at *timeline.Event) {
	c.open, c.keep = true, ""
	c.events = nil
	c.SetEvents(events)
	c.cursor, c.offset = 0, 0
	for i, r := range c.rows {
		if r.e == at {
			c.cursor = i
			break
		}
	}
	c.ensureVisible()
}

// Close takes the view off the screen.
func (c *claimsView) Close() { c.open = false }

// SetEvents shows the claims of events (the list's, after a reload or a
// new filter), keeping the claim under the cursor when it is still there.
func (c *claimsView) SetEvents(events []*timeline.Event) {
	if len(events) == len(c.events) && (len(events) == 0 || &events[0] == &c.events[0]) {
		return // the same slice: nothing changed
	}
	var was claimRow
	if c.cursor < len(c.rows) {
		was = c.rows[c.cursor]
	}
	c.events = events
	c.all = c.all[:0]
	for _, e := range events {
		for i := range e.Claims {
			c.all = append(c.all, claimRow{e, i})
		}
	}
	c.filter(was)
}

// filter keeps the rows of the status kept, the cursor on was if it is
// among them.
func (c *claimsView) filter(was claimRow) {
	c.rows = c.rows[:0]
	c.cursor = 0
	for _, r := range c.all {
		if c.keep != "" && r.claim().Status != c.keep {
			continue
		}
		if was.e != nil && r.e.ID == was.e.ID && r.i == was.i {
			c.cursor = len(c.rows)
		}
		c.rows = append(c.rows, r)
	}
	c.ensureVisible()
}

// Selected is the claim under the cursor: its event and number.
func (c *claimsView) Selected() (*timeline.Event, int, bool) {
	if c.cursor >= len(c.rows) {
		return nil, 0, false
	}
	r := c.rows[c.cursor]
	return r.e, r.i, true
}

// SetSize gives the view the body's size.
func (c *claimsView) SetSize(w, h int) {
	c.width, c.height = w, h
	c.ensureVisible()
}

// page is how many rows fit under the head line.
func (c *claimsView) page() int { return max(1, c.height-1) }

func (c *claimsView) move(n int) {
	c.cursor = min(max(c.cursor+n, 0), max(0, len(c.rows)-1))
	c.ensureVisible()
}

func (c *claimsView) ensureVisible() {
	if c.cursor < c.offset {
		c.offset = c.cursor
	}
	if c.cursor >= c.offset+c.page() {
		c.offset = c.cursor - c.page() + 1
	}
	c.offset = min(max(c.offset, 0), max(0, len(c.rows)-c.page()))
}

// Update moves the cursor and keeps one status.
func (c *claimsView) Update(msg tea.Msg) (*claimsView, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		k := c.KeyMap()
		switch step, ok := movingKey(msg, k, c.page(), len(c.rows)); {
		case ok:
			c.move(step)
		case key.Matches(msg, k.KeepStatus):
			for _, s := range statusKeys {
				if msg.String() == s.key {
					was := claimRow{}
					if c.cursor < len(c.rows) {
						was = c.rows[c.cursor]
					}
					if c.keep == s.status {
						c.keep = ""
					} else {
						c.keep = s.status
					}
					c.filter(was)
				}
			}
		}
	case tea.MouseWheelMsg:
		c.move(wheelMove(msg))
	}
	return c, nil
}

// KeyMap is the view's own keys, each enabled where it moves something;
// enter and esc act through the root (see Model.actClaims).
func (c *claimsView) KeyMap() KeyMap {
	k := defaultKeyMap()
	k.setEnabled(false)
	if !c.open {
		return k
	}
	n := len(c.rows)
	k.Up.SetEnabled(c.cursor > 0)
	k.Down.SetEnabled(c.cursor < n-1)
	k.Top.SetEnabled(c.cursor > 0)
	k.Bottom.SetEnabled(c.cursor < n-1)
	k.PageUp.SetEnabled(c.cursor > 0)
	k.PageDown.SetEnabled(c.cursor < n-1)
	k.KeepStatus.SetEnabled(len(c.all) > 0)
	if c.keep != "" {
		k.KeepStatus.SetHelp("v/u/d/f", "keep a status (again: all)")
	}
	return k
}

// Len is how many claims the view lists (of the status kept).
func (c *claimsView) Len() int { return len(c.rows) }

// Widths of the columns of a row.
const (
	claimStatusW = 12 // "○ UNVERIFIED"
	claimDateW   = 11 // "24 Feb 2018"
)

// View draws the head line and the rows, exactly the size given.
func (c *claimsView) View() string {
	if c.height <= 0 || c.width <= 0 {
		return ""
	}
	lines := make([]string, 0, c.height)
	lines = append(lines, c.st.Title.Render(cut(c.head(), c.width)))
	if len(c.rows) == 0 {
		msg := " No claims in the events shown."
		if c.keep != "" {
			msg = fmt.Sprintf(" No %s claims in the events shown; %s shows them all.", c.keep, keyOf(c.keep))
		}
		lines = append(lines, cut(msg, c.width))
	}
	for r := c.offset; r < len(c.rows) && len(lines) < c.height; r++ {
		lines = append(lines, c.rowView(r))
	}
	return strings.Join(box(lines, c.width, c.height), "\n")
}

// head says what the view lists: how many claims of how many events, by
// status, and which status is kept.
func (c *claimsView) head() string {
	counts := map[timeline.ClaimStatus]int{}
	events := map[*timeline.Event]bool{}
	for _, r := range c.all {
		counts[r.claim().Status]++
		events[r.e] = true
	}
	var parts []string
	for _, s := range timeline.ClaimStatuses {
		parts = append(parts, fmt.Sprintf("%s %d", s.Symbol(), counts[s]))
	}
	text := fmt.Sprintf("Claims: %s of %s (%s)", plural(len(c.all), "claim"), plural(len(events), "event"), strings.Join(parts, " "))
	if c.keep != "" {
		text += fmt.Sprintf(" · %s only (%s: all)", c.keep, keyOf(c.keep))
	}
	return text
}

// keyOf is the key that keeps status s.
func keyOf(s timeline.ClaimStatus) string {
	for _, k := range statusKeys {
		if k.status == s {
			return k.key
		}
	}
	return ""
}

// rowView is one claim: its status, its text, its event's date and title.
func (c *claimsView) rowView(r int) string {
	row := c.rows[r]
	cl := row.claim()
	base := c.st.Row
	if r == c.cursor {
		base = c.st.Selected
	}
	w := c.width
	var b strings.Builder
	used := 0
	b.WriteString(base.Render(" "))
	used++
	badge := fit(cl.Status.Badge(), min(claimStatusW, max(0, w-used)))
	b.WriteString(c.st.Claim(cl.Status).Bold(true).Inherit(base).Render(badge))
	used += ansi.StringWidth(badge)
	rest := w - used
	if rest <= 1 {
		return b.String()
	}
	// the claim gets 60% of what is left, the event the rest
	event := timeline.HarmlessLine(short(row.e.Title))
	if w >= 60 {
		event = fit(listDate(row.e), claimDateW) + " " + event
	}
	claimW := rest - 1
	if rest >= 40 {
		claimW = rest*3/5 - 1
	}
	text := fit(timeline.HarmlessLine(short(cl.Text)), claimW)
	b.WriteString(base.Render(" " + text))
	used += 1 + claimW
	if eventW := w - used - 2; eventW > 0 {
		b.WriteString(c.st.Date.Inherit(base).Render("  " + fit(event, eventW)))
	} else if n := w - used; n > 0 {
		b.WriteString(base.Render(strings.Repeat(" ", n)))
	}
	return b.String()
}
