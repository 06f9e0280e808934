package ui

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"backstory/timeline"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// keyCase is one step of the key table: from a state reached by setup
// keys (and typed text), press keys, then check.
type keyCase struct {
	name  string
	w, h  int // 120x40 when zero
	setup []string
	text  string
	press []string
	check func(t *testing.T, d *driver)
}

func wantCurrent(id string) func(*testing.T, *driver) {
	return func(t *testing.T, d *driver) {
		t.Helper()
		if d.current() != id {
			t.Errorf("detail shows %q, want %q", d.current(), id)
		}
	}
}

func wantSelected(id string) func(*testing.T, *driver) {
	return func(t *testing.T, d *driver) {
		t.Helper()
		if d.selected() != id || d.current() != id {
			t.Errorf("selected %q (detail %q), want %q", d.selected(), d.current(), id)
		}
	}
}

func wantFocus(f mode) func(*testing.T, *driver) {
	return func(t *testing.T, d *driver) {
		t.Helper()
		if d.mode() != f {
			t.Errorf("mode %v, want %v", d.mode(), f)
		}
	}
}

func wantStatus(sub string) func(*testing.T, *driver) {
	return func(t *testing.T, d *driver) {
		t.Helper()
		if !strings.Contains(d.m.status.text, sub) {
			t.Errorf("status %q, want it to contain %q", d.m.status.text, sub)
		}
	}
}

func wantQuit(t *testing.T, d *driver) {
	t.Helper()
	if !d.quit {
		t.Error("the program did not quit")
	}
}

func wantNoQuit(t *testing.T, d *driver) {
	t.Helper()
	if d.quit {
		t.Error("the program quit")
	}
}

func all(checks ...func(*testing.T, *driver)) func(*testing.T, *driver) {
	return func(t *testing.T, d *driver) {
		t.Helper()
		for _, c := range checks {
			c(t, d)
		}
	}
}

// The fixture's events, in order: printz-1997, sb54-signed, homan-condemns,
// schaaf-warning, ice-operation, lawsuit-2018, unsafe-text, memo-2025.
// schaaf-warning's targets: ice-operation, homan-condemns (links), then
// printz-1997, memo-2025 (backlinks).

