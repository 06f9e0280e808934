package ui

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"backstory/timeline"
	"github.com/charmbracelet/x/ansi"
)

// The list's rows: an event a row, with separators where the era or the
// year changes and where a long time passes between two events; the era
// and year of the rows at the top stay pinned there while the list
// scrolls.

// listRow is an event or a separator.
type listRow struct {
	event int    // index into events; -1 for a separator
	label string // the separator's text
	kind  rowKind
	// the rows of the era and year headers this row comes under (-1 none)
	eraRow, yearRow int32
}

type rowKind uint8

const (
	eventRow rowKind = iota
	yearRow
	eraRow
	gapRow
)

// Widths of the parts of a row.
const (
	markWidth    = 2  // "✗?": the gravest claim status, no source
	dateWidth    = 12 // "~24 Feb 2018": the date column at least
	maxDateWidth = 18 // and at most: "~25 Feb–3 Mar 2018"
	minDateWidth = 30 // below this list width the date column is left out
	wideDates    = 40 // from this list width the date column fits whole spans
)

// listFacts is what the list works out once per chronology, in the
// command that loads it, off the key path.
type listFacts struct {
	chron  *timeline.Chronology
	eraAt  []*timeline.Era     // the era of each event, by index
	gap    int                 // days: events further apart than this get a row that says so
	dateW  int                 // the date column's width
	days   []int               // the first day of each event (timeline.Ordinal), by index: in order
	lo, hi int                 // the first and last day of the chronology, ends of spans included
	values map[string][]string // its tags, people, places and ids, for the filter bar's tab
}

// day is the first day of e.
func (f *listFacts) day(e *timeline.Event) int {
	if e.Index >= 0 && e.Index < len(f.days) && f.chron.Events[e.Index] == e {
		return f.days[e.Index]
	}
	d, _ := e.Date.Days()
	return d
}

// factsOf works out the list's facts of c.
func factsOf(c *timeline.Chronology) listFacts {
	f := listFacts{chron: c, dateW: dateWidth, values: fieldValues(c)}
	if len(c.Eras) > 0 {
		f.eraAt = make([]*timeline.Era, len(c.Events))
	}
	gaps := make([]int, 0, len(c.Events))
	f.days = make([]int, len(c.Events))
	prev := 0
	for i, e := range c.Events {
		if f.eraAt != nil {
			f.eraAt[i] = eraOf(c, e)
		}
		first, last := e.Date.Days()
		if !e.End.IsZero() {
			_, last = e.End.Days()
		}
		if i == 0 {
			f.lo, f.hi = first, last
		}
		f.hi = max(f.hi, last)
		f.days[i] = first
		if i > 0 {
			gaps = append(gaps, first-prev)
		}
		prev = first
		if !e.End.IsZero() || e.Approximate {
			f.dateW = max(f.dateW, min(ansi.StringWidth(listDate(e)), maxDateWidth))
		}
	}
	// a gap worth a row: far more than the usual spacing (twenty times
	// the median, twice the mean) and three months at least
	if len(gaps) > 0 {
		mean := (f.days[len(f.days)-1] - f.days[0]) / len(gaps)
		slices.Sort(gaps)
		f.gap = max(20*gaps[len(gaps)/2], 2*mean, 90)
	}
	return f
}

