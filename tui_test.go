package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// End-to-end tests of the viewer: the built binary in a real terminal
// (a detached tmux pane), driven by keys the way a person would, with what
// the screen shows read back. Every wait polls the screen with a generous
// deadline; nothing depends on how fast the machine is.

const e2eDeadline = 30 * time.Second

// tmuxTerm is one program running in its own tmux server.
type tmuxTerm struct {
	t    *testing.T
	sock string
}

var sockSafe = regexp.MustCompile(`[^A-Za-z0-9]+`)

// startTUI runs bin with args in a w x h terminal, in dir.
func startTUI(t *testing.T, bin, dir string, w, h int, args ...string) *tmuxTerm {
	t.Helper()
	return startTUIEnv(t, bin, dir, w, h, nil, args...)
}

// startTUIEnv is startTUI with more environment variables (NAME=value).
func startTUIEnv(t *testing.T, bin, dir string, w, h int, env []string, args ...string) *tmuxTerm {
	t.Helper()
	tt := &tmuxTerm{t: t, sock: fmt.Sprintf("bs-%d-%s", os.Getpid(), sockSafe.ReplaceAllString(t.Name(), "-"))}
	conf := filepath.Join(t.TempDir(), "tmux.conf")
	if err := os.WriteFile(conf, []byte("set -g remain-on-exit on\nset -g status off\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// The shell reports the exit status on screen and stays: tmux's own
	// pane_dead_status is not reliable when tmux is started from a Go test
	// (seen missing for good), and a pane whose process ends at once can
	// lose its last output.
	// the filter's history goes to a folder of the test's own
	cmdline := "env TERM=xterm-256color COLORTERM=truecolor XDG_STATE_HOME=" + shellQuote(t.TempDir()) + " "
	for _, e := range env {
		cmdline += shellQuote(e) + " "
	}
	cmdline += shellQuote(bin)
	for _, a := range args {
		cmdline += " " + shellQuote(a)
	}
	cmdline += `; echo "[exit $?]"; exec sleep 86400`
	tt.tmux("-f", conf, "new-session", "-d", "-s", "main", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h), "-c", dir, cmdline)
	t.Cleanup(func() { _ = tt.cmd("kill-server").Run() })
	return tt
}

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

func (tt *tmuxTerm) cmd(args ...string) *exec.Cmd {
	c := exec.Command("tmux", append([]string{"-L", tt.sock}, args...)...)
	var env []string
	for _, e := range os.Environ() {
		if !strings.HasPrefix(e, "TMUX=") {
			env = append(env, e)
		}
	}
	c.Env = env
	return c
}

func (tt *tmuxTerm) tmux(args ...string) string {
	tt.t.Helper()
	out, err := tt.cmd(args...).CombinedOutput()
	if err != nil {
		tt.t.Fatalf("tmux %v: %v\n%s", args, err, out)
	}
	return string(out)
}

// keys sends tmux key names (j, Enter, Escape, BSpace, ...).
func (tt *tmuxTerm) keys(keys ...string) {
	tt.t.Helper()
	for _, k := range keys {
		tt.tmux("send-keys", "-t", "main", k)
	}
}

// typeText types text literally.
func (tt *tmuxTerm) typeText(s string) {
	tt.t.Helper()
	tt.tmux("send-keys", "-t", "main", "-l", s)
}

func (tt *tmuxTerm) screen() string {
	tt.t.Helper()
	return tt.tmux("capture-pane", "-p", "-t", "main")
}

// waitFor polls until the screen holds want (or not, with present false).
func (tt *tmuxTerm) waitFor(want string, present bool) string {
	tt.t.Helper()
	deadline := time.Now().Add(e2eDeadline)
	for {
		s := tt.screen()
		if strings.Contains(s, want) == present {
			// a frame can be caught half drawn: return a screen that
			// holds still from one look to the next
			time.Sleep(50 * time.Millisecond)
			if again := tt.screen(); again == s || time.Now().After(deadline) {
				return s
			}
			continue
		}
		if time.Now().After(deadline) {
			what := "show"
			if !present {
				what = "stop showing"
			}
			tt.t.Fatalf("the screen did not %s %q within %v:\n%s", what, want, e2eDeadline, s)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func (tt *tmuxTerm) resize(w, h int) {
	tt.t.Helper()
	tt.tmux("resize-window", "-t", "main", "-x", fmt.Sprint(w), "-y", fmt.Sprint(h))
}

// waitExit waits for the program to end and returns its exit status.
func (tt *tmuxTerm) waitExit() int {
	tt.t.Helper()
	deadline := time.Now().Add(e2eDeadline)
	for {
		s := tt.screen()
		if m := exitLine.FindStringSubmatch(s); m != nil {
			code, _ := strconv.Atoi(m[1])
			return code
		}
		if time.Now().After(deadline) {
			tt.t.Fatalf("the program did not exit within %v:\n%s", e2eDeadline, s)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

var exitLine = regexp.MustCompile(`\[exit (\d+)\]`)

// quitCleanly presses q and checks the program exits 0 and leaves the
// terminal as it found it: out of the alternate screen, nothing of the
// viewer left on it.
func (tt *tmuxTerm) quitCleanly(mark string) {
	tt.t.Helper()
	tt.keys("q")
	if code := tt.waitExit(); code != 0 {
		tt.t.Errorf("exit status %d", code)
	}
	if alt := strings.TrimSpace(tt.tmux("display-message", "-p", "-t", "main", "#{alternate_on}")); alt != "0" {
		tt.t.Errorf("terminal left in the alternate screen (alternate_on=%s)", alt)
	}
	if s := tt.screen(); strings.Contains(s, mark) {
		tt.t.Errorf("the viewer's screen is still there after quitting:\n%s", s)
	}
}

// checkWidth fails when a line of the screen is wider than w.
func checkWidth(t *testing.T, screen string, w int) {
	t.Helper()
	for i, l := range strings.Split(strings.TrimRight(screen, "\n"), "\n") {
		if n := len([]rune(l)); n > w {
			t.Errorf("line %d is %d wide (terminal %d): %q", i, n, w, l)
		}
	}
}

func TestViewerEndToEnd(t *testing.T) {
	bin := endToEnd(t)
	story, err := filepath.Abs("testdata/tui/story.toml")
	if err != nil {
		t.Fatal(err)
	}

	t.Run("open and read", func(t *testing.T) {
		t.Parallel()
		tt := startTUI(t, bin, t.TempDir(), 120, 40, story)
		tt.waitFor("Printz v. United States", true)
		// (the frame may still be being drawn: wait for each part of it)
		for _, want := range []string{"Test story: the Oakland warning", "story.toml", "1/8", "── 2018", "━━ First term"} {
			tt.waitFor(want, true)
		}
		tt.keys("j", "j", "Enter")
		tt.waitFor("ICE's acting director speaks.", true)
		tt.waitFor("3/8", true)
		checkWidth(t, tt.screen(), 120)
		tt.quitCleanly("Printz")
	})

	t.Run("built-in chronology", func(t *testing.T) {
		t.Parallel()
		tt := startTUI(t, bin, t.TempDir(), 100, 30)
		tt.waitFor("built-in chronology", true)
		tt.keys("C-c")
		if code := tt.waitExit(); code != 0 {
			t.Errorf("exit status %d after ctrl+c", code)
		}
	})

	t.Run("filter schaaf and clear", func(t *testing.T) {
		t.Parallel()
		tt := startTUI(t, bin, t.TempDir(), 120, 40, "--style", "dark", story)
		tt.waitFor("Printz v. United States", true)
		tt.keys("/")
		tt.typeText("schaaf")
		tt.waitFor("2/8", true)
		tt.waitFor("Printz v. United States", false)
		tt.keys("Enter")
		tt.waitFor("/schaaf 2/8", true)
		tt.keys("Escape")
		tt.waitFor("/schaaf", false)
		tt.waitFor("Printz v. United States", true)
		tt.quitCleanly("Printz")
	})

	t.Run("follow a link and come back", func(t *testing.T) {
		t.Parallel()
		tt := startTUI(t, bin, t.TempDir(), 100, 30, "--event", "schaaf-warning", story)
		tt.waitFor("Schaaf posts a warning", true)
		tt.keys("2")
		tt.waitFor("ICE's acting director speaks.", true)
		tt.keys("[")
		tt.waitFor("Schaaf posts a warning", true)
		tt.keys("]")
		tt.waitFor("ICE's acting director speaks.", true)
		tt.keys("BSpace", "Tab", "Tab")
		tt.waitFor("→ 2. Homan condemns Schaaf's warning", true)
		tt.keys("Enter")
		tt.waitFor("ICE's acting director speaks.", true)
		tt.quitCleanly("ICE's acting director")
	})

	t.Run("resize", func(t *testing.T) {
		t.Parallel()
		tt := startTUI(t, bin, t.TempDir(), 120, 40, story)
		tt.waitFor("The court bars Washington", true) // list and detail side by side
		tt.resize(60, 20)
		s := tt.waitFor("The court bars Washington", false) // one pane at a time
		checkWidth(t, s, 60)
		tt.keys("Enter")
		checkWidth(t, tt.waitFor("The court bars Washington", true), 60)
		tt.resize(20, 6)
		s = tt.waitFor("1/8", true)
		checkWidth(t, s, 20)
		if n := len(strings.Split(strings.TrimRight(s, "\n"), "\n")); n > 6 {
			t.Errorf("%d lines in a 6-line terminal:\n%s", n, s)
		}
		tt.resize(130, 40)
		tt.keys("Escape")
		tt.waitFor("Brown signs SB 54", true)
		tt.waitFor("The court bars Washington", true)
		tt.quitCleanly("Printz")
	})

	t.Run("a small terminal", func(t *testing.T) {
		t.Parallel()
		tt := startTUI(t, bin, t.TempDir(), 60, 20, "--event", "schaaf-warning", story)
		tt.waitFor("Schaaf posts a warning", true)
		footer := func() string {
			lines := strings.Split(strings.TrimRight(tt.screen(), "\n"), "\n")
			return lines[len(lines)-1]
		}
		for _, want := range []string{"esc", "? ", "q quit"} { // the way out, in one pane
			if f := footer(); !strings.Contains(f, want) {
				t.Errorf("the footer lacks %q: %q", want, f)
			}
		}
		tt.keys("?")
		tt.waitFor("↓ more below", true)
		tt.keys("G") // the end of the help, not the end of the event
		s := tt.waitFor("↑ end of help", true)
		if !strings.Contains(s, "does its job") {
			t.Errorf("the end of the help is not shown:\n%s", s)
		}
		// up, a line at a time, to the help's own quit line above the legend
		// (ctrl+c: q closes the help)
		quitLine := regexp.MustCompile(`ctrl\+c +quit *\n`)
		found := false
		for range 60 {
			before := tt.screen()
			if quitLine.MatchString(before) {
				found = true
				break
			}
			tt.keys("k")
			deadline := time.Now().Add(e2eDeadline)
			for tt.screen() == before && time.Now().Before(deadline) {
				time.Sleep(20 * time.Millisecond)
			}
			if tt.screen() == before {
				break // the top of the help
			}
		}
		if !found {
			t.Errorf("the help's q quit line never showed:\n%s", tt.screen())
		}
		tt.keys("Escape")
		tt.waitFor("↑↓ more", false)
		tt.waitFor("Schaaf posts a warning", true)
		checkWidth(t, tt.screen(), 60)
		tt.quitCleanly("Schaaf posts")
	})

	t.Run("the overview, and no browser", func(t *testing.T) {
		t.Parallel()
		// no opener on the PATH: o must say where the source is
		tt := startTUIEnv(t, bin, t.TempDir(), 100, 30, []string{"PATH=" + t.TempDir()})
		tt.waitFor("built-in chronology", true)
		tt.keys("i")
		tt.waitFor("i back to event", true)
		// the overview renders off the key path: wait for it, then check
		s := tt.waitFor("This timeline is that story's background", true)
		if !strings.Contains(s, "events, ") {
			t.Errorf("the overview lacks its count of events:\n%s", s)
		}
		tt.keys("Escape")
		tt.waitFor("i back to event", false) // an esc followed at once by o would be alt+o
		tt.keys("o")                         // the first event has three sources: which?
		tt.waitFor("Open which source", true)
		tt.keys("1")
		tt.waitFor("No browser found; the source is https://", true)
		tt.waitFor("Open this address yourself", true) // the whole address, on the screen
		checkWidth(t, tt.screen(), 100)
		tt.quitCleanly("built-in chronology")
	})

	t.Run("an event that does not exist", func(t *testing.T) {
		t.Parallel()
		tt := startTUI(t, bin, t.TempDir(), 100, 20, "--event", "nope", story)
		if code := tt.waitExit(); code != 1 {
			t.Errorf("exit status %d, want 1", code)
		}
		tt.waitFor(`no event has id "nope"`, true)
	})

	t.Run("a file that does not load", func(t *testing.T) {
		t.Parallel()
		bad, err := filepath.Abs("testdata/tui/bad.toml")
		if err != nil {
			t.Fatal(err)
		}
		tt := startTUI(t, bin, t.TempDir(), 100, 20, bad)
		// the viewer opens on it, to mend it; quitting before it loads
		// exits 1 with the diagnostics
		tt.waitFor("Nothing has loaded yet", true)
		tt.keys("q")
		if code := tt.waitExit(); code != 1 {
			t.Errorf("exit status %d, want 1", code)
		}
		tt.waitFor("bad.toml:1", true)
	})
}

// TestViewerFlags: the command line is checked before the terminal is
// touched.
func TestViewerFlags(t *testing.T) {
	for _, tc := range []struct {
		args       []string
		code       int
		out, inErr string
	}{
		{args: []string{"-h"}, code: 0, out: "Usage: backstory [flags] [FILE|DIR ...]"},
		{args: []string{"--help"}, code: 0, out: "-no-mouse"},
		{args: []string{"-q", "from:"}, code: 2, inErr: "-q: "},
		{args: []string{"-q", strings.Repeat("a", 1001)}, code: 2, inErr: "-q: a query of 1001 characters; the filter takes at most 1000"},
		{args: []string{"--style", "pink"}, code: 2, inErr: `--style "pink"`},
		{args: []string{"--bogus"}, code: 2, inErr: "flag provided but not defined: -bogus"},
		{args: []string{"--event"}, code: 2, inErr: "flag needs an argument"},
	} {
		var out, errb strings.Builder
		code := runTUI(tc.args, &out, &errb)
		if code != tc.code || !strings.Contains(out.String(), tc.out) || !strings.Contains(errb.String(), tc.inErr) {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", tc.args, code, out.String(), errb.String())
		}
	}
}

// TestEditingLoopEndToEnd: the editing loop in a real terminal. The
// editor is a script that records what it was given and adds an event, as
// a person would; the file is also written from outside while the viewer
// runs, and broken and fixed.
func TestEditingLoopEndToEnd(t *testing.T) {
	bin := endToEnd(t)
	story, err := os.ReadFile("testdata/tui/story.toml")
	if err != nil {
		t.Fatal(err)
	}
	const added = `
[[event]]
id = "added-2018"
date = 2018-02-26
title = "An event added in the editor"
links = [{ to = "schaaf-warning", note = "added by the script" }]

[[event.source]]
title = "Added source"
publisher = "Example Times"
url = "https://example.com/added"
`
	// newFolder is a folder with events.toml, the story to edit.
	newFolder := func(t *testing.T) (dir, file string) {
		dir = t.TempDir()
		file = filepath.Join(dir, "events.toml")
		if err := os.WriteFile(file, story, 0o644); err != nil {
			t.Fatal(err)
		}
		return dir, file
	}

	t.Run("e opens the editor at the event", func(t *testing.T) {
		t.Parallel()
		dir, file := newFolder(t)
		edDir := t.TempDir()
		script := filepath.Join(edDir, "editor.sh")
		if err := os.WriteFile(script, []byte(`#!/bin/sh
printf '%s\n' "$@" > "`+edDir+`/args.txt"
for f; do file=$f; done
cat "`+edDir+`/add.toml" >> "$file"
`), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(edDir, "add.toml"), []byte(added), 0o644); err != nil {
			t.Fatal(err)
		}
		tt := startTUIEnv(t, bin, dir, 120, 40, []string{"VISUAL=" + script, "EDITOR=" + script}, "events.toml")
		tt.waitFor("Printz v. United States", true)
		tt.keys("j", "j", "j")
		tt.waitFor("Schaaf posts a warning", true)
		modes := func() string {
			return strings.TrimSpace(tt.tmux("display-message", "-p", "-t", "main",
				"#{alternate_on} #{mouse_button_flag} #{mouse_sgr_flag}"))
		}
		before := modes()
		if before != "1 1 1" {
			t.Errorf("alternate screen, mouse, SGR mouse before the editor: %q", before)
		}
		tt.keys("e")
		tt.waitFor("1 new event: “An event added in the editor”", true)
		// the event the edit added is selected; its link leads back
		tt.waitFor("Added source", true)
		tt.waitFor("6/9", true)
		tt.keys("1")
		s := tt.waitFor("An event added in the editor (26 Feb 2018) — added by the", true)
		if !strings.Contains(s, "Schaaf posts a warning") || !strings.Contains(s, "4/9") {
			t.Errorf("the link did not lead back:\n%s", s)
		}
		args, err := os.ReadFile(filepath.Join(edDir, "args.txt"))
		if err != nil {
			t.Fatal(err)
		}
		if want := "+35\n" + file + "\n"; string(args) != want {
			t.Errorf("the editor was given %q, want %q", args, want)
		}
		if after := modes(); after != before {
			t.Errorf("terminal modes after the editor %q, before %q", after, before)
		}
		tt.keys("h", "j", "j")
		tt.waitFor("6/9", true)
		tt.waitFor("Added source", true)
		checkWidth(t, tt.screen(), 120)
		tt.quitCleanly("Schaaf")
	})

	t.Run("writes from outside", func(t *testing.T) {
		t.Parallel()
		dir, file := newFolder(t)
		tt := startTUI(t, bin, dir, 100, 30, "events.toml")
		tt.waitFor("Printz v. United States", true)
		tt.keys("j", "j", "j")
		tt.waitFor("Schaaf posts a warning", true)
		// a save by rename, as most editors do
		tmp := filepath.Join(dir, ".events.toml.swp")
		if err := os.WriteFile(tmp, append(append([]byte{}, story...), added...), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Rename(tmp, file); err != nil {
			t.Fatal(err)
		}
		tt.waitFor("1 new event", true)
		tt.waitFor("4/9", true)
		// a save that does not load
		if err := os.WriteFile(file, append(append([]byte{}, story...), "oops = = 1\n"...), 0o644); err != nil {
			t.Fatal(err)
		}
		s := tt.waitFor("✗ Not reloaded: events.toml:", true)
		if !strings.Contains(s, "4/9") || !strings.Contains(s, "Schaaf posts a warning") {
			t.Errorf("the last good version is not on screen:\n%s", s)
		}
		tt.typeText("!")
		tt.waitFor("The files do not load", true)
		checkWidth(t, tt.screen(), 100)
		// deleted, then back
		if err := os.Remove(file); err != nil {
			t.Fatal(err)
		}
		tt.waitFor("is gone (deleted or renamed)", true)
		if err := os.WriteFile(file, story, 0o644); err != nil {
			t.Fatal(err)
		}
		tt.waitFor("loads again, 1 removed", true)
		tt.waitFor("4/8", true)
		tt.waitFor("✗", false)
		tt.quitCleanly("Schaaf")
	})
}

// TestViewerPaths: with no argument the viewer settles on ./events.toml
// once, at start, so that its deletion later is reported rather than
// replaced by the built-in chronology.
func TestViewerPaths(t *testing.T) {
	t.Chdir(t.TempDir())
	if got := inputPaths(nil); got != nil {
		t.Errorf("no events.toml: %q, want none (the built-in chronology)", got)
	}
	if err := os.WriteFile("events.toml", []byte("title = \"T\"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := inputPaths(nil); len(got) != 1 || got[0] != "events.toml" {
		t.Errorf("with events.toml: %q", got)
	}
	if got := inputPaths([]string{"a.toml", "dir"}); len(got) != 2 {
		t.Errorf("given paths: %q", got)
	}
}
