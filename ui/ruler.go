package ui

import (
	"math"
	"slices"
	"sort"
	"strings"

	"backstory/timeline"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// rulerModel is the time ruler: a band across the screen under the header
// that maps a span of time to the columns. From the top: the eras as
// labelled bands, how many events fall in each column (bright where the
// filter lets some through, dim where it hides them all), the axis with
// a tick at each year (or month, or day) and a marker at the selected
// event, and the labels: the marker's date first, the two ends of the
// span, then the ticks that still fit, never overlapping.
type rulerModel struct {
	st    *Styles
	width int
	show  int8 // 0 as the terminal's height says, 1 shown, -1 hidden (t)
	termH int

	facts  listFacts         // the chronology's days and span
	shown  []*timeline.Event // the events the list shows
	shownD []int             // their first days
	all    bool              // shown is every event: no filter
	sel    *timeline.Event
	lo, hi int // the span shown, in days (timeline.Ordinal), both included
	// reversed draws time from right to left, newest first, as the list
	// shows it after s
	reversed bool
}

// Layout of the ruler.
const (
	rulerMinTerm = 20 // the ruler shows by itself from this terminal height
	rulerMinBody = 6  // and never leaves the panes fewer lines than this
	minSpan      = 14 // days: the most it zooms in
)

func newRuler(st *Styles) rulerModel { return rulerModel{st: st} }

// SetStyles follows a change of colours.
func (r *rulerModel) SetStyles(st *Styles) { r.st = st }

// SetReversed draws time from right to left (on), newest first, or from
// left to right.
func (r *rulerModel) SetReversed(on bool) { r.reversed = on }

// mirror is column c of the axis as drawn: the same, or counted from the
// right when the ruler is reversed.
func (r *rulerModel) mirror(c int) int {
	if r.reversed {
		return r.width - 1 - c
	}
	return c
}

// SetSize gives the ruler the terminal's width, and its height to decide
// whether to show by itself.
func (r *rulerModel) SetSize(w, termH int) { r.width, r.termH = w, termH }

// SetFacts is the chronology on screen (its factsOf); the span shown
// becomes the whole of it.
func (r *rulerModel) SetFacts(f listFacts) {
	keepZoom := r.facts.chron != nil && r.zoomed()
	r.facts = f
	if !keepZoom || r.lo > f.hi || r.hi < f.lo {
		r.lo, r.hi = f.lo, f.hi
	}
}

// SetShown is the events the list shows (all of them when all).
func (r *rulerModel) SetShown(evs []*timeline.Event, all bool) {
	r.shown, r.all = evs, all
	r.shownD = r.shownD[:0]
	for _, e := range evs {
		r.shownD = append(r.shownD, r.facts.day(e))
	}
}

// SetSelected puts the marker on e; the span follows it when it is
// outside.
func (r *rulerModel) SetSelected(e *timeline.Event) {
	r.sel = e
	if e == nil || r.facts.chron == nil {
		return
	}
	if d := r.facts.day(e); d < r.lo || d > r.hi {
		r.center(d, r.hi-r.lo+1)
	}
}

// Visible reports whether the ruler is on screen: there is a chronology,
// the panes keep rulerMinBody lines beside it, and t showed it or the
// terminal is tall enough.
func (r *rulerModel) Visible() bool {
	return r.fits() && (r.show > 0 || r.show == 0 && r.termH >= rulerMinTerm)
}

// fits reports whether the ruler can be shown.
func (r *rulerModel) fits() bool {
	return r.facts.chron != nil && len(r.facts.days) > 0 && r.width > 0 && r.termH-2-r.rows() >= rulerMinBody
}

// rows is the ruler's height when shown: 4 with eras, 3 without.
func (r *rulerModel) rows() int {
	if r.facts.chron != nil && len(r.facts.chron.Eras) > 0 {
		return 4
	}
	return 3
}

// Height is the lines the ruler takes: none while hidden.
func (r *rulerModel) Height() int {
	if !r.Visible() {
		return 0
	}
	return r.rows()
}

func (r *rulerModel) zoomed() bool { return r.lo != r.facts.lo || r.hi != r.facts.hi }

// center shows span days around day d, within the chronology's span.
func (r *rulerModel) center(d, span int) {
	full := r.facts.hi - r.facts.lo + 1
	if span >= full {
		r.lo, r.hi = r.facts.lo, r.facts.hi
		return
	}
	r.lo = min(max(d-span/2, r.facts.lo), r.facts.hi-span+1)
	r.hi = r.lo + span - 1
}

// KeyMap is t, and the zoom keys while the ruler is shown.
func (r *rulerModel) KeyMap() KeyMap {
	k := defaultKeyMap()
	k.setEnabled(false)
	if !r.fits() {
		return k
	}
	k.Ruler.SetEnabled(true)
	if !r.Visible() {
		k.Ruler.SetHelp("t", "show ruler")
		return k
	}
	k.ZoomIn.SetEnabled(r.sel != nil && r.hi-r.lo+1 > minSpan)
	k.ZoomOut.SetEnabled(r.zoomed())
	k.Fit.SetEnabled(r.zoomed())
	return k
}

// Update shows or hides the ruler, and zooms around the selected event.
func (r *rulerModel) Update(msg tea.Msg) (*rulerModel, tea.Cmd) {
	k, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return r, nil
	}
	km := r.KeyMap()
	span := r.hi - r.lo + 1
	switch {
	case key.Matches(k, km.Ruler):
		if r.Visible() {
			r.show = -1
		} else {
			r.show = 1
		}
	case key.Matches(k, km.ZoomIn):
		r.center(r.facts.day(r.sel), max(minSpan, span/2))
	case key.Matches(k, km.ZoomOut):
		d := (r.lo + r.hi) / 2
		if r.sel != nil {
			d = r.facts.day(r.sel)
		}
		r.center(d, span*2)
	case key.Matches(k, km.Fit):
		r.lo, r.hi = r.facts.lo, r.facts.hi
	}
	return r, nil
}

