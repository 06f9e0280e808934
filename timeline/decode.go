package timeline

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

// The decode stage: what a TOML syntax error says to the person who made
// it, and where (the decoder itself runs in load.go and load_parts.go).

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

// syntaxPosition returns where a TOML syntax error in src is: a line of
// src and a column counted in characters, within the line or just after
// its end, and how many characters it spans (0: the token there). The
// decoder's own position is unreliable: its Line is the line after the
// error when it had read the newline ("[\n" at the end of a file), and its
// Col counts bytes, on the line before when the error is at the start of
// a line (it can be past the end of the line Line names). Its byte
// offset, Position.Start, is where the token being read starts; the
// character it names ("but got 'y'") is the last one read, at the end of
// Position.Len; a control character is one after Position.Start, an
// invalid escape the two before the end. The position is worked out from
// these, but for falling inside a character at the end of the file. A key
// defined twice is pointed at the start of its line.
func syntaxPosition(src string, pe toml.ParseError) (line, col, length int) {
	start := pe.Position.Start
	if start < 0 || start > len(src) {
		// (not seen; the decoder's line, at its start, if it is one)
		n := strings.Count(src, "\n") + 1
		return min(max(pe.Position.Line, 1), n), 0, 0
	}
	end := min(start+max(pe.Position.Len, 1), len(src))
	msg := pe.Message
	switch {
	case strings.Contains(msg, "cannot contain control characters"):
		// (the decoder says the character before it)
		if i := strings.IndexFunc(src[start:], isControlChar); i >= 0 && i <= 1 {
			start += i
		}
		length = 1
	case strings.HasPrefix(msg, "invalid escape in string"):
		start, length = max(end-2, start), 2
	case gotCharacter.MatchString(msg):
		start, length = max(end-1, start), 1
	}
	for start > 0 && start < len(src) && !utf8.RuneStart(src[start]) {
		start-- // (at EOF its offset can fall inside the last character)
	}
	lineStart := strings.LastIndexByte(src[:start], '\n') + 1
	line = strings.Count(src[:lineStart], "\n") + 1
	if strings.Contains(msg, "has already been defined") {
		text := src[lineStart:]
		if nl := strings.IndexByte(text, '\n'); nl >= 0 {
			text = text[:nl]
		}
		return line, runeCol(text, len(text)-len(strings.TrimLeft(text, " \t"))), 0
	}
	return line, utf8.RuneCountInString(src[lineStart:start]) + 1, length
}

// gotCharacter matches the decoder's messages that name the character it
// stopped at, the last it read: "but got 'y' instead", "but found '='".
var gotCharacter = regexp.MustCompile(`(got|found) '(\\.|[^'\\]+)'( instead)?$`)

// isControlChar is what TOML refuses in a file: a control character but
// tab and the line ends.
func isControlChar(r rune) bool {
	return (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || r == 0x7f
}
