package timeline

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// What a diagnostic points at: the line it is on, kept with it, and how
// far the thing it is about goes along the line, so that it can be shown
// under the text.

// maxSourceBytes is how much of a line a diagnostic keeps: a line of a
// body can be very long, and only the part around the column is shown.
const maxSourceBytes = 4096

// annotate gives the diagnostics ds of file text src (after its byte
// order mark, with LF line ends) their line's text and, where they have a
// column but no length, the length of the token at the column. The lines
// are found in one pass over src.
func annotate(ds Diagnostics, src string) {
	order := make([]int, 0, len(ds))
	for i := range ds {
		if ds[i].Pos.Line > 0 && ds[i].source == "" {
			order = append(order, i)
		}
	}
	if len(order) == 0 {
		return
	}
	slices.SortStableFunc(order, func(a, b int) int { return ds[a].Pos.Line - ds[b].Pos.Line })
	line, start := 1, 0
	for _, i := range order {
		d := &ds[i]
		for line < d.Pos.Line {
			nl := strings.IndexByte(src[start:], '\n')
			if nl < 0 {
				return // (past the end of the text: no line to show)
			}
			start += nl + 1
			line++
		}
		text := src[start:]
		if nl := strings.IndexByte(text, '\n'); nl >= 0 {
			text = text[:nl]
		}
		annotateLine(d, text)
	}
}

// annotateLine gives d the text of its line, or of the part of a long
// line around its column, and a length if it has none.
func annotateLine(d *Diagnostic, text string) {
	if d.Pos.Col > 0 && d.Len == 0 {
		d.Len = spanLen(text, d.Pos.Col)
	}
	d.sourceCol = d.Pos.Col
	if len(text) > maxSourceBytes {
		from := 0
		if d.Pos.Col > 0 {
			from = max(byteOffset(text, d.Pos.Col)-maxSourceBytes/2, 0)
		}
		for from > 0 && !utf8.RuneStart(text[from]) {
			from--
		}
		end := min(from+maxSourceBytes, len(text))
		for end < len(text) && !utf8.RuneStart(text[end]) {
			end--
		}
		if d.Pos.Col > 0 {
			d.sourceCol -= utf8.RuneCountInString(text[:from])
		}
		text = text[from:end]
	}
	d.source = strings.Clone(text) // (not a piece of the whole file's text)
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
	case strings.HasPrefix(line[i:], `"""`) || strings.HasPrefix(line[i:], `'''`):
		if j := strings.Index(line[i+3:], line[i:i+3]); j >= 0 {
			end = i + 3 + j + 3
		} else {
			end = len(line)
		}
	case c == '"' || c == '\'':
		end = skipString(line, i+1, c)
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
// at line[i], past strings, or the end of the line without comment.
func closingBracket(line string, i int) int {
	depth := 0
	for j := i; j < len(line); j++ {
		switch c := line[j]; c {
		case '"', '\'':
			j = skipString(line, j+1, c) - 1
		case '[', '{':
			depth++
		case ']', '}':
			if depth--; depth == 0 {
				return j + 1
			}
		case '#':
			return len(strings.TrimRight(line[:j], " \t"))
		}
	}
	return len(line)
}
