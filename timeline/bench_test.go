package timeline

import (
	"fmt"
	"os"
	"runtime"
	"strings"
	"sync"
	"testing"

	"backstory/internal/synth"

	"github.com/BurntSushi/toml"
)

// Benchmarks of the load and the query language on generated chronologies
// (see BENCHMARKS.md for the numbers and how to reproduce them). Every
// benchmark that has a target has a baseline measured in the same run, so
// that a ratio can be read on a noisy machine.
//
// By default the sizes are small, so that CI runs each benchmark once in
// seconds; BACKSTORY_BENCH_BIG=1 adds the 100,000-event sizes the report
// is about.

// benchBig reports whether the 100,000-event sizes are wanted.
func benchBig() bool { return os.Getenv("BACKSTORY_BENCH_BIG") != "" }

// benchSizes are the chronology sizes of the load benchmarks.
func benchSizes() []int {
	if benchBig() {
		return []int{1_000, 10_000, 100_000}
	}
	return []int{1_000, 10_000}
}

// benchQuerySize is the size the query benchmarks run at.
func benchQuerySize() int {
	if benchBig() {
		return 100_000
	}
	return 1_000
}

func sizeName(n int) string {
	if n%1000 == 0 {
		return fmt.Sprintf("%dk", n/1000)
	}
	return fmt.Sprint(n)
}

var (
	benchFilesMu sync.Mutex
	benchFiles   = map[int][]byte{}
	benchChrons  = map[int]*Chronology{}
)

// benchFile returns the generated chronology of n events (seed 1).
func benchFile(tb testing.TB, n int) []byte {
	tb.Helper()
	benchFilesMu.Lock()
	defer benchFilesMu.Unlock()
	if data, ok := benchFiles[n]; ok {
		return data
	}
	data := synth.Generate(synth.Options{Events: n, Seed: 1})
	benchFiles[n] = data
	return data
}

// benchChronology returns the loaded and indexed chronology of n events.
func benchChronology(tb testing.TB, n int) *Chronology {
	tb.Helper()
	data := benchFile(tb, n)
	benchFilesMu.Lock()
	defer benchFilesMu.Unlock()
	if c, ok := benchChrons[n]; ok {
		return c
	}
	c, diags := Parse("bench.toml", data)
	if c == nil || len(diags) > 0 {
		tb.Fatalf("the generated file does not load cleanly:\n%s", firstLines(diags.String(), 10))
	}
	c.searchTexts()
	benchChrons[n] = c
	return c
}

func firstLines(s string, n int) string {
	lines := strings.SplitAfter(s, "\n")
	if len(lines) > n {
		lines = append(lines[:n], fmt.Sprintf("... and %d more\n", len(lines)-n))
	}
	return strings.Join(lines, "")
}

// decodeFile is the chronology as plain structs, for the baseline decode:
// what any program reading the format with BurntSushi/toml would do.
type decodeFile struct {
	Title       string        `toml:"title"`
	Description string        `toml:"description"`
	Era         []decodeEra   `toml:"era"`
	Event       []decodeEvent `toml:"event"`
}

type decodeEra struct {
	Title string `toml:"title"`
	Start any    `toml:"start"`
	End   any    `toml:"end"`
}

type decodeEvent struct {
	ID          string         `toml:"id"`
	Date        any            `toml:"date"` // a date, a string or a year
	End         any            `toml:"end"`
	DisplayDate string         `toml:"display_date"`
	Approximate bool           `toml:"approximate"`
	Title       string         `toml:"title"`
	Summary     string         `toml:"summary"`
	Tags        []string       `toml:"tags"`
	People      []string       `toml:"people"`
	Places      []string       `toml:"places"`
	Links       []any          `toml:"links"` // ids and { to, note } tables
	Body        string         `toml:"body"`
	Source      []decodeSource `toml:"source"`
	Claim       []decodeClaim  `toml:"claim"`
}

type decodeSource struct {
	Title     string `toml:"title"`
	Publisher string `toml:"publisher"`
	URL       string `toml:"url"`
	Published any    `toml:"published"`
	Quote     string `toml:"quote"`
}

type decodeClaim struct {
	Text   string `toml:"text"`
	Status string `toml:"status"`
	Note   string `toml:"note"`
}

// BenchmarkLoad is the whole load of a file's bytes (decode, validation,
// positions, links, sort, backlinks, and the search index), against its
// baseline: a bare toml.Decode of the same bytes into plain structs.
func BenchmarkLoad(b *testing.B) {
	for _, n := range benchSizes() {
		data := benchFile(b, n)
		b.Run(sizeName(n)+"/load", func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				c, diags := Parse("bench.toml", data)
				if c == nil || len(diags) > 0 {
					b.Fatalf("does not load:\n%s", firstLines(diags.String(), 10))
				}
				c.searchTexts()
			}
		})
		b.Run(sizeName(n)+"/baseline-decode", func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				var f decodeFile
				if _, err := toml.Decode(string(data), &f); err != nil {
					b.Fatal(err)
				}
				if len(f.Event) != n {
					b.Fatalf("%d events decoded, want %d", len(f.Event), n)
				}
			}
		})
	}
}

