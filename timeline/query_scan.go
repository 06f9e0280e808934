package timeline

import (
	"encoding/binary"
	"math/bits"
	"runtime"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"
)

// scanChunk is how many events Scan hands a goroutine at a time.
var scanChunk = 1024

// Scan returns the events of c that match the query, as Filter does, by
// reading each event's text once and keeping none of it: the answer to
// one query (list -q, export -q) costs less time and memory than the
// index that answers many (the viewer's filter, see Filter). An index
// already built is used.
func (q Query) Scan(c *Chronology) []*Event {
	if c == nil {
		return nil
	}
	if q.root == nil || c.search.index != nil {
		return q.Filter(c)
	}
	keep := make([]bool, len(c.Events))
	chunk := scanChunk
	// each goroutine folds one event at a time into the same buffer: no
	// text is kept, and none is left for the collector
	scanFrom := func(f *folder, lo int) {
		for i := lo; i < min(lo+chunk, len(c.Events)); i++ {
			if e := c.Events[i]; e != nil {
				m := eventMatcher{e: e, f: f}
				keep[i] = m.node(q.root)
			}
		}
	}
	var wg sync.WaitGroup
	work := make(chan int)
	for range min(runtime.GOMAXPROCS(0), (len(c.Events)+chunk-1)/chunk) {
		wg.Go(func() {
			var f folder
			for lo := range work {
				scanFrom(&f, lo)
			}
		})
	}
	for lo := 0; lo < len(c.Events); lo += chunk {
		work <- lo
	}
	close(work)
	wg.Wait()
	var out []*Event
	for i, k := range keep {
		if k {
			out = append(out, c.Events[i])
		}
	}
	return out
}

// wordIn reports whether the text of e that a word searches (stextID to
// stextSources) holds word, a folded term of ASCII letters and digits,
// item by item (see holdsWord).
func (f *folder) wordIn(e *Event, word string) bool {
	anchor := wordAnchor(word)
	for field, s := range searchFields(e) {
		if field > stextSources {
			break
		}
		if f.holdsWord(s, word, anchor) {
			return true
		}
	}
	return false
}

// holdsWord reports whether the folded form of s holds word, ASCII
// letters and digits, folding no more of s than the few characters
// around those that are not ASCII. Folding only lower-cases ASCII, so a
// match made of ASCII alone is found in s in any case. A match that takes
// in other characters takes in only characters whose folded form is
// empty (accents) or holds an ASCII letter or digit (é, ß): each of those
// is folded with the len(word)-1 bytes on each side, which hold the rest
// of any match through it.
func (f *folder) holdsWord(s, word string, anchor int) bool {
	found, anchorSeen := hasFoldASCII(s, word, anchor)
	if found {
		return true
	}
	bit := wordBit(word[anchor])
	if !anchorSeen && !mayFoldTo(s, bit) {
		return false // (no character folds to the word's anchor letter)
	}
	reach := len(word) - 1
	for i := nextNonASCII(s, 0); i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if !mayJoinWord(r, size) {
			i = nextNonASCII(s, i+size)
			continue
		}
		// the characters that may join, less than a word apart
		start, end := i, i+size
		for j := nextNonASCII(s, end); j < len(s) && j-end <= 2*reach; j = nextNonASCII(s, j+size) {
			r, size = utf8.DecodeRuneInString(s[j:])
			if mayJoinWord(r, size) {
				end = j + size
			}
		}
		lo, hi := max(0, start-reach), min(len(s), end+reach)
		for lo > 0 && !utf8.RuneStart(s[lo]) {
			lo--
		}
		for hi < len(s) && !utf8.RuneStart(s[hi]) {
			hi++
		}
		if !anchorNear(s[lo:hi], word[anchor], bit) {
			i = nextNonASCII(s, end)
			continue
		}
		f.buf = f.buf[:0]
		f.add(s[lo:hi], true)
		if strings.Contains(unsafe.String(unsafe.SliceData(f.buf), len(f.buf)), word) {
			return true
		}
		i = nextNonASCII(s, end)
	}
	return false
}

