package synth_test

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"backstory/internal/synth"
	"backstory/timeline"
)

func TestDeterministic(t *testing.T) {
	o := synth.Options{Events: 50, Seed: 7, Tricky: true}
	a, b := synth.Generate(o), synth.Generate(o)
	if !bytes.Equal(a, b) {
		t.Fatal("the same options give different files")
	}
	o.Seed = 8
	if bytes.Equal(a, synth.Generate(o)) {
		t.Fatal("another seed gives the same file")
	}
}

// TestRealistic checks the generated chronology loads cleanly and has the
// shape the benchmarks rely on.
func TestRealistic(t *testing.T) {
	const n = 400
	for _, o := range []synth.Options{{Events: n, Seed: 1}, {Events: n, Seed: 2, Tricky: true, LateEra: true}} {
		data := synth.Generate(o)
		c, diags := timeline.Parse("synth.toml", data)
		if c == nil || len(diags) > 0 {
			t.Fatalf("%+v does not load cleanly:\n%s", o, diags)
		}
		if c.Len() != n {
			t.Fatalf("%d events, want %d", c.Len(), n)
		}
		var partial, spans, unsourced, claims, links, nonASCII int
		for _, e := range c.Events {
			if w := len(strings.Fields(e.Title)); w < 5 || w > 15 {
				t.Errorf("%s: title of %d words: %q", e.ID, w, e.Title)
			}
			// Markdown marks (-, >, ###) count as words here
			if w := len(strings.Fields(e.Body)); w < 50 || w > 480 {
				t.Errorf("%s: body of %d words", e.ID, w)
			}
			if len(e.Tags) > 5 || len(e.Sources) > 3 {
				t.Errorf("%s: %d tags, %d sources", e.ID, len(e.Tags), len(e.Sources))
			}
			if e.Date.Precision != timeline.PrecisionDay {
				partial++
			}
			if !e.End.IsZero() {
				spans++
			}
			if e.Unsourced() {
				unsourced++
			}
			if len(e.Claims) > 0 {
				claims++
			}
			links += len(e.Links)
			if !isASCII(e.Title + e.Body + strings.Join(e.People, "") + strings.Join(e.Places, "")) {
				nonASCII++
			}
		}
		for what, count := range map[string]int{"partial dates": partial, "spans": spans, "unsourced events": unsourced,
			"events with claims": claims, "links": links, "events with non-ASCII text": nonASCII} {
			if count == 0 {
				t.Errorf("%+v: no %s", o, what)
			}
		}
		if partial > n/3 || unsourced > n/10 {
			t.Errorf("%d partial dates, %d unsourced events of %d", partial, unsourced, n)
		}
	}
}

func isASCII(s string) bool { return utf8.RuneCountInString(s) == len(s) }
