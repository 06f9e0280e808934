package ui

import (
	"fmt"
	"os/exec"
	"strings"
	"time"

	"backstory/internal/watch"
	"backstory/timeline"
	tea "charm.land/bubbletea/v2"
)

// LoadFunc loads the chronology to show, reporting progress in bytes; it
// returns the chronology (nil when the diagnostics have errors), the
// diagnostics, and a label for the header ("events.toml", "2 files").
type LoadFunc func(progress func(done, total int64)) (*timeline.Chronology, timeline.Diagnostics, string)

// Options configure the viewer.
type Options struct {
	Load    LoadFunc
	Query   string // start filtered (already checked with timeline.ParseQuery)
	EventID string // start at this event
	Style   string // dark, light, notty or auto ("" is auto)
	NoMouse bool   // leave the mouse to the terminal
	// ColorFGBG is the terminal's COLORFGBG, which picks the style for
	// auto when the terminal does not tell its background
	ColorFGBG string

	// Paths are the files and folders Load reads, watched for changes
	// and opened by e; none for the built-in chronology, which has no
	// file on disk.
	Paths []string
	// Editor is the editor command line for e; "" is $VISUAL, else
	// $EDITOR, else a default (see internal/editor).
	Editor string
	// HistoryFile keeps the filter bar's queries across runs ("" keeps
	// them for this run only); HistoryFile() is the usual place.
	HistoryFile string
}

// Layout constants.
const (
	wideWidth   = 90  // from this width list and detail are side by side
	listShare   = 45  // percent of the width the list gets, side by side
	minDetailW  = 50  // the detail pane is never narrower beside the list
	maxDetailW  = 100 // nor wider: a reading measure; the list gets the rest
	statusTime  = 6 * time.Second
	bgWait      = 300 * time.Millisecond // how long a terminal may take to tell its background
	wheelStep   = 3
	dividerCols = 2 // "│ " between list and detail

	maxEarlyKeys = 64 // keys kept while loading, replayed once ready
)

// Model is the viewer's root model. It keeps the layout, the focus, the
// event on show and the actions that cross panes (follow a link, reload,
// edit, open, copy); it hands every other message to the component it
// belongs to (see doc.go) and never draws past the terminal.
type Model struct {
	opts   Options
	st     *Styles
	width  int
	height int
	start  startup

	chron *timeline.Chronology
	label string

	// what is on show: the one place that holds the current event; the
	// detail shows it (or the overview), the list selects it unless the
	// filter hides it
	current  *timeline.Event
	overview bool // the detail pane shows the chronology, not an event
	// cover is the event selected when the viewer opened on the overview
	// (the chronology has a description): the detail shows the overview
	// until the reader moves, opens, filters or reads the overview
	cover *timeline.Event
	// anchor is the event selected when the filter bar opened: every
	// result of the typing keeps it selected if it holds it, else selects
	// its first event, however fast the typing (see before)
	anchor  *timeline.Event
	focus   mode // modeList or modeDetail: which pane has the keys
	history history

	// the layout: the first line of the panes, their height, and the
	// ruler's and the banner's (see layout)
	top, bodyH, rulerH, bannerH, filterH, footH int

	// the components
	ruler    rulerModel
	list     listModel
	detail   detailModel
	filter   filterModel  // its own input mode: Editing
	help     helpOverlay  // an overlay: IsOpen
	claims   claimsView   // in place of the panes while open: IsOpen
	picker   sourcePicker // which source o, y or Y is for; in place of the panes while open
	problems problemsBanner
	status   statusLine
	memo     memoPrompt // x: in place of the footer while open

	files  files
	editor editSession

	exit exitStatus

	// openURL starts the browser; watchFiles starts the watcher (nil: no
	// watching); runEditor suspends the program for the editor. Tests
	// replace them so that no command blocks or escapes.
	openURL    func(string) error
	today      func() time.Time // the date of x's default file name
	watchFiles func([]string) (*watch.Watcher, error)
	runEditor  func(*exec.Cmd, tea.ExecCallback) tea.Cmd
}

// New returns the viewer, loading with opts.Load once it runs.
func New(opts Options) *Model {
	plain := plainStyles()
	m := &Model{
		opts:     opts,
		st:       &plain,
		start:    newStartup(),
		focus:    modeList,
		ruler:    newRuler(&plain),
		list:     newList(&plain),
		detail:   newDetail(&plain),
		filter:   newFilter(&plain, opts.HistoryFile),
		help:     newHelpOverlay(&plain, opts.NoMouse),
		claims:   newClaimsView(&plain),
		picker:   newSourcePicker(&plain),
		problems: problemsBanner{st: &plain},
		status:   newStatusLine(&plain),
		memo:     newMemoPrompt(&plain),
		openURL:  openInBrowser,
		today:    time.Now,

		watchFiles: startWatch,
		runEditor:  execEditor,
	}
	switch opts.Style {
	case styleDark, styleLight, styleNoTTY:
		m.restyle(opts.Style)
	}
	return m
}

