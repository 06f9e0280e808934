package timeline

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
)

// newTestChronology indexes evs, already in chronological order, as the
// loader would.
func newTestChronology(evs ...*Event) *Chronology {
	c := &Chronology{Events: evs, byID: map[string]*Event{}}
	for i, e := range evs {
		e.Index = i
		c.byID[e.ID] = e
	}
	return c
}

func queryTestChronology() *Chronology {
	return newTestChronology(
		&Event{
			ID:     "colombia-budget",
			Date:   MustDate("2017"),
			Title:  "Bogotá budget approved",
			Tags:   []string{"budget"},
			Places: []string{"Bogotá"},
			Body:   "The council of\nthe capital voted.",
			Claims: []Claim{{Text: "The budget doubled", Status: False}},
		},
		&Event{
			ID:          "mexico-year",
			Date:        MustDate("2018"),
			Approximate: true,
			Title:       "A year in México",
			Tags:        []string{"elections", "Latin America"},
			People:      []string{"Andrés Manuel López Obrador"},
			Places:      []string{"México"},
			Sources: []Source{{
				Title:     "Annual review",
				Publisher: "El Universal",
				URL:       "https://eluniversal.com.mx/review",
			}},
			Backlinks: []Backlink{{From: "feb-span"}},
		},
		&Event{
			ID:     "feb-span",
			Date:   MustDate("2018-02-25"),
			End:    MustDate("2018-02-28"),
			Title:  "Oakland raid warning",
			Tags:   []string{"immigration"},
			People: []string{"Libby Schaaf"},
			Places: []string{"Oakland"},
			Sources: []Source{{
				Title:     "Mayor's statement",
				Publisher: "City of Oakland",
				Quote:     "I know that many residents are worried",
			}},
			Claims: []Claim{{Text: "The warning put agents at risk", Status: Disputed, Note: "ICE director's claim"}},
			Links:  []Link{{To: "mexico-year"}},
		},
		&Event{
			ID:        "march",
			Date:      MustDate("2018-03"),
			Title:     "Travel to Mexico",
			Summary:   "Delegates flew to Mexico City.",
			Sources:   []Source{{Title: "Travel log", Publisher: "Wire"}},
			Claims:    []Claim{{Text: "Fifty delegates attended", Status: Unverified}},
			Backlinks: []Backlink{{From: "later", Note: "after"}},
		},
		&Event{
			ID:      "later",
			Date:    MustDate("2019-06-01"),
			Title:   "Follow-up hearing",
			Body:    "Hearing about the raid warning.",
			Links:   []Link{{To: "march", Note: "after"}},
			Sources: []Source{{Title: "Hearing record", Publisher: "Congress"}},
			Claims:  []Claim{{Text: "Hearing held", Status: Verified}},
		},
	)
}

func ids(evs []*Event) string {
	s := make([]string, len(evs))
	for i, e := range evs {
		s[i] = e.ID
	}
	return strings.Join(s, " ")
}

const allIDs = "colombia-budget mexico-year feb-span march later"

