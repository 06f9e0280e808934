package timeline

import (
	"fmt"
	"strings"
	"testing"
)

// lexDump reads lines with one lexer and writes each token as
// kind:text, separated by |, a line each; after the tokens of a line, the
// state it leaves: "multi" and its quote when a multi-line string goes
// on, and the depth when brackets are open.
func lexDump(lines ...string) string {
	names := [...]string{tokSpace: "sp", tokComment: "com", tokString: "str", tokOpen: "open", tokClose: "close", tokComma: "comma", tokOther: "other"}
	var b strings.Builder
	var lx lexer
	for n, line := range lines {
		if n > 0 {
			b.WriteString("\n")
		}
		for i := 0; i < len(line); {
			kind, end := lx.next(line, i)
			if end <= i || end > len(line) {
				return fmt.Sprintf("%q: token at %d ends at %d", line, i, end)
			}
			if i > 0 {
				b.WriteString("|")
			}
			fmt.Fprintf(&b, "%s:%s", names[kind], line[i:end])
			i = end
		}
		if lx.multi != 0 {
			fmt.Fprintf(&b, " (multi %c)", lx.multi)
		}
		if lx.depth > 0 {
			fmt.Fprintf(&b, " (depth %d)", lx.depth)
		}
	}
	return b.String()
}

