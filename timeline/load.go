package timeline

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
	"unicode/utf8"
	"unsafe"

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

type inputFile struct {
	path string
	size int64
	// regular is false for a named pipe or a device given by name, which
	// is read to its end (up to maxFileBytes) whatever its size says
	regular bool
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

func (ld *loader) errorf(pos Position, format string, args ...any) {
	ld.errors++
	ld.diags = append(ld.diags, Diagnostic{Pos: pos, Severity: SeverityError, Message: fmt.Sprintf(format, args...)})
}

func (ld *loader) warnf(pos Position, format string, args ...any) {
	ld.diags = append(ld.diags, Diagnostic{Pos: pos, Severity: SeverityWarning, Message: fmt.Sprintf(format, args...)})
}

// unread records that the file or folder at path could not be read or
// decoded at all (see loader.unreadable).
func (ld *loader) unread(path string) {
	ld.unreadable = append(ld.unreadable, path)
}

// maxFileBytes is the biggest file a load reads: a chronology of 100,000
// events weighs about 240 MB; a file far bigger than that is a mistake
// (a disk image, /dev/zero), and reading it would only fill the memory.
var maxFileBytes int64 = 1 << 30

// inputError is why a file cannot be read, in words for a diagnostic.
type inputError struct{ Message string }

// readInput reads a file found by expand, refusing one over maxFileBytes.
func readInput(f inputFile) ([]byte, *inputError) {
	tooBig := &inputError{fmt.Sprintf("the file is bigger than %s, the most backstory reads: is it the right file?", byteSize(maxFileBytes))}
	if f.regular && f.size > maxFileBytes {
		return nil, tooBig
	}
	fh, err := os.Open(f.path)
	if err != nil {
		return nil, &inputError{fmt.Sprintf("cannot read the file: %v", unwrapPathError(err))}
	}
	defer fh.Close()
	var buf bytes.Buffer
	if f.regular && f.size > 0 {
		buf.Grow(int(f.size) + bytes.MinRead)
	}
	n, err := buf.ReadFrom(io.LimitReader(fh, maxFileBytes+1))
	if err != nil {
		return nil, &inputError{fmt.Sprintf("cannot read the file: %v", unwrapPathError(err))}
	}
	if n > maxFileBytes {
		return nil, tooBig
	}
	return buf.Bytes(), nil
}

// byteSize writes a size in bytes for a person: "1 GB", "512 MB", "2 kB".
func byteSize(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d kB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// fileKind names what a path that is not a regular file or a folder is.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "not a regular file"
}

// statError words why a path given, or found in a folder, cannot be
// looked at: a broken symbolic link says where it points.
func statError(p string, err error) string {
	if errors.Is(err, fs.ErrNotExist) {
		if target, lerr := os.Readlink(p); lerr == nil {
			return fmt.Sprintf("a symbolic link to %s, which does not exist", target)
		}
		return "no such file or folder"
	}
	if errors.Is(err, syscall.ELOOP) {
		return "cannot read: a loop of symbolic links"
	}
	return fmt.Sprintf("cannot read: %v", unwrapPathError(err))
}

// expand turns the paths into the files to read. A file is read once,
// however many times it is named: given twice, given and in a folder
// given, or reached by a symbolic link or a hard link. In a folder, what is not a
// regular file (a named pipe, a device) is skipped with a warning: opening
// a named pipe waits for a writer, which may never come. Given by name,
// a named pipe is read (backstory check <(...)); a device is refused.
func (ld *loader) expand(paths []string) []inputFile {
	var out []inputFile
	seen := map[any]bool{}
	add := func(p string, info fs.FileInfo) {
		var key any
		if id, ok := fileID(info); ok {
			key = id // hard links too
		} else {
			path := p
			if abs, err := filepath.Abs(p); err == nil {
				path = abs
			}
			if real, err := filepath.EvalSymlinks(path); err == nil {
				path = real
			}
			key = path
		}
		if seen[key] {
			return
		}
		seen[key] = true
		out = append(out, inputFile{path: p, size: info.Size(), regular: info.Mode().IsRegular()})
		ld.files = append(ld.files, p)
	}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			ld.errorf(Position{File: p}, "%s", statError(p, err))
			ld.unread(p)
			continue
		}
		if !info.IsDir() {
			if m := info.Mode(); !m.IsRegular() && m&fs.ModeNamedPipe == 0 {
				ld.errorf(Position{File: p}, "%s, not a file: give a .toml file or a folder", fileKind(m))
				ld.unread(p)
				continue
			}
			add(p, info)
			continue
		}
		entries, err := os.ReadDir(p)
		if err != nil {
			ld.errorf(Position{File: p}, "cannot read the folder: %v", unwrapPathError(err))
			ld.unread(p)
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
				ld.errorf(Position{File: fp}, "%s", statError(fp, err))
				ld.unread(fp)
				continue
			}
			if st.IsDir() {
				continue // (a folder named x.toml is not read)
			}
			if !st.Mode().IsRegular() {
				ld.warnf(Position{File: fp}, "%s, not a file: skipped", fileKind(st.Mode()))
				continue
			}
			add(fp, st)
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
	from := len(ld.diags)
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	src := crlfToLF(data)
	if len(data) < parallelMinBytes || !ld.fileInParts(name, src) {
		ld.fileWhole(name, data, src)
	}
	annotate(ld.diags[from:], src)
}

