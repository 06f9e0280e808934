package timeline

import (
	"os"
	"strings"
	"testing"
)

// fuzzSeeds are valid and invalid chronologies and TOML oddities.
func fuzzSeeds(f *testing.F) {
	f.Helper()
	if data, err := os.ReadFile("testdata/valid/complete.toml"); err == nil {
		f.Add(data)
	}
	for _, s := range []string{
		"",
		"title = \"t\"\n",
		"title = \"t\"\n[[event]]\nid = \"a\"\ndate = 2018-01-01\ntitle = \"A\"\n",
		"title = \"t\"\n[[event]]\nid = \"a\"\ndate = \"2018\"\nend = \"2017\"\ntitle = \"A\"\n",
		"title = \"t\"\n[[event]]\nid = \"a\"\ndate = 2025-01-21T23:30:00-05:00\ntitle = \"A\"\nlinks = [\"b\", { to = \"a\", note = \"self\" }]\n[[event]]\nid = \"b\"\ndate = 2018\ntitle = \"B\"\n",
		"title = \"t\"\n[[event]]\nid = \"a\"\ndate = 2018-01-01\ntitle = \"A\"\nbody = '''\n[[event]]\n'''\n[[event.source]]\ntitle = \"s\"\nurl = \"https://x.y\"\n[[event.claim]]\ntext = \"c\"\nstatus = \"false\"\n",
		"title = \"t\"\n[[era]]\ntitle = \"E\"\nstart = \"2018\"\nend = \"2017\"\n",
		"title = \"t\"\r\n[[event]]\r\nid = \"a\"\r\ndate = 2018-02-30\r\ntitle = \"A\"\r\n",
		"\xef\xbb\xbftitle = \"bom\"\n",
		"title = \"\xff\"\n",
		"title = \"t\"\n[[event]]\nid = \"Bad Id\"\ndate = 10:00:00\ntitle = \"\"\n[event.claim]\ntext = 1\n",
		"title = \"t\"\nevent = [{ id = \"a\", date = 2018-01-01, title = \"A\" }]\n",
		"title = \"t\"\n[[ \"event\" ]]\nid = \"a\"\ndate = 2018-01-01\ntitle = \"A\"\n[[event . source]]\ntitle = \"s\"\n",
		"title = \"t\"\n[[event]]\nid = \"a\"\ndate = 2018-01-01\ntitle = \"A\"\nlinks = [\n  \"missing\",\n  { to = \"gone\" },\n]\n",
		"title = \"t\"\n[[event]]\nid = \"a\"\nid = \"b\"\n",
		"[[event]]\nbody = \"\"\"\n\\\"\"\"\n[[event]]\n\"\"\"\"\n",
	} {
		f.Add([]byte(s))
	}
}

// FuzzParse: Parse never panics; a chronology it returns is valid and in
// order, and renders to harmless Markdown.
func FuzzParse(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		c, diags := Parse("f.toml", data)
		for _, d := range diags {
			if d.Pos.File != "f.toml" || d.Message == "" || d.Pos.Line < 0 || d.Pos.Col < 0 {
				t.Fatalf("bad diagnostic %+v", d)
			}
		}
		if c == nil {
			if !diags.HasErrors() {
				t.Fatalf("no chronology and no error:\n%s", diags)
			}
			return
		}
		if diags.HasErrors() {
			t.Fatalf("a chronology with errors:\n%s", diags)
		}
		for i, e := range c.Events {
			if e.ID == "" || strings.TrimSpace(e.Title) == "" || e.Date.IsZero() {
				t.Fatalf("event %d is incomplete: %+v", i, e)
			}
			if e.Index != i || c.Event(e.ID) != e {
				t.Fatalf("event %q is not indexed at %d", e.ID, i)
			}
			if i > 0 && Compare(c.Events[i-1].Date, e.Date) > 0 {
				t.Fatalf("events %q and %q are out of order", c.Events[i-1].ID, e.ID)
			}
			for _, id := range e.Targets() {
				if c.Event(id) == nil {
					t.Fatalf("event %q leads to a missing event %q", e.ID, id)
				}
			}
			md := EventMarkdown(c, e)
			if bad := unsafeRunes(strings.ReplaceAll(md, "\t", "")); len(bad) > 0 {
				t.Fatalf("EventMarkdown(%q) has raw control characters %U", e.ID, bad)
			}
		}
		if _, err := EventsJSON(c.Events); err != nil {
			t.Fatal(err)
		}
	})
}

// FuzzScanLayout: the line scanner never panics and its positions stay in
// the text.
func FuzzScanLayout(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		src := string(data)
		l := scanLayout(src)
		n := len(l.lines)
		check := func(tp tablePos) {
			if tp.Line < 0 || tp.Line > n {
				t.Fatalf("table at line %d of %d", tp.Line, n)
			}
			for k, p := range tp.Keys {
				if p.Line < 1 || p.Line > n || p.End < p.Line || p.End > n || p.Col < 1 || p.ValueCol < p.Col {
					t.Fatalf("key %q at %+v in %d lines", k, p, n)
				}
			}
		}
		check(l.Top)
		for _, e := range l.Eras {
			check(e)
		}
		for i, e := range l.Events {
			check(e.tablePos)
			if i > 0 && e.Line <= l.Events[i-1].Line {
				t.Fatalf("event headers out of order")
			}
			for _, s := range e.Sources {
				check(s)
			}
			for _, c := range e.Claims {
				check(c)
			}
			for _, k := range []string{"links", "id", "x"} {
				l.find(e.tablePos, k, "x")
			}
		}
	})
}
