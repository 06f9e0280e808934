package ui

import (
	"fmt"
	"strings"

	"backstory/timeline"
	"github.com/charmbracelet/x/ansi"
)

// header is the top line: the chronology's title and file, and on the
// right the filter kept with how many events it lets through.
type header struct {
	title, label string
	filter       string // the query kept, "" for none
	shown, total int
	newestFirst  bool // the list's order, said when it is not the usual
}

// view draws the header w cells wide.
func (h header) view(st *Styles, w int) string {
	right := ""
	if h.filter != "" {
		count := fmt.Sprintf("%d/%d", h.shown, h.total)
		right = st.FilterInfo.Render(cut("/"+timeline.HarmlessLine(short(h.filter)), max(0, w/3)) + " " + count)
	}
	if h.newestFirst {
		order := "newest first"
		if right != "" {
			order += "  "
		}
		right = st.FilterInfo.Render(order) + right
	}
	rw := ansi.StringWidth(right)
	if rw+2 > w {
		right, rw = "", 0
	}
	room := w - rw
	if rw > 0 {
		room--
	}
	title := timeline.HarmlessLine(short(h.title))
	if title == "" {
		title = "backstory"
	}
	left := st.Title.Render(cut(title, room))
	if lw := ansi.StringWidth(left); lw+3 < room && h.label != "" {
		left += "  " + st.Label.Render(cut(timeline.HarmlessLine(short(h.label)), room-lw-2))
	}
	gap := max(0, w-ansi.StringWidth(left)-rw)
	return left + strings.Repeat(" ", gap) + right
}
