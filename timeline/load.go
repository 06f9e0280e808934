package timeline

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// Load reads files, and every *.toml file in each folder, into one
// chronology. It returns the chronology and every problem found; the
// chronology is nil when any problem is an error. Warnings (unknown keys)
// leave it loaded.
func Load(paths ...string) (*Chronology, Diagnostics) {
	return LoadProgress(paths, nil)
}

// LoadProgress is Load that reports how many bytes of the input have been
// read and checked, out of the total, as it goes.
func LoadProgress(paths []string, progress func(done, total int64)) (*Chronology, Diagnostics) {
	ld := newLoader()
	files := ld.expand(paths)
	var total, done int64
	for _, f := range files {
		total += f.size
	}
	for _, f := range files {
		data, err := os.ReadFile(f.path)
		if err != nil {
			ld.errorf(Position{File: f.path}, "cannot read the file: %v", unwrapPathError(err))
			continue
		}
		if progress != nil {
			// a big file reports as its parts are read
			before := done
			ld.progress = func(part int64) { progress(before+min(part, f.size), total) }
		}
		ld.file(f.path, data)
		done += f.size
		if progress != nil {
			progress(done, total)
		}
	}
	ld.progress = nil
	return ld.finish()
}

// Parse reads one file's contents, named name in diagnostics.
func Parse(name string, data []byte) (*Chronology, Diagnostics) {
	ld := newLoader()
	ld.files = append(ld.files, name)
	ld.file(name, data)
	return ld.finish()
}

// Files returns the files Load would read for paths: files as given, and
// the *.toml files of each folder in name order.
func Files(paths ...string) ([]string, Diagnostics) {
	ld := newLoader()
	var out []string
	for _, f := range ld.expand(paths) {
		out = append(out, f.path)
	}
	return out, ld.diags
}

type inputFile struct {
	path string
	size int64
}

// loader holds the state of one load across its files.
type loader struct {
	c     *Chronology
	diags Diagnostics
	files []string
	// read is every event read, with or without errors, in file order,
	// and origins where each came from, for diagnostics found after all
	// files are read (links to missing ids)
	read    []*Event
	origins []origin
	order   int
	errors  int // how many diagnostics are errors
	// firstDecoded is the first file that was valid TOML, where a missing
	// chronology title is reported.
	firstDecoded string
	titled       bool // some file sets title, rightly or wrongly
	// progress, when set, is told how many bytes of the file being read
	// are done
	progress func(done int64)
}

type origin struct {
	layout *fileLayout
	table  eventPos
}

func newLoader() *loader {
	return &loader{c: &Chronology{byID: map[string]*Event{}}}
}

func (ld *loader) errorf(pos Position, format string, args ...any) {
	ld.errors++
	ld.diags = append(ld.diags, Diagnostic{Pos: pos, Severity: SeverityError, Message: fmt.Sprintf(format, args...)})
}

// expand turns the paths into the files to read.
func (ld *loader) expand(paths []string) []inputFile {
	var out []inputFile
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				ld.errorf(Position{File: p}, "no such file or folder")
			} else {
				ld.errorf(Position{File: p}, "cannot read: %v", unwrapPathError(err))
			}
			continue
		}
		if !info.IsDir() {
			out = append(out, inputFile{p, info.Size()})
			ld.files = append(ld.files, p)
			continue
		}
		entries, err := os.ReadDir(p)
		if err != nil {
			ld.errorf(Position{File: p}, "cannot read the folder: %v", unwrapPathError(err))
			continue
		}
		n := 0
		for _, e := range entries {
			if e.IsDir() || !strings.HasSuffix(e.Name(), ".toml") {
				continue
			}
			fp := filepath.Join(p, e.Name())
			st, err := os.Stat(fp)
			if err != nil {
				ld.errorf(Position{File: fp}, "cannot read: %v", unwrapPathError(err))
				continue
			}
			if st.IsDir() {
				continue
			}
			out = append(out, inputFile{fp, st.Size()})
			ld.files = append(ld.files, fp)
			n++
		}
		if n == 0 {
			ld.errorf(Position{File: p}, "the folder has no .toml files")
		}
	}
	return out
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// file decodes and checks one file's contents: a big file in parts read
// in parallel (fileInParts), else, or when the parts cannot be read alone
// with exactly the same result, as a whole (fileWhole).
func (ld *loader) file(name string, data []byte) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	src := ""
	if len(data) >= parallelMinBytes {
		src = crlfToLF(data)
		if ld.fileInParts(name, src) {
			return
		}
	}
	ld.fileWhole(name, data, src)
}

// crlfToLF returns the text with CRLF line ends made LF: TOML reads CRLF
// as a newline but keeps it inside multi-line strings; the chronology's
// text uses plain newlines.
func crlfToLF(data []byte) string {
	return strings.ReplaceAll(string(data), "\r\n", "\n")
}

// fileWhole decodes and checks a file in one piece. src is the file's
// text from crlfToLF, or "" when not made yet.
func (ld *loader) fileWhole(name string, data []byte, src string) {
	if !utf8.Valid(data) {
		line, col := firstInvalidUTF8(data)
		ld.errorf(Position{File: name, Line: line, Col: col}, "the file is not valid UTF-8 text: save it as UTF-8")
		return
	}
	if src == "" {
		src = crlfToLF(data)
	}
	var raw map[string]any
	if _, err := toml.Decode(src, &raw); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			ld.errorf(Position{File: name, Line: pe.Position.Line, Col: syntaxColumn(src, pe)}, "%s", syntaxMessage(pe))
		} else {
			ld.errorf(Position{File: name}, "%v", err)
		}
		return
	}
	if ld.firstDecoded == "" {
		ld.firstDecoded = name
	}
	s := newLayoutScanner(1)
	s.scan(src, true)
	f := &fileCheck{name: name, layout: s.l}
	f.top(ld, raw)
	ld.commit(f)
}

