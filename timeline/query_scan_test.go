package timeline

import (
	"strings"
	"testing"
)

func TestHasFoldASCII(t *testing.T) {
	tests := []struct {
		s, word string
		want    bool
	}{
		{"Mexico City", "mexico", true},
		{"in MEXICO", "mexico", true},
		{"MeXiCo", "mexico", true},
		{"New Mexic", "mexico", false}, // cut at the end
		{"aaab", "aab", true},          // a false start just before
		{"AaAb", "aab", true},
		{"abab abac", "abac", true},
		{"route 66", "66", true},
		{"route 6", "66", false},
		{"", "a", false},
		{"a", "a", true},
		{"A", "a", true},
		{"b", "a", false},
		{"x-ray", "xray", false},
	}
	for _, tt := range tests {
		if got := hasFoldASCII(tt.s, tt.word); got != tt.want {
			t.Errorf("hasFoldASCII(%q, %q) = %v, want %v", tt.s, tt.word, got, tt.want)
		}
	}
}

// TestWordIn holds the word search that folds only what is not ASCII to
// the search of the whole folded text, on items of both kinds.
func TestWordIn(t *testing.T) {
	e := &Event{
		ID: "e1", Title: "Protest in México", Summary: "THE MAYOR", Body: "Line one\n\tline two ſtreet",
		Tags: []string{"immigration", "Budget"}, People: []string{"\u212aate Smith"},
		Claims:  []Claim{{Text: "A claim", Note: "noted"}},
		Sources: []Source{{Title: "Report", Publisher: "Times", Quote: "“quoted”", URL: "https://example.org/urlonly"}},
	}
	words := []string{
		"mexico", "protest", "mayor", "themayor", "two", "street", "kate", "smith", "budget", "immigrationbudget",
		"claim", "noted", "claimnoted", "report", "times", "quoted", "urlonly", "example", "e1", "line", "zzz",
	}
	for _, w := range words {
		whole := newEventText(e)
		want := strings.Contains(whole.all(), w)
		var f folder
		if got := f.wordIn(e, w); got != want {
			t.Errorf("wordIn(%q) = %v, the folded text says %v", w, got, want)
		}
	}
	var f folder
	for _, w := range []string{"mexico", "kate", "two", "quoted"} {
		if !f.wordIn(e, w) {
			t.Errorf("wordIn(%q) is false", w)
		}
	}
	for _, w := range []string{"urlonly", "themayor", "claimnoted"} {
		if f.wordIn(e, w) {
			t.Errorf("wordIn(%q) is true: across items, or in a URL", w)
		}
	}
}
