package timeline

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
)

// tomlLines joins lines with "\n" and ends the text with a newline, so that
// line N of the file is lines[N-1].
func tomlLines(lines ...string) string { return strings.Join(lines, "\n") + "\n" }

// layoutDump writes a layout one table a line, each key below its table as
// "name line:col v<value col> e<last line>", keys in line order.
func layoutDump(l *fileLayout) string {
	var b strings.Builder
	dumpTable := func(indent, label string, t tablePos) {
		if label == "top" {
			fmt.Fprintf(&b, "%stop\n", indent)
		} else {
			fmt.Fprintf(&b, "%s%s %d\n", indent, label, t.Line)
		}
		names := make([]string, 0, len(t.Keys))
		for k := range t.Keys {
			names = append(names, k)
		}
		sort.Slice(names, func(i, j int) bool {
			a, b := t.Keys[names[i]], t.Keys[names[j]]
			if a.Line != b.Line {
				return a.Line < b.Line
			}
			return names[i] < names[j]
		})
		for _, k := range names {
			p := t.Keys[k]
			fmt.Fprintf(&b, "%s  %s %d:%d v%d e%d\n", indent, k, p.Line, p.Col, p.ValueCol, p.End)
		}
	}
	dumpTable("", "top", l.Top)
	for _, e := range l.Eras {
		dumpTable("", "era", e)
	}
	for _, e := range l.Events {
		dumpTable("", "event", e.tablePos)
		for _, s := range e.Sources {
			dumpTable("  ", "source", s)
		}
		for _, c := range e.Claims {
			dumpTable("  ", "claim", c)
		}
	}
	return b.String()
}

// crossCheckLayout compares a layout with what the TOML decoder finds in
// the same text: as many eras and events, each event with as many sources
// and claims, and a position for every key the decoder sees.
func crossCheckLayout(t *testing.T, src string, l *fileLayout) {
	t.Helper()
	var raw map[string]any
	if _, err := toml.Decode(src, &raw); err != nil {
		t.Fatalf("test input is not valid TOML: %v", err)
	}
	tables := func(v any) []map[string]any {
		switch x := v.(type) {
		case []map[string]any:
			return x
		case []any:
			var out []map[string]any
			for _, e := range x {
				out = append(out, e.(map[string]any))
			}
			return out
		}
		return nil
	}
	checkKeys := func(what string, m map[string]any, pos tablePos, skip ...string) {
		t.Helper()
		for k := range m {
			if slices.Contains(skip, k) {
				continue
			}
			if _, ok := pos.Keys[k]; !ok {
				t.Errorf("%s: key %q has no position", what, k)
			}
		}
	}
	checkKeys("top", raw, l.Top, "era", "event")
	eras := tables(raw["era"])
	if len(l.Eras) != len(eras) {
		t.Errorf("scanner found %d eras, the decoder %d", len(l.Eras), len(eras))
	} else {
		for i, m := range eras {
			checkKeys(fmt.Sprintf("era %d", i+1), m, l.Eras[i])
		}
	}
	events := tables(raw["event"])
	if len(l.Events) != len(events) {
		t.Fatalf("scanner found %d events, the decoder %d", len(l.Events), len(events))
	}
	for i, m := range events {
		ev := l.Events[i]
		what := fmt.Sprintf("event %d", i+1)
		checkKeys(what, m, ev.tablePos, "source", "claim")
		srcs, claims := tables(m["source"]), tables(m["claim"])
		if len(ev.Sources) != len(srcs) {
			t.Errorf("%s: scanner found %d sources, the decoder %d", what, len(ev.Sources), len(srcs))
		} else {
			for j, sm := range srcs {
				checkKeys(fmt.Sprintf("%s source %d", what, j+1), sm, ev.Sources[j])
			}
		}
		if len(ev.Claims) != len(claims) {
			t.Errorf("%s: scanner found %d claims, the decoder %d", what, len(ev.Claims), len(claims))
		} else {
			for j, cm := range claims {
				checkKeys(fmt.Sprintf("%s claim %d", what, j+1), cm, ev.Claims[j])
			}
		}
	}
}

