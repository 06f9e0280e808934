package timeline

import (
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"
	"unsafe"

	"github.com/BurntSushi/toml"
)

// A big file is read in parts, in parallel: decoding TOML is most of the
// cost of a load, and the [[event]] tables of a file are independent. The
// file is cut before [[event]] header lines, each part is scanned for
// positions, decoded and checked on its own, and the results are put
// together in file order.
//
// A part read alone must give exactly what the same text gives read with
// the rest of the file, and the parts are only used when that is sure:
//
//   - A cut is only good at a real header, not at a line that looks like
//     one inside a multi-line string or array. The part before a bad cut
//     ends inside the string, so its scan ends unclean (and its decoding
//     fails); the two parts are then read as one.
//   - After the first [[event]], the text must be plain: headers are
//     [[event]], [[event.source]], [[event.claim]] or [[era]], no key is
//     dotted, no table holds a table (but links' { to, note }, sources and
//     claims). Dotted keys and sub-tables leave state in the TOML decoder
//     that reaches across tables; plain text leaves none.
//   - A part after the first decodes to "event" and perhaps "era", both
//     arrays of tables; the first part's "event" and "era", if any, are too.
//   - Every part's scan ends clean, and finds as many events as the
//     decoder, so the positions are those a scan of the whole file finds.
//
// Anything else, and any syntax error, sends the file to fileWhole, which
// reports exactly as it always has.

var (
	// parallelMinBytes is the size from which a file is read in parts.
	parallelMinBytes = 1 << 20
	// chunkBytes is about how big a part is.
	chunkBytes = 1 << 21
)

// part is a piece of a file and what reading it found.
type part struct {
	start, end int // byte offsets in the file's text
	firstLine  int
	last       bool // the part ends the file

	scan *layoutScanner
	ok   bool // valid UTF-8, plain, decoded, and of the right shape
	// top is the first part's top-level table, for the check of the
	// chronology's own keys
	top map[string]any
	// events are the part's event tables, kept only until checked;
	// nEvents counts them
	events  []map[string]any
	nEvents int
	eras    []map[string]any
	// eventType and eraType are the TOML types of "event" and "era"
	// ("ArrayHash" for [[event]] tables), "" when absent
	eventType, eraType string
	erasOK             bool // the first part's "era" is absent or [[era]] tables
	check              *fileCheck
	// numbered says the check named an event by its number, which was
	// not known then: the part is checked again once it is
	numbered bool
}

// fileInParts reads a file in parts, and reports whether it could: when
// not, it has changed nothing, and the file must be read whole.
func (ld *loader) fileInParts(name, src string) bool {
	starts := splitFile(src, chunkBytes)
	if len(starts) < 2 {
		return false
	}
	parts := make([]*part, len(starts))
	line := 1
	for i, st := range starts {
		end := len(src)
		if i+1 < len(starts) {
			end = starts[i+1]
		}
		parts[i] = &part{start: st, end: end, firstLine: line, last: i == len(starts)-1}
		line += strings.Count(src[st:end], "\n")
	}

	// read every part: scan, decode, check
	var give atomic.Bool // some part can never be read alone
	done := 0
	inParallel(len(parts), func(i int) {
		if !give.Load() {
			parts[i].read(name, src)
			if parts[i].scan != nil && !parts[i].scan.plain {
				give.Store(true)
			}
		}
	}, func(i int) {
		done += parts[i].end - parts[i].start
		if ld.progress != nil {
			ld.progress(int64(done))
		}
	})
	if give.Load() {
		return false
	}

	// a part whose scan ends inside a string or brackets was cut at a
	// line that only looks like a header: scan on into the next part and
	// read the two as one
	for i := 0; i+1 < len(parts); {
		p := parts[i]
		if p.scan == nil || p.scan.clean() {
			i++
			continue
		}
		for !p.scan.clean() && !p.last {
			next := parts[i+1]
			p.scan.more(src[next.start:next.end], next.last)
			p.end, p.last = next.end, next.last
			parts = append(parts[:i+1], parts[i+2:]...)
		}
		p.scan.l.src = src[p.start:p.end]
		if !p.scan.plain || !p.scan.clean() {
			return false // (a string or brackets left open at the end of the file)
		}
		p.decode(name, src)
	}

	// the parts must read as the whole file does
	lateEras := false
	for i, p := range parts {
		if !p.ok {
			return false
		}
		if i > 0 && (len(p.eras) > 0 || len(p.scan.l.Eras) > 0) {
			lateEras = true
		}
	}
	if lateEras {
		if !parts[0].erasOK {
			return false
		}
		for _, p := range parts {
			for _, m := range p.eras {
				if !flatTable(m) {
					return false
				}
			}
		}
	}

	// the first event of each part, counted from the start of the file
	first := 0
	for _, p := range parts {
		if p.numbered {
			p.check = newPartCheck(name, p, first)
		}
		first += p.nEvents
	}

	// what the whole file would give, in its order
	if ld.firstDecoded == "" {
		ld.firstDecoded = name
	}
	head := &fileCheck{name: name, layout: parts[0].scan.l}
	if lateEras {
		var eras []map[string]any
		var eraPos []tablePos
		for _, p := range parts {
			eras = append(eras, p.eras...)
			eraPos = append(eraPos, p.scan.l.Eras...)
		}
		head.head(ld, parts[0].top, eras, eraPos)
	} else {
		head.head(ld, parts[0].top, nil, nil)
	}
	ld.commit(head)
	for _, p := range parts {
		ld.commit(p.check)
	}
	return true
}

