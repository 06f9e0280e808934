package ui

import (
	"fmt"
	"strings"

	"backstory/timeline"
	"github.com/charmbracelet/x/ansi"
)

// detailModel is the pane that reads one event: its Markdown rendered by
// Glamour (see render.go), scrolled by line, with the event's links and
// backlinks selectable and the filter's words findable with n/N.
type detailModel struct {
	event    *timeline.Event
	overview bool      // the chronology's overview is on show, not an event
	key      renderKey // the rendering on show; zero while it is on its way
	lines    []string  // rendered lines, with their colours
	plain    []string  // the same lines without escape codes, for searching

	offset        int
	pendingOffset int // offset to restore once the rendering arrives; -1 none
	width, height int

	targets  []target
	linkSel  int   // index into targets; -1 when no link is selected
	linkLine []int // the line each target is drawn on; -1 when not found

	words   []string
	matches []int // lines with a filter word
	match   int   // index into matches; -1 before the first n
}

// target is an event this one leads to: a link, or a backlink (an event
// that links here). They are numbered in this order, as in the Markdown.
type target struct {
	id    string
	title string // harmless
	note  string // harmless
	back  bool
}

func newDetail() detailModel { return detailModel{linkSel: -1, match: -1, pendingOffset: -1} }

// setEvent shows e (its rendering to come), with its links numbered.
func (d *detailModel) setEvent(c *timeline.Chronology, e *timeline.Event) {
	d.reset(e, false)
	if e == nil {
		d.lines, d.plain, d.linkLine, d.matches = nil, nil, nil, nil
		return
	}
	// the targets the rendering shows: links, then backlinks, up to
	// listCap (see viewerEvent)
	for _, l := range e.Links[:min(len(e.Links), listCap)] {
		d.targets = append(d.targets, newTarget(c, l.To, l.Note, false))
	}
	for _, b := range e.Backlinks[:min(len(e.Backlinks), listCap-len(d.targets))] {
		d.targets = append(d.targets, newTarget(c, b.From, b.Note, true))
	}
	d.placeholder(e.Title, e.When())
}

// setOverview shows the chronology's overview (its rendering to come),
// which has no links.
func (d *detailModel) setOverview(c *timeline.Chronology) {
	d.reset(nil, true)
	d.placeholder(overviewTitle(c), "About this chronology")
}

func (d *detailModel) reset(e *timeline.Event, overview bool) {
	d.event, d.overview = e, overview
	d.key = renderKey{}
	d.offset, d.pendingOffset = 0, -1
	d.linkSel, d.match = -1, -1
	d.targets = d.targets[:0:0]
}

func newTarget(c *timeline.Chronology, id, note string, back bool) target {
	t := target{id: id, title: timeline.HarmlessLine(id), note: timeline.HarmlessLine(short(note)), back: back}
	if e := c.Event(id); e != nil {
		t.title = timeline.HarmlessLine(short(e.Title))
	}
	return t
}

// placeholder shows a title and a date as plain text until Glamour is
// done.
func (d *detailModel) placeholder(title, when string) {
	lines := []string{
		timeline.HarmlessLine(short(title)),
		timeline.HarmlessLine(short(when)),
		"",
		"rendering…",
	}
	d.setLines(renderKey{}, lines)
}

// setContent shows a finished rendering. The same document rendered
// again at another width (a resize) keeps the reader where they were: at
// the same fraction of it, with the selected link in view.
func (d *detailModel) setContent(key renderKey, lines []string) {
	prev, prevLen := d.key, len(d.lines)
	d.setLines(key, lines)
	rewrapped := prev != (renderKey{}) && prev.width != key.width && prevLen > 0 &&
		prev.id == key.id && prev.overview == key.overview
	switch {
	case d.pendingOffset >= 0:
		d.offset = d.pendingOffset
		d.pendingOffset = -1
	case rewrapped:
		d.offset = d.offset * len(lines) / prevLen
	}
	d.clamp()
	if rewrapped && d.linkSel >= 0 && d.linkSel < len(d.linkLine) && d.linkLine[d.linkSel] >= 0 {
		d.show(d.linkLine[d.linkSel])
	}
}

func (d *detailModel) setLines(key renderKey, lines []string) {
	d.key = key
	d.lines = lines
	d.plain = make([]string, len(lines))
	for i, l := range lines {
		d.plain[i] = strings.TrimRight(ansi.Strip(l), " ")
	}
	d.findLinks()
	d.findMatches()
}

// findLinks finds the line of each numbered target under the "Links" and
// "Referenced by" headings.
func (d *detailModel) findLinks() {
	d.linkLine = make([]int, len(d.targets))
	start := -1
	for i, p := range d.plain {
		h := strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(p), "#"))
		if h == "Links" || h == "Referenced by" {
			start = i
			break
		}
	}
	for n := range d.targets {
		d.linkLine[n] = -1
		if start < 0 {
			continue
		}
		prefix := fmt.Sprintf("%d. ", n+1)
		for i := start; i < len(d.plain); i++ {
			if strings.HasPrefix(strings.TrimSpace(d.plain[i]), prefix) {
				d.linkLine[n] = i
				start = i + 1
				break
			}
		}
	}
}

