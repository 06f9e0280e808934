package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"backstory/internal/synth"
	"backstory/timeline"
	tea "charm.land/bubbletea/v2"
)

// Benchmarks of the viewer on a big chronology (see BENCHMARKS.md). By
// default they run on 1,000 events, so that CI runs each once in seconds;
// BACKSTORY_BENCH_BIG=1 runs them on the 100,000 events the report is
// about. Each measures what one key costs the Bubble Tea loop: Update, and
// View of the frame it leads to.

func benchEvents() int {
	if os.Getenv("BACKSTORY_BENCH_BIG") != "" {
		return 100_000
	}
	return 1_000
}

var (
	benchOnce  sync.Once
	benchData  []byte
	benchChron *timeline.Chronology
)

// benchChronology is the generated chronology of benchEvents() events
// (seed 1, the file the timeline benchmarks load), and its text.
func benchChronology(tb testing.TB) (*timeline.Chronology, []byte) {
	tb.Helper()
	benchOnce.Do(func() {
		benchData = synth.Generate(synth.Options{Events: benchEvents(), Seed: 1})
		c, diags := timeline.Parse("bench.toml", benchData)
		if c != nil && !diags.HasErrors() {
			c.PrepareSearch() // as the viewer's load does
			benchChron = c
		}
	})
	if benchChron == nil {
		tb.Fatal("the generated chronology does not load")
	}
	return benchChron, benchData
}

// benchDriver is a viewer at 120x40 on c, loaded, with the first event's
// detail rendered.
func benchDriver(b *testing.B, c *timeline.Chronology) *driver {
	b.Helper()
	return newDriver(b, 120, 40, Options{
		Load: func(func(done, total int64)) (*timeline.Chronology, timeline.Diagnostics, string) {
			return c, nil, "bench.toml"
		},
	})
}

func sizeLabel() string { return fmt.Sprintf("%dk", benchEvents()/1000) }

// BenchmarkCursorMove is one step down the list: Update for the key and
// View of the frame. The detail pane of the new event shows its
// placeholder until Glamour, in a command, is done.
func BenchmarkCursorMove(b *testing.B) {
	c, _ := benchChronology(b)
	d := benchDriver(b, c)
	down, up := keyPress("j"), keyPress("k")
	var m tea.Model = d.m
	i := 0
	b.Run(sizeLabel(), func(b *testing.B) {
		for b.Loop() {
			key := down
			if i%2000 >= 1000 { // down a thousand, up a thousand
				key = up
			}
			i++
			m, _ = m.Update(key)
			_ = m.View()
		}
	})
}

// BenchmarkFilterKeystroke is one key typed in the filter bar with the
// query applied: Update for the key, the filter run the key starts (a
// command, run here at once), Update with its result, and View.
func BenchmarkFilterKeystroke(b *testing.B) {
	c, _ := benchChronology(b)
	for _, tc := range []struct{ name, typed, key string }{
		// "governmen" ⇄ "government": a common word
		{"word", "governmen", "t"},
		// "" ⇄ "a": every event but a few matches, the whole list rebuilt
		{"one-letter", "", "a"},
	} {
		b.Run(sizeLabel()+"/"+tc.name, func(b *testing.B) {
			d := benchDriver(b, c)
			d.press("/").typeText(tc.typed)
			m := d.m
			typeKey, erase := keyPress(tc.key), keyPress("backspace")
			i := 0
			for b.Loop() {
				key := typeKey
				if i%2 == 1 {
					key = erase
				}
				i++
				next, _ := m.Update(key)
				m = next.(*Model)
				msg := runFilter(m.chron, m.filter.seq, m.filter.input.Value())
				next, _ = m.Update(msg)
				m = next.(*Model)
				_ = m.View()
			}
			b.ReportMetric(float64(len(m.list.events)), "listed")
		})
	}
}

// BenchmarkFirstViewAfterLoad is the step from loading to usable: Update
// with the loaded chronology and View of the first full frame.
func BenchmarkFirstViewAfterLoad(b *testing.B) {
	c, _ := benchChronology(b)
	b.Run(sizeLabel(), func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			m := New(Options{Style: styleNoTTY})
			m.status.timers = false
			next, _ := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
			b.StartTimer()
			next, _ = next.Update(loadedMsg{chron: c, label: "bench.toml"})
			if v := next.View(); v.Content == "" {
				b.Fatal("empty frame")
			}
		}
	})
}

