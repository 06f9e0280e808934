package timeline

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Query is a parsed filter: the search language of the filter bar and -q.
//
// A query is a list of terms separated by spaces; an event matches when it
// matches every term. Text is compared folded (see Fold): case and accents
// do not matter, and runs of whitespace count as one space.
//
//	word            the word appears in the id, title, summary, body, a tag,
//	                a person, a place, a source's title, publisher or quote,
//	                or a claim's text or note (not in source URLs)
//	"a phrase"      the phrase appears, as written, within one of those fields
//	tag:X           X appears in one of the tags (person:, place: likewise)
//	source:X        X appears in a source's title, publisher, quote or URL
//	from:DATE       the event's span ends on or after the first day of DATE
//	to:DATE         the event's span starts on or before the last day of DATE
//	year:YYYY       the event's span overlaps the year
//	is:unsourced    the event has no source
//	is:disputed     a claim is disputed or false
//	is:unverified   a claim is unverified
//	is:approximate  the event's date is marked approximate
//	has:claim       the event has a claim
//	has:source      the event has a source
//	has:link        the event links to another or another links to it
//	links:ID        the event is ID, links to ID or is linked from ID
//	-term           the event does not match term (-word, -"a phrase",
//	                -tag:x, -is:disputed ...)
//
// DATE is YYYY, YYYY-MM or YYYY-MM-DD (-0044 for 44 BCE); from:2018-02 means
// from 1 Feb 2018 and to:2018-02 up to 28 Feb 2018 inclusive. Field names
// are case-insensitive and a value may be quoted: person:"Libby Schaaf".
// Double quotes only group: they cannot be searched for. Quoting also
// makes a colon or a leading '-' plain text: "10:30", "-5". A word with a
// colon whose prefix is not a field name is an unknown field (an error)
// when the prefix is all letters and the word has no '/' ("tg:x",
// "mexico:"), and plain text otherwise ("10:30", "https://example.com").
// The zero Query matches every event.
type Query struct {
	terms []queryTerm // as typed
	eval  []queryTerm // the same, cheapest first
}

type queryTermKind uint8

const (
	qtermText  queryTermKind = iota // a word or phrase, in field
	qtermDate                       // from:, to:, year:
	qtermIs                         // is:, has:
	qtermLinks                      // links:
)

// The text fields a term may be restricted to.
const (
	qfieldAll = iota
	qfieldTag
	qfieldPerson
	qfieldPlace
	qfieldSource
)

// The predicates of is: and has:.
const (
	qpredUnsourced = iota
	qpredDisputed
	qpredUnverified
	qpredApproximate
	qpredClaim
	qpredSource
	qpredLink
)

type queryTerm struct {
	neg    bool
	kind   queryTermKind
	name   string // field name as canonically written ("" for a plain word)
	value  string // as typed, whitespace collapsed; lower-case for is:/has:
	folded string // qtermText: the value folded
	field  int    // qtermText: qfieldAll...
	lo, hi Day    // qtermDate: the range
	pred   int    // qtermIs
}

// queryFields are the field names, in the order errors list them.
var queryFields = []string{"tag", "person", "place", "source", "from", "to", "year", "is", "has", "links"}

// queryFieldAliases suggest a field for names people may reach for.
var queryFieldAliases = map[string]string{
	"people":      "person",
	"who":         "person",
	"where":       "place",
	"url":         "source",
	"publisher":   "source",
	"publication": "source",
	"since":       "from",
	"after":       "from",
	"until":       "to",
	"before":      "to",
	"date":        "year",
	"link":        "links",
	"id":          "links",
}

var queryIsPreds = []struct {
	name string
	pred int
}{
	{"unsourced", qpredUnsourced},
	{"disputed", qpredDisputed},
	{"unverified", qpredUnverified},
	{"approximate", qpredApproximate},
}

var queryHasPreds = []struct {
	name string
	pred int
}{
	{"claim", qpredClaim},
	{"source", qpredSource},
	{"link", qpredLink},
}

