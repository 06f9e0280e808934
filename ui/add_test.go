package ui

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestAddEvent: a writes a skeleton after the selected event and opens the
// editor at its title line; filled in, it is selected once it loads; left
// as it was, it is taken out and the file is as before; with no editor to
// run, nothing is added.
func TestAddEvent(t *testing.T) {
	src := fixtureSource(t)

	t.Run("filled in", func(t *testing.T) {
		path, opts := tempChronology(t, src)
		d := newDriver(t, 120, 40, opts)
		var args []string
		d.m.runEditor = func(c *exec.Cmd, done tea.ExecCallback) tea.Cmd {
			args = c.Args
			return func() tea.Msg {
				b, _ := os.ReadFile(path)
				b = []byte(strings.Replace(string(b), "title = \"\"\nlinks", "title = \"Added with a\"\nlinks", 1))
				b = []byte(strings.Replace(string(b), "title = \"\"\nurl = \"\"", "title = \"Src\"\nurl = \"https://example.com/a\"", 1))
				if err := os.WriteFile(path, b, 0o644); err != nil {
					t.Error(err)
				}
				return done(nil)
			}
		}
		d.press("j", "j", "j") // schaaf-warning
		wantSelected("schaaf-warning")(t, d)
		d.press("a")
		if len(args) < 2 || !strings.HasPrefix(args[len(args)-2], "+") {
			t.Fatalf("the editor was given %q", args)
		}
		wantSelected("new-event-1")(t, d)
		wantStatus("1 new event: “Added with a”")(t, d)
		e := d.m.chron.Event("new-event-1")
		if e == nil || e.Date != d.m.chron.Event("schaaf-warning").Date || len(e.Links) != 1 || e.Links[0].To != "schaaf-warning" {
			t.Errorf("the new event: %+v", e)
		}
	})

	t.Run("left as it was", func(t *testing.T) {
		path, opts := tempChronology(t, src)
		d := newDriver(t, 120, 40, opts)
		d.press("j", "j", "j", "a")
		if len(d.edits) != 1 {
			t.Fatalf("edits %q", d.edits)
		}
		wantStatus(untouchedNote)(t, d)
		wantSelected("schaaf-warning")(t, d)
		if b, _ := os.ReadFile(path); string(b) != src {
			t.Errorf("the file is not as it was:\n%s", b)
		}
	})

	t.Run("no editor", func(t *testing.T) {
		path, opts := tempChronology(t, src)
		opts.Editor = "/nonexistent/editor"
		d := newDriver(t, 120, 40, opts)
		d.press("j", "a")
		if !strings.Contains(d.m.status.text, "No editor") || !strings.Contains(d.m.status.text, "nothing was added") {
			t.Errorf("status %q", d.m.status.text)
		}
		if b, _ := os.ReadFile(path); string(b) != src {
			t.Errorf("the file is not as it was:\n%s", b)
		}
	})

	t.Run("not offered", func(t *testing.T) {
		d := newDriver(t, 120, 40, Options{Paths: []string{}})
		if d.keys().Add.Enabled() {
			t.Error("a is offered on the built-in chronology")
		}
	})
}
