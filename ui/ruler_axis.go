package ui

import (
	"strconv"

	"backstory/timeline"
	"github.com/charmbracelet/x/ansi"
)

// The ruler's axis: where its ticks go, at the finest unit whose labels
// have room, and where the labels go without touching.

// label is a text placed on the label line from column at.
type label struct {
	at   int
	text string
	mark bool
}

// labels places the marker's date, the two ends of the span and the
// ticks' labels, in that order, each where it does not touch one placed
// before it.
func (r *rulerModel) labels() []label {
	var placed []label
	fits := func(at int, text string) bool {
		w := ansi.StringWidth(text)
		if at < 0 || at+w > r.width {
			return false
		}
		for _, p := range placed {
			if at < p.at+ansi.StringWidth(p.text)+1 && p.at < at+w+1 {
				return false
			}
		}
		return true
	}
	place := func(at int, text string, mark bool) {
		if fits(at, text) {
			placed = append(placed, label{at: at, text: text, mark: mark})
		}
	}
	if r.sel != nil {
		text := listDate(r.sel)
		c := r.col(r.facts.day(r.sel))
		w := ansi.StringWidth(text)
		place(min(max(c-w/2, 0), max(0, r.width-w)), text, true)
	}
	left, right := r.endLabel(r.lo), r.endLabel(r.hi)
	place(0, left, false)
	place(r.width-ansi.StringWidth(right), right, false)
	for _, t := range r.ticks() {
		if t.text != left && t.text != right { // an end says it already
			place(t.col-ansi.StringWidth(t.text)/2, t.text, false)
		}
	}
	return placed
}

// endLabel is day d at the precision the span calls for.
func (r *rulerModel) endLabel(d int) string {
	y, m, day := timeline.FromOrdinal(d)
	switch span := r.hi - r.lo; {
	case span > 3*366:
		return yearLabel(y)
	case span > 62:
		return timeline.Date{Year: y, Month: m, Precision: timeline.PrecisionMonth}.Format()
	}
	return timeline.Date{Year: y, Month: m, Day: day, Precision: timeline.PrecisionDay}.Format()
}

// tick is a mark on the axis and its label.
type tick struct {
	col  int
	text string
}

// tickUnits are the steps the axis may mark, finest first: days, months,
// years.
var tickUnits = []struct {
	days, months, years int
}{
	{days: 1}, {days: 7}, {months: 1}, {months: 3}, {months: 6},
	{years: 1}, {years: 2}, {years: 5}, {years: 10}, {years: 20}, {years: 50},
	{years: 100}, {years: 200}, {years: 500}, {years: 1000}, {years: 2000}, {years: 5000},
}

// ticks returns the marks of the finest unit whose labels have room
// between them: a label and two spaces a step.
func (r *rulerModel) ticks() []tick {
	span := float64(r.hi - r.lo + 1)
	for _, u := range tickUnits {
		step := float64(u.days) + 30.44*float64(u.months) + 365.2425*float64(u.years)
		room := step * float64(r.width) / span
		need := 2 + 2
		switch {
		case u.years > 0:
			need = 2 + len(yearLabel(0)) + 3
		case u.months > 0:
			need = 2 + 4
		}
		if room < float64(need) {
			continue
		}
		return r.ticksOf(u.days, u.months, u.years)
	}
	return nil
}

// ticksOf lists the days from lo to hi that start a unit: every days-th
// day, every months-th month, every years-th year.
func (r *rulerModel) ticksOf(days, months, years int) []tick {
	var out []tick
	add := func(d int, text string) {
		if d >= r.lo && d <= r.hi {
			out = append(out, tick{col: r.col(d), text: text})
		}
	}
	y, m, _ := timeline.FromOrdinal(r.lo)
	switch {
	case years > 0:
		for y = floorTo(y, years); timeline.Ordinal(y, 1, 1) <= r.hi; y += years {
			add(timeline.Ordinal(y, 1, 1), yearLabel(y))
		}
	case months > 0:
		m = ((m-1)/months)*months + 1
		for d := timeline.Ordinal(y, m, 1); d <= r.hi; d = timeline.Ordinal(y, m, 1) {
			text := monthName(m)
			if m == 1 {
				text = yearLabel(y)
			}
			add(d, text)
			if m += months; m > 12 {
				m -= 12
				y++
			}
		}
	default:
		for d := r.lo; d <= r.hi; d++ {
			yy, mm, dd := timeline.FromOrdinal(d)
			switch {
			case dd == 1 && mm == 1:
				add(d, yearLabel(yy))
			case dd == 1:
				add(d, monthName(mm))
			case days == 1 || (dd-1)%days == 0 && dd <= 28:
				add(d, strconv.Itoa(dd))
			}
		}
	}
	return out
}

// floorTo is y rounded down to a multiple of n.
func floorTo(y, n int) int {
	if y >= 0 {
		return y / n * n
	}
	return -((-y + n - 1) / n * n)
}

// monthName is "Jan" … "Dec".
func monthName(m int) string {
	return timeline.Date{Year: 2000, Month: m, Precision: timeline.PrecisionMonth}.Format()[:3]
}
