package timeline

import (
	"bytes"
	"errors"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// A load goes through stages, each in files named for it:
//
//	read     read.go             which files the paths mean, their bytes
//	scan     scan.go, scan_layout.go, scan_names.go, scan_text.go,
//	         scan_lex.go
//	                             the one reader of TOML text: tables, keys
//	                             and where they are, the items of arrays,
//	                             the cuts between [[event]] tables, all on
//	                             one lexer of strings, comments and nesting
//	decode   decode.go           TOML syntax errors said for people
//	check    check.go, check_table.go, check_values.go, check_event.go,
//	         check_source.go, check_claim.go, check_media.go,
//	         check_alloc.go
//	                             every table and value against the format:
//	                             a file's top level, then a file for each
//	                             kind of table, the readers of values, and
//	                             the memory the events are kept in
//	link     link.go             links resolved, events sorted, backlinks
//
// This file and load_parts.go run them in turn, a big file in parallel
// parts. suggest.go (one policy for "did you mean", for keys, ids, query
// fields and commands) and diagnostic.go serve them all. The calls go one
// way: a stage uses the stages before it, never one after it, and none
// calls back here (TestStagesCallOneWay).

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
		data, err := readInput(f)
		if err != nil {
			ld.errorf(Position{File: f.path}, "%s", err.Message)
			ld.unread(f.path)
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

// Parse reads one file's contents, named name in diagnostics. data must
// not change until Parse returns; what it returns keeps none of it.
func Parse(name string, data []byte) (*Chronology, Diagnostics) {
	ld := newLoader()
	ld.files = append(ld.files, name)
	ld.file(name, data)
	return ld.finish()
}

// Files returns the files Load would read for paths: files as given, and
// the *.toml files of each folder in name order, each file once (see
// expand).
func Files(paths ...string) ([]string, Diagnostics) {
	ld := newLoader()
	var out []string
	for _, f := range ld.expand(paths) {
		out = append(out, f.path)
	}
	return out, ld.diags
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
	// chronology title is reported; firstEmpty says it is empty.
	firstDecoded string
	firstEmpty   bool
	titled       bool // some file sets title, rightly or wrongly
	// unreadable are the files given, or found in a folder given, that
	// could not be read or decoded at all: what they hold is not known,
	// so an id not found may be there, and so may the title
	unreadable []string
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

// file decodes and checks one file's contents: a big file in parts read
// in parallel (fileInParts), else, or when the parts cannot be read alone
// with exactly the same result, as a whole (fileWhole).
func (ld *loader) file(name string, data []byte) {
	from := len(ld.diags)
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	src := crlfToLF(data)
	if len(data) < parallelMinBytes || !ld.fileInParts(name, src) {
		ld.fileWhole(name, data, src)
	}
	annotate(ld.diags[from:], src)
}

// fileWhole decodes and checks a file in one piece. src is the file's
// text from crlfToLF.
func (ld *loader) fileWhole(name string, data []byte, src string) {
	if !utf8.Valid(data) {
		line, col := firstInvalidUTF8(data)
		ld.errorf(Position{File: name, Line: line, Col: col}, "the file is not valid UTF-8 text: save it as UTF-8")
		ld.unread(name)
		return
	}
	if line, col, deep := tooDeep(src); deep {
		ld.errorf(Position{File: name, Line: line, Col: col}, "%s", tooDeepMessage)
		ld.unread(name)
		return
	}
	var raw map[string]any
	if _, err := toml.Decode(src, &raw); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			line, col, length, msg := syntaxDiagnostic(src, pe)
			ld.errorf(Position{File: name, Line: line, Col: col}, "%s", msg)
			ld.diags[len(ld.diags)-1].Len = length
		} else {
			ld.errorf(Position{File: name}, "%v", err)
		}
		ld.unread(name)
		return
	}
	if ld.firstDecoded == "" {
		ld.firstDecoded = name
		ld.firstEmpty = strings.TrimSpace(src) == ""
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