func TestQueryFilter(t *testing.T) {
	tests := []struct {
		query string
		want  string // ids in chronological order
	}{
		// empty
		{"", allIDs},
		{"   ", allIDs},
		{"-", allIDs},
		{`""`, allIDs},
		{`-""`, allIDs},

		// words, accents both ways, case
		{"mexico", "mexico-year march"},
		{"México", "mexico-year march"},
		{"méxico", "mexico-year march"},
		{"MEXICO", "mexico-year march"},
		{"bogota", "colombia-budget"},
		{"BOGOTÁ", "colombia-budget"},
		{"lopez", "mexico-year"},
		{"mex", "mexico-year march"}, // substrings
		{"mexico delegates", "march"},
		{"mexico nothing-like-this", ""},

		// every searchable field
		{"feb-span", "feb-span"},        // id
		{"approved", "colombia-budget"}, // title
		{"city", "feb-span march"},      // summary (march), publisher (feb-span)
		{"capital", "colombia-budget"},  // body
		{"immigration", "feb-span"},     // tag
		{"schaaf", "feb-span"},          // person
		{"oakland", "feb-span"},         // place, title, publisher
		{"universal", "mexico-year"},    // publisher
		{"annual", "mexico-year"},       // source title
		{"residents", "feb-span"},       // quote
		{"agents", "feb-span"},          // claim text
		{"director", "feb-span"},        // claim note
		{"eluniversal", ""},             // URLs only for source:

		// phrases
		{`"raid warning"`, "feb-span later"},
		{`"warning raid"`, ""},
		{`warning raid`, "feb-span later"},
		{`"travel to méxico"`, "march"},
		{`"Libby   Schaaf"`, "feb-span"},
		{`"of the capital"`, "colombia-budget"}, // across a line break
		{`"mexico delegates"`, ""},              // not across fields (title, summary)
		{`"budget bogota"`, ""},                 // not across items (tags, places)
		{`"mexico city"`, "march"},

		// negation
		{"-mexico", "colombia-budget feb-span later"},
		{"-MÉXICO", "colombia-budget feb-span later"},
		{`-"raid warning"`, "colombia-budget mexico-year march"},
		{`-"warning raid"`, allIDs},
		{"-tag:budget", "mexico-year feb-span march later"},
		{`-person:"libby schaaf"`, "colombia-budget mexico-year march later"},
		{"hearing -record", ""},
		{"warning -hearing", "feb-span"},

		// fields
		{"tag:latin", "mexico-year"},
		{`tag:"latin america"`, "mexico-year"},
		{`TAG:"Latin  America"`, "mexico-year"},
		{"tag:bogota", ""},
		{"person:schaaf", "feb-span"},
		{`person:"Libby Schaaf"`, "feb-span"},
		{"person:LÓPEZ", "mexico-year"},
		{"person:oakland", ""},
		{"place:bogota", "colombia-budget"},
		{"place:mexico", "mexico-year"},
		{"source:universal", "mexico-year"},
		{"source:eluniversal.com.mx", "mexico-year"},
		{"source:https://eluniversal.com.mx/review", "mexico-year"},
		{`source:"many residents"`, "feb-span"},
		{"source:congress", "later"},
		{"source:mexico", ""},

		// dates
		{"from:2018", "mexico-year feb-span march later"},
		{"from:2018-06", "mexico-year later"},
		{"from:2018-02-28", "mexico-year feb-span march later"},
		{"from:2018-03-01", "mexico-year march later"},
		{"from:2020", ""},
		{"to:2017", "colombia-budget"},
		{"to:2018-02", "colombia-budget mexico-year feb-span"},
		{"to:2018-02-26", "colombia-budget mexico-year feb-span"},
		{"to:2018-02-24", "colombia-budget mexico-year"},
		{"from:2018-02 to:2018-02", "mexico-year feb-span"},
		{"from:2018-02-26 to:2018-02-26", "mexico-year feb-span"},
		{"year:2017", "colombia-budget"},
		{"year:2018", "mexico-year feb-span march"},
		{"year:2019", "later"},
		{"-year:2018", "colombia-budget later"},
		{"from:-0044 to:1999", ""},

		// is:, has:
		{"is:unsourced", "colombia-budget"},
		{"is:disputed", "colombia-budget feb-span"}, // false and disputed
		{"IS:Disputed", "colombia-budget feb-span"},
		{"is:unverified", "march"},
		{"is:approximate", "mexico-year"},
		{"has:claim", "colombia-budget feb-span march later"},
		{"has:source", "mexico-year feb-span march later"},
		{"has:link", "mexico-year feb-span march later"},
		{"-has:link", "colombia-budget"},
		{"-is:disputed has:claim", "march later"},

		// links:
		{"links:mexico-year", "mexico-year feb-span"},
		{"links:feb-span", "mexico-year feb-span"},
		{"links:march", "march later"},
		{"links:later", "march later"},
		{"links:MARCH", "march later"},
		{"links:colombia-budget", "colombia-budget"},
		{"links:nope", ""},
		{"-links:march", "colombia-budget mexico-year feb-span"},

		// words that merely contain a colon
		{"https://eluniversal.com.mx", ""},
		{"10:30", ""},
		{`"tag:budget"`, ""},

		// claim:
		{"claim:false", "colombia-budget"},
		{"claim:disputed", "feb-span"},
		{"claim:unverified", "march"},
		{"claim:verified", "later"},
		{"-claim:verified has:claim", "colombia-budget feb-span march"},

		// OR and groups
		{"mexico OR bogota", "colombia-budget mexico-year march"},
		{"schaaf OR bogota year:2018", "feb-span"}, // (schaaf OR bogota) year:2018
		{"year:2018 schaaf OR bogota", "feb-span"},
		{"(schaaf year:2018) OR bogota", "colombia-budget feb-span"},
		{"-(mexico OR bogota)", "feb-span later"},
		{"-(tag:budget OR is:approximate) has:source", "feb-span march later"},
		{"claim:false OR claim:unverified", "colombia-budget march"},
		{"-(-mexico)", "mexico-year march"},
		{"(a OR -) mexico", "mexico-year march"}, // "-" says nothing: the OR holds
		{"links:feb-span OR source:congress", "mexico-year feb-span later"},
		{"(mexico OR (oakland -is:disputed)) from:2018-02", "mexico-year march"},
		{"(mexico OR (oakland is:disputed)) from:2018-02", "mexico-year feb-span march"},

		// combinations
		{"mexico year:2018 has:claim", "march"},
		{"from:2018 -mexico is:disputed person:libby", "feb-span"},
	}
	c := queryTestChronology()
	for _, tt := range tests {
		q, err := ParseQuery(tt.query)
		if err != nil {
			t.Errorf("ParseQuery(%q): %v", tt.query, err)
			continue
		}
		got := q.Filter(c)
		if ids(got) != tt.want {
			t.Errorf("ParseQuery(%q).Filter = [%s], want [%s]", tt.query, ids(got), tt.want)
		}
		// Match agrees with Filter, with and without the chronology.
		for _, e := range c.Events {
			in := slices.Contains(got, e)
			if m := q.Match(c, e); m != in {
				t.Errorf("ParseQuery(%q).Match(c, %s) = %v, want %v", tt.query, e.ID, m, in)
			}
			if m := q.Match(nil, e); m != in {
				t.Errorf("ParseQuery(%q).Match(nil, %s) = %v, want %v", tt.query, e.ID, m, in)
			}
		}
		if q.IsEmpty() != (strings.Trim(tt.query, ` -"`) == "") {
			t.Errorf("ParseQuery(%q).IsEmpty() = %v", tt.query, q.IsEmpty())
		}
	}
}

