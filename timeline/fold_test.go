package timeline

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

func TestFold(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"mexico", "mexico"},
		{"México", "mexico"},
		{"MÉXICO", "mexico"},
		{"Me\u0301xico", "mexico"}, // already decomposed
		{"Bogotá", "bogota"},
		{"São Paulo", "sao paulo"},
		{"Andrés Manuel López Obrador", "andres manuel lopez obrador"},
		{"naïve café", "naive cafe"},
		{"Ørsted", "orsted"},
		{"Straße", "strasse"},
		{"Łódź", "lodz"},
		{"İstanbul", "istanbul"},
		{"Æsir Œuvre", "aesir oeuvre"},
		{"Þór", "thor"},
		{"Οδυσσεύς", "οδυσσευσ"},
		{"ΟΔΥΣΣΕΥΣ", "οδυσσευσ"},
		{"Tab\tand\nNewline", "tab\tand\nnewline"}, // whitespace kept
		{"HTTPS://X.COM/A?B=C", "https://x.com/a?b=c"},
		{"日本語", "日本語"},
		{"ǖ ệ Ṩ", "u e s"}, // several marks
		{"Ёлка й", "елка и"},
		{"한국", "한국"},
		{"a\xffB", "a\ufffdb"},
	}
	for _, tt := range tests {
		if got := Fold(tt.in); got != tt.want {
			t.Errorf("Fold(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestFoldNoAllocWhenFolded(t *testing.T) {
	s := strings.Repeat("already folded text, 123 ", 10)
	if allocs := testing.AllocsPerRun(100, func() { _ = Fold(s) }); allocs != 0 {
		t.Errorf("Fold of folded ASCII allocates %v times, want 0", allocs)
	}
}

func TestFoldCollapse(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  Libby \t\n Schaaf  ", "libby schaaf"},
		{"a\x00b", "a b"},
		{"a\u00a0\u2003b", "a b"},
		{"Bogotá", "bogota"},
	}
	for _, tt := range tests {
		if got := foldCollapse(tt.in); got != tt.want {
			t.Errorf("foldCollapse(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestEventText(t *testing.T) {
	e := &Event{
		ID:      "ev-1",
		Title:   "A year in México",
		Summary: "Line one\n  line two",
		Tags:    []string{"Latin America", "elections"},
		People:  []string{"Libby Schaaf"},
		Claims:  []Claim{{Text: "Claim", Note: "Note"}},
		Sources: []Source{{Title: "T", Publisher: "P", Quote: "Q", URL: "https://U"}},
	}
	text := newEventText(e)
	checks := []struct {
		field int
		want  string
	}{
		{stextID, "ev-1"},
		{stextTitle, "a year in mexico"},
		{stextSummary, "line one line two"},
		{stextBody, ""},
		{stextTags, "latin america\x00elections"},
		{stextPeople, "libby schaaf"},
		{stextPlaces, ""},
		{stextClaims, "claim\x00note"},
		{stextSources, "t\x00p\x00q"},
		{stextURLs, "https://u"},
	}
	for _, c := range checks {
		if got := text.field(c.field); got != c.want {
			t.Errorf("field %d = %q, want %q", c.field, got, c.want)
		}
	}
	if strings.Contains(text.all(), "https") {
		t.Errorf("all() = %q includes the URLs", text.all())
	}
	if got := text.span(stextSources, stextURLs); got != "t\x00p\x00q\x00https://u" {
		t.Errorf("source span = %q", got)
	}
}

func FuzzFold(f *testing.F) {
	for _, s := range []string{"", "México", "Straße", "ΟΔΥΣΣΕΥΣ", "\xff\xfe", "a\u0301\u0302", "İ", "ǅ", "0\xf2Ă"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		folded := Fold(s)
		if again := Fold(folded); again != folded {
			t.Errorf("Fold not idempotent: Fold(%q) = %q, Fold of that = %q", s, folded, again)
		}
		// Folding works rune by rune, so a highlighter can map folded
		// text back to the original.
		var b strings.Builder
		for _, r := range s {
			b.WriteString(Fold(string(r)))
		}
		if b.String() != folded {
			t.Errorf("Fold(%q) = %q, but rune by rune %q", s, folded, b.String())
		}
		if utf8.ValidString(s) && !utf8.ValidString(folded) {
			t.Errorf("Fold(%q) = %q is not valid UTF-8", s, folded)
		}
		c := foldCollapse(s)
		if strings.ContainsAny(c, "\x00\n\t") || strings.Contains(c, "  ") {
			t.Errorf("foldCollapse(%q) = %q keeps whitespace runs or controls", s, c)
		}
	})
}

// refFolderAdd is folder.add as it was (fold.go, commit 7d02936): a byte at a time.
func refFolderAdd(f *folder, s string, collapse bool) {
	dst := f.buf
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if collapse && (c <= ' ' || c == 0x7f) {
				if !space {
					dst = append(dst, ' ')
					space = true
				}
				continue
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			space = false
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.Is(unicode.Mn, r) {
			i += size
			continue
		}
		if collapse && (unicode.IsSpace(r) || unicode.IsControl(r)) {
			i += size
			if !space {
				dst = append(dst, ' ')
				space = true
			}
			continue
		}
		space = false
		d := norm.NFD.PropertiesString(s[i : i+size]).Decomposition()
		i += size
		if d == nil {
			dst = appendFoldedRune(dst, r)
			continue
		}
		for len(d) > 0 {
			r, size := utf8.DecodeRune(d)
			d = d[size:]
			if !unicode.Is(unicode.Mn, r) {
				dst = appendFoldedRune(dst, r)
			}
		}
	}
	f.buf = dst
}
