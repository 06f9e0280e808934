package timeline

import (
	"fmt"
	"strings"
	"testing"
)

// TestParseKeepsNoPieceOfData: a file's text is read in place, not copied
// (crlfToLF), so nothing Parse returns may share its memory: changing the
// bytes after Parse changes nothing in the chronology or the diagnostics,
// whether the file is read whole or in parts.
func TestParseKeepsNoPieceOfData(t *testing.T) {
	src := `title = "Title"
description = "Description"
colour = "a warning"

[[era]]
title = "Era"
start = 2018-01-01

[[event]]
id = "a"
date = 2018-02-24
display_date = "Late February"
title = "Event A"
summary = "Summary"
tags = ["tag"]
people = ["Person"]
places = ["Place"]
links = [{ to = "b", note = "Note" }, "b"]
body = """
Body text.
"""
[event.media]
url = "https://example.com/a.jpg"
caption = "Caption"
credit = "Credit"
thumbnail = "https://example.com/t.jpg"
alt = "Alt"
[[event.source]]
title = "Source"
publisher = "Publisher"
url = "https://example.com/s"
published = 2018-02-25
quote = "Quote"
[[event.claim]]
text = "Claim"
status = "verified"
note = "Claim note"

[[event]]
id = "b"
date = 2018-03-01
title = "Event B"
`
	snapshot := func(c *Chronology, diags Diagnostics) string {
		s := fmt.Sprintf("%q %q %+v %s", c.Title, c.Description, c.Eras, diags)
		for _, e := range c.Events {
			v := *e
			v.Media = nil // (a pointer)
			s += fmt.Sprintf("%+v %+v", v, *e.Media)
		}
		return s
	}
	// (a file with [event.media] or unknown keys is read whole; without,
	// in parts, whose scanner takes simple strings out of the text itself)
	plain := strings.Replace(strings.Replace(src, "colour = \"a warning\"\n", "", 1),
		"[event.media]\nurl = \"https://example.com/a.jpg\"\ncaption = \"Caption\"\ncredit = \"Credit\"\nthumbnail = \"https://example.com/t.jpg\"\nalt = \"Alt\"\n", "", 1)
	for _, parts := range []bool{false, true} {
		text := src
		if parts {
			smallChunks(t)
			chunkBytes = 16 // (a part an event)
			text = plain
		}
		data := []byte(text)
		c, diags := Parse("f.toml", data)
		if c == nil || c.Len() != 2 {
			t.Fatalf("does not load:\n%s", diags)
		}
		for _, e := range c.Events {
			if e.Media == nil {
				e.Media = &Media{} // (for the snapshot)
			}
		}
		want := snapshot(c, diags)
		for i := range data {
			data[i] = 'x'
		}
		if got := snapshot(c, diags); got != want {
			t.Errorf("parts %v: the chronology changed with the bytes read:\n got %s\nwant %s", parts, got, want)
		}
	}
}
