package timeline

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	valid := []struct {
		in   string
		want Date
	}{
		{"2018", Date{Year: 2018, Precision: PrecisionYear}},
		{"2018-02", Date{Year: 2018, Month: 2, Precision: PrecisionMonth}},
		{"2018-02-24", Date{Year: 2018, Month: 2, Day: 24, Precision: PrecisionDay}},
		{"2018-12-31", Date{Year: 2018, Month: 12, Day: 31, Precision: PrecisionDay}},
		{"-0044", Date{Year: -44, Precision: PrecisionYear}},
		{"-0044-03-15", Date{Year: -44, Month: 3, Day: 15, Precision: PrecisionDay}},
		{"0001", Date{Year: 1, Precision: PrecisionYear}},
		{"2024-02-29", Date{Year: 2024, Month: 2, Day: 29, Precision: PrecisionDay}},
		{"2000-02-29", Date{Year: 2000, Month: 2, Day: 29, Precision: PrecisionDay}},
	}
	for _, tt := range valid {
		got, err := ParseDate(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseDate(%q) = %+v, %v; want %+v", tt.in, got, err, tt.want)
		}
	}

	generic := func(s string) string {
		return fmt.Sprintf(`bad date %q: write YYYY, YYYY-MM or YYYY-MM-DD (e.g. "2018", "2018-02", 2018-02-24)`, s)
	}
	invalid := []struct{ in, msg string }{
		{"2018-13", `bad date "2018-13": month 13 is not between 01 and 12`},
		{"2018-00", `bad date "2018-00": month 0 is not between 01 and 12`},
		{"2018-13-01", `bad date "2018-13-01": month 13 is not between 01 and 12`},
		{"2019-02-29", `bad date "2019-02-29": Feb 2019 has no day 29`},
		{"1900-02-29", `bad date "1900-02-29": Feb 1900 has no day 29`},
		{"2018-04-31", `bad date "2018-04-31": Apr 2018 has no day 31`},
		{"2018-01-00", `bad date "2018-01-00": Jan 2018 has no day 0`},
		{"-0044-02-30", `bad date "-0044-02-30": Feb 44 BCE has no day 30`},
		{"18", generic("18")},
		{"2018-2", generic("2018-2")},
		{"2018-02-4", generic("2018-02-4")},
		{"2018/02/24", generic("2018/02/24")},
		{"", generic("")},
		{"-", generic("-")},
		{"--2018", generic("--2018")},
		{"+2018", generic("+2018")},
		{" 2018", generic(" 2018")},
		{"2018-", generic("2018-")},
		{"2018-02-24T10:00", generic("2018-02-24T10:00")},
		{"2018-02-24-01", generic("2018-02-24-01")},
		{"abcd", generic("abcd")},
		{"20180", generic("20180")},
		{"2018-1a", generic("2018-1a")},
		{"２０１８", generic("２０１８")},
	}
	for _, tt := range invalid {
		got, err := ParseDate(tt.in)
		if err == nil {
			t.Errorf("ParseDate(%q) = %+v, want error %q", tt.in, got, tt.msg)
			continue
		}
		if err.Error() != tt.msg {
			t.Errorf("ParseDate(%q) error\n got %s\nwant %s", tt.in, err, tt.msg)
		}
		if !got.IsZero() {
			t.Errorf("ParseDate(%q) returned %+v with its error, want the zero Date", tt.in, got)
		}
	}
}

func TestMustDatePanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("MustDate(\"2018-13\") did not panic")
		}
	}()
	MustDate("2018-13")
}

