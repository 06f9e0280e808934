package timeline

import (
	"strings"
	"testing"
)

// TestMedia: [event.media] is read and checked like a source: url
// required and a web address, thumbnail a web address, unknown keys
// warned about, one table only.
func TestMedia(t *testing.T) {
	head := "title = \"M\"\n\n[[event]]\nid = \"a\"\ndate = 2020-01-01\ntitle = \"A\"\n\n"
	for _, tc := range []struct {
		name, media string
		want        *Media
		diags       string
	}{
		{"full", "[event.media]\nurl = \"https://example.org/a.jpg\"\ncaption = \"A *b*\"\ncredit = \"[AP](https://ap.org)\"\nthumbnail = \"https://example.org/t.jpg\"\nalt = \"a street\"\n",
			&Media{URL: "https://example.org/a.jpg", Caption: "A *b*", Credit: "[AP](https://ap.org)", Thumbnail: "https://example.org/t.jpg", Alt: "a street"}, ""},
		{"inline", "media = { url = \"https://example.org/v\" }\n", &Media{URL: "https://example.org/v"}, ""},
		{"none", "", nil, ""},
		{"missing url", "[event.media]\ncaption = \"c\"\n", nil, `m.toml:8: event "a": media: missing url: add url = "..."`},
		{"bad url", "[event.media]\nurl = \"images/a.jpg\"\n", nil, `m.toml:8: event "a": media: url: "images/a.jpg" is not a web address`},
		{"bad thumbnail", "[event.media]\nurl = \"https://e.org/a\"\nthumbnail = \"ftp://e.org/t\"\n", nil, `m.toml:8: event "a": media: thumbnail: "ftp://e.org/t" is not a web address`},
		{"unknown key", "[event.media]\nurl = \"https://e.org/a\"\nlink = \"https://e.org\"\n", &Media{URL: "https://e.org/a"}, `m.toml:8: warning: event "a": media: unknown key "link" is ignored`},
		{"array", "[[event.media]]\nurl = \"https://e.org/a\"\n", nil, `event "a": media: must be one table written [event.media]`},
		{"alt on two lines", "[event.media]\nurl = \"https://e.org/a\"\nalt = \"\"\"\none\ntwo\"\"\"\n", nil, `m.toml:8: event "a": media: alt: must be one line`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, diags := Parse("m.toml", []byte(head+tc.media))
			got := diags.String()
			if tc.diags == "" && got != "" || tc.diags != "" && !strings.Contains(got, tc.diags) {
				t.Fatalf("diagnostics:\n%s\nwant one with %q", got, tc.diags)
			}
			if c == nil {
				if tc.want != nil {
					t.Fatalf("no chronology")
				}
				return
			}
			m := c.Events[0].Media
			if (m == nil) != (tc.want == nil) || (m != nil && *m != *tc.want) {
				t.Errorf("media = %+v, want %+v", m, tc.want)
			}
		})
	}
}
