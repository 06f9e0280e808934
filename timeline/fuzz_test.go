package timeline

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// fuzzSeeds are valid and invalid chronologies and TOML oddities.
func fuzzSeeds(f *testing.F) {
	f.Helper()
	// the valid chronologies and every invalid one of the loader tests
	valid, _ := filepath.Glob("testdata/valid/*.toml")
	invalid, _ := filepath.Glob("testdata/invalid/*.toml")
	for _, name := range append(valid, invalid...) {
		if data, err := os.ReadFile(name); err == nil {
			f.Add(data)
		}
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
		"title = \"t\"\n[[event]]\nid = \"a\"\ndate = 2018-01-01\ntitle = \"A\"\n[event.media]\nurl = \"https://x.y/a.jpg\"\ncaption = \"c *d*\"\nalt = \"e\"\n[[event.source]]\ntitle = \"s\"\n[[event]]\nid = \"b\"\ndate = 2018-01-02\ntitle = \"B\"\nmedia = { url = \"https://x.y/v\", credit = \"AP\" }\n",
		"title = \"t\"\n[[event]]\nid = \"a\"\ndate = 2018-01-01\ntitle = \"A\"\n[[event.media]]\nurl = \"ftp://x\"\n[[event]]\nid = \"b\"\ndate = 2018-01-02\ntitle = \"B\"\nmedia = \"https://x.y\"\n",
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
// order, and its links lead to its events. (interop's FuzzEventMarkdown
// holds the same files to harmless Markdown and JSON.)
func FuzzParse(f *testing.F) {
	fuzzSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		c, diags := Parse("f.toml", data)
		for _, d := range diags {
			if d.Pos.File != "f.toml" || d.Message == "" || d.Pos.Line < 0 || d.Pos.Col < 0 {
				t.Fatalf("bad diagnostic %+v", d)
			}
			if msg := diagnosticOutside(data, d); msg != "" {
				t.Fatalf("%s: %s\nfile %q", d, msg, data)
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
		}
	})
}

// diagnosticOutside says how d's position is not in the file data, or
// returns "". Every diagnostic of a file names a line of it, 1 to the
// number of lines (the line after a final newline counts: it is where an
// editor puts the end of the file); Parse reads one file given as bytes,
// so no problem of it is about the file as a whole, which line 0 would
// mean. A column, when known, is within the line's characters, or just
// after them (the end of the line).
func diagnosticOutside(data []byte, d Diagnostic) string {
	lines := strings.Split(string(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))), "\n")
	if d.Pos.Line < 1 || d.Pos.Line > len(lines) {
		return fmt.Sprintf("line %d is not one of the file's %d lines", d.Pos.Line, len(lines))
	}
	line := strings.TrimSuffix(lines[d.Pos.Line-1], "\r")
	if n := utf8.RuneCountInString(line); d.Pos.Col > n+1 {
		return fmt.Sprintf("column %d is past the end of line %d (%d characters)", d.Pos.Col, d.Pos.Line, n)
	}
	return ""
}

// TestSyntaxPosition pins the positions of TOML syntax errors that the
// decoder gets wrong, found by FuzzParse: an error at the start of a line
// (the decoder counts it on the line before, past its end), one after a
// final newline (the decoder names the next line), one after a character
// of several bytes (the decoder counts bytes, 13 here, and its offset
// is the space before the 'y': the 'y' is at 13 in characters), one at the
// end of the file inside a character, a NUL after such a character, and a
// key set twice (its line's first key).
func TestSyntaxPosition(t *testing.T) {
	for _, tt := range []struct {
		src  string
		want string
	}{
		{"#00\n0", "f.toml:2:1: TOML syntax: unexpected EOF; expected key separator '='"},
		{"title = \"t\"\n[\n", "f.toml:2:2: TOML syntax: expected '.' or ']' to end table name, but got '\\n' instead"},
		{"title = \"é\" y\n", "f.toml:1:13: TOML syntax: expected a top-level item to end with a newline, comment, or EOF, but got 'y' instead"},
		{"\"\uf24e", "f.toml:1:2: TOML syntax: unexpected EOF; expected '\"'"},
		{"é = 1\nx = 1\n  x = 2\n", "f.toml:1:1: TOML syntax: expected '.' or '=', but got 'é' instead"},
		{"x = 1\n  x = 2\n", "f.toml:2:3: x is set twice: remove or rename one of them"},
		{"Ƀ\x00", "f.toml:1:2: TOML syntax: files cannot contain NULL bytes; probably using UTF-16; TOML files must be UTF-8"},
	} {
		_, diags := Parse("f.toml", []byte(tt.src))
		if got := strings.TrimSpace(diags.String()); got != tt.want {
			t.Errorf("Parse(%q):\n got %s\nwant %s", tt.src, got, tt.want)
		}
	}
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
			var lf linkFinder
			lf.find(l, e.tablePos, "x")
			lf.find(l, e.tablePos, "y")
		}
	})
}