func TestDateMethods(t *testing.T) {
	tests := []struct {
		d           Date
		str, format string
		first, last Day
		zero        bool
	}{
		{d: Date{}, zero: true},
		{d: MustDate("2018"), str: "2018", format: "2018", first: 20180101, last: 20181231},
		{d: MustDate("2018-02"), str: "2018-02", format: "Feb 2018", first: 20180201, last: 20180228},
		{d: MustDate("2024-02"), str: "2024-02", format: "Feb 2024", first: 20240201, last: 20240229},
		{d: MustDate("2018-04"), str: "2018-04", format: "Apr 2018", first: 20180401, last: 20180430},
		{d: MustDate("2018-12"), str: "2018-12", format: "Dec 2018", first: 20181201, last: 20181231},
		{d: MustDate("2018-02-24"), str: "2018-02-24", format: "24 Feb 2018", first: 20180224, last: 20180224},
		{d: MustDate("0987"), str: "0987", format: "987", first: 9870101, last: 9871231},
		{d: MustDate("-0044"), str: "-0044", format: "44 BCE", first: DayOf(-44, 1, 1), last: DayOf(-44, 12, 31)},
		{d: MustDate("-0044-03-15"), str: "-0044-03-15", format: "15 Mar 44 BCE", first: DayOf(-44, 3, 15), last: DayOf(-44, 3, 15)},
		{
			d:   Date{Year: 2025, Month: 1, Day: 21, Precision: PrecisionDay, Clock: "23:30 -05:00"},
			str: "2025-01-21", format: "21 Jan 2025 23:30 -05:00", first: 20250121, last: 20250121,
		},
	}
	for _, tt := range tests {
		d := tt.d
		if got := d.String(); got != tt.str {
			t.Errorf("%+v.String() = %q, want %q", d, got, tt.str)
		}
		if got := d.Format(); got != tt.format {
			t.Errorf("%+v.Format() = %q, want %q", d, got, tt.format)
		}
		if d.IsZero() != tt.zero {
			t.Errorf("%+v.IsZero() = %v", d, d.IsZero())
		}
		if tt.zero {
			continue
		}
		if got := d.First(); got != tt.first {
			t.Errorf("%+v.First() = %d, want %d", d, got, tt.first)
		}
		if got := d.Last(); got != tt.last {
			t.Errorf("%+v.Last() = %d, want %d", d, got, tt.last)
		}
	}
	// a date before the common era sorts before the next year, and its
	// days stay in calendar order
	if !(MustDate("-0045").Last() < MustDate("-0044").First() &&
		MustDate("-0044-03-15").First() < MustDate("-0044-03-16").First() &&
		MustDate("-0001").Last() < MustDate("0001").First()) {
		t.Error("days before the common era are out of order")
	}
}

func TestCompare(t *testing.T) {
	d := MustDate
	clock := func(s, c string) Date { x := d(s); x.Clock = c; return x }
	// each date sorts strictly before the next one
	order := []Date{
		d("-0044"),
		d("0001"),
		d("2017-12-31"),
		d("2018"),
		d("2018-01"),
		d("2018-01-01"),
		clock("2018-01-01", "09:00"),
		clock("2018-01-01", "10:00"),
		d("2018-01-02"),
		d("2018-02"),
		d("2018-02-01"),
		d("2019"),
	}
	for i := range order {
		for j := range order {
			want := 0
			switch {
			case i < j:
				want = -1
			case i > j:
				want = 1
			}
			if got := Compare(order[i], order[j]); got != want {
				t.Errorf("Compare(%s %q, %s %q) = %d, want %d", order[i], order[i].Clock, order[j], order[j].Clock, got, want)
			}
		}
	}
}

// TestEventOrder loads events out of order: they sort by start, coarser
// precision first on ties, then by the order in the file.
func TestEventOrder(t *testing.T) {
	src := `title = "order"
[[event]]
id = "day-first"
date = 2018-01-01
title = "a"
[[event]]
id = "month"
date = "2018-01"
title = "a"
[[event]]
id = "year"
date = "2018"
title = "a"
[[event]]
id = "day-second"
date = 2018-01-01
title = "a"
[[event]]
id = "earlier"
date = 2017-12-31
end = "2019"
title = "a"
[[event]]
id = "clock"
date = 2018-01-01T10:00:00
title = "a"
[[event]]
id = "feb"
date = "2018-02"
title = "a"
[[event]]
id = "int-year"
date = "2018" # (an integer year is an error now: see TestDateValues)
title = "a"
[[event]]
id = "bce"
date = "-0044"
title = "a"
[[event]]
id = "day-third"
date = " 2018-01-01 "
title = "a"
`
	c, diags := Parse("x.toml", []byte(src))
	if c == nil || len(diags) > 0 {
		t.Fatalf("does not load:\n%s", diags)
	}
	want := []string{"bce", "earlier", "year", "int-year", "month", "day-first", "day-second", "day-third", "clock", "feb"}
	var got []string
	for i, e := range c.Events {
		got = append(got, e.ID)
		if e.Index != i {
			t.Errorf("event %q has Index %d at position %d", e.ID, e.Index, i)
		}
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("order\n got %v\nwant %v", got, want)
	}
}

