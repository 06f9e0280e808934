package ui

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"

	"backstory/timeline"
	"backstory/timeline/interop"
)

// Huge content in the viewer: a body of megabytes, thousands of links or
// tags, a title of a megabyte, words of 100,000 characters. The detail
// pane renders a capped copy of such an event (render.go: bodyCap,
// listCap, textCap) so that its first rendering stays well under 200 ms;
// `backstory show` renders the event whole.
//
// go test -run '^$' -bench Huge -benchtime=1x ./ui runs each benchmark once
// on the small sizes; BACKSTORY_BENCH_BIG=1 adds the 50 MB body, the
// uncapped renderings the caps were chosen from, and 10,000 links
// uncapped.

func bigBench() bool { return os.Getenv("BACKSTORY_BENCH_BIG") != "" }

// hugeSpec describes the event "huge" of a generated chronology.
type hugeSpec struct {
	body      int // bytes of body, in paragraphs of words
	links     int // links to other events (each a small event of its own)
	backlinks int // events that link to it
	tags      int
	title     int    // bytes of title, in words; 0: a short title
	word      int    // a word of this many characters, without spaces, in the title, body and tags
	fence     bool   // the body is one long code block
	bodyTail  string // the body's last paragraph
}

// hugeChronology is a chronology with the event "huge" as spec says, link
// targets t0, t1, … and backlinkers b0, b1, …. The big strings are set
// on the parsed event (the viewer never changes a chronology), so that a
// 50 MB body costs no TOML parsing.
func hugeChronology(tb testing.TB, spec hugeSpec) *timeline.Chronology {
	tb.Helper()
	var b strings.Builder
	b.WriteString("title = \"Huge 東京 🇺🇸\"\n\n[[event]]\nid = \"huge\"\ndate = 2020-01-01\ntitle = \"Huge event\"\n")
	if spec.links > 0 {
		b.WriteString("links = [")
		for i := range spec.links {
			if i > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "{ to = \"t%d\", note = \"note %d\" }", i, i)
		}
		b.WriteString("]\n")
	}
	for i := range spec.links {
		fmt.Fprintf(&b, "\n[[event]]\nid = \"t%d\"\ndate = 2021-01-01\ntitle = \"Target %d 東京\"\n", i, i)
	}
	for i := range spec.backlinks {
		fmt.Fprintf(&b, "\n[[event]]\nid = \"b%d\"\ndate = 2019-01-01\ntitle = \"Backlinker %d\"\nlinks = [\"huge\"]\n", i, i)
	}
	c, diags := timeline.Parse("huge.toml", []byte(b.String()))
	if c == nil || diags.HasErrors() {
		tb.Fatalf("the huge chronology does not load:\n%s", diags)
	}
	e := c.Event("huge")
	word := strings.Repeat("w", spec.word)
	if spec.title > 0 {
		e.Title = "Huge event " + words(spec.title)
	}
	if spec.word > 0 {
		e.Title += " " + word
	}
	var body strings.Builder
	if spec.fence {
		body.WriteString("```\n")
	}
	if spec.word > 0 {
		body.WriteString(word + "\n\n")
	}
	for n := 0; body.Len() < spec.body; n++ {
		fmt.Fprintf(&body, "Paragraph %d. ", n)
		body.WriteString(words(min(600, spec.body-body.Len())))
		body.WriteString("\n\n")
	}
	if spec.fence {
		body.WriteString("```\n\n")
	}
	body.WriteString(spec.bodyTail)
	e.Body = body.String()
	for i := range spec.tags {
		e.Tags = append(e.Tags, fmt.Sprintf("tag-%d", i))
	}
	if spec.word > 0 {
		e.Tags = append(e.Tags, word)
	}
	return c
}

// words is n bytes of text: words of the story, with an emoji and some
// Japanese now and then, so that wide characters are wrapped too.
func words(n int) string {
	vocab := []string{"the", "memo", "sanctuary", "Justice", "Department", "officials", "warned", "東京都", "that", "local", "law", "🙂", "México"}
	var b strings.Builder
	for i := 0; b.Len() < n; i += 7 {
		b.WriteString(vocab[i%len(vocab)])
		b.WriteByte(' ')
	}
	return strings.TrimSpace(b.String())
}

func hugeLoad(c *timeline.Chronology) LoadFunc {
	return func(func(int64, int64)) (*timeline.Chronology, timeline.Diagnostics, string) {
		return c, nil, "huge.toml"
	}
}

