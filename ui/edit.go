package ui

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"

	"backstory/internal/editor"
	"backstory/timeline"
	tea "charm.land/bubbletea/v2"
)

// The e key: the viewer steps aside for the user's editor, opened on the
// file and line where the selected event starts (or, while the files do
// not load, where the first error is), and reads the files again when the
// editor returns.

// builtinEditHint is what e says on the built-in chronology, which has no
// file to edit.
const builtinEditHint = "To edit: quit, run `backstory init`, then `backstory events.toml`"

// editTarget is the file and line e opens, or why there is none.
func (m Model) editTarget() (file string, line int, why string) {
	if len(m.opts.Paths) == 0 {
		return "", 0, builtinEditHint
	}
	if pos, ok := m.problems.firstError(); ok && !m.problems.isGone(pos.File) {
		return pos.File, pos.Line, ""
	}
	if e := m.current; e != nil && e.Pos.File != "" && !m.overview {
		if m.problems.isGone(e.Pos.File) {
			return "", 0, fmt.Sprintf("%s is gone: put it back and it is read again", timeline.HarmlessLine(e.Pos.File))
		}
		return e.Pos.File, e.Pos.Line, ""
	}
	if m.chron != nil && len(m.chron.Files) > 0 { // no event selected, or the overview: the first file, at the top
		if f := m.chron.Files[0]; m.problems.isGone(f) {
			return "", 0, fmt.Sprintf("%s is gone: put it back and it is read again", timeline.HarmlessLine(f))
		}
		return m.chron.Files[0], 1, ""
	}
	return "", 0, "There is no file to edit"
}

// edit opens the editor at the edit target, or says why it cannot.
func (m Model) edit() (Model, tea.Cmd) {
	file, line, why := m.editTarget()
	if why != "" {
		return m, m.setStatus(why, false)
	}
	ed := m.opts.Editor
	if ed == "" {
		ed = editor.Choose(os.Getenv)
	}
	if abs, err := filepath.Abs(file); err == nil {
		file = abs // a file name starting with - or + is not taken for an option
	}
	args, err := editor.Args(ed, file, line)
	if err != nil {
		return m, m.setStatus("Cannot start the editor: "+timeline.HarmlessLine(err.Error()), true)
	}
	if _, err := exec.LookPath(args[0]); err != nil {
		return m, m.setStatus(fmt.Sprintf("No editor %q found: set $VISUAL or $EDITOR to your editor's command",
			timeline.HarmlessLine(args[0])), true)
	}
	name := filepath.Base(args[0])
	c := exec.Command(args[0], args[1:]...)
	m.editBase = m.chron
	return m, m.runEditor(c, func(err error) tea.Msg { return editorDoneMsg{editor: name, err: err} })
}

// editorDone reads the files again once the editor is back, whether or
// not it said it failed: it may have saved before failing.
func (m Model) editorDone(msg editorDoneMsg) (Model, tea.Cmd) {
	note := ""
	if msg.err != nil {
		note = fmt.Sprintf("%s failed (%s)", timeline.HarmlessLine(msg.editor), timeline.HarmlessLine(msg.err.Error()))
	}
	return m.reload(reloadEditor, note)
}
