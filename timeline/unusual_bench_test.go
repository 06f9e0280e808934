//go:build unix

package timeline

import (
	"fmt"
	"strings"
	"testing"
)

// Benchmarks of the unusual inputs of unusual_test.go, each at sizes ten
// times apart: a load linear in its input takes about ten times as long
// at the next size, a quadratic one a hundred (no test times anything:
// the ratios are read from a run, see BENCHMARKS.md). By default the
// sizes are small, so that CI runs each once in seconds;
// BACKSTORY_BENCH_BIG=1 adds the next size up.
//
//	go test -run '^$' -bench 'ManyLinks|LinksToMissing|HugeBody|DeepNesting|TooDeepScan|UnknownKeys' -benchtime=3x ./timeline

// unusualSizes are n and 10n, and 100n with BACKSTORY_BENCH_BIG.
func unusualSizes(n int) []int {
	if benchBig() {
		return []int{n, 10 * n, 100 * n}
	}
	return []int{n, 10 * n}
}

func mbName(n int) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%gMB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%gkB", float64(n)/(1<<10))
}

// benchParse loads data b.N times; it must load (or fail) as wanted.
func benchParse(b *testing.B, data []byte, loads bool, per int, unit string) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		c, diags := Parse("bench.toml", data)
		if (c != nil) != loads {
			b.Fatalf("loaded %v, want %v:\n%s", c != nil, loads, firstLines(diags.String(), 5))
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(per), "ns/"+unit)
}

// BenchmarkManyLinks: one event linking to n others (links, backlinks).
func BenchmarkManyLinks(b *testing.B) {
	for _, n := range unusualSizes(1000) {
		data := []byte(manyLinks(n))
		b.Run(sizeName(n), func(b *testing.B) { benchParse(b, data, true, n, "link") })
	}
}

// BenchmarkLinksToMissing: n links, one a line, to one missing id, each
// an error with its position and a suggestion.
func BenchmarkLinksToMissing(b *testing.B) {
	for _, n := range unusualSizes(1000) {
		data := []byte(linksToMissing(n))
		b.Run(sizeName(n), func(b *testing.B) { benchParse(b, data, false, n, "link") })
	}
}

// BenchmarkLinksToManyMissing: one event with n links on one line, each
// to a different missing id, among n events: the suggestions stop at
// their budget.
func BenchmarkLinksToManyMissing(b *testing.B) {
	for _, n := range unusualSizes(1000) {
		data := []byte(strings.ReplaceAll(manyLinks(n), `links = ["e-`, `links = ["x-`))
		data = []byte(strings.ReplaceAll(string(data), `, "e-`, `, "x-`))
		b.Run(sizeName(n), func(b *testing.B) { benchParse(b, data, false, n, "link") })
	}
}

// BenchmarkHugeBody: three events, one with a body of n bytes.
func BenchmarkHugeBody(b *testing.B) {
	for _, n := range unusualSizes(512 << 10) {
		file, _ := hugeBody(n)
		data := []byte(file)
		b.Run(mbName(n), func(b *testing.B) { benchParse(b, data, true, n>>10, "kB") })
	}
}

// BenchmarkDeepNesting: inline tables and arrays nested n deep, refused
// before decoding, and the same a line each.
func BenchmarkDeepNesting(b *testing.B) {
	for _, n := range unusualSizes(10_000) {
		for _, k := range []struct{ name, open, close string }{
			{"tables", "{a=", "}"},
			{"arrays", "[", "]"},
			{"arrays-lines", "[\n", "]\n"},
		} {
			data := []byte("title = \"t\"\n" + nested(n, k.open, "1", k.close))
			b.Run(k.name+"/"+sizeName(n), func(b *testing.B) { benchParse(b, data, false, n, "level") })
		}
	}
}

// BenchmarkTooDeepScan is what the nesting guard costs a valid file read
// whole: the scan alone, beside the whole load of the same generated file
// (BenchmarkLoad/10k/load). (A file read in parts has its depth from the
// scan of its layout, at no cost more.)
func BenchmarkTooDeepScan(b *testing.B) {
	for _, n := range benchSizes() {
		src := crlfToLF(benchFile(b, n))
		b.Run(sizeName(n), func(b *testing.B) {
			b.SetBytes(int64(len(src)))
			for b.Loop() {
				if _, _, deep := tooDeep(src); deep {
					b.Fatal("the generated file is too deep")
				}
			}
		})
	}
}

// BenchmarkUnknownKeys: n unknown keys, at the top level and in one
// event, each a warning at its line (sorted by line, each found once).
func BenchmarkUnknownKeys(b *testing.B) {
	for _, n := range unusualSizes(1000) {
		for _, k := range []struct{ name, head string }{
			{"top", "title = \"t\"\n"},
			{"event", "title = \"t\"\n" + okEvent},
		} {
			data := []byte(unknownKeys(k.head, n))
			b.Run(k.name+"/"+sizeName(n), func(b *testing.B) { benchParse(b, data, true, n, "key") })
		}
	}
}
