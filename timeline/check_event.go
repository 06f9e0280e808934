package timeline

import (
	"cmp"
	"slices"
	"strings"
)

// The check stage (see check.go): an [[event]] table, its id and its
// links.

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
			t.errKey("id", "%q is not a valid id: use lowercase letters, digits and single '-' between them, such as %q", e.ID, cmp.Or(Slug(e.ID), "event-1"))
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
			sp := nth(pos.Sources, len(sources), j, pos.Line)
			e.Sources = append(e.Sources, f.source(sm, sp, t.label, j))
		}
	}
	if claims := t.tables("claim", "event.claim"); len(claims) > 0 {
		e.Claims = f.alloc.claims(len(claims))
		for j, cm := range claims {
			cp := nth(pos.Claims, len(claims), j, pos.Line)
			e.Claims = append(e.Claims, f.claim(cm, cp, t.label, j, len(e.Sources)))
		}
	}
	ce.errors = f.errors - errorsBefore
	f.events = append(f.events, ce)
}

// links reads links = ["id", { to = "id", note = "why" }].
func (t table) links() []Link {
	arr, ok := t.array("links", "an array such as [\"other-id\", { to = \"id\", note = \"why\" }]")
	if !ok {
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

// maxIDLength keeps ids made from long titles short enough to type.
const maxIDLength = 48

// Slug turns text into a valid id: "Printz v. U.S." becomes
// "printz-v-u-s". Accents are dropped ("Péter" becomes "peter"), and
// apostrophes ("Caesar's" becomes "caesars"); a long result is cut at a
// '-'. Text with no letter or digit a valid id can have gives "".
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range strings.ToLower(Fold(s)) {
		if r == '\'' || r == '’' {
			continue // "Caesar's" is "caesars"
		}
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
	id := b.String()
	if len(id) > maxIDLength {
		id = id[:maxIDLength]
		if i := strings.LastIndexByte(id, '-'); i > maxIDLength/2 {
			id = id[:i]
		}
		id = strings.TrimRight(id, "-")
	}
	return id
}
