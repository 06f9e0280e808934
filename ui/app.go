// Package ui is the interactive viewer of backstory: a Bubble Tea program
// that shows a chronology as a list of events beside a rendered detail
// pane, with a filter bar, links between events and a jump history.
//
// One file per component: app.go (this root model: messages in, layout,
// focus), list.go, detail.go, render.go (Glamour off the key path),
// overview.go (the chronology's own page), filter.go, history.go, keys.go,
// styles.go, header.go, footer.go (short help and position), status.go
// (the status message and when it goes), help.go (the full help),
// loading.go, actions.go (browser, clipboard), edit.go (the editor),
// reload.go (watching and reloading), banner.go (what is wrong with the
// files), messages.go, text.go (fitting and highlighting text).
package ui

import (
	"fmt"
	"os/exec"
	"strings"
	"time"

	"backstory/internal/watch"
	"backstory/timeline"
	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/progress"
	tea "charm.land/bubbletea/v2"
	"github.com/cli/browser"
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

	// Paths are the files and folders Load reads, watched for changes
	// and opened by e; none for the built-in chronology, which has no
	// file on disk.
	Paths []string
	// Editor is the editor command line for e; "" is $VISUAL, else
	// $EDITOR, else a default (see internal/editor).
	Editor string
}

// Layout constants.
const (
	wideWidth   = 90 // from this width list and detail are side by side
	listShare   = 45 // percent of the width the list gets, side by side
	minDetailW  = 50 // the detail pane is never narrower beside the list
	maxDetailW  = 80 // nor wider: a reading measure; the list gets the rest
	statusTime  = 6 * time.Second
	bgWait      = 300 * time.Millisecond // how long a terminal may take to tell its background
	wheelStep   = 3
	dividerCols = 2 // "│ " between list and detail

	maxEarlyKeys = 64 // keys kept while loading, replayed once ready
)

// Model is the viewer's root model. Its Update handles global keys,
// resizes and the results of commands, and hands the rest to the pane with
// focus; View lays the components out and never draws past the terminal.
type Model struct {
	opts   Options
	keys   KeyMap
	st     *Styles
	width  int
	height int

	// start-up
	styleReady bool
	loading    bool
	loadDone   int64
	loadTotal  int64
	loadCh     chan tea.Msg
	bar        progress.Model

	chron *timeline.Chronology
	label string

	list       listModel
	detail     detailModel
	filter     filterModel
	help       help.Model
	showHelp   bool
	helpOffset int  // first line of the full help shown
	focus      mode // modeList or modeDetail
	overview   bool // the detail pane shows the chronology, not an event (focus is modeDetail)
	current    *timeline.Event
	history    history
	cache      *renderCache

	status    string
	statusErr bool
	statusSeq int
	statusFor statusAbout // what it says something about: it goes when that ends

	// the files on disk: what is wrong with them, the reload on its way,
	// and the generation of the chronology on screen (renderings of an
	// older one are not used)
	problems  problems
	reloadSeq int
	gen       int
	watcher   *watch.Watcher
	editBase  *timeline.Chronology // on screen when the editor started
	editing   bool                 // the editor has the terminal (edit.go)
	// the editor's SIGINT (edit.go): seen while it ran, or owed after it
	sawInterrupt, owedInterrupt bool

	early []tea.KeyPressMsg // keys typed before the timeline was ready

	exitCode int
	exitMsg  string

	// openURL starts the browser; timers false turns off the status
	// timeout; watchFiles starts the watcher (nil: no watching);
	// runEditor suspends the program for the editor. Tests replace them
	// so that no command blocks or escapes.
	openURL    func(string) error
	timers     bool
	watchFiles func([]string) (*watch.Watcher, error)
	runEditor  func(*exec.Cmd, tea.ExecCallback) tea.Cmd
}

