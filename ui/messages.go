package ui

import (
	"backstory/timeline"
)

// Messages that come back from the viewer's commands. Commands never touch
// the model: they compute and report, and Update decides what to keep.

// loadProgressMsg reports how far the load has got, in bytes.
type loadProgressMsg struct{ done, total int64 }

// loadedMsg carries the result of the start-up load.
type loadedMsg struct {
	chron *timeline.Chronology // nil when diags has errors
	diags timeline.Diagnostics
	label string
}

// bgTimeoutMsg ends the wait for the terminal's answer about its
// background colour: a terminal that never answers gets the dark style.
type bgTimeoutMsg struct{}

// renderedMsg is a Glamour rendering of one event at one width and style.
type renderedMsg struct {
	key   renderKey
	lines []string
	err   error
}

// filteredMsg is the result of one filter run; seq says which, so results
// of queries typed over since are dropped.
type filteredMsg struct {
	seq    int
	query  string
	events []*timeline.Event
	words  []string
	err    error
}

// statusExpiredMsg clears the status message it belongs to (by seq).
type statusExpiredMsg struct{ seq int }

// openedMsg reports whether the browser could be started.
type openedMsg struct {
	url string
	err error
}
