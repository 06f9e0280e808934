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
