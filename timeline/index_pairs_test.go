package timeline

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// phraseChronology has events that put "of" and "the" side by side in
// every way a phrase search must tell apart, among enough others holding
// both words that the two are common tokens.
func phraseChronology(t *testing.T, fillers int) *Chronology {
	t.Helper()
	var b strings.Builder
	b.WriteString("title = \"Phrases\"\n")
	event := func(id, title, summary, body string) {
		fmt.Fprintf(&b, "\n[[event]]\nid = %q\ndate = 2018-01-01\ntitle = %q\nsummary = %q\nbody = %q\n", id, title, summary, body)
	}
	event("plain", "The mayor of the city", "", "")
	event("two-spaces", "Mayor of  the city", "", "")
	event("comma", "The best of, the worst", "", "")
	event("inside", "A proof theory", "", "") // "of the" inside two words
	event("upper", "MAYOR OF THE CITY", "", "")
	event("rare-after", "The fall of thessaloniki", "", "")
	event("fields", "Chief of", "the plan", "") // one field ends, the next begins
	event("new-line", "Notes", "", "mayor of\nthe city")
	event("tab", "Mayor of\tthe city", "", "")
	event("twice", "the of the of the", "", "")
	event("apart", "the city of lights", "", "")
	event("rare-pair", "The river town", "", "")
	for i := range fillers {
		event(fmt.Sprintf("filler-%d", i), "the town and the river", "a story of a place", "")
	}
	c, diags := Parse("phrases.toml", []byte(b.String()))
	if c == nil || diags.HasErrors() {
		t.Fatalf("does not load:\n%s", diags)
	}
	return c
}

// TestPhraseOfCommonWords pins the phrases that the index answers from
// its list of common tokens side by side, against the events that hold
// them, and holds every answer to Match.
func TestPhraseOfCommonWords(t *testing.T) {
	c := phraseChronology(t, 30)
	tests := []struct{ query, want string }{
		// (a run of spaces, tabs or line ends is searched as one space)
		{`"of the"`, "plain two-spaces inside upper rare-after new-line tab twice"},
		{`"OF THE"`, "plain two-spaces inside upper rare-after new-line tab twice"},
		{`"of  the"`, "plain two-spaces inside upper rare-after new-line tab twice"},
		{`"mayor of the"`, "plain two-spaces upper new-line tab"},
		{`"of the city"`, "plain two-spaces upper new-line tab"},
		{`"the of the"`, "twice"},
		{`"of thessaloniki"`, "rare-after"},
		{`"of, the"`, "comma"},
		{`"f th"`, "plain two-spaces inside upper rare-after new-line tab twice"},
		{`"of the c"`, "plain two-spaces upper new-line tab"},
		{`"r of the"`, "plain two-spaces upper new-line tab"},
		{`"the city"`, "plain two-spaces upper new-line tab apart"},
		{`"of the" -"the city"`, "inside rare-after twice"},
		{`"of a"`, fillers()},
		{`"river town"`, "rare-pair"},
	}
	for _, tt := range tests {
		q, err := ParseQuery(tt.query)
		if err != nil {
			t.Fatal(err)
		}
		got := ids(q.Filter(c))
		if got != tt.want {
			t.Errorf("Filter(%s)\n got %s\nwant %s", tt.query, got, tt.want)
		}
		var want []*Event
		for _, e := range c.Events {
			if q.Match(nil, e) {
				want = append(want, e)
			}
		}
		if ids(want) != got {
			t.Errorf("Filter(%s) = %s, but Match keeps %s", tt.query, got, ids(want))
		}
	}
}

func fillers() string {
	var out []string
	for i := range 30 {
		out = append(out, fmt.Sprintf("filler-%d", i))
	}
	return strings.Join(out, " ")
}

// TestCommonPairsListed checks that the index lists the common tokens and
// the events that hold two of them side by side with one space, so that
// "of the" is answered without reading an event: nothing is left unsure.
func TestCommonPairsListed(t *testing.T) {
	c := phraseChronology(t, 30)
	c.searchTexts()
	ix := c.search.index
	for _, w := range []string{"of", "the", "a"} {
		if _, ok := ix.common.ids[w]; !ok {
			t.Errorf("%q is not a common token; common: %v", w, ix.common.ids)
		}
	}
	if _, ok := ix.common.ids["thessaloniki"]; ok {
		t.Errorf("thessaloniki, in one event, is common")
	}
	of := ix.tokensWith("of", false, false)
	the := ix.tokensWith("the", false, false)
	cand := allEvents(len(c.Events))
	known, unsure := ix.sideBySide(cand, exactToken(ix, of, "of"), exactToken(ix, the, "the"), true)
	var names []string
	known.each(func(i int) { names = append(names, c.Events[i].ID) })
	if got, want := strings.Join(names, " "), "plain two-spaces upper new-line tab twice"; got != want {
		t.Errorf("events listed with of and the side by side: %s, want %s", got, want)
	}
	if !unsure.empty() {
		t.Errorf("a pair of common tokens left events to read")
	}
	// not spaced ("of, the"): the list does not apply, the filter does
	known, unsure = ix.sideBySide(cand, exactToken(ix, of, "of"), exactToken(ix, the, "the"), false)
	if !known.empty() || unsure.empty() {
		t.Errorf("pairs apart by more than a space were taken as listed")
	}
}

// exactToken returns, of tokens, the one that is w.
func exactToken(ix *wordIndex, tokens []int, w string) []int {
	for _, t := range tokens {
		if ix.tokenText(t) == w {
			return []int{t}
		}
	}
	return nil
}

// TestFewPairNotListed checks that a pair of common tokens that too few
// events hold to be listed is still found, by reading.
func TestFewPairNotListed(t *testing.T) {
	c := phraseChronology(t, fewPair+10)
	c.searchTexts()
	ix := c.search.index
	river, rok := ix.common.ids["river"]
	town, tok := ix.common.ids["town"]
	if !rok || !tok {
		t.Fatalf("river and town are not common: %v", ix.common.ids)
	}
	if ix.common.isListed(river, town) {
		t.Errorf("river town, in one event of %d, is listed", len(c.Events))
	}
	if _, listed := slices.BinarySearch(ix.common.keys, ix.common.pair(ix.common.ids["the"], town)); !listed {
		t.Errorf("the town, in most events, is not listed")
	}
	for query, want := range map[string]string{
		`"river town"`:     "rare-pair",
		`"the river town"`: "rare-pair",
		`"of the city"`:    "plain two-spaces upper new-line tab",
	} {
		q, err := ParseQuery(query)
		if err != nil {
			t.Fatal(err)
		}
		if got := ids(q.Filter(c)); got != want {
			t.Errorf("Filter(%s) = %s, want %s", query, got, want)
		}
	}
}
