package interop

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"backstory/timeline"
)

// mustParse loads a chronology from src, failing the test on any
// diagnostic.
func mustParse(t *testing.T, src string) *timeline.Chronology {
	t.Helper()
	c, diags := timeline.Parse("md.toml", []byte(src))
	if c == nil || len(diags) > 0 {
		t.Fatalf("does not load:\n%s", diags)
	}
	return c
}

const markdownChronology = `title = "md"
[[event]]
id = "hub"
date = 2018-02-24
title = "The hub: *bold*"
summary = "Shown above the body."
tags = ["t1", "t_2"]
people = ["Ana María Pérez"]
places = ["Oakland, Calif."]
links = ["early", { to = "late", note = "then" }]
body = """

Some **markdown** body.

- a list
"""
[[event.claim]]
text = "A claim"
status = "disputed"
note = "a note"
[[event.claim]]
text = "Another"
status = "verified"
[[event.source]]
title = "Source title"
publisher = "The Publisher"
url = "https://example.com/x"
published = 2018-02-25
quote = "verbatim words"
[[event.source]]
title = "Bare"

[[event]]
id = "early"
date = "2017"
title = "Early"
summary = "Only a summary."

[[event]]
id = "late"
date = 2019-01-01
end = 2019-02-01
title = "Late"
links = [{ to = "hub", note = "looks back" }]

[[event]]
id = "later"
date = 2020-05-01
approximate = true
title = "Later"
links = ["hub"]

[[event]]
id = "earliest"
date = 2016-01-01
display_date = "New Year's Day, 2016"
title = "Earliest"
links = ["hub"]
`

func TestEventMarkdown(t *testing.T) {
	c := mustParse(t, markdownChronology)
	hub := c.Event("hub")
	want := "# The hub: \\*bold\\*\n" +
		"\n" +
		"**24 Feb 2018**\n" +
		"\n" +
		"- Tags: t1, t\\_2\n" +
		"- People: Ana María Pérez\n" +
		"- Places: Oakland, Calif.\n" +
		"\n" +
		"*Shown above the body.*\n" +
		"\n" +
		"Some **markdown** body.\n" +
		"\n" +
		"- a list\n" +
		"\n" +
		"## Claims\n" +
		"\n" +
		"- **! DISPUTED**: A claim — a note\n" +
		"- **✓ VERIFIED**: Another\n" +
		"\n" +
		"## Sources\n" +
		"\n" +
		"1. *Source title*, The Publisher, 25 Feb 2018 <https://example.com/x>\n" +
		"   > verbatim words\n" +
		"2. *Bare*\n" +
		"\n" +
		"## Links\n" +
		"\n" +
		"1. `early`: Early (2017)\n" +
		"2. `late`: Late (1 Jan – 1 Feb 2019) — then\n" +
		"\n" +
		"## Referenced by\n" +
		"\n" +
		"3. `earliest`: Earliest (1 Jan 2016)\n" +
		"4. `late`: Late (1 Jan – 1 Feb 2019) — looks back\n" +
		"5. `later`: Later (about 1 May 2020)\n"
	got := EventMarkdown(c, hub)
	if got != want {
		t.Errorf("EventMarkdown\n--- got\n%s--- want\n%s", got, want)
	}

	// the numbers of links and backlinks are the indexes of Targets
	targets := hub.Targets()
	if want := []string{"early", "late", "earliest", "late", "later"}; strings.Join(targets, " ") != strings.Join(want, " ") {
		t.Errorf("Targets() = %v, want %v", targets, want)
	}
	numbered := regexp.MustCompile(`(?m)^(\d+)\. (.*)$`)
	_, after, _ := strings.Cut(got, "## Links\n")
	items := numbered.FindAllStringSubmatch(after, -1)
	if len(items) != len(targets) {
		t.Fatalf("%d numbered links and backlinks, %d targets", len(items), len(targets))
	}
	for i, m := range items {
		if m[1] != strconv.Itoa(i+1) {
			t.Errorf("item %d is numbered %s", i+1, m[1])
		}
		if title := c.Event(targets[i]).Title; !strings.HasPrefix(m[2], "`"+targets[i]+"`: "+title+" (") {
			t.Errorf("item %d is %q, want target %d, %q", i+1, m[2], i+1, title)
		}
	}

	// an event with a summary and no body shows the summary; no empty
	// sections; backlinks are numbered from 1 when there are no links
	if got, want := EventMarkdown(c, c.Event("early")), "# Early\n\n**2017**\n\n*Only a summary.*\n\n## Referenced by\n\n1. `hub`: The hub: \\*bold\\* (24 Feb 2018)\n"; got != want {
		t.Errorf("EventMarkdown(early)\n--- got\n%s--- want\n%s", got, want)
	}
	// a display date is followed by the date it stands for
	if got := EventMarkdown(c, c.Event("earliest")); !strings.HasPrefix(got, "# Earliest\n\n**New Year's Day, 2016** (1 Jan 2016)\n\n## Links\n\n1. `hub`: The hub: \\*bold\\* (24 Feb 2018)\n") {
		t.Errorf("EventMarkdown(earliest)\n%s", got)
	}
	// a link to an event that is not in the chronology shows its id
	for _, ids := range []bool{false, true} {
		if got := targetLine(c, "gone", "why", ids); got != "`gone` — why" {
			t.Errorf("targetLine of a missing event = %q", got)
		}
	}
	// the viewer's detail names a linked event by title and date only
	_, sections := EventSections(c, hub)
	if got := sections[2].Items[0]; got != "1. Early (2017)\n" {
		t.Errorf("EventSections: link line %q", got)
	}
}

