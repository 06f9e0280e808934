package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/txtar"
)

// TestViewerHostileBytes runs the viewer on the hostile chronology of
// testdata/script/hostile.txtar and reads every byte it writes to the
// terminal: no escape sequence, control character or bidi override from
// the data may be among them, in the list, the detail or the help, and the
// layout keeps its columns and its footer.
func TestViewerHostileBytes(t *testing.T) {
	bin := endToEnd(t)
	ar, err := txtar.ParseFile("testdata/script/hostile.txtar")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range ar.Files {
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// The viewer waits on a fifo until the pane's output is being copied
	// to a file, so that its first byte is recorded too.
	gate := filepath.Join(dir, "gate")
	if err := syscall.Mkfifo(gate, 0o600); err != nil {
		t.Fatal(err)
	}
	raw := filepath.Join(dir, "raw.out")
	const w, h = 100, 30
	script := "read _ < gate; exec " + shellQuote(bin) + " --style dark hostile.toml"
	tt := startTUI(t, "sh", dir, w, h, "-c", script)
	tt.tmux("pipe-pane", "-t", "main", "-o", "cat >> "+shellQuote(raw))
	if err := os.WriteFile(gate, []byte("go\n"), 0o600); err != nil {
		t.Fatal(err)
	}

	s := tt.waitFor("Evil", true)
	checkLayout(t, s, w, "1/1")
	tt.keys("Enter") // the detail: tags, people, body, source, claim
	tt.waitFor("back to list", true)
	s = tt.waitFor("Clipboard", true)
	checkLayout(t, s, w, "1/1")
	for _, want := range []string{"␛]52;c;cHduZWQ=␇", "<U+202E>", "Back␈space", "<U+200B> zero width"} {
		if !strings.Contains(s, want) {
			t.Errorf("the detail does not show %q visibly:\n%s", want, s)
		}
	}
	// a key right after Escape would be read as alt+key: wait between
	tt.keys("Escape")
	tt.waitFor("back to list", false)
	tt.keys("?") // the full help, over hostile data (it lists "? all keys" too: wait for its own footer)
	s = tt.waitFor("close help", true)
	checkWidth(t, s, w)
	tt.keys("?")
	tt.waitFor("close help", false)
	tt.waitFor("all keys", true)
	tt.quitCleanly("Evil")

	var out []byte
	deadline := time.Now().Add(e2eDeadline)
	for {
		out, err = os.ReadFile(raw)
		if err != nil {
			t.Fatal(err)
		}
		// the last bytes the viewer writes leave the alternate screen
		if bytes.Contains(out, []byte("\x1b[?1049l")) || time.Now().After(deadline) {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if !bytes.Contains(out, []byte("Clipboard")) {
		t.Fatalf("the recorded output lacks the detail (%d bytes)", len(out))
	}
	for _, bad := range []string{
		"\x1b]0;pwned",                         // OSC 0: window title
		"\x1b]52;c;cHduZWQ=",                   // OSC 52: clipboard
		"\x1b]8;;https://evil",                 // OSC 8: hyperlink from a tag
		"\x1bP+q",                              // DCS
		"\x1b[2J\u202etxet",                    // CSI: clear screen, from the title
		"\x1b[31mred",                          // CSI colour from the title
		"\x1b[1mBold source",                   // CSI from a source
		"\u202e", "\u2066", "\u2069", "\u200b", // bidi and zero-width
		"\u009b",           // C1 CSI
		"Back\bspace",      // backspace
		"Carriage\rreturn", // carriage return
		"\x07bell",         // BEL
	} {
		if bytes.Contains(out, []byte(bad)) {
			i := bytes.Index(out, []byte(bad))
			t.Errorf("the viewer wrote %q to the terminal, near %q", bad, out[max(0, i-40):min(len(out), i+40)])
		}
	}
}

// checkLayout: every line fits the width, and the footer (the last line)
// still shows the position and the way to help and out.
func checkLayout(t *testing.T, screen string, w int, pos string) {
	t.Helper()
	checkWidth(t, screen, w)
	lines := strings.Split(strings.TrimRight(screen, "\n"), "\n")
	last := lines[len(lines)-1]
	for _, want := range []string{pos, "?", "q"} {
		if !strings.Contains(last, want) {
			t.Errorf("the footer lost %q: %q\n%s", want, last, screen)
		}
	}
}

// TestHostileFileName: a file whose name holds an escape sequence is
// named harmlessly in check's diagnostics and summary.
func TestHostileFileName(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "b\x1b[2Jad\u202e.toml")
	if err := os.WriteFile(name, []byte("x"), 0o644); err != nil {
		t.Skip("this file system refuses the name:", err)
	}
	var out, errOut bytes.Buffer
	if code := run([]string{"check", dir}, strings.NewReader(""), &out, &errOut); code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	all := out.String() + errOut.String()
	if strings.ContainsAny(all, "\x1b\u202e") || !strings.Contains(all, "b␛[2Jad<U+202E>.toml:1:") {
		t.Errorf("the file name is not shown harmlessly:\n%q", all)
	}
}
