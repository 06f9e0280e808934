package ui

import (
	"fmt"
	"strings"

	"backstory/timeline"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// sourcePicker asks which source o, y or Y is for when the event has
// several: a numbered list, 1–9 or enter (the one under the cursor, at
// first the first) to choose, esc to cancel. It also shows a notice to be
// read whole, such as an address the browser could not open: any of its
// keys closes it. Like the help it is drawn in place of the panes.
type sourcePicker struct {
	st      *Styles
	open    bool
	action  sourceAction
	title   string // the event's
	choices []sourceChoice
	cursor  int
	chosen  int // the choice made, -1 none; the root takes it (Chosen)
	notice  []string
	width   int
	height  int
}

// sourceAction is what a chosen source is for.
type sourceAction int

const (
	actOpen    sourceAction = iota // o: open it in the browser
	actCite                        // y: copy a citation of it
	actCopyURL                     // Y: copy its address
)

// sourceChoice is one item of the picker: a source of the event (n its
// number, from 1), or its media or an archived copy.
type sourceChoice struct {
	n     int    // the source's number; 0 for the media
	label string // what the list shows
	url   string
	src   *timeline.Source
}

func newSourcePicker(st *Styles) sourcePicker { return sourcePicker{st: st, chosen: -1} }

// SetStyles follows a change of colours.
func (p *sourcePicker) SetStyles(st *Styles) { p.st = st }

// IsOpen reports whether the picker (or a notice) is on screen.
func (p *sourcePicker) IsOpen() bool { return p.open }

// IsNotice reports whether a notice is on screen: it closes on any key.
func (p *sourcePicker) IsNotice() bool { return p.open && p.notice != nil }

// Close takes the picker or the notice off the screen.
func (p *sourcePicker) Close() { p.open = false }

// SetSize gives the picker the body's size.
func (p *sourcePicker) SetSize(w, h int) { p.width, p.height = w, h }

// sourceChoices are the sources of e that action can use: with an
// address for o and Y (and the media, and archived copies, for o), every
// one for y.
func sourceChoices(e *timeline.Event, action sourceAction) []sourceChoice {
	if e == nil {
		return nil
	}
	var out []sourceChoice
	for i := range e.Sources {
		s := &e.Sources[i]
		label := sourceLabel(*s)
		if action == actCite || webURL(s.URL) {
			out = append(out, sourceChoice{n: i + 1, label: label, url: s.URL, src: s})
		}
		if action == actOpen && webURL(s.Archived) {
			out = append(out, sourceChoice{n: i + 1, label: label + " (archived copy)", url: s.Archived, src: s})
		}
	}
	if action == actOpen && e.Media != nil && webURL(e.Media.URL) {
		out = append(out, sourceChoice{label: "Media of the event", url: e.Media.URL})
	}
	return out
}

// sourceLabel names a source in one line: publisher, title, date.
func sourceLabel(s timeline.Source) string {
	var parts []string
	if s.Publisher != "" {
		parts = append(parts, s.Publisher)
	}
	parts = append(parts, "“"+s.Title+"”")
	if !s.Published.IsZero() {
		parts = append(parts, s.Published.Format())
	}
	return timeline.HarmlessLine(strings.Join(parts, ", "))
}

// Open asks which of choices action is for.
// Offer is o, y or Y on e: the one source to use, or, when there are
// several, false and the picker open to choose (none: false, closed).
func (p *sourcePicker) Offer(e *timeline.Event, action sourceAction) (sourceChoice, bool) {
	choices := sourceChoices(e, action)
	switch len(choices) {
	case 0:
		return sourceChoice{}, false
	case 1:
		return choices[0], true
	}
	p.Open(e, action, choices)
	return sourceChoice{}, false
}

func (p *sourcePicker) Open(e *timeline.Event, action sourceAction, choices []sourceChoice) {
	p.open, p.action, p.choices = true, action, choices
	p.title = timeline.HarmlessLine(short(e.Title))
	p.cursor, p.chosen, p.notice = 0, -1, nil
}

// Notice shows lines to read whole, wrapped to the width, until a key.
func (p *sourcePicker) Notice(lines ...string) {
	p.open, p.choices, p.chosen, p.notice = true, nil, -1, lines
}

// Chosen returns the choice made and forgets it.
func (p *sourcePicker) Chosen() (sourceAction, sourceChoice, bool) {
	if p.chosen < 0 {
		return 0, sourceChoice{}, false
	}
	c := p.choices[p.chosen]
	p.chosen = -1
	return p.action, c, true
}

// Update moves, chooses and cancels.
func (p *sourcePicker) Update(msg tea.Msg) (*sourcePicker, tea.Cmd) {
	m, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return p, nil
	}
	k := p.KeyMap()
	switch {
	case key.Matches(m, k.CancelPick):
		p.open = false
	case key.Matches(m, k.PickFirst):
		p.open = false
		if p.notice == nil {
			p.chosen = p.cursor
		}
	case key.Matches(m, k.PickSource):
		if n := int(m.String()[0] - '0'); n <= len(p.choices) {
			p.open, p.chosen = false, n-1
		}
	case key.Matches(m, k.Up):
		p.cursor--
	case key.Matches(m, k.Down):
		p.cursor++
	}
	return p, nil
}

