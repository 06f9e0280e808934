package ui

import (
	"errors"
	"fmt"
	"os/exec"
	"time"

	"backstory/timeline"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// The status message in the footer: what just happened, or why a key did
// nothing. It goes after statusTime, or as soon as the state it speaks of
// ends: "hidden by the filter" once the event is not hidden, "Match 2/6"
// once another event is on show.

// statusScope is what a status message speaks of.
type statusScope int

const (
	scopeNone   statusScope = iota // an action done: it stays its time
	scopeEvent                     // the event (or overview) on show, with the filter's words
	scopeHidden                    // the event on show is hidden by the filter
	scopeFilter                    // the filter kept
)

// statusAbout is the state a status message speaks of, as it was when the
// message was set.
type statusAbout struct {
	scope    statusScope
	event    *timeline.Event
	overview bool
	query    string
}

// setStatus shows a message in the footer for a while.
func (m *Model) setStatus(s string, isErr bool) tea.Cmd {
	m.statusSeq++
	m.status, m.statusErr = s, isErr
	m.statusFor = statusAbout{}
	seq := m.statusSeq
	if !m.timers {
		return nil
	}
	return tea.Tick(statusTime, func(time.Time) tea.Msg { return statusExpiredMsg{seq: seq} })
}

// setStatusAbout is setStatus for a message about the state now, which
// goes as soon as that state ends.
func (m *Model) setStatusAbout(scope statusScope, s string, isErr bool) tea.Cmd {
	cmd := m.setStatus(s, isErr)
	m.statusFor = statusAbout{scope: scope, event: m.current, overview: m.overview, query: m.filter.applied}
	return cmd
}

// dropStaleStatus clears the status message once what it speaks of has
// ended.
func (m *Model) dropStaleStatus() {
	if m.status == "" {
		return
	}
	a := m.statusFor
	stale := false
	switch a.scope {
	case scopeEvent:
		stale = m.current != a.event || m.overview != a.overview || m.filter.applied != a.query
	case scopeHidden:
		stale = m.current != a.event || !m.list.hides(m.current)
	case scopeFilter:
		stale = m.filter.applied != a.query || m.filter.editing
	}
	if stale {
		m.status, m.statusErr = "", false
		m.statusFor = statusAbout{}
	}
}

// nextMatch scrolls the detail to the next (dir > 0) or previous line with
// a word of the filter, or says why there is none.
func (m *Model) nextMatch(dir int) tea.Cmd {
	here := "this event"
	if m.overview {
		here = "the overview"
	}
	switch {
	case len(m.filter.words) == 0:
		return m.setStatusAbout(scopeEvent, fmt.Sprintf("No words to find: the filter “%s” has none",
			timeline.HarmlessLine(m.filter.applied)), false)
	case !m.detail.nextMatch(dir):
		if e := m.detail.event; !m.overview && e != nil && isCut(e) {
			// the filter found the event by what the pane does not show
			return m.setStatusAbout(scopeEvent, "None of the filter's words is in the part of this event shown here; backstory show "+
				timeline.HarmlessLine(e.ID)+" prints it all", false)
		}
		return m.setStatusAbout(scopeEvent, "None of the filter's words is in "+here, false)
	}
	return m.setStatusAbout(scopeEvent, fmt.Sprintf("Match %d/%d in %s", m.detail.match+1, len(m.detail.matches), here), false)
}

// Messages for a key the state does not offer (keys.go disables it, so the
// help leaves it out) but that a reader may well press: it says why
// instead of doing nothing.
const (
	noFilterStatus  = "No filter: / filters the timeline, then n finds its words in the event"
	noLinksStatus   = "This event has no links"
	noSourcesStatus = "This event has no sources"
	noWebStatus     = "None of this event's sources has a web address to open"
)

// whyNot is what an unoffered key says, or "" for a key that is offered
// (it does its job) or that no reader would expect to do anything here.
// km is the keys of the state (enabled or not), m.keys all of them.
func (m Model) whyNot(msg tea.KeyPressMsg, km KeyMap) string {
	all := m.keys
	event := m.current != nil && !m.overview
	switch {
	case key.Matches(msg, all.NextMatch, all.PrevMatch):
		if !km.NextMatch.Enabled() && !m.filter.active() {
			return noFilterStatus
		}
	case key.Matches(msg, all.FollowN):
		if !km.FollowN.Enabled() && event {
			return noLinksStatus
		}
	case key.Matches(msg, all.NextLink, all.PrevLink):
		if !km.NextLink.Enabled() && event && m.focus == modeDetail {
			return noLinksStatus
		}
	case key.Matches(msg, all.OpenSource):
		if km.OpenSource.Enabled() || !event {
			return ""
		}
		if len(m.current.Sources) == 0 {
			return noSourcesStatus
		}
		return noWebStatus
	}
	return ""
}

// notOpened says the browser did not open, and gives the address so that
// it can be opened by hand.
func notOpened(msg openedMsg) string {
	what := "The browser did not open (" + timeline.HarmlessLine(msg.err.Error()) + ")"
	if errors.Is(msg.err, exec.ErrNotFound) {
		what = "No browser found"
	}
	return what + "; the source is " + timeline.HarmlessLine(msg.url) + " (y copies a citation)"
}

// suspendedStatus is said while the viewer is suspended (ctrl+z): it is
// what the screen shows if the terminal is looked at before fg.
const suspendedStatus = "Suspended: fg in the shell brings the viewer back"

// suspend hands the terminal back to the shell (ctrl+z); Bubble Tea
// restores it on fg, redraws, and sends tea.ResumeMsg.
func (m Model) suspend() (Model, tea.Cmd) {
	return m, tea.Batch(m.setStatus(suspendedStatus, false), tea.Suspend)
}

// resumed drops the word about the suspension once the viewer is back.
func (m *Model) resumed() {
	if m.status == suspendedStatus {
		m.status = ""
	}
}
