package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"backstory/timeline"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

var filterKeys = []keyCase{
	{name: "typing narrows", setup: []string{"/"}, text: "schaaf",
		check: func(t *testing.T, d *driver) {
			wantIDs(t, d, "homan-condemns", "schaaf-warning")
			if !strings.Contains(d.screen(), "2/8") {
				t.Errorf("no count:\n%s", d.screen())
			}
		}},
	{name: "accents fold", setup: []string{"/"}, text: "mexico", check: func(t *testing.T, d *driver) { wantIDs(t, d, "lawsuit-2018") }},
	{name: "enter keeps", setup: []string{"/"}, text: "schaaf", press: []string{"enter"},
		check: func(t *testing.T, d *driver) {
			wantFocus(modeList)(t, d)
			wantIDs(t, d, "homan-condemns", "schaaf-warning")
			if !strings.Contains(d.screen(), "/schaaf 2/8") {
				t.Errorf("header does not show the filter:\n%s", d.screen())
			}
		}},
	{name: "esc clears", setup: []string{"/"}, text: "schaaf", press: []string{"esc"},
		check: func(t *testing.T, d *driver) {
			wantFocus(modeList)(t, d)
			if len(d.m.list.events) != 8 || d.m.filter.input.Value() != "" {
				t.Errorf("%d events, input %q", len(d.m.list.events), d.m.filter.input.Value())
			}
		}},
	{name: "ctrl+n moves the list", setup: []string{"/"}, text: "schaaf", press: []string{"ctrl+n"}, check: wantSelected("schaaf-warning")},
	{name: "ctrl+p moves the list back", setup: []string{"/"}, text: "schaaf", press: []string{"ctrl+n", "ctrl+p"},
		check: wantSelected("homan-condemns")},
	{name: "↑ recalls the query kept before", setup: []string{"/"}, text: "schaaf",
		press: []string{"enter", "esc", "/", "up"}, check: func(t *testing.T, d *driver) {
			if v := d.m.filter.input.Value(); v != "schaaf" {
				t.Errorf("↑ brought %q", v)
			}
			wantIDs(t, d, "homan-condemns", "schaaf-warning")
		}},
	{name: "↓ past the newest brings back what was typed", setup: []string{"/"}, text: "schaaf",
		press: []string{"enter", "esc", "/", "o", "a", "k", "up", "down"}, check: func(t *testing.T, d *driver) {
			if v := d.m.filter.input.Value(); v != "oak" {
				t.Errorf("↓ brought %q", v)
			}
		}},
	{name: "/ after esc offers the last query", setup: []string{"/"}, text: "schaaf",
		press: []string{"enter", "esc", "/"}, check: wantOnScreen("↑ schaaf")},
	{name: "tab completes a person", setup: []string{"/"}, text: "person:lib", press: []string{"tab"},
		check: func(t *testing.T, d *driver) {
			if v := d.m.filter.input.Value(); v != `person:"Libby Schaaf"` {
				t.Errorf("tab made %q", v)
			}
			wantIDs(t, d, "schaaf-warning")
		}},
	{name: "tab names the values it cannot choose between", setup: []string{"/"}, text: "claim:", press: []string{"tab"},
		check: wantOnScreen("verified, unverified, disputed, false")},
	{name: "tab says what it completes", setup: []string{"/"}, text: "oakland", press: []string{"tab"},
		check: wantOnScreen("tab completes a field's value")},
	{name: "letters type, not move", setup: []string{"/"}, press: []string{"j", "k", "q", "g", "?", "1"},
		check: func(t *testing.T, d *driver) {
			wantNoQuit(t, d)
			wantFocus(modeFilter)(t, d)
			if v := d.m.filter.input.Value(); v != "jkqg?1" {
				t.Errorf("input %q", v)
			}
		}},
	{name: "backspace edits", setup: []string{"/"}, text: "schaafx", press: []string{"backspace"},
		check: func(t *testing.T, d *driver) { wantIDs(t, d, "homan-condemns", "schaaf-warning") }},
	{name: "a malformed query keeps the last good result", setup: []string{"/"}, text: "schaaf from:",
		check: func(t *testing.T, d *driver) {
			if d.m.filter.err == nil || !strings.Contains(d.screen(), "from:") {
				t.Errorf("no error shown:\n%s", d.screen())
			}
			if d.m.filter.applied != "schaaf from" {
				t.Errorf("applied %q", d.m.filter.applied)
			}
		}},
	{name: "enter on a malformed query filters nothing and says why", setup: []string{"/"}, text: "schaaf year:20x", press: []string{"enter"},
		check: func(t *testing.T, d *driver) {
			wantRejected(t, d, "schaaf year:20x")
		}},
	{name: "enter on a malformed first query filters nothing", setup: []string{"/"},
		check: func(t *testing.T, d *driver) {
			d.send(tea.PasteMsg{Content: "year:20x"})
			d.press("enter")
			wantRejected(t, d, "year:20x")
		}},
	{name: "enter on a malformed change of a kept filter drops it", setup: []string{"/"}, text: "schaaf",
		press: []string{"enter", "/"},
		check: func(t *testing.T, d *driver) {
			d.typeText(" tag:").press("enter")
			wantRejected(t, d, "schaaf tag:")
		}},
	{name: "/ brings back the malformed text to fix", setup: []string{"/"}, text: "schaaf year:20x", press: []string{"enter", "/"},
		check: func(t *testing.T, d *driver) {
			wantFocus(modeFilter)(t, d)
			if v := d.m.filter.input.Value(); v != "schaaf year:20x" {
				t.Errorf("the bar holds %q, want what was typed", v)
			}
			if d.m.filter.err == nil || !strings.Contains(d.screen(), "bad year") {
				t.Errorf("the bar does not say what is wrong:\n%s", d.screen())
			}
			if d.m.status.text != "" || len(d.m.list.events) != 8 {
				t.Errorf("status %q, %d events", d.m.status.text, len(d.m.list.events))
			}
		}},
	{name: "the fixed query is kept", setup: []string{"/"}, text: "schaaf year:20x",
		press: []string{"enter", "/", "backspace", "1", "8", "enter"},
		check: func(t *testing.T, d *driver) {
			wantFocus(modeList)(t, d)
			wantIDs(t, d, "homan-condemns", "schaaf-warning")
			if d.m.filter.applied != "schaaf year:2018" || d.m.status.text != "" {
				t.Errorf("applied %q, status %q", d.m.filter.applied, d.m.status.text)
			}
		}},
	{name: "esc after a malformed query forgets it", setup: []string{"/"}, text: "schaaf year:20x", press: []string{"enter", "/", "esc", "/"},
		check: func(t *testing.T, d *driver) {
			if v := d.m.filter.input.Value(); v != "" {
				t.Errorf("the bar holds %q", v)
			}
		}},
	{name: "paste", setup: []string{"/"},
		check: func(t *testing.T, d *driver) {
			d.send(tea.PasteMsg{Content: "memo"})
			wantIDs(t, d, "memo-2025")
		}},
	{name: "stale results are dropped", setup: []string{"/"}, text: "schaaf",
		check: func(t *testing.T, d *driver) {
			d.send(filteredMsg{seq: d.m.filter.seq - 1, query: "s", events: d.m.chron.Events})
			wantIDs(t, d, "homan-condemns", "schaaf-warning")
		}},
	{name: "a stale run does no work", setup: []string{"/"}, text: "schaaf",
		check: func(t *testing.T, d *driver) {
			if msg := filterCmd(d.m.chron, d.m.filter.seq-1, "s", d.m.filter.latest)(); msg != nil {
				t.Errorf("stale run returned %v", msg)
			}
		}},
	{name: "ctrl+c quits", setup: []string{"/"}, press: []string{"ctrl+c"}, check: wantQuit},
	{name: "matches are highlighted", setup: []string{"/"}, text: "schaaf",
		check: func(t *testing.T, d *driver) {
			view := d.m.View().Content
			if !strings.Contains(view, d.m.st.Match.Render("Schaaf")) {
				t.Errorf("no highlighted match in %q", view)
			}
		}},
}

