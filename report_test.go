package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"backstory/timeline"
)

// TestWriteDiagnosticsSource: on a terminal each problem is shown under
// its line, the caret under what it is about, whatever comes before it on
// the line (tabs, wide and combined characters, control characters); a
// long line is cut around the caret; a problem with no column is one line.
func TestWriteDiagnosticsSource(t *testing.T) {
	for _, tt := range []struct {
		name, src, want string
	}{
		{"after a value", "title = \"t\"\nx = 1 y = 2\n",
			"f.toml:2:7: TOML syntax: expected a top-level item to end with a newline, comment, or EOF, but got 'y' instead\n" +
				"    2 | x = 1 y = 2\n" +
				"      |       ^\n"},
		{"a NUL in a string", "title = \"t\"\nx = \"a\x00b\"\n",
			"f.toml:2:7: TOML syntax: TOML files cannot contain control characters: '0x00'\n" +
				"    2 | x = \"a␀b\"\n" +
				"      |       ^\n"},
		{"an escape, after a tab and wide characters", "title = \"t\"\n[[event]]\nid = \"a\"\ndate = 2020-01-01\ntitle = \"日本\t\\q\"\n",
			"f.toml:5:13: TOML syntax: invalid escape in string '\\q'\n" +
				"    5 | title = \"日本 \\q\"\n" +
				"      |               ^^\n"},
		{"a value", "title = \"t\"\n[[event]]\nid = \"Bad Id\"\ndate = 2020-01-01\ntitle = \"A\"\n",
			"f.toml:3:6: event \"Bad Id\": id: \"Bad Id\" is not a valid id: use lowercase letters, digits and single '-' between them, such as \"bad-id\"\n" +
				"    3 | id = \"Bad Id\"\n" +
				"      |      ^^^^^^^^\n"},
		{"a warning, and no column", "title = \"t\"\ncolour = \"x\"\n[[event]]\ntitle = \"A\"\n",
			"f.toml:2:1: warning: chronology: unknown key \"colour\" is ignored\n" +
				"    2 | colour = \"x\"\n" +
				"      | ^^^^^^\n" +
				"f.toml:3: event #1: missing id: add id = \"...\"\n" +
				"f.toml:3: event #1: missing date: add date = YYYY-MM-DD (or \"YYYY\", \"YYYY-MM\")\n"},
		{"a long line", "title = \"t\"\n[[event]]\nid = \"a\"\ndate = 2020-01-01\ntitle = \"A\"\nsummary = \"" + strings.Repeat("w ", 60) + "\"\ntags = [" + strings.Repeat("\"t\", ", 30) + "1]\n",
			"f.toml:7:159: event \"a\": tags: item 31 must be a string, not an integer\n" +
				"    7 | … \"t\", \"t\", \"t\", 1]\n" +
				"      |                  ^\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := timeline.Parse("f.toml", []byte(tt.src))
			var b strings.Builder
			writeDiagnostics(&b, diags, true, 60)
			if got := b.String(); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			b.Reset()
			writeDiagnostics(&b, diags, false, 60)
			if got := b.String(); got != diags.String() {
				t.Errorf("without the source: got\n%s\nwant\n%s", got, diags.String())
			}
		})
	}
}

// TestCheckOnTerminal: check run on a terminal shows each problem under
// its line; --brief gives one line a problem, as a pipe does.
func TestCheckOnTerminal(t *testing.T) {
	bin := endToEnd(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "a.toml"), []byte("title = \"t\"\nx = 1 y = 2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	want := "a.toml:2:7: TOML syntax: expected a top-level item to end with a newline, comment, or EOF, but got '\n" +
		"y' instead\n" +
		"    2 | x = 1 y = 2\n" +
		"      |       ^\n" +
		"a.toml: 1 error\n"
	for _, tc := range []struct {
		name string
		args []string
		want string
	}{
		{"under the line", []string{"check", "a.toml"}, want},
		{"brief", []string{"check", "--brief", "a.toml"}, strings.Replace(want, "    2 | x = 1 y = 2\n      |       ^\n", "", 1)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tt := startTUI(t, bin, dir, 100, 20, tc.args...)
			if code := tt.waitExit(); code != 1 {
				t.Errorf("exit %d, want 1", code)
			}
			if s := tt.screen(); !strings.HasPrefix(s, tc.want) {
				t.Errorf("screen:\n%s\nwant it to start with\n%s", s, tc.want)
			}
		})
	}
}
