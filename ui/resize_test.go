package ui

import (
	"fmt"
	"os/exec"
	"strings"
	"testing"

	"backstory/timeline"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// Resizes in the middle of things: while a filter is typed and its run is
// on its way, while the chronology loads, while a rendering of the detail
// is on its way, while the editor has the terminal. These tests hold
// commands back and deliver their messages in the order they choose, with
// real Update and View calls; nothing is timed.

// step is a model driven one message at a time, its commands kept rather
// than run.
type step struct {
	t *testing.T
	m *Model
	d *driver // what made it (its files are what a reload reads)
}

// update feeds msg and returns the messages of the commands it started,
// not yet delivered (a command that would block, as a timer does, is not
// run: see held).
func (s *step) update(msg tea.Msg) []tea.Msg {
	s.t.Helper()
	m, cmd := s.m.Update(msg)
	s.m = m.(*Model)
	return held(cmd)
}

// drop feeds msg and drops the commands it starts (the wait for the next
// message of the load, which would block).
func (s *step) drop(msg tea.Msg) {
	m, _ := s.m.Update(msg)
	s.m = m.(*Model)
}

// held runs cmd and the commands it batches, and returns their messages.
// The commands the viewer starts in these tests (filter runs, renders,
// reloads) return at once.
func held(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	switch msg := cmd().(type) {
	case nil:
		return nil
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, held(c)...)
		}
		return out
	default:
		return []tea.Msg{msg}
	}
}

// deliver feeds msgs, and everything they lead to, in order.
func (s *step) deliver(msgs ...tea.Msg) {
	s.t.Helper()
	for _, msg := range msgs {
		s.deliver(s.update(msg)...)
	}
}

// only keeps the messages of type T.
func only[T tea.Msg](msgs []tea.Msg) []T {
	var out []T
	for _, m := range msgs {
		if t, ok := m.(T); ok {
			out = append(out, t)
		}
	}
	return out
}

// fitsAt fails unless the view fits w x h and every pane was laid out
// for it.
func (s *step) fitsAt(w, h int, what string) {
	s.t.Helper()
	checkScreen(s.t, s.m, w, h, what)
	if s.m.width != w || s.m.height != h {
		s.t.Errorf("%s: the model is %dx%d, the terminal %dx%d", what, s.m.width, s.m.height, w, h)
	}
	if !s.m.ready() {
		return
	}
	lw, dw := w, max(0, w-1)
	if s.m.width >= wideWidth {
		lw, dw = paneWidths(w)
	}
	if s.m.list.width != lw || s.m.detail.width != dw {
		s.t.Errorf("%s at %dx%d: list %d wide (want %d), detail %d (want %d)", what, w, h, s.m.list.width, lw, s.m.detail.width, dw)
	}
}

// newStep is a viewer on the fixture at w x h, loaded, with every
// command of the start-up run.
func newStep(t *testing.T, w, h int, opts Options) *step {
	t.Helper()
	d := newDriver(t, w, h, opts)
	return &step{t: t, m: d.m, d: d}
}

func typed(r rune) tea.KeyPressMsg { return tea.KeyPressMsg{Code: r, Text: string(r)} }

// TestResizeWhileFiltering: a resize between a key typed in the filter
// bar and the result of its run neither loses the result nor applies a
// stale one, and the list, the bar and the panes are laid out for the new
// size.
func TestResizeWhileFiltering(t *testing.T) {
	s := newStep(t, 120, 40, Options{})
	s.deliver(keyPress("/"))
	runS := only[filteredMsg](s.update(typed('s')))
	runSC := only[filteredMsg](s.update(typed('c')))
	if len(runS) != 1 || len(runSC) != 1 {
		t.Fatalf("typing started %d and %d filter runs", len(runS), len(runSC))
	}
	seq := s.m.filter.seq
	if more := s.update(tea.WindowSizeMsg{Width: 70, Height: 20}); len(only[filteredMsg](more)) > 0 {
		t.Error("a resize started a filter run")
	}
	if s.m.filter.seq != seq || !s.m.filter.editing || s.m.filter.input.Value() != "sc" {
		t.Fatalf("the resize changed the filter: seq %d→%d, editing %v, text %q",
			seq, s.m.filter.seq, s.m.filter.editing, s.m.filter.input.Value())
	}
	s.fitsAt(70, 20, "filter typed, its run on the way")

	// the result of "sc" arrives, then the stale one of "s": "sc" stays
	s.deliver(runSC[0])
	s.deliver(runS[0])
	want := ids(timelineFilter(t, s.m.chron, "sc"))
	if got := ids(s.m.list.events); got != want || s.m.filter.applied != "sc" {
		t.Errorf("after the resize the list shows %s for %q, want %s for \"sc\"", got, s.m.filter.applied, want)
	}
	if !strings.Contains(ansi.Strip(s.m.View().Content), "/ sc") {
		t.Errorf("the filter bar lost the text:\n%s", ansi.Strip(s.m.View().Content))
	}
	s.fitsAt(70, 20, "filter applied after the resize")

	// and a resize while the result is on its way and one more key is
	// typed: only the last run is applied
	run := only[filteredMsg](s.update(typed('h')))
	s.deliver(tea.WindowSizeMsg{Width: 30, Height: 8})
	runLast := only[filteredMsg](s.update(keyPress("backspace")))
	s.deliver(tea.WindowSizeMsg{Width: 95, Height: 25})
	s.deliver(runLast[0])
	s.deliver(run[0])
	if s.m.filter.applied != "sc" || ids(s.m.list.events) != want {
		t.Errorf("the list shows %s for %q, want %s for \"sc\"", ids(s.m.list.events), s.m.filter.applied, want)
	}
	s.fitsAt(95, 25, "filter after two resizes")
	s.deliver(keyPress("enter"))
	s.fitsAt(95, 25, "filter kept")
	if s.m.filter.applied != "sc" || s.m.filter.editing {
		t.Errorf("enter kept %q (editing %v)", s.m.filter.applied, s.m.filter.editing)
	}
}

