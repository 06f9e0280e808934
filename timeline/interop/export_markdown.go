package interop

import (
	"fmt"
	"strings"

	"backstory/timeline"
)

// Markdown writes a background memo a reporter can paste into a draft: the
// chronology's title and description, then each event as a "## DATE —
// TITLE" section with its summary (or its body when it has no summary),
// its claims with their ratings, and its sources as Markdown links. It
// reads as plain text and renders as Markdown. query, when not empty, is
// named under the title (events holds what it matched). Text from the
// file is made harmless for a terminal.
func Markdown(c *timeline.Chronology, events []*timeline.Event, query string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "# %s\n\n", escapeLine(c.Title))
	if query != "" {
		fmt.Fprintf(&b, "*%s matching `%s`*\n\n", timeline.Plural(len(events), "event"), strings.ReplaceAll(timeline.HarmlessLine(query), "`", "'"))
	}
	if d := strings.TrimSpace(c.Description); d != "" {
		fmt.Fprintf(&b, "%s\n\n", timeline.Harmless(d))
	}
	for _, e := range events {
		fmt.Fprintf(&b, "## %s — %s\n\n", escapeLine(e.When()), escapeLine(e.Title))
		if text := strings.TrimSpace(e.Summary); text != "" {
			// a summary is plain text, unlike the body
			fmt.Fprintf(&b, "%s\n\n", escapeText(text))
		} else if text := strings.TrimSpace(e.Body); text != "" {
			fmt.Fprintf(&b, "%s\n\n", timeline.Harmless(text))
		}
		if len(e.Claims) > 0 {
			b.WriteString("Claims:\n\n")
			for _, cl := range e.Claims {
				fmt.Fprintf(&b, "- **%s:** %s", claimLabel(cl.Status), escapeLine(cl.Text))
				if cl.Note != "" {
					fmt.Fprintf(&b, " — %s", escapeLine(cl.Note))
				}
				if ev := cl.Evidence(); ev != "" {
					b.WriteString(" " + ev)
				}
				b.WriteString("\n")
			}
			b.WriteString("\n")
		}
		if len(e.Sources) > 0 {
			b.WriteString("Sources:\n\n")
			for _, s := range e.Sources {
				fmt.Fprintf(&b, "- %s\n", markdownSource(s))
			}
			b.WriteString("\n")
		}
	}
	return []byte(strings.TrimRight(b.String(), "\n") + "\n")
}

// markdownSource is "[Title](url), Publisher, 22 Jan 2025".
func markdownSource(s timeline.Source) string {
	line := escapeLine(s.Title)
	if s.URL != "" {
		line = fmt.Sprintf("[%s](%s)", line, linkDestination(s.URL))
	}
	if s.Publisher != "" {
		line += ", " + escapeLine(s.Publisher)
	}
	if !s.Published.IsZero() {
		line += ", " + s.Published.Format()
	}
	if s.Archived != "" {
		line += fmt.Sprintf(" ([archived copy](%s))", linkDestination(s.Archived))
	}
	if s.Quote != "" {
		line += ": “" + escapeLine(s.Quote) + "”"
	}
	return line
}

// linkDestination writes a URL so that Markdown reads all of it as the
// link: in angle brackets when it has spaces or parentheses.
func linkDestination(u string) string {
	u = timeline.HarmlessLine(u)
	if strings.ContainsAny(u, " ()<>") {
		return "<" + strings.NewReplacer("<", "%3C", ">", "%3E").Replace(u) + ">"
	}
	return u
}

func claimLabel(s timeline.ClaimStatus) string {
	if s == "" {
		return "Unrated"
	}
	return strings.ToUpper(string(s[:1])) + string(s[1:])
}

// escapeLine makes one line of plain text safe in Markdown: harmless for a
// terminal, on one line, and without characters that would start Markdown
// formatting it did not mean.
func escapeLine(s string) string {
	return lineEscaper.Replace(timeline.HarmlessLine(strings.TrimSpace(s)))
}

// escapeText is escapeLine for plain text of several lines, its line
// breaks kept.
func escapeText(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n")
	for i, l := range lines {
		lines[i] = escapeLine(l)
	}
	return strings.Join(lines, "\n")
}

var lineEscaper = strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`, "`", "\\`", "[", `\[`, "]", `\]`, "<", `\<`, "#", `\#`, "|", `\|`, "~", `\~`)
