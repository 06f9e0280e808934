package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"time"

	"backstory/internal/safefile"
	"backstory/timeline"
	"backstory/timeline/interop"
)

// runExport writes the chronology in another format to stdout.
func runExport(args []string, stdout, stderr io.Writer) int {
	f := newFlags("export", "export [-f markdown|json|timelinejs|claimreview] [-q QUERY] [--publisher NAME --url BASE [--date DATE]] [FILE|DIR ...]", stdout, stderr)
	format := f.String("f", "markdown", "the `FORMAT`: markdown (a background memo), json, timelinejs (TimelineJS3 JSON), or claimreview (schema.org ClaimReview JSON-LD)")
	query := f.String("q", "", "export only the events matching `QUERY`")
	publisher := f.String("publisher", "", "claimreview: the `NAME` of the fact-checking organisation")
	base := f.String("url", "", "claimreview: the `BASE` address of the page the reviews are on (each is BASE#event-id)")
	dateFlag := f.String("date", "", "claimreview: the `DATE` the reviews are published, YYYY-MM-DD (default today)")
	paths, ok, code := f.parse(args)
	if !ok {
		return code
	}
	switch *format {
	case "markdown", "json", "timelinejs", "claimreview":
	default:
		say(stderr, "backstory export: unknown format %q: use -f markdown, -f json, -f timelinejs or -f claimreview\n", *format)
		return 2
	}
	review := interop.ClaimReviewOptions{Publisher: strings.TrimSpace(*publisher), BaseURL: *base}
	if *format == "claimreview" {
		if msg := claimReviewUsage(&review, *dateFlag); msg != "" {
			say(stderr, "backstory export: %s\n", msg)
			return 2
		}
	}
	q, err := timeline.ParseQuery(*query)
	if err != nil {
		say(stderr, "backstory export: -q %q: %v\n", *query, err)
		return 2
	}
	c := loadOrReport(paths, stderr)
	if c == nil {
		return 1
	}
	if err := q.Check(c); err != nil {
		say(stderr, "backstory export: -q %q: %v\n", *query, err)
		return 2
	}
	events := q.Scan(c) // (one query: no index)
	var out []byte
	switch *format {
	case "markdown":
		out = interop.Markdown(c, events, *query)
	case "json":
		out, err = interop.JSON(c, events)
	case "timelinejs":
		out, err = interop.TimelineJS(c, events)
	case "claimreview":
		out, err = interop.ClaimReview(events, review)
	}
	if err != nil {
		say(stderr, "backstory export: %v\n", err)
		return 1
	}
	stdout.Write(out)
	return 0
}

// claimReviewUsage checks the flags -f claimreview needs, and sets the
// date (today, in UTC, by default); it says what to fix, or "".
func claimReviewUsage(o *interop.ClaimReviewOptions, date string) string {
	switch {
	case o.Publisher == "" && o.BaseURL == "":
		return "-f claimreview needs --publisher NAME and --url BASE (the page the reviews are on)"
	case o.Publisher == "":
		return "-f claimreview needs --publisher NAME (the fact-checking organisation)"
	case o.BaseURL == "":
		return "-f claimreview needs --url BASE (the page the reviews are on)"
	}
	if msg := timeline.URLProblem(o.BaseURL); msg != "" {
		return "--url: " + msg
	}
	if date == "" {
		date = time.Now().UTC().Format("2006-01-02")
	}
	d, err := timeline.ParseDate(date)
	if err != nil || d.Precision != timeline.PrecisionDay {
		return fmt.Sprintf("--date %q: want YYYY-MM-DD", date)
	}
	o.Date = d
	return ""
}

// importers are the formats import reads.
var importers = map[string]func(string, []byte, interop.Options) (*interop.Converted, timeline.Diagnostics){
	"timelinejs":     interop.ImportTimelineJS,
	"timelinesetter": interop.ImportTimelineSetter,
}

// runImport converts another format to TOML, on stdout or in a new file.
func runImport(args []string, stdout, stderr io.Writer) int {
	f := newFlags("import", "import timelinejs|timelinesetter INPUT [-o OUT] [--force] [--title TITLE]", stdout, stderr)
	out := f.String("o", "", "write the chronology to the file `OUT` instead of standard output")
	force := f.Bool("force", false, "replace OUT if it exists")
	title := f.String("title", "", "the chronology's `TITLE` (default: the TimelineJS title slide's headline, else the INPUT file's name)")
	rest, ok, code := f.parse(args)
	if !ok {
		return code
	}
	if len(rest) == 0 {
		say(stderr, "backstory import: which format? backstory import timelinejs INPUT, or backstory import timelinesetter INPUT\n")
		return 2
	}
	convert, known := importers[rest[0]]
	if !known {
		say(stderr, "backstory import: unknown format %q: use timelinejs (JSON or spreadsheet CSV) or timelinesetter (CSV)\n", rest[0])
		return 2
	}
	if len(rest) != 2 {
		say(stderr, "backstory import: give one INPUT file: backstory import %s INPUT [-o OUT]\n", rest[0])
		return 2
	}
	input := rest[1]
	data, msg := readImportInput(input)
	if msg != "" {
		say(stderr, "%s: %s\n", input, msg)
		return 1
	}
	if *out != "" {
		if info, err := os.Stat(*out); err == nil && info.IsDir() {
			say(stderr, "backstory import: %s is a folder: give -o a file name, such as %s/events.toml\n", *out, *out)
			return 1
		}
	}
	conv, diags := convert(input, data, interop.Options{Title: *title})
	sayLines(stderr, diags.String())
	if conv == nil {
		return 1
	}
	if *out == "" {
		stdout.Write(conv.TOML)
		return 0
	}
	if err := safefile.Write(*out, conv.TOML, *force); err != nil {
		say(stderr, "backstory import: %v%s\n", err, forceHint(err))
		return 1
	}
	say(stdout, "imported %s from %s to %s; check it with: backstory check %s\n",
		plural(conv.Chronology.Len(), "event"), input, *out, *out)
	return 0
}

// readImportInput reads the file to import, or says why not: a device
// (/dev/zero would be read forever) and a file over the size check reads
// are refused; a named pipe is read (import timelinejs <(curl ...)).
func readImportInput(input string) ([]byte, string) {
	info, err := os.Stat(input)
	if err != nil {
		return nil, readError(err)
	}
	limit := timeline.MaxFileBytes()
	tooBig := fmt.Sprintf("the file is bigger than %s, the most backstory reads: is it the right file?", timeline.ByteSize(limit))
	switch m := info.Mode(); {
	case m.IsDir():
		return nil, "is a folder: give the file to import"
	case m&fs.ModeCharDevice != 0, m&fs.ModeDevice != 0:
		return nil, "is a device, not a file: give the file to import"
	case m&fs.ModeSocket != 0:
		return nil, "is a socket, not a file: give the file to import"
	case m.IsRegular() && info.Size() > limit:
		return nil, tooBig
	}
	f, err := os.Open(input)
	if err != nil {
		return nil, readError(err)
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, readError(err)
	}
	if int64(len(data)) > limit {
		return nil, tooBig
	}
	return data, ""
}

func readError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	if errors.Is(err, fs.ErrNotExist) {
		return "no such file"
	}
	return fmt.Sprintf("cannot read: %v", err)
}
