package ui

import (
	"os"

	"backstory/internal/safefile"
	"backstory/timeline"
	tea "charm.land/bubbletea/v2"
)

// The a key: a skeleton event is written right after the selected one in
// its file (timeline.AddSkeleton: its date, a fresh id, a link to it, an
// empty title and source), and the editor opens at its title line. The
// new event is selected once the file loads. A skeleton the editor left
// exactly as it was written is taken out again, and the status says so.

// untouchedNote is the status when the editor left the new event as it
// was written.
const untouchedNote = "The new event was left empty, so it is taken out again"

// addEvent writes a skeleton after e and opens the editor on it.
func (m *Model) addEvent(e *timeline.Event) tea.Cmd {
	if e == nil || e.Pos.File == "" {
		return m.say(scopeNone, "Select an event to add one after it", true)
	}
	file := e.Pos.File
	if why := m.problems.goneWhy(file); why != "" {
		return m.say(scopeNone, why, true)
	}
	src, err := os.ReadFile(file)
	if err != nil {
		return m.say(scopeNone, "Cannot add an event: "+timeline.HarmlessLine(err.Error()), true)
	}
	out, sk, err := timeline.AddSkeleton(m.chron, e, src)
	if err == nil {
		err = safefile.Write(file, out, true)
	}
	if err != nil {
		return m.say(scopeNone, "Cannot add an event: "+timeline.HarmlessLine(err.Error()), true)
	}
	cmd, why := editorCmd(m.opts.Editor, file, sk.TitleLine, m.runEditor, func() string {
		return removeUntouched(file, sk)
	})
	if why != "" {
		if removeUntouched(file, sk) == untouchedNote {
			why += "; nothing was added"
		}
		return m.say(scopeNone, why, true)
	}
	m.files.editBase = m.chron
	m.files.added = addedSince{base: m.chron, id: sk.ID}
	m.editor.start()
	return cmd
}

// removeUntouched takes sk out of file when it is there as it was
// written, and says so; "" when it was filled in (or the file is gone).
func removeUntouched(file string, sk timeline.Skeleton) string {
	src, err := os.ReadFile(file)
	if err != nil {
		return ""
	}
	back, ok := timeline.RemoveSkeleton(src, sk)
	if !ok {
		return ""
	}
	if err := safefile.Write(file, back, true); err != nil {
		return "The new event was left empty and could not be taken out: " + timeline.HarmlessLine(err.Error())
	}
	return untouchedNote
}