const escapesChronology = `title = "md"
[[event]]
id = "special"
date = 2018-02-24
title = "*Bold* _x_ [link](u) <b> # 1. \\ back` + "`tick`" + `"
tags = ["#tag", "a*b"]
[[event.claim]]
text = "<script>"
status = "false"
note = "_n_"
[[event.source]]
title = "[Title]"
publisher = "*Pub*"
quote = "> quoted"

[[event]]
id = "linker"
date = 2018-03-01
display_date = "*circa* [March] 2018"
title = "1. Linker"
links = [{ to = "special", note = "see *this*" }]

[[event]]
id = "dash"
date = 2018-04-01
title = "- Dash + 2) x"
links = ["special"]
`

func TestEventMarkdownEscapes(t *testing.T) {
	c := mustParse(t, escapesChronology)
	got := EventMarkdown(c, c.Event("special"))
	for _, want := range []string{
		"# \\*Bold\\* \\_x\\_ \\[link\\](u) \\<b\\> \\# 1. \\\\ back\\`tick\\`\n",
		"- Tags: \\#tag, a\\*b\n",
		"- **✗ FALSE**: \\<script\\> — \\_n\\_\n",
		"1. *\\[Title\\]*, \\*Pub\\*\n   > \\> quoted\n",
		" — see \\*this\\*\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("EventMarkdown lacks %q\n%s", want, got)
		}
	}
	got = EventMarkdown(c, c.Event("linker"))
	if !regexp.MustCompile(`^# 1\\?\. Linker\n`).MatchString(got) {
		t.Errorf("the heading of \"1. Linker\" is wrong\n%s", got)
	}
	for _, want := range []string{
		"**\\*circa\\* \\[March\\] 2018** (1 Mar 2018)\n",
		"1. `special`: \\*Bold\\* \\_x\\_ \\[link\\](u) \\<b\\> \\# 1. \\\\ back\\`tick\\` (24 Feb 2018) — see \\*this\\*\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("EventMarkdown lacks %q\n%s", want, got)
		}
	}
}

// TestEventMarkdownLinkDisplayDate: a linked event is dated by its date in
// the list of links, not by its display_date, which may be long and carry
// Markdown of its own.
func TestEventMarkdownLinkDisplayDate(t *testing.T) {
	c := mustParse(t, escapesChronology)
	got := EventMarkdown(c, c.Event("special"))
	if want := "`linker`: 1\\. Linker (1 Mar 2018) — see \\*this\\*\n"; !strings.Contains(got, want) {
		t.Errorf("EventMarkdown lacks %q\n%s", want, got)
	}
}

