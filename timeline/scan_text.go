package timeline

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// The scan stage (see scan.go) on the text itself, read with its lexer
// (scan_lex.go): how deep brackets nest, where the items of an array and
// the links of an event are, where a token ends, and where a big file can
// be cut.

// lineStart returns the byte offset of the start of line n (from 1) of
// src, or len(src).
func lineStart(src string, n int) int {
	off := 0
	for ; n > 1; n-- {
		i := strings.IndexByte(src[off:], '\n')
		if i < 0 {
			return len(src)
		}
		off += i + 1
	}
	return off
}

// lineOf returns line n (from 1) of src, without its line end.
func lineOf(src string, n int) string {
	text := src[lineStart(src, n):]
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		text = text[:i]
	}
	return strings.TrimSuffix(text, "\r")
}

// linkFinder finds the links of one event in its links value, in order:
// each search starts after the link found before, so that the same id
// linked twice is found twice, and 10,000 links cost one pass over the
// value, not 10,000.
type linkFinder struct {
	line, off int // where the next search starts; line 0: the value's start
	// col is the column of byte off on its line, so that a line of
	// 10,000 links is not counted from its start for each
	col    int
	missed bool // an id was not found as written (escapes): stop looking
}

// find returns the position of the quoted id s in key links of t, at or
// after the last one found, or the value's position. After one id is not
// found as it is written (an id with escapes), every later one gets the
// value's position too: a search to the end of the value for each would
// be quadratic.
func (lf *linkFinder) find(l *fileLayout, t tablePos, s string) (line, col int) {
	k, ok := t.get("links")
	if !ok {
		return t.Line, 0
	}
	if lf.missed {
		return k.Line, k.ValueCol
	}
	if lf.line == 0 {
		lf.line, lf.off, lf.col = k.Line, -1, 0
	}
	dq, sq := `"`+s+`"`, `'`+s+`'`
	for ln := lf.line; ln <= k.End; ln++ {
		text, ok := l.line(ln)
		if !ok {
			break
		}
		if ln != lf.line || lf.off < 0 {
			// a new line: from its start, or from the value on the key's
			lf.line, lf.off, lf.col = ln, 0, 1
			if ln == k.Line && k.ValueCol > 1 {
				lf.off = min(len(text), byteOffset(text, k.ValueCol))
				lf.col = runeCol(text, lf.off)
			}
		}
		from := lf.off
		// (the other quote is looked for only before the first: a search
		// to the end of a long line for each link would be quadratic)
		i, q := strings.Index(text[from:], dq), dq
		before := text[from:]
		if i >= 0 {
			before = text[from : from+i]
		}
		if j := strings.Index(before, sq); j >= 0 {
			i, q = j, sq
		}
		if i >= 0 {
			col := lf.col + utf8.RuneCountInString(text[from:from+i])
			lf.off, lf.col = from+i+len(q), col+utf8.RuneCountInString(q)
			return ln, col
		}
	}
	lf.missed = true
	return k.Line, k.ValueCol
}

// itemFinder finds the items of one array value, such as tags = ["a", 5],
// in order: where the value of a key k starts, it reads the value's lines
// with a lexer, past strings, comments, nested arrays and inline tables,
// and counts the items at its top. Each search goes on from where the one
// before stopped, so that reporting every item of an array of 10,000
// costs one pass over it, not 10,000.
type itemFinder struct {
	started bool
	failed  bool   // the value is not an array as expected
	ln      int    // the line the scan is on
	text    string // its text
	off     int    // where on it
	col     int    // the column of off, when colOff == off
	colOff  int
	lex     lexer // its depth is 1 at the array's top
	want    bool  // the next thing at the top starts an item
	n       int   // items started before
}

// find returns where item i (from 0) of the array value of k starts, as
// lineAt gives the lines of the file, or where the value starts when it
// cannot be found.
func (f *itemFinder) find(lineAt func(n int) (string, bool), k keyPos, i int) (line, col int) {
	if f.started && i < f.n {
		*f = itemFinder{} // (asked out of order: from the start)
	}
	if !f.started {
		f.started = true
		text, ok := lineAt(k.Line)
		off := byteOffset(text, k.ValueCol)
		if !ok || k.ValueCol < 1 || off >= len(text) || text[off] != '[' {
			f.failed = true
		} else {
			f.ln, f.text, f.off, f.col, f.colOff = k.Line, text, off+1, k.ValueCol+1, off+1
			f.lex, f.want = lexer{depth: 1}, true
		}
	}
	if f.failed {
		return k.Line, k.ValueCol
	}
	for {
		for f.off < len(f.text) {
			before := f.lex
			kind, end := f.lex.next(f.text, f.off)
			if before.depth == 1 && before.multi == 0 {
				switch {
				case kind == tokClose && f.text[f.off] == ']':
					f.failed = true // the end: there is no item i
					return k.Line, k.ValueCol
				case kind == tokComma:
					f.want = true
				case kind == tokSpace || kind == tokComment:
				case f.want:
					if f.n == i {
						f.lex = before // (the item is read on from its start)
						f.col += utf8.RuneCountInString(f.text[f.colOff:f.off])
						f.colOff = f.off
						return f.ln, f.col
					}
					f.n++
					f.want = false
				}
			}
			f.off = end
		}
		if f.ln >= k.End {
			f.failed = true
			return k.Line, k.ValueCol
		}
		text, ok := lineAt(f.ln + 1)
		if !ok {
			f.failed = true
			return k.Line, k.ValueCol
		}
		f.ln, f.text, f.off, f.col, f.colOff = f.ln+1, text, 0, 1, 0
	}
}

