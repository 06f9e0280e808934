package timeline

import (
	"encoding/binary"
	"strings"
)

// layoutScanner reads a file, or a part of one, line by line, following
// strings, comments and brackets with its lexer, and records tables and
// keys.
type layoutScanner struct {
	l       *fileLayout
	cur     *tablePos
	lex     lexer // strings and brackets left open across lines
	openKey int   // the key of cur whose value is still being read; -1 none
	// deep says a bracket opened more than maxNesting deep
	deep bool
	// plain stays true while every header from the first [[event]] on is
	// [[event]], [[event.source]], [[event.claim]] or [[era]], and no key
	// there is dotted: text whose parts the TOML decoder reads the same
	// alone or together (see splitFile).
	plain    bool
	inEvents bool
	next     int // the number of the next line to read
	// header is the last table header read
	header header

	// With strings, the scanner reads the simple values of keys itself
	// (see takeValue), in subs.
	strings bool
	subs    []stringSub
	curRef  tableRef
	text    string // the text being read

	keyBlock []keyEntry // room for the keys of tables to come
}

// stringSub is a key whose simple value the scanner read: the decoder is
// given the text without it, and the value is put in the decoded table
// after.
type stringSub struct {
	ref        tableRef
	key        string
	value      any // a string, or []any of strings
	start, end int // the key and its value in the text scanned
}

// newKeys returns room for the keys of a table named name, from a larger
// block: one allocation for many tables.
func (s *layoutScanner) newKeys(name string) []keyEntry {
	n := 8
	if name == "event" {
		n = 16
	}
	if len(s.keyBlock) < n {
		s.keyBlock = make([]keyEntry, 4096)
	}
	k := s.keyBlock[:0:n]
	s.keyBlock = s.keyBlock[n:]
	return k
}

// takeValue reads the value at byte at of s.text, of key name at byte
// keyAt, if it is simple: a basic string ("..." or """...""") or a
// one-line array of them, with no escapes, no character TOML refuses in a
// string (controls but tab, and newline outside multi-line strings), no
// run of six quotes at its end, and nothing but a comment after it on its
// line. Such a value is its text, as TOML reads it, and the decoder is
// spared the key and its value (see part.decode).
func (s *layoutScanner) takeValue(name string, keyAt, at int) {
	if s.curRef.kind == refNone {
		return
	}
	text := s.text
	var value any
	end := 0
	switch {
	case strings.HasPrefix(text[at:], `"""`):
		lx := lexer{multi: '"'}
		end = lx.multiEnd(text, at+3) // (its lines at once: line ends change nothing there)
		if lx.multi != 0 {
			return
		}
		v := strings.TrimPrefix(text[at+3:end-3], "\n")
		if !simpleString(v, true) {
			return
		}
		value = v
	case text[at] == '"':
		v, n, ok := simpleBasicString(text[at:])
		if !ok {
			return
		}
		value, end = v, at+n
	case text[at] == '[':
		// ["a", "b"] on one line: what BurntSushi makes of it, []any
		items := make([]any, 0, 2)
		i := at + 1
		for {
			for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
				i++
			}
			if i < len(text) && text[i] == ']' { // (after a comma too)
				i++
				break
			}
			if i >= len(text) || text[i] != '"' {
				return
			}
			v, n, ok := simpleBasicString(text[i:])
			if !ok {
				return
			}
			items = append(items, v)
			i += n
			for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
				i++
			}
			if i < len(text) && text[i] == ',' {
				i++
				continue
			}
			if i < len(text) && text[i] == ']' {
				i++
				break
			}
			return
		}
		value, end = items, i
	default:
		return
	}
	// nothing but a comment may follow on the line
	rest := text[end:]
	if nl := strings.IndexByte(rest, '\n'); nl >= 0 {
		rest = rest[:nl]
	}
	rest = strings.TrimLeft(rest, " \t")
	if rest != "" && (rest[0] != '#' || !simpleString(rest, false)) {
		return
	}
	s.subs = append(s.subs, stringSub{ref: s.curRef, key: name, value: value, start: keyAt, end: end})
}

// simpleBasicString reads a one-line basic string "..." at the start of t
// that simpleString accepts, and returns its value and its length with
// the quotes.
func simpleBasicString(t string) (string, int, bool) {
	if strings.HasPrefix(t, `"""`) {
		return "", 0, false
	}
	n, closed := stringEnd(t, 0)
	if !closed {
		return "", 0, false
	}
	v := t[1 : n-1]
	if !simpleString(v, false) {
		return "", 0, false
	}
	return v, n, true
}

// simpleString reports whether a string's text has no escapes and no
// characters TOML refuses in a string: controls but tab, and newline
// outside multi-line strings.
func simpleString(v string, multiline bool) bool {
	i := 0
	// eight bytes at a time while none is a control, DEL or backslash
	for ; i+8 <= len(v); i += 8 {
		x := binary.LittleEndian.Uint64([]byte(v[i : i+8]))
		if (x-0x2020202020202020)&^x&0x8080808080808080 != 0 || // below space
			zeroBytes(x^0x7f7f7f7f7f7f7f7f) != 0 || zeroBytes(x^0x5c5c5c5c5c5c5c5c) != 0 {
			break
		}
	}
	for ; i < len(v); i++ {
		c := v[i]
		if c < 0x20 || c == 0x7f || c == '\\' {
			if c == '\t' || (c == '\n' && multiline) {
				continue
			}
			return false
		}
	}
	return true
}

