package timeline

import (
	"encoding/binary"
	"strings"

	"github.com/BurntSushi/toml"
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

// keyEntry is a key of a table and where it is.
type keyEntry struct {
	name string
	keyPos
}

// tablePos is where a table starts and where its keys are.
type tablePos struct {
	Line int // the header line; 0 for the top level
	// Keys is keys as a map; only scanLayout fills it in (for tests).
	Keys map[string]keyPos
	// keys are the table's keys in file order, each name once (the first
	// occurrence); a table has a dozen keys at most, so a list is faster to
	// build and search than a map. A table with more (a file of thousands
	// of unknown keys) has them in index too, by name, so that finding
	// each of them does not cost a search of all.
	keys  []keyEntry
	index map[string]int32
}

// keyIndexMin is how many keys a table has when they are put in its index.
const keyIndexMin = 32

// eventPos is an [[event]] table with its [[event.source]] and
// [[event.claim]] sub-tables.
type eventPos struct {
	tablePos
	Sources []tablePos
	Claims  []tablePos
}

// fileLayout is where things are in one file, or in one part of it.
type fileLayout struct {
	Top    tablePos
	Eras   []tablePos
	Events []eventPos
	// lines are the file's lines; only scanLayout fills them in.
	lines []string
	// src is the text scanned, whose first line is line firstLine of the
	// file; starts are where its lines start, found when first needed.
	src       string
	firstLine int
	starts    []int
}

// get returns the position of key name in t.
func (t tablePos) get(name string) (keyPos, bool) {
	if t.index != nil {
		if i, ok := t.index[name]; ok {
			return t.keys[i].keyPos, true
		}
		return keyPos{}, false
	}
	for i := range t.keys {
		if t.keys[i].name == name {
			return t.keys[i].keyPos, true
		}
	}
	return keyPos{}, false
}

// add records key e in t, unless t has a key of that name already, and
// reports whether it did.
func (t *tablePos) add(e keyEntry) bool {
	if _, dup := t.get(e.name); dup {
		return false
	}
	t.keys = append(t.keys, e)
	switch {
	case t.index != nil:
		t.index[e.name] = int32(len(t.keys) - 1)
	case len(t.keys) >= keyIndexMin:
		t.index = make(map[string]int32, 2*len(t.keys))
		for i, k := range t.keys {
			t.index[k.name] = int32(i)
		}
	}
	return true
}

// key returns the position of key in t, falling back to the table header.
func (t tablePos) key(name string) (line, col int) {
	if k, ok := t.get(name); ok {
		return k.Line, k.Col
	}
	return t.Line, 0
}

// value returns the position of key's value in t, falling back to the header.
func (t tablePos) value(name string) (line, col int) {
	if k, ok := t.get(name); ok {
		return k.Line, k.ValueCol
	}
	return t.Line, 0
}

// line returns line n of the file, which must be one of those scanned.
func (l *fileLayout) line(n int) (string, bool) {
	if l.lines != nil {
		if n < 1 || n > len(l.lines) {
			return "", false
		}
		return l.lines[n-1], true
	}
	if l.starts == nil {
		l.starts = []int{0}
		for i := 0; i < len(l.src); i++ {
			if l.src[i] == '\n' {
				l.starts = append(l.starts, i+1)
			}
		}
	}
	i := n - l.firstLine
	if i < 0 || i >= len(l.starts) {
		return "", false
	}
	end := len(l.src)
	if i+1 < len(l.starts) {
		end = l.starts[i+1] - 1
	}
	return l.src[l.starts[i]:end], true
}

// find returns the position of the first occurrence of a quoted string
// "s" or 's' within key name's value, or the value's position.
func (l *fileLayout) find(t tablePos, name, s string) (line, col int) {
	k, ok := t.get(name)
	if !ok {
		return t.Line, 0
	}
	for _, q := range []string{`"` + s + `"`, `'` + s + `'`} {
		for ln := k.Line; ln <= k.End; ln++ {
			text, ok := l.line(ln)
			if !ok {
				break
			}
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

// scanLayout finds the tables and keys of src, with the keys also as maps
// and the lines kept: the form the tests read.
func scanLayout(src string) *fileLayout {
	s := newLayoutScanner(1)
	s.scan(src, true)
	l := s.l
	l.lines = strings.Split(src, "\n")
	fill := func(t *tablePos) {
		t.Keys = make(map[string]keyPos, len(t.keys))
		for _, k := range t.keys {
			t.Keys[k.name] = k.keyPos
		}
	}
	fill(&l.Top)
	for i := range l.Eras {
		fill(&l.Eras[i])
	}
	for i := range l.Events {
		ev := &l.Events[i]
		fill(&ev.tablePos)
		for j := range ev.Sources {
			fill(&ev.Sources[j])
		}
		for j := range ev.Claims {
			fill(&ev.Claims[j])
		}
	}
	return l
}

// layoutScanner reads a file, or a part of one, line by line, following
// strings, comments and brackets, and records tables and keys.
type layoutScanner struct {
	l       *fileLayout
	cur     *tablePos
	multi   string // open multi-line string delimiter, or ""
	depth   int    // open [ and { across lines
	openKey int    // the key of cur whose value is still being read; -1 none
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

// tableRef says which table of a layout a key is in.
type tableRef struct {
	kind int8 // refTop, ...
	i, j int32
}

// The tables a tableRef names.
const (
	refNone   int8 = iota // a table the layout does not follow
	refTop                // the top level
	refEra                // era i
	refEvent              // event i
	refSource             // source j of event i
	refClaim              // claim j of event i
)

// ref names the table a [[name]] header just opened.
func (l *fileLayout) ref(name string) tableRef {
	ev := int32(len(l.Events) - 1)
	switch name {
	case "event":
		return tableRef{kind: refEvent, i: ev}
	case "event.source":
		if ev >= 0 {
			return tableRef{kind: refSource, i: ev, j: int32(len(l.Events[ev].Sources) - 1)}
		}
	case "event.claim":
		if ev >= 0 {
			return tableRef{kind: refClaim, i: ev, j: int32(len(l.Events[ev].Claims) - 1)}
		}
	case "era":
		return tableRef{kind: refEra, i: int32(len(l.Eras) - 1)}
	}
	return tableRef{}
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
		i := strings.Index(text[at+3:], `"""`)
		if i < 0 {
			return
		}
		close := at + 3 + i
		q := 0 // quotes after the first three belong to the value
		for close+3+q < len(text) && text[close+3+q] == '"' {
			q++
		}
		if q > 2 {
			return
		}
		v := strings.TrimPrefix(text[at+3:close+q], "\n")
		if !simpleString(v, true) {
			return
		}
		value, end = v, close+q+3
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
	i := strings.IndexByte(t[1:], '"')
	if i < 0 {
		return "", 0, false
	}
	v := t[1 : 1+i]
	if !simpleString(v, false) {
		return "", 0, false
	}
	return v, i + 2, true
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
func (s *layoutScanner) clean() bool { return s.multi == "" && s.depth == 0 }

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
	if s.multi == "" && s.depth == 0 {
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
	s.multi, s.depth = scanValue(line, pos, s.multi, s.depth)
	if s.openKey >= 0 {
		s.cur.keys[s.openKey].End = ln
	}
}

// openTable starts the table named by a [[header]] (name is "" for a
// [single] header, whose keys are not tracked) and returns it.
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

// scanValue follows strings, comments and brackets from byte pos of line,
// starting in the given state, and returns the state at the end of the line.
func scanValue(line string, pos int, multi string, depth int) (string, int) {
	i := pos
	for i < len(line) {
		if multi != "" {
			// skip to what can end the string: a quote, or an escape
			// (basic strings only), as the byte-by-byte rule would
			var j int
			if multi == `"""` {
				j = strings.IndexAny(line[i:], `"\`)
			} else {
				j = strings.Index(line[i:], multi)
			}
			if j < 0 {
				return multi, depth
			}
			i += j
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
			if j := strings.IndexByte(line[i:], '\''); j >= 0 {
				i += j
			} else {
				i = len(line)
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
// and spaces: `[[ "event" . source ]]` is "event.source". A key with a dot
// in it keeps its quotes (`[["event.source"]]` is `"event.source"`, one
// key, not the table event.source).
func tableName(s, closing string) (string, bool) {
	if end := strings.Index(s, closing); end >= 0 && isBareName(s[:end]) {
		return s[:end], true // [[event]], [[event.source]]: nothing to take off
	}
	keys, ok := headerKeys(s, closing)
	if !ok {
		return "", false
	}
	for i, k := range keys {
		if strings.Contains(k, ".") {
			keys[i] = `"` + k + `"`
		}
	}
	return strings.Join(keys, "."), true
}

// headerKeys reads the keys of a header name, bare, "basic" or 'literal',
// separated by dots, up to its closing delimiter: `[[ "a.b" . c ]]` has
// the keys "a.b" and "c".
func headerKeys(s, closing string) ([]string, bool) {
	var keys []string
	i := 0
	for {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		if i >= len(s) {
			return nil, false
		}
		key, next, ok := readKey(s, i)
		if !ok {
			return nil, false
		}
		keys, i = append(keys, key), next
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		if strings.HasPrefix(s[i:], closing) {
			return keys, true
		}
		if i >= len(s) || s[i] != '.' {
			return nil, false
		}
		i++
	}
}

// readKey reads one key, bare, "basic" or 'literal', starting at s[i], and
// returns it as TOML reads it and the index after it.
func readKey(s string, i int) (key string, next int, ok bool) {
	if s[i] == '"' || s[i] == '\'' {
		j := quotedKeyEnd(s, i)
		if j < 0 {
			return "", 0, false
		}
		return quotedKey(s[i : j+1]), j + 1, true
	}
	j := i
	for j < len(s) && isBareKeyChar(s[j]) {
		j++
	}
	if j == i {
		return "", 0, false
	}
	return s[i:j], j, true
}

// quotedKeyEnd returns the index of the quote that closes the quoted key
// starting at s[i], or -1.
func quotedKeyEnd(s string, i int) int {
	q := s[i]
	j := i + 1
	for j < len(s) && s[j] != q {
		if q == '"' && s[j] == '\\' {
			j++
		}
		j++
	}
	if j >= len(s) {
		return -1
	}
	return j
}

// quotedKey returns the key a quoted key stands for: a 'literal' one as
// written, a "basic" one with its escapes (\t, \u00e9 ...) read as TOML
// reads them.
func quotedKey(q string) string {
	k := q[1 : len(q)-1]
	if q[0] != '"' || !strings.Contains(k, "\\") {
		return k
	}
	var m map[string]any
	if _, err := toml.Decode("k = "+q, &m); err == nil {
		if v, ok := m["k"].(string); ok {
			return v
		}
	}
	return k
}

// isBareName reports whether s is bare keys joined by single dots, with no
// spaces or quotes.
func isBareName(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isBareKeyChar(s[i]) && (s[i] != '.' || i == 0 || i == len(s)-1 || s[i-1] == '.') {
			return false
		}
	}
	return s != ""
}

// keyName reads the first segment of a key at the start of s (bare, "basic"
// or 'literal'), skips any further dotted segments, and returns the name, the
// number of bytes read, and whether the key had more than one segment.
func keyName(s string) (string, int, bool) {
	first := ""
	i := 0
	for seg := 0; ; seg++ {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		if i >= len(s) {
			return first, i, seg > 0
		}
		name, next, ok := readKey(s, i)
		if !ok {
			return "", 0, false
		}
		if seg == 0 {
			first = name
		}
		i = next
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		if i < len(s) && s[i] == '.' {
			i++
			continue
		}
		return first, i, seg > 0
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
