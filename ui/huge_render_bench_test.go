package ui

import (
	"fmt"
	"strings"
	"testing"

	"backstory/timeline"
	"backstory/timeline/interop"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

func hugeBenchChronology(b *testing.B, spec hugeSpec) *timeline.Chronology {
	if c, ok := hugeOnce.Load(spec); ok {
		return c.(*timeline.Chronology)
	}
	c := hugeChronology(b, spec)
	hugeOnce.Store(spec, c)
	return c
}

// eventMarkdown is the detail's document of e as one Markdown text.
func eventMarkdown(c *timeline.Chronology, e *timeline.Event) string {
	var b strings.Builder
	for _, blk := range eventDoc(c, e) {
		b.WriteString(strings.Repeat("\n", blk.gap))
		b.WriteString(blk.md)
	}
	return b.String()
}

// benchRender renders the huge event as the detail does (capped, in
// blocks), or all of it in one piece as `backstory show` does.
func benchRender(b *testing.B, c *timeline.Chronology, capped bool) {
	e := c.Event("huge")
	lines := 0
	for b.Loop() {
		var out []string
		var err error
		if capped {
			var doc document
			doc, err = renderDocument(eventDoc(c, e), 78, styleDark)
			out = doc.lines
		} else {
			out, err = renderMarkdown(interop.EventMarkdown(c, e), 78, styleDark)
		}
		if err != nil {
			b.Fatal(err)
		}
		lines = len(out)
	}
	b.ReportMetric(float64(lines), "lines")
}

// BenchmarkRenderBody: a body of 1 KB (the baseline), 256 KB (the cap),
// 1 MB and 50 MB.
func BenchmarkRenderBody(b *testing.B) {
	sizes := []int{1 << 10, 256 << 10, 1 << 20}
	if bigBench() {
		sizes = append(sizes, 4<<20, 50<<20)
	}
	for _, n := range sizes {
		c := hugeBenchChronology(b, hugeSpec{body: n})
		b.Run("viewer/"+sizeText(n), func(b *testing.B) { benchRender(b, c, true) })
		if n <= 256<<10 || bigBench() && n <= 4<<20 {
			b.Run("uncapped/"+sizeText(n), func(b *testing.B) { benchRender(b, c, false) })
		}
	}
}

// BenchmarkRenderLinks: 10 links (the baseline), listCap, and 10,000.
func BenchmarkRenderLinks(b *testing.B) {
	for _, n := range []int{10, listCap, 10_000} {
		c := hugeBenchChronology(b, hugeSpec{links: n})
		b.Run(fmt.Sprintf("viewer/%d", n), func(b *testing.B) { benchRender(b, c, true) })
		if n > listCap && bigBench() {
			b.Run(fmt.Sprintf("uncapped/%d", n), func(b *testing.B) { benchRender(b, c, false) })
		}
	}
}

// BenchmarkRenderHuge: the other huge events: 10,000 tags, a word of
// 100,000 characters, a title of 1 MB.
func BenchmarkRenderHuge(b *testing.B) {
	for _, tc := range []struct {
		name string
		spec hugeSpec
	}{
		{"tags-10000", hugeSpec{tags: 10_000}},
		{"word-100000", hugeSpec{word: 100_000}},
		{"title-1MB", hugeSpec{title: 1 << 20}},
	} {
		c := hugeBenchChronology(b, tc.spec)
		b.Run(tc.name, func(b *testing.B) { benchRender(b, c, true) })
	}
}

// BenchmarkHugeFrame is one key on a screen with a huge event: Update and
// View, the huge event's rendering already done. "list" moves the cursor
// on and off an event with a 1 MB title; "detail" scrolls a cut 50 MB
// body (1 MB unless BACKSTORY_BENCH_BIG).
func BenchmarkHugeFrame(b *testing.B) {
	body := 1 << 20
	if bigBench() {
		body = 50 << 20
	}
	b.Run("list", func(b *testing.B) {
		c := hugeBenchChronology(b, hugeSpec{title: 1 << 20, links: 1})
		d := newDriver(b, 120, 40, Options{Load: hugeLoad(c)})
		var m tea.Model = d.m
		down, up := keyPress("j"), keyPress("k")
		i := 0
		for b.Loop() {
			key := down
			if i%2 == 1 {
				key = up
			}
			i++
			m, _ = m.Update(key)
			_ = m.View()
		}
	})
	b.Run("detail", func(b *testing.B) {
		c := hugeBenchChronology(b, hugeSpec{body: body})
		d := hugeDriver(b, c, 120, 40)
		var m tea.Model = d.m
		down, up := keyPress("pgdown"), keyPress("pgup")
		i := 0
		for b.Loop() {
			key := down
			if i%200 >= 100 {
				key = up
			}
			i++
			m, _ = m.Update(key)
			if v := m.View(); ansi.StringWidth(v.Content) < 0 {
				b.Fatal()
			}
		}
	})
}
