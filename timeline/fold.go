package timeline

import (
	"encoding/binary"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/unicode/norm"
)

// Fold returns s in the form searches compare: lower-case, with accents and
// other combining marks removed, so "México" and "MEXICO" both fold to
// "mexico". Each character is replaced by its canonical decomposition
// (Unicode NFD; Hangul syllables are kept whole) and nonspacing marks
// (category Mn) are dropped; a few letters that carry no separable accent are
// spelled out as well: ß→ss, ø→o, æ→ae, œ→oe, ł→l, đ and ð→d, þ→th,
// dotless ı→i and final ς→σ. Whitespace and other characters are kept;
// each invalid UTF-8 byte becomes U+FFFD. Fold works character by
// character: Fold(s) is the Folds of s's runes joined, so a highlighter can
// map folded text back to the original.
//
// When s is already ASCII lower-case, Fold returns it without allocating.
func Fold(s string) string {
	i := 0
	for i < len(s) {
		c := s[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			break
		}
		i++
	}
	if i == len(s) {
		return s
	}
	if foldIsASCII(s[i:]) {
		b := make([]byte, len(s))
		copy(b, s[:i])
		for j := i; j < len(s); j++ {
			c := s[j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b[j] = c
		}
		return string(b)
	}
	return string(appendFold(make([]byte, 0, len(s)), s, false))
}

// appendFold appends the folded form of s to dst. With collapse, every run
// of whitespace and control characters (including NUL, the field separator
// of the search index) becomes a single space, so a phrase typed with
// spaces finds text broken across lines.
func appendFold(dst []byte, s string, collapse bool) []byte {
	var f folder
	f.buf = dst
	f.add(s, collapse)
	return f.buf
}

// folder folds strings one after another into buf.
type folder struct {
	buf []byte
}

// add appends the folded form of s to f.buf (see appendFold). Each
// character is folded on its own: its canonical decomposition (from the
// Unicode NFD tables, Hangul syllables excepted) without nonspacing marks,
// lower-cased, with the few letters Fold spells out replaced.
func (f *folder) add(s string, collapse bool) {
	dst := f.buf
	space := false
	for i := 0; i < len(s); {
		// Most text is printable ASCII and single spaces: copy it a byte
		// at a time through a table, with no other test.
		if room := len(s) - i; cap(dst)-len(dst) < room {
			dst = slices.Grow(dst, room)
		}
		out := dst[:cap(dst)]
		k := len(dst)
		// eight bytes at a time while they are printable ASCII with no
		// two spaces in a row
		for i+8 <= len(s) {
			x := binary.LittleEndian.Uint64([]byte(s[i : i+8]))
			spaces := zeroBytes(x ^ 0x2020202020202020)
			if x&0x8080808080808080 != 0 || // not ASCII
				(x-0x2020202020202020)&^x&0x8080808080808080 != 0 || // below space
				zeroBytes(x^0x7f7f7f7f7f7f7f7f) != 0 || // DEL
				spaces&(spaces>>8) != 0 || (space && collapse && spaces&0x80 != 0) {
				break
			}
			// A-Z to a-z: 0x20 where a byte is at least 'A' and below '['
			upper := ((x + 0x3f3f3f3f3f3f3f3f) ^ (x + 0x2525252525252525)) & 0x8080808080808080
			binary.LittleEndian.PutUint64(out[k:k+8], x|upper>>2)
			k += 8
			i += 8
			space = spaces&0x8000000000000000 != 0
		}
		for i < len(s) {
			c := s[i]
			if l := foldASCII[c]; l != 0 {
				out[k] = l
				k++
				i++
				space = false
				continue
			}
			if c != ' ' {
				break
			}
			i++
			if collapse && space {
				continue
			}
			out[k] = ' '
			k++
			space = true
		}
		dst = out[:k]
		if i >= len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if collapse && (c <= ' ' || c == 0x7f) {
				if !space {
					dst = append(dst, ' ')
					space = true
				}
				continue
			}
			dst = append(dst, c) // (a control character, kept)
			space = false
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r < foldTableEnd && size > 1 { // (not an invalid byte)
			// the characters of European text: folded once, looked up
			e := &foldTable()[r-utf8.RuneSelf]
			i += size
			switch {
			case e.mark:
			case collapse && e.spaceOrControl:
				if !space {
					dst = append(dst, ' ')
					space = true
				}
			default:
				space = false
				dst = append(dst, e.folded...)
			}
			continue
		}
		if unicode.Is(unicode.Mn, r) {
			i += size
			continue
		}
		if collapse && (unicode.IsSpace(r) || unicode.IsControl(r)) {
			i += size
			if !space {
				dst = append(dst, ' ')
				space = true
			}
			continue
		}
		space = false
		dst = appendDecomposed(dst, s[i:i+size], r)
		i += size
	}
	f.buf = dst
}

// appendDecomposed appends the folded form of the character c, which is
// r: its canonical decomposition without nonspacing marks, each character
// lower-cased and spelled out (see appendFoldedRune).
func appendDecomposed(dst []byte, c string, r rune) []byte {
	d := norm.NFD.PropertiesString(c).Decomposition()
	if d == nil {
		return appendFoldedRune(dst, r)
	}
	for len(d) > 0 {
		r, size := utf8.DecodeRune(d)
		d = d[size:]
		if !unicode.Is(unicode.Mn, r) {
			dst = appendFoldedRune(dst, r)
		}
	}
	return dst
}

// foldTableEnd bounds the characters whose folding is kept in a table: the
// Latin, Greek and Cyrillic letters, their accents, and the punctuation
// (quotes, dashes) news text is full of.
const foldTableEnd = 0x2070

// foldEntry is what folding does to one character.
type foldEntry struct {
	mark           bool   // a nonspacing mark, dropped
	spaceOrControl bool   // a space or control, collapsed when asked
	folded         string // otherwise, what it folds to
}

// foldTable returns the folding of the characters from U+0080 to
// foldTableEnd, made on first use.
var foldTable = sync.OnceValue(func() []foldEntry {
	t := make([]foldEntry, foldTableEnd-utf8.RuneSelf)
	for r := rune(utf8.RuneSelf); r < foldTableEnd; r++ {
		e := &t[r-utf8.RuneSelf]
		e.mark = unicode.Is(unicode.Mn, r)
		e.spaceOrControl = unicode.IsSpace(r) || unicode.IsControl(r)
		e.folded = string(appendDecomposed(nil, string(r), r))
	}
	return t
})

// zeroBytes returns 0x80 in each byte of x that is zero.
func zeroBytes(x uint64) uint64 {
	const low7 = 0x7f7f7f7f7f7f7f7f
	return ^((x&low7 + low7) | x | low7)
}

// foldASCII folds the printable ASCII characters but space (to lower
// case); 0 for the rest.
var foldASCII = func() (t [256]byte) {
	for c := '!'; c <= '~'; c++ {
		t[c] = byte(unicode.ToLower(c))
	}
	return t
}()

// appendFoldedRune appends r lower-cased, spelling out the letters that
// carry no separable accent.
func appendFoldedRune(dst []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(dst, byte(r))
	}
	r = unicode.ToLower(r)
	switch r {
	case 'ß':
		return append(dst, "ss"...)
	case 'ø':
		return append(dst, 'o')
	case 'æ':
		return append(dst, "ae"...)
	case 'œ':
		return append(dst, "oe"...)
	case 'ł':
		return append(dst, 'l')
	case 'đ', 'ð':
		return append(dst, 'd')
	case 'þ':
		return append(dst, "th"...)
	case 'ı':
		return append(dst, 'i')
	case 'ς':
		return utf8.AppendRune(dst, 'σ')
	}
	return utf8.AppendRune(dst, r)
}

