package timeline

import (
	"iter"
	"runtime"
	"sync"
	"unsafe"
)

// The searchable text of events: their fields folded (see Fold) once, one
// after another in one string, and kept for every query after the first.

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

// searchFields yields the text of e that is searched, item by item, with
// the field each item is in, in the order the fields are stored: an
// event's title is one item, each tag one, a claim two (its text and its
// note), a source four (title, publisher, quote, and its URL in
// stextURLs). Empty items are yielded too: they keep their place.
func searchFields(e *Event) iter.Seq2[int, string] {
	return func(yield func(int, string) bool) {
		if e == nil {
			return
		}
		one := func(field int, items ...string) bool {
			for _, s := range items {
				if !yield(field, s) {
					return false
				}
			}
			return true
		}
		if !one(stextID, e.ID) || !one(stextTitle, e.Title) || !one(stextSummary, e.Summary) || !one(stextBody, e.Body) ||
			!one(stextTags, e.Tags...) || !one(stextPeople, e.People...) || !one(stextPlaces, e.Places...) {
			return
		}
		for _, c := range e.Claims {
			if !one(stextClaims, c.Text, c.Note) {
				return
			}
		}
		for _, src := range e.Sources {
			if !one(stextSources, src.Title, src.Publisher, src.Quote) {
				return
			}
		}
		for _, src := range e.Sources {
			if !one(stextURLs, src.URL) {
				return
			}
		}
	}
}

// textSize estimates the size of the folded text of e.
func textSize(e *Event) int {
	n := numSearchTexts
	for _, s := range searchFields(e) {
		n += len(s) + 1
	}
	return n
}

// event appends the folded fields of e to f.buf, each followed by
// searchSep, and returns where each ends relative to where e starts. The
// items of a field are separated by searchSep too.
func (f *folder) event(e *Event) (end [numSearchTexts]int32) {
	start := len(f.buf)
	field, items := 0, 0 // the field being written, and its items so far
	for in, s := range searchFields(e) {
		for ; field < in; field, items = field+1, 0 {
			end[field] = int32(len(f.buf) - start)
			f.buf = append(f.buf, searchSep)
		}
		if items > 0 {
			f.buf = append(f.buf, searchSep)
		}
		items++
		f.add(s, true)
	}
	for ; field < numSearchTexts; field++ {
		end[field] = int32(len(f.buf) - start)
		f.buf = append(f.buf, searchSep)
	}
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