// New returns the viewer, loading with opts.Load once it runs.
func New(opts Options) Model {
	m := Model{
		opts:    opts,
		keys:    defaultKeyMap(),
		loading: true,
		loadCh:  make(chan tea.Msg, 1),
		bar:     progress.New(progress.WithWidth(40)),
		help:    help.New(),
		focus:   modeList,
		detail:  newDetail(),
		cache:   newRenderCache(),
		openURL: browser.OpenURL,
		timers:  true,

		watchFiles: startWatch,
		runEditor:  execEditor,
	}
	plain := plainStyles()
	m.st = &plain
	m.filter = newFilter(m.st)
	switch opts.Style {
	case styleDark, styleLight, styleNoTTY:
		m.setStyle(opts.Style)
	}
	return m
}

// Exit returns the exit status and what to print on standard error once
// the program has ended (diagnostics of a file that did not load).
func (m Model) Exit() (code int, message string) { return m.exitCode, m.exitMsg }

// Init starts the load and, for --style auto, asks the terminal for its
// background colour, giving it bgWait to answer.
func (m Model) Init() tea.Cmd {
	cmds := []tea.Cmd{loadCmd(m.opts.Load, m.loadCh), waitLoad(m.loadCh)}
	if !m.styleReady {
		cmds = append(cmds, tea.RequestBackgroundColor,
			tea.Tick(bgWait, func(time.Time) tea.Msg { return bgTimeoutMsg{} }))
	}
	return tea.Batch(cmds...)
}

func (m *Model) setStyle(name string) {
	st := newStyles(name)
	m.st = &st
	m.styleReady = true
	m.help.Styles = st.Help
	m.filter.input.SetStyles(st.Input)
}

// ready reports whether the real screen can be drawn: loaded and styled.
func (m Model) ready() bool { return m.styleReady && !m.loading && m.chron != nil }

// Update handles one message, then makes sure the detail pane shows (or is
// rendering) the current event.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	m, cmd := m.update(msg)
	if m.ready() && len(m.early) > 0 { // keys typed during start-up, in order
		early := m.early
		m.early = nil
		for _, k := range early {
			var c tea.Cmd
			m, c = m.handleKey(k)
			cmd = tea.Batch(cmd, c)
		}
	}
	if m.focus != modeDetail || m.filter.editing {
		m.overview = false // the overview is read in the detail pane only
	}
	if m.ready() {
		m.dropStaleStatus()
		var render tea.Cmd
		m, render = m.syncDetail()
		cmd = tea.Batch(cmd, render)
	}
	return m, cmd
}

func (m Model) update(msg tea.Msg) (Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.layout()
		return m, nil
	case tea.BackgroundColorMsg:
		if !m.styleReady {
			name := styleLight
			if msg.IsDark() {
				name = styleDark
			}
			m.setStyle(name)
			m.layout()
		}
		return m, nil
	case bgTimeoutMsg:
		if !m.styleReady {
			m.setStyle(styleDark)
			m.layout()
		}
		return m, nil
	case loadProgressMsg:
		m.loadDone, m.loadTotal = msg.done, msg.total
		return m, waitLoad(m.loadCh)
	case loadedMsg:
		return m.loaded(msg)
	case watchingMsg:
		return m.watching(msg)
	case fileChangedMsg:
		m, cmd := m.reload(reloadWatch, "")
		if m.watcher != nil {
			cmd = tea.Batch(cmd, waitChangeCmd(m.watcher))
		}
		return m, cmd
	case editorDoneMsg:
		return m.editorDone(msg)
	case SignalMsg:
		return m.signaled(msg)
	case tea.ResumeMsg:
		m.resumed()
		return m, nil
	case reloadedMsg:
		return m.reloaded(msg)
	case renderedMsg:
		lines := msg.lines
		if msg.err != nil {
			lines = []string{"Could not render this event: " + timeline.HarmlessLine(msg.err.Error())}
		}
		m.cache.put(msg.key, lines)
		return m, nil
	case filteredMsg:
		m.applyFilter(msg)
		return m, nil
	case statusExpiredMsg:
		if msg.seq == m.statusSeq {
			m.status = ""
		}
		return m, nil
	case openedMsg:
		if msg.err != nil {
			return m, m.setStatus(notOpened(msg), true)
		}
		return m, m.setStatus("Opened "+timeline.HarmlessLine(msg.url), false)
	case tea.KeyPressMsg:
		return m.handleKey(msg)
	case tea.MouseWheelMsg, tea.MouseClickMsg:
		if m.ready() {
			return m, m.handleMouse(msg.(tea.MouseMsg))
		}
		return m, nil
	}
	if m.filter.editing { // paste, and anything else the text input wants
		return m.updateInput(msg)
	}
	return m, nil
}

