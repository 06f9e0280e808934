package timeline

import (
	"strings"
)

// The TOML decoder does not say where a table or key is, and its own
// positions for repeated [[event]] tables can name the wrong entry. layout
// finds them with a line scanner run over a file that has already parsed, so
// every diagnostic can point at the entry it is about.

// keyPos is where a key and its value start.
type keyPos struct {
	Line, Col, ValueCol int
	// End is the last line of the value (multi-line strings and arrays).
	End int
}

// tablePos is where a table starts and where its keys are.
type tablePos struct {
	Line int // the header line; 0 for the top level
	Keys map[string]keyPos
}

// eventPos is an [[event]] table with its [[event.source]] and
// [[event.claim]] sub-tables.
type eventPos struct {
	tablePos
	Sources []tablePos
	Claims  []tablePos
}

// fileLayout is where things are in one file.
type fileLayout struct {
	Top    tablePos
	Eras   []tablePos
	Events []eventPos
	lines  []string
}

// key returns the position of key in t, falling back to the table header.
func (t tablePos) key(name string) (line, col int) {
	if k, ok := t.Keys[name]; ok {
		return k.Line, k.Col
	}
	return t.Line, 0
}

// value returns the position of key's value in t, falling back to the header.
func (t tablePos) value(name string) (line, col int) {
	if k, ok := t.Keys[name]; ok {
		return k.Line, k.ValueCol
	}
	return t.Line, 0
}

// find returns the position of the first occurrence of a quoted string
// "s" or 's' within key name's value, or the value's position.
func (l *fileLayout) find(t tablePos, name, s string) (line, col int) {
	k, ok := t.Keys[name]
	if !ok {
		return t.Line, 0
	}
	for _, q := range []string{`"` + s + `"`, `'` + s + `'`} {
		for ln := k.Line; ln <= k.End && ln <= len(l.lines); ln++ {
			text := l.lines[ln-1]
			from := 0
			if ln == k.Line {
				from = k.ValueCol - 1
			}
			if from < 0 || from > len(text) {
				from = 0
			}
			if i := strings.Index(text[from:], q); i >= 0 {
				return ln, runeCol(text, from+i)
			}
		}
	}
	return k.Line, k.ValueCol
}

// scanLayout finds the tables and keys of src.
func scanLayout(src string) *fileLayout {
	l := &fileLayout{Top: tablePos{Keys: map[string]keyPos{}}}
	l.lines = strings.Split(src, "\n")
	cur := &l.Top
	var multi string // open multi-line string delimiter, or ""
	depth := 0       // open [ and { across lines
	openKey := ""    // the key of cur whose value is still being read
	for i, raw := range l.lines {
		ln := i + 1
		line := strings.TrimSuffix(raw, "\r")
		pos := 0
		if multi == "" && depth == 0 {
			openKey = ""
			trimmed := strings.TrimLeft(line, " \t")
			indent := len(line) - len(trimmed)
			if strings.HasPrefix(trimmed, "[") {
				double := strings.HasPrefix(trimmed, "[[")
				name := ""
				if double {
					name, _ = tableName(trimmed[2:], "]]")
				} else if single, _ := tableName(trimmed[1:], "]"); strings.HasPrefix(single, "event.") && len(l.Events) > 0 {
					// [event.claim] where [[event.claim]] was meant:
					// remember it so the mistake can be pointed at
					ev := &l.Events[len(l.Events)-1]
					col := runeCol(line, indent)
					if _, seen := ev.Keys[single[len("event."):]]; !seen {
						ev.Keys[single[len("event."):]] = keyPos{Line: ln, Col: col, ValueCol: col, End: ln}
					}
				}
				cur = l.openTable(name, ln)
				continue
			}
			if trimmed == "" || strings.HasPrefix(trimmed, "#") {
				continue
			}
			name, n := keyName(trimmed)
			if eq := strings.IndexByte(trimmed[n:], '='); n > 0 && eq >= 0 {
				vstart := indent + n + eq + 1
				for vstart < len(line) && (line[vstart] == ' ' || line[vstart] == '\t') {
					vstart++
				}
				if _, dup := cur.Keys[name]; !dup {
					cur.Keys[name] = keyPos{Line: ln, Col: runeCol(line, indent), ValueCol: runeCol(line, vstart), End: ln}
					openKey = name
				}
				pos = vstart
			}
		}
		multi, depth = scanValue(line, pos, multi, depth)
		if openKey != "" {
			k := cur.Keys[openKey]
			k.End = ln
			cur.Keys[openKey] = k
		}
	}
	return l
}