func TestQueryMatchForeignEvent(t *testing.T) {
	c := queryTestChronology()
	q, err := ParseQuery("mexico")
	if err != nil {
		t.Fatal(err)
	}
	// An event not in c, with an Index that points at one that is.
	stranger := &Event{ID: "x", Title: "Nothing here", Index: 1}
	if q.Match(c, stranger) {
		t.Error("Match used the text of the event at the stranger's Index")
	}
	stranger.Index = 99
	stranger.Title = "Mexico"
	if !q.Match(c, stranger) {
		t.Error("Match of an event outside the chronology failed")
	}
	if q.Match(c, nil) {
		t.Error("Match of a nil event")
	}
	if got := q.Filter(nil); got != nil {
		t.Errorf("Filter(nil) = %v", got)
	}
}

func TestQueryFilterReturnsNewSlice(t *testing.T) {
	c := queryTestChronology()
	all := Query{}.Filter(c)
	all[0] = nil
	if c.Events[0] == nil {
		t.Error("Filter of the empty query returned c.Events itself")
	}
}

func TestParseQueryErrors(t *testing.T) {
	const known = "(known: tag:, person:, place:, source:, from:, to:, year:, is:, has:, claim:, links:)"
	tests := []struct{ query, want string }{
		{"tg:x", `unknown field "tg:": did you mean tag:? ` + known},
		{"mexico Tg:x", `unknown field "Tg:": did you mean tag:? ` + known},
		{"-persn:x", `unknown field "persn:": did you mean person:? ` + known},
		{"people:schaaf", `unknown field "people:": did you mean person:? ` + known},
		{"tags:budget", `unknown field "tags:": did you mean tag:? ` + known},
		{"url:x", `unknown field "url:": did you mean source:? ` + known},
		{"mexico:", `unknown field "mexico:" ` + known + `; to search for the text, quote it: "mexico:"`},
		{`-note:"a  b"`, `unknown field "note:" ` + known + `; to search for the text, quote it: -"note:a b"`},
		{"from:2018-13", "bad date in from:2018-13: month 13 is not between 01 and 12"},
		{"to:2018-02-30", "bad date in to:2018-02-30: Feb 2018 has no day 30"},
		{"from:18", "bad date in from:18: want from:YYYY, from:YYYY-MM or from:YYYY-MM-DD (e.g. from:2018-02)"},
		{"to:2018/02", "bad date in to:2018/02: want to:YYYY, to:YYYY-MM or to:YYYY-MM-DD (e.g. to:2018-02)"},
		{`from:"2018 02"`, `bad date in from:"2018 02": want from:YYYY, from:YYYY-MM or from:YYYY-MM-DD (e.g. from:2018-02)`},
		{"year:18", "bad year in year:18: want year:YYYY (e.g. year:2018)"},
		{"year:2018-02", "bad year in year:2018-02: want year:YYYY (e.g. year:2018)"},
		{`"libby schaaf`, `unterminated quote (add the closing ")`},
		{`person:"libby schaaf`, `unterminated quote (add the closing ")`},
		{`a "b" "c`, `unterminated quote (add the closing ")`},
		{"is:foo", "is:foo: want is:unsourced, is:disputed, is:unverified or is:approximate"},
		{"is:claim", "is:claim: want is:unsourced, is:disputed, is:unverified or is:approximate"},
		{"has:foo", "has:foo: want has:claim, has:source or has:link"},
		{"tag:", "empty value after tag:"},
		{`person:""`, "empty value after person:"},
		{`place:"  "`, "empty value after place:"},
		{"-links:", "empty value after links:"},
		{"from:", "empty value after from:"},
		{"IS:", "empty value after is:"},
		{"is:\x1b[2J", "is:␛[2J: want is:unsourced, is:disputed, is:unverified or is:approximate"},
		{"claim:maybe", "claim:maybe: want claim:verified, claim:unverified, claim:disputed or claim:false"},
		{"claim:", "empty value after claim:"},
		{"a OR", `OR needs a term after it (to search for the word, quote it: "OR")`},
		{"OR a", `OR needs a term before it (to search for the word, quote it: "OR")`},
		{"a OR OR b", `OR needs a term after it (to search for the word, quote it: "OR")`},
		{"(a OR) b", `OR needs a term after it (to search for the word, quote it: "OR")`},
		{"OR", `OR needs a term before it (to search for the word, quote it: "OR")`},
		{"(a b", `unclosed "(": close the group with ")"`},
		{"-(a (b)", `unclosed "-(": close the group with ")"`},
		{"a b)", `unmatched ")": remove it, or open the group with "("`},
		{")", `unmatched ")": remove it, or open the group with "("`},
		{"()", `empty group "()": put terms inside, or remove it`},
		{`-( "" )`, `empty group "-()": put terms inside, or remove it`},
		{strings.Repeat("(", 200) + "a" + strings.Repeat(")", 200), "groups nested more than 100 deep"},
		{"(tg:x OR a)", `unknown field "tg:": did you mean tag:? ` + known},
	}
	c := queryTestChronology()
	for _, tt := range tests {
		q, err := ParseQuery(tt.query)
		if err == nil {
			t.Errorf("ParseQuery(%q) = %q, want error %q", tt.query, q, tt.want)
			continue
		}
		if err.Error() != tt.want {
			t.Errorf("ParseQuery(%q) error\n got %s\nwant %s", tt.query, err, tt.want)
		}
		// A malformed query filters nothing.
		if !q.IsEmpty() || ids(q.Filter(c)) != allIDs || q.String() != "" {
			t.Errorf("ParseQuery(%q) returned a non-empty query %q with its error", tt.query, q)
		}
	}
}

