package main

import (
	"os"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets the scripts in testdata/script run backstory as a command.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"backstory": func() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) },
	})
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
