package timeline

import (
	"encoding/binary"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
)

// addToken adds the events of token t to b.
func (ix *wordIndex) addToken(b eventBits, t int) {
	addPosting(b, ix.post[ix.at[t]:ix.at[t+1]])
}

// addPosting adds to b the events of a list of varint gaps.
func addPosting(b eventBits, p []byte) {
	i := -1
	for len(p) > 0 {
		gap, n := binary.Uvarint(p)
		p = p[n:]
		i += int(gap)
		b.set(i)
	}
}

// token returns the number of the token that covers byte at of the
// vocabulary, and where it ends.
func (ix *wordIndex) token(at int) (t, end int) {
	t = sort.Search(len(ix.starts), func(k int) bool { return int(ix.starts[k]) > at }) - 1
	end = strings.IndexByte(ix.vocab[ix.starts[t]:], 0) + int(ix.starts[t])
	return t, end
}

// tokensWith returns every token that contains w; with atStart the
// token must begin with w, with atEnd it must end with it.
func (ix *wordIndex) tokensWith(w string, atStart, atEnd bool) []int {
	pat := w
	if atStart {
		pat = "\x00" + pat
	}
	if atEnd {
		pat += "\x00"
	}
	var out []int
	for from := 0; from < len(ix.vocab); {
		k := strings.Index(ix.vocab[from:], pat)
		if k < 0 {
			break
		}
		at := from + k
		if atStart {
			at++ // the token, past its NUL
		}
		t, end := ix.token(at)
		out = append(out, t)
		from = end // on to the next token
	}
	return out
}

// tokenText returns token t.
func (ix *wordIndex) tokenText(t int) string {
	s := ix.vocab[ix.starts[t]:]
	return s[:strings.IndexByte(s, 0)]
}

// maxPairs is the most pairs of tokens a phrase is looked up by in the
// filters of token pairs; beyond, its events are all read.
const maxPairs = 256

// textSet returns the events among within whose searchable text holds
// the folded term, exactly.
func (ix *wordIndex) textSet(term string, within eventBits, texts []eventText) eventBits {
	out := newEventBits(len(texts))
	if term == "" { // (a term of controls or accents only): every text holds it
		copy(out, within)
		return out
	}
	if len(term) == 1 && term[0] < utf8.RuneSelf {
		c := term[0]
		word, bit := c>>6, uint64(1)<<(c&63)
		within.each(func(i int) {
			if ix.ascii[i][word]&bit != 0 {
				out.set(i)
			}
		})
		return out
	}
	// the term's pieces: its runs of word characters
	type piece struct {
		w              string
		start, end     int // where it is in term
		atStart, atEnd bool
	}
	var pieces []piece
	for i := 0; i < len(term); {
		start, end := nextToken(term, i)
		if start == end {
			break
		}
		pieces = append(pieces, piece{term[start:end], start, end, start > 0, end < len(term)})
		i = end
	}
	if len(pieces) == 1 && !pieces[0].atStart && !pieces[0].atEnd {
		for _, t := range ix.tokensWith(term, false, false) { // a word: exact
			ix.addToken(out, t)
		}
		out.and(within)
		return out
	}
	// narrow to the events with every piece, and every two pieces side by
	// side, then read them
	cand := within
	var known eventBits // events known to hold the last two pieces side by side
	var prev []int      // the tokens the last piece may be in
	for k, p := range pieces {
		tokens := ix.tokensWith(p.w, p.atStart, p.atEnd)
		b := newEventBits(len(texts))
		for _, t := range tokens {
			ix.addToken(b, t)
		}
		b.and(cand)
		cand = b
		if k > 0 {
			var unsure eventBits
			known, unsure = ix.sideBySide(cand, prev, tokens, term[pieces[k-1].end:p.start] == " ")
			cand = unsure
			cand.or(known)
		}
		prev = tokens
	}
	if len(pieces) == 2 && pieces[0].start == 0 && pieces[1].end == len(term) {
		// two words and a space, "of the": the events known hold it
		copy(out, known)
		cand.andNot(known)
	}
	ix.verify(cand, out, texts, term)
	return out
}

// verify adds to out the events of cand whose text holds term, reading
// them on every processor when they are many.
func (ix *wordIndex) verify(cand, out eventBits, texts []eventText, term string) {
	anchor := ix.rarest(term)
	workers := runtime.GOMAXPROCS(0)
	if workers == 1 || cand.count() < 1024 {
		cand.each(func(i int) {
			if containsAt(texts[i].all(), term, anchor) {
				out.set(i)
			}
		})
		return
	}
	// each goroutine reads whole words of the sets, so no two write the same
	var next atomic.Int64
	const block = 16 // words of cand per turn
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				w0 := int(next.Add(block) - block)
				if w0 >= len(cand) {
					return
				}
				cand[w0:min(w0+block, len(cand))].each(func(i int) {
					i += w0 * 64
					if containsAt(texts[i].all(), term, anchor) {
						out.set(i)
					}
				})
			}
		})
	}
	wg.Wait()
}

// rarest returns where in term the byte least common in the events' text
// is: the best byte to look for first.
func (ix *wordIndex) rarest(term string) int {
	best := 0
	for i := 1; i < len(term); i++ {
		if ix.bytes[term[i]] < ix.bytes[term[best]] {
			best = i
		}
	}
	return best
}

// containsAt reports whether s contains term, looking first for the
// byte of term at anchor.
func containsAt(s, term string, anchor int) bool {
	c := term[anchor]
	for from := anchor; from < len(s); {
		j := strings.IndexByte(s[from:], c)
		if j < 0 {
			return false
		}
		start := from + j - anchor
		if start+len(term) > len(s) {
			return false
		}
		if s[start:start+len(term)] == term {
			return true
		}
		from += j + 1
	}
	return false
}