// foldCollapse is Fold with runs of whitespace and control characters
// turned into single spaces and the ends trimmed: the form of a search term.
func foldCollapse(s string) string {
	return strings.TrimSpace(string(appendFold(make([]byte, 0, len(s)), s, true)))
}

func foldIsASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// searchSep separates fields, and items of a field, in the search index.
// Search terms never contain it, so no term matches across two fields.
const searchSep = '\x00'

// The fields of an event's search text, in the order they are stored.
// Everything from stextID to stextSources is what a plain word searches;
// source: searches stextSources and stextURLs.
const (
	stextID      = iota
	stextTitle   // title
	stextSummary // summary
	stextBody    // body
	stextTags    // each tag
	stextPeople  // each person
	stextPlaces  // each place
	stextClaims  // each claim's text and note
	stextSources // each source's title, publisher and quote
	stextURLs    // each source's URL
	numSearchTexts
)

// eventText is an event's searchable text, folded once: the fields one
// after another, each followed by searchSep, in one string.
type eventText struct {
	text string
	end  [numSearchTexts]int32 // end of each field in text, before its separator
}

// searchCache holds the folded text of every event of a chronology, built
// the first time a query runs and shared by every query after it (also
// from several goroutines at once). A chronology must not change after it
// has been queried.
type searchCache struct {
	once   sync.Once
	fields []eventText
	index  *wordIndex
	// linked says every link and backlink of the events agree, as the
	// loader makes them
	linked bool
}

// field returns field f (stextID...stextURLs).
func (t *eventText) field(f int) string {
	start := int32(0)
	if f > 0 {
		start = t.end[f-1] + 1
	}
	return t.text[start:t.end[f]]
}

// span returns fields from through to (inclusive) as one string, their
// separators included.
func (t *eventText) span(from, to int) string {
	start := int32(0)
	if from > 0 {
		start = t.end[from-1] + 1
	}
	return t.text[start:t.end[to]]
}

// all returns everything a plain word searches.
func (t *eventText) all() string { return t.span(stextID, stextSources) }