// read scans, decodes and checks the part (its events numbered as if the
// part began the file; see numbered).
func (p *part) read(name, src string) {
	text := src[p.start:p.end]
	if !utf8.ValidString(text) {
		return
	}
	p.scan = newLayoutScanner(p.firstLine)
	p.scan.strings = true
	p.scan.scan(text, p.last)
	if !p.scan.plain || !p.scan.clean() {
		return // the part is not read alone (see fileInParts)
	}
	p.decode(name, src)
}

// decode decodes and checks the part, scanned already. The keys whose
// simple values the scan read (most of the text: bodies, titles, quotes,
// tags) are left out for the decoder, and put in the tables after.
func (p *part) decode(name, src string) {
	text := src[p.start:p.end]
	if !utf8.ValidString(text) {
		return
	}
	if p.scan.deep {
		// (the whole file is read, and says where). The scan reads every
		// value as the decoder does; what it skips, a header line or
		// what comes before a key's =, the decoder stops at before any
		// value when it is not a header or a key.
		return
	}
	subs := p.scan.subs
	raw, md, err := decodePart(text, subs)
	if err == nil && len(subs) > 0 && !p.putBack(raw, subs) {
		raw, md, err = decodePart(text, nil) // the tables were not as scanned
	}
	if err != nil {
		return
	}
	p.eventType, p.eraType = md.Type("event"), md.Type("era")
	var ok bool
	if p.events, ok = arrayOfTables(raw["event"], p.eventType); !ok {
		return
	}
	if p.start > 0 {
		// a later part: events, and perhaps eras, only
		if len(p.events) == 0 || len(p.scan.l.Top.keys) > 0 {
			return
		}
		for k := range raw {
			if k != "event" && k != "era" {
				return
			}
		}
		if p.eras, ok = arrayOfTables(raw["era"], p.eraType); !ok {
			return
		}
	} else {
		p.top = raw
		// eras after the events need this part's to be [[era]] tables
		p.eras, p.erasOK = arrayOfTables(raw["era"], p.eraType)
	}
	if len(p.events) != len(p.scan.l.Events) {
		return
	}
	for _, m := range p.events {
		if !plainEventTable(m) {
			return
		}
	}
	p.check = newPartCheck(name, p, 0)
	p.numbered = p.check.numbered
	p.nEvents = len(p.events)
	if !p.numbered {
		p.events = nil // free the decoded tables; the check has them all
	}
	p.ok = true
}

