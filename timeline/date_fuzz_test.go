package timeline

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzParseDate: ParseDate never panics; a date it accepts is in range,
// is written back (String, the form JSON export and the file use) as the
// text it was read from, reads back as the same Date, both as a string
// and in a file; Compare is a total order consistent with First and
// equality; the display functions do not panic.
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{
		// TestParseDate's valid and invalid cases
		"2018", "2018-02", "2018-02-24", "2018-12-31", "-0044", "-0044-03-15", "0001",
		"2024-02-29", "2000-02-29", "2018-13", "2018-00", "2018-13-01", "2019-02-29",
		"1900-02-29", "2018-04-31", "2018-01-00", "-0044-02-30", "18", "2018-2",
		"2018-02-4", "2018/02/24", "", "-", "--2018", "+2018", " 2018", "2018-",
		"2018-02-24T10:00", "2018-02-24-01", "abcd", "20180", "2018-1a", "２０１８",
		// corners
		"0000", "-0000", "-0000-01-01", "9999-12-31", "-9999-01-01", "-0001-02-29",
		"0004-02-29", "2018-02-24 ", "2018--02", "-2018-", "٢٠١٨",
	} {
		f.Add(s, "2018-02-24", "2018")
	}
	f.Add("2018-01-01", "2018-01", "2018")
	f.Add("-0045-12-31", "-0044", "0001")
	f.Fuzz(func(t *testing.T, s, s2, s3 string) {
		d, err := ParseDate(s)
		if err != nil {
			if !d.IsZero() || d != (Date{}) {
				t.Fatalf("ParseDate(%q) = %+v with error %v", s, d, err)
			}
			if msg := err.Error(); !strings.HasPrefix(msg, "bad date ") {
				t.Fatalf("ParseDate(%q): error %q does not start with \"bad date \"", s, msg)
			}
		} else {
			checkParsedDate(t, s, d)
		}
		// Compare over every pair and triple the inputs give, with
		// clock times and zero dates among them
		dates := []Date{d}
		for _, x := range []string{s2, s3} {
			if e, err := ParseDate(x); err == nil {
				dates = append(dates, e)
			}
		}
		if d.Precision == PrecisionDay {
			for _, clock := range []string{"09:00", "23:30 -05:00", "00:00 UTC"} {
				c := d
				c.Clock = clock
				dates = append(dates, c)
			}
		}
		for _, a := range dates {
			if Compare(a, a) != 0 {
				t.Fatalf("Compare(%+v, itself) = %d", a, Compare(a, a))
			}
			for _, b := range dates {
				ab, ba := Compare(a, b), Compare(b, a)
				if ab < -1 || ab > 1 || ab != -ba {
					t.Fatalf("Compare(%+v, %+v) = %d but Compare(b, a) = %d", a, b, ab, ba)
				}
				if (ab == 0) != (a == b) {
					t.Fatalf("Compare(%+v, %+v) = %d: equal dates must compare 0, and only they", a, b, ab)
				}
				if !a.IsZero() && !b.IsZero() && a.First() < b.First() && ab != -1 {
					t.Fatalf("Compare(%+v, %+v) = %d, yet a starts first", a, b, ab)
				}
				for _, c := range dates {
					if ab <= 0 && Compare(b, c) <= 0 && Compare(a, c) > 0 {
						t.Fatalf("Compare is not transitive: %+v <= %+v <= %+v but a > c", a, b, c)
					}
				}
			}
		}
		// the display functions, on spans of any two of the dates
		for _, a := range dates {
			for _, b := range dates {
				for _, approx := range []bool{false, true} {
					e := &Event{ID: "x", Date: a, End: b, Approximate: approx}
					text := e.SpanText()
					if !utf8.ValidString(text) || (!a.IsZero() && text == "") {
						t.Fatalf("SpanText of %+v–%+v = %q", a, b, text)
					}
					_ = e.When()
					first, last := e.Span()
					if !a.IsZero() && Compare(a, b) <= 0 && first > last {
						t.Fatalf("Span of %+v–%+v = %d–%d", a, b, first, last)
					}
				}
			}
		}
	})
}

// checkParsedDate holds a date ParseDate accepted from s to its
// properties.
func checkParsedDate(t *testing.T, s string, d Date) {
	t.Helper()
	if d.Precision < PrecisionYear || d.Precision > PrecisionDay || d.Clock != "" {
		t.Fatalf("ParseDate(%q) = %+v: bad precision or a clock", s, d)
	}
	if d.Year < -9999 || d.Year > 9999 ||
		(d.Precision >= PrecisionMonth) != (d.Month != 0) || d.Month < 0 || d.Month > 12 ||
		(d.Precision == PrecisionDay) != (d.Day != 0) || d.Day < 0 || d.Day > 31 {
		t.Fatalf("ParseDate(%q) = %+v: a part out of range or not matching the precision", s, d)
	}
	if d.First() > d.Last() || (d.Precision == PrecisionDay && d.First() != d.Last()) {
		t.Fatalf("ParseDate(%q) = %+v covers %d to %d", s, d, d.First(), d.Last())
	}
	// the text written back is the text read ("-0000" is year 0, written
	// "0000": the one other spelling)
	str := d.String()
	if str != s && !(strings.HasPrefix(s, "-0000") && "-"+str == s) {
		t.Fatalf("ParseDate(%q) = %+v, written back as %q", s, d, str)
	}
	back, err := ParseDate(str)
	if err != nil || back != d {
		t.Fatalf("ParseDate(%q) = %+v, written %q, reads back as %+v, %v", s, d, str, back, err)
	}
	if f := d.Format(); f == "" || !utf8.ValidString(f) || strings.Contains(f, "?") {
		t.Fatalf("%+v.Format() = %q", d, f)
	}
	// in a file: as a string, and as a TOML date where TOML has one
	forms := []string{fmt.Sprintf("%q", str)}
	if d.Precision == PrecisionDay && d.Year >= 0 {
		forms = append(forms, str)
	}
	for _, form := range forms {
		src := "title = \"t\"\n[[event]]\nid = \"a\"\ntitle = \"A\"\ndate = " + form + "\nend = " + form + "\n"
		c, diags := Parse("f.toml", []byte(src))
		if c == nil || len(diags) > 0 || len(c.Events) != 1 {
			t.Fatalf("date = %s does not load:\n%s", form, diags)
		}
		if e := c.Events[0]; e.Date != d || e.End != d {
			t.Fatalf("date = %s loads as %+v–%+v, want %+v", form, e.Date, e.End, d)
		}
	}
}
