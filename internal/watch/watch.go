// Package watch tells when files change on disk, however an editor saves
// them: written in place, renamed over, or deleted and created again.
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
	}
	dirs := map[string]bool{}
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
		if err := fw.Add(d); err != nil {
			fw.Close()
			return nil, err
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

func (w *Watcher) loop() {
	for {
		select {
		case <-w.done:
			return
		case ev, ok := <-w.fs.Events:
			if !ok {
				return
			}
			if ev.Op == fsnotify.Chmod || !w.concerns(ev.Name) {
				continue
			}
			w.poke()
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
