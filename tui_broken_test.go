package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestBrokenFileFixedEndToEnd: a file that does not load at start opens
// the viewer with every diagnostic; e opens the editor at the first error,
// a script mends it, and the timeline appears; q then exits 0.
func TestBrokenFileFixedEndToEnd(t *testing.T) {
	bin := endToEnd(t)
	story, err := os.ReadFile("testdata/tui/story.toml")
	if err != nil {
		t.Fatal(err)
	}
	broken := strings.Replace(string(story), "date = 2018-02-24", "date = 2018-13-24", 1)
	if broken == string(story) {
		t.Fatal("no date to break in the story")
	}
	dir, edDir := t.TempDir(), t.TempDir()
	file := filepath.Join(dir, "events.toml")
	if err := os.WriteFile(file, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	ed := filepath.Join(edDir, "editor.sh")
	if err := os.WriteFile(ed, []byte(`#!/bin/sh
printf '%s\n' "$@" > "`+edDir+`/args.txt"
for f; do file=$f; done
sed -i 's/2018-13-24/2018-02-24/' "$file"
`), 0o755); err != nil {
		t.Fatal(err)
	}
	tt := startTUIEnv(t, bin, dir, 100, 30, []string{"VISUAL=" + ed}, "events.toml")
	s := tt.waitFor("Nothing has loaded yet", true)
	if !strings.Contains(s, "month 13") || strings.Contains(s, "Printz") {
		t.Errorf("the first screen:\n%s", s)
	}
	tt.keys("e")
	tt.waitFor("Printz v. United States", true)
	tt.waitFor("it loads again", true)
	if args, err := os.ReadFile(filepath.Join(edDir, "args.txt")); err != nil || string(args) != "+37\n"+file+"\n" {
		t.Errorf("the editor was given %q (%v), want the first error's line", args, err)
	}
	tt.quitCleanly("Printz")
}
