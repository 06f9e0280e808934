package ui

import (
	"strings"
)

// compose is the screen before clip, its last guard: every component
// fits its box by itself, and the size property checks it unclipped.
// From the top: header, banner of problems, filter bar (while open),
// the panes or the full help, footer.
func (m *Model) compose() string {
	w, h := m.width, m.height
	if w <= 0 || h <= 0 {
		return ""
	}
	if !m.ready() {
		return m.start.view(m.st, w, h)
	}
	var lines []string
	if h >= 3 {
		hd := header{title: m.chron.Title, label: m.label, shown: m.list.Len(), total: m.chron.Len(),
			newestFirst: m.list.NewestFirst()}
		if !m.filter.Editing() {
			hd.filter = m.filter.Applied()
		}
		lines = append(lines, hd.view(m.st, w))
	}
	if m.rulerH > 0 {
		lines = append(lines, strings.Split(m.ruler.View(), "\n")...)
	}
	if m.bannerH > 0 {
		lines = append(lines, strings.Split(m.problems.View(), "\n")...)
	}
	if m.filterH > 0 {
		bar := strings.Split(m.filter.View(), "\n")
		lines = append(lines, bar[:min(len(bar), m.filterH)]...)
	}
	if m.bodyH > 0 {
		switch {
		case m.help.IsOpen():
			lines = append(lines, strings.Split(m.help.View(), "\n")...)
		case m.picker.IsOpen():
			lines = append(lines, strings.Split(m.picker.View(), "\n")...)
		case m.claims.IsOpen():
			lines = append(lines, strings.Split(m.claims.View(), "\n")...)
		case w < wideWidth && m.focus == modeDetail:
			for _, l := range strings.Split(m.detail.View(), "\n") {
				lines = append(lines, " "+l)
			}
		case w < wideWidth:
			lines = append(lines, strings.Split(m.list.View(), "\n")...)
		default:
			lines = append(lines, sideBySide(m.list.View(), m.detail.View(), m.st.Divider.Render("│"), m.bodyH)...)
		}
	}
	switch {
	case h >= 3 && m.memo.IsOpen():
		lines = append(lines, m.memo.View())
	case h >= 3:
		foot := strings.Split(m.status.View(), "\n")
		lines = append(lines, foot[:min(len(foot), m.footH)]...)
	}
	return strings.Join(lines, "\n")
}

// sideBySide joins two panes, h lines each, with a divider between.
func sideBySide(left, right, div string, h int) []string {
	l, r := strings.Split(left, "\n"), strings.Split(right, "\n")
	out := make([]string, h)
	for i := range out {
		var a, b string
		if i < len(l) {
			a = l[i]
		}
		if i < len(r) {
			b = r[i]
		}
		out[i] = a + div + " " + b
	}
	return out
}
