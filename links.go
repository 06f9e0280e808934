package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"backstory/internal/linkcheck"
	"backstory/timeline"
)

// linkOptions are check's flags for --links.
type linkOptions struct {
	archive bool
	timeout time.Duration
}

// checkLinks fetches the address of every source of c (see
// internal/linkcheck) and returns a warning, at the address in its file,
// for each that is dead or has moved to another host. On a terminal a
// progress bar on w says how far it has got.
func checkLinks(c *timeline.Chronology, o linkOptions, w io.Writer) timeline.Diagnostics {
	type ref struct {
		e *timeline.Event
		n int
	}
	var urls []string
	var refs []ref
	for _, e := range c.Events {
		for i, s := range e.Sources {
			if s.URL != "" {
				urls = append(urls, s.URL)
				refs = append(refs, ref{e, i})
			}
		}
	}
	checker := linkcheck.New()
	checker.Timeout, checker.Archive = o.timeout, o.archive
	if api := os.Getenv("BACKSTORY_WAYBACK_API"); api != "" {
		checker.ArchiveAPI = api // a mirror of the availability API
	}
	if path, err := linkcheck.DefaultCachePath(); err == nil {
		checker.Cache = linkcheck.OpenCache(path, 24*time.Hour)
	}
	if width, ok := terminalWidth(w); ok {
		checker.Progress = func(done, total int) { progressBar(w, done, total, width) }
	}
	results := checker.Check(context.Background(), urls)
	if checker.Progress != nil {
		fmt.Fprint(w, "\r\x1b[K")
	}
	checker.Cache.Save() // (a cache that cannot be written only costs time)
	var diags timeline.Diagnostics
	for _, r := range refs {
		s := r.e.Sources[r.n]
		res := results[s.URL]
		what := ""
		switch {
		case res.Dead():
			what = res.Problem
			if res.Snapshot != "" {
				what += "; archived copy: " + res.Snapshot + " (add it as archived = \"…\")"
			} else if o.archive {
				what += "; no archived copy found"
			}
		case res.MovedTo != "":
			what = "moved to another host: " + res.MovedTo
		default:
			continue
		}
		diags = append(diags, timeline.Diagnostic{Pos: s.URLPos, Severity: timeline.SeverityWarning,
			Message: fmt.Sprintf("event %q: source #%d: url: %s", r.e.ID, r.n+1, what)})
	}
	return diags
}

// progressBar draws "checking links  12/40 ▕█████     ▏" over itself.
func progressBar(w io.Writer, done, total, width int) {
	label := fmt.Sprintf("checking links %d/%d ", done, total)
	room := max(width-len(label)-3, 10)
	filled := room * done / max(total, 1)
	fmt.Fprintf(w, "\r%s▕%s%s▏", label, strings.Repeat("█", filled), strings.Repeat(" ", room-filled))
}
