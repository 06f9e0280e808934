package ui

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"backstory/timeline"
	tea "charm.land/bubbletea/v2"
)

// The editing loop, driven message by message: e, the editor's return,
// reloads after saves good and bad, and what the reader keeps across them.

// eventLine is the line of the [[event]] table of id in src, found by
// reading the text (not through the loader).
func eventLine(t *testing.T, src, id string) int {
	t.Helper()
	lines := strings.Split(src, "\n")
	for i, l := range lines {
		if strings.TrimSpace(l) == `id = "`+id+`"` {
			for j := i; j >= 0; j-- {
				if strings.TrimSpace(lines[j]) == "[[event]]" {
					return j + 1
				}
			}
		}
	}
	t.Fatalf("no event %q", id)
	return 0
}

// removeEvent cuts the event with id out of src.
func removeEvent(t *testing.T, src, id string) string {
	t.Helper()
	start := strings.Index(src, "[[event]]\nid = \""+id+"\"")
	if start < 0 {
		t.Fatalf("no event %q", id)
	}
	end := strings.Index(src[start+1:], "\n[[event]]\n")
	if end < 0 {
		return src[:start]
	}
	return src[:start] + src[start+1+end+1:]
}

// addedEvent is an event an editor adds: a link back to an old one, and a
// source.
const addedEvent = `
[[event]]
id = "added-2018"
date = 2018-02-26
title = "An event added in the editor"
links = [{ to = "schaaf-warning", note = "added by the test" }]

[[event.source]]
title = "Added source"
publisher = "Example Times"
url = "https://example.com/added"
`

func TestEditOpensTheEventLine(t *testing.T) {
	abs, err := filepath.Abs("testdata/fixture.toml")
	if err != nil {
		t.Fatal(err)
	}
	src := fixtureSource(t)
	for _, tc := range []struct {
		name string
		keys []string
		id   string
	}{
		{"list", []string{"j", "j"}, "homan-condemns"},
		{"detail", []string{"G", "enter", "j"}, "memo-2025"},
		{"followed link", []string{"1"}, "schaaf-warning"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := newDriver(t, 120, 40, Options{})
			d.press(tc.keys...)
			d.press("e")
			want := []string{"true", "+" + strconv.Itoa(eventLine(t, src, tc.id)), abs}
			if len(d.edits) != 1 || !slices.Equal(d.edits[0], want) {
				t.Fatalf("editor started with %q, want %q", d.edits, want)
			}
			wantCurrent(tc.id)(t, d)
			wantStatus("Reloaded fixture.toml: no changes")(t, d)
		})
	}
}

// tempChronology copies src into a temporary events.toml and returns
// viewer options that load it from disk as the command does.
func tempChronology(t *testing.T, src string) (string, Options) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "events.toml")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, Options{
		Paths: []string{path},
		// no progress: the driver runs the load in its own goroutine
		Load: func(func(int64, int64)) (*timeline.Chronology, timeline.Diagnostics, string) {
			c, diags := timeline.Load(path)
			return c, diags, "events.toml"
		},
	}
}

