package interop

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"backstory/timeline"
)

// TOML writes a chronology as a file a person could have written by hand:
// the comment (one "# " line per line of it, if any), the top-level keys,
// the eras, then one [[event]] table per event in date order with its keys
// in the order the format documents, multi-line text as """ strings, and
// sources and claims as [[event.source]] and [[event.claim]] tables.
// Values are escaped as the TOML spec requires; characters a terminal
// could act on are escaped too, so the file is safe to print.
func TOML(c *timeline.Chronology, comment string) []byte {
	var w tomlWriter
	if comment != "" {
		for line := range strings.SplitSeq(strings.TrimRight(comment, "\n"), "\n") {
			w.printf("# %s\n", timeline.HarmlessLine(line))
		}
		w.printf("\n")
	}
	w.str("title", c.Title)
	if c.Description != "" {
		w.printf("\n")
		w.str("description", c.Description)
	}
	for _, era := range c.Eras {
		w.printf("\n[[era]]\n")
		w.str("title", era.Title)
		w.date("start", era.Start)
		w.date("end", era.End)
	}
	events := slices.Clone(c.Events)
	slices.SortStableFunc(events, func(a, b *timeline.Event) int { return timeline.Compare(a.Date, b.Date) })
	for _, e := range events {
		w.printf("\n[[event]]\n")
		w.str("id", e.ID)
		w.date("date", e.Date)
		w.date("end", e.End)
		w.str("display_date", e.DisplayDate)
		if e.Approximate {
			w.printf("approximate = true\n")
		}
		w.str("title", e.Title)
		w.str("summary", e.Summary)
		w.strs("tags", e.Tags)
		w.strs("people", e.People)
		w.strs("places", e.Places)
		w.links(e.Links)
		w.str("body", e.Body)
		if m := e.Media; m != nil {
			w.printf("\n[event.media]\n")
			w.str("url", m.URL)
			w.str("caption", m.Caption)
			w.str("credit", m.Credit)
			w.str("thumbnail", m.Thumbnail)
			w.str("alt", m.Alt)
		}
		for _, s := range e.Sources {
			w.printf("\n[[event.source]]\n")
			w.str("title", s.Title)
			w.str("publisher", s.Publisher)
			w.str("url", s.URL)
			w.date("published", s.Published)
			w.str("quote", s.Quote)
			w.str("archived", s.Archived)
		}
		for _, cl := range e.Claims {
			w.printf("\n[[event.claim]]\n")
			w.str("text", cl.Text)
			w.str("status", string(cl.Status))
			w.str("note", cl.Note)
			if len(cl.Sources) > 0 {
				w.printf("sources = %s\n", strings.ReplaceAll(fmt.Sprint(cl.Sources), " ", ", "))
			}
		}
	}
	return []byte(w.b.String())
}

type tomlWriter struct{ b strings.Builder }

func (w *tomlWriter) printf(format string, args ...any) { fmt.Fprintf(&w.b, format, args...) }

// str writes key = "value", leaving out an empty value; text with a
// newline is written as a multi-line string.
func (w *tomlWriter) str(key, value string) {
	if value == "" {
		return
	}
	if strings.ContainsAny(value, "\n") {
		w.printf("%s = %s\n", key, tomlMultiline(value))
		return
	}
	w.printf("%s = %s\n", key, tomlString(value))
}

func (w *tomlWriter) strs(key string, values []string) {
	if len(values) == 0 {
		return
	}
	quoted := make([]string, len(values))
	for i, v := range values {
		quoted[i] = tomlString(v)
	}
	w.printf("%s = [%s]\n", key, strings.Join(quoted, ", "))
}

func (w *tomlWriter) links(links []timeline.Link) {
	if len(links) == 0 {
		return
	}
	items := make([]string, len(links))
	for i, l := range links {
		if l.Note == "" {
			items[i] = tomlString(l.To)
		} else {
			items[i] = fmt.Sprintf("{ to = %s, note = %s }", tomlString(l.To), tomlString(l.Note))
		}
	}
	w.printf("links = [%s]\n", strings.Join(items, ", "))
}

