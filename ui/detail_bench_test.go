package ui

import (
	"testing"
)

// BenchmarkDetailScroll is one line down in the detail pane of an event
// whose body is at the cap (256 KB, about 4,000 lines): Update for j and
// View of the frame, back to the top every 50 lines.
func BenchmarkDetailScroll(b *testing.B) {
	c := hugeBenchChronology(b, hugeSpec{body: bodyCap})
	d := hugeDriver(b, c, 120, 40)
	i := 0
	for b.Loop() {
		if i++; i%50 == 0 {
			d.press("g")
		} else {
			d.press("j")
		}
		_ = d.m.View()
	}
}

// BenchmarkDetailMatch is n in the same event, filtered by a word on
// every paragraph: Update for n (to the next match, drawn apart from the
// others) and View of the frame.
func BenchmarkDetailMatch(b *testing.B) {
	c := hugeBenchChronology(b, hugeSpec{body: bodyCap})
	d := newDriver(b, 120, 40, Options{Load: hugeLoad(c), EventID: "huge", Query: "paragraph"})
	for b.Loop() {
		d.press("n")
		_ = d.m.View()
	}
}
