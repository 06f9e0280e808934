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
//	claim:STATUS    a claim has exactly that status (verified,
//	                unverified, disputed or false)
//	links:ID        the event is ID, links to ID or is linked from ID
//	-term           the event does not match term (-word, -"a phrase",
//	                -tag:x, -is:disputed ...)
//	A OR B          the event matches A or B; OR binds tighter than the
//	                spaces between terms (see query_parse.go)
//	( … ) -( … )    a group, and its negation
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
	root  *queryNode  // nil: every event matches
	terms []queryTerm // every term of root, in the order typed
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
	qpredVerified     // claim:verified
	qpredDisputedOnly // claim:disputed (is:disputed takes false ones too)
	qpredFalse        // claim:false
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
var queryFields = []string{"tag", "person", "place", "source", "from", "to", "year", "is", "has", "claim", "links"}

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

// queryClaimPreds are the values of claim:, a status each.
var queryClaimPreds = []struct {
	name string
	pred int
}{
	{"verified", qpredVerified},
	{"unverified", qpredUnverified},
	{"disputed", qpredDisputedOnly},
	{"false", qpredFalse},
}

var queryHasPreds = []struct {
	name string
	pred int
}{
	{"claim", qpredClaim},
	{"source", qpredSource},
	{"link", qpredLink},
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
		if unicode.IsSpace(r) || r == ')' {
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
	case "is", "has", "claim":
		preds := queryIsPreds
		switch t.name {
		case "has":
			preds = queryHasPreds
		case "claim":
			preds = queryClaimPreds
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
// has a space or a ')', or, for a plain word, a colon, a leading '-' or
// '(', or is OR.
func quoteQueryValue(v string, plain bool) string {
	if strings.ContainsAny(v, " )") || (plain && (strings.Contains(v, ":") || strings.HasPrefix(v, "-") || strings.HasPrefix(v, "(") || v == "OR")) {
		return `"` + v + `"`
	}
	return v
}

// IsEmpty reports whether the query has no terms, so matches every event.
func (q Query) IsEmpty() bool { return q.root == nil }