// crlfToLF returns the text with CRLF line ends made LF: TOML reads CRLF
// as a newline but keeps it inside multi-line strings; the chronology's
// text uses plain newlines. A text with none is data itself, not a copy
// (a file's size less in memory at the peak of its load): data must not
// change while the load runs, and nothing the load returns keeps a piece
// of it (the checked events copy their text out: fileCheck.copyText).
func crlfToLF(data []byte) string {
	if !bytes.Contains(data, []byte("\r\n")) {
		return unsafe.String(unsafe.SliceData(data), len(data))
	}
	return strings.ReplaceAll(string(data), "\r\n", "\n")
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

var (
	duplicateKey = regexp.MustCompile(`^Key '(.*)' has already been defined\.?$`)
	notAnArray   = regexp.MustCompile(`^Key '(.*)' was already created and cannot be used as an array\.?$`)
)

// syntaxDiagnostic returns where a TOML syntax error in src is, and what
// to say of it to the person who made it (see syntaxPosition for where).
// A mistake in the headers of the format's tables ([event] for
// [[event]], an [[event.source]] before any [[event]]) is said as such,
// at the header when it can be found; the decoder only sees what it
// leads to, further on.
func syntaxDiagnostic(src string, pe toml.ParseError) (line, col, length int, msg string) {
	line, col, length = syntaxPosition(src, pe)
	msg = pe.Message
	if msg == "" {
		msg = pe.Error()
	}
	if m := duplicateKey.FindStringSubmatch(msg); m != nil {
		line, col, msg = setTwice(src, line, col, m[1])
		return line, col, 0, msg
	}
	if m := notAnArray.FindStringSubmatch(msg); m != nil {
		if l, c, text, ok := notAnArrayMessage(src, line, m[1]); ok {
			return l, c, 0, text
		}
	}
	if v, ok := strings.CutPrefix(msg, "invalid datetime: "); ok {
		return line, col, length, badDatetime(v)
	}
	return line, col, length, "TOML syntax: " + msg
}

// formatTables are the arrays of tables of the format, each with what
// one of its tables is.
var formatTables = map[string]string{"event": "event", "era": "era", "event.source": "source", "event.claim": "claim"}

// setTwice words the error of key, defined twice on line (at col).
func setTwice(src string, line, col int, key string) (int, int, string) {
	text := strings.TrimLeft(lineOf(src, line), " \t")
	if what, ok := formatTables[key]; ok && strings.HasPrefix(text, "[") && !strings.HasPrefix(text, "[[") {
		// [event] for each event: one table each time, the second a
		// table set twice
		return line, col, fmt.Sprintf("%s is set twice: write each %s as [[%s]] (two brackets), not [%s]", key, what, key, key)
	}
	for _, sub := range []string{"event.source", "event.claim"} {
		name, ok := strings.CutPrefix(key, sub+".")
		if !ok || strings.Contains(name, ".") {
			continue
		}
		what := formatTables[sub]
		// a key of a source or claim: the keys after its header are its
		// own, up to the next header, and the event's title written
		// after its source is the source's title set twice
		h, l := headerBefore(src, line)
		if h.name != sub || !h.double {
			break
		}
		if !h.inEvent {
			return h.line, h.col, fmt.Sprintf("[[%s]] on line %d comes before any [[event]]: put it after the [[event]] it belongs to (the %s on line %d is read as the %s's, and so is set twice)", sub, h.line, name, line, what)
		}
		if _, has := l.Events[len(l.Events)-1].get(name); !has && slices.Contains(eventKeys, name) {
			// (an event that has its own is not missing it)
			return line, col, fmt.Sprintf("%s is set twice: the keys after [[%s]] on line %d are the %s's, up to the next header: put the event's own %s above its first [[%s]], or remove one of them", key, sub, h.line, what, name, sub)
		}
		break
	}
	return line, col, fmt.Sprintf("%s is set twice: remove or rename one of them", key)
}

// notAnArrayMessage words the error of an [[key]] header on line when key
// was made something else before: [event] and then [[event]], or an
// [[event.source]] before any [[event]], which makes event a table. It
// points at the line that made it so, and reports whether it found it.
func notAnArrayMessage(src string, line int, key string) (int, int, string, bool) {
	what, ok := formatTables[key]
	if !ok {
		return 0, 0, "", false
	}
	s := newLayoutScanner(1)
	s.scan(src[:lineStart(src, line)], false)
	parent, name := &s.l.Top, key
	if sub, ok := strings.CutPrefix(key, "event."); ok {
		if len(s.l.Events) == 0 {
			return 0, 0, "", false
		}
		parent, name = &s.l.Events[len(s.l.Events)-1].tablePos, sub
	}
	k, ok := parent.get(name)
	if !ok {
		return 0, 0, "", false
	}
	text := strings.TrimLeft(lineOf(src, k.Line), " \t")
	if msg := comesBefore(text, k.Line, key); msg != "" {
		return k.Line, k.Col, msg, true
	}
	switch {
	case strings.HasPrefix(text, "[["):
		h, _ := tableName(text[2:], "]]")
		return k.Line, k.Col, fmt.Sprintf("[[%s]] on line %d makes %s a table, and [[%s]] on line %d cannot add to it: each %s is an [[%s]] table", h, k.Line, key, key, line, what, key), true
	case strings.HasPrefix(text, "["):
		h, _ := tableName(text[1:], "]")
		if h == key {
			return k.Line, k.Col, fmt.Sprintf("[%s] on line %d makes %s one table, and [[%s]] on line %d cannot add another: write each %s as [[%s]] (two brackets)", key, k.Line, key, key, line, what, key), true
		}
		if _, known := formatTables[h]; known {
			return k.Line, k.Col, fmt.Sprintf("[%s] on line %d comes before any [[%s]]: write it as [[%s]] (two brackets), after the [[%s]] it belongs to", h, k.Line, key, h, key), true
		}
		return k.Line, k.Col, fmt.Sprintf("[%s] on line %d makes %s a table, and [[%s]] on line %d cannot add to it: each %s is an [[%s]] table", h, k.Line, key, key, line, what, key), true
	}
	return k.Line, k.Col, fmt.Sprintf("%s is set on line %d, and [[%s]] on line %d cannot add to it: each %s is an [[%s]] table", key, k.Line, key, line, what, key), true
}

// comesBefore words the mistake of the header text (trimmed) on line
// when it is an [[event.source]] or [[event.claim]] before any [[key]]
// (event), which makes key a table: "[[event.source]] on line 2 comes
// before any [[event]]: put it after the [[event]] it belongs to"; else "".
func comesBefore(text string, line int, key string) string {
	if !strings.HasPrefix(text, "[[") {
		return ""
	}
	h, _ := tableName(text[2:], "]]")
	if sub, ok := strings.CutPrefix(h, key+"."); !ok || formatTables[h] == "" || strings.Contains(sub, ".") {
		return ""
	}
	return fmt.Sprintf("[[%s]] on line %d comes before any [[%s]]: put it after the [[%s]] it belongs to", h, line, key, key)
}

// lineStart returns the byte offset of the start of line n (from 1) of
// src, or len(src).
func lineStart(src string, n int) int {
	off := 0
	for ; n > 1; n-- {
		i := strings.IndexByte(src[off:], '\n')
		if i < 0 {
			return len(src)
		}
		off += i + 1
	}
	return off
}

// lineOf returns line n (from 1) of src, without its line end.
func lineOf(src string, n int) string {
	text := src[lineStart(src, n):]
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		text = text[:i]
	}
	return strings.TrimSuffix(text, "\r")
}

