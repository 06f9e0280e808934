package synth

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The text of events: titles, sentences and Markdown bodies drawn from
// the word lists (see words.go), and the addresses of their sources.

// word draws a word of body text.
func (g *gen) word() string { return vocab()[g.zipf.Uint64()] }

// title is 5-15 words, capitalised, sometimes with a name or a place.
func (g *gen) title() string {
	n := 5 + g.r.IntN(11)
	words := make([]string, 0, n)
	for len(words) < n {
		switch x := g.r.Float64(); {
		case x < 0.08:
			words = append(words, strings.Fields(g.pick(g.people))...)
		case x < 0.14:
			words = append(words, strings.Fields(g.pick(placeNames))...)
		default:
			words = append(words, g.word())
		}
	}
	words = words[:n]
	words[0] = capitalize(words[0])
	return strings.Join(words, " ")
}

// sentence is about n words ending with a full stop.
func (g *gen) sentence(n int) string {
	var b strings.Builder
	g.appendSentence(&b, max(n, 1))
	return b.String()
}

func (g *gen) appendSentence(b *strings.Builder, n int) int {
	words := 0
	for k := 0; words < n; k++ {
		if k > 0 {
			b.WriteByte(' ')
		}
		var w string
		switch x := g.r.Float64(); {
		case x < 0.03:
			w = g.pick(g.people)
		case x < 0.05:
			w = g.pick(placeNames)
		case x < 0.06:
			w = strconv.Itoa(1 + g.r.IntN(2000))
		case x < 0.065:
			w = "“" + g.word() + " " + g.word() + "”"
		case x < 0.07:
			w = "—"
		case x < 0.075:
			w = `"` + g.word() + `"`
		default:
			w = g.word()
		}
		if k == 0 {
			w = capitalize(w)
		}
		b.WriteString(w)
		words += strings.Count(w, " ") + 1
		if k > 2 && words < n-2 && g.chance(0.06) {
			b.WriteByte(',')
		}
	}
	b.WriteByte('.')
	return words
}

// body is Markdown of lo-hi words: paragraphs, with lists, quotes,
// headings, emphasis and links among them.
func (g *gen) body(lo, hi int) string {
	target := lo + g.r.IntN(hi-lo+1)
	var b strings.Builder
	words := 0
	for block := 0; words < target; block++ {
		if block > 0 {
			b.WriteString("\n\n")
		}
		left := target - words
		switch x := g.r.Float64(); {
		case block > 0 && x < 0.08 && left > 20:
			for k := range 2 + g.r.IntN(3) {
				if k > 0 {
					b.WriteByte('\n')
				}
				b.WriteString("- ")
				words += g.appendSentence(&b, 4+g.r.IntN(10))
			}
		case block > 0 && x < 0.16 && left > 15:
			b.WriteString("> ")
			words += g.appendSentence(&b, 10+g.r.IntN(20))
		case block > 0 && x < 0.19:
			b.WriteString("### ")
			b.WriteString(capitalize(g.word()))
			b.WriteByte(' ')
			b.WriteString(g.word())
			words += 2
		default:
			n := min(left, 30+g.r.IntN(60))
			lineLen := 0
			for n > 0 {
				if lineLen > 0 {
					b.WriteByte(' ')
				}
				start := b.Len()
				k := min(n, 6+g.r.IntN(18))
				switch x := g.r.Float64(); {
				case x < 0.05:
					b.WriteString("**")
					k = g.appendSentence(&b, k)
					b.WriteString("**")
				case x < 0.09:
					b.WriteString("*")
					k = g.appendSentence(&b, k)
					b.WriteString("*")
				case x < 0.12:
					b.WriteString("[")
					w := g.word()
					b.WriteString(w)
					b.WriteString("](https://example.org/")
					b.WriteString(url(w))
					b.WriteString(") ")
					k = g.appendSentence(&b, k) + 1
				default:
					k = g.appendSentence(&b, k)
				}
				n -= k
				words += k
				// hand-wrapped lines, as people write them
				lineLen += b.Len() - start
				if lineLen > 70 && n > 0 {
					b.WriteByte('\n')
					lineLen = 0
				}
			}
		}
	}
	if g.o.Tricky && g.chance(0.1) {
		switch g.r.IntN(4) {
		case 0:
			b.WriteString("\n\n[[event]]\nid = \"not-an-event\"")
		case 1:
			b.WriteString("\n\nA quote with \"\"two quotes\"\" and a path C:\\temp\\x.")
		case 2:
			b.WriteString("\n  [[event.source]]\n'''")
		case 3:
			b.WriteString("\n\nTabs\tand a bell-free \\u escape: caf\u00e9 \\\" ok")
		}
	}
	return b.String()
}

// url makes a word into a URL path segment.
func url(w string) string {
	var b strings.Builder
	for _, r := range w {
		if r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "page"
	}
	return b.String()
}

func capitalize(w string) string {
	r, size := utf8.DecodeRuneInString(w)
	if r == '“' || r == '"' || r == '—' {
		return w
	}
	return string(unicode.ToUpper(r)) + w[size:]
}

func (g *gen) url(publisher string, y, m, d int) string {
	host := strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			return r
		case r >= 'A' && r <= 'Z':
			return unicode.ToLower(r)
		}
		return -1
	}, publisher)
	if host == "" {
		host = "example"
	}
	scheme := "https"
	if g.chance(0.05) {
		scheme = "http"
	}
	u := fmt.Sprintf("%s://www.%s.com/%04d/%02d/%02d/%s-%s.html", scheme, host, y, m, d, g.slugWord(), g.slugWord())
	if g.chance(0.1) {
		u += "?ref=archive#section-" + strconv.Itoa(1+g.r.IntN(9))
	}
	return u
}

func monthName(m int) string {
	return [...]string{"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"}[m-1]
}