// ParseQuery reads a query (see Query). An empty query, or one of only
// spaces, a lone '-' or "", matches every event. On a malformed query
// ParseQuery returns the zero Query, which filters nothing, and an error
// that says what to fix.
func ParseQuery(s string) (Query, error) {
	var q Query
	for i := 0; ; {
		for i < len(s) {
			r, size := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsSpace(r) {
				break
			}
			i += size
		}
		if i >= len(s) {
			break
		}
		tok, next, err := lexQueryToken(s, i)
		if err != nil {
			return Query{}, err
		}
		i = next
		t, ok, err := tok.term()
		if err != nil {
			// Messages quote what was typed: keep them to one
			// harmless line.
			return Query{}, errors.New(HarmlessLine(err.Error()))
		}
		if ok {
			q.terms = append(q.terms, t)
		}
	}
	if len(q.terms) > 0 {
		q.eval = make([]queryTerm, 0, len(q.terms))
		for _, k := range []queryTermKind{qtermIs, qtermDate, qtermLinks, qtermText} {
			for _, t := range q.terms {
				if t.kind == k {
					q.eval = append(q.eval, t)
				}
			}
		}
	}
	return q, nil
}

// queryToken is one space-separated item of a query, its quotes removed.
type queryToken struct {
	neg    bool
	text   string // all of it, after a leading '-'
	lead   string // the part before the first quote
	quoted bool   // whether any part was quoted
}

var errQueryUnterminatedQuote = errors.New(`unterminated quote (add the closing ")`)

// lexQueryToken reads the token starting at s[i], which is not a space.
func lexQueryToken(s string, i int) (queryToken, int, error) {
	var tok queryToken
	if s[i] == '-' {
		tok.neg = true
		i++
	}
	var b strings.Builder
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			break
		}
		if r == '"' {
			if !tok.quoted {
				tok.lead = b.String()
				tok.quoted = true
			}
			end := strings.IndexByte(s[i+1:], '"')
			if end < 0 {
				return queryToken{}, 0, errQueryUnterminatedQuote
			}
			b.WriteString(s[i+1 : i+1+end])
			i += end + 2
			continue
		}
		b.WriteString(s[i : i+size])
		i += size
	}
	tok.text = b.String()
	if !tok.quoted {
		tok.lead = tok.text
	}
	return tok, i, nil
}

// term interprets a token; ok is false for one that says nothing (a lone
// '-' or "").
func (tok queryToken) term() (t queryTerm, ok bool, err error) {
	t.neg = tok.neg
	colon := strings.IndexByte(tok.lead, ':')
	if colon <= 0 {
		return tok.plain()
	}
	name := tok.lead[:colon]
	value := collapseQuerySpace(tok.text[colon+1:])
	folded := Fold(name)
	known := false
	for _, f := range queryFields {
		if f == folded {
			known = true
		}
	}
	if !known {
		if !queryAllLetters(name) || strings.Contains(tok.text, "/") {
			return tok.plain()
		}
		return t, false, unknownQueryFieldError(tok, name, folded)
	}
	t.name = folded
	if value == "" {
		//lint:ignore ST1005 the colon is the one typed ("tag:")
		return t, false, fmt.Errorf("empty value after %s:", t.name)
	}
	t.value = value
	shown := t.name + ":" + quoteQueryValue(value, false)
	switch t.name {
	case "tag", "person", "place", "source":
		t.kind = qtermText
		switch t.name {
		case "tag":
			t.field = qfieldTag
		case "person":
			t.field = qfieldPerson
		case "place":
			t.field = qfieldPlace
		case "source":
			t.field = qfieldSource
		}
		t.folded = foldCollapse(value)
	case "from", "to":
		d, err := parseQueryDate(shown, value)
		if err != nil {
			return t, false, err
		}
		t.kind = qtermDate
		t.lo, t.hi = math.MinInt, math.MaxInt
		if t.name == "from" {
			t.lo = d.First()
		} else {
			t.hi = d.Last()
		}
	case "year":
		d, err := ParseDate(value)
		if err != nil || d.Precision != PrecisionYear {
			return t, false, fmt.Errorf("bad year in %s: want year:YYYY (e.g. year:2018)", shown)
		}
		t.kind = qtermDate
		t.lo, t.hi = d.First(), d.Last()
	case "is", "has":
		preds := queryIsPreds
		if t.name == "has" {
			preds = queryHasPreds
		}
		t.kind = qtermIs
		t.value = Fold(value)
		for _, p := range preds {
			if p.name == t.value {
				t.pred = p.pred
				return t, true, nil
			}
		}
		want := make([]string, len(preds))
		for i, p := range preds {
			want[i] = t.name + ":" + p.name
		}
		return t, false, fmt.Errorf("%s: want %s or %s", shown, strings.Join(want[:len(want)-1], ", "), want[len(want)-1])
	case "links":
		t.kind = qtermLinks
	}
	return t, true, nil
}