var listKeys = []keyCase{
	{name: "j moves down", press: []string{"j"}, check: wantSelected("sb54-signed")},
	{name: "down moves down", press: []string{"down"}, check: wantSelected("sb54-signed")},
	{name: "k moves up", setup: []string{"j", "j"}, press: []string{"k"}, check: wantSelected("sb54-signed")},
	{name: "up moves up", setup: []string{"j", "j"}, press: []string{"up"}, check: wantSelected("sb54-signed")},
	{name: "k at the top does nothing", press: []string{"k"}, check: wantSelected("printz-1997")},
	{name: "G goes last", press: []string{"G"}, check: wantSelected("memo-2025")},
	{name: "end goes last", press: []string{"end"}, check: wantSelected("memo-2025")},
	{name: "j at the bottom stays", setup: []string{"G"}, press: []string{"j"}, check: wantSelected("memo-2025")},
	{name: "g goes first", setup: []string{"G"}, press: []string{"g"}, check: wantSelected("printz-1997")},
	{name: "home goes first", setup: []string{"G"}, press: []string{"home"}, check: wantSelected("printz-1997")},
	// 80x8: six rows of list, so a page is five events
	{name: "pgdown pages", w: 80, h: 8, press: []string{"pgdown"}, check: wantSelected("lawsuit-2018")},
	{name: "ctrl+d pages", w: 80, h: 8, press: []string{"ctrl+d"}, check: wantSelected("lawsuit-2018")},
	{name: "pgup pages", w: 80, h: 8, setup: []string{"G"}, press: []string{"pgup"}, check: wantSelected("homan-condemns")},
	{name: "ctrl+u pages", w: 80, h: 8, setup: []string{"G"}, press: []string{"ctrl+u"}, check: wantSelected("homan-condemns")},
	{name: "} next year", press: []string{"}"}, check: wantSelected("sb54-signed")},
	{name: "}} next year twice", press: []string{"}", "}"}, check: wantSelected("homan-condemns")},
	{name: "{ start of this year", setup: []string{"G", "k", "k"}, press: []string{"{"}, check: wantSelected("homan-condemns")},
	{name: "{{ previous year", setup: []string{"G", "k", "k"}, press: []string{"{", "{"}, check: wantSelected("sb54-signed")},
	{name: "enter opens the detail", setup: []string{"j"}, press: []string{"enter"},
		check: all(wantFocus(modeDetail), wantCurrent("sb54-signed"))},
	{name: "l opens the detail", press: []string{"l"}, check: wantFocus(modeDetail)},
	{name: "right opens the detail", press: []string{"right"}, check: wantFocus(modeDetail)},
	{name: "esc without filter does nothing", press: []string{"esc"}, check: all(wantFocus(modeList), wantNoQuit)},
	{name: "h in the list does nothing", press: []string{"h", "left", "tab", "shift+tab"},
		check: all(wantFocus(modeList), wantSelected("printz-1997"))},
	{name: "1 follows the first link", press: []string{"1"},
		check: all(wantCurrent("schaaf-warning"), wantFocus(modeDetail), func(t *testing.T, d *driver) {
			if len(d.m.history.back) != 1 {
				t.Errorf("history %v", d.m.history.back)
			}
		})},
	{name: "1 follows a backlink", setup: []string{"j"}, press: []string{"1"}, check: wantCurrent("lawsuit-2018")},
	{name: "9 names a missing link", press: []string{"9"}, check: all(wantStatus("No link 9"), wantCurrent("printz-1997"))},
	{name: "1 without links is not offered, and says why", setup: []string{"G", "k"}, press: []string{"1"},
		check: all(wantCurrent("unsafe-text"), wantStatusIs(noLinksStatus), wantOffered(false, "FollowN"))},
	{name: "[ without history does nothing", press: []string{"[", "]", "backspace"}, check: wantSelected("printz-1997")},
	{name: "[ comes back", press: []string{"1", "["}, check: all(wantSelected("printz-1997"), wantFocus(modeList))},
	{name: "backspace comes back", press: []string{"1", "backspace"}, check: wantSelected("printz-1997")},
	{name: "] goes forward again", press: []string{"1", "[", "]"}, check: all(wantCurrent("schaaf-warning"), wantFocus(modeDetail))},
	{name: "/ opens the filter", press: []string{"/"}, check: wantFocus(modeFilter)},
	{name: "esc clears a kept filter", setup: []string{"/"}, text: "schaaf", press: []string{"enter", "esc"},
		check: func(t *testing.T, d *driver) {
			if d.m.filter.Active() || len(d.m.list.events) != 8 {
				t.Errorf("filter %q, %d events", d.m.filter.applied, len(d.m.list.events))
			}
		}},
	{name: "n finds the next match in the detail", setup: []string{"/"}, text: "oakland", press: []string{"enter", "j", "n"},
		check: func(t *testing.T, d *driver) {
			dm := d.m.detail
			if dm.match != 0 || !strings.Contains(dm.plain[dm.matches[0]], "Oakland") {
				t.Errorf("match %d of %v", dm.match, dm.matches)
			}
			wantStatus("Match 1/")(t, d)
		}},
	{name: "N wraps to the last match", setup: []string{"/"}, text: "oakland", press: []string{"enter", "j", "N"},
		check: func(t *testing.T, d *driver) {
			if d.m.detail.match != len(d.m.detail.matches)-1 {
				t.Errorf("match %d of %d", d.m.detail.match, len(d.m.detail.matches))
			}
		}},
	{name: "o opens the first web source", press: []string{"o"},
		check: func(t *testing.T, d *driver) {
			if !slices.Equal(d.opened, []string{"https://example.com/printz"}) {
				t.Errorf("opened %v", d.opened)
			}
			wantStatus("Opened https://example.com/printz")(t, d)
		}},
	{name: "o without a web source is not offered, and says why", setup: []string{"G", "k", "k"}, press: []string{"o"},
		check: all(wantStatusIs(noWebStatus), wantOffered(false, "OpenSource"), func(t *testing.T, d *driver) {
			if len(d.opened) != 0 {
				t.Errorf("opened %v", d.opened)
			}
		})},
	{name: "o without a source says so", setup: []string{"j", "j", "j", "j"}, press: []string{"o"},
		check: all(wantSelected("ice-operation"), wantStatusIs(noSourcesStatus), func(t *testing.T, d *driver) {
			if len(d.opened) != 0 {
				t.Errorf("opened %v", d.opened)
			}
		})},
	{name: "n without a filter is not offered, and says how to get one", press: []string{"n"},
		check: all(wantStatusIs(noFilterStatus), wantOffered(false, "NextMatch"), wantSelected("printz-1997"))},
	{name: "N without a filter says the same", press: []string{"N"}, check: wantStatusIs(noFilterStatus)},
	{name: "y copies a citation", press: []string{"y"},
		check: func(t *testing.T, d *driver) {
			want := "Printz v. United States (27 Jun 1997). Source: Supreme Court, “Printz v. United States, 521 U.S. 898”, https://example.com/printz."
			if !slices.Equal(d.copied, []string{want}) {
				t.Errorf("copied %q", d.copied)
			}
			wantStatus("Copied")(t, d)
		}},
	{name: "? shows the full help", press: []string{"?"}, check: func(t *testing.T, d *driver) {
		if !d.m.help.open || !strings.Contains(d.screen(), "no source") {
			t.Errorf("no help:\n%s", d.screen())
		}
	}},
	{name: "q quits", press: []string{"q"}, check: wantQuit},
	{name: "ctrl+c quits", press: []string{"ctrl+c"}, check: wantQuit},
	{name: "i shows the overview", setup: []string{"j"}, press: []string{"i"},
		check: all(wantFocus(modeDetail), wantOverview(true), wantSelected("sb54-signed"), wantOnScreen("became a federal case"))},
	{name: "esc leaves the overview", setup: []string{"j"}, press: []string{"i", "esc"},
		check: all(wantFocus(modeList), wantOverview(false), wantSelected("sb54-signed"))},
	{name: "i again goes back to the event", setup: []string{"j"}, press: []string{"i", "i"},
		check: all(wantFocus(modeDetail), wantOverview(false), wantCurrent("sb54-signed"), wantOnScreen("sanctuary state"))},
	{name: "j scrolls the overview", w: 60, h: 10, press: []string{"i", "j"},
		check: all(wantOverview(true), func(t *testing.T, d *driver) { wantOffset(t, d, 1) })},
	{name: "the overview has no links, source or citation", press: []string{"i", "1", "o", "y", "tab"},
		check: func(t *testing.T, d *driver) {
			wantOverview(true)(t, d)
			km := d.keys()
			if km.FollowN.Enabled() || km.OpenSource.Enabled() || km.Copy.Enabled() || km.NextLink.Enabled() {
				t.Errorf("the overview offers an event's keys: 1-9 %v, o %v, y %v, tab %v",
					km.FollowN.Enabled(), km.OpenSource.Enabled(), km.Copy.Enabled(), km.NextLink.Enabled())
			}
			if len(d.opened)+len(d.copied) > 0 || len(d.m.history.back) > 0 {
				t.Errorf("opened %v, copied %v, jumped %v", d.opened, d.copied, d.m.history.back)
			}
		}},
	{name: "e in the overview edits the top of the file", press: []string{"i", "e"},
		check: func(t *testing.T, d *driver) {
			if len(d.edits) != 1 || !slices.Contains(d.edits[0], "+1") {
				t.Errorf("editor started with %q", d.edits)
			}
		}},
	{name: "/ leaves the overview", press: []string{"i", "/"}, check: all(wantFocus(modeFilter), wantOverview(false))},
	{name: "9 names a missing link, until the next event", press: []string{"9", "j"},
		check: all(wantStatus(""), func(t *testing.T, d *driver) {
			if d.m.status.text != "" {
				t.Errorf("status %q outlived its event", d.m.status.text)
			}
		})},
}