// loaded takes the chronology in, or ends the program when it has errors.
func (m Model) loaded(msg loadedMsg) (Model, tea.Cmd) {
	m.loading = false
	if msg.chron == nil || msg.diags.HasErrors() {
		m.exitCode = 1
		m.exitMsg = msg.diags.String()
		if m.exitMsg == "" {
			m.exitMsg = "backstory: the chronology could not be loaded\n"
		}
		return m, tea.Quit
	}
	m.chron, m.label = msg.chron, msg.label
	m.list = newList(m.chron)
	m.problems.warnings = msg.diags.Warnings()
	var cmd tea.Cmd
	if len(m.opts.Paths) > 0 && m.watchFiles != nil {
		cmd = watchCmd(m.opts.Paths, m.watchFiles)
	}
	if q := strings.TrimSpace(m.opts.Query); q != "" {
		m.filter.input.SetValue(q)
		m.filter.kept = q
		m.applyFilter(runFilter(m.chron, m.filter.next(), q))
		if m.filter.err != nil { // as enter on it in the bar would
			cmd = m.rejectQuery(m.filter.err)
		}
	}
	m.current = m.list.selected()
	if id := m.opts.EventID; id != "" {
		e := m.chron.Event(id)
		if e == nil {
			m.exitCode = 1
			m.exitMsg = fmt.Sprintf("backstory: no event has id %q (backstory list shows the ids)\n", id)
			return m, tea.Quit
		}
		m.focus = modeDetail
		cmd = tea.Batch(cmd, m.goTo(e))
	}
	m.layout()
	return m, cmd
}

// layout hands every component its size.
func (m *Model) layout() {
	w := max(m.width, 0)
	_, bodyH := m.bodyArea()
	if m.sideBySide() {
		lw, dw := paneWidths(w)
		m.list.setSize(lw, bodyH)
		m.detail.setSize(dw, bodyH)
	} else {
		m.list.setSize(w, bodyH)
		m.detail.setSize(max(0, w-1), bodyH) // one column of margin
	}
	m.help.SetWidth(w)
	m.filter.input.SetWidth(max(1, w-20))
	m.bar.SetWidth(min(40, max(1, w-4)))
}

// paneWidths shares w between list and detail, side by side: the list
// gets listShare percent, as long as the detail keeps a width between
// minDetailW and maxDetailW to read in.
func paneWidths(w int) (list, detail int) {
	detail = min(max(w-dividerCols-w*listShare/100, minDetailW), maxDetailW)
	list = max(0, w-dividerCols-detail)
	return list, detail
}

// sideBySide reports whether list and detail share the screen.
func (m Model) sideBySide() bool { return m.width >= wideWidth }

// detailVisible reports whether the detail pane is on screen.
func (m Model) detailVisible() bool { return m.sideBySide() || m.focus == modeDetail }

// bodyArea returns the first line and the height of the panes.
func (m Model) bodyArea() (top, height int) {
	top, height, _ = m.areas()
	return top, height
}

// areas returns the first line and the height of the panes, and the
// height of the banner of problems, which goes right under the header.
func (m Model) areas() (top, height, banner int) {
	h := max(m.height, 0)
	if h >= 3 {
		top, height = 1, h-2
	} else {
		top, height = 0, h
	}
	if m.filter.editing && height >= 2 {
		top++
		height--
	}
	if m.ready() {
		banner = m.problems.height(m.width, height)
		top += banner
		height -= banner
	}
	return top, height, banner
}

