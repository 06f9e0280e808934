package safefile

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestWrite(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "events.toml")

	if err := Write(path, []byte("one"), false); err != nil {
		t.Fatal(err)
	}
	assertFile(t, path, "one")

	err := Write(path, []byte("two"), false)
	if !errors.Is(err, ErrExists) {
		t.Fatalf("second write without overwrite: err = %v, want ErrExists", err)
	}
	assertFile(t, path, "one")

	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Write(path, []byte("three"), true); err != nil {
		t.Fatal(err)
	}
	assertFile(t, path, "three")
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Errorf("mode = %v, want the old file's 0600", info.Mode().Perm())
	}

	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

func TestWriteRefusesFolder(t *testing.T) {
	dir := t.TempDir()
	if err := Write(dir, []byte("x"), true); err == nil {
		t.Fatal("writing over a folder succeeded")
	}
}

func TestWriteMissingFolder(t *testing.T) {
	err := Write(filepath.Join(t.TempDir(), "no", "such", "file"), []byte("x"), false)
	if err == nil {
		t.Fatal("writing into a missing folder succeeded")
	}
}

func assertFile(t *testing.T, path, want string) {
	t.Helper()
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("%s = %q, want %q", path, got, want)
	}
}