func TestQueryString(t *testing.T) {
	tests := []struct{ query, want string }{
		{"", ""},
		{" - ", ""},
		{`  Mexico   TAG:Budget  -"raid  warning" person:"Libby Schaaf" IS:Disputed`,
			`Mexico tag:Budget -"raid warning" person:"Libby Schaaf" is:disputed`},
		{"from:2018-02 to:2018 year:2019 HAS:Claim links:march", "from:2018-02 to:2018 year:2019 has:claim links:march"},
		{`"one"`, "one"},
		{`"10:30" 10:30 https://x.com/a`, `"10:30" "10:30" "https://x.com/a"`},
		{`--x`, `-"-x"`},
		{`"-x"`, `"-x"`},
		{`tag:x"y  z"`, `tag:"xy z"`},
		{`tag:-x`, `tag:-x`},
		{`-source:"New York Times"`, `-source:"New York Times"`},
		{`"a"b`, "ab"},
		{`"tag":x`, `"tag:x"`},
		{"schaaf person:homan OR person:sessions", "schaaf person:homan OR person:sessions"},
		{"(a b) OR c", "(a b) OR c"},
		{"(a OR b) c", "a OR b c"},
		{"((a OR b) OR c)", "a OR b OR c"},
		{"-(a OR b) -(c d) -(e)", "-(a OR b) -(c d) -e"},
		{"-(-a)", "a"},
		{"(a) (b c)", "a b c"},
		{`"OR" or "(x" "y)" tag:"a)"`, `"OR" or "(x" "y)" tag:"a)"`},
		{"CLAIM:False claim:VERIFIED", "claim:false claim:verified"},
		{"a OR -", ""},
	}
	for _, tt := range tests {
		q, err := ParseQuery(tt.query)
		if err != nil {
			t.Errorf("ParseQuery(%q): %v", tt.query, err)
			continue
		}
		if got := q.String(); got != tt.want {
			t.Errorf("ParseQuery(%q).String() = %q, want %q", tt.query, got, tt.want)
		}
		q2, err := ParseQuery(q.String())
		if err != nil || q2.String() != q.String() {
			t.Errorf("ParseQuery(%q) = %q, %v: does not read back", q.String(), q2, err)
		}
	}
}

