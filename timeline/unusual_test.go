//go:build unix

// (named pipes, symbolic links, permissions and /dev/zero are of Unix)

package timeline

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Malformed and unusual files, one row a kind of input: what backstory
// says of each, exactly, or what it loads. None may panic or hang (a
// load that takes minutes fails the row: not a timing of the load, which
// the benchmarks in unusual_bench_test.go show is linear, but the sign of
// a hang). Some of these are also pinned elsewhere; the row says where.

// unusual is one kind of input.
type unusual struct {
	name string
	// also names the tests that pin the same input, if any
	also string
	// setup makes the input in dir and returns the paths to load
	setup func(t *testing.T, dir string) []string
	// want is the diagnostics exactly, with DIR for dir
	want string
	// loads says the chronology must load (with warnings at most)
	loads bool
	// check looks further at what loaded
	check func(t *testing.T, c *Chronology)
}

// write writes the files of name → content in dir and returns the path of
// the first name given.
func write(t *testing.T, dir string, files ...string) string {
	t.Helper()
	for i := 0; i+1 < len(files); i += 2 {
		p := filepath.Join(dir, files[i])
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(files[i+1]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, files[0])
}

// oneFile returns a setup that writes one file and loads it.
func oneFile(name, content string) func(*testing.T, string) []string {
	return func(t *testing.T, dir string) []string { return []string{write(t, dir, name, content)} }
}

const okEvent = "[[event]]\nid = \"ok\"\ndate = 2018-01-01\ntitle = \"OK\"\n"

// manyLinks is a file of one event linking to n others.
func manyLinks(n int) string {
	var b strings.Builder
	b.WriteString("title = \"hub\"\n[[event]]\nid = \"hub\"\ndate = 2018-01-01\ntitle = \"Hub\"\nlinks = [")
	for i := range n {
		if i > 0 {
			b.WriteString(", ")
		}
		fmt.Fprintf(&b, "\"e-%d\"", i)
	}
	b.WriteString("]\n")
	for i := range n {
		fmt.Fprintf(&b, "[[event]]\nid = \"e-%d\"\ndate = \"2019\"\ntitle = \"E %d\"\n", i, i)
	}
	return b.String()
}

// linksToMissing is a file of one event with n links, one a line, to one
// missing event; the links start on line 6.
func linksToMissing(n int) string {
	return "title = \"t\"\n[[event]]\nid = \"a\"\ndate = 2018-01-01\ntitle = \"A\"\nlinks = [\n" +
		strings.Repeat("  \"gone\",\n", n) + "]\n[[event]]\nid = \"gonf\"\ndate = 2018-01-01\ntitle = \"Almost\"\n"
}

// hugeBody is a file of three events, the second with a body of n bytes
// in lines of 64, brackets and quotes among them, the third after it:
// big enough to be read in parts.
func hugeBody(n int) (file, body string) {
	line := "Text of the body, [[event]] {x = [1]} 'quoted' and \"quoted\"..\n"
	body = strings.Repeat(line, n/len(line))
	return "title = \"big\"\n" + okEvent +
		"[[event]]\nid = \"big\"\ndate = 2018-01-02\ntitle = \"Big\"\nbody = '''\n" + body + "'''\n" +
		"[[event]]\nid = \"after\"\ndate = 2018-01-03\ntitle = \"After\"\nlinks = [\"big\"]\n", body
}

// unknownKeys is head and n lines of unknown keys, k0 = 1 to k(n-1) = 1.
func unknownKeys(head string, n int) string {
	var b strings.Builder
	b.WriteString(head)
	for i := range n {
		fmt.Fprintf(&b, "k%d = 1\n", i)
	}
	return b.String()
}

// nested is key = and n levels of open, a value, and n of close.
func nested(n int, open, value, close string) string {
	return "x = " + strings.Repeat(open, n) + value + strings.Repeat(close, n) + "\n"
}

func symlink(t *testing.T, target, link string) string {
	t.Helper()
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("cannot make a symbolic link here: %v", err)
	}
	return link
}

func mkfifo(t *testing.T, p string) string {
	t.Helper()
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skipf("cannot make a named pipe here: %v", err)
	}
	return p
}

// smallLimit makes maxFileBytes n for the test.
func smallLimit(t *testing.T, n int64) {
	old := maxFileBytes
	maxFileBytes = n
	t.Cleanup(func() { maxFileBytes = old })
}

