package timeline

import (
	"cmp"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"unicode"
	"unsafe"
)

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

// validID reports whether id is lowercase letters and digits with single
// '-' between them (^[a-z0-9]+(-[a-z0-9]+)*$).
func validID(id string) bool {
	if id == "" || id[0] == '-' || id[len(id)-1] == '-' {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if c == '-' {
			if id[i-1] == '-' {
				return false
			}
			continue
		}
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

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
		pos := tablePos{Line: k.Line}
		if len(eraPos) == len(eras) {
			pos = eraPos[i]
		}
		f.era(ld, m, pos, i)
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

func (f *fileCheck) event(m map[string]any, pos eventPos, i int) {
	t := table{f: f, m: m, pos: pos.tablePos, label: label{kind: "event", n: i + 1}}
	errorsBefore := f.errors
	e := f.alloc.event()
	e.Pos = t.at(pos.Line, 0)
	ce := checkedEvent{e: e, pos: pos}
	e.ID = t.line("id", true)
	if e.ID == "" || f.errors > errorsBefore {
		f.numbered = true
	}
	if e.ID != "" {
		t.label.id = e.ID
		if !validID(e.ID) {
			t.errKey("id", "%q is not a valid id: use lowercase letters, digits and single '-' between them, such as %q", e.ID, slug(e.ID))
		} else {
			ce.dupable, ce.idDiag = true, len(f.diags)
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
	e.Media = f.media(t)
	if sources := t.tables("source", "event.source"); len(sources) > 0 {
		e.Sources = f.alloc.sources(len(sources))
		for j, sm := range sources {
			sp := tablePos{Line: pos.Line}
			if len(pos.Sources) == len(sources) {
				sp = pos.Sources[j]
			}
			e.Sources = append(e.Sources, f.source(sm, sp, t.label, j))
		}
	}
	if claims := t.tables("claim", "event.claim"); len(claims) > 0 {
		e.Claims = f.alloc.claims(len(claims))
		for j, cm := range claims {
			cp := tablePos{Line: pos.Line}
			if len(pos.Claims) == len(claims) {
				cp = pos.Claims[j]
			}
			e.Claims = append(e.Claims, f.claim(cm, cp, t.label, j, len(e.Sources)))
		}
	}
	ce.errors = f.errors - errorsBefore
	f.events = append(f.events, ce)
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
	out := t.f.alloc.links(len(arr))
	var items itemFinder
	for i, x := range arr {
		switch l := x.(type) {
		case string:
			out = append(out, Link{To: l})
		case map[string]any:
			to, ok := l["to"].(string)
			if !ok {
				if _, has := l["to"]; has {
					t.errItem(&items, "links", i, "item %d: to must be a string, not %s", i+1, typeName(l["to"]))
				} else {
					t.errItem(&items, "links", i, "item %d: missing to: write { to = \"other-id\", note = \"why\" }", i+1)
				}
				continue
			}
			note := ""
			if n, has := l["note"]; has {
				if note, ok = n.(string); !ok {
					t.errItem(&items, "links", i, "item %d: note must be a string, not %s", i+1, typeName(n))
				}
			}
			var unknown []string
			for k := range l {
				if !slices.Contains(linkKeys, k) {
					unknown = append(unknown, k)
				}
			}
			slices.Sort(unknown) // (not in map order)
			for _, k := range unknown {
				line, col := t.item(&items, "links", i)
				t.f.warnf(t.at(line, col), "%s: links item %d: unknown key %q is ignored (a link has to and note)", t.label, i+1, k)
			}
			out = append(out, Link{To: to, Note: note})
		default:
			t.errItem(&items, "links", i, "item %d must be an event id or { to = \"id\", note = \"why\" }, not %s", i+1, typeName(x))
		}
	}
	t.selfLinks(arr)
	return out
}

// selfLinks warns about links from the event to itself: harmless, but
// never meant.
func (t table) selfLinks(items []any) {
	var lf linkFinder
	for i, x := range items {
		to, ok := x.(string)
		if m, table := x.(map[string]any); table {
			to, ok = m["to"].(string)
		}
		if !ok || to == "" || to != t.label.id {
			continue
		}
		line, col := lf.find(t.f.layout, t.pos, to)
		t.f.warnf(t.at(line, col), "%s: links item %d: the event links to itself", t.label, i+1)
	}
}

func (f *fileCheck) source(m map[string]any, pos tablePos, owner label, i int) Source {
	owner.sub, owner.subN = "source", i+1
	t := table{f: f, m: m, pos: pos, label: owner}
	t.unknown(sourceKeys)
	s := Source{
		Title:     t.line("title", true),
		Publisher: t.line("publisher", false),
		URL:       t.line("url", false),
		Published: t.date("published", false),
		Quote:     t.str("quote", false),
		Archived:  t.line("archived", false),
	}
	if s.URL != "" {
		if msg := checkURL(s.URL); msg != "" {
			t.errKey("url", "%s", msg)
		}
		s.URLPos = t.at(t.pos.value("url"))
	}
	if s.Archived != "" {
		if msg := checkURL(s.Archived); msg != "" {
			t.errKey("archived", "%s", msg)
		}
	}
	return s
}

// URLProblem says what is wrong with the URL of a source, as check
// reports it, or "" when check takes it: an http or https address with a
// host, and no space, control or invisible formatting character in it.
// (Importers use it to keep only the addresses check takes.)
func URLProblem(s string) string { return checkURL(s) }

// checkURL says what is wrong with a source URL, or "".
func checkURL(s string) string {
	if plainWebURL(s) {
		return ""
	}
	// url.Parse takes a space or a control in a path, and a bidi
	// control anywhere: a reader's browser would not, or would show
	// something else than the file says
	for _, r := range s {
		if r == ' ' {
			return fmt.Sprintf("%q has a space in it: remove it, or encode it as %%20", s)
		}
		what := ""
		switch {
		case r == '\t':
			what = "a tab"
		case unicode.IsControl(r):
			what = "a control character"
		case unicode.IsSpace(r):
			what = "a space character"
		case unicode.Is(unicode.Cf, r):
			what = "an invisible formatting character"
		}
		if what != "" {
			return fmt.Sprintf("%q has %s (U+%04X) in it: remove it, or encode it as %s", s, what, r, percentEncode(r))
		}
	}
	lower := strings.ToLower(s)
	web := strings.HasPrefix(lower, "https://") || strings.HasPrefix(lower, "http://")
	u, err := url.Parse(s)
	if err != nil && web {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return fmt.Sprintf("%q is not a valid web address: %v", s, err)
	}
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return fmt.Sprintf("%q is not a web address: it must start with https:// or http://", s)
	}
	if u.Host == "" {
		return fmt.Sprintf("%q has no host name", s)
	}
	return ""
}

// percentEncode writes r as a URL writes it, its UTF-8 bytes as %XX.
func percentEncode(r rune) string {
	var b strings.Builder
	for _, c := range []byte(string(r)) {
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}

func (f *fileCheck) claim(m map[string]any, pos tablePos, owner label, i, nSources int) Claim {
	owner.sub, owner.subN = "claim", i+1
	t := table{f: f, m: m, pos: pos, label: owner}
	t.unknown(claimKeys)
	c := Claim{Text: t.str("text", true), Note: t.str("note", false)}
	status := t.line("status", true)
	c.Status = ClaimStatus(status)
	for _, known := range ClaimStatuses {
		if c.Status == known {
			c.Status = known // the constant's text, not the file's
		}
	}
	if status != "" && !slices.Contains(ClaimStatuses, c.Status) {
		t.errKey("status", "unknown status %q: use verified, unverified, disputed or false", status)
	}
	c.Sources = t.evidence(nSources)
	return c
}

// plainWebURL reports whether s is an http(s) URL of the common kind that
// url.Parse takes without complaint and finds a host in: a scheme, a host
// name, then a path, query and fragment of characters that need no
// escaping. Anything else is left to url.Parse.
func plainWebURL(s string) bool {
	rest, ok := strings.CutPrefix(s, "https://")
	if !ok {
		if rest, ok = strings.CutPrefix(s, "http://"); !ok {
			return false
		}
	}
	host := 0
	for host < len(rest) && (rest[host] >= 'a' && rest[host] <= 'z' || rest[host] >= '0' && rest[host] <= '9' || rest[host] == '.' || rest[host] == '-') {
		host++
	}
	if host == 0 || (host < len(rest) && rest[host] != '/') {
		return false
	}
	for i := host; i < len(rest); i++ {
		c := rest[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-._~/?#=&+", c) >= 0) {
			return false
		}
	}
	return true
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

// allocator hands out a file's events and their small slices from larger
// blocks: a few allocations per thousand events instead of several each.
type allocator struct {
	events []Event
	strs   []string
	lnks   []Link
	srcs   []Source
	clms   []Claim
}

// allocBlock is how many items a block holds when more are needed than
// size foresaw.
const allocBlock = 1024

// size makes the blocks as big as the events' tables need: nothing
// allocated is left unused.
func (a *allocator) size(events []map[string]any) {
	var strs, links, sources, claims int
	n := func(v any) int {
		switch x := v.(type) {
		case []any:
			return len(x)
		case []map[string]any:
			return len(x)
		}
		return 0
	}
	for _, m := range events {
		strs += n(m["tags"]) + n(m["people"]) + n(m["places"])
		links += n(m["links"])
		sources += n(m["source"])
		claims += n(m["claim"])
	}
	a.events = make([]Event, len(events))
	a.strs = make([]string, strs)
	a.lnks = make([]Link, links)
	a.srcs = make([]Source, sources)
	a.clms = make([]Claim, claims)
}

func (a *allocator) event() *Event {
	if len(a.events) == 0 {
		a.events = make([]Event, allocBlock)
	}
	e := &a.events[0]
	a.events = a.events[1:]
	return e
}

// take returns an empty slice with room for n items from the block, which
// it renews when too small.
func take[T any](block *[]T, n int) []T {
	if n == 0 {
		return make([]T, 0)
	}
	if n > len(*block) {
		*block = make([]T, max(n, allocBlock))
	}
	s := (*block)[:0:n]
	*block = (*block)[n:]
	return s
}

func (a *allocator) strings(n int) []string { return take(&a.strs, n) }
func (a *allocator) links(n int) []Link     { return take(&a.lnks, n) }
func (a *allocator) sources(n int) []Source { return take(&a.srcs, n) }
func (a *allocator) claims(n int) []Claim   { return take(&a.clms, n) }

// copyText copies the text of the checked events into one block of
// memory. Their strings were parts of the file's text, or copies the
// decoder made; after this the file's text is garbage once the load ends,
// and the chronology costs what its text weighs.
func (f *fileCheck) copyText() {
	size := 0
	f.eachString(func(s *string) { size += len(*s) })
	buf := make([]byte, 0, size)
	f.eachString(func(s *string) {
		if *s == "" {
			return
		}
		start := len(buf)
		buf = append(buf, *s...) // never grows: it was sized to fit
		*s = unsafe.String(&buf[start], len(*s))
	})
}

// eachString calls fn with every string of the checked events.
func (f *fileCheck) eachString(fn func(*string)) {
	each := func(list []string) {
		for i := range list {
			fn(&list[i])
		}
	}
	for _, ce := range f.events {
		e := ce.e
		fn(&e.ID)
		fn(&e.DisplayDate)
		fn(&e.Title)
		fn(&e.Summary)
		each(e.Tags)
		each(e.People)
		each(e.Places)
		for i := range e.Links {
			fn(&e.Links[i].To)
			fn(&e.Links[i].Note)
		}
		fn(&e.Body)
		for i := range e.Sources {
			s := &e.Sources[i]
			fn(&s.Title)
			fn(&s.Publisher)
			fn(&s.URL)
			fn(&s.Quote)
			fn(&s.Archived)
		}
		for i := range e.Claims {
			c := &e.Claims[i]
			fn(&c.Text) // (the status is one of the constants, or an error)
			fn(&c.Note)
		}
		if m := e.Media; m != nil {
			fn(&m.URL)
			fn(&m.Caption)
			fn(&m.Credit)
			fn(&m.Thumbnail)
			fn(&m.Alt)
		}
	}
}
