package ui

import (
	"os"
	"os/exec"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"backstory/timeline"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// fixture loads testdata/fixture.toml, failing the test on any diagnostic.
func fixture(t testing.TB) *timeline.Chronology {
	t.Helper()
	c, diags := parseFixture(fixtureSource(t))
	if c == nil || len(diags) > 0 {
		t.Fatalf("fixture does not load:\n%s", diags)
	}
	return c
}

// parsed keeps the chronologies parsed from each text: the viewer never
// changes one, and the size property parses the same few texts thousands
// of times otherwise.
var parsed sync.Map // string → loadResult

// parseFixture parses src as testdata/fixture.toml, once per text.
func parseFixture(src string) (*timeline.Chronology, timeline.Diagnostics) {
	if r, ok := parsed.Load(src); ok {
		return r.(loadResult).c, r.(loadResult).diags
	}
	c, diags := timeline.Parse("testdata/fixture.toml", []byte(src))
	if diags.HasErrors() {
		c = nil
	}
	parsed.Store(src, loadResult{c: c, diags: diags})
	return c, diags
}

// driver runs a Model the way the Bubble Tea loop would, but in the test's
// goroutine: every command is run at once and its message fed back, so
// renders and filter runs arrive before the next step. Nothing here
// depends on time.
type driver struct {
	t      testing.TB
	m      *Model
	quit   bool
	opened []string   // URLs the model asked the browser to open
	copied []string   // clipboard writes seen
	edits  [][]string // editor command lines e started
	files  loadResult // what the fixture's Load returns, reload after reload
	// runEditors makes e really run the editor command (with no
	// terminal); by default it is only recorded, as if it had exited 0.
	runEditors bool
}

// newDriver starts a viewer on the fixture at w x h, loaded and sized.
func newDriver(t testing.TB, w, h int, opts Options) *driver {
	t.Helper()
	d := &driver{t: t}
	d.files = loadResult{c: fixture(t), label: "fixture.toml"}
	if opts.Load == nil {
		opts.Load = func(func(done, total int64)) (*timeline.Chronology, timeline.Diagnostics, string) {
			return d.files.c, d.files.diags, d.files.label
		}
		if opts.Paths == nil { // a file on disk, to edit and reload
			opts.Paths = []string{"testdata/fixture.toml"}
		}
	}
	if opts.Style == "" {
		opts.Style = styleNoTTY
	}
	if opts.Editor == "" {
		opts.Editor = "true" // recorded, never run, unless runEditors
	}
	m := New(opts)
	m.status.timers = false
	m.openURL = func(u string) error { d.opened = append(d.opened, u); return nil }
	m.today = func() time.Time { return time.Date(2025, 1, 21, 12, 0, 0, 0, time.UTC) } // the goldens do not age
	m.watchFiles = nil                                                                  // tests send fileChangedMsg themselves
	m.runEditor = func(c *exec.Cmd, done tea.ExecCallback) tea.Cmd {
		return func() tea.Msg {
			d.edits = append(d.edits, c.Args)
			if !d.runEditors {
				return done(nil)
			}
			return done(c.Run())
		}
	}
	d.m = m
	d.send(tea.WindowSizeMsg{Width: w, Height: h})
	d.run(d.m.Init())
	return d
}

// loadResult is what a Load returns.
type loadResult struct {
	c     *timeline.Chronology
	diags timeline.Diagnostics
	label string
}

// save makes the fixture's Load read src next, as if the file had been
// saved with it, and sends the change the watcher would report.
func (d *driver) save(src string) *driver {
	d.t.Helper()
	c, diags := parseFixture(src)
	d.files = loadResult{c: c, diags: diags, label: "fixture.toml"}
	d.send(fileChangedMsg{})
	return d
}

// expireStatus clears the status line, as its timer would.
func (d *driver) expireStatus() *driver {
	d.send(statusExpiredMsg{seq: d.m.status.seq})
	return d
}

// fixtureSource is the text of testdata/fixture.toml.
func fixtureSource(t testing.TB) string {
	t.Helper()
	fixtureOnce.Do(func() { fixtureText, fixtureErr = os.ReadFile("testdata/fixture.toml") })
	if fixtureErr != nil {
		t.Fatal(fixtureErr)
	}
	return string(fixtureText)
}

var (
	fixtureOnce sync.Once
	fixtureText []byte
	fixtureErr  error
)

// send feeds one message and runs what it returns.
func (d *driver) send(msg tea.Msg) {
	d.t.Helper()
	m, cmd := d.m.Update(msg)
	d.m = m.(*Model)
	d.run(cmd)
}

func (d *driver) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	switch msg := cmd().(type) {
	case nil:
	case tea.BatchMsg:
		for _, c := range msg {
			d.run(c)
		}
	case tea.QuitMsg:
		d.quit = true
	default:
		if s := clipboardText(msg); s != "" {
			d.copied = append(d.copied, s)
			return
		}
		d.send(msg)
	}
}

