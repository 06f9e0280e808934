package timeline

import (
	"slices"
	"testing"
)

func TestWhen(t *testing.T) {
	tests := []struct {
		e    Event
		want string
	}{
		{Event{Date: MustDate("2018-02-24")}, "24 Feb 2018"},
		{Event{Date: MustDate("2018-02")}, "Feb 2018"},
		{Event{Date: MustDate("2018-02-24"), End: MustDate("2018-03")}, "24 Feb 2018 – Mar 2018"},
		{Event{Date: MustDate("2018-02-25"), End: MustDate("2018-02-28")}, "25–28 Feb 2018"},
		{Event{Date: MustDate("2018-02-25"), End: MustDate("2018-03-03")}, "25 Feb – 3 Mar 2018"},
		{Event{Date: MustDate("2017-12-28"), End: MustDate("2018-01-03")}, "28 Dec 2017 – 3 Jan 2018"},
		{Event{Date: MustDate("2017-12"), End: MustDate("2018-01")}, "Dec 2017 – Jan 2018"},
		{Event{Date: MustDate("2018-02"), End: MustDate("2018-04")}, "Feb–Apr 2018"},
		{Event{Date: MustDate("2018-02-25"), End: MustDate("2018-02-25")}, "25 Feb 2018"},
		{Event{Date: MustDate("-0044-03"), End: MustDate("-0044-05")}, "Mar–May 44 BCE"},
		{Event{Date: MustDate("2018"), Approximate: true}, "about 2018"},
		{Event{Date: MustDate("2018"), End: MustDate("2019"), Approximate: true}, "about 2018 – 2019"},
		{Event{Date: MustDate("-0044")}, "44 BCE"},
		{Event{Date: Date{Year: 2025, Month: 1, Day: 21, Precision: PrecisionDay, Clock: "23:30 -05:00"}}, "21 Jan 2025 23:30 -05:00"},
		{Event{Date: MustDate("2018-02-24"), End: MustDate("2018-03"), Approximate: true, DisplayDate: "Late Feb."}, "Late Feb."},
	}
	for _, tt := range tests {
		if got := tt.e.When(); got != tt.want {
			t.Errorf("When() of %+v = %q, want %q", tt.e, got, tt.want)
		}
	}
}

func TestTargets(t *testing.T) {
	c := mustParse(t, `title = "t"
[[event]]
id = "a"
date = 2018-01-01
title = "A"
[[event]]
id = "b"
date = 2018-01-02
title = "B"
links = ["c", { to = "a", note = "back" }]
[[event]]
id = "c"
date = 2018-01-03
title = "C"
links = ["b"]
[[event]]
id = "d"
date = 2018-01-04
title = "D"
links = ["b"]
`)
	// its links in file order, then the events that link to it in
	// chronological order
	if got, want := c.Event("b").Targets(), []string{"c", "a", "c", "d"}; !slices.Equal(got, want) {
		t.Errorf("Targets() = %v, want %v", got, want)
	}
	if got := c.Event("a").Targets(); !slices.Equal(got, []string{"b"}) {
		t.Errorf("Targets() of a = %v, want [b]", got)
	}
}
