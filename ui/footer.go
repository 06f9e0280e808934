package ui

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"

	"github.com/charmbracelet/x/ansi"
)

// View is the bottom line: the status message when there is one, else
// the short help; and the position in the list on the right. When the
// line is narrow the position gives up its details, then itself, before
// the help gives up ?, q or the way back.
func (s *statusLine) View() string {
	w := s.width
	rights := s.positions
	if len(rights) < 2 {
		rights = []string{"", ""}
	}
	if lines := s.wrapped(); len(lines) > 1 { // a message that does not fit goes on
		style := s.st.Status
		if s.isErr {
			style = s.st.Error
		}
		last := len(lines) - 1
		for i, l := range lines[:last] {
			lines[i] = style.Render(fit(l, w))
		}
		right := rights[len(rights)-2] // the bare place, if the last line has room
		if ansi.StringWidth(lines[last])+footerRoom(right) > w {
			right = ""
		}
		lines[last] = s.line(style.Render(lines[last]), right)
		return strings.Join(lines, "\n")
	}
	if s.text != "" {
		style := s.st.Status
		if s.isErr {
			style = s.st.Error
		}
		// the richest position that leaves the message half the line, or
		// all it needs
		status := short(s.text) // "Copied: " a citation with a 1 MB title, say
		need := min(ansi.StringWidth(status), w/2)
		right := ""
		for _, r := range rights {
			if ansi.StringWidth(r)+1+need <= w {
				right = r
				break
			}
		}
		return s.line(style.Render(cut(status, w-footerRoom(right))), right)
	}
	keys := s.keys.shortKeys()
	for _, right := range rights {
		if left, ok := fitShortHelp(s.help, keys, w-footerRoom(right)); ok {
			return s.line(left, right)
		}
	}
	// too narrow for the way out even alone: the bare position, and what
	// fits beside it
	right := rights[len(rights)-2]
	if footerRoom(right) > w {
		right = ""
	}
	left, _ := fitShortHelp(s.help, keys, w-footerRoom(right))
	return s.line(left, right)
}

// maxStatusLines is the most lines a status message takes; what does
// not fit in them is cut.
const maxStatusLines = 3

// wrapped is the status message in the lines it takes: one when it fits
// beside the bare position, else wrapped at spaces.
func (s *statusLine) wrapped() []string {
	if s.text == "" || s.width <= 0 {
		return nil
	}
	text := short(s.text)
	bare := ""
	if n := len(s.positions); n >= 2 {
		bare = s.positions[n-2]
	}
	if ansi.StringWidth(text)+footerRoom(bare) <= s.width {
		return []string{text}
	}
	lines := strings.Split(ansi.Wrap(text, s.width, " /"), "\n")
	if len(lines) > maxStatusLines {
		lines = lines[:maxStatusLines]
		lines[maxStatusLines-1] = cut(lines[maxStatusLines-1]+" …", s.width)
	}
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " ")
	}
	return lines
}

// Height is the lines the footer takes: more than one while a message
// that does not fit is shown.
func (s *statusLine) Height() int { return max(1, len(s.wrapped())) }

// footerRoom is the width the right part of the footer takes, with the
// space before it.
func footerRoom(right string) int {
	if right == "" {
		return 0
	}
	return ansi.StringWidth(right) + 1
}

func (s *statusLine) line(left, right string) string {
	if right != "" {
		right = s.st.Position.Render(right)
	}
	gap := max(0, s.width-ansi.StringWidth(left)-ansi.StringWidth(right))
	return left + strings.Repeat(" ", gap) + right
}

// positions are the footer's right part, from the richest to nothing:
// how far down the detail is (pct, "" for none), the place in the list
// ("3/8", or "–/8" when the event on show is one the filter hides) and a
// word on why. The one before last is the bare place in the list.
func positions(cursor, n int, hidden bool, pct string) []string {
	pos := fmt.Sprintf("%d/%d", cursor+1, n)
	note := ""
	switch {
	case n == 0:
		pos = "0/0"
	case hidden:
		pos, note = fmt.Sprintf("–/%d", n), " (hidden by filter)"
	}
	if pct != "" {
		pct += " · "
	}
	out := []string{pct + pos + note}
	for _, r := range []string{pos + note, pos, ""} {
		if r != out[len(out)-1] {
			out = append(out, r)
		}
	}
	return out
}

// worthShort is the rank below which a key is worth the short labels: the
// footer gives every key its short label rather than drop one of these.
const worthShort = 4

// fitShortHelp draws the keys that fit in room cells, in their order, the
// most important first, with their long labels and again with their short
// ones. The short labels win when they keep a key of a rank below
// worthShort that the long ones drop, or when neither keeps the way out
// and they show more of it. ok is false when a key of rank essential or
// less does not fit.
func fitShortHelp(h help.Model, keys []shortKey, room int) (line string, ok bool) {
	h.SetWidth(0) // measured here, never cut with "…"
	keys = slices.DeleteFunc(slices.Clone(keys), func(k shortKey) bool { return !k.b.Enabled() })
	order := make([]int, len(keys))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return keys[a].rank - keys[b].rank })
	sep := ansi.StringWidth(h.ShortSeparator)
	bestDropped, bestShown := -1, -1
	var best []bool
	var bestShort bool
	for _, short := range []bool{false, true} {
		chosen := make([]bool, len(keys))
		used, dropped, shown := 0, math.MaxInt, 0
		for _, i := range order {
			w := shortWidth(keys[i], short)
			if used > 0 {
				w += sep
			}
			if used+w > room {
				dropped = min(dropped, keys[i].rank)
				continue
			}
			chosen[i] = true
			used += w
			if keys[i].rank <= essential {
				shown++
			}
		}
		dropped = min(dropped, worthShort)
		if dropped > bestDropped || dropped == bestDropped && shown > bestShown {
			best, bestShort, ok, bestDropped, bestShown = chosen, short, dropped > essential, dropped, shown
		}
	}
	return h.ShortHelpView(shortBindings(keys, best, bestShort)), ok
}

// shortWidth is the width of a key in the footer's help: "key desc".
func shortWidth(k shortKey, short bool) int {
	if short && k.short != "" {
		return ansi.StringWidth(k.short)
	}
	h := k.b.Help()
	return ansi.StringWidth(h.Key) + 1 + ansi.StringWidth(h.Desc)
}

// shortBindings are the keys chosen, with their short labels when short.
func shortBindings(keys []shortKey, chosen []bool, short bool) []key.Binding {
	var out []key.Binding
	for i, k := range keys {
		if !chosen[i] {
			continue
		}
		b := k.b
		if short && k.short != "" {
			name, desc, _ := strings.Cut(k.short, " ")
			b.SetHelp(name, desc)
		}
		out = append(out, b)
	}
	return out
}
