package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"text/tabwriter"
	"time"

	"backstory/internal/safefile"
	"backstory/timeline"
	"backstory/timeline/interop"
)

const usage = `backstory shows the background of a news story: a chronology of events kept
in a hand-edited TOML file, as a timeline to scroll, filter and read.

Usage:
  backstory [flags] [FILE|DIR ...]          the viewer (no argument: ./events.toml if present,
                                            else the built-in chronology)
  backstory check [--strict] [--brief] [FILE|DIR ...]
                                            validate; prints FILE:LINE:COL diagnostics
                                            (on a terminal, each under its line)
  backstory list [-q QUERY] [--json] [FILE|DIR ...]
                                            matching events: DATE  ID  TITLE, one a line
  backstory show [--plain] [--style STYLE] [--no-pager] ID [FILE|DIR ...]
                                            one event as Markdown (rendered on a terminal,
                                            through $PAGER, default less -R)
  backstory export [-f markdown|json|timelinejs|claimreview] [-q QUERY] [FILE|DIR ...]
                                            to stdout; -f defaults to markdown
                                            (claimreview needs --publisher NAME --url BASE)
  backstory import timelinejs|timelinesetter INPUT [-o OUT] [--force] [--title TITLE]
                                            convert to TOML (stdout unless -o)
  backstory init [--force] [--empty] [PATH] write the built-in chronology to PATH
                                            (default ./events.toml) to edit it;
                                            --empty: a short commented template

Flags of the viewer:
  -q QUERY           start with the timeline filtered (see backstory list -h)
  --event ID         start at this event
  --style STYLE      colours: dark, light, notty (none) or auto (ask the terminal);
                     default $BACKSTORY_STYLE, else auto; NO_COLOR set means notty
  --no-mouse         leave the mouse to the terminal, so its text selection works

Every command takes -h/--help; backstory --version prints the version.
Exit status: 0 success; 1 invalid data, no such event, or a failed conversion;
2 misuse of the command line.
`

// run is the whole command line; it returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "-h", "-help", "--help", "help":
			fmt.Fprint(stdout, usage)
			return 0
		case "-version", "--version", "version":
			fmt.Fprintf(stdout, "backstory %s\n", versionText())
			return 0
		case "check":
			return runCheck(args[1:], stdout, stderr)
		case "list":
			return runList(args[1:], stdout, stderr)
		case "show":
			return runShow(args[1:], stdout, stderr)
		case "export":
			return runExport(args[1:], stdout, stderr)
		case "import":
			return runImport(args[1:], stdout, stderr)
		case "init":
			return runInit(args[1:], stdout, stderr)
		}
	}
	if len(args) > 0 {
		if cmd := mistypedCommand(args[0]); cmd != "" {
			say(stderr, "backstory: unknown command %q (did you mean %s?); backstory --help lists the commands\n", args[0], cmd)
			return 2
		}
	}
	return runTUI(args, stdout, stderr)
}

// versionText is the version set at build time, or else what the Go
// toolchain recorded: the module version, or the commit it was built from.
func versionText() string {
	if version != "dev" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return version
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
	}
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = ", with changes"
			}
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if rev == "" {
		return version
	}
	return fmt.Sprintf("%s (commit %s%s)", version, rev, modified)
}

// commands are the names of the subcommands.
var commands = []string{"check", "list", "show", "export", "import", "init", "help", "version"}

// mistypedCommand returns the command that arg was probably meant to be, if
// arg is not a file or folder and is a letter or two away from one.
func mistypedCommand(arg string) string {
	if arg == "" || strings.ContainsAny(arg, `/\.`) || strings.HasPrefix(arg, "-") {
		return ""
	}
	if _, err := os.Stat(arg); err == nil {
		return ""
	}
	return timeline.Closest(arg, commands)
}

// flags is a command's flag set and where its messages go.
type flags struct {
	*flag.FlagSet
	stdout, stderr io.Writer
}

// newFlags makes the flag set of a command whose usage line is synopsis.
func newFlags(name, synopsis string, stdout, stderr io.Writer) flags {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.Bool("version", false, "print the version and exit")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: backstory %s\n", synopsis)
		fs.PrintDefaults()
	}
	return flags{fs, stdout, stderr}
}

