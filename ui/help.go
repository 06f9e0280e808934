package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// The full help (?): every key that works in the pane beneath, then what
// the marks mean, in place of the panes. When it is longer than the body
// the moving keys scroll it and its last line says there is more.

// legend explains the marks of the list rows.
var legend = []string{
	"These are the keys that work here and now; a filter, links and history bring their own.",
	"Marks:  !  a disputed or false claim   ?  no source   ~  an approximate date",
	"Links are numbered as in the detail: the event's links, then \"Referenced by\".",
	"Mouse: the wheel scrolls the pane under it; a click selects a row or follows a link.",
	"Press ? or esc to close this help; any other key closes it and does its job.",
}

// scrollLegend is said too when the help does not fit.
const scrollLegend = "While this help is longer than the screen, j/k ↑/↓ pgup/pgdn g/G scroll it."

// helpLines is the full help at the terminal's width, every line of it.
// The columns stand side by side when they fit, else one under the other.
func (m Model) helpLines() []string {
	hm := m.help
	hm.SetWidth(0) // measure first, never drop a column
	groups := m.paneKeyMap().FullHelp()
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
	add := func(l string) {
		for _, l := range strings.Split(ansi.Wrap(l, max(m.width, 1), ""), "\n") {
			lines = append(lines, m.st.Legend.Render(strings.TrimRight(l, " ")))
		}
	}
	for _, l := range legend {
		if m.opts.NoMouse && strings.HasPrefix(l, "Mouse:") {
			continue
		}
		add(l)
	}
	if _, h := m.bodyArea(); len(lines) > h { // it does not fit: say how to scroll
		add(scrollLegend)
	}
	return lines
}

// helpRows is how many lines of help the body shows: all but the last,
// which says there is more, when it does not fit.
func (m Model) helpRows(total int) int {
	_, h := m.bodyArea()
	if total > h && h >= 2 {
		return h - 1
	}
	return h
}

// helpMaxOffset is how far the help scrolls; 0 when it fits.
func (m Model) helpMaxOffset() int {
	if !m.showHelp || m.width <= 0 {
		return 0
	}
	lines := m.helpLines()
	return max(0, len(lines)-m.helpRows(len(lines)))
}

// scrollHelp moves the help by n lines, within its ends.
func (m *Model) scrollHelp(n int) {
	maxOff := m.helpMaxOffset()
	m.helpOffset = min(max(min(m.helpOffset, maxOff)+n, 0), maxOff) // from where it shows after a resize
}

// fullHelpView is the full help (its lines from helpLines) in exactly h
// lines, from the line scrolled to, with a last line that says what is
// above and below.
func (m Model) fullHelpView(lines []string, h int) []string {
	if h <= 0 {
		return nil
	}
	rows := m.helpRows(len(lines))
	if len(lines) <= rows {
		return box(lines, m.width, h)
	}
	maxOff := len(lines) - rows
	off := min(max(m.helpOffset, 0), maxOff)
	shown := lines[off:min(len(lines), off+rows)]
	if rows == h { // one line: no room to say more
		return box(shown, m.width, h)
	}
	var more string
	switch {
	case off == 0:
		more = "↓ more below (j/↓, pgdn)"
	case off == maxOff:
		more = "↑ end of help (k/↑ goes back up)"
	default:
		more = "↑↓ more above and below (k/j)"
	}
	shown = append(box(shown, m.width, rows), m.st.Position.Render(fit(more, m.width)))
	return shown
}
