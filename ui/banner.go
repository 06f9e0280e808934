package ui

import (
	"fmt"
	"path/filepath"
	"strings"

	"backstory/timeline"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// problems is what is wrong with the files on disk, shown in a banner
// under the header: a save that does not load (the last good chronology
// stays on screen), a file that is gone, or the warnings (unknown keys) of
// the chronology on screen. Collapsed, the banner is one line with the
// first diagnostic; ! expands it to every diagnostic, one a line.
type problems struct {
	failed   timeline.Diagnostics // the last reload's, when it did not load
	missing  []string             // paths given that no longer exist
	folders  []string             // files given that are folders now
	warnings timeline.Diagnostics // of the chronology on screen
	expanded bool
	// neverLoaded: the files have not loaded since the start
	neverLoaded bool
}

// any reports whether there is a banner to show.
func (p problems) any() bool { return p.isFailed() || len(p.warnings) > 0 }

// isFailed reports whether the files on disk do not load now.
func (p problems) isFailed() bool {
	return len(p.failed) > 0 || len(p.missing) > 0 || len(p.folders) > 0
}

// list is the diagnostics the banner lists: of a failed load its errors
// then its warnings, else the warnings of the chronology on screen.
func (p problems) list() timeline.Diagnostics {
	if p.isFailed() {
		return append(p.failed.Errors(), p.failed.Warnings()...)
	}
	return p.warnings
}

// firstError is the first error with a line to go to, for e.
func (p problems) firstError() (timeline.Position, bool) {
	for _, d := range p.failed.Errors() {
		if d.Pos.File != "" && d.Pos.Line > 0 {
			return d.Pos, true
		}
	}
	return timeline.Position{}, false
}

// isGone reports whether file is, or is in, a path that no longer exists,
// or is a file that is a folder now: there is nothing to edit there.
func (p problems) isGone(file string) bool { return p.goneWhy(file) != "" }

// goneWhy says why file cannot be opened: it is gone, or a folder now;
// "" when it is there.
func (p problems) goneWhy(file string) string {
	for _, m := range p.missing {
		if file == m || strings.HasPrefix(file, m+string(filepath.Separator)) {
			return fmt.Sprintf("%s is gone: put it back and it is read again", timeline.HarmlessLine(file))
		}
	}
	for _, f := range p.folders {
		if file == f {
			return fmt.Sprintf("%s is a folder now, not a file: put the file back and it is read again",
				timeline.HarmlessLine(file))
		}
	}
	return ""
}

// gone names the missing paths: "events.toml", "a.toml and b.toml".
func (p problems) gone() string { return names(p.missing) }

// names is "a", "a and b", "a, b and c".
func names(paths []string) string {
	names := make([]string, len(paths))
	for i, m := range paths {
		names[i] = timeline.HarmlessLine(m)
	}
	if len(names) <= 2 {
		return strings.Join(names, " and ")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}

// foldersNow is "is a folder now, not a file", or its plural.
func (p problems) foldersNow() string {
	if len(p.folders) > 1 {
		return "are folders now, not files"
	}
	return "is a folder now, not a file"
}

func (p problems) isAre() string {
	if len(p.missing) > 1 {
		return "are"
	}
	return "is"
}

// narrowBanner is the width below which the banner says "(! +3)" rather
// than "(3 more: press !)".
const narrowBanner = 60

// collapsed is the banner's one line at width w: what is wrong, the
// first diagnostic, and how to see the rest.
func (p problems) collapsed(w int) (text, more string) {
	diags := p.list()
	switch {
	case len(p.missing) > 0:
		text = fmt.Sprintf("✗ %s %s gone: showing the last good version", p.gone(), p.isAre())
	case len(p.folders) > 0:
		text = fmt.Sprintf("✗ %s %s: showing the last good version", names(p.folders), p.foldersNow())
	case p.isFailed():
		text = "✗ Not reloaded: " + timeline.HarmlessLine(diags[0].String())
	default:
		text = plural(len(diags), "warning") + ": " + timeline.HarmlessLine(diags[0].String())
	}
	n := len(diags) - 1
	if len(p.missing) > 0 || len(p.folders) > 0 {
		n = 0
	}
	switch {
	case w < narrowBanner && n > 0:
		more = fmt.Sprintf("(! +%d)", n)
	case w < narrowBanner:
		more = "(!)"
	case n > 0:
		more = fmt.Sprintf("(%d more: press !)", n)
	default:
		more = "(press ! for details)"
	}
	return text, more
}

// heading is the first line of the expanded banner.
// The specific part comes first (what is wrong, then each diagnostic),
// the explanation last, so that a short banner cuts the explanation.
func (p problems) heading() (title, explanation string) {
	switch {
	case len(p.missing) > 0:
		return fmt.Sprintf("✗ %s %s gone (deleted or renamed).", p.gone(), p.isAre()),
			"The screen shows the last version that loaded; it is read again as soon as it is back."
	case len(p.folders) > 0:
		return fmt.Sprintf("✗ %s %s.", names(p.folders), p.foldersNow()),
			"The screen shows the last version that loaded; it is read again as soon as it is a file again."
	case p.isFailed() && p.neverLoaded:
		return "✗ The files do not load:",
			"Nothing has loaded yet; save a fix and the timeline comes by itself (e opens the first error)."
	case p.isFailed():
		return "✗ The files do not load:",
			"The screen shows the last version that did; save a fix and it reloads by itself (e opens the first error)."
	}
	return plural(len(p.warnings), "warning") + " in the files:", "backstory check lists them too."
}

// rows is how many lines the banner takes in a body of avail lines:
// none when there is nothing to say or no room (the panes keep at least
// one line), one collapsed, up to two thirds of the body expanded.
func (p problems) rows(w, avail int) int {
	if !p.any() || avail < 2 || w <= 0 {
		return 0
	}
	if !p.expanded {
		return 1
	}
	limit := min(avail-1, max(1, avail*2/3))
	return min(len(p.expandedLines(w, limit+1)), limit)
}

// expandedLines wraps the heading and every diagnostic to w cells, up to
// limit lines.
func (p problems) expandedLines(w, limit int) []string {
	var lines []string
	add := func(s string, indent int) bool {
		for i, l := range strings.Split(ansi.Wrap(s, max(1, w-indent), " /"), "\n") {
			if i > 0 {
				l = strings.Repeat(" ", indent) + l
			}
			lines = append(lines, l)
			if len(lines) >= limit {
				return false
			}
		}
		return true
	}
	title, explanation := p.heading()
	if !add(title+"  (! hides)", 2) {
		return lines
	}
	for _, d := range p.list() {
		if !add("  "+timeline.HarmlessLine(d.String()), 4) {
			return lines
		}
	}
	add(explanation, 2)
	return lines
}

// problemsBanner is the banner of problems, under the header: one line
// collapsed, every diagnostic expanded (!).
type problemsBanner struct {
	problems
	st            *Styles
	width, height int
}

// SetStyles follows a change of colours.
func (b *problemsBanner) SetStyles(st *Styles) { b.st = st }

// SetSize gives the banner its width and the lines it has.
func (b *problemsBanner) SetSize(w, h int) { b.width, b.height = w, h }

// SetFailed says what is wrong with the files on disk (all nil: they
// load again).
func (b *problemsBanner) SetFailed(failed timeline.Diagnostics, missing, folders []string) {
	b.failed, b.missing, b.folders = failed, missing, folders
}

// SetWarnings are the warnings of the chronology on screen.
func (b *problemsBanner) SetWarnings(w timeline.Diagnostics) {
	b.warnings = w
	if len(w) == 0 && !b.isFailed() {
		b.expanded = false
	}
}

// Failed reports whether the files on disk do not load now.
func (b *problemsBanner) Failed() bool { return b.isFailed() }

// Height is how many lines the banner takes at width w in a body of
// avail lines.
func (b *problemsBanner) Height(w, avail int) int { return b.rows(w, avail) }

// KeyMap is !, when there is something to show.
func (b *problemsBanner) KeyMap() KeyMap {
	k := defaultKeyMap()
	k.setEnabled(false)
	k.Problems.SetEnabled(b.any())
	switch {
	case b.expanded:
		k.Problems.SetHelp("!", "hide problems")
	case !b.isFailed():
		k.Problems.SetHelp("!", "show warnings")
	}
	return k
}

// Update expands or collapses the banner on !.
func (b *problemsBanner) Update(msg tea.Msg) (*problemsBanner, tea.Cmd) {
	if k, ok := msg.(tea.KeyPressMsg); ok && key.Matches(k, b.KeyMap().Problems) {
		b.expanded = !b.expanded
	}
	return b, nil
}

// View draws the banner in exactly height lines of exactly width cells.
func (b *problemsBanner) View() string {
	h, w := b.height, b.width
	if h <= 0 {
		return ""
	}
	p := b.problems
	style := b.st.Warning
	if p.isFailed() {
		style = b.st.Problem
	}
	if !p.expanded || h < 2 {
		text, more := p.collapsed(w)
		mw := ansi.StringWidth(more)
		if w < mw+12 { // no room for both: the problem first
			return style.Render(fit(text, w))
		}
		return style.Render(fit(text, w-mw-1) + " " + more)
	}
	lines := p.expandedLines(w, h+1)
	if len(lines) > h { // cut: say so on the last line
		word := "problem"
		if !p.isFailed() {
			word = "warning"
		}
		lines = append(lines[:h-1], fmt.Sprintf("  … %s in all: backstory check lists them", plural(len(p.list()), word)))
	}
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = style.Render(fit(l, w))
	}
	return strings.Join(out, "\n")
}
