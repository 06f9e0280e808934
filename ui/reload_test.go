package ui

import (
	"slices"
	"strings"
	"testing"

	"backstory/timeline"
)

func TestReloadKeepsTheDetail(t *testing.T) {
	d := newDriver(t, 60, 10, Options{})
	d.press("j", "j", "j", "enter", "j", "j", "tab", "tab")
	offset, link := d.m.detail.Offset(), d.m.detail.linkSel
	if offset == 0 || link != 1 {
		t.Fatalf("setup: offset %d, link %d", offset, link)
	}
	src := strings.Replace(fixtureSource(t), "Schaaf posts a warning on a Saturday night.",
		"Schaaf posts a warning late on a Saturday night.", 1)
	d.save(src)
	wantCurrent("schaaf-warning")(t, d)
	wantFocus(modeDetail)(t, d)
	if d.m.detail.Offset() != offset || d.m.detail.linkSel != link {
		t.Errorf("offset %d link %d, want %d %d", d.m.detail.Offset(), d.m.detail.linkSel, offset, link)
	}
	if !slices.ContainsFunc(d.m.detail.plain, func(l string) bool { return strings.Contains(l, "warning late on") }) {
		t.Errorf("the detail shows the old text: %q", d.m.detail.plain)
	}
	wantStatus("Reloaded fixture.toml")(t, d)
}

func TestReloadKeepsTheFilter(t *testing.T) {
	d := newDriver(t, 120, 40, Options{})
	d.press("/")
	d.typeText("schaaf")
	d.press("enter", "down")
	d.save(fixtureSource(t) + strings.Replace(addedEvent, "An event added", "Schaaf: an event added", 1))
	wantIDs(t, d, "homan-condemns", "schaaf-warning", "added-2018")
	wantSelected("schaaf-warning")(t, d)
	if !strings.Contains(d.screen(), "/schaaf 3/9") {
		t.Errorf("the filter is not shown:\n%s", d.screen())
	}
	wantStatus("1 new event")(t, d)
}

// TestReloadWhileFiltering: text typed in the filter bar is run again on
// the new events; a run on the old ones that arrives late is dropped.
func TestReloadWhileFiltering(t *testing.T) {
	d := newDriver(t, 120, 40, Options{})
	d.press("/")
	d.typeText("schaaf")
	stale := d.m.filter.seq
	d.save(fixtureSource(t) + strings.Replace(addedEvent, "An event added", "Schaaf: an event added", 1))
	wantFocus(modeFilter)(t, d)
	wantIDs(t, d, "homan-condemns", "schaaf-warning", "added-2018")
	d.send(filteredMsg{seq: stale, query: "schaaf", events: d.m.chron.Events[:1]})
	wantIDs(t, d, "homan-condemns", "schaaf-warning", "added-2018")
}

func TestReloadSelectedEventGone(t *testing.T) {
	d := newDriver(t, 120, 40, Options{})
	d.press("G", "k") // unsafe-text, 2019
	wantSelected("unsafe-text")(t, d)
	d.save(removeEvent(t, fixtureSource(t), "unsafe-text"))
	wantSelected("lawsuit-2018")(t, d) // 6 Mar 2018 is nearer 2019 than 21 Jan 2025
	wantStatus("1 removed; “Escape")(t, d)
	wantStatus("is gone, showing the nearest event")(t, d)
}

func TestReloadPrunesHistory(t *testing.T) {
	d := newDriver(t, 120, 40, Options{})
	d.press("G", "1", "2") // memo-2025 → schaaf-warning → homan-condemns
	if len(d.m.history.back) != 2 {
		t.Fatalf("history %v", d.m.history.back)
	}
	d.save(removeEvent(t, fixtureSource(t), "memo-2025"))
	wantCurrent("homan-condemns")(t, d)
	if len(d.m.history.back) != 1 || d.m.history.back[0].id != "schaaf-warning" {
		t.Errorf("history %v", d.m.history.back)
	}
	d.press("[", "[")
	wantCurrent("schaaf-warning")(t, d)
}

