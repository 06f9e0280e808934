package timeline

import (
	"fmt"
	"html"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Harmless returns s with everything a terminal could act on, and
// everything that could hide or reorder text unseen, made visible: C0
// control characters (except newline and tab) become their Unicode
// control pictures (ESC shows as ␛), DEL shows as ␡, and C1 controls and
// the invisible format characters (bidirectional overrides and isolates,
// zero-width spaces, word joiners, the byte order mark, tag characters,
// the line and paragraph separators, and a variation selector after
// another) show as <U+XXXX>. Two stay where text needs them: the
// zero-width joiner inside an emoji (👩‍💻) and the joiner and non-joiner
// after a letter of a script that uses them (Persian, the Indic scripts).
// Text from a chronology passes through it before it reaches a terminal.
func Harmless(s string) string {
	if isHarmless(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	prev := rune(-1)
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r < 0x20:
			b.WriteRune(0x2400 + r)
		case r == 0x7f:
			b.WriteRune('␡')
		case hidden(prev, r):
			fmt.Fprintf(&b, "<U+%04X>", r)
		default:
			b.WriteRune(r)
		}
		prev = r
	}
	return b.String()
}

// HarmlessLine is Harmless for text that must stay on one line: newlines
// and tabs become spaces.
func HarmlessLine(s string) string {
	s = Harmless(s)
	if strings.ContainsAny(s, "\n\t\r") {
		s = strings.Map(func(r rune) rune {
			if r == '\n' || r == '\t' {
				return ' '
			}
			return r
		}, s)
	}
	return s
}

// Unsafe reports whether r must not reach a terminal as it is: a control
// character (but newline and tab), or a character with no glyph that
// can hide, join or reorder text (Unicode's format characters, and the
// line and paragraph separators). JSON and TOML writers escape these.
func Unsafe(r rune) bool {
	if r < 0x80 {
		return (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f
	}
	return r < 0xa0 || r == 0x2028 || r == 0x2029 || unicode.Is(unicode.Cf, r)
}

// hidden reports whether r, after prev, is shown as <U+XXXX>: an Unsafe
// character but for a joiner where it joins, or a variation selector that
// follows another (one selector after a character picks its look; a run
// of them can carry text unseen, a byte each).
func hidden(prev, r rune) bool {
	if isVariationSelector(r) {
		return isVariationSelector(prev) || prev < 0x20 || Unsafe(prev)
	}
	return Unsafe(r) && !joins(prev, r)
}

// joins reports whether the joiner r after prev is part of the text: a
// zero-width joiner in an emoji sequence, a joiner or non-joiner after a
// letter or mark of a script from Hebrew on. (Tag characters are always
// shown: the subdivision flags that use them are rare, and runs of them
// can carry text unseen.)
func joins(prev, r rune) bool {
	switch {
	case r == 0x200d && (prev >= 0x1f000 || prev == 0xfe0f || unicode.Is(unicode.So, prev)):
		return true
	case (r == 0x200c || r == 0x200d) && prev >= 0x0590 && (unicode.IsLetter(prev) || unicode.IsMark(prev)):
		return true
	}
	return false
}

func isVariationSelector(r rune) bool {
	return (r >= 0xfe00 && r <= 0xfe0f) || (r >= 0xe0100 && r <= 0xe01ef)
}

// DropHidden returns s without what HarmlessLine would change: controls,
// newlines and tabs, and the characters it would show as <U+XXXX>. For
// text typed or pasted where only plain text belongs (the filter bar).
func DropHidden(s string) string {
	var b strings.Builder
	prev := rune(-1)
	for _, r := range s {
		if r >= 0x20 && r != 0x7f && r != utf8.RuneError && !hidden(prev, r) {
			b.WriteRune(r)
		}
		prev = r
	}
	return b.String()
}

func isHarmless(s string) bool {
	for _, r := range s {
		if r >= 0x20 && r < 0x7f {
			continue
		}
		if Unsafe(r) || r == utf8.RuneError || isVariationSelector(r) {
			return false // (invalid UTF-8 is written again as U+FFFD)
		}
	}
	return true
}

// charReference is an HTML character reference, which a Markdown renderer turns
// into the character it names.
var charReference = regexp.MustCompile(`&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);`)

// HarmlessMarkdown is Harmless for Markdown source: character references
// that name a character Harmless would show visibly (&#27; is ESC) are
// escaped so that they show as written.
func HarmlessMarkdown(s string) string {
	return HarmlessReferences(Harmless(s))
}

// HarmlessReferences turns the character references of s that name a
// character Harmless would show visibly into text ("&amp;#27;"), so that a
// Markdown renderer shows them as written. For Markdown made of text that
// is already Harmless.
func HarmlessReferences(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	return charReference.ReplaceAllStringFunc(s, func(ref string) string {
		if !isHarmless(referenced(ref)) {
			return "&amp;" + ref[1:]
		}
		return ref
	})
}

// referenced returns the character a reference names. Numeric references
// are read as their code point (html.UnescapeString would map 0x80-0x9f to
// Windows-1252, which Markdown renderers do not).
func referenced(ref string) string {
	if strings.HasPrefix(ref, "&#") {
		num, base := ref[2:len(ref)-1], 10
		if num[0] == 'x' || num[0] == 'X' {
			num, base = num[1:], 16
		}
		n, err := strconv.ParseInt(num, base, 32)
		if err != nil || n == 0 {
			return "\x00"
		}
		return string(rune(n))
	}
	return html.UnescapeString(ref)
}

// Plural is n and word, with an s when n is not 1: "1 event", "2 events".
func Plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return strconv.Itoa(n) + " " + word + "s"
}
