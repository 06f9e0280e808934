package ui

import (
	"strings"
	"testing"

	"backstory/timeline"
	"github.com/charmbracelet/x/ansi"
)

// claimsSource has claims of every status over three events, the second
// long enough that its claims are far down its document.
const claimsSource = `title = "Claims"

[[event]]
id = "first"
date = 2020-01-01
title = "The first event"
[[event.source]]
title = "One"
[[event.claim]]
text = "First verified."
status = "verified"
sources = [1]
[[event.claim]]
text = "First false."
status = "false"

[[event]]
id = "second"
date = 2020-02-01
title = "The second event"
body = """
` + "Para.\n\nPara.\n\nPara.\n\nPara.\n\nPara.\n\nPara.\n\nPara.\n\nPara.\n\nPara.\n\nPara.\n\nPara.\n\nPara.\n\nPara.\n\nPara.\n" + `"""
[[event.claim]]
text = "Second unverified."
status = "unverified"
[[event.claim]]
text = "Second disputed."
status = "disputed"

[[event]]
id = "third"
date = 2020-03-01
title = "The third event, without claims"
`

func claimsDriver(t *testing.T, w, h int, opts Options) *driver {
	t.Helper()
	c, diags := timeline.Parse("claims.toml", []byte(claimsSource))
	if c == nil || diags.HasErrors() {
		t.Fatalf("the chronology does not load:\n%s", diags)
	}
	opts.Load = hugeLoad(c)
	return newDriver(t, w, h, opts)
}

// TestClaimsView: c lists every claim of the events shown, in order, with
// its status, text and event; a status key keeps that status and again
// all of them; enter reads the event scrolled to the claim, esc closes
// the view where it was opened.
func TestClaimsView(t *testing.T) {
	d := claimsDriver(t, 100, 20, Options{})
	d.press("c")
	if d.mode() != modeList || !d.m.claims.IsOpen() {
		t.Fatalf("c did not open the claims view")
	}
	screen := d.screen()
	order := []string{"✓ VERIFIED   First verified.", "✗ FALSE      First false.", "○ UNVERIFIED Second unverified.", "! DISPUTED   Second disputed."}
	last := -1
	for _, w := range order {
		at := strings.Index(screen, w)
		if at < 0 || at < last {
			t.Fatalf("the view lacks %q, or has it out of order:\n%s", w, screen)
		}
		last = at
	}
	if !strings.Contains(screen, "Claims: 4 claims of 2 events (✓ 1 ○ 1 ! 1 ✗ 1)") || strings.Contains(screen, "third") {
		t.Errorf("head or rows wrong:\n%s", screen)
	}
	d.press("d")
	if s := d.screen(); strings.Contains(s, "First") || !strings.Contains(s, "Second disputed.") || !strings.Contains(s, "disputed only") {
		t.Errorf("d keeps the disputed claims only:\n%s", s)
	}
	d.press("d")
	if s := d.screen(); !strings.Contains(s, "First false.") {
		t.Errorf("d again shows every claim:\n%s", s)
	}
	d.press("esc")
	if d.m.claims.IsOpen() || d.current() != "first" {
		t.Errorf("esc: open %v, on %q", d.m.claims.IsOpen(), d.current())
	}

	// enter on the last claim: the second event, scrolled to it
	d.press("c", "G", "enter")
	if d.m.claims.IsOpen() || d.current() != "second" || d.mode() != modeDetail {
		t.Fatalf("enter: open %v, on %q in %v", d.m.claims.IsOpen(), d.current(), d.mode())
	}
	// (the document is longer than the pane: at its top the claim is
	// out of view)
	if v := ansi.Strip(d.m.detail.View()); !strings.Contains(v, "! DISPUTED Second disputed.") || d.m.detail.Offset() == 0 {
		t.Errorf("the detail at %d does not show the claim:\n%s", d.m.detail.Offset(), v)
	}
	// a jump, as a link is: back returns to the first event
	d.press("[")
	if d.current() != "first" {
		t.Errorf("[ after enter goes to %q, want first", d.current())
	}
}

// TestClaimsViewFiltered: the view lists the claims of the events the
// filter lets through, and says when a status has none.
func TestClaimsViewFiltered(t *testing.T) {
	d := claimsDriver(t, 100, 20, Options{Query: "second OR third"})
	d.press("c")
	s := d.screen()
	if strings.Contains(s, "First") || !strings.Contains(s, "Claims: 2 claims of 1 event") {
		t.Errorf("the view of a filtered list:\n%s", s)
	}
	d.press("v")
	if s := d.screen(); !strings.Contains(s, "No verified claims in the events shown; v shows them all.") {
		t.Errorf("no verified claim:\n%s", s)
	}
}
