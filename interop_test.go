package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"backstory/timeline"
)

// TestImportTooBig: a file over the size check reads is refused before it
// is read (a sparse file, so the test writes nothing of that size).
func TestImportTooBig(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.json")
	if err := os.WriteFile(path, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Truncate(path, timeline.MaxFileBytes()+1); err != nil {
		t.Skip("cannot make a sparse file here:", err)
	}
	var stdout, stderr bytes.Buffer
	code := runImport([]string{"timelinejs", path}, &stdout, &stderr)
	want := path + ": the file is bigger than " + timeline.ByteSize(timeline.MaxFileBytes()) + ", the most backstory reads: is it the right file?\n"
	if code != 1 || stderr.String() != want || stdout.Len() != 0 {
		t.Errorf("exit %d, stdout %q, stderr %q; want exit 1 and %q", code, stdout.String(), stderr.String(), strings.TrimSpace(want))
	}
}