// hugeDriver is a viewer at w x h on c, with the event "huge" open in the
// detail pane and rendered.
func hugeDriver(t testing.TB, c *timeline.Chronology, w, h int) *driver {
	t.Helper()
	d := newDriver(t, w, h, Options{Load: hugeLoad(c), EventID: "huge"})
	if d.current() != "huge" {
		t.Fatalf("the viewer shows %q", d.current())
	}
	return d
}

// TestBodyCap: the detail pane renders the first bodyCap bytes of a body,
// cut at a paragraph, and ends it with a line that says so and how to read
// it all; the event, and the Markdown `backstory show` renders, keep the
// whole body.
func TestBodyCap(t *testing.T) {
	const tail = "THE-LAST-PARAGRAPH"
	c := hugeChronology(t, hugeSpec{body: 2 << 20, links: 3, backlinks: 2, bodyTail: tail})
	e := c.Event("huge")
	full := e.Body
	md := eventMarkdown(c, e)
	cutLine := "… body cut at 256 KB of 2.0 MB; backstory show huge prints it all"
	if !strings.Contains(md, "*"+cutLine+"*") {
		t.Fatalf("the viewer's Markdown does not say where the body is cut:\n%s", md[max(0, len(md)-2000):])
	}
	if strings.Contains(md, tail) || len(md) > bodyCap+8<<10 {
		t.Errorf("the viewer's Markdown is %d bytes, with the body's end: %v", len(md), strings.Contains(md, tail))
	}
	if e.Body != full {
		t.Error("capping changed the event")
	}
	if show := interop.EventMarkdown(c, e); !strings.Contains(show, tail) || strings.Contains(show, "body cut") {
		t.Error("the Markdown of backstory show lost the end of the body, or says it is cut")
	}
	// the body is cut at a paragraph break: its last paragraph is whole
	before, _, _ := strings.Cut(md, "*"+cutLine)
	body := strings.TrimSuffix(before, "\n\n")
	last := body[strings.LastIndex(body, "\n\n")+2:]
	if !strings.HasPrefix(last, "Paragraph ") || !strings.Contains(full, "\n\n"+last+"\n\n") {
		t.Errorf("the body is not cut at a paragraph break: it ends with %q", last[max(0, len(last)-80):])
	}

	d := hugeDriver(t, c, 120, 40)
	d.press("G")
	screen := d.screen()
	if !strings.Contains(screen, "… body cut at 256 KB of 2.0 MB; backstory show huge prints") {
		t.Errorf("the end of the detail does not say where the body is cut:\n%s", screen)
	}
	if len(d.m.detail.targets) != 5 || d.m.detail.linkLine[4] < 0 {
		t.Errorf("the links after the cut body: %d targets, lines %v", len(d.m.detail.targets), d.m.detail.linkLine)
	}
	checkScreen(t, d.m, 120, 40, "end of a cut body")
}

// TestBodyCapInCodeBlock: a body cut inside a code block gets the block
// closed, so that the cut line and the sections after it are not code.
func TestBodyCapInCodeBlock(t *testing.T) {
	c := hugeChronology(t, hugeSpec{body: 600 << 10, links: 2, fence: true})
	md := eventMarkdown(c, c.Event("huge"))
	if !strings.Contains(md, "\n```\n\n*… body cut at 256 KB of 600 KB;") {
		t.Errorf("the code block is not closed before the cut line:\n%s", md[max(0, len(md)-500):])
	}
	d := hugeDriver(t, c, 100, 30)
	d.press("G")
	if s := d.screen(); !strings.Contains(s, "… body cut at 256 KB of 600 KB") || d.m.detail.linkLine[1] < 0 {
		t.Errorf("after the cut code block (links at lines %v):\n%s", d.m.detail.linkLine, s)
	}
}

// TestBodyCut: where cutBody cuts.
func TestBodyCut(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"short", "short"},
		{"aaaaaaaaaaaaa\n\nbb bb bb", "aaaaaaaaaaaaa"},  // at a paragraph break in the last quarter
		{"aaaa aaaa\n\nbbbb bbbb", "aaaa aaaa\n\nbbbb"}, // not earlier: at the last space
		{"aaaaaaaaaaaa\nbbbbbbbbbbbbbbbb", "aaaaaaaaaaaa\nbbb"},
		{"aaaaaaaaaaaaa\nbbbbbbbbbbbbbbbb", "aaaaaaaaaaaaa"}, // at a line break
		{"aaaaaaaaaaaaaaa bbbbbbbb", "aaaaaaaaaaaaaaa"},
		{"```\ncode code code code", "```\ncode code\n```"}, // the fence closed
		{"```\nc\n```\n\n~~~\ncode code", "```\nc\n```\n\n~~~\n~~~"},
		{"é" + strings.Repeat("日", 10), "é日日日日"}, // at a rune boundary
	} {
		if got := cutBody(tc.in, 16); got != tc.want {
			t.Errorf("cutBody(%q, 16) = %q, want %q", tc.in, got, tc.want)
		}
	}
	for _, tc := range []struct {
		n    int
		want string
	}{{100, "100 bytes"}, {256 << 10, "256 KB"}, {2 << 20, "2.0 MB"}, {10 << 20, "10 MB"}, {2<<20 + 300<<10, "2.3 MB"}, {50 << 20, "50 MB"}, {50<<20 + 1, "50 MB"}} {
		if got := sizeText(tc.n); got != tc.want {
			t.Errorf("sizeText(%d) = %q, want %q", tc.n, got, tc.want)
		}
	}
}