// hugeBodySize is the size of the big body: 50 MB, less under the race
// detector, which makes a load ten times slower and bigger, and with
// -short.
func hugeBodySize() int {
	if fewerCases() {
		return 5 << 20
	}
	return 50 << 20
}

func unusualInputs() []unusual {
	missingLinks := func() string {
		var b strings.Builder
		for i := range 10000 {
			fmt.Fprintf(&b, "DIR/missing.toml:%d:3: event \"a\": links item %d: no event has id \"gone\" (did you mean \"gonf\"?)\n", 7+i, i+1)
		}
		return b.String()
	}()
	unknownWant := func() string {
		var b strings.Builder
		for i := range 20000 {
			fmt.Fprintf(&b, "DIR/unknown.toml:%d:1: warning: event \"ok\": unknown key \"k%d\" is ignored\n", 6+i, i)
		}
		return b.String()
	}()
	var body string
	return []unusual{
		// empty and nearly so
		{
			name:  "empty file",
			setup: oneFile("empty.toml", ""),
			want:  "DIR/empty.toml:1: the file is empty: a chronology needs title = \"...\" and its events as [[event]] tables (backstory init writes an example)\n",
			also:  "testdata/invalid/empty.toml; testdata/script/unusual.txtar",
		},
		{
			name:  "only blank lines",
			setup: oneFile("blank.toml", "\n  \r\n\t\n"),
			want:  "DIR/blank.toml:1: the file is empty: a chronology needs title = \"...\" and its events as [[event]] tables (backstory init writes an example)\n",
		},
		{
			name:  "only comments",
			setup: oneFile("comments.toml", "# a chronology, one day\n# title = \"not yet\"\n"),
			want:  "DIR/comments.toml:1: missing title: add title = \"...\" at the top of the file\n",
			also:  "testdata/invalid/only-comments.toml; testdata/script/unusual.txtar",
		},
		{
			name: "an empty file in a folder with a title elsewhere",
			setup: func(t *testing.T, dir string) []string {
				write(t, dir, "f/a.toml", "title = \"t\"\n"+okEvent, "f/new.toml", "")
				return []string{filepath.Join(dir, "f")}
			},
			loads: true,
			check: func(t *testing.T, c *Chronology) {
				if c.Len() != 1 || len(c.Files) != 2 {
					t.Errorf("%d events from %q", c.Len(), c.Files)
				}
			},
		},
		// encodings and line ends
		{
			name:  "UTF-8 byte order mark",
			also:  "load_valid_test.go:TestLoadBOM (columns on line 1)",
			setup: oneFile("bom.toml", "\xef\xbb\xbftitle = \"With a BOM\"\n"+okEvent),
			loads: true,
			check: func(t *testing.T, c *Chronology) {
				if c.Title != "With a BOM" || c.Events[0].Pos.Line != 2 {
					t.Errorf("title %q, event at line %d", c.Title, c.Events[0].Pos.Line)
				}
			},
		},
		{
			name:  "byte order mark and an error on line 1",
			setup: oneFile("bom-error.toml", "\xef\xbb\xbftitle = 5\n"),
			want:  "DIR/bom-error.toml:1:9: chronology: title: must be a string, not an integer\n",
		},
		{
			name:  "CRLF line ends",
			also:  "load_valid_test.go:TestLoadCRLFBody; testdata/invalid/crlf-end-before.toml",
			setup: oneFile("crlf.toml", strings.ReplaceAll("title = \"t\"\n[[event]]\nid = \"a\"\ndate = 2018-01-01\ntitle = \"A\"\nbody = \"\"\"\nOne.\nTwo.\n\"\"\"\n", "\n", "\r\n")),
			loads: true,
			check: func(t *testing.T, c *Chronology) {
				if b := c.Events[0].Body; b != "One.\nTwo.\n" {
					t.Errorf("body %q", b)
				}
			},
		},
		{
			name:  "CRLF line ends and an error",
			setup: oneFile("crlf-error.toml", strings.ReplaceAll("title = \"t\"\n[[event]]\nid = \"a\"\ndate = 2018-01-01\ntitle = \"A\"\nend = 2017-01-01\n", "\n", "\r\n")),
			want:  "DIR/crlf-error.toml:6:7: event \"a\": end: 2017-01-01 is before the date, 2018-01-01\n",
		},
		{
			name:  "invalid UTF-8 in a string",
			also:  "testdata/invalid/invalid-utf8.toml",
			setup: oneFile("utf8-string.toml", "title = \"t\"\n"+okEvent+"summary = \"caf\xe9\"\n"),
			want:  "DIR/utf8-string.toml:6:15: the file is not valid UTF-8 text: save it as UTF-8\n",
		},
		{
			name:  "invalid UTF-8 in a comment",
			setup: oneFile("utf8-comment.toml", "title = \"t\" # caf\xe9 \xff\n"+okEvent),
			want:  "DIR/utf8-comment.toml:1:18: the file is not valid UTF-8 text: save it as UTF-8\n",
		},
		// size
		{
			name: "a body of 50 MB",
			setup: func(t *testing.T, dir string) []string {
				var file string
				file, body = hugeBody(hugeBodySize())
				return []string{write(t, dir, "big.toml", file)}
			},
			loads: true,
			check: func(t *testing.T, c *Chronology) {
				e := c.Event("big")
				if c.Len() != 3 || e == nil || len(e.Body) != len(body) || e.Body != body {
					t.Fatalf("%d events; the body is not intact", c.Len())
				}
				if bl := e.Backlinks; len(bl) != 1 || bl[0].From != "after" || c.Event("after").Pos.Line != 12+strings.Count(body, "\n") {
					t.Errorf("backlinks %+v; the event after at line %d", bl, c.Event("after").Pos.Line)
				}
			},
		},
		{
			name: "a file over the size limit (1 GB; 1 kB here)",
			setup: func(t *testing.T, dir string) []string {
				smallLimit(t, 1<<10)
				return []string{write(t, dir, "huge.toml", "title = \"t\"\n"+strings.Repeat("# filler\n", 200))}
			},
			want: "DIR/huge.toml: the file is bigger than 1 kB, the most backstory reads: is it the right file?\n",
		},
		{
			name: "a file at the size limit",
			setup: func(t *testing.T, dir string) []string {
				smallLimit(t, 1<<10)
				s := "title = \"t\"\n"
				return []string{write(t, dir, "limit.toml", s+strings.Repeat("#", 1<<10-len(s)-1)+"\n")}
			},
			loads: true,
		},
		// links
		{
			name:  "an event with 10,000 links to 10,000 events",
			setup: oneFile("links.toml", manyLinks(10000)),
			loads: true,
			check: func(t *testing.T, c *Chronology) {
				hub := c.Event("hub")
				if c.Len() != 10001 || len(hub.Links) != 10000 || hub.Links[9999].To != "e-9999" {
					t.Fatalf("%d events, %d links", c.Len(), len(hub.Links))
				}
				for _, e := range c.Events[1:] {
					if len(e.Backlinks) != 1 || e.Backlinks[0].From != "hub" {
						t.Fatalf("%s: backlinks %+v", e.ID, e.Backlinks)
					}
				}
			},
		},
		{
			// one diagnostic a link, as for any link to a missing id: each is
			// a line to fix, and each points at its own line
			name:  "10,000 links to one missing event",
			setup: oneFile("missing.toml", linksToMissing(10000)),
			want:  missingLinks,
		},
		{
			name:  "the same missing id twice on one line",
			also:  "testdata/invalid/link-missing.toml",
			setup: oneFile("twice.toml", "title = \"t\"\n[[event]]\nid = \"a\"\ndate = 2018-01-01\ntitle = \"A\"\nlinks = [\"x\", 'x', { to = \"x\" }]\n"),
			// (and never the event's own id as "did you mean")
			want: "DIR/twice.toml:6:10: event \"a\": links item 1: no event has id \"x\"\n" +
				"DIR/twice.toml:6:15: event \"a\": links item 2: no event has id \"x\"\n" +
				"DIR/twice.toml:6:27: event \"a\": links item 3: no event has id \"x\"\n",
		},
		{
			name:  "a link cycle a → b → a",
			setup: oneFile("cycle.toml", "title = \"t\"\n[[event]]\nid = \"a\"\ndate = 2018-01-01\ntitle = \"A\"\nlinks = [\"b\"]\n[[event]]\nid = \"b\"\ndate = 2018-01-02\ntitle = \"B\"\nlinks = [\"a\"]\n"),
			loads: true,
			check: func(t *testing.T, c *Chronology) {
				a, b := c.Event("a"), c.Event("b")
				if len(a.Backlinks) != 1 || a.Backlinks[0].From != "b" || len(b.Backlinks) != 1 || b.Backlinks[0].From != "a" {
					t.Errorf("backlinks %+v %+v", a.Backlinks, b.Backlinks)
				}
			},
		},
		{
			name:  "a self-link",
			also:  "testdata/invalid/warn-self-link.toml; testdata/script/unusual.txtar",
			setup: oneFile("self.toml", "title = \"t\"\n[[event]]\nid = \"a\"\ndate = 2018-01-01\ntitle = \"A\"\nlinks = [\n  \"b\",\n  { to = \"a\", note = \"itself\" },\n]\n[[event]]\nid = \"b\"\ndate = 2018-01-02\ntitle = \"B\"\nlinks = ['b', \"a\", \"b\"]\n"),
			// (at the link, as a link to a missing id is)
			want: "DIR/self.toml:8:10: warning: event \"a\": links item 2: the event links to itself\n" +
				"DIR/self.toml:14:10: warning: event \"b\": links item 1: the event links to itself\n" +
				"DIR/self.toml:14:20: warning: event \"b\": links item 3: the event links to itself\n",
			loads: true,
			check: func(t *testing.T, c *Chronology) {
				if bl := c.Event("a").Backlinks; len(bl) != 2 {
					t.Errorf("a's backlinks %+v", bl)
				}
			},
		},
		{
			// the closest id but the event's own, which ties with it
			name:  "a missing id closest to the linking event's own",
			setup: oneFile("own.toml", "title = \"t\"\n[[event]]\nid = \"a1\"\ndate = 2018-01-01\ntitle = \"A\"\nlinks = [\"a3\"]\n[[event]]\nid = \"a2\"\ndate = 2018-01-02\ntitle = \"B\"\nlinks = [\"a3\"]\n"),
			want: "DIR/own.toml:6:10: event \"a1\": links item 1: no event has id \"a3\" (did you mean \"a2\"?)\n" +
				"DIR/own.toml:11:10: event \"a2\": links item 1: no event has id \"a3\" (did you mean \"a1\"?)\n",
		},
		{
			// its events may be what the links name: one note, not an
			// error for each link; nor is the title missing
			name: "a file that does not decode, and one linking into it",
			setup: func(t *testing.T, dir string) []string {
				a := write(t, dir, "a.toml", "title = \"A\"\n[[event]]\nid = \"a\"\ndate = 2018-02-30\ntitle = \"A\"\n")
				b := write(t, dir, "b.toml", "[[event]]\nid = \"b\"\ndate = 2018-02-01\ntitle = \"B\"\nlinks = [\"a\", \"bb\", { to = \"c\" }]\n")
				return []string{a, b}
			},
			want: "DIR/a.toml:4:8: bad date \"2018-02-30\": Feb 2018 has no day 30\n" +
				"DIR/b.toml:5:10: warning: links to missing ids are not checked while DIR/a.toml cannot be read: event \"b\": links item 1: no event has id \"a\" in the files read (and 2 more links like it)\n",
		},
		{
			name: "a file missing, and one linking into it",
			setup: func(t *testing.T, dir string) []string {
				b := write(t, dir, "b.toml", "title = \"t\"\n[[event]]\nid = \"b\"\ndate = 2018-02-01\ntitle = \"B\"\nlinks = [\"a\"]\n")
				return []string{filepath.Join(dir, "a.toml"), filepath.Join(dir, "c.toml"), b}
			},
			want: "DIR/a.toml: no such file or folder\n" +
				"DIR/c.toml: no such file or folder\n" +
				"DIR/b.toml:6:10: warning: links to missing ids are not checked while DIR/a.toml and DIR/c.toml cannot be read: event \"b\": links item 1: no event has id \"a\" in the files read\n",
		},
		// unknown keys
		{
			name:  "20,000 unknown keys in an event",
			setup: oneFile("unknown.toml", unknownKeys("title = \"t\"\n"+okEvent, 20000)),
			want:  unknownWant,
			loads: true,
		},
		// nesting
		{
			name:  "inline tables nested 10,000 deep",
			setup: oneFile("tables.toml", "title = \"t\"\n"+nested(10000, "{a=", "1", "}")),
			want:  "DIR/tables.toml:2:305: " + tooDeepMessage + "\n",
		},
		{
			name:  "arrays nested 10,000 deep",
			setup: oneFile("arrays.toml", "title = \"t\"\n"+nested(10000, "[", "1", "]")),
			want:  "DIR/arrays.toml:2:105: " + tooDeepMessage + "\n",
		},
		{
			name:  "arrays nested 1,000,000 deep, over lines",
			setup: oneFile("arrays-lines.toml", "title = \"t\"\n"+nested(1000000, "[\n", "1", "]\n")),
			want:  "DIR/arrays-lines.toml:102:1: " + tooDeepMessage + "\n",
		},
		{
			name:  "nesting at the limit",
			setup: oneFile("deep-ok.toml", "title = \"t\"\n"+nested(maxNesting/2, "{a=[", "1", "]}")),
			want:  "DIR/deep-ok.toml:2:1: warning: chronology: unknown key \"x\" is ignored\n",
			loads: true,
		},
		{
			name: "brackets in strings and comments do not nest",
			setup: oneFile("brackets.toml", "title = \"t ["+strings.Repeat("[", 300)+"\" # "+strings.Repeat("{", 300)+"\n"+
				okEvent+"summary = '"+strings.Repeat("[", 300)+"'\nbody = \"\"\"\n"+strings.Repeat("{[", 300)+"\\\"\"\"\n\"\"\"\"\n"+
				"[[event.source]]\ntitle = '''"+strings.Repeat("[", 300)+"'''''\n"),
			loads: true,
			check: func(t *testing.T, c *Chronology) {
				if s := c.Events[0].Sources[0].Title; s != strings.Repeat("[", 300)+"''" {
					t.Errorf("source title %q", s)
				}
			},
		},
		{
			name: "nesting too deep in a file read in parts",
			setup: func(t *testing.T, dir string) []string {
				file, _ := hugeBody(3 << 20)
				return []string{write(t, dir, "parts.toml", file+"[[event]]\nid = \"deep\"\ndate = 2018-01-04\ntitle = \"Deep\"\nx = "+strings.Repeat("[", 200)+strings.Repeat("]", 200)+"\n")}
			},
			want: fmt.Sprintf("DIR/parts.toml:%d:105: %s\n", 21+strings.Count(func() string { _, b := hugeBody(3 << 20); return b }(), "\n"), tooDeepMessage),
		},
		// dates
		{
			name:  "an integer date",
			also:  "testdata/invalid/integer-date.toml; date_test.go:TestDateValues; testdata/script/unusual.txtar",
			setup: oneFile("int.toml", "title = \"t\"\n[[era]]\ntitle = \"E\"\nstart = 1990\n[[event]]\nid = \"a\"\ndate = 2018\nend = -44\ntitle = \"A\"\n[[event.source]]\ntitle = \"s\"\npublished = 20180224\n"),
			want: "DIR/int.toml:4:9: era \"E\": start: a year is written as a string: start = \"1990\"\n" +
				"DIR/int.toml:7:8: event \"a\": date: a year is written as a string: date = \"2018\"\n" +
				"DIR/int.toml:8:7: event \"a\": end: a year is written as a string: end = \"-0044\"\n" +
				"DIR/int.toml:12:13: event \"a\": source #1: published: bad date 20180224: write a date as YYYY-MM-DD (published = 2018-02-24), or a year as a string (published = \"2018\")\n",
		},
		// files and folders
		{
			name: "a folder with an unreadable file",
			setup: func(t *testing.T, dir string) []string {
				p := write(t, dir, "f/secret.toml", "title = \"t\"\n", "f/a.toml", okEvent)
				if err := os.Chmod(p, 0); err != nil {
					t.Fatal(err)
				}
				if f, err := os.Open(p); err == nil {
					f.Close()
					t.Skip("chmod 000 does not stop this user reading a file (root?)")
				}
				return []string{filepath.Join(dir, "f")}
			},
			want: "DIR/f/secret.toml: cannot read the file: permission denied\n",
		},
		{
			name: "an unreadable folder",
			setup: func(t *testing.T, dir string) []string {
				write(t, dir, "f/a.toml", "title = \"t\"\n")
				p := filepath.Join(dir, "f")
				if err := os.Chmod(p, 0); err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { os.Chmod(p, 0o755) })
				if _, err := os.ReadDir(p); err == nil {
					t.Skip("chmod 000 does not stop this user reading a folder (root?)")
				}
				return []string{p}
			},
			want: "DIR/f: cannot read the folder: permission denied\n",
		},
		{
			name: "a folder named x.toml in a folder",
			also: "load_valid_test.go:TestLoadFolder",
			setup: func(t *testing.T, dir string) []string {
				write(t, dir, "f/a.toml", "title = \"t\"\n"+okEvent, "f/sub.toml/b.toml", "not read")
				return []string{filepath.Join(dir, "f")}
			},
			loads: true,
		},
		{
			name: "a folder given where a file was meant",
			also: "testdata/script/unusual.txtar",
			setup: func(t *testing.T, dir string) []string {
				write(t, dir, "sub.toml/notes.txt", "x")
				return []string{filepath.Join(dir, "sub.toml")}
			},
			want: "DIR/sub.toml: the folder has no .toml files\n",
		},
		{
			name: "a symbolic link to a file",
			setup: func(t *testing.T, dir string) []string {
				write(t, dir, "real/a.toml", "title = \"t\"\n"+okEvent)
				return []string{symlink(t, filepath.Join(dir, "real/a.toml"), filepath.Join(dir, "link.toml"))}
			},
			loads: true,
			check: func(t *testing.T, c *Chronology) {
				if f := c.Events[0].Pos.File; !strings.HasSuffix(f, "/link.toml") {
					t.Errorf("the event is in %s, want the name given", f)
				}
			},
		},
		{
			name: "a symbolic link in a folder to a file of the folder",
			setup: func(t *testing.T, dir string) []string {
				write(t, dir, "f/a.toml", "title = \"t\"\n"+okEvent)
				symlink(t, "a.toml", filepath.Join(dir, "f/b.toml"))
				return []string{filepath.Join(dir, "f")}
			},
			loads: true, // read once: no duplicate ids
			check: func(t *testing.T, c *Chronology) {
				if len(c.Files) != 1 || c.Len() != 1 {
					t.Errorf("files %q, %d events", c.Files, c.Len())
				}
			},
		},
		{
			name: "a hard link in a folder to a file of the folder",
			setup: func(t *testing.T, dir string) []string {
				write(t, dir, "f/a.toml", "title = \"t\"\n"+okEvent)
				if err := os.Link(filepath.Join(dir, "f/a.toml"), filepath.Join(dir, "f/b.toml")); err != nil {
					t.Skip("no hard links here:", err)
				}
				return []string{filepath.Join(dir, "f")}
			},
			loads: true, // read once: no duplicate ids
			check: func(t *testing.T, c *Chronology) {
				if len(c.Files) != 1 || c.Len() != 1 {
					t.Errorf("files %q, %d events", c.Files, c.Len())
				}
			},
		},
		{
			name: "the same file given twice, and in its folder",
			setup: func(t *testing.T, dir string) []string {
				p := write(t, dir, "f/a.toml", "title = \"t\"\n"+okEvent)
				return []string{p, filepath.Join(dir, "f/../f/a.toml"), filepath.Join(dir, "f")}
			},
			loads: true,
			check: func(t *testing.T, c *Chronology) {
				if len(c.Files) != 1 || c.Len() != 1 {
					t.Errorf("files %q, %d events", c.Files, c.Len())
				}
			},
		},
		{
			name: "a symbolic link loop in a folder",
			setup: func(t *testing.T, dir string) []string {
				write(t, dir, "f/a.toml", "title = \"t\"\n")
				symlink(t, "loop.toml", filepath.Join(dir, "f/loop.toml"))
				symlink(t, "ping.toml", filepath.Join(dir, "f/pong.toml"))
				symlink(t, "pong.toml", filepath.Join(dir, "f/ping.toml"))
				return []string{filepath.Join(dir, "f")}
			},
			want: "DIR/f/loop.toml: cannot read: a loop of symbolic links\n" +
				"DIR/f/ping.toml: cannot read: a loop of symbolic links\n" +
				"DIR/f/pong.toml: cannot read: a loop of symbolic links\n",
		},
		{
			name: "a dangling symbolic link in a folder",
			also: "testdata/script/unusual.txtar",
			setup: func(t *testing.T, dir string) []string {
				write(t, dir, "f/a.toml", "title = \"t\"\n")
				symlink(t, "nowhere.toml", filepath.Join(dir, "f/gone.toml"))
				return []string{filepath.Join(dir, "f")}
			},
			want: "DIR/f/gone.toml: a symbolic link to nowhere.toml, which does not exist\n",
		},
		{
			name: "a dangling symbolic link given",
			setup: func(t *testing.T, dir string) []string {
				return []string{symlink(t, "nowhere.toml", filepath.Join(dir, "gone.toml"))}
			},
			want: "DIR/gone.toml: a symbolic link to nowhere.toml, which does not exist\n",
		},
		{
			name: "a named pipe in a folder",
			setup: func(t *testing.T, dir string) []string {
				write(t, dir, "f/a.toml", "title = \"t\"\n"+okEvent)
				mkfifo(t, filepath.Join(dir, "f/x.toml"))
				return []string{filepath.Join(dir, "f")}
			},
			want:  "DIR/f/x.toml: warning: a named pipe, not a file: skipped\n",
			loads: true,
		},
		{
			name: "a named pipe given, with a writer",
			setup: func(t *testing.T, dir string) []string {
				p := mkfifo(t, filepath.Join(dir, "pipe.toml"))
				go func() {
					if f, err := os.OpenFile(p, os.O_WRONLY, 0); err == nil {
						f.WriteString("title = \"piped\"\n" + okEvent)
						f.Close()
					}
				}()
				return []string{p}
			},
			loads: true,
			check: func(t *testing.T, c *Chronology) {
				if c.Title != "piped" || c.Len() != 1 {
					t.Errorf("title %q, %d events", c.Title, c.Len())
				}
			},
		},
		{
			name: "a named pipe given that never ends (1 kB limit here)",
			setup: func(t *testing.T, dir string) []string {
				smallLimit(t, 1<<10)
				p := mkfifo(t, filepath.Join(dir, "endless.toml"))
				go func() {
					f, err := os.OpenFile(p, os.O_WRONLY, 0)
					if err != nil {
						return
					}
					defer f.Close()
					for {
						if _, err := f.WriteString("# more\n"); err != nil {
							return // the reader stopped
						}
					}
				}()
				return []string{p}
			},
			want: "DIR/endless.toml: the file is bigger than 1 kB, the most backstory reads: is it the right file?\n",
		},
		{
			name: "/dev/zero given",
			setup: func(t *testing.T, dir string) []string {
				if _, err := os.Stat("/dev/zero"); err != nil {
					t.Skip("no /dev/zero")
				}
				return []string{"/dev/zero"}
			},
			want: "/dev/zero: a character device, not a file: give a .toml file or a folder\n",
		},
		{
			name: "a link to /dev/zero in a folder",
			setup: func(t *testing.T, dir string) []string {
				if _, err := os.Stat("/dev/zero"); err != nil {
					t.Skip("no /dev/zero")
				}
				write(t, dir, "f/a.toml", "title = \"t\"\n")
				symlink(t, "/dev/zero", filepath.Join(dir, "f/zero.toml"))
				return []string{filepath.Join(dir, "f")}
			},
			want:  "DIR/f/zero.toml: warning: a character device, not a file: skipped\n",
			loads: true,
		},
	}
}

