package timeline

import (
	"encoding/binary"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Fold returns s in the form searches compare: lower-case, with accents and
// other combining marks removed, so "México" and "MEXICO" both fold to
// "mexico". Each character is replaced by its canonical decomposition
// (Unicode NFD; Hangul syllables are kept whole) and nonspacing marks
// (category Mn) are dropped; a few letters that carry no separable accent are
// spelled out as well: ß→ss, ø→o, æ→ae, œ→oe, ł→l, đ and ð→d, þ→th,
// dotless ı→i and final ς→σ. Whitespace and other characters are kept;
// each invalid UTF-8 byte becomes U+FFFD. Fold works character by
// character: Fold(s) is the Folds of s's runes joined, so a highlighter can
// map folded text back to the original.
//
// When s is already ASCII lower-case, Fold returns it without allocating.
func Fold(s string) string {
	i := 0
	for i < len(s) {
		c := s[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') {
			break
		}
		i++
	}
	if i == len(s) {
		return s
	}
	if foldIsASCII(s[i:]) {
		b := make([]byte, len(s))
		copy(b, s[:i])
		for j := i; j < len(s); j++ {
			c := s[j]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b[j] = c
		}
		return string(b)
	}
	return string(appendFold(make([]byte, 0, len(s)), s, false))
}

// appendFold appends the folded form of s to dst. With collapse, every run
// of whitespace and control characters (including NUL, the field separator
// of the search index) becomes a single space, so a phrase typed with
// spaces finds text broken across lines.
func appendFold(dst []byte, s string, collapse bool) []byte {
	var f folder
	f.buf = dst
	f.add(s, collapse)
	return f.buf
}

// folder folds strings one after another into buf.
type folder struct {
	buf []byte
}

// add appends the folded form of s to f.buf (see appendFold). Each
// character is folded on its own: its canonical decomposition (from the
// Unicode NFD tables, Hangul syllables excepted) without nonspacing marks,
// lower-cased, with the few letters Fold spells out replaced.
func (f *folder) add(s string, collapse bool) {
	dst := f.buf
	space := false
	for i := 0; i < len(s); {
		// Most text is printable ASCII and single spaces: copy it a byte
		// at a time through a table, with no other test.
		if room := len(s) - i; cap(dst)-len(dst) < room {
			dst = slices.Grow(dst, room)
		}
		out := dst[:cap(dst)]
		k := len(dst)
		// eight bytes at a time while they are printable ASCII with no
		// two spaces in a row
		for i+8 <= len(s) {
			x := binary.LittleEndian.Uint64([]byte(s[i : i+8]))
			spaces := zeroBytes(x ^ 0x2020202020202020)
			if x&0x8080808080808080 != 0 || // not ASCII
				(x-0x2020202020202020)&^x&0x8080808080808080 != 0 || // below space
				zeroBytes(x^0x7f7f7f7f7f7f7f7f) != 0 || // DEL
				spaces&(spaces>>8) != 0 || (space && collapse && spaces&0x80 != 0) {
				break
			}
			// A-Z to a-z: 0x20 where a byte is at least 'A' and below '['
			upper := ((x + 0x3f3f3f3f3f3f3f3f) ^ (x + 0x2525252525252525)) & 0x8080808080808080
			binary.LittleEndian.PutUint64(out[k:k+8], x|upper>>2)
			k += 8
			i += 8
			space = spaces&0x8000000000000000 != 0
		}
		for i < len(s) {
			c := s[i]
			if l := foldASCII[c]; l != 0 {
				out[k] = l
				k++
				i++
				space = false
				continue
			}
			if c != ' ' {
				break
			}
			i++
			if collapse && space {
				continue
			}
			out[k] = ' '
			k++
			space = true
		}
		dst = out[:k]
		if i >= len(s) {
			break
		}
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
			dst = append(dst, c) // (a control character, kept)
			space = false
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r < foldTableEnd && size > 1 { // (not an invalid byte)
			// the characters of European text: folded once, looked up
			e := &foldTable()[r-utf8.RuneSelf]
			i += size
			switch {
			case e.mark:
			case collapse && e.spaceOrControl:
				if !space {
					dst = append(dst, ' ')
					space = true
				}
			default:
				space = false
				dst = append(dst, e.folded...)
			}
			continue
		}
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
		dst = appendDecomposed(dst, s[i:i+size], r)
		i += size
	}
	f.buf = dst
}

// appendDecomposed appends the folded form of the character c, which is
// r: its canonical decomposition without nonspacing marks, each character
// lower-cased and spelled out (see appendFoldedRune).
func appendDecomposed(dst []byte, c string, r rune) []byte {
	d := norm.NFD.PropertiesString(c).Decomposition()
	if d == nil {
		return appendFoldedRune(dst, r)
	}
	for len(d) > 0 {
		r, size := utf8.DecodeRune(d)
		d = d[size:]
		if !unicode.Is(unicode.Mn, r) {
			dst = appendFoldedRune(dst, r)
		}
	}
	return dst
}

// foldTableEnd bounds the characters whose folding is kept in a table: the
// Latin, Greek and Cyrillic letters, their accents, and the punctuation
// (quotes, dashes) news text is full of.
const foldTableEnd = 0x2070

// foldEntry is what folding does to one character.
type foldEntry struct {
	mark           bool   // a nonspacing mark, dropped
	spaceOrControl bool   // a space or control, collapsed when asked
	folded         string // otherwise, what it folds to
	words          uint64 // the ASCII letters and digits in folded (see wordBit)
}

// wordBit is the bit of an ASCII letter or digit (lower case) in a set of
// them, 0 for any other byte.
func wordBit(c byte) uint64 {
	switch {
	case 'a' <= c && c <= 'z':
		return 1 << (c - 'a')
	case '0' <= c && c <= '9':
		return 1 << (26 + c - '0')
	}
	return 0
}

// foldTable returns the folding of the characters from U+0080 to
// foldTableEnd, made on first use.
var foldTable = sync.OnceValue(func() []foldEntry {
	t := make([]foldEntry, foldTableEnd-utf8.RuneSelf)
	for r := rune(utf8.RuneSelf); r < foldTableEnd; r++ {
		e := &t[r-utf8.RuneSelf]
		e.mark = unicode.Is(unicode.Mn, r)
		e.spaceOrControl = unicode.IsSpace(r) || unicode.IsControl(r)
		e.folded = string(appendDecomposed(nil, string(r), r))
		for i := 0; i < len(e.folded); i++ {
			e.words |= wordBit(e.folded[i])
		}
	}
	return t
})

// zeroBytes returns 0x80 in each byte of x that is zero.
func zeroBytes(x uint64) uint64 {
	const low7 = 0x7f7f7f7f7f7f7f7f
	return ^((x&low7 + low7) | x | low7)
}

// foldASCII folds the printable ASCII characters but space (to lower
// case); 0 for the rest.
var foldASCII = func() (t [256]byte) {
	for c := '!'; c <= '~'; c++ {
		t[c] = byte(unicode.ToLower(c))
	}
	return t
}()

// appendFoldedRune appends r lower-cased, spelling out the letters that
// carry no separable accent.
func appendFoldedRune(dst []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(dst, byte(r))
	}
	r = unicode.ToLower(r)
	switch r {
	case 'ß':
		return append(dst, "ss"...)
	case 'ø':
		return append(dst, 'o')
	case 'æ':
		return append(dst, "ae"...)
	case 'œ':
		return append(dst, "oe"...)
	case 'ł':
		return append(dst, 'l')
	case 'đ', 'ð':
		return append(dst, 'd')
	case 'þ':
		return append(dst, "th"...)
	case 'ı':
		return append(dst, 'i')
	case 'ς':
		return utf8.AppendRune(dst, 'σ')
	}
	return utf8.AppendRune(dst, r)
}

// foldCollapse is Fold with runs of whitespace and control characters
// turned into single spaces and the ends trimmed: the form of a search term.
func foldCollapse(s string) string {
	return strings.TrimSpace(string(appendFold(make([]byte, 0, len(s)), s, true)))
}

func foldIsASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
