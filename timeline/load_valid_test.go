package timeline

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

// mustParse loads a chronology from src, failing the test on any
// diagnostic.
func mustParse(t *testing.T, src string) *Chronology {
	t.Helper()
	c, diags := Parse("md.toml", []byte(src))
	if c == nil || len(diags) > 0 {
		t.Fatalf("does not load:\n%s", diags)
	}
	return c
}

// plainEvent returns a copy of e without its unexported fields, to compare
// with an expected Event.
func plainEvent(e *Event) Event {
	c := *e
	c.order = 0
	c.Sources = slices.Clone(c.Sources)
	for i := range c.Sources {
		c.Sources[i].URLPos = Position{} // (TestSourceURLPos)
	}
	return c
}

// TestSourceURLPos: a source knows where its url is, for the messages of
// check --links.
func TestSourceURLPos(t *testing.T) {
	const file = "testdata/valid/complete.toml"
	c, _ := Load(file)
	s := c.Event("second-event").Sources[0]
	if want := (Position{File: file, Line: 59, Col: 7}); s.URLPos != want {
		t.Errorf("URLPos = %+v, want %+v", s.URLPos, want)
	}
}

func TestLoadComplete(t *testing.T) {
	const file = "testdata/valid/complete.toml"
	c, diags := Load(file)
	if c == nil || len(diags) > 0 {
		t.Fatalf("does not load cleanly:\n%s", diags)
	}
	if c.Title != "A complete chronology" {
		t.Errorf("Title = %q", c.Title)
	}
	if want := "An overview in **Markdown**.\n\nSecond paragraph.\n"; c.Description != want {
		t.Errorf("Description = %q, want %q", c.Description, want)
	}
	if !reflect.DeepEqual(c.Files, []string{file}) {
		t.Errorf("Files = %q", c.Files)
	}
	wantEras := []Era{
		{Title: "Before", Start: MustDate("1990"), End: MustDate("2000-12-31"), Pos: Position{File: file, Line: 10}},
		{Title: "After", Start: MustDate("2001-01-01"), Pos: Position{File: file, Line: 15}},
	}
	if !reflect.DeepEqual(c.Eras, wantEras) {
		t.Errorf("Eras\n got %+v\nwant %+v", c.Eras, wantEras)
	}

	want := []Event{
		{
			ID:    "first-event",
			Date:  MustDate("2018"),
			Title: "The first event",
			Sources: []Source{{
				Title:     "A source known to the month",
				URL:       "http://example.org/",
				Published: MustDate("2018-01"),
			}},
			Backlinks: []Backlink{{From: "second-event"}, {From: "third-event", Note: "background"}},
			Pos:       Position{File: file, Line: 76},
			Index:     0,
		},
		{
			ID:          "second-event",
			Date:        MustDate("2018-02-24"),
			End:         MustDate("2018-03"),
			DisplayDate: "Late February to March 2018",
			Approximate: true,
			Title:       "The second event, with every field",
			Summary:     "A span that links back and forward.",
			Tags:        []string{"alpha", "beta"},
			People:      []string{"Ana María Pérez", "John Doe"},
			Places:      []string{"Oakland, Calif.", "Washington, D.C."},
			Links:       []Link{{To: "first-event"}, {To: "third-event", Note: "what followed"}},
			Body:        "First paragraph.\n\n- a list item\n",
			Sources: []Source{
				{
					Title:     "A source with everything",
					Publisher: "The Daily Example",
					URL:       "https://example.com/a?x=1#frag",
					Published: MustDate("2018-02-25"),
					Quote:     "an excerpt, verbatim",
				},
				{Title: "A bare source"},
			},
			Claims: []Claim{
				{Text: "The event happened in March.", Status: Disputed, Note: "It began in February.", Sources: []int{2, 1}},
				{Text: "It was reported.", Status: Verified},
			},
			Backlinks: []Backlink{{From: "third-event"}},
			Pos:       Position{File: file, Line: 35},
			Index:     1,
		},
		{
			ID:    "third-event",
			Date:  Date{Year: 2018, Month: 6, Day: 1, Precision: PrecisionDay, Clock: "09:30 -07:00"},
			Title: "The third event",
			Links: []Link{{To: "first-event", Note: "background"}, {To: "second-event"}},
			Claims: []Claim{
				{Text: "An unverified thing", Status: Unverified},
				{Text: "A wrong thing", Status: False, Note: "It never happened."},
			},
			Backlinks: []Backlink{{From: "second-event", Note: "what followed"}},
			Pos:       Position{File: file, Line: 20},
			Index:     2,
		},
	}
	if c.Len() != len(want) || len(c.Events) != len(want) {
		t.Fatalf("%d events, want %d", c.Len(), len(want))
	}
	for i, e := range c.Events {
		if got := plainEvent(e); !reflect.DeepEqual(got, want[i]) {
			t.Errorf("event %d\n got %+v\nwant %+v", i, got, want[i])
		}
		if c.Event(e.ID) != e {
			t.Errorf("Event(%q) is not the event in the list", e.ID)
		}
	}
	if c.Event("no-such-event") != nil {
		t.Error("Event of a missing id is not nil")
	}

	// the predicates of the format
	first, second, third := c.Events[0], c.Events[1], c.Events[2]
	if first.Disputed() || !second.Disputed() || !third.Disputed() {
		t.Error("Disputed() is wrong")
	}
	if first.Unsourced() || second.Unsourced() || !third.Unsourced() {
		t.Error("Unsourced() is wrong")
	}
	if first.HasUnverified() || second.HasUnverified() || !third.HasUnverified() {
		t.Error("HasUnverified() is wrong")
	}
	if f, l := second.Span(); f != 20180224 || l != 20180331 {
		t.Errorf("Span() = %d, %d", f, l)
	}
	if f, l := first.Span(); f != 20180101 || l != 20181231 {
		t.Errorf("Span() = %d, %d", f, l)
	}
}

