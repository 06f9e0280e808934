package timeline

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// Match reports whether e matches the query. c is the chronology e belongs
// to; its folded text is built on first use and reused by later queries. c
// may be nil, at the cost of folding e's text on each call.
func (q Query) Match(c *Chronology, e *Event) bool {
	if q.root == nil {
		return true
	}
	if e == nil {
		return false
	}
	m := eventMatcher{c: c, e: e}
	return m.node(q.root)
}

// eventMatcher reads one event's folded text only when a term needs it.
type eventMatcher struct {
	c    *Chronology
	e    *Event
	text *eventText
	// with a folder (Scan's), the text is folded into it, and a word is
	// looked for without folding what is ASCII (see wordIn)
	f *folder
}

func (m *eventMatcher) node(n *queryNode) bool {
	switch n.op {
	case opTerm:
		t := &n.term
		if t.kind == qtermText && m.text == nil {
			if m.f != nil && t.field == qfieldAll && isASCIIWord(t.folded) {
				return m.f.wordIn(m.e, t.folded) != t.neg
			}
			m.text = m.textOf()
		}
		return t.match(m.e, m.text) != t.neg
	case opAnd:
		for _, k := range n.kids {
			if !m.node(k) {
				return n.neg
			}
		}
		return !n.neg
	default:
		for _, k := range n.kids {
			if m.node(k) {
				return !n.neg
			}
		}
		return n.neg
	}
}

// textOf returns the folded text of the event: folded into the
// matcher's folder when it has one, from the chronology otherwise.
func (m *eventMatcher) textOf() *eventText {
	if m.f == nil {
		return m.c.searchTextOf(m.e)
	}
	m.f.buf = m.f.buf[:0]
	t := eventText{end: m.f.event(m.e)}
	t.text = unsafe.String(unsafe.SliceData(m.f.buf), len(m.f.buf))
	return &t
}

// matchAll reports whether e, whose folded text is text (nil when no
// term reads it), matches the query.
func (q Query) matchAll(e *Event, text *eventText) bool {
	if q.root == nil {
		return true
	}
	m := eventMatcher{e: e, text: text}
	return m.node(q.root)
}

// readsText reports whether a term of the query reads the events' text.
func (q Query) readsText() bool {
	for _, t := range q.terms {
		if t.kind == qtermText {
			return true
		}
	}
	return false
}

// Filter returns the events of c that match the query, in chronological
// order (the order of c.Events): all of them when the query is empty. The
// slice is new; the events are c's.
//
// Filter answers from the chronology's index (see wordIndex), built on
// first use: the same events as Match on each one, found without reading
// every event. Each group is worked out within the events still in
// question: an AND narrows them term by term, cheapest first; an OR asks
// each alternative only about the events the ones before it did not keep.
func (q Query) Filter(c *Chronology) []*Event {
	if c == nil {
		return nil
	}
	if q.root == nil {
		return append([]*Event(nil), c.Events...)
	}
	texts := c.searchTexts()
	ix := c.search.index
	if ix == nil || len(texts) != len(c.Events) {
		return q.scan(c) // events added after indexing
	}
	f := indexFilter{c: c, ix: ix, texts: texts}
	set := f.node(q.root, allEvents(len(c.Events)))
	out := make([]*Event, 0, set.count())
	set.each(func(i int) {
		if e := c.Events[i]; e != nil {
			out = append(out, e)
		}
	})
	if len(out) == 0 {
		return nil
	}
	return out
}

// indexFilter answers a query from a chronology's index.
type indexFilter struct {
	c     *Chronology
	ix    *wordIndex
	texts []eventText
}

// node returns the events of within that n keeps; within is not changed.
func (f *indexFilter) node(n *queryNode, within eventBits) eventBits {
	var keep eventBits
	switch n.op {
	case opTerm:
		keep = f.term(&n.term, within)
		if !n.term.neg {
			return keep
		}
	case opAnd:
		keep = slices.Clone(within)
		for _, k := range byCost(n.kids) {
			keep = f.node(k, keep)
			if keep.empty() {
				break
			}
		}
	default:
		keep = newEventBits(len(f.c.Events))
		left := slices.Clone(within)
		for _, k := range n.kids {
			got := f.node(k, left)
			keep.or(got)
			left.andNot(got)
			if left.empty() {
				break
			}
		}
	}
	if n.neg || (n.op == opTerm && n.term.neg) {
		out := slices.Clone(within)
		out.andNot(keep)
		return out
	}
	return keep
}

// term returns the events of within that hold t, its neg aside.
func (f *indexFilter) term(t *queryTerm, within eventBits) eventBits {
	c, ix, texts := f.c, f.ix, f.texts
	match := newEventBits(len(c.Events))
	switch {
	case t.kind == qtermIs:
		flag := queryPredFlags[t.pred]
		within.each(func(i int) {
			if ix.flags[i]&flag != 0 {
				match.set(i)
			}
		})
	case t.kind == qtermDate:
		within.each(func(i int) {
			if ix.first[i] <= t.hi && ix.last[i] >= t.lo {
				match.set(i)
			}
		})
	case t.kind == qtermLinks && c.search.linked:
		match = linkedTo(c, t.value)
		match.and(within)
	case t.kind == qtermText && t.field == qfieldAll:
		match = ix.textSet(t.folded, within, texts)
	case t.kind == qtermText && t.field != qfieldSource:
		// a tag, person or place is part of the text a word searches
		// (source URLs are not): the events that hold the term
		// anywhere, then those that hold it in the field
		match = ix.textSet(t.folded, within, texts)
		match.each(func(i int) {
			if !t.match(c.Events[i], &texts[i]) {
				match[i>>6] &^= 1 << (i & 63)
			}
		})
	default: // source: and links: without backlinks, read from each event
		within.each(func(i int) {
			if e := c.Events[i]; e != nil && t.match(e, &texts[i]) {
				match.set(i)
			}
		})
	}
	return match
}

