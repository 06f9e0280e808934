// Command backstory shows the background of a news story: a chronology of
// events kept in a hand-edited TOML file, as a timeline to scroll, filter and
// read, with links between events to follow and come back from.
package main

import (
	_ "embed"
	"os"
)

// builtin is the chronology shipped with the program, used when no file is
// given and ./events.toml does not exist.
//
//go:embed events.toml
var builtin []byte

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
