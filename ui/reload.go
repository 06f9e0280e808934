package ui

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"reflect"
	"slices"
	"time"

	"backstory/internal/watch"
	"backstory/timeline"
	tea "charm.land/bubbletea/v2"
)

// Reloading: the files are watched once the first load is done, and read
// again after every save, after the editor returns, and on r. A load that
// fails keeps the last good chronology on screen with the diagnostics in
// the banner (banner.go); the next good one replaces it, keeping the
// reader's place: the selected event (by id, or the nearest in date when
// it is gone), the filter, the jump history and the scroll.

// settleTime is how long a burst of file events must be quiet before the
// files are read again: an editor's save is often several events.
const settleTime = 150 * time.Millisecond

// reloadReason is what asked for a reload; it decides what the status
// line says.
type reloadReason int

const (
	reloadWatch  reloadReason = iota // a save seen on disk
	reloadKey                        // r
	reloadEditor                     // the editor returned
)

// watchCmd starts watching paths.
func watchCmd(paths []string, start func([]string) (*watch.Watcher, error)) tea.Cmd {
	return func() tea.Msg {
		w, err := start(paths)
		return watchingMsg{w: w, err: err}
	}
}

// startWatch is the real watcher, reporting settled changes.
func startWatch(paths []string) (*watch.Watcher, error) { return watch.New(paths, settleTime) }

// waitChangeCmd waits for the next change; it is armed again after each
// one. It returns nothing once the watcher is closed.
func waitChangeCmd(w *watch.Watcher) tea.Cmd {
	return func() tea.Msg {
		if _, ok := <-w.Changes(); !ok {
			return nil
		}
		return fileChangedMsg{}
	}
}

// reloadCmd loads the chronology again off the key path. When it does not
// load it also finds which of the paths given are gone, so the banner can
// say so.
func reloadCmd(load LoadFunc, paths, files []string, seq int, why reloadReason, note string) tea.Cmd {
	return func() tea.Msg {
		msg := reloadedMsg{seq: seq, why: why, note: note}
		if load == nil {
			msg.diags = timeline.Diagnostics{{Message: "nothing to load"}}
			return msg
		}
		if msg.diags = notFilesNow(files); msg.diags != nil {
			return msg
		}
		msg.chron, msg.diags, msg.label = load(func(int64, int64) {})
		if msg.chron != nil && !msg.diags.HasErrors() {
			return msg
		}
		msg.chron = nil
		if !msg.diags.HasErrors() {
			msg.diags = append(msg.diags, timeline.Diagnostic{Message: "the chronology could not be loaded"})
		}
		for _, p := range paths {
			if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
				msg.missing = append(msg.missing, p)
			}
		}
		return msg
	}
}

// notFilesNow reports the files the chronology on screen was read from
// that a reload must not read: a file replaced by a folder, which would
// be read as a folder of chronologies, or by a named pipe or a device,
// since opening a named pipe waits for a program to write to it, which
// may never come, and the reload would never end. (A pipe given at start,
// backstory <(...), is read once.)
func notFilesNow(files []string) timeline.Diagnostics {
	var diags timeline.Diagnostics
	for _, f := range files {
		info, err := os.Stat(f)
		if err != nil || info.Mode().IsRegular() {
			continue // (what is missing or unreadable, the load reports)
		}
		kind := "not a regular file"
		switch {
		case info.IsDir():
			kind = "a folder"
		case info.Mode()&fs.ModeNamedPipe != 0:
			kind = "a named pipe"
		case info.Mode()&fs.ModeDevice != 0:
			kind = "a device"
		}
		diags = append(diags, timeline.Diagnostic{Pos: timeline.Position{File: f}, Severity: timeline.SeverityError,
			Message: "is " + kind + " now, not a file: only a file is read again (put it back, or start backstory again)"})
	}
	return diags
}

// foldersNow returns the files the chronology on screen was read from
// that are folders now: a file replaced by a folder of the same name. The
// banner says what happened.
func foldersNow(c *timeline.Chronology) []string {
	if c == nil {
		return nil
	}
	var out []string
	for _, f := range c.Files {
		if info, err := os.Stat(f); err == nil && info.IsDir() {
			out = append(out, f)
		}
	}
	return out
}

// Close stops watching the files. The program calls it once Run returns.
func (m Model) Close() {
	if m.watcher != nil {
		m.watcher.Close()
	}
}

// watching keeps the watcher that started, and waits for its first change.
func (m Model) watching(msg watchingMsg) (Model, tea.Cmd) {
	if msg.err != nil {
		return m, m.setStatus("Not watching the files for changes (r reloads): "+
			timeline.HarmlessLine(msg.err.Error()), true)
	}
	if m.watcher != nil { // never happens: one watch per run
		m.watcher.Close()
	}
	m.watcher = msg.w
	return m, waitChangeCmd(m.watcher)
}

// reload starts reading the files again; any reload still on its way is
// overtaken. A note (the editor failed) goes before what the status line
// says of the result.
func (m Model) reload(why reloadReason, note string) (Model, tea.Cmd) {
	m.reloadSeq++
	var files []string
	if m.chron != nil {
		files = m.chron.Files
	}
	return m, reloadCmd(m.opts.Load, m.opts.Paths, files, m.reloadSeq, why, note)
}

