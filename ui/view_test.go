package ui

import (
	"fmt"
	"strings"
	"testing"

	"backstory/timeline"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
)

// states are the screens the goldens and the size property cover, each
// reached by keys from a fresh viewer.
var states = []struct {
	name string
	keys []string
	text string        // typed after the keys
	then func(*driver) // after the keys: a save, say
}{
	{name: "list"},
	{name: "list-moved", keys: []string{"j", "j", "j"}},
	{name: "detail", keys: []string{"j", "j", "enter"}},
	{name: "link-selected", keys: []string{"j", "j", "j", "enter", "tab", "tab"}},
	{name: "filter", keys: []string{"/"}, text: "schaaf"},
	{name: "filter-kept", keys: []string{"/"}, text: "schaaf"},
	{name: "filter-error", keys: []string{"/"}, text: "oakland from:"},
	// enter on it: nothing filtered, the status says what is wrong
	{name: "filter-rejected", keys: []string{"/"}, text: "oakland from:", then: func(d *driver) { d.press("enter") }},
	{name: "help", keys: []string{"?"}},
	{name: "overview", keys: []string{"j", "i"}},
	{name: "followed", keys: []string{"G", "1"}},
	// the banner: a save that does not load, a file gone, warnings
	{name: "broken", keys: []string{"j", "j"}, then: saveBroken},
	{name: "broken-expanded", keys: []string{"j", "j"}, then: func(d *driver) { saveBroken(d); d.press("!") }},
	{name: "broken-filtering", keys: []string{"/"}, text: "schaaf", then: saveBroken},
	{name: "gone", keys: []string{"j", "j", "enter"}, then: deleteFixture},
	{name: "gone-expanded", keys: []string{"j", "j", "enter"}, then: func(d *driver) { deleteFixture(d); d.press("!") }},
	{name: "warnings", then: func(d *driver) { d.save(withWarnings(d.t, 1)).expireStatus() }},
	{name: "warnings-expanded", then: func(d *driver) { d.save(withWarnings(d.t, 30)).expireStatus().press("!") }},
	{name: "help-with-problems", then: func(d *driver) { saveBroken(d); d.press("?") }},
	// where the earlier states do not reach: a scrolled detail and help,
	// a filter that lets nothing through
	{name: "detail-scrolled", keys: []string{"j", "j", "enter", "pgdown", "j"}},
	{name: "help-scrolled", keys: []string{"?", "pgdown", "j"}},
	{name: "filter-no-results", keys: []string{"/"}, text: "zzqxq"},
	{name: "memo", keys: []string{"x"}},
	// wide text: CJK, emoji, a flag, a family, accents, words longer than
	// any terminal, in the list, the detail, a link and the filter
	{name: "wide-list", then: func(d *driver) { saveWide(d); d.press("G") }},
	{name: "wide-detail", then: func(d *driver) { saveWide(d); d.press("G", "enter", "tab") }},
	{name: "wide-filter", keys: []string{"/"}, text: "東京", then: saveWide},
	// the claims view: all, one status kept (none), the event at a claim
	{name: "claims", keys: []string{"c"}},
	{name: "claims-kept", keys: []string{"c", "v"}},
	{name: "claims-read", keys: []string{"c", "enter"}},
	// the source picker (o with several sources)
	{name: "picker", then: func(d *driver) { saveSources(d); d.press("o", "j") }},
}

// wideEvents are events whose text is wide (two cells a character),
// joined (emoji sequences), combined (accents) or longer than any
// terminal without a space; the last of them is the last event.
var wideEvents = `
[[event]]
id = "wide-2030"
date = 2030-01-02
title = "東京都知事が発表 👩‍👩‍👧‍👦 🇺🇸🇲🇽 e\u0301vénement ` + strings.Repeat("長", 40) + strings.Repeat("x", 300) + `"
tags = ["日本語", "` + strings.Repeat("タグ", 200) + `"]
people = ["山田 太郎"]
links = [{ to = "memo-2025", note = "` + strings.Repeat("注", 200) + `" }, "printz-1997"]
body = """
> 「引用」は長い文章です。これは折り返しが必要なほど長い引用文になっています。🙂🙂🙂

` + strings.Repeat("語", 500) + `

https://example.com/` + strings.Repeat("a", 400) + `

- 項目 ` + strings.Repeat("🙂", 200) + `
"""

[[event.source]]
title = "東京新聞"
url = "https://example.com/東京"
`

// saveWide saves the fixture with the wide events added, and a wide
// title for the header.
func saveWide(d *driver) {
	src := strings.Replace(fixtureSource(d.t), `title = "Test story: the Oakland warning"`,
		`title = "東京と大阪の記録 — 🇺🇸🇲🇽 the Oakland warning"`, 1)
	d.save(src + wideEvents).expireStatus()
}

