package ui

import (
	"slices"
	"strings"
	"testing"
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
	// { goes to the first event of the previous year, wherever in its year the selection is
	{name: "{ previous year", setup: []string{"G", "k", "k"}, press: []string{"{"}, check: wantSelected("sb54-signed")},
	{name: "{{ the year before", setup: []string{"G", "k", "k"}, press: []string{"{", "{"}, check: wantSelected("printz-1997")},
	{name: "{ from a year's first event", setup: []string{"G", "k", "k", "k", "k"}, press: []string{"{"},
		check: wantSelected("sb54-signed")},
	{name: "enter opens the detail", setup: []string{"j"}, press: []string{"enter"},
		check: all(wantFocus(modeDetail), wantCurrent("sb54-signed"))},
	{name: "l opens the detail", press: []string{"l"}, check: wantFocus(modeDetail)},
	{name: "right opens the detail", press: []string{"right"}, check: wantFocus(modeDetail)},
	{name: "J in the list moves down, the focus kept", press: []string{"J"},
		check: all(wantSelected("sb54-signed"), wantFocus(modeList))},
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
			want := "Printz v. United States — 27 Jun 1997. Source: Supreme Court, “Printz v. United States, 521 U.S. 898”, https://example.com/printz."
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
	{name: "{ in the detail goes to the previous year, the focus kept", setup: []string{"j", "j", "j", "enter"},
		press: []string{"{"}, check: all(wantSelected("sb54-signed"), wantFocus(modeDetail))},
	{name: "} in the detail goes to the next year", setup: []string{"j", "j", "j", "enter"},
		press: []string{"}"}, check: all(wantSelected("unsafe-text"), wantFocus(modeDetail))},
	{name: "J reads the next event in the detail", setup: []string{"j", "j", "j", "enter"},
		press: []string{"J"}, check: all(wantSelected("ice-operation"), wantFocus(modeDetail))},
	{name: "K reads the previous event", setup: []string{"j", "j", "j", "enter"},
		press: []string{"K", "K"}, check: all(wantSelected("sb54-signed"), wantFocus(modeDetail))},
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
