package timeline

import (
	"fmt"
	"html"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Harmless returns s with everything a terminal could act on made visible:
// C0 control characters (except newline and tab) become their Unicode
// control pictures (ESC shows as ␛), DEL shows as ␡, C1 controls, the
// bidirectional overrides and isolates, and the invisible characters that
// can hide text (zero-width space, word joiner, byte order mark) show as
// <U+XXXX>. The zero-width joiner and non-joiner stay: emoji and scripts
// such as Persian need them. Text from a chronology passes through it
// before it reaches a terminal.
func Harmless(s string) string {
	if isHarmless(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r < 0x20:
			b.WriteRune(0x2400 + r)
		case r == 0x7f:
			b.WriteRune('␡')
		case r >= 0x80 && r < 0xa0, isBidiControl(r), isInvisible(r):
			fmt.Fprintf(&b, "<U+%04X>", r)
		default:
			b.WriteRune(r)
		}
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

func isHarmless(s string) bool {
	for _, r := range s {
		if (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || r == utf8.RuneError || (r >= 0x80 && r < 0xa0) || isBidiControl(r) || isInvisible(r) {
			return false
		}
	}
	return true
}

func isBidiControl(r rune) bool {
	return r == 0x061c || r == 0x200e || r == 0x200f || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}

// isInvisible: characters with no width and no glyph that could hide or
// split text unseen.
func isInvisible(r rune) bool {
	return r == 0x200b || (r >= 0x2060 && r <= 0x2064) || r == 0xfeff || r == 0x180e
}

// charReference is an HTML character reference, which a Markdown renderer turns
// into the character it names.
var charReference = regexp.MustCompile(`&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);`)

// HarmlessMarkdown is Harmless for Markdown source: character references
// that name a character Harmless would show visibly (&#27; is ESC) are
// escaped so that they show as written.
func HarmlessMarkdown(s string) string {
	return neutralizeReferences(Harmless(s))
}

// neutralizeReferences turns the character references of s that name a
// character Harmless would show visibly into text ("&amp;#27;").
func neutralizeReferences(s string) string {
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
