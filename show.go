package main

import (
	"io"
	"os"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/term"

	"backstory/timeline"
	"backstory/timeline/interop"
	"backstory/ui"
)

// backstory show: one event as Markdown, rendered as the viewer's detail
// pane renders it on a terminal (paged), plain otherwise.

func runShow(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("show", "show [--plain] [--style STYLE] [--no-pager] ID [FILE|DIR ...]", stdout, stderr)
	plain := fs.Bool("plain", false, "print Markdown even on a terminal")
	style := fs.String("style", "", styleUsage)
	noPager := fs.Bool("no-pager", false, "print straight to the terminal, without $PAGER (default less -R)")
	rest, ok, code := fs.parse(args)
	if !ok {
		return code
	}
	styleName, err := ui.ChooseStyle(*style, os.Getenv)
	if err != nil {
		say(stderr, "backstory show: %v\n", err)
		return 2
	}
	if len(rest) == 0 {
		say(stderr, "backstory show: which event? give its id, e.g. backstory show doj-memo-2025 (backstory list shows the ids)\n")
		return 2
	}
	id, paths := rest[0], rest[1:]
	c := loadOrReport(paths, stderr)
	if c == nil {
		return 1
	}
	e := c.Event(id)
	if e == nil {
		say(stderr, "backstory show: no event has id %q%s; backstory list shows the ids\n", id, timeline.SuggestID(id, c))
		return 1
	}
	md := interop.EventMarkdown(c, e)
	width, isTerm := terminalWidth(stdout)
	if *plain || !isTerm {
		printPaged(md, isTerm && !*noPager, stdout, stderr)
		return 0
	}
	if styleName == "auto" {
		styleName = terminalStyle(stdout)
	}
	out, err := ui.RenderEvent(c, e, min(width, 100), styleName)
	if err != nil {
		say(stderr, "backstory show: cannot render (%v); plain Markdown follows\n", err)
		out = md
	}
	printPaged(out, !*noPager, stdout, stderr)
	return 0
}

// terminalStyle asks the terminal on stdin and out for its background, as
// the viewer does for --style auto: dark or light; without an answer,
// what COLORFGBG says, else dark.
func terminalStyle(out io.Writer) string {
	if f, ok := out.(*os.File); ok {
		if bg, err := lipgloss.BackgroundColor(os.Stdin, f); err == nil && bg != nil {
			return ui.StyleForBackground(bg)
		}
	}
	if name := ui.StyleFromColorFGBG(os.Getenv("COLORFGBG")); name != "" {
		return name
	}
	return "dark"
}

// terminalWidth reports whether w is a terminal, and its width.
func terminalWidth(w io.Writer) (int, bool) {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(f.Fd()) {
		return 0, false
	}
	width, _, err := term.GetSize(f.Fd())
	if err != nil || width <= 0 {
		width = 80
	}
	return width, true
}
