// Package watch tells when files change on disk, however an editor saves
// them: written in place, renamed over, deleted and created again, made
// unreadable and readable again, or with their whole folder deleted (or
// renamed away) and put back.
package watch

import (
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Watcher reports changes to a set of files and folders. Changes that come
// in a burst (an editor's save is often several events) are coalesced into
// one report, sent once the burst has been quiet for the settle time.
type Watcher struct {
	fs      *fsnotify.Watcher
	files   map[string]bool // files watched, by clean absolute path
	folders map[string]bool // folders whose *.toml files are watched
	settle  time.Duration
	changes chan struct{}
	done    chan struct{}

	// Folders watched and how to get them back; only the loop goroutine
	// touches these once New returns. A folder of dirs that is deleted or
	// renamed away takes its watch with it: it is lost until it exists
	// again, and meanwhile its nearest existing ancestor is watched (a
	// helper) to see it come back. A watch follows a folder, not its
	// name: each is kept with the folder it was put on, so that one left
	// on a folder deleted and made again under the same name is renewed.
	dirs    map[string]bool        // folders that hold what is watched
	guards  map[string]bool        // their parents, watched to see them go
	lost    map[string]bool        // of dirs, those that do not exist now
	watched map[string]os.FileInfo // folders with a watch, and the folder it is on

	mu     sync.Mutex
	timer  *time.Timer
	closed bool
}

// New watches paths (files or folders) and reports a change at most once
// per settle time.
func New(paths []string, settle time.Duration) (*Watcher, error) {
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &Watcher{
		fs:      fw,
		files:   map[string]bool{},
		folders: map[string]bool{},
		settle:  settle,
		changes: make(chan struct{}, 1),
		done:    make(chan struct{}),
		dirs:    map[string]bool{},
		guards:  map[string]bool{},
		lost:    map[string]bool{},
		watched: map[string]os.FileInfo{},
	}
	dirs := w.dirs
	for _, p := range paths {
		abs, err := filepath.Abs(p)
		if err != nil {
			fw.Close()
			return nil, err
		}
		if info, err := os.Stat(abs); err == nil && info.IsDir() {
			w.folders[abs] = true
			dirs[abs] = true
			continue
		}
		// A file is watched through its folder, so that a file replaced
		// by a rename, or deleted and created again, is still seen.
		w.files[abs] = true
		dirs[filepath.Dir(abs)] = true
	}
	for d := range dirs {
		info, err := os.Stat(d)
		if err == nil {
			err = fw.Add(d)
		}
		if err != nil {
			fw.Close()
			return nil, err
		}
		w.watched[d] = info
	}
	// A folder deleted while something still uses it (a process started
	// in it, as the viewer often is) is not reported deleted by its own
	// watch until the last user lets go; its parent reports it at once.
	for d := range dirs {
		if p := filepath.Dir(d); p != d {
			w.guards[p] = true
			w.watch(p)
		}
	}
	go w.loop()
	return w, nil
}

// Changes delivers one value after each settled burst of changes. It is
// closed by Close, so that a reader waiting on it is let go.
func (w *Watcher) Changes() <-chan struct{} { return w.changes }

// Close stops watching and closes the Changes channel. It may be called
// more than once.
func (w *Watcher) Close() error {
	w.mu.Lock()
	if w.closed {
		w.mu.Unlock()
		return nil
	}
	w.closed = true
	close(w.done)
	if w.timer != nil {
		w.timer.Stop()
	}
	close(w.changes)
	w.mu.Unlock()
	return w.fs.Close()
}

// lostPoll is how often the folders are looked at while one is lost. The
// events that should bring it back can themselves be lost: the watcher
// library drops a folder's report of its own deletion when its parent is
// watched, and the parent may be going too. Looking costs a few stats.
const lostPoll = 250 * time.Millisecond

func (w *Watcher) loop() {
	var ticker *time.Ticker
	defer func() {
		if ticker != nil {
			ticker.Stop()
		}
	}()
	for {
		var poll <-chan time.Time // nil, and never ready, while nothing is lost
		switch {
		case len(w.lost) > 0 && ticker == nil:
			ticker = time.NewTicker(lostPoll)
		case len(w.lost) == 0 && ticker != nil:
			ticker.Stop()
			ticker = nil
		}
		if ticker != nil {
			poll = ticker.C
		}
		select {
		case <-w.done:
			return
		case <-poll:
			if w.reconcile() {
				w.poke() // a lost folder is back: read what it holds
			}
		case ev, ok := <-w.fs.Events:
			if !ok {
				return
			}
			// Chmod counts: a file made unreadable, or readable again,
			// is read again to say so.
			name := filepath.Clean(ev.Name)
			if w.dirs[name] || w.guards[name] || (len(w.lost) > 0 && w.watched[filepath.Dir(name)] != nil) {
				// a folder watched, or its parent, made, deleted or
				// renamed; or something in a helper, while a folder is
				// lost
				wasLost := len(w.lost)
				if back := w.reconcile(); back || len(w.lost) > wasLost {
					w.poke() // read what the folders hold now
				}
			}
			if w.concerns(name) {
				w.poke()
			}
		case _, ok := <-w.fs.Errors:
			if !ok {
				return
			}
			// An overflow means events were lost: report a change so
			// that the files are read again.
			w.poke()
		}
	}
}

// reconcile puts the watches where the folders are now: on each folder
// of dirs that exists (again), and on its parent; for each that does not,
// on its nearest existing ancestor, to see it come back. It reports
// whether a lost folder came back.
func (w *Watcher) reconcile() (back bool) {
	for round := 0; round < 8; round++ { // again while folders come as it works
		again := false
		helpers := map[string]bool{}
		for d := range w.dirs {
			live, added := w.watch(d)
			if !live {
				w.lost[d] = true
				if a := existingAncestor(d); a != "" {
					helpers[a] = true
				}
				continue
			}
			if w.lost[d] {
				delete(w.lost, d)
				back = true
			}
			if p := filepath.Dir(d); p != d {
				_, guardAdded := w.watch(p)
				added = added || guardAdded
			}
			again = again || added
		}
		for a := range helpers {
			if _, added := w.watch(a); added {
				again = true // the folder may have come back meanwhile
			}
		}
		for a := range w.watched {
			if !w.dirs[a] && !w.guards[a] && !helpers[a] {
				_ = w.fs.Remove(a) // a helper no longer needed
				delete(w.watched, a)
			}
		}
		if !again {
			break
		}
	}
	return back
}

// watch makes sure the folder at p is watched: live when it is, added
// when it was not, or the watch was on another folder of that name (p
// deleted and made again). A watch left on a folder that no longer has
// this name is dropped. The watch is put again even on what looks like
// the same folder: that costs nothing when it is, and a folder made again
// may reuse the number (inode) of the one deleted.
func (w *Watcher) watch(p string) (live, added bool) {
	info, err := os.Stat(p)
	old := w.watched[p]
	if err != nil || !info.IsDir() {
		if old != nil {
			_ = w.fs.Remove(p)
			delete(w.watched, p)
		}
		return false, false
	}
	if err := w.fs.Add(p); err != nil {
		delete(w.watched, p)
		return false, false
	}
	w.watched[p] = info
	return true, old == nil || !os.SameFile(old, info)
}

// existingAncestor is the nearest folder above d that exists, or "".
func existingAncestor(d string) string {
	for {
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		if info, err := os.Stat(parent); err == nil && info.IsDir() {
			return parent
		}
		d = parent
	}
}

// concerns reports whether an event on name is about a watched file.
func (w *Watcher) concerns(name string) bool {
	name = filepath.Clean(name)
	if w.files[name] {
		return true
	}
	return w.folders[filepath.Dir(name)] && strings.HasSuffix(name, ".toml")
}

// poke starts or restarts the settle timer.
func (w *Watcher) poke() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return
	}
	if w.timer != nil {
		w.timer.Stop()
	}
	w.timer = time.AfterFunc(w.settle, w.fire)
}

// fire reports one change, unless one is already waiting to be read. The
// lock keeps it from sending on the channel Close is closing.
func (w *Watcher) fire() {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.closed {
		return
	}
	select {
	case w.changes <- struct{}{}:
	default: // a change is already waiting to be read
	}
}