// EventAt returns the shown event nearest to the date under column x, or
// nil.
func (r *rulerModel) EventAt(x int) *timeline.Event {
	if len(r.shown) == 0 || r.width <= 0 {
		return nil
	}
	d := r.dayAt(r.mirror(min(max(x, 0), r.width-1)))
	i := sort.SearchInts(r.shownD, d)
	switch {
	case i == len(r.shownD):
		i--
	case i > 0 && d-r.shownD[i-1] <= r.shownD[i]-d:
		i--
	}
	return r.shown[i]
}

// col is the column of day d; dayAt the day in the middle of column c;
// colStart the first day of column c.
func (r *rulerModel) col(d int) int {
	span := r.hi - r.lo + 1
	return min(max(int(int64(d-r.lo)*int64(r.width)/int64(span)), 0), r.width-1)
}

func (r *rulerModel) colStart(c int) int {
	span := r.hi - r.lo + 1
	return r.lo + int((int64(c)*int64(span)+int64(r.width)-1)/int64(r.width))
}

func (r *rulerModel) dayAt(c int) int { return (r.colStart(c) + r.colStart(c+1) - 1) / 2 }

// View draws the ruler in exactly Height lines of exactly width cells.
func (r *rulerModel) View() string {
	if r.Height() == 0 {
		return ""
	}
	var lines []string
	if len(r.facts.chron.Eras) > 0 {
		lines = append(lines, r.erasLine())
	}
	lines = append(lines, r.densityLine(), r.axisLine(), r.labelLine())
	return strings.Join(lines, "\n")
}

// erasLine draws each era over its columns: ├ Title ───┤.
func (r *rulerModel) erasLine() string {
	cells := make([]string, r.width)
	for i := range cells {
		cells[i] = " "
	}
	for i := range r.facts.chron.Eras {
		er := &r.facts.chron.Eras[i]
		lo, _ := er.Start.Days()
		hi := r.facts.hi
		if !er.End.IsZero() {
			_, hi = er.End.Days()
		}
		if hi < r.lo || lo > r.hi {
			continue
		}
		c0, c1 := r.col(max(lo, r.lo)), r.col(min(hi, r.hi))
		startShown, endShown := lo >= r.lo, hi <= r.hi
		if r.reversed { // the era's end on the left
			c0, c1 = r.mirror(c1), r.mirror(c0)
			startShown, endShown = endShown, startShown
		}
		for c := c0; c <= c1; c++ {
			cells[c] = "─"
		}
		if startShown {
			cells[c0] = "├"
		}
		if endShown && c1 > c0 {
			cells[c1] = "┤"
		}
		title := []rune(" " + timeline.HarmlessLine(short(er.Title)) + " ")
		room := c1 - c0 - 1
		if room >= 4 {
			label := cut(string(title), room)
			c := c0 + 1
			for _, g := range splitCells(label) {
				if c < c1 {
					cells[c] = g
					c++
				}
			}
		}
	}
	return r.st.Era.Render(fit(strings.Join(cells, ""), r.width))
}

