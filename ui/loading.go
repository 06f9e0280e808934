package ui

import (
	"strings"

	"backstory/timeline"
	"charm.land/bubbles/v2/progress"
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
			if msg.chron != nil {
				msg.facts = factsOf(msg.chron)
			}
		}
		ch <- msg
		return nil
	}
}

// waitLoad waits for the next message of the load.
func waitLoad(ch <-chan tea.Msg) tea.Cmd {
	return func() tea.Msg { return <-ch }
}

// startup is the state of the start-up: the load on its way and how far
// it has got, whether the colours are decided, and the keys typed before
// the timeline was ready, replayed once it is.
type startup struct {
	styleReady bool
	loading    bool
	done       int64
	total      int64
	ch         chan tea.Msg
	bar        progress.Model
	early      []tea.KeyPressMsg
}

func newStartup() startup {
	return startup{loading: true, ch: make(chan tea.Msg, 1), bar: progress.New(progress.WithWidth(40))}
}

// keep holds a key typed while loading, up to maxEarlyKeys.
func (s *startup) keep(k tea.KeyPressMsg) {
	if len(s.early) < maxEarlyKeys {
		s.early = append(s.early, k)
	}
}

// replay returns the keys typed while loading, once.
func (s *startup) replay() []tea.KeyPressMsg {
	early := s.early
	s.early = nil
	return early
}

// view is the start-up screen, in the middle of the terminal and inside
// it at any size: the bar goes first when there is no room, then the
// line between.
func (s *startup) view(st *Styles, w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	s.bar.SetWidth(min(40, max(1, w-4)))
	parts := []string{st.Title.Render(cut("Loading the chronology…", w))}
	if s.total > 0 && h >= 2 {
		frac := float64(s.done) / float64(s.total)
		bar := cut(s.bar.ViewAs(min(max(frac, 0), 1)), w)
		if h >= 3 {
			parts = append(parts, "")
		}
		parts = append(parts, bar)
	}
	return lipgloss.Place(w, h, lipgloss.Center, lipgloss.Center, strings.Join(parts, "\n"))
}