// brokenEvents are events with several errors and a warning.
const brokenEvents = `
[[event]]
id = "Bad Id"
date = 2020-01-01
title = "An id with capitals"

[[event]]
id = "no-title"
date = "2020-13"
colour = "red"
links = ["nowhere"]
`

// saveBroken saves the fixture with errors added.
func saveBroken(d *driver) { d.save(fixtureSource(d.t) + brokenEvents) }

// deleteFixture reports the fixture's file gone, as the reload of a
// deleted file does.
func deleteFixture(d *driver) {
	d.m.files.seq++
	d.send(reloadedMsg{
		seq:     d.m.files.seq,
		diags:   timeline.Diagnostics{{Pos: timeline.Position{File: "testdata/fixture.toml"}, Message: "no such file or folder"}},
		missing: []string{"testdata/fixture.toml"},
	})
}

// withWarnings is the fixture with n unknown keys in its first event.
func withWarnings(t testing.TB, n int) string {
	src := fixtureSource(t)
	var keys strings.Builder
	for i := range n {
		fmt.Fprintf(&keys, "colour%d = \"red\"\n", i)
	}
	return strings.Replace(src, "id = \"printz-1997\"\n", "id = \"printz-1997\"\n"+keys.String(), 1)
}

func reach(t testing.TB, w, h int, style string, i int) *driver {
	d := newDriver(t, w, h, Options{Style: style})
	s := states[i]
	d.press(s.keys...)
	d.typeText(s.text)
	if s.name == "filter-kept" {
		d.press("enter")
	}
	if s.then != nil {
		s.then(d)
	}
	return d
}

// TestGolden compares the screen, without colours, with the files in
// testdata/TestGolden (go test ./ui -run TestGolden -update rewrites them).
func TestGolden(t *testing.T) {
	for _, size := range [][2]int{{200, 50}, {120, 40}, {80, 24}, {40, 12}} {
		for i, s := range states {
			t.Run(fmt.Sprintf("%dx%d/%s", size[0], size[1], s.name), func(t *testing.T) {
				d := reach(t, size[0], size[1], styleNoTTY, i)
				golden.RequireEqual(t, []byte(d.screen()+"\n"))
			})
		}
	}
}

// TestEverySizeFits: at every size, in every state and both kinds of
// styling, no line is wider than the terminal and there are no more lines
// than its height; nothing panics, down to 1x1.
func TestEverySizeFits(t *testing.T) {
	widths := []int{1, 2, 3, 5, 10, 19, 20, 21, 30, 34, 40, 60, 80, 89, 90, 91, 120, 300}
	heights := []int{1, 2, 3, 4, 6, 7, 12, 24, 100}
	if testing.Short() {
		widths, heights = []int{1, 20, 40, 90, 120}, []int{1, 3, 6, 24}
	}
	for _, w := range widths {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			t.Parallel()
			for _, h := range heights {
				style := styleDark
				if (w+h)%2 == 0 {
					style = styleNoTTY
				}
				// the loading screen: before anything arrives, with its
				// progress, and loaded but waiting for the terminal to
				// tell its background (plain styles until then)
				for _, st := range []string{style, ""} {
					m := New(Options{Style: st})
					nm, _ := m.Update(tea.WindowSizeMsg{Width: w, Height: h})
					checkScreen(t, nm.(*Model), w, h, "loading "+st)
					nm, _ = nm.Update(loadProgressMsg{done: 5, total: 10})
					checkScreen(t, nm.(*Model), w, h, "loading with progress "+st)
					if st == "" {
						nm, _ = nm.Update(loadedMsg{chron: fixture(t), label: "fixture.toml"})
						checkScreen(t, nm.(*Model), w, h, "loaded, waiting for the background")
					}
				}
				for i, s := range states {
					d := reach(t, w, h, style, i)
					checkScreen(t, d.m, w, h, s.name)
				}
			}
		})
	}
}

// checkScreen checks the view, and the screen before View's last guard
// (clip) cuts it: every component keeps to its box by itself, so that
// nothing is cut off mid-way, without its "…", by the guard.
func checkScreen(t testing.TB, m *Model, w, h int, what string) {
	t.Helper()
	checkFits(t, m.View().Content, w, h, what)
	checkFits(t, m.compose(), w, h, what+" (unclipped)")
}

