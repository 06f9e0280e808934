package ui

import (
	"strings"
	"testing"

	"backstory/timeline"
	tea "charm.land/bubbletea/v2"
)

// bodyWithLinks is a chronology whose event "decoy" has, in its own body,
// a "## Links" heading and a numbered list that look like the links the
// detail pane draws, ahead of its real links (to "first" and "second").
const bodyWithLinks = `title = "Decoys"

[[event]]
id = "decoy"
date = 2020-01-01
title = "An event that writes its own Links section"
body = """
Some text.

## Links

1. Not a link, only body text
2. Not a link either

## Referenced by

3. Still the body
"""
links = [{ to = "first" }, { to = "second", note = "the second" }]

[[event]]
id = "first"
date = 2020-02-01
title = "The first real target"

[[event]]
id = "second"
date = 2020-03-01
title = "The second real target"
`

func decoyDriver(t *testing.T, w, h int) *driver {
	t.Helper()
	c, diags := timeline.Parse("decoy.toml", []byte(bodyWithLinks))
	if c == nil || diags.HasErrors() {
		t.Fatalf("the chronology does not load:\n%s", diags)
	}
	d := newDriver(t, w, h, Options{Load: hugeLoad(c), EventID: "decoy"})
	if d.current() != "decoy" {
		t.Fatalf("the viewer shows %q", d.current())
	}
	return d
}

// TestLinksSectionInBody: where the links are drawn is known from the
// document's structure, not found in its text, so a body with its own
// "## Links" and numbered list changes nothing: tab selects the real
// links, enter and 1-9 follow them, and a click follows only a real link.
func TestLinksSectionInBody(t *testing.T) {
	for _, size := range [][2]int{{120, 40}, {80, 24}, {40, 12}} {
		w, h := size[0], size[1]
		d := decoyDriver(t, w, h)
		lines := d.m.detail.linkLine
		if len(lines) != 2 {
			t.Fatalf("%dx%d: %d link lines, want 2", w, h, len(lines))
		}
		for i, want := range []string{"1. The first real target", "2. The second real target"} {
			if got := strings.TrimSpace(d.m.detail.plain[lines[i]]); !strings.HasPrefix(got, want) {
				t.Errorf("%dx%d: link %d is drawn on %q, want %q", w, h, i+1, got, want)
			}
		}

		// tab: the real first link, named under the pane and drawn selected
		d.press("tab")
		if sel, ok := d.m.detail.SelectedTarget(); !ok || sel.id != "first" {
			t.Errorf("%dx%d: tab selected %+v", w, h, sel)
		}
		if !strings.Contains(d.screen(), "The first real target") {
			t.Errorf("%dx%d: the selected link is not in view:\n%s", w, h, d.screen())
		}
		d.press("tab", "enter")
		wantCurrent("second")(t, d)

		// 1-9
		d.press("[")
		wantCurrent("decoy")(t, d)
		d.press("1")
		wantCurrent("first")(t, d)
		d.press("[")

		// a click on the body's "1." does nothing; on the real link it follows
		d.press("G")
		top := d.m.top
		x := 0
		if w >= wideWidth {
			x = d.m.list.Width() + dividerCols + 2
		}
		for i, p := range d.m.detail.plain {
			y := i - d.m.detail.Offset()
			if y < 0 || y >= d.m.detail.bodyHeight() || !strings.Contains(p, "Not a link") {
				continue
			}
			d.send(tea.MouseClickMsg{X: x, Y: top + y, Button: tea.MouseLeft})
			wantCurrent("decoy")(t, d)
		}
		y := lines[1] - d.m.detail.Offset()
		if y < 0 || y >= d.m.detail.bodyHeight() {
			t.Fatalf("%dx%d: link 2 is not in view at the end", w, h)
		}
		d.send(tea.MouseClickMsg{X: x, Y: top + y, Button: tea.MouseLeft})
		wantCurrent("second")(t, d)
	}
}

// TestCurrentMatchDrawnApart: n marks the match it went to differently
// from the other lines with a filter word.
func TestCurrentMatchDrawnApart(t *testing.T) {
	d := newDriver(t, 120, 40, Options{Style: styleDark})
	d.press("/").typeText("schaaf").press("enter", "enter", "n")
	if d.m.detail.match < 0 || len(d.m.detail.matches) < 2 {
		t.Fatalf("match %d of %v", d.m.detail.match, d.m.detail.matches)
	}
	view := d.m.detail.View()
	cur := d.m.st.CurrentMatch.Render("Schaaf")
	other := d.m.st.Match.Render("Schaaf")
	if cur == other {
		t.Fatal("the current match and the others are styled alike")
	}
	if !strings.Contains(view, cur) {
		t.Errorf("the current match is not drawn as such")
	}
	if !strings.Contains(view, other) {
		t.Errorf("the other matches are not drawn as matches")
	}
}

// TestOpenMedia: o opens an event's media when none of its sources has a
// web address, and says so in the help.
func TestOpenMedia(t *testing.T) {
	c, diags := timeline.Parse("media.toml", []byte(`title = "Media"

[[event]]
id = "photo"
date = 2020-01-01
title = "A photograph"

[event.media]
url = "https://example.com/photo.jpg"
caption = "The photograph"
`))
	if c == nil || diags.HasErrors() {
		t.Fatalf("the chronology does not load:\n%s", diags)
	}
	d := newDriver(t, 120, 40, Options{Load: hugeLoad(c), EventID: "photo"})
	if h := d.keys().OpenSource.Help(); !d.keys().OpenSource.Enabled() || h.Desc != "open media" {
		t.Errorf("o offered %v as %q", d.keys().OpenSource.Enabled(), h.Desc)
	}
	d.press("o")
	if len(d.opened) != 1 || d.opened[0] != "https://example.com/photo.jpg" {
		t.Errorf("opened %q", d.opened)
	}
	if !strings.Contains(d.screen(), "The photograph") {
		t.Errorf("the media's caption is not shown:\n%s", d.screen())
	}
}
