package ui

import (
	"image/color"
	"strings"
	"testing"

	"backstory/timeline"
	tea "charm.land/bubbletea/v2"
)

func TestStartFiltered(t *testing.T) {
	d := newDriver(t, 120, 40, Options{Query: "schaaf"})
	wantIDs(t, d, "homan-condemns", "schaaf-warning")
	if d.m.filter.input.Value() != "schaaf" || !strings.Contains(d.screen(), "/schaaf 2/8") {
		t.Errorf("filter not shown:\n%s", d.screen())
	}
}

func TestStartAtEvent(t *testing.T) {
	d := newDriver(t, 80, 24, Options{EventID: "memo-2025"})
	wantCurrent("memo-2025")(t, d)
	wantFocus(modeDetail)(t, d)
	if !strings.Contains(d.screen(), "Justice Dept. memo threatens local officials") {
		t.Errorf("event not shown:\n%s", d.screen())
	}
}

func TestStartAtEventHiddenByFilter(t *testing.T) {
	d := newDriver(t, 120, 40, Options{Query: "schaaf", EventID: "memo-2025"})
	wantCurrent("memo-2025")(t, d)
	wantStatus("hidden by the filter")(t, d)
}

func TestStartAtUnknownEvent(t *testing.T) {
	for id, want := range map[string]string{
		"nope":          "backstory: --event: no event has id \"nope\"; backstory list shows the ids\n",
		"schaaf-warnin": "backstory: --event: no event has id \"schaaf-warnin\" (did you mean \"schaaf-warning\"?); backstory list shows the ids\n",
	} {
		d := newDriver(t, 80, 24, Options{EventID: id})
		code, msg := d.m.Exit()
		if !d.quit || code != 1 || msg != want {
			t.Errorf("--event %s: quit %v, exit %d %q, want %q", id, d.quit, code, msg, want)
		}
	}
}

func TestLoadFailure(t *testing.T) {
	_, diags := timeline.Parse("bad.toml", []byte("title = 3\n"))
	d := newDriver(t, 80, 24, Options{Load: func(func(int64, int64)) (*timeline.Chronology, timeline.Diagnostics, string) {
		return nil, diags, "bad.toml"
	}})
	code, msg := d.m.Exit()
	if !d.quit || code != 1 || msg != diags.String() || !strings.HasPrefix(msg, "bad.toml:1") {
		t.Errorf("quit %v, exit %d %q", d.quit, code, msg)
	}
}

func TestLoadWarnings(t *testing.T) {
	c, diags := timeline.Parse("warn.toml", []byte("title = \"T\"\ncolour = 1\n[[event]]\nid = \"a\"\ndate = \"2020\"\ntitle = \"A\"\n"))
	if c == nil || len(diags.Warnings()) == 0 {
		t.Fatalf("fixture: %v", diags)
	}
	d := newDriver(t, 80, 24, Options{Load: func(func(int64, int64)) (*timeline.Chronology, timeline.Diagnostics, string) {
		return c, diags, "warn.toml"
	}})
	if !d.m.problems.any() || !strings.Contains(d.screen(), `1 warning: warn.toml:2:1: warning: chronology: unknown`) {
		t.Errorf("the warning is not shown:\n%s", d.screen())
	}
	d.press("!")
	if !strings.Contains(d.screen(), "1 warning in the files") {
		t.Errorf("! does not expand the warnings:\n%s", d.screen())
	}
}

func TestLoadingScreen(t *testing.T) {
	m := New(Options{Style: styleDark})
	nm, _ := m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if !strings.Contains(nm.View().Content, "Loading") {
		t.Errorf("first frame: %q", nm.View().Content)
	}
	nm, cmd := nm.Update(loadProgressMsg{done: 50, total: 100})
	if cmd == nil || !strings.Contains(nm.View().Content, "50%") {
		t.Errorf("progress not shown or not waited for: %q", nm.View().Content)
	}
	if _, cmd := nm.Update(keyPress("q")); cmd == nil {
		t.Error("q does not quit while loading")
	}
}

