package timeline

import (
	"slices"
	"testing"
)

// TestClosest: one policy for every suggestion (keys, ids, commands,
// query fields): two edits at most, one for a word of four characters or
// fewer, case aside; ties go to the first in alphabetical order, whatever
// the order given; the excluded candidate is never offered.
func TestEditDistance(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"a", "", 1}, {"json", "json", 0}, {"jsno", "json", 1},
		{"abcd", "badc", 2}, {"ca", "abc", 3}, {"kitten", "sitting", 3},
		{"title", "tilte", 1}, {"abcdef", "ghijkl", 5},
	} {
		if got := levenshtein(tt.a, tt.b, 5); got != tt.want {
			t.Errorf("levenshtein(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestClosest(t *testing.T) {
	for _, tt := range []struct {
		word    string
		cands   []string
		exclude string
		want    string
	}{
		{"tittle", []string{"title", "summary"}, "", "title"},
		{"Title", []string{"title"}, "", "title"},
		{"sumary", topKeys, "", ""},
		{"sumary", eventKeys, "", "summary"},
		{"meta", []string{"era"}, "", ""},        // short: one edit only
		{"evnt", []string{"event"}, "", "event"}, // one edit
		{"chek", []string{"check", "show"}, "", "check"},
		{"tg", queryFields, "", "tag"},
		{"printz-1979", []string{"printz-1997"}, "", "printz-1997"},
		{"printz-1997x", []string{"printz-1997"}, "printz-1997", ""},
		{"ab-c", []string{"ab-d", "ab-b"}, "", "ab-b"}, // a tie: alphabetical
		{"ab-c", []string{"ab-b", "ab-d"}, "", "ab-b"},
		{"zzzzzz", []string{"title"}, "", ""},
		// two neighbours swapped are one edit
		{"jsno", []string{"json", "q", "version"}, "", "json"},
		{"tilte", []string{"title"}, "", "title"},
		{"ohsw", []string{"show"}, "", ""}, // two swaps
		{"schaaf-warnin", []string{"schaaf-warning", "schaaf-warns"}, "", "schaaf-warning"},
	} {
		if got := closest(tt.word, slices.Values(tt.cands), tt.exclude); got != tt.want {
			t.Errorf("closest(%q, %q, %q) = %q, want %q", tt.word, tt.cands, tt.exclude, got, tt.want)
		}
	}
}
