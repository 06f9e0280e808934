package interop

import (
	"bytes"
	"fmt"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"backstory/timeline"
)

// Options are the choices of an import.
type Options struct {
	// Title, when set, is the chronology title, whatever the input says.
	Title string
}

// Converted is the result of an import.
type Converted struct {
	// TOML is the chronology as a file, ready to write.
	TOML []byte
	// Chronology is TOML read back, as backstory check reads it.
	Chronology *timeline.Chronology
}

// importer holds what one import has read so far.
type importer struct {
	name   string // the input, as named in diagnostics
	format string // the input's format, for the file's comment
	data   []byte
	lines  []int // byte offset of the start of each line
	runes  []int // characters before each runeStep-th byte
	diags  timeline.Diagnostics
	errors int
	// skipped counts the events left out with a warning
	skipped int

	title, description string
	eras               []timeline.Era
	events             []*draft
}

// draft is an event being imported, with what is needed to give it an id
// and resolve its links once every event is read.
type draft struct {
	e        *timeline.Event
	pos      timeline.Position
	label    string // "event 3", for messages
	uniqueID string // the id the input gave, if any
	idBase   string // text to make an id from when it gave none
}

func newImporter(name, format string, data []byte) *importer {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	data = bareCRToLF(data)
	im := &importer{name: name, format: format, data: data, lines: []int{0}}
	for i, c := range data {
		if c == '\n' {
			im.lines = append(im.lines, i+1)
		}
	}
	// the characters before every runeStep-th byte, so that a column is
	// counted from a nearby mark rather than from the line's start (a
	// minified JSON file is one line)
	im.runes = make([]int, 0, len(data)/runeStep+1)
	n := 0
	for i, c := range data {
		if i%runeStep == 0 {
			im.runes = append(im.runes, n)
		}
		if c&0xc0 != 0x80 {
			n++
		}
	}
	return im
}

// runeStep is how many bytes apart importer.runes counts the characters.
const runeStep = 256

// runesBefore counts the characters before the byte offset off (a byte
// that does not continue a UTF-8 sequence starts one).
func (im *importer) runesBefore(off int) int {
	if off == 0 || len(im.runes) == 0 {
		return 0
	}
	k := min((off-1)/runeStep, len(im.runes)-1)
	n := im.runes[k]
	for _, c := range im.data[k*runeStep : off] {
		if c&0xc0 != 0x80 {
			n++
		}
	}
	return n
}

func (im *importer) errorf(pos timeline.Position, format string, args ...any) {
	im.errors++
	im.diags = append(im.diags, timeline.Diagnostic{Pos: pos, Severity: timeline.SeverityError, Message: fmt.Sprintf(format, args...)})
}

func (im *importer) warnf(pos timeline.Position, format string, args ...any) {
	im.diags = append(im.diags, timeline.Diagnostic{Pos: pos, Severity: timeline.SeverityWarning, Message: fmt.Sprintf(format, args...)})
}

// at returns the position of a byte offset: its line, and its column
// counted in characters.
func (im *importer) at(off int64) timeline.Position {
	if off < 0 {
		off = 0
	}
	if off > int64(len(im.data)) {
		off = int64(len(im.data))
	}
	o := int(off)
	// the last line that starts at or before off
	line := sort.Search(len(im.lines), func(i int) bool { return im.lines[i] > o }) - 1
	start := im.lines[line]
	return timeline.Position{File: im.name, Line: line + 1, Col: im.runesBefore(o) - im.runesBefore(start) + 1}
}

// atByteCol returns the position of a 1-based line and byte column (as
// encoding/csv counts them).
func (im *importer) atByteCol(line, col int) timeline.Position {
	if line < 1 || line > len(im.lines) {
		return timeline.Position{File: im.name, Line: line}
	}
	start := im.lines[line-1]
	end := min(start+max(col-1, 0), len(im.data))
	return timeline.Position{File: im.name, Line: line, Col: im.runesBefore(end) - im.runesBefore(start) + 1}
}

