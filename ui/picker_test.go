package ui

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// sourcesEvent is the last event of a chronology, with four sources (one
// without an address, one with an archived copy, one with an address
// longer than any terminal) and media.
const sourcesEvent = `
[[event]]
id = "memo-sources"
date = 2025-01-21
display_date = "Tuesday, Jan. 21, 2025 (sent Tuesday night)"
title = "The memo, four ways"

[event.media]
url = "https://example.com/memo.jpg"

[[event.source]]
title = "Memo story"
publisher = "Example Times"
url = "https://example.com/memo"
archived = "https://web.archive.org/web/2025/https://example.com/memo"

[[event.source]]
title = "A printed copy"
publisher = "The Library"

[[event.source]]
title = "The tracker"
url = "https://example.org/policies/doj-memo-creates-new-prosecutorial-discretion-guidelines-and-directs-the-fbis-joint-terrorism-task-force-to-redeploy"

[[event.source]]
title = "Wire copy"
publisher = "Wire"
url = "https://example.net/wire"
published = 2025-01-22
`

// saveSources adds sourcesEvent to the fixture and selects it.
func saveSources(d *driver) {
	d.save(fixtureSource(d.t) + sourcesEvent).expireStatus()
	d.press("G")
}

func TestSourcePicker(t *testing.T) {
	// o: the sources with an address, the archived copy and the media
	d := newDriver(t, 100, 30, Options{})
	saveSources(d)
	d.press("o")
	s := d.screen()
	for _, want := range []string{"Open which source of “The memo, four ways”?", "1. Example Times, “Memo story”",
		"2. Example Times, “Memo story” (archived copy)", "3. “The tracker”", "4. Wire, “Wire copy”, 22 Jan 2025",
		"5. Media of the event"} {
		if !strings.Contains(s, want) {
			t.Errorf("the picker lacks %q:\n%s", want, s)
		}
	}
	if strings.Contains(s, "A printed copy") {
		t.Errorf("a source without an address is offered to open:\n%s", s)
	}
	// the whole address, wrapped, never cut
	if flat := strings.Join(strings.Fields(s), ""); !strings.Contains(flat, "task-force-to-redeploy") {
		t.Errorf("the long address is cut:\n%s", s)
	}
	d.press("4")
	if !slices.Equal(d.opened, []string{"https://example.net/wire"}) || d.m.picker.IsOpen() {
		t.Errorf("4 opened %q (picker open %v)", d.opened, d.m.picker.IsOpen())
	}

	// enter takes the one under the cursor, the first at first; esc cancels
	d.press("o", "enter")
	d.press("o", "j", "enter")
	d.press("o", "esc")
	if want := []string{"https://example.net/wire", "https://example.com/memo",
		"https://web.archive.org/web/2025/https://example.com/memo"}; !slices.Equal(d.opened, want) || d.m.picker.IsOpen() {
		t.Errorf("opened %q, want %q", d.opened, want)
	}

	// y: every source; the citation has no parenthesis in a parenthesis
	d.press("y", "2")
	want := "The memo, four ways — Tuesday, Jan. 21, 2025 (sent Tuesday night). Source: The Library, “A printed copy”."
	if !slices.Equal(d.copied, []string{want}) {
		t.Errorf("y 2 copied %q, want %q", d.copied, want)
	}
	// Y: the sources with an address
	d.press("Y", "3")
	if len(d.copied) != 2 || d.copied[1] != "https://example.net/wire" {
		t.Errorf("Y 3 copied %q", d.copied)
	}
}

// TestSourcePickerOne: with one source to use there is nothing to ask.
func TestSourcePickerOne(t *testing.T) {
	d := newDriver(t, 100, 30, Options{})
	d.press("j", "j", "j", "Y")
	if d.m.picker.IsOpen() || !slices.Equal(d.copied, []string{"https://example.com/schaaf"}) {
		t.Errorf("Y with one source: picker open %v, copied %q", d.m.picker.IsOpen(), d.copied)
	}
}

// TestNoBrowserShowsWholeURL: when the browser does not open, the whole
// address is shown, wrapped to the width, until esc.
func TestNoBrowserShowsWholeURL(t *testing.T) {
	d := newDriver(t, 60, 20, Options{})
	saveSources(d)
	d.m.openURL = func(string) error { return exec.ErrNotFound }
	d.press("o", "3")
	s := d.screen()
	flat := strings.Join(strings.Fields(s), "")
	if !strings.Contains(s, "No browser found") ||
		!strings.Contains(flat, "https://example.org/policies/doj-memo-creates-new-prosecutorial-discretion-guidelines-and-directs-the-fbis-joint-terrorism-task-force-to-redeploy") {
		t.Errorf("the address is not shown whole:\n%s", s)
	}
	d.press("esc")
	if d.m.picker.IsOpen() {
		t.Error("esc left the notice open")
	}
}

// TestOpenWithBrowserList: $BROWSER is a ':'-separated list of commands,
// tried in order before the system's opener, %s standing for the address.
func TestOpenWithBrowserList(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "opened")
	script := filepath.Join(dir, "browse")
	if err := os.WriteFile(script, []byte("#!/bin/sh\nprintf '%s|%s' \"$1\" \"$2\" > "+out+"\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	system := 0
	sys := func(string) error { system++; return errors.New("no opener") }
	u := "https://example.com/a?b=1&c=2"
	if err := openWith("/no/such/browser:"+script+" --new-tab %s", u, sys); err != nil || system != 0 {
		t.Fatalf("openWith: %v (system opener called %d times)", err, system)
	}
	if got, _ := os.ReadFile(out); string(got) != "--new-tab|"+u {
		t.Errorf("the browser got %q", got)
	}
	if err := openWith("/no/such/browser", u, sys); err == nil || system != 1 || !strings.Contains(err.Error(), "$BROWSER") {
		t.Errorf("all failing: %v (system opener called %d times)", err, system)
	}
	if err := openWith("", u, func(string) error { return nil }); err != nil {
		t.Errorf("no $BROWSER: %v", err)
	}
}
