package timeline

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"backstory/internal/synth"
)

// Faster must not mean different: the loader, which decodes a big file in
// parallel parts, and the query, which answers from an index, are held
// here to the straightforward versions: the same loader reading each file
// whole, in one piece (wholeParse, wholeLoad), and Query.Match on each
// event (the folded text scanned).

// fewerCases is true under the race detector, which makes the long
// tests ten times slower, and with -short: they then try fewer cases,
// held to the same checks.
func fewerCases() bool { return raceEnabled || testing.Short() }

// smallChunks makes the loader split even small files into many parts,
// so that the tests go through the parallel path.
func smallChunks(t testing.TB) {
	t.Helper()
	minBytes, chunk := parallelMinBytes, chunkBytes
	parallelMinBytes, chunkBytes = 1, 2048
	t.Cleanup(func() { parallelMinBytes, chunkBytes = minBytes, chunk })
}

// wholeParse is Parse with every file read whole, in one piece.
func wholeParse(name string, data []byte) (*Chronology, Diagnostics) {
	defer wholeFiles()()
	return Parse(name, data)
}

// wholeLoad is Load with every file read whole, in one piece.
func wholeLoad(paths ...string) (*Chronology, Diagnostics) {
	defer wholeFiles()()
	return Load(paths...)
}

// wholeFiles makes the loader read every file whole, until the function
// it returns is called.
func wholeFiles() func() {
	minBytes := parallelMinBytes
	parallelMinBytes = math.MaxInt
	return func() { parallelMinBytes = minBytes }
}

// sameLoad fails unless Parse, reading data in parts when smallChunks is
// in force, and wholeParse give the same chronology and the same
// diagnostics for data.
func sameLoad(t *testing.T, what string, data []byte) {
	t.Helper()
	got, gotDiags := Parse("f.toml", data)
	want, wantDiags := wholeParse("f.toml", data)
	if g, w := gotDiags.String(), wantDiags.String(); g != w || !reflect.DeepEqual(gotDiags, wantDiags) {
		t.Fatalf("%s: diagnostics differ\n--- got\n%s--- want (whole)\n%s", what, firstLines(g, 20), firstLines(w, 20))
	}
	sameChronology(t, what, got, want)
}

func sameChronology(t *testing.T, what string, got, want *Chronology) {
	t.Helper()
	if (got == nil) != (want == nil) {
		t.Fatalf("%s: chronology %v, whole %v", what, got != nil, want != nil)
	}
	if got == nil {
		return
	}
	if got.Title != want.Title || got.Description != want.Description {
		t.Fatalf("%s: title or description differ", what)
	}
	if !reflect.DeepEqual(got.Eras, want.Eras) || !reflect.DeepEqual(got.Files, want.Files) {
		t.Fatalf("%s: eras or files differ\n got %+v\nwant %+v", what, got.Eras, want.Eras)
	}
	if len(got.Events) != len(want.Events) {
		t.Fatalf("%s: %d events, whole %d", what, len(got.Events), len(want.Events))
	}
	for i := range got.Events {
		if !reflect.DeepEqual(*got.Events[i], *want.Events[i]) {
			t.Fatalf("%s: event %d differs\n got %+v\nwant %+v", what, i, *got.Events[i], *want.Events[i])
		}
	}
	if len(got.byID) != len(want.byID) {
		t.Fatalf("%s: %d ids, whole %d", what, len(got.byID), len(want.byID))
	}
	for id, e := range want.byID {
		if g := got.byID[id]; g == nil || g.ID != e.ID || g.Index != e.Index {
			t.Fatalf("%s: id %q resolves differently", what, id)
		}
	}
}

// generated returns synthetic chronologies of every flavour.
func generated() []struct {
	name string
	data []byte
} {
	var out []struct {
		name string
		data []byte
	}
	for seed := uint64(1); seed <= 6; seed++ {
		o := synth.Options{Events: 40 + int(seed)*60, Seed: seed, MinBodyWords: 5, MaxBodyWords: 80}
		o.Tricky = seed%2 == 0
		o.LateEra = seed%3 == 0
		out = append(out, struct {
			name string
			data []byte
		}{fmt.Sprintf("seed %d tricky %v late era %v", seed, o.Tricky, o.LateEra), synth.Generate(o)})
	}
	return out
}

