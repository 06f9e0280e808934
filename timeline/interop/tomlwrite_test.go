package interop

import (
	"os"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/BurntSushi/toml"

	"backstory/timeline"
)

// TestTOMLRewrite reads chronologies, writes them with TOML and reads them
// again: every field of every event is the same, bodies byte for byte.
func TestTOMLRewrite(t *testing.T) {
	for _, path := range []string{"testdata/awkward.toml", "../../events.toml"} {
		t.Run(path, func(t *testing.T) {
			c := mustLoad(t, path)
			out := TOML(c, "a comment\nover two lines")
			back, diags := timeline.Parse("rewritten.toml", out)
			if back == nil || len(diags) > 0 {
				t.Fatalf("the rewritten file does not check:\n%s\n%s", diags, out)
			}
			if back.Title != c.Title || back.Description != c.Description {
				t.Errorf("title or description changed: %q %q", back.Title, back.Description)
			}
			if !reflect.DeepEqual(eraStrings(back.Eras), eraStrings(c.Eras)) {
				t.Errorf("eras = %v, want %v", eraStrings(back.Eras), eraStrings(c.Eras))
			}
			if back.Len() != c.Len() {
				t.Fatalf("%d events, want %d", back.Len(), c.Len())
			}
			for i, e := range c.Events {
				g := back.Events[i]
				if !reflect.DeepEqual(ToJSON(g), ToJSON(e)) || g.Date != e.Date || g.End != e.End {
					t.Errorf("event %s changed:\n got %+v %#v\nwant %+v %#v", e.ID, ToJSON(g), g.Date, ToJSON(e), e.Date)
				}
			}
		})
	}
}

// TestTOMLLayout pins the layout of a small chronology.
func TestTOMLLayout(t *testing.T) {
	c := &timeline.Chronology{
		Title:       "Layout",
		Description: "Two\nlines",
		Eras:        []timeline.Era{{Title: "Era", Start: timeline.MustDate("2019")}},
		Events: []*timeline.Event{
			{ID: "second", Date: timeline.MustDate("2020-05-01"), Title: "Second", Tags: []string{"a", "b"},
				Links: []timeline.Link{{To: "first"}, {To: "first", Note: "again"}},
				Body:  "Body\n", Sources: []timeline.Source{{Title: "S", URL: "https://example.org", Published: timeline.MustDate("2020-05")}},
				Claims: []timeline.Claim{{Text: "C", Status: timeline.Verified}}},
			{ID: "first", Date: timeline.MustDate("-0044"), Title: "First", Approximate: true},
		},
	}
	want := `# Made by a test

title = "Layout"

description = """
Two
lines\
"""

[[era]]
title = "Era"
start = "2019"

[[event]]
id = "first"
date = "-0044"
approximate = true
title = "First"

[[event]]
id = "second"
date = 2020-05-01
title = "Second"
tags = ["a", "b"]
links = ["first", { to = "first", note = "again" }]
body = """
Body
"""

[[event.source]]
title = "S"
url = "https://example.org"
published = "2020-05"

[[event.claim]]
text = "C"
status = "verified"
`
	if got := string(TOML(c, "Made by a test")); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}

func TestTOMLDate(t *testing.T) {
	for _, tc := range []struct {
		date timeline.Date
		want string
	}{
		{timeline.MustDate("2018"), `"2018"`},
		{timeline.MustDate("2018-02"), `"2018-02"`},
		{timeline.MustDate("2018-02-24"), `2018-02-24`},
		{timeline.MustDate("-0044-03-15"), `"-0044-03-15"`},
		{timeline.Date{Year: 2018, Month: 2, Day: 24, Precision: timeline.PrecisionDay, Clock: "22:00"}, `2018-02-24T22:00:00`},
		{timeline.Date{Year: 2018, Month: 2, Day: 24, Precision: timeline.PrecisionDay, Clock: "22:00:30 -05:00"}, `2018-02-24T22:00:30-05:00`},
		{timeline.Date{Year: 2018, Month: 2, Day: 24, Precision: timeline.PrecisionDay, Clock: "08:00 UTC"}, `2018-02-24T08:00:00Z`},
		{timeline.Date{Year: 2018, Month: 2, Day: 24, Precision: timeline.PrecisionDay, Clock: "noon"}, `2018-02-24`},
	} {
		if got := tomlDate(tc.date); got != tc.want {
			t.Errorf("tomlDate(%#v) = %s, want %s", tc.date, got, tc.want)
		}
	}
}

// stringCases are texts whose TOML strings must read back unchanged.
var stringCases = []string{
	"", "plain", `quote " and backslash \`, "tab\tand\nnewline", "\x1b[31mred\x1b[0m", "\r\n", "del\x7f",
	"bidi \u202e override", "c1 \u0085 next line", `"""`, `""""""`, "ends with quote\"", "ends with two\"\"",
	"multi\nline \"\"\" with quotes\n", "multi\nline \\ backslash\n", "multi\nline '''\\ both\n",
	"\nstarts with a newline\n", "no final newline\nhere", "no final newline, quote\n\"", "bom \ufeff", "日本語\n",
}

func TestTOMLStrings(t *testing.T) {
	for _, s := range stringCases {
		checkTOMLString(t, s)
	}
}

func FuzzTOMLStrings(f *testing.F) {
	for _, s := range stringCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			t.Skip() // a chronology's text is UTF-8
		}
		checkTOMLString(t, s)
	})
}

func checkTOMLString(t *testing.T, s string) {
	t.Helper()
	for _, enc := range []string{tomlString(s), multiOrBasic(s)} {
		var got struct{ V string }
		if _, err := toml.Decode("V = "+enc+"\n", &got); err != nil {
			t.Errorf("%q written as %s: %v", s, enc, err)
			continue
		}
		if got.V != s {
			t.Errorf("%q written as %s reads back as %q", s, enc, got.V)
		}
		if strings.ContainsAny(enc, "\x1b\u202e\u0085\x7f\r") {
			t.Errorf("%q written as %s: a character a terminal acts on is written raw", s, enc)
		}
	}
}

func multiOrBasic(s string) string {
	if strings.Contains(s, "\n") {
		return tomlMultiline(s)
	}
	return tomlString(s)
}

func mustLoad(t *testing.T, path string) *timeline.Chronology {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	c, diags := timeline.Parse(path, data)
	if c == nil || len(diags) > 0 {
		t.Fatalf("%s does not load:\n%s", path, diags)
	}
	return c
}
