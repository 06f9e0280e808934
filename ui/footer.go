package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"

	"github.com/charmbracelet/x/ansi"
)

// footerView is the bottom line: the status message when there is one,
// else the short help; and the position in the list on the right.
func (m Model) footerView(km KeyMap) string {
	w := m.width
	right := ""
	if n := len(m.list.events); n > 0 {
		right = m.st.Position.Render(fmt.Sprintf("%d/%d", m.list.cursor+1, n))
	} else {
		right = m.st.Position.Render("0/0")
	}
	if m.focus == modeDetail && !m.filter.editing {
		if mo := m.detail.maxOffset(); mo > 0 {
			right = m.st.Position.Render(fmt.Sprintf("%d%% · ", m.detail.offset*100/mo)) + right
		}
	}
	rw := ansi.StringWidth(right)
	if rw+1 > w {
		right, rw = "", 0
	}
	room := max(0, w-rw-1)
	var left string
	if m.status != "" {
		style := m.st.Status
		if m.statusErr {
			style = m.st.Error
		}
		left = style.Render(cut(m.status, room))
	} else {
		h := m.help
		h.SetWidth(room)
		left = cut(h.ShortHelpView(km.ShortHelp()), room)
	}
	gap := max(0, w-ansi.StringWidth(left)-rw)
	return left + strings.Repeat(" ", gap) + right
}

// legend explains the marks of the list rows.
var legend = []string{
	"Marks in the list:  !  a claim is disputed or false   ?  no source   ~  approximate date",
	"Links are numbered as in the detail: the event's links, then \"Referenced by\".",
	"Mouse: the wheel scrolls the pane under it; a click selects a row or follows a link.",
	"Press ? or esc to close this help; any other key closes it and does its job.",
}

// fullHelpView is the ? screen in place of the panes: every key that
// works now, and what the marks mean. The columns stand side by side when
// they fit, else one under the other.
func (m Model) fullHelpView(km KeyMap, h int) []string {
	if h <= 0 {
		return nil
	}
	hm := m.help
	hm.SetWidth(0) // measure first, never drop a column
	groups := km.FullHelp()
	text := hm.FullHelpView(groups)
	if lipgloss.Width(text) > m.width {
		var blocks []string
		for _, g := range groups {
			if b := hm.FullHelpView([][]key.Binding{g}); b != "" {
				blocks = append(blocks, b)
			}
		}
		text = strings.Join(blocks, "\n\n")
	}
	lines := strings.Split(text, "\n")
	lines = append(lines, "")
	wrap := lipgloss.NewStyle().Width(max(m.width, 1))
	for _, l := range legend {
		if m.opts.NoMouse && strings.HasPrefix(l, "Mouse:") {
			continue
		}
		lines = append(lines, strings.Split(m.st.Legend.Render(wrap.Render(l)), "\n")...)
	}
	return box(lines, m.width, h)
}
