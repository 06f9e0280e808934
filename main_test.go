package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets the scripts in testdata/script run backstory as a command,
// and removes the viewer built for the end-to-end tests once all have run.
func TestMain(m *testing.M) {
	if code, child := benchChild(); child {
		os.Exit(code)
	}
	testscript.Main(cleanAfter{m}, map[string]func(){
		"backstory": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
}

// cleanAfter runs the tests, then removes the built viewer's folder.
type cleanAfter struct{ m *testing.M }

func (c cleanAfter) Run() int {
	code := c.m.Run()
	if built.dir != "" {
		if err := os.RemoveAll(built.dir); err != nil {
			fmt.Fprintln(os.Stderr, "removing the built viewer:", err)
		}
	}
	return code
}

// built is the viewer, built once by the first test that needs it and
// shared by all: a folder that every user may read and enter, since some
// tests run it as another user.
var built struct {
	once sync.Once
	dir  string
	bin  string
	err  error
}

// viewerBinary returns the path of the built viewer; the build's failure
// fails every test that asks.
func viewerBinary(t *testing.T) string {
	t.Helper()
	built.once.Do(func() {
		if built.dir, built.err = os.MkdirTemp("", "backstory-viewer-"); built.err != nil {
			return
		}
		if built.err = os.Chmod(built.dir, 0o755); built.err != nil {
			return
		}
		built.bin = filepath.Join(built.dir, "backstory")
		if out, err := exec.Command("go", "build", "-o", built.bin, ".").CombinedOutput(); err != nil {
			built.err = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if built.err != nil {
		t.Fatal(built.err)
	}
	return built.bin
}

// endToEnd skips a test that runs the built program in a real terminal
// (tmux) when -short is given (such tests take most of the package's
// time) or tmux is missing, and returns the built program.
func endToEnd(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("runs the built program in a terminal (tmux): skipped with -short")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed")
	}
	return viewerBinary(t)
}

// TestScripts runs the end-to-end scripts of the commands, one behaviour a
// file (see testdata/script/*.txtar).
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		RequireExplicitExec: true,
		Setup: func(env *testscript.Env) error {
			env.Setenv("EVENTS", env.Getenv("WORK")+"/../../events.toml")
			return nil
		},
	})
}