func (w *tomlWriter) date(key string, d timeline.Date) {
	if d.IsZero() {
		return
	}
	w.printf("%s = %s\n", key, tomlDate(d))
}

// tomlDate writes a date the way a person would: a TOML local date for a
// day, a date-time when the day has a clock time, and a string for a
// year, a month, or a date TOML cannot hold (before year 1).
func tomlDate(d timeline.Date) string {
	if d.Precision != timeline.PrecisionDay || d.Year < 1 || d.Year > 9999 {
		return tomlString(d.String())
	}
	day := d.String()
	if d.Clock == "" {
		return day
	}
	clock, zone, _ := strings.Cut(d.Clock, " ")
	parts := strings.Split(clock, ":")
	if len(parts) == 2 {
		parts = append(parts, "00")
	}
	if len(parts) != 3 {
		return day // a clock this package did not write: keep the day
	}
	for _, p := range parts {
		if n, err := strconv.Atoi(p); err != nil || n < 0 || n > 59 || len(p) != 2 {
			return day
		}
	}
	s := day + "T" + strings.Join(parts, ":")
	switch {
	case zone == "UTC":
		s += "Z"
	case len(zone) == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':':
		s += zone
	}
	return s
}

// tomlString is a TOML basic string: backslash, quote and control
// characters escaped, and the characters Harmless would show visibly
// (C1 controls, bidirectional overrides, BOM) escaped as \uXXXX so that
// printing the file cannot reorder or hide text.
func tomlString(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteByte('\t')
		default:
			writeEscapedRune(&b, r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// tomlMultiline is a TOML multi-line string for text with newlines. It is
// a literal string (”'), where backslashes need no escaping, when the
// text has backslashes and nothing a literal string cannot hold; otherwise
// a basic string ("""), where a quote that would close the string is
// escaped. Text that does not end with a newline ends with a
// line-ending backslash, so the value is exactly the text.
func tomlMultiline(s string) string {
	if strings.Contains(s, `\`) && literalSafe(s) {
		return "'''\n" + s + "'''"
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString("\"\"\"\n")
	quotes := 0 // unescaped quotes just written
	for _, r := range s {
		switch r {
		case '"':
			if quotes == 2 {
				b.WriteString(`\"`)
				quotes = 0
				continue
			}
			b.WriteByte('"')
			quotes++
			continue
		case '\\':
			b.WriteString(`\\`)
		case '\n', '\t':
			b.WriteRune(r)
		default:
			writeEscapedRune(&b, r)
		}
		quotes = 0
	}
	if !strings.HasSuffix(s, "\n") {
		// also keeps a final quote from merging with the delimiter
		b.WriteString("\\\n")
	}
	b.WriteString(`"""`)
	return b.String()
}

// literalSafe reports whether s can be written as a multi-line literal
// string that reads back as s: newline-terminated, no ”' and nothing that
// would need an escape.
func literalSafe(s string) bool {
	if !strings.HasSuffix(s, "\n") || strings.Contains(s, "'''") {
		return false
	}
	for _, r := range s {
		if r != '\n' && r != '\t' && needsEscape(r) {
			return false
		}
	}
	return true
}

// needsEscape reports whether r must not appear raw in a TOML string
// (control characters) or should not reach a terminal raw.
func needsEscape(r rune) bool {
	return r < 0x20 || timeline.Unsafe(r) || r == utf8.RuneError
}

func writeEscapedRune(b *strings.Builder, r rune) {
	switch {
	case r == '\b':
		b.WriteString(`\b`)
	case r == '\f':
		b.WriteString(`\f`)
	case r == '\r':
		b.WriteString(`\r`)
	case needsEscape(r):
		fmt.Fprintf(b, `\u%04X`, r)
	default:
		b.WriteRune(r)
	}
}
