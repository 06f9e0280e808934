package ui

import (
	"strings"

	"backstory/timeline"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
)

// The start-up screen: it shows at once, with a progress bar while a
// large file loads, and gives way to the timeline when the chronology is
// loaded and the colours are decided.

// loadCmd runs the load, reporting progress through ch and finally the
// result; Update reads ch with waitLoad one message at a time.
func loadCmd(load LoadFunc, ch chan<- tea.Msg) tea.Cmd {
	return func() tea.Msg {
		progress := func(done, total int64) {
			select {
			case ch <- loadProgressMsg{done: done, total: total}:
			default: // the screen is still busy with the last report
			}
		}
		var msg loadedMsg
		if load == nil {
			msg.diags = timeline.Diagnostics{{Message: "nothing to load"}}
		} else {
			msg.chron, msg.diags, msg.label = load(progress)
		}
		ch <- msg
		return nil
	}
}

// waitLoad waits for the next message of the load.
func waitLoad(ch <-chan tea.Msg) tea.Cmd {
	return func() tea.Msg { return <-ch }
}

// loadingView is the start-up screen, in the middle of the terminal and
// inside it at any size: the bar goes first when there is no room, then
// the line between.
func (m Model) loadingView() string {
	w, h := m.width, m.height
	if w <= 0 || h <= 0 {
		return ""
	}
	parts := []string{m.st.Title.Render(cut("Loading the chronology…", w))}
	if m.loadTotal > 0 && h >= 2 {
		frac := float64(m.loadDone) / float64(m.loadTotal)
		bar := cut(m.bar.ViewAs(min(max(frac, 0), 1)), w)
		if h >= 3 {
			parts = append(parts, "")
		}
		parts = append(parts, bar)
	}
	return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, strings.Join(parts, "\n"))
}
