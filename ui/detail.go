package ui

import (
	"fmt"
	"slices"
	"strings"

	"backstory/timeline"
	"backstory/timeline/interop"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/viewport"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// detailModel is the pane that reads one event, or the chronology's
// overview: its document rendered by Glamour off the key path (render.go),
// scrolled in a viewport, with the event's links and backlinks selectable
// and the filter's words findable with n/N. Where each link starts is
// recorded while the document is rendered, never looked for in the text.
type detailModel struct {
	st    *Styles
	vp    viewport.Model
	cache *renderCache

	subject renderKey // what is on show: event id or overview, generation (no width or style)
	key     renderKey // the rendering on show; zero while it is on its way
	lines   []string  // rendered lines, with their colours
	plain   []string  // the same lines without escape codes, for searching

	pendingOffset int // offset to restore once the rendering arrives; -1 none
	pendingClaim  int // claim to scroll to once the rendering arrives; -1 none
	width, height int

	targets   []target
	linkSel   int   // index into targets; -1 when no link is selected
	linkLine  []int // the line each target starts on; -1 until rendered
	claimLine []int // the line each claim starts on, once rendered

	words   []string
	matches []int // lines with a filter word
	match   int   // index into matches; -1 before the first n
}

func newDetail(st *Styles) detailModel {
	vp := viewport.New()
	return detailModel{st: st, vp: vp, cache: newRenderCache(), linkSel: -1, match: -1, pendingOffset: -1, pendingClaim: -1}
}

// Show puts e (or the overview of c) on show, from the cache or by
// starting its rendering; it never waits for one. gen is the chronology's
// generation: after a reload the same event is another document. Nothing
// is rendered while the pane is not visible.
func (d *detailModel) Show(c *timeline.Chronology, e *timeline.Event, overview bool, gen int, visible bool) tea.Cmd {
	subject := renderKey{overview: overview, gen: gen}
	if e != nil && !overview {
		subject.id = e.ID
	}
	if subject != d.subject || (e == nil && !overview && d.lines != nil) {
		d.subject = subject
		d.reset(c, e, overview)
	}
	if (e == nil && !overview) || !visible || d.width <= 0 {
		return nil
	}
	k := subject
	k.width, k.style = d.width, d.st.Name
	if d.key == k {
		return nil
	}
	if doc, ok := d.cache.get(k); ok {
		d.setContent(k, doc)
		return nil
	}
	if d.cache.pending[k] || d.cache.rewrapping(k) {
		return nil
	}
	d.cache.pending[k] = true
	build := func() []docBlock { return eventDoc(c, e) } // a 50 MB body is not copied on the key path
	if overview {
		build = func() []docBlock { return []docBlock{{md: overviewMarkdown(c), kind: noSection}} }
	}
	return renderCmd(k, build)
}

// SetStyles follows a change of colours; the renderings in the new
// style are to come.
func (d *detailModel) SetStyles(st *Styles) { d.st = st }

// Forget drops every rendering: the chronology has changed.
func (d *detailModel) Forget() { clear(d.cache.done) }

// reset shows a new subject: its links numbered, its rendering to come.
func (d *detailModel) reset(c *timeline.Chronology, e *timeline.Event, overview bool) {
	d.key = renderKey{}
	d.pendingOffset, d.pendingClaim = -1, -1
	d.linkSel, d.match = -1, -1
	d.targets = d.targets[:0:0]
	d.vp.SetYOffset(0)
	switch {
	case overview:
		d.placeholder(overviewTitle(c), "About this chronology")
	case e == nil:
		d.setLines(renderKey{}, nil)
	default:
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
	d.fitViewport()
}

// placeholder shows a title and a date as plain text until Glamour is
// done.
func (d *detailModel) placeholder(title, when string) {
	d.setLines(renderKey{}, []string{
		timeline.HarmlessLine(short(title)),
		timeline.HarmlessLine(short(when)),
		"",
		"rendering…",
	})
}

// Update scrolls, selects links, and takes in renderings.
func (d *detailModel) Update(msg tea.Msg) (*detailModel, tea.Cmd) {
	switch msg := msg.(type) {
	case renderedMsg:
		doc := msg.doc
		if msg.err != nil {
			doc = document{lines: []string{"Could not render this event: " + timeline.HarmlessLine(msg.err.Error())}}
		}
		d.cache.put(msg.key, doc)
	case tea.KeyPressMsg:
		k := d.KeyMap()
		switch step, ok := movingKey(msg, k, max(1, d.bodyHeight()-1), d.vp.TotalLineCount()); {
		case ok:
			d.scroll(step)
		case key.Matches(msg, k.NextLink):
			d.selectLink(1)
		case key.Matches(msg, k.PrevLink):
			d.selectLink(-1)
		}
	case tea.MouseWheelMsg:
		d.scroll(wheelMove(msg))
	}
	return d, nil
}

// scroll moves the view n lines down (up when n < 0).
func (d *detailModel) scroll(n int) {
	if n < 0 {
		d.vp.ScrollUp(-n)
	} else {
		d.vp.ScrollDown(n)
	}
}

// KeyMap is the pane's own keys: scrolling, and the links when there are
// some.
func (d *detailModel) KeyMap() KeyMap {
	k := defaultKeyMap()
	k.mode = modeDetail
	k.setEnabled(false)
	up, down := d.Offset() > 0, d.Offset() < d.maxOffset()
	for _, b := range []*key.Binding{&k.Up, &k.Top, &k.PageUp} {
		b.SetEnabled(up)
	}
	for _, b := range []*key.Binding{&k.Down, &k.Bottom, &k.PageDown} {
		b.SetEnabled(down)
	}
	k.Up.SetHelp("↑/k", "scroll up")
	k.Down.SetHelp("↓/j", "scroll down")
	k.Top.SetHelp("g/home", "top")
	k.Bottom.SetHelp("G/end", "bottom")
	k.NextLink.SetEnabled(len(d.targets) > 0)
	k.PrevLink.SetEnabled(len(d.targets) > 0)
	return k
}

// setContent shows a finished rendering. The same document rendered
// again at another width (a resize) keeps the reader where they were: at
// the same fraction of it, with the selected link in view.
func (d *detailModel) setContent(key renderKey, doc document) {
	prev, prevLen, off := d.key, len(d.lines), d.Offset()
	d.setLines(key, doc.lines)
	links, backlinks := doc.starts[interop.SectionLinks], doc.starts[interop.SectionBacklinks]
	for i := range d.linkLine {
		switch {
		case i < len(links):
			d.linkLine[i] = links[i]
		case i-len(links) < len(backlinks):
			d.linkLine[i] = backlinks[i-len(links)]
		}
	}
	rewrapped := prev != (renderKey{}) && prev.width != key.width && prevLen > 0 &&
		prev.id == key.id && prev.overview == key.overview
	claims := doc.starts[interop.SectionClaims]
	d.claimLine = claims
	switch {
	case d.pendingClaim >= 0 && d.pendingClaim < len(claims):
		off = claims[d.pendingClaim]
		d.pendingClaim, d.pendingOffset = -1, -1
	case d.pendingOffset >= 0:
		off = d.pendingOffset
		d.pendingOffset = -1
	case rewrapped:
		off = off * len(doc.lines) / prevLen
	}
	d.vp.SetYOffset(off)
	if rewrapped && d.linkSel >= 0 && d.linkLine[d.linkSel] >= 0 {
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
	d.linkLine = make([]int, len(d.targets))
	for i := range d.linkLine {
		d.linkLine[i] = -1
	}
	d.vp.SetContentLines(slices.Clone(lines))
	d.findMatches()
}

// SetWords sets the filter's words, to highlight and to find with n/N.
func (d *detailModel) SetWords(words []string) {
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

// SetSize gives the pane its size.
func (d *detailModel) SetSize(w, h int) {
	d.width, d.height = max(0, w), max(0, h)
	d.fitViewport()
}

// Width is the pane's width.
func (d *detailModel) Width() int { return d.width }

// bodyHeight is the number of lines of text shown: one less while a link
// is selected, for the line that names it.
func (d *detailModel) bodyHeight() int {
	if d.linkSel >= 0 && d.height >= 2 {
		return d.height - 1
	}
	return d.height
}

// fitViewport gives the viewport the height the text has now (one less
// while a link is selected), keeping the scroll.
func (d *detailModel) fitViewport() {
	off := d.Offset()
	d.vp.SetWidth(d.width)
	d.vp.SetHeight(d.bodyHeight())
	d.vp.SetYOffset(off)
}

// Offset is the first line shown.
func (d *detailModel) Offset() int { return d.vp.YOffset() }

// maxOffset is the offset that shows the last line at the bottom.
func (d *detailModel) maxOffset() int { return max(0, len(d.lines)-d.bodyHeight()) }

// ScrollPercent is how far down the document is shown, "" when it fits.
func (d *detailModel) ScrollPercent() string {
	if mo := d.maxOffset(); mo > 0 {
		return fmt.Sprintf("%d%%", d.Offset()*100/mo)
	}
	return ""
}

// show scrolls so line i is in view.
func (d *detailModel) show(i int) {
	bh, off := d.bodyHeight(), d.Offset()
	if i < off {
		off = i
	} else if i >= off+bh {
		off = i - bh + 1
	}
	d.vp.SetYOffset(off)
}

// Place is where the reader is: the first line shown and the link
// selected.
func (d *detailModel) Place() (offset, linkSel int) { return d.Offset(), d.linkSel }

// Restore goes back to a place, once the rendering is in if it is still
// on its way.
func (d *detailModel) Restore(offset, linkSel int) {
	if linkSel < len(d.targets) {
		d.linkSel = linkSel
	}
	d.fitViewport()
	if d.key == (renderKey{}) {
		d.pendingOffset = offset
		return
	}
	d.vp.SetYOffset(offset)
}

// ShowClaim scrolls to claim i (from 0) of the event on show, now or
// once the rendering is in.
func (d *detailModel) ShowClaim(i int) {
	d.fitViewport()
	if d.key == (renderKey{}) {
		d.pendingClaim = i
		return
	}
	if i < len(d.claimLine) {
		d.vp.SetYOffset(d.claimLine[i])
	}
}

// NextMatch scrolls to the next (dir > 0) or previous line with a filter
// word, wrapping around, and returns its number and how many there are;
// n is 0 when there is none.
func (d *detailModel) NextMatch(dir int) (i, n int) {
	n = len(d.matches)
	if n == 0 {
		return 0, 0
	}
	switch {
	case d.match < 0 && dir > 0:
		d.match = 0
		for d.match < n-1 && d.matches[d.match] < d.Offset() {
			d.match++
		}
	case d.match < 0:
		d.match = n - 1
	default:
		d.match = ((d.match+dir)%n + n) % n
	}
	d.vp.SetYOffset(d.matches[d.match])
	return d.match + 1, n
}

// View draws exactly height lines of exactly width cells: the lines the
// viewport has scrolled to, the selected link's line and the lines with a
// filter word marked, the current match apart from the others.
func (d *detailModel) View() string {
	if d.height <= 0 {
		return ""
	}
	st, bh := d.st, d.bodyHeight()
	selLine, curMatch := -1, -1
	if d.linkSel >= 0 && d.linkSel < len(d.linkLine) {
		selLine = d.linkLine[d.linkSel]
	}
	if d.match >= 0 && d.match < len(d.matches) {
		curMatch = d.matches[d.match]
	}
	lines := make([]string, 0, d.height)
	for i := d.Offset(); i < len(d.lines) && len(lines) < bh; i++ {
		_, isMatch := slices.BinarySearch(d.matches, i)
		switch {
		case d.key == (renderKey{}): // the placeholder
			style := st.Row
			if i == 0 {
				style = st.Title
			} else if i == 3 {
				style = st.Rendering
			}
			lines = append(lines, style.Render(fit(d.lines[i], d.width)))
		case i == selLine:
			lines = append(lines, st.LinkLine.Render(fit(d.plain[i], d.width)))
		case i == curMatch:
			lines = append(lines, highlight(cut(d.plain[i], d.width), d.words, st.Row, st.CurrentMatch))
		case isMatch:
			lines = append(lines, highlight(cut(d.plain[i], d.width), d.words, st.Row, st.Match))
		default:
			lines = append(lines, d.lines[i])
		}
	}
	lines = box(lines, d.width, bh)
	if bh < d.height {
		if t, ok := d.SelectedTarget(); ok {
			lines = append(lines, st.LinkBar.Render(fit(linkBar(d.linkSel, t), d.width)))
		}
	}
	return strings.Join(lines, "\n")
}
