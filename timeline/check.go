package timeline

import (
	"fmt"
	"slices"
	"strings"
)

// The check stage: every table and value of a decoded file against the
// format. This file holds a file's top level (its title, description and
// eras) and the order of its events; the other check_*.go files hold one
// table each (check_event.go, check_source.go, check_claim.go,
// check_media.go), the readers of a table's values (check_table.go,
// check_values.go) and the memory the events are kept in (check_alloc.go).

// fileCheck validates one decoded file, or a part of one (see
// loader.fileInParts), and keeps what it finds until the load takes it in
// (loader.commit), in file order.
type fileCheck struct {
	name   string
	layout *fileLayout
	diags  Diagnostics // what was found, in the order found
	errors int         // how many of diags are errors
	events []checkedEvent
	alloc  allocator
	// numbered says some message names an event by its number ("event
	// #12"), not by its id
	numbered bool
}

// checkedEvent is an event read from a file, before it joins the load:
// whether its id is taken by an earlier event is decided then, in file
// order, however the file was read.
type checkedEvent struct {
	e      *Event
	errors int // errors in the event's table, a duplicate id aside
	// dupable says the id is valid, so it may be a duplicate; idDiag is
	// where among the diagnostics that would be reported.
	dupable bool
	idDiag  int
	pos     eventPos
}

func (f *fileCheck) errorf(pos Position, format string, args ...any) {
	f.errors++
	f.diags = append(f.diags, Diagnostic{Pos: pos, Severity: SeverityError, Message: fmt.Sprintf(format, args...)})
}

func (f *fileCheck) warnf(pos Position, format string, args ...any) {
	f.diags = append(f.diags, Diagnostic{Pos: pos, Severity: SeverityWarning, Message: fmt.Sprintf(format, args...)})
}

// top checks the top level of a whole file: its keys, eras and events.
func (f *fileCheck) top(ld *loader, raw map[string]any) {
	t := f.head(ld, raw, nil, nil)
	events := t.tables("event", "event")
	if len(f.layout.Events) == len(events) {
		f.checkEvents(events, f.layout.Events, 0)
		return
	}
	line, _ := t.pos.key("event")
	pos := make([]eventPos, len(events))
	for i := range pos {
		pos[i].Line = line
	}
	f.checkEvents(events, pos, 0)
}

// pluralEvents reports, as an error, a file whose events are all
// [[events]] tables: it would load as a chronology of no events.
func (t table) pluralEvents() bool {
	if _, ok := t.m["event"]; ok {
		return false
	}
	if _, ok := t.m["events"].([]map[string]any); !ok {
		return false
	}
	line, col := t.pos.key("events")
	t.f.errorf(t.at(line, col), "[[events]] is not a table of a chronology: write [[event]], singular, before each event")
	return true
}

// head checks the top level of a file but for its events: the
// chronology's title and description, and the eras. eras and eraPos are
// the eras and their positions when the file was read in parts; nil, they
// come from raw and f.layout.
func (f *fileCheck) head(ld *loader, raw map[string]any, eras []map[string]any, eraPos []tablePos) table {
	t := table{f: f, m: raw, pos: f.layout.Top, label: label{text: "chronology"}}
	if t.pluralEvents() {
		t.unknown(append(slices.Clip(topKeys), "events"))
	} else {
		t.unknown(topKeys)
	}
	c := ld.c
	title, has := raw["title"]
	if s, ok := title.(string); ok && strings.TrimSpace(s) == "" {
		t.errKey("title", "is empty: name the chronology")
	}
	ld.titled = ld.titled || has
	if title := t.line("title", false); c.Title == "" {
		c.Title = strings.Clone(title)
	}
	if d := t.str("description", false); c.Description == "" {
		c.Description = strings.Clone(d)
	}
	if eraPos == nil {
		eras = t.tables("era", "era")
		eraPos = f.layout.Eras
	}
	for i, m := range eras {
		k, _ := t.pos.get("era")
		f.era(ld, m, nth(eraPos, len(eras), i, k.Line), i)
	}
	return t
}

func (f *fileCheck) era(ld *loader, m map[string]any, pos tablePos, i int) {
	t := table{f: f, m: m, pos: pos, label: label{kind: "era", n: i + 1}}
	if title, ok := m["title"].(string); ok && title != "" {
		t.label = label{text: fmt.Sprintf("era %q", title)}
	}
	t.unknown(eraKeys)
	e := Era{Title: strings.Clone(t.line("title", true)), Start: t.date("start", true), End: t.date("end", false), Pos: t.at(pos.Line, 0)}
	if !e.Start.IsZero() && !e.End.IsZero() && e.End.Last() < e.Start.First() {
		t.errKey("end", "%s is before the start, %s", e.End, e.Start)
	}
	ld.c.Eras = append(ld.c.Eras, e)
}

// checkEvents checks the event tables, the first of which is the file's
// event number first (from 0), and copies their text out of the file's.
func (f *fileCheck) checkEvents(events []map[string]any, pos []eventPos, first int) {
	f.events = make([]checkedEvent, 0, len(events))
	f.alloc.size(events)
	for i, m := range events {
		f.event(m, pos[i], first+i)
	}
	f.copyText()
}