// TestDateValues loads every kind of date value the format takes: a date
// with an offset keeps the day written, whatever the offset.
func TestDateValues(t *testing.T) {
	tests := []struct {
		value string
		want  Date
	}{
		{`2018-02-24`, Date{Year: 2018, Month: 2, Day: 24, Precision: PrecisionDay}},
		{`"2018"`, Date{Year: 2018, Precision: PrecisionYear}},
		{`"2018-02"`, Date{Year: 2018, Month: 2, Precision: PrecisionMonth}},
		{`"2018-02-24"`, Date{Year: 2018, Month: 2, Day: 24, Precision: PrecisionDay}},
		{`'2018-02'`, Date{Year: 2018, Month: 2, Precision: PrecisionMonth}},
		{`"-0044"`, Date{Year: -44, Precision: PrecisionYear}},
		{`2025-01-21T23:30:00-05:00`, Date{Year: 2025, Month: 1, Day: 21, Precision: PrecisionDay, Clock: "23:30 -05:00"}},
		{`2025-01-21T01:00:00+09:00`, Date{Year: 2025, Month: 1, Day: 21, Precision: PrecisionDay, Clock: "01:00 +09:00"}},
		{`2025-01-21T12:00:00Z`, Date{Year: 2025, Month: 1, Day: 21, Precision: PrecisionDay, Clock: "12:00 UTC"}},
		{`2025-01-21T12:00:00+00:00`, Date{Year: 2025, Month: 1, Day: 21, Precision: PrecisionDay, Clock: "12:00 UTC"}},
		{`2025-01-21 23:30:00-05:00`, Date{Year: 2025, Month: 1, Day: 21, Precision: PrecisionDay, Clock: "23:30 -05:00"}},
		{`2025-01-21T23:59:59.999-12:00`, Date{Year: 2025, Month: 1, Day: 21, Precision: PrecisionDay, Clock: "23:59:59 -12:00"}},
		{`2025-01-21T00:00:00+14:00`, Date{Year: 2025, Month: 1, Day: 21, Precision: PrecisionDay, Clock: "00:00 +14:00"}},
		{`2025-01-21T23:30:00`, Date{Year: 2025, Month: 1, Day: 21, Precision: PrecisionDay, Clock: "23:30"}},
		{`2025-01-21T23:30:15`, Date{Year: 2025, Month: 1, Day: 21, Precision: PrecisionDay, Clock: "23:30:15"}},
		{`2025-01-21T00:00:00`, Date{Year: 2025, Month: 1, Day: 21, Precision: PrecisionDay, Clock: "00:00"}},
		{`2025-01-21T23:30`, Date{Year: 2025, Month: 1, Day: 21, Precision: PrecisionDay, Clock: "23:30"}},
	}
	for _, tt := range tests {
		src := fmt.Sprintf("title = \"t\"\n[[event]]\nid = \"a\"\ndate = %s\ntitle = \"a\"\n[[event.source]]\ntitle = \"s\"\npublished = %s\n", tt.value, tt.value)
		c, diags := Parse("x.toml", []byte(src))
		if c == nil || len(diags) > 0 {
			t.Errorf("date = %s does not load:\n%s", tt.value, diags)
			continue
		}
		e := c.Events[0]
		if e.Date != tt.want {
			t.Errorf("date = %s: got %+v, want %+v", tt.value, e.Date, tt.want)
		}
		if e.Sources[0].Published != tt.want {
			t.Errorf("published = %s: got %+v, want %+v", tt.value, e.Sources[0].Published, tt.want)
		}
	}

	bad := []struct{ value, msg string }{
		// an integer is never a date: the message says what to write
		{`2018`, `x.toml:4:8: event "a": date: a year is written as a string: date = "2018"`},
		{`-44`, `x.toml:4:8: event "a": date: a year is written as a string: date = "-0044"`},
		{`5`, `x.toml:4:8: event "a": date: a year is written as a string: date = "0005"`},
		{`99999`, `x.toml:4:8: event "a": date: bad date 99999: write a date as YYYY-MM-DD (date = 2018-02-24), or a year as a string (date = "2018")`},
		{`"2018-13"`, `x.toml:4:8: event "a": date: bad date "2018-13": month 13 is not between 01 and 12`},
		{`10:00:00`, `x.toml:4:8: event "a": date: a time of day without a date: write a date such as 2018-02-24`},
		{`true`, `x.toml:4:8: event "a": date: a date must be a TOML date (2018-02-24) or a string ("2018", "2018-02"), not a boolean`},
		{`2018.5`, `x.toml:4:8: event "a": date: a date must be a TOML date (2018-02-24) or a string ("2018", "2018-02"), not a number`},
	}
	for _, tt := range bad {
		src := fmt.Sprintf("title = \"t\"\n[[event]]\nid = \"a\"\ndate = %s\ntitle = \"a\"\n", tt.value)
		c, diags := Parse("x.toml", []byte(src))
		if c != nil || strings.TrimSpace(diags.String()) != tt.msg {
			t.Errorf("date = %s: got c=%v\n%s\nwant %s", tt.value, c != nil, diags, tt.msg)
		}
	}
}

