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
	m.files.brokenAtStart = true
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

// loadedAfterAll is called when the files load after a start on files
// that did not: the exit status is a good one again.
func (m *Model) loadedAfterAll() {
	if m.files.brokenAtStart {
		m.files.brokenAtStart = false
		m.exitCode, m.exitMsg = 0, ""
		m.problems.expanded, m.problems.neverLoaded = false, false
	}
}

// stillBroken keeps the diagnostics of the latest load to print at exit
// while the files have not loaded since the start.
func (m *Model) stillBroken(diags timeline.Diagnostics) {
	if m.files.brokenAtStart && len(diags) > 0 {
		m.exitMsg = diags.String()
	}
}
