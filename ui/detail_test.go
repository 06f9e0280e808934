package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"backstory/timeline"
	"backstory/timeline/interop"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
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

// TestClaimBadges: each claim of the detail starts with its status's
// badge, after the bullet, with its evidence at the end; in colour each
// status has a style of its own, and without colour the words differ.
func TestClaimBadges(t *testing.T) {
	const src = `title = "Claims"
[[event]]
id = "e"
date = 2020-01-01
title = "E"
[[event.source]]
title = "One"
[[event.source]]
title = "Two"
[[event.claim]]
text = "It is so."
status = "verified"
sources = [1, 2]
[[event.claim]]
text = "Nobody knows whether it is so, and this claim is long enough to wrap at forty cells."
status = "unverified"
[[event.claim]]
text = "Some say it is not."
status = "disputed"
sources = [2]
[[event.claim]]
text = "It is not so."
status = "false"
`
	c, diags := timeline.Parse("claims.toml", []byte(src))
	if c == nil || diags.HasErrors() {
		t.Fatalf("the chronology does not load:\n%s", diags)
	}
	e := c.Event("e")
	for _, style := range []string{styleNoTTY, styleDark, styleLight} {
		doc, err := renderDocument(eventDoc(c, e), 40, style)
		if err != nil {
			t.Fatal(err)
		}
		starts := doc.starts[interop.SectionClaims]
		if len(starts) != 4 {
			t.Fatalf("%s: %d claims drawn, want 4", style, len(starts))
		}
		st := newStyles(style)
		for i, cl := range e.Claims {
			line := doc.lines[starts[i]]
			plain := ansi.Strip(line)
			if !strings.HasPrefix(strings.TrimSpace(plain), "• "+cl.Status.Badge()+" ") {
				t.Errorf("%s: claim %d starts %q, want the badge %q", style, i+1, plain, cl.Status.Badge())
			}
			if styled := st.Claim(cl.Status).Bold(true).Render(cl.Status.Badge()); style != styleNoTTY && !strings.Contains(line, styled) {
				t.Errorf("%s: claim %d lacks its styled badge %q in %q", style, i+1, styled, line)
			}
		}
		all := strings.Join(strings.Fields(ansi.Strip(strings.Join(doc.lines, "\n"))), " ")
		for _, want := range []string{"It is so. (sources 1, 2)", "Some say it is not. (source 2)"} {
			if !strings.Contains(all, want) {
				t.Errorf("%s: the detail lacks %q:\n%s", style, want, all)
			}
		}
		for _, l := range doc.lines {
			if w := ansi.StringWidth(l); w > 40 {
				t.Errorf("%s: a line %d cells wide in a pane of 40: %q", style, w, ansi.Strip(l))
			}
		}
	}
	dark := newStyles(styleDark)
	seen := map[string]timeline.ClaimStatus{}
	for _, s := range timeline.ClaimStatuses {
		r := dark.Claim(s).Render("x")
		if other, dup := seen[r]; dup {
			t.Errorf("%s and %s are drawn alike in colour", s, other)
		}
		seen[r] = s
	}
}

// TestMemo: x writes the events the list shows as the Markdown memo to
// the file named, and never over a file without a y.
func TestMemo(t *testing.T) {
	path := filepath.Join(t.TempDir(), "memo.md")
	d := newDriver(t, 120, 40, Options{})
	d.press("/").typeText("schaaf").press("enter", "x")
	if !strings.Contains(d.screen(), "Memo to: background-") {
		t.Fatalf("no prompt:\n%s", d.screen())
	}
	d.press("ctrl+u").typeText(path).press("enter")
	data, err := os.ReadFile(path)
	if err != nil || !strings.Contains(string(data), "Oakland Mayor Libby Schaaf warns of ICE raids") ||
		strings.Contains(string(data), "Printz") {
		t.Fatalf("memo %q (%v)", data, err)
	}
	wantStatus("Wrote 2 events to "+path)(t, d)
	// again: asked first; n leaves the file alone, y writes over it
	if err := os.WriteFile(path, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	d.press("x", "ctrl+u").typeText(path).press("enter")
	if !strings.Contains(d.screen(), "exists: write over it? y/n") {
		t.Fatalf("no question:\n%s", d.screen())
	}
	d.press("n")
	if data, _ := os.ReadFile(path); string(data) != "mine" || d.m.memo.IsOpen() {
		t.Fatalf("n wrote %q", data)
	}
	d.press("x", "ctrl+u").typeText(path).press("enter", "y")
	if data, _ := os.ReadFile(path); !strings.Contains(string(data), "Schaaf") {
		t.Errorf("y did not write: %q", data)
	}
}