// openTable starts the table named by a [[header]] (name is "" for a
// [single] header, whose keys are not tracked) and returns it.
func (l *fileLayout) openTable(name string, ln int) *tablePos {
	t := tablePos{Line: ln, Keys: map[string]keyPos{}}
	switch name {
	case "event":
		l.Events = append(l.Events, eventPos{tablePos: t})
		return &l.Events[len(l.Events)-1].tablePos
	case "event.source", "event.claim":
		if len(l.Events) == 0 {
			return &t
		}
		ev := &l.Events[len(l.Events)-1]
		if name == "event.source" {
			ev.Sources = append(ev.Sources, t)
			return &ev.Sources[len(ev.Sources)-1]
		}
		ev.Claims = append(ev.Claims, t)
		return &ev.Claims[len(ev.Claims)-1]
	case "era":
		l.Eras = append(l.Eras, t)
		return &l.Eras[len(l.Eras)-1]
	}
	return &t
}

// scanValue follows strings, comments and brackets from byte pos of line,
// starting in the given state, and returns the state at the end of the line.
func scanValue(line string, pos int, multi string, depth int) (string, int) {
	i := pos
	for i < len(line) {
		if multi != "" {
			if multi == `"""` && line[i] == '\\' {
				i += 2
				continue
			}
			if strings.HasPrefix(line[i:], multi) {
				i += 3
				// up to two more quotes belong to the content
				for j := 0; j < 2 && i < len(line) && line[i] == multi[0]; j++ {
					i++
				}
				multi = ""
				continue
			}
			i++
			continue
		}
		c := line[i]
		switch {
		case c == '#':
			return multi, depth
		case strings.HasPrefix(line[i:], `"""`):
			multi = `"""`
			i += 3
			continue
		case strings.HasPrefix(line[i:], `'''`):
			multi = `'''`
			i += 3
			continue
		case c == '"':
			i++
			for i < len(line) && line[i] != '"' {
				if line[i] == '\\' {
					i++
				}
				i++
			}
		case c == '\'':
			i++
			for i < len(line) && line[i] != '\'' {
				i++
			}
		case c == '[' || c == '{':
			depth++
		case c == ']' || c == '}':
			if depth > 0 {
				depth--
			}
		}
		i++
	}
	return multi, depth
}

// tableName reads a header name up to its closing delimiter, without quotes
// and spaces: `[[ "event" . source ]]` is "event.source".
func tableName(s, closing string) (string, bool) {
	end := strings.Index(s, closing)
	if end < 0 {
		return "", false
	}
	parts := strings.Split(s[:end], ".")
	for i, p := range parts {
		p = strings.TrimSpace(p)
		if len(p) >= 2 && (p[0] == '"' || p[0] == '\'') && p[len(p)-1] == p[0] {
			p = p[1 : len(p)-1]
		}
		parts[i] = p
	}
	return strings.Join(parts, "."), true
}

// keyName reads the first segment of a key at the start of s (bare, "basic"
// or 'literal'), skips any further dotted segments, and returns the name and
// the number of bytes read.
func keyName(s string) (string, int) {
	first := ""
	i := 0
	for seg := 0; ; seg++ {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		if i >= len(s) {
			return first, i
		}
		var name string
		switch s[i] {
		case '"', '\'':
			q := s[i]
			j := i + 1
			for j < len(s) && s[j] != q {
				if q == '"' && s[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(s) {
				return "", 0
			}
			name = s[i+1 : j]
			i = j + 1
		default:
			j := i
			for j < len(s) && isBareKeyChar(s[j]) {
				j++
			}
			if j == i {
				return "", 0
			}
			name = s[i:j]
			i = j
		}
		if seg == 0 {
			first = name
		}
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		if i < len(s) && s[i] == '.' {
			i++
			continue
		}
		return first, i
	}
}

func isBareKeyChar(c byte) bool {
	return c == '_' || c == '-' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
}

// runeCol turns a byte offset in line into a 1-based column counted in
// characters, as editors count them.
func runeCol(line string, byteOff int) int {
	if byteOff > len(line) {
		byteOff = len(line)
	}
	return len([]rune(line[:byteOff])) + 1
}
