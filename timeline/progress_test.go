package timeline

import (
	"os"
	"path/filepath"
	"testing"

	"backstory/internal/synth"
)

// TestLoadProgressWithinFile: a big file reports its progress part by part,
// so that a viewer's progress bar moves while one file loads.
func TestLoadProgressWithinFile(t *testing.T) {
	smallChunks(t)
	path := filepath.Join(t.TempDir(), "big.toml")
	data := synth.Generate(synth.Options{Events: 200, Seed: 4, MinBodyWords: 5, MaxBodyWords: 30})
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	var reports []int64
	c, diags := LoadProgress([]string{path}, func(done, total int64) {
		if total != int64(len(data)) {
			t.Errorf("total = %d, want %d", total, len(data))
		}
		reports = append(reports, done)
	})
	if c == nil || len(diags) > 0 {
		t.Fatalf("does not load:\n%s", diags)
	}
	if len(reports) < 10 {
		t.Fatalf("%d progress reports for %d parts, want one a part", len(reports), len(data)/chunkBytes)
	}
	for i, r := range reports {
		if r < 0 || r > int64(len(data)) || (i > 0 && r < reports[i-1]) {
			t.Fatalf("progress %d out of order or range: %v", r, reports)
		}
	}
	if last := reports[len(reports)-1]; last != int64(len(data)) {
		t.Errorf("last report %d, want %d", last, len(data))
	}
}
