package timeline

// The reference loader: load.go, check.go and positions.go as they were
// before the loader was made parallel (commit 7d02936), kept word for word
// with every top-level name prefixed "ref" (comments keep the old names).
// It decodes each file whole, in one goroutine, and is what the
// equivalence tests (equivalence_test.go) hold the real loader to.
// What has changed since in what is checked and said is mirrored here;
// where the words or the finding need the shared machinery, it is called:
// syntaxDiagnostic (what a TOML error says of the format's headers and
// dates), checkURL, itemFinder (where an array's item is), comesBefore,
// missingLinks (the note for links while a file cannot be read).

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"golang.org/x/text/unicode/norm"
)

// Load reads files, and every *.toml file in each folder, into one
// chronology. It returns the chronology and every problem found; the
// chronology is nil when any problem is an error. Warnings (unknown keys)
// leave it loaded.
func refLoad(paths ...string) (*Chronology, Diagnostics) {
	return refLoadProgress(paths, nil)
}

// LoadProgress is Load that reports how many bytes of the input have been
// read and checked, out of the total, as it goes.
func refLoadProgress(paths []string, progress func(done, total int64)) (*Chronology, Diagnostics) {
	ld := refNewLoader()
	files := ld.expand(paths)
	var total, done int64
	for _, f := range files {
		total += f.size
	}
	for _, f := range files {
		data, err := readInput(f)
		if err != nil {
			ld.errorf(Position{File: f.path}, "%s", err.Message)
			ld.unreadable = append(ld.unreadable, f.path)
			continue
		}
		ld.file(f.path, data)
		done += f.size
		if progress != nil {
			progress(done, total)
		}
	}
	return ld.finish()
}

// Parse reads one file's contents, named name in diagnostics.
func refParse(name string, data []byte) (*Chronology, Diagnostics) {
	ld := refNewLoader()
	ld.files = append(ld.files, name)
	ld.file(name, data)
	return ld.finish()
}

// loader holds the state of one load across its files.
type refLoader struct {
	c     *Chronology
	diags Diagnostics
	files []string
	// where each event came from, for diagnostics found after all files
	// are read (links to missing ids)
	origins map[*Event]refOrigin
	// read is every event read, with or without errors, in file order
	read   []*Event
	order  int
	errors int // how many diagnostics are errors
	// firstDecoded is the first file that was valid TOML, where a missing
	// chronology title is reported.
	firstDecoded string
	firstEmpty   bool
	titled       bool // some file sets title, rightly or wrongly
	// files that could not be read or decoded (loader.unreadable)
	unreadable []string
}

type refOrigin struct {
	layout   *refFileLayout
	refTable refEventPos
}

func refNewLoader() *refLoader {
	return &refLoader{
		c:       &Chronology{byID: map[string]*Event{}},
		origins: map[*Event]refOrigin{},
	}
}

func (ld *refLoader) errorf(pos Position, format string, args ...any) {
	ld.errors++
	ld.diags = append(ld.diags, Diagnostic{Pos: pos, Severity: SeverityError, Message: fmt.Sprintf(format, args...)})
}

func (ld *refLoader) warnf(pos Position, format string, args ...any) {
	ld.diags = append(ld.diags, Diagnostic{Pos: pos, Severity: SeverityWarning, Message: fmt.Sprintf(format, args...)})
}

// expand turns the paths into the files to read. (Since the hardening of
// malformed and unusual files, which files are read and how is the
// loader's own (loader.expand, readInput), shared here: what the
// reference stands for is the decoding and checking of their text.)
func (ld *refLoader) expand(paths []string) []inputFile {
	shared := newLoader()
	out := shared.expand(paths)
	ld.diags = append(ld.diags, shared.diags...)
	ld.errors += shared.errors
	ld.files = append(ld.files, shared.files...)
	ld.unreadable = append(ld.unreadable, shared.unreadable...)
	return out
}

