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