// mayJoinWord reports whether the character r (size bytes, 1 for an
// invalid byte) may be part of a match of a word of ASCII letters and
// digits in folded text: its folded form is empty or holds one. Those
// beyond the table of folded characters are taken to.
func mayJoinWord(r rune, size int) bool {
	if size == 1 || r >= foldTableEnd {
		return true
	}
	e := &foldTable()[r-utf8.RuneSelf]
	return e.mark || !e.spaceOrControl && e.words != 0
}

// mayFoldTo reports whether a character of s that is not ASCII may fold
// to text with the letter or digit whose wordBit is bit.
func mayFoldTo(s string, bit uint64) bool {
	for i := nextNonASCII(s, 0); i < len(s); i = nextNonASCII(s, i) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if size == 1 || r >= foldTableEnd || foldTable()[r-utf8.RuneSelf].words&bit != 0 {
			return true
		}
		i += size
	}
	return false
}

// anchorNear reports whether the folded form of s may hold c, an ASCII
// letter or digit whose wordBit is bit: s holds it in either case, or a
// character that may fold to it.
func anchorNear(s string, c byte, bit uint64) bool {
	return strings.IndexByte(s, c) >= 0 || ('a' <= c && c <= 'z' && strings.IndexByte(s, c-('a'-'A')) >= 0) || mayFoldTo(s, bit)
}

// nextNonASCII returns the index of the first byte of s at or after i
// that is not ASCII, or len(s).
func nextNonASCII(s string, i int) int {
	for ; i+8 <= len(s); i += 8 {
		if x := binary.LittleEndian.Uint64([]byte(s[i : i+8])); x&0x8080808080808080 != 0 {
			return i + bits.TrailingZeros64(x&0x8080808080808080)/8
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return i
		}
	}
	return len(s)
}

// isASCIIWord reports whether a folded term is made of ASCII letters and
// digits only.
func isASCIIWord(term string) bool {
	for i := 0; i < len(term); i++ {
		if c := term[i]; c >= utf8.RuneSelf || !isWordByte[c] {
			return false
		}
	}
	return term != ""
}

// hasFoldASCII reports whether s holds word, lower-case ASCII letters
// and digits, in any case, among its ASCII characters, and whether it
// holds the word's letter at anchor (the least common in text, which it
// looks for) in either case.
func hasFoldASCII(s, word string, anchor int) (found, anchorSeen bool) {
	lower, upper := word[anchor], word[anchor]
	if 'a' <= lower && lower <= 'z' {
		upper -= 'a' - 'A'
	}
	nl, nu := -1, -1 // the next lower-case and upper-case anchor, found at or after i
	for i := 0; i < len(s); i++ {
		if nl < i {
			if nl = strings.IndexByte(s[i:], lower); nl < 0 {
				nl = len(s)
			} else {
				nl += i
			}
		}
		if nu < i {
			if nu = strings.IndexByte(s[i:], upper); nu < 0 {
				nu = len(s)
			} else {
				nu += i
			}
		}
		if i = min(nl, nu); i >= len(s) {
			return false, anchorSeen
		}
		anchorSeen = true
		start := i - anchor
		if start < 0 {
			continue
		}
		if start+len(word) > len(s) {
			return false, true
		}
		if strings.EqualFold(s[start:start+len(word)], word) {
			return true, true
		}
	}
	return false, anchorSeen
}

// wordAnchor returns where in word (ASCII letters and digits) its letter
// least common in English text is.
func wordAnchor(word string) int {
	const byUse = "etaoinshrdlcumwfgypbvkjxqz" // letters, most used first; digits rank as k
	rank := func(c byte) int {
		if k := strings.IndexByte(byUse, c); k >= 0 {
			return k
		}
		return strings.IndexByte(byUse, 'k')
	}
	best := 0
	for i := 1; i < len(word); i++ {
		if rank(word[i]) > rank(word[best]) {
			best = i
		}
	}
	return best
}