// commit takes in what a check found: its diagnostics, in order, and its
// events, deciding now whether each id is already taken.
func (ld *loader) commit(f *fileCheck) {
	next := 0 // f.diags before next are taken in
	for i := range f.events {
		ce := &f.events[i]
		e := ce.e
		if ce.dupable {
			if prev, dup := ld.c.byID[e.ID]; dup {
				ld.diags = append(ld.diags, f.diags[next:ce.idDiag]...)
				next = ce.idDiag
				line, col := ce.pos.value("id")
				ld.errorf(Position{File: f.name, Line: line, Col: col}, "%s: id: duplicate id %q: already used by the event at %s:%d",
					label{kind: "event", id: e.ID}, e.ID, prev.Pos.File, prev.Pos.Line)
				ce.errors++
			}
		}
		ld.read = append(ld.read, e) // its links are checked even if it has errors
		ld.origins = append(ld.origins, origin{layout: f.layout, table: ce.pos})
		if _, dup := ld.c.byID[e.ID]; !dup && e.ID != "" {
			ld.c.byID[e.ID] = e // links to it resolve even if it has errors
		}
		if ce.errors > 0 {
			continue
		}
		e.order = ld.order
		ld.order++
		ld.c.Events = append(ld.c.Events, e)
	}
	ld.diags = append(ld.diags, f.diags[next:]...)
	ld.errors += f.errors
}

func firstInvalidUTF8(data []byte) (line, col int) {
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

var duplicateKey = regexp.MustCompile(`^Key '(.*)' has already been defined\.?$`)

// syntaxColumn returns the column of a syntax error. The decoder's column
// for a key defined twice is past the end of the line; the key's start is
// what to point at.
func syntaxColumn(src string, pe toml.ParseError) int {
	if !strings.Contains(pe.Message, "has already been defined") {
		return pe.Position.Col
	}
	lines := strings.SplitN(src, "\n", pe.Position.Line+1)
	if pe.Position.Line < 1 || pe.Position.Line > len(lines) {
		return 0
	}
	line := lines[pe.Position.Line-1]
	return runeCol(line, len(line)-len(strings.TrimLeft(line, " \t")))
}

// syntaxMessage words a TOML syntax error for the person who made it.
func syntaxMessage(pe toml.ParseError) string {
	msg := pe.Message
	if msg == "" {
		msg = pe.Error()
	}
	if m := duplicateKey.FindStringSubmatch(msg); m != nil {
		return fmt.Sprintf("%s is set twice: remove or rename one of them", m[1])
	}
	if strings.HasPrefix(msg, "invalid datetime: ") {
		return fmt.Sprintf("bad date %s: not a calendar date; write YYYY-MM-DD (or \"YYYY\", \"YYYY-MM\" for less precision)", strings.TrimPrefix(msg, "invalid datetime: "))
	}
	return "TOML syntax: " + msg
}

// finish resolves links, sorts, and computes backlinks.
func (ld *loader) finish() (*Chronology, Diagnostics) {
	c := ld.c
	c.Files = ld.files
	if !ld.titled && ld.firstDecoded != "" {
		ld.errorf(Position{File: ld.firstDecoded, Line: 1}, `missing title: add title = "..." at the top of the file`)
	}
	for k, e := range ld.read {
		for i, l := range e.Links {
			if _, ok := c.byID[l.To]; ok {
				continue
			}
			o := ld.origins[k]
			var pos Position
			if o.layout != nil {
				line, col := o.layout.find(o.table.tablePos, "links", l.To)
				pos = Position{File: e.Pos.File, Line: line, Col: col}
			} else {
				pos = e.Pos
			}
			ld.errorf(pos, "event %q: links item %d: no event has id %q%s", e.ID, i+1, l.To, suggestID(l.To, c.byID))
		}
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
	// read order breaks ties, so any sort gives the one order
	slices.SortFunc(c.Events, func(a, b *Event) int {
		if d := Compare(a.Date, b.Date); d != 0 {
			return d
		}
		return cmp.Compare(a.order, b.order)
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
	c.search.linked = true // its links and backlinks agree
	return c, ld.diags
}

// suggestID offers a close existing id for a mistyped one.
func suggestID(id string, ids map[string]*Event) string {
	if len(ids) > 10000 {
		return ""
	}
	best, bestD := "", 3
	for other := range ids {
		// the cap one above the best keeps ties exact, so the choice does
		// not depend on map order
		if d := levenshtein(id, other, bestD+1); d < bestD || (d == bestD && other < best) {
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
func levenshtein(a, b string, max int) int {
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
func dateFromValue(v any) (Date, string) {
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
			return Date{}, fmt.Sprintf("bad date %d: a year has at most four digits", x)
		}
		return Date{Year: int(x), Precision: PrecisionYear}, ""
	}
	return Date{}, fmt.Sprintf("a date must be a TOML date (2018-02-24) or a string (\"2018\", \"2018-02\"), not %s", typeName(v))
}

// typeName names a decoded TOML value's type for a person.
func typeName(v any) string {
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