// file decodes and checks one file's contents.
func (ld *refLoader) file(name string, data []byte) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		line, col := refFirstInvalidUTF8(data)
		ld.errorf(Position{File: name, Line: line, Col: col}, "the file is not valid UTF-8 text: save it as UTF-8")
		ld.unreadable = append(ld.unreadable, name)
		return
	}

	src := strings.ReplaceAll(string(data), "\r\n", "\n")
	if line, col, deep := tooDeep(src); deep {
		ld.errorf(Position{File: name, Line: line, Col: col}, "%s", tooDeepMessage)
		ld.unreadable = append(ld.unreadable, name)
		return
	}
	var raw map[string]any
	if _, err := toml.Decode(src, &raw); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			// shared: where the decoder's offset points, and what to say
			// of it (what it says of the format's headers needs the
			// layout scanner)
			line, col, msg := syntaxDiagnostic(src, pe)
			ld.errorf(Position{File: name, Line: line, Col: col}, "%s", msg)
		} else {
			ld.errorf(Position{File: name}, "%v", err)
		}
		ld.unreadable = append(ld.unreadable, name)
		return
	}
	if ld.firstDecoded == "" {
		ld.firstDecoded = name
		ld.firstEmpty = strings.TrimSpace(src) == ""
	}
	layout := refScanLayout(src)
	f := &refFileCheck{ld: ld, name: name, layout: layout}
	f.top(raw)
}

func refFirstInvalidUTF8(data []byte) (line, col int) {
	line, col = 1, 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			return line, col
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		data = data[size:]
	}
	return line, col
}

// finish resolves links, sorts, and computes backlinks.
func (ld *refLoader) finish() (*Chronology, Diagnostics) {
	c := ld.c
	c.Files = ld.files
	// (a file that could not be read may have the title)
	if !ld.titled && ld.firstDecoded != "" && len(ld.unreadable) == 0 {
		if ld.firstEmpty {
			ld.errorf(Position{File: ld.firstDecoded, Line: 1}, `the file is empty: a chronology needs title = "..." and its events as [[event]] tables (backstory init writes an example)`)
		} else {
			ld.errorf(Position{File: ld.firstDecoded, Line: 1}, `missing title: add title = "..." at the top of the file`)
		}
	}
	// while a file could not be read, links to missing ids are one note
	// (missingLinks: its words are shared)
	var unchecked missingLinks
	for _, e := range ld.read {
		var lf refLinkFinder
		for i, l := range e.Links {
			if _, ok := c.byID[l.To]; ok {
				continue
			}
			o := ld.origins[e]
			var pos Position
			if o.layout != nil {
				line, col := lf.find(o.layout, o.refTable.refTablePos, l.To)
				pos = Position{File: e.Pos.File, Line: line, Col: col}
			} else {
				pos = e.Pos
			}
			if len(ld.unreadable) > 0 {
				unchecked.add(pos, e.ID, i, l.To)
				continue
			}
			ld.errorf(pos, "event %q: links item %d: no event has id %q%s", e.ID, i+1, l.To, refSuggestID(l.To, c.byID, e.ID))
		}
	}
	if unchecked.n > 0 {
		ld.warnf(unchecked.pos, "%s", unchecked.message(ld.unreadable))
	}
	order := map[string]int{}
	for i, f := range ld.files {
		if _, ok := order[f]; !ok {
			order[f] = i
		}
	}
	ld.diags.sortByPosition(order)
	if ld.diags.HasErrors() {
		return nil, ld.diags
	}
	sort.SliceStable(c.Events, func(i, j int) bool {
		a, b := c.Events[i], c.Events[j]
		if d := Compare(a.Date, b.Date); d != 0 {
			return d < 0
		}
		return a.order < b.order
	})
	for i, e := range c.Events {
		e.Index = i
	}
	for _, e := range c.Events {
		for _, l := range e.Links {
			t := c.byID[l.To]
			t.Backlinks = append(t.Backlinks, Backlink{From: e.ID, Note: l.Note})
		}
	}
	return c, ld.diags
}