func TestScanLayout(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string
	}{
		{
			name: "header inside literal multi-line string",
			src: tomlLines(
				`title = "t"`,
				`[[event]]`,
				`id = "a"`,
				`body = '''`,
				`[[event]]`,
				`id = "fake"`,
				`'''`,
				`title = "A"`,
				`[[event]]`,
				`id = "b"`,
			),
			want: `top
  title 1:1 v9 e1
event 2
  id 3:1 v6 e3
  body 4:1 v8 e7
  title 8:1 v9 e8
event 9
  id 10:1 v6 e10
`,
		},
		{
			name: "header inside basic multi-line string with escaped quotes",
			src: tomlLines(
				`[[event]]`,
				`body = """`,
				`He said \"""`,
				`[[event]]`,
				`\\"""`,
				`x = 1`,
			),
			want: `top
event 1
  body 2:1 v8 e5
  x 6:1 v5 e6
`,
		},
		{
			name: "quotes just inside the delimiters",
			src: tomlLines(
				`[[event]]`,
				`a = """"quoted""""`,
				`b = 1`,
				`c = """`,
				`""quoted""`,
				`[[event]]`,
				`""""`,
				`d = '''''x'''''`,
				`e = """"""`,
				`f = ''''''`,
				`h = ["""x"""", """y"""]`,
				`i = ['''x'''', '''y''''']`,
				`[[event]]`,
				`g = 2`,
			),
			want: `top
event 1
  a 2:1 v5 e2
  b 3:1 v5 e3
  c 4:1 v5 e7
  d 8:1 v5 e8
  e 9:1 v5 e9
  f 10:1 v5 e10
  h 11:1 v5 e11
  i 12:1 v5 e12
event 13
  g 14:1 v5 e14
`,
		},
		{
			name: "line-ending backslash in a basic multi-line string",
			src: tomlLines(
				`[[event]]`,
				`body = """\`,
				`  [[event]] \`,
				`  """`,
				`path = 'C:\'`,
				`win = "C:\\"`,
				`[[event]]`,
			),
			want: `top
event 1
  body 2:1 v8 e4
  path 5:1 v8 e5
  win 6:1 v7 e6
event 7
`,
		},
		{
			name: "header text in single-line strings and comments",
			src: tomlLines(
				`title = "[[event]]" # [[event]]`,
				`description = '[[event]] """ # not a comment'`,
				`# [[event]] """`,
				`[[event]]`,
				`title = "x \" [[event]] \\" # '''`,
				`summary = "'''"`,
				`[[event]]`,
				`title = 'y'`,
			),
			want: `top
  title 1:1 v9 e1
  description 2:1 v15 e2
event 4
  title 5:1 v9 e5
  summary 6:1 v11 e6
event 7
  title 8:1 v9 e8
`,
		},
		{
			name: "indented, commented and quoted headers",
			src: tomlLines(
				`title = "t"`,
				`  [[event]]`,
				`  id = "a"`,
				"\t[[event.source]]  # first source",
				"\turl = \"https://x\"",
				`[[ event ]] # spaced`,
				`id = "b"`,
				`[[ "event" . 'claim' ]]`,
				`text = "c"`,
				`[["event"]]#tight`,
				`id = "c"`,
				`[[event.claim]]`,
				`text = "d"`,
				`[[event.source]]`,
				`url = "u"`,
			),
			want: `top
  title 1:1 v9 e1
event 2
  id 3:3 v8 e3
  source 4
    url 5:2 v8 e5
event 6
  id 7:1 v6 e7
  claim 8
    text 9:1 v8 e9
event 10
  id 11:1 v6 e11
  source 14
    url 15:1 v7 e15
  claim 12
    text 13:1 v8 e13
`,
		},
		{
			name: "multi-line arrays and inline tables",
			src: tomlLines(
				`[[event]]`,
				`id = "a"`,
				`links = [`,
				`  "b",`,
				`  { to = "c", note = "x = y" },`,
				`  # title = "comment"`,
				`]`,
				`tags = ["[", "]", '{', "}"]`,
				`people = [ # [ comment`,
				`  "title = fake",`,
				`  'id = "fake"', # ]`,
				`]`,
				`places = { a = [1, [2, 3]], b = { c = "]" } }`,
				`nested = [`,
				`[["x"]],`,
				`[ [ "event" ] ],`,
				`]`,
				`title = "A"`,
			),
			want: `top
event 1
  id 2:1 v6 e2
  links 3:1 v9 e7
  tags 8:1 v8 e8
  people 9:1 v10 e12
  places 13:1 v10 e13
  nested 14:1 v10 e17
  title 18:1 v9 e18
`,
		},
		{
			name: "multi-line inline table and a multi-line string inside one",
			src: tomlLines(
				`[[event]]`,
				`extra = {`,
				`  title = "inner",`,
				`  id = "inner",`,
				`}`,
				`links = [{ to = "b", note = """`,
				`[[event]]`,
				`""" }]`,
				`id = "a"`,
			),
			want: `top
event 1
  extra 2:1 v9 e5
  links 6:1 v9 e8
  id 9:1 v6 e9
`,
		},
		{
			name: "sources and claims under the right event, eras between",
			src: tomlLines(
				`title = "t"`,
				`[[era]]`,
				`title = "E1"`,
				`[[event]]`,
				`id = "a"`,
				`[[event.source]]`,
				`title = "s1"`,
				`[[event.source]]`,
				`title = "s2"`,
				`[[event.claim]]`,
				`text = "c1"`,
				`[[era]]`,
				`title = "E2"`,
				`[[event]]`,
				`id = "b"`,
				`[[event.claim]]`,
				`text = "c2"`,
			),
			want: `top
  title 1:1 v9 e1
era 2
  title 3:1 v9 e3
era 12
  title 13:1 v9 e13
event 4
  id 5:1 v6 e5
  source 6
    title 7:1 v9 e7
  source 8
    title 9:1 v9 e9
  claim 10
    text 11:1 v8 e11
event 14
  id 15:1 v6 e15
  claim 16
    text 17:1 v8 e17
`,
		},
		{
			name: "CRLF lines",
			src: strings.ReplaceAll(tomlLines(
				`title = "t"`,
				`[[event]]`,
				`id = "a"`,
				`body = """`,
				`[[event]]`,
				`"""`,
				`date = 2018-01-01`,
				`[[event]]   # c`,
				`id = "b"`,
			), "\n", "\r\n"),
			want: `top
  title 1:1 v9 e1
event 2
  id 3:1 v6 e3
  body 4:1 v8 e6
  date 7:1 v8 e7
event 8
  id 9:1 v6 e9
`,
		},
		{
			name: "dotted and quoted keys, columns in characters",
			src: tomlLines(
				`site."google.com" = true`,
				`[[event]]`,
				`a.b.c = 1`,
				`"quoted key" = 2`,
				`'lit.key' = 3`,
				`x . y = 5`,
				`a.d = 6`,
				`"clé" = "v"`,
				`"ключ"="w"`,
				"tabbed =\t\t7",
			),
			want: `top
  site 1:1 v21 e1
event 2
  a 3:1 v9 e3
  quoted key 4:1 v16 e4
  lit.key 5:1 v13 e5
  x 6:1 v9 e6
  clé 8:1 v9 e8
  ключ 9:1 v8 e9
  tabbed 10:1 v11 e10
`,
		},
		{
			name: "a single [event.x] table is noted on the event, its keys are not",
			src: tomlLines(
				`[[event]]`,
				`id = "a"`,
				`[event.meta]`,
				`id = "not-the-event"`,
				`[[event.source]]`,
				`url = "u"`,
			),
			want: `top
event 1
  id 2:1 v6 e2
  meta 3:1 v1 e3
  source 5
    url 6:1 v7 e6
`,
		},
		{
			name: "no events",
			src:  tomlLines(`# only a comment`, ``, `title = "t"`),
			want: `top
  title 3:1 v9 e3
`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := scanLayout(tt.src)
			if got := layoutDump(l); got != tt.want {
				t.Errorf("layout differs\n--- got\n%s--- want\n%s", got, tt.want)
			}
			// the single [event.meta] table is a key for the scanner only
			if !strings.Contains(tt.src, "[event.meta]") {
				crossCheckLayout(t, tt.src, l)
			} else if len(l.Events) != 1 {
				t.Errorf("found %d events, want 1", len(l.Events))
			}
		})
	}
}