func TestUnusualInputs(t *testing.T) {
	for _, u := range unusualInputs() {
		t.Run(u.name, func(t *testing.T) {
			dir := t.TempDir()
			paths := u.setup(t, dir)
			c, diags := loadWithin(t, 2*time.Minute, paths)
			if got := strings.ReplaceAll(diags.String(), dir, "DIR"); got != u.want {
				t.Errorf("diagnostics differ\n--- got\n%s--- want\n%s", firstLines(got, 12), firstLines(u.want, 12))
			}
			if u.loads != (c != nil) {
				t.Fatalf("loaded: %v, want %v", c != nil, u.loads)
			}
			if c != nil && u.check != nil {
				u.check(t, c)
			}
		})
	}
}

// loadWithin loads the paths, failing the test if it takes longer than
// limit: far longer than any of them needs, so it only catches a hang
// (reading a named pipe nobody writes, say) without waiting for the
// whole test binary's timeout.
func loadWithin(t *testing.T, limit time.Duration, paths []string) (*Chronology, Diagnostics) {
	t.Helper()
	type result struct {
		c     *Chronology
		diags Diagnostics
	}
	done := make(chan result, 1)
	go func() {
		c, diags := Load(paths...)
		done <- result{c, diags}
	}()
	select {
	case r := <-done:
		return r.c, r.diags
	case <-time.After(limit):
		t.Fatalf("Load(%q) hangs: no answer after %v", paths, limit)
		return nil, nil
	}
}

