package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
)

var helpKeys = []keyCase{
	{name: "? closes", setup: []string{"?"}, press: []string{"?"}, check: func(t *testing.T, d *driver) { wantHelp(t, d, false) }},
	{name: "esc closes", setup: []string{"?"}, press: []string{"esc"}, check: func(t *testing.T, d *driver) { wantHelp(t, d, false) }},
	// the help is an overlay: the moving keys are its own, even when it fits
	{name: "j scrolls, not the list", setup: []string{"?"}, press: []string{"j"},
		check: func(t *testing.T, d *driver) {
			wantHelp(t, d, true)
			wantSelected("printz-1997")(t, d)
		}},
	{name: "/ closes and filters", setup: []string{"?"}, press: []string{"/"}, check: wantFocus(modeFilter)},
	{name: "q closes", setup: []string{"?"}, press: []string{"q"},
		check: all(wantNoQuit, func(t *testing.T, d *driver) { wantHelp(t, d, false) })},
	{name: "ctrl+c quits", setup: []string{"?"}, press: []string{"ctrl+c"}, check: wantQuit},
	{name: "j scrolls the help at 100x20", w: 100, h: 20, setup: []string{"?"}, press: []string{"j"},
		check: func(t *testing.T, d *driver) { wantHelp(t, d, true); wantSelected("printz-1997")(t, d) }},
	// 40x12: the help is longer than the screen
	{name: "a long help says there is more", w: 40, h: 12, setup: []string{"?"},
		check: all(wantOnScreen("↓ more"), func(t *testing.T, d *driver) { wantHelp(t, d, true) })},
	{name: "j scrolls a long help", w: 40, h: 12, setup: []string{"?"}, press: []string{"j"},
		check: all(wantHelpAt(1), wantSelected("printz-1997"), wantOnScreen("↑↓ more"))},
	{name: "down scrolls a long help", w: 40, h: 12, setup: []string{"?"}, press: []string{"down", "down"}, check: wantHelpAt(2)},
	{name: "k scrolls a long help back", w: 40, h: 12, setup: []string{"?", "j", "j"}, press: []string{"k"}, check: wantHelpAt(1)},
	{name: "pgdown pages a long help", w: 40, h: 12, setup: []string{"?"}, press: []string{"pgdown"}, check: wantHelpAt(8)},
	{name: "pgdown pages through a long help to its end", w: 40, h: 12, setup: []string{"j", "enter", "?"},
		check: func(t *testing.T, d *driver) {
			var seen []string
			for range 30 {
				lines := strings.Split(d.screen(), "\n")
				for _, l := range lines[1 : len(lines)-1] { // not the header, not the footer
					seen = append(seen, strings.Join(strings.Fields(l), " "))
				}
				d.press("pgdown")
			}
			for _, want := range []string{"o open source", "y copy citation", "ctrl+c quit", "does its job", "↑ end of help"} {
				if !slices.ContainsFunc(seen, func(l string) bool { return strings.Contains(l, want) }) {
					t.Errorf("%q never shown:\n%s", want, strings.Join(seen, "\n"))
				}
			}
			wantFocus(modeDetail)(t, d)
			wantHelp(t, d, true)
		}},
	{name: "G goes to the end of a long help", w: 40, h: 12, setup: []string{"?"}, press: []string{"G"},
		check: all(wantOnScreen("↑ end of help"), func(t *testing.T, d *driver) { wantHelpAt(d.m.help.maxOffset())(t, d) })},
	{name: "j at the end of a long help stays", w: 40, h: 12, setup: []string{"?", "G"}, press: []string{"j", "pgdown"},
		check: all(wantSelected("printz-1997"), func(t *testing.T, d *driver) {
			wantHelp(t, d, true)
			wantHelpAt(d.m.help.maxOffset())(t, d)
		})},
	{name: "g goes back to the top of a long help", w: 40, h: 12, setup: []string{"?", "G"}, press: []string{"g"}, check: wantHelpAt(0)},
	{name: "esc closes a long help", w: 40, h: 12, setup: []string{"?", "j"}, press: []string{"esc"},
		check: func(t *testing.T, d *driver) { wantHelp(t, d, false) }},
	{name: "enter closes a long help and opens", w: 40, h: 12, setup: []string{"?", "j"}, press: []string{"enter"},
		check: all(wantFocus(modeDetail), func(t *testing.T, d *driver) { wantHelp(t, d, false) })},
	{name: "? opens a long help at the top", w: 40, h: 12, setup: []string{"?", "j", "?"}, press: []string{"?"}, check: wantHelpAt(0)},
	{name: "the wheel scrolls a long help", w: 40, h: 12, setup: []string{"?"},
		check: func(t *testing.T, d *driver) {
			d.send(tea.MouseWheelMsg{X: 5, Y: 5, Button: tea.MouseWheelDown})
			wantHelpAt(wheelStep)(t, d)
		}},
	{name: "help in the detail lists link keys", setup: []string{"j", "j", "j", "enter", "?"},
		check: func(t *testing.T, d *driver) {
			for _, s := range []string{"next link", "follow link N", "back to list"} {
				if !strings.Contains(d.screen(), s) {
					t.Errorf("help lacks %q:\n%s", s, d.screen())
				}
			}
		}},
}

