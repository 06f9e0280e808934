package timeline

import (
	"runtime"
	"sync"
)

// scanChunk is how many events Scan folds at a time, in each goroutine.
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
	text := q.readsText()
	keep := make([]bool, len(c.Events))
	chunk := scanChunk
	scanChunk := func(lo int) {
		hi := min(lo+chunk, len(c.Events))
		var texts []eventText
		if text {
			texts = make([]eventText, hi-lo)
			buildEventTexts(c.Events[lo:hi], texts)
		}
		for i := lo; i < hi; i++ {
			if e := c.Events[i]; e != nil {
				var t *eventText
				if text {
					t = &texts[i-lo]
				}
				keep[i] = q.matchAll(e, t)
			}
		}
	}
	var wg sync.WaitGroup
	work := make(chan int)
	for range min(runtime.GOMAXPROCS(0), (len(c.Events)+chunk-1)/chunk) {
		wg.Go(func() {
			for lo := range work {
				scanChunk(lo)
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
