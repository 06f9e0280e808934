package watch

import (
	"os"
	"path/filepath"
	"testing"
	"time"
)

// wait is how long a test waits for a change before giving up: generous,
// since machines are shared; nothing is asserted about speed.
const wait = 10 * time.Second

func newWatcher(t *testing.T, paths ...string) *Watcher {
	t.Helper()
	w, err := New(paths, 50*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

func expectChange(t *testing.T, w *Watcher, what string) {
	t.Helper()
	select {
	case <-w.Changes():
	case <-time.After(wait):
		t.Fatalf("no change reported after %s", what)
	}
}

func write(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestSaves(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "events.toml")
	write(t, file, "a")
	w := newWatcher(t, file)

	write(t, file, "in place")
	expectChange(t, w, "a write in place")

	tmp := filepath.Join(dir, ".events.toml.swp")
	write(t, tmp, "by rename")
	if err := os.Rename(tmp, file); err != nil {
		t.Fatal(err)
	}
	expectChange(t, w, "a save by rename")

	if err := os.Remove(file); err != nil {
		t.Fatal(err)
	}
	expectChange(t, w, "a delete")
	write(t, file, "created again")
	expectChange(t, w, "a create")
}

func TestBurstIsCoalesced(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "events.toml")
	write(t, file, "a")
	w := newWatcher(t, file)
	for i := 0; i < 50; i++ {
		write(t, file, "burst")
	}
	expectChange(t, w, "a burst")
	// However the burst was split, the channel holds at most one report.
	if n := len(w.changes); n > 1 {
		t.Fatalf("%d reports queued", n)
	}
}

func TestConcerns(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "events.toml")
	write(t, file, "a")
	folder := filepath.Join(dir, "more")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	w := newWatcher(t, file, folder)
	for name, want := range map[string]bool{
		file:                                   true,
		filepath.Join(dir, "other.toml"):       false, // beside a watched file
		filepath.Join(dir, ".events.toml.swp"): false,
		filepath.Join(folder, "b.toml"):        true, // in a watched folder
		filepath.Join(folder, "notes.txt"):     false,
	} {
		if got := w.concerns(name); got != want {
			t.Errorf("concerns(%s) = %v, want %v", name, got, want)
		}
	}
}

func TestFolder(t *testing.T) {
	dir := t.TempDir()
	w := newWatcher(t, dir)
	write(t, filepath.Join(dir, "notes.txt"), "ignored")
	write(t, filepath.Join(dir, "new.toml"), "seen")
	expectChange(t, w, "a new .toml file in the folder")
}

// TestCloseLetsReadersGo: a reader waiting for a change is released when
// the watcher closes, and closing twice is harmless.
func TestCloseLetsReadersGo(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "events.toml")
	write(t, file, "a")
	w, err := New([]string{file}, 50*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	released := make(chan bool)
	go func() {
		_, ok := <-w.Changes()
		released <- ok
	}()
	w.Close()
	select {
	case ok := <-released:
		if ok {
			t.Error("a change was reported instead of the close")
		}
	case <-time.After(wait):
		t.Fatal("the reader was not released by Close")
	}
	if err := w.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
	write(t, file, "after close") // must not panic on a closed channel
	time.Sleep(100 * time.Millisecond)
}