// tzChildEnv marks the test binary run by TestDatesIgnoreMachineZone.
const tzChildEnv = "BACKSTORY_TZ_CHILD"

const tzChronology = `title = "zones"
[[event]]
id = "local-date"
date = 2025-01-21
end = 2025-01-22
title = "a local date"
[[event]]
id = "late-offset"
date = 2025-01-21T23:30:00-05:00
end = 2025-01-22T01:00:00-05:00
title = "late in the evening, New York"
[[event.source]]
title = "s"
published = 2025-01-21T23:30:00-08:00
[[event]]
id = "early-offset"
date = 2025-01-21T01:00:00+09:00
title = "early in the morning, Tokyo"
[[event]]
id = "utc"
date = 2025-01-21T00:30:00Z
title = "just after midnight, UTC"
[[event]]
id = "local-late"
date = 2025-01-21T23:59:59
title = "a local date-time, late"
[[event]]
id = "local-early"
date = 2025-01-21T00:00:00
title = "a local date-time, early"
[[event]]
id = "summer"
date = 2025-07-01T23:30:00-05:00
title = "an offset that is not New York's in summer"
`

// TestTZChild is run by TestDatesIgnoreMachineZone in a child process
// whose TZ is set, as the TOML decoder reads the machine's zone once.
func TestTZChild(t *testing.T) {
	if os.Getenv(tzChildEnv) != "1" {
		t.Skip("run by TestDatesIgnoreMachineZone")
	}
	c, diags := Parse("tz.toml", []byte(tzChronology))
	if c == nil {
		t.Fatalf("does not load:\n%s", diags)
	}
	name, off := time.Now().Zone()
	fmt.Printf("ZONE %s %d\n", name, off)
	fmt.Println("BEGIN")
	// the dates as the JSON shape and list write them, then as people
	// read them
	for _, e := range c.Events {
		fmt.Printf("%s\t%s\t%s\t", e.ID, RangeString(e.Date, e.End), e.When())
		for _, s := range e.Sources {
			fmt.Printf("published %s (%s)", s.Published, s.Published.Format())
		}
		fmt.Println()
	}
	fmt.Println("END")
}

