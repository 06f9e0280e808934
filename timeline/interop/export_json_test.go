package interop

import (
	"testing"

	"backstory/timeline"
)

// TestEventsJSON: the JSON shape of list --json keeps the file's keys and
// the dates' precisions.
func TestEventsJSON(t *testing.T) {
	c := mustLoad(t, "../testdata/valid/complete.toml")
	js, err := EventsJSON(c.Events[:1])
	if err != nil {
		t.Fatal(err)
	}
	wantJSON := `[
  {
    "id": "first-event",
    "date": "2018",
    "title": "The first event",
    "source": [
      {
        "title": "A source known to the month",
        "url": "http://example.org/",
        "published": "2018-01"
      }
    ]
  }
]`
	if string(js) != wantJSON {
		t.Errorf("EventsJSON\n got %s\nwant %s", js, wantJSON)
	}
}

// FuzzEventJSONDates: a date ParseDate accepts is written in the JSON
// shape as String writes it, the text it was read from, as start and end.
func FuzzEventJSONDates(f *testing.F) {
	for _, s := range []string{
		// timeline's FuzzParseDate seeds
		"2018", "2018-02", "2018-02-24", "2018-12-31", "-0044", "-0044-03-15", "0001",
		"2024-02-29", "2000-02-29", "2018-13", "2018-00", "2018-13-01", "2019-02-29",
		"1900-02-29", "2018-04-31", "2018-01-00", "-0044-02-30", "18", "2018-2",
		"2018-02-4", "2018/02/24", "", "-", "--2018", "+2018", " 2018", "2018-",
		"2018-02-24T10:00", "2018-02-24-01", "abcd", "20180", "2018-1a", "２０１８",
		"0000", "-0000", "-0000-01-01", "9999-12-31", "-9999-01-01", "-0001-02-29",
		"0004-02-29", "2018-02-24 ", "2018--02", "-2018-", "٢٠١٨",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := timeline.ParseDate(s)
		if err != nil {
			return
		}
		str := d.String()
		if j := ToJSON(&timeline.Event{Date: d, End: d}); j.Date != str || j.End != str {
			t.Fatalf("JSON writes %+v as %q/%q, want %q", d, j.Date, j.End, str)
		}
	})
}
