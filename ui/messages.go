package ui

import (
	"backstory/internal/watch"
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
	facts listFacts // what the list works out once per chronology
}

// bgTimeoutMsg ends the wait for the terminal's answer about its
// background colour: a terminal that never answers gets the dark style.
type bgTimeoutMsg struct{}

// renderedMsg is a Glamour rendering of one event at one width and style.
type renderedMsg struct {
	key renderKey
	doc document
	err error
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

// watchingMsg reports whether watching the files on disk could start.
type watchingMsg struct {
	w   *watch.Watcher
	err error
}

// fileChangedMsg says a settled burst of changes happened to the files
// watched.
type fileChangedMsg struct{}

// editorDoneMsg says the editor returned; err is why it failed (it may
// have saved all the same, so the files are read again either way).
type editorDoneMsg struct {
	editor string // the program's name, for messages
	err    error
	note   string // what was done once it was back (an untouched new event removed)
}

// reloadedMsg carries the result of loading the files again; seq says
// which reload it is, so a result overtaken by a newer reload is dropped.
type reloadedMsg struct {
	seq     int
	why     reloadReason
	note    string // said first in the status line: the editor failed
	chron   *timeline.Chronology
	diags   timeline.Diagnostics
	label   string
	missing []string // paths given that do not exist (only when the load failed)
	folders []string // files that are folders now (only when the load failed)

	// worked out off the key path, when it loads
	same      bool              // nothing changed on screen
	query     string            // the filter the events are for
	events    []*timeline.Event // the events it lets through
	facts     listFacts         // what the list works out once per chronology
	status    string            // what the status line says
	statusErr bool
}