// TestLexer: the one lexer of TOML text reads strings (with escapes in
// basic ones only, multi-line ones over lines, up to two quotes more
// before the closing three), comments, brackets and commas as TOML does.
func TestLexer(t *testing.T) {
	for _, tt := range []struct {
		name  string
		lines []string
		want  string
	}{
		{"a key and a value", []string{`title = "A" # c`},
			`other:title|sp: |other:=|sp: |str:"A"|sp: |com:# c`},
		{"escapes in a basic string", []string{`x = "a\"b\\" "\\\"", 1`},
			`other:x|sp: |other:=|sp: |str:"a\"b\\"|sp: |str:"\\\""|comma:,|sp: |other:1`},
		{"no escapes in a literal string", []string{`x = 'a\' 'b'`},
			`other:x|sp: |other:=|sp: |str:'a\'|sp: |str:'b'`},
		{"# in strings", []string{`x = "a#b" '#' """#""" '''#''' # "`},
			`other:x|sp: |other:=|sp: |str:"a#b"|sp: |str:'#'|sp: |str:"""#"""|sp: |str:'''#'''|sp: |com:# "`},
		{"brackets in strings and comments", []string{`x = ["]", '[', {a = "}"}, """]""", '''[''' # ]]`},
			`other:x|sp: |other:=|sp: |open:[|str:"]"|comma:,|sp: |str:'['|comma:,|sp: |open:{|other:a|sp: |other:=|sp: |str:"}"|close:}|comma:,|sp: |str:"""]"""|comma:,|sp: |str:'''['''|sp: |com:# ]] (depth 1)`},
		{"an escaped quote before the closing ones", []string{`x = """a\""""`, `y`},
			"other:x|sp: |other:=|sp: |str:\"\"\"a\\\"\"\"\"\nother:y"},
		{`\""" inside a multi-line string`, []string{`x = """a\"""b`, `c"""`},
			"other:x|sp: |other:=|sp: |str:\"\"\"a\\\"\"\"b (multi \")\nstr:c\"\"\""},
		{"four quotes close, the first is text", []string{`x = """a"""" [`},
			`other:x|sp: |other:=|sp: |str:"""a""""|sp: |open:[ (depth 1)`},
		{"five quotes close, two are text", []string{`x = """a""""" [`, `'''b''''' ]`},
			"other:x|sp: |other:=|sp: |str:\"\"\"a\"\"\"\"\"|sp: |open:[ (depth 1)\nstr:'''b'''''|sp: |close:]"},
		{"six quotes: five close, one opens", []string{`x = """a""""""`},
			`other:x|sp: |other:=|sp: |str:"""a"""""|str:"`},
		{"an empty multi-line string", []string{`x = """""" ''''''`},
			`other:x|sp: |other:=|sp: |str:""""""|sp: |str:''''''`},
		{"a multi-line string over lines", []string{`body = """`, `text "quoted" "" # [ {`, `'''`, `end""" ]`},
			"other:body|sp: |other:=|sp: |str:\"\"\" (multi \")\nstr:text \"quoted\" \"\" # [ { (multi \")\nstr:''' (multi \")\nstr:end\"\"\"|sp: |close:]"},
		{"a line-ending backslash in a multi-line string", []string{`x = """a\`, `"""`},
			"other:x|sp: |other:=|sp: |str:\"\"\"a\\ (multi \")\nstr:\"\"\""},
		{"a multi-line literal string has no escapes", []string{`x = '''a\'''`, `y`},
			"other:x|sp: |other:=|sp: |str:'''a\\'''\nother:y"},
		{"CRLF: the carriage return is space", []string{"x = [1,\r", "\"\"\"a\r", "b\"\"\"]\r"},
			"other:x|sp: |other:=|sp: |open:[|other:1|comma:,|sp:\r (depth 1)\nstr:\"\"\"a\r (multi \") (depth 1)\nstr:b\"\"\"|close:]|sp:\r"},
		{"unterminated one-line strings end with the line", []string{`x = "a [`, `y = 'b {`, `z = "c\`, `]`},
			"other:x|sp: |other:=|sp: |str:\"a [\nother:y|sp: |other:=|sp: |str:'b {\nother:z|sp: |other:=|sp: |str:\"c\\\nclose:]"},
		{"an unterminated multi-line string goes on to the end", []string{`x = '''a ]`, `# [`},
			"other:x|sp: |other:=|sp: |str:'''a ] (multi ')\nstr:# [ (multi ')"},
		{"nesting over lines; a close at none is not counted", []string{`] x = [[`, `{ a = 1 }, # }`, `]]]`, `[`},
			"close:]|sp: |other:x|sp: |other:=|sp: |open:[|open:[ (depth 2)\nopen:{|sp: |other:a|sp: |other:=|sp: |other:1|sp: |close:}|comma:,|sp: |com:# } (depth 2)\nclose:]|close:]|close:]\nopen:[ (depth 1)"},
		{"a header", []string{`[[ "event" . source ]] # x`},
			`open:[|open:[|sp: |str:"event"|sp: |other:.|sp: |other:source|sp: |close:]|close:]|sp: |com:# x`},
		{"other runs end at what the lexer reads", []string{"a=1979-05-27T07:32:00Z,b.c\t'd'"},
			"other:a=1979-05-27T07:32:00Z|comma:,|other:b.c|sp:\t|str:'d'"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := lexDump(tt.lines...); got != tt.want {
				t.Errorf("lines %q\n got %s\nwant %s", tt.lines, got, tt.want)
			}
		})
	}
}

// TestLexerLineDeep: line reports the first bracket that opens more than
// maxNesting deep, and reads the line on to its end after it.
func TestLexerLineDeep(t *testing.T) {
	var lx lexer
	deep := "x = " + strings.Repeat("[", maxNesting) + ` "[" [ '''`
	if got, want := lx.line(deep, 0), len(deep)-5; got != want {
		t.Errorf("deep at %d, want %d", got, want)
	}
	if lx.depth != maxNesting+1 || lx.multi != '\'' {
		t.Errorf("state after the line: depth %d, multi %q", lx.depth, lx.multi)
	}
	lx = lexer{}
	if got := lx.line("x = "+strings.Repeat("[", maxNesting)+strings.Repeat("]", maxNesting), 0); got != -1 {
		t.Errorf("maxNesting deep reported at %d", got)
	}
}

// TestStringEnd: a one-line string ends after its closing quote, escapes
// in basic strings only, or at the end of the line; many escapes are read
// in one pass.
func TestStringEnd(t *testing.T) {
	for _, tt := range []struct {
		line   string
		end    int
		closed bool
	}{
		{`"abc" x`, 5, true},
		{`"a\"b" x`, 6, true},
		{`"a\\" x`, 5, true},
		{`"a\\\"" x`, 7, true},
		{`'a\' x`, 4, true},
		{`"""`, 2, true}, // (a key is never multi-line: "" then ")
		{`"abc`, 4, false},
		{`"abc\`, 5, false},
		{`"abc\"`, 6, false},
		{`'abc`, 4, false},
		{`"` + strings.Repeat(`\\`, 5000) + `"`, 10002, true},
		{`"` + strings.Repeat(`\"`, 5000), 10001, false},
	} {
		end, closed := stringEnd(tt.line, 0)
		if end != tt.end || closed != tt.closed {
			t.Errorf("stringEnd(%.20q) = %d, %v; want %d, %v", tt.line, end, closed, tt.end, tt.closed)
		}
	}
}

// TestSpanLen: the length of the token a diagnostic points at, as the
// lexer reads strings and brackets.
func TestSpanLen(t *testing.T) {
	for _, tt := range []struct {
		line string
		col  int
		want int
	}{
		{`id = "Bad Id" # x`, 6, 8},
		{`x = "a\"b" y`, 5, 6},
		{`x = 'a\' y`, 5, 4},
		{`x = "open`, 5, 5},
		{`x = """a""" y`, 5, 7},
		{`x = """a\"""" y`, 5, 9}, // an escaped quote, then the closing three
		{`x = """a"""" y`, 5, 8},  // four quotes: one is text
		{`x = """a""""" y`, 5, 9}, // five quotes: two are text
		{`x = '''a''''' y`, 5, 9}, // in literal strings too
		{`x = """a`, 5, 4},        // not closed on the line
		{`x = [1, "]", [2]] # c`, 5, 13},
		{`x = [1, """]""", '''[''']`, 5, 21},
		{`x = { a = "}" } y`, 5, 11},
		{`x = [1, 2 # ]`, 5, 5}, // to the comment, without the space
		{`x = [1, "a`, 5, 6},
		{`[[event]] # c`, 1, 9},
		{`date = 2018-01-01T10:00:00Z,`, 8, 20},
		{`title_x = 1`, 1, 7},
		{`x = é`, 5, 1},
		{`x = 1`, 9, 1},
	} {
		if got := spanLen(tt.line, tt.col); got != tt.want {
			t.Errorf("spanLen(%q, %d) = %d, want %d", tt.line, tt.col, got, tt.want)
		}
	}
}
