// Package synth writes synthetic chronologies: TOML files in backstory's
// format (see events.toml), as large as asked and the same for the same
// seed, for benchmarks and for trying the viewer on a big archive by hand
// (the command is ./internal/synth/cmd/synth).
//
// The files look like a merged archive of many stories: each story is a
// run of events close in time that link to one another, in date order;
// the stories follow one another in no order. An event has a title of 5-15
// words, a Markdown body of 50-400 words (paragraphs, lists, quotes,
// emphasis, links), 0-5 tags, people and places, 1-3 sources (a few
// events have none), links to other events, sometimes claims; dates are
// mostly TOML dates, with partial dates ("2018", "2018-02"), date-times
// and spans mixed in; names and some words are not ASCII (México, Łódź,
// “curly quotes”, em dashes).
package synth

import (
	"bytes"
	"fmt"
	"io"
	"math/rand/v2"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Options say what to generate.
type Options struct {
	// Events is the number of [[event]] tables.
	Events int
	// Seed chooses the content: the same options give the same bytes.
	Seed uint64
	// MinBodyWords and MaxBodyWords bound the words of each body (50 and
	// 400 when zero).
	MinBodyWords, MaxBodyWords int
	// Tricky mixes in what hand-edited files have and what a loader must
	// get right: header-like lines inside multi-line strings (basic and
	// literal), headers indented, quoted, spaced or followed by a comment,
	// escapes, literal strings, CRLF line ends, links spread over lines
	// with comments, comments that look like headers.
	Tricky bool
	// LateEra puts an [[era]] table after the events, where TOML allows a
	// top-level table too.
	LateEra bool
}

// Generate returns the chronology as TOML.
func Generate(o Options) []byte {
	var buf bytes.Buffer
	buf.Grow(o.Events * 2300)
	newGen(o).write(&buf)
	return buf.Bytes()
}

// Write writes the chronology as TOML to w.
func Write(w io.Writer, o Options) error {
	_, err := w.Write(Generate(o))
	return err
}

type gen struct {
	o      Options
	r      *rand.Rand
	zipf   *rand.Zipf
	people []string
	ids    []string
	b      *bytes.Buffer
	crlf   bool // the current event's lines end with CRLF
}

func newGen(o Options) *gen {
	if o.MinBodyWords <= 0 {
		o.MinBodyWords = 50
	}
	if o.MaxBodyWords < o.MinBodyWords {
		o.MaxBodyWords = max(400, o.MinBodyWords)
	}
	r := rand.New(rand.NewPCG(o.Seed, 0x6261636b73746f72))
	g := &gen{o: o, r: r, zipf: rand.NewZipf(r, 1.1, 2, uint64(len(vocab())-1))}
	// a cast of people for the whole archive: some recur often
	for range 400 + o.Events/20 {
		g.people = append(g.people, firstNames[r.IntN(len(firstNames))]+" "+lastNames[r.IntN(len(lastNames))])
	}
	g.ids = make([]string, o.Events)
	for i := range g.ids {
		g.ids[i] = g.slugWord() + "-" + g.slugWord() + "-" + strconv.Itoa(i+1)
	}
	return g
}

// slugWord is an ASCII word fit for an id.
func (g *gen) slugWord() string {
	for {
		w := vocab()[g.zipf.Uint64()]
		if isSlug(w) && len(w) > 2 {
			return w
		}
	}
}

func isSlug(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return s != ""
}

func (g *gen) chance(p float64) bool { return g.r.Float64() < p }

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

// nl ends a line, with CRLF inside an event written that way.
func (g *gen) nl() {
	if g.crlf {
		g.b.WriteByte('\r')
	}
	g.b.WriteByte('\n')
}

func (g *gen) line(s string) {
	g.b.WriteString(s)
	g.nl()
}

func (g *gen) write(b *bytes.Buffer) {
	g.b = b
	fmt.Fprintf(b, "# A synthetic chronology: %d events, seed %d (backstory/internal/synth).\n\n", g.o.Events, g.o.Seed)
	g.line(`title = "A merged archive of ` + strconv.Itoa(g.o.Events) + ` events"`)
	g.b.WriteString("description = ")
	g.multiline(g.body(40, 80))
	g.nl()
	eras := []struct{ title, start, end string }{
		{"The long twentieth century", "1900", "1989-11-09"},
		{"After the Cold War", "1989-11-09", "2001-09-11"},
		{"The new century", "2001-09-11", ""},
	}
	for _, e := range eras {
		g.nl()
		g.line("[[era]]")
		g.line("title = " + basic(e.title))
		g.line("start = " + tomlDateText(e.start))
		if e.end != "" {
			g.line("end = " + tomlDateText(e.end))
		}
	}
	for i := 0; i < g.o.Events; {
		n := min(5+g.r.IntN(56), g.o.Events-i)
		g.story(i, n)
		i += n
	}
	if g.o.LateEra {
		g.nl()
		g.line("[[era]]")
		g.line(`title = "An era written after the events"`)
		g.line("start = 2020-03-11")
	}
}

// tomlDateText writes "YYYY" and "YYYY-MM" as strings, full dates bare.
func tomlDateText(s string) string {
	if len(s) == 10 {
		return s
	}
	return basic(s)
}

// story writes events first..first+n-1: one story, in date order, around
// one place and a few people, linking mostly among themselves.
func (g *gen) story(first, n int) {
	year := 1990 + g.r.IntN(36)
	if g.chance(0.2) {
		year = 1900 + g.r.IntN(90)
	}
	day := g.r.IntN(365)
	tags := make([]string, 1+g.r.IntN(4))
	for i := range tags {
		tags[i] = g.pick(tagWords)
	}
	place := g.pick(placeNames)
	cast := make([]string, 1+g.r.IntN(5))
	for i := range cast {
		cast[i] = g.pick(g.people)
	}
	for i := range n {
		day += g.r.IntN(40)
		g.event(first+i, first, n, year+day/365, day%365, tags, place, cast)
	}
}

func (g *gen) event(i, storyFirst, storyLen, year, yday int, tags []string, place string, cast []string) {
	g.nl()
	g.crlf = g.o.Tricky && g.chance(0.05)
	if g.o.Tricky && g.chance(0.05) {
		g.line("# [[event]] a comment that looks like a header")
	}
	g.line(g.header("event"))
	if g.o.Tricky && g.chance(0.03) {
		g.line(`"id" = ` + basic(g.ids[i]))
	} else {
		g.line("id = " + basic(g.ids[i]))
	}
	month, dom := monthDay(yday)
	g.line("date = " + g.date(year, month, dom))
	if g.chance(0.1) {
		ey, em, ed := year, month+1+g.r.IntN(6), dom
		if em > 12 {
			ey, em = ey+1, em-12
		}
		g.line("end = " + fmt.Sprintf("%04d-%02d-%02d", ey, em, min(ed, 28)))
	}
	if g.chance(0.03) {
		g.line("display_date = " + basic(fmt.Sprintf("Around %s %d", monthName(month), year)))
	}
	if g.chance(0.05) {
		g.line("approximate = true")
	}
	g.line("title = " + g.str(g.title()))
	if g.chance(0.6) {
		g.line("summary = " + g.str(g.sentence(10+g.r.IntN(16))))
	}
	g.list("tags", g.some(tags, 0, 5, tagWords))
	g.list("people", g.some(cast, 0, 4, g.people))
	var places []string
	if g.chance(0.7) {
		places = append(places, place)
	}
	for range g.r.IntN(3) {
		places = append(places, g.pick(placeNames))
	}
	g.list("places", places)
	g.links(i, storyFirst, storyLen)
	g.b.WriteString("body = ")
	g.multiline(g.body(g.o.MinBodyWords, g.o.MaxBodyWords))
	g.nl()
	sources := 1 + g.r.IntN(3)
	if g.chance(0.04) {
		sources = 0
	}
	for range sources {
		g.nl()
		g.line(g.header("event.source"))
		pub := g.pick(publishers)
		g.line("title = " + g.str(g.title()))
		g.line("publisher = " + basic(pub))
		g.line("url = " + basic(g.url(pub, year, month, dom)))
		if g.chance(0.8) {
			d := min(dom+g.r.IntN(3), 28)
			if g.chance(0.15) {
				g.line(fmt.Sprintf("published = \"%04d-%02d\"", year, month))
			} else {
				g.line(fmt.Sprintf("published = %04d-%02d-%02d", year, month, d))
			}
		}
		if g.chance(0.4) {
			g.line("quote = " + g.str(g.sentence(8+g.r.IntN(20))))
		}
	}
	if g.chance(0.25) {
		for range 1 + g.r.IntN(2) {
			g.nl()
			g.line(g.header("event.claim"))
			g.line("text = " + g.str(g.sentence(8+g.r.IntN(15))))
			status := "verified"
			switch x := g.r.Float64(); {
			case x < 0.25:
				status = "unverified"
			case x < 0.4:
				status = "disputed"
			case x < 0.5:
				status = "false"
			}
			g.line("status = " + basic(status))
			if g.chance(0.7) {
				g.line("note = " + g.str(g.sentence(8+g.r.IntN(20))))
			}
		}
	}
	g.crlf = false
}

// header writes [[name]], in tricky files sometimes the other ways TOML
// allows.
func (g *gen) header(name string) string {
	if !g.o.Tricky || !g.chance(0.2) {
		return "[[" + name + "]]"
	}
	first, rest, _ := strings.Cut(name, ".")
	if rest != "" {
		rest = "." + rest
	}
	switch g.r.IntN(6) {
	case 0:
		return "  [[" + name + "]]"
	case 1:
		return "[[ " + name + " ]]"
	case 2:
		return `[["` + first + `"` + rest + "]]"
	case 3:
		return "[['" + first + "'" + strings.ReplaceAll(rest, ".", " . ") + "]]"
	case 4:
		return "[[" + name + "]]   # " + g.sentence(3)
	}
	return "\t[[" + name + "]]\t"
}

// date writes a date the ways files do: mostly TOML dates, some partial
// dates, date-times and years.
func (g *gen) date(year, month, day int) string {
	switch x := g.r.Float64(); {
	case x < 0.75:
		return fmt.Sprintf("%04d-%02d-%02d", year, month, day)
	case x < 0.83:
		return fmt.Sprintf("\"%04d-%02d\"", year, month)
	case x < 0.88:
		return fmt.Sprintf("\"%04d\"", year)
	case x < 0.93:
		return fmt.Sprintf("%04d-%02d-%02dT%02d:%02d:00-05:00", year, month, day, g.r.IntN(24), g.r.IntN(60))
	case x < 0.97:
		return fmt.Sprintf("%04d-%02d-%02dT%02d:%02d:00", year, month, day, g.r.IntN(24), g.r.IntN(60))
	case x < 0.99:
		return fmt.Sprintf("%04d-%02d-%02dT%02d:30:00Z", year, month, day, g.r.IntN(24))
	}
	// (bare years were integers, date = 2018, which the format no longer
	// takes; they are strings now, drawn as before so that the files are
	// otherwise the same)
	return fmt.Sprintf("\"%04d\"", year)
}

func monthDay(yday int) (int, int) {
	m := yday/31 + 1
	return min(m, 12), yday%28 + 1
}

func monthName(m int) string {
	return [...]string{"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December"}[m-1]
}

// some returns up to max items: mostly from the story's own, some from all.
func (g *gen) some(own []string, lo, hi int, all []string) []string {
	n := lo + g.r.IntN(hi-lo+1)
	out := make([]string, 0, n)
	for range n {
		s := g.pick(all)
		if g.chance(0.7) {
			s = g.pick(own)
		}
		dup := false
		for _, o := range out {
			dup = dup || o == s
		}
		if !dup {
			out = append(out, s)
		}
	}
	return out
}

func (g *gen) list(key string, items []string) {
	if len(items) == 0 {
		return
	}
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = g.str(s)
	}
	g.line(key + " = [" + strings.Join(q, ", ") + "]")
}