// checkText reports input that is empty or not UTF-8 text.
func (im *importer) checkText() bool {
	if len(bytes.TrimSpace(im.data)) == 0 {
		im.errorf(timeline.Position{File: im.name}, "the file is empty: there is nothing to import")
		return false
	}
	if !utf8.Valid(im.data) {
		off := 0
		for off < len(im.data) {
			r, size := utf8.DecodeRune(im.data[off:])
			if r == utf8.RuneError && size <= 1 {
				break
			}
			off += size
		}
		im.errorf(im.at(int64(off)), "the file is not valid UTF-8 text: save it as UTF-8")
		return false
	}
	return true
}

// finish gives every event an id, resolves links, and writes the TOML. It
// returns nil when the input had errors.
func (im *importer) finish(opt Options) (*Converted, timeline.Diagnostics) {
	if im.errors == 0 && len(im.events) == 0 {
		if im.skipped > 0 {
			im.errorf(timeline.Position{File: im.name}, "no event could be imported: every one was left out (see the warnings above)")
		} else {
			im.warnf(timeline.Position{File: im.name}, "0 events: the file has none, so the chronology is a title only")
		}
	}
	if im.errors > 0 {
		return nil, im.diags
	}
	c := &timeline.Chronology{Title: im.title, Description: im.description, Eras: im.eras}
	if t := oneLine(opt.Title); t != "" {
		c.Title = t
	}
	if strings.TrimSpace(c.Title) == "" {
		c.Title = titleFromName(im.name)
	}
	for _, d := range im.assignIDs() {
		c.Events = append(c.Events, d.e)
	}
	comment := fmt.Sprintf("Converted from %s (%s) by backstory import.\nCheck it with backstory check, then edit it by hand.", filepath.Base(im.name), im.format)
	out := TOML(c, comment)
	back, diags := timeline.Parse(im.name, out)
	if len(diags) > 0 {
		// The conversion checks everything the format requires; reaching
		// here is a bug in it, and no file is better than a broken one.
		for _, d := range diags {
			im.errorf(timeline.Position{File: im.name}, "the converted chronology does not pass backstory check (a bug in backstory import; please report it): %s", d.Message)
		}
		return nil, im.diags
	}
	return &Converted{TOML: out, Chronology: back}, im.diags
}

// assignIDs gives every event a unique id: the input's own where it is a
// valid id, else one made from it or from the title, with -2, -3 ... added
// to repeats. Links are then pointed at the ids given; links to events
// that were not imported, and links of an event to itself, are dropped.
func (im *importer) assignIDs() []*draft {
	used := map[string]bool{}
	given := map[string]string{} // the input's unique id -> the id given
	for _, d := range im.events {
		if d.uniqueID != "" && idPattern(d.uniqueID) && !used[d.uniqueID] {
			d.e.ID = d.uniqueID
			used[d.e.ID] = true
			given[d.uniqueID] = d.e.ID
		}
	}
	for _, d := range im.events {
		if d.e.ID != "" {
			continue
		}
		base := d.idBase
		if d.uniqueID != "" {
			base = d.uniqueID
		}
		base = timeline.Slug(base)
		if base == "" {
			base = timeline.Slug("event " + d.e.Date.String())
		}
		id := base
		for n := 2; used[id]; n++ {
			id = base + "-" + strconv.Itoa(n)
		}
		if d.uniqueID != "" {
			if _, dup := given[d.uniqueID]; dup {
				im.warnf(d.pos, "%s: unique_id %q is used twice; this event gets the id %q", d.label, d.uniqueID, id)
			} else {
				given[d.uniqueID] = id
			}
		}
		d.e.ID = id
		used[id] = true
	}
	for _, d := range im.events {
		var kept []timeline.Link
		for _, l := range d.e.Links {
			if to, ok := given[l.To]; ok {
				l.To = to
			} else if !used[l.To] {
				im.warnf(d.pos, "%s: the link to %q is left out: no imported event has that id", d.label, l.To)
				continue
			}
			if l.To == d.e.ID {
				// (check warns about it: never meant)
				im.warnf(d.pos, "%s: the link to itself (%q) is left out", d.label, l.To)
				continue
			}
			kept = append(kept, l)
		}
		d.e.Links = kept
	}
	return im.events
}

