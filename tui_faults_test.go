package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
)

// End-to-end tests of the viewer when the world misbehaves around it: its
// file deleted, unreadable or turned into a folder, its folder deleted;
// the editor missing, crashing, killed, or the terminal resized under it;
// no browser; a clipboard the terminal refuses; a terminal that answers
// no queries; signals (SIGTERM, SIGHUP, SIGINT, ctrl+z). The binary runs
// in tmux as in tui_test.go, and every wait polls the screen (or the
// process) with a generous deadline.

// faultScripts are shell scripts the tests run: the wrapper that runs the
// viewer and reports on the terminal it leaves, and stand-in editors.
var faultScripts = map[string]string{
	// run.sh PIDFILE PROGRAM ARGS...: runs PROGRAM with its pid in
	// PIDFILE; once it ends, prints the line settings the shell gets back
	// ("[tty isig icanon echo ...]") and exits with its status.
	"run.sh": `#!/bin/sh
pidfile=$1
shift
sh -c 'echo $$ > "$0"; exec "$@"' "$pidfile" "$@"
code=$?
echo "[tty $(stty -a | tr ' ;' '\n\n' | grep -xE -- '-?(isig|icanon|echo|icrnl|opost)' | tr '\n' ' ')]"
exit $code
`,
	// crash.sh: an editor that turns on what editors turn on (the
	// alternate screen, the mouse, raw mode) and crashes with status 3.
	"crash.sh": `#!/bin/sh
printf '\033[?1049h\033[?1000h\033[?1006hEDITOR OPEN\n'
stty raw -echo
exit 3
`,
	// hang.sh: the same, then waits to be killed, its pid in
	// editor.pid beside it.
	"hang.sh": `#!/bin/sh
echo $$ > "$(dirname "$0")/editor.pid"
printf '\033[?1049h\033[?1000h\033[?1006hEDITOR OPEN\n'
stty raw -echo
exec sleep 600
`,
	// wait.sh: an editor that stays open, its pid in editor.pid, until
	// a file named go appears beside it; then it exits 0, having
	// changed nothing.
	"wait.sh": `#!/bin/sh
dir=$(dirname "$0")
echo $$ > "$dir/editor.pid"
printf 'EDITOR OPEN\n'
while [ ! -e "$dir/go" ]; do sleep 0.1; done
`,
}

// faultEnv is what every fault test shares: the binary, built once, and
// the scripts, in a folder anyone may read (a test runs the viewer as
// another user).
type faultEnv struct {
	bin     string // the viewer
	scripts string // folder of faultScripts
	story   []byte // testdata/tui/story.toml
}

