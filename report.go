package main

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"backstory/timeline"
)

// writeDiagnostics prints diags one a line. With source, each that knows
// its line is followed by the line and a caret under what it is about,
// the way compilers show an error:
//
//	a.toml:2:7: TOML syntax: ... but got 'y' instead
//	    2 | x = 1 y = 2
//	      |       ^
//
// width is the terminal's, which a long line is cut to around the caret.
func writeDiagnostics(w io.Writer, diags timeline.Diagnostics, source bool, width int) {
	for _, d := range diags {
		fmt.Fprintln(w, d.String())
		if source {
			writeSource(w, d, width)
		}
	}
}

// writeSource prints the line of d with a caret under its span.
func writeSource(w io.Writer, d timeline.Diagnostic, width int) {
	text, col := d.Excerpt()
	if text == "" || col < 1 {
		return
	}
	// the line in three pieces, each made harmless: before the span, the
	// span, after it (tabs become spaces, so the caret stays under it)
	start := byteAt(text, col)
	end := byteAt(text[start:], max(d.Len, 1)+1) + start
	before := timeline.HarmlessLine(text[:start])
	span := timeline.HarmlessLine(text[start:end])
	after := timeline.HarmlessLine(text[end:])

	gutter := fmt.Sprintf("%5d | ", d.Pos.Line)
	room := max(width-len(gutter), 20)
	indent := ansi.StringWidth(before)
	carets := max(ansi.StringWidth(span), 1)
	if indent+carets > room {
		// keep a third of the room before the span
		cut := indent - room/3
		before = "…" + ansi.TruncateLeft(before, cut+1, "")
		indent = ansi.StringWidth(before)
	}
	carets = min(carets, max(room-indent, 1))
	line := ansi.Truncate(before+span+after, room, "…")
	fmt.Fprintf(w, "%s%s\n", gutter, strings.TrimRight(line, " "))
	fmt.Fprintf(w, "%s| %s%s\n", strings.Repeat(" ", len(gutter)-2), strings.Repeat(" ", indent), strings.Repeat("^", carets))
}

// byteAt returns the byte offset of rune column col (from 1) of s, or
// len(s) past its end.
func byteAt(s string, col int) int {
	i := 0
	for n := 1; n < col && i < len(s); n++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return i
}