// suggestID offers a close existing id for a mistyped one, never the
// linking event's own (self).
func refSuggestID(id string, ids map[string]*Event, self string) string {
	if len(ids) > 10000 {
		return ""
	}
	best, bestD := "", 3
	for other := range ids {
		if other == self {
			continue
		}

		if d := refLevenshtein(id, other, bestD+1); d < bestD || (d == bestD && other < best) {
			best, bestD = other, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf(" (did you mean %q?)", best)
}

// levenshtein is the Levenshtein distance of a and b, or max when it is
// at least max.
func refLevenshtein(a, b string, max int) int {
	if d := len(a) - len(b); d >= max || -d >= max {
		return max
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin >= max {
			return max
		}
		prev, cur = cur, prev
	}
	return min(prev[len(b)], max)
}

// dateKind names the TOML local types the decoder marks by location.
func refDateFromValue(key string, v any) (Date, string) {
	switch x := v.(type) {
	case time.Time:
		switch x.Location().String() {
		case "date-local":
			return dateFromTime(x, false), ""
		case "time-local":
			return Date{}, "a time of day without a date: write a date such as 2018-02-24"
		}
		return dateFromTime(x, true), ""
	case string:
		d, err := ParseDate(strings.TrimSpace(x))
		if err != nil {
			return Date{}, err.Error()
		}
		return d, ""
	case int64:
		if x < -9999 || x > 9999 {
			return Date{}, fmt.Sprintf("bad date %d: write a date as YYYY-MM-DD (%s = 2018-02-24), or a year as a string (%s = \"2018\")", x, key, key)
		}
		y := fmt.Sprintf("%04d", x)
		if x < 0 {
			y = fmt.Sprintf("-%04d", -x)
		}
		return Date{}, fmt.Sprintf("a year is written as a string: %s = %q", key, y)
	}
	return Date{}, fmt.Sprintf("a date must be a TOML date (2018-02-24) or a string (\"2018\", \"2018-02\"), not %s", refTypeName(v))
}

// typeName names a decoded TOML value's type for a person.
func refTypeName(v any) string {
	switch x := v.(type) {
	case string:
		return "a string"
	case int64:
		return "an integer"
	case float64:
		return "a number"
	case bool:
		return "a boolean"
	case time.Time:
		if x.Location().String() == "time-local" {
			return "a time"
		}
		return "a date"
	case []map[string]any:
		return "an array of tables"
	case []any:
		return "an array"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprintf("%T", v)
}

// fileCheck validates one decoded file and adds what it finds to the load.
type refFileCheck struct {
	ld     *refLoader
	name   string
	layout *refFileLayout
}

// The keys each table of the format knows, for unknown-key warnings.
var (
	refTopKeys    = []string{"title", "description", "era", "event"}
	refEraKeys    = []string{"title", "start", "end"}
	refEventKeys  = []string{"id", "date", "end", "display_date", "approximate", "title", "summary", "tags", "people", "places", "links", "body", "source", "claim"}
	refSourceKeys = []string{"title", "publisher", "url", "published", "quote"}
	refClaimKeys  = []string{"text", "status", "note"}
	refLinkKeys   = []string{"to", "note"}
)

var refIdPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// table is one TOML table being checked: its values, where it is, and what
// to call it in messages ("event \"printz-1997\"").
type refTable struct {
	f     *refFileCheck
	m     map[string]any
	pos   refTablePos
	label string
}

func (t refTable) at(line, col int) Position {
	return Position{File: t.f.name, Line: line, Col: col}
}

// errKey reports a problem with key's value, at the value.
func (t refTable) errKey(key, format string, args ...any) {
	line, col := t.pos.value(key)
	t.f.ld.errorf(t.at(line, col), "%s: %s: %s", t.label, key, fmt.Sprintf(format, args...))
}

// errItem reports a problem with item i (from 0) of key's array value,
// at the item (found by the shared itemFinder, from the value's start
// each time), else at the value.
func (t refTable) errItem(key string, i int, format string, args ...any) {
	line, col := t.item(key, i)
	t.f.ld.errorf(t.at(line, col), "%s: %s: %s", t.label, key, fmt.Sprintf(format, args...))
}

func (t refTable) item(key string, i int) (line, col int) {
	k, ok := t.pos.Keys[key]
	if !ok {
		return t.pos.value(key)
	}
	lines := t.f.layout.lines
	lineAt := func(n int) (string, bool) {
		if n < 1 || n > len(lines) {
			return "", false
		}
		return lines[n-1], true
	}
	var items itemFinder
	return items.find(lineAt, keyPos(k), i)
}

// errTable reports a problem with the whole table, at its header.
func (t refTable) errTable(format string, args ...any) {
	t.f.ld.errorf(t.at(t.pos.Line, 0), "%s: %s", t.label, fmt.Sprintf(format, args...))
}

// unknown warns about keys the format does not have.
func (t refTable) unknown(known []string) {
	var names []string
	for k := range t.m {
		if !refContains(known, k) {
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
		if s := refClosest(k, known); s != "" {
			hint = fmt.Sprintf(" (did you mean %q?)", s)
		}
		t.f.ld.warnf(t.at(line, 0), "%s: unknown key %q is ignored%s", t.label, k, hint)
	}
}

// str returns key's string value; a missing required key is reported.
func (t refTable) str(key string, required bool) string {
	v, ok := t.m[key]
	if !ok {
		if required {
			t.errTable("missing %s: add %s = \"...\"", key, key)
		}
		return ""
	}
	s, ok := v.(string)
	if !ok {
		t.errKey(key, "must be a string, not %s", refTypeName(v))
		return ""
	}
	if required && strings.TrimSpace(s) == "" {
		t.errKey(key, "is empty")
	}
	return s
}

// line returns key's string value, which must be a single line.
func (t refTable) line(key string, required bool) string {
	s := t.str(key, required)
	if strings.ContainsAny(s, "\r\n") {
		t.errKey(key, "must be one line")
	}
	return s
}

func (t refTable) boolean(key string) bool {
	v, ok := t.m[key]
	if !ok {
		return false
	}
	b, ok := v.(bool)
	if !ok {
		t.errKey(key, "must be true or false, not %s", refTypeName(v))
	}
	return b
}

func (t refTable) strings(key string) []string {
	v, ok := t.m[key]
	if !ok {
		return nil
	}
	arr, ok := v.([]any)
	if !ok {
		t.errKey(key, "must be an array of strings such as [\"a\", \"b\"], not %s", refTypeName(v))
		return nil
	}
	out := make([]string, 0, len(arr))
	for i, x := range arr {
		s, ok := x.(string)
		if !ok {
			t.errItem(key, i, "item %d must be a string, not %s", i+1, refTypeName(x))
			continue
		}
		if strings.TrimSpace(s) == "" {
			t.errItem(key, i, "item %d is empty: remove it", i+1)
			continue
		}
		out = append(out, s)
	}
	return out
}

func (t refTable) date(key string, required bool) Date {
	v, ok := t.m[key]
	if !ok {
		if required {
			t.errTable("missing %s: add %s = YYYY-MM-DD (or \"YYYY\", \"YYYY-MM\")", key, key)
		}
		return Date{}
	}
	d, msg := refDateFromValue(key, v)
	if msg != "" {
		t.errKey(key, "%s", msg)
	}
	return d
}

// tables returns key's array of tables; a single [table] is reported.
func (t refTable) tables(key, header string) []map[string]any {
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
				t.errKey(key, "must be tables written [[%s]], not %s", header, refTypeName(e))
				return nil
			}
			out = append(out, m)
		}
		return out
	}
	if k, ok := t.pos.Keys[key]; ok && k.Line <= len(t.f.layout.lines) {
		// [[event.source]] before any [[event]] (words shared)
		if msg := comesBefore(strings.TrimLeft(t.f.layout.lines[k.Line-1], " \t"), k.Line, key); msg != "" {
			t.f.ld.errorf(t.at(k.Line, k.Col), "%s", msg)
			return nil
		}
	}
	t.errKey(key, "must be tables written [[%s]], not %s", header, refTypeName(v))
	return nil
}

// top checks the top level of a file.
func (f *refFileCheck) top(raw map[string]any) {
	t := refTable{f: f, m: raw, pos: f.layout.Top, label: "chronology"}
	t.unknown(refTopKeys)
	c := f.ld.c
	title, has := raw["title"]
	if s, ok := title.(string); ok && strings.TrimSpace(s) == "" {
		t.errKey("title", "is empty: name the chronology")
	}
	f.ld.titled = f.ld.titled || has
	if title := t.line("title", false); c.Title == "" {
		c.Title = title
	}
	if d := t.str("description", false); c.Description == "" {
		c.Description = d
	}
	eras := t.tables("era", "era")
	for i, m := range eras {
		pos := refTablePos{Line: t.pos.Keys["era"].Line}
		if len(f.layout.Eras) == len(eras) {
			pos = f.layout.Eras[i]
		}
		f.era(m, pos, i)
	}
	events := t.tables("event", "event")
	for i, m := range events {
		var pos refEventPos
		if len(f.layout.Events) == len(events) {
			pos = f.layout.Events[i]
		} else {
			line, _ := t.pos.key("event")
			pos.Line = line
		}
		f.event(m, pos, i)
	}
}

func (f *refFileCheck) era(m map[string]any, pos refTablePos, i int) {
	t := refTable{f: f, m: m, pos: pos, label: fmt.Sprintf("era #%d", i+1)}
	if title, ok := m["title"].(string); ok && title != "" {
		t.label = fmt.Sprintf("era %q", title)
	}
	t.unknown(refEraKeys)
	e := Era{Title: t.line("title", true), Start: t.date("start", true), End: t.date("end", false), Pos: t.at(pos.Line, 0)}
	if !e.Start.IsZero() && !e.End.IsZero() && e.End.Last() < e.Start.First() {
		t.errKey("end", "%s is before the start, %s", e.End, e.Start)
	}
	f.ld.c.Eras = append(f.ld.c.Eras, e)
}

func (f *refFileCheck) event(m map[string]any, pos refEventPos, i int) {
	t := refTable{f: f, m: m, pos: pos.refTablePos, label: fmt.Sprintf("event #%d", i+1)}
	ld := f.ld
	errorsBefore := ld.errors
	e := &Event{Pos: t.at(pos.Line, 0)}
	e.ID = t.line("id", true)
	if e.ID != "" {
		t.label = fmt.Sprintf("event %q", e.ID)
		if !refIdPattern.MatchString(e.ID) {
			t.errKey("id", "%q is not a valid id: use lowercase letters, digits and single '-' between them, such as %q", e.ID, refSlug(e.ID))
		} else if prev, dup := ld.c.byID[e.ID]; dup {
			t.errKey("id", "duplicate id %q: already used by the event at %s:%d", e.ID, prev.Pos.File, prev.Pos.Line)
		}
	}
	t.unknown(refEventKeys)
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
	e.Links = t.links(e.ID)
	e.Body = t.str("body", false)
	sources := t.tables("source", "event.source")
	for j, sm := range sources {
		sp := refTablePos{Line: pos.Line}
		if len(pos.Sources) == len(sources) {
			sp = pos.Sources[j]
		}
		e.Sources = append(e.Sources, f.source(sm, sp, t.label, j))
	}
	claims := t.tables("claim", "event.claim")
	for j, cm := range claims {
		cp := refTablePos{Line: pos.Line}
		if len(pos.Claims) == len(claims) {
			cp = pos.Claims[j]
		}
		e.Claims = append(e.Claims, f.claim(cm, cp, t.label, j))
	}
	ld.origins[e] = refOrigin{layout: f.layout, refTable: pos}
	ld.read = append(ld.read, e)
	if _, dup := ld.c.byID[e.ID]; !dup && e.ID != "" {
		ld.c.byID[e.ID] = e
	}
	if ld.errors > errorsBefore {
		return
	}
	e.order = ld.order
	ld.order++
	ld.c.Events = append(ld.c.Events, e)
}

// links reads links = ["id", { to = "id", note = "why" }].
func (t refTable) links(id string) []Link {
	v, ok := t.m["links"]
	if !ok {
		return nil
	}
	arr, ok := v.([]any)
	if !ok {
		t.errKey("links", "must be an array such as [\"other-id\", { to = \"id\", note = \"why\" }], not %s", refTypeName(v))
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
					t.errItem("links", i, "item %d: to must be a string, not %s", i+1, refTypeName(l["to"]))
				} else {
					t.errItem("links", i, "item %d: missing to: write { to = \"other-id\", note = \"why\" }", i+1)
				}
				continue
			}
			note := ""
			if n, has := l["note"]; has {
				if note, ok = n.(string); !ok {
					t.errItem("links", i, "item %d: note must be a string, not %s", i+1, refTypeName(n))
				}
			}
			var unknown []string
			for k := range l {
				if !refContains(refLinkKeys, k) {
					unknown = append(unknown, k)
				}
			}
			sort.Strings(unknown)
			for _, k := range unknown {
				line, col := t.item("links", i)
				t.f.ld.warnf(t.at(line, col), "%s: links item %d: unknown key %q is ignored (a link has to and note)", t.label, i+1, k)
			}
			out = append(out, Link{To: to, Note: note})
		default:
			t.errItem("links", i, "item %d must be an event id or { to = \"id\", note = \"why\" }, not %s", i+1, refTypeName(x))
		}
	}
	var lf refLinkFinder
	for i, x := range arr {
		to, ok := x.(string)
		if m, table := x.(map[string]any); table {
			to, ok = m["to"].(string)
		}
		if ok && to != "" && to == id {
			line, col := lf.find(t.f.layout, t.pos, to)
			t.f.ld.warnf(t.at(line, col), "%s: links item %d: the event links to itself", t.label, i+1)
		}
	}
	return out
}

