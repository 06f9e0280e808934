package ui

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"syscall"

	"backstory/internal/editor"
	"backstory/timeline"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"
)

// The e key: the viewer steps aside for the user's editor, opened on the
// file and line where the selected event starts (or, while the files do
// not load, where the first error is), and reads the files again when the
// editor returns.

// builtinEditHint is what e says on the built-in chronology, which has no
// file to edit.
const builtinEditHint = "To edit: quit, run `backstory init`, then `backstory events.toml`"

// editTarget is the file and line e opens, or why there is none: the
// first error while the files do not load, else the event on show (nil
// for the overview or none), else the top of the first file.
func editTarget(paths []string, p *problemsBanner, e *timeline.Event, c *timeline.Chronology) (file string, line int, why string) {
	if len(paths) == 0 {
		return "", 0, builtinEditHint
	}
	if pos, ok := p.firstError(); ok && !p.isGone(pos.File) {
		return pos.File, pos.Line, ""
	}
	if e != nil && e.Pos.File != "" {
		if why := p.goneWhy(e.Pos.File); why != "" {
			return "", 0, why
		}
		return e.Pos.File, e.Pos.Line, ""
	}
	if c != nil && len(c.Files) > 0 { // no event selected, or the overview: the first file, at the top
		if why := p.goneWhy(c.Files[0]); why != "" {
			return "", 0, why
		}
		return c.Files[0], 1, ""
	}
	return "", 0, "There is no file to edit"
}

// editorCmd starts the editor ed ("" chooses one) on file at line, or
// says why it cannot. after, when not nil, runs once the editor is back,
// before the files are read again, and says what it did (or "").
func editorCmd(ed, file string, line int, run func(*exec.Cmd, tea.ExecCallback) tea.Cmd, after func() string) (tea.Cmd, string) {
	if ed == "" {
		ed = editor.Choose(os.Getenv)
	}
	if abs, err := filepath.Abs(file); err == nil {
		file = abs // a file name starting with - or + is not taken for an option
	}
	args, err := editor.Args(ed, file, line)
	if err != nil {
		return nil, "Cannot start the editor: " + timeline.HarmlessLine(err.Error())
	}
	if _, err := exec.LookPath(args[0]); err != nil {
		return nil, fmt.Sprintf("No editor %q found: set $VISUAL or $EDITOR to your editor's command",
			timeline.HarmlessLine(args[0]))
	}
	name := filepath.Base(args[0])
	c := exec.Command(args[0], args[1:]...)
	return run(c, func(err error) tea.Msg {
		msg := editorDoneMsg{editor: name, err: err}
		if after != nil {
			msg.note = after()
		}
		return msg
	}), ""
}

// editSession is the editor's run: whether it has the terminal, and the
// SIGINT ctrl+c in it sent the viewer too. An editor that ctrl+c ended
// took a SIGINT that reached the viewer as well; its SignalMsg may come
// before or after editorDoneMsg, and is ignored either way.
type editSession struct {
	running       bool
	sawInterrupt  bool // a SIGINT came while it ran
	owedInterrupt bool // SIGINT ended it, and its SignalMsg is still to come
}

func (s *editSession) start() { *s = editSession{running: true} }

func (s *editSession) done(err error) {
	s.running = false
	s.owedInterrupt = interrupted(err) && !s.sawInterrupt
}

// ignores reports whether sig is the editor's SIGINT, not the viewer's.
func (s *editSession) ignores(sig os.Signal) bool {
	if sig != os.Interrupt {
		return false
	}
	switch {
	case s.running:
		s.sawInterrupt = true
		return true
	case s.owedInterrupt:
		s.owedInterrupt = false
		return true
	}
	return false
}

// interrupted reports whether the editor's error is that SIGINT ended it.
func interrupted(err error) bool {
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		if ws, ok := exit.Sys().(syscall.WaitStatus); ok && ws.Signaled() && ws.Signal() == syscall.SIGINT {
			return true
		}
	}
	return false
}

// editorNote says how the editor failed, or "": it exited with a status
// ("vim failed (exit status 3)"), or a signal ended it ("vim was killed
// (signal: killed)"), or it could not start.
func editorNote(msg editorDoneMsg) string {
	if msg.err == nil {
		return msg.note
	}
	if msg.note != "" {
		return editorNote(editorDoneMsg{editor: msg.editor, err: msg.err}) + "; " + msg.note
	}
	name, why := timeline.HarmlessLine(msg.editor), timeline.HarmlessLine(msg.err.Error())
	var exit *exec.ExitError
	if errors.As(msg.err, &exit) {
		if ws, ok := exit.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			return fmt.Sprintf("%s was killed (%s)", name, why)
		}
	}
	return fmt.Sprintf("%s failed (%s)", name, why)
}

// execEditor runs the editor in the terminal, the program stepped aside
// (tea.Exec), and gives the terminal back as the editor found it.
func execEditor(c *exec.Cmd, done tea.ExecCallback) tea.Cmd {
	return tea.Exec(&editorCommand{Cmd: c}, done)
}

// editorCommand is the editor's process, run by tea.Exec. An editor that
// is killed (or crashes) leaves the terminal as it had set it: raw, no
// echo, mouse reporting on. Bubble Tea takes the terminal's settings as
// it finds them when it comes back, and gives them to the shell at exit,
// so the settings from before the editor are put back first, and the
// mouse modes an editor may have turned on are turned off (the viewer
// turns on again those it uses).
type editorCommand struct{ *exec.Cmd }

func (c *editorCommand) SetStdin(r io.Reader) {
	if c.Stdin == nil {
		c.Stdin = r
	}
}

func (c *editorCommand) SetStdout(w io.Writer) {
	if c.Stdout == nil {
		c.Stdout = w
	}
}

func (c *editorCommand) SetStderr(w io.Writer) {
	if c.Stderr == nil {
		c.Stderr = w
	}
}

// mouseOff turns off every mouse reporting mode (X10, normal, button,
// any-event, SGR).
const mouseOff = "\x1b[?9l\x1b[?1000l\x1b[?1002l\x1b[?1003l\x1b[?1006l"

func (c *editorCommand) Run() error {
	var restore func()
	if f, ok := c.Stdin.(term.File); ok && term.IsTerminal(f.Fd()) {
		if st, err := term.GetState(f.Fd()); err == nil {
			restore = func() { _ = term.Restore(f.Fd(), st) }
		}
	}
	err := c.Cmd.Run()
	if restore != nil {
		restore()
	}
	if f, ok := c.Stdout.(term.File); ok && term.IsTerminal(f.Fd()) {
		_, _ = io.WriteString(f, mouseOff)
	}
	return err
}

// SignalMsg says the process got a signal that ends it: SIGINT, SIGTERM or
// SIGHUP (the command relays them, tui.go). The viewer quits as it does
// on q, so that the terminal is given back as it was found, and Exit
// returns 128 plus the signal's number, as a shell reports a process a
// signal ended. While the editor runs the program waits for it, and the
// signal arrives when it is back: a SIGINT then was the editor's (ctrl+c
// typed in an editor that lets the terminal make it a signal reaches the
// whole foreground process group, the viewer too) and is ignored; a
// SIGTERM or SIGHUP ends the viewer then. The editor is never killed
// under the user.
type SignalMsg struct{ Signal os.Signal }

// signalExit is the exit status of a process that sig ended, as a shell
// reports it: 128 plus the signal's number.
func signalExit(sig os.Signal) int {
	if s, ok := sig.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return 1
}