// newLayoutScanner starts a scan in the clean state (outside strings and
// brackets, at the top level) at line firstLine.
func newLayoutScanner(firstLine int) *layoutScanner {
	s := &layoutScanner{l: &fileLayout{firstLine: firstLine}, openKey: -1, plain: true}
	s.cur = &s.l.Top
	s.curRef = tableRef{kind: refTop}
	return s
}

// clean reports whether the scan ended outside strings and brackets.
func (s *layoutScanner) clean() bool { return s.lex.clean() }

// scan reads src, whose first line is the scanner's first line. With
// final, src ends the file, and a last empty line after a final newline is
// a line of its own (as strings.Split has it); otherwise src ends with the
// newline before the next part.
func (s *layoutScanner) scan(src string, final bool) {
	s.l.src = src
	s.next = s.l.firstLine
	s.more(src, final)
}

// more reads on into src, the text that follows what was read, in the
// state the scan is in. The layout's text must then be made the whole of
// what was read (see scan).
func (s *layoutScanner) more(src string, final bool) {
	if s.next != s.l.firstLine {
		s.strings, s.subs = false, nil // (offsets would be off)
	}
	s.text = src
	if s.strings && s.subs == nil {
		s.subs = make([]stringSub, 0, len(src)/128)
	}
	for off := 0; ; s.next++ {
		end := strings.IndexByte(src[off:], '\n')
		if end < 0 {
			if off < len(src) || final {
				s.scanLine(src[off:], s.next, off)
				s.next++
			}
			return
		}
		s.scanLine(src[off:off+end], s.next, off)
		off += end + 1
	}
}

// scanLine reads line ln, which starts at byte off of s.text.
func (s *layoutScanner) scanLine(raw string, ln, off int) {
	l := s.l
	line := strings.TrimSuffix(raw, "\r")
	pos := 0
	if s.lex.clean() {
		s.openKey = -1
		trimmed := strings.TrimLeft(line, " \t")
		indent := len(line) - len(trimmed)
		if strings.HasPrefix(trimmed, "[") {
			double := strings.HasPrefix(trimmed, "[[")
			name := ""
			if double {
				name, _ = tableName(trimmed[2:], "]]")
			}
			if !double || !knownTable(name) || (strings.HasPrefix(name, "event.") && len(l.Events) == 0) {
				// [event.claim] where [[event.claim]] was meant, a
				// misspelled [[evnt]], or an [[event.source]] before any
				// [[event]] (which makes event a table): remember the
				// header as a key of the table it belongs to, so the
				// mistake can be pointed at
				var keys []string
				if double {
					keys, _ = headerKeys(trimmed[2:], "]]")
				} else {
					keys, _ = headerKeys(trimmed[1:], "]")
				}
				l.noteHeader(keys, ln, runeCol(line, indent))
			}
			s.header = header{name: name, line: ln, col: runeCol(line, indent), double: double, inEvent: len(l.Events) > 0}
			if !double {
				s.header.name, _ = tableName(trimmed[1:], "]")
			}
			if name == "event" {
				s.inEvents = true
			}
			if s.inEvents {
				switch name {
				case "event", "event.source", "event.claim", "era":
				default:
					s.plain = false
				}
			}
			s.cur = l.openTable(name, ln)
			s.curRef = l.ref(name)
			if s.curRef.kind != refNone {
				s.cur.keys = s.newKeys(name)
			}
			return
		}
		if trimmed == "" || trimmed[0] == '#' {
			return
		}
		name, n, dotted := keyName(trimmed)
		if eq := strings.IndexByte(trimmed[n:], '='); n > 0 && eq >= 0 {
			if dotted && s.inEvents {
				s.plain = false
			}
			vstart := indent + n + eq + 1
			for vstart < len(line) && (line[vstart] == ' ' || line[vstart] == '\t') {
				vstart++
			}
			if s.cur.add(keyEntry{name, keyPos{Line: ln, Col: runeCol(line, indent), ValueCol: runeCol(line, vstart), End: ln}}) {
				if name != "" { // (an empty key's value is not followed)
					s.openKey = len(s.cur.keys) - 1
				}
			}
			pos = vstart
			// (a key taken out must be exactly: bare key, =, value)
			if s.strings && !dotted && eq == 0 && isBareKeyChar(trimmed[0]) && vstart < len(line) {
				s.takeValue(name, off+indent, off+vstart)
			}
		}
	}
	if s.lex.line(line, pos) >= 0 {
		s.deep = true
	}
	if s.openKey >= 0 {
		s.cur.keys[s.openKey].End = ln
	}
}

// knownTable reports whether name is an array of tables of the format.
func knownTable(name string) bool {
	switch name {
	case "event", "event.source", "event.claim", "era":
		return true
	}
	return false
}

// noteHeader records the header of a table the format does not have (or
// does not have as a single table), given as its keys, as a key of its
// parent: the current event for event.x, the top level otherwise.
func (l *fileLayout) noteHeader(keys []string, ln, col int) {
	if len(keys) == 0 {
		return
	}
	parent, key := &l.Top, keys[0]
	if keys[0] == "event" && len(keys) > 1 && len(l.Events) > 0 {
		parent, key = &l.Events[len(l.Events)-1].tablePos, keys[1]
	}
	parent.add(keyEntry{key, keyPos{Line: ln, Col: col, ValueCol: col, End: ln}})
}

// openTable starts the table named by a [[header]] (name is "" for a
// [single] header, whose keys are not tracked) and returns it.
func (l *fileLayout) openTable(name string, ln int) *tablePos {
	t := tablePos{Line: ln}
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
