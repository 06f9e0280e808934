package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// The full help (?): every key that works in the pane beneath, then what
// the marks mean, in place of the panes. When it is longer than the body
// the moving keys scroll it and its last line says there is more.

// legend explains the marks of the list rows.
var legend = []string{
	"These are the keys that work here and now; a filter, links and history bring their own.",
	"Marks:  ✗  a false claim   !  a disputed one   ○  an unverified one   ?  no source   ~  an approximate date",
	"Claims in the detail:  ✓ VERIFIED   ○ UNVERIFIED   ! DISPUTED   ✗ FALSE, with the sources that settle them: (sources 1, 3).",
	"Links are numbered as in the detail: the event's links, then \"Referenced by\".",
	"Filter (/): words must all match; \"a phrase\"; -word leaves out; A OR B; ( … ) groups, -( … ) negates;",
	"  tag:X person:X place:X source:X from:DATE to:DATE year:YYYY links:ID",
	"  is:unsourced is:disputed is:unverified is:approximate has:claim has:source has:link",
	"  claim:verified claim:unverified claim:disputed claim:false",
	"Mouse: the wheel scrolls the pane under it; a click selects a row or follows a link.",
	"?, q or esc close this help, and the moving keys scroll it; any other key closes it and does its job.",
}

// scrollLegend is said too when the help does not fit.
const scrollLegend = "It is longer than the screen: j/k ↑/↓ pgup/pgdn g/G scroll it."

// helpOverlay is the full help, drawn in place of the panes while open:
// every key that works in the pane beneath (SetKeys), then what the marks
// mean.
type helpOverlay struct {
	st      *Styles
	help    help.Model
	open    bool
	offset  int // first line shown
	width   int
	height  int // the body's lines
	noMouse bool
	groups  [][]key.Binding // the keys of the pane beneath
	lines   []string        // laid out for the width, groups and height, while open
}

func newHelpOverlay(st *Styles, noMouse bool) helpOverlay {
	return helpOverlay{st: st, help: help.New(), noMouse: noMouse}
}

// SetStyles follows a change of colours.
func (h *helpOverlay) SetStyles(st *Styles) {
	h.st = st
	h.help.Styles = st.Help
	h.layout()
}

// SetSize gives the help the body's size.
func (h *helpOverlay) SetSize(w, height int) {
	h.width, h.height = w, height
	h.help.SetWidth(w)
	h.layout()
}

// SetKeys is the keys of the pane beneath, what the help lists.
func (h *helpOverlay) SetKeys(k KeyMap) {
	groups := k.FullHelp()
	if slicesEqualHelp(groups, h.groups) {
		return
	}
	h.groups = groups
	h.layout()
}

// Open shows the help from its top; Close hides it.
func (h *helpOverlay) Open() {
	h.open, h.offset = true, 0
	h.layout()
}

func (h *helpOverlay) Close()        { h.open = false }
func (h *helpOverlay) IsOpen() bool  { return h.open }
func (h *helpOverlay) Scrolls() bool { return h.open && h.maxOffset() > 0 }

// layout lays the help out for the width: the columns side by side when
// they fit, else one under the other; Open does it while the help is
// closed: the keys change with almost every key press, and the help is
// seldom open.
func (h *helpOverlay) layout() {
	if !h.open {
		return
	}
	hm := h.help
	hm.SetWidth(0) // measure first, never drop a column
	text := hm.FullHelpView(h.groups)
	if lipgloss.Width(text) > h.width {
		var blocks []string
		for _, g := range h.groups {
			if b := hm.FullHelpView([][]key.Binding{g}); b != "" {
				blocks = append(blocks, b)
			}
		}
		text = strings.Join(blocks, "\n\n")
	}
	lines := strings.Split(text, "\n")
	lines = append(lines, "")
	add := func(l string) {
		for _, l := range strings.Split(ansi.Wrap(l, max(h.width, 1), ""), "\n") {
			lines = append(lines, h.st.Legend.Render(strings.TrimRight(l, " ")))
		}
	}
	for _, l := range legend {
		if h.noMouse && strings.HasPrefix(l, "Mouse:") {
			continue
		}
		add(l)
	}
	if len(lines) > h.height { // it does not fit: say how to scroll
		add(scrollLegend)
	}
	h.lines = lines
}