// TestEventMarkdownLinkTitleNotAList: a title that reads as a list marker
// ("1. Linker", "- Dash") must not open a list inside the numbered list of
// links: "1. 1. Linker" renders as a list in a list.
func TestEventMarkdownLinkTitleNotAList(t *testing.T) {
	c := mustParse(t, escapesChronology)
	got := EventMarkdown(c, c.Event("special"))
	_, refs, _ := strings.Cut(got, "## Referenced by\n\n")
	items := regexp.MustCompile(`(?m)^\d+\. (.*)$`).FindAllStringSubmatch(refs, -1)
	if len(items) != 2 {
		t.Fatalf("Referenced by has %d items, want 2\n%s", len(items), got)
	}
	listMarker := regexp.MustCompile(`^(\d{1,9}[.)]|[-+*])( |$)`)
	for _, m := range items {
		if listMarker.MatchString(m[1]) {
			t.Errorf("the link %q starts a nested list", m[0])
		}
	}
}

// contextual: the format characters Harmless keeps where text needs them
// (see timeline.Harmless); its TestHarmless pins where.
func contextual(r rune) bool { return r == 0x200c || r == 0x200d }

// isBidiControl: the bidirectional controls, listed by hand.
func isBidiControl(r rune) bool {
	return r == 0x061c || r == 0x200e || r == 0x200f || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069)
}

// unsafeRunes returns the characters of s a terminal could act on: C0
// controls other than newline, DEL, C1 controls, bidirectional controls,
// the BOM and the other invisible format characters.
func unsafeRunes(s string) []rune {
	var out []rune
	for _, r := range s {
		if (r < 0x20 && r != '\n') || (r >= 0x7f && r < 0xa0) || isBidiControl(r) || r == 0xfeff ||
			r == 0x200b || (r >= 0x2060 && r <= 0x2064) || r == 0x180e || r == 0x2028 || r == 0x2029 ||
			(unicode.Is(unicode.Cf, r) && !contextual(r)) {
			out = append(out, r)
		}
	}
	return out
}

func TestEventMarkdownHarmless(t *testing.T) {
	c := mustParse(t, `title = "md"
[[event]]
id = "evil"
date = 2018-02-24
display_date = "Feb\u001b[2J 24"
title = "Red \u001b[31mALERT\u0007 \u202eevil\u2066"
summary = "sum\u001b]0;x\u0007"
tags = ["\u001b[1mbold", "\u009b2J"]
people = ["\u200fp"]
places = ["\ufeffq\u007f"]
links = [{ to = "other", note = "n\u001b[0m" }]
body = """
line one\u001b]0;owned\u0007
line \u009b2J two\u2066
"""
[[event.claim]]
text = "c\u001bP"
status = "disputed"
note = "\u0000\u000b"
[[event.source]]
title = "s\u001b"
publisher = "\u202dp"
quote = "q\u0085"

[[event]]
id = "other"
date = 2018-03-01
display_date = "\u001b[5m"
title = "o\u001b[5m"
links = [{ to = "evil", note = "back\u0007" }]
`)
	for _, id := range []string{"evil", "other"} {
		got := EventMarkdown(c, c.Event(id))
		if bad := unsafeRunes(got); len(bad) > 0 {
			t.Errorf("EventMarkdown(%s) has raw control characters %U\n%q", id, bad, got)
		}
		if strings.Contains(got, "\r") || strings.Contains(got, "\t") {
			t.Errorf("EventMarkdown(%s) = %q", id, got)
		}
	}
	got := EventMarkdown(c, c.Event("evil"))
	for _, want := range []string{"Red ␛\\[31mALERT␇ \\<U+202E\\>evil", "line one␛]0;owned␇\nline <U+009B>2J two<U+2066>"} {
		if !strings.Contains(got, want) {
			t.Errorf("EventMarkdown lacks %q\n%s", want, got)
		}
	}
}

// charRef matches an HTML character reference, which Markdown renderers
// decode into the character it names.
var charRef = regexp.MustCompile(`&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|lrm|rlm);`)

