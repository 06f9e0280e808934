package main

import (
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"

	"backstory/timeline"
	"backstory/ui"
)

// runTUI starts the viewer on the files and folders in args (see
// loadChronology for what none means). The first frame shows at once; the
// chronology loads behind it. The files are watched and read again on
// every save; e opens the editor at the selected event. Files that do not
// load at start open the viewer on their diagnostics, to mend them. Exit
// status: 0 after q; 1 when q comes before the files ever loaded (their
// diagnostics go to stderr once the terminal is restored) or --event
// names no event; 2 for
// a bad flag or a malformed -q; 128+N after signal N (129 SIGHUP, 130
// SIGINT, 143 SIGTERM), the terminal restored first.
func runTUI(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("", "[flags] [FILE|DIR ...]", stdout, stderr)
	query := fs.String("q", "", "start with the timeline filtered by `QUERY` (see backstory list -h)")
	event := fs.String("event", "", "start at the event with this `ID`")
	style := fs.String("style", "", styleUsage)
	noMouse := fs.Bool("no-mouse", false, "leave the mouse to the terminal, so its own text selection works")
	paths, ok, code := fs.parse(args)
	if !ok {
		return code
	}
	styleName, err := ui.ChooseStyle(*style, os.Getenv)
	if err != nil {
		say(stderr, "backstory: %v\n", err)
		return 2
	}
	if n := len([]rune(*query)); n > ui.MaxQuery {
		say(stderr, "backstory: -q: a query of %d characters; the filter takes at most %d\n", n, ui.MaxQuery)
		return 2
	}
	if _, err := timeline.ParseQuery(*query); err != nil {
		say(stderr, "backstory: -q: %v\n", err)
		return 2
	}
	paths = inputPaths(paths)
	startDir, _ := os.Getwd()
	m := ui.New(ui.Options{
		Load: func(progress func(done, total int64)) (*timeline.Chronology, timeline.Diagnostics, string) {
			backToStartDir(startDir)
			c, diags, label := loadChronology(paths, progress)
			if c != nil {
				c.PrepareSearch() // filtering must not wait for the index
			}
			return c, diags, label
		},
		Query:   *query,
		EventID: strings.TrimSpace(*event),
		Style:   styleName,
		NoMouse: *noMouse,
		Paths:   paths,

		HistoryFile: ui.HistoryFile(),
	})
	if !haveTerminal() {
		say(stderr, "backstory: the viewer needs a terminal; without one, use backstory list, show or export\n")
		return 1
	}
	p := tea.NewProgram(m, tea.WithoutSignalHandler())
	stop := relaySignals(p)
	final, err := p.Run()
	stop()
	fm, ok := final.(*ui.Model)
	if ok {
		fm.Close()
	}
	if err != nil {
		say(stderr, "backstory: %v\n", err)
		return 1
	}
	if !ok {
		return 1
	}
	code, msg := fm.Exit()
	sayLines(stderr, msg)
	return code
}

// backToStartDir goes back to the folder the viewer was started in, start,
// when that folder was deleted and made again: the new folder has the same
// name, but the process still sits in the deleted one, where relative
// paths (./events.toml) find nothing, ever. The watcher sees the folder
// come back (internal/watch) and the load after that finds the files.
func backToStartDir(start string) {
	if start == "" {
		return
	}
	there, err := os.Stat(start)
	if err != nil || !there.IsDir() {
		return
	}
	if here, err := os.Stat("."); err == nil && os.SameFile(here, there) {
		return
	}
	_ = os.Chdir(start)
}

// haveTerminal reports whether the viewer can reach a terminal: its input
// is one, or /dev/tty opens (as Bubble Tea does when the input is not).
func haveTerminal() bool {
	if term.IsTerminal(os.Stdin.Fd()) {
		return true
	}
	tty, err := os.OpenFile("/dev/tty", os.O_RDWR, 0)
	if err != nil {
		return false
	}
	tty.Close()
	return true
}

// relaySignals hands SIGINT, SIGTERM and SIGHUP to the viewer, which
// quits as on q so that Bubble Tea restores the terminal: the alternate
// screen left, the cursor shown, mouse reporting and raw mode off. Bubble
// Tea's own handler is off (tea.WithoutSignalHandler): it knows no
// SIGHUP, whose default action would leave the terminal raw, and it drops
// a SIGTERM that comes while the editor runs. The signal reaches the
// viewer once the editor is back (see ui.SignalMsg). stop ends the relay
// once the program has ended.
func relaySignals(p *tea.Program) (stop func()) {
	sigs := make(chan os.Signal, 4)
	done := make(chan struct{})
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP)
	go func() {
		for {
			select {
			case s := <-sigs:
				go p.Send(ui.SignalMsg{Signal: s}) // waits while the editor runs
			case <-done:
				return
			}
		}
	}()
	return func() {
		signal.Stop(sigs)
		close(done)
	}
}