// editorScript writes a shell script that records its arguments in
// args.txt and appends what is in add.toml (if anything) to the file it
// is given last. It returns the editor setting and the folder.
func editorScript(t *testing.T) (ed, dir string) {
	t.Helper()
	dir = t.TempDir()
	script := `#!/bin/sh
dir=$(dirname "$0")
printf '%s\n' "$@" > "$dir/args.txt"
for f; do file=$f; done
if [ -f "$dir/add.toml" ]; then cat "$dir/add.toml" >> "$file"; fi
exit "${EXIT:-0}"
`
	path := filepath.Join(dir, "editor.sh")
	if err := os.WriteFile(path, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return "sh " + path, dir
}

// TestEditWithARealEditor: e runs a real editor process that adds an
// event; the viewer reads the file again, shows the event, and keeps the
// selection where it was.
func TestEditWithARealEditor(t *testing.T) {
	src := fixtureSource(t)
	path, opts := tempChronology(t, src)
	ed, dir := editorScript(t)
	if err := os.WriteFile(filepath.Join(dir, "add.toml"), []byte(addedEvent), 0o644); err != nil {
		t.Fatal(err)
	}
	opts.Editor = ed
	d := newDriver(t, 120, 40, opts)
	d.runEditors = true
	d.press("j", "j", "j") // schaaf-warning
	d.press("e")

	args, err := os.ReadFile(filepath.Join(dir, "args.txt"))
	if err != nil {
		t.Fatal(err)
	}
	want := "+" + strconv.Itoa(eventLine(t, src, "schaaf-warning")) + "\n" + path + "\n"
	if string(args) != want {
		t.Errorf("the editor was given %q, want %q", args, want)
	}
	wantSelected("added-2018")(t, d) // what the edit added
	wantStatus("1 new event: “An event added in the editor”")(t, d)
	if d.m.chron.Event("added-2018") == nil || !strings.Contains(d.screen(), "An event added in the editor") {
		t.Errorf("the new event is not shown:\n%s", d.screen())
	}
	// its link shows as a backlink of the event it links to
	d.press("1")
	wantSelected("schaaf-warning")(t, d)
	if !strings.Contains(d.screen(), "An event added in the editor (26 Feb 2018) — added by the") {
		t.Errorf("the new link is not shown:\n%s", d.screen())
	}
	checkFits(t, d.m.View().Content, 120, 40, "after the editor")
}

func TestEditorFails(t *testing.T) {
	_, opts := tempChronology(t, fixtureSource(t))
	opts.Editor = "false"
	d := newDriver(t, 80, 24, opts)
	d.runEditors = true
	d.press("j", "e")
	wantStatus("false failed (exit status 1); nothing changed")(t, d)
	if !d.m.status.isErr {
		t.Error("the failure is not shown as an error")
	}
	wantSelected("sb54-signed")(t, d)
	wantNoQuit(t, d)
	d.press("j") // the viewer carries on
	wantSelected("homan-condemns")(t, d)
}

func TestEditorMissing(t *testing.T) {
	for _, ed := range []string{"/nonexistent/editor", "no-such-editor-anywhere --wait", `"unclosed`} {
		d := newDriver(t, 80, 24, Options{Editor: ed})
		d.press("e")
		if len(d.edits) != 0 || !d.m.status.isErr {
			t.Errorf("%s: edits %q, status %q", ed, d.edits, d.m.status.text)
		}
		if !strings.Contains(d.m.status.text, "No editor") && !strings.Contains(d.m.status.text, "Cannot start the editor") {
			t.Errorf("%s: status %q", ed, d.m.status.text)
		}
		wantNoQuit(t, d)
	}
}

// TestEditBuiltin: the built-in chronology has no file: e says how to get
// one, and r is not offered.
func TestEditBuiltin(t *testing.T) {
	c := fixture(t)
	d := newDriver(t, 100, 24, Options{Load: func(func(int64, int64)) (*timeline.Chronology, timeline.Diagnostics, string) {
		return c, nil, "built-in chronology"
	}})
	d.press("e")
	if len(d.edits) != 0 || d.m.status.text != builtinEditHint || !strings.Contains(d.screen(), "backstory init") {
		t.Errorf("edits %q, screen:\n%s", d.edits, d.screen())
	}
	km := d.keys()
	if km.Reload.Enabled() || km.Edit.Help().Desc != "how to edit" {
		t.Errorf("reload enabled %v, e says %q", km.Reload.Enabled(), km.Edit.Help().Desc)
	}
	d.press("r")
	if d.m.files.seq != 0 {
		t.Error("r reloaded the built-in chronology")
	}
}

// TestEditAtFirstError: while the file does not load, e opens it where
// the first error is.
func TestEditAtFirstError(t *testing.T) {
	d := newDriver(t, 120, 40, Options{})
	saveBroken(d)
	if got := d.keys().Edit.Help().Desc; got != "edit first error" {
		t.Errorf("e says %q", got)
	}
	d.press("e")
	want := "+" + strconv.Itoa(d.m.problems.failed.Errors()[0].Pos.Line)
	if len(d.edits) != 1 || d.edits[0][1] != want {
		t.Errorf("editor started with %q, want line %s", d.edits, want)
	}
}

// TestEditGoneFile: e on an event whose file is gone says so.
func TestEditGoneFile(t *testing.T) {
	path, opts := tempChronology(t, fixtureSource(t))
	d := newDriver(t, 120, 40, opts)
	if err := os.Remove(path); err != nil {
		t.Fatal(err)
	}
	d.send(fileChangedMsg{})
	if !slices.Equal(d.m.problems.missing, []string{path}) || !strings.Contains(d.screen(), "is gone") {
		t.Fatalf("missing %q:\n%s", d.m.problems.missing, d.screen())
	}
	d.press("e")
	if len(d.edits) != 0 || !strings.Contains(d.m.status.text, "is gone: put it back") {
		t.Errorf("edits %q, status %q", d.edits, d.m.status.text)
	}
}

// TestEditorAndWatcherBothReload: the watcher usually sees the editor's
// save before the editor returns; the editor's own reload then finds
// nothing new on disk, and still says what the edit changed.
func TestEditorAndWatcherBothReload(t *testing.T) {
	d := newDriver(t, 120, 40, Options{})
	d.m.runEditor = func(_ *exec.Cmd, done tea.ExecCallback) tea.Cmd {
		return func() tea.Msg {
			d.save(fixtureSource(t) + addedEvent) // seen by the watcher first
			return done(nil)
		}
	}
	d.press("j", "j", "j", "e")
	wantStatus("Reloaded fixture.toml, 1 new event: “An event added in the editor”")(t, d)
	wantSelected("added-2018")(t, d) // selected when the watcher's reload brought it
	if d.m.files.editBase != nil {
		t.Error("the chronology from before the edit is kept")
	}
}

// TestBannerIsHarmless: text from the file inside a diagnostic (a key, a
// file name) reaches the banner as visible symbols, never raw.
func TestBannerIsHarmless(t *testing.T) {
	d := newDriver(t, 120, 40, Options{})
	d.m.files.seq++
	d.send(reloadedMsg{seq: d.m.files.seq, diags: timeline.Diagnostics{
		{Pos: timeline.Position{File: "ev\x1b[2J.toml", Line: 3, Col: 1}, Message: "unknown key \x1b]0;PWNED\a\u202e"},
	}})
	for _, expanded := range []bool{false, true} {
		if expanded {
			d.press("!")
		}
		view := d.m.View().Content
		if strings.Contains(view, "\x1b]0;") || strings.Contains(view, "\x1b[2J") || strings.Contains(view, "\u202e") {
			t.Errorf("expanded %v: raw control text in the banner: %q", expanded, view)
		}
		if !strings.Contains(d.screen(), "ev␛[2J.toml:3:1: unknown key ␛]0;PWNED␇") {
			t.Errorf("expanded %v: the diagnostic is not shown:\n%s", expanded, d.screen())
		}
	}
}

// TestEditorInterruptedSignalLate: ctrl+c that ends the editor (one that
// lets the terminal make it a SIGINT) reaches the viewer too, and its
// SignalMsg may come after the editor's end: it is the editor's, not a
// reason to quit. A later SIGINT quits, with 130.
func TestEditorInterruptedSignalLate(t *testing.T) {
	byInterrupt := exec.Command("sh", "-c", "kill -INT $$").Run()
	if !interrupted(byInterrupt) {
		t.Skipf("sh did not die of SIGINT here: %v", byInterrupt)
	}
	for _, early := range []bool{false, true} {
		d := newDriver(t, 100, 30, Options{})
		d.m.editor.start() // as e does
		if early {
			d.send(SignalMsg{Signal: os.Interrupt})
		}
		d.send(editorDoneMsg{editor: "sh", err: byInterrupt})
		if !early {
			d.send(SignalMsg{Signal: os.Interrupt})
		}
		if d.quit {
			t.Fatalf("early=%v: the editor's SIGINT made the viewer quit", early)
		}
		d.send(SignalMsg{Signal: os.Interrupt})
		if code, _ := d.m.Exit(); !d.quit || code != 130 {
			t.Errorf("early=%v: a later SIGINT: quit %v, exit %d", early, d.quit, code)
		}
	}
}
