package ui

import (
	"fmt"
	"regexp"
	"strings"

	"backstory/timeline"
	"backstory/timeline/interop"
	tea "charm.land/bubbletea/v2"
	"charm.land/glamour/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// renderKey names one rendering of an event, or of the overview: the same
// event at another width or in another style is another rendering.
type renderKey struct {
	id       string // the event's; "" for the overview
	overview bool
	width    int
	style    string
	gen      int // the chronology's generation: the event may have changed since
}

// renderCache keeps renderings so that coming back to an event, or
// moving up and down the list, is instant. It is owned by Update.
type renderCache struct {
	done    map[renderKey]document
	pending map[renderKey]bool
}

// maxCached bounds the cache; when full it is emptied (renders are cheap,
// and a reader rarely goes back more than a few hundred events).
const maxCached = 512

func newRenderCache() *renderCache {
	return &renderCache{done: map[renderKey]document{}, pending: map[renderKey]bool{}}
}

func (c *renderCache) get(k renderKey) (document, bool) {
	l, ok := c.done[k]
	return l, ok
}

func (c *renderCache) put(k renderKey, doc document) {
	if len(c.done) >= maxCached {
		clear(c.done)
	}
	c.done[k] = doc
	delete(c.pending, k)
}

// rewrapping reports whether the document of k is being rendered at
// another width: the rendering for k waits until that one is in, so that
// a burst of resizes (a window dragged wider) costs two renderings of a
// big event, not one a column, all at once.
func (c *renderCache) rewrapping(k renderKey) bool {
	for p := range c.pending {
		if p.id == k.id && p.overview == k.overview && p.gen == k.gen && p.style == k.style && p.width != k.width {
			return true
		}
	}
	return false
}

// renderCmd composes the document and renders it, both off the key path.
// Each call makes its own Glamour renderer: a renderer is not safe for
// concurrent use, and making one costs microseconds.
func renderCmd(key renderKey, doc func() []docBlock) tea.Cmd {
	return func() tea.Msg {
		r, err := renderDocument(doc(), key.width, key.style)
		return renderedMsg{key: key, doc: r, err: err}
	}
}

// What the detail pane renders of one event is capped, so that the first
// rendering of any event takes well under 200 ms (see huge_bench_test.go
// and BenchmarkRenderHuge: on a 2-core box Glamour takes about 55 ms for
// a 256 KB body and 220 ms for 1 MB, and its numbered lists grow faster
// than linearly: 22 ms for 1,000 links, 680 ms for 10,000). What is cut
// is said where it is cut, with the command that shows it all; `backstory
// show` and the exports are never capped.
const (
	bodyCap = 256 << 10 // bytes of the body rendered
	listCap = 1000      // links and backlinks together; sources; claims
	textCap = 16 << 10  // bytes of a title, a summary, a quote, a note, a list of tags …
)

// eventDoc is the document of e for the detail pane: what
// interop.EventMarkdown writes, of e with what is too big to render
// quickly cut, and a line that says so; in blocks, each claim, source
// and link one of its own, so that the line it starts on is known.
func eventDoc(c *timeline.Chronology, e *timeline.Event) []docBlock {
	v, notes := viewerEvent(e)
	return eventBlocks(c, v, append(notes, fromNote(c, e)...), false)
}

// isCut reports whether the detail pane shows less than all of e.
func isCut(e *timeline.Event) bool {
	v, notes := viewerEvent(e)
	return len(notes) > 0 || v.Body != e.Body || v.Title != e.Title || v.Summary != e.Summary
}

// viewerEvent is a copy of e cut to the caps, and what was cut from its
// lists, to say under the document. Links and backlinks are cut together,
// links first, so that every target shown keeps the number it has in
// `backstory show` and for the keys 1–9.
func viewerEvent(e *timeline.Event) (*timeline.Event, []string) {
	v := *e
	var notes []string
	v.Title = capText(e.Title, textCap)
	v.Summary = capText(e.Summary, textCap)
	v.DisplayDate = capText(e.DisplayDate, textCap)
	v.Tags, v.People, v.Places = capItems(e.Tags), capItems(e.People), capItems(e.Places)
	if len(e.Body) > bodyCap {
		v.Body = cutBody(e.Body, bodyCap) + "\n\n*" + bodyCutLine(e.ID, len(e.Body)) + "*"
	}
	if n := len(e.Links) + len(e.Backlinks); n > listCap {
		v.Links = e.Links[:min(len(e.Links), listCap)]
		v.Backlinks = e.Backlinks[:listCap-len(v.Links)]
		notes = append(notes, fmt.Sprintf("… links cut at %d of %d (links, then Referenced by); backstory show %s lists them all",
			listCap, n, e.ID))
	}
	if len(v.Links) > 0 {
		v.Links = append([]timeline.Link(nil), v.Links...)
		for i := range v.Links {
			v.Links[i].Note = capText(v.Links[i].Note, textCap)
		}
	}
	if len(v.Backlinks) > 0 {
		v.Backlinks = append([]timeline.Backlink(nil), v.Backlinks...)
		for i := range v.Backlinks {
			v.Backlinks[i].Note = capText(v.Backlinks[i].Note, textCap)
		}
	}
	if n := len(e.Claims); n > 0 {
		v.Claims = append([]timeline.Claim(nil), e.Claims[:min(n, listCap)]...)
		for i := range v.Claims {
			v.Claims[i].Text, v.Claims[i].Note = capText(v.Claims[i].Text, textCap), capText(v.Claims[i].Note, textCap)
		}
		if n > listCap {
			notes = append(notes, fmt.Sprintf("… claims cut at %d of %d; backstory show %s lists them all", listCap, n, e.ID))
		}
	}
	if n := len(e.Sources); n > 0 {
		v.Sources = append([]timeline.Source(nil), e.Sources[:min(n, listCap)]...)
		for i := range v.Sources {
			s := &v.Sources[i]
			s.Title, s.Publisher, s.Quote = capText(s.Title, textCap), capText(s.Publisher, textCap), capText(s.Quote, textCap)
			if len(s.URL) > textCap {
				s.URL = "" // cut, it would lead nowhere
			}
		}
		if n > listCap {
			notes = append(notes, fmt.Sprintf("… sources cut at %d of %d; backstory show %s lists them all", listCap, n, e.ID))
		}
	}
	return &v, notes
}

// bodyCutLine says where the body of the event id, size bytes long, was
// cut in the detail pane, and how to read it all.
func bodyCutLine(id string, size int) string {
	return fmt.Sprintf("… body cut at %s of %s; backstory show %s prints it all", sizeText(bodyCap), sizeText(size), id)
}

// sizeText is a size in bytes as people read it: "256 KB", "50 MB".
func sizeText(n int) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d bytes", n)
	case n < 1<<20:
		return fmt.Sprintf("%d KB", n>>10)
	case n < 10<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	default:
		return fmt.Sprintf("%d MB", (n+1<<19)>>20)
	}
}