func TestLoadEquivalentGenerated(t *testing.T) {
	smallChunks(t)
	for _, g := range generated() {
		sameLoad(t, g.name, g.data)
		c, diags := Parse("f.toml", g.data)
		if c == nil || diags.HasErrors() {
			t.Fatalf("%s does not load:\n%s", g.name, firstLines(diags.String(), 10))
		}
	}
}

// TestLoadEquivalentSequential checks the whole-file path against the
// reference too: small files and files the parallel path gives up on.
func TestLoadEquivalentSequential(t *testing.T) {
	for _, g := range generated() {
		sameLoad(t, g.name, g.data)
	}
}

// faults are mistakes people make in a file (and some TOML oddities),
// each applied to a generated file at a random place.
var faults = []struct {
	name  string
	apply func(r *rand.Rand, lines []string) []string
}{
	{"unknown key", func(r *rand.Rand, l []string) []string {
		return insertAfter(r, l, "[[event]]", "tpyo = 1")
	}},
	{"duplicate id", func(r *rand.Rand, l []string) []string {
		ids := linesWith(l, "id = ")
		if len(ids) < 2 {
			return l
		}
		a, b := ids[r.IntN(len(ids))], ids[r.IntN(len(ids))]
		l[b] = l[a]
		return l
	}},
	{"missing id", func(r *rand.Rand, l []string) []string { return deleteLine(r, l, "id = ") }},
	{"missing title", func(r *rand.Rand, l []string) []string { return deleteLine(r, l, "title = ") }},
	{"bad TOML date", func(r *rand.Rand, l []string) []string { return replaceLine(r, l, "date = ", "date = 2018-13-45") }},
	{"bad partial date", func(r *rand.Rand, l []string) []string { return replaceLine(r, l, "date = ", `date = "2018-02-30"`) }},
	{"end before start", func(r *rand.Rand, l []string) []string {
		return insertAfter(r, l, "[[event]]", `end = "1066"`)
	}},
	{"link to nowhere", func(r *rand.Rand, l []string) []string {
		return insertAfter(r, l, "[[event]]", `links = ["no-such-event", { to = "nor-this", note = "x" }]`)
	}},
	{"unclosed string", func(r *rand.Rand, l []string) []string {
		return insertAfter(r, l, "[[event]]", `summary = """never closed`)
	}},
	{"single claim table", func(r *rand.Rand, l []string) []string {
		return replaceLine(r, l, "[[event.claim]]", "[event.claim]")
	}},
	{"dotted key", func(r *rand.Rand, l []string) []string { return insertAfter(r, l, "[[event]]", "meta.x = 1") }},
	{"era among events", func(r *rand.Rand, l []string) []string {
		return insertAfter(r, l, "published = ", "\n[[era]]\ntitle = \"Mid\"\nstart = 2000-01-01\n\n[[event]]\nid = \"after-era\"\ndate = \"2000\"\ntitle = \"After\"")
	}},
	{"top-level table after events", func(r *rand.Rand, l []string) []string {
		return append(l, "[notes]", "x = 1")
	}},
	{"event as a single table", func(r *rand.Rand, l []string) []string {
		return replaceLine(r, l, "[[event]]", "[event]")
	}},
	{"bad claim status", func(r *rand.Rand, l []string) []string { return replaceLine(r, l, "status = ", `status = "maybe"`) }},
	{"bad url", func(r *rand.Rand, l []string) []string {
		return replaceLine(r, l, "url = ", `url = "ftp://example.org/x"`)
	}},
	{"title on two lines", func(r *rand.Rand, l []string) []string {
		return replaceLine(r, l, "title = ", `title = "two\nlines"`)
	}},
	{"wrong type", func(r *rand.Rand, l []string) []string { return replaceLine(r, l, "tags = ", "tags = 7") }},
	{"key set twice", func(r *rand.Rand, l []string) []string {
		return insertAfter(r, l, "[[event]]", "approximate = true\napproximate = false")
	}},
	{"bad id", func(r *rand.Rand, l []string) []string { return replaceLine(r, l, "id = ", `id = "Not An Id"`) }},
	{"header inside a string", func(r *rand.Rand, l []string) []string {
		return insertAfter(r, l, "[[event]]", "quote = '''\n[[event]]\nid = \"fake\"\n'''")
	}},
	{"truncated", func(r *rand.Rand, l []string) []string { return l[:r.IntN(len(l))] }},
	// values the loader reads without the decoder (see takeValue)
	{"string key twice", func(r *rand.Rand, l []string) []string {
		return insertAfter(r, l, "[[event]]", `summary = "one"`+"\n"+`summary = "two"`)
	}},
	{"string where a table goes", func(r *rand.Rand, l []string) []string {
		return insertAfter(r, l, "[[event]]", `source = "not a table"`)
	}},
	{"string then dotted key", func(r *rand.Rand, l []string) []string {
		return insertAfter(r, l, "[[event]]", `summary = "x"`+"\n"+`summary.y = 1`)
	}},
	{"control character in a string", func(r *rand.Rand, l []string) []string {
		return insertAfter(r, l, "[[event]]", "summary = \"a\x01b\"")
	}},
	{"text after a string", func(r *rand.Rand, l []string) []string {
		return insertAfter(r, l, "[[event]]", `summary = "ok" nope`)
	}},
	{"comments after values", func(r *rand.Rand, l []string) []string {
		return insertAfter(r, l, "[[event]]", `summary = "ok" # fine`+"\n"+`people = ["A", "B"]   # two`+"\n"+`note = """`+"\n"+`x"""  # after`)
	}},
	{"arrays", func(r *rand.Rand, l []string) []string {
		return insertAfter(r, l, "[[event]]", `tags = ["a", "b",]`+"\n"+`people = []`+"\n"+`places = [ "x" ,"y" ]`)
	}},
	{"array of mixed items", func(r *rand.Rand, l []string) []string { return replaceLine(r, l, "tags = ", `tags = ["a", 1]`) }},
	{"array of one comma", func(r *rand.Rand, l []string) []string { return replaceLine(r, l, "tags = ", `tags = [,]`) }},
	{"quotes at the end of a body", func(r *rand.Rand, l []string) []string {
		return insertAfter(r, l, "[[event]]", "summary = \"\"\"x\"\"\"\"\"\nquote = \"\"\"y\"\"\"\"\"\"")
	}},
	{"quoted and bare keys", func(r *rand.Rand, l []string) []string {
		return insertAfter(r, l, "[[event]]", `"summary" = "quoted"`+"\n"+`summary = "bare"`)
	}},
}