// mode is what the keys act on now.
func (m Model) mode() mode {
	if m.filter.editing {
		return modeFilter
	}
	return m.focus
}

// keyMap returns the bindings with those that do nothing now disabled.
// While the full help is open and longer than the screen, the moving keys
// scroll it.
func (m Model) keyMap() KeyMap {
	maxOff := 0
	if m.ready() && m.showHelp && !m.filter.editing {
		maxOff = m.helpMaxOffset()
	}
	return m.keyMapFor(maxOff)
}

// keyMapFor is keyMap for a full help that scrolls maxOff lines.
func (m Model) keyMapFor(maxOff int) KeyMap {
	k := m.paneKeyMap()
	if !m.ready() || !m.showHelp || k.mode == modeFilter || maxOff == 0 {
		return k
	}
	off := min(m.helpOffset, maxOff)
	k.mode = modeHelp
	for _, b := range []struct {
		b          *key.Binding
		on         bool
		name, desc string
	}{
		{&k.Up, off > 0, "↑/k", "scroll up"}, {&k.Down, off < maxOff, "↓/j", "more"},
		{&k.PageUp, off > 0, "pgup", "page up"}, {&k.PageDown, off < maxOff, "pgdn", "page down"},
		{&k.Top, off > 0, "g/home", "top of help"}, {&k.Bottom, off < maxOff, "G/end", "end of help"},
	} {
		b.b.SetEnabled(b.on)
		b.b.SetHelp(b.name, b.desc)
	}
	return k
}

// paneKeyMap is keyMap for the pane beneath the help: what the full help
// lists.
func (m Model) paneKeyMap() KeyMap {
	k := m.keys
	k.mode = m.mode()
	k.setEnabled(false)
	k.Quit.SetEnabled(true)
	if !m.ready() {
		return k
	}
	if k.mode == modeFilter {
		k.Quit.SetKeys("ctrl+c")
		k.Quit.SetHelp("ctrl+c", "quit")
		k.KeepFilter.SetEnabled(true)
		k.DropFilter.SetEnabled(true)
		switch n, at := len(m.list.events), m.list.cursor; {
		case n < 2:
		case at == 0:
			k.FilterMove.SetKeys("down")
			k.FilterMove.SetHelp("↓", "move")
			k.FilterMove.SetEnabled(true)
		case at == n-1:
			k.FilterMove.SetKeys("up")
			k.FilterMove.SetHelp("↑", "move")
			k.FilterMove.SetEnabled(true)
		default:
			k.FilterMove.SetEnabled(true)
		}
		return k
	}
	hasTargets := m.current != nil && len(m.current.Links)+len(m.current.Backlinks) > 0 && !m.overview
	if k.mode == modeList {
		n, at := len(m.list.events), m.list.cursor
		up, down := n > 0 && at > 0, n > 0 && at < n-1
		k.Up.SetEnabled(up)
		k.Top.SetEnabled(up)
		k.PageUp.SetEnabled(up)
		k.PrevYear.SetEnabled(up)
		k.Down.SetEnabled(down)
		k.Bottom.SetEnabled(down)
		k.PageDown.SetEnabled(down)
		k.NextYear.SetEnabled(down && m.list.events[n-1].Date.Year != m.list.events[at].Date.Year)
		k.Open.SetEnabled(m.list.selected() != nil)
		k.ClearFilter.SetEnabled(m.filter.active())
	} else {
		up, down := m.detail.offset > 0, m.detail.offset < m.detail.maxOffset()
		k.Up.SetEnabled(up)
		k.Top.SetEnabled(up)
		k.PageUp.SetEnabled(up)
		k.Down.SetEnabled(down)
		k.Bottom.SetEnabled(down)
		k.PageDown.SetEnabled(down)
		k.Up.SetHelp("↑/k", "scroll up")
		k.Down.SetHelp("↓/j", "scroll down")
		k.Top.SetHelp("g/home", "top")
		k.Bottom.SetHelp("G/end", "bottom")
		k.ToList.SetEnabled(true)
		k.NextLink.SetEnabled(hasTargets)
		k.PrevLink.SetEnabled(hasTargets)
		_, sel := m.detail.selectedTarget()
		k.Follow.SetEnabled(sel)
	}
	k.Overview.SetEnabled(!m.overview || m.current != nil)
	if m.overview {
		k.Overview.SetHelp("i", "back to event")
	}
	k.FollowN.SetEnabled(hasTargets)
	k.Back.SetEnabled(len(m.history.back) > 0)
	k.Forward.SetEnabled(len(m.history.forward) > 0)
	k.Filter.SetEnabled(true)
	// n and N say why when there is nothing to find
	k.NextMatch.SetEnabled(m.detailVisible() && m.filter.active())
	k.PrevMatch.SetEnabled(m.detailVisible() && m.filter.active())
	k.OpenSource.SetEnabled(firstWebSource(m.current) != "" && !m.overview)
	k.Copy.SetEnabled(m.current != nil && !m.overview)
	k.Edit.SetEnabled(true) // opens the editor, or says how to get a file to edit
	switch _, _, why := m.editTarget(); {
	case len(m.opts.Paths) == 0:
		k.Edit.SetHelp("e", "how to edit")
	case why != "":
		k.Edit.SetHelp("e", "edit (file gone)")
	case m.problems.isFailed():
		k.Edit.SetHelp("e", "edit first error")
	case m.overview:
		k.Edit.SetHelp("e", "edit file")
	}
	k.Reload.SetEnabled(len(m.opts.Paths) > 0)
	k.Problems.SetEnabled(m.problems.any())
	switch {
	case m.problems.expanded:
		k.Problems.SetHelp("!", "hide problems")
	case !m.problems.isFailed():
		k.Problems.SetHelp("!", "show warnings")
	}
	k.Help.SetEnabled(true)
	k.Suspend.SetEnabled(true)
	if m.showHelp {
		k.Help.SetHelp("?", "close help")
	}
	return k
}

