package interop

import (
	"strings"
	"testing"
)

func TestParseHumanDate(t *testing.T) {
	for _, tc := range []struct {
		in, want string // want: ISO at its precision, then " ~" when approximate, then " HH:MM"
		err      string // a part of the error, when one is expected
	}{
		{in: "2010", want: "2010"},
		{in: "2010-03", want: "2010-03"},
		{in: "2010-03-20", want: "2010-03-20"},
		{in: "2010-03-20 23:59", want: "2010-03-20 23:59"},
		{in: "2010-03-20T08:05:09", want: "2010-03-20 08:05:09"},
		{in: "-0044", want: "-0044"},
		{in: "March 2010", want: "2010-03"},
		{in: "Mar. 2010", want: "2010-03"},
		{in: "march, 2010", want: "2010-03"},
		{in: "March 20, 2010", want: "2010-03-20"},
		{in: "March 20 2010", want: "2010-03-20"},
		{in: "Mar. 20, 2010", want: "2010-03-20"},
		{in: "Sept. 5, 2010", want: "2010-09-05"},
		{in: "20 March 2010", want: "2010-03-20"},
		{in: "March 20th, 2010", want: "2010-03-20"},
		{in: "Tuesday, March 20, 2012", want: "2012-03-20"},
		{in: "Mar. 20, 2010 11:59 PM", want: "2010-03-20 23:59"},
		{in: "March 20, 2010 at 12:15 a.m.", want: "2010-03-20 00:15"},
		{in: "March 20, 2010 5 pm", want: "2010-03-20 17:00"},
		{in: "3/20/2010", want: "2010-03-20"},
		{in: "03/04/2010", want: "2010-03-04"},
		{in: "3-20-2010", want: "2010-03-20"},
		{in: "3/2010", want: "2010-03"},
		{in: "3/20/2010 13:30", want: "2010-03-20 13:30"},
		{in: "Nov. 1, 700", want: "0700-11-01"},
		{in: "700", want: "0700"},
		{in: "44 BC", want: "-0044"},
		{in: "15 March 44 BCE", want: "-0044-03-15"},
		{in: "776 B.C.", want: "-0776"},
		{in: "circa 1850", want: "1850 ~"},
		{in: "c. 1850", want: "1850 ~"},
		{in: "about March 2010", want: "2010-03 ~"},
		{in: "  2010  ", want: "2010"},
		{in: "3/20/10", err: "two-digit year"},
		{in: "March 20, 10", err: "two-digit year"},
		{in: "10", err: "two-digit year"},
		{in: "20/3/2010", err: "not month/day/year"},
		{in: "13/13/2010", err: "no month 13"},
		{in: "February 30, 2010", err: "February 2010 has no day 30"},
		{in: "2/29/2010", err: "has no day 29"},
		{in: "March", err: "no year"},
		{in: "Spring 2010", err: "cannot read"},
		{in: "March 20-22, 2010", err: "cannot read"},
		{in: "12345", err: "more than four digits"},
		{in: "March 20, 2010 25:00", err: "cannot read the time"},
		{in: "", err: "cannot read"},
	} {
		d, approx, err := ParseHumanDate(tc.in)
		if tc.err != "" {
			if err == nil || !strings.Contains(err.Error(), tc.err) {
				t.Errorf("ParseHumanDate(%q) = %v, %v; want an error with %q", tc.in, d, err, tc.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseHumanDate(%q): %v", tc.in, err)
			continue
		}
		got := d.String()
		if approx {
			got += " ~"
		}
		if d.Clock != "" {
			got += " " + d.Clock
		}
		if got != tc.want {
			t.Errorf("ParseHumanDate(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestParseClock(t *testing.T) {
	for _, tc := range []struct {
		in      string
		h, m, s int
		ok      bool
	}{
		{"13:30", 13, 30, 0, true}, {"1:30 PM", 13, 30, 0, true}, {"12:00 am", 0, 0, 0, true},
		{"12:00 p.m.", 12, 0, 0, true}, {"1 pm", 13, 0, 0, true}, {"23:59:30", 23, 59, 30, true},
		{"10:15:30.250", 10, 15, 30, true}, {"24:00", 0, 0, 0, false}, {"13:30 pm", 0, 0, 0, false},
		{"8 o'clock", 0, 0, 0, false}, {"1:5", 0, 0, 0, false}, {"", 0, 0, 0, false},
	} {
		h, m, s, ok := parseClock(tc.in)
		if ok != tc.ok || (ok && (h != tc.h || m != tc.m || s != tc.s)) {
			t.Errorf("parseClock(%q) = %d:%d:%d %v, want %d:%d:%d %v", tc.in, h, m, s, ok, tc.h, tc.m, tc.s, tc.ok)
		}
	}
}

func FuzzParseHumanDate(f *testing.F) {
	for _, s := range []string{"March 20, 2010", "3/20/2010", "2010-03-20 23:59", "44 BC", "circa 1850", "Tuesday, Mar. 20th, 2012 11:59 p.m."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, _, err := ParseHumanDate(s)
		if err != nil {
			return
		}
		// whatever it reads must be a date the format can hold and write
		if d.IsZero() || d.Year < -9999 || d.Year > 9999 {
			t.Fatalf("ParseHumanDate(%q) = %#v", s, d)
		}
		if _, err := tomlDateRoundTrip(d); err != nil {
			t.Fatalf("ParseHumanDate(%q) = %#v: %v", s, d, err)
		}
	})
}
