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
	tt := &tmuxTerm{t: t, sock: fmt.Sprintf("bs-%d-%s", os.Getpid(), sockSafe.ReplaceAllString(t.Name(), "-"))}
	conf := filepath.Join(t.TempDir(), "tmux.conf")
	if err := os.WriteFile(conf, []byte("set -g remain-on-exit on\nset -g status off\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// The shell reports the exit status on screen and stays: tmux's own
	// pane_dead_status is not reliable when tmux is started from a Go test
	// (seen missing for good), and a pane whose process ends at once can
	// lose its last output.
	cmdline := "env TERM=xterm-256color COLORTERM=truecolor " + shellQuote(bin)
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
			return s
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
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	bin := filepath.Join(t.TempDir(), "backstory")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	story, err := filepath.Abs("testdata/tui/story.toml")
	if err != nil {
		t.Fatal(err)
	}

	t.Run("open and read", func(t *testing.T) {
		t.Parallel()
		tt := startTUI(t, bin, t.TempDir(), 120, 40, story)
		s := tt.waitFor("Printz v. United States", true)
		for _, want := range []string{"Test story: the Oakland warning", "story.toml", "1/8", "── 2018", "━━ First term"} {
			if !strings.Contains(s, want) {
				t.Errorf("screen lacks %q:\n%s", want, s)
			}
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