// SetEvents shows evs of c, keeping keep selected when it is among them,
// or else the event nearest after it.
func (l *listModel) SetEvents(c *timeline.Chronology, evs []*timeline.Event, keep *timeline.Event) {
	if l.facts.chron != c {
		l.facts = factsOf(c)
	}
	l.chron = c
	if l.newestFirst {
		evs = slices.Clone(evs)
		slices.Reverse(evs)
	}
	l.events = evs
	l.rows = make([]listRow, 0, len(evs)+len(evs)/4+2)
	l.rowOf = make([]int, len(evs))
	var era *timeline.Era
	year, first, prev := 0, true, 0
	eraAt, yearAt := int32(-1), int32(-1)
	add := func(r listRow) {
		switch r.kind {
		case eraRow:
			eraAt, yearAt = int32(len(l.rows)), -1
		case yearRow:
			yearAt = int32(len(l.rows))
		}
		r.eraRow, r.yearRow = eraAt, yearAt
		l.rows = append(l.rows, r)
	}
	for i, e := range evs {
		day, _ := e.Date.Days()
		if i > 0 && l.newestFirst && prev-day > l.facts.gap {
			add(listRow{event: -1, label: strings.Replace(gapText(prev-day), "later", "earlier", 1), kind: gapRow})
		} else if i > 0 && day-prev > l.facts.gap {
			add(listRow{event: -1, label: gapText(day - prev), kind: gapRow})
		}
		prev = day
		er := l.eraOf(e)
		if er != nil && er != era {
			add(listRow{event: -1, label: timeline.HarmlessLine(short(er.Title)), kind: eraRow})
			first = true
		}
		era = er
		if first || e.Date.Year != year {
			add(listRow{event: -1, label: yearLabel(e.Date.Year), kind: yearRow})
			year, first = e.Date.Year, false
		}
		l.rowOf[i] = len(l.rows)
		add(listRow{event: i})
	}
	l.cursor = 0
	if keep != nil {
		l.cursor = l.nearest(keep)
	}
	l.offset = 0
	l.ensureVisible()
}

// SetNewestFirst shows the events newest first (on) or oldest first, the
// selected event kept.
func (l *listModel) SetNewestFirst(on bool) {
	if on == l.newestFirst {
		return
	}
	evs := slices.Clone(l.events)
	if l.newestFirst {
		slices.Reverse(evs) // back to the chronology's order
	}
	l.newestFirst = on
	l.SetEvents(l.chron, evs, l.Selected())
}

// NewestFirst reports whether the list shows the newest event first.
func (l *listModel) NewestFirst() bool { return l.newestFirst }

// Reload shows the events of a chronology read again, keeping the
// scroll where it was and keep selected (or the event after it); facts
// are its factsOf.
func (l *listModel) Reload(facts listFacts, evs []*timeline.Event, keep *timeline.Event) {
	l.facts = facts
	offset := l.offset
	l.SetEvents(facts.chron, evs, keep)
	l.offset = offset
	l.ensureVisible()
}

// nearest returns the index of e among the visible events, or of the first
// visible event after it in the list's order, or the last.
func (l *listModel) nearest(e *timeline.Event) int {
	for i, v := range l.events { // events are few enough that a scan is fine
		if v == e {
			return i
		}
		if (v.Index > e.Index) != l.newestFirst {
			return i
		}
	}
	return max(0, len(l.events)-1)
}

// eraOf returns the era e falls in, from the chronology's table of them.
func (l *listModel) eraOf(e *timeline.Event) *timeline.Era {
	c := l.chron
	if e.Index >= 0 && e.Index < len(l.facts.eraAt) && c.Events[e.Index] == e {
		return l.facts.eraAt[e.Index]
	}
	return eraOf(c, e)
}

func yearLabel(y int) string {
	if y < 0 {
		return strconv.Itoa(-y) + " BCE"
	}
	return strconv.Itoa(y)
}

// gapText says how long a gap of days is: "20 years later", "8 months
// later".
func gapText(days int) string {
	years := float64(days) / 365.2425
	switch n := int(math.Round(years)); {
	case years >= 1.5:
		return fmt.Sprintf("%d years later", n)
	case years >= 0.95:
		return "a year later"
	}
	n := max(1, int(math.Round(float64(days)/30.44)))
	if n == 1 {
		return "a month later"
	}
	return fmt.Sprintf("%d months later", n)
}