// TestPaneWidths: side by side, the list gets close to half the width,
// the detail keeps a reading width, and nothing is lost between them.
func TestPaneWidths(t *testing.T) {
	prev := 0
	for w := wideWidth; w <= 400; w++ {
		list, detail := paneWidths(w)
		if list+dividerCols+detail != w || detail < minDetailW || detail > maxDetailW || list < prev {
			t.Fatalf("at %d: list %d, detail %d (list was %d)", w, list, detail, prev)
		}
		prev = list
	}
	for _, tc := range []struct{ w, list int }{{90, 38}, {100, 45}, {120, 54}, {160, 72}, {200, 98}} {
		if list, _ := paneWidths(tc.w); list != tc.list {
			t.Errorf("at %d the list is %d wide, want %d", tc.w, list, tc.list)
		}
	}
	// at 100 columns a list row has 26 cells for the title beside a date
	// column wide enough for the fixture's span (it had 23 before the
	// list got 45% of the width, 28 before spans)
	d := newDriver(t, 100, 30, Options{})
	if !strings.Contains(d.screen(), "Homan condemns Schaaf's w…") {
		t.Errorf("title cut at 100 columns:\n%s", d.screen())
	}
}

// TestResize lays everything out again at each new size.
func TestResize(t *testing.T) {
	d := newDriver(t, 120, 40, Options{})
	d.press("j", "j", "enter")
	for _, size := range [][2]int{{80, 24}, {40, 12}, {20, 6}, {1, 1}, {200, 60}, {91, 30}, {89, 30}} {
		d.send(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		checkScreen(t, d.m, size[0], size[1], "after resize")
		if d.current() != "homan-condemns" {
			t.Fatalf("at %v the detail shows %q", size, d.current())
		}
		if size[0] >= 20 && size[1] >= 6 && !strings.Contains(d.screen(), "Homan") {
			t.Errorf("at %v the detail does not show the event:\n%s", size, d.screen())
		}
		if d.m.detail.width > 0 && d.m.detail.key.width != d.m.detail.width {
			t.Errorf("at %v the detail was rendered for width %d, pane is %d", size, d.m.detail.key.width, d.m.detail.width)
		}
	}
}

// TestSafety: control characters, escape sequences and bidi overrides
// from the data are shown as visible symbols, in the list and the detail.
func TestSafety(t *testing.T) {
	d := newDriver(t, 120, 40, Options{})
	d.press("/")
	d.typeText("unsafe")
	d.press("enter", "enter")
	view := d.m.View().Content
	plain := ansi.Strip(view)
	for _, r := range plain {
		if (r < 0x20 && r != '\n') || r == 0x7f || (r >= 0x80 && r < 0xa0) || r == 0x202e || r == 0x202c {
			t.Fatalf("the screen holds the raw character %U:\n%s", r, plain)
		}
	}
	for _, want := range []string{"␛]0;PWNED␇", "<U+202E>bidi", "␛[2J", "<U+009B>"} {
		if !strings.Contains(plain, want) {
			t.Errorf("the screen does not show %q harmlessly:\n%s", want, plain)
		}
	}
	// the only escape sequences left are the styles' own SGR and OSC 8
	for _, seq := range []string{"\x1b]0;", "\x1b[2J", "\x07"} {
		if strings.Contains(view, seq) {
			t.Errorf("the view holds %q", seq)
		}
	}
}

// TestWideText: wide and combining characters (CJK, emoji, accents) never
// push a line past the terminal.
func TestWideText(t *testing.T) {
	src := `title = "東京と大阪の記録 — a chronology with wide text 🇺🇸🇲🇽"
[[event]]
id = "a"
date = 2020-01-02
title = "東京都知事が発表 👩‍👩‍👧‍👦 e\u0301vénement très long avec des accents et des mots"
tags = ["日本語"]
links = ["b"]
body = """
> 「引用」は長い文章です。これは折り返しが必要なほど長い引用文になっています。🙂🙂🙂
"""
[[event]]
id = "b"
date = "2021"
title = "🇺🇸🇲🇽🇨🇦 flags 漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字漢字"
body = "全角の本文。"
`
	c, diags := timeline.Parse("wide.toml", []byte(src))
	if c == nil {
		t.Fatal(diags)
	}
	load := func(func(int64, int64)) (*timeline.Chronology, timeline.Diagnostics, string) {
		return c, diags, "wide.toml"
	}
	for _, w := range []int{1, 2, 3, 7, 20, 33, 41, 60, 90, 91, 121} {
		for _, h := range []int{1, 3, 6, 12, 30} {
			d := newDriver(t, w, h, Options{Load: load, Style: styleDark})
			checkScreen(t, d.m, w, h, "list")
			d.press("enter", "tab")
			checkScreen(t, d.m, w, h, "detail")
			d.press("/")
			d.typeText("東京")
			checkScreen(t, d.m, w, h, "filter")
		}
	}
}
