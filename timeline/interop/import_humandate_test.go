package interop

import (
	"strings"
	"testing"
)

func TestParseHumanDate(t *testing.T) {
	defer func(f func() int) { thisYear = f }(thisYear)
	thisYear = func() int { return 2026 }
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
		// two-digit years in the century Chronic picks (50 years back)
		{in: "3/20/10", want: "2010-03-20"},
		{in: "4/15/03", want: "2003-04-15"},
		{in: "12/7/41", want: "2041-12-07"},
		{in: "11/22/76", want: "1976-11-22"},
		{in: "11/22/75", want: "2075-11-22"},
		{in: "March 20, 10", want: "2010-03-20"},
		{in: "10", err: "two-digit year"},
		{in: "20/3/2010", err: "it reads only as day/month/year"},
		// year first
		{in: "2010/03/20", want: "2010-03-20"},
		{in: "2010-3-5", want: "2010-03-05"},
		{in: "2010/3", want: "2010-03"},
		// Ruby's and Twitter's timestamps, zones after a date or time, ISO with a zone
		{in: "Mon Apr 04 19:58:51 +0000 2011", want: "2011-04-04 19:58:51 UTC"},
		{in: "Tue Apr 05 08:01:00 -0500 2011", want: "2011-04-05 08:01 -05:00"},
		{in: "Jan 11 2012 CST", want: "2012-01-11"},
		{in: "Jan 11 2012 5:30 pm CST", want: "2012-01-11 17:30 -06:00"},
		{in: "Sep 12 2011 5:30 am", want: "2011-09-12 05:30"},
		{in: "2010-03-20T23:59:00Z", want: "2010-03-20 23:59 UTC"},
		{in: "2010-03-20T23:59:00.000Z", want: "2010-03-20 23:59 UTC"},
		{in: "2010-03-20T23:59:00+05:30", want: "2010-03-20 23:59 +05:30"},
		{in: "2010-03-20 23:59 EST", want: "2010-03-20 23:59 -05:00"},
		// before the common era, and words that are no date
		{in: "1200 BC", want: "-1200"},
		{in: "3000 BCE", want: "-3000"},
		{in: "2010 garbage", err: "cannot read"},
		{in: "2010-03-20 garbage", err: "cannot read"},
		{in: "2010 11:00", err: "has a time but no day"},
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