// plain makes a token a word or phrase searched in every field.
func (tok queryToken) plain() (queryTerm, bool, error) {
	t := queryTerm{neg: tok.neg, kind: qtermText, field: qfieldAll, value: collapseQuerySpace(tok.text)}
	if t.value == "" {
		return t, false, nil
	}
	t.folded = foldCollapse(t.value)
	return t, true, nil
}

func unknownQueryFieldError(tok queryToken, name, folded string) error {
	known := make([]string, len(queryFields))
	for i, f := range queryFields {
		known[i] = f + ":"
	}
	list := strings.Join(known, ", ")
	if s := suggestQueryField(folded); s != "" {
		return fmt.Errorf("unknown field %q: did you mean %s:? (known: %s)", name+":", s, list)
	}
	text := `"` + collapseQuerySpace(tok.text) + `"`
	if tok.neg {
		text = "-" + text
	}
	return fmt.Errorf("unknown field %q (known: %s); to search for the text, quote it: %s", name+":", list, text)
}

// suggestQueryField returns the known field closest to name, or "".
func suggestQueryField(name string) string {
	if s, ok := queryFieldAliases[name]; ok {
		return s
	}
	return closest(name, slices.Values(queryFields), "")
}

// parseQueryDate reads the DATE of from: or to:; shown is the term as the
// user wrote it, for errors.
func parseQueryDate(shown, value string) (Date, error) {
	if !queryDateShaped(value) {
		name, _, _ := strings.Cut(shown, ":")
		return Date{}, fmt.Errorf("bad date in %s: want %s:YYYY, %s:YYYY-MM or %s:YYYY-MM-DD (e.g. %s:2018-02)", shown, name, name, name, name)
	}
	d, err := ParseDate(value)
	if err != nil {
		msg := strings.TrimPrefix(err.Error(), fmt.Sprintf("bad date %q: ", value))
		return Date{}, fmt.Errorf("bad date in %s: %s", shown, msg)
	}
	return d, nil
}

// queryDateShaped reports whether s looks like [-]YYYY, [-]YYYY-MM or
// [-]YYYY-MM-DD, whatever the numbers.
func queryDateShaped(s string) bool {
	s = strings.TrimPrefix(s, "-")
	parts := strings.Split(s, "-")
	if len(parts) > 3 || len(parts[0]) != 4 || !allDigits(parts[0]) {
		return false
	}
	for _, p := range parts[1:] {
		if len(p) != 2 || !allDigits(p) {
			return false
		}
	}
	return true
}

func queryAllLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return s != ""
}

