package ui

import (
	tea "charm.land/bubbletea/v2"
)

// handleMouse hands the wheel to the pane under the pointer (or to the
// full help), selects a clicked row, and follows a clicked link.
func (m *Model) handleMouse(msg tea.MouseMsg) tea.Cmd {
	mouse := msg.Mouse()
	if ry := mouse.Y - 1; ry >= 0 && ry < m.rulerH && !m.help.IsOpen() {
		// a click on the ruler selects the event nearest that date
		if _, ok := msg.(tea.MouseClickMsg); ok && mouse.Button == tea.MouseLeft {
			if e := m.ruler.EventAt(mouse.X); e != nil && m.list.Select(e) {
				m.current, m.overview = e, false
			}
		}
		return nil
	}
	y := mouse.Y - m.top
	if y < 0 || y >= m.bodyH {
		return nil
	}
	if m.help.IsOpen() || m.claims.IsOpen() {
		if _, ok := msg.(tea.MouseWheelMsg); ok && m.help.IsOpen() {
			m.help.Update(msg)
		} else if ok {
			m.claims.Update(msg)
		}
		return nil
	}
	pane := m.focus
	if m.width >= wideWidth {
		pane = modeList
		if mouse.X >= m.list.Width() {
			pane = modeDetail
		}
	}
	in := mouse // the pointer in the pane
	in.Y = y
	switch msg.(type) {
	case tea.MouseWheelMsg:
		if pane == modeList {
			m.list.Update(tea.MouseWheelMsg(in))
			m.current = m.list.Selected()
		} else {
			m.detail.Update(tea.MouseWheelMsg(in))
		}
	case tea.MouseClickMsg:
		if mouse.Button != tea.MouseLeft {
			return nil
		}
		if pane == modeList {
			if m.list.EventAt(y) >= 0 {
				m.list.Update(tea.MouseClickMsg(in))
				m.current = m.list.Selected()
			}
			if !m.filter.Editing() {
				m.focus = modeList
			}
		} else if !m.filter.Editing() {
			m.focus = modeDetail
			if i := m.detail.LinkAt(y); i >= 0 { // a click on a link follows it
				return m.follow(m.detail.Target(i).id)
			}
		}
	}
	return nil
}