// parse parses flags that may come before, between or after the positional
// arguments, and returns the positional ones. It reports whether to go on,
// and the exit status when not: 0 after -h (usage on stdout), 2 for misuse
// (the error and usage on stderr).
func (f flags) parse(args []string) ([]string, bool, int) {
	var rest []string
	for {
		var msg bytes.Buffer
		f.SetOutput(&msg)
		if err := f.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				f.SetOutput(f.stdout)
				f.Usage()
				return nil, false, 0
			}
			f.stderr.Write(f.suggestFlag(err, msg.Bytes()))
			return nil, false, 2
		}
		if v := f.Lookup("version"); v != nil && v.Value.String() == "true" {
			fmt.Fprintf(f.stdout, "backstory %s\n", versionText())
			return nil, false, 0
		}
		args = f.Args()
		if len(args) == 0 {
			return rest, true, 0
		}
		if args[0] == "--" {
			return append(rest, args[1:]...), true, 0
		}
		rest = append(rest, args[0])
		args = args[1:]
	}
}

// suggestFlag adds the flag closest to an unknown one to the flag
// package's message, msg (its error, then the usage): "flag provided but
// not defined: -jsno (did you mean --json?)". A name of one or two
// letters gets none.
func (f flags) suggestFlag(err error, msg []byte) []byte {
	name, ok := strings.CutPrefix(err.Error(), "flag provided but not defined: -")
	name = strings.TrimPrefix(name, "-")
	if !ok || len(name) < 3 { // -x is near every one-letter flag
		return msg
	}
	var names []string
	f.VisitAll(func(fl *flag.Flag) { names = append(names, fl.Name) })
	best := timeline.Closest(name, names)
	if best == "" {
		return msg
	}
	dashes := "--"
	if len(best) == 1 {
		dashes = "-"
	}
	first, rest, _ := bytes.Cut(msg, []byte("\n"))
	return fmt.Appendf(nil, "%s (did you mean %s%s?)\n%s", first, dashes, best, rest)
}

// loadChronology loads the files and folders in paths; with none,
// ./events.toml if it exists, else the built-in chronology. It returns the
// chronology (nil when there are errors), the diagnostics, and a label for
// what was loaded.
func loadChronology(paths []string, progress func(done, total int64)) (*timeline.Chronology, timeline.Diagnostics, string) {
	if paths = inputPaths(paths); len(paths) == 0 {
		c, diags := timeline.Parse("built-in events.toml", builtin)
		if progress != nil {
			progress(int64(len(builtin)), int64(len(builtin)))
		}
		return c, diags, "built-in chronology"
	}
	paths = distinct(paths)
	c, diags := timeline.LoadProgress(paths, progress)
	label := strings.Join(paths, ", ")
	if c != nil && len(c.Files) == 1 {
		label = c.Files[0]
	}
	return c, diags, label
}

// distinct drops paths that name a file or folder given before them, so
// that the same file given twice is not read twice.
func distinct(paths []string) []string {
	seen := map[string]bool{}
	out := paths[:0:0]
	for _, p := range paths {
		key := filepath.Clean(p)
		if abs, err := filepath.Abs(p); err == nil {
			key = abs
		}
		if !seen[key] {
			seen[key] = true
			out = append(out, p)
		}
	}
	return out
}

