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

// reloadRequest is what a reload needs to know of the screen when it
// starts: everything it compares the new load with, so that the work of
// comparing and filtering is done off the key path and Update only
// decides what to keep.
type reloadRequest struct {
	load      LoadFunc
	paths     []string
	seq       int
	why       reloadReason
	note      string
	shown     *timeline.Chronology // on screen
	base      *timeline.Chronology // what the status line compares with: on screen, or when the editor started
	label     string
	query     string // the filter kept
	wasFailed bool   // the files did not load last time
}

// reloadCmd loads the chronology again off the key path, and compares it
// with the one on screen and filters it there too. When it does not load
// it also finds which of the paths given are gone, so the banner can say
// so.
func reloadCmd(r reloadRequest) tea.Cmd {
	return func() tea.Msg {
		msg := reloadedMsg{seq: r.seq, why: r.why, note: r.note, query: r.query}
		var files []string
		if r.shown != nil {
			files = r.shown.Files
		}
		if r.load == nil {
			msg.diags = timeline.Diagnostics{{Message: "nothing to load"}}
			return msg
		}
		if msg.diags = notFilesNow(files); msg.diags != nil {
			msg.folders = foldersNow(r.shown)
			return msg
		}
		msg.chron, msg.diags, msg.label = r.load(func(int64, int64) {})
		if msg.chron != nil && !msg.diags.HasErrors() {
			c := msg.chron
			msg.same = !r.wasFailed && r.label == msg.label && sameChronology(r.shown, c)
			msg.status, msg.statusErr = reloadStatus(msg.label, r.base, c, r.wasFailed, r.note)
			if !msg.same {
				msg.facts = factsOf(c)
				msg.events = c.Events
				if r.query != "" {
					if q, err := timeline.ParseQuery(r.query); err == nil {
						msg.events = q.Filter(c)
					}
				}
			}
			return msg
		}
		msg.chron = nil
		if !msg.diags.HasErrors() {
			msg.diags = append(msg.diags, timeline.Diagnostic{Message: "the chronology could not be loaded"})
		}
		for _, p := range r.paths {
			if _, err := os.Stat(p); errors.Is(err, fs.ErrNotExist) {
				msg.missing = append(msg.missing, p)
			}
		}
		msg.folders = foldersNow(r.shown)
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

// files is the viewer's side of the files on disk: the watcher, the
// reload on its way, and the generation of the chronology on screen
// (renderings of an older one are not used).
type files struct {
	watcher *watch.Watcher
	seq     int // of the latest reload
	gen     int
	// editBase is the chronology on screen when the editor started: the
	// editor's reload says what changed since then
	editBase *timeline.Chronology
	// added is what to select once an edit (e or a) loads
	added addedSince
}

// addedSince is an edit whose new events are to be selected when the
// files load: the chronology when it started, and the id a wrote.
type addedSince struct {
	base *timeline.Chronology
	id   string
}

// newEvent is the event to select after the edit: the one a wrote once
// it loads, else the first event (in the chronology's order) the edit
// added; nil for none. It is looked for until it is found, or the
// editor's own reload (why) has been.
func (f *files) newEvent(c *timeline.Chronology, why reloadReason) *timeline.Event {
	a := f.added
	if a.base == nil {
		return nil
	}
	if why == reloadEditor {
		f.added = addedSince{}
	}
	if a.id != "" {
		if e := c.Event(a.id); e != nil {
			f.added = addedSince{}
			return e
		}
		return nil
	}
	for _, e := range c.Events {
		if a.base.Event(e.ID) == nil {
			f.added = addedSince{}
			return e
		}
	}
	return nil
}

// watching keeps the watcher that started, and waits for its first
// change; or says why there is none.
func (f *files) watching(msg watchingMsg) (cmd tea.Cmd, why string) {
	if msg.err != nil {
		return nil, "Not watching the files for changes (r reloads): " + timeline.HarmlessLine(msg.err.Error())
	}
	if f.watcher != nil { // never happens: one watch per run
		f.watcher.Close()
	}
	f.watcher = msg.w
	return waitChangeCmd(f.watcher), ""
}

// reload starts reading the files again; any reload still on its way is
// overtaken. A note (the editor failed) goes before what the status line
// says of the result.
func (m *Model) reload(why reloadReason, note string) tea.Cmd {
	m.files.seq++
	r := reloadRequest{load: m.opts.Load, paths: m.opts.Paths, seq: m.files.seq, why: why, note: note,
		shown: m.chron, base: m.chron, label: m.label, query: m.filter.Applied(), wasFailed: m.problems.Failed()}
	if why == reloadEditor {
		// what changed since the editor started, even when the watcher
		// has already shown the save
		if m.files.editBase != nil {
			r.base = m.files.editBase
		}
		m.files.editBase = nil
	}
	return reloadCmd(r)
}

// reloaded takes in the result of a reload: a chronology that loads
// replaces the one on screen, keeping the reader's place (the event, by
// id or else the nearest in date; the filter; the jump history; the
// scroll); one that does not is shown in the banner, over the last good
// one. The comparing and filtering were done by the reload's command.
func (m *Model) reloaded(msg reloadedMsg) tea.Cmd {
	if msg.seq != m.files.seq {
		return nil // a newer reload is on its way
	}
	if msg.chron == nil {
		m.problems.SetFailed(msg.diags, msg.missing, msg.folders)
		m.exit.stillBroken(msg.diags)
		m.layout()
		switch {
		case msg.note != "":
			return m.say(scopeNone, msg.note+"; the file does not load", true)
		case msg.why != reloadWatch:
			return m.say(scopeNone, "Not reloaded: "+plural(len(msg.diags.Errors()), "error")+" (press ! to see them)", true)
		}
		return nil
	}
	m.problems.SetFailed(nil, nil, nil)
	m.problems.SetWarnings(msg.diags.Warnings())
	if m.exit.loaded() { // after a start on files that did not load
		m.problems.expanded, m.problems.neverLoaded = false, false
	}
	if msg.same {
		m.files.newEvent(m.chron, msg.why)
		// nothing new on disk (a save without changes, or the second
		// reader of one save): the screen stays as it is
		m.layout()
		if msg.why == reloadWatch {
			return nil
		}
		return m.say(scopeNone, msg.status, msg.statusErr)
	}

	old, loc := m.current, locationOf(m.current, m.focus, &m.detail)
	m.chron, m.label = msg.chron, msg.label
	m.files.gen++
	m.detail.Forget()
	m.history.prune(func(id string) bool { return m.chron.Event(id) != nil })
	cur := m.chron.Event(loc.id) // the same event, or the nearest in date when it is gone
	if cur == nil && old != nil {
		cur = m.chron.Nearest(old.Date)
	}
	if n := m.files.newEvent(m.chron, msg.why); n != nil { // what an edit added
		cur = n
	}
	events := msg.events
	if msg.query != m.filter.Applied() { // the filter changed while the files were read
		events = m.chron.Events
		if q, err := timeline.ParseQuery(m.filter.Applied()); err == nil {
			events = q.Filter(m.chron)
		}
	}
	filterRun := m.filter.SetChronology(m.chron)
	m.list.Reload(msg.facts, events, cur)
	m.ruler.SetFacts(msg.facts)
	m.filter.SetValues(msg.facts.values)
	m.ruler.SetShown(events, len(events) == m.chron.Len())
	m.current = cur
	if cur == nil {
		m.current = m.list.Selected()
	}
	if m.cover != nil { // still on the cover, of the chronology read again
		m.cover = m.current
	}
	m.layout()
	render := m.sync() // the detail: same scroll and link when it is the same event
	if m.current != nil && m.current.ID == loc.id {
		m.detail.Restore(loc.offset, loc.linkSel)
	}
	status := msg.status
	if old != nil && m.chron.Event(old.ID) == nil && m.current != nil {
		status += fmt.Sprintf("; “%s” is gone, showing the nearest event", timeline.HarmlessLine(old.Title))
	}
	return tea.Batch(render, filterRun, m.say(scopeNone, status, msg.statusErr))
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