// Exit returns the exit status and what to print on standard error once
// the program has ended (diagnostics of a file that did not load).
func (m *Model) Exit() (code int, message string) { return m.exit.code, m.exit.msg }

// Close stops watching the files. The program calls it once Run returns.
func (m *Model) Close() {
	if m.files.watcher != nil {
		m.files.watcher.Close()
	}
}

// Init starts the load and, for --style auto, asks the terminal for its
// background colour, giving it bgWait to answer.
func (m *Model) Init() tea.Cmd {
	cmds := []tea.Cmd{loadCmd(m.opts.Load, m.start.ch), waitLoad(m.start.ch), loadHistoryCmd(m.opts.HistoryFile)}
	if !m.start.styleReady {
		cmds = append(cmds, tea.RequestBackgroundColor,
			tea.Tick(bgWait, func(time.Time) tea.Msg { return bgTimeoutMsg{} }))
	}
	return tea.Batch(cmds...)
}

// restyle sets the colours, for every component.
func (m *Model) restyle(name string) {
	st := newStyles(name)
	m.st = &st
	m.start.styleReady = true
	m.ruler.SetStyles(m.st)
	m.list.SetStyles(m.st)
	m.detail.SetStyles(m.st)
	m.filter.SetStyles(m.st)
	m.help.SetStyles(m.st)
	m.claims.SetStyles(m.st)
	m.picker.SetStyles(m.st)
	m.problems.SetStyles(m.st)
	m.status.SetStyles(m.st)
	m.memo.SetStyles(m.st)
	m.layout()
}

// ready reports whether the real screen can be drawn: loaded and styled.
func (m *Model) ready() bool { return m.start.styleReady && !m.start.loading && m.chron != nil }

// Update handles one message, then brings the components up to date with
// the state: the detail shows (or is rendering) the current event.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := m.update(msg)
	if m.ready() {
		for _, k := range m.start.replay() { // keys typed during start-up, in order
			cmd = tea.Batch(cmd, m.handleKey(k))
		}
		cmd = tea.Batch(cmd, m.sync())
	}
	return m, cmd
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.layout()
	case tea.BackgroundColorMsg:
		if !m.start.styleReady {
			name := styleLight
			if msg.IsDark() {
				name = styleDark
			}
			m.restyle(name)
		}
	case bgTimeoutMsg:
		if !m.start.styleReady {
			name := StyleFromColorFGBG(m.opts.ColorFGBG)
			if name == "" {
				name = styleDark
			}
			m.restyle(name)
		}
	case loadProgressMsg:
		m.start.done, m.start.total = msg.done, msg.total
		return waitLoad(m.start.ch)
	case loadedMsg:
		return m.loaded(msg)
	case watchingMsg:
		cmd, why := m.files.watching(msg)
		if why != "" {
			return m.say(scopeNone, why, true)
		}
		return cmd
	case fileChangedMsg:
		cmd := m.reload(reloadWatch, "")
		if m.files.watcher != nil {
			cmd = tea.Batch(cmd, waitChangeCmd(m.files.watcher))
		}
		return cmd
	case editorDoneMsg:
		m.editor.done(msg.err)
		// read again whether or not it failed: it may have saved first
		return m.reload(reloadEditor, editorNote(msg))
	case SignalMsg:
		if m.editor.ignores(msg.Signal) {
			return nil
		}
		m.exit.code = signalExit(msg.Signal)
		return tea.Quit
	case reloadedMsg:
		return m.reloaded(msg)
	case renderedMsg:
		m.detail.Update(msg)
	case memoWrittenMsg:
		text, isErr := writtenStatus(msg)
		return m.say(scopeNone, text, isErr)
	case historyMsg:
		m.filter.SetHistory(msg.queries)
	case filteredMsg:
		if m.filter.Accept(msg) {
			m.shows(msg.events, msg.words, before(m.anchor, m.current))
		}
	case statusExpiredMsg, tea.ResumeMsg:
		m.status.Update(msg)
	case openedMsg:
		if msg.err != nil {
			m.picker.Notice(notOpenedNotice(msg)...) // the whole address, to open by hand
			return m.say(scopeNone, notOpened(msg), true)
		}
		return m.say(scopeNone, "Opened "+timeline.HarmlessLine(msg.url), false)
	case tea.KeyPressMsg:
		return m.handleKey(msg)
	case tea.MouseWheelMsg, tea.MouseClickMsg:
		if m.ready() {
			return m.handleMouse(msg.(tea.MouseMsg))
		}
	default: // paste, and anything else a text input wants
		if m.memo.IsOpen() {
			_, cmd := m.memo.Update(msg)
			return cmd
		}
		_, cmd := m.filter.Update(msg)
		return cmd
	}
	return nil
}

