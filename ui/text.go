package ui

import (
	"strings"
	"unicode/utf8"

	"backstory/timeline"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// Helpers that keep every line inside its box: the viewer never draws a
// line wider than its pane or more lines than its height.

// maxLineBytes bounds the text from the files that is drawn on one line
// (a title in a list row, the header, a status message): Bubble Tea takes
// no terminal wider than 4096 cells, a cell is at most 4 bytes but for
// combining marks, and cutting before measuring keeps a 1 MB title from
// costing tens of milliseconds a frame.
const maxLineBytes = 16 << 10

// short cuts s to maxLineBytes, for a line of the screen.
func short(s string) string { return capText(s, maxLineBytes) }

// capText cuts s to at most n bytes at a rune boundary and ends it with
// "…" when it cut.
func capText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	i := max(n, 0)
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}

// fit cuts s to at most w cells (with an ellipsis when something was cut)
// and pads it with spaces to exactly w cells.
func fit(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if ansi.StringWidth(s) > w {
		s = ansi.Truncate(s, w, "…")
	}
	if n := w - ansi.StringWidth(s); n > 0 {
		s += strings.Repeat(" ", n)
	}
	return s
}

// cut cuts s to at most w cells without padding.
func cut(s string, w int) string {
	if w <= 0 {
		return ""
	}
	if ansi.StringWidth(s) > w {
		return ansi.Truncate(s, w, "…")
	}
	return s
}

// box makes lines exactly w cells wide and h lines tall.
func box(lines []string, w, h int) []string {
	if h <= 0 {
		return nil
	}
	out := make([]string, h)
	for i := range out {
		if i < len(lines) {
			out[i] = fit(lines[i], w)
		} else {
			out[i] = fit("", w)
		}
	}
	return out
}

// clip is the last guard of View: at most h lines, none wider than w.
func clip(s string, w, h int) string {
	if w <= 0 || h <= 0 {
		return ""
	}
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	for i, l := range lines {
		if ansi.StringWidth(l) > w {
			lines[i] = ansi.Truncate(l, w, "")
		}
	}
	return strings.Join(lines, "\n")
}

// highlight draws plain text s in base, with every occurrence of the
// filter words in hi. Words are compared folded (case and accents ignored,
// as the query does), so "mexico" lights up "México".
func highlight(s string, words []string, base, hi lipgloss.Style) string {
	marks := matchMarks(s, words)
	if marks == nil {
		return base.Render(s)
	}
	runes := []rune(s)
	var b strings.Builder
	start := 0
	for i := 1; i <= len(runes); i++ {
		if i == len(runes) || marks[i] != marks[start] {
			seg := string(runes[start:i])
			if marks[start] {
				b.WriteString(hi.Render(seg))
			} else {
				b.WriteString(base.Render(seg))
			}
			start = i
		}
	}
	return b.String()
}

// matchMarks says for each rune of s whether it is part of a match of one
// of the words; nil when nothing matches.
func matchMarks(s string, words []string) []bool {
	if len(words) == 0 || s == "" {
		return nil
	}
	runes := []rune(s)
	var folded strings.Builder
	starts := make([]int, len(runes)+1)
	for i, r := range runes {
		starts[i] = folded.Len()
		folded.WriteString(timeline.Fold(string(r)))
	}
	starts[len(runes)] = folded.Len()
	text := folded.String()
	var marks []bool
	for _, w := range words {
		fw := timeline.Fold(strings.Join(strings.Fields(w), " "))
		if fw == "" {
			continue
		}
		for from := 0; from < len(text); {
			i := strings.Index(text[from:], fw)
			if i < 0 {
				break
			}
			lo, hi := from+i, from+i+len(fw)
			if marks == nil {
				marks = make([]bool, len(runes))
			}
			for r := range runes {
				if starts[r] < hi && starts[r+1] > lo {
					marks[r] = true
				}
			}
			from = hi
		}
	}
	return marks
}

// hasMatch reports whether plain text s contains one of the words, folded.
func hasMatch(s string, words []string) bool {
	if len(words) == 0 {
		return false
	}
	f := timeline.Fold(s)
	for _, w := range words {
		if fw := timeline.Fold(strings.Join(strings.Fields(w), " ")); fw != "" && strings.Contains(f, fw) {
			return true
		}
	}
	return false
}