// splitCells splits s, one cell wide a character, into its characters.
func splitCells(s string) []string {
	var out []string
	for _, ch := range s {
		if ansi.StringWidth(string(ch)) == 1 {
			out = append(out, string(ch))
		}
	}
	return out
}

var blocks = []rune("▁▂▃▄▅▆▇█")

// densityLine is a column a cell: a block as high as the events in it
// (on a log scale), bright where the filter lets some through.
func (r *rulerModel) densityLine() string {
	days := r.facts.days
	counts := make([]int, r.width)
	hits := make([]bool, r.width)
	most := 0
	for c := range counts {
		a, b := r.colStart(c), r.colStart(c+1)
		counts[c] = sort.SearchInts(days, b) - sort.SearchInts(days, a)
		most = max(most, counts[c])
		if r.all {
			hits[c] = counts[c] > 0
		} else {
			hits[c] = sort.SearchInts(r.shownD, b) > sort.SearchInts(r.shownD, a)
		}
	}
	line := make(styledCells, r.width)
	for c, n := range counts {
		switch {
		case n == 0:
			line[c] = styledCell{" ", &r.st.RulerDim}
		default:
			level := int(math.Ceil(float64(len(blocks)) * math.Log1p(float64(n)) / math.Log1p(float64(most))))
			line[c] = styledCell{string(blocks[min(max(level, 1), len(blocks))-1]), &r.st.RulerDim}
			if hits[c] {
				line[c].style = &r.st.RulerHit
			}
		}
	}
	if r.reversed {
		slices.Reverse(line)
	}
	return line.render()
}

// axisLine is the axis, a tick at each unit, the marker at the selected
// event.
func (r *rulerModel) axisLine() string {
	cells := make([]string, r.width)
	for i := range cells {
		cells[i] = "─"
	}
	for _, t := range r.ticks() {
		cells[t.col] = "┴"
	}
	mark := -1
	if r.sel != nil {
		mark = r.col(r.facts.day(r.sel))
	}
	line := make(styledCells, r.width)
	for c, s := range cells {
		line[c] = styledCell{s, &r.st.Divider}
		if c == mark {
			line[c] = styledCell{"▲", &r.st.RulerMark}
		}
	}
	if r.reversed {
		slices.Reverse(line)
	}
	return line.render()
}

// labelLine draws the labels.
func (r *rulerModel) labelLine() string {
	cells := make([]string, r.width)
	for i := range cells {
		cells[i] = " "
	}
	marks := make([]bool, r.width)
	for _, l := range r.labels() {
		c := l.at
		if r.reversed { // the same place counted from the right, the text left to right
			c = r.width - l.at - ansi.StringWidth(l.text)
		}
		for _, ch := range splitCells(l.text) {
			if c < r.width {
				cells[c], marks[c] = ch, l.mark
				c++
			}
		}
	}
	line := make(styledCells, r.width)
	for c, s := range cells {
		line[c] = styledCell{s, &r.st.Position}
		if marks[c] {
			line[c].style = &r.st.RulerMark
		}
	}
	return line.render()
}

// styledCell is one cell of a line and its style; styledCells draws a
// line of them, each run of one style rendered at once.
type styledCell struct {
	text  string
	style *lipgloss.Style
}

type styledCells []styledCell

func (cells styledCells) render() string {
	var b, run strings.Builder
	for i, c := range cells {
		run.WriteString(c.text)
		if i == len(cells)-1 || cells[i+1].style != c.style {
			b.WriteString(c.style.Render(run.String()))
			run.Reset()
		}
	}
	return b.String()
}