// loadOrReport loads like loadChronology and prints the diagnostics to
// stderr; it returns nil when the chronology has errors.
func loadOrReport(paths []string, stderr io.Writer) *timeline.Chronology {
	c, diags, _ := loadChronology(paths, nil)
	sayLines(stderr, diags.String())
	return c
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("check", "check [--strict] [--brief] [--links [--archive] [--timeout T]] [FILE|DIR ...]", stdout, stderr)
	strict := fs.Bool("strict", false, "treat warnings as errors (exit 1)")
	brief := fs.Bool("brief", false, "one line a problem, without the line of the file it is on (as when piped)")
	links := fs.Bool("links", false, "also fetch every source's url and warn about dead ones (cached for a day)")
	archive := fs.Bool("archive", false, "with --links: ask the Wayback Machine for an archived copy of each dead page")
	timeout := fs.Duration("timeout", 10*time.Second, "with --links: how long to wait for each address")
	paths, ok, code := fs.parse(args)
	if !ok {
		return code
	}
	if (*archive || *timeout != 10*time.Second) && !*links {
		say(stderr, "backstory check: --archive and --timeout go with --links\n")
		return 2
	}
	c, diags, label := loadChronology(paths, nil)
	if *links && c != nil && !diags.HasErrors() {
		diags = append(diags, checkLinks(c, linkOptions{archive: *archive, timeout: *timeout}, stderr)...)
	}
	width, isTerm := terminalWidth(stdout)
	writeDiagnostics(stdout, diags, isTerm && !*brief, width)
	errs, warns := len(diags.Errors()), len(diags.Warnings())
	switch {
	case errs > 0:
		summary := plural(errs, "error")
		if warns > 0 {
			summary += ", " + plural(warns, "warning")
		}
		say(stdout, "%s: %s\n", label, summary)
		return 1
	case warns > 0:
		say(stdout, "%s: %s, %s\n", label, plural(c.Len(), "event"), plural(warns, "warning"))
		if *strict {
			return 1
		}
		return 0
	}
	say(stdout, "%s: %s, ok\n", label, plural(c.Len(), "event"))
	return 0
}

func runInit(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("init", "init [--force] [--empty] [PATH]", stdout, stderr)
	force := fs.Bool("force", false, "replace PATH if it exists")
	empty := fs.Bool("empty", false, "write a short commented template to fill in, not the built-in chronology")
	rest, ok, code := fs.parse(args)
	if !ok {
		return code
	}
	if len(rest) > 1 {
		say(stderr, "backstory init: give one PATH at most\n")
		return 2
	}
	path := "events.toml"
	if len(rest) == 1 {
		path = rest[0]
	}
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		path = filepath.Join(path, "events.toml")
	}
	data, what := builtin, "the built-in chronology"
	if *empty {
		data, what = []byte(emptyTemplate), "a template"
	}
	if err := safefile.Write(path, data, *force); err != nil {
		say(stderr, "backstory init: %v%s\n", err, forceHint(err))
		return 1
	}
	say(stdout, "wrote %s to %s; open it with: backstory %s\n", what, path, path)
	return 0
}

func runList(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("list", "list [-q QUERY] [--json] [FILE|DIR ...]", stdout, stderr)
	query := fs.String("q", "", "show only the events matching `QUERY`")
	asJSON := fs.Bool("json", false, "print a JSON array of events")
	usage := fs.Usage
	fs.Usage = func() {
		usage()
		fmt.Fprintf(fs.Output(), "\n%s\n", strings.Join(timeline.QueryHelp, "\n"))
	}
	paths, ok, code := fs.parse(args)
	if !ok {
		return code
	}
	q, err := timeline.ParseQuery(*query)
	if err != nil {
		say(stderr, "backstory list: -q %q: %v\n", *query, err)
		return 2
	}
	c := loadOrReport(paths, stderr)
	if c == nil {
		return 1
	}
	if err := q.Check(c); err != nil {
		say(stderr, "backstory list: -q %q: %v\n", *query, err)
		return 2
	}
	events := q.Scan(c) // (one query: no index)
	if *asJSON {
		data, err := interop.EventsJSON(events)
		if err != nil {
			say(stderr, "backstory list: %v\n", err)
			return 1
		}
		fmt.Fprintf(stdout, "%s\n", data)
		return 0
	}
	tw := tabwriter.NewWriter(stdout, 0, 0, 2, ' ', 0)
	for _, e := range events {
		fmt.Fprintf(tw, "%s\t%s\t%s%s\n", timeline.RangeString(e.Date, e.End), e.ID, timeline.HarmlessLine(e.Title), listMarks(e))
	}
	tw.Flush()
	return 0
}

// listMarks are the marks the viewer's list gives an event, after its
// title: the symbol of its worst claim (✗ false, ! disputed, ○
// unverified), ? for no source, ~ for an approximate date; "" for none.
func listMarks(e *timeline.Event) string {
	var marks string
	if f := e.Flag(); f != "" {
		marks += f.Symbol()
	}
	if e.Unsourced() {
		marks += "?"
	}
	if e.Approximate {
		marks += "~"
	}
	if marks == "" {
		return ""
	}
	return "  " + marks
}
