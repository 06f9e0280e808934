package synth

import (
	"fmt"
	"strings"
)

// How the generator writes TOML: lines, headers, dates and strings, and in
// tricky files the other ways TOML allows to write them.

// nl ends a line, with CRLF inside an event written that way.
func (g *gen) nl() {
	if g.crlf {
		g.b.WriteByte('\r')
	}
	g.b.WriteByte('\n')
}

func (g *gen) line(s string) {
	g.b.WriteString(s)
	g.nl()
}

// header writes [[name]], in tricky files sometimes the other ways TOML
// allows.
func (g *gen) header(name string) string {
	if !g.o.Tricky || !g.chance(0.2) {
		return "[[" + name + "]]"
	}
	first, rest, _ := strings.Cut(name, ".")
	if rest != "" {
		rest = "." + rest
	}
	switch g.r.IntN(6) {
	case 0:
		return "  [[" + name + "]]"
	case 1:
		return "[[ " + name + " ]]"
	case 2:
		return `[["` + first + `"` + rest + "]]"
	case 3:
		return "[['" + first + "'" + strings.ReplaceAll(rest, ".", " . ") + "]]"
	case 4:
		return "[[" + name + "]]   # " + g.sentence(3)
	}
	return "\t[[" + name + "]]\t"
}

// date writes a date the ways files do: mostly TOML dates, some partial
// dates, date-times and years.
func (g *gen) date(year, month, day int) string {
	switch x := g.r.Float64(); {
	case x < 0.75:
		return fmt.Sprintf("%04d-%02d-%02d", year, month, day)
	case x < 0.83:
		return fmt.Sprintf("\"%04d-%02d\"", year, month)
	case x < 0.88:
		return fmt.Sprintf("\"%04d\"", year)
	case x < 0.93:
		return fmt.Sprintf("%04d-%02d-%02dT%02d:%02d:00-05:00", year, month, day, g.r.IntN(24), g.r.IntN(60))
	case x < 0.97:
		return fmt.Sprintf("%04d-%02d-%02dT%02d:%02d:00", year, month, day, g.r.IntN(24), g.r.IntN(60))
	case x < 0.99:
		return fmt.Sprintf("%04d-%02d-%02dT%02d:30:00Z", year, month, day, g.r.IntN(24))
	}
	// (bare years were integers, date = 2018, which the format no longer
	// takes; they are strings now, drawn as before so that the files are
	// otherwise the same)
	return fmt.Sprintf("\"%04d\"", year)
}

// tomlDateText writes "YYYY" and "YYYY-MM" as strings, full dates bare.
func tomlDateText(s string) string {
	if len(s) == 10 {
		return s
	}
	return basic(s)
}

func (g *gen) list(key string, items []string) {
	if len(items) == 0 {
		return
	}
	q := make([]string, len(items))
	for i, s := range items {
		q[i] = g.str(s)
	}
	g.line(key + " = [" + strings.Join(q, ", ") + "]")
}

// str writes a one-line string: basic, and in tricky files sometimes
// literal or with escapes.
func (g *gen) str(s string) string {
	if g.o.Tricky {
		switch x := g.r.Float64(); {
		case x < 0.05 && !strings.Contains(s, "'"):
			return "'" + s + "'"
		case x < 0.08:
			return strings.Replace(basic(s), "e", `\u0065`, 1)
		}
	}
	return basic(s)
}

// multiline writes Markdown as a """ string ending with a newline, the
// way the interop writer does; tricky files also get ”' strings and
// escaped quotes.
func (g *gen) multiline(s string) {
	if g.crlf {
		s = strings.ReplaceAll(s, "\n", "\r\n")
	}
	if g.o.Tricky && g.chance(0.1) && !strings.Contains(s, "'''") {
		g.b.WriteString("'''")
		g.nl()
		g.b.WriteString(s)
		g.nl()
		g.b.WriteString("'''")
		return
	}
	g.b.WriteString(`"""`)
	g.nl()
	quotes := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '"':
			if quotes == 2 {
				g.b.WriteString(`\"`)
				quotes = 0
				continue
			}
			quotes++
			g.b.WriteByte(c)
			continue
		case '\\':
			g.b.WriteString(`\\`)
		default:
			g.b.WriteByte(c)
		}
		quotes = 0
	}
	g.nl()
	g.b.WriteString(`"""`)
}

// basic is a TOML basic string.
func basic(s string) string {
	if !strings.ContainsAny(s, "\"\\") {
		return `"` + s + `"`
	}
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		if s[i] == '"' || s[i] == '\\' {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	b.WriteByte('"')
	return b.String()
}