// header is a table header line as the layout scanner read it.
type header struct {
	name      string // "event.source"
	line, col int
	double    bool // [[name]]
	// inEvent says some [[event]] came before (for event.x: the header
	// belongs to it)
	inEvent bool
}

// headerBefore returns the last table header before line n of src (its
// zero value if none), and the layout of the lines before.
func headerBefore(src string, n int) (header, *fileLayout) {
	s := newLayoutScanner(1)
	s.scan(src[:lineStart(src, n)], false)
	return s.header, s.l
}

// badDatetime words the decoder's "invalid datetime" error for the
// value, quoted as the decoder quotes it: ParseDate's words where the
// date's month or day are wrong, where the time's hour, minute or second.
func badDatetime(quoted string) string {
	if v, err := strconv.Unquote(quoted); err == nil {
		if why := datetimeProblem(v); why != "" {
			return fmt.Sprintf("bad date %s: %s", quoted, why)
		}
	}
	return fmt.Sprintf("bad date %s: not a calendar date; write YYYY-MM-DD (or \"YYYY\", \"YYYY-MM\" for less precision)", quoted)
}

// datetimeProblem says what is wrong with a TOML date, date-time or time
// that the decoder refused, when it can: "Feb 2018 has no day 30", "hour
// 25 is not between 00 and 23"; else "".
func datetimeProblem(v string) string {
	clock := v
	if len(v) >= 10 && v[4] == '-' && v[7] == '-' && allDigits(v[:4]) && allDigits(v[5:7]) && allDigits(v[8:10]) {
		if _, err := ParseDate(v[:10]); err != nil {
			why, _ := strings.CutPrefix(err.Error(), fmt.Sprintf("bad date %q: ", v[:10]))
			return why
		}
		if len(v) == 10 || (v[10] != 'T' && v[10] != 't' && v[10] != ' ') {
			return ""
		}
		clock = v[11:]
	} else if len(v) < 3 || v[2] != ':' {
		return ""
	}
	return clockProblem(clock)
}

