package ui

import (
	"regexp"
	"strings"

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
	done    map[renderKey][]string
	pending map[renderKey]bool
}

// maxCached bounds the cache; when full it is emptied (renders are cheap,
// and a reader rarely goes back more than a few hundred events).
const maxCached = 512

func newRenderCache() *renderCache {
	return &renderCache{done: map[renderKey][]string{}, pending: map[renderKey]bool{}}
}

func (c *renderCache) get(k renderKey) ([]string, bool) {
	l, ok := c.done[k]
	return l, ok
}

func (c *renderCache) put(k renderKey, lines []string) {
	if len(c.done) >= maxCached {
		clear(c.done)
	}
	c.done[k] = lines
	delete(c.pending, k)
}

// renderCmd renders Markdown off the key path. Each call makes its own
// Glamour renderer: a renderer is not safe for concurrent use, and making
// one costs microseconds.
func renderCmd(key renderKey, markdown string) tea.Cmd {
	return func() tea.Msg {
		lines, err := renderMarkdown(markdown, key.width, key.style)
		return renderedMsg{key: key, lines: lines, err: err}
	}
}

// renderMarkdown renders Markdown for a pane width cells wide, as lines.
//
// Glamour renders without wrapping, one line per paragraph or list item,
// and the lines are wrapped here with a hanging indent: Glamour's own
// wrapping breaks block quotes at many widths (a closing quote mark or a
// word lands on a line of its own, outside the quote bar), and quotes are
// what this program is read for.
func renderMarkdown(markdown string, width int, style string) ([]string, error) {
	r, err := glamour.NewTermRenderer(
		glamour.WithStyles(glamourStyle(style)),
		glamour.WithWordWrap(0),
	)
	if err != nil {
		return nil, err
	}
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