var detailKeys = []keyCase{
	// schaaf-warning in a narrow, short terminal: its text is longer than the pane
	{name: "j scrolls", w: 60, h: 10, setup: []string{"j", "j", "j", "enter"}, press: []string{"j"},
		check: func(t *testing.T, d *driver) { wantOffset(t, d, 1) }},
	{name: "down scrolls", w: 60, h: 10, setup: []string{"j", "j", "j", "enter"}, press: []string{"down", "down"},
		check: func(t *testing.T, d *driver) { wantOffset(t, d, 2) }},
	{name: "k scrolls back", w: 60, h: 10, setup: []string{"j", "j", "j", "enter", "j", "j"}, press: []string{"k"},
		check: func(t *testing.T, d *driver) { wantOffset(t, d, 1) }},
	{name: "up scrolls back", w: 60, h: 10, setup: []string{"j", "j", "j", "enter", "j"}, press: []string{"up"},
		check: func(t *testing.T, d *driver) { wantOffset(t, d, 0) }},
	{name: "G goes to the bottom", w: 60, h: 10, setup: []string{"j", "j", "j", "enter"}, press: []string{"G"},
		check: func(t *testing.T, d *driver) { wantOffset(t, d, d.m.detail.maxOffset()) }},
	{name: "end goes to the bottom", w: 60, h: 10, setup: []string{"j", "j", "j", "enter"}, press: []string{"end"},
		check: func(t *testing.T, d *driver) { wantOffset(t, d, d.m.detail.maxOffset()) }},
	{name: "g goes to the top", w: 60, h: 10, setup: []string{"j", "j", "j", "enter", "G"}, press: []string{"g"},
		check: func(t *testing.T, d *driver) { wantOffset(t, d, 0) }},
	{name: "home goes to the top", w: 60, h: 10, setup: []string{"j", "j", "j", "enter", "G"}, press: []string{"home"},
		check: func(t *testing.T, d *driver) { wantOffset(t, d, 0) }},
	{name: "pgdown pages", w: 60, h: 10, setup: []string{"j", "j", "j", "enter"}, press: []string{"pgdown"},
		check: func(t *testing.T, d *driver) { wantOffset(t, d, 7) }},
	{name: "ctrl+d pages", w: 60, h: 10, setup: []string{"j", "j", "j", "enter"}, press: []string{"ctrl+d"},
		check: func(t *testing.T, d *driver) { wantOffset(t, d, 7) }},
	{name: "pgup pages back", w: 60, h: 10, setup: []string{"j", "j", "j", "enter", "pgdown", "pgdown"}, press: []string{"pgup"},
		check: func(t *testing.T, d *driver) { wantOffset(t, d, min(14, d.m.detail.maxOffset())-7) }},
	{name: "ctrl+u pages back", w: 60, h: 10, setup: []string{"j", "j", "j", "enter", "pgdown"}, press: []string{"ctrl+u"},
		check: func(t *testing.T, d *driver) { wantOffset(t, d, 0) }},
	{name: "tab selects the first link", setup: []string{"j", "j", "j", "enter"}, press: []string{"tab"},
		check: func(t *testing.T, d *driver) {
			wantLink(t, d, 0)
			if !strings.Contains(d.screen(), "→ 1. ICE operation across Northern California") {
				t.Errorf("the selected link is not named:\n%s", d.screen())
			}
		}},
	{name: "tab wraps around", setup: []string{"j", "j", "j", "enter"}, press: []string{"tab", "tab", "tab", "tab", "tab"},
		check: func(t *testing.T, d *driver) { wantLink(t, d, 0) }},
	{name: "shift+tab selects the last (a backlink)", setup: []string{"j", "j", "j", "enter"}, press: []string{"shift+tab"},
		check: func(t *testing.T, d *driver) {
			wantLink(t, d, 3)
			if !strings.Contains(d.screen(), "← 4. Justice Dept. memo") {
				t.Errorf("the selected backlink is not named:\n%s", d.screen())
			}
		}},
	{name: "tab scrolls the link into view", w: 60, h: 10, setup: []string{"j", "j", "j", "enter"}, press: []string{"tab", "tab"},
		check: func(t *testing.T, d *driver) {
			l := d.m.detail.linkLine[1]
			if l < d.m.detail.Offset() || l >= d.m.detail.Offset()+d.m.detail.bodyHeight() {
				t.Errorf("link line %d not in view at offset %d", l, d.m.detail.Offset())
			}
		}},
	{name: "enter follows the selected link", setup: []string{"j", "j", "j", "enter"}, press: []string{"tab", "tab", "enter"},
		check: all(wantCurrent("homan-condemns"), wantFocus(modeDetail), wantSelected("homan-condemns"))},
	{name: "enter without a selected link does nothing", setup: []string{"j", "j", "j", "enter"}, press: []string{"enter"},
		check: wantCurrent("schaaf-warning")},
	{name: "esc goes back to the list", setup: []string{"j", "j", "j", "enter", "tab"}, press: []string{"esc"},
		check: func(t *testing.T, d *driver) {
			wantFocus(modeList)(t, d)
			wantLink(t, d, -1)
		}},
	{name: "h goes back to the list", setup: []string{"enter"}, press: []string{"h"}, check: wantFocus(modeList)},
	{name: "left goes back to the list", setup: []string{"enter"}, press: []string{"left"}, check: wantFocus(modeList)},
	{name: "2 follows link 2", setup: []string{"j", "j", "j", "enter"}, press: []string{"2"}, check: wantCurrent("homan-condemns")},
	{name: "3 follows backlink 3", setup: []string{"j", "j", "j", "enter"}, press: []string{"3"}, check: wantCurrent("printz-1997")},
	{name: "[ restores the event, scroll and link", w: 60, h: 10, setup: []string{"j", "j", "j", "enter", "j", "j", "tab", "tab"},
		press: []string{"enter", "j", "["},
		check: func(t *testing.T, d *driver) {
			wantCurrent("schaaf-warning")(t, d)
			wantLink(t, d, 1)
			if d.m.detail.Offset() == 0 {
				t.Errorf("scroll not restored")
			}
			if len(d.m.history.forward) != 1 {
				t.Errorf("forward history %v", d.m.history.forward)
			}
		}},
	{name: "] after [ returns", setup: []string{"j", "j", "j", "enter"}, press: []string{"2", "[", "]"},
		check: wantCurrent("homan-condemns")},
	{name: "a new jump drops the forward history", setup: []string{"j", "j", "j", "enter"}, press: []string{"2", "[", "1"},
		check: func(t *testing.T, d *driver) {
			wantCurrent("ice-operation")(t, d)
			if len(d.m.history.forward) != 0 || len(d.m.history.back) != 1 {
				t.Errorf("history back %v forward %v", d.m.history.back, d.m.history.forward)
			}
		}},
	{name: "{ and } do nothing in the detail", setup: []string{"j", "j", "j", "enter"}, press: []string{"{", "}"},
		check: all(wantSelected("schaaf-warning"), wantFocus(modeDetail))},
	{name: "/ opens the filter from the detail", setup: []string{"enter"}, press: []string{"/"}, check: wantFocus(modeFilter)},
	{name: "tab without links is not offered, and says why", setup: []string{"G", "k", "enter"}, press: []string{"tab"},
		check: all(wantCurrent("unsafe-text"), wantStatusIs(noLinksStatus), wantOffered(false, "NextLink"),
			func(t *testing.T, d *driver) { wantLink(t, d, -1) })},
	{name: "shift+tab without links says so too", setup: []string{"G", "k", "enter"}, press: []string{"shift+tab"},
		check: wantStatusIs(noLinksStatus)},
	{name: "3 without links says so in the detail", setup: []string{"G", "k", "enter"}, press: []string{"3"},
		check: all(wantCurrent("unsafe-text"), wantStatusIs(noLinksStatus))},
	{name: "n without a filter says how to get one in the detail", setup: []string{"enter"}, press: []string{"n"},
		check: all(wantStatusIs(noFilterStatus), func(t *testing.T, d *driver) { wantOffset(t, d, 0) })},
	{name: "o opens the source", setup: []string{"j", "j", "j", "enter"}, press: []string{"o"},
		check: func(t *testing.T, d *driver) {
			if !slices.Equal(d.opened, []string{"https://example.com/schaaf"}) {
				t.Errorf("opened %v", d.opened)
			}
		}},
	{name: "y copies", setup: []string{"enter"}, press: []string{"y"},
		check: func(t *testing.T, d *driver) {
			if len(d.copied) != 1 {
				t.Errorf("copied %v", d.copied)
			}
		}},
	{name: "? shows help", setup: []string{"enter"}, press: []string{"?"}, check: func(t *testing.T, d *driver) {
		if !d.m.help.open || !strings.Contains(d.screen(), "back to list") {
			t.Errorf("help:\n%s", d.screen())
		}
	}},
	{name: "q quits", setup: []string{"enter"}, press: []string{"q"}, check: wantQuit},
}

