package timeline

import (
	"strings"
	"testing"
)

const skeletonSource = `title = "S"

[[era]]
title = "First"
start = 2017-01-01
end = 2017-12-31

[[event]]
id = "a"
date = 2017-03-01 # the day it began
title = "A"
body = """
[[event]]
date = 1999-01-01
"""

[[event.source]]
title = "Src"

# the next one
[[event]]
id = "b"
date = "2018-02"
title = "B"

[[era]]
title = "Second"
start = 2019-01-01
end = 2019-12-31

[[event]]
id = "new-event-1"
date = 2019-05-01
title = "C"`

func TestAddSkeleton(t *testing.T) {
	c := mustParse(t, skeletonSource)
	for _, tc := range []struct {
		after    string
		date     string // as written
		wantNext string // the text right after the skeleton ("" at the end)
	}{
		{"a", "2017-03-01 # the day it began", "# the next one\n[[event]]\nid = \"b\""},
		{"b", `"2018-02"`, "[[era]]\ntitle = \"Second\""},
		{"new-event-1", "2019-05-01", ""},
	} {
		t.Run(tc.after, func(t *testing.T) {
			e := c.Event(tc.after)
			out, sk, err := AddSkeleton(c, e, []byte(skeletonSource))
			if err != nil {
				t.Fatal(err)
			}
			if sk.ID != "new-event-2" {
				t.Errorf("id %q, want new-event-2 (new-event-1 is taken)", sk.ID)
			}
			text := string(out)
			i := strings.Index(text, sk.Text)
			if i < 0 {
				t.Fatalf("the skeleton is not in the file:\n%s", text)
			}
			if !strings.HasPrefix(strings.TrimLeft(text[i+len(sk.Text):], "\n"), tc.wantNext) {
				t.Errorf("after the skeleton comes %q, want %q", text[i+len(sk.Text):], tc.wantNext)
			}
			if !strings.Contains(sk.Text, "date = "+tc.date+"\n") || !strings.Contains(sk.Text, `links = ["`+tc.after+`"]`) ||
				!strings.Contains(sk.Text, "[[event.source]]\n") {
				t.Errorf("skeleton:\n%s", sk.Text)
			}
			if got := strings.Split(text, "\n")[sk.TitleLine-1]; got != `title = ""` {
				t.Errorf("line %d is %q, want the title", sk.TitleLine, got)
			}
			// unfilled, it does not load, and says why
			if c2, diags := Parse("f.toml", out); c2 != nil || !strings.Contains(diags.String(), "title") {
				t.Errorf("an empty skeleton loads: %v", diags)
			}
			// filled in, it loads: the new event where it was written
			filled := strings.Replace(text, sk.Text, strings.ReplaceAll(sk.Text, `title = ""`, `title = "Filled"`), 1)
			filled = strings.Replace(filled, `url = ""`, `url = "https://example.com/x"`, 1)
			c2, diags := Parse("f.toml", []byte(filled))
			if c2 == nil || diags.HasErrors() {
				t.Fatalf("filled in, it does not load:\n%s\n%s", diags, filled)
			}
			n := c2.Event(sk.ID)
			if n == nil || n.Date != e.Date || len(n.Links) != 1 || n.Links[0].To != tc.after || len(n.Sources) != 1 {
				t.Errorf("the new event: %+v", n)
			}
			if strings.Contains(text, "C\"\n[[event]]") || strings.Contains(text, "url = \"\"\n[[") {
				t.Errorf("no blank line between entries:\n%s", text)
			}
			if n != nil && n.Pos.Line != sk.TitleLine-3 {
				t.Errorf("the new event starts at line %d, want %d", n.Pos.Line, sk.TitleLine-3)
			}
			// left as it was, it goes again: the file as before
			back, ok := RemoveSkeleton(out, sk)
			if !ok || string(back) != skeletonSource {
				t.Errorf("removed: %v\n%s", ok, back)
			}
			// touched, it stays
			touched := strings.Replace(text, `title = ""`, `title = "T"`, 1)
			if _, ok := RemoveSkeleton([]byte(touched), sk); ok {
				t.Error("a skeleton that was filled in was removed")
			}
		})
	}
}

func TestAddSkeletonStaleFile(t *testing.T) {
	c := mustParse(t, skeletonSource)
	if _, _, err := AddSkeleton(c, c.Event("new-event-1"), []byte("title = \"S\"\n")); err == nil || !strings.Contains(err.Error(), "has changed") {
		t.Errorf("a file shorter than the event's line: %v", err)
	}
}
