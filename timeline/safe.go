package timeline

import (
	"fmt"
	"strings"
)

// Harmless returns s with everything a terminal could act on made visible:
// C0 control characters (except newline and tab) become their Unicode
// control pictures (ESC shows as ␛), DEL shows as ␡, C1 controls and the
// bidirectional overrides and isolates show as <U+XXXX>. Text from a
// chronology passes through it before it reaches a terminal.
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
		case r >= 0x80 && r < 0xa0, isBidiControl(r), r == 0xfeff:
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
		if (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || (r >= 0x80 && r < 0xa0) || isBidiControl(r) || r == 0xfeff {
			return false
		}
	}
	return true
}

func isBidiControl(r rune) bool {
	return r == 0x061c || r == 0x200e || r == 0x200f || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}
