package interop

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"backstory/timeline"
)

// FuzzRoundTrip: a chronology that loads comes back from TimelineJS.
// Exported (TimelineJS), imported (ImportTimelineJS) and its TOML read
// again (timeline.Parse), it loads with no diagnostic at all, with the
// same title and eras and the same events in the same order, each with
// its id, dates (precision, end, clock time), display date, approximate
// mark, title, summary, tags (the first as the group), people, places,
// links, sources (title, publisher, URL, date, quote), claims, and a body
// that renders to the same HTML. What TimelineJS cannot carry is left out
// of the comparison, each with its reason (see sameEvent).
//
// There is no TimelineSetter writer (export writes markdown, json and
// timelinejs), so there is no TimelineSetter round trip; FuzzImport
// covers its importer.
func FuzzRoundTrip(f *testing.F) {
	names, _ := filepath.Glob("../testdata/valid/*.toml")
	names = append(names, "../../events.toml", "testdata/awkward.toml")
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	for _, s := range []string{
		"title = \"t\"\n[[event]]\nid = \"a\"\ndate = 2018-01-01\ntitle = \"A\"\n",
		"title = \"t\"\n[[event]]\nid = \"a\"\ndate = 2025-01-21T23:30:00-05:00\nend = \"2025\"\ntitle = \"A & <b>\"\ntags = [\"x\", \"y\"]\n" +
			"links = [\"b\", { to = \"a\", note = \"self\" }]\n[[event]]\nid = \"b\"\ndate = \"2018\"\napproximate = true\ntitle = \"B\"\nsummary = \"s\"\n" +
			"[[event.source]]\ntitle = \"s\"\nurl = \"https://x.y/?a=1&b=2\"\narchived = \"https://web.archive.org/web/2018/https://x.y/\"\npublished = \"2018-02\"\nquote = \"q\\nr\"\n[[event.claim]]\ntext = \"c\"\nstatus = \"false\"\nnote = \"n\"\nsources = [1]\n",
		"title = \"t\"\n[[era]]\ntitle = \"E\"\nstart = \"-0044\"\n[[event]]\nid = \"a\"\ndate = \"-0044-03-15\"\ntitle = \"A\"\nbody = \"\"\"\n# H\n\n- a\n- b\n\n> q\n\"\"\"\n",
		"title = \"t\"\n[[event]]\nid = \"a\"\ndate = 2018-01-01T10:00:30\ntitle = \"A\"\ndisplay_date = \"about 1 Jan 2018\"\n[[event]]\nid = \"b\"\ndate = 2018-01-01T10:00:00Z\ntitle = \"B\"\n",
		"title = \"t\"\n[[event]]\nid = \"a\"\ndate = \"2018\"\ntitle = \"A\"\n[event.media]\nurl = \"https://x.y/a_b.jpg\"\ncaption = \"A *c* [l](https://x.y/?q=1/2)\"\ncredit = \"<b>AP</b> & co\"\nthumbnail = \"https://x.y/t.jpg\"\nalt = \"a  &amp; b\"\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		orig, diags := timeline.Parse("f.toml", data)
		if orig == nil || orig.Len() == 0 {
			return // (TimelineJS has no document without events)
		}
		js, err := TimelineJS(orig, orig.Events)
		if err != nil {
			t.Fatalf("export: %v", err)
		}
		conv, idiags := ImportTimelineJS("exported.json", js, Options{})
		if conv == nil {
			t.Fatalf("the export does not import:\n%s\n%s", idiags, js)
		}
		for _, d := range idiags {
			// A link of an event to itself (which check warns about) is
			// left out, with a warning; nothing else is.
			if d.Severity != timeline.SeverityWarning || !strings.Contains(d.Message, "the link to itself") {
				t.Fatalf("the export does not import cleanly:\n%s\n%s", idiags, js)
			}
		}
		back, bdiags := timeline.Parse("back.toml", conv.TOML)
		if back == nil || len(bdiags) > 0 {
			t.Fatalf("the imported TOML does not check:\n%s\n%s", bdiags, conv.TOML)
		}
		if msg := sameChronologyAfterTimelineJS(orig, back); msg != "" {
			t.Fatalf("%s\n(diagnostics of the input: %s)\n--- TimelineJS\n%s\n--- TOML\n%s", msg, diags, js, conv.TOML)
		}
	})
}

// sameChronologyAfterTimelineJS says how back, the round trip of orig
// through TimelineJS, differs from it in what TimelineJS carries, or "".
func sameChronologyAfterTimelineJS(orig, back *timeline.Chronology) string {
	// A blank title (which check lets through: title = "") is made from
	// the file's name on import, as for any TimelineJS file without one.
	if g, w := back.Title, htmlWhiteSpace(orig.Title); g != w && w != "" {
		return fmt.Sprintf("title %q, want %q", g, w)
	}
	// The description is Markdown like a body (see sameEvent).
	if g, w := visibleText(back.Description), visibleText(orig.Description); g != w {
		return fmt.Sprintf("the description's text differs:\n got %q\nwant %q", g, w)
	}
	if len(back.Eras) != len(orig.Eras) {
		return fmt.Sprintf("%d eras, want %d", len(back.Eras), len(orig.Eras))
	}
	for i, w := range orig.Eras {
		g := back.Eras[i]
		// An era without an end gets one (TimelineJS needs it): the
		// chronology's last day, or its own start.
		if g.Title != htmlWhiteSpace(w.Title) || g.Start != w.Start || (!w.End.IsZero() && g.End != w.End) || g.End.IsZero() {
			return fmt.Sprintf("era %d: %q %s–%s, want %q %s–%s", i+1, g.Title, g.Start, g.End, w.Title, w.Start, w.End)
		}
	}
	if back.Len() != orig.Len() {
		return fmt.Sprintf("%d events, want %d", back.Len(), orig.Len())
	}
	for i, w := range orig.Events {
		if msg := sameEvent(back.Events[i], w); msg != "" {
			return fmt.Sprintf("event %d (%s): %s", i+1, w.ID, msg)
		}
	}
	return ""
}

