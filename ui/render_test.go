package ui

import (
	"strings"
	"testing"

	"backstory/timeline/interop"
	"github.com/charmbracelet/x/ansi"
)

// TestRenderWraps: at every width, every rendered line fits, a quote keeps
// its bar on every line, and list items hang under their number.
func TestRenderWraps(t *testing.T) {
	c := fixture(t)
	md := interop.EventMarkdown(c, c.Event("schaaf-warning")) +
		"\n> \"I believe it is my duty and moral obligation as mayor to give those families fair warning when that threat appears imminent,\" she said; https://example.com/a/very/long/address/that/has/to/break/somewhere/in/the/middle\n>\n> — Libby Schaaf\n"
	for _, style := range []string{styleDark, styleNoTTY} {
		for w := 1; w <= 130; w++ {
			lines, err := renderMarkdown(md, w, style)
			if err != nil {
				t.Fatal(err)
			}
			inQuote := false
			for i, l := range lines {
				p := ansi.Strip(l)
				if lw := ansi.StringWidth(l); lw > w {
					t.Fatalf("%s width %d: line %d is %d wide: %q", style, w, i, lw, p)
				}
				if strings.Contains(p, "I believe") {
					inQuote = true
				}
				if inQuote && w >= 10 {
					if strings.TrimSpace(p) == "" {
						inQuote = false
					} else if !strings.HasPrefix(p, "│") && !strings.HasPrefix(p, "|") {
						t.Fatalf("%s width %d: quote line %d lost its bar: %q", style, w, i, p)
					}
				}
			}
		}
	}
	lines, _ := renderMarkdown(md, 30, styleNoTTY)
	text := ansi.Strip(strings.Join(lines, "\n"))
	if !strings.Contains(text, "3. printz-1997: Printz v.\n   United States (27 Jun 1997)") {
		t.Errorf("list item does not hang under its number:\n%s", text)
	}
}

func TestJoinListContinuations(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"- one\n  continues\n- two", "- one continues\n- two"},
		{"1. num\n   cont\n   more\n\npara\nline", "1. num cont more\n\npara\nline"},
		{"- item\n  > quote", "- item\n  > quote"},
		{"- item\n- next\n\n```\n- code\n  not joined\n```", "- item\n- next\n\n```\n- code\n  not joined\n```"},
		{"- item\n  - nested\n    cont", "- item\n  - nested cont"},
		{"text\ncontinues", "text\ncontinues"},
	} {
		if got := joinListContinuations(tt.in); got != tt.want {
			t.Errorf("joinListContinuations(%q)\n got %q\nwant %q", tt.in, got, tt.want)
		}
	}
}

// renderMarkdown renders Markdown for a pane width cells wide, as lines:
// one block, as the detail pane renders each of an event's.
func renderMarkdown(markdown string, width int, style string) ([]string, error) {
	doc, err := renderDocument([]docBlock{{md: markdown, kind: noSection}}, width, style)
	return doc.lines, err
}
