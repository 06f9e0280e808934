package main

import (
	"fmt"
	"testing"
)

// click sends a left click at column x, line y (both from 0) as a
// terminal reports it with SGR mouse reporting on.
func (tt *tmuxTerm) click(x, y int) {
	tt.t.Helper()
	for _, final := range []string{"M", "m"} { // press, release
		seq := fmt.Sprintf("\x1b[<0;%d;%d%s", x+1, y+1, final)
		args := []string{"send-keys", "-t", "main", "-H"}
		for _, b := range []byte(seq) {
			args = append(args, fmt.Sprintf("%02x", b))
		}
		tt.tmux(args...)
	}
}

// TestRulerEndToEnd: the built-in chronology as a timeline in a real
// terminal: the ruler with its eras and the twenty quiet years after
// Printz, zoomed with +, a click on its left end selecting the first
// event, and three events read one after the other with J without
// leaving the detail pane.
func TestRulerEndToEnd(t *testing.T) {
	bin := endToEnd(t)
	tt := startTUI(t, bin, t.TempDir(), 120, 40)
	for _, want := range []string{"├ Trump's first", "20 years later", "25–28 Feb 2018", "1/43"} {
		tt.waitFor(want, true)
	}
	tt.keys("G")
	tt.waitFor("43/43", true)
	tt.keys("+", "+")
	tt.waitFor("Jan 2025", true) // the span is months now, around the last event
	tt.keys("=")
	tt.click(0, 2) // the ruler's left end: the first event
	tt.waitFor("1/43", true)
	tt.keys("Enter")
	tt.waitFor("Printz v. United States: Washington cannot", true)
	tt.keys("J")
	tt.waitFor("2/43", true)
	tt.waitFor("Executive Order 13768", true)
	tt.keys("J")
	tt.waitFor("3/43", true)
	tt.keys("J")
	tt.waitFor("4/43", true)
	tt.waitFor("esc/h/← back to list", true) // still reading in the detail
	checkWidth(t, tt.screen(), 120)
	tt.quitCleanly("4/43")
}
