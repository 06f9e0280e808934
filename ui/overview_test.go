package ui

import (
	"strings"
	"testing"

	"backstory/timeline"
	"backstory/timeline/interop"
	"github.com/charmbracelet/x/ansi"
)

// TestOverview: i shows the chronology's title, span, description and
// eras, rendered like an event and as harmless.
func TestOverview(t *testing.T) {
	for _, size := range [][2]int{{120, 40}, {80, 24}} {
		d := newDriver(t, size[0], size[1], Options{})
		d.press("i")
		s := d.screen()
		for _, want := range []string{
			"Test story: the Oakland warning",
			"8 events, 27 Jun 1997 – 21 Jan 2025",
			"How a mayor's **warning** became a federal case.", // notty shows the Markdown marks
			"Escape ␛]0;PWNED␇ and &#27;[2J stay harmless.",
			"First term**: 20 Jan 2017 – 20 Jan 2021 (6 events)",
		} {
			if !strings.Contains(s, want) {
				t.Errorf("at %v the overview lacks %q:\n%s", size, want, s)
			}
		}
		view := d.m.View().Content
		for _, seq := range []string{"\x1b]0;", "\x1b[2J", "\x07"} {
			if strings.Contains(view, seq) {
				t.Errorf("the overview holds %q", seq)
			}
		}
		if !strings.Contains(d.footer(), "i back to event") {
			t.Errorf("at %v the footer does not say how to go back: %q", size, d.footer())
		}
	}
}

// TestOverviewRendering: the overview is rendered off the key path like
// an event, kept in the cache under its own key, and rendered again when
// the file changes.
func TestOverviewRendering(t *testing.T) {
	d := newDriver(t, 120, 40, Options{EventID: "printz-1997"})
	m, cmd := d.m.Update(keyPress("i"))
	d.m = m.(*Model)
	if cmd == nil || !strings.Contains(d.screen(), "rendering…") || !strings.Contains(d.screen(), "About this chronology") {
		t.Fatalf("no placeholder while rendering:\n%s", d.screen())
	}
	d.run(cmd)
	if k := d.m.detail.key; !k.overview || k.id != "" || k.width != d.m.detail.width {
		t.Errorf("rendering key %+v", k)
	}
	// back to the event and to the overview again: both from the cache
	d.press("i")
	m, cmd = d.m.Update(keyPress("i"))
	d.m = m.(*Model)
	if cmd != nil || !strings.Contains(d.screen(), "became a federal case") {
		t.Errorf("the cached overview is not used:\n%s", d.screen())
	}
	// a save with a new description: rendered again, still the overview
	d.save(strings.Replace(fixtureSource(t), "became a federal case", "went to court", 1))
	if !d.m.overview || !strings.Contains(d.screen(), "went to court") {
		t.Errorf("the overview does not show the new description:\n%s", d.screen())
	}
}

func TestOverviewWithoutDescription(t *testing.T) {
	c, diags := timeline.Parse("bare.toml", []byte("title = \"Bare # *story*\"\n[[event]]\nid = \"a\"\ndate = \"2020\"\ntitle = \"A\"\n"))
	if c == nil {
		t.Fatal(diags)
	}
	load := func(func(int64, int64)) (*timeline.Chronology, timeline.Diagnostics, string) {
		return c, diags, "bare.toml"
	}
	d := newDriver(t, 100, 30, Options{Load: load})
	d.press("i")
	s := d.screen()
	for _, want := range []string{"Bare # *story*", "1 event, 2020", "No description"} {
		if !strings.Contains(s, want) {
			t.Errorf("the overview lacks %q:\n%s", want, s)
		}
	}
}

func TestHarmlessMarkdown(t *testing.T) {
	for in, want := range map[string]string{
		"a &amp; b &eacute; &#233;":   "a &amp; b &eacute; &#233;",
		"&#27;[2J &#x1B; &#x9b; &#0;": "&amp;#27;[2J &amp;#x1B; &amp;#x9b; &amp;#0;",
		"\x1b]0;x\a \u202e":           "␛]0;x␇ <U+202E>",
		"&#99999999;":                 "&amp;#99999999;",
	} {
		if got := timeline.HarmlessMarkdown(in); got != want {
			t.Errorf("timeline.HarmlessMarkdown(%q) = %q, want %q", in, got, want)
		}
	}
	if got := ansi.Strip(interop.MarkdownLine("# 1. *a* [b](c) <d>")); got != `\# 1. \*a\* \[b\](c) \<d\>` {
		t.Errorf("inlineMarkdown: %q", got)
	}
}

// TestStartsOnTheOverview: a chronology with a description opens on it,
// in the detail, with the first event selected in the list; any move
// shows the event, and i is in the footer at 80 columns.
func TestStartsOnTheOverview(t *testing.T) {
	d := newDriver(t, 120, 40, Options{})
	if !d.m.detail.key.overview || d.selected() != "printz-1997" || d.mode() != modeList {
		t.Fatalf("the first screen: detail %+v, selected %q, mode %v", d.m.detail.key, d.selected(), d.mode())
	}
	if !strings.Contains(d.screen(), "became a federal case") {
		t.Errorf("the description is not on the first screen:\n%s", d.screen())
	}
	d.press("j")
	if d.m.detail.key.overview || !strings.Contains(d.screen(), "California becomes a sanctuary state") {
		t.Errorf("a move does not show the event:\n%s", d.screen())
	}
	for _, keys := range [][]string{{"enter"}, {"/"}, {"J"}} {
		e := newDriver(t, 120, 40, Options{})
		e.press(keys...)
		if e.m.cover != nil {
			t.Errorf("%v leaves the overview on", keys)
		}
	}
	// started at an event, filtered, or with no description: the event
	for _, opts := range []Options{{EventID: "sb54-signed"}, {Query: "schaaf"}} {
		if e := newDriver(t, 120, 40, opts); e.m.detail.key.overview {
			t.Errorf("%+v opens on the overview", opts)
		}
	}
	f := newDriver(t, 80, 24, Options{})
	if !strings.Contains(f.footer(), "i about") {
		t.Errorf("i is not in the footer at 80 columns: %q", f.footer())
	}
}