func (f *refFileCheck) source(m map[string]any, pos refTablePos, owner string, i int) Source {
	t := refTable{f: f, m: m, pos: pos, label: fmt.Sprintf("%s: source #%d", owner, i+1)}
	t.unknown(refSourceKeys)
	s := Source{
		Title:     t.line("title", true),
		Publisher: t.line("publisher", false),
		URL:       t.line("url", false),
		Published: t.date("published", false),
		Quote:     t.str("quote", false),
	}
	if s.URL != "" {
		if msg := refCheckURL(s.URL); msg != "" {
			t.errKey("url", "%s", msg)
		}
	}
	return s
}

// checkURL says what is wrong with a source URL, or "". (Since URLs with
// spaces, controls and invisible characters are refused, and a URL that
// does not parse says why, the rule and its words are check.go's own,
// shared here.)
func refCheckURL(s string) string { return checkURL(s) }

func (f *refFileCheck) claim(m map[string]any, pos refTablePos, owner string, i int) Claim {
	t := refTable{f: f, m: m, pos: pos, label: fmt.Sprintf("%s: claim #%d", owner, i+1)}
	t.unknown(refClaimKeys)
	c := Claim{Text: t.str("text", true), Note: t.str("note", false)}
	status := t.line("status", true)
	c.Status = ClaimStatus(status)
	if status != "" && !refContains(ClaimStatuses, c.Status) {
		t.errKey("status", "unknown status %q: use verified, unverified, disputed or false", status)
	}
	return c
}