// writeFiles writes name → content into a new temporary folder.
func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestLoadFolder(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"b.toml": `title = "Second title"
[[event]]
id = "b-one"
date = 2019-05-01
title = "B one"
links = [{ to = "a-one", note = "across files" }]
`,
		"a.toml": `title = "Merged"
description = "From a"
[[era]]
title = "Era of a"
start = "2018"
[[event]]
id = "a-one"
date = 2019-05-01
title = "A one"
links = ["b-one"]
[[event]]
id = "a-two"
date = "2019"
title = "A two"
`,
		"notes.txt":          "not = toml = at all [[[",
		"backup.toml~":       "not toml either",
		"sub.toml/c.toml":    "also not read",
		"sub/d.toml":         "nor this",
		"README.md":          "# not read",
		"z-description.toml": "description = \"From z\"\n",
	})
	a, b, z := filepath.Join(dir, "a.toml"), filepath.Join(dir, "b.toml"), filepath.Join(dir, "z-description.toml")

	files, diags := Files(dir)
	if len(diags) > 0 || !reflect.DeepEqual(files, []string{a, b, z}) {
		t.Errorf("Files(dir) = %q\n%s", files, diags)
	}
	// a file is read once, however many times it is named
	files, diags = Files(b, dir)
	if len(diags) > 0 || !reflect.DeepEqual(files, []string{b, a, z}) {
		t.Errorf("Files(b, dir) = %q\n%s", files, diags)
	}

	c, diags := Load(dir)
	if c == nil || len(diags) > 0 {
		t.Fatalf("does not load:\n%s", diags)
	}
	if c.Title != "Merged" || c.Description != "From a" {
		t.Errorf("Title, Description = %q, %q: want the first ones read", c.Title, c.Description)
	}
	if !reflect.DeepEqual(c.Files, []string{a, b, z}) {
		t.Errorf("Files = %q", c.Files)
	}
	if len(c.Eras) != 1 || c.Eras[0].Pos.File != a {
		t.Errorf("Eras = %+v", c.Eras)
	}
	var got []string
	for _, e := range c.Events {
		got = append(got, fmt.Sprintf("%s@%s:%d", e.ID, filepath.Base(e.Pos.File), e.Pos.Line))
	}
	// a-two is coarser; a-one and b-one tie and keep the read order
	if want := "a-two@a.toml:11 a-one@a.toml:6 b-one@b.toml:2"; strings.Join(got, " ") != want {
		t.Errorf("events %v, want %s", got, want)
	}
	if bl := c.Event("a-one").Backlinks; !reflect.DeepEqual(bl, []Backlink{{From: "b-one", Note: "across files"}}) {
		t.Errorf("a-one backlinks = %+v", bl)
	}
	if bl := c.Event("b-one").Backlinks; !reflect.DeepEqual(bl, []Backlink{{From: "a-one"}}) {
		t.Errorf("b-one backlinks = %+v", bl)
	}
}

