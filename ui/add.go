package ui

import (
	"os"

	"backstory/internal/safefile"
	"backstory/timeline"
)

// The a key: a skeleton event is written right after the selected one in
// its file (timeline.AddSkeleton: its date, a fresh id, a link to it, an
// empty title and source), and the editor opens at its title line. The
// new event is selected once the file loads. A skeleton the editor left
// exactly as it was written is taken out again, and the status says so.

// untouchedNote is the status when the editor left the new event as it
// was written.
const untouchedNote = "The new event was left empty, so it is taken out again"

// addSkeleton writes a skeleton after e in its file, and returns it with
// its file, or why it could not.
func addSkeleton(c *timeline.Chronology, p *problemsBanner, e *timeline.Event) (file string, sk timeline.Skeleton, why string) {
	if e == nil || e.Pos.File == "" {
		return "", sk, "Select an event to add one after it"
	}
	file = e.Pos.File
	if why := p.goneWhy(file); why != "" {
		return "", sk, why
	}
	src, err := os.ReadFile(file)
	if err != nil {
		return "", sk, "Cannot add an event: " + timeline.HarmlessLine(err.Error())
	}
	out, sk, err := timeline.AddSkeleton(c, e, src)
	if err == nil {
		err = safefile.Write(file, out, true)
	}
	if err != nil {
		return "", sk, "Cannot add an event: " + timeline.HarmlessLine(err.Error())
	}
	return file, sk, ""
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