func refContains[T comparable](list []T, v T) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

// closest returns the known key nearest to k, if it is near enough to be a
// typo.
func refClosest(k string, known []string) string {
	// a short key is a typo only one letter away ("meta" is not "era")
	best, bestD := "", 3
	if len(k) <= 4 {
		bestD = 2
	}
	for _, cand := range known {
		if d := refLevenshtein(strings.ToLower(k), cand, bestD); d < bestD {
			best, bestD = cand, d
		}
	}
	return best
}

// slug turns text into an id: "Printz v. U.S." becomes "printz-v-u-s".
func refSlug(s string) string {
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

// keyPos is where a key and its value start.
type refKeyPos struct {
	Line, Col, ValueCol int
	// End is the last line of the value (multi-line strings and arrays).
	End int
}

// tablePos is where a table starts and where its keys are.
type refTablePos struct {
	Line int // the header line; 0 for the top level
	Keys map[string]refKeyPos
}

// eventPos is an [[event]] table with its [[event.source]] and
// [[event.claim]] sub-tables.
type refEventPos struct {
	refTablePos
	Sources []refTablePos
	Claims  []refTablePos
}

// fileLayout is where things are in one file.
type refFileLayout struct {
	Top    refTablePos
	Eras   []refTablePos
	Events []refEventPos
	lines  []string
}

// key returns the position of key in t, falling back to the table header.
func (t refTablePos) key(name string) (line, col int) {
	if k, ok := t.Keys[name]; ok {
		return k.Line, k.Col
	}
	return t.Line, 0
}

// value returns the position of key's value in t, falling back to the header.
func (t refTablePos) value(name string) (line, col int) {
	if k, ok := t.Keys[name]; ok {
		return k.Line, k.ValueCol
	}
	return t.Line, 0
}

// refLinkFinder finds an event's links in its links value in order, each
// search after the link found before (as linkFinder does, simply).
type refLinkFinder struct{ line, off int }

func (lf *refLinkFinder) find(l *refFileLayout, t refTablePos, s string) (line, col int) {
	k, ok := t.Keys["links"]
	if !ok {
		return t.Line, 0
	}
	if lf.line == 0 {
		lf.line, lf.off = k.Line, max(k.ValueCol-1, 0)
	}
	for ln := lf.line; ln <= k.End && ln <= len(l.lines); ln++ {
		text := l.lines[ln-1]
		from := 0
		if ln == lf.line {
			from = min(lf.off, len(text))
		}
		best, bestQ := -1, ""
		for _, q := range []string{`"` + s + `"`, `'` + s + `'`} {
			if i := strings.Index(text[from:], q); i >= 0 && (best < 0 || i < best) {
				best, bestQ = i, q
			}
		}
		if best >= 0 {
			lf.line, lf.off = ln, from+best+len(bestQ)
			return ln, refRuneCol(text, from+best)
		}
	}
	return l.find(t, "links", s)
}

// find returns the position of the first occurrence of a quoted string
// "s" or 's' within key name's value, or the value's position.
func (l *refFileLayout) find(t refTablePos, name, s string) (line, col int) {
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
				return ln, refRuneCol(text, from+i)
			}
		}
	}
	return k.Line, k.ValueCol
}