// clipboardText recognises tea.SetClipboard's message by its type name
// (the type is not exported) and returns what it would copy.
func clipboardText(msg tea.Msg) string {
	v := reflect.ValueOf(msg)
	if v.Type().Name() == "setClipboardMsg" && v.Kind() == reflect.String {
		return v.String()
	}
	return ""
}

// press sends keys by name: "j", "enter", "shift+tab", "ctrl+d", ...
func (d *driver) press(keys ...string) *driver {
	d.t.Helper()
	for _, k := range keys {
		d.send(keyPress(k))
	}
	return d
}

// typeText types text into whatever has the keyboard.
func (d *driver) typeText(s string) *driver {
	for _, r := range s {
		d.send(tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return d
}

func keyPress(k string) tea.KeyPressMsg {
	named := map[string]rune{
		"enter": tea.KeyEnter, "esc": tea.KeyEscape, "tab": tea.KeyTab, "backspace": tea.KeyBackspace,
		"up": tea.KeyUp, "down": tea.KeyDown, "left": tea.KeyLeft, "right": tea.KeyRight,
		"home": tea.KeyHome, "end": tea.KeyEnd, "pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown,
		"space": tea.KeySpace,
	}
	if k == "shift+tab" {
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	}
	if rest, ok := strings.CutPrefix(k, "ctrl+"); ok {
		return tea.KeyPressMsg{Code: []rune(rest)[0], Mod: tea.ModCtrl}
	}
	if r, ok := named[k]; ok {
		return tea.KeyPressMsg{Code: r}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

// screen is the view without colours.
func (d *driver) screen() string { return ansi.Strip(d.m.View().Content) }

// current is the ID of the event in the detail pane.
func (d *driver) current() string {
	if d.m.current == nil {
		return ""
	}
	return d.m.current.ID
}

// selected is the ID of the event selected in the list.
func (d *driver) selected() string {
	if e := d.m.list.Selected(); e != nil {
		return e.ID
	}
	return ""
}

// checkFits fails when the view has a line wider than w or more than h
// lines.
func checkFits(t testing.TB, view string, w, h int, what string) {
	t.Helper()
	if view == "" {
		return
	}
	lines := strings.Split(view, "\n")
	if len(lines) > h {
		t.Errorf("%s at %dx%d: %d lines", what, w, h, len(lines))
	}
	for i, l := range lines {
		if lw := ansi.StringWidth(l); lw > w {
			t.Errorf("%s at %dx%d: line %d is %d wide: %q", what, w, h, i, lw, ansi.Strip(l))
		}
	}
}

// mode is what the keys act on now: the filter bar while it is open,
// else the pane with the focus.
func (d *driver) mode() mode {
	if d.m.filter.Editing() {
		return modeFilter
	}
	return d.m.focus
}

// keys is every key that works now, as the help offers them.
func (d *driver) keys() KeyMap { return withHelp(d.m.keyMap(), &d.m.help) }