func wantOverview(want bool) func(*testing.T, *driver) {
	return func(t *testing.T, d *driver) {
		t.Helper()
		if d.m.overview != want {
			t.Errorf("overview %v, want %v", d.m.overview, want)
		}
	}
}

func wantOnScreen(s string) func(*testing.T, *driver) {
	return func(t *testing.T, d *driver) {
		t.Helper()
		if !strings.Contains(d.screen(), s) {
			t.Errorf("the screen does not show %q:\n%s", s, d.screen())
		}
	}
}

// wantHelpAt wants the full help open, scrolled to line n.
func wantHelpAt(n int) func(*testing.T, *driver) {
	return func(t *testing.T, d *driver) {
		t.Helper()
		if !d.m.help.open || d.m.help.offset != n {
			t.Errorf("help shown %v at line %d, want line %d (of %d)", d.m.help.open, d.m.help.offset, n, d.m.help.maxOffset())
		}
	}
}

func wantOffset(t *testing.T, d *driver, want int) {
	t.Helper()
	if d.m.detail.Offset() != want {
		t.Errorf("detail offset %d, want %d (of %d)", d.m.detail.Offset(), want, d.m.detail.maxOffset())
	}
}

func wantLink(t *testing.T, d *driver, want int) {
	t.Helper()
	if d.m.detail.linkSel != want {
		t.Errorf("link %d selected, want %d", d.m.detail.linkSel, want)
	}
}

func wantHelp(t *testing.T, d *driver, want bool) {
	t.Helper()
	if d.m.help.open != want {
		t.Errorf("showHelp %v", d.m.help.open)
	}
}

func wantIDs(t *testing.T, d *driver, ids ...string) {
	t.Helper()
	var got []string
	for _, e := range d.m.list.events {
		got = append(got, e.ID)
	}
	if !slices.Equal(got, ids) {
		t.Errorf("list %v, want %v", got, ids)
	}
}

// wantStatusIs wants the status to be s exactly.
func wantStatusIs(s string) func(*testing.T, *driver) {
	return func(t *testing.T, d *driver) {
		t.Helper()
		if d.m.status.text != s {
			t.Errorf("status %q, want %q", d.m.status.text, s)
		}
	}
}

// wantOffered wants the named binding of the state's keys enabled (or not):
// what the help offers.
func wantOffered(on bool, name string) func(*testing.T, *driver) {
	return func(t *testing.T, d *driver) {
		t.Helper()
		km := d.keys()
		b := map[string]bool{"FollowN": km.FollowN.Enabled(), "OpenSource": km.OpenSource.Enabled(),
			"NextMatch": km.NextMatch.Enabled(), "NextLink": km.NextLink.Enabled()}
		if got, ok := b[name]; !ok || got != on {
			t.Errorf("%s offered %v, want %v", name, got, on)
		}
	}
}

