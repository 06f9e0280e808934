package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"backstory/timeline"
	"github.com/charmbracelet/x/ansi"
)

// TestFromNote: when several files are merged, the detail says which file
// and line an event comes from; from one file it says nothing of it.
func TestFromNote(t *testing.T) {
	dir := t.TempDir()
	a := filepath.Join(dir, "a.toml")
	b := filepath.Join(dir, "b_2.toml")
	write := func(name, text string) {
		if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(a, "title = \"A\"\n\n[[event]]\nid = \"one\"\ndate = 2018-01-01\ntitle = \"One\"\n")
	write(b, "title = \"B\"\n\n[[event]]\nid = \"two\"\ndate = 2019-01-01\ntitle = \"Two\"\n\n[[event]]\nid = \"three\"\ndate = 2020-01-01\ntitle = \"Three\"\n")
	merged, diags := timeline.Load(a, b)
	if merged == nil || diags.HasErrors() {
		t.Fatalf("does not load:\n%s", diags)
	}
	single, diags := timeline.Load(b)
	if single == nil || diags.HasErrors() {
		t.Fatalf("does not load:\n%s", diags)
	}
	for _, tc := range []struct {
		c    *timeline.Chronology
		id   string
		want string
	}{
		{merged, "one", "From " + a + ", line 3"},
		{merged, "three", "From " + b + ", line 8"},
		{single, "three", ""},
	} {
		doc, err := renderDocument(eventDoc(tc.c, tc.c.Event(tc.id)), 200, styleNoTTY)
		if err != nil {
			t.Fatal(err)
		}
		text := ansi.Strip(strings.Join(doc.lines, "\n"))
		if tc.want == "" {
			if strings.Contains(text, "From ") {
				t.Errorf("%s from one file names it:\n%s", tc.id, text)
			}
			continue
		}
		if !strings.Contains(text, tc.want) {
			t.Errorf("%s: the detail lacks %q:\n%s", tc.id, tc.want, text)
		}
	}
}

// TestRenderEvent: show's rendering is the detail pane's, the whole
// event, each link with its id, cut to the width.
func TestRenderEvent(t *testing.T) {
	c := fixture(t)
	e := c.Event("schaaf-warning")
	for _, style := range []string{styleNoTTY, styleDark, styleLight} {
		out, err := RenderEvent(c, e, 60, style)
		if err != nil {
			t.Fatal(err)
		}
		plain := ansi.Strip(out)
		if !strings.Contains(plain, e.Title[:20]) {
			t.Errorf("%s: no title:\n%s", style, plain)
		}
		for _, id := range e.Targets() {
			if !strings.Contains(plain, id) {
				t.Errorf("%s: the link to %s does not name it:\n%s", style, id, plain)
			}
		}
		for _, l := range strings.Split(out, "\n") {
			if w := ansi.StringWidth(l); w > 60 {
				t.Errorf("%s: a line %d wide: %q", style, w, ansi.Strip(l))
			}
		}
		if coloured := strings.Contains(out, "\x1b[38;"); coloured != (style != styleNoTTY) {
			t.Errorf("%s: coloured %v", style, coloured)
		}
	}
}
