package timeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"backstory/internal/synth"
)

// queryFuzzChronologies are the chronologies FuzzQuery queries: the valid
// test files, the built-in one, generated ones (tricky text, many links),
// and one made by hand (no loader, so answered by a scan).
func queryFuzzChronologies(f *testing.F) []*Chronology {
	f.Helper()
	var out []*Chronology
	names, _ := filepath.Glob("testdata/valid/*.toml")
	names = append(names, "../events.toml")
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		c, diags := Parse(name, data)
		if c == nil {
			f.Fatalf("%s does not load:\n%s", name, diags)
		}
		out = append(out, c)
	}
	for _, o := range []synth.Options{
		{Events: 80, Seed: 11, MinBodyWords: 5, MaxBodyWords: 40, Tricky: true},
		{Events: 150, Seed: 12, MinBodyWords: 3, MaxBodyWords: 20, LateEra: true},
	} {
		c, diags := Parse("synth.toml", synth.Generate(o))
		if c == nil {
			f.Fatalf("a generated chronology does not load:\n%s", firstLines(diags.String(), 10))
		}
		out = append(out, c)
	}
	return append(out, queryTestChronology())
}

// FuzzQuery: whatever the query, and whichever chronology (one of
// queryFuzzChronologies, or the fuzzer's own file when it loads), Filter
// returns each event at most once, in the chronology's order; a query
// that does not parse filters nothing; one that parses finds exactly what
// a plain reading of the query language finds event by event (naiveMatch,
// which shares nothing with the index or the search text), what Match
// finds with and without the chronology's cached text, and the
// intersection of what each of its terms finds alone, whose negation
// finds the rest. (FuzzFilterEquivalent holds Filter to Match on two
// chronologies; this adds the order and the reference.)
func FuzzQuery(f *testing.F) {
	chronologies := queryFuzzChronologies(f)
	for _, s := range []string{
		"", "-", `""`, "mexico", "México", "MEXICO", `"a phrase" -word`, `-"phrase"`, "-tag:x",
		`person:"Libby Schaaf"`, "from:2018-02 to:2018-02-28 year:2018", "from:-0044 to:0001",
		"is:disputed has:claim links:march", "links:doj-memo-2025", "links:DOJ-MEMO-2025",
		"links:\u212aate", "is:unsourced", "is:unverified", "is:approximate", "has:source", "has:link",
		"-has:link", "tag:doj -tag:sanctuary", "source:times", "source:https", "place:oakland",
		"tg:x", "from:2018-13", `"open`, "https://x.com", "10:30", "--x", `tag:x"y z"`,
		"\xff:\xfe", "a\u00a0b", "tag:\u0301", "\u0301", "a\x00b", "of the", `"of the"`,
		"the -the", "ß", "ss", "ø", "sanctuary 2018", "year:2025 -is:disputed", "k \u212a",
		"schaaf person:homan OR person:sessions", "a OR b", "(a b) OR c", "-(tag:doj OR is:disputed) 2018",
		"claim:verified", "claim:false OR claim:unverified", "-claim:disputed", "((a))", "(a OR (b -c)) -(d)",
		"a OR", "OR a", "(a", "a)", "()", "-()", "x OR -", "OR", `"OR"`, "a OR OR b", "source:times OR links:march",
	} {
		for i := range chronologies {
			if i == 1 || len(s) < 8 {
				f.Add([]byte(nil), uint8(i), s)
			}
		}
	}
	f.Add([]byte("title = \"t\"\n[[event]]\nid = \"a\"\ndate = 2018\ntitle = \"A b\"\nlinks = [\"b\"]\n[[event]]\nid = \"b\"\ndate = \"2018\"\ntitle = \"A\"\ntags = [\"\u0301\"]\n"), uint8(0), "links:b -a")
	f.Fuzz(func(t *testing.T, data []byte, which uint8, s string) {
		c := chronologies[int(which)%len(chronologies)]
		if len(data) > 0 {
			own, _ := Parse("f.toml", data)
			if own == nil {
				return
			}
			c = own
		}
		q, err := ParseQuery(s)
		got := q.Filter(c)
		inOrder(t, s, c, got)
		if err != nil {
			if !q.IsEmpty() || ids(got) != ids(c.Events) {
				t.Fatalf("ParseQuery(%q) fails (%v) but its query filters something", s, err)
			}
			return
		}
		var want []*Event
		for _, e := range c.Events {
			m := naiveMatch(c, e, q.root)
			if m {
				want = append(want, e)
			}
			if q.Match(c, e) != m || q.Match(nil, e) != m {
				t.Fatalf("%q: Match(c, %q) = %v, Match(nil) = %v, the reference %v", s, e.ID, q.Match(c, e), q.Match(nil, e), m)
			}
		}
		if ids(got) != ids(want) {
			t.Fatalf("Filter(%q) = [%s], the reference finds [%s]", s, ids(got), ids(want))
		}
		if len(q.terms) == 0 || !q.flat() {
			return
		}
		// each term alone, and negated
		in := make([]int, len(c.Events)) // how many terms keep each event
		for _, term := range q.terms {
			one := termQuery(term)
			alone := one.Filter(c)
			inOrder(t, s, c, alone)
			term.neg = !term.neg
			not := termQuery(term)
			rest := not.Filter(c)
			inOrder(t, s, c, rest)
			if len(alone)+len(rest) != len(c.Events) {
				t.Fatalf("%q: term %q keeps %d events and its negation %d, of %d", s, one.String(), len(alone), len(rest), len(c.Events))
			}
			kept := make([]bool, len(c.Events))
			for _, e := range alone {
				in[e.Index]++
				kept[e.Index] = true
			}
			for _, e := range rest {
				if kept[e.Index] {
					t.Fatalf("%q: term %q and its negation both keep %q", s, one.String(), e.ID)
				}
			}
		}
		var all []*Event
		for i, n := range in {
			if n == len(q.terms) {
				all = append(all, c.Events[i])
			}
		}
		if ids(got) != ids(all) {
			t.Fatalf("Filter(%q) = [%s], but its terms alone keep [%s] in common", s, ids(got), ids(all))
		}
	})
}