// wantRejected wants enter on the malformed query text to have filtered
// nothing: the bar closed, every event listed, no filter in the header,
// the status saying what is wrong, and the text kept for / to bring back.
func wantRejected(t *testing.T, d *driver, text string) {
	t.Helper()
	q, err := timeline.ParseQuery(text)
	if err == nil {
		err = q.Check(d.m.chron)
	}
	if err == nil {
		t.Fatalf("%q is a good query", text)
	}
	wantFocus(modeList)(t, d)
	wantStatusIs(rejectedStatus(err))(t, d)
	if d.m.filter.Active() || len(d.m.list.events) != d.m.chron.Len() || d.m.filter.err != nil {
		t.Errorf("filter %q (err %v), %d events, want none, all %d", d.m.filter.applied, d.m.filter.err,
			len(d.m.list.events), d.m.chron.Len())
	}
	if head := strings.SplitN(d.screen(), "\n", 2)[0]; strings.Contains(head, "/") {
		t.Errorf("the header shows a filter: %q", head)
	}
	if d.m.filter.kept != text {
		t.Errorf("/ would bring back %q, want %q", d.m.filter.kept, text)
	}
}

func TestFilterDropsControls(t *testing.T) {
	d := newDriver(t, 80, 24, Options{})
	d.press("/")
	d.send(tea.PasteMsg{Content: "sch\u202eaaf\x1b[2J"})
	if v := d.m.filter.input.Value(); v != "schaaf[2J" {
		t.Errorf("input %q", v)
	}
	// what joins text stays: a Persian word, an emoji
	d.press("esc", "/")
	d.send(tea.PasteMsg{Content: "می\u200cخواهم 👩\u200d💻"})
	if v := d.m.filter.input.Value(); v != "می\u200cخواهم 👩\u200d💻" {
		t.Errorf("input %q", v)
	}
}