// handleKey acts on a key press. The filter bar, when open, gets keys
// first; the full help closes on ? or esc, and any other key both closes
// it and does its job.
func (m Model) handleKey(msg tea.KeyPressMsg) (Model, tea.Cmd) {
	km := m.keyMap()
	if !m.ready() {
		if key.Matches(msg, km.Quit) {
			return m, tea.Quit
		}
		if len(m.early) < maxEarlyKeys {
			m.early = append(m.early, msg)
		}
		return m, nil
	}
	if m.filter.editing {
		return m.filterKey(msg, km)
	}
	if m.showHelp {
		if km.mode == modeHelp { // the moving keys scroll the help
			switch k := m.keys; {
			case key.Matches(msg, k.Up):
				m.scrollHelp(-1)
				return m, nil
			case key.Matches(msg, k.Down):
				m.scrollHelp(1)
				return m, nil
			case key.Matches(msg, k.PageUp), key.Matches(msg, k.PageDown):
				_, h := m.bodyArea()
				step := max(1, h-2)
				if key.Matches(msg, k.PageUp) {
					step = -step
				}
				m.scrollHelp(step)
				return m, nil
			case key.Matches(msg, k.Top):
				m.helpOffset = 0
				return m, nil
			case key.Matches(msg, k.Bottom):
				m.helpOffset = m.helpMaxOffset()
				return m, nil
			}
		}
		m.showHelp = false
		if key.Matches(msg, km.Help) || msg.String() == "esc" {
			return m, nil
		}
		km = m.keyMap() // the keys of the pane, now the help is closed
	}
	if why := m.whyNot(msg, km); why != "" {
		return m, m.setStatusAbout(scopeEvent, why, false)
	}
	switch {
	case key.Matches(msg, km.Quit):
		return m, tea.Quit
	case key.Matches(msg, km.Help):
		m.showHelp = true
		m.helpOffset = 0
	case key.Matches(msg, km.Suspend):
		return m.suspend()
	case key.Matches(msg, km.Overview):
		m.overview = !m.overview
		m.focus = modeDetail
		m.detail.linkSel = -1
	case key.Matches(msg, km.Filter):
		return m.openFilter()
	case key.Matches(msg, km.ClearFilter):
		m.clearFilter()
	case key.Matches(msg, km.FollowN):
		return m.followN(int(msg.String()[0] - '0'))
	case key.Matches(msg, km.Back):
		return m.jumpBack()
	case key.Matches(msg, km.Forward):
		return m.jumpForward()
	case key.Matches(msg, km.NextMatch), key.Matches(msg, km.PrevMatch):
		dir := 1
		if key.Matches(msg, km.PrevMatch) {
			dir = -1
		}
		return m, m.nextMatch(dir)
	case key.Matches(msg, km.OpenSource):
		u := firstWebSource(m.current)
		return m, tea.Batch(m.setStatus("Opening "+timeline.HarmlessLine(u)+" …", false), openURLCmd(u, m.openURL))
	case key.Matches(msg, km.Copy):
		c := citation(m.current)
		return m, tea.Batch(tea.SetClipboard(c), m.setStatus(copiedStatus(c), false))
	case key.Matches(msg, km.Edit):
		return m.edit()
	case key.Matches(msg, km.Reload):
		m, cmd := m.reload(reloadKey, "")
		return m, tea.Batch(cmd, m.setStatus("Reloading…", false))
	case key.Matches(msg, km.Problems):
		m.problems.expanded = !m.problems.expanded
		m.layout()
	case m.focus == modeDetail:
		return m.detailKey(msg, km)
	default:
		return m.listKey(msg, km)
	}
	return m, nil
}