// byCost returns the nodes of an AND in the order they are cheapest to
// answer: flags, dates and links, then words, then what is read from
// each event (source:), then groups.
func byCost(kids []*queryNode) []*queryNode {
	cost := func(n *queryNode) int {
		if n.op != opTerm {
			return 5
		}
		switch t := n.term; {
		case t.kind == qtermIs:
			return 0
		case t.kind == qtermDate:
			return 1
		case t.kind == qtermLinks:
			return 2
		case t.kind == qtermText && t.field != qfieldSource:
			return 3
		}
		return 4
	}
	sorted := slices.Clone(kids)
	slices.SortStableFunc(sorted, func(a, b *queryNode) int { return cost(a) - cost(b) })
	return sorted
}

// scan is Filter the plain way: every term of every event.
func (q Query) scan(c *Chronology) []*Event {
	var texts []eventText
	if q.readsText() {
		texts = c.searchTexts()
	}
	var out []*Event
	for i, e := range c.Events {
		if e == nil {
			continue
		}
		var text *eventText
		if texts != nil {
			if i < len(texts) {
				text = &texts[i]
			} else {
				text = c.searchTextOf(e) // events added after indexing
			}
		}
		if q.matchAll(e, text) {
			out = append(out, e)
		}
	}
	return out
}

// queryPredFlags are the index's flags for is: and has: predicates.
var queryPredFlags = [...]uint16{
	qpredUnsourced:    flagUnsourced,
	qpredDisputed:     flagDisputed,
	qpredUnverified:   flagUnverified,
	qpredApproximate:  flagApproximate,
	qpredClaim:        flagClaim,
	qpredSource:       flagSource,
	qpredLink:         flagLink,
	qpredVerified:     flagVerified,
	qpredDisputedOnly: flagDisputedOnly,
	qpredFalse:        flagFalse,
}

// linkedTo returns the events links:id keeps in a chronology whose links
// and backlinks agree (as loaded): the event whose id is id, ignoring
// case, and those it links to and that link to it. Ids are lower-case
// ASCII, so at most one matches.
func linkedTo(c *Chronology, id string) eventBits {
	b := newEventBits(len(c.Events))
	var lower strings.Builder
	for _, r := range id {
		// the ASCII letter or digit r folds to, if any (K, the Kelvin
		// sign, is k)
		a := rune(-1)
		for f := r; ; {
			if f < utf8.RuneSelf {
				a = unicode.ToLower(f)
			}
			if f = unicode.SimpleFold(f); f == r {
				break
			}
		}
		if a < 0 {
			return b
		}
		lower.WriteRune(a)
	}
	t := c.byID[lower.String()]
	if t == nil || !sameQueryID(t.ID, id) || t.Index < 0 || t.Index >= len(c.Events) || c.Events[t.Index] != t {
		return b
	}
	b.set(t.Index)
	for _, l := range t.Links {
		if e := c.byID[l.To]; e != nil {
			b.set(e.Index)
		}
	}
	for _, bl := range t.Backlinks {
		if e := c.byID[bl.From]; e != nil {
			b.set(e.Index)
		}
	}
	return b
}

// match reports whether e matches t, ignoring t.neg. text is e's folded
// text; it is used only by text terms.
func (t *queryTerm) match(e *Event, text *eventText) bool {
	switch t.kind {
	case qtermText:
		var s string
		switch t.field {
		case qfieldAll:
			s = text.all()
		case qfieldTag:
			s = text.field(stextTags)
		case qfieldPerson:
			s = text.field(stextPeople)
		case qfieldPlace:
			s = text.field(stextPlaces)
		case qfieldSource:
			s = text.span(stextSources, stextURLs)
		}
		return strings.Contains(s, t.folded)
	case qtermDate:
		first, last := e.Span()
		return first <= t.hi && last >= t.lo
	case qtermIs:
		switch t.pred {
		case qpredUnsourced:
			return e.Unsourced()
		case qpredDisputed:
			return e.Disputed()
		case qpredUnverified:
			return e.HasUnverified()
		case qpredApproximate:
			return e.Approximate
		case qpredClaim:
			return len(e.Claims) > 0
		case qpredSource:
			return len(e.Sources) > 0
		case qpredLink:
			return len(e.Links) > 0 || len(e.Backlinks) > 0
		case qpredVerified:
			return e.hasClaim(Verified)
		case qpredDisputedOnly:
			return e.hasClaim(Disputed)
		case qpredFalse:
			return e.hasClaim(False)
		}
	case qtermLinks:
		if sameQueryID(e.ID, t.value) {
			return true
		}
		for _, l := range e.Links {
			if sameQueryID(l.To, t.value) {
				return true
			}
		}
		for _, b := range e.Backlinks {
			if sameQueryID(b.From, t.value) {
				return true
			}
		}
	}
	return false
}

// sameQueryID compares ids as links: does, falling back to ignoring case.
func sameQueryID(a, b string) bool { return a == b || strings.EqualFold(a, b) }
