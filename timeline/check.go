package timeline

import (
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strings"
)

// fileCheck validates one decoded file and adds what it finds to the load.
type fileCheck struct {
	ld     *loader
	name   string
	layout *fileLayout
}

// The keys each table of the format knows, for unknown-key warnings.
var (
	topKeys    = []string{"title", "description", "era", "event"}
	eraKeys    = []string{"title", "start", "end"}
	eventKeys  = []string{"id", "date", "end", "display_date", "approximate", "title", "summary", "tags", "people", "places", "links", "body", "source", "claim"}
	sourceKeys = []string{"title", "publisher", "url", "published", "quote"}
	claimKeys  = []string{"text", "status", "note"}
	linkKeys   = []string{"to", "note"}
)

var idPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// table is one TOML table being checked: its values, where it is, and what
// to call it in messages ("event \"printz-1997\"").
type table struct {
	f     *fileCheck
	m     map[string]any
	pos   tablePos
	label string
}

func (t table) at(line, col int) Position {
	return Position{File: t.f.name, Line: line, Col: col}
}

// errKey reports a problem with key's value, at the value.
func (t table) errKey(key, format string, args ...any) {
	line, col := t.pos.value(key)
	t.f.ld.errorf(t.at(line, col), "%s: %s: %s", t.label, key, fmt.Sprintf(format, args...))
}

// errTable reports a problem with the whole table, at its header.
func (t table) errTable(format string, args ...any) {
	t.f.ld.errorf(t.at(t.pos.Line, 0), "%s: %s", t.label, fmt.Sprintf(format, args...))
}