// TestFilterHugePaste: a megabyte pasted into the filter bar by mistake is
// cut to MaxQuery characters, and the screen still fits.
func TestFilterHugePaste(t *testing.T) {
	d := newDriver(t, 80, 24, Options{})
	d.press("/")
	d.send(tea.PasteMsg{Content: strings.Repeat("schaaf ", 150_000)})
	if n := len([]rune(d.m.filter.input.Value())); n != MaxQuery {
		t.Errorf("the filter holds %d characters, want %d", n, MaxQuery)
	}
	d.press("x")
	for i, l := range strings.Split(d.screen(), "\n") {
		if w := ansi.StringWidth(l); w > 80 {
			t.Errorf("line %d is %d wide", i, w)
		}
	}
}

// typeAt types text into the filter bar as at a speed: the runs started by
// the first delivered keys come back before the next key, the rest are
// still on their way when the keys in then (enter, say) are pressed, and
// arrive after them, in order. delivered = len(text) is typeText; 0 is a
// typist faster than any run.
func typeAt(d *driver, text string, delivered int, then ...string) {
	d.t.Helper()
	var late []tea.Cmd
	for i, r := range []rune(text) {
		msg := tea.KeyPressMsg{Code: r, Text: string(r)}
		if i < delivered {
			d.send(msg)
			continue
		}
		m, cmd := d.m.Update(msg)
		d.m = m.(*Model)
		late = append(late, cmd)
	}
	d.press(then...)
	for _, cmd := range late {
		d.run(cmd)
	}
}

// TestFilterEnterIgnoresTypingSpeed: what enter leaves depends on the text
// typed, never on which filter runs came back while it was typed. A
// malformed query filters nothing (not a good prefix of it such as
// "schaaf year:2018" or the word "from"), says what is wrong, and / brings
// the text back; a good query is kept with its own result.
func TestFilterEnterIgnoresTypingSpeed(t *testing.T) {
	chron := fixture(t)
	for _, text := range []string{
		"schaaf year:2018-13", // "schaaf year:2018" on the way is good
		"from:2018-13",        // "from" on the way is a word
		"schaaf tag:",         // "schaaf tag" on the way is good
		"oakland from:",
		"schaaf year:2018", // good
		"schaaf",
		"zzqxq",                          // good, nothing matches
		"links:printz-199",               // no such event: "links:printz-1997" is one
		"links:printz-1997",              // good
		"(oakland OR schaaf) -year:2019", // good
		"oakland OR",
	} {
		q, err := timeline.ParseQuery(text)
		if err == nil {
			err = q.Check(chron)
		}
		var want []string
		if err == nil {
			for _, e := range q.Filter(chron) {
				want = append(want, e.ID)
			}
		}
		check := func(t *testing.T, d *driver) {
			t.Helper()
			if err != nil {
				wantRejected(t, d, text)
				d.press("/")
				if v := d.m.filter.input.Value(); v != text {
					t.Errorf("/ brings back %q, want %q", v, text)
				}
				return
			}
			wantFocus(modeList)(t, d)
			wantIDs(t, d, want...)
			if d.m.filter.applied != text || d.m.status.text != "" {
				t.Errorf("applied %q, status %q; want %q kept silently", d.m.filter.applied, d.m.status.text, text)
			}
		}
		t.Run(text+"/pasted", func(t *testing.T) {
			d := newDriver(t, 120, 40, Options{})
			d.press("/")
			d.send(tea.PasteMsg{Content: text})
			d.press("enter")
			check(t, d)
		})
		// every speed: the first n keys' runs back in time, the rest late
		for n := 0; n <= len([]rune(text)); n++ {
			t.Run(fmt.Sprintf("%s/%d of %d runs back before enter", text, n, len([]rune(text))), func(t *testing.T) {
				d := newDriver(t, 120, 40, Options{})
				d.press("/")
				typeAt(d, text, n, "enter")
				check(t, d)
			})
		}
		// a kept filter first: the malformed change drops it
		t.Run(text+"/over a kept filter", func(t *testing.T) {
			d := newDriver(t, 120, 40, Options{})
			d.press("/").typeText("memo").press("enter", "/")
			for range 4 {
				d.press("backspace")
			}
			typeAt(d, text, len([]rune(text))/2, "enter")
			check(t, d)
		})
	}
}

