package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestPagerCommand(t *testing.T) {
	for _, tc := range []struct {
		env  map[string]string
		want string
	}{
		{nil, "less -R"},
		{map[string]string{"PAGER": "more"}, "more"},
		{map[string]string{"PAGER": ""}, ""},
		{map[string]string{"PAGER": "cat"}, ""},
		{map[string]string{"PAGER": " less -S "}, "less -S"},
	} {
		got := pagerCommand(func(k string) (string, bool) { v, ok := tc.env[k]; return v, ok })
		if got != tc.want {
			t.Errorf("%v: %q, want %q", tc.env, got, tc.want)
		}
	}
}

// TestRunPager: the text goes through the pager to stdout, directly or
// through sh; a pager that is not there is said before anything is sent,
// so that the caller prints the text itself; LESS is set as git sets it.
func TestRunPager(t *testing.T) {
	var out, errb bytes.Buffer
	if err := runPager("sed s/^/P:/", "one\ntwo\n", &out, &errb); err != nil || out.String() != "P:one\nP:two\n" {
		t.Errorf("direct: %v, %q %q", err, out.String(), errb.String())
	}
	out.Reset()
	if err := runPager("sed 's/^/Q:/' | tr a-z A-Z", "one\n", &out, &errb); err != nil || out.String() != "Q:ONE\n" {
		t.Errorf("through sh: %v, %q %q", err, out.String(), errb.String())
	}
	out.Reset()
	t.Setenv("LESS", "")
	os.Unsetenv("LESS")
	if err := runPager("sh -c 'echo $LESS'", "", &out, &errb); err != nil || out.String() != "FRX\n" {
		t.Errorf("LESS: %v, %q", err, out.String())
	}
	out.Reset()
	if err := runPager("no-such-pager-here -R", "one\n", &out, &errb); !errors.Is(err, errNoPager) || out.Len() > 0 {
		t.Errorf("missing pager: %v, %q", err, out.String())
	}
	dir := t.TempDir()
	t.Setenv("PAGER", "no-such-pager-here")
	f, err := os.Create(filepath.Join(dir, "out"))
	if err != nil {
		t.Fatal(err)
	}
	printPaged("kept\n", true, f, &errb)
	f.Close()
	if b, _ := os.ReadFile(f.Name()); string(b) != "kept\n" {
		t.Errorf("missing pager: printed %q, want the text itself", b)
	}
	if strings.Contains(errb.String(), "panic") {
		t.Error(errb.String())
	}
}