var filterKeys = []keyCase{
	{name: "typing narrows", setup: []string{"/"}, text: "schaaf",
		check: func(t *testing.T, d *driver) {
			wantIDs(t, d, "homan-condemns", "schaaf-warning")
			if !strings.Contains(d.screen(), "2/8") {
				t.Errorf("no count:\n%s", d.screen())
			}
		}},
	{name: "accents fold", setup: []string{"/"}, text: "mexico", check: func(t *testing.T, d *driver) { wantIDs(t, d, "lawsuit-2018") }},
	{name: "enter keeps", setup: []string{"/"}, text: "schaaf", press: []string{"enter"},
		check: func(t *testing.T, d *driver) {
			wantFocus(modeList)(t, d)
			wantIDs(t, d, "homan-condemns", "schaaf-warning")
			if !strings.Contains(d.screen(), "/schaaf 2/8") {
				t.Errorf("header does not show the filter:\n%s", d.screen())
			}
		}},
	{name: "esc clears", setup: []string{"/"}, text: "schaaf", press: []string{"esc"},
		check: func(t *testing.T, d *driver) {
			wantFocus(modeList)(t, d)
			if len(d.m.list.events) != 8 || d.m.filter.input.Value() != "" {
				t.Errorf("%d events, input %q", len(d.m.list.events), d.m.filter.input.Value())
			}
		}},
	{name: "arrows move the list", setup: []string{"/"}, text: "schaaf", press: []string{"down"}, check: wantSelected("schaaf-warning")},
	{name: "up moves the list", setup: []string{"/"}, text: "schaaf", press: []string{"down", "up"}, check: wantSelected("homan-condemns")},
	{name: "letters type, not move", setup: []string{"/"}, press: []string{"j", "k", "q", "g", "?", "1"},
		check: func(t *testing.T, d *driver) {
			wantNoQuit(t, d)
			wantFocus(modeFilter)(t, d)
			if v := d.m.filter.input.Value(); v != "jkqg?1" {
				t.Errorf("input %q", v)
			}
		}},
	{name: "backspace edits", setup: []string{"/"}, text: "schaafx", press: []string{"backspace"},
		check: func(t *testing.T, d *driver) { wantIDs(t, d, "homan-condemns", "schaaf-warning") }},
	{name: "a malformed query keeps the last good result", setup: []string{"/"}, text: "schaaf from:",
		check: func(t *testing.T, d *driver) {
			if d.m.filter.err == nil || !strings.Contains(d.screen(), "from:") {
				t.Errorf("no error shown:\n%s", d.screen())
			}
			if d.m.filter.applied != "schaaf from" {
				t.Errorf("applied %q", d.m.filter.applied)
			}
		}},
	{name: "enter on a malformed query filters nothing and says why", setup: []string{"/"}, text: "schaaf year:20x", press: []string{"enter"},
		check: func(t *testing.T, d *driver) {
			wantRejected(t, d, "schaaf year:20x")
		}},
	{name: "enter on a malformed first query filters nothing", setup: []string{"/"},
		check: func(t *testing.T, d *driver) {
			d.send(tea.PasteMsg{Content: "year:20x"})
			d.press("enter")
			wantRejected(t, d, "year:20x")
		}},
	{name: "enter on a malformed change of a kept filter drops it", setup: []string{"/"}, text: "schaaf",
		press: []string{"enter", "/"},
		check: func(t *testing.T, d *driver) {
			d.typeText(" tag:").press("enter")
			wantRejected(t, d, "schaaf tag:")
		}},
	{name: "/ brings back the malformed text to fix", setup: []string{"/"}, text: "schaaf year:20x", press: []string{"enter", "/"},
		check: func(t *testing.T, d *driver) {
			wantFocus(modeFilter)(t, d)
			if v := d.m.filter.input.Value(); v != "schaaf year:20x" {
				t.Errorf("the bar holds %q, want what was typed", v)
			}
			if d.m.filter.err == nil || !strings.Contains(d.screen(), "bad year") {
				t.Errorf("the bar does not say what is wrong:\n%s", d.screen())
			}
			if d.m.status.text != "" || len(d.m.list.events) != 8 {
				t.Errorf("status %q, %d events", d.m.status.text, len(d.m.list.events))
			}
		}},
	{name: "the fixed query is kept", setup: []string{"/"}, text: "schaaf year:20x",
		press: []string{"enter", "/", "backspace", "1", "8", "enter"},
		check: func(t *testing.T, d *driver) {
			wantFocus(modeList)(t, d)
			wantIDs(t, d, "homan-condemns", "schaaf-warning")
			if d.m.filter.applied != "schaaf year:2018" || d.m.status.text != "" {
				t.Errorf("applied %q, status %q", d.m.filter.applied, d.m.status.text)
			}
		}},
	{name: "esc after a malformed query forgets it", setup: []string{"/"}, text: "schaaf year:20x", press: []string{"enter", "/", "esc", "/"},
		check: func(t *testing.T, d *driver) {
			if v := d.m.filter.input.Value(); v != "" {
				t.Errorf("the bar holds %q", v)
			}
		}},
	{name: "paste", setup: []string{"/"},
		check: func(t *testing.T, d *driver) {
			d.send(tea.PasteMsg{Content: "memo"})
			wantIDs(t, d, "memo-2025")
		}},
	{name: "stale results are dropped", setup: []string{"/"}, text: "schaaf",
		check: func(t *testing.T, d *driver) {
			d.send(filteredMsg{seq: d.m.filter.seq - 1, query: "s", events: d.m.chron.Events})
			wantIDs(t, d, "homan-condemns", "schaaf-warning")
		}},
	{name: "a stale run does no work", setup: []string{"/"}, text: "schaaf",
		check: func(t *testing.T, d *driver) {
			if msg := filterCmd(d.m.chron, d.m.filter.seq-1, "s", d.m.filter.latest)(); msg != nil {
				t.Errorf("stale run returned %v", msg)
			}
		}},
	{name: "ctrl+c quits", setup: []string{"/"}, press: []string{"ctrl+c"}, check: wantQuit},
	{name: "matches are highlighted", setup: []string{"/"}, text: "schaaf",
		check: func(t *testing.T, d *driver) {
			view := d.m.View().Content
			if !strings.Contains(view, d.m.st.Match.Render("Schaaf")) {
				t.Errorf("no highlighted match in %q", view)
			}
		}},
}

