package interop

import (
	"fmt"
	"strings"
	"testing"

	"backstory/timeline"
)

func TestFirstSentence(t *testing.T) {
	long := ""
	for range 30 {
		long += "longword "
	}
	for _, tc := range []struct {
		in, want string
		whole    bool
	}{
		{"One sentence.", "One sentence.", true},
		{"First one. Second one.", "First one.", false},
		{"Gen. Smith arrives. He leaves.", "Gen. Smith arrives.", false},
		{"The U.S. Army arrives. Then not.", "The U.S. Army arrives.", false},
		{"Sen. J. Doe speaks! Crowd cheers.", "Sen. J. Doe speaks!", false},
		{"Fort Riley, Kan. Her job is survey.", "Fort Riley, Kan.", false},
		{"Ends with 3.5 percent. Yes.", "Ends with 3.5 percent.", false},
		{"He said \"no.\" Then left.", "He said \"no.\" Then left.", true},
		{"Line\nbreaks   collapse.", "Line breaks collapse.", true},
		{"", "", true},
		{long, "longword longword longword longword longword longword longword longword longword longword longword…", false},
	} {
		got, whole := firstSentence(tc.in)
		if got != tc.want || whole != tc.whole {
			t.Errorf("firstSentence(%q) = %q, %v; want %q, %v", tc.in, got, whole, tc.want, tc.whole)
		}
	}
}

func TestHTMLToMarkdown(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"<p>One</p><p>Two</p>", "One\n\nTwo\n"},
		{`<p>A <a href="https://example.org/x">link</a> &amp; <b>bold</b></p>`, "A [link](https://example.org/x) & **bold**\n"},
		{"<ul><li>a<ul><li>b</li><li>c</li></ul></li><li>d</li></ul>", "- a\n  - b\n  - c\n- d\n"},
		{"<ol><li>one</li><li>two<ol><li>deep</li></ol></li></ol>", "1. one\n2. two\n   1. deep\n"},
		{"<script>alert(1)</script><p>after</p>", "after\n"},
		{"plain * text _ here", "plain * text _ here\n"},
		{"not *emphasis* or _this_", "not \\*emphasis* or \\_this_\n"},
		{"<blockquote>Quoted <cite>Someone</cite></blockquote>", "> Quoted Someone\n"},
		// bare addresses become autolinks, links keep their address byte for byte
		{"<p>See https://en.wikipedia.org/wiki/Timeline_of_the_Middle_Ages.</p>", "See <https://en.wikipedia.org/wiki/Timeline_of_the_Middle_Ages>.\n"},
		{"Two: http://a.example/x_1, and (http://b.example/y_(2)).", "Two: <http://a.example/x_1>, and (<http://b.example/y_(2)>).\n"},
		{`<a href="http://slashdot.org/article.pl?sid=05/12/05/191205&amp;tid=95">story</a>`, "[story](http://slashdot.org/article.pl?sid=05/12/05/191205&tid=95)\n"},
		{`<a href="https://example.com/a b">spaced</a>`, "[spaced](https://example.com/a%20b)\n"},
		{`<a href="https://example.org/x">https://example.org/x_y</a>`, "[https://example.org/x\\_y](https://example.org/x)\n"},
		{"<code>https://example.org/a_b</code>", "`https://example.org/a_b`\n"},
		{`<p>Watch:</p><iframe width="560" src="http://www.youtube.com/embed/bh4qAJDUOcc" frameborder="0"></iframe>`, "Watch:\n\n<http://www.youtube.com/embed/bh4qAJDUOcc>\n"},
	} {
		if got := htmlToMarkdown(tc.in); got != tc.want {
			t.Errorf("htmlToMarkdown(%q) =\n%q, want\n%q", tc.in, got, tc.want)
		}
	}
	// and export links what import kept, all of it
	md := htmlToMarkdown("<p>See https://en.wikipedia.org/wiki/Timeline_of_the_Middle_Ages or <a href=\"http://x.example/?sid=05/12/05\">this</a>.</p>")
	if h := renderMarkdown(md); !strings.Contains(h, `href="https://en.wikipedia.org/wiki/Timeline_of_the_Middle_Ages"`) || !strings.Contains(h, `href="http://x.example/?sid=05/12/05"`) {
		t.Errorf("exported again as %s", h)
	}
	if got := htmlText("<b>Rome</b> &amp;\n  its <em>calendar</em>"); got != "Rome & its calendar" {
		t.Errorf("htmlText = %q", got)
	}
}

// tomlDateRoundTrip writes a date as TOML and reads it back.
func tomlDateRoundTrip(d timeline.Date) (timeline.Date, error) {
	src := fmt.Sprintf("title = \"t\"\n[[event]]\nid = \"e\"\ntitle = \"e\"\ndate = %s\n", tomlDate(d))
	c, diags := timeline.Parse("date.toml", []byte(src))
	if c == nil {
		return timeline.Date{}, fmt.Errorf("%s", diags)
	}
	if got := c.Events[0].Date; got != d {
		return got, fmt.Errorf("read back as %#v", got)
	}
	return d, nil
}
