package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestAddEventEndToEnd: a writes a skeleton after the selected event and
// opens the editor at its title line; a script fills it in, and the new
// event is selected once the file loads. Left as it was (the editor
// changes nothing), the skeleton is taken out again: the file is as
// before, and the status says so.
func TestAddEventEndToEnd(t *testing.T) {
	bin := endToEnd(t)
	story, err := os.ReadFile("testdata/tui/story.toml")
	if err != nil {
		t.Fatal(err)
	}
	setup := func(t *testing.T, script string) (dir, file, edDir string) {
		dir, edDir = t.TempDir(), t.TempDir()
		file = filepath.Join(dir, "events.toml")
		if err := os.WriteFile(file, story, 0o644); err != nil {
			t.Fatal(err)
		}
		ed := filepath.Join(edDir, "editor.sh")
		if err := os.WriteFile(ed, []byte("#!/bin/sh\nprintf '%s\\n' \"$@\" > \""+edDir+"/args.txt\"\nfor f; do file=$f; done\ncp \"$file\" \""+edDir+"/seen.toml\"\n"+script), 0o755); err != nil {
			t.Fatal(err)
		}
		return dir, file, edDir
	}
	// the editor was given +LINE FILE, and LINE of the file it saw is the
	// skeleton's empty title
	checkArgs := func(t *testing.T, edDir, file string) {
		t.Helper()
		args, err := os.ReadFile(filepath.Join(edDir, "args.txt"))
		if err != nil {
			t.Fatal(err)
		}
		parts := strings.Fields(string(args))
		if len(parts) != 2 || parts[1] != file || !strings.HasPrefix(parts[0], "+") {
			t.Fatalf("the editor was given %q", args)
		}
		n, _ := strconv.Atoi(parts[0][1:])
		seen, err := os.ReadFile(filepath.Join(edDir, "seen.toml"))
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(seen), "\n")
		if n < 4 || n > len(lines) || lines[n-1] != `title = ""` || lines[n-4] != "[[event]]" ||
			lines[n-3] != `id = "new-event-1"` || lines[n-2] != "date = 2018-02-24" || lines[n] != `links = ["schaaf-warning"]` {
			t.Errorf("line %d of what the editor saw is not the skeleton's title:\n%s", n, seen)
		}
	}

	t.Run("filled in", func(t *testing.T) {
		t.Parallel()
		dir, file, edDir := setup(t, `line=${1#+}
sed -i "${line}s/.*/title = \"Filled by the script\"/" "$file"
sed -i 's/^title = ""$/title = "A new source"/; s|^url = ""$|url = "https://example.com/new"|' "$file"
`)
		tt := startTUIEnv(t, bin, dir, 120, 40, []string{"VISUAL=" + filepath.Join(edDir, "editor.sh")}, "events.toml")
		tt.waitFor("Printz v. United States", true)
		tt.keys("j", "j", "j")
		tt.waitFor("Schaaf posts a warning", true)
		tt.keys("a")
		tt.waitFor("1 new event: “Filled by the script”", true)
		tt.waitFor("A new source", true) // its detail
		s := tt.waitFor("5/9", true)     // right after the event it was added after
		if !strings.Contains(s, "24 Feb 2018    Filled by the script") {
			t.Errorf("the new event is not in the list, dated as the one before it:\n%s", s)
		}
		checkArgs(t, edDir, file)
		got, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(got), "\n[[event]]\nid = \"new-event-1\"\ndate = 2018-02-24\ntitle = \"Filled by the script\"\nlinks = [\"schaaf-warning\"]\n") {
			t.Errorf("the file:\n%s", got)
		}
		tt.quitCleanly("Filled by the script")
	})

	t.Run("left as it was", func(t *testing.T) {
		t.Parallel()
		dir, file, edDir := setup(t, "")
		tt := startTUIEnv(t, bin, dir, 120, 40, []string{"VISUAL=" + filepath.Join(edDir, "editor.sh")}, "events.toml")
		tt.waitFor("Printz v. United States", true)
		tt.keys("j", "j", "j")
		tt.waitFor("Schaaf posts a warning", true)
		tt.keys("a")
		tt.waitFor("The new event was left empty, so it is taken out again", true)
		s := tt.waitFor("4/8", true)
		if !strings.Contains(s, "Schaaf posts a warning") {
			t.Errorf("the selection moved:\n%s", s)
		}
		checkArgs(t, edDir, file)
		got, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(story) {
			t.Errorf("the file is not as it was:\n%s", got)
		}
		tt.quitCleanly("Schaaf posts")
	})
}
