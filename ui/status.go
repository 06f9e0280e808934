package ui

import (
	"errors"
	"fmt"
	"os/exec"
	"time"

	"backstory/timeline"
	"charm.land/bubbles/v2/help"
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
// message was set; the root gives the same of the state now to
// DropStale.
type statusAbout struct {
	scope    statusScope
	event    *timeline.Event
	overview bool
	query    string
	hidden   bool // the event is hidden by the filter
	editing  bool // the filter bar is open
}

// statusLine is the footer: the status message, or the short help of the
// keys that work now, and the position in the list.
type statusLine struct {
	st     *Styles
	help   help.Model
	width  int
	timers bool // false turns off the timeout (tests)

	text  string
	isErr bool
	seq   int
	about statusAbout // what it says something about: it goes when that ends

	keys      KeyMap   // the keys that work now, for the short help
	positions []string // from the richest to none (see positions)
}

func newStatusLine(st *Styles) statusLine {
	return statusLine{st: st, help: help.New(), timers: true}
}

// SetStyles follows a change of colours.
func (s *statusLine) SetStyles(st *Styles) {
	s.st = st
	s.help.Styles = st.Help
}

// SetSize gives the line its width.
func (s *statusLine) SetSize(w, _ int) { s.width = w }

// SetKeys is the keys that work now, for the short help; SetPositions the
// place in the list and the detail.
func (s *statusLine) SetKeys(k KeyMap)                { s.keys = k }
func (s *statusLine) SetPositions(positions []string) { s.positions = positions }

// KeyMap is none: the status line has no keys of its own.
func (s *statusLine) KeyMap() KeyMap {
	k := defaultKeyMap()
	k.setEnabled(false)
	return k
}

// Text is the message shown, "" for none.
func (s *statusLine) Text() string { return s.text }

// Update clears a message whose time is up.
func (s *statusLine) Update(msg tea.Msg) (*statusLine, tea.Cmd) {
	switch msg := msg.(type) {
	case statusExpiredMsg:
		if msg.seq == s.seq {
			s.text = ""
		}
	case tea.ResumeMsg: // back from ctrl+z: the word about it goes
		if s.text == suspendedStatus {
			s.text = ""
		}
	}
	return s, nil
}

// Set shows a message for a while.
func (s *statusLine) Set(text string, isErr bool) tea.Cmd {
	s.seq++
	s.text, s.isErr = text, isErr
	s.about = statusAbout{}
	seq := s.seq
	if !s.timers {
		return nil
	}
	return tea.Tick(statusTime, func(time.Time) tea.Msg { return statusExpiredMsg{seq: seq} })
}

// SetAbout is Set for a message about the state now, which goes as soon
// as that state ends.
func (s *statusLine) SetAbout(now statusAbout, text string, isErr bool) tea.Cmd {
	cmd := s.Set(text, isErr)
	s.about = now
	return cmd
}

// DropStale clears the message once what it speaks of has ended.
func (s *statusLine) DropStale(now statusAbout) {
	if s.text == "" {
		return
	}
	a := s.about
	stale := false
	switch a.scope {
	case scopeEvent:
		stale = now.event != a.event || now.overview != a.overview || now.query != a.query
	case scopeHidden:
		stale = now.event != a.event || !now.hidden
	case scopeFilter:
		stale = now.query != a.query || now.editing
	}
	if stale {
		s.text, s.isErr = "", false
		s.about = statusAbout{}
	}
}

// matchStatus is what n/N says: the match it went to, or why there is
// none. here is "this event" or "the overview"; cut is true when the
// pane shows less than the whole event, whose id it is.
func matchStatus(query string, words []string, i, n int, here string, cut bool, id string) string {
	switch {
	case len(words) == 0:
		return fmt.Sprintf("No words to find: the filter “%s” has none", timeline.HarmlessLine(query))
	case n == 0 && cut:
		// the filter found the event by what the pane does not show
		return "None of the filter's words is in the part of this event shown here; backstory show " +
			timeline.HarmlessLine(id) + " prints it all"
	case n == 0:
		return "None of the filter's words is in " + here
	}
	return fmt.Sprintf("Match %d/%d in %s", i, n, here)
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
// km is the keys of the state (enabled or not); e is the event on show
// (nil for none or the overview), filtering whether a filter is kept, and
// inDetail whether the detail has the keys.
func whyNot(msg tea.KeyPressMsg, km KeyMap, e *timeline.Event, filtering, inDetail bool) string {
	all := defaultKeyMap()
	switch {
	case key.Matches(msg, all.NextMatch, all.PrevMatch):
		if !km.NextMatch.Enabled() && !filtering {
			return noFilterStatus
		}
	case key.Matches(msg, all.FollowN):
		if !km.FollowN.Enabled() && e != nil {
			return noLinksStatus
		}
	case key.Matches(msg, all.NextLink, all.PrevLink):
		if !km.NextLink.Enabled() && e != nil && inDetail {
			return noLinksStatus
		}
	case key.Matches(msg, all.OpenSource):
		if km.OpenSource.Enabled() || e == nil {
			return ""
		}
		if len(e.Sources) == 0 {
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
