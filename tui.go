package main

import "io"

// runTUI starts the viewer. Until the viewer exists it prints the list.
func runTUI(args []string, stdout, stderr io.Writer) int {
	return runList(args, stdout, stderr)
}
