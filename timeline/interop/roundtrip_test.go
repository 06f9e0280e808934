package interop

import (
	"os"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"backstory/timeline"
)

// TestRoundTripBuiltIn exports the built-in chronology to TimelineJS and
// imports it again: every event comes back with its id, dates and their
// precision, display date, headline, tags (the first as the group),
// people, places, links, summary, sources and claims, and a body that
// renders to the same HTML.
func TestRoundTripBuiltIn(t *testing.T) {
	data, err := os.ReadFile("../../events.toml")
	if err != nil {
		t.Fatal(err)
	}
	orig, diags := timeline.Parse("events.toml", data)
	if orig == nil || len(diags) > 0 {
		t.Fatalf("the built-in chronology does not load: %s", diags)
	}
	back := roundTrip(t, orig)
	assertSameChronology(t, orig, back)
}

// roundTrip exports c to TimelineJS and imports the result.
func roundTrip(t *testing.T, c *timeline.Chronology) *timeline.Chronology {
	t.Helper()
	js, err := TimelineJS(c, c.Events)
	if err != nil {
		t.Fatal(err)
	}
	conv, diags := ImportTimelineJS("exported.json", js, Options{})
	if conv == nil || len(diags) > 0 {
		t.Fatalf("import of the export failed:\n%s", diags)
	}
	return conv.Chronology
}

func assertSameChronology(t *testing.T, want, got *timeline.Chronology) {
	t.Helper()
	if got.Title != want.Title {
		t.Errorf("title = %q, want %q", got.Title, want.Title)
	}
	if sameRendering(got.Description, want.Description) != "" {
		t.Errorf("description differs: %s", sameRendering(got.Description, want.Description))
	}
	if !reflect.DeepEqual(eraStrings(got.Eras), eraStrings(want.Eras)) {
		t.Errorf("eras = %v, want %v", eraStrings(got.Eras), eraStrings(want.Eras))
	}
	if got.Len() != want.Len() {
		t.Fatalf("%d events, want %d", got.Len(), want.Len())
	}
	for i, w := range want.Events {
		g := got.Events[i]
		wj, gj := ToJSON(w), ToJSON(g)
		if d := sameRendering(gj.Body, wj.Body); d != "" {
			t.Errorf("event %s: body differs: %s", w.ID, d)
		}
		wj.Body, gj.Body = "", ""
		if !reflect.DeepEqual(gj, wj) {
			t.Errorf("event %d differs:\n got %+v\nwant %+v", i, gj, wj)
		}
		if g.Date != w.Date || g.End != w.End {
			t.Errorf("event %s: dates %#v–%#v, want %#v–%#v", w.ID, g.Date, g.End, w.Date, w.End)
		}
	}
}

func eraStrings(eras []timeline.Era) []string {
	var out []string
	for _, e := range eras {
		out = append(out, e.Title+" "+e.Start.String()+" "+e.End.String())
	}
	return out
}

var spaces = regexp.MustCompile(`\s+`)

// sameRendering compares two Markdown texts by the HTML they render to,
// white space collapsed, and parentheses in URLs as the converter writes
// them (%28, %29: the same address); it returns how they differ, or "".
func sameRendering(got, want string) string {
	norm := strings.NewReplacer("%28", "(", "%29", ")")
	g := norm.Replace(strings.TrimSpace(spaces.ReplaceAllString(renderMarkdown(got), " ")))
	w := norm.Replace(strings.TrimSpace(spaces.ReplaceAllString(renderMarkdown(want), " ")))
	if g == w {
		return ""
	}
	i := 0
	for i < len(g) && i < len(w) && g[i] == w[i] {
		i++
	}
	from := max(0, i-40)
	return "got …" + g[from:min(len(g), i+60)] + "…\nwant …" + w[from:min(len(w), i+60)] + "…"
}

// TestRoundTripAwkward round-trips BCE and partial dates, spans, clock
// times, approximate dates, text that needs escaping, sources without a
// URL and every part TimelineJS has no field for. TimelineJS has no time
// zones and needs an end for every era: those are the only changes.
func TestRoundTripAwkward(t *testing.T) {
	orig := mustLoad(t, "testdata/awkward.toml")
	back := roundTrip(t, orig)
	want := mustLoad(t, "testdata/awkward.toml")
	for _, e := range want.Events {
		e.Date.Clock, _, _ = strings.Cut(e.Date.Clock, " ")
	}
	for i := range want.Eras {
		if want.Eras[i].End.IsZero() {
			want.Eras[i].End = timeline.MustDate("2025-01-23") // the last event
		}
	}
	assertSameChronology(t, want, back)
}