// unsafeCharRefs returns the character references of Markdown md that a
// renderer would turn into characters a terminal could act on.
func unsafeCharRefs(md string) []string {
	var out []string
	for _, m := range charRef.FindAllStringSubmatchIndex(md, -1) {
		backslashes := 0
		for i := m[0] - 1; i >= 0 && md[i] == '\\'; i-- {
			backslashes++
		}
		if backslashes%2 == 1 {
			continue // \&: a literal ampersand
		}
		name := md[m[2]:m[3]]
		var r rune
		switch {
		case name == "lrm":
			r = 0x200e
		case name == "rlm":
			r = 0x200f
		case name[1] == 'x' || name[1] == 'X':
			n, _ := strconv.ParseInt(name[2:], 16, 32)
			r = rune(n)
		default:
			n, _ := strconv.ParseInt(name[1:], 10, 32)
			r = rune(n)
		}
		if r != 0 && len(unsafeRunes(string(r))) > 0 {
			out = append(out, md[m[0]:m[1]])
		}
	}
	return out
}

// TestEventMarkdownCharacterReferences: a Markdown renderer decodes
// "&#27;" into ESC, so a character reference in the file must not reach the
// terminal as the control character it names.
func TestEventMarkdownCharacterReferences(t *testing.T) {
	c := mustParse(t, `title = "md"
[[event]]
id = "refs"
date = 2018-02-24
title = "Title &#27;[31m &rlm;x"
summary = "&#x1B;]0;pwned&#7;"
tags = ["&lrm;tag"]
body = """
Body &#27;[2J and &#x9b;2J and &#x202E;abc and &#155;.
[link](<https://example.com/&#27;[5m>)
"""
[[event.claim]]
text = "Claim &rlm;"
status = "verified"
note = "&#x202e;"
`)
	got := EventMarkdown(c, c.Event("refs"))
	if refs := unsafeCharRefs(got); len(refs) > 0 {
		t.Errorf("EventMarkdown keeps character references a renderer turns into control characters: %q\n%s", refs, got)
	}
	// text without such references is left alone
	if refs := unsafeCharRefs("&amp; &#233; &eacute; \\&#27; &\\#27;"); len(refs) > 0 {
		t.Errorf("unsafeCharRefs finds %q in harmless text", refs)
	}
}

// TestEventMarkdownCRLF: a file saved with Windows line endings shows its
// body as text, not with a ␍ at the end of each line.
func TestEventMarkdownCRLF(t *testing.T) {
	src := strings.ReplaceAll(`title = "md"
[[event]]
id = "crlf"
date = 2018-02-24
title = "CRLF"
body = """
First line.
Second line.
"""
`, "\n", "\r\n")
	c := mustParse(t, src)
	got := EventMarkdown(c, c.Event("crlf"))
	if want := "# CRLF\n\n**24 Feb 2018**\n\nFirst line.\nSecond line.\n"; got != want {
		t.Errorf("EventMarkdown of a CRLF file\n got %q\nwant %q", got, want)
	}
}

