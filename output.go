package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"backstory/internal/safefile"
	"backstory/timeline"
)

// What the commands print about files and problems goes through say: the
// text they put in their messages (file names, ids, queries, errors) can
// hold anything, escape sequences included, and none of it may act on
// the terminal. Data the user asked for (an export, a TOML conversion,
// Markdown) is written as it is, its text made harmless by its writer.

// say prints a message to w. format is the program's own text; every
// argument (a file name, an id, a query, an error) is made harmless and
// kept on one line first, as timeline.HarmlessLine does.
func say(w io.Writer, format string, args ...any) {
	for i, a := range args {
		switch v := a.(type) {
		case string:
			args[i] = timeline.HarmlessLine(v)
		case error:
			args[i] = timeline.HarmlessLine(v.Error())
		case fmt.Stringer:
			args[i] = timeline.HarmlessLine(v.String())
		}
	}
	fmt.Fprintf(w, format, args...)
}

// sayLines prints text of several lines made harmless, its line breaks
// kept.
func sayLines(w io.Writer, text string) {
	fmt.Fprint(w, timeline.Harmless(text))
}

// plural is "1 event", "2 events".
func plural(n int, word string) string { return timeline.Plural(n, word) }

// inputPaths returns the files and folders a command reads: those given,
// or with none ./events.toml when it exists, or none at all for the
// built-in chronology. (Lstat: a broken link named events.toml is the
// user's file, to report, not a reason to show the built-in chronology
// instead.) The viewer makes the choice once, at start: when
// ./events.toml is deleted later it must say so and keep the last good
// data, not fall back to the built-in chronology.
func inputPaths(args []string) []string {
	if len(args) > 0 {
		return args
	}
	if _, err := os.Lstat("events.toml"); err == nil {
		return []string{"events.toml"}
	}
	return nil
}

// forceHint is what to add to an error of safefile.Write: how to replace
// a file that exists.
func forceHint(err error) string {
	if errors.Is(err, safefile.ErrExists) {
		return " (use --force to replace it)"
	}
	return ""
}