// scanLayout finds the tables and keys of src.
func refScanLayout(src string) *refFileLayout {
	l := &refFileLayout{Top: refTablePos{Keys: map[string]refKeyPos{}}}
	l.lines = strings.Split(src, "\n")
	cur := &l.Top
	var multi string // open multi-line string delimiter, or ""
	depth := 0
	openKey := ""
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
				// header names are read by the shared primitives
				name := ""
				if double {
					name, _ = tableName(trimmed[2:], "]]")
				}
				if !double || !knownTable(name) || (strings.HasPrefix(name, "event.") && len(l.Events) == 0) {
					var keys []string
					if double {
						keys, _ = headerKeys(trimmed[2:], "]]")
					} else {
						keys, _ = headerKeys(trimmed[1:], "]")
					}
					if len(keys) > 0 {
						parent, key := &l.Top, keys[0]
						if keys[0] == "event" && len(keys) > 1 && len(l.Events) > 0 {
							parent, key = &l.Events[len(l.Events)-1].refTablePos, keys[1]
						}
						if _, seen := parent.Keys[key]; !seen {
							col := refRuneCol(line, indent)
							parent.Keys[key] = refKeyPos{Line: ln, Col: col, ValueCol: col, End: ln}
						}
					}
				}
				cur = l.openTable(name, ln)
				continue
			}
			if trimmed == "" || strings.HasPrefix(trimmed, "#") {
				continue
			}
			name, n, _ := keyName(trimmed) // shared, as header names
			if eq := strings.IndexByte(trimmed[n:], '='); n > 0 && eq >= 0 {
				vstart := indent + n + eq + 1
				for vstart < len(line) && (line[vstart] == ' ' || line[vstart] == '\t') {
					vstart++
				}
				if _, dup := cur.Keys[name]; !dup {
					cur.Keys[name] = refKeyPos{Line: ln, Col: refRuneCol(line, indent), ValueCol: refRuneCol(line, vstart), End: ln}
					openKey = name
				}
				pos = vstart
			}
		}
		multi, depth = refScanValue(line, pos, multi, depth)
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
func (l *refFileLayout) openTable(name string, ln int) *refTablePos {
	t := refTablePos{Line: ln, Keys: map[string]refKeyPos{}}
	switch name {
	case "event":
		l.Events = append(l.Events, refEventPos{refTablePos: t})
		return &l.Events[len(l.Events)-1].refTablePos
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
func refScanValue(line string, pos int, multi string, depth int) (string, int) {
	i := pos
	for i < len(line) {
		if multi != "" {
			if multi == `"""` && line[i] == '\\' {
				i += 2
				continue
			}
			if strings.HasPrefix(line[i:], multi) {
				i += 3

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

// runeCol turns a byte offset in line into a 1-based column counted in
// characters, as editors count them.
func refRuneCol(line string, byteOff int) int {
	if byteOff > len(line) {
		byteOff = len(line)
	}
	return len([]rune(line[:byteOff])) + 1
}

// refFolderAdd is folder.add as it was (fold.go, commit 7d02936): a byte at a time.
func refFolderAdd(f *folder, s string, collapse bool) {
	dst := f.buf
	space := false
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if collapse && (c <= ' ' || c == 0x7f) {
				if !space {
					dst = append(dst, ' ')
					space = true
				}
				continue
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			space = false
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.Is(unicode.Mn, r) {
			i += size
			continue
		}
		if collapse && (unicode.IsSpace(r) || unicode.IsControl(r)) {
			i += size
			if !space {
				dst = append(dst, ' ')
				space = true
			}
			continue
		}
		space = false
		d := norm.NFD.PropertiesString(s[i : i+size]).Decomposition()
		i += size
		if d == nil {
			dst = appendFoldedRune(dst, r)
			continue
		}
		for len(d) > 0 {
			r, size := utf8.DecodeRune(d)
			d = d[size:]
			if !unicode.Is(unicode.Mn, r) {
				dst = appendFoldedRune(dst, r)
			}
		}
	}
	f.buf = dst
}