// cutBody cuts Markdown to at most n bytes: at the last paragraph break
// before n if there is one in the last quarter, else at the last line
// break, else the last space, else a rune boundary; a code fence left open
// is closed, so that what follows the body is not taken for code.
func cutBody(md string, n int) string {
	if len(md) <= n {
		return md
	}
	s := capText(md, n)
	s = strings.TrimSuffix(s, "…")
	switch {
	case strings.LastIndex(s, "\n\n") > n*3/4:
		s = s[:strings.LastIndex(s, "\n\n")]
	case strings.LastIndexByte(s, '\n') > n*3/4:
		s = s[:strings.LastIndexByte(s, '\n')]
	case strings.LastIndexByte(s, ' ') > n*3/4:
		s = s[:strings.LastIndexByte(s, ' ')]
	}
	fence := ""
	for _, l := range strings.Split(s, "\n") {
		t := strings.TrimSpace(l)
		switch {
		case fence == "" && (strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~")):
			fence = t[:3]
		case fence != "" && strings.HasPrefix(t, fence):
			fence = ""
		}
	}
	if fence != "" {
		s += "\n" + fence
	}
	return s
}

// capItems keeps the items of a list of tags, people or places that fit in
// textCap bytes, each cut to it, and says how many more there are.
func capItems(items []string) []string {
	size := 0
	for i, it := range items {
		size += len(it) + 2
		if size > textCap {
			out := append([]string(nil), items[:i]...)
			if i == 0 {
				out = append(out, capText(it, textCap))
				i++
			}
			if more := len(items) - i; more > 0 {
				out = append(out, fmt.Sprintf("… %d more", more))
			}
			return out
		}
	}
	return items
}

// docBlock is one block of a document for the detail pane, rendered on
// its own: the head of an event, a section's heading, one item of a
// section. gap is the blank lines before it.
type docBlock struct {
	md   string
	gap  int
	kind interop.SectionKind // noSection, or what the item is
	item int                 // its index in its section
	// rated says the block is a claim whose status, claim, is drawn
	// after its bullet in the status's colour
	rated bool
	claim timeline.ClaimStatus
}

// noSection marks a block that is not an item of a section.
const noSection interop.SectionKind = -1

// document is a rendering: its lines, and the line each item of each
// section starts on (starts[kind][item]).
type document struct {
	lines  []string
	starts map[interop.SectionKind][]int
}

// renderDocument renders the blocks for a pane width cells wide, one
// after the other, and records where each item starts.
func renderDocument(blocks []docBlock, width int, style string) (document, error) {
	doc := document{starts: map[interop.SectionKind][]int{}}
	r, err := glamour.NewTermRenderer(
		glamour.WithStyles(glamourStyle(style)),
		glamour.WithWordWrap(0),
	)
	if err != nil {
		return doc, err
	}
	st := newStyles(style)
	for _, b := range blocks {
		var lines []string
		if b.rated {
			lines, err = renderClaim(r, b, width, &st)
		} else {
			lines, err = renderLines(r, b.md, width)
		}
		if err != nil {
			return doc, err
		}
		if len(doc.lines) > 0 {
			for range b.gap {
				doc.lines = append(doc.lines, "")
			}
		}
		if b.kind != noSection {
			doc.starts[b.kind] = append(doc.starts[b.kind], len(doc.lines))
		}
		doc.lines = append(doc.lines, lines...)
	}
	return doc, nil
}

// renderClaim renders a claim's block with its status badge ("✗ FALSE")
// after the bullet, in the status's style, and the lines that wrap
// indented under the text.
func renderClaim(r *glamour.TermRenderer, b docBlock, width int, st *Styles) ([]string, error) {
	badge := b.claim.Badge()
	bw := ansi.StringWidth(badge) + 1
	lines, err := renderLines(r, b.md, max(width-bw, 1))
	if err != nil || len(lines) == 0 {
		return lines, err
	}
	plain := ansi.Strip(lines[0])
	at := strings.Index(plain, "• ")
	if at < 0 || width-bw < 4 {
		return append([]string{cut(badge, width)}, lines...), nil
	}
	p := ansi.StringWidth(plain[:at]) + 2
	for i, l := range lines {
		mid := strings.Repeat(" ", bw)
		if i == 0 {
			mid = st.Claim(b.claim).Bold(true).Render(badge) + " "
		}
		lines[i] = ansi.Cut(l, 0, p) + mid + ansi.Cut(l, p, ansi.StringWidth(l))
	}
	return lines, nil
}

// renderLines renders one block of Markdown with r, as lines.
//
// Glamour renders without wrapping, one line per paragraph or list item,
// and the lines are wrapped here with a hanging indent: Glamour's own
// wrapping breaks block quotes at many widths (a closing quote mark or a
// word lands on a line of its own, outside the quote bar), and quotes are
// what this program is read for.
func renderLines(r *glamour.TermRenderer, markdown string, width int) ([]string, error) {
	out, err := r.Render(joinListContinuations(markdown))
	if err != nil {
		return nil, err
	}
	lines := strings.Split(out, "\n")
	blank := func(s string) bool { return strings.TrimSpace(ansi.Strip(s)) == "" }
	for len(lines) > 0 && blank(lines[0]) {
		lines = lines[1:]
	}
	for len(lines) > 0 && blank(lines[len(lines)-1]) {
		lines = lines[:len(lines)-1]
	}
	return wrapLines(lines, max(width, 1)), nil
}

// hanging matches what a wrapped line repeats or indents under: quote bars,
// then a bullet or an item number.
var hanging = regexp.MustCompile(`^((?:\s*[│|])*\s*)((?:[•*-]|\d+\.) )?`)

// wrapLines wraps lines wider than width, at spaces where it can. A
// continuation line repeats the quote bars of its line and is indented
// under its bullet or number.
func wrapLines(lines []string, width int) []string {
	out := make([]string, 0, len(lines))
	for _, line := range lines {
		lw := ansi.StringWidth(line)
		if lw <= width {
			out = append(out, line)
			continue
		}
		plain := ansi.Strip(line)
		m := hanging.FindStringSubmatchIndex(plain)
		bars := ansi.StringWidth(plain[:m[3]])
		lead := ansi.StringWidth(plain[:m[1]])
		if lead > width/2 {
			bars, lead = 0, 0
		}
		first, cont := ansi.Cut(line, 0, lead), ansi.Cut(line, 0, bars)+strings.Repeat(" ", lead-bars)
		body := lipgloss.Wrap(ansi.Cut(line, lead, lw), width-lead, "") // carries styles and links over
		for i, l := range strings.Split(body, "\n") {
			if i == 0 {
				l = first + l
			} else {
				l = cont + strings.TrimLeft(l, " ")
			}
			if ansi.StringWidth(l) > width { // a space Wrap kept at a tiny width
				out = append(out, strings.Split(ansi.Hardwrap(l, width, true), "\n")...)
				continue
			}
			out = append(out, l)
		}
	}
	return out
}

// listItem and blockStart recognise Markdown lines that begin a list item,
// and lines that begin any block.
var (
	listItem   = regexp.MustCompile(`^\s*([-+*]|\d{1,9}[.)])(\s|$)`)
	blockStart = regexp.MustCompile(`^\s*([-+*]\s|\d{1,9}[.)]\s|>|#|\x60\x60\x60|~~~|\||<)`)
)

// joinListContinuations puts each list item on one line. Glamour keeps
// the soft line breaks inside a list item and drops their indentation, so
// a hand-wrapped item would show as an item and loose lines under it.
func joinListContinuations(md string) string {
	lines := strings.Split(md, "\n")
	out := lines[:0]
	inItem, inFence := false, false
	for _, line := range lines {
		trimmed := strings.TrimSpace(line)
		fence := strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~")
		switch {
		case inFence || fence:
			if fence {
				inFence = !inFence
			}
			inItem = false
		case trimmed == "":
			inItem = false
		case listItem.MatchString(line):
			inItem = true
		case inItem && !blockStart.MatchString(line):
			out[len(out)-1] += " " + trimmed
			continue
		default:
			inItem = false
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}
