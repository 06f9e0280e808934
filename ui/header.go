package ui

import (
	"fmt"
	"strings"

	"backstory/timeline"
	"github.com/charmbracelet/x/ansi"
)

// headerView is the top line: the chronology's title and file, and on the
// right the filter with how many events it lets through.
func (m Model) headerView() string {
	w := m.width
	right := ""
	if m.filter.active() && !m.filter.editing {
		count := fmt.Sprintf("%d/%d", len(m.list.events), m.chron.Len())
		right = m.st.FilterInfo.Render(cut("/"+timeline.HarmlessLine(short(m.filter.applied)), max(0, w/3)) + " " + count)
	}
	rw := ansi.StringWidth(right)
	if rw+2 > w {
		right, rw = "", 0
	}
	room := w - rw
	if rw > 0 {
		room--
	}
	title := timeline.HarmlessLine(short(m.chron.Title))
	if title == "" {
		title = "backstory"
	}
	left := m.st.Title.Render(cut(title, room))
	if lw := ansi.StringWidth(left); lw+3 < room && m.label != "" {
		left += "  " + m.st.Label.Render(cut(timeline.HarmlessLine(short(m.label)), room-lw-2))
	}
	gap := max(0, w-ansi.StringWidth(left)-rw)
	return left + strings.Repeat(" ", gap) + right
}

// filterBarView is the filter being typed, with its count and, when the
// text is not a query, why.
func (m Model) filterBarView() string {
	s := m.filter.input.View()
	// the input pads itself to its width; keep prompt, text and cursor
	if v := m.filter.input.Value(); v != "" {
		want := ansi.StringWidth(m.filter.input.Prompt) + ansi.StringWidth(v) + 1
		if want < ansi.StringWidth(s) {
			s = ansi.Truncate(s, want, "")
		}
	}
	s += "  " + m.st.FilterInfo.Render(fmt.Sprintf("%d/%d", len(m.list.events), m.chron.Len()))
	if m.filter.err != nil {
		s += "  " + m.st.Error.Render(timeline.HarmlessLine(m.filter.err.Error()))
	}
	return cut(s, m.width)
}
