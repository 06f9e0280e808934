package timeline

import "testing"

func TestNearest(t *testing.T) {
	c, diags := Parse("n.toml", []byte(`title = "N"
[[event]]
id = "a"
date = 2018-01-01
title = "A"
[[event]]
id = "b"
date = 2018-01-10
title = "B"
[[event]]
id = "c"
date = "2019"
title = "C"
`))
	if c == nil {
		t.Fatal(diags)
	}
	for _, tt := range []struct{ date, want string }{
		{"2017", "a"},
		{"2018-01-01", "a"},
		{"2018-01-05", "a"}, // 4 days from a, 5 from b
		{"2018-01-06", "b"},
		{"2018-06", "b"}, // 1 Jun 2018 is nearer 10 Jan 2018 than 1 Jan 2019
		{"2018-09", "c"},
		{"2018-03", "b"},
		{"2030", "c"},
	} {
		if got := c.Nearest(MustDate(tt.date)); got == nil || got.ID != tt.want {
			t.Errorf("Nearest(%s) = %v, want %s", tt.date, got, tt.want)
		}
	}
	empty := &Chronology{}
	if empty.Nearest(MustDate("2018")) != nil {
		t.Error("Nearest on an empty chronology is not nil")
	}
}