// unknown warns about keys the format does not have.
func (t table) unknown(known []string) {
	var names []string
	for k := range t.m {
		if !contains(known, k) {
			names = append(names, k)
		}
	}
	sort.Slice(names, func(i, j int) bool {
		li, _ := t.pos.key(names[i])
		lj, _ := t.pos.key(names[j])
		if li != lj {
			return li < lj
		}
		return names[i] < names[j]
	})
	for _, k := range names {
		line, _ := t.pos.key(k)
		hint := ""
		if s := closest(k, known); s != "" {
			hint = fmt.Sprintf(" (did you mean %q?)", s)
		}
		t.f.ld.warnf(t.at(line, 0), "%s: unknown key %q is ignored%s", t.label, k, hint)
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

func (t table) strings(key string) []string {
	v, ok := t.m[key]
	if !ok {
		return nil
	}
	arr, ok := v.([]any)
	if !ok {
		t.errKey(key, "must be an array of strings such as [\"a\", \"b\"], not %s", typeName(v))
		return nil
	}
	out := make([]string, 0, len(arr))
	for i, x := range arr {
		s, ok := x.(string)
		if !ok {
			t.errKey(key, "item %d must be a string, not %s", i+1, typeName(x))
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
	d, msg := dateFromValue(v)
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
	t.errKey(key, "must be tables written [[%s]], not %s", header, typeName(v))
	return nil
}

// top checks the top level of a file.
func (f *fileCheck) top(raw map[string]any) {
	t := table{f: f, m: raw, pos: f.layout.Top, label: "chronology"}
	t.unknown(topKeys)
	c := f.ld.c
	_, has := raw["title"]
	f.ld.titled = f.ld.titled || has
	if title := t.line("title", false); c.Title == "" {
		c.Title = title
	}
	if d := t.str("description", false); c.Description == "" {
		c.Description = d
	}
	eras := t.tables("era", "era")
	for i, m := range eras {
		pos := tablePos{Line: t.pos.Keys["era"].Line}
		if len(f.layout.Eras) == len(eras) {
			pos = f.layout.Eras[i]
		}
		f.era(m, pos, i)
	}
	events := t.tables("event", "event")
	for i, m := range events {
		var pos eventPos
		if len(f.layout.Events) == len(events) {
			pos = f.layout.Events[i]
		} else {
			line, _ := t.pos.key("event")
			pos.Line = line
		}
		f.event(m, pos, i)
	}
}

func (f *fileCheck) era(m map[string]any, pos tablePos, i int) {
	t := table{f: f, m: m, pos: pos, label: fmt.Sprintf("era #%d", i+1)}
	if title, ok := m["title"].(string); ok && title != "" {
		t.label = fmt.Sprintf("era %q", title)
	}
	t.unknown(eraKeys)
	e := Era{Title: t.line("title", true), Start: t.date("start", true), End: t.date("end", false), Pos: t.at(pos.Line, 0)}
	if !e.Start.IsZero() && !e.End.IsZero() && e.End.Last() < e.Start.First() {
		t.errKey("end", "%s is before the start, %s", e.End, e.Start)
	}
	f.ld.c.Eras = append(f.ld.c.Eras, e)
}

func (f *fileCheck) event(m map[string]any, pos eventPos, i int) {
	t := table{f: f, m: m, pos: pos.tablePos, label: fmt.Sprintf("event #%d", i+1)}
	ld := f.ld
	errorsBefore := ld.errors
	e := &Event{Pos: t.at(pos.Line, 0)}
	e.ID = t.line("id", true)
	if e.ID != "" {
		t.label = fmt.Sprintf("event %q", e.ID)
		if !idPattern.MatchString(e.ID) {
			t.errKey("id", "%q is not a valid id: use lowercase letters, digits and single '-' between them, such as %q", e.ID, slug(e.ID))
		} else if prev, dup := ld.c.byID[e.ID]; dup {
			t.errKey("id", "duplicate id %q: already used by the event at %s:%d", e.ID, prev.Pos.File, prev.Pos.Line)
		}
	}
	t.unknown(eventKeys)
	e.Date = t.date("date", true)
	e.End = t.date("end", false)
	if !e.Date.IsZero() && !e.End.IsZero() && e.End.Last() < e.Date.First() {
		t.errKey("end", "%s is before the date, %s", e.End, e.Date)
	}
	e.DisplayDate = t.line("display_date", false)
	e.Approximate = t.boolean("approximate")
	e.Title = t.line("title", true)
	e.Summary = t.str("summary", false)
	e.Tags = t.strings("tags")
	e.People = t.strings("people")
	e.Places = t.strings("places")
	e.Links = t.links()
	e.Body = t.str("body", false)
	sources := t.tables("source", "event.source")
	for j, sm := range sources {
		sp := tablePos{Line: pos.Line}
		if len(pos.Sources) == len(sources) {
			sp = pos.Sources[j]
		}
		e.Sources = append(e.Sources, f.source(sm, sp, t.label, j))
	}
	claims := t.tables("claim", "event.claim")
	for j, cm := range claims {
		cp := tablePos{Line: pos.Line}
		if len(pos.Claims) == len(claims) {
			cp = pos.Claims[j]
		}
		e.Claims = append(e.Claims, f.claim(cm, cp, t.label, j))
	}
	ld.origins[e] = origin{layout: f.layout, table: pos}
	ld.read = append(ld.read, e) // its links are checked even if it has errors
	if _, dup := ld.c.byID[e.ID]; !dup && e.ID != "" {
		ld.c.byID[e.ID] = e // links to it resolve even if it has errors
	}
	if ld.errors > errorsBefore {
		return
	}
	e.order = ld.order
	ld.order++
	ld.c.Events = append(ld.c.Events, e)
}

// links reads links = ["id", { to = "id", note = "why" }].
func (t table) links() []Link {
	v, ok := t.m["links"]
	if !ok {
		return nil
	}
	arr, ok := v.([]any)
	if !ok {
		t.errKey("links", "must be an array such as [\"other-id\", { to = \"id\", note = \"why\" }], not %s", typeName(v))
		return nil
	}
	out := make([]Link, 0, len(arr))
	for i, x := range arr {
		switch l := x.(type) {
		case string:
			out = append(out, Link{To: l})
		case map[string]any:
			to, ok := l["to"].(string)
			if !ok {
				if _, has := l["to"]; has {
					t.errKey("links", "item %d: to must be a string, not %s", i+1, typeName(l["to"]))
				} else {
					t.errKey("links", "item %d: missing to: write { to = \"other-id\", note = \"why\" }", i+1)
				}
				continue
			}
			note := ""
			if n, has := l["note"]; has {
				if note, ok = n.(string); !ok {
					t.errKey("links", "item %d: note must be a string, not %s", i+1, typeName(n))
				}
			}
			for k := range l {
				if !contains(linkKeys, k) {
					t.f.ld.warnf(t.at(t.pos.Keys["links"].Line, 0), "%s: links item %d: unknown key %q is ignored (a link has to and note)", t.label, i+1, k)
				}
			}
			out = append(out, Link{To: to, Note: note})
		default:
			t.errKey("links", "item %d must be an event id or { to = \"id\", note = \"why\" }, not %s", i+1, typeName(x))
		}
	}
	return out
}

func (f *fileCheck) source(m map[string]any, pos tablePos, owner string, i int) Source {
	t := table{f: f, m: m, pos: pos, label: fmt.Sprintf("%s: source #%d", owner, i+1)}
	t.unknown(sourceKeys)
	s := Source{
		Title:     t.line("title", true),
		Publisher: t.line("publisher", false),
		URL:       t.line("url", false),
		Published: t.date("published", false),
		Quote:     t.str("quote", false),
	}
	if s.URL != "" {
		if msg := checkURL(s.URL); msg != "" {
			t.errKey("url", "%s", msg)
		}
	}
	return s
}

// checkURL says what is wrong with a source URL, or "".
func checkURL(s string) string {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return fmt.Sprintf("%q is not a web address: it must start with https:// or http://", s)
	}
	if u.Host == "" {
		return fmt.Sprintf("%q has no host name", s)
	}
	return ""
}

func (f *fileCheck) claim(m map[string]any, pos tablePos, owner string, i int) Claim {
	t := table{f: f, m: m, pos: pos, label: fmt.Sprintf("%s: claim #%d", owner, i+1)}
	t.unknown(claimKeys)
	c := Claim{Text: t.str("text", true), Note: t.str("note", false)}
	status := t.line("status", true)
	c.Status = ClaimStatus(status)
	if status != "" && !contains(ClaimStatuses, c.Status) {
		t.errKey("status", "unknown status %q: use verified, unverified, disputed or false", status)
	}
	return c
}

func contains[T comparable](list []T, v T) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// closest returns the known key nearest to k, if it is near enough to be a
// typo.
func closest(k string, known []string) string {
	best, bestD := "", 3
	for _, cand := range known {
		if d := levenshtein(strings.ToLower(k), cand, bestD); d < bestD {
			best, bestD = cand, d
		}
	}
	return best
}

// slug turns text into an id: "Printz v. U.S." becomes "printz-v-u-s".
func slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(Fold(s)) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	if b.Len() == 0 {
		return "event-1"
	}
	return b.String()
}
