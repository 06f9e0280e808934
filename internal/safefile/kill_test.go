package safefile

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"
)

// TestKilledMidWrite kills a process while it rewrites a file over and over
// and checks that the file is always one whole version, never a part.
func TestKilledMidWrite(t *testing.T) {
	if os.Getenv("SAFEFILE_CHILD") != "" {
		t.Skip("the writer itself")
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "events.toml")
	if err := Write(path, version(0), false); err != nil {
		t.Fatal(err)
	}
	for round := 0; round < 10; round++ {
		cmd := exec.Command(os.Args[0], "-test.run=^TestWriterChild$")
		cmd.Env = append(os.Environ(), "SAFEFILE_CHILD="+path)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Let it write a while: how long does not matter, the file must be
		// whole whenever the kill lands.
		time.Sleep(time.Duration(20+round*15) * time.Millisecond)
		cmd.Process.Kill()
		cmd.Wait()
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if !whole(data) {
			t.Fatalf("round %d: the file is not one whole version (%d bytes)", round, len(data))
		}
	}
}

// TestWriterChild rewrites the file named by SAFEFILE_CHILD until killed.
func TestWriterChild(t *testing.T) {
	path := os.Getenv("SAFEFILE_CHILD")
	if path == "" {
		t.Skip("run by TestKilledMidWrite")
	}
	for i := 1; ; i++ {
		if err := Write(path, version(i), true); err != nil {
			t.Fatal(err)
		}
	}
}

// version is a large file whose every line names the same version, so a
// mix of two versions or a cut-off one is seen.
func version(i int) []byte {
	line := []byte("version " + strconv.Itoa(i) + "\n")
	return bytes.Repeat(line, 200000/len(line))
}

func whole(data []byte) bool {
	end := bytes.IndexByte(data, '\n')
	if end < 0 {
		return false
	}
	first := data[:end+1]
	return len(data) == len(first)*(200000/len(first)) && bytes.Equal(data, bytes.Repeat(first, len(data)/len(first)))
}
