package timeline

import "strings"

// The scan stage's one reader of TOML's lexical syntax, a line at a time:
// strings (basic "...", literal '...', multi-line """...""" and '''...'''
// with their escapes and the up to two quotes that may end the text of a
// multi-line one), comments, and the nesting of [ ] and { }. The layout
// scanner, the nesting guard (tooDeep), the items of an array value
// (itemFinder) and the length of a token under a diagnostic (spanLen) all
// read TOML through it.

// tokKind is what a token of a line is.
type tokKind uint8

const (
	tokSpace   tokKind = iota // spaces, tabs and carriage returns
	tokComment                // a # and the rest of the line
	tokString                 // a string, or the part on the line of a multi-line one
	tokOpen                   // [ or {
	tokClose                  // ] or }
	tokComma                  // ,
	tokOther                  // a run of anything else: a bare key or value, =, .
)

// lexer reads TOML text line by line (each without its line end), a token
// at a time, and carries what a line leaves open to the next: a
// multi-line string, and brackets.
type lexer struct {
	multi byte // the quote of the multi-line string open, '"' or '\'', or 0
	depth int  // [ and { open (a ] or } at none is not counted)
}

// clean reports whether the lexer is outside strings and brackets.
func (lx *lexer) clean() bool { return lx.multi == 0 && lx.depth == 0 }

// next reads the token at byte i of line (i < len(line)), in the state
// the text before left, and returns its kind and the index after it. The
// part on the line of a multi-line string is a tokString that ends after
// its closing quotes, or at the end of the line when it goes on.
func (lx *lexer) next(line string, i int) (tokKind, int) {
	if lx.multi != 0 {
		return tokString, lx.multiEnd(line, i)
	}
	switch c := line[i]; c {
	case ' ', '\t', '\r':
		j := i + 1
		for j < len(line) && (line[j] == ' ' || line[j] == '\t' || line[j] == '\r') {
			j++
		}
		return tokSpace, j
	case '#':
		return tokComment, len(line)
	case '"', '\'':
		if i+2 < len(line) && line[i+1] == c && line[i+2] == c {
			lx.multi = c
			return tokString, lx.multiEnd(line, i+3)
		}
		end, _ := stringEnd(line, i)
		return tokString, end
	case '[', '{':
		lx.depth++
		return tokOpen, i + 1
	case ']', '}':
		if lx.depth > 0 {
			lx.depth--
		}
		return tokClose, i + 1
	case ',':
		return tokComma, i + 1
	}
	j := i + 1
	for j < len(line) && !lexStops[line[j]] {
		j++
	}
	return tokOther, j
}

// lexStops are the bytes that end a tokOther.
var lexStops = [256]bool{' ': true, '\t': true, '\r': true, '#': true, '"': true, '\'': true,
	'[': true, ']': true, '{': true, '}': true, ',': true}

// line reads line on from byte i to its end, and returns the index of the
// first bracket on it that opens more than maxNesting deep, or -1.
func (lx *lexer) line(line string, i int) (deep int) {
	deep = -1
	for i < len(line) {
		kind, end := lx.next(line, i)
		if kind == tokOpen && lx.depth > maxNesting && deep < 0 {
			deep = i
		}
		i = end
	}
	return deep
}

// multiEnd returns the index after the quotes that close the multi-line
// string open, from byte i of line on (and clears lx.multi), or the end
// of the line when it goes on. Up to two quotes after the closing three
// are the last of its text.
func (lx *lexer) multiEnd(line string, i int) int {
	q := lx.multi
	for {
		j := closingQuote(line, i, q)
		if j < 0 {
			return len(line)
		}
		if j+2 < len(line) && line[j+1] == q && line[j+2] == q {
			j += 3
			for n := 0; n < 2 && j < len(line) && line[j] == q; n++ {
				j++
			}
			lx.multi = 0
			return j
		}
		i = j + 1
	}
}

// stringEnd reads the one-line string whose opening quote is line[i],
// and returns the index after its closing quote and true, or the end of
// the line and false when it is not closed there.
func stringEnd(line string, i int) (end int, closed bool) {
	j := closingQuote(line, i+1, line[i])
	if j < 0 {
		return len(line), false
	}
	return j + 1, true
}

// closingQuote returns the index of the first quote q at or after byte i
// of line that no backslash escapes (there are escapes when q is '"'), or
// -1. Both searches jump (strings.IndexByte), and none looks at a byte
// twice, however many escapes there are.
func closingQuote(line string, i int, q byte) int {
	j := -1 // the first q at or after i, once j >= i
	for i < len(line) {
		if j < i {
			n := strings.IndexByte(line[i:], q)
			if n < 0 {
				return -1
			}
			j = i + n
		}
		if q == '"' {
			if k := strings.IndexByte(line[i:j], '\\'); k >= 0 {
				i += k + 2 // (the escaped byte)
				continue
			}
		}
		return j
	}
	return -1
}
