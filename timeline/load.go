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
	"strings"
	"syscall"
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
		data, err := readInput(f)
		if err != nil {
			ld.errorf(Position{File: f.path}, "%s", err.Message)
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
			continue
		}
		if !info.IsDir() {
			if m := info.Mode(); !m.IsRegular() && m&fs.ModeNamedPipe == 0 {
				ld.errorf(Position{File: p}, "%s, not a file: give a .toml file or a folder", fileKind(m))
				continue
			}
			add(p, info)
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
				ld.errorf(Position{File: fp}, "%s", statError(fp, err))
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
	if line, col, deep := tooDeep(src); deep {
		ld.errorf(Position{File: name, Line: line, Col: col}, "%s", tooDeepMessage)
		return
	}
	var raw map[string]any
	if _, err := toml.Decode(src, &raw); err != nil {
		var pe toml.ParseError
		if errors.As(err, &pe) {
			line, col := syntaxPosition(src, pe)
			ld.errorf(Position{File: name, Line: line, Col: col}, "%s", syntaxMessage(pe))
		} else {
			ld.errorf(Position{File: name}, "%v", err)
		}
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

var duplicateKey = regexp.MustCompile(`^Key '(.*)' has already been defined\.?$`)

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
		if ld.firstEmpty {
			ld.errorf(Position{File: ld.firstDecoded, Line: 1}, `the file is empty: a chronology needs title = "..." and its events as [[event]] tables (backstory init writes an example)`)
		} else {
			ld.errorf(Position{File: ld.firstDecoded, Line: 1}, `missing title: add title = "..." at the top of the file`)
		}
	}
	sg := suggester{ids: c.byID, memo: map[string]string{}}
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
			ld.errorf(pos, "event %q: links item %d: no event has id %q%s", e.ID, i+1, l.To, sg.suggest(l.To))
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

// suggester offers close ids for the missing ids of links: once for each
// missing id, however many links name it, and only while the comparisons
// stay under suggestBudget, so that many missing ids among many events
// cost no more than a moment.
type suggester struct {
	ids   map[string]*Event
	memo  map[string]string
	spent int
}

// suggestBudget is how many id comparisons the suggestions of one load may
// make: a quarter of a second's worth at worst (about 100 ns each).
const suggestBudget = 2_000_000

func (s *suggester) suggest(id string) string {
	if hint, ok := s.memo[id]; ok {
		return hint
	}
	hint := ""
	if s.spent+len(s.ids) <= suggestBudget {
		s.spent += len(s.ids)
		hint = suggestID(id, s.ids)
	}
	s.memo[id] = hint
	return hint
}

// linkFinder finds the links of one event in its links value, in order:
// each search starts after the link found before, so that the same id
// linked twice is found twice, and 10,000 links cost one pass over the
// value, not 10,000.
type linkFinder struct {
	line, off int // where the next search starts; line 0: the value's start
	// col is the column of byte off on its line, so that a line of
	// 10,000 links is not counted from its start for each
	col int
}

// find returns the position of the quoted id s in key links of t, at or
// after the last one found, or the value's position.
func (lf *linkFinder) find(l *fileLayout, t tablePos, s string) (line, col int) {
	k, ok := t.get("links")
	if !ok {
		return t.Line, 0
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
	return l.find(t, "links", s) // (not after the last: first anywhere)
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
