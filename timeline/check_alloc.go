package timeline

import "unsafe"

// The check stage (see check.go): where the checked events and their text
// are kept, in a few large blocks of memory.

// allocator hands out a file's events and their small slices from larger
// blocks: a few allocations per thousand events instead of several each.
type allocator struct {
	events []Event
	strs   []string
	lnks   []Link
	srcs   []Source
	clms   []Claim
}

// allocBlock is how many items a block holds when more are needed than
// size foresaw.
const allocBlock = 1024

// size makes the blocks as big as the events' tables need: nothing
// allocated is left unused.
func (a *allocator) size(events []map[string]any) {
	var strs, links, sources, claims int
	n := func(v any) int {
		switch x := v.(type) {
		case []any:
			return len(x)
		case []map[string]any:
			return len(x)
		}
		return 0
	}
	for _, m := range events {
		strs += n(m["tags"]) + n(m["people"]) + n(m["places"])
		links += n(m["links"])
		sources += n(m["source"])
		claims += n(m["claim"])
	}
	a.events = make([]Event, len(events))
	a.strs = make([]string, strs)
	a.lnks = make([]Link, links)
	a.srcs = make([]Source, sources)
	a.clms = make([]Claim, claims)
}

func (a *allocator) event() *Event {
	if len(a.events) == 0 {
		a.events = make([]Event, allocBlock)
	}
	e := &a.events[0]
	a.events = a.events[1:]
	return e
}

// take returns an empty slice with room for n items from the block, which
// it renews when too small.
func take[T any](block *[]T, n int) []T {
	if n == 0 {
		return make([]T, 0)
	}
	if n > len(*block) {
		*block = make([]T, max(n, allocBlock))
	}
	s := (*block)[:0:n]
	*block = (*block)[n:]
	return s
}

func (a *allocator) strings(n int) []string { return take(&a.strs, n) }
func (a *allocator) links(n int) []Link     { return take(&a.lnks, n) }
func (a *allocator) sources(n int) []Source { return take(&a.srcs, n) }
func (a *allocator) claims(n int) []Claim   { return take(&a.clms, n) }

// copyText copies the text of the checked events into one block of
// memory. Their strings were parts of the file's text, or copies the
// decoder made; after this the file's text is garbage once the load ends,
// and the chronology costs what its text weighs.
func (f *fileCheck) copyText() {
	size := 0
	f.eachString(func(s *string) { size += len(*s) })
	buf := make([]byte, 0, size)
	f.eachString(func(s *string) {
		if *s == "" {
			return
		}
		start := len(buf)
		buf = append(buf, *s...) // never grows: it was sized to fit
		*s = unsafe.String(&buf[start], len(*s))
	})
}

// eachString calls fn with every string of the checked events.
func (f *fileCheck) eachString(fn func(*string)) {
	each := func(list []string) {
		for i := range list {
			fn(&list[i])
		}
	}
	for _, ce := range f.events {
		e := ce.e
		fn(&e.ID)
		fn(&e.DisplayDate)
		fn(&e.Title)
		fn(&e.Summary)
		each(e.Tags)
		each(e.People)
		each(e.Places)
		for i := range e.Links {
			fn(&e.Links[i].To)
			fn(&e.Links[i].Note)
		}
		fn(&e.Body)
		for i := range e.Sources {
			s := &e.Sources[i]
			fn(&s.Title)
			fn(&s.Publisher)
			fn(&s.URL)
			fn(&s.Quote)
			fn(&s.Archived)
		}
		for i := range e.Claims {
			c := &e.Claims[i]
			fn(&c.Text) // (the status is one of the constants, or an error)
			fn(&c.Note)
		}
		if m := e.Media; m != nil {
			fn(&m.URL)
			fn(&m.Caption)
			fn(&m.Credit)
			fn(&m.Thumbnail)
			fn(&m.Alt)
		}
	}
}