// TestMalformedStartQuery: a malformed -q (main checks it first; a caller
// of the package may not) is taken as enter on it in the bar would.
func TestMalformedStartQuery(t *testing.T) {
	d := newDriver(t, 120, 40, Options{Query: "schaaf year:20x"})
	wantRejected(t, d, "schaaf year:20x")
	d.press("/")
	if v := d.m.filter.input.Value(); v != "schaaf year:20x" || d.m.filter.err == nil {
		t.Errorf("/ brings back %q (error %v)", v, d.m.filter.err)
	}
}

// TestFilterSelectionIgnoresSpeed: what a filter leaves selected does not
// depend on which results of the typing came back while it was typed: the
// event selected before / when the result holds it, else its first event.
func TestFilterSelectionIgnoresSpeed(t *testing.T) {
	for _, tc := range []struct {
		setup []string
		text  string
		want  string
	}{
		{[]string{"j", "j", "j"}, "schaaf year:2018", "schaaf-warning"}, // kept: it matches
		{nil, "schaaf year:2018", "homan-condemns"},                     // printz does not: the first match
		{[]string{"G"}, "person:schaaf", "schaaf-warning"},              // "pers" on the way matches other events
	} {
		for n := 0; n <= len([]rune(tc.text)); n++ {
			d := newDriver(t, 120, 40, Options{})
			d.press(tc.setup...)
			d.press("/")
			typeAt(d, tc.text, n, "enter")
			if d.selected() != tc.want {
				t.Errorf("%v then %q with %d runs back in time: selected %q, want %q", tc.setup, tc.text, n, d.selected(), tc.want)
			}
		}
	}
	// esc in the bar goes back to the event selected before /
	d := newDriver(t, 120, 40, Options{})
	d.press("j", "/")
	d.typeText("schaaf")
	d.press("esc")
	wantSelected("sb54-signed")(t, d)
}

// TestFilterHistoryKept: the queries kept are in the history file for the
// next run, newest last, each once.
func TestFilterHistoryKept(t *testing.T) {
	file := filepath.Join(t.TempDir(), "state", "queries")
	d := newDriver(t, 120, 40, Options{HistoryFile: file})
	for _, q := range []string{"schaaf", "tag:court", "schaaf"} {
		d.press("/")
		for range 40 {
			d.press("backspace")
		}
		d.typeText(q)
		d.press("enter", "esc")
	}
	data, err := os.ReadFile(file)
	if err != nil || string(data) != "tag:court\nschaaf\n" {
		t.Fatalf("history file %q (%v)", data, err)
	}
	e := newDriver(t, 120, 40, Options{HistoryFile: file})
	e.press("/", "up", "up")
	if v := e.m.filter.input.Value(); v != "tag:court" {
		t.Errorf("the next run recalls %q", v)
	}
}

// TestCompleteALaterWord: tab finds a value by any of its words, as the
// query does ("sch" is Libby Schaaf).
func TestCompleteALaterWord(t *testing.T) {
	d := newDriver(t, 120, 40, Options{})
	d.press("/").typeText("person:sch").press("tab")
	if v := d.m.filter.input.Value(); v != `person:"Libby Schaaf"` {
		t.Errorf("tab made %q", v)
	}
}