func TestLoadDuplicateAcrossFiles(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.toml": `title = "A"
[[event]]
id = "same"
date = 2019-05-01
title = "In a"
`,
		"b.toml": `# b
[[event]]
id = "other"
date = 2019-05-02
title = "Other"

[[event]]
id = "same"
date = 2019-05-03
title = "In b"
`,
	})
	a, b := filepath.Join(dir, "a.toml"), filepath.Join(dir, "b.toml")
	c, diags := Load(dir)
	want := fmt.Sprintf("%s:8:6: event \"same\": id: duplicate id \"same\": already used by the event at %s:2\n", b, a)
	if c != nil || diags.String() != want {
		t.Errorf("got c=%v\n%s\nwant\n%s", c != nil, diags, want)
	}
	// given in the other order, the first file read keeps the id
	c, diags = Load(b, a)
	want = fmt.Sprintf("%s:3:6: event \"same\": id: duplicate id \"same\": already used by the event at %s:7\n", a, b)
	if c != nil || diags.String() != want {
		t.Errorf("got c=%v\n%s\nwant\n%s", c != nil, diags, want)
	}
}

func TestLoadMissingAndEmpty(t *testing.T) {
	dir := writeFiles(t, map[string]string{"empty/notes.txt": "x"})
	missing := filepath.Join(dir, "nope.toml")
	empty := filepath.Join(dir, "empty")
	tests := []struct {
		paths []string
		want  string
	}{
		{[]string{missing}, missing + ": no such file or folder\n"},
		{[]string{empty}, empty + ": the folder has no .toml files\n"},
		{[]string{missing, empty}, missing + ": no such file or folder\n" + empty + ": the folder has no .toml files\n"},
		{[]string{"testdata/valid/complete.toml", missing}, missing + ": no such file or folder\n"},
	}
	for _, tt := range tests {
		c, diags := Load(tt.paths...)
		if c != nil || diags.String() != tt.want {
			t.Errorf("Load(%q): c=%v\n%s\nwant\n%s", tt.paths, c != nil, diags, tt.want)
		}
		files, fdiags := Files(tt.paths...)
		if fdiags.String() != tt.want {
			t.Errorf("Files(%q) diagnostics\n%s\nwant\n%s", tt.paths, fdiags, tt.want)
		}
		for _, f := range files {
			if f == missing || f == empty {
				t.Errorf("Files(%q) lists %s", tt.paths, f)
			}
		}
	}
}

func TestLoadWarningsKeepChronology(t *testing.T) {
	src := `title = "t"
colour = "blue"
[[event]]
id = "a"
date = 2018-01-01
tittle = "typo"
title = "A"
links = [{ to = "a", why = "self" }]
[[event.source]]
title = "s"
urls = "https://example.com"
`
	c, diags := Parse("w.toml", []byte(src))
	want := `w.toml:2:1: warning: chronology: unknown key "colour" is ignored
w.toml:6:1: warning: event "a": unknown key "tittle" is ignored (did you mean "title"?)
w.toml:8:10: warning: event "a": links item 1: unknown key "why" is ignored (a link has to and note)
w.toml:8:17: warning: event "a": links item 1: the event links to itself
w.toml:11:1: warning: event "a": source #1: unknown key "urls" is ignored (did you mean "url"?)
`
	if diags.String() != want {
		t.Errorf("diagnostics\n%s\nwant\n%s", diags, want)
	}
	if c == nil || diags.HasErrors() || len(diags.Warnings()) != 5 {
		t.Fatalf("warnings must leave the chronology loaded: c=%v", c != nil)
	}
	if c.Len() != 1 || c.Events[0].Title != "A" || c.Events[0].Sources[0].URL != "" {
		t.Errorf("loaded %+v", c.Events)
	}
}

func TestLoadBOM(t *testing.T) {
	c, diags := Parse("bom.toml", []byte("\xef\xbb\xbftitle = \"With a BOM\"\n[[event]]\nid = \"a\"\ndate = 2018-01-01\ntitle = \"A\"\n"))
	if c == nil || len(diags) > 0 {
		t.Fatalf("a file with a UTF-8 BOM does not load:\n%s", diags)
	}
	if c.Title != "With a BOM" || c.Events[0].Pos.Line != 2 {
		t.Errorf("Title %q, event at line %d", c.Title, c.Events[0].Pos.Line)
	}
	// columns on the first line are counted without the BOM
	_, diags = Parse("bom.toml", []byte("\xef\xbb\xbfdescription = 5\ntitle = \"t\"\n"))
	if want := "bom.toml:1:15: chronology: description: must be a string, not an integer\n"; diags.String() != want {
		t.Errorf("diagnostics\n%s\nwant\n%s", diags, want)
	}
	// and the same file from disk
	dir := writeFiles(t, map[string]string{"bom.toml": "\xef\xbb\xbftitle = \"t\"\n"})
	if c, diags := Load(dir); c == nil || len(diags) > 0 {
		t.Errorf("Load of a BOM file: %s", diags)
	}
}

// TestLoadCRLFBody loads a file saved with Windows line endings: its
// multi-line strings are text like any other, without carriage returns.
func TestLoadCRLFBody(t *testing.T) {
	src := strings.ReplaceAll(`title = "t"
description = """
Line one.
Line two.
"""
[[event]]
id = "a"
date = 2018-01-01
title = "A"
summary = """
One sentence."""
body = """
First line.
Second line.
"""
[[event.claim]]
text = """
Claimed."""
status = "verified"
note = '''
A note.
'''
`, "\n", "\r\n")
	c, diags := Parse("crlf.toml", []byte(src))
	if c == nil || len(diags) > 0 {
		t.Fatalf("does not load:\n%s", diags)
	}
	e := c.Events[0]
	for _, s := range []struct{ name, got, want string }{
		{"description", c.Description, "Line one.\nLine two.\n"},
		{"summary", e.Summary, "One sentence."},
		{"body", e.Body, "First line.\nSecond line.\n"},
		{"claim text", e.Claims[0].Text, "Claimed."},
		{"claim note", e.Claims[0].Note, "A note.\n"},
	} {
		if s.got != s.want {
			t.Errorf("%s = %q, want %q", s.name, s.got, s.want)
		}
	}
}

func TestLoadBuiltIn(t *testing.T) {
	c, diags := Load("../events.toml")
	if len(diags) > 0 {
		t.Errorf("the built-in chronology has diagnostics:\n%s", diags)
	}
	if c == nil {
		t.Fatal("the built-in chronology does not load")
	}
	if c.Title == "" || c.Description == "" {
		t.Error("the built-in chronology has no title or description")
	}
	if c.Len() < 20 {
		t.Errorf("the built-in chronology has %d events, want at least 20", c.Len())
	}
	for _, id := range []string{"printz-1997", "doj-memo-2025", "schaaf-warning", "us-v-california-filed"} {
		if c.Event(id) == nil {
			t.Errorf("the built-in chronology has no event %q", id)
		}
	}
	for _, e := range c.Events {
		web := 0
		for _, s := range e.Sources {
			if u, err := url.Parse(s.URL); err == nil && (u.Scheme == "https" || u.Scheme == "http") && u.Host != "" {
				web++
			}
		}
		if web == 0 {
			t.Errorf("event %q has no source with a web address", e.ID)
		}
	}
}

// TestLoadLinearChain loads 20,000 events, each linking to the one before:
// a load must not be quadratic in the number of events or links.
func TestLoadLinearChain(t *testing.T) {
	const n = 20000
	var b strings.Builder
	b.WriteString("title = \"chain\"\n")
	for i := 0; i < n; i++ {
		day := time.Date(1970, 1, 1+i, 0, 0, 0, 0, time.UTC).Format("2006-01-02")
		fmt.Fprintf(&b, "\n[[event]]\nid = \"e-%d\"\ndate = %s\ntitle = \"Event %d\"\n", i, day, i)
		if i > 0 {
			fmt.Fprintf(&b, "links = [{ to = \"e-%d\", note = \"after\" }]\n", i-1)
		}
		fmt.Fprintf(&b, "[[event.source]]\ntitle = \"s\"\nurl = \"https://example.com/%d\"\n", i)
	}
	start := time.Now()
	c, diags := Parse("chain.toml", []byte(b.String()))
	t.Logf("%d events loaded in %v", n, time.Since(start))
	if c == nil || len(diags) > 0 {
		t.Fatalf("does not load:\n%.2000s", diags)
	}
	if c.Len() != n {
		t.Fatalf("%d events, want %d", c.Len(), n)
	}
	for i, e := range c.Events {
		if e.ID != fmt.Sprintf("e-%d", i) || e.Index != i {
			t.Fatalf("event %d is %q (Index %d)", i, e.ID, e.Index)
		}
		wantBacklinks := 1
		if i == n-1 {
			wantBacklinks = 0
		}
		if len(e.Backlinks) != wantBacklinks || (wantBacklinks == 1 && e.Backlinks[0].From != fmt.Sprintf("e-%d", i+1)) {
			t.Fatalf("event %q backlinks %+v", e.ID, e.Backlinks)
		}
	}
}
