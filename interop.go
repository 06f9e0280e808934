package main

import (
	"fmt"
	"io"
)

// runExport writes the chronology in another format.
func runExport(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "backstory export: not available yet")
	return 2
}

// runImport converts another format to TOML.
func runImport(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "backstory import: not available yet")
	return 2
}