var helpKeys = []keyCase{
	{name: "? closes", setup: []string{"?"}, press: []string{"?"}, check: func(t *testing.T, d *driver) { wantHelp(t, d, false) }},
	{name: "esc closes", setup: []string{"?"}, press: []string{"esc"}, check: func(t *testing.T, d *driver) { wantHelp(t, d, false) }},
	{name: "j closes and moves", setup: []string{"?"}, press: []string{"j"},
		check: func(t *testing.T, d *driver) {
			wantHelp(t, d, false)
			wantSelected("sb54-signed")(t, d)
		}},
	{name: "/ closes and filters", setup: []string{"?"}, press: []string{"/"}, check: wantFocus(modeFilter)},
	{name: "q quits", setup: []string{"?"}, press: []string{"q"}, check: wantQuit},
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
			for range 10 {
				lines := strings.Split(d.screen(), "\n")
				seen = append(seen, lines[1:len(lines)-1]...) // not the header, not the footer
				d.press("pgdown")
			}
			for _, want := range []string{"o open source", "y copy citation", "q quit", "does its job", "↑ end of help"} {
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

// wantRejected wants enter on the malformed query text to have filtered
// nothing: the bar closed, every event listed, no filter in the header,
// the status saying what is wrong, and the text kept for / to bring back.
func wantRejected(t *testing.T, d *driver, text string) {
	t.Helper()
	_, err := timeline.ParseQuery(text)
	if err == nil {
		t.Fatalf("%q is a good query", text)
	}
	wantFocus(modeList)(t, d)
	wantStatusIs(rejectedStatus(err))(t, d)
	if d.m.filter.Active() || len(d.m.list.events) != d.m.chron.Len() || d.m.filter.err != nil {
		t.Errorf("filter %q (err %v), %d events, want none, all %d", d.m.filter.applied, d.m.filter.err,
			len(d.m.list.events), d.m.chron.Len())
	}
	if head := strings.SplitN(d.screen(), "\n", 2)[0]; strings.Contains(head, "/") {
		t.Errorf("the header shows a filter: %q", head)
	}
	if d.m.filter.kept != text {
		t.Errorf("/ would bring back %q, want %q", d.m.filter.kept, text)
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
		for _, size := range [][2]int{{120, 40}, {60, 10}} {
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

func TestFilterDropsControls(t *testing.T) {
	d := newDriver(t, 80, 24, Options{})
	d.press("/")
	d.send(tea.PasteMsg{Content: "sch\u202eaaf\x1b[2J"})
	if v := d.m.filter.input.Value(); v != "schaaf[2J" {
		t.Errorf("input %q", v)
	}
	// what joins text stays: a Persian word, an emoji
	d.press("esc", "/")
	d.send(tea.PasteMsg{Content: "می\u200cخواهم 👩\u200d💻"})
	if v := d.m.filter.input.Value(); v != "می\u200cخواهم 👩\u200d💻" {
		t.Errorf("input %q", v)
	}
}

// TestFilterHugePaste: a megabyte pasted into the filter bar by mistake is
// cut to MaxQuery characters, and the screen still fits.
func TestFilterHugePaste(t *testing.T) {
	d := newDriver(t, 80, 24, Options{})
	d.press("/")
	d.send(tea.PasteMsg{Content: strings.Repeat("schaaf ", 150_000)})
	if n := len([]rune(d.m.filter.input.Value())); n != MaxQuery {
		t.Errorf("the filter holds %d characters, want %d", n, MaxQuery)
	}
	d.press("x")
	for i, l := range strings.Split(d.screen(), "\n") {
		if w := ansi.StringWidth(l); w > 80 {
			t.Errorf("line %d is %d wide", i, w)
		}
	}
}

// typeAt types text into the filter bar as at a speed: the runs started by
// the first delivered keys come back before the next key, the rest are
// still on their way when the keys in then (enter, say) are pressed, and
// arrive after them, in order. delivered = len(text) is typeText; 0 is a
// typist faster than any run.
func typeAt(d *driver, text string, delivered int, then ...string) {
	d.t.Helper()
	var late []tea.Cmd
	for i, r := range []rune(text) {
		msg := tea.KeyPressMsg{Code: r, Text: string(r)}
		if i < delivered {
			d.send(msg)
			continue
		}
		m, cmd := d.m.Update(msg)
		d.m = m.(*Model)
		late = append(late, cmd)
	}
	d.press(then...)
	for _, cmd := range late {
		d.run(cmd)
	}
}

// TestFilterEnterIgnoresTypingSpeed: what enter leaves depends on the text
// typed, never on which filter runs came back while it was typed. A
// malformed query filters nothing (not a good prefix of it such as
// "schaaf year:2018" or the word "from"), says what is wrong, and / brings
// the text back; a good query is kept with its own result.
func TestFilterEnterIgnoresTypingSpeed(t *testing.T) {
	chron := fixture(t)
	for _, text := range []string{
		"schaaf year:2018-13", // "schaaf year:2018" on the way is good
		"from:2018-13",        // "from" on the way is a word
		"schaaf tag:",         // "schaaf tag" on the way is good
		"oakland from:",
		"schaaf year:2018", // good
		"schaaf",
		"zzqxq", // good, nothing matches
	} {
		q, err := timeline.ParseQuery(text)
		var want []string
		if err == nil {
			for _, e := range q.Filter(chron) {
				want = append(want, e.ID)
			}
		}
		check := func(t *testing.T, d *driver) {
			t.Helper()
			if err != nil {
				wantRejected(t, d, text)
				d.press("/")
				if v := d.m.filter.input.Value(); v != text {
					t.Errorf("/ brings back %q, want %q", v, text)
				}
				return
			}
			wantFocus(modeList)(t, d)
			wantIDs(t, d, want...)
			if d.m.filter.applied != text || d.m.status.text != "" {
				t.Errorf("applied %q, status %q; want %q kept silently", d.m.filter.applied, d.m.status.text, text)
			}
		}
		t.Run(text+"/pasted", func(t *testing.T) {
			d := newDriver(t, 120, 40, Options{})
			d.press("/")
			d.send(tea.PasteMsg{Content: text})
			d.press("enter")
			check(t, d)
		})
		// every speed: the first n keys' runs back in time, the rest late
		for n := 0; n <= len([]rune(text)); n++ {
			t.Run(fmt.Sprintf("%s/%d of %d runs back before enter", text, n, len([]rune(text))), func(t *testing.T) {
				d := newDriver(t, 120, 40, Options{})
				d.press("/")
				typeAt(d, text, n, "enter")
				check(t, d)
			})
		}
		// a kept filter first: the malformed change drops it
		t.Run(text+"/over a kept filter", func(t *testing.T) {
			d := newDriver(t, 120, 40, Options{})
			d.press("/").typeText("memo").press("enter", "/")
			for range 4 {
				d.press("backspace")
			}
			typeAt(d, text, len([]rune(text))/2, "enter")
			check(t, d)
		})
	}
}

// TestMalformedStartQuery: a malformed -q (main checks it first; a caller
// of the package may not) is taken as enter on it in the bar would.
func TestMalformedStartQuery(t *testing.T) {
	d := newDriver(t, 120, 40, Options{Query: "schaaf year:20x"})
	wantRejected(t, d, "schaaf year:20x")
	d.press("/")
	if v := d.m.filter.input.Value(); v != "schaaf year:20x" || d.m.filter.err == nil {
		t.Errorf("/ brings back %q (error %v)", v, d.m.filter.err)
	}
}