// TestLoadCmd runs the real start-up commands: progress, then the result.
func TestLoadCmd(t *testing.T) {
	c := fixture(t)
	ch := make(chan tea.Msg, 1)
	load := func(progress func(int64, int64)) (*timeline.Chronology, timeline.Diagnostics, string) {
		progress(1, 2)
		return c, nil, "x"
	}
	done := make(chan tea.Msg)
	go func() { done <- loadCmd(load, ch)() }()
	if msg := waitLoad(ch)(); msg != (loadProgressMsg{done: 1, total: 2}) {
		t.Fatalf("first message %#v", msg)
	}
	if msg, ok := waitLoad(ch)().(loadedMsg); !ok || msg.chron != c {
		t.Fatalf("second message %#v", msg)
	}
	if msg := <-done; msg != nil {
		t.Errorf("load command returned %v", msg)
	}
}

func TestStyleAuto(t *testing.T) {
	for _, tc := range []struct {
		msg  tea.Msg
		want string
	}{
		{tea.BackgroundColorMsg{Color: color.White}, styleLight},
		{tea.BackgroundColorMsg{Color: color.Black}, styleDark},
		{bgTimeoutMsg{}, styleDark},
	} {
		m := New(Options{Style: styleAuto})
		var tm tea.Model = m
		tm, _ = tm.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		tm, _ = tm.Update(loadedMsg{chron: fixture(t), label: "f"})
		if strings.Contains(tm.View().Content, "Printz") {
			t.Errorf("timeline drawn before the style is known")
		}
		tm, _ = tm.Update(tc.msg)
		got := tm.(*Model)
		if got.st.Name != tc.want || !strings.Contains(got.View().Content, "Printz") {
			t.Errorf("%T: style %q, want %q", tc.msg, got.st.Name, tc.want)
		}
		// a late answer changes nothing
		tm, _ = tm.Update(tea.BackgroundColorMsg{Color: color.White})
		if tm.(*Model).st.Name != tc.want {
			t.Errorf("late answer changed the style")
		}
	}
}

// TestRenderOffKeyPath: moving through the list shows a placeholder at
// once, the rendering when it arrives, and never a rendering of another
// event or width.
func TestRenderOffKeyPath(t *testing.T) {
	d := newDriver(t, 120, 40, Options{})
	m, cmd := d.m.Update(keyPress("j"))
	d.m = m.(*Model)
	if cmd == nil || !strings.Contains(d.screen(), "rendering…") {
		t.Fatalf("no placeholder while rendering:\n%s", d.screen())
	}
	// a rendering of the event just left arrives late: not shown
	stale := renderKey{id: "printz-1997", width: d.m.detail.width, style: styleNoTTY}
	d.send(renderedMsg{key: stale, doc: document{lines: []string{"STALE"}}})
	if strings.Contains(d.screen(), "STALE") {
		t.Fatal("stale rendering shown")
	}
	d.run(cmd)
	if !strings.Contains(d.screen(), "California becomes a sanctuary state") {
		t.Fatalf("rendering not shown:\n%s", d.screen())
	}
	// back up: from the cache, at once
	m, cmd = d.m.Update(keyPress("k"))
	d.m = m.(*Model)
	if cmd != nil || strings.Contains(d.screen(), "rendering…") {
		t.Errorf("cached rendering not used")
	}
}

func TestFollowHiddenByFilter(t *testing.T) {
	d := newDriver(t, 120, 40, Options{})
	d.press("/")
	d.typeText("memo")
	d.press("enter", "enter", "1")
	wantCurrent("schaaf-warning")(t, d)
	wantStatus("hidden by the filter")(t, d)
	if d.selected() != "memo-2025" || !strings.Contains(d.screen(), "Schaaf posts a warning") {
		t.Errorf("selected %q:\n%s", d.selected(), d.screen())
	}
	d.press("[")
	wantCurrent("memo-2025")(t, d)
}

