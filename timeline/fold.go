package timeline

import (
	"runtime"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns s in the form searches compare: lower-case, with accents and
// other combining marks removed, so "México" and "MEXICO" both fold to
// "mexico". Text is decomposed (Unicode NFD) and its nonspacing marks
// (category Mn) dropped; a few letters that carry no separable accent are
// spelled out as well: ß→ss, ø→o, æ→ae, œ→oe, ł→l, đ and ð→d, þ→th,
// dotless ı→i and final ς→σ. Whitespace and other characters are kept.
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
	if !foldIsASCII(s) {
		s = norm.NFD.String(s)
	}
	space := false
	for i := 0; i < len(s); {
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
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			space = false
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		if collapse && (unicode.IsSpace(r) || unicode.IsControl(r)) {
			if !space {
				dst = append(dst, ' ')
				space = true
			}
			continue
		}
		space = false
		r = unicode.ToLower(r)
		switch r {
		case 'ß':
			dst = append(dst, "ss"...)
		case 'ø':
			dst = append(dst, 'o')
		case 'æ':
			dst = append(dst, "ae"...)
		case 'œ':
			dst = append(dst, "oe"...)
		case 'ł':
			dst = append(dst, 'l')
		case 'đ', 'ð':
			dst = append(dst, 'd')
		case 'þ':
			dst = append(dst, "th"...)
		case 'ı':
			dst = append(dst, 'i')
		case 'ς':
			dst = utf8.AppendRune(dst, 'σ')
		default:
			dst = utf8.AppendRune(dst, r)
		}
	}
	return dst
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
	end  [numSearchTexts]int // end of each field in text, before its separator
}

// searchCache holds the folded text of every event of a chronology, built
// the first time a query runs and shared by every query after it (also
// from several goroutines at once). A chronology must not change after it
// has been queried.
type searchCache struct {
	once   sync.Once
	fields []eventText
}

// field returns field f (stextID...stextURLs).
func (t *eventText) field(f int) string {
	start := 0
	if f > 0 {
		start = t.end[f-1] + 1
	}
	return t.text[start:t.end[f]]
}

// span returns fields from through to (inclusive) as one string, their
// separators included.
func (t *eventText) span(from, to int) string {
	start := 0
	if from > 0 {
		start = t.end[from-1] + 1
	}
	return t.text[start:t.end[to]]
}

// all returns everything a plain word searches.
func (t *eventText) all() string { return t.span(stextID, stextSources) }

// newEventText folds the searchable text of e.
func newEventText(e *Event) eventText {
	var t eventText
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
	b := make([]byte, 0, n+n/8)
	end := func(f int) {
		t.end[f] = len(b)
		b = append(b, searchSep)
	}
	list := func(items []string) {
		for i, s := range items {
			if i > 0 {
				b = append(b, searchSep)
			}
			b = appendFold(b, s, true)
		}
	}
	b = appendFold(b, e.ID, true)
	end(stextID)
	b = appendFold(b, e.Title, true)
	end(stextTitle)
	b = appendFold(b, e.Summary, true)
	end(stextSummary)
	b = appendFold(b, e.Body, true)
	end(stextBody)
	list(e.Tags)
	end(stextTags)
	list(e.People)
	end(stextPeople)
	list(e.Places)
	end(stextPlaces)
	for i, c := range e.Claims {
		if i > 0 {
			b = append(b, searchSep)
		}
		b = appendFold(b, c.Text, true)
		b = append(b, searchSep)
		b = appendFold(b, c.Note, true)
	}
	end(stextClaims)
	for i, s := range e.Sources {
		if i > 0 {
			b = append(b, searchSep)
		}
		b = appendFold(b, s.Title, true)
		b = append(b, searchSep)
		b = appendFold(b, s.Publisher, true)
		b = append(b, searchSep)
		b = appendFold(b, s.Quote, true)
	}
	end(stextSources)
	for i, s := range e.Sources {
		if i > 0 {
			b = append(b, searchSep)
		}
		b = appendFold(b, s.URL, true)
	}
	end(stextURLs)
	t.text = string(b)
	return t
}

// searchTexts returns the folded text of every event, by Event.Index,
// building it on first use.
func (c *Chronology) searchTexts() []eventText {
	c.search.once.Do(func() {
		fields := make([]eventText, len(c.Events))
		const chunk = 2048
		if len(c.Events) <= chunk {
			for i, e := range c.Events {
				fields[i] = newEventText(e)
			}
		} else {
			var wg sync.WaitGroup
			work := make(chan int)
			for range runtime.GOMAXPROCS(0) {
				wg.Go(func() {
					for lo := range work {
						hi := min(lo+chunk, len(c.Events))
						for i := lo; i < hi; i++ {
							fields[i] = newEventText(c.Events[i])
						}
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
