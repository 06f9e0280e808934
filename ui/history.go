package ui

// location is a place in the reading: which event, how far down the
// detail, which pane had focus and which link was selected.
type location struct {
	id      string
	offset  int
	focus   mode
	linkSel int
}

// history is the jump history of links followed: back goes to where a
// jump started, forward returns. A new jump after going back drops the
// forward list, as in a browser.
type history struct {
	back, forward []location
}

// maxHistory bounds each list; the oldest entries go first.
const maxHistory = 200

func (h *history) jump(from location) {
	h.back = appendBounded(h.back, from)
	h.forward = nil
}

// goBack returns the location to go back to, recording cur for forward.
func (h *history) goBack(cur location) (location, bool) {
	if len(h.back) == 0 {
		return location{}, false
	}
	to := h.back[len(h.back)-1]
	h.back = h.back[: len(h.back)-1 : len(h.back)-1]
	h.forward = appendBounded(h.forward, cur)
	return to, true
}

// goForward is goBack the other way.
func (h *history) goForward(cur location) (location, bool) {
	if len(h.forward) == 0 {
		return location{}, false
	}
	to := h.forward[len(h.forward)-1]
	h.forward = h.forward[: len(h.forward)-1 : len(h.forward)-1]
	h.back = appendBounded(h.back, cur)
	return to, true
}

func appendBounded(l []location, loc location) []location {
	if len(l) >= maxHistory {
		l = l[1:]
	}
	return append(l[:len(l):len(l)], loc)
}

// prune drops the locations whose event no longer exists (after a
// reload), keeping the order of the rest; of two neighbours left on the
// same event, the later stays.
func (h *history) prune(exists func(id string) bool) {
	keep := func(l []location) []location {
		out := l[:0:0]
		for _, loc := range l {
			if n := len(out); n > 0 && out[n-1].id == loc.id {
				out = out[:n-1]
			}
			if exists(loc.id) {
				out = append(out, loc)
			}
		}
		return out
	}
	h.back, h.forward = keep(h.back), keep(h.forward)
}