// TestBrokenSave: a save that does not load leaves the last good
// chronology on screen under a banner; the next good save recovers.
func TestBrokenSave(t *testing.T) {
	d := newDriver(t, 100, 30, Options{})
	d.press("j", "j", "j")
	before := d.m.chron
	saveBroken(d)
	if d.m.chron != before || !d.m.problems.isFailed() {
		t.Fatal("the broken save replaced the chronology")
	}
	wantSelected("schaaf-warning")(t, d)
	s := d.screen()
	for _, want := range []string{"✗ Not reloaded: testdata/fixture.toml:118:6:", "(4 more: press !)", "Oakland Mayor Libby Schaaf warns"} {
		if !strings.Contains(s, want) {
			t.Errorf("screen lacks %q:\n%s", want, s)
		}
	}
	d.press("!")
	s = d.screen()
	for _, want := range []string{"The files do not load", "testdata/fixture.toml:122: event \"no-title\": missing title",
		"testdata/fixture.toml:125:1: warning:"} {
		if !strings.Contains(s, want) {
			t.Errorf("expanded banner lacks %q:\n%s", want, s)
		}
	}
	d.press("j") // the viewer works under the banner
	wantSelected("ice-operation")(t, d)

	d.save(fixtureSource(t))
	if d.m.problems.any() || strings.Contains(d.screen(), "✗") {
		t.Errorf("the banner stays after a good save:\n%s", d.screen())
	}
	wantStatus("Reloaded fixture.toml: it loads again")(t, d)
	wantSelected("ice-operation")(t, d)
}

// TestBannerKey: ! toggles the banner, and is not offered without one.
func TestBannerKey(t *testing.T) {
	d := newDriver(t, 100, 30, Options{})
	if d.keys().Problems.Enabled() {
		t.Error("! offered with nothing to show")
	}
	d.press("!")
	if d.m.problems.expanded {
		t.Error("! expanded an empty banner")
	}
	d.save(withWarnings(t, 3))
	h0 := d.m.bodyH
	d.press("!")
	h1 := d.m.bodyH
	if !d.m.problems.expanded || h1 >= h0 || !strings.Contains(d.screen(), "3 warnings in the files") {
		t.Errorf("expanded %v, body %d → %d:\n%s", d.m.problems.expanded, h0, h1, d.screen())
	}
	if got := d.keys().Problems.Help().Desc; got != "hide problems" {
		t.Errorf("! says %q", got)
	}
	d.press("!")
	h2 := d.m.bodyH
	if d.m.problems.expanded || h2 != h0 {
		t.Errorf("expanded %v, body %d", d.m.problems.expanded, h2)
	}
	d.save(fixtureSource(t)) // the warnings fixed: no banner, no key
	if d.m.problems.any() || d.keys().Problems.Enabled() {
		t.Error("banner or key left after the warnings were fixed")
	}
}

func TestReloadKey(t *testing.T) {
	d := newDriver(t, 100, 30, Options{})
	if !d.keys().Reload.Enabled() {
		t.Fatal("r not offered")
	}
	d.press("r")
	wantStatus("Reloaded fixture.toml: no changes")(t, d)
	saveBroken(d)
	d.press("r") // by hand, a failure is said in the status line too
	wantStatus("Not reloaded: 4 errors (press ! to see them)")(t, d)
}

// TestStaleReloadDropped: the result of a reload overtaken by a newer one
// is not shown.
func TestStaleReloadDropped(t *testing.T) {
	d := newDriver(t, 100, 30, Options{})
	c, _ := timeline.Parse("testdata/fixture.toml", []byte(fixtureSource(t)+addedEvent))
	d.m.files.seq += 2
	d.send(reloadedMsg{seq: d.m.files.seq - 1, chron: c, label: "old"})
	if d.m.chron.Event("added-2018") != nil {
		t.Error("a stale reload was applied")
	}
	d.send(reloadedMsg{seq: d.m.files.seq, chron: c, label: "fixture.toml"})
	if d.m.chron.Event("added-2018") == nil {
		t.Error("the latest reload was not applied")
	}
}

// TestOldRenderingNotUsed: a rendering of an event made before a reload,
// arriving after it, is not shown for the event as it is now.
func TestOldRenderingNotUsed(t *testing.T) {
	d := newDriver(t, 120, 40, Options{EventID: "printz-1997"})
	old := d.m.detail.key
	d.save(strings.Replace(fixtureSource(t), "commanding state officers", "commanding state officials", 1))
	d.send(renderedMsg{key: old, doc: document{lines: []string{"STALE"}}})
	if strings.Contains(d.screen(), "STALE") || !strings.Contains(d.screen(), "commanding state officials") {
		t.Errorf("screen:\n%s", d.screen())
	}
}
