package timeline

import (
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