// TestUnusualParse goes through Parse, which is given the bytes: what the
// viewer's built-in chronology and reload use.
func TestUnusualParse(t *testing.T) {
	for _, tt := range []struct{ name, src, want string }{
		{"empty", "", "f.toml:1: the file is empty: a chronology needs title = \"...\" and its events as [[event]] tables (backstory init writes an example)\n"},
		{"only a BOM", "\xef\xbb\xbf", "f.toml:1: the file is empty: a chronology needs title = \"...\" and its events as [[event]] tables (backstory init writes an example)\n"},
		{"only comments", "# x\r\n", "f.toml:1: missing title: add title = \"...\" at the top of the file\n"},
		{"inline tables too deep", nested(1000, "{a=", "1", "}"), "f.toml:1:305: " + tooDeepMessage + "\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c, diags := Parse("f.toml", []byte(tt.src))
			if c != nil || diags.String() != tt.want {
				t.Errorf("c=%v\n%s\nwant\n%s", c != nil, diags, tt.want)
			}
		})
	}
}

// TestTooDeepFollowsStrings holds tooDeep to what TOML reads as strings
// and comments: brackets there never nest; outside, they do.
func TestTooDeepFollowsStrings(t *testing.T) {
	deep := strings.Repeat("[", maxNesting+1)
	for _, tt := range []struct {
		src  string
		deep bool
	}{
		{"x = " + deep, true},
		{"x = \"" + deep + "\"", false},
		{"x = \"\\\"" + deep + "\"", false},
		{"x = '\\'" + deep, true}, // a literal string has no escapes: it ends at the second quote
		{"x = 1 # " + deep, false},
		{"x = \"\"\"\n" + deep + "\n\"\"\"", false},
		{"x = \"\"\"\\\"\"\"" + deep + "\"\"\"", false},
		{"x = \"\"\"a\"\"\"\"\"\n" + deep, true}, // two quotes of the content, then closed
		{"x = '''\n" + deep + "'''", false},
		{"x = '''a''''' " + deep, true},
		{"x = \"never closed\n" + deep, true},
		{"x = \"\"\"never closed\n" + deep, false},
	} {
		if _, _, got := tooDeep(tt.src); got != tt.deep {
			t.Errorf("tooDeep(%.40q) = %v, want %v", tt.src, got, tt.deep)
		}
	}
}

