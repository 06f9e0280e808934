package interop

import (
	"encoding/json"
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"backstory/timeline"
)

// TestExportGolden pins the three export formats of testdata/awkward.toml
// to testdata/export/awkward.* (go test -update rewrites them).
func TestExportGolden(t *testing.T) {
	c := mustLoad(t, "testdata/awkward.toml")
	js, err := JSON(c, c.Events)
	if err != nil {
		t.Fatal(err)
	}
	tjs, err := TimelineJS(c, c.Events)
	if err != nil {
		t.Fatal(err)
	}
	for name, got := range map[string][]byte{
		"awkward.md":              Markdown(c, c.Events, ""),
		"awkward-query.md":        Markdown(c, c.Events[1:2], "caesar"),
		"awkward.json":            js,
		"awkward.timelinejs.json": tjs,
	} {
		path := filepath.Join("testdata", "export", name)
		if *update {
			if err := os.WriteFile(path, got, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (go test -update writes it)", err)
		}
		if string(got) != string(want) {
			t.Errorf("%s: got:\n%s", name, got)
		}
	}
}

// TestExportHarmless: nothing a terminal would act on reaches the output
// raw, in any format; JSON escapes keep the text itself.
func TestExportHarmless(t *testing.T) {
	c := mustLoad(t, "testdata/awkward.toml")
	js, _ := JSON(c, c.Events)
	tjs, _ := TimelineJS(c, c.Events)
	for name, out := range map[string][]byte{"markdown": Markdown(c, c.Events, "\x1b[2J"), "json": js, "timelinejs": tjs} {
		if strings.ContainsAny(string(out), "\x1b\u202e\u0085") {
			t.Errorf("%s: a terminal control character is written raw", name)
		}
	}
	var doc ChronologyJSON
	if err := json.Unmarshal(js, &doc); err != nil {
		t.Fatal(err)
	}
	if got := doc.Events[len(doc.Events)-1].Title; !strings.Contains(got, "\x1b[31m") {
		t.Errorf("the JSON title lost its escape character: %q", got)
	}
}

// TestTimelineJSShape checks the document against the TimelineJS3 format:
// dates to their precision as numbers, group from the first tag, unique_id
// from the id, an end for every era.
func TestTimelineJSShape(t *testing.T) {
	c := mustLoad(t, "testdata/awkward.toml")
	out, err := TimelineJS(c, c.Events)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Title struct {
			Text struct{ Headline, Text string }
		}
		Events []map[string]any
		Eras   []struct {
			StartDate map[string]any `json:"start_date"`
			EndDate   map[string]any `json:"end_date"`
			Text      struct{ Headline string }
		}
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Title.Text.Headline != "Awkward &#34;quotes&#34; &amp; &lt;tags&gt;" {
		t.Errorf("title headline = %q", doc.Title.Text.Headline)
	}
	if len(doc.Events) != c.Len() || len(doc.Eras) != len(c.Eras) {
		t.Fatalf("%d events and %d eras, want %d and %d", len(doc.Events), len(doc.Eras), c.Len(), len(c.Eras))
	}
	for i, e := range c.Events {
		s := doc.Events[i]
		start := s["start_date"].(map[string]any)
		if _, ok := start["year"].(float64); !ok {
			t.Errorf("%s: year is %T, want a number", e.ID, start["year"])
		}
		_, hasMonth := start["month"]
		_, hasDay := start["day"]
		if hasMonth != (e.Date.Precision >= timeline.PrecisionMonth) || hasDay != (e.Date.Precision == timeline.PrecisionDay) {
			t.Errorf("%s: start_date %v does not match precision %v", e.ID, start, e.Date.Precision)
		}
		if s["unique_id"] != e.ID {
			t.Errorf("%s: unique_id = %v", e.ID, s["unique_id"])
		}
		if len(e.Tags) > 0 && s["group"] != html.EscapeString(e.Tags[0]) {
			t.Errorf("%s: group = %v, want %q", e.ID, s["group"], e.Tags[0])
		}
	}
	for i, era := range doc.Eras {
		if era.EndDate["year"] == nil || era.Text.Headline != c.Eras[i].Title {
			t.Errorf("era %d: %+v", i, era)
		}
	}
}

func TestDayDate(t *testing.T) {
	for _, s := range []string{"2018-02-24", "-0044-03-15", "0001-01-01", "-0001-12-31"} {
		d := timeline.MustDate(s)
		if got := dayDate(d.First()); got != d {
			t.Errorf("dayDate(%d) = %v, want %v", d.First(), got, d)
		}
	}
}
