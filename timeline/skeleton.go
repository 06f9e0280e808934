package timeline

import (
	"bytes"
	"fmt"
	"strings"
)

// Skeleton is an event to fill in, written into a file after another one
// (the viewer's a).
type Skeleton struct {
	ID        string // a fresh id: new-event-1, new-event-2 …
	Text      string // the TOML written, as it was written
	TitleLine int    // the line of its `title = ""` in the file, 1-based
}

// AddSkeleton returns src, the text of the file e was read from, with a
// skeleton event written right after e's entry: e's date (as e's file
// writes it), a fresh id, a link to e, an empty title and one empty
// source. c gives the ids in use and where the next entry of the file
// starts.
func AddSkeleton(c *Chronology, e *Event, src []byte) ([]byte, Skeleton, error) {
	if e.Pos.Line < 1 {
		return nil, Skeleton{}, fmt.Errorf("where event %q starts in its file is not known", e.ID)
	}
	lines := bytes.SplitAfter(src, []byte("\n"))
	if e.Pos.Line > len(lines) {
		return nil, Skeleton{}, fmt.Errorf("%s has changed: it has no line %d, where event %q was", e.Pos.File, e.Pos.Line, e.ID)
	}
	// the entry ends where the next event or era of the file starts, less
	// the blank lines and comments over that one
	end := len(lines)
	for _, p := range entryStarts(c, e.Pos.File) {
		if p > e.Pos.Line && p-1 < end {
			end = p - 1
		}
	}
	for end > e.Pos.Line {
		l := strings.TrimSpace(string(lines[end-1]))
		if l != "" && !strings.HasPrefix(l, "#") {
			break
		}
		end--
	}
	sk := Skeleton{ID: freshID(c)}
	date := dateText(lines[e.Pos.Line:end])
	if date == "" {
		date = `"` + e.Date.String() + `"`
	}
	before := bytes.Join(lines[:end], nil)
	var b strings.Builder
	if len(before) > 0 && before[len(before)-1] != '\n' {
		b.WriteString("\n") // the last line had no line break
	}
	b.WriteString("\n[[event]]\n")
	fmt.Fprintf(&b, "id = %q\ndate = %s\n", sk.ID, date)
	sk.TitleLine = bytes.Count(before, []byte("\n")) + strings.Count(b.String(), "\n") + 1
	fmt.Fprintf(&b, "title = \"\"\nlinks = [%q]\n\n[[event.source]]\ntitle = \"\"\nurl = \"\"\n", e.ID)
	if end < len(lines) && strings.TrimSpace(string(lines[end])) != "" {
		b.WriteString("\n") // a blank line before what follows
	}
	sk.Text = b.String()
	out := make([]byte, 0, len(src)+len(sk.Text)+1)
	out = append(out, before...)
	out = append(out, sk.Text...)
	out = append(out, bytes.Join(lines[end:], nil)...)
	return out, sk, nil
}

// RemoveSkeleton returns src without sk when sk is still in it as it was
// written, and whether it was.
func RemoveSkeleton(src []byte, sk Skeleton) ([]byte, bool) {
	i := bytes.Index(src, []byte(sk.Text))
	if sk.Text == "" || i < 0 {
		return src, false
	}
	return append(src[:i:i], src[i+len(sk.Text):]...), true
}

// entryStarts are the lines where the events and eras of file start.
func entryStarts(c *Chronology, file string) []int {
	var out []int
	for _, ev := range c.Events {
		if ev.Pos.File == file {
			out = append(out, ev.Pos.Line)
		}
	}
	for _, er := range c.Eras {
		if er.Pos.File == file {
			out = append(out, er.Pos.Line)
		}
	}
	return out
}

// dateText is the value of the entry's date key as its file writes it
// (2018-02-24, "2018-02"), from the lines after its [[event]] line, up to
// its first sub-table; "" when there is none.
func dateText(lines [][]byte) string {
	for _, l := range lines {
		s := strings.TrimSpace(string(l))
		if strings.HasPrefix(s, "[") {
			return ""
		}
		k, v, ok := strings.Cut(s, "=")
		if ok && strings.TrimSpace(k) == "date" {
			v = strings.TrimSpace(v)
			if v != "" && !strings.HasPrefix(v, `"""`) && !strings.HasPrefix(v, "'''") {
				return v
			}
			return ""
		}
	}
	return ""
}

// freshID is the first of new-event-1, new-event-2 … that no event has.
func freshID(c *Chronology) string {
	for n := 1; ; n++ {
		id := fmt.Sprintf("new-event-%d", n)
		if c.Event(id) == nil {
			return id
		}
	}
}
