package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"backstory/timeline"
)

// TestHostileFileNames: a file name holding escape sequences (an OSC that
// sets the window title, a CSI that clears the screen), a bidi override
// and a newline reaches the terminal harmless from every command that
// prints it, on stdout and stderr alike.
func TestHostileFileNames(t *testing.T) {
	t.Chdir(t.TempDir())
	name := "e\x1b]0;pwned\x07\x1b[2J\u202egnp\n.toml"
	valid := "title = \"T\"\n[[event]]\nid = \"a\"\ndate = 2020-01-01\ntitle = \"A\"\n"
	bad := "title = \"T\"\nx = 1 y = 2\n"
	tl := `{"events": [{"start_date": {"year": "2020"}, "text": {"headline": "A"}}]}`
	write := func(n, s string) string {
		if err := os.WriteFile(n, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return n
	}
	dir := name[:len(name)-5] // a folder of the same hostile name
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		args  []string
		setup func()
	}{
		{"check, valid", []string{"check", name}, func() { write(name, valid) }},
		{"check, invalid", []string{"check", name}, func() { write(name, bad) }},
		{"check, missing", []string{"check", name + "x"}, nil},
		{"list, invalid", []string{"list", name}, func() { write(name, bad) }},
		{"show, no such event", []string{"show", "b" + name, name}, func() { write(name, valid) }},
		{"export, invalid", []string{"export", name}, func() { write(name, bad) }},
		{"import", []string{"import", "timelinejs", "in.json", "-o", name}, func() { write("in.json", tl); os.Remove(name) }},
		{"import, exists", []string{"import", "timelinejs", "in.json", "-o", name}, func() { write("in.json", tl); write(name, valid) }},
		{"import, a folder", []string{"import", "timelinejs", "in.json", "-o", dir}, func() { write("in.json", tl) }},
		{"import, missing input", []string{"import", "timelinejs", name + "x"}, nil},
		{"import, unknown format", []string{"import", name, "in.json"}, nil},
		{"init", []string{"init", name}, func() { os.Remove(name) }},
		{"init, exists", []string{"init", name}, func() { write(name, valid) }},
		{"init, in a folder", []string{"init", dir}, func() { os.Remove(filepath.Join(dir, "events.toml")) }},
		{"viewer, bad style", []string{"--style", name}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.setup != nil {
				tc.setup()
			}
			var stdout, stderr bytes.Buffer
			run(tc.args, strings.NewReader(""), &stdout, &stderr)
			out := stdout.String() + stderr.String()
			if out == "" {
				t.Fatal("nothing printed")
			}
			for _, r := range out {
				if r != '\n' && r != '\t' && timeline.Unsafe(r) {
					t.Fatalf("%U printed raw:\n%q", r, out)
				}
			}
			if testing.Verbose() {
				t.Logf("%s", out)
			}
			if !strings.Contains(out, "e␛]0;pwned␇␛[2J<U+202E>gnp") {
				t.Errorf("the file name is not shown harmless:\n%s", out)
			}
		})
	}
}