// decodePart decodes text without the keys of subs.
func decodePart(text string, subs []stringSub) (map[string]any, toml.MetaData, error) {
	input := text
	if len(subs) > 0 {
		size := len(text)
		for _, s := range subs {
			size -= s.end - s.start
		}
		b := make([]byte, 0, size)
		prev := 0
		for _, s := range subs {
			b = append(b, text[prev:s.start]...)
			prev = s.end
		}
		b = append(b, text[prev:]...)
		input = unsafe.String(unsafe.SliceData(b), len(b))
	}
	var raw map[string]any
	md, err := toml.Decode(input, &raw)
	return raw, md, err
}

// putBack puts the keys of subs in the tables decoded without them, and
// reports whether every one went into a table that has no such key: one
// that has is a key set twice, or a table that is not as scanned.
func (p *part) putBack(raw map[string]any, subs []stringSub) bool {
	events, _ := raw["event"].([]map[string]any)
	eras, _ := raw["era"].([]map[string]any)
	nth := func(tables any, i int32) map[string]any {
		t, _ := tables.([]map[string]any)
		if i < 0 || int(i) >= len(t) {
			return nil
		}
		return t[i]
	}
	for _, s := range subs {
		var m map[string]any
		switch s.ref.kind {
		case refTop:
			m = raw
		case refEra:
			m = nth(eras, s.ref.i)
		case refEvent:
			m = nth(events, s.ref.i)
		case refSource, refClaim:
			key := "source"
			if s.ref.kind == refClaim {
				key = "claim"
			}
			if ev := nth(events, s.ref.i); ev != nil {
				m = nth(ev[key], s.ref.j)
			}
		}
		if m == nil {
			return false
		}
		if _, dup := m[s.key]; dup {
			return false
		}
		m[s.key] = s.value
	}
	return true
}

// newPartCheck checks the events of a part whose first event is the
// file's number first (from 0).
func newPartCheck(name string, p *part, first int) *fileCheck {
	f := &fileCheck{name: name, layout: p.scan.l}
	f.checkEvents(p.events, p.scan.l.Events, first)
	return f
}

// arrayOfTables returns v as the tables of [[header]]s; absent is none.
func arrayOfTables(v any, typ string) ([]map[string]any, bool) {
	if v == nil {
		return nil, typ == ""
	}
	t, ok := v.([]map[string]any)
	return t, ok && typ == "ArrayHash"
}

// plainEventTable reports whether an event table holds no tables but links'
// { to, note } and its sources and claims, and they none.
func plainEventTable(m map[string]any) bool {
	for k, v := range m {
		switch x := v.(type) {
		case map[string]any:
			return false
		case []map[string]any:
			if k != "source" && k != "claim" {
				return false
			}
			for _, t := range x {
				if !flatTable(t) {
					return false
				}
			}
		case []any:
			for _, e := range x {
				switch y := e.(type) {
				case map[string]any:
					if !flatTable(y) {
						return false
					}
				case []map[string]any:
					return false
				case []any:
					if !flatArray(y) {
						return false
					}
				}
			}
		}
	}
	return true
}

// flatTable reports whether a table holds no tables.
func flatTable(m map[string]any) bool {
	for _, v := range m {
		if !flatValue(v) {
			return false
		}
	}
	return true
}

// flatArray reports whether an array holds no tables.
func flatArray(a []any) bool {
	for _, v := range a {
		if !flatValue(v) {
			return false
		}
	}
	return true
}

// flatValue reports whether v is not a table, nor an array that holds one.
func flatValue(v any) bool {
	switch x := v.(type) {
	case map[string]any, []map[string]any:
		return false
	case []any:
		return flatArray(x)
	}
	return true
}

// inParallel calls work(i) for each i in [0, n) on up to GOMAXPROCS
// goroutines, and done(i), in the calling goroutine, as each one ends.
func inParallel(n int, work func(i int), done func(i int)) {
	var next atomic.Int64
	finished := make(chan int, n)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				work(i)
				finished <- i
			}
		})
	}
	for range n {
		i := <-finished
		if done != nil {
			done(i)
		}
	}
	wg.Wait()
}