// KeyMap is the picker's keys, each enabled where it does something.
func (p *sourcePicker) KeyMap() KeyMap {
	k := defaultKeyMap()
	k.setEnabled(false)
	if !p.open {
		return k
	}
	k.CancelPick.SetEnabled(true)
	if p.notice != nil {
		k.CancelPick.SetHelp("esc", "close (any key)")
		return k
	}
	n := len(p.choices)
	keys := make([]string, 0, 9)
	for i := 1; i <= min(n, 9); i++ {
		keys = append(keys, fmt.Sprint(i))
	}
	k.PickSource.SetKeys(keys...)
	k.PickSource.SetHelp(fmt.Sprintf("1-%d", min(n, 9)), "choose")
	k.PickSource.SetEnabled(n > 0)
	k.PickFirst.SetEnabled(n > 0)
	if p.cursor > 0 {
		k.PickFirst.SetHelp("enter", "this one")
	}
	k.Up.SetEnabled(p.cursor > 0)
	k.Down.SetEnabled(p.cursor < n-1)
	return k
}

// question is the picker's first line.
func (p *sourcePicker) question() string {
	switch p.action {
	case actCite:
		return "Copy a citation of which source of “" + p.title + "”?"
	case actCopyURL:
		return "Copy the address of which source of “" + p.title + "”?"
	}
	return "Open which source of “" + p.title + "”?"
}

// View draws the question and the choices (each with its whole address,
// wrapped), or the notice, exactly the size given.
func (p *sourcePicker) View() string {
	if p.width <= 0 || p.height <= 0 {
		return ""
	}
	w := p.width
	wrap := func(s string, indent int) []string {
		return strings.Split(ansi.Hardwrap(ansi.Wrap(s, max(w-indent, 1), ""), max(w-indent, 1), true), "\n")
	}
	var lines []string
	if p.notice != nil {
		for _, n := range p.notice {
			lines = append(lines, wrap(n, 0)...)
		}
		lines = append(lines, "", p.st.Legend.Render("Any key closes this."))
		return strings.Join(box(lines, w, p.height), "\n")
	}
	for _, l := range wrap(p.question(), 0) {
		lines = append(lines, p.st.Title.Render(l))
	}
	lines = append(lines, "")
	for i, c := range p.choices {
		num := "     "
		if i < 9 {
			num = fmt.Sprintf("  %d. ", i+1)
		}
		style := p.st.Row
		if i == p.cursor { // marked in words too, for a screen without styles
			style = p.st.Selected
			num = "›" + num[1:]
		}
		for j, l := range wrap(c.label, 5) {
			lead := "     "
			if j == 0 {
				lead = num
			}
			lines = append(lines, style.Render(lead+l))
		}
		if c.url != "" {
			for _, l := range wrap(timeline.HarmlessLine(c.url), 5) {
				lines = append(lines, "     "+p.st.Date.Render(l))
			}
		}
	}
	// keep the cursor's choice in view: drop whole lines from the top
	if extra := len(lines) - p.height; extra > 0 && p.cursor > 0 {
		lines = lines[min(extra, len(lines)):]
	}
	return strings.Join(box(lines, w, p.height), "\n")
}