// TestUnusualFilesList: Files, which the viewer watches, skips and warns
// as Load does, and never opens what it lists.
func TestUnusualFilesList(t *testing.T) {
	dir := t.TempDir()
	a := write(t, dir, "f/a.toml", "title = \"t\"\n")
	mkfifo(t, filepath.Join(dir, "f/x.toml"))
	files, diags := Files(filepath.Join(dir, "f"), a)
	if len(files) != 1 || files[0] != a || diags.String() != dir+"/f/x.toml: warning: a named pipe, not a file: skipped\n" {
		t.Errorf("Files = %q\n%s", files, diags)
	}
}

// TestEscapedMissingLinks: missing ids written with escapes, which the
// position search cannot find as written, are each reported, at the
// links value, in one pass (a search to its end for each was quadratic).
func TestEscapedMissingLinks(t *testing.T) {
	var ids []string
	for i := range 2000 {
		ids = append(ids, fmt.Sprintf(`"\u0078%d"`, i))
	}
	src := "title=\"t\"\n[[event]]\nid=\"a\"\ndate=\"2018\"\ntitle=\"A\"\nlinks=[" + strings.Join(ids, ", ") + "]\n"
	_, diags := Parse("esc.toml", []byte(src))
	if len(diags) != 2000 {
		t.Fatalf("%d diagnostics, want 2000", len(diags))
	}
	if got, want := diags[1999].String(), `esc.toml:6:7: event "a": links item 2000: no event has id "x1999"`; got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
}
