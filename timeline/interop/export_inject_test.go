package interop

import (
	"encoding/json"
	"strings"
	"testing"

	"backstory/timeline"
)

// payload is markup that a page would run if it were written as HTML.
const payload = `<img src=x onerror=alert(1)>`

// TestExportEscapesMarkup: text a chronology holds as plain text never
// reaches an export as markup. TimelineJS3 decodes display_date and group
// and sets them as HTML; a Markdown memo renders as HTML.
func TestExportEscapesMarkup(t *testing.T) {
	src := `title = "Payloads"

[[event]]
id = "a"
date = "2011-04-04"
display_date = "` + payload + `"
title = "Display date"
summary = "Summary ` + payload + `\nsecond line <script>alert(2)</script>"
tags = ["` + payload + `", "second"]

[[event]]
id = "b"
date = "2011-04-05"
approximate = true
title = "Group only"
tags = ["<b>Bold</b> & co"]
`
	c, diags := timeline.Parse("payloads.toml", []byte(src))
	if c == nil || len(diags) > 0 {
		t.Fatalf("does not load:\n%s", diags)
	}
	out, err := TimelineJS(c, c.Events)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Events []struct {
			DisplayDate string `json:"display_date"`
			Group       string `json:"group"`
		}
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	for i, want := range []struct{ display, group string }{
		{"&lt;img src=x onerror=alert(1)&gt;", "&lt;img src=x onerror=alert(1)&gt;"},
		{"about 5 Apr 2011", "&lt;b&gt;Bold&lt;/b&gt; &amp; co"},
	} {
		if got := doc.Events[i]; got.DisplayDate != want.display || got.Group != want.group {
			t.Errorf("event %d: display_date %q, group %q; want %q and %q", i+1, got.DisplayDate, got.Group, want.display, want.group)
		}
	}
	// and import reads the text back as it was
	conv, diags := ImportTimelineJS("payloads.json", out, Options{})
	if conv == nil {
		t.Fatalf("import failed:\n%s", diags)
	}
	back := conv.Chronology.Events
	if back[0].DisplayDate != payload || back[0].Tags[0] != payload || back[1].Tags[0] != "<b>Bold</b> & co" {
		t.Errorf("read back: display date %q, tags %q and %q", back[0].DisplayDate, back[0].Tags, back[1].Tags)
	}

	md := string(Markdown(c, c.Events, ""))
	if i := strings.Index(strings.ReplaceAll(md, `\<`, ""), "<"); i >= 0 {
		t.Errorf("the Markdown memo has a < unescaped:\n%s", md)
	}
	if !strings.Contains(md, "Summary \\<img src=x onerror=alert(1)>\nsecond line \\<script>alert(2)\\</script>\n") {
		t.Errorf("the summary is not written as escaped text on its two lines:\n%s", md)
	}
}

// TestExportMediaAddress: a media address cannot end the attribute
// TimelineJS3 writes it into.
func TestExportMediaAddress(t *testing.T) {
	src := "title = \"M\"\n\n[[event]]\nid = \"a\"\ndate = 2011-04-04\ntitle = \"A\"\n\n[event.media]\nurl = \"https://e.org/v?x='><script>alert(1)</script>\"\nthumbnail = \"https://e.org/t.jpg?\\\"onerror=alert(1)\"\n"
	c, diags := timeline.Parse("m.toml", []byte(src))
	if c == nil || len(diags) > 0 {
		t.Fatalf("does not load:\n%s", diags)
	}
	out, err := TimelineJS(c, c.Events)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Events []struct{ Media TimelineJSMedia }
	}
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	m := doc.Events[0].Media
	if m.URL != "https://e.org/v?x=%27%3E%3Cscript%3Ealert(1)%3C/script%3E" || m.Thumbnail != "https://e.org/t.jpg?%22onerror=alert(1)" {
		t.Errorf("media url %q, thumbnail %q", m.URL, m.Thumbnail)
	}
}
