package main

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestShowOnTerminal: on a terminal show renders the event as the viewer
// does and pages it through $PAGER; --no-pager prints it straight; a pager
// that is not installed loses nothing; NO_COLOR and --style notty draw no
// colour.
func TestShowOnTerminal(t *testing.T) {
	bin := endToEnd(t)
	story, err := filepath.Abs("testdata/tui/story.toml")
	if err != nil {
		t.Fatal(err)
	}
	colour := regexp.MustCompile(`\x1b\[[0-9;]*[34]8;`)
	for _, tc := range []struct {
		name     string
		env      []string
		args     []string
		paged    bool
		coloured bool
	}{
		{"paged", []string{"PAGER=sed s/^/P:/"}, nil, true, true},
		{"no pager", []string{"PAGER=sed s/^/P:/"}, []string{"--no-pager"}, false, true},
		{"missing pager", []string{"PAGER=no-such-pager-here"}, nil, false, true},
		{"NO_COLOR", []string{"NO_COLOR=1", "PAGER=cat"}, nil, false, false},
		{"notty", []string{"PAGER="}, []string{"--style", "notty"}, false, false},
		{"light", []string{"PAGER=cat"}, []string{"--style", "light"}, false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			args := append(append([]string{"show"}, tc.args...), "printz-1997", story)
			tt := startTUIEnv(t, bin, t.TempDir(), 100, 40, tc.env, args...)
			if code := tt.waitExit(); code != 0 {
				t.Fatalf("exit %d:\n%s", code, tt.screen())
			}
			s := tt.screen()
			if !strings.Contains(s, "Printz v. United States") {
				t.Fatalf("no event on screen:\n%s", s)
			}
			if got := strings.Contains(s, "P:"); got != tc.paged {
				t.Errorf("paged %v, want %v:\n%s", got, tc.paged, s)
			}
			styled := tt.tmux("capture-pane", "-p", "-e", "-t", "main")
			if got := colour.MatchString(styled); got != tc.coloured {
				t.Errorf("coloured %v, want %v:\n%q", got, tc.coloured, styled)
			}
		})
	}
}
