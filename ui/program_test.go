package ui

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"backstory/timeline"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// The viewer as a real Bubble Tea program, with no terminal: the file
// watcher, the reloads and the editor all run for real, and the test reads
// the model back between steps. Waits poll with a generous deadline;
// nothing is asserted about speed.

const programDeadline = 20 * time.Second

// program is a running viewer.
type program struct {
	t    *testing.T
	p    *tea.Program
	done chan tea.Model
}

// probeMsg asks the program's filter for the model as it is now.
type probeMsg struct{ reply chan *Model }

func startProgram(t *testing.T, opts Options, w, h int) *program {
	t.Helper()
	opts.Style = styleNoTTY
	p := tea.NewProgram(New(opts),
		tea.WithInput(nil),
		tea.WithOutput(io.Discard),
		tea.WithWindowSize(w, h),
		tea.WithoutSignalHandler(),
		tea.WithFilter(func(m tea.Model, msg tea.Msg) tea.Msg {
			if pr, ok := msg.(probeMsg); ok {
				snap := *m.(*Model) // a copy, read by the test while the program goes on
				pr.reply <- &snap
				return nil
			}
			return msg
		}))
	pr := &program{t: t, p: p, done: make(chan tea.Model, 1)}
	go func() {
		fm, err := p.Run()
		if err != nil {
			t.Errorf("Run: %v", err)
		}
		pr.done <- fm
	}()
	t.Cleanup(func() {
		p.Quit()
		select {
		case fm := <-pr.done:
			if m, ok := fm.(*Model); ok {
				m.Close()
			}
		case <-time.After(programDeadline):
			t.Error("the program did not end")
		}
	})
	return pr
}

// model returns the model as it is after every message sent so far.
func (pr *program) model() *Model {
	pr.t.Helper()
	reply := make(chan *Model, 1)
	go pr.p.Send(probeMsg{reply: reply})
	select {
	case m := <-reply:
		return m
	case <-time.After(programDeadline):
		pr.t.Fatal("the program does not answer")
	}
	return nil
}

