package ui

import (
	"fmt"
	"strings"
	"sync/atomic"

	"backstory/timeline"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// filterModel is the filter bar: the query being typed, and the last good
// query the list shows. Each change of the text starts a filter run tagged
// with a sequence number; a result whose number is not the latest is
// dropped, so a slow run for "a" never overwrites the result for "ab".
//
// What a reader sees:
//   - While typing, the list follows the text (live filtering); when the
//     text is not a query yet ("from:", "year:2018-1"), the bar says what
//     is wrong and the list keeps the last good result typed so far.
//   - On enter, only the final text counts, however fast it was typed and
//     whichever runs have come back: a query is kept; a malformed one is
//     not replaced by a prefix the reader never meant. As DESIGN says, it
//     "says what is wrong and filters nothing": the list shows every event,
//     the status says "Nothing filtered: <what is wrong>; / to fix the
//     query", and / brings back the text exactly as typed.
type filterModel struct {
	st      *Styles
	input   textinput.Model
	editing bool
	width   int

	chron        *timeline.Chronology // what the runs filter
	shown, total int                  // events the list shows, of all: the bar's count

	applied string   // the query the list shows ("" = everything)
	words   []string // its words, to highlight
	err     error    // why the text typed is not a query (the list keeps the last good one)
	kept    string   // the text as the reader left it with enter (or -q), even a malformed one: / brings it back

	seq    int
	latest *atomic.Int64 // the newest seq, read by runs to skip stale work

	// the queries kept before, the newest last (filter_recall.go), and
	// which one ↑/↓ has put in the bar (-1 none) over what was typed
	history     []string
	historyFile string
	recalled    int
	typed       string
	values      map[string][]string // the chronology's values, for tab
	hint        string              // what tab or ↑ has to say, under way
}

// MaxQuery is the most characters the filter bar (and -q) takes: far more than any
// query needs, and little enough that a megabyte pasted by mistake does not
// make every key slow (about 230 ms a key for 1 MB, mostly the text
// input's own work).
const MaxQuery = 1000

func newFilter(st *Styles, historyFile string) filterModel {
	ti := textinput.New()
	ti.Prompt = "/ "
	ti.Placeholder = "words, tag:X, person:X, year:2018, is:disputed …"
	ti.KeyMap.Paste.SetEnabled(false) // bracketed paste still works; ctrl+v would shell out
	ti.CharLimit = MaxQuery
	ti.SetStyles(st.Input)
	return filterModel{st: st, input: ti, latest: new(atomic.Int64), historyFile: historyFile, recalled: -1}
}

// SetStyles follows a change of colours.
func (f *filterModel) SetStyles(st *Styles) {
	f.st = st
	f.input.SetStyles(st.Input)
}

// SetChronology is what the runs filter from now on; a run still on its
// way is for the old one. The query typed is run again over the new
// events when it is not the one applied.
func (f *filterModel) SetChronology(c *timeline.Chronology) tea.Cmd {
	f.chron = c
	f.next()
	if text := f.input.Value(); f.editing && text != f.applied {
		return filterCmd(c, f.seq, text, f.latest)
	}
	return nil
}

// SetCount is how many events the list shows, of how many.
func (f *filterModel) SetCount(shown, total int) { f.shown, f.total = shown, total }

// SetSize gives the bar its width.
func (f *filterModel) SetSize(w, _ int) {
	f.width = w
	f.input.SetWidth(max(1, w-20))
}

// Editing reports whether the bar is open and has the keys.
func (f *filterModel) Editing() bool { return f.editing }

// Active reports whether a filter narrows the list.
func (f *filterModel) Active() bool { return f.applied != "" }

// Applied is the query the list shows.
func (f *filterModel) Applied() string { return f.applied }

// Words are the applied query's words.
func (f *filterModel) Words() []string { return f.words }

// next starts a new run: its seq, which makes every earlier run stale.
func (f *filterModel) next() int {
	f.seq++
	f.latest.Store(int64(f.seq))
	return f.seq
}

// filterCmd runs query over c off the key path.
func filterCmd(c *timeline.Chronology, seq int, query string, latest *atomic.Int64) tea.Cmd {
	return func() tea.Msg {
		if latest.Load() != int64(seq) {
			return nil // typed over already
		}
		return runFilter(c, seq, query)
	}
}

func runFilter(c *timeline.Chronology, seq int, query string) filteredMsg {
	q, err := timeline.ParseQuery(query)
	if err == nil {
		err = q.Check(c)
	}
	if err != nil {
		return filteredMsg{seq: seq, query: query, err: err}
	}
	return filteredMsg{seq: seq, query: query, events: q.Filter(c), words: q.Words()}
}

// Start filters with a query given at start-up (-q) at once, as if it had
// been typed and kept with enter.
func (f *filterModel) Start(q string) (filteredMsg, error) {
	f.input.SetValue(q)
	f.kept = q
	msg := runFilter(f.chron, f.next(), q)
	return msg, msg.err
}

// Open opens the bar on the text last kept, as typed: the query the list
// shows, or a malformed one to fix (its run says again what is wrong).
func (f *filterModel) Open() tea.Cmd {
	f.editing = true
	f.recalled, f.hint = -1, ""
	f.input.Placeholder = "words, tag:X, person:X, year:2018, is:disputed …"
	if n := len(f.history); n > 0 && f.kept == "" {
		f.input.Placeholder = "↑ " + f.history[n-1]
	}
	f.input.SetValue(f.kept)
	f.input.CursorEnd()
	cmd := f.input.Focus()
	if text := f.input.Value(); strings.TrimSpace(text) != f.applied {
		cmd = tea.Batch(cmd, filterCmd(f.chron, f.next(), text, f.latest))
	}
	return cmd
}

// Keep closes the bar on enter. The final text decides, not the runs that
// came back while it was typed: it is parsed here, and a good query's own
// run (the latest) is still to come or already shown. The error says why
// a malformed text filters nothing; a good query joins the history, and
// the command saves it.
func (f *filterModel) Keep() (tea.Cmd, error) {
	f.editing = false
	f.input.Blur()
	text := f.input.Value()
	f.kept = text
	q, err := timeline.ParseQuery(text)
	if err == nil {
		err = q.Check(f.chron)
	}
	if err != nil {
		return nil, err
	}
	f.err = nil
	return f.remember(text), nil
}

// Clear closes the bar and forgets the query: every event is shown.
func (f *filterModel) Clear() {
	f.editing = false
	f.input.Blur()
	f.input.Reset()
	f.kept = ""
	f.Drop()
}

// Drop applies no query; a run still on its way is for a text given up.
// The text stays for / to bring back.
func (f *filterModel) Drop() {
	f.next()
	f.applied, f.words, f.err = "", nil, nil
}

// Accept takes in the result of a run, and reports whether the list is
// to show its events: it is the latest run and its text is a query. A
// malformed text keeps the last good result, and the bar says why.
func (f *filterModel) Accept(msg filteredMsg) bool {
	if msg.seq != f.seq {
		return false
	}
	f.err = msg.err
	if msg.err != nil {
		return false
	}
	f.applied = strings.TrimSpace(msg.query)
	f.words = msg.words
	return true
}

// Update hands a message to the text input while the bar is open and,
// when the text changed, starts a filter run for it.
func (f *filterModel) Update(msg tea.Msg) (*filterModel, tea.Cmd) {
	if !f.editing {
		return f, nil
	}
	if k, ok := msg.(tea.KeyPressMsg); ok {
		switch km := f.KeyMap(); {
		case key.Matches(k, km.History):
			return f, f.recall(moveKey(k))
		case key.Matches(k, km.Complete):
			return f, f.complete()
		}
	}
	before := f.input.Value()
	var cmd tea.Cmd
	f.input, cmd = f.input.Update(msg)
	if text := f.input.Value(); timeline.HarmlessLine(text) != text {
		f.input.SetValue(timeline.DropHidden(text)) // a pasted bidi override, say
	}
	if text := f.input.Value(); text != before {
		f.recalled, f.hint = -1, ""
		cmd = tea.Batch(cmd, filterCmd(f.chron, f.next(), text, f.latest))
	}
	return f, cmd
}

// KeyMap is the bar's own keys while it is open: enter and esc.
func (f *filterModel) KeyMap() KeyMap {
	k := defaultKeyMap()
	k.mode = modeFilter
	k.setEnabled(false)
	k.KeepFilter.SetEnabled(f.editing)
	k.DropFilter.SetEnabled(f.editing)
	k.History.SetEnabled(f.editing && len(f.history) > 0)
	k.Complete.SetEnabled(f.editing)
	return k
}

// View is the filter being typed, with its count and, when the text is
// not a query, why.
func (f *filterModel) View() string {
	s := f.input.View()
	// the input pads itself to its width; keep prompt, text and cursor
	if v := f.input.Value(); v != "" {
		want := ansi.StringWidth(f.input.Prompt) + ansi.StringWidth(v) + 1
		if want < ansi.StringWidth(s) {
			s = ansi.Truncate(s, want, "")
		}
	}
	s += "  " + f.st.FilterInfo.Render(fmt.Sprintf("%d/%d", f.shown, f.total))
	msg, style := f.message()
	if msg == "" {
		return cut(s, f.width)
	}
	if ansi.StringWidth(s)+2+ansi.StringWidth(msg) <= f.width {
		return s + "  " + style.Render(msg)
	}
	lines := []string{cut(s, f.width)} // the message under the text, whole
	for _, l := range f.messageLines() {
		lines = append(lines, style.Render(fit(l, f.width)))
	}
	return strings.Join(lines, "\n")
}

// message is what the bar says beside the text: what tab or ↑ just said,
// else why the text is not a query.
func (f *filterModel) message() (string, lipgloss.Style) {
	switch {
	case f.hint != "":
		return f.hint, f.st.Position
	case f.err != nil:
		return timeline.HarmlessLine(f.err.Error()), f.st.Error
	}
	return "", f.st.Position
}

// messageLines is the message wrapped under the text, at most two lines.
func (f *filterModel) messageLines() []string {
	msg, _ := f.message()
	lines := strings.Split(ansi.Wrap(msg, max(1, f.width), " /"), "\n")
	if len(lines) > 2 {
		lines = lines[:2]
		lines[1] = cut(lines[1]+" …", f.width)
	}
	return lines
}

// Height is the lines the bar takes: its message goes under the text when
// it does not fit beside it.
func (f *filterModel) Height() int {
	msg, _ := f.message()
	if msg == "" || f.width <= 0 {
		return 1
	}
	text := ansi.StringWidth(f.input.Prompt) + ansi.StringWidth(f.input.Value()) + 1 +
		2 + len(fmt.Sprintf("%d/%d", f.shown, f.total))
	if text+2+ansi.StringWidth(msg) <= f.width {
		return 1
	}
	return 1 + len(f.messageLines())
}

// rejectedStatus is what enter on a malformed query says.
func rejectedStatus(err error) string {
	return "Nothing filtered: " + timeline.HarmlessLine(err.Error()) + "; / to fix the query"
}

// moveKey is the way a key of the filter bar goes: back for ↑ and
// ctrl+p, on for ↓ and ctrl+n.
func moveKey(msg tea.KeyPressMsg) int {
	if s := msg.String(); s == "ctrl+p" || s == "up" {
		return -1
	}
	return 1
}
