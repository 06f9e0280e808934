package timeline

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the expected diagnostics in testdata/")

// TestInvalidFiles loads every file in testdata/invalid and compares the
// diagnostics with NAME.want, exactly. Files named warn-* must load (only
// warnings); every other file must fail to load.
func TestInvalidFiles(t *testing.T) {
	files, err := filepath.Glob("testdata/invalid/*.toml")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 25 {
		t.Fatalf("only %d invalid files in testdata/invalid", len(files))
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			c, diags := Load(f)
			got := diags.String()
			want := strings.TrimSuffix(f, ".toml") + ".want"
			if *update {
				if err := os.WriteFile(want, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			data, err := os.ReadFile(want)
			if err != nil {
				t.Fatalf("no expected diagnostics: %v (run go test ./timeline -run TestInvalidFiles -update)", err)
			}
			if got != string(data) {
				t.Errorf("diagnostics differ\n--- got\n%s--- want\n%s", got, data)
			}
			if strings.HasPrefix(filepath.Base(f), "warn-") {
				if c == nil || diags.HasErrors() || len(diags) == 0 {
					t.Errorf("want warnings only and a loaded chronology, got c=%v\n%s", c != nil, got)
				}
			} else if c != nil || !diags.HasErrors() {
				t.Errorf("want errors and no chronology, got c=%v\n%s", c != nil, got)
			}
		})
	}
}

// TestItemFinder: the items of an array value are found where they start,
// over lines, past strings, comments, nested arrays and inline tables, in
// order or not; what is not there is the value's position.
func TestItemFinder(t *testing.T) {
	src := "x = 1\n" +
		"tags = [ \"a,]\", # \"b\", 2\n" +
		"  '''c\n]''', [1, [2]], {k = \"]\"},\n" +
		"  \"é\", 5 ]\n"
	lines := strings.Split(src, "\n")
	lineAt := func(n int) (string, bool) {
		if n < 1 || n > len(lines) {
			return "", false
		}
		return lines[n-1], true
	}
	k := keyPos{Line: 2, Col: 1, ValueCol: 8, End: 5}
	want := [][2]int{{2, 10}, {3, 3}, {4, 7}, {4, 17}, {5, 3}, {5, 8}}
	var f itemFinder
	for _, order := range [][]int{{0, 1, 2, 3, 4, 5}, {5, 2, 2, 0, 4}} {
		for _, i := range order {
			line, col := f.find(lineAt, k, i)
			if line != want[i][0] || col != want[i][1] {
				t.Errorf("item %d at %d:%d, want %d:%d", i, line, col, want[i][0], want[i][1])
			}
		}
	}
	if line, col := f.find(lineAt, k, 6); line != 2 || col != 8 {
		t.Errorf("item 6 (none) at %d:%d, want the value's 2:8", line, col)
	}
	var g itemFinder
	if line, col := g.find(lineAt, keyPos{Line: 1, Col: 1, ValueCol: 5, End: 1}, 0); line != 1 || col != 5 {
		t.Errorf("an item of a value that is no array at %d:%d, want 1:5", line, col)
	}
}

// TestPartsNestingGuard: a part is not decoded when its scan found
// brackets nested too deep; where the scan skips text (a header line,
// what comes before a key's =) the decoder stops at it before any value.
// Either way the file reads as it does whole, where tooDeep says where.
func TestPartsNestingGuard(t *testing.T) {
	smallChunks(t)
	deep := strings.Repeat("[", maxNesting+1) + strings.Repeat("]", maxNesting+1)
	event := func(i int, extra string) string {
		return fmt.Sprintf("[[event]]\nid = \"e%d\"\ndate = 2018-01-01\ntitle = \"T\"\nbody = \"%s\"\n%s", i, strings.Repeat("w ", 600), extra)
	}
	for _, tt := range []struct{ name, extra, want string }{
		{"in a value", "x = " + deep + "\n", "too deep"},
		{"in an array over lines", "x = [\n" + deep + "\n]\n", "too deep"},
		{"after a header", "[[event.source]] " + deep + "\ntitle = \"s\"\n", "too deep"},
		{"before a key's =", "x " + deep + " = 1\n", "too deep"},
		{"in a string", "x = \"" + deep + "\"\n", "no error"},
		{"in a multi-line string", "x = '''\n" + deep + "\n'''\n", "no error"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			data := []byte("title = \"t\"\n" + event(1, "") + event(2, "") + event(3, tt.extra) + event(4, ""))
			sameLoad(t, tt.name, data)
			if inParts := newLoader().fileInParts("f.toml", string(data)); inParts != (tt.want == "no error") {
				t.Errorf("read in parts: %v", inParts)
			}
			_, diags := Parse("f.toml", data)
			got := "no error"
			if strings.Contains(diags.String(), tooDeepMessage) {
				got = "too deep"
			} else if diags.HasErrors() {
				got = diags.String()
			}
			if !strings.Contains(got, tt.want) {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}
