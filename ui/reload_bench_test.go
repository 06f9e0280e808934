package ui

import (
	"bytes"
	"testing"
	"time"

	"backstory/timeline"
	tea "charm.land/bubbletea/v2"
)

// BenchmarkReload is a save of the file while the viewer shows it
// filtered: the reload's command (reading, comparing and filtering, off
// the key path) and the one Update that takes its result in. "in-Update
// before" is the work the viewer used to do inside that Update (compare
// the chronologies, filter the new one, lay the list out), measured in
// the same run as the baseline: every millisecond of it was a frame the
// terminal waited for.
func BenchmarkReload(b *testing.B) {
	c, data := benchChronology(b)
	const query = "year:2018"
	// the file as it is, and a version with the last event's title
	// changed: every reload is a change, found only at the end of the
	// comparison, as for a save of an edit near the end of a long file
	last := bytes.LastIndex(data, []byte(`title = "`))
	changed := append(append(bytes.Clone(data[:last]), `title = "Changed: `...), data[last+len(`title = "`):]...)
	versions := make([]*timeline.Chronology, 2)
	for i, src := range [][]byte{data, changed} {
		v, diags := timeline.Parse("bench.toml", src)
		if v == nil || diags.HasErrors() {
			b.Fatal("the generated chronology does not load")
		}
		v.PrepareSearch()
		versions[i] = v
	}
	start := func(b *testing.B) *driver {
		d := benchDriver(b, c)
		d.press("/").typeText(query).press("enter")
		d.m.opts.Paths = []string{"bench.toml"}
		return d
	}
	request := func(d *driver, next *timeline.Chronology) reloadRequest {
		return reloadRequest{
			load: func(func(int64, int64)) (*timeline.Chronology, timeline.Diagnostics, string) {
				return next, nil, "bench.toml"
			},
			seq: d.m.files.seq, why: reloadWatch, shown: d.m.chron, base: d.m.chron, label: d.m.label,
			query: d.m.filter.Applied(),
		}
	}

	b.Run("in-Update before/"+sizeLabel(), func(b *testing.B) {
		d := start(b)
		q, err := timeline.ParseQuery(query)
		if err != nil {
			b.Fatal(err)
		}
		shown, i := d.m.chron, 1
		for b.Loop() {
			next := versions[i%2]
			i++
			if sameChronology(shown, next) {
				b.Fatal("the versions are the same")
			}
			events := q.Filter(next)
			d.m.list.Reload(factsOf(next), events, d.m.current)
			shown = next
		}
	})
	b.Run("command/"+sizeLabel(), func(b *testing.B) {
		d := start(b)
		i := 0
		for b.Loop() {
			reloadCmd(request(d, versions[(i+1)%2]))()
			i++
		}
	})
	b.Run("Update now/"+sizeLabel(), func(b *testing.B) {
		d := start(b)
		var longest time.Duration
		for i := 0; i < b.N; i++ {
			b.StopTimer()
			msg := reloadCmd(request(d, versions[(i+1)%2]))().(reloadedMsg)
			if msg.same || msg.chron == nil {
				b.Fatal("the reload saw no change")
			}
			b.StartTimer()
			var m tea.Model = d.m
			t0 := time.Now()
			m.Update(msg)
			longest = max(longest, time.Since(t0))
		}
		b.StopTimer()
		b.ReportMetric(float64(longest.Microseconds())/1000, "max-ms")
		if d.m.chron != versions[b.N%2] {
			b.Fatal("the reload was not taken in")
		}
	})
}