// idPattern reports whether s is a valid event id.
func idPattern(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' || strings.Contains(s, "--") {
		return false
	}
	for _, r := range s {
		if (r < 'a' || r > 'z') && (r < '0' || r > '9') && r != '-' {
			return false
		}
	}
	return true
}

// titleFromName makes a chronology title from a file name:
// "women_in_computing.csv" becomes "Women in computing".
func titleFromName(name string) string {
	base := filepath.Base(name)
	base = strings.TrimSuffix(base, filepath.Ext(base))
	base = strings.Join(strings.FieldsFunc(base, func(r rune) bool {
		return r == '_' || r == '-' || unicode.IsSpace(r)
	}), " ")
	if base == "" || base == "." {
		return "Imported timeline"
	}
	r, size := utf8.DecodeRuneInString(base)
	return string(unicode.ToUpper(r)) + base[size:]
}

// joinMarkdown joins two blocks of Markdown with a blank line.
func joinMarkdown(a, b string) string {
	a, b = strings.TrimSpace(a), strings.TrimSpace(b)
	switch {
	case a == "" && b == "":
		return ""
	case a == "":
		return b + "\n"
	case b == "":
		return a + "\n"
	}
	return a + "\n\n" + b + "\n"
}

// oneLine collapses runs of white space, newlines included, to one space.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// clip shortens s to at most n characters for a message.
func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// maxTitleLength is how long a title made from a description may be.
const maxTitleLength = 100

// firstSentence returns the first sentence of plain text, as written, on
// one line and at most maxTitleLength characters (cut at a word, with
// "…"); and whether it is all of the text. (It keeps a final period: "Fort
// Riley, Kan." may end with an abbreviation.)
func firstSentence(text string) (string, bool) {
	text = oneLine(text)
	end := len(text)
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		// a sentence ends at . ! or ? before a space and a capital letter
		// (or a quote), unless the word is an abbreviation ("Mr.", "Feb.")
		if i+2 >= len(text) || text[i+1] != ' ' {
			continue
		}
		next, _ := utf8.DecodeRuneInString(text[i+2:])
		if !unicode.IsUpper(next) && next != '"' && next != '“' && next != '\'' {
			continue
		}
		if c == '.' && isAbbreviation(text[:i]) {
			continue
		}
		end = i + 1
		break
	}
	s := text[:end]
	whole := end == len(text)
	if utf8.RuneCountInString(s) > maxTitleLength {
		r := []rune(s)[:maxTitleLength-1]
		cut := string(r)
		if i := strings.LastIndexByte(cut, ' '); i > maxTitleLength/2 {
			cut = cut[:i]
		}
		s = strings.TrimRight(cut, " ,;:") + "…"
		whole = false
	}
	return s, whole
}

// abbreviations end with a period without ending a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "jr": true, "sr": true,
	"gen": true, "gov": true, "sen": true, "rep": true, "lt": true, "col": true, "sgt": true,
	"capt": true, "mt": true, "ft": true, "rev": true, "prof": true, "pres": true, "atty": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true,
	"sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
	"no": true, "vs": true, "v": true, "inc": true, "co": true, "corp": true, "dept": true,
}

// isAbbreviation reports whether the word ending text is an abbreviation
// or an initial ("U.S", "J").
func isAbbreviation(text string) bool {
	word := text[strings.LastIndexAny(text, " (\"“")+1:]
	if strings.Contains(word, ".") {
		return true // U.S. or D.C.
	}
	if utf8.RuneCountInString(word) == 1 {
		r, _ := utf8.DecodeRuneInString(word)
		return unicode.IsUpper(r)
	}
	return abbreviations[strings.ToLower(word)]
}