// reloaded takes in the result of a reload: a chronology that loads
// replaces the one on screen, keeping the reader's place; one that does
// not is shown in the banner, over the last good one.
func (m Model) reloaded(msg reloadedMsg) (Model, tea.Cmd) {
	if msg.seq != m.reloadSeq {
		return m, nil // a newer reload is on its way
	}
	// The editor's reload reports what changed since the editor started,
	// even when the watcher has already shown the save.
	base := m.chron
	if msg.why == reloadEditor {
		if m.editBase != nil {
			base = m.editBase
		}
		m.editBase = nil
	}
	if msg.chron == nil {
		m.problems.failed = msg.diags
		m.problems.missing = msg.missing
		m.problems.folders = foldersNow(m.chron)
		m.layout()
		switch {
		case msg.note != "":
			return m, m.setStatus(msg.note+"; the file does not load", true)
		case msg.why != reloadWatch:
			return m, m.setStatus("Not reloaded: "+plural(len(msg.diags.Errors()), "error")+
				" (press ! to see them)", true)
		}
		return m, nil
	}
	wasFailed := m.problems.isFailed()
	m.problems.failed, m.problems.missing, m.problems.folders = nil, nil, nil
	m.problems.warnings = msg.diags.Warnings()
	if len(m.problems.warnings) == 0 {
		m.problems.expanded = false
	}
	if !wasFailed && sameChronology(m.chron, msg.chron) && m.label == msg.label {
		// nothing new on disk (a save without changes, or the second
		// reader of one save): the screen stays as it is
		m.layout()
		if msg.why == reloadWatch {
			return m, nil
		}
		return m, m.setStatus(reloadStatus(m.label, base, m.chron, false, msg.note))
	}

	oldCurrent := m.current
	loc := m.location()
	m.chron, m.label = msg.chron, msg.label
	m.gen++
	clear(m.cache.done)
	m.history.prune(func(id string) bool { return m.chron.Event(id) != nil })

	// the place: the same event, or the nearest in date when it is gone
	cur := m.chron.Event(loc.id)
	if cur == nil && oldCurrent != nil {
		cur = m.chron.Nearest(oldCurrent.Date)
	}
	// the filter, applied to the new events; a run still on its way is
	// for the old ones
	events := m.chron.Events
	if m.filter.applied != "" {
		if q, err := timeline.ParseQuery(m.filter.applied); err == nil {
			events = q.Filter(m.chron)
		}
	}
	m.filter.next()
	var filterRun tea.Cmd
	if text := m.filter.input.Value(); m.filter.editing && text != m.filter.applied {
		filterRun = filterCmd(m.chron, m.filter.seq, text, m.filter.latest)
	}
	listOffset := m.list.offset
	m.list.chron = m.chron
	m.list.setEvents(events, cur)
	m.list.offset = listOffset
	m.list.ensureVisible()
	m.current = cur
	if cur == nil {
		m.current = m.list.selected()
	}
	m.layout()

	// the detail: same scroll and link when it is the same event
	m, render := m.syncDetail()
	if m.current != nil && m.current.ID == loc.id {
		if loc.linkSel < len(m.detail.targets) {
			m.detail.linkSel = loc.linkSel
		}
		if m.detail.key == (renderKey{}) {
			m.detail.pendingOffset = loc.offset
		} else {
			m.detail.offset = loc.offset
			m.detail.clamp()
		}
	}

	status, isErr := reloadStatus(m.label, base, m.chron, wasFailed, msg.note)
	if oldCurrent != nil && m.chron.Event(oldCurrent.ID) == nil && m.current != nil {
		status += fmt.Sprintf("; “%s” is gone, showing the nearest event", timeline.HarmlessLine(oldCurrent.Title))
	}
	return m, tea.Batch(render, filterRun, m.setStatus(status, isErr))
}

// reloadStatus is what the status line says after a reload that loaded:
// what changed from base to cur, after the note of a failed editor.
func reloadStatus(label string, base, cur *timeline.Chronology, wasFailed bool, note string) (string, bool) {
	s := "Reloaded " + timeline.HarmlessLine(label)
	switch {
	case wasFailed:
		s += ": it loads again" + changes(base, cur)
	case sameChronology(base, cur):
		s += ": no changes"
		if note != "" {
			s = "nothing changed"
		}
	default:
		s += changes(base, cur)
	}
	if note != "" {
		return note + "; " + s, true
	}
	return s, false
}

// sameChronology reports whether two loads read the same chronology,
// down to the positions of the events in their files.
func sameChronology(a, b *timeline.Chronology) bool {
	if a == nil || b == nil || a.Title != b.Title || a.Description != b.Description ||
		!reflect.DeepEqual(a.Eras, b.Eras) || !slices.Equal(a.Files, b.Files) || len(a.Events) != len(b.Events) {
		return false
	}
	for i := range a.Events {
		if !reflect.DeepEqual(*a.Events[i], *b.Events[i]) {
			return false
		}
	}
	return true
}

// changes says how many events a reload added and removed: ", 1 new event:
// “Title”", ", 2 new events, 1 removed", or "".
func changes(old, cur *timeline.Chronology) string {
	var added []*timeline.Event
	for _, e := range cur.Events {
		if old.Event(e.ID) == nil {
			added = append(added, e)
		}
	}
	removed := 0
	for _, e := range old.Events {
		if cur.Event(e.ID) == nil {
			removed++
		}
	}
	var s string
	switch len(added) {
	case 0:
	case 1:
		s = fmt.Sprintf(", 1 new event: “%s”", timeline.HarmlessLine(added[0].Title))
	default:
		s = fmt.Sprintf(", %d new events", len(added))
	}
	if removed > 0 {
		s += fmt.Sprintf(", %d removed", removed)
	}
	return s
}

// plural is "1 error", "2 errors".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
