package ui

import (
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"backstory/timeline"
)

// TestBrokenAtStart: a file that does not load at start opens the viewer
// with no events and the banner expanded with every diagnostic; e opens
// the first error; quitting then exits 1 with the diagnostics; once a save
// loads the timeline is there and q exits 0.
func TestBrokenAtStart(t *testing.T) {
	good := fixtureSource(t)
	bad := strings.Replace(good, `id = "schaaf-warning"`+"\ndate = 2018-02-24", `id = "schaaf-warning"`+"\ndate = 2018-13-24", 1)
	if bad == good {
		t.Fatal("the fixture changed: no date to break")
	}
	path, opts := tempChronology(t, bad)
	_, diags := timeline.Load(path)
	if !diags.HasErrors() {
		t.Fatal("the broken file loads")
	}
	d := newDriver(t, 100, 30, opts)
	if d.quit {
		t.Fatal("the viewer quit on a file it could open")
	}
	s := d.screen()
	for _, want := range []string{"month 13", "Nothing has loaded yet", "Printz"} {
		if strings.Contains(s, want) != (want != "Printz") {
			t.Errorf("%q shown: %v:\n%s", want, !strings.Contains(s, want), s)
		}
	}
	if !d.m.problems.expanded {
		t.Error("the banner is not expanded")
	}
	if code, msg := d.m.Exit(); code != 1 || msg != diags.String() {
		t.Errorf("quitting now: exit %d %q", code, msg)
	}

	d.press("e")
	line := strconv.Itoa(eventLine(t, bad, "schaaf-warning") + 2)
	if len(d.edits) != 1 || !slices.Contains(d.edits[0], "+"+line) {
		t.Errorf("e opened %q, want the first error's line %s", d.edits, line)
	}

	// a save that loads brings the timeline
	if err := os.WriteFile(path, []byte(good), 0o644); err != nil {
		t.Fatal(err)
	}
	d.send(fileChangedMsg{})
	if s := d.screen(); !strings.Contains(s, "Printz") || strings.Contains(s, "month 13") {
		t.Errorf("after a good save:\n%s", s)
	}
	if code, msg := d.m.Exit(); code != 0 || msg != "" {
		t.Errorf("after a good save: exit %d %q", code, msg)
	}
	checkFits(t, d.m.View().Content, 100, 30, "after the fix")
}

// TestBrokenAtStartSizes: the empty viewer over a broken file fits every
// size.
func TestBrokenAtStartSizes(t *testing.T) {
	_, opts := tempChronology(t, "title = \"T\"\n[[event]]\nid = \"a\"\ndate = 2020-13-01\ntitle = \"A\"\n")
	for _, size := range [][2]int{{1, 1}, {20, 5}, {40, 12}, {80, 24}, {200, 50}} {
		d := newDriver(t, size[0], size[1], opts)
		if d.quit {
			t.Fatal("quit")
		}
		checkFits(t, d.m.View().Content, size[0], size[1], "broken at start")
		for _, k := range []string{"j", "k", "G", "/", "esc", "i", "t", "s", "!", "?", "?"} {
			d.press(k)
			checkFits(t, d.m.View().Content, size[0], size[1], "broken at start, after "+k)
		}
	}
}