// waitFor polls until cond holds for the model, failing with what the
// screen shows when it never does.
func (pr *program) waitFor(what string, cond func(m *Model, screen string) bool) *Model {
	pr.t.Helper()
	deadline := time.Now().Add(programDeadline)
	for {
		m := pr.model()
		screen := ansi.Strip(m.View().Content)
		if cond(m, screen) {
			return m
		}
		if time.Now().After(deadline) {
			pr.t.Fatalf("waited %v for %s; the screen shows:\n%s", programDeadline, what, screen)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// waitScreen waits until the screen holds every one of want and none of
// absent.
func (pr *program) waitScreen(want []string, absent ...string) *Model {
	pr.t.Helper()
	return pr.waitFor(fmt.Sprintf("%q without %q", want, absent), func(_ *Model, s string) bool {
		for _, w := range want {
			if !strings.Contains(s, w) {
				return false
			}
		}
		for _, a := range absent {
			if strings.Contains(s, a) {
				return false
			}
		}
		return true
	})
}

func (pr *program) press(keys ...string) {
	for _, k := range keys {
		pr.p.Send(keyPress(k))
	}
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// retitle gives printz-1997 a new title.
func retitle(src, title string) string {
	return strings.Replace(src, `title = "Printz v. United States"`, `title = "`+title+`"`, 1)
}

// TestLiveReload saves the file under a running viewer in every way
// editors do, and checks what the screen shows after each.
func TestLiveReload(t *testing.T) {
	if testing.Short() {
		t.Skip("saves waited for one after another: skipped with -short")
	}
	src := fixtureSource(t)
	path, opts := tempChronology(t, src)
	pr := startProgram(t, opts, 100, 30)
	pr.waitFor("the watcher", func(m *Model, s string) bool { return m.files.watcher != nil && strings.Contains(s, "Printz") })
	pr.press("j", "j", "j") // schaaf-warning
	pr.waitFor("the selection", func(m *Model, _ string) bool { return m.current != nil && m.current.ID == "schaaf-warning" })
	selected := func(m *Model) {
		t.Helper()
		if m.current == nil || m.current.ID != "schaaf-warning" {
			t.Errorf("the selection moved to %v", m.current)
		}
	}

	// in place
	writeFile(t, path, src+addedEvent)
	selected(pr.waitScreen([]string{"An event added in the editor", "1 new event"}))

	// by rename over the file, as vim and most IDEs do
	tmp := filepath.Join(filepath.Dir(path), ".events.toml.tmp")
	writeFile(t, tmp, retitle(src+addedEvent, "Printz, saved by rename"))
	if err := os.Rename(tmp, path); err != nil {
		t.Fatal(err)
	}
	selected(pr.waitScreen([]string{"Printz, saved by rename"}))

	// deleted: the last good version stays, and the banner says so
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	m := pr.waitScreen([]string{"events.toml is gone: showing", "Printz, saved by rename"})
	selected(m)
	if m.chron.Event("added-2018") == nil {
		t.Error("the last good version lost an event")
	}

	// created again
	writeFile(t, path, retitle(src, "Printz, created again"))
	selected(pr.waitScreen([]string{"Printz, created again", "loads again"}, "is gone", "An event added in the editor"))

	// a burst of writes: the last one wins
	for i := range 20 {
		writeFile(t, path, retitle(src, "Printz, burst "+strconv.Itoa(i)))
	}
	selected(pr.waitScreen([]string{"Printz, burst 19"}))

	// a broken save keeps the last good version; the fix recovers
	writeFile(t, path, retitle(src, "Printz, broken")+brokenEvents)
	m = pr.waitScreen([]string{"✗ Not reloaded: " + path + ":118:6:", "Printz, burst 19"}, "Printz, broken")
	selected(m)
	writeFile(t, path, retitle(src, "Printz, fixed"))
	m = pr.waitScreen([]string{"Printz, fixed", "loads again"}, "✗")
	selected(m)
	checkFits(t, m.View().Content, 100, 30, "after the saves")
}

// TestLiveReloadFolder: a new file in a watched folder is read.
func TestLiveReloadFolder(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "a.toml"), fixtureSource(t))
	opts := Options{
		Paths: []string{dir},
		Load: func(func(int64, int64)) (*timeline.Chronology, timeline.Diagnostics, string) {
			c, diags := timeline.Load(dir)
			return c, diags, dir
		},
	}
	pr := startProgram(t, opts, 100, 30)
	pr.waitFor("the watcher", func(m *Model, s string) bool { return m.files.watcher != nil && strings.Contains(s, "Printz") })
	writeFile(t, filepath.Join(dir, "b.toml"), addedEvent)
	pr.waitScreen([]string{"An event added in the editor", "1 new event"})
}

// TestEditInProgram: e suspends the program for a real editor process
// (through tea.ExecProcess), which adds an event; the program comes back,
// selects and shows the event, and still takes keys.
func TestEditInProgram(t *testing.T) {
	src := fixtureSource(t)
	path, opts := tempChronology(t, src)
	ed, dir := editorScript(t)
	writeFile(t, filepath.Join(dir, "add.toml"), addedEvent)
	opts.Editor = ed
	pr := startProgram(t, opts, 120, 40)
	pr.waitFor("the watcher", func(m *Model, s string) bool { return m.files.watcher != nil && strings.Contains(s, "Printz") })
	pr.press("j", "j", "j", "e")
	m := pr.waitScreen([]string{"# An event added in the editor", "1 new event"})
	if m.current == nil || m.current.ID != "added-2018" || m.list.Selected() != m.current {
		t.Errorf("selected %v after the editor", m.current)
	}
	args, err := os.ReadFile(filepath.Join(dir, "args.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if want := "+" + strconv.Itoa(eventLine(t, src, "schaaf-warning")) + "\n" + path + "\n"; string(args) != want {
		t.Errorf("the editor was given %q, want %q", args, want)
	}
	if v := m.View(); v.MouseMode != tea.MouseModeCellMotion || !v.AltScreen {
		t.Errorf("after the editor: mouse %v, alt screen %v", v.MouseMode, v.AltScreen)
	}
	pr.press("j")
	pr.waitFor("a key after the editor", func(m *Model, _ string) bool { return m.current != nil && m.current.ID == "lawsuit-2018" })
}
