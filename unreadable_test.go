package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// unprivileged returns a command that runs name with args as a user who
// cannot read what chmod 000 denies: as it is, or, for root (who reads
// everything), as nobody through setpriv. It skips the test when neither
// is possible.
func unprivileged(t *testing.T, name string, args ...string) *exec.Cmd {
	t.Helper()
	if os.Geteuid() != 0 {
		return exec.Command(name, args...)
	}
	setpriv, err := exec.LookPath("setpriv")
	if err != nil {
		t.Skip("running as root without setpriv: chmod 000 does not deny root")
	}
	return exec.Command(setpriv, append([]string{"--reuid=65534", "--regid=65534", "--clear-groups", name}, args...)...)
}

// openDir is a temporary folder that another user may enter and read.
func openDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "backstory-unreadable-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = filepath.Walk(dir, func(p string, _ os.FileInfo, _ error) error { _ = os.Chmod(p, 0o755); return nil })
		_ = os.RemoveAll(dir)
	})
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestUnreadable: a file or a folder that cannot be read is named, with
// the reason, and the rest is still checked.
func TestUnreadable(t *testing.T) {
	dir := openDir(t)
	bin := viewerBinary(t)
	write := func(rel, data string, mode os.FileMode) {
		t.Helper()
		p := filepath.Join(dir, rel)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.Chmod(p, mode); err != nil {
			t.Fatal(err)
		}
	}
	event := func(id string) string {
		return "title = \"T\"\n[[event]]\nid = \"" + id + "\"\ndate = \"2018\"\ntitle = \"" + id + "\"\n"
	}
	write("f/a.toml", event("a"), 0o644)
	write("f/secret.toml", event("s"), 0o000)
	write("locked/b.toml", event("b"), 0o644)
	if err := os.Chmod(filepath.Join(dir, "locked"), 0o000); err != nil {
		t.Fatal(err)
	}

	for _, tc := range []struct {
		name string
		args []string
		want []string
	}{
		{"a folder with an unreadable file", []string{"check", "f"},
			[]string{"f/secret.toml: cannot read the file: permission denied", "f: 1 error"}},
		{"an unreadable file given", []string{"check", "f/secret.toml", "f/a.toml"},
			[]string{"f/secret.toml: cannot read the file: permission denied"}},
		{"an unreadable folder", []string{"check", "locked", "f/a.toml"},
			[]string{"locked: cannot read the folder: permission denied"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cmd := unprivileged(t, bin, tc.args...)
			cmd.Dir = dir
			out, err := cmd.CombinedOutput()
			if code := cmd.ProcessState.ExitCode(); code != 1 {
				t.Errorf("exit status %d (%v), want 1", code, err)
			}
			for _, want := range tc.want {
				if !strings.Contains(string(out), want) {
					t.Errorf("output lacks %q:\n%s", want, out)
				}
			}
		})
	}
}