// BenchmarkLoadHeap reports the heap in use after a load (with the search
// index built), per event and as a multiple of the file's size.
func BenchmarkLoadHeap(b *testing.B) {
	for _, n := range benchSizes() {
		data := benchFile(b, n)
		b.Run(sizeName(n), func(b *testing.B) {
			var perEvent, ofFile float64
			for b.Loop() {
				b.StopTimer()
				file := string(data) // what a load starts from, freed below
				runtime.GC()
				var before runtime.MemStats
				runtime.ReadMemStats(&before)
				b.StartTimer()
				c, diags := Parse("bench.toml", []byte(file))
				if c == nil || len(diags) > 0 {
					b.Fatalf("does not load:\n%s", firstLines(diags.String(), 10))
				}
				c.searchTexts()
				b.StopTimer()
				file = ""
				runtime.GC()
				var after runtime.MemStats
				runtime.ReadMemStats(&after)
				runtime.KeepAlive(c)
				heap := float64(after.HeapAlloc) - float64(before.HeapAlloc) + float64(len(data))
				perEvent = heap / float64(n)
				ofFile = heap / float64(len(data))
				b.StartTimer()
			}
			b.ReportMetric(perEvent, "heap-B/event")
			b.ReportMetric(ofFile, "heap/file")
			b.ReportMetric(float64(len(data))/float64(n), "file-B/event")
		})
	}
}

// benchQueries are the representative queries, by name.
var benchQueries = []struct {
	name, query string
	naive       string // the lower-cased word the naive scan looks for; "" when there is none
}{
	{"one-letter", "a", "a"},
	{"rare-word", "mikripoley", "mikripoley"},
	{"common-word", "government", "government"},
	{"accented-word", "mexico", ""},
	{"two-words", "police budget", "police"},
	{"phrase", `"federal court"`, "federal court"},
	{"negation", "-the", "the"},
	{"tag", "tag:immigration", "immigration"},
	{"from-to", "from:2018-02 to:2019-06", ""},
	{"is-unsourced", "is:unsourced", ""},
	{"links", "links:", ""}, // the id is filled in from the chronology
	{"mixed", `"supreme court" -tag:budget from:2001 person:garcia`, ""},
	// the worst case of the index: a phrase of the most common words,
	// which most events hold apart and many side by side
	{"phrase-common-words", `"of the"`, "of the"},
	// OR and groups; their baseline is the plain matcher (Match on every
	// event), see orQuery
	{"or-fields", "tag:immigration OR tag:budget year:2018", ""},
	{"or-negated-group", `government -(police OR "federal court") from:2010`, ""},
	{"or-claims", "claim:false OR claim:disputed OR is:unsourced", ""},
}

// orQuery reports whether a benchmark query uses OR or a group.
func orQuery(query string) bool {
	return strings.Contains(query, " OR ") || strings.Contains(query, "(")
}

// BenchmarkQuery runs each representative query over the chronology
// (index built), against the naive baseline: every field lower-cased on
// every search and scanned for the word.
func BenchmarkQuery(b *testing.B) {
	n := benchQuerySize()
	c := benchChronology(b, n)
	for _, bq := range benchQueries {
		query := bq.query
		if query == "links:" {
			query += linkedID(c)
		}
		q, err := ParseQuery(query)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(sizeName(n)+"/"+bq.name+"/index", func(b *testing.B) {
			b.ReportMetric(float64(len(q.Filter(c))), "matches")
			for b.Loop() {
				q.Filter(c)
			}
		})
		if orQuery(bq.query) {
			b.Run(sizeName(n)+"/"+bq.name+"/baseline-match", func(b *testing.B) {
				matches := 0
				for b.Loop() {
					matches = 0
					for _, e := range c.Events {
						if q.Match(c, e) {
							matches++
						}
					}
				}
				b.ReportMetric(float64(matches), "matches")
			})
		}
		if bq.naive == "" {
			continue
		}
		tagOnly := strings.HasPrefix(bq.query, "tag:")
		b.Run(sizeName(n)+"/"+bq.name+"/baseline-naive", func(b *testing.B) {
			for b.Loop() {
				naiveScan(c, bq.naive, tagOnly)
			}
		})
	}
}

// linkedID is the id of the event with the most backlinks.
func linkedID(c *Chronology) string {
	best := c.Events[0]
	for _, e := range c.Events {
		if len(e.Backlinks) > len(best.Backlinks) {
			best = e
		}
	}
	return best.ID
}

// naiveScan is the baseline search: each field of each event lower-cased
// (without accent folding) and searched for word, as a first version
// would do it.
func naiveScan(c *Chronology, word string, tagOnly bool) []*Event {
	var out []*Event
	var fields []string
	for _, e := range c.Events {
		if tagOnly {
			fields = append(fields[:0], e.Tags...)
		} else {
			fields = append(fields[:0], e.ID, e.Title, e.Summary, e.Body)
			fields = append(fields, e.Tags...)
			fields = append(fields, e.People...)
			fields = append(fields, e.Places...)
			for _, s := range e.Sources {
				fields = append(fields, s.Title, s.Publisher, s.Quote)
			}
			for _, cl := range e.Claims {
				fields = append(fields, cl.Text, cl.Note)
			}
		}
		for _, f := range fields {
			if strings.Contains(strings.ToLower(f), word) {
				out = append(out, e)
				break
			}
		}
	}
	return out
}