// sameEvent says how g, the round trip of w, differs from it.
func sameEvent(g, w *timeline.Event) string {
	wj, gj := ToJSON(w), ToJSON(g)
	// The body goes through HTML (goldmark) and back to Markdown (the
	// html-to-markdown converter): its layout may change (an empty
	// heading is dropped, a list marker or an escape is written another
	// way), its text may not. TestRoundTripBuiltIn and
	// TestRoundTripAwkward hold real bodies to the same HTML.
	if g, w := visibleText(gj.Body), visibleText(wj.Body); g != w {
		return fmt.Sprintf("the body's text differs:\n got %q\nwant %q", g, w)
	}
	wj.Body, gj.Body = "", ""
	// Links of the event to itself are left out (see FuzzRoundTrip).
	wj.Links = slices.DeleteFunc(wj.Links, func(l JSONLink) bool { return l.To == w.ID })
	if len(wj.Links) == 0 {
		wj.Links = nil
	}
	// Titles, people, places, tags and publishers are HTML text in
	// TimelineJS, read back as one line: runs of white space are one space
	// and the ends are trimmed, as a browser shows them.
	// A blank item of a list says nothing and is not written; a tag is
	// kept once (the first is the slide's group, the others follow it).
	wj.Title = htmlWhiteSpace(wj.Title)
	wj.DisplayDate = htmlWhiteSpace(wj.DisplayDate)
	// A display date that reads as export writes an approximate date
	// ("about 24 Feb 2018") is read back as one: the text is all
	// TimelineJS has to say so.
	if wj.DisplayDate == "about "+dateRange(carriedDate(w.Date), carriedDate(w.End)) {
		wj.DisplayDate, wj.Approximate = "", true
	}
	wj.Tags = htmlWhiteSpaceList(wj.Tags, true)
	wj.People = htmlWhiteSpaceList(wj.People, false)
	wj.Places = htmlWhiteSpaceList(wj.Places, false)
	// A media's caption and credit are Markdown, through HTML and back as
	// the body; its alt text is one line.
	if wj.Media != nil && gj.Media != nil {
		wm, gm := *wj.Media, *gj.Media
		for _, p := range []struct{ g, w *string }{{&gm.Caption, &wm.Caption}, {&gm.Credit, &wm.Credit}} {
			if g, w := visibleText(*p.g), visibleText(*p.w); g != w {
				return fmt.Sprintf("the media's caption or credit differs:\n got %q\nwant %q", g, w)
			}
			*p.g, *p.w = "", ""
		}
		wm.Alt = htmlWhiteSpace(wm.Alt)
		// quotes and angle brackets in an address are exported encoded
		wm.URL, wm.Thumbnail = quoteFree(wm.URL), quoteFree(wm.Thumbnail)
		wj.Media, gj.Media = &wm, &gm
	}
	for i := range wj.Sources {
		wj.Sources[i].Title = htmlWhiteSpace(wj.Sources[i].Title)
		wj.Sources[i].Publisher = htmlWhiteSpace(wj.Sources[i].Publisher)
	}
	if !jsonEqual(gj, wj) {
		return fmt.Sprintf("\n got %+v\nwant %+v", gj, wj)
	}
	// TimelineJS has no time zones: the time is kept as written, its
	// offset ("-05:00", "UTC") dropped.
	// And a date before year 1 has no time at all: TOML cannot write one
	// (its date-times start at year 0001), so import leaves it out.
	wd, we := w.Date, w.End
	for _, d := range []*timeline.Date{&wd, &we} {
		d.Clock, _, _ = strings.Cut(d.Clock, " ")
		if d.Year < 1 {
			d.Clock = ""
		}
	}
	if g.Date != wd || g.End != we {
		return fmt.Sprintf("dates %#v–%#v, want %#v–%#v", g.Date, g.End, wd, we)
	}
	return ""
}

// visibleText is the text Markdown shows, white space collapsed.
func visibleText(md string) string {
	return htmlWhiteSpace(nodeText(parseHTML(renderMarkdown(md)), false))
}

// htmlWhiteSpace is s as HTML text shows it: runs of white space one
// space, the ends trimmed.
func htmlWhiteSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// htmlWhiteSpaceList is a list as it comes back from TimelineJS: each item
// as HTML text, blank ones left out, repeats too when once is true.
func htmlWhiteSpaceList(list []string, once bool) []string {
	var out []string
	for _, s := range list {
		if s = htmlWhiteSpace(s); s != "" && (!once || !slices.Contains(out, s)) {
			out = append(out, s)
		}
	}
	return out
}

func jsonEqual(a, b JSONEvent) bool {
	return fmt.Sprintf("%#v", a) == fmt.Sprintf("%#v", b) ||
		(a.ID == b.ID && a.Date == b.Date && a.End == b.End && a.DisplayDate == b.DisplayDate &&
			a.Approximate == b.Approximate && a.Title == b.Title && a.Summary == b.Summary &&
			slices.Equal(a.Tags, b.Tags) && slices.Equal(a.People, b.People) && slices.Equal(a.Places, b.Places) &&
			slices.Equal(a.Links, b.Links) && slices.Equal(a.Sources, b.Sources) && slices.EqualFunc(a.Claims, b.Claims, func(x, y JSONClaim) bool {
			return x.Text == y.Text && x.Status == y.Status && x.Note == y.Note && slices.Equal(x.Sources, y.Sources)
		}))
}
