package timeline

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// The check stage (see check.go): one table being checked, how it names
// itself in messages, and the readers of its values by type, each of
// which reports a value of the wrong type where it is.

// label names a table in messages: "chronology", `era "Before"`,
// "event #3", `event "printz-1997"`, `event "printz-1997": source #2`. It is
// put into words only when there is something to report.
type label struct {
	text string // a fixed name
	kind string // or a numbered table: "event"
	n    int    // its number, from 1
	id   string // an event's id, once read
	sub  string // "source" or "claim": a table of the event
	subN int
}

func (l label) String() string {
	s := l.text
	switch {
	case s != "":
	case l.id != "":
		s = fmt.Sprintf("%s %q", l.kind, l.id)
	default:
		s = fmt.Sprintf("%s #%d", l.kind, l.n)
	}
	if l.sub != "" && l.subN == 0 { // a single table: "media"
		s = fmt.Sprintf("%s: %s", s, l.sub)
	} else if l.sub != "" {
		s = fmt.Sprintf("%s: %s #%d", s, l.sub, l.subN)
	}
	return s
}

// table is one TOML table being checked: its values, where it is, and what
// to call it in messages ("event \"printz-1997\"").
type table struct {
	f     *fileCheck
	m     map[string]any
	pos   tablePos
	label label
}

// nth returns where table i of an array of n tables is: as the layout
// found it when it found all n, else at line, the header of the table that
// holds them.
func nth(found []tablePos, n, i, line int) tablePos {
	if len(found) == n {
		return found[i]
	}
	return tablePos{Line: line}
}

func (t table) at(line, col int) Position {
	return Position{File: t.f.name, Line: line, Col: col}
}

// errKey reports a problem with key's value, at the value.
func (t table) errKey(key, format string, args ...any) {
	line, col := t.pos.value(key)
	t.f.errorf(t.at(line, col), "%s: %s: %s", t.label, key, fmt.Sprintf(format, args...))
}

// errItem reports a problem with item i (from 0) of key's array value,
// at the item when items finds it, else at the value.
func (t table) errItem(items *itemFinder, key string, i int, format string, args ...any) {
	line, col := t.item(items, key, i)
	t.f.errorf(t.at(line, col), "%s: %s: %s", t.label, key, fmt.Sprintf(format, args...))
}

// item returns where item i (from 0) of key's array value is, as items
// finds it, else where the value is.
func (t table) item(items *itemFinder, key string, i int) (line, col int) {
	k, ok := t.pos.get(key)
	if !ok || t.f.layout == nil {
		return t.pos.value(key)
	}
	return items.find(t.f.layout.line, k, i)
}

// errTable reports a problem with the whole table, at its header.
func (t table) errTable(format string, args ...any) {
	t.f.errorf(t.at(t.pos.Line, 0), "%s: %s", t.label, fmt.Sprintf(format, args...))
}

// unknown warns about keys the format does not have.
func (t table) unknown(known []string) {
	type unknownKey struct {
		name      string
		line, col int
	}
	var keys []unknownKey
	for k := range t.m {
		if !slices.Contains(known, k) {
			line, col := t.pos.key(k) // (once each: not in the sort's comparisons)
			keys = append(keys, unknownKey{k, line, col})
		}
	}
	if len(keys) == 0 {
		return
	}
	slices.SortFunc(keys, func(a, b unknownKey) int {
		if a.line != b.line {
			return cmp.Compare(a.line, b.line)
		}
		return strings.Compare(a.name, b.name)
	})
	for _, k := range keys {
		hint := ""
		if s := closest(k.name, slices.Values(known), ""); s != "" {
			hint = fmt.Sprintf(" (did you mean %q?)", s)
		}
		t.f.warnf(t.at(k.line, k.col), "%s: unknown key %q is ignored%s", t.label, k.name, hint)
	}
}

// str returns key's string value; a missing required key is reported.
func (t table) str(key string, required bool) string {
	v, ok := t.m[key]
	if !ok {
		if required {
			t.errTable("missing %s: add %s = \"...\"", key, key)
		}
		return ""
	}
	s, ok := v.(string)
	if !ok {
		t.errKey(key, "must be a string, not %s", typeName(v))
		return ""
	}
	if required && strings.TrimSpace(s) == "" {
		t.errKey(key, "is empty")
	}
	return s
}

// line returns key's string value, which must be a single line.
func (t table) line(key string, required bool) string {
	s := t.str(key, required)
	if strings.ContainsAny(s, "\r\n") {
		t.errKey(key, "must be one line")
	}
	return s
}

func (t table) boolean(key string) bool {
	v, ok := t.m[key]
	if !ok {
		return false
	}
	b, ok := v.(bool)
	if !ok {
		t.errKey(key, "must be true or false, not %s", typeName(v))
	}
	return b
}

// array returns key's array value, and whether there is one; a value of
// another type is reported: it "must be " what, such as "an array of
// strings such as [...]".
func (t table) array(key, what string) ([]any, bool) {
	v, ok := t.m[key]
	if !ok {
		return nil, false
	}
	arr, ok := v.([]any)
	if !ok {
		t.errKey(key, "must be %s, not %s", what, typeName(v))
	}
	return arr, ok
}

func (t table) strings(key string) []string {
	arr, ok := t.array(key, "an array of strings such as [\"a\", \"b\"]")
	if !ok {
		return nil
	}
	out := t.f.alloc.strings(len(arr))
	var items itemFinder
	for i, x := range arr {
		s, ok := x.(string)
		if !ok {
			t.errItem(&items, key, i, "item %d must be a string, not %s", i+1, typeName(x))
			continue
		}
		if strings.TrimSpace(s) == "" {
			t.errItem(&items, key, i, "item %d is empty: remove it", i+1)
			continue
		}
		out = append(out, s)
	}
	return out
}

func (t table) date(key string, required bool) Date {
	v, ok := t.m[key]
	if !ok {
		if required {
			t.errTable("missing %s: add %s = YYYY-MM-DD (or \"YYYY\", \"YYYY-MM\")", key, key)
		}
		return Date{}
	}
	d, msg := dateFromValue(key, v)
	if msg != "" {
		t.errKey(key, "%s", msg)
	}
	return d
}

// tables returns key's array of tables; a single [table] is reported.
func (t table) tables(key, header string) []map[string]any {
	v, ok := t.m[key]
	if !ok {
		return nil
	}
	switch x := v.(type) {
	case []map[string]any:
		return x
	case []any:
		out := make([]map[string]any, 0, len(x))
		for _, e := range x {
			m, ok := e.(map[string]any)
			if !ok {
				t.errKey(key, "must be tables written [[%s]], not %s", header, typeName(e))
				return nil
			}
			out = append(out, m)
		}
		return out
	}
	if k, ok := t.pos.get(key); ok && t.f.layout != nil {
		// [[event.source]] before any [[event]] makes event a table
		if text, ok := t.f.layout.line(k.Line); ok {
			if msg := comesBefore(strings.TrimLeft(text, " \t"), k.Line, key); msg != "" {
				t.f.errorf(t.at(k.Line, k.Col), "%s", msg)
				return nil
			}
		}
	}
	t.errKey(key, "must be tables written [[%s]], not %s", header, typeName(v))
	return nil
}
