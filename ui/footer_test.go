package ui

import (
	"errors"
	"fmt"
	"os/exec"
	"strings"
	"testing"
)

// footer is the last line of the screen, without colours.
func (d *driver) footer() string {
	lines := strings.Split(d.screen(), "\n")
	return lines[len(lines)-1]
}

// TestFooterKeepsTheWayOut: at every width from 40 columns, in every
// state, the footer offers the keys a new reader needs: ? and q, esc in
// the detail, enter and esc in the filter bar. The keys that can wait go
// first.
func TestFooterKeepsTheWayOut(t *testing.T) {
	for i, s := range states {
		for _, size := range [][2]int{{40, 12}, {50, 10}, {60, 20}, {80, 24}, {100, 30}, {120, 40}, {200, 50}} {
			d := reach(t, size[0], size[1], styleNoTTY, i)
			d.expireStatus()
			footer := d.footer()
			want := wayOut(d.keys())
			if d.m.memo.IsOpen() { // the prompt stands in for the footer
				want = []string{"esc cancels"}
			}
			for _, w := range want {
				if !strings.Contains(footer, w) {
					t.Errorf("%s at %v: the footer lacks %q: %q", s.name, size, w, footer)
				}
			}
		}
	}
}

// wayOut is what the footer must keep whatever its width, by mode.
func wayOut(km KeyMap) []string {
	switch km.mode {
	case modeFilter:
		return []string{"enter keep", "esc clear", "ctrl+c quit"}
	case modeHelp:
		return []string{"close", "ctrl+c quit"} // q closes the help, an overlay
	case modeDetail:
		return []string{"esc", "? ", "q quit"}
	}
	return []string{"? ", "q quit"}
}

// TestPositionOfAHiddenEvent: an event the filter hides is not said to be
// at the place of the selected row.
func TestPositionOfAHiddenEvent(t *testing.T) {
	for _, size := range [][2]int{{120, 40}, {80, 24}} {
		d := newDriver(t, size[0], size[1], Options{Query: "schaaf", EventID: "printz-1997"})
		wantCurrent("printz-1997")(t, d)
		for _, expire := range []bool{false, true} {
			if expire {
				d.expireStatus()
			}
			if f := d.footer(); !strings.Contains(f, "–/2 (hidden by filter)") || strings.Contains(f, "1/2") {
				t.Errorf("at %v (status %q) the footer says %q", size, d.m.status.text, f)
			}
		}
		d.press("esc", "j") // back in the list, to a visible event
		if f := d.footer(); !strings.Contains(f, " 2/2") || strings.Contains(f, "hidden") {
			t.Errorf("at %v in the list the footer says %q", size, f)
		}
	}
}

// TestOpenWithoutABrowser: when no browser starts, the status gives the
// address to open by hand, not the library's error.
func TestOpenWithoutABrowser(t *testing.T) {
	for _, tc := range []struct {
		err  error
		want string
	}{
		{&exec.Error{Name: "xdg-open,x-www-browser,www-browser,wslview", Err: exec.ErrNotFound},
			"No browser found; the source is https://example.com/printz (y copies a citation)"},
		{fmt.Errorf("run: %w", errors.New("exit status 3")),
			"The browser did not open (run: exit status 3); the source is https://example.com/printz (y copies a citation)"},
	} {
		d := newDriver(t, 120, 40, Options{})
		d.m.openURL = func(string) error { return tc.err }
		d.press("o")
		if d.m.status.text != tc.want || !d.m.status.isErr {
			t.Errorf("status %q, want %q", d.m.status.text, tc.want)
		}
		if !strings.Contains(d.footer(), tc.want) {
			t.Errorf("footer %q", d.footer())
		}
	}
	got := notOpened(openedMsg{url: "https://example.com/\u202eevil\x1b[2J", err: exec.ErrNotFound})
	if strings.ContainsAny(got, "\u202e\x1b") || !strings.Contains(got, "https://example.com/<U+202E>evil␛[2J") {
		t.Errorf("the address is not made harmless: %q", got)
	}
}

// TestStatusGoesWithItsState: a message about a state goes as soon as
// that state ends, not only when its time is up; a message about an
// action done stays.
func TestStatusGoesWithItsState(t *testing.T) {
	for _, tc := range []struct {
		name  string
		keys  []string
		text  string
		then  []string
		said  string   // after keys, text and then
		end   []string // keys that end the state
		stays bool     // the message is about an action, and stays
	}{
		{name: "hidden, then back to a visible event", keys: []string{"/"}, text: "memo",
			then: []string{"enter", "enter", "1"}, said: "hidden by the filter", end: []string{"["}},
		{name: "hidden, then the filter cleared", keys: []string{"/"}, text: "memo",
			then: []string{"enter", "enter", "1", "esc"}, said: "hidden by the filter", end: []string{"esc"}},
		{name: "nothing filtered, then the bar and esc", keys: []string{"/"}, text: "schaaf year:20x",
			then: []string{"enter"}, said: "Nothing filtered: bad year", end: []string{"/", "esc"}},
		{name: "nothing filtered, then the bar again", keys: []string{"/"}, text: "schaaf year:20x",
			then: []string{"enter"}, said: "Nothing filtered: bad year", end: []string{"/"}},
		{name: "match, then esc clears the filter", keys: []string{"/"}, text: "oakland",
			then: []string{"enter", "j", "n"}, said: "Match 1/", end: []string{"esc"}},
		{name: "match, then another event", keys: []string{"/"}, text: "oakland",
			then: []string{"enter", "j", "n"}, said: "Match 1/", end: []string{"k"}},
		{name: "match, then the overview", keys: []string{"/"}, text: "oakland",
			then: []string{"enter", "j", "n"}, said: "Match 1/", end: []string{"i"}},
		{name: "no link, then another event", keys: []string{"9"}, said: "No link 9", end: []string{"j"}},
		{name: "copied, then another event", keys: []string{"y"}, said: "Copied", end: []string{"j"}, stays: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := newDriver(t, 120, 40, Options{})
			d.press(tc.keys...)
			d.typeText(tc.text)
			d.press(tc.then...)
			wantStatus(tc.said)(t, d)
			d.press(tc.end...)
			if tc.stays {
				wantStatus(tc.said)(t, d)
			} else if d.m.status.text != "" {
				t.Errorf("status %q outlived its state", d.m.status.text)
			}
		})
	}
}

// TestNothingToFind: n and N with a filter say why they find nothing.
func TestNothingToFind(t *testing.T) {
	d := newDriver(t, 120, 40, Options{Query: "year:2018"})
	if !d.keys().NextMatch.Enabled() {
		t.Fatal("n is not offered with a filter")
	}
	d.press("n")
	wantStatus("No words to find: the filter “year:2018” has none")(t, d)
	d.press("j", "N")
	wantStatus("No words to find")(t, d)

	d = newDriver(t, 120, 40, Options{})
	if d.keys().NextMatch.Enabled() {
		t.Error("n is offered with no filter")
	}
}