// TestResizeWhileFilteringNoResults: a filter that lets nothing through,
// its result arriving after resizes down to 1x1 and back.
func TestResizeWhileFilteringNoResults(t *testing.T) {
	s := newStep(t, 80, 24, Options{})
	s.deliver(keyPress("/"))
	var runs []tea.Msg
	for _, r := range "zzqx" {
		runs = append(runs, s.update(typed(r))...)
	}
	for _, size := range [][2]int{{1, 1}, {3, 2}, {45, 9}} {
		s.deliver(tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		s.fitsAt(size[0], size[1], "no results on the way")
	}
	s.deliver(runs...)
	if len(s.m.list.events) != 0 || s.m.filter.applied != "zzqx" {
		t.Fatalf("the list shows %d events for %q", len(s.m.list.events), s.m.filter.applied)
	}
	s.fitsAt(45, 9, "no results")
	if sc := ansi.Strip(s.m.View().Content); !strings.Contains(sc, "No events match the filter.") {
		t.Errorf("at 45x9:\n%s", sc)
	}
}

func ids(evs []*timeline.Event) string {
	var b strings.Builder
	for _, e := range evs {
		b.WriteString(e.ID + " ")
	}
	return b.String()
}

func timelineFilter(t *testing.T, c *timeline.Chronology, query string) []*timeline.Event {
	t.Helper()
	q, err := timeline.ParseQuery(query)
	if err != nil {
		t.Fatal(err)
	}
	return q.Filter(c)
}

// TestResizeWhileLoading: the terminal is resized while the progress bar
// shows; each frame fits, and the first frame of the timeline is laid out
// for the last size.
func TestResizeWhileLoading(t *testing.T) {
	c := fixture(t)
	for _, sizes := range [][][2]int{
		{{120, 40}, {50, 10}},
		{{30, 6}, {1, 1}, {150, 45}},
		{{80, 24}, {89, 20}, {91, 20}},
	} {
		t.Run(fmt.Sprint(sizes), func(t *testing.T) {
			s := &step{t: t, m: New(Options{Style: styleDark})}
			s.m.status.timers = false
			w, h := sizes[0][0], sizes[0][1]
			s.deliver(tea.WindowSizeMsg{Width: w, Height: h})
			s.drop(loadProgressMsg{done: 3, total: 10})
			s.fitsAt(w, h, "loading")
			for _, size := range sizes[1:] {
				w, h = size[0], size[1]
				s.deliver(tea.WindowSizeMsg{Width: w, Height: h})
				s.fitsAt(w, h, "loading after a resize")
				if w >= 10 && h >= 3 && !strings.Contains(ansi.Strip(s.m.View().Content), "30%") {
					t.Errorf("the progress is not shown at %dx%d:\n%s", w, h, ansi.Strip(s.m.View().Content))
				}
				if bw := s.m.start.bar.Width(); bw > max(1, w-4) {
					t.Errorf("the progress bar is %d wide at %d columns", bw, w)
				}
			}
			s.drop(loadProgressMsg{done: 10, total: 10})
			s.deliver(loadedMsg{chron: c, label: "fixture.toml"})
			if !s.m.ready() {
				t.Fatal("not ready after the load")
			}
			s.fitsAt(w, h, "first frame after the load")
			if (s.m.width >= wideWidth || s.m.focus == modeDetail) && s.m.detail.width > 0 && s.m.detail.key.width != s.m.detail.width {
				t.Errorf("the first event was rendered for %d columns, its pane has %d", s.m.detail.key.width, s.m.detail.width)
			}
		})
	}
}

// TestResizeWhileLoadingInProgram: the same with the real program: the
// load reports progress and waits; the terminal is resized; the load
// ends; the first frame of the timeline fits the new size.
func TestResizeWhileLoadingInProgram(t *testing.T) {
	c := fixture(t)
	release := make(chan struct{})
	opts := Options{Load: func(progress func(int64, int64)) (*timeline.Chronology, timeline.Diagnostics, string) {
		progress(4, 10)
		<-release
		return c, nil, "fixture.toml"
	}}
	pr := startProgram(t, opts, 120, 40)
	pr.waitScreen([]string{"Loading the chronology…", "40%"})
	pr.p.Send(tea.WindowSizeMsg{Width: 44, Height: 11})
	m := pr.waitFor("the resize", func(m *Model, _ string) bool { return m.width == 44 })
	checkScreen(t, m, 44, 11, "loading, resized")
	close(release)
	m = pr.waitFor("the timeline", func(m *Model, _ string) bool { return m.ready() })
	checkScreen(t, m, 44, 11, "first frame")
	if m.list.width != 44 || m.height != 11 {
		t.Errorf("the first frame is laid out for %dx%d (list %d wide)", m.width, m.height, m.list.width)
	}
	if s := ansi.Strip(m.View().Content); !strings.Contains(s, "Printz v. United States") {
		t.Errorf("the first frame:\n%s", s)
	}
}

// TestResizeWhileRendering: the rendering of the detail for the old width
// arrives after a resize: it is never shown at the new width; the
// rendering for the new width starts when it is in (one rendering of a
// document at a time, however many resizes), and is shown.
func TestResizeWhileRendering(t *testing.T) {
	s := newStep(t, 120, 40, Options{})
	_, oldW := paneWidths(120)
	old := only[renderedMsg](s.update(keyPress("j")))
	if len(old) != 1 || old[0].key.width != oldW {
		t.Fatalf("moving down started %v", old)
	}
	// a window dragged narrower, column by column
	var started []renderedMsg
	for w := 119; w >= 100; w-- {
		started = append(started, only[renderedMsg](s.update(tea.WindowSizeMsg{Width: w, Height: 30}))...)
		s.fitsAt(w, 30, "a rendering on its way")
	}
	_, newW := paneWidths(100)
	if len(started) != 0 {
		t.Fatalf("the resizes started %d renderings while one was on its way", len(started))
	}
	if s.m.detail.key != (renderKey{}) {
		t.Fatalf("the detail shows a rendering for %d columns before any arrived", s.m.detail.key.width)
	}
	cur := only[renderedMsg](s.update(old[0]))
	if k := s.m.detail.key; k != (renderKey{}) {
		t.Errorf("the detail shows the rendering for %d columns in a pane of %d", k.width, newW)
	}
	if len(cur) != 1 || cur[0].key.width != newW || cur[0].key.id != old[0].key.id {
		t.Fatalf("the old rendering's arrival started %v, want one at %d columns", cur, newW)
	}
	s.deliver(cur[0])
	if k := s.m.detail.key; k.width != newW || k.id != s.m.current.ID {
		t.Errorf("the detail shows %+v, want %s at %d columns", k, s.m.current.ID, newW)
	}
	s.fitsAt(100, 30, "rendered after the resize")
	for i, l := range s.m.detail.lines {
		if lw := ansi.StringWidth(l); lw > newW {
			t.Fatalf("line %d of the detail is %d wide in a pane of %d", i, lw, newW)
		}
	}

	// back to the old width while its rendering is still on its way: it
	// is not started twice, and shown when it arrives
	s = newStep(t, 120, 40, Options{})
	old = only[renderedMsg](s.update(keyPress("j")))
	mid := only[renderedMsg](s.update(tea.WindowSizeMsg{Width: 100, Height: 30}))
	again := only[renderedMsg](s.update(tea.WindowSizeMsg{Width: 120, Height: 40}))
	if len(old) != 1 || len(mid) != 0 || len(again) != 0 {
		t.Fatalf("renders started: %d, %d, then %d (want 1, 0, 0)", len(old), len(mid), len(again))
	}
	if more := only[renderedMsg](s.update(old[0])); len(more) != 0 {
		t.Errorf("the rendering's arrival started %d more", len(more))
	}
	if s.m.detail.key.width != oldW {
		t.Errorf("the detail shows the rendering for %d columns at 120", s.m.detail.key.width)
	}
	s.fitsAt(120, 40, "back to the first size")

	// another event's rendering on its way does not hold this one back
	s = newStep(t, 120, 40, Options{})
	first := only[renderedMsg](s.update(keyPress("j")))
	second := only[renderedMsg](s.update(keyPress("j")))
	if len(first) != 1 || len(second) != 1 || first[0].key.id == second[0].key.id {
		t.Fatalf("moving twice started %v and %v", first, second)
	}
	s.deliver(second[0], first[0])
	if s.m.detail.key != second[0].key {
		t.Errorf("the detail shows %+v, want %+v", s.m.detail.key, second[0].key)
	}
}

// TestResizeKeepsReadingPlace: rendered again at another width, the detail
// stays at the same place in the text, and a selected link stays in view.
func TestResizeKeepsReadingPlace(t *testing.T) {
	c := hugeChronology(t, hugeSpec{body: 40 << 10, links: 3})
	d := newDriver(t, 120, 40, Options{Load: hugeLoad(c), EventID: "huge"})
	d.press("pgdown", "pgdown", "pgdown", "pgdown")
	before := paragraphAt(d.m.detail)
	d.send(tea.WindowSizeMsg{Width: 30, Height: 40})
	// the paragraph at the top before is at the top still (or the one
	// before or after it, the place being kept by the fraction read)
	if after := paragraphAt(d.m.detail); before < 3 || after < before-1 || after > before+1 {
		t.Errorf("the detail was at paragraph %d at 120 columns, is at %d at 30:\n%s", before, after, d.screen())
	}
	d.press("G", "shift+tab") // the last link
	d.press("g")
	d.m.detail.linkSel = len(d.m.detail.targets) - 1 // selected, scrolled away from
	d.send(tea.WindowSizeMsg{Width: 120, Height: 40})
	if l := d.m.detail.linkLine[d.m.detail.linkSel]; l < d.m.detail.Offset() || l >= d.m.detail.Offset()+d.m.detail.bodyHeight() {
		t.Errorf("the selected link (line %d) is out of view (from %d) after the resize", l, d.m.detail.Offset())
	}
}

// paragraphAt is the number of the paragraph at the top of the detail
// pane, of a body of hugeChronology.
func paragraphAt(d detailModel) int {
	for i := d.Offset(); i >= 0; i-- {
		var n int
		if _, err := fmt.Sscanf(strings.TrimSpace(d.plain[i]), "Paragraph %d.", &n); err == nil {
			return n
		}
	}
	return -1
}

// TestResizeWhileEditing: the editor has the terminal (tea.ExecProcess),
// and the WindowSizeMsg of a resize made meanwhile arrives before the
// editor's end, between it and the reload, or after both: the viewer is
// laid out at the last size, with the detail rendered for it.
func TestResizeWhileEditing(t *testing.T) {
	for _, tc := range []struct {
		when  string
		saved bool // the editor saved an event more
	}{
		{"before the editor returns", false}, {"before the reload", false}, {"after the reload", false},
		{"before the editor returns", true}, {"before the reload", true}, {"after the reload", true},
	} {
		when := tc.when
		t.Run(fmt.Sprintf("%s/saved=%v", when, tc.saved), func(t *testing.T) {
			var done tea.ExecCallback
			s := newStep(t, 120, 40, Options{})
			s.m.runEditor = func(_ *exec.Cmd, fn tea.ExecCallback) tea.Cmd {
				done = fn
				return nil // the editor runs until the test says
			}
			s.deliver(keyPress("j"), keyPress("j"), keyPress("enter"), keyPress("e"))
			if done == nil {
				t.Fatal("e did not start the editor")
			}
			id := s.m.current.ID
			if tc.saved { // the event the edit added is selected
				id = "added-2018"
			}
			resize := tea.WindowSizeMsg{Width: 70, Height: 18}
			if when == "before the editor returns" {
				s.deliver(resize)
			}
			if tc.saved {
				c, diags := parseFixture(fixtureSource(t) + addedEvent)
				s.d.files = loadResult{c: c, diags: diags, label: "fixture.toml"}
			}
			reloads := s.update(done(nil))
			if when == "before the reload" {
				s.deliver(resize)
			}
			s.deliver(reloads...)
			if when == "after the reload" {
				s.deliver(resize)
			}
			s.fitsAt(70, 18, "after the editor")
			if s.m.current == nil || s.m.current.ID != id || s.m.focus != modeDetail {
				t.Errorf("after the editor: %v, focus %v", s.m.current, s.m.focus)
			}
			if s.m.detail.key.width != s.m.detail.width || s.m.detail.key.id != id {
				t.Errorf("the detail shows %+v in a pane %d wide", s.m.detail.key, s.m.detail.width)
			}
			if sc := ansi.Strip(s.m.View().Content); !strings.Contains(sc, "Homan") && !strings.Contains(sc, "added in the editor") {
				t.Errorf("after the editor:\n%s", sc)
			}
			if got := s.m.chron.Event("added-2018") != nil; got != tc.saved {
				t.Errorf("the event saved in the editor is there: %v", got)
			}
			s.deliver(keyPress("esc"))
			s.fitsAt(70, 18, "the list after the editor")
		})
	}
}
