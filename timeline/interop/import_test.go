package interop

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"

	"backstory/timeline"
)

var update = flag.Bool("update", false, "rewrite the expected results in testdata")

// TestImportFixtures converts every file in testdata/timelinejs and
// testdata/timelinesetter and compares the diagnostics and the TOML with
// NAME.want (a txtar archive of "diagnostics" and "toml"). Every TOML
// written must load with no diagnostic at all; input with errors must
// give no TOML.
func TestImportFixtures(t *testing.T) {
	// two-digit years are read around the year of the import
	defer func(f func() int) { thisYear = f }(thisYear)
	thisYear = func() int { return 2026 }
	for dir, convert := range map[string]func(string, []byte, Options) (*Converted, timeline.Diagnostics){
		"timelinejs":     ImportTimelineJS,
		"timelinesetter": ImportTimelineSetter,
	} {
		inputs, _ := filepath.Glob(filepath.Join("testdata", dir, "*"))
		for _, in := range inputs {
			if strings.HasSuffix(in, ".want") || filepath.Base(in) == "README.md" {
				continue
			}
			t.Run(filepath.Base(in), func(t *testing.T) {
				data, err := os.ReadFile(in)
				if err != nil {
					t.Fatal(err)
				}
				name := filepath.Base(in)
				conv, diags := convert(name, data, Options{})
				var got txtar.Archive
				got.Files = append(got.Files, txtar.File{Name: "diagnostics", Data: []byte(diags.String())})
				if conv != nil {
					if diags.HasErrors() {
						t.Errorf("a result despite errors:\n%s", diags)
					}
					back, again := timeline.Parse(name, conv.TOML)
					if back == nil || len(again) > 0 {
						t.Errorf("the TOML does not check:\n%s", again)
					}
					got.Files = append(got.Files, txtar.File{Name: "toml", Data: conv.TOML})
				} else if !diags.HasErrors() {
					t.Errorf("no result and no error")
				}
				wantFile := strings.TrimSuffix(in, filepath.Ext(in)) + ".want"
				if *update {
					if err := os.WriteFile(wantFile, txtar.Format(&got), 0o644); err != nil {
						t.Fatal(err)
					}
					return
				}
				wantData, err := os.ReadFile(wantFile)
				if err != nil {
					t.Fatalf("%v (go test -update writes it)", err)
				}
				if g, w := string(txtar.Format(&got)), string(wantData); g != w {
					t.Errorf("got:\n%s\nwant (%s):\n%s", g, wantFile, w)
				}
			})
		}
	}
}

// FuzzImport feeds both importers arbitrary input: they never panic, and
// whatever they convert checks clean.
func FuzzImport(f *testing.F) {
	for _, dir := range []string{"timelinejs", "timelinesetter"} {
		inputs, _ := filepath.Glob(filepath.Join("testdata", dir, "*"))
		for _, in := range inputs {
			if data, err := os.ReadFile(in); err == nil && !strings.HasSuffix(in, ".want") && filepath.Base(in) != "README.md" {
				f.Add(data)
			}
		}
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, convert := range []func(string, []byte, Options) (*Converted, timeline.Diagnostics){ImportTimelineJS, ImportTimelineSetter} {
			conv, diags := convert("fuzz", data, Options{})
			if conv == nil {
				if !diags.HasErrors() {
					t.Fatalf("no result and no error for %q", data)
				}
				continue
			}
			if back, again := timeline.Parse("fuzz", conv.TOML); back == nil || len(again) > 0 {
				t.Fatalf("%q converts to TOML that does not check:\n%s\n%s", data, again, conv.TOML)
			}
		}
	})
}
