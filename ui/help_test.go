package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

// TestHelpShowsEveryKey: however small the terminal (from 40 columns),
// scrolling the full help to its end shows every key it offers and every
// line of the legend; nothing is cut off for good.
func TestHelpShowsEveryKey(t *testing.T) {
	for _, start := range []struct {
		name string
		keys []string
	}{
		{"list", nil},
		{"detail", []string{"j", "j", "j", "enter"}},
		{"problems", nil},
	} {
		for _, size := range [][2]int{{40, 6}, {40, 12}, {60, 20}} {
			t.Run(fmt.Sprintf("%s/%dx%d", start.name, size[0], size[1]), func(t *testing.T) {
				d := newDriver(t, size[0], size[1], Options{})
				if start.name == "problems" {
					saveBroken(d)
				}
				d.press(start.keys...)
				d.press("?")
				want := d.m.keyMap()
				// the help as read by scrolling one line at a time: the first
				// line of each screen, then the whole last screen
				var seen strings.Builder
				top, h := d.m.top, d.m.bodyH
				for range 200 {
					lines := strings.Split(d.screen(), "\n")[top : top+h]
					if d.m.help.maxOffset() > 0 {
						lines = lines[:len(lines)-1] // not the line that says there is more
					}
					if d.m.help.offset < d.m.help.maxOffset() {
						lines = lines[:1]
					}
					for _, l := range lines {
						seen.WriteString(strings.TrimRight(l, " ") + "\n")
					}
					if d.m.help.offset == d.m.help.maxOffset() {
						break
					}
					d.press("j")
					if !d.m.help.open {
						t.Fatalf("j closed the help at line %d", d.m.help.offset)
					}
				}
				text := seen.String()
				flat := strings.Join(strings.Fields(text), " ")
				for _, g := range want.FullHelp() {
					for _, b := range g {
						if !b.Enabled() {
							continue
						}
						if h := b.Help(); !strings.Contains(text, h.Desc) {
							t.Errorf("%q (%s) never shown:\n%s", h.Desc, h.Key, text)
						}
					}
				}
				for _, l := range legend {
					if !strings.Contains(flat, strings.Join(strings.Fields(l), " ")) {
						t.Errorf("the legend line %q never shown whole:\n%s", l, text)
					}
				}
			})
		}
	}
}

// TestHelpAfterResize: a help scrolled to its end and then given more
// room starts from the top that fits, and k moves it at once.
func TestHelpAfterResize(t *testing.T) {
	d := newDriver(t, 40, 8, Options{})
	d.press("?", "G")
	d.send(tea.WindowSizeMsg{Width: 60, Height: 20})
	maxOff := d.m.help.maxOffset()
	if maxOff == 0 || maxOff >= d.m.help.offset {
		t.Fatalf("help at line %d of %d after the resize", d.m.help.offset, maxOff)
	}
	if !strings.Contains(d.screen(), "↑ end of help") {
		t.Errorf("the end of the help is not shown:\n%s", d.screen())
	}
	d.press("k")
	wantHelpAt(maxOff-1)(t, d)
	checkFits(t, d.m.View().Content, 60, 20, "help after resize")
}
