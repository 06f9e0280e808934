package timeline

import (
	"runtime"
	"sync"
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
	text := q.readsText()
	keep := make([]bool, len(c.Events))
	chunk := scanChunk
	// each goroutine folds one event at a time into the same buffer: no
	// text is kept, and none is left for the collector
	scanFrom := func(f *folder, lo int) {
		for i := lo; i < min(lo+chunk, len(c.Events)); i++ {
			e := c.Events[i]
			if e == nil {
				continue
			}
			var t *eventText
			if text {
				f.buf = f.buf[:0]
				et := eventText{end: f.event(e)}
				et.text = unsafe.String(unsafe.SliceData(f.buf), len(f.buf))
				t = &et
			}
			keep[i] = q.matchAll(e, t)
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
