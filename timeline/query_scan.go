package timeline

import (
	"encoding/binary"
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
// stextSources) holds word, a folded term of ASCII letters and digits. An
// item of ASCII text is not folded, since folding only lower-cases it:
// the word is looked for in it in any case. Other items are folded into
// f one at a time.
func (f *folder) wordIn(e *Event, word string) bool {
	for field, s := range searchFields(e) {
		if field > stextSources {
			break
		}
		if isASCII(s) {
			if hasFoldASCII(s, word) {
				return true
			}
			continue
		}
		f.buf = f.buf[:0]
		f.add(s, true)
		if strings.Contains(unsafe.String(unsafe.SliceData(f.buf), len(f.buf)), word) {
			return true
		}
	}
	return false
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

// isASCII reports whether s is ASCII, eight bytes at a time.
func isASCII(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if binary.LittleEndian.Uint64([]byte(s[i:i+8]))&0x8080808080808080 != 0 {
			return false
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// hasFoldASCII reports whether s, ASCII, holds word, lower-case ASCII
// letters and digits, in any case.
func hasFoldASCII(s, word string) bool {
	lower, upper := word[0], word[0]
	if 'a' <= lower && lower <= 'z' {
		upper -= 'a' - 'A'
	}
	last := len(s) - len(word) // the last place word can start
	nl, nu := -1, -1           // the next lower-case and upper-case first letters, found at or after i
	for i := 0; i <= last; i++ {
		if nl < i {
			if nl = strings.IndexByte(s[i:last+1], lower); nl < 0 {
				nl = len(s)
			} else {
				nl += i
			}
		}
		if nu < i {
			if nu = strings.IndexByte(s[i:last+1], upper); nu < 0 {
				nu = len(s)
			} else {
				nu += i
			}
		}
		if i = min(nl, nu); i > last {
			return false
		}
		if strings.EqualFold(s[i:i+len(word)], word) {
			return true
		}
	}
	return false
}