// loaded takes the chronology in, or ends the program when it has errors.
func (m *Model) loaded(msg loadedMsg) tea.Cmd {
	m.start.loading = false
	if msg.chron == nil || msg.diags.HasErrors() {
		m.exit.code = 1
		m.exit.msg = msg.diags.String()
		if m.exit.msg == "" {
			m.exit.msg = "backstory: the chronology could not be loaded\n"
		}
		if cmd, ok := m.openBroken(msg); ok {
			return cmd
		}
		return tea.Quit
	}
	m.chron, m.label = msg.chron, msg.label
	m.filter.SetChronology(m.chron)
	facts := msg.facts
	if facts.chron != m.chron { // (a load given by a test)
		facts = factsOf(m.chron)
	}
	m.list.Reload(facts, m.chron.Events, nil)
	m.ruler.SetFacts(facts)
	m.filter.SetValues(facts.values)
	m.ruler.SetShown(m.chron.Events, true)
	m.problems.SetWarnings(msg.diags.Warnings())
	var cmd tea.Cmd
	if len(m.opts.Paths) > 0 && m.watchFiles != nil {
		cmd = watchCmd(m.opts.Paths, m.watchFiles)
	}
	if q := strings.TrimSpace(m.opts.Query); q != "" {
		res, err := m.filter.Start(q)
		if m.filter.Accept(res) {
			m.shows(res.events, res.words, nil)
		}
		if err != nil { // as enter on it in the bar would: nothing filtered, and why
			m.filter.Drop()
			cmd = tea.Batch(cmd, m.say(scopeFilter, rejectedStatus(err), true))
		}
	}
	m.current = m.list.Selected()
	// the story starts with its description (the overview) in the detail,
	// the first event selected in the list
	if strings.TrimSpace(m.chron.Description) != "" && m.opts.EventID == "" && m.opts.Query == "" {
		m.cover = m.current
	}
	if id := m.opts.EventID; id != "" {
		e := m.chron.Event(id)
		if e == nil {
			m.exit.code = 1
			m.exit.msg = fmt.Sprintf("backstory: --event: no event has id %q%s; backstory list shows the ids\n", id, timeline.SuggestID(id, m.chron))
			return tea.Quit
		}
		m.focus = modeDetail
		cmd = tea.Batch(cmd, m.goTo(e))
	}
	m.layout()
	return cmd
}

// layout works out where everything goes and hands every component its
// size. Under the header go the time ruler, the banner of problems, the
// filter bar while it is open, then the panes.
func (m *Model) layout() {
	w, h := max(m.width, 0), max(m.height, 0)
	m.top, m.bodyH = 0, h
	m.status.SetSize(w, 1)
	m.footH = 0
	if h >= 3 {
		m.footH = min(m.status.Height(), max(1, h-3)) // a long message takes more lines
		m.top, m.bodyH = 1, h-1-m.footH
	}
	m.ruler.SetSize(w, h)
	m.rulerH = 0
	if rh := m.ruler.Height(); m.ready() && rh > 0 {
		m.rulerH = rh
		m.top += rh
		m.bodyH -= rh
	}
	m.filter.SetSize(w, 1)
	m.filterH = 0
	if m.filter.Editing() && m.bodyH >= 2 {
		m.filterH = min(m.filter.Height(), m.bodyH-1) // its message under it when it does not fit beside
		m.top += m.filterH
		m.bodyH -= m.filterH
	}
	m.bannerH = 0
	if m.ready() {
		m.bannerH = m.problems.Height(w, m.bodyH)
		m.top += m.bannerH
		m.bodyH -= m.bannerH
	}
	if w >= wideWidth {
		lw, dw := paneWidths(w)
		m.list.SetSize(lw, m.bodyH)
		m.detail.SetSize(dw, m.bodyH)
	} else {
		m.list.SetSize(w, m.bodyH)
		m.detail.SetSize(max(0, w-1), m.bodyH) // one column of margin
	}
	m.help.SetSize(w, m.bodyH)
	m.claims.SetSize(w, m.bodyH)
	m.picker.SetSize(w, m.bodyH)
	m.problems.SetSize(w, m.bannerH)
	m.filter.SetSize(w, 1)
	m.status.SetSize(w, 1)
	m.memo.SetSize(w, 1)
}

// paneWidths shares w between list and detail, side by side: the list
// gets listShare percent, as long as the detail keeps a width between
// minDetailW and maxDetailW to read in.
func paneWidths(w int) (list, detail int) {
	detail = min(max(w-dividerCols-w*listShare/100, minDetailW), maxDetailW)
	list = max(0, w-dividerCols-detail)
	return list, detail
}

// View draws the screen: header, banner, filter bar, panes (or the full
// help), footer.
func (m *Model) View() tea.View {
	v := tea.NewView("")
	if m.width > 0 && m.height > 0 {
		v.Content = clip(m.compose(), m.width, m.height)
	}
	v.AltScreen = true
	if !m.opts.NoMouse {
		v.MouseMode = tea.MouseModeCellMotion
	}
	v.WindowTitle = "backstory"
	if m.chron != nil && m.chron.Title != "" {
		v.WindowTitle = "backstory · " + timeline.HarmlessLine(short(m.chron.Title))
	}
	return v
}