func TestQueryWords(t *testing.T) {
	q, err := ParseQuery(`México -bogota tag:Budget person:"Libby  Schaaf" from:2018 is:disputed -tag:x "raid warning" links:march source:Wire mexico México`)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"México", "Budget", "Libby Schaaf", "raid warning", "Wire", "mexico"}
	if got := q.Words(); !slices.Equal(got, want) {
		t.Errorf("Words() = %q, want %q", got, want)
	}
	if got := (Query{}).Words(); len(got) != 0 {
		t.Errorf("Words() of the empty query = %q", got)
	}
}

func TestQueryConcurrent(t *testing.T) {
	c := queryTestChronology()
	queries := []string{"mexico", "tag:budget", `"raid warning"`, "-mexico", "source:congress"}
	want := make([]string, len(queries))
	for i, s := range queries {
		q, _ := ParseQuery(s)
		want[i] = ids(q.Filter(queryTestChronology()))
	}
	var wg sync.WaitGroup
	for g := range 16 {
		wg.Go(func() {
			i := g % len(queries)
			q, _ := ParseQuery(queries[i])
			if got := ids(q.Filter(c)); got != want[i] {
				t.Errorf("concurrent Filter(%q) = [%s], want [%s]", queries[i], got, want[i])
			}
			for _, e := range c.Events {
				q.Match(c, e)
			}
		})
	}
	wg.Wait()
}