func TestKeys(t *testing.T) {
	for _, group := range []struct {
		name  string
		cases []keyCase
	}{{"list", listKeys}, {"detail", detailKeys}, {"filter", filterKeys}, {"help", helpKeys}} {
		for _, c := range group.cases {
			t.Run(group.name+"/"+c.name, func(t *testing.T) {
				w, h := c.w, c.h
				if w == 0 {
					w, h = 120, 40
				}
				d := newDriver(t, w, h, Options{})
				d.press(c.setup...)
				d.typeText(c.text)
				d.press(c.press...)
				c.check(t, d)
				checkFits(t, d.m.View().Content, w, h, c.name)
			})
		}
	}
}

// TestHelpNeverLies: in every state, every key the help offers does
// something — moves, scrolls, opens, says why not — and every key it
// leaves out of a state is really disabled there.
func TestHelpNeverLies(t *testing.T) {
	for i, s := range states {
		for _, size := range neverLieSizes() {
			d := reach(t, size[0], size[1], styleNoTTY, i)
			km := d.keys()
			for _, b := range km.all() {
				if !b.Enabled() {
					continue
				}
				for _, k := range b.Keys() {
					e := reach(t, size[0], size[1], styleNoTTY, i)
					before, focus := e.screen(), e.mode()
					e.press(k)
					// a move of the focus shows in the selected row's
					// style, which the plain screen does not keep
					if e.screen() == before && e.mode() == focus && !e.quit && len(e.opened)+len(e.copied) == 0 {
						t.Errorf("%s at %v: %q (%s) is offered but did nothing", s.name, size, k, b.Help().Desc)
					}
				}
			}
		}
	}
}

// TestComponentKeysNeverLie: every key a component offers in its own key
// map (the keys the help gathers from it) does something to that
// component when handed to its Update, in every state of the goldens.
// The filter bar's enter and esc act through the root (they change the
// list), which TestHelpNeverLies covers; the status line has no keys.
func TestComponentKeysNeverLie(t *testing.T) {
	type component struct {
		name  string
		keys  func(m *Model) KeyMap
		press func(m *Model, k tea.KeyPressMsg)
		state func(m *Model) string
	}
	components := []component{
		{"list", func(m *Model) KeyMap { return m.list.KeyMap() },
			func(m *Model, k tea.KeyPressMsg) { m.list.Update(k) }, func(m *Model) string { return m.list.View() }},
		{"detail", func(m *Model) KeyMap { return m.detail.KeyMap() },
			func(m *Model, k tea.KeyPressMsg) { m.detail.Update(k) }, func(m *Model) string { return m.detail.View() }},
		{"help", func(m *Model) KeyMap { return m.help.KeyMap() },
			func(m *Model, k tea.KeyPressMsg) { m.help.Update(k) }, func(m *Model) string { return m.help.View() }},
		{"claims", func(m *Model) KeyMap { return m.claims.KeyMap() },
			func(m *Model, k tea.KeyPressMsg) { m.claims.Update(k) }, func(m *Model) string { return m.claims.View() }},
		{"banner", func(m *Model) KeyMap { return m.problems.KeyMap() },
			func(m *Model, k tea.KeyPressMsg) { m.problems.Update(k) },
			func(m *Model) string { return fmt.Sprint(m.problems.expanded) }},
	}
	for i, s := range states {
		for _, size := range neverLieSizes() {
			d := reach(t, size[0], size[1], styleNoTTY, i)
			for _, c := range components {
				km := c.keys(d.m)
				for _, b := range km.all() {
					if !b.Enabled() {
						continue
					}
					for _, k := range b.Keys() {
						e := reach(t, size[0], size[1], styleNoTTY, i)
						before := c.state(e.m)
						c.press(e.m, keyPress(k))
						if c.state(e.m) == before {
							t.Errorf("%s at %v: the %s offers %q (%s) but it did nothing", s.name, size, c.name, k, b.Help().Desc)
						}
					}
				}
			}
		}
	}
}

// neverLieSizes are the sizes the never-lie tests try every key at: with
// -short only the small one, where the help scrolls and one pane shows.
func neverLieSizes() [][2]int {
	if testing.Short() {
		return [][2]int{{60, 10}}
	}
	return [][2]int{{120, 40}, {60, 10}}
}