// BenchmarkStartup starts the viewer as the program does, the load running
// in a command while frames are drawn, and reports how long the first
// frame (the progress screen) takes to appear, how many progress frames
// are drawn, and how long until the first frame of the loaded timeline,
// all from the start. The load reads a generated file from disk.
func BenchmarkStartup(b *testing.B) {
	_, data := benchChronology(b)
	path := filepath.Join(b.TempDir(), "bench.toml")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		b.Fatal(err)
	}
	b.Run(sizeLabel(), func(b *testing.B) {
		var first, ready time.Duration
		progressFrames := 0
		for b.Loop() {
			start := time.Now()
			m := New(Options{
				Style: styleNoTTY,
				Load: func(progress func(done, total int64)) (*timeline.Chronology, timeline.Diagnostics, string) {
					c, diags := timeline.LoadProgress([]string{path}, progress)
					if c != nil {
						c.PrepareSearch() // as the viewer's load does (tui.go)
					}
					return c, diags, path
				},
			})
			m.status.timers = false
			msgs := make(chan tea.Msg, 16)
			// what the Bubble Tea loop does: run commands in goroutines,
			// feed their messages to Update, draw after each
			var run func(tea.Cmd)
			run = func(cmd tea.Cmd) {
				if cmd == nil {
					return
				}
				go func() {
					switch msg := cmd().(type) {
					case nil:
					case tea.BatchMsg:
						for _, c := range msg {
							run(c)
						}
					default:
						msgs <- msg
					}
				}()
			}
			run(m.Init())
			var model tea.Model = m
			model, _ = model.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
			_ = model.View()
			first = time.Since(start)
			for !model.(*Model).ready() {
				var cmd tea.Cmd
				msg := <-msgs
				if _, ok := msg.(renderedMsg); ok {
					continue
				}
				model, cmd = model.Update(msg)
				_ = model.View()
				if _, ok := msg.(loadProgressMsg); ok {
					progressFrames++
				}
				if _, ok := msg.(loadedMsg); !ok {
					run(cmd) // (the next wait for the load)
				}
			}
			ready = time.Since(start)
		}
		b.ReportMetric(float64(first.Microseconds())/1000, "first-frame-ms")
		b.ReportMetric(float64(ready.Microseconds())/1000, "ready-ms")
		b.ReportMetric(float64(progressFrames)/float64(b.N), "progress-frames")
	})
}

// longEvents is a small chronology whose events have 1,000-word bodies.
func longEvents(b *testing.B) *timeline.Chronology {
	b.Helper()
	c, diags := timeline.Parse("long.toml", synth.Generate(synth.Options{Events: 4, Seed: 2, MinBodyWords: 1000, MaxBodyWords: 1000}))
	if c == nil || diags.HasErrors() {
		b.Fatalf("the long events do not load:\n%s", diags)
	}
	return c
}

// BenchmarkDetailRender is the detail pane of an event with a 1,000-word
// body: its first rendering (Glamour, and the wrapping to the pane), and
// showing it again from the cache (Update for the key that comes back to
// it: the cache look-up and the pane's lines made ready).
func BenchmarkDetailRender(b *testing.B) {
	c := longEvents(b)
	b.Run("first", func(b *testing.B) {
		doc := eventDoc(c, c.Events[0]) // what the viewer renders
		for b.Loop() {
			if _, err := renderDocument(doc, 78, styleDark); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("cached", func(b *testing.B) {
		d := benchDriver(b, c)
		d.press("j", "k") // both rendered and cached
		var m tea.Model = d.m
		down, up := keyPress("j"), keyPress("k")
		i := 0
		for b.Loop() {
			key := down
			if i%2 == 1 {
				key = up
			}
			i++
			var cmd tea.Cmd
			m, cmd = m.Update(key)
			if cmd != nil {
				b.Fatal("the rendering was not in the cache")
			}
		}
	})
}

// BenchmarkRulerView is one frame of the time ruler at 200 columns, over
// every event, zoomed out and zoomed in, beside the list's own frame in
// the same run.
func BenchmarkRulerView(b *testing.B) {
	c, _ := benchChronology(b)
	d := newDriver(b, 200, 50, Options{
		Load: func(func(done, total int64)) (*timeline.Chronology, timeline.Diagnostics, string) {
			return c, nil, "bench.toml"
		},
	})
	d.press("/")
	d.typeText("year:2018")
	d.press("enter")
	if d.m.rulerH == 0 {
		b.Fatal("no ruler at 200x50")
	}
	b.Run("ruler/"+sizeLabel(), func(b *testing.B) {
		for b.Loop() {
			_ = d.m.ruler.View()
		}
	})
	d.press("+", "+", "+")
	b.Run("ruler-zoomed/"+sizeLabel(), func(b *testing.B) {
		for b.Loop() {
			_ = d.m.ruler.View()
		}
	})
	b.Run("list/"+sizeLabel(), func(b *testing.B) {
		for b.Loop() {
			_ = d.m.list.View()
		}
	})
}