func (m Model) listKey(msg tea.KeyPressMsg, km KeyMap) (Model, tea.Cmd) {
	switch {
	case key.Matches(msg, km.Up):
		m.list.move(-1)
	case key.Matches(msg, km.Down):
		m.list.move(1)
	case key.Matches(msg, km.Top):
		m.list.top()
	case key.Matches(msg, km.Bottom):
		m.list.bottom()
	case key.Matches(msg, km.PageUp):
		m.list.page(-1)
	case key.Matches(msg, km.PageDown):
		m.list.page(1)
	case key.Matches(msg, km.PrevYear):
		m.list.year(-1)
	case key.Matches(msg, km.NextYear):
		m.list.year(1)
	case key.Matches(msg, km.Open):
		m.current = m.list.selected()
		m.focus = modeDetail
		return m, nil
	default:
		return m, nil
	}
	m.current = m.list.selected()
	return m, nil
}

func (m Model) detailKey(msg tea.KeyPressMsg, km KeyMap) (Model, tea.Cmd) {
	switch {
	case key.Matches(msg, km.Up):
		m.detail.scroll(-1)
	case key.Matches(msg, km.Down):
		m.detail.scroll(1)
	case key.Matches(msg, km.Top):
		m.detail.top()
	case key.Matches(msg, km.Bottom):
		m.detail.bottom()
	case key.Matches(msg, km.PageUp):
		m.detail.page(-1)
	case key.Matches(msg, km.PageDown):
		m.detail.page(1)
	case key.Matches(msg, km.NextLink):
		m.detail.selectLink(1)
	case key.Matches(msg, km.PrevLink):
		m.detail.selectLink(-1)
	case key.Matches(msg, km.Follow):
		if t, ok := m.detail.selectedTarget(); ok {
			return m.follow(t.id)
		}
	case key.Matches(msg, km.ToList):
		m.focus = modeList
		m.detail.linkSel = -1
		m.detail.clamp()
	}
	return m, nil
}

