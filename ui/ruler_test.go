package ui

import (
	"strings"
	"testing"

	"backstory/internal/synth"
	"backstory/timeline"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// rulerFor is a ruler on c, w wide, shown, with sel selected.
func rulerFor(c *timeline.Chronology, w int, sel *timeline.Event) *rulerModel {
	st := plainStyles()
	r := newRuler(&st)
	r.SetFacts(factsOf(c))
	r.SetShown(c.Events, true)
	r.SetSize(w, 50)
	r.SetSelected(sel)
	return &r
}

// TestRulerProperties: at every width from 20 to 300 and every zoom
// level, around events at both ends and in the middle, the ruler's lines
// are exactly as wide as the screen, its labels never overlap, and the
// marker is on the selected event's column, with the event in the span.
func TestRulerProperties(t *testing.T) {
	step := 1
	if testing.Short() {
		step = 13 // every width in the full run
	}
	for _, c := range []*timeline.Chronology{fixture(t), synthChronology(t, 300, 3)} {
		picks := []*timeline.Event{c.Events[0], c.Events[len(c.Events)/2], c.Events[len(c.Events)-1]}
		for w := 20; w <= 300; w += step {
			for _, sel := range picks {
				r := rulerFor(c, w, sel)
				for zoom := 0; zoom < 14; zoom++ {
					checkRuler(t, r, w, sel)
					r.Update(keyPress("+"))
				}
				for range 14 {
					r.Update(keyPress("-"))
					checkRuler(t, r, w, sel)
				}
				if r.lo != r.facts.lo || r.hi != r.facts.hi {
					t.Fatalf("w=%d: zoomed all the way out, the span is %d..%d, not %d..%d", w, r.lo, r.hi, r.facts.lo, r.facts.hi)
				}
			}
		}
	}
}

func checkRuler(t *testing.T, r *rulerModel, w int, sel *timeline.Event) {
	t.Helper()
	d := r.facts.day(sel)
	if d < r.lo || d > r.hi {
		t.Fatalf("w=%d: the selected day %d is outside the span %d..%d", w, d, r.lo, r.hi)
	}
	lines := strings.Split(r.View(), "\n")
	if len(lines) != r.Height() {
		t.Fatalf("w=%d: %d lines, height %d", w, len(lines), r.Height())
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw != w {
			t.Fatalf("w=%d: line %d is %d wide: %q", w, i, lw, ansi.Strip(l))
		}
	}
	axis := []rune(ansi.Strip(lines[len(lines)-2]))
	mark := r.col(d)
	if axis[mark] != '▲' || strings.Count(string(axis), "▲") != 1 {
		t.Fatalf("w=%d span %d..%d: the marker is not on column %d alone: %q", w, r.lo, r.hi, mark, string(axis))
	}
	labels := r.labels()
	for i, a := range labels {
		aw := ansi.StringWidth(a.text)
		if a.at < 0 || a.at+aw > w {
			t.Fatalf("w=%d: label %q at %d runs off the ruler", w, a.text, a.at)
		}
		for _, b := range labels[i+1:] {
			if a.at < b.at+ansi.StringWidth(b.text)+1 && b.at < a.at+aw+1 {
				t.Fatalf("w=%d span %d..%d: labels %q at %d and %q at %d touch", w, r.lo, r.hi, a.text, a.at, b.text, b.at)
			}
		}
	}
	if len(labels) == 0 || !labels[0].mark {
		t.Fatalf("w=%d: the marker's date is not labelled first: %v", w, labels)
	}
}

// synthChronology is a generated chronology of n events.
func synthChronology(t testing.TB, n int, seed uint64) *timeline.Chronology {
	t.Helper()
	c, diags := timeline.Parse("synth.toml", synth.Generate(synth.Options{Events: n, Seed: seed}))
	if c == nil || diags.HasErrors() {
		t.Fatalf("the generated chronology does not load:\n%s", diags)
	}
	return c
}

// TestRulerKeys: t hides and shows the ruler, + and - zoom around the
// selected event, = fits the whole chronology, and a click on the ruler
// selects the event nearest that date.
func TestRulerKeys(t *testing.T) {
	d := newDriver(t, 120, 40, Options{})
	if d.m.rulerH != 4 {
		t.Fatalf("the ruler is %d lines at 120x40, want 4 (with eras)", d.m.rulerH)
	}
	top := d.m.top
	d.press("t")
	if d.m.rulerH != 0 || d.m.top != top-4 || !d.keys().Ruler.Enabled() || d.keys().Ruler.Help().Desc != "show ruler" {
		t.Errorf("t did not hide the ruler: %d lines, top %d", d.m.rulerH, d.m.top)
	}
	d.press("t")
	if d.m.rulerH != 4 {
		t.Errorf("t did not show the ruler again")
	}

	full := d.m.ruler.hi - d.m.ruler.lo
	d.press("j", "j", "j") // schaaf-warning
	if d.keys().ZoomOut.Enabled() || d.keys().Fit.Enabled() {
		t.Error("- and = are offered before any zoom")
	}
	d.press("+", "+")
	if span := d.m.ruler.hi - d.m.ruler.lo; span >= full/3 {
		t.Errorf("+ + left a span of %d days of %d", span, full)
	}
	day := d.m.ruler.facts.day(d.m.current)
	if day < d.m.ruler.lo || day > d.m.ruler.hi {
		t.Errorf("zooming lost the selected event")
	}
	d.press("-")
	if span := d.m.ruler.hi - d.m.ruler.lo; span >= full {
		t.Errorf("- did not zoom out: %d days", span)
	}
	d.press("=")
	if d.m.ruler.hi-d.m.ruler.lo != full || d.keys().Fit.Enabled() {
		t.Errorf("= did not fit the whole chronology")
	}

	// the ruler follows the selection while zoomed
	d.press("+", "+", "+", "G")
	day = d.m.ruler.facts.day(d.m.current)
	if day < d.m.ruler.lo || day > d.m.ruler.hi {
		t.Errorf("the ruler did not follow the selection to %s", d.current())
	}

	// a click at the left end: the first event
	d.press("=")
	d.send(tea.MouseClickMsg{X: 0, Y: 2, Button: tea.MouseLeft})
	wantSelected("printz-1997")(t, d)
	d.send(tea.MouseClickMsg{X: 119, Y: 3, Button: tea.MouseLeft})
	wantSelected("memo-2025")(t, d)
	// in the middle of 2018, the events of 2018
	col := d.m.ruler.col(timeline.Ordinal(2018, 2, 25))
	d.send(tea.MouseClickMsg{X: col, Y: 2, Button: tea.MouseLeft})
	if got := d.current(); got != "schaaf-warning" && got != "ice-operation" && got != "homan-condemns" {
		t.Errorf("a click on February 2018 selected %q", got)
	}
}

// TestRulerHiddenWhenShort: below 20 rows the ruler waits for t; with no
// room for the panes beside it, t is not offered.
func TestRulerHiddenWhenShort(t *testing.T) {
	d := newDriver(t, 80, 16, Options{})
	if d.m.rulerH != 0 {
		t.Errorf("the ruler shows at 80x16")
	}
	d.press("t")
	if d.m.rulerH == 0 {
		t.Errorf("t does not show the ruler at 80x16")
	}
	s := newDriver(t, 80, 10, Options{})
	if s.keys().Ruler.Enabled() {
		t.Errorf("t is offered at 80x10, where the ruler has no room")
	}
}

// TestRulerMarksTheFilter: with a filter, the columns of the events it
// lets through are drawn bright and the others dim.
func TestRulerMarksTheFilter(t *testing.T) {
	d := newDriver(t, 120, 40, Options{Query: "year:2025"})
	if d.m.ruler.all || len(d.m.ruler.shown) != 1 {
		t.Fatalf("the ruler shows %d events (all %v)", len(d.m.ruler.shown), d.m.ruler.all)
	}
	st := newStyles(styleDark)
	d.m.ruler.SetStyles(&st)
	line := d.m.ruler.densityLine()
	if !strings.Contains(line, st.RulerDim.Render("▄")) && !strings.Contains(line, st.RulerDim.Render("█")) {
		t.Errorf("no dim columns for the events the filter hides")
	}
	last := d.m.ruler.col(d.m.ruler.facts.day(d.m.chron.Event("memo-2025")))
	if cells := splitCells(ansi.Strip(line)); cells[last] == " " {
		t.Errorf("the memo's column is empty")
	}
}