// TestLinksCap: of 10,000 links and 5 backlinks the detail pane shows and
// selects the first listCap, numbered as backstory show numbers them, and
// says how many there are; under the cap every link and backlink is shown.
func TestLinksCap(t *testing.T) {
	c := hugeChronology(t, hugeSpec{links: 10_000, backlinks: 5})
	e := c.Event("huge")
	md := eventMarkdown(c, e)
	note := fmt.Sprintf("*… links cut at %d of 10005 (links, then Referenced by); backstory show huge lists them all*", listCap)
	if !strings.Contains(md, note) {
		t.Errorf("the Markdown does not say the links are cut:\n%s", md[max(0, len(md)-500):])
	}
	if !strings.Contains(md, fmt.Sprintf("\n%d. Target %d", listCap, listCap-1)) || strings.Contains(md, fmt.Sprintf("\n%d. ", listCap+1)) ||
		strings.Contains(md, "## Referenced by") {
		t.Error("the Markdown does not show exactly the first links")
	}
	if show := interop.EventMarkdown(c, e); !regexp.MustCompile("\n10005\\. `b\\d+`: Backlinker").MatchString(show) {
		t.Error("backstory show's Markdown lost links")
	}
	d := hugeDriver(t, c, 120, 40)
	if n := len(d.m.detail.targets); n != listCap {
		t.Fatalf("the detail has %d targets, want %d", n, listCap)
	}
	d.press("shift+tab") // the last link shown
	if d.m.detail.linkSel != listCap-1 || d.m.detail.linkLine[listCap-1] < 0 {
		t.Fatalf("shift+tab selected %d, drawn on line %d", d.m.detail.linkSel, d.m.detail.linkLine[listCap-1])
	}
	if s := d.screen(); !strings.Contains(s, fmt.Sprintf("→ %d. Target %d 東京", listCap, listCap-1)) {
		t.Errorf("the selected link:\n%s", s)
	}
	d.press("enter")
	if d.current() != fmt.Sprintf("t%d", listCap-1) {
		t.Errorf("enter followed to %q", d.current())
	}

	// under the cap: nothing cut, the backlinks numbered after the links
	c = hugeChronology(t, hugeSpec{links: 600, backlinks: 300})
	md = eventMarkdown(c, c.Event("huge"))
	if strings.Contains(md, "cut at") || !strings.Contains(md, "\n900. Backlinker 299") {
		t.Error("900 links and backlinks were cut")
	}
	d = hugeDriver(t, c, 120, 40)
	if len(d.m.detail.targets) != 900 || d.m.detail.linkLine[899] < 0 {
		t.Errorf("%d targets; the last on line %d", len(d.m.detail.targets), d.m.detail.linkLine[899])
	}
}