// clockForm is how a time is written.
const clockForm = "write a time as HH:MM:SS, and its offset, if any, as Z or +01:00 (2018-02-24T10:30:00Z)"

// clockProblem says what is wrong with the time part of a TOML date-time
// (HH:MM:SS, a fraction, an offset), or "" if nothing is.
func clockProblem(c string) string {
	num := func(s string) (int, bool) {
		if len(s) != 2 || !allDigits(s) {
			return 0, false
		}
		n, _ := strconv.Atoi(s)
		return n, true
	}
	if len(c) < 5 || c[2] != ':' {
		return clockForm
	}
	h, ok1 := num(c[:2])
	m, ok2 := num(c[3:5])
	if !ok1 || !ok2 {
		return clockForm
	}
	if h > 23 {
		return fmt.Sprintf("hour %02d is not between 00 and 23", h)
	}
	if m > 59 {
		return fmt.Sprintf("minute %02d is not between 00 and 59", m)
	}
	rest := c[5:]
	if strings.HasPrefix(rest, ":") {
		if len(rest) < 3 {
			return clockForm
		}
		sec, ok := num(rest[1:3])
		if !ok {
			return clockForm
		}
		if sec > 59 {
			return fmt.Sprintf("second %02d is not between 00 and 59", sec)
		}
		rest = rest[3:]
		if strings.HasPrefix(rest, ".") {
			i := 1
			for i < len(rest) && rest[i] >= '0' && rest[i] <= '9' {
				i++
			}
			if i == 1 {
				return clockForm
			}
			rest = rest[i:]
		}
	}
	switch {
	case rest == "" || rest == "Z" || rest == "z":
		return ""
	case len(rest) == 6 && (rest[0] == '+' || rest[0] == '-') && rest[3] == ':':
		oh, ok1 := num(rest[1:3])
		om, ok2 := num(rest[4:6])
		if !ok1 || !ok2 {
			return clockForm
		}
		if oh > 23 || om > 59 {
			return fmt.Sprintf("the offset %s is not between -23:59 and +23:59", rest)
		}
		return ""
	}
	return clockForm
}