func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{
		"", "-", `""`, "mexico", `"a phrase" -word`, `-"phrase"`, "-tag:x",
		`person:"Libby Schaaf"`, "from:2018-02 to:2018-02-28 year:2018",
		"is:disputed has:claim links:march", "tg:x", "from:2018-13", `"open`,
		"https://x.com", "10:30", `--x`, `tag:x"y z"`, "\xff:\xfe", "é:x", "a\u00a0b",
		"from:-0044", "year:0000", `"tag":x`, "a\x00b", `source:"`,
	} {
		f.Add(s)
	}
	c := queryTestChronology()
	f.Fuzz(func(t *testing.T, s string) {
		q, err := ParseQuery(s)
		if err != nil {
			if msg := err.Error(); msg == "" || msg != HarmlessLine(msg) {
				t.Errorf("ParseQuery(%q): error %q is empty or not a harmless line", s, msg)
			}
			if !q.IsEmpty() {
				t.Errorf("ParseQuery(%q) returned an error and a non-empty query", s)
			}
			return
		}
		canon := q.String()
		q2, err := ParseQuery(canon)
		if err != nil {
			t.Fatalf("ParseQuery(%q) = %q, which does not parse: %v", s, canon, err)
		}
		if q2.String() != canon {
			t.Fatalf("ParseQuery(%q) = %q, which reads back as %q", s, canon, q2.String())
		}
		if ids(q.Filter(c)) != ids(q2.Filter(c)) {
			t.Errorf("ParseQuery(%q) and its canonical form %q filter differently", s, canon)
		}
		for _, e := range c.Events {
			q.Match(c, e)
		}
		_ = q.Words()
	})
}

// bigChronology makes n events of varied text for benchmarks.
func bigChronology(n int) *Chronology {
	places := []string{"México", "Bogotá", "Oakland", "São Paulo", "Kraków"}
	people := []string{"Libby Schaaf", "Andrés López", "Ana Brnabić", "Jan Nowak"}
	evs := make([]*Event, n)
	for i := range evs {
		evs[i] = &Event{
			ID:      fmt.Sprintf("event-%06d", i),
			Date:    Date{Year: 1900 + i%120, Month: 1 + i%12, Day: 1 + i%28, Precision: PrecisionDay},
			Title:   fmt.Sprintf("Council meeting number %d in %s", i, places[i%len(places)]),
			Summary: "The council discussed the budget, housing and transport for the coming year.",
			Body:    strings.Repeat("Minutes of the meeting record every motion and every vote. ", 4),
			Tags:    []string{"council", fmt.Sprintf("topic-%d", i%50)},
			People:  []string{people[i%len(people)]},
			Places:  []string{places[i%len(places)]},
			Sources: []Source{{Title: "Official minutes", Publisher: "City Hall", URL: "https://example.org/minutes"}},
		}
		if i%97 == 0 {
			evs[i].Claims = []Claim{{Text: "A disputed vote count", Status: Disputed}}
		}
	}
	return newTestChronology(evs...)
}

func benchmarkQuery(b *testing.B, query string) {
	c := bigChronology(100_000)
	q, err := ParseQuery(query)
	if err != nil {
		b.Fatal(err)
	}
	q.Filter(c) // build the index outside the timing
	b.ResetTimer()
	for b.Loop() {
		q.Filter(c)
	}
}

func BenchmarkFilterWord(b *testing.B)    { benchmarkQuery(b, "krakow") }
func BenchmarkFilterMissing(b *testing.B) { benchmarkQuery(b, "zzzz") }
func BenchmarkFilterMixed(b *testing.B) {
	benchmarkQuery(b, `"council meeting" -bogota person:lopez from:1950 is:disputed`)
}
func BenchmarkFilterTag(b *testing.B) { benchmarkQuery(b, "tag:topic-7") }

func BenchmarkBuildIndex(b *testing.B) {
	for b.Loop() {
		b.StopTimer()
		c := bigChronology(100_000)
		b.StartTimer()
		c.searchTexts()
	}
}

// BenchmarkNaiveScan is the baseline: lower-casing every field on every
// search, without accent folding.
func BenchmarkNaiveScan(b *testing.B) {
	c := bigChronology(100_000)
	word := "krakow"
	for b.Loop() {
		var out []*Event
		for _, e := range c.Events {
			fields := []string{e.ID, e.Title, e.Summary, e.Body}
			fields = append(fields, e.Tags...)
			fields = append(fields, e.People...)
			fields = append(fields, e.Places...)
			for _, s := range e.Sources {
				fields = append(fields, s.Title, s.Publisher, s.Quote)
			}
			for _, f := range fields {
				if strings.Contains(strings.ToLower(f), word) {
					out = append(out, e)
					break
				}
			}
		}
		_ = out
	}
}