// pins returns the header rows drawn at the top of the list when its
// window starts at row offset: the era and year the first row comes under,
// when they have scrolled off. A short list pins fewer, or none.
func (l *listModel) pins(offset int) []int {
	room := 0
	switch {
	case l.height >= 6:
		room = 2
	case l.height >= 4:
		room = 1
	}
	if room == 0 || offset <= 0 || offset >= len(l.rows) {
		return nil
	}
	r := l.rows[offset]
	var out []int
	if e := int(r.eraRow); e >= 0 && e < offset && room == 2 {
		out = append(out, e)
	}
	if y := int(r.yearRow); y >= 0 && y < offset && r.kind != yearRow {
		out = append(out, y)
	}
	return out
}

// body is how many rows the window shows below the pinned headers.
func (l *listModel) body(offset int) int { return max(0, l.height-len(l.pins(offset))) }

// View draws exactly height lines of exactly width cells.
func (l *listModel) View() string {
	if l.height <= 0 {
		return ""
	}
	lines := make([]string, 0, l.height)
	if len(l.events) == 0 {
		msg := " No events match the filter."
		if l.chron == nil || l.chron.Len() == 0 {
			msg = " This chronology has no events yet."
		}
		lines = append(lines, l.st.Label.Render(fit(msg, l.width)))
	}
	for _, r := range l.pins(l.offset) {
		lines = append(lines, l.rowView(l.rows[r]))
	}
	for r := l.offset; r < len(l.rows) && len(lines) < l.height; r++ {
		lines = append(lines, l.rowView(l.rows[r]))
	}
	return strings.Join(box(lines, l.width, l.height), "\n")
}

func (l *listModel) rowView(row listRow) string {
	st, w := l.st, l.width
	switch row.kind {
	case gapRow:
		return st.Date.Render(fit("   ⋮ "+row.label, w))
	case yearRow, eraRow:
		rule, style := "─", st.Year
		if row.kind == eraRow {
			rule, style = "━", st.Era
		}
		text := cut(rule+rule+" "+row.label+" ", w)
		if n := w - ansi.StringWidth(text); n > 0 {
			text += strings.Repeat(rule, n)
		}
		return style.Render(text)
	}
	e := l.events[row.event]
	base := st.Row
	if row.event == l.cursor {
		base = st.SelectedBg
		if l.focused {
			base = st.Selected
		}
	}
	flag, unsourced := " ", " "
	dStyle, uStyle := base, base
	if f := e.Flag(); f != "" {
		flag, dStyle = f.Symbol(), st.Claim(f).Inherit(base)
	}
	if e.Unsourced() {
		unsourced, uStyle = "?", st.Unsourced.Inherit(base)
	}
	var b strings.Builder
	used := 0
	if w >= 1+markWidth {
		b.WriteString(base.Render(" "))
		b.WriteString(dStyle.Render(flag))
		b.WriteString(uStyle.Render(unsourced))
		used = 1 + markWidth
	}
	dw := dateWidth
	if w >= wideDates { // room for whole spans
		dw = max(l.facts.dateW, dateWidth)
	}
	if w >= minDateWidth {
		b.WriteString(base.Render(" "))
		b.WriteString(st.Date.Inherit(base).Render(fit(listDate(e), dw)))
		used += 1 + dw
	}
	if used < w {
		b.WriteString(base.Render(" "))
		used++
	}
	avail := w - used
	title := cut(timeline.HarmlessLine(short(e.Title)), avail)
	b.WriteString(highlight(title, l.words, base, st.Match.Inherit(base)))
	if n := avail - ansi.StringWidth(title); n > 0 {
		b.WriteString(base.Render(strings.Repeat(" ", n)))
	}
	return b.String()
}

// listDate is the event's date or span at its precision, without the
// clock time, tight ("25–28 Feb 2018", "Dec 2017–Jan 2018"); "~" marks an
// approximate date.
func listDate(e *timeline.Event) string {
	a, b := e.Date, e.End
	a.Clock, b.Clock = "", ""
	s := strings.Replace(timeline.RangeText(a, b), " – ", "–", 1)
	if e.Approximate {
		s = "~" + s
	}
	return s
}