// TestHugeFits: long words, a huge title, 10,000 tags: no line of any
// screen is wider than the terminal, and the detail pane's rendering is
// bounded.
func TestHugeFits(t *testing.T) {
	c := hugeChronology(t, hugeSpec{links: listCap + 1, tags: 10_000, title: 1 << 20, word: 100_000}) // the body cap: TestBodyCap
	e := c.Event("huge")
	if md := eventMarkdown(c, e); len(md) > bodyCap+listCap*64+8*textCap {
		t.Errorf("the viewer's Markdown is %d bytes", len(md))
	}
	if v, _ := viewerEvent(e); len(v.Title) > textCap+3 || len(strings.Join(v.Tags, ", ")) > textCap+64 ||
		v.Tags[len(v.Tags)-1] != fmt.Sprintf("… %d more", 10_001-(len(v.Tags)-1)) {
		t.Errorf("title %d bytes, tags %d bytes, last tag %q", len(v.Title), len(strings.Join(v.Tags, ", ")), v.Tags[len(v.Tags)-1])
	}
	sizes := [][2]int{{1, 1}, {7, 3}, {40, 12}, {89, 30}, {120, 40}, {300, 100}}
	if testing.Short() {
		sizes = sizes[2:5]
	}
	for _, size := range sizes {
		w, h := size[0], size[1]
		d := newDriver(t, w, h, Options{Load: hugeLoad(c), Style: styleDark})
		checkScreen(t, d.m, w, h, "list")
		for _, step := range []struct {
			what string
			keys []string
		}{
			{"list row of the huge event", nil},
			{"detail", []string{"enter"}},
			{"detail, scrolled", []string{"pgdown", "pgdown"}},
			{"detail end", []string{"G"}},
			{"link selected", []string{"tab"}},
			{"filter", []string{"/", "w", "w", "w"}},
			{"filter kept", []string{"enter"}},
			{"overview", []string{"i"}},
		} {
			d.press(step.keys...)
			checkScreen(t, d.m, w, h, step.what)
		}
		if n := len(d.m.list.events); n < 1 {
			t.Errorf("at %dx%d the filter www found nothing", w, h)
		}
	}
	d := hugeDriver(t, c, 120, 40)
	if n := len(d.m.detail.lines); n > 15_000 {
		t.Errorf("the detail pane has %d lines", n)
	}
	if s := d.screen(); !strings.Contains(s, "Huge event the 東京都 memo that sanc…│ Department") {
		t.Errorf("the huge title is not shown:\n%s", s)
	}
}

// The benchmarks: the first rendering of an event (what the render command
// does: its Markdown, Glamour, the wrapping to a 78-cell pane), as the
// viewer does it (capped) and, for the record, uncapped.

var (
	hugeOnce sync.Map // spec → *timeline.Chronology
)

// TestOverviewCap: a description of megabytes is cut as a body is, and
// the overview says so.
func TestOverviewCap(t *testing.T) {
	c := hugeChronology(t, hugeSpec{links: 1})
	c.Description = words(1 << 20)
	c.Title = words(1 << 20)
	md := overviewMarkdown(c)
	if !strings.Contains(md, "*… description cut at 256 KB of 1.0 MB; the file has it all*") || len(md) > bodyCap+2*textCap {
		t.Errorf("the overview is %d bytes:\n%s", len(md), md[max(0, len(md)-300):])
	}
	d := newDriver(t, 100, 30, Options{Load: hugeLoad(c)})
	d.press("i", "G")
	if s := d.screen(); !strings.Contains(s, "… description cut at 256 KB of 1.0 MB") {
		t.Errorf("the end of the overview:\n%s", s)
	}
	checkScreen(t, d.m, 100, 30, "overview of a huge description")
}

// TestShort: text from the files is cut before it is measured for a line
// of the screen, at a rune boundary, with "…".
func TestShort(t *testing.T) {
	long := strings.Repeat("é", maxLineBytes) // 2 bytes a rune
	if s := short(long); len(s) != maxLineBytes+len("…") || !strings.HasSuffix(s, "é…") {
		t.Errorf("short cut %d bytes to %d, ending %q", len(long), len(s), s[len(s)-8:])
	}
	if s := capText("日本語", 4); s != "日…" {
		t.Errorf("capText(日本語, 4) = %q", s)
	}
	if s := short("short"); s != "short" {
		t.Errorf("short(short) = %q", s)
	}
	// the list row, the header and the placeholder of an event with a
	// 1 MB title show its start
	c := hugeChronology(t, hugeSpec{title: 1 << 20, links: 1})
	c.Title = "Chronology " + words(1<<20)
	d := newDriver(t, 120, 40, Options{Load: hugeLoad(c)})
	if s := d.screen(); !strings.Contains(s, "Chronology the 東京都 memo") || !strings.Contains(s, "Huge event the 東京都") {
		t.Errorf("the screen:\n%s", s)
	}
	checkScreen(t, d.m, 120, 40, "a 1 MB title")
}

// TestMatchPastTheCut: n on an event the filter found by a word past the
// cut says the match is in what the pane does not show, and how to read it.
func TestMatchPastTheCut(t *testing.T) {
	const tail = "THE-LAST-PARAGRAPH"
	c := hugeChronology(t, hugeSpec{body: 600 << 10, links: 2, bodyTail: tail})
	d := hugeDriver(t, c, 160, 40)
	d.press("/")
	d.typeText("last-paragraph")
	d.press("enter")
	if d.current() != "huge" {
		t.Fatalf("the filter did not select the huge event:\n%s", d.screen())
	}
	d.press("enter", "n")
	if s := d.screen(); !strings.Contains(s, "None of the filter's words is in the part of this event shown here; backstory show huge prints it all") {
		t.Errorf("n past the cut:\n%s", s)
	}
}
