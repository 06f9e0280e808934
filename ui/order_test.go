package ui

import (
	"slices"
	"strings"
	"testing"

	"backstory/timeline"
	"github.com/charmbracelet/x/ansi"
)

func idList(evs []*timeline.Event) []string {
	out := make([]string, len(evs))
	for i, e := range evs {
		out[i] = e.ID
	}
	return out
}

// TestNewestFirst: s shows the list newest first, says so in the header
// and keeps the selected event; filtering and s again keep the order
// asked for; gaps say "earlier" going back in time.
func TestNewestFirst(t *testing.T) {
	d := newDriver(t, 120, 40, Options{Style: styleNoTTY})
	oldest := idList(d.m.list.Events())
	d.press("j", "j")
	sel := d.current()
	d.press("s")
	newest := idList(d.m.list.Events())
	want := slices.Clone(oldest)
	slices.Reverse(want)
	if !slices.Equal(newest, want) {
		t.Fatalf("after s: %v, want %v", newest, want)
	}
	if d.current() != sel {
		t.Errorf("s moved the selection from %s to %s", sel, d.current())
	}
	header := strings.SplitN(d.screen(), "\n", 2)[0]
	if !strings.Contains(header, "newest first") {
		t.Errorf("the header does not say the order: %q", header)
	}
	if rows := d.m.list.View(); strings.Index(rows, "2025") > strings.Index(rows, "1997") {
		t.Errorf("the newest year is not on top:\n%s", rows)
	}
	if k := d.keys(); k.Reverse.Help().Desc != "oldest first" {
		t.Errorf("s is offered as %q", k.Reverse.Help().Desc)
	}

	// a filter keeps the order
	d.press("/").typeText("schaaf").press("enter")
	got := idList(d.m.list.Events())
	if len(got) < 2 {
		t.Fatalf("the filter lets %d events through", len(got))
	}
	for i := 1; i < len(got); i++ {
		a, b := d.m.chron.Event(got[i-1]), d.m.chron.Event(got[i])
		if a.Index < b.Index {
			t.Errorf("filtered, newest first: %s before %s", a.ID, b.ID)
		}
	}
	if header := strings.SplitN(d.screen(), "\n", 2)[0]; !strings.Contains(header, "newest first  /schaaf") {
		t.Errorf("the header with a filter: %q", header)
	}
	d.press("esc", "s")
	if got := idList(d.m.list.Events()); !slices.Equal(got, oldest) {
		t.Errorf("s again: %v, want %v", got, oldest)
	}
	if header := strings.SplitN(d.screen(), "\n", 2)[0]; strings.Contains(header, "newest first") {
		t.Errorf("oldest first, the header still says newest: %q", header)
	}
}

func TestGapRowNewestFirst(t *testing.T) {
	d := newDriver(t, 120, 40, Options{Style: styleNoTTY})
	later := strings.Contains(d.m.list.View(), "years later")
	d.press("s")
	rows := d.m.list.View()
	if later && !strings.Contains(rows, "years earlier") {
		t.Errorf("newest first, the gap does not say earlier:\n%s", rows)
	}
	if strings.Contains(rows, "later") {
		t.Errorf("newest first, a gap says later:\n%s", rows)
	}
}

// TestRulerNewestFirst: after s the ruler runs from right to left as the
// list does: each line of it is the other way round, its labels read left
// to right, a click finds the event under it, and s again puts it back.
func TestRulerNewestFirst(t *testing.T) {
	d := newDriver(t, 120, 40, Options{Style: styleNoTTY})
	d.press("j", "j", "j")
	r := &d.m.ruler
	density, axis := ansi.Strip(r.densityLine()), ansi.Strip(r.axisLine())
	labels, eras := ansi.Strip(r.labelLine()), ansi.Strip(r.erasLine())
	var atCol []*timeline.Event
	for x := range r.width {
		atCol = append(atCol, r.EventAt(x))
	}
	d.press("s")
	reversed := func(s string) string {
		rs := []rune(s)
		slices.Reverse(rs)
		return string(rs)
	}
	if got := ansi.Strip(r.densityLine()); got != reversed(density) {
		t.Errorf("density:\n%s\nwant\n%s", got, reversed(density))
	}
	if got := ansi.Strip(r.axisLine()); got != reversed(axis) {
		t.Errorf("axis:\n%s\nwant\n%s", got, reversed(axis))
	}
	for x := range r.width {
		if got, want := r.EventAt(x), atCol[r.width-1-x]; got != want {
			t.Fatalf("a click at %d finds %v, want %v", x, got, want)
		}
	}
	got := ansi.Strip(r.labelLine())
	for _, w := range strings.Fields(labels) {
		if !strings.Contains(got, w) {
			t.Errorf("the label %q is lost:\n%s", w, got)
		}
	}
	if first, last := strings.Fields(got)[0], strings.Fields(got)[len(strings.Fields(got))-1]; first != "2025" || last != "1997" {
		t.Errorf("labels from %q to %q:\n%s", first, last, got)
	}
	if e := ansi.Strip(r.erasLine()); strings.TrimSpace(e) == "" || !strings.Contains(e, "First term") {
		t.Errorf("eras:\n%s\nwas\n%s", e, eras)
	}
	d.press("s")
	if ansi.Strip(r.densityLine()) != density || ansi.Strip(r.labelLine()) != labels || ansi.Strip(r.erasLine()) != eras {
		t.Error("s again does not put the ruler back")
	}
}
