package timeline

import (
	"math/rand/v2"
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
		{"x Mexico", "mexico", true}, // an anchor letter before the word starts
		{"xx", "mexico", false},
	}
	for _, tt := range tests {
		if got, _ := hasFoldASCII(tt.s, tt.word, wordAnchor(tt.word)); got != tt.want {
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

// TestHoldsWord holds the word search that folds only around characters
// that are not ASCII to a search of the whole folded text, on text made
// of the characters folding treats apart: accents alone and on letters,
// letters folding to two (ß, ﬁ), letters beyond the table (Kelvin sign,
// fullwidth), quotes and dashes, spaces and controls, invalid bytes.
func TestHoldsWord(t *testing.T) {
	pieces := []string{
		"a", "b", "e", "k", "s", "x", "o", "1", "A", "E", "K", "S", "X", "é", "É", "e\u0301", "\u0301", "\u0308",
		"ß", "ﬁ", "\u212a", "ſ", "ｅ", "“", "”", "’", "—", " ", "  ", "\t", "\n", "\x00", "\xff", "\xc3", "ø", "ł",
		"Ł", "ά", "я", "中", "ex", "EX", "exé", "ssa", "fi",
	}
	words := []string{"e", "x", "ex", "ee", "se", "ss", "ssa", "fie", "ke", "ks", "kex", "o1", "ae", "ex1", "sse", "exe", "xe", "a1b"}
	r := rand.New(rand.NewPCG(1, 2))
	var f folder
	for n := range 20000 {
		var b strings.Builder
		for range r.IntN(24) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		folded := string(appendFold(nil, s, true))
		for _, w := range words {
			if got, want := f.holdsWord(s, w, wordAnchor(w)), strings.Contains(folded, w); got != want {
				t.Fatalf("case %d: holdsWord(%q, %q) = %v, but the folded text %q says %v", n, s, w, got, folded, want)
			}
		}
	}
}

// FuzzHoldsWord: the word search that folds only around characters that
// are not ASCII finds a word exactly where the whole folded text holds it.
func FuzzHoldsWord(f *testing.F) {
	for _, s := range []string{"México", "me\u0301xico", "Straße", "ﬁx", "\u212aate", "a “quote” — dash", "\xffex"} {
		f.Add(s, "ex")
		f.Add(s, "se")
	}
	var fl folder
	f.Fuzz(func(t *testing.T, s, w string) {
		word := Fold(w)
		if !isASCIIWord(word) {
			return
		}
		want := strings.Contains(string(appendFold(nil, s, true)), word)
		if got := fl.holdsWord(s, word, wordAnchor(word)); got != want {
			t.Fatalf("holdsWord(%q, %q) = %v, the folded text says %v", s, word, got, want)
		}
	})
}
