package ui

import (
	"backstory/timeline"
	tea "charm.land/bubbletea/v2"
)

// A file that does not load at start opens the viewer all the same when
// there is a line to mend: no events, the banner expanded with every
// diagnostic, e at the first error, and the timeline once a save loads
// (reloaded). Quitting before that exits 1 with the diagnostics, as when
// the viewer does not open.

// openBroken opens the viewer on files that did not load (msg), and
// reports whether it did: not without files given or without an error
// at a line of one of them.
func (m *Model) openBroken(msg loadedMsg) (tea.Cmd, bool) {
	if len(m.opts.Paths) == 0 {
		return nil, false
	}
	m.problems.SetFailed(msg.diags, nil, nil)
	if _, ok := m.problems.firstError(); !ok {
		m.problems.SetFailed(nil, nil, nil)
		return nil, false
	}
	m.problems.expanded, m.problems.neverLoaded = true, true
	m.exit.brokenAtStart = true
	m.chron, m.label = &timeline.Chronology{}, msg.label
	facts := factsOf(m.chron)
	m.filter.SetChronology(m.chron)
	m.list.Reload(facts, nil, nil)
	m.ruler.SetFacts(facts)
	m.filter.SetValues(facts.values)
	m.ruler.SetShown(nil, true)
	m.layout()
	var cmd tea.Cmd
	if m.watchFiles != nil {
		cmd = watchCmd(m.opts.Paths, m.watchFiles)
	}
	return cmd, true
}

// exitStatus is what the program exits with, and what it prints then:
// the diagnostics of files that never loaded.
type exitStatus struct {
	code int
	msg  string
	// brokenAtStart: the files did not load at start and have not since;
	// quitting exits 1 with the latest diagnostics
	brokenAtStart bool
}

// loaded says the files load now; it reports whether it is the first
// time since a start on files that did not.
func (x *exitStatus) loaded() bool {
	if !x.brokenAtStart {
		return false
	}
	*x = exitStatus{}
	return true
}

// stillBroken keeps the diagnostics of the latest load to print at exit
// while the files have not loaded since the start.
func (x *exitStatus) stillBroken(diags timeline.Diagnostics) {
	if x.brokenAtStart && len(diags) > 0 {
		x.msg = diags.String()
	}
}
