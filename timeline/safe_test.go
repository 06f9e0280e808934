package timeline

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestHarmless(t *testing.T) {
	tests := []struct {
		name, in, want, line string // line: HarmlessLine's result, when it differs
	}{
		{name: "empty", in: "", want: ""},
		{name: "ESC sequence", in: "\x1b[31mred\x1b[0m", want: "␛[31mred␛[0m"},
		{name: "OSC title", in: "\x1b]0;owned\x07", want: "␛]0;owned␇"},
		{name: "BEL", in: "ding\a", want: "ding␇"},
		{name: "NUL and US", in: "\x00\x1f", want: "␀␟"},
		{name: "CR", in: "a\rb", want: "a␍b"},
		{name: "CRLF", in: "a\r\nb", want: "a␍\nb", line: "a␍ b"},
		{name: "VT and FF", in: "\v\f", want: "␋␌"},
		{name: "backspace", in: "ab\bc", want: "ab␈c"},
		{name: "DEL", in: "x\x7f", want: "x␡"},
		{name: "C1 CSI", in: "\u009b2J", want: "<U+009B>2J"},
		{name: "C1 bounds", in: "\u0080\u009f\u00a0", want: "<U+0080><U+009F>\u00a0"},
		{name: "NEL", in: "a\u0085b", want: "a<U+0085>b"},
		{name: "RLO", in: "abc\u202edef", want: "abc<U+202E>def"},
		{name: "bidi embeddings", in: "\u202a\u202b\u202c\u202d", want: "<U+202A><U+202B><U+202C><U+202D>"},
		{name: "bidi isolates", in: "\u2066x\u2067y\u2068z\u2069", want: "<U+2066>x<U+2067>y<U+2068>z<U+2069>"},
		{name: "bidi marks", in: "\u200e\u200f\u061c", want: "<U+200E><U+200F><U+061C>"},
		{name: "BOM", in: "\ufeffstart", want: "<U+FEFF>start"},
		{name: "zero-width space", in: "hid\u200bden", want: "hid<U+200B>den"},
		{name: "word joiner", in: "a\u2060b", want: "a<U+2060>b"},
		{name: "joiners in an emoji and in Persian stay", in: "👩\u200d💻 می\u200cخواهم", want: "👩\u200d💻 می\u200cخواهم"},
		{name: "joiners elsewhere show", in: "a\u200db\u200c \u200d", want: "a<U+200D>b<U+200C> <U+200D>"},
		{name: "tag characters show, after a flag too", in: "🏴\U000e0068\U000e0069\U000e007f", want: "🏴<U+E0068><U+E0069><U+E007F>"},
		{name: "one variation selector stays", in: "❤\ufe0f 葛\U000e0100", want: "❤\ufe0f 葛\U000e0100"},
		{name: "a run of variation selectors shows", in: "a\ufe00\ufe01\U000e0101", want: "a\ufe00<U+FE01><U+E0101>"},
		{name: "tag characters elsewhere show", in: "x\U000e0041", want: "x<U+E0041>"},
		{name: "line and paragraph separators", in: "a\u2028b\u2029c", want: "a<U+2028>b<U+2029>c"},
		{name: "soft hyphen and other format characters", in: "a\u00adb\ufff9c", want: "a<U+00AD>b<U+FFF9>c"},
		{name: "accents", in: "México, Bogotá, São Paulo, Łódź, naïve", want: "México, Bogotá, São Paulo, Łódź, naïve"},
		{name: "scripts", in: "日本語 العربية עברית Ελληνικά", want: "日本語 العربية עברית Ελληνικά"},
		{name: "emoji", in: "🇲🇽 👩‍💻 👍🏽 ❤️", want: "🇲🇽 👩‍💻 👍🏽 ❤️"},
		{name: "punctuation", in: "“quotes” — ‘dash’ … § ©", want: "“quotes” — ‘dash’ … § ©"},
		{name: "markdown", in: "**bold** <b> [x](y) `c` # h", want: "**bold** <b> [x](y) `c` # h"},
		{name: "newline and tab", in: "a\nb\tc", want: "a\nb\tc", line: "a b c"},
		{name: "mixed", in: "\tTitle\x1b[2J\n\u202e", want: "\tTitle␛[2J\n<U+202E>", line: " Title␛[2J <U+202E>"},
		{name: "pictures stay", in: "␛ ␇ ␡", want: "␛ ␇ ␡"},
	}
	for _, tt := range tests {
		if got := Harmless(tt.in); got != tt.want {
			t.Errorf("%s: Harmless(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
		line := tt.line
		if line == "" {
			line = tt.want
		}
		if got := HarmlessLine(tt.in); got != line {
			t.Errorf("%s: HarmlessLine(%q) = %q, want %q", tt.name, tt.in, got, line)
		}
	}
}

// TestHarmlessEveryRune checks every character of the planes in use: what
// comes out has no character a terminal could act on, and only those
// characters are changed.
func TestHarmlessEveryRune(t *testing.T) {
	for r := rune(0); r <= 0x3ffff; r++ {
		if r >= 0xd800 && r <= 0xdfff {
			continue // surrogates are not characters
		}
		if contextual(r) {
			continue // kept or shown by what comes before: TestHarmless
		}
		in := "a" + string(r) + "b"
		got := Harmless(in)
		if bad := unsafeRunes(strings.ReplaceAll(got, "\t", "")); len(bad) > 0 {
			t.Fatalf("Harmless(%q) = %q keeps %U", in, got, bad)
		}
		if changed := got != in; changed != (len(unsafeRunes(in)) > 0 && r != '\t') {
			t.Fatalf("Harmless(%q) = %q: changed=%v", in, got, changed)
		}
		line := HarmlessLine(in)
		if strings.ContainsAny(line, "\n\t\r") || len(unsafeRunes(line)) > 0 {
			t.Fatalf("HarmlessLine(%q) = %q is not one harmless line", in, line)
		}
	}
}

// TestHarmlessInvalidUTF8: bytes that are not UTF-8 cannot pass raw
// either; a lone 0x9b byte is the 8-bit form of CSI.
func TestHarmlessInvalidUTF8(t *testing.T) {
	for _, in := range []string{"a\x9b2Jb", "\x9b", "\xc2", "ok\xff\xfe", "\xe2\x80"} {
		for name, f := range map[string]func(string) string{"Harmless": Harmless, "HarmlessLine": HarmlessLine} {
			got := f(in)
			if !utf8.ValidString(got) {
				t.Errorf("%s(%q) = %q is not valid UTF-8", name, in, got)
			}
		}
	}
}

func TestHarmlessNoAllocation(t *testing.T) {
	s := strings.Repeat("Plain text, México, 日本語 👍\n\twith a tab. ", 20)
	if got := Harmless(s); got != s {
		t.Fatalf("Harmless changed harmless text: %q", got)
	}
	if allocs := testing.AllocsPerRun(100, func() { _ = Harmless(s) }); allocs != 0 {
		t.Errorf("Harmless of harmless text allocates %v times, want 0", allocs)
	}
	one := strings.Repeat("One line, México 👍. ", 20)
	if allocs := testing.AllocsPerRun(100, func() { _ = HarmlessLine(one) }); allocs != 0 {
		t.Errorf("HarmlessLine of a harmless line allocates %v times, want 0", allocs)
	}
}

func TestDropHidden(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"schaaf", "schaaf"},
		{"sch\u202eaaf\x1b[2J\n", "schaaf[2J"},
		{"می\u200cخواهم", "می\u200cخواهم"}, // the non-joiner joins
		{"a\u200db", "ab"},
		{"👩\u200d💻", "👩\u200d💻"},
		{"x\U000e0041\U000e0042", "x"},
		{"a\ufe00\ufe01", "a\ufe00"},
	} {
		if got := DropHidden(tt.in); got != tt.want {
			t.Errorf("DropHidden(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// contextual: the format characters Harmless keeps where text needs them
// (see joins); TestHarmless pins where.
func contextual(r rune) bool { return r == 0x200c || r == 0x200d }

// isBidiControl: the bidirectional controls, listed by hand.
func isBidiControl(r rune) bool {
	return r == 0x061c || r == 0x200e || r == 0x200f || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}

// unsafeRunes returns the characters of s a terminal could act on: C0
// controls other than newline, DEL, C1 controls, bidirectional controls,
// the BOM and the other invisible format characters.
func unsafeRunes(s string) []rune {
	var out []rune
	for _, r := range s {
		if (r < 0x20 && r != '\n') || (r >= 0x7f && r < 0xa0) || isBidiControl(r) || r == 0xfeff ||
			r == 0x200b || (r >= 0x2060 && r <= 0x2064) || r == 0x180e || r == 0x2028 || r == 0x2029 ||
			(unicode.Is(unicode.Cf, r) && !contextual(r)) {
			out = append(out, r)
		}
	}
	return out
}