// links writes 0-4 links, mostly to events of the same story.
func (g *gen) links(i, storyFirst, storyLen int) {
	var n int
	switch x := g.r.Float64(); {
	case x < 0.3:
		n = 0
	case x < 0.6:
		n = 1
	case x < 0.8:
		n = 2
	case x < 0.92:
		n = 3
	default:
		n = 4
	}
	if n == 0 || len(g.ids) < 2 {
		return
	}
	items := make([]string, 0, n)
	for range n {
		t := storyFirst + g.r.IntN(storyLen)
		if g.chance(0.3) || t == i {
			t = g.r.IntN(len(g.ids))
		}
		if t == i {
			continue
		}
		if g.chance(0.3) {
			items = append(items, "{ to = "+basic(g.ids[t])+", note = "+g.str(g.sentence(3+g.r.IntN(6)))+" }")
		} else {
			items = append(items, basic(g.ids[t]))
		}
	}
	if len(items) == 0 {
		return
	}
	if g.o.Tricky && g.chance(0.3) {
		g.line("links = [")
		for k, it := range items {
			if k == 0 {
				g.line("  " + it + ", # the first link")
			} else {
				g.line("  " + it + ",")
			}
		}
		g.line("]")
		return
	}
	g.line("links = [" + strings.Join(items, ", ") + "]")
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

// str writes a one-line string: basic, and in tricky files sometimes
// literal or with escapes.
func (g *gen) str(s string) string {
	if g.o.Tricky {
		switch x := g.r.Float64(); {
		case x < 0.05 && !strings.Contains(s, "'"):
			return "'" + s + "'"
		case x < 0.08:
			return strings.Replace(basic(s), "e", `\u0065`, 1)
		}
	}
	return basic(s)
}

// multiline writes Markdown as a """ string ending with a newline, the
// way the interop writer does; tricky files also get ”' strings and
// escaped quotes.
func (g *gen) multiline(s string) {
	if g.crlf {
		s = strings.ReplaceAll(s, "\n", "\r\n")
	}
	if g.o.Tricky && g.chance(0.1) && !strings.Contains(s, "'''") {
		g.b.WriteString("'''")
		g.nl()
		g.b.WriteString(s)
		g.nl()
		g.b.WriteString("'''")
		return
	}
	g.b.WriteString(`"""`)
	g.nl()
	quotes := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '"':
			if quotes == 2 {
				g.b.WriteString(`\"`)
				quotes = 0
				continue
			}
			quotes++
			g.b.WriteByte(c)
			continue
		case '\\':
			g.b.WriteString(`\\`)
		default:
			g.b.WriteByte(c)
		}
		quotes = 0
	}
	g.nl()
	g.b.WriteString(`"""`)
}

// basic is a TOML basic string.
func basic(s string) string {
	if !strings.ContainsAny(s, "\"\\") {
		return `"` + s + `"`
	}
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' || s[i] == '\\' {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	b.WriteByte('"')
	return b.String()
}