// location is where the reader is now, for the jump history.
func (m Model) location() location {
	loc := location{offset: m.detail.offset, focus: m.focus, linkSel: m.detail.linkSel}
	if m.current != nil {
		loc.id = m.current.ID
	}
	return loc
}

// followN follows link n (1-based) of the current event: its links, then
// the events that link to it.
func (m Model) followN(n int) (Model, tea.Cmd) {
	ids := m.current.Targets()
	if n < 1 || n > len(ids) {
		return m, m.setStatusAbout(scopeEvent, fmt.Sprintf("No link %d: this event has %d", n, len(ids)), true)
	}
	return m.follow(ids[n-1])
}

// follow jumps to the event with id, recording where the jump started.
func (m Model) follow(id string) (Model, tea.Cmd) {
	e := m.chron.Event(id)
	if e == nil {
		return m, m.setStatus(fmt.Sprintf("No event has id %q", timeline.HarmlessLine(id)), true)
	}
	m.history.jump(m.location())
	m.focus = modeDetail
	return m, m.goTo(e)
}

// goTo shows e in the detail pane and selects it in the list; an event the
// filter hides is shown all the same, and the status line says so.
func (m *Model) goTo(e *timeline.Event) tea.Cmd {
	m.current = e
	m.overview = false
	if !m.list.selectEvent(e) {
		return m.setStatusAbout(scopeHidden, fmt.Sprintf("“%s” is hidden by the filter; esc in the list clears it",
			timeline.HarmlessLine(short(e.Title))), false)
	}
	return nil
}

func (m Model) jumpBack() (Model, tea.Cmd) {
	to, ok := m.history.goBack(m.location())
	if !ok {
		return m, nil
	}
	return m.restore(to)
}

func (m Model) jumpForward() (Model, tea.Cmd) {
	to, ok := m.history.goForward(m.location())
	if !ok {
		return m, nil
	}
	return m.restore(to)
}

// restore returns to a location of the history: event, focus, scroll and
// selected link.
func (m Model) restore(to location) (Model, tea.Cmd) {
	e := m.chron.Event(to.id)
	if e == nil {
		return m, nil
	}
	cmd := m.goTo(e)
	m.focus = to.focus
	m, render := m.syncDetail()
	m.detail.linkSel = to.linkSel
	if m.detail.key == (renderKey{}) {
		m.detail.pendingOffset = to.offset
	} else {
		m.detail.offset = to.offset
		m.detail.clamp()
	}
	return m, tea.Batch(cmd, render)
}

// syncDetail makes the detail pane show the current event, or the
// overview, from the cache or by starting a render; it never waits for
// one.
func (m Model) syncDetail() (Model, tea.Cmd) {
	switch {
	case m.overview && !m.detail.overview:
		m.detail.setOverview(m.chron)
		m.detail.setWords(m.filter.words)
	case !m.overview && (m.current != m.detail.event || m.detail.overview):
		m.detail.setEvent(m.chron, m.current)
		m.detail.setWords(m.filter.words)
	}
	if (m.current == nil && !m.overview) || !m.detailVisible() || m.detail.width <= 0 {
		return m, nil
	}
	k := renderKey{overview: true, width: m.detail.width, style: m.st.Name, gen: m.gen}
	markdown := overviewMarkdown
	if !m.overview {
		k.overview, k.id = false, m.current.ID
		e := m.current
		markdown = func(c *timeline.Chronology) string { return eventMarkdown(c, e) } // capped: see render.go
	}
	if m.detail.key == k {
		return m, nil
	}
	if lines, ok := m.cache.get(k); ok {
		m.detail.setContent(k, lines)
		return m, nil
	}
	if m.cache.pending[k] || m.cache.rewrapping(k) {
		return m, nil
	}
	m.cache.pending[k] = true
	c := m.chron
	return m, renderCmd(k, func() string { return markdown(c) }) // a 50 MB body is not copied on the key path
}