func TestShorten(t *testing.T) {
	for _, tt := range []struct {
		in   string
		n    int
		want string
	}{
		{"abc", 3, "abc"},
		{"abcd", 3, "ab…"},
		{"ééé", 3, "ééé"},
		{"éééé", 3, "éé…"},
		{"日本語です", 4, "日本語…"},
		{"", 3, ""},
	} {
		if got := shorten(tt.in, tt.n); got != tt.want {
			t.Errorf("shorten(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}

// TestLongTargetTitle: a link line shows at most targetTitleMax characters
// of the linked event's title.
func TestLongTargetTitle(t *testing.T) {
	long := strings.Repeat("word ", 100_000)
	c := mustParse(t, "title = \"t\"\n[[event]]\nid = \"a\"\ndate = 2018-01-01\ntitle = \"A\"\nlinks = [\"b\"]\n[[event]]\nid = \"b\"\ndate = 2018-01-02\ntitle = \""+long+"\"\n")
	md := EventMarkdown(c, c.Event("a"))
	if len(md) > 2000 || !strings.Contains(md, "word word") || !strings.Contains(md, "… (2 Jan 2018)") {
		t.Errorf("the link line is %d bytes:\n%.500s", len(md), md)
	}
}

// FuzzEventMarkdown: every event of a chronology that loads is written as
// Markdown with no character a terminal would act on (a tab is text), and
// its chronology as JSON (list --json) that reads back. Seeded with the
// files and seeds of timeline's FuzzParse.
func FuzzEventMarkdown(f *testing.F) {
	valid, _ := filepath.Glob("../testdata/valid/*.toml")
	invalid, _ := filepath.Glob("../testdata/invalid/*.toml")
	if len(valid) == 0 || len(invalid) == 0 {
		f.Fatal("no files in ../testdata/valid or ../testdata/invalid")
	}
	for _, name := range append(valid, invalid...) {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		"",
		"title = \"t\"\n",
		"title = \"t\"\n[[event]]\nid = \"a\"\ndate = 2018-01-01\ntitle = \"A\"\n",
		"title = \"t\"\n[[event]]\nid = \"a\"\ndate = \"2018\"\nend = \"2017\"\ntitle = \"A\"\n",
		"title = \"t\"\n[[event]]\nid = \"a\"\ndate = 2025-01-21T23:30:00-05:00\ntitle = \"A\"\nlinks = [\"b\", { to = \"a\", note = \"self\" }]\n[[event]]\nid = \"b\"\ndate = 2018\ntitle = \"B\"\n",
		"title = \"t\"\n[[event]]\nid = \"a\"\ndate = 2018-01-01\ntitle = \"A\"\nbody = '''\n[[event]]\n'''\n[[event.source]]\ntitle = \"s\"\nurl = \"https://x.y\"\n[[event.claim]]\ntext = \"c\"\nstatus = \"false\"\n",
		"title = \"t\"\n[[era]]\ntitle = \"E\"\nstart = \"2018\"\nend = \"2017\"\n",
		"title = \"t\"\r\n[[event]]\r\nid = \"a\"\r\ndate = 2018-02-30\r\ntitle = \"A\"\r\n",
		"\xef\xbb\xbftitle = \"bom\"\n",
		"title = \"t\"\n[[event]]\nid = \"a\"\ndate = 2018-01-01\ntitle = \"A\"\n[event.media]\nurl = \"https://x.y/a.jpg\"\ncaption = \"c *d*\"\nalt = \"e\"\n[[event.source]]\ntitle = \"s\"\n[[event]]\nid = \"b\"\ndate = 2018-01-02\ntitle = \"B\"\nmedia = { url = \"https://x.y/v\", credit = \"AP\" }\n",
		"title = \"t\"\n[[event]]\nid = \"a\"\ndate = 2018-01-01\ntitle = \"A\"\n[[event.media]]\nurl = \"ftp://x\"\n[[event]]\nid = \"b\"\ndate = 2018-01-02\ntitle = \"B\"\nmedia = \"https://x.y\"\n",
		"title = \"\xff\"\n",
		"title = \"t\"\n[[event]]\nid = \"Bad Id\"\ndate = 10:00:00\ntitle = \"\"\n[event.claim]\ntext = 1\n",
		"title = \"t\"\nevent = [{ id = \"a\", date = 2018-01-01, title = \"A\" }]\n",
		"title = \"t\"\n[[ \"event\" ]]\nid = \"a\"\ndate = 2018-01-01\ntitle = \"A\"\n[[event . source]]\ntitle = \"s\"\n",
		"title = \"t\"\n[[event]]\nid = \"a\"\ndate = 2018-01-01\ntitle = \"A\"\nlinks = [\n  \"missing\",\n  { to = \"gone\" },\n]\n",
		"title = \"t\"\n[[event]]\nid = \"a\"\nid = \"b\"\n",
		"[[event]]\nbody = \"\"\"\n\\\"\"\"\n[[event]]\n\"\"\"\"\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, _ := timeline.Parse("f.toml", data)
		if c == nil {
			return
		}
		for _, e := range c.Events {
			md := EventMarkdown(c, e)
			if bad := unsafeRunes(strings.ReplaceAll(md, "\t", "")); len(bad) > 0 {
				t.Fatalf("EventMarkdown(%q) has raw control characters %U", e.ID, bad)
			}
		}
		js, err := EventsJSON(c.Events)
		if err != nil {
			t.Fatal(err)
		}
		var back []JSONEvent
		if err := json.Unmarshal(js, &back); err != nil || len(back) != len(c.Events) {
			t.Fatalf("EventsJSON does not read back as %d events: %v\n%s", len(c.Events), err, js)
		}
	})
}