// rows is how many lines of help the body shows: all but the last, which
// says there is more, when it does not fit.
func (h *helpOverlay) rows() int {
	if len(h.lines) > h.height && h.height >= 2 {
		return h.height - 1
	}
	return h.height
}

// maxOffset is how far the help scrolls; 0 when it fits.
func (h *helpOverlay) maxOffset() int {
	if h.width <= 0 {
		return 0
	}
	return max(0, len(h.lines)-h.rows())
}

// scroll moves the help by n lines, within its ends.
func (h *helpOverlay) scroll(n int) {
	maxOff := h.maxOffset()
	h.offset = min(max(min(h.offset, maxOff)+n, 0), maxOff) // from where it shows after a resize
}

// KeyMap is the moving keys, which scroll the help while it is open and
// longer than the screen; none otherwise.
func (h *helpOverlay) KeyMap() KeyMap {
	k := defaultKeyMap()
	k.setEnabled(false)
	k.mode = modeHelp
	maxOff := h.maxOffset()
	if !h.Scrolls() {
		return k
	}
	off := min(h.offset, maxOff)
	for _, b := range []struct {
		b          *key.Binding
		on         bool
		name, desc string
	}{
		{&k.Up, off > 0, "↑/k", "scroll up"}, {&k.Down, off < maxOff, "↓/j", "more"},
		{&k.PageUp, off > 0, "pgup", "page up"}, {&k.PageDown, off < maxOff, "pgdn", "page down"},
		{&k.Top, off > 0, "g/home", "top of help"}, {&k.Bottom, off < maxOff, "G/end", "end of help"},
	} {
		b.b.SetEnabled(b.on)
		b.b.SetHelp(b.name, b.desc)
	}
	return k
}

// Update scrolls the help with the moving keys and the wheel.
func (h *helpOverlay) Update(msg tea.Msg) (*helpOverlay, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		if step, ok := movingKey(msg, h.KeyMap(), max(1, h.height-2), h.maxOffset()); ok {
			h.scroll(step)
		}
	case tea.MouseWheelMsg:
		h.scroll(wheelMove(msg))
	}
	return h, nil
}

// View is the help in exactly height lines, from the line scrolled to,
// with a last line that says what is above and below.
func (h *helpOverlay) View() string {
	if h.height <= 0 {
		return ""
	}
	rows := h.rows()
	if len(h.lines) <= rows {
		return strings.Join(box(h.lines, h.width, h.height), "\n")
	}
	maxOff := len(h.lines) - rows
	off := min(max(h.offset, 0), maxOff)
	shown := h.lines[off:min(len(h.lines), off+rows)]
	if rows == h.height { // one line: no room to say more
		return strings.Join(box(shown, h.width, h.height), "\n")
	}
	var more string
	switch {
	case off == 0:
		more = "↓ more below (j/↓, pgdn)"
	case off == maxOff:
		more = "↑ end of help (k/↑ goes back up)"
	default:
		more = "↑↓ more above and below (k/j)"
	}
	return strings.Join(append(box(shown, h.width, rows), h.st.Position.Render(fit(more, h.width))), "\n")
}

// slicesEqualHelp reports whether two layouts of the full help list the
// same keys with the same words.
func slicesEqualHelp(a, b [][]key.Binding) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if len(a[i]) != len(b[i]) {
			return false
		}
		for j := range a[i] {
			if a[i][j].Enabled() != b[i][j].Enabled() || a[i][j].Help() != b[i][j].Help() {
				return false
			}
		}
	}
	return true
}