func TestMouse(t *testing.T) {
	d := newDriver(t, 120, 40, Options{})
	top := d.m.top // under the header and the ruler
	// rows: 0 "── 1997", 1 printz, 2 "⋮ 20 years later", 3 "━━ First term", 4 "── 2017", 5 sb54
	d.send(tea.MouseClickMsg{X: 5, Y: top + 5, Button: tea.MouseLeft})
	wantSelected("sb54-signed")(t, d)
	d.send(tea.MouseClickMsg{X: 5, Y: top + 4, Button: tea.MouseLeft}) // a separator
	wantSelected("sb54-signed")(t, d)
	d.send(tea.MouseClickMsg{X: 5, Y: top + 2, Button: tea.MouseLeft}) // the gap
	wantSelected("sb54-signed")(t, d)
	d.send(tea.MouseClickMsg{X: 80, Y: top + 4, Button: tea.MouseLeft})
	wantFocus(modeDetail)(t, d)

	n := newDriver(t, 60, 10, Options{})
	n.press("j", "j", "j", "enter")
	n.send(tea.MouseWheelMsg{X: 10, Y: 4, Button: tea.MouseWheelDown})
	wantOffset(t, n, 3)
	n.send(tea.MouseWheelMsg{X: 10, Y: 4, Button: tea.MouseWheelUp})
	wantOffset(t, n, 0)
	n.press("esc")
	before := n.m.list.offset
	n.send(tea.MouseWheelMsg{X: 10, Y: 4, Button: tea.MouseWheelDown})
	if n.m.list.offset != before+3 {
		t.Errorf("list offset %d after wheel, from %d", n.m.list.offset, before)
	}
	checkFits(t, n.m.View().Content, 60, 10, "after wheel")

	if d.m.View().MouseMode != tea.MouseModeCellMotion {
		t.Error("mouse not on by default")
	}
	if m := newDriver(t, 80, 24, Options{NoMouse: true}); m.m.View().MouseMode != tea.MouseModeNone {
		t.Error("--no-mouse left the mouse on")
	}
}

func TestCitation(t *testing.T) {
	c := fixture(t)
	e := c.Event("unsafe-text")
	var src *timeline.Source
	if len(e.Sources) > 0 {
		src = &e.Sources[0]
	}
	got := citation(e, src)
	if strings.ContainsAny(got, "\x1b\x07\u202e") || !strings.Contains(got, "␛") {
		t.Errorf("citation not harmless: %q", got)
	}
	if got := citation(c.Event("ice-operation"), nil); !strings.HasSuffix(got, "No source on file.") {
		t.Errorf("unsourced citation: %q", got)
	}
}

func TestOpenURLRefusesOtherSchemes(t *testing.T) {
	called := false
	msg := openURLCmd("file:///etc/passwd", func(string) error { called = true; return nil })().(openedMsg)
	if called || msg.err == nil {
		t.Errorf("called %v, err %v", called, msg.err)
	}
}

// TestKeysWhileLoading: keys typed before the timeline is ready are kept
// and done once it is, in order.
func TestKeysWhileLoading(t *testing.T) {
	var tm tea.Model = New(Options{Style: styleAuto})
	tm, _ = tm.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	for _, k := range []string{"j", "j", "enter"} {
		tm, _ = tm.Update(keyPress(k))
	}
	tm, _ = tm.Update(loadedMsg{chron: fixture(t), label: "f"})
	tm, _ = tm.Update(bgTimeoutMsg{})
	m := tm.(*Model)
	if m.current == nil || m.current.ID != "homan-condemns" || m.focus != modeDetail {
		t.Errorf("current %v, focus %v", m.current, m.focus)
	}
}

func TestEmptyChronology(t *testing.T) {
	c, diags := timeline.Parse("empty.toml", []byte("title = \"Nothing yet\"\n"))
	if c == nil {
		t.Fatal(diags)
	}
	load := func(func(int64, int64)) (*timeline.Chronology, timeline.Diagnostics, string) {
		return c, diags, "empty.toml"
	}
	for _, size := range [][2]int{{120, 40}, {40, 12}, {1, 1}} {
		d := newDriver(t, size[0], size[1], Options{Load: load})
		d.press("j", "G", "enter", "tab", "1", "[", "y", "o", "?", "?", "i", "j", "i", "/")
		d.typeText("x")
		d.press("enter", "esc")
		checkFits(t, d.m.View().Content, size[0], size[1], "empty")
		if size[0] == 120 && !strings.Contains(d.screen(), "no events yet") {
			t.Errorf("no word about the empty chronology:\n%s", d.screen())
		}
	}
}

func TestClickFollowsLink(t *testing.T) {
	d := newDriver(t, 120, 40, Options{})
	d.press("j", "j", "j")
	top := d.m.top
	line := d.m.detail.linkLine[1] - d.m.detail.Offset()
	d.send(tea.MouseClickMsg{X: 80, Y: top + line, Button: tea.MouseLeft})
	wantCurrent("homan-condemns")(t, d)
	if len(d.m.history.back) != 1 {
		t.Errorf("history %v", d.m.history.back)
	}
}