// newEventText folds the searchable text of e.
func newEventText(e *Event) eventText {
	var f folder
	f.buf = make([]byte, 0, textSize(e))
	var t eventText
	t.end = f.event(e)
	t.text = string(f.buf)
	return t
}

// buildEventTexts folds the searchable text of evs into out, all in one
// string.
func buildEventTexts(evs []*Event, out []eventText) {
	size := 0
	for _, e := range evs {
		size += textSize(e)
	}
	var f folder
	f.buf = make([]byte, 0, size)
	starts := make([]int, len(evs)+1)
	for i, e := range evs {
		starts[i] = len(f.buf)
		out[i].end = f.event(e)
	}
	starts[len(evs)] = len(f.buf)
	// f.buf is never written again: the string shares its memory.
	arena := unsafe.String(unsafe.SliceData(f.buf), len(f.buf))
	for i := range evs {
		out[i].text = arena[starts[i]:starts[i+1]]
	}
}

// textSize estimates the size of the folded text of e.
func textSize(e *Event) int {
	if e == nil {
		return numSearchTexts
	}
	n := len(e.ID) + len(e.Title) + len(e.Summary) + len(e.Body) + numSearchTexts
	for _, s := range e.Tags {
		n += len(s) + 1
	}
	for _, s := range e.People {
		n += len(s) + 1
	}
	for _, s := range e.Places {
		n += len(s) + 1
	}
	for _, c := range e.Claims {
		n += len(c.Text) + len(c.Note) + 2
	}
	for _, s := range e.Sources {
		n += len(s.Title) + len(s.Publisher) + len(s.Quote) + len(s.URL) + 4
	}
	return n
}

// event appends the folded fields of e to f.buf, each followed by
// searchSep, and returns where each ends relative to where e starts.
func (f *folder) event(e *Event) (end [numSearchTexts]int32) {
	if e == nil {
		e = &Event{}
	}
	start := len(f.buf)
	sep := func(field int) {
		end[field] = int32(len(f.buf) - start)
		f.buf = append(f.buf, searchSep)
	}
	list := func(items []string) {
		for i, s := range items {
			if i > 0 {
				f.buf = append(f.buf, searchSep)
			}
			f.add(s, true)
		}
	}
	f.add(e.ID, true)
	sep(stextID)
	f.add(e.Title, true)
	sep(stextTitle)
	f.add(e.Summary, true)
	sep(stextSummary)
	f.add(e.Body, true)
	sep(stextBody)
	list(e.Tags)
	sep(stextTags)
	list(e.People)
	sep(stextPeople)
	list(e.Places)
	sep(stextPlaces)
	for i, c := range e.Claims {
		if i > 0 {
			f.buf = append(f.buf, searchSep)
		}
		f.add(c.Text, true)
		f.buf = append(f.buf, searchSep)
		f.add(c.Note, true)
	}
	sep(stextClaims)
	for i, s := range e.Sources {
		if i > 0 {
			f.buf = append(f.buf, searchSep)
		}
		f.add(s.Title, true)
		f.buf = append(f.buf, searchSep)
		f.add(s.Publisher, true)
		f.buf = append(f.buf, searchSep)
		f.add(s.Quote, true)
	}
	sep(stextSources)
	for i, s := range e.Sources {
		if i > 0 {
			f.buf = append(f.buf, searchSep)
		}
		f.add(s.URL, true)
	}
	sep(stextURLs)
	return end
}

// PrepareSearch builds the search index now rather than on the first
// query, so that a program that will filter (the viewer) pays for it while
// it loads, not on a keystroke. Commands that run one query need not call it.
func (c *Chronology) PrepareSearch() { c.searchTexts() }

// searchTexts returns the folded text of every event, by Event.Index,
// building it on first use.
func (c *Chronology) searchTexts() []eventText {
	c.search.once.Do(func() {
		fields := make([]eventText, len(c.Events))
		const chunk = 2048
		if len(c.Events) <= chunk {
			buildEventTexts(c.Events, fields)
		} else {
			var wg sync.WaitGroup
			work := make(chan int)
			for range runtime.GOMAXPROCS(0) {
				wg.Go(func() {
					for lo := range work {
						hi := min(lo+chunk, len(c.Events))
						buildEventTexts(c.Events[lo:hi], fields[lo:hi])
					}
				})
			}
			for lo := 0; lo < len(c.Events); lo += chunk {
				work <- lo
			}
			close(work)
			wg.Wait()
		}
		c.search.fields = fields
		c.search.index = buildWordIndex(c.Events, fields)
	})
	return c.search.fields
}

// searchTextOf returns the folded text of e: from the chronology's cache
// when e is one of its events, folded on the spot otherwise.
func (c *Chronology) searchTextOf(e *Event) *eventText {
	if c != nil {
		if texts := c.searchTexts(); e.Index >= 0 && e.Index < len(texts) && e.Index < len(c.Events) && c.Events[e.Index] == e {
			return &texts[e.Index]
		}
	}
	t := newEventText(e)
	return &t
}
