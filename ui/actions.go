package ui

import (
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"sync"

	"backstory/timeline"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/cli/browser"
)

// The conveniences: open a source in the browser, copy a citation.

func webURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

var quietBrowser sync.Once

// openURLCmd opens u in the browser. The browser library runs the
// platform's opener (xdg-open, open, ShellExecute) directly, with no shell
// between: the URL is one argument, never parsed as a command line. Its
// output would scribble over the screen, so it goes nowhere.
func openURLCmd(u string, open func(string) error) tea.Cmd {
	quietBrowser.Do(func() {
		browser.Stdout = io.Discard
		browser.Stderr = io.Discard
	})
	return func() tea.Msg {
		if !webURL(u) {
			return openedMsg{url: u, err: fmt.Errorf("not a web address")}
		}
		return openedMsg{url: u, err: open(u)}
	}
}

// citation is one line to paste into notes or a story: the event, its
// date, and the source s (nil: none on file), with no parenthesis of its
// own around a date that may have some ("Title — Tuesday, Jan. 21, 2025
// (sent Tuesday night). Source: …").
func citation(e *timeline.Event, s *timeline.Source) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s — %s", e.Title, e.When())
	if s != nil {
		parts := []string{}
		if s.Publisher != "" {
			parts = append(parts, s.Publisher)
		}
		if s.Title != "" {
			parts = append(parts, "“"+s.Title+"”")
		}
		if !s.Published.IsZero() {
			parts = append(parts, s.Published.Format())
		}
		if s.URL != "" {
			parts = append(parts, s.URL)
		}
		if len(parts) > 0 {
			b.WriteString(". Source: " + strings.Join(parts, ", "))
		}
	} else {
		b.WriteString(". No source on file")
	}
	b.WriteString(".")
	return timeline.HarmlessLine(b.String())
}

// copiedStatus is what y says. The citation goes to the terminal as an
// OSC 52 sequence, and the terminal may set its clipboard or ignore the
// sequence without a word (many do by default, or ask first): the viewer
// cannot know which, so it does not claim more than it did.
func copiedStatus(c string) string {
	return "Copied (if your terminal accepts OSC 52): " + c
}

// sourceCmd opens the source chosen, or copies its citation or address,
// and says what it did.
func sourceCmd(e *timeline.Event, action sourceAction, c sourceChoice, open func(string) error) (tea.Cmd, string) {
	switch action {
	case actCite:
		text := citation(e, c.src)
		return tea.SetClipboard(text), copiedStatus(text)
	case actCopyURL:
		return tea.SetClipboard(c.url), copiedStatus(timeline.HarmlessLine(c.url))
	}
	return openURLCmd(c.url, open), "Opening " + timeline.HarmlessLine(c.url) + " …"
}

// openInBrowser opens u with the first command of $BROWSER that works
// (a ':'-separated list, each a command line where %s stands for the
// address, else given it as its last argument), else with the system's
// opener.
func openInBrowser(u string) error {
	return openWith(os.Getenv("BROWSER"), u, browser.OpenURL)
}

// openWith tries each command of list on u, then system. A command runs
// with no shell: its words are split at spaces, the address one word.
func openWith(list, u string, system func(string) error) error {
	var tried []string
	for _, entry := range strings.Split(list, ":") {
		args := strings.Fields(entry)
		if len(args) == 0 {
			continue
		}
		placed := false
		for i, a := range args {
			if strings.Contains(a, "%s") {
				args[i], placed = strings.ReplaceAll(a, "%s", u), true
			}
		}
		if !placed {
			args = append(args, u)
		}
		cmd := exec.Command(args[0], args[1:]...)
		if err := cmd.Run(); err == nil {
			return nil
		}
		tried = append(tried, args[0])
	}
	err := system(u)
	if err != nil && len(tried) > 0 {
		return fmt.Errorf("$BROWSER (%s) and the system's opener failed: %w", strings.Join(tried, ", "), err)
	}
	return err
}

// notOpenedNotice is what the picker shows when the browser did not open:
// the whole address, wrapped, to open by hand.
func notOpenedNotice(msg openedMsg) []string {
	what := "The browser did not open (" + timeline.HarmlessLine(msg.err.Error()) + ")."
	if errors.Is(msg.err, exec.ErrNotFound) {
		what = "No browser found (set $BROWSER to the command of one)."
	}
	return []string{what, "", "Open this address yourself:", "", timeline.HarmlessLine(msg.url), "",
		"Y copies the address, y a citation."}
}

// actOverlay does what a key asks while the source picker or the claims
// view is open: in the picker, the choice made is used; in the claims
// view, enter reads the event at the claim (a jump, as a link is) and esc
// closes it; the rest is theirs.
func (m *Model) actOverlay(msg tea.KeyPressMsg, km KeyMap) tea.Cmd {
	switch {
	case key.Matches(msg, km.Quit):
		return tea.Quit
	case key.Matches(msg, km.Help):
		m.help.Open()
	case m.picker.IsOpen():
		m.picker.Update(msg)
		if action, c, ok := m.picker.Chosen(); ok {
			cmd, text := sourceCmd(m.current, action, c, m.openURL)
			return tea.Batch(cmd, m.say(scopeNone, text, false))
		}
	case key.Matches(msg, km.CloseClaims):
		m.claims.Close()
	case key.Matches(msg, km.OpenClaim):
		e, i, ok := m.claims.Selected()
		if !ok {
			return nil
		}
		m.claims.Close()
		m.history.jump(locationOf(m.current, m.focus, &m.detail))
		m.focus = modeDetail
		cmd := tea.Batch(m.goTo(e), m.sync())
		m.detail.ShowClaim(i)
		return cmd
	default:
		m.claims.Update(msg)
	}
	return nil
}