func TestDatesIgnoreMachineZone(t *testing.T) {
	if os.Getenv(tzChildEnv) == "1" {
		t.Skip("in the child")
	}
	zones := []struct {
		tz      string
		offsets []int
	}{
		{"UTC", []int{0}},
		{"America/New_York", []int{-5 * 3600, -4 * 3600}},
		{"Asia/Tokyo", []int{9 * 3600}},
	}
	var outputs []string
	for _, z := range zones {
		if _, err := time.LoadLocation(z.tz); err != nil {
			t.Skipf("no zone data for %s: %v", z.tz, err)
		}
		cmd := exec.Command(os.Args[0], "-test.run=^TestTZChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), "TZ="+z.tz, tzChildEnv+"=1")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("TZ=%s: %v\n%s%s", z.tz, err, out, stderr.Bytes())
		}
		s := string(out)
		var name string
		var off int
		if _, err := fmt.Sscanf(s, "ZONE %s %d\n", &name, &off); err != nil {
			t.Fatalf("TZ=%s: no zone line in the output: %v\n%s", z.tz, err, s)
		}
		if !slices.Contains(z.offsets, off) {
			t.Fatalf("TZ=%s: the child runs with offset %d (%s), want one of %v", z.tz, off, name, z.offsets)
		}
		begin, end := strings.Index(s, "BEGIN\n"), strings.Index(s, "END\n")
		if begin < 0 || end < begin {
			t.Fatalf("TZ=%s: no output\n%s", z.tz, s)
		}
		outputs = append(outputs, s[begin:end])
	}
	for i := 1; i < len(outputs); i++ {
		if outputs[i] != outputs[0] {
			t.Errorf("TZ=%s and TZ=%s give different events\n--- %s\n%s--- %s\n%s", zones[0].tz, zones[i].tz, zones[0].tz, outputs[0], zones[i].tz, outputs[i])
		}
	}
	for _, want := range []string{
		"local-date\t2025-01-21/2025-01-22\t21–22 Jan 2025\t\n",
		"late-offset\t2025-01-21/2025-01-22\t21 Jan 2025 23:30 -05:00 – 22 Jan 2025 01:00 -05:00\tpublished 2025-01-21 (21 Jan 2025 23:30 -08:00)\n",
		"early-offset\t2025-01-21\t21 Jan 2025 01:00 +09:00\t\n",
		"utc\t2025-01-21\t21 Jan 2025 00:30 UTC\t\n",
		"local-late\t2025-01-21\t21 Jan 2025 23:59:59\t\n",
		"local-early\t2025-01-21\t21 Jan 2025 00:00\t\n",
		"summer\t2025-07-01\t1 Jul 2025 23:30 -05:00\t\n",
	} {
		if !strings.Contains(outputs[0], want) {
			t.Errorf("the output lacks %q\n%s", want, outputs[0])
		}
	}
}

func TestOrdinal(t *testing.T) {
	tests := []struct {
		y, m, d int
		want    int
	}{
		{1970, 1, 1, 0},
		{1970, 1, 2, 1},
		{1969, 12, 31, -1},
		{2000, 3, 1, 11017},
		{2018, 2, 24, 17586},
		{0, 12, 31, -719163},
		{1, 1, 1, -719162},
	}
	for _, tt := range tests {
		if got := Ordinal(tt.y, tt.m, tt.d); got != tt.want {
			t.Errorf("Ordinal(%d, %d, %d) = %d, want %d", tt.y, tt.m, tt.d, got, tt.want)
		}
	}
	// consecutive days are one apart, across years, centuries and eras
	prev := Ordinal(-401, 1, 1) - 1
	for y := -401; y <= 2401; y++ {
		for m := 1; m <= 12; m++ {
			for d := 1; d <= daysIn(y, m); d++ {
				o := Ordinal(y, m, d)
				if o != prev+1 {
					t.Fatalf("Ordinal(%d, %d, %d) = %d after %d", y, m, d, o, prev)
				}
				if yy, mm, dd := FromOrdinal(o); yy != y || mm != m || dd != d {
					t.Fatalf("FromOrdinal(%d) = %d-%d-%d, want %d-%d-%d", o, yy, mm, dd, y, m, d)
				}
				prev = o
			}
		}
	}
	if first, last := MustDate("2018-02").Days(); last-first != 27 {
		t.Errorf("Feb 2018 covers %d..%d", first, last)
	}
}