// TestLayoutFind pins where a link to a missing id is pointed at
// (linkFinder, each id looked for from the start of the value): the
// quoted id inside a multi-line links array, in characters.
func TestLayoutFind(t *testing.T) {
	src := tomlLines(
		`[[event]]`,
		`id = "a"`,
		`links = [`,
		`  "ok", { to = "café", note = "missing" },`,
		`  'missing',`,
		`]`,
		`title = "missing"`,
		`[[event]]`,
		`id = "b"`,
	)
	l := scanLayout(src)
	ev := l.Events[0].tablePos
	tests := []struct {
		id        string
		line, col int
	}{
		{"ok", 4, 3},
		{"café", 4, 16},
		{"missing", 4, 31}, // the note comes first: any quoted occurrence
		{"absent", 3, 9},   // not found: the value
	}
	for _, tt := range tests {
		var lf linkFinder
		line, col := lf.find(l, ev, tt.id)
		if line != tt.line || col != tt.col {
			t.Errorf("find(%q) = %d:%d, want %d:%d", tt.id, line, col, tt.line, tt.col)
		}
	}
	var lf linkFinder
	if line, col := lf.find(l, l.Events[1].tablePos, "x"); line != 8 || col != 0 {
		t.Errorf("find in a missing key = %d:%d, want the header 8:0", line, col)
	}
}