func insertAfter(r *rand.Rand, l []string, prefix, text string) []string {
	at := linesWith(l, prefix)
	if len(at) == 0 {
		return l
	}
	i := at[r.IntN(len(at))] + 1
	return append(l[:i], append(strings.Split(text, "\n"), l[i:]...)...)
}

func replaceLine(r *rand.Rand, l []string, prefix, text string) []string {
	at := linesWith(l, prefix)
	if len(at) == 0 {
		return l
	}
	i := at[r.IntN(len(at))]
	l[i] = text
	return l
}

func deleteLine(r *rand.Rand, l []string, prefix string) []string {
	at := linesWith(l, prefix)
	if len(at) == 0 {
		return l
	}
	i := at[r.IntN(len(at))]
	return append(l[:i], l[i+1:]...)
}

func linesWith(l []string, prefix string) []int {
	var at []int
	for i, s := range l {
		if strings.HasPrefix(s, prefix) {
			at = append(at, i)
		}
	}
	return at
}

func TestLoadEquivalentFaults(t *testing.T) {
	smallChunks(t)
	base := synth.Generate(synth.Options{Events: 150, Seed: 7, MinBodyWords: 5, MaxBodyWords: 60})
	tricky := synth.Generate(synth.Options{Events: 150, Seed: 8, MinBodyWords: 5, MaxBodyWords: 60, Tricky: true})
	variants, mixed := 6, 40
	if fewerCases() {
		variants, mixed = 2, 8
	}
	for _, f := range faults {
		for k := range variants {
			data := base
			if k%2 == 1 {
				data = tricky
			}
			r := rand.New(rand.NewPCG(uint64(k), 99))
			lines := f.apply(r, strings.Split(string(data), "\n"))
			sameLoad(t, fmt.Sprintf("%s #%d", f.name, k), []byte(strings.Join(lines, "\n")))
		}
	}
	// several faults at once, and byte-level damage
	r := rand.New(rand.NewPCG(5, 5))
	for k := range mixed {
		lines := strings.Split(string(base), "\n")
		for range 1 + r.IntN(4) {
			lines = faults[r.IntN(len(faults))].apply(r, lines)
		}
		data := []byte(strings.Join(lines, "\n"))
		switch k % 4 {
		case 1:
			data = bytes.ReplaceAll(data, []byte("\n"), []byte("\r\n"))
		case 2:
			data = append([]byte("\xef\xbb\xbf"), data...)
		case 3:
			i := r.IntN(len(data))
			data = append(data[:i:i], append([]byte{0xff}, data[i:]...)...)
		}
		sameLoad(t, fmt.Sprintf("mixed faults #%d", k), data)
	}
}

