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

func monthDay(yday int) (int, int) {
	m := yday/31 + 1
	return min(m, 12), yday%28 + 1
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
