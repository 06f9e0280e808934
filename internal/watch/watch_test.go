package watch

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// wait is how long a test waits for a change before giving up: generous,
// since machines are shared; nothing is asserted about speed.
const wait = 10 * time.Second

// long skips a test that takes seconds (rounds of deletions, each
// waited for) when -short is given.
func long(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("rounds of folder deletions take seconds: skipped with -short")
	}
}

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
	t.Parallel()
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
	t.Parallel()
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
	t.Parallel()
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
	t.Parallel()
	dir := t.TempDir()
	w := newWatcher(t, dir)
	write(t, filepath.Join(dir, "notes.txt"), "ignored")
	write(t, filepath.Join(dir, "new.toml"), "seen")
	expectChange(t, w, "a new .toml file in the folder")
}

// TestCloseLetsReadersGo: a reader waiting for a change is released when
// the watcher closes, and closing twice is harmless.
func TestCloseLetsReadersGo(t *testing.T) {
	t.Parallel()
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

// drain takes a change that may still be on its way from the last step,
// so that the next expectChange is about the next step only.
func drain(w *Watcher) {
	for {
		select {
		case <-w.Changes():
		case <-time.After(150 * time.Millisecond):
			return
		}
	}
}

// TestFolderDeletedAndBack: the folder of a watched file (and the folder
// above it) deleted, then made again with the file in it: the file is
// seen again, however deep the deletion went; a folder renamed away and
// back too.
func TestFolderDeletedAndBack(t *testing.T) {
	long(t)
	t.Parallel()
	top := t.TempDir()
	dir := filepath.Join(top, "a", "b")
	file := filepath.Join(dir, "events.toml")
	mk := func() {
		t.Helper()
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		write(t, file, "x")
	}
	mk()
	w := newWatcher(t, file)

	for _, gone := range []string{dir, filepath.Join(top, "a"), dir} {
		if err := os.RemoveAll(gone); err != nil {
			t.Fatal(err)
		}
		expectChange(t, w, "deleting "+gone)
		drain(w)
		mk()
		expectChange(t, w, "making "+gone+" again with the file")
		drain(w)
		write(t, file, "y")
		expectChange(t, w, "a save once "+gone+" is back")
		drain(w)
	}

	away := filepath.Join(top, "away")
	if err := os.Rename(dir, away); err != nil {
		t.Fatal(err)
	}
	expectChange(t, w, "renaming the folder away")
	drain(w)
	write(t, filepath.Join(away, "events.toml"), "not watched: it moved")
	if err := os.Rename(away, dir); err != nil {
		t.Fatal(err)
	}
	expectChange(t, w, "renaming the folder back")
	drain(w)
	write(t, file, "z")
	expectChange(t, w, "a save once the folder is back")
}

// TestWatchedFolderDeletedAndBack: a folder given to watch, deleted and
// made again with a .toml file in it.
func TestWatchedFolderDeletedAndBack(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "chronology")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "a.toml"), "x")
	w := newWatcher(t, dir)
	if err := os.RemoveAll(dir); err != nil {
		t.Fatal(err)
	}
	expectChange(t, w, "deleting the folder")
	drain(w)
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "a.toml"), "back")
	expectChange(t, w, "making the folder again")
	drain(w)
	write(t, filepath.Join(dir, "b.toml"), "new")
	expectChange(t, w, "a new file in the folder made again")
}

// TestChmod: a file made unreadable, and readable again, is reported, so
// that the viewer can say it cannot read it, then read it.
func TestChmod(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	file := filepath.Join(dir, "events.toml")
	write(t, file, "a")
	w := newWatcher(t, file)
	if err := os.Chmod(file, 0); err != nil {
		t.Fatal(err)
	}
	expectChange(t, w, "chmod 000")
	drain(w)
	if err := os.Chmod(file, 0o644); err != nil {
		t.Fatal(err)
	}
	expectChange(t, w, "chmod 644")
}

// TestFolderDeletedWhileInUse: the folder of the watched file deleted
// while the process sits in it (the viewer started there), which delays
// the folder's own report of its deletion until nothing uses it; then
// made again, twice. (Not in parallel: it changes the working folder.)
func TestFolderDeletedWhileInUse(t *testing.T) {
	long(t)
	dir := filepath.Join(t.TempDir(), "story")
	file := filepath.Join(dir, "events.toml")
	mk := func() {
		t.Helper()
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		write(t, file, "x")
	}
	mk()
	t.Chdir(dir)
	w := newWatcher(t, "events.toml")
	for i := range 2 {
		if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
		expectChange(t, w, "deleting the folder")
		drain(w)
		mk()
		expectChange(t, w, "making the folder again with the file")
		drain(w)
		if err := os.Chdir(dir); err != nil { // as the viewer does (backToStartDir)
			t.Fatal(err)
		}
		write(t, file, "saved "+string(rune('0'+i)))
		expectChange(t, w, "a save once the folder is back")
		drain(w)
	}
}

// TestFolderDeletedAndMadeAgainOften: the folder of the file, or the
// folder above it, deleted and made again, round after round. When a
// folder and its parent go at once, the parent's own report of its
// deletion can be lost (the watcher library drops it once the folder
// above is watched), so a watch that looks in place may be on a folder
// that is gone: the folder made again must be seen all the same. (The
// loss depends on timing: a watcher that trusted its watches failed this
// test about one run in three, at a random round.)
func TestFolderDeletedAndMadeAgainOften(t *testing.T) {
	long(t)
	t.Parallel()
	top := t.TempDir()
	folder := filepath.Join(top, "story", "files")
	file := filepath.Join(folder, "events.toml")
	mk := func() {
		t.Helper()
		if err := os.MkdirAll(folder, 0o755); err != nil {
			t.Fatal(err)
		}
		write(t, file, "x")
	}
	mk()
	w := newWatcher(t, file)
	for i := range 40 {
		gone := folder
		if i%2 == 1 {
			gone = filepath.Join(top, "story")
		}
		if err := os.RemoveAll(gone); err != nil {
			t.Fatal(err)
		}
		expectChange(t, w, fmt.Sprintf("round %d: deleting %s", i, gone))
		drain(w)
		mk()
		expectChange(t, w, fmt.Sprintf("round %d: making %s again", i, gone))
	}
}