// handleMouse scrolls the pane under the pointer, or selects the clicked
// row, or follows the clicked link.
func (m *Model) handleMouse(msg tea.MouseMsg) tea.Cmd {
	mouse := msg.Mouse()
	top, bodyH := m.bodyArea()
	y := mouse.Y - top
	if y < 0 || y >= bodyH {
		return nil
	}
	if m.showHelp {
		if wheel, ok := msg.(tea.MouseWheelMsg); ok {
			switch wheel.Button {
			case tea.MouseWheelUp:
				m.scrollHelp(-wheelStep)
			case tea.MouseWheelDown:
				m.scrollHelp(wheelStep)
			}
		}
		return nil
	}
	pane := m.focus
	if m.sideBySide() {
		pane = modeList
		if mouse.X >= m.list.width {
			pane = modeDetail
		}
	}
	switch msg.(type) {
	case tea.MouseWheelMsg:
		step := 0
		switch mouse.Button {
		case tea.MouseWheelUp:
			step = -wheelStep
		case tea.MouseWheelDown:
			step = wheelStep
		}
		if pane == modeList {
			m.list.scroll(step)
			m.current = m.list.selected()
		} else {
			m.detail.scroll(step)
		}
	case tea.MouseClickMsg:
		if mouse.Button != tea.MouseLeft {
			return nil
		}
		if pane == modeList {
			if i := m.list.eventAt(y); i >= 0 {
				m.list.cursor = i
				m.list.ensureVisible()
				m.current = m.list.selected()
			}
			if !m.filter.editing {
				m.focus = modeList
			}
		} else if !m.filter.editing {
			m.focus = modeDetail
			if i := m.detail.linkAt(y); i >= 0 { // a click on a link follows it
				nm, cmd := m.follow(m.detail.targets[i].id)
				*m = nm
				return cmd
			}
		}
	}
	return nil
}

// View draws the screen: header, panes (or the full help), footer.
func (m Model) View() tea.View {
	v := tea.NewView(m.render())
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

func (m Model) render() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	return clip(m.compose(), m.width, m.height)
}

// compose is the screen before clip, its last guard: every component
// fits its box by itself, and the size property checks it unclipped.
func (m Model) compose() string {
	w, h := m.width, m.height
	if w <= 0 || h <= 0 {
		return ""
	}
	if !m.ready() {
		return m.loadingView()
	}
	var help []string // the full help, laid out once
	maxOff := 0
	if m.showHelp {
		help = m.helpLines()
		maxOff = max(0, len(help)-m.helpRows(len(help)))
	}
	km := m.keyMapFor(maxOff)
	var lines []string
	if h >= 3 {
		lines = append(lines, m.headerView())
	}
	top, bodyH, bannerH := m.areas()
	lines = append(lines, m.bannerView(bannerH)...)
	if top > len(lines) {
		lines = append(lines, m.filterBarView())
	}
	if m.showHelp {
		lines = append(lines, m.fullHelpView(help, bodyH)...)
	} else {
		lines = append(lines, m.panesView(bodyH)...)
	}
	if h >= 3 {
		lines = append(lines, m.footerView(km))
	}
	return strings.Join(lines, "\n")
}

// panesView is the list and detail, side by side or one of them.
func (m Model) panesView(h int) []string {
	if h <= 0 {
		return nil
	}
	if !m.sideBySide() {
		if m.focus == modeDetail {
			lines := strings.Split(m.detail.view(m.st), "\n")
			for i, l := range lines {
				lines[i] = " " + l
			}
			return lines
		}
		return strings.Split(m.list.view(m.st, true), "\n")
	}
	left := strings.Split(m.list.view(m.st, m.focus == modeList || m.filter.editing), "\n")
	right := strings.Split(m.detail.view(m.st), "\n")
	div := m.st.Divider.Render("│")
	out := make([]string, h)
	for i := range out {
		var l, r string
		if i < len(left) {
			l = left[i]
		}
		if i < len(right) {
			r = right[i]
		}
		out[i] = l + div + " " + r
	}
	return out
}
