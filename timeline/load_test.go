package timeline

import (
	"flag"
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
