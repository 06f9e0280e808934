package ui

import (
	"bufio"
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"backstory/internal/safefile"
	"backstory/timeline"
	tea "charm.land/bubbletea/v2"
)

// The filter bar's memory: the queries kept before (↑/↓ recall them; they
// are kept across runs in a file of the user's state folder), and tab,
// which completes the value of a field from the chronology's own values.

// maxHistory is the most queries remembered.
const maxQueries = 100

// historyMsg carries the queries read from the history file at start.
type historyMsg struct{ queries []string }

// loadHistoryCmd reads the history file; a file that is missing or
// unreadable is an empty history.
func loadHistoryCmd(path string) tea.Cmd {
	if path == "" {
		return nil
	}
	return func() tea.Msg {
		data, err := os.ReadFile(path)
		if err != nil {
			return historyMsg{}
		}
		var qs []string
		sc := bufio.NewScanner(bytes.NewReader(data))
		for sc.Scan() {
			if q := strings.TrimSpace(sc.Text()); q != "" && len([]rune(q)) <= MaxQuery {
				qs = append(qs, timeline.DropHidden(q))
			}
		}
		return historyMsg{queries: qs[max(0, len(qs)-maxQueries):]}
	}
}

// saveHistoryCmd writes the queries, one a line, atomically; a history
// that cannot be saved is not worth a word on screen.
func saveHistoryCmd(path string, queries []string) tea.Cmd {
	if path == "" {
		return nil
	}
	data := []byte(strings.Join(queries, "\n") + "\n")
	return func() tea.Msg {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err == nil || errors.Is(err, fs.ErrExist) {
			_ = safefile.Write(path, data, true)
		}
		return nil
	}
}

// HistoryFile is where the viewer keeps the queries of the filter bar:
// $XDG_STATE_HOME/backstory/queries, or ~/.local/state/backstory/queries;
// "" when there is no home to keep them in.
func HistoryFile() string {
	dir := os.Getenv("XDG_STATE_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil || home == "" {
			return ""
		}
		dir = filepath.Join(home, ".local", "state")
	}
	return filepath.Join(dir, "backstory", "queries")
}

// SetHistory is the queries kept before, the newest last.
func (f *filterModel) SetHistory(queries []string) {
	f.history = queries
	f.recalled = -1
}

// remember adds a kept query to the history (once, the newest last) and
// returns the command that saves it.
func (f *filterModel) remember(q string) tea.Cmd {
	q = strings.TrimSpace(q)
	if q == "" {
		return nil
	}
	f.history = append(slices.DeleteFunc(slices.Clone(f.history), func(h string) bool { return h == q }), q)
	f.history = f.history[max(0, len(f.history)-maxQueries):]
	return saveHistoryCmd(f.historyFile, f.history)
}

// recall puts an earlier (dir < 0) or later query of the history in the
// bar; past the newest it brings back what was being typed.
func (f *filterModel) recall(dir int) tea.Cmd {
	n := len(f.history)
	if n == 0 {
		f.hint = "No earlier queries yet: enter keeps a query, and ↑ brings it back"
		return nil
	}
	if f.recalled < 0 {
		f.typed = f.input.Value()
		f.recalled = n
	}
	f.recalled = min(max(f.recalled+dir, 0), n)
	text := f.typed
	if f.recalled < n {
		text = f.history[f.recalled]
	}
	f.input.SetValue(text)
	f.input.CursorEnd()
	return filterCmd(f.chron, f.next(), text, f.latest)
}

// completable are the fields tab completes, with where their values come
// from (nil: the fixed values given).
var completable = map[string][]string{
	"tag": nil, "person": nil, "place": nil, "links": nil,
	"claim": {"verified", "unverified", "disputed", "false"},
	"is":    {"unsourced", "disputed", "unverified", "approximate"},
	"has":   {"claim", "source", "link"},
}

// fieldValues is every value of the chronology's tags, people, places
// and ids, sorted, for tab: worked out with the list's facts, off the key
// path.
func fieldValues(c *timeline.Chronology) map[string][]string {
	sets := map[string]map[string]bool{"tag": {}, "person": {}, "place": {}}
	ids := make([]string, 0, len(c.Events))
	for _, e := range c.Events {
		for _, t := range e.Tags {
			sets["tag"][t] = true
		}
		for _, p := range e.People {
			sets["person"][p] = true
		}
		for _, p := range e.Places {
			sets["place"][p] = true
		}
		ids = append(ids, e.ID)
	}
	out := map[string][]string{"links": ids}
	for field, set := range sets {
		vals := make([]string, 0, len(set))
		for v := range set {
			vals = append(vals, v)
		}
		out[field] = vals
	}
	for field, vals := range out {
		sort.Strings(vals)
		out[field] = vals
	}
	return out
}

// SetValues is the chronology's values for tab (fieldValues).
func (f *filterModel) SetValues(v map[string][]string) { f.values = v }

// complete completes the field value at the end of the text: one value
// is written in full (quoted when it has a space), several are completed
// as far as they agree and named under the bar.
func (f *filterModel) complete() tea.Cmd {
	text := f.input.Value()
	start := strings.LastIndexAny(text, " (") + 1
	token := text[start:]
	neg := strings.HasPrefix(token, "-")
	field, partial, ok := strings.Cut(strings.TrimPrefix(token, "-"), ":")
	vals, known := completable[field]
	if !ok || !known {
		f.hint = "tab completes a field's value: tag:, person:, place:, claim:, is:, has:, links:"
		return nil
	}
	if vals == nil {
		vals = f.values[field]
	}
	partial = strings.TrimPrefix(partial, `"`)
	want := timeline.Fold(partial)
	var found []string
	starts := true // every value found starts with what was typed
	for _, v := range vals {
		switch fv := timeline.Fold(v); {
		case strings.HasPrefix(fv, want):
			found = append(found, v)
		case want != "" && strings.Contains(fv, " "+want): // a later word: "sch" finds "Libby Schaaf"
			found = append(found, v)
			starts = false
		}
	}
	var value string
	switch len(found) {
	case 0:
		f.hint = "No " + field + " value starts with “" + timeline.HarmlessLine(partial) + "”"
		return nil
	case 1:
		value = found[0]
		f.hint = ""
	default:
		value = partial
		if p := commonPrefix(found); starts && len([]rune(p)) > len([]rune(partial)) {
			value = p
		}
		f.hint = strings.Join(found[:min(len(found), 8)], ", ")
		if len(found) > 8 {
			f.hint += ", …"
		}
		f.hint = timeline.HarmlessLine(f.hint)
	}
	if strings.ContainsAny(value, ` "`) || strings.HasPrefix(token, field+`:"`) || strings.HasPrefix(token, `-`+field+`:"`) {
		value = `"` + strings.ReplaceAll(value, `"`, "")
		if len(found) == 1 {
			value += `"`
		}
	}
	prefix := field + ":"
	if neg {
		prefix = "-" + prefix
	}
	text = text[:start] + prefix + value
	if len([]rune(text)) > MaxQuery {
		return nil
	}
	f.input.SetValue(text)
	f.input.CursorEnd()
	return filterCmd(f.chron, f.next(), text, f.latest)
}

// commonPrefix is the longest start all of vs share, compared folded,
// taken from the first.
func commonPrefix(vs []string) string {
	first := []rune(vs[0])
	n := len(first)
	for _, v := range vs[1:] {
		r := []rune(v)
		i := 0
		for i < n && i < len(r) && timeline.Fold(string(r[i])) == timeline.Fold(string(first[i])) {
			i++
		}
		n = i
	}
	return string(first[:n])
}