// byteOffset is the byte offset of rune column col (from 1) of line.
func byteOffset(line string, col int) int {
	for i := range line {
		if col--; col == 0 {
			return i
		}
	}
	return len(line)
}

// maxNesting is how deep arrays and inline tables may be nested. The
// format needs two (links = [{ to = "id" }]); the TOML decoder takes time
// that grows with the square of the depth of inline tables, and stack with
// the depth of arrays, so a file nested deeper is refused before it is
// decoded.
const maxNesting = 100

var tooDeepMessage = fmt.Sprintf("TOML syntax: arrays and inline tables nested more than %d deep: a chronology needs two at most (links = [{ to = \"id\" }])", maxNesting)

// tooDeep reports whether src nests arrays and inline tables more than
// maxNesting deep, and where the first one too deep opens. It reads every
// line, headers and keys too, with the layout scanner's lexer.
func tooDeep(src string) (line, col int, deep bool) {
	var lx lexer
	for ln, off := 1, 0; off < len(src); ln++ {
		end := strings.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src) - off
		}
		text := src[off : off+end]
		if at := lx.line(text, 0); at >= 0 {
			return ln, runeCol(text, at), true
		}
		off += end + 1
	}
	return 0, 0, false
}

// splitFile returns where the parts of src start: the first at 0, the
// others at lines that look like an [[event]] header, about size bytes
// apart.
func splitFile(src string, size int) []int {
	starts := []int{0}
	for from := size; from < len(src); {
		i := nextEventHeader(src, from)
		if i < 0 {
			break
		}
		if i > starts[len(starts)-1] {
			starts = append(starts, i)
		}
		from = max(i+1, starts[len(starts)-1]+size)
	}
	return starts
}

// nextEventHeader returns the start of the first line at or after from
// that the layout scanner would read as an [[event]] header, or -1.
func nextEventHeader(src string, from int) int {
	for from < len(src) {
		j := strings.Index(src[from:], "[[")
		if j < 0 {
			return -1
		}
		h := from + j
		ls := strings.LastIndexByte(src[:h], '\n') + 1
		if strings.TrimLeft(src[ls:h], " \t") == "" {
			le := strings.IndexByte(src[h:], '\n')
			if le < 0 {
				le = len(src) - h
			}
			if name, _ := tableName(src[h+2:h+le], "]]"); name == "event" {
				return ls
			}
		}
		from = h + 2
	}
	return -1
}

// spanLen returns how many characters the token at rune column col of
// line spans: a quoted string to its closing quote (or the end of the
// line), a [header], array or inline table to its closing bracket on the
// line, a bare key or value up to what ends it; 1 for anything else.
func spanLen(line string, col int) int {
	i := byteOffset(line, col)
	if i >= len(line) {
		return 1
	}
	var end int
	switch c := line[i]; {
	case c == '"' || c == '\'':
		var lx lexer
		_, end = lx.next(line, i)
	case c == '[' || c == '{':
		end = closingBracket(line, i)
	case isBareKeyChar(c) || c == '+' || c == '.':
		end = i
		for end < len(line) && !strings.ContainsRune(" \t,]}#=", rune(line[end])) {
			end++
		}
	default:
		_, size := utf8.DecodeRuneInString(line[i:])
		end = i + size
	}
	return max(utf8.RuneCountInString(line[i:end]), 1)
}

// closingBracket returns the index after the bracket that closes the one
// at line[i], past strings, or the end of the line without its comment.
func closingBracket(line string, i int) int {
	var lx lexer
	for j := i; j < len(line); {
		kind, end := lx.next(line, j)
		switch {
		case kind == tokClose && lx.depth == 0:
			return end
		case kind == tokComment:
			return len(strings.TrimRight(line[:j], " \t"))
		}
		j = end
	}
	return len(line)
}
