package ui

import (
	"strings"
	"sync/atomic"

	"backstory/timeline"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
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
	input   textinput.Model
	editing bool

	applied string   // the query the list shows ("" = everything)
	words   []string // its words, to highlight
	err     error    // why the text typed is not a query (the list keeps the last good one)
	kept    string   // the text as the reader left it with enter (or -q), even a malformed one: / brings it back

	seq    int
	latest *atomic.Int64 // the newest seq, read by runs to skip stale work
}

// MaxQuery is the most characters the filter bar (and -q) takes: far more than any
// query needs, and little enough that a megabyte pasted by mistake does not
// make every key slow (about 230 ms a key for 1 MB, mostly the text
// input's own work).
const MaxQuery = 1000

func newFilter(st *Styles) filterModel {
	ti := textinput.New()
	ti.Prompt = "/ "
	ti.Placeholder = "words, tag:X, person:X, year:2018, is:disputed …"
	ti.KeyMap.Paste.SetEnabled(false) // bracketed paste still works; ctrl+v would shell out
	ti.CharLimit = MaxQuery
	ti.SetStyles(st.Input)
	return filterModel{input: ti, latest: new(atomic.Int64)}
}

// active reports whether a filter narrows the list.
func (f filterModel) active() bool { return f.applied != "" }

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
	if err != nil {
		return filteredMsg{seq: seq, query: query, err: err}
	}
	return filteredMsg{seq: seq, query: query, events: q.Filter(c), words: q.Words()}
}

// openFilter opens the filter bar on the text last kept, as typed: the
// query the list shows, or a malformed one to fix (its run says again what
// is wrong).
func (m Model) openFilter() (Model, tea.Cmd) {
	m.filter.editing = true
	m.filter.input.SetValue(m.filter.kept)
	m.filter.input.CursorEnd()
	m.focus = modeList
	m.detail.linkSel = -1
	m.layout()
	cmd := m.filter.input.Focus()
	if text := m.filter.input.Value(); strings.TrimSpace(text) != m.filter.applied {
		seq := m.filter.next()
		cmd = tea.Batch(cmd, filterCmd(m.chron, seq, text, m.filter.latest))
	}
	return m, cmd
}

// filterKey handles a key while the filter bar is open: enter keeps the
// filter, esc clears it, arrows move in the list, the rest is typing.
func (m Model) filterKey(msg tea.KeyPressMsg, km KeyMap) (Model, tea.Cmd) {
	switch {
	case key.Matches(msg, km.Quit):
		return m, tea.Quit
	case key.Matches(msg, km.KeepFilter):
		// the final text decides, not the runs that came back while it
		// was typed: it is parsed here, and a good query's own run (the
		// latest) is still to come or already shown
		m.filter.editing = false
		m.filter.input.Blur()
		text := m.filter.input.Value()
		m.filter.kept = text
		var cmd tea.Cmd
		if _, err := timeline.ParseQuery(text); err != nil {
			cmd = m.rejectQuery(err)
		} else {
			m.filter.err = nil
		}
		m.layout()
		return m, cmd
	case key.Matches(msg, km.DropFilter):
		m.clearFilter()
		return m, nil
	case key.Matches(msg, km.FilterMove):
		if msg.String() == "up" {
			m.list.move(-1)
		} else {
			m.list.move(1)
		}
		m.current = m.list.selected()
		return m, nil
	}
	return m.updateInput(msg)
}

// updateInput hands a message to the text input and, when the text
// changed, starts a filter run for it.
func (m Model) updateInput(msg tea.Msg) (Model, tea.Cmd) {
	before := m.filter.input.Value()
	var cmd tea.Cmd
	m.filter.input, cmd = m.filter.input.Update(msg)
	if text := m.filter.input.Value(); timeline.HarmlessLine(text) != text {
		m.filter.input.SetValue(timeline.DropHidden(text)) // a pasted bidi override, say
	}
	if text := m.filter.input.Value(); text != before {
		seq := m.filter.next()
		cmd = tea.Batch(cmd, filterCmd(m.chron, seq, text, m.filter.latest))
	}
	return m, cmd
}

// rejectQuery is enter (or -q) on a malformed query: no filter, every
// event shown, and the status says what is wrong; the text stays in
// filter.kept for / to bring back.
func (m *Model) rejectQuery(err error) tea.Cmd {
	m.showAll()
	return m.setStatusAbout(scopeFilter, rejectedStatus(err), true)
}

// rejectedStatus is what enter on a malformed query says.
func rejectedStatus(err error) string {
	return "Nothing filtered: " + timeline.HarmlessLine(err.Error()) + "; / to fix the query"
}

// clearFilter closes the bar and shows every event again, keeping the
// current event selected.
func (m *Model) clearFilter() {
	m.filter.editing = false
	m.filter.input.Blur()
	m.filter.input.Reset()
	m.filter.kept = ""
	m.showAll()
}

// showAll drops the filter: every event, the current one still selected;
// a run still on its way is for a text given up.
func (m *Model) showAll() {
	m.filter.next()
	m.filter.applied, m.filter.words, m.filter.err = "", nil, nil
	keep := m.current
	if keep == nil {
		keep = m.list.selected()
	}
	m.list.words = nil
	m.list.setEvents(m.chron.Events, keep)
	m.detail.setWords(nil)
	if m.current == nil {
		m.current = m.list.selected()
	}
	m.layout()
}

// applyFilter shows the result of a filter run unless a newer one was
// started since; a malformed query keeps the last good result and says why.
func (m *Model) applyFilter(msg filteredMsg) {
	if msg.seq != m.filter.seq {
		return
	}
	if msg.err != nil {
		m.filter.err = msg.err
		return
	}
	m.filter.err = nil
	m.filter.applied = strings.TrimSpace(msg.query)
	m.filter.words = msg.words
	keep := m.current
	m.list.words = msg.words
	m.list.setEvents(msg.events, keep)
	m.current = m.list.selected()
	m.detail.setWords(msg.words)
}
