package timeline

import "math/bits"

// eventBits is a set of events, by index.
type eventBits []uint64

func newEventBits(n int) eventBits { return make(eventBits, (n+63)/64) }

// allEvents is the set of the n events.
func allEvents(n int) eventBits {
	b := newEventBits(n)
	for i := range b {
		b[i] = ^uint64(0)
	}
	if n%64 != 0 {
		b[len(b)-1] = 1<<(n%64) - 1
	}
	return b
}

func (b eventBits) set(i int) { b[i>>6] |= 1 << (i & 63) }

func (b eventBits) and(o eventBits) {
	for i := range b {
		b[i] &= o[i]
	}
}

func (b eventBits) andNot(o eventBits) {
	for i := range b {
		b[i] &^= o[i]
	}
}

// each calls fn with every index in b, in order.
func (b eventBits) each(fn func(i int)) {
	for w, word := range b {
		for word != 0 {
			fn(w*64 + bits.TrailingZeros64(word))
			word &= word - 1
		}
	}
}

func (b eventBits) count() int {
	n := 0
	for _, w := range b {
		n += bits.OnesCount64(w)
	}
	return n
}

func (b eventBits) or(o eventBits) {
	for i := range b {
		b[i] |= o[i]
	}
}

func (b eventBits) empty() bool {
	for _, w := range b {
		if w != 0 {
			return false
		}
	}
	return true
}
