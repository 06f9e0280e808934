package ui

import (
	"fmt"
	"io"
	"net/url"
	"strings"
	"sync"

	"backstory/timeline"
	tea "charm.land/bubbletea/v2"
	"github.com/cli/browser"
)

// The conveniences: open a source in the browser, copy a citation.

// firstWebSource returns the URL of the event's first source with an
// http or https address, else of its media, or "".
func firstWebSource(e *timeline.Event) string {
	if e == nil {
		return ""
	}
	for _, s := range e.Sources {
		if webURL(s.URL) {
			return s.URL
		}
	}
	if e.Media != nil && webURL(e.Media.URL) {
		return e.Media.URL
	}
	return ""
}

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
// date, and its first source.
func citation(e *timeline.Event) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s (%s)", e.Title, e.When())
	if len(e.Sources) > 0 {
		s := e.Sources[0]
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