func (d *detailModel) setWords(words []string) {
	d.words = words
	d.findMatches()
}

func (d *detailModel) findMatches() {
	d.matches = d.matches[:0:0]
	d.match = -1
	for i, p := range d.plain {
		if hasMatch(p, d.words) {
			d.matches = append(d.matches, i)
		}
	}
}

func (d *detailModel) setSize(w, h int) {
	d.width, d.height = max(0, w), max(0, h)
	d.clamp()
}

// bodyHeight is the number of lines of text shown: one less while a link
// is selected, for the line that names it.
func (d detailModel) bodyHeight() int {
	if d.linkSel >= 0 && d.height >= 2 {
		return d.height - 1
	}
	return d.height
}

func (d *detailModel) clamp() { d.offset = min(max(d.offset, 0), d.maxOffset()) }

// maxOffset is the offset that shows the last line at the bottom.
func (d detailModel) maxOffset() int { return max(0, len(d.lines)-d.bodyHeight()) }

func (d *detailModel) scroll(n int) { d.offset += n; d.clamp() }
func (d *detailModel) top()         { d.offset = 0 }
func (d *detailModel) bottom()      { d.offset = len(d.lines); d.clamp() }
func (d *detailModel) page(dir int) { d.scroll(dir * max(1, d.bodyHeight()-1)) }

// show scrolls so line i is in view.
func (d *detailModel) show(i int) {
	bh := d.bodyHeight()
	if i < d.offset {
		d.offset = i
	} else if i >= d.offset+bh {
		d.offset = i - bh + 1
	}
	d.clamp()
}

// selectLink selects the next (dir > 0) or previous link, wrapping around.
func (d *detailModel) selectLink(dir int) {
	n := len(d.targets)
	if n == 0 {
		return
	}
	switch {
	case d.linkSel < 0 && dir > 0:
		d.linkSel = 0
	case d.linkSel < 0:
		d.linkSel = n - 1
	default:
		d.linkSel = ((d.linkSel+dir)%n + n) % n
	}
	if l := d.linkLine[d.linkSel]; l >= 0 {
		d.show(l)
	}
	d.clamp()
}

// linkAt returns the target whose line is drawn on line y of the pane, or
// -1.
func (d detailModel) linkAt(y int) int {
	if y < 0 || y >= d.bodyHeight() || d.key == (renderKey{}) {
		return -1
	}
	for i, l := range d.linkLine {
		if l >= 0 && l == d.offset+y {
			return i
		}
	}
	return -1
}

// selectedTarget returns the selected link, if any.
func (d detailModel) selectedTarget() (target, bool) {
	if d.linkSel < 0 || d.linkSel >= len(d.targets) {
		return target{}, false
	}
	return d.targets[d.linkSel], true
}

// nextMatch scrolls to the next (dir > 0) or previous line with a filter
// word, wrapping around; false when there is none.
func (d *detailModel) nextMatch(dir int) bool {
	n := len(d.matches)
	if n == 0 {
		return false
	}
	switch {
	case d.match < 0 && dir > 0:
		d.match = 0
		for d.match < n-1 && d.matches[d.match] < d.offset {
			d.match++
		}
	case d.match < 0:
		d.match = n - 1
	default:
		d.match = ((d.match+dir)%n + n) % n
	}
	d.offset = d.matches[d.match]
	d.clamp()
	return true
}

// view draws exactly height lines of exactly width cells.
func (d detailModel) view(st *Styles) string {
	if d.height <= 0 {
		return ""
	}
	bh := d.bodyHeight()
	lines := make([]string, 0, d.height)
	selLine := -1
	if d.linkSel >= 0 && d.linkSel < len(d.linkLine) {
		selLine = d.linkLine[d.linkSel]
	}
	curMatch := -1
	if d.match >= 0 && d.match < len(d.matches) {
		curMatch = d.matches[d.match]
	}
	for i := d.offset; i < len(d.lines) && len(lines) < bh; i++ {
		switch {
		case d.key == (renderKey{}):
			style := st.Row
			if i == 0 {
				style = st.Title
			} else if i == 3 {
				style = st.Rendering
			}
			lines = append(lines, style.Render(fit(d.lines[i], d.width)))
		case i == selLine:
			lines = append(lines, st.LinkLine.Render(fit(d.plain[i], d.width)))
		case i == curMatch || (len(d.words) > 0 && hasMatch(d.plain[i], d.words)):
			lines = append(lines, highlight(cut(d.plain[i], d.width), d.words, st.Row, st.Match))
		default:
			lines = append(lines, d.lines[i])
		}
	}
	lines = box(lines, d.width, bh)
	if bh < d.height {
		if t, ok := d.selectedTarget(); ok {
			lines = append(lines, st.LinkBar.Render(fit(linkBar(d.linkSel, t), d.width)))
		}
	}
	return strings.Join(lines, "\n")
}

// linkBar names the selected link under the pane.
func linkBar(i int, t target) string {
	arrow := "→"
	if t.back {
		arrow = "←"
	}
	s := fmt.Sprintf("%s %d. %s", arrow, i+1, t.title)
	if t.note != "" {
		s += " — " + t.note
	}
	return s + "  (enter follows)"
}