// TestLoadEquivalentFiles loads several files and a folder, where ids
// must be unique across files.
func TestLoadEquivalentFiles(t *testing.T) {
	smallChunks(t)
	dir := t.TempDir()
	a := synth.Generate(synth.Options{Events: 120, Seed: 11, MinBodyWords: 5, MaxBodyWords: 40})
	b := synth.Generate(synth.Options{Events: 90, Seed: 12, MinBodyWords: 5, MaxBodyWords: 40, Tricky: true})
	// the second file's ids are made unique, but one clashes with the first file
	b = bytes.ReplaceAll(b, []byte(`id = "`), []byte(`id = "b-`))
	b = bytes.ReplaceAll(b, []byte(`to = "`), []byte(`to = "b-`))
	for _, f := range []struct {
		name string
		data []byte
	}{{"a.toml", a}, {"b.toml", b}} {
		if err := os.WriteFile(filepath.Join(dir, f.name), f.data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, paths := range [][]string{
		{dir},
		{filepath.Join(dir, "a.toml"), filepath.Join(dir, "b.toml")},
		{filepath.Join(dir, "a.toml"), filepath.Join(dir, "a.toml")},
		{filepath.Join(dir, "b.toml"), filepath.Join(dir, "missing.toml")},
	} {
		got, gotDiags := Load(paths...)
		want, wantDiags := wholeLoad(paths...)
		if gotDiags.String() != wantDiags.String() {
			t.Fatalf("Load(%q): diagnostics differ\n--- got\n%s--- want\n%s", paths, firstLines(gotDiags.String(), 10), firstLines(wantDiags.String(), 10))
		}
		sameChronology(t, fmt.Sprint(paths), got, want)
	}
}

// TestQueryEquivalent runs many queries through Filter (the index) and
// through Match on each event (the folded text scanned), which must agree.
func TestQueryEquivalent(t *testing.T) {
	chronologies, queries := 4, 300
	if fewerCases() {
		chronologies, queries = 2, 120
	}
	chunk := scanChunk
	scanChunk = 7 // (many chunks, some short)
	t.Cleanup(func() { scanChunk = chunk })
	for _, g := range generated()[:chronologies] {
		c, diags := Parse("f.toml", g.data)
		if c == nil {
			t.Fatalf("%s does not load:\n%s", g.name, diags)
		}
		unindexed, _ := Parse("f.toml", g.data) // for Scan, which builds no index
		for _, s := range equivalenceQueries(c, queries) {
			q, err := ParseQuery(s)
			if err != nil {
				continue
			}
			got := ids(q.Filter(c))
			var want []*Event
			for _, e := range c.Events {
				if q.Match(nil, e) { // nil: fold e's text on the spot, no index
					want = append(want, e)
				}
			}
			if got != ids(want) {
				t.Fatalf("%s: Filter(%q) differs from Match\n got [%s]\nwant [%s]", g.name, s, got, ids(want))
			}
			if scanned := ids(q.Scan(unindexed)); scanned != got {
				t.Fatalf("%s: Scan(%q) differs from Filter\n got [%s]\nwant [%s]", g.name, s, scanned, got)
			}
		}
		if unindexed.search.index != nil {
			t.Errorf("%s: Scan built the index", g.name)
		}
	}
}

// equivalenceQueries makes n queries of every kind, some from the
// chronology's own text.
func equivalenceQueries(c *Chronology, n int) []string {
	r := rand.New(rand.NewPCG(uint64(len(c.Events)), 3))
	fixed := []string{
		"a", "e", "z", "0", "7", ".", "-", ",", "'", "“", "é", "ß", "ø", "K", "\u212a", "ſ",
		"the", "THE", "mexico", "México", "MEXICO", "lodz", "łódź", "zurich", "Zürich", "sao paulo",
		"government", "police budget", `"federal court"`, `"supreme court" -tag:budget`, "-the", "-a",
		"tag:immigration", "tag:IMM", "person:garcia", "place:mexico", "source:times", "source:https",
		"from:2018-02 to:2019-06", "year:2001", "to:1950", "is:unsourced", "is:disputed", "is:unverified",
		"is:approximate", "has:claim", "has:source", "has:link", "-has:link", "u.s.", "10:30", "“the", "the”",
		"city's", "https://www", ".com", "—", "**", "[", "](", "\"a b\"", "e-", "-e-", "2018", "20", "-20",
		"the the", "\"the the\"", "of the", "\"of the\"", "\x00", "\u0301", "-\u0301", "tag:\u0301", "a\x00b",
	}
	out := append([]string(nil), fixed...)
	texts := make([]string, 0, len(c.Events))
	for _, e := range c.Events {
		t := newEventText(e)
		texts = append(texts, t.all())
	}
	vocab := synth.Vocabulary()
	for len(out) < n {
		switch r.IntN(9) {
		case 0: // a word of the vocabulary, maybe cut
			w := vocab[r.IntN(len(vocab))]
			if r.IntN(2) == 0 && len(w) > 3 {
				w = w[r.IntN(2):]
			}
			out = append(out, w)
		case 1, 2: // a piece of an event's text, as a phrase
			s := texts[r.IntN(len(texts))]
			if len(s) < 30 {
				continue
			}
			i := r.IntN(len(s) - 25)
			piece := strings.ToValidUTF8(strings.ReplaceAll(s[i:i+1+r.IntN(24)], "\x00", " "), "")
			piece = strings.ReplaceAll(piece, `"`, "")
			if r.IntN(2) == 0 {
				out = append(out, `"`+piece+`"`)
			} else {
				out = append(out, `-"`+piece+`"`)
			}
		case 3: // two letters
			out = append(out, string(rune('a'+r.IntN(26)))+string(rune('a'+r.IntN(26))))
		case 4: // links to an event, in any case
			e := c.Events[r.IntN(len(c.Events))]
			id := e.ID
			if r.IntN(3) == 0 {
				id = strings.ToUpper(id)
			}
			out = append(out, "links:"+id)
		case 5:
			out = append(out, "links:no-such-id", "links:"+strings.ReplaceAll(c.Events[0].ID, "k", "\u212a"))
		case 6: // combinations
			out = append(out, fixed[r.IntN(len(fixed))]+" "+fixed[r.IntN(len(fixed))]+" "+vocab[r.IntN(200)])
		case 7: // an id, whole or in part
			id := c.Events[r.IntN(len(c.Events))].ID
			out = append(out, id[:1+r.IntN(len(id))])
		case 8: // a person or a tag of an event, field or not
			e := c.Events[r.IntN(len(c.Events))]
			if len(e.People) > 0 {
				out = append(out, `person:"`+e.People[0]+`"`, `"`+e.People[0]+`"`)
			}
			if len(e.Tags) > 0 {
				out = append(out, "tag:"+e.Tags[0], "-tag:"+e.Tags[0])
			}
		}
	}
	return out
}

// TestLoadInParts makes sure the tests above go through the parallel path:
// generated files, tricky ones included, are read in parts, even where a
// cut falls on a header-like line inside a string.
func TestLoadInParts(t *testing.T) {
	smallChunks(t)
	for _, g := range generated() {
		ld := newLoader()
		if !ld.fileInParts("f.toml", crlfToLF(g.data)) {
			t.Errorf("%s: not read in parts", g.name)
		}
	}
	// a cut at a header inside a string, and the part read with the next
	data := []byte("title = \"t\"\n" + strings.Repeat("[[event]]\nid = \"a\"\ndate = \"2018\"\ntitle = \"x\"\nbody = \"\"\"\n"+strings.Repeat("text\n", 300)+"[[event]]\n"+strings.Repeat("more\n", 300)+"\"\"\"\n", 3))
	data = bytes.Replace(data, []byte(`id = "a"`), []byte(`id = "b"`), 1)
	data = bytes.Replace(data, []byte(`id = "a"`), []byte(`id = "c"`), 1)
	ld := newLoader()
	if !ld.fileInParts("f.toml", string(data)) {
		t.Errorf("a file cut inside a string is not read in parts")
	}
	sameLoad(t, "cut inside a string", data)
}

// FuzzLoadEquivalent: whatever the bytes, the loader reading them in
// parts as small as can be and the reference agree.
func FuzzLoadEquivalent(f *testing.F) {
	fuzzSeeds(f)
	f.Add(synth.Generate(synth.Options{Events: 6, Seed: 3, MinBodyWords: 3, MaxBodyWords: 10, Tricky: true, LateEra: true}))
	f.Fuzz(func(t *testing.T, data []byte) {
		minBytes, chunk := parallelMinBytes, chunkBytes
		parallelMinBytes, chunkBytes = 1, 16
		defer func() { parallelMinBytes, chunkBytes = minBytes, chunk }()
		done := make(chan bool)
		defer close(done)
		go func() {
			select {
			case <-done:
			case <-time.After(5 * time.Second):
				panic(fmt.Sprintf("slow input %q", data))
			}
		}()
		sameLoad(t, "fuzz", data)
	})
}

// FuzzFilterEquivalent: whatever the query, Filter (the index) and Scan
// (one query, no index) find what Match finds event by event, in a loaded chronology (links answered from
// the events' links) and in one made by hand.
func FuzzFilterEquivalent(f *testing.F) {
	for _, s := range []string{"a", "mexico", `"of the"`, "-the", "tag:x", "links:X", "u.s.", "\x00", `"a b" -c`, "ß", "K"} {
		f.Add(s)
	}
	data := synth.Generate(synth.Options{Events: 60, Seed: 5, MinBodyWords: 5, MaxBodyWords: 40, Tricky: true})
	loaded, _ := Parse("f.toml", data)
	byHand := queryTestChronology()
	// the same, never indexed, for Scan (which reads each event)
	loadedToScan, _ := Parse("f.toml", data)
	scanned := []*Chronology{loadedToScan, queryTestChronology()}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := ParseQuery(s)
		if err != nil {
			return
		}
		for k, c := range []*Chronology{loaded, byHand} {
			var want []*Event
			for _, e := range c.Events {
				if q.Match(nil, e) {
					want = append(want, e)
				}
			}
			if got := ids(q.Filter(c)); got != ids(want) {
				t.Fatalf("Filter(%q) = [%s], Match finds [%s]", s, got, ids(want))
			}
			if got := ids(q.Scan(scanned[k])); got != ids(want) {
				t.Fatalf("Scan(%q) = [%s], Match finds [%s]", s, got, ids(want))
			}
		}
		for _, c := range scanned {
			if c.search.index != nil {
				t.Fatalf("Scan built the index")
			}
		}
	})
}

// FuzzFolderAdd: the folder's fast path for ASCII folds exactly as the
// byte-at-a-time loop it replaced.
func FuzzFolderAdd(f *testing.F) {
	for _, s := range []string{"", "Hello  World", "a\tb\x00c\x7f", "México  D.F.\n\n", "  x  ", "ß Ⱥ K", "\xff a"} {
		f.Add(s, true)
		f.Add(s, false)
	}
	f.Fuzz(func(t *testing.T, s string, collapse bool) {
		var got, want folder
		got.buf = []byte("prefix ")
		want.buf = []byte("prefix ")
		got.add(s, collapse)
		refFolderAdd(&want, s, collapse)
		if string(got.buf) != string(want.buf) {
			t.Errorf("add(%q, %v) = %q, was %q", s, collapse, got.buf, want.buf)
		}
	})
}