// finish resolves links, sorts, and computes backlinks.
func (ld *loader) finish() (*Chronology, Diagnostics) {
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
	sg := suggester{ids: c.byID, memo: map[string]string{}}
	var unchecked missingLinks
	for k, e := range ld.read {
		var lf linkFinder
		for i, l := range e.Links {
			if _, ok := c.byID[l.To]; ok {
				continue
			}
			o := ld.origins[k]
			var pos Position
			if o.layout != nil {
				line, col := lf.find(o.layout, o.table.tablePos, l.To)
				pos = Position{File: e.Pos.File, Line: line, Col: col}
			} else {
				pos = e.Pos
			}
			if len(ld.unreadable) > 0 {
				if unchecked.add(pos, e.ID, i, l.To) {
					unchecked.layout = o.layout
				}
				continue
			}
			ld.errorf(pos, "event %q: links item %d: no event has id %q%s", e.ID, i+1, l.To, sg.suggest(l.To, e.ID))
			ld.annotateLast(o.layout)
		}
	}
	if unchecked.n > 0 {
		ld.warnf(unchecked.pos, "%s", unchecked.message(ld.unreadable))
		ld.annotateLast(unchecked.layout)
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

// missingLinks are the links to ids not found while some file could not
// be read: their events may be in it, so they are not errors, but one
// note says they were not checked, at the first of them.
type missingLinks struct {
	n      int
	pos    Position
	layout *fileLayout // of the file of the first
	first  string      // `event "b": links item 1: no event has id "a"`
}

// add counts a link, and reports whether it is the first.
func (m *missingLinks) add(pos Position, from string, i int, to string) bool {
	m.n++
	if m.n > 1 {
		return false
	}
	m.pos = pos
	m.first = fmt.Sprintf("event %q: links item %d: no event has id %q", from, i+1, to)
	return true
}

// annotateLast gives the last diagnostic its line of the file whose
// layout is l, if known.
func (ld *loader) annotateLast(l *fileLayout) {
	d := &ld.diags[len(ld.diags)-1]
	if l == nil || d.Pos.Line < 1 {
		return
	}
	if text, ok := l.line(d.Pos.Line); ok {
		annotateLine(d, text)
	}
}

// message is the note about the links: "links to missing ids are not
// checked while a.toml cannot be read: event "b": links item 1: no event
// has id "a" in the files read (and 2 more links like it)".
func (m *missingLinks) message(unreadable []string) string {
	var files string
	switch len(unreadable) {
	case 1:
		files = unreadable[0]
	case 2:
		files = unreadable[0] + " and " + unreadable[1]
	default:
		files = fmt.Sprintf("%s and %d other files", unreadable[0], len(unreadable)-1)
	}
	msg := fmt.Sprintf("links to missing ids are not checked while %s cannot be read: %s in the files read", files, m.first)
	switch m.n {
	case 1:
	case 2:
		msg += " (and 1 more link like it)"
	default:
		msg += fmt.Sprintf(" (and %d more links like it)", m.n-1)
	}
	return msg
}

// linkFinder finds the links of one event in its links value, in order:
// each search starts after the link found before, so that the same id
// linked twice is found twice, and 10,000 links cost one pass over the
// value, not 10,000.
type linkFinder struct {
	line, off int // where the next search starts; line 0: the value's start
	// col is the column of byte off on its line, so that a line of
	// 10,000 links is not counted from its start for each
	col    int
	missed bool // an id was not found as written (escapes): stop looking
}

// find returns the position of the quoted id s in key links of t, at or
// after the last one found, or the value's position. After one id is not
// found as it is written (an id with escapes), every later one gets the
// value's position too: a search to the end of the value for each would
// be quadratic.
func (lf *linkFinder) find(l *fileLayout, t tablePos, s string) (line, col int) {
	k, ok := t.get("links")
	if !ok {
		return t.Line, 0
	}
	if lf.missed {
		return k.Line, k.ValueCol
	}
	if lf.line == 0 {
		lf.line, lf.off, lf.col = k.Line, -1, 0
	}
	dq, sq := `"`+s+`"`, `'`+s+`'`
	for ln := lf.line; ln <= k.End; ln++ {
		text, ok := l.line(ln)
		if !ok {
			break
		}
		if ln != lf.line || lf.off < 0 {
			// a new line: from its start, or from the value on the key's
			lf.line, lf.off, lf.col = ln, 0, 1
			if ln == k.Line && k.ValueCol > 1 {
				lf.off = min(len(text), byteOffset(text, k.ValueCol))
				lf.col = runeCol(text, lf.off)
			}
		}
		from := lf.off
		// (the other quote is looked for only before the first: a search
		// to the end of a long line for each link would be quadratic)
		i, q := strings.Index(text[from:], dq), dq
		before := text[from:]
		if i >= 0 {
			before = text[from : from+i]
		}
		if j := strings.Index(before, sq); j >= 0 {
			i, q = j, sq
		}
		if i >= 0 {
			col := lf.col + utf8.RuneCountInString(text[from:from+i])
			lf.off, lf.col = from+i+len(q), col+utf8.RuneCountInString(q)
			return ln, col
		}
	}
	lf.missed = true
	return k.Line, k.ValueCol
}

// itemFinder finds the items of one array value, such as tags = ["a", 5],
// in order: where the value of a key k starts, it follows strings,
// comments, nested arrays and inline tables over the value's lines, and
// counts the items at its top. Each search goes on from where the one
// before stopped, so that reporting every item of an array of 10,000
// costs one pass over it, not 10,000.
type itemFinder struct {
	started bool
	failed  bool   // the value is not an array as expected
	ln      int    // the line the scan is on
	text    string // its text
	off     int    // where on it
	col     int    // the column of off, when colOff == off
	colOff  int
	depth   int    // brackets open; 1 at the array's top
	multi   string // an open multi-line string's quotes
	want    bool   // the next thing at the top starts an item
	n       int    // items started before
}

// find returns where item i (from 0) of the array value of k starts, as
// lineAt gives the lines of the file, or where the value starts when it
// cannot be found.
func (f *itemFinder) find(lineAt func(n int) (string, bool), k keyPos, i int) (line, col int) {
	if f.started && i < f.n {
		*f = itemFinder{} // (asked out of order: from the start)
	}
	if !f.started {
		f.started = true
		text, ok := lineAt(k.Line)
		off := byteOffset(text, k.ValueCol)
		if !ok || k.ValueCol < 1 || off >= len(text) || text[off] != '[' {
			f.failed = true
		} else {
			f.ln, f.text, f.off, f.col, f.colOff = k.Line, text, off+1, k.ValueCol+1, off+1
			f.depth, f.want = 1, true
		}
	}
	if f.failed {
		return k.Line, k.ValueCol
	}
	for {
		for f.off < len(f.text) {
			if f.multi != "" {
				f.off = skipMultilineOnLine(f.text, f.off, &f.multi)
				continue
			}
			c := f.text[f.off]
			switch {
			case c == ' ' || c == '\t' || c == '\r':
				f.off++
				continue
			case c == '#':
				f.off = len(f.text)
				continue
			}
			if f.depth == 1 {
				switch {
				case c == ']':
					f.failed = true // the end: there is no item i
					return k.Line, k.ValueCol
				case c == ',':
					f.want = true
					f.off++
					continue
				case f.want:
					if f.n == i {
						f.col += utf8.RuneCountInString(f.text[f.colOff:f.off])
						f.colOff = f.off
						return f.ln, f.col
					}
					f.n++
					f.want = false
				}
			}
			switch {
			case strings.HasPrefix(f.text[f.off:], `"""`) || strings.HasPrefix(f.text[f.off:], "'''"):
				f.multi = f.text[f.off : f.off+3]
				f.off += 3
			case c == '"' || c == '\'':
				f.off = skipString(f.text, f.off+1, c)
			case c == '[' || c == '{':
				f.depth++
				f.off++
			case c == ']' || c == '}':
				f.depth--
				f.off++
			default:
				f.off++
			}
		}
		if f.ln >= k.End {
			f.failed = true
			return k.Line, k.ValueCol
		}
		text, ok := lineAt(f.ln + 1)
		if !ok {
			f.failed = true
			return k.Line, k.ValueCol
		}
		f.ln, f.text, f.off, f.col, f.colOff = f.ln+1, text, 0, 1, 0
	}
}

// skipMultilineOnLine returns where, on line from off, the multi-line
// string whose quotes are *multi ends (and clears *multi), or the line's
// end if it goes on.
func skipMultilineOnLine(line string, off int, multi *string) int {
	q := (*multi)[0]
	for off < len(line) {
		c := line[off]
		switch {
		case c == '\\' && q == '"':
			off += 2
			continue
		case c == q && strings.HasPrefix(line[off:], *multi):
			off += 3
			for n := 0; n < 2 && off < len(line) && line[off] == q; n++ {
				off++ // up to two more quotes belong to the string
			}
			*multi = ""
			return off
		}
		off++
	}
	return len(line)
}

// byteOffset is the byte offset of rune column col (from 1) of line.
func byteOffset(line string, col int) int {
	for i := range line {
		if col--; col == 0 {
			return i
		}
	}
	return len(line)
}

// maxNesting is how deep arrays and inline tables may be nested. The
// format needs two (links = [{ to = "id" }]); the TOML decoder takes time
// that grows with the square of the depth of inline tables, and stack with
// the depth of arrays, so a file nested deeper is refused before it is
// decoded.
const maxNesting = 100

var tooDeepMessage = fmt.Sprintf("TOML syntax: arrays and inline tables nested more than %d deep: a chronology needs two at most (links = [{ to = \"id\" }])", maxNesting)

// tooDeep reports whether src nests arrays and inline tables more than
// maxNesting deep, and where the first one too deep opens. It follows
// strings and comments as the layout scanner does, in one pass.
func tooDeep(src string) (line, col int, deep bool) {
	depth := 0
	lineStart, ln := 0, 1
	newline := func(at int) { ln, lineStart = ln+1, at+1 }
	for i := 0; i < len(src); i++ {
		j := strings.IndexAny(src[i:], "\n#\"'[]{}")
		if j < 0 {
			break
		}
		i += j
		switch c := src[i]; c {
		case '\n':
			newline(i)
		case '#':
			k := strings.IndexByte(src[i:], '\n')
			if k < 0 {
				return 0, 0, false
			}
			i += k - 1 // (the newline is counted next)
		case '"', '\'':
			if q := src[i : i+1]; strings.HasPrefix(src[i:], q+q+q) {
				i = skipMultiline(src, i+3, c, newline) - 1
			} else {
				i = skipString(src, i+1, c) - 1
			}
		case '[', '{':
			depth++
			if depth > maxNesting {
				return ln, runeCol(src[lineStart:i], i-lineStart), true
			}
		case ']', '}':
			if depth > 0 {
				depth--
			}
		}
	}
	return 0, 0, false
}

// skipString returns where the one-line string whose text starts at i,
// quoted with q, ends: after its closing quote, or at the end of the line.
func skipString(src string, i int, q byte) int {
	for i < len(src) && src[i] != '\n' {
		switch {
		case src[i] == q:
			return i + 1
		case q == '"' && src[i] == '\\' && i+1 < len(src) && src[i+1] != '\n':
			i++
		}
		i++
	}
	return i
}

// skipMultiline returns where the multi-line string whose text starts at
// i, quoted with three q, ends (or len(src)), calling newline at each
// line end in it.
func skipMultiline(src string, i int, q byte, newline func(at int)) int {
	stops := "\n" + string(q)
	if q == '"' {
		stops += "\\"
	}
	for i < len(src) {
		k := strings.IndexAny(src[i:], stops)
		if k < 0 {
			return len(src)
		}
		i += k
		switch src[i] {
		case '\n':
			newline(i)
		case '\\':
			if i+1 < len(src) && src[i+1] != '\n' {
				i++ // an escaped character (an escaped line end is counted)
			}
		default:
			if i+2 < len(src) && src[i+1] == q && src[i+2] == q {
				i += 3
				for n := 0; n < 2 && i < len(src) && src[i] == q; n++ {
					i++ // up to two more quotes belong to the string
				}
				return i
			}
		}
		i++
	}
	return i
}

// dateFromValue reads the value of a date key (date, end, start,
// published), or says what is wrong with it.
func dateFromValue(key string, v any) (Date, string) {
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
		// date = 2018 would be read as a year, but so would a typo of
		// 2018-02-24 that lost its dashes: an integer is never a date
		if x < -9999 || x > 9999 {
			return Date{}, fmt.Sprintf("bad date %d: write a date as YYYY-MM-DD (%s = 2018-02-24), or a year as a string (%s = \"2018\")", x, key, key)
		}
		return Date{}, fmt.Sprintf("a year is written as a string: %s = %q", key, yearText(int(x)))
	}
	return Date{}, fmt.Sprintf("a date must be a TOML date (2018-02-24) or a string (\"2018\", \"2018-02\"), not %s", typeName(v))
}

// yearText writes a year as ParseDate reads it: "2018", "0005", "-0044".
func yearText(y int) string {
	if y < 0 {
		return fmt.Sprintf("-%04d", -y)
	}
	return fmt.Sprintf("%04d", y)
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