// inOrder fails unless evs are events of c, each once, in c's order.
func inOrder(t *testing.T, query string, c *Chronology, evs []*Event) {
	t.Helper()
	last := -1
	for _, e := range evs {
		if e == nil || e.Index < 0 || e.Index >= len(c.Events) || c.Events[e.Index] != e {
			t.Fatalf("%q: Filter returned an event that is not the chronology's: %+v", query, e)
		}
		if e.Index == last {
			t.Fatalf("%q: Filter returned %q twice", query, e.ID)
		}
		if e.Index < last {
			t.Fatalf("%q: Filter returned %q after %q, out of order", query, e.ID, c.Events[last].ID)
		}
		last = e.Index
	}
}

// termQuery is the query of one term.
func termQuery(t queryTerm) Query {
	return Query{root: &queryNode{op: opTerm, term: t}, terms: []queryTerm{t}}
}

// naiveMatch is the query language read plainly from its documentation,
// on the event's fields as they are: every term of an AND must hold, one
// of an OR, a negated term or group must not. It folds each field on its
// own and searches it with strings.Contains; it uses no index, no search
// text and no backlinks.
func naiveMatch(c *Chronology, e *Event, n *queryNode) bool {
	if n == nil {
		return true
	}
	var holds bool
	switch n.op {
	case opTerm:
		return naiveTerm(c, e, n.term) != n.term.neg
	case opAnd:
		holds = true
		for _, k := range n.kids {
			holds = holds && naiveMatch(c, e, k)
		}
	case opOr:
		for _, k := range n.kids {
			holds = holds || naiveMatch(c, e, k)
		}
	}
	return holds != n.neg
}

func naiveTerm(c *Chronology, e *Event, t queryTerm) bool {
	switch t.kind {
	case qtermText:
		var fields []string
		switch t.field {
		case qfieldAll:
			fields = append(fields, e.ID, e.Title, e.Summary, e.Body)
			fields = append(fields, e.Tags...)
			fields = append(fields, e.People...)
			fields = append(fields, e.Places...)
			for _, cl := range e.Claims {
				fields = append(fields, cl.Text, cl.Note)
			}
			for _, s := range e.Sources {
				fields = append(fields, s.Title, s.Publisher, s.Quote)
			}
		case qfieldTag:
			fields = e.Tags
		case qfieldPerson:
			fields = e.People
		case qfieldPlace:
			fields = e.Places
		case qfieldSource:
			for _, s := range e.Sources {
				fields = append(fields, s.Title, s.Publisher, s.Quote, s.URL)
			}
		}
		if t.folded == "" {
			// A value that folds to nothing (a lone combining accent:
			// tag:\u0301) is in every text, even the empty list of tags
			// of an event that has none: a choice of the implementation
			// (the folded fields are one string), kept here.
			return true
		}
		for _, f := range fields {
			if strings.Contains(foldCollapse(f), t.folded) {
				return true
			}
		}
		return false
	case qtermDate:
		// the span, from the start's first day to the end's last (the
		// start's last when there is no end), overlaps [lo, hi]
		first, last := e.Date.First(), e.Date.Last()
		if !e.End.IsZero() {
			last = e.End.Last()
		}
		return first <= t.hi && last >= t.lo
	case qtermIs:
		switch t.pred {
		case qpredUnsourced:
			return len(e.Sources) == 0
		case qpredDisputed:
			for _, cl := range e.Claims {
				if cl.Status == "disputed" || cl.Status == "false" {
					return true
				}
			}
			return false
		case qpredUnverified:
			for _, cl := range e.Claims {
				if cl.Status == "unverified" {
					return true
				}
			}
			return false
		case qpredApproximate:
			return e.Approximate
		case qpredVerified, qpredDisputedOnly, qpredFalse:
			want := map[int]string{qpredVerified: "verified", qpredDisputedOnly: "disputed", qpredFalse: "false"}[t.pred]
			for _, cl := range e.Claims {
				if string(cl.Status) == want {
					return true
				}
			}
			return false
		case qpredClaim:
			return len(e.Claims) > 0
		case qpredSource:
			return len(e.Sources) > 0
		case qpredLink:
			if len(e.Links) > 0 {
				return true
			}
			for _, x := range c.Events {
				for _, l := range x.Links {
					if l.To == e.ID {
						return true
					}
				}
			}
			return false
		}
	case qtermLinks:
		// the event is ID (its case aside), links to it, or is linked
		// from it
		if strings.EqualFold(e.ID, t.value) {
			return true
		}
		for _, l := range e.Links {
			if strings.EqualFold(l.To, t.value) {
				return true
			}
		}
		for _, x := range c.Events {
			if !strings.EqualFold(x.ID, t.value) {
				continue
			}
			for _, l := range x.Links {
				if l.To == e.ID {
					return true
				}
			}
		}
		return false
	}
	panic("unknown query term")
}