// collapseQuerySpace turns runs of whitespace into single spaces and trims the
// ends.
func collapseQuerySpace(s string) string {
	if !strings.ContainsFunc(s, unicode.IsSpace) && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// quoteQueryValue quotes v if it would not read back as the same value: when it
// has a space, or, for a plain word, a colon or a leading '-'.
func quoteQueryValue(v string, plain bool) string {
	if strings.Contains(v, " ") || (plain && (strings.Contains(v, ":") || strings.HasPrefix(v, "-"))) {
		return `"` + v + `"`
	}
	return v
}

// IsEmpty reports whether the query has no terms, so matches every event.
func (q Query) IsEmpty() bool { return len(q.terms) == 0 }

// Match reports whether e matches the query. c is the chronology e belongs
// to; its folded text is built on first use and reused by later queries. c
// may be nil, at the cost of folding e's text on each call.
func (q Query) Match(c *Chronology, e *Event) bool {
	if len(q.eval) == 0 {
		return true
	}
	if e == nil {
		return false
	}
	var text *eventText
	for _, t := range q.eval {
		if t.kind == qtermText && text == nil {
			text = c.searchTextOf(e)
		}
		if t.match(e, text) == t.neg {
			return false
		}
	}
	return true
}

// Filter returns the events of c that match the query, in chronological
// order (the order of c.Events): all of them when the query is empty. The
// slice is new; the events are c's.
//
// Filter answers from the chronology's index (see wordIndex), built on
// first use: the same events as Match on each one, found without reading
// every event.
func (q Query) Filter(c *Chronology) []*Event {
	if c == nil {
		return nil
	}
	if len(q.eval) == 0 {
		return append([]*Event(nil), c.Events...)
	}
	texts := c.searchTexts()
	ix := c.search.index
	if ix == nil || len(texts) != len(c.Events) {
		return q.scan(c) // events added after indexing
	}
	set := allEvents(len(c.Events))
	var rest []*queryTerm // terms read from each event that is left
	for k := range q.eval {
		t := &q.eval[k]
		var match eventBits
		switch {
		case t.kind == qtermIs:
			flag := queryPredFlags[t.pred]
			match = newEventBits(len(c.Events))
			set.each(func(i int) {
				if ix.flags[i]&flag != 0 {
					match.set(i)
				}
			})
		case t.kind == qtermDate:
			match = newEventBits(len(c.Events))
			set.each(func(i int) {
				if ix.first[i] <= t.hi && ix.last[i] >= t.lo {
					match.set(i)
				}
			})
		case t.kind == qtermLinks && c.search.linked:
			match = linkedTo(c, t.value)
		case t.kind == qtermText && t.field == qfieldAll:
			match = ix.textSet(t.folded, set, texts)
		case t.kind == qtermText && t.field != qfieldSource:
			// a tag, person or place is part of the text a word searches
			// (source URLs are not): the events that hold the term
			// anywhere, then those that hold it in the field
			match = ix.textSet(t.folded, set, texts)
			match.each(func(i int) {
				if !t.match(c.Events[i], &texts[i]) {
					match[i>>6] &^= 1 << (i & 63)
				}
			})
		default:
			rest = append(rest, t)
			continue
		}
		if t.neg {
			set.andNot(match)
		} else {
			set.and(match)
		}
	}
	out := make([]*Event, 0, set.count())
	set.each(func(i int) {
		e := c.Events[i]
		if e == nil {
			return
		}
		for _, t := range rest {
			if t.match(e, &texts[i]) == t.neg {
				return
			}
		}
		out = append(out, e)
	})
	if len(out) == 0 {
		return nil
	}
	return out
}

// queryPredFlags are the index's flags for is: and has: predicates.
var queryPredFlags = [...]uint8{
	qpredUnsourced:   flagUnsourced,
	qpredDisputed:    flagDisputed,
	qpredUnverified:  flagUnverified,
	qpredApproximate: flagApproximate,
	qpredClaim:       flagClaim,
	qpredSource:      flagSource,
	qpredLink:        flagLink,
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

// scan is Filter the plain way: every term of every event.
func (q Query) scan(c *Chronology) []*Event {
	var texts []eventText
	for _, t := range q.eval {
		if t.kind == qtermText {
			texts = c.searchTexts()
			break
		}
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

// Words returns the values of the query's positive text terms (plain words,
// phrases, and tag:, person:, place: and source: values) as typed, with
// runs of spaces made single, for highlighting what matched. Compare them
// folded (see Fold).
func (q Query) Words() []string {
	var words []string
	seen := map[string]bool{}
	for _, t := range q.terms {
		if t.kind == qtermText && !t.neg && !seen[t.value] {
			seen[t.value] = true
			words = append(words, t.value)
		}
	}
	return words
}

// String returns the query in canonical form: terms in the order typed,
// separated by single spaces, field names and is:/has: values lower-case,
// values quoted only where needed. ParseQuery reads it back to the same
// query.
func (q Query) String() string {
	var b strings.Builder
	for i, t := range q.terms {
		if i > 0 {
			b.WriteByte(' ')
		}
		if t.neg {
			b.WriteByte('-')
		}
		if t.name != "" {
			b.WriteString(t.name)
			b.WriteByte(':')
		}
		b.WriteString(quoteQueryValue(t.value, t.name == ""))
	}
	return b.String()
}