func newFaultEnv(t *testing.T) *faultEnv {
	t.Helper()
	bin := endToEnd(t)
	dir := publicTempDir(t)
	env := &faultEnv{bin: bin, scripts: dir}
	for name, text := range faultScripts {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	var err error
	if env.story, err = os.ReadFile("testdata/tui/story.toml"); err != nil {
		t.Fatal(err)
	}
	return env
}

// publicTempDir is a temporary folder that every user may read and enter
// (t.TempDir's parent is private to the user running the tests).
func publicTempDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "backstory-faults-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// storyFolder is a folder with events.toml, the story, and its path.
func (env *faultEnv) storyFolder(t *testing.T) (dir, file string) {
	t.Helper()
	dir = publicTempDir(t)
	file = filepath.Join(dir, "events.toml")
	if err := os.WriteFile(file, env.story, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, file
}

// editorDir is a folder of its own with a copy of the stand-in editor
// script, so that its editor.pid and go files are the test's alone.
func (env *faultEnv) editorDir(t *testing.T, script string) (dir, path string) {
	t.Helper()
	dir = t.TempDir()
	path = filepath.Join(dir, script)
	if err := os.WriteFile(path, []byte(faultScripts[script]), 0o755); err != nil {
		t.Fatal(err)
	}
	return dir, path
}

// startWrapped runs the viewer under run.sh in a w x h terminal: the
// returned function gives its pid once it runs.
func (env *faultEnv) startWrapped(t *testing.T, dir string, w, h int, vars []string, args ...string) (*tmuxTerm, func() *os.Process) {
	t.Helper()
	pidfile := filepath.Join(t.TempDir(), "viewer.pid")
	tt := startTUIEnv(t, "/bin/sh", dir, w, h, vars, append([]string{filepath.Join(env.scripts, "run.sh"), pidfile, env.bin}, args...)...)
	return tt, func() *os.Process { return waitProcess(t, pidfile) }
}

// waitProcess waits for a pid file to be written and returns its process.
func waitProcess(t *testing.T, pidfile string) *os.Process {
	t.Helper()
	deadline := time.Now().Add(e2eDeadline)
	for {
		if b, err := os.ReadFile(pidfile); err == nil {
			if pid, err := strconv.Atoi(strings.TrimSpace(string(b))); err == nil && pid > 0 {
				p, err := os.FindProcess(pid)
				if err != nil {
					t.Fatal(err)
				}
				return p
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("no pid in %s within %v", pidfile, e2eDeadline)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// sendSignal sends sig to p, failing the test when it cannot.
func sendSignal(t *testing.T, p *os.Process, sig os.Signal) {
	t.Helper()
	if err := p.Signal(sig); err != nil {
		t.Fatalf("signal %v to %d: %v", sig, p.Pid, err)
	}
}

// alive reports whether pid runs (a zombie does not).
func alive(pid int) bool {
	if b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid)); err == nil {
		i := bytes.LastIndexByte(b, ')')
		return i < 0 || i+2 >= len(b) || (b[i+2] != 'Z' && b[i+2] != 'X')
	} else if !os.IsNotExist(err) {
		return true
	}
	if _, err := os.Stat("/proc/self"); err == nil {
		return false // /proc works, and the process is not in it
	}
	p, err := os.FindProcess(pid)
	return err == nil && p.Signal(syscall.Signal(0)) == nil
}

// modes is what the terminal is doing: alternate screen, cursor shown,
// and mouse reporting (any mode at all, button 1002, standard 1000, SGR
// 1006), as "alt=1 cursor=0 any=1 button=1 standard=0 sgr=1".
func (tt *tmuxTerm) modes() string {
	tt.t.Helper()
	return strings.TrimSpace(tt.tmux("display-message", "-p", "-t", "main",
		"alt=#{alternate_on} cursor=#{cursor_flag} any=#{mouse_any_flag} button=#{mouse_button_flag} "+
			"standard=#{mouse_standard_flag} sgr=#{mouse_sgr_flag}"))
}

// The modes of the viewer running (mouse on), and of a terminal given
// back as it was found.
const (
	viewerModes   = "alt=1 cursor=0 any=1 button=1 standard=0 sgr=1"
	restoredModes = "alt=0 cursor=1 any=0 button=0 standard=0 sgr=0"
)

// checkRestored checks, once the program has exited, that the terminal
// is as it was before: out of the alternate screen, cursor shown, no
// mouse reporting, and the line settings of a shell (echo, line editing,
// signals from keys), as run.sh printed them; nothing of the viewer left
// on screen.
func (tt *tmuxTerm) checkRestored(mark string) {
	tt.t.Helper()
	if m := tt.modes(); m != restoredModes {
		tt.t.Errorf("terminal modes after exit: %s, want %s", m, restoredModes)
	}
	s := tt.waitFor("[tty ", true)
	line := s[strings.Index(s, "[tty "):]
	line = line[:strings.IndexByte(line, ']')]
	flags := strings.Fields(strings.TrimPrefix(line, "[tty "))
	for _, want := range []string{"isig", "icanon", "echo", "icrnl", "opost"} {
		found := false
		for _, f := range flags {
			found = found || f == want
		}
		if !found {
			tt.t.Errorf("the terminal is left without %s: %s\n%s", want, line, s)
		}
	}
	if strings.Contains(s, mark) {
		tt.t.Errorf("the viewer's screen is still there after it exited:\n%s", s)
	}
}

// footer is the last line of the screen.
func footer(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	return lines[len(lines)-1]
}

// TestFaultsEndToEnd: the viewer in a real terminal, with its files,
// its editor, its browser, its clipboard and its process misbehaving.
func TestFaultsEndToEnd(t *testing.T) {
	env := newFaultEnv(t)
	const added = "\n[[event]]\nid = \"added-2018\"\ndate = 2018-02-26\ntitle = \"An event added while it was away\"\n\n" +
		"[[event.source]]\ntitle = \"Added\"\nurl = \"https://example.com/added\"\n"

	t.Run("file deleted and put back", func(t *testing.T) {
		t.Parallel()
		dir, file := env.storyFolder(t)
		tt := startTUI(t, env.bin, dir, 100, 30, "events.toml")
		tt.waitFor("Printz v. United States", true)
		tt.keys("j", "j", "j")
		tt.waitFor("4/8", true)
		if err := os.Remove(file); err != nil {
			t.Fatal(err)
		}
		s := tt.waitFor("✗ events.toml is gone: showing the last good version", true)
		if !strings.Contains(s, "Schaaf posts a warning") || !strings.Contains(s, "4/8") {
			t.Errorf("the last good version is not on screen:\n%s", s)
		}
		tt.keys("e")
		tt.waitFor("events.toml is gone: put it back and it is read again", true)
		tt.keys("j") // the viewer carries on
		tt.waitFor("5/8", true)
		if err := os.WriteFile(file, append(append([]byte{}, env.story...), added...), 0o644); err != nil {
			t.Fatal(err)
		}
		tt.waitFor("Reloaded events.toml: it loads again, 1 new event", true)
		tt.waitFor("✗", false)
		tt.waitFor("5/9", true)
		checkWidth(t, tt.screen(), 100)
		tt.quitCleanly("Printz")
	})

	t.Run("file replaced by a folder and back", func(t *testing.T) {
		t.Parallel()
		dir, file := env.storyFolder(t)
		tt := startTUI(t, env.bin, dir, 100, 30, "events.toml")
		tt.waitFor("Printz v. United States", true)
		tt.keys("j")
		tt.waitFor("2/8", true)
		if err := os.Remove(file); err != nil {
			t.Fatal(err)
		}
		if err := os.Mkdir(file, 0o755); err != nil {
			t.Fatal(err)
		}
		s := tt.waitFor("✗ events.toml is a folder now, not a file: showing the last good version", true)
		if !strings.Contains(s, "Brown signs SB 54") || !strings.Contains(s, "2/8") {
			t.Errorf("the last good version is not on screen:\n%s", s)
		}
		tt.typeText("!") // what is wrong first, then the explanation
		tt.waitFor("a folder now, not a file.  (! hides)", true)
		tt.waitFor("The screen shows the last version that loaded", true)
		tt.keys("e") // no editor on a folder
		tt.waitFor("events.toml is a folder now, not a file: put the file back", true)
		checkWidth(t, tt.screen(), 100)
		if err := os.Remove(file); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, append(append([]byte{}, env.story...), added...), 0o644); err != nil {
			t.Fatal(err)
		}
		tt.waitFor("Reloaded events.toml: it loads again, 1 new event", true)
		tt.waitFor("✗", false)
		tt.waitFor("2/9", true)
		tt.quitCleanly("Printz")
	})

	// The file replaced by something that cannot be read as a file: the
	// last good version stays, the banner says why, and putting the file
	// back reloads it.
	for _, tc := range []struct {
		name, banner string
		replace      func(file string) error
		reload       bool // press r (a named pipe raises no event to watch)
	}{
		// opening a named pipe waits for a writer: the reload must not
		{"file replaced by a named pipe", "events.toml: is a named pipe now, not a file",
			func(file string) error { return syscall.Mkfifo(file, 0o644) }, true},
		// unreadable whoever reads it, root too
		{"file replaced by a symlink loop", "✗ Not reloaded: events.toml: cannot read",
			func(file string) error { return os.Symlink("events.toml", file) }, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			dir, file := env.storyFolder(t)
			tt := startTUI(t, env.bin, dir, 100, 30, "events.toml")
			tt.waitFor("Printz v. United States", true)
			if err := os.Remove(file); err != nil {
				t.Fatal(err)
			}
			if err := tc.replace(file); err != nil {
				t.Fatal(err)
			}
			if tc.reload {
				tt.keys("r")
			}
			s := tt.waitFor(tc.banner, true)
			if !strings.Contains(s, "Printz v. United States") || !strings.Contains(s, "1/8") {
				t.Errorf("the last good version is not on screen:\n%s", s)
			}
			if err := os.Remove(file); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file, env.story, 0o644); err != nil {
				t.Fatal(err)
			}
			tt.waitFor("Reloaded events.toml: it loads again", true)
			tt.waitFor("✗", false)
			tt.quitCleanly("Printz")
		})
	}

	t.Run("file replaced by a folder of chronologies", func(t *testing.T) {
		t.Parallel()
		// a folder named events.toml holding a chronology is still not
		// the file the viewer was showing
		dir, file := env.storyFolder(t)
		tt := startTUI(t, env.bin, dir, 100, 30, "events.toml")
		tt.waitFor("Printz v. United States", true)
		if err := os.Remove(file); err != nil {
			t.Fatal(err)
		}
		if err := os.Mkdir(file, 0o755); err != nil {
			t.Fatal(err)
		}
		other := "title = \"Other\"\n[[event]]\nid = \"x\"\ndate = 2020-01-01\ntitle = \"Some other story\"\n"
		if err := os.WriteFile(filepath.Join(file, "other.toml"), []byte(other), 0o644); err != nil {
			t.Fatal(err)
		}
		tt.keys("r")
		s := tt.waitFor("✗ events.toml is a folder now, not a file: showing the last good version", true)
		if strings.Contains(s, "Some other story") || !strings.Contains(s, "Printz v. United States") {
			t.Errorf("the folder was read in place of the file:\n%s", s)
		}
		tt.quitCleanly("Printz")
	})

	t.Run("file made unreadable and readable again", func(t *testing.T) {
		t.Parallel()
		dir, file := env.storyFolder(t)
		bin, args := env.bin, []string{"events.toml"}
		if os.Geteuid() == 0 {
			// root reads a file whatever its mode: run the viewer as
			// nobody, when that can be done
			if _, err := exec.LookPath("setpriv"); err != nil {
				t.Skip("running as root, where chmod 000 does not stop reading, and setpriv (to run the viewer as nobody) is not installed")
			}
			if out, err := exec.Command("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
				"cat", file).CombinedOutput(); err != nil {
				t.Skipf("running as root, where chmod 000 does not stop reading, and nobody (uid 65534) cannot read the test's files: %v\n%s", err, out)
			}
			bin, args = "setpriv", append([]string{"--reuid=65534", "--regid=65534", "--clear-groups", env.bin}, args...)
		}
		tt := startTUI(t, bin, dir, 100, 30, args...)
		tt.waitFor("Printz v. United States", true)
		if err := os.Chmod(file, 0); err != nil {
			t.Fatal(err)
		}
		s := tt.waitFor("✗ Not reloaded: events.toml: cannot read the file: permission denied", true)
		if !strings.Contains(s, "Printz v. United States") {
			t.Errorf("the last good version is not on screen:\n%s", s)
		}
		if err := os.Chmod(file, 0o644); err != nil {
			t.Fatal(err)
		}
		tt.waitFor("Reloaded events.toml: it loads again", true)
		tt.waitFor("✗", false)
		tt.quitCleanly("Printz")
	})

	t.Run("folder of the file deleted and made again", func(t *testing.T) {
		t.Parallel()
		top := t.TempDir()
		folder := filepath.Join(top, "story", "files")
		file := filepath.Join(folder, "events.toml")
		mk := func(data []byte) {
			t.Helper()
			if err := os.MkdirAll(folder, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		mk(env.story)
		tt := startTUI(t, env.bin, top, 100, 30, "story/files/events.toml")
		tt.waitFor("Printz v. United States", true)
		for i, gone := range []string{folder, filepath.Join(top, "story")} {
			if err := os.RemoveAll(gone); err != nil {
				t.Fatal(err)
			}
			tt.waitFor("✗ story/files/events.toml is gone: showing the last good version", true)
			data := env.story
			if i == 0 {
				data = append(append([]byte{}, env.story...), added...)
			}
			mk(data)
			tt.waitFor("Reloaded story/files/events.toml: it loads again", true)
			tt.waitFor("✗", false)
			tt.waitFor(fmt.Sprintf("1/%d", 9-i), true)
		}
		tt.quitCleanly("Printz")
	})

	t.Run("folder it was started in deleted and made again", func(t *testing.T) {
		t.Parallel()
		dir := filepath.Join(t.TempDir(), "story")
		file := filepath.Join(dir, "events.toml")
		mk := func(data []byte) {
			t.Helper()
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(file, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		mk(env.story)
		tt := startTUI(t, env.bin, dir, 100, 30) // no argument: ./events.toml
		tt.waitFor("Printz v. United States", true)
		if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
		tt.waitFor("✗ events.toml is gone: showing the last good version", true)
		mk(append(append([]byte{}, env.story...), added...))
		tt.waitFor("Reloaded events.toml: it loads again, 1 new event", true)
		tt.waitFor("1/9", true)
		tt.keys("r")
		tt.waitFor("Reloaded events.toml: no changes", true)
		tt.quitCleanly("Printz")
	})

	t.Run("editor missing", func(t *testing.T) {
		t.Parallel()
		dir, _ := env.storyFolder(t)
		tt := startTUIEnv(t, env.bin, dir, 100, 30, []string{"VISUAL=", "EDITOR=/nonexistent/editor"}, "events.toml")
		tt.waitFor("Printz v. United States", true)
		tt.keys("e")
		s := tt.waitFor(`No editor "/nonexistent/editor" found: set $VISUAL or $EDITOR`, true)
		if m := tt.modes(); m != viewerModes {
			t.Errorf("terminal modes %s, want %s", m, viewerModes)
		}
		if !strings.Contains(s, "Test story: the Oakland warning") {
			t.Errorf("the screen is not whole:\n%s", s)
		}
		tt.keys("j")
		tt.waitFor("2/8", true)
		tt.quitCleanly("Printz")
	})

	t.Run("editor crashes", func(t *testing.T) {
		t.Parallel()
		dir, file := env.storyFolder(t)
		_, ed := env.editorDir(t, "crash.sh")
		tt, _ := env.startWrapped(t, dir, 100, 30, []string{"VISUAL=" + ed}, "events.toml")
		tt.waitFor("Printz v. United States", true)
		tt.keys("j")
		tt.waitFor("2/8", true)
		before := tt.modes()
		tt.keys("e")
		s := tt.waitFor("crash.sh failed (exit status 3); nothing changed", true)
		if before != viewerModes {
			t.Errorf("terminal modes before the editor %s, want %s", before, viewerModes)
		}
		afterEditor(t, tt, s, file, env.story, "Test story: the Oakland warning", "Brown signs SB 54", "2/8")
		tt.keys("j")
		tt.waitFor("3/8", true)
		tt.keys("q")
		if code := tt.waitExit(); code != 0 {
			t.Errorf("exit status %d", code)
		}
		tt.checkRestored("Homan condemns")
	})

	t.Run("editor killed", func(t *testing.T) {
		t.Parallel()
		dir, file := env.storyFolder(t)
		edDir, ed := env.editorDir(t, "hang.sh")
		tt, _ := env.startWrapped(t, dir, 100, 30, []string{"VISUAL=" + ed}, "events.toml")
		tt.waitFor("Printz v. United States", true)
		tt.keys("j", "j")
		tt.waitFor("3/8", true)
		tt.keys("e")
		tt.waitFor("EDITOR OPEN", true)
		editor := waitProcess(t, filepath.Join(edDir, "editor.pid"))
		if err := editor.Kill(); err != nil { // SIGKILL, from outside
			t.Fatal(err)
		}
		s := tt.waitFor("hang.sh was killed (signal: killed); nothing changed", true)
		afterEditor(t, tt, s, file, env.story, "Test story: the Oakland warning", "Homan condemns", "3/8")
		tt.keys("k")
		tt.waitFor("2/8", true)
		tt.keys("q")
		if code := tt.waitExit(); code != 0 {
			t.Errorf("exit status %d", code)
		}
		tt.checkRestored("Brown signs")
	})

	t.Run("resize while the editor is open", func(t *testing.T) {
		t.Parallel()
		dir, _ := env.storyFolder(t)
		edDir, ed := env.editorDir(t, "wait.sh")
		tt := startTUIEnv(t, env.bin, dir, 120, 40, []string{"VISUAL=" + ed}, "events.toml")
		tt.waitFor("The court bars Washington", true) // side by side
		tt.keys("e")
		tt.waitFor("EDITOR OPEN", true)
		tt.resize(60, 20)
		if err := os.WriteFile(filepath.Join(edDir, "go"), nil, 0o644); err != nil {
			t.Fatal(err)
		}
		tt.waitFor("Reloaded events.toml: no changes", true)
		s := tt.waitFor("The court bars Washington", false) // one pane at a time
		checkWidth(t, s, 60)
		if n := len(strings.Split(strings.TrimRight(s, "\n"), "\n")); n > 20 {
			t.Errorf("%d lines in a 20-line terminal:\n%s", n, s)
		}
		if !strings.Contains(s, "Test story") || !strings.Contains(footer(s), "1/8") {
			t.Errorf("the screen is not redrawn whole at 60x20:\n%s", s)
		}
		tt.keys("Enter")
		checkWidth(t, tt.waitFor("The court bars Washington", true), 60)
		tt.quitCleanly("Printz")
	})

	t.Run("signals while the editor is open", func(t *testing.T) {
		t.Parallel()
		dir, file := env.storyFolder(t)
		edDir, ed := env.editorDir(t, "wait.sh")
		tt, viewer := env.startWrapped(t, dir, 100, 30, []string{"VISUAL=" + ed}, "events.toml")
		tt.waitFor("Printz v. United States", true)
		p := viewer()

		// SIGINT: what ctrl+c typed in an editor that leaves the terminal
		// cooked sends to every process of the terminal; the viewer
		// leaves it to the editor
		tt.keys("e")
		tt.waitFor("EDITOR OPEN", true)
		editor := waitProcess(t, filepath.Join(edDir, "editor.pid"))
		sendSignal(t, p, os.Interrupt)
		if !alive(editor.Pid) || !strings.Contains(tt.screen(), "EDITOR OPEN") {
			t.Errorf("the editor did not stay open after SIGINT:\n%s", tt.screen())
		}
		if err := os.WriteFile(filepath.Join(edDir, "go"), nil, 0o644); err != nil {
			t.Fatal(err)
		}
		tt.waitFor("Reloaded events.toml: no changes", true)
		tt.keys("j")
		tt.waitFor("2/8", true)

		// SIGTERM: the viewer waits for the editor, then ends
		if err := os.Remove(filepath.Join(edDir, "go")); err != nil {
			t.Fatal(err)
		}
		if err := os.Remove(filepath.Join(edDir, "editor.pid")); err != nil {
			t.Fatal(err)
		}
		tt.keys("e")
		tt.waitFor("EDITOR OPEN", true)
		editor = waitProcess(t, filepath.Join(edDir, "editor.pid"))
		sendSignal(t, p, syscall.SIGTERM)
		if !alive(editor.Pid) || !strings.Contains(tt.screen(), "EDITOR OPEN") {
			t.Errorf("the editor did not stay open:\n%s", tt.screen())
		}
		if err := os.WriteFile(filepath.Join(edDir, "go"), nil, 0o644); err != nil {
			t.Fatal(err)
		}
		if code := tt.waitExit(); code != 128+int(syscall.SIGTERM) {
			t.Errorf("exit status %d after SIGTERM, want %d", code, 128+int(syscall.SIGTERM))
		}
		tt.checkRestored("Printz")
		if data, err := os.ReadFile(file); err != nil || !bytes.Equal(data, env.story) {
			t.Errorf("the file changed (%v)", err)
		}
	})

	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGHUP, syscall.SIGINT} {
		t.Run("signal "+sig.String(), func(t *testing.T) {
			t.Parallel()
			dir, _ := env.storyFolder(t)
			tt, viewer := env.startWrapped(t, dir, 100, 30, nil, "events.toml")
			tt.waitFor("Printz v. United States", true)
			tt.keys("?") // the full help open: whatever is on screen goes
			tt.waitFor("close help", true)
			if m := tt.modes(); m != viewerModes {
				t.Errorf("terminal modes while the viewer runs: %s, want %s", m, viewerModes)
			}
			sendSignal(t, viewer(), sig)
			if code := tt.waitExit(); code != 128+int(sig) {
				t.Errorf("exit status %d after %v, want %d", code, sig, 128+int(sig))
			}
			tt.checkRestored("close help")
		})
	}

	t.Run("terminal closed", func(t *testing.T) {
		t.Parallel()
		dir, _ := env.storyFolder(t)
		tt, viewer := env.startWrapped(t, dir, 100, 30, nil, "events.toml")
		tt.waitFor("Printz v. United States", true)
		p := viewer()
		tt.tmux("kill-server") // the pane, its terminal and its shell go: a real hangup
		deadline := time.Now().Add(e2eDeadline)
		for alive(p.Pid) {
			if time.Now().After(deadline) {
				t.Fatalf("the viewer (pid %d) still runs %v after its terminal closed", p.Pid, e2eDeadline)
			}
			time.Sleep(50 * time.Millisecond)
		}
	})

	t.Run("ctrl+z suspends, fg resumes", func(t *testing.T) {
		t.Parallel()
		if _, err := exec.LookPath("bash"); err != nil {
			t.Skip("bash is not installed")
		}
		dir, _ := env.storyFolder(t)
		tt := startTUI(t, "bash", dir, 100, 30, "--norc", "--noprofile", "-i")
		tt.waitFor("bash", true)
		tt.typeText("PS1='ready> '")
		tt.keys("Enter")
		tt.waitFor("ready> ", true)
		tt.typeText(shellQuote(env.bin) + " events.toml")
		tt.keys("Enter")
		tt.waitFor("Printz v. United States", true)
		tt.keys("j")
		tt.waitFor("2/8", true)
		tt.keys("C-z")
		s := tt.waitFor("Stopped", true)
		if m := tt.modes(); m != restoredModes {
			t.Errorf("terminal modes while suspended: %s, want %s", m, restoredModes)
		}
		if strings.Contains(s, "Printz v. United States") {
			t.Errorf("the viewer's screen is still there while suspended:\n%s", s)
		}
		tt.typeText("fg")
		tt.keys("Enter")
		tt.waitFor("Printz v. United States", true)
		s = tt.waitFor("2/8", true)
		for _, want := range []string{"Test story: the Oakland warning", "Brown signs SB 54", "California becomes a sanctuary"} {
			if !strings.Contains(s, want) {
				t.Errorf("the screen is not redrawn whole after fg (no %q):\n%s", want, s)
			}
		}
		if strings.Contains(s, "Suspended") {
			t.Errorf("the status still says suspended:\n%s", s)
		}
		if m := tt.modes(); m != viewerModes {
			t.Errorf("terminal modes after fg: %s, want %s", m, viewerModes)
		}
		tt.keys("j")
		tt.waitFor("3/8", true)
		tt.keys("q")
		tt.waitFor("Printz v. United States", false)
		tt.typeText(`echo "[exit $?]"`)
		tt.keys("Enter")
		if code := tt.waitExit(); code != 0 {
			t.Errorf("exit status %d", code)
		}
	})

	t.Run("no browser", func(t *testing.T) {
		t.Parallel()
		dir, _ := env.storyFolder(t)
		empty := t.TempDir()
		tt := startTUIEnv(t, env.bin, dir, 120, 30, []string{"PATH=" + empty, "BROWSER=/nonexistent/browser"}, "events.toml")
		tt.waitFor("Printz v. United States", true)
		tt.keys("o")
		s := tt.waitFor("No browser found; the source is https://example.com/printz", true)
		checkWidth(t, s, 120)
		tt.keys("j")
		tt.waitFor("2/8", true)
		tt.quitCleanly("Printz")
	})

	t.Run("browser fails", func(t *testing.T) {
		t.Parallel()
		dir, _ := env.storyFolder(t)
		bin := t.TempDir()
		opener := "#!/bin/sh\necho 'OPENER STDOUT'\necho 'xdg-open: OPENER STDERR' >&2\nexit 3\n"
		if err := os.WriteFile(filepath.Join(bin, "xdg-open"), []byte(opener), 0o755); err != nil {
			t.Fatal(err)
		}
		tt := startTUIEnv(t, env.bin, dir, 120, 30, []string{"PATH=" + bin}, "events.toml")
		tt.waitFor("Printz v. United States", true)
		tt.keys("o")
		s := tt.waitFor("The browser did not open (exit status 3); the source is https://example.com/printz", true)
		if strings.Contains(s, "OPENER") {
			t.Errorf("the opener's output reached the screen:\n%s", s)
		}
		tt.quitCleanly("Printz")
	})

	t.Run("clipboard taken or refused", func(t *testing.T) {
		t.Parallel()
		dir, _ := env.storyFolder(t)
		tt := startTUI(t, env.bin, dir, 120, 30, "events.toml")
		tt.waitFor("Printz v. United States", true)
		// a terminal that takes OSC 52: tmux makes a paste buffer of it
		tt.tmux("set-option", "-g", "set-clipboard", "on")
		tt.keys("y")
		s := tt.waitFor("Copied (if your terminal accepts OSC 52): Printz v. United States — 27 Jun 1997", true)
		checkWidth(t, s, 120)
		deadline := time.Now().Add(e2eDeadline)
		for !strings.Contains(tt.buffers(), "Printz v. United States — 27 Jun 1997. Source: Supreme Court") {
			if time.Now().After(deadline) {
				t.Fatalf("the citation never reached the clipboard: buffers %q", tt.buffers())
			}
			time.Sleep(50 * time.Millisecond)
		}
		// a terminal that refuses it, without a word: the viewer says
		// the same, and claims no more than it knows
		tt.tmux("set-option", "-g", "set-clipboard", "off")
		tt.keys("j")
		tt.waitFor("2/8", true)
		tt.keys("y")
		tt.waitFor("Copied (if your terminal accepts OSC 52): Brown signs SB 54", true)
		tt.keys("j") // the viewer carries on
		tt.waitFor("3/8", true)
		if b := tt.buffers(); strings.Contains(b, "Brown signs") {
			t.Errorf("set-clipboard off, yet the clipboard took the citation: %q", b)
		}
		tt.quitCleanly("Printz")
	})
}

// buffers is tmux's paste buffers, one a line.
func (tt *tmuxTerm) buffers() string {
	tt.t.Helper()
	out, _ := tt.cmd("list-buffers", "-F", "#{buffer_sample}").CombinedOutput() // none yet is an error
	return string(out)
}

// TestFaultsSilentTerminal: a terminal that answers no query at all (not
// the background colour --style auto asks for, nor the modes Bubble Tea
// asks about). tmux answers some, so the viewer runs here under script(1)
// in a pseudo-terminal whose other end is this test, which never answers:
// the first frame must come all the same, and q must quit, leaving the
// terminal as it was.
func TestFaultsSilentTerminal(t *testing.T) {
	if out, err := exec.Command("script", "--version").CombinedOutput(); err != nil || !strings.Contains(string(out), "util-linux") {
		t.Skip("script(1) from util-linux is not installed")
	}
	env := newFaultEnv(t)
	dir, _ := env.storyFolder(t)
	in, keys, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	defer keys.Close()
	out := &lockedBuffer{}
	cmdline := "stty cols 100 rows 30; exec env TERM=xterm-256color " + shellQuote(env.bin) + " --style auto events.toml"
	c := exec.Command("script", "--quiet", "--flush", "--return", "--command", cmdline, "/dev/null")
	c.Dir = dir
	c.Stdin, c.Stdout, c.Stderr = in, out, out
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	in.Close()
	var waitErr error
	exited := make(chan struct{})
	go func() {
		waitErr = c.Wait()
		close(exited)
	}()
	t.Cleanup(func() {
		_ = c.Process.Kill()
		<-exited
	})

	waitOut := func(what string, ok func(raw string) bool) {
		t.Helper()
		deadline := time.Now().Add(e2eDeadline)
		for !ok(out.String()) {
			if time.Now().After(deadline) {
				t.Fatalf("no %s within %v; the terminal got:\n%q", what, e2eDeadline, out.String())
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	waitOut("first frame", func(raw string) bool {
		s := ansi.Strip(raw)
		return strings.Contains(s, "Printz v. United States") && strings.Contains(s, "1/8")
	})
	if raw := out.String(); !strings.Contains(raw, "\x1b]11;?") {
		t.Errorf("the viewer did not ask for the background colour, so this test tests nothing: %q", raw)
	}
	if _, err := keys.Write([]byte("j")); err != nil {
		t.Fatal(err)
	}
	waitOut("the next event", func(raw string) bool {
		return strings.Contains(ansi.Strip(raw), "California becomes a sanctuary state")
	})
	if _, err := keys.Write([]byte("q")); err != nil {
		t.Fatal(err)
	}
	select {
	case <-exited:
		if waitErr != nil {
			t.Errorf("exit: %v\n%q", waitErr, out.String())
		}
	case <-time.After(e2eDeadline):
		t.Fatalf("q did not quit within %v:\n%q", e2eDeadline, out.String())
	}
	raw := out.String()
	tail := raw[strings.LastIndex(raw, "\x1b[?1049h")+1:]
	for _, seq := range []string{"\x1b[?1049l", "\x1b[?25h", "\x1b[?1002l", "\x1b[?1006l"} {
		if !strings.Contains(tail, seq) {
			t.Errorf("the terminal is not given back: no %q after the last frame", seq)
		}
	}
}

// lockedBuffer is a bytes.Buffer written by one goroutine and read by
// another.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// afterEditor checks the viewer once an editor that failed or was killed
// is gone: the screen s redrawn whole (it holds each of wants), none of
// the editor's screen left, the viewer's own terminal modes and none of
// those the editor left on (raw mode, the standard mouse), and the file
// as it was (story).
func afterEditor(t *testing.T, tt *tmuxTerm, s, file string, story []byte, wants ...string) {
	t.Helper()
	for _, want := range wants {
		if !strings.Contains(s, want) {
			t.Errorf("the screen is not redrawn whole (no %q):\n%s", want, s)
		}
	}
	if s := tt.screen(); strings.Contains(s, "EDITOR OPEN") {
		t.Errorf("the editor's screen is still there:\n%s", s)
	}
	if m := tt.modes(); m != viewerModes {
		t.Errorf("terminal modes after the editor %s, want %s", m, viewerModes)
	}
	if data, err := os.ReadFile(file); err != nil || !bytes.Equal(data, story) {
		t.Errorf("the file changed (%v)", err)
	}
}
