package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"backstory/internal/safefile"
	"backstory/timeline"
	"backstory/timeline/interop"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// memoPrompt is x: it asks for a file name, in place of the footer, and
// writes what the list shows (the filtered events, in order) there as the
// Markdown background memo. A file that exists is never written over
// without a y.
type memoPrompt struct {
	st      *Styles
	input   textinput.Model
	open    bool
	confirm string // the file that exists, while asking whether to write over it
	width   int
}

// memoWrittenMsg says how writing the memo went.
type memoWrittenMsg struct {
	path   string
	events int
	err    error
}

func newMemoPrompt(st *Styles) memoPrompt {
	ti := textinput.New()
	ti.Prompt = "Memo to: "
	ti.CharLimit = 4096
	ti.SetStyles(st.Input)
	return memoPrompt{st: st, input: ti}
}

// SetStyles follows a change of colours.
func (p *memoPrompt) SetStyles(st *Styles) {
	p.st = st
	p.input.SetStyles(st.Input)
}

// SetSize gives the prompt the footer's width.
func (p *memoPrompt) SetSize(w, _ int) {
	p.width = w
	p.input.SetWidth(max(8, w-ansi.StringWidth(p.input.Prompt)-ansi.StringWidth(p.hint())-3))
}

// IsOpen reports whether the prompt has the keys.
func (p *memoPrompt) IsOpen() bool { return p.open }

// Open asks for a file name, today's memo by default.
func (p *memoPrompt) Open(today time.Time) tea.Cmd {
	p.open, p.confirm = true, ""
	p.input.SetValue("background-" + today.Format("2006-01-02") + ".md")
	p.input.CursorEnd()
	return p.input.Focus()
}

// Close gives the keys back.
func (p *memoPrompt) Close() {
	p.open, p.confirm = false, ""
	p.input.Blur()
}

// KeyMap is enter and esc (y and n while asking to write over a file).
func (p *memoPrompt) KeyMap() KeyMap {
	k := defaultKeyMap()
	k.setEnabled(false)
	k.mode = modeFilter
	if !p.open {
		return k
	}
	k.KeepFilter.SetEnabled(true)
	k.KeepFilter.SetHelp("enter", "write")
	k.DropFilter.SetEnabled(true)
	k.DropFilter.SetHelp("esc", "cancel")
	if p.confirm != "" {
		k.KeepFilter.SetKeys("y")
		k.KeepFilter.SetHelp("y", "write over it")
		k.DropFilter.SetKeys("n", "esc")
		k.DropFilter.SetHelp("n/esc", "cancel")
	}
	return k
}

// Update types the file name.
func (p *memoPrompt) Update(msg tea.Msg) (*memoPrompt, tea.Cmd) {
	if !p.open || p.confirm != "" {
		return p, nil
	}
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	if text := p.input.Value(); timeline.HarmlessLine(text) != text {
		p.input.SetValue(timeline.DropHidden(text))
	}
	return p, cmd
}

// Submit is enter (or y): the command that writes the memo of events to
// the file named, or "" and no command while it asks whether to write
// over a file that exists (or says why it cannot).
func (p *memoPrompt) Submit(c *timeline.Chronology, events []*timeline.Event, query string) (tea.Cmd, string) {
	name := strings.TrimSpace(p.input.Value())
	if name == "" {
		return nil, "Name the file to write the memo to"
	}
	path, err := filepath.Abs(name)
	if err != nil {
		return nil, timeline.HarmlessLine(err.Error())
	}
	overwrite := p.confirm == path
	if info, err := os.Stat(path); err == nil && !overwrite {
		if info.IsDir() {
			return nil, timeline.HarmlessLine(name) + " is a folder: name a file"
		}
		p.confirm = path
		p.input.Blur()
		return nil, ""
	}
	p.Close()
	data := interop.Markdown(c, events, query)
	n := len(events)
	return func() tea.Msg {
		err := safefile.Write(path, data, overwrite)
		return memoWrittenMsg{path: path, events: n, err: err}
	}, ""
}

// writtenStatus is what the status line says of a memo written, or not.
func writtenStatus(msg memoWrittenMsg) (string, bool) {
	if msg.err != nil {
		why := msg.err.Error()
		if errors.Is(msg.err, safefile.ErrExists) {
			why = "it exists now"
		}
		return "The memo was not written: " + timeline.HarmlessLine(why), true
	}
	return fmt.Sprintf("Wrote %s to %s", plural(msg.events, "event"), timeline.HarmlessLine(msg.path)), false
}

// View is the prompt's line, in place of the footer.
func (p *memoPrompt) View() string {
	if p.confirm != "" {
		return p.st.Status.Render(fit(timeline.HarmlessLine(p.confirm)+" exists: write over it? y/n", p.width))
	}
	s := p.input.View()
	if v := p.input.Value(); v != "" { // the input pads itself: keep prompt, text and cursor
		if want := ansi.StringWidth(p.input.Prompt) + ansi.StringWidth(v) + 1; want < ansi.StringWidth(s) {
			s = ansi.Truncate(s, want, "")
		}
	}
	return cut(s+"  "+p.st.Position.Render(p.hint()), p.width)
}

// hint is the way on and out, shorter on a narrow line.
func (p *memoPrompt) hint() string {
	if p.width < 80 { // the file name first
		return "esc cancels"
	}
	return "enter writes · esc cancels"
}
