package ui

import (
	"fmt"

	"backstory/timeline"
	tea "charm.land/bubbletea/v2"
)

// The event on show: which it is, how the reader got there (links
// followed, the jump history), and how the components are kept in step
// with it after every message.

// follow jumps to the event with id, recording where the jump started.
func (m *Model) follow(id string) tea.Cmd {
	e := m.chron.Event(id)
	if e == nil {
		return m.say(scopeNone, fmt.Sprintf("No event has id %q", timeline.HarmlessLine(id)), true)
	}
	m.history.jump(locationOf(m.current, m.focus, &m.detail))
	m.focus = modeDetail
	return m.goTo(e)
}

// goTo shows e in the detail pane and selects it in the list; an event the
// filter hides is shown all the same, and the status line says so.
func (m *Model) goTo(e *timeline.Event) tea.Cmd {
	m.current = e
	m.overview = false
	if !m.list.Select(e) {
		return m.say(scopeHidden, fmt.Sprintf("“%s” is hidden by the filter; esc in the list clears it",
			timeline.HarmlessLine(short(e.Title))), false)
	}
	return nil
}

// jump goes back (dir < 0) or forward in the history, to the event,
// focus, scroll and link selected there.
func (m *Model) jump(dir int) tea.Cmd {
	here := locationOf(m.current, m.focus, &m.detail)
	to, ok := m.history.goForward(here)
	if dir < 0 {
		to, ok = m.history.goBack(here)
	}
	if !ok {
		return nil
	}
	e := m.chron.Event(to.id)
	if e == nil {
		return nil
	}
	cmd := m.goTo(e)
	m.focus = to.focus
	cmd = tea.Batch(cmd, m.sync())
	m.detail.Restore(to.offset, to.linkSel)
	return cmd
}

// locationOf is where the reader is, for the jump history.
func locationOf(e *timeline.Event, focus mode, d *detailModel) location {
	loc := location{focus: focus}
	loc.offset, loc.linkSel = d.Place()
	if e != nil {
		loc.id = e.ID
	}
	return loc
}

// shows makes the list show events, with the filter's words marked, keep
// selected when it is among them, else the first of them.
func (m *Model) shows(events []*timeline.Event, words []string, keep *timeline.Event) {
	m.list.SetWords(words)
	m.list.SetEvents(m.chron, events, nil)
	if keep != nil {
		m.list.Select(keep)
	}
	m.ruler.SetShown(events, len(events) == m.chron.Len())
	m.current = m.list.Selected()
	m.detail.SetWords(words)
}

// before is the event a filter's results keep selected when they hold
// it: the one selected before / (anchor, or moved to with the bar's
// arrows), so that what intermediate results of the typing selected
// never counts; else the event on show.
func before(anchor, current *timeline.Event) *timeline.Event {
	if anchor != nil {
		return anchor
	}
	return current
}

// say shows a status message. One about the state now (a scope other
// than scopeNone) goes as soon as that state ends.
func (m *Model) say(scope statusScope, text string, isErr bool) tea.Cmd {
	if scope == scopeNone {
		return m.status.Set(text, isErr)
	}
	return m.status.SetAbout(statusAbout{scope: scope, event: m.current, overview: m.overview, query: m.filter.Applied()},
		text, isErr)
}

// sync brings the components in step with the state after a message:
// the detail shows the current event (or the overview) or starts
// rendering it, the status message goes once what it spoke of has ended,
// and the footer, help and filter bar show the keys and counts of now.
func (m *Model) sync() tea.Cmd {
	if m.focus != modeDetail || m.filter.Editing() {
		m.overview = false // the overview is read in the detail pane only
	}
	if m.cover != nil && (m.current != m.cover || m.focus != modeList || m.filter.Editing() || m.overview) {
		m.cover = nil // any move shows the event
	}
	hidden := m.list.Hides(m.current)
	m.status.DropStale(statusAbout{event: m.current, overview: m.overview, query: m.filter.Applied(),
		hidden: hidden, editing: m.filter.Editing()})
	m.list.SetFocused(m.focus == modeList || m.filter.Editing())
	if m.claims.IsOpen() {
		m.claims.SetEvents(m.list.Events()) // after a reload
	}
	m.ruler.SetSelected(m.current)
	visible := m.width >= wideWidth || m.focus == modeDetail
	cmd := m.detail.Show(m.chron, m.current, m.overview || m.cover != nil, m.files.gen, visible)

	km := m.keyMap()
	m.help.SetKeys(km)
	m.status.SetKeys(withHelp(km, &m.help))
	pct := ""
	if m.focus == modeDetail && !m.filter.Editing() && !m.help.IsOpen() {
		pct = m.detail.ScrollPercent()
	}
	m.status.SetPositions(positions(m.list.Cursor(), m.list.Len(), hidden, pct))
	m.filter.SetCount(m.list.Len(), m.chron.Len())
	if m.status.Height() != m.footH && m.height >= 3 || // a message came or went
		m.filter.Editing() && m.filter.Height() != m.filterH {
		m.layout()
	}
	return cmd
}
