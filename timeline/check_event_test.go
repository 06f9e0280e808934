package timeline

import (
	"strings"
	"testing"
)

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Printz v. U.S.":               "printz-v-u-s",
		"Rózsa Péter writes recursion": "rozsa-peter-writes-recursion",
		"Caesar's last year":           "caesars-last-year",
		"Caesar’s last year":           "caesars-last-year",
		"doj memo":                     "doj-memo",
		"last-":                        "last",
		"  --  ":                       "",
		"日本":                           "",
		"A very long headline that goes on and on well past any id length anyone would type": "a-very-long-headline-that-goes-on-and-on-well",
	} {
		got := Slug(in)
		if got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
		if got != "" && !validID(got) {
			t.Errorf("Slug(%q) = %q, not a valid id", in, got)
		}
	}
}

// TestInvalidIDSuggestion: check suggests the id an import would make of
// the same text, and a made-up one where the text has nothing an id can
// keep.
func TestInvalidIDSuggestion(t *testing.T) {
	for id, want := range map[string]string{
		"Caesar's day": `such as "caesars-day"`,
		"日本":           `such as "event-1"`,
	} {
		_, diags := Parse("f.toml", []byte("title = \"t\"\n\n[[event]]\nid = \""+id+"\"\ndate = 2020-01-01\ntitle = \"x\"\n"))
		if len(diags) != 1 || !strings.HasSuffix(diags[0].Message, want) {
			t.Errorf("id %q: got %v, want one error ending %s", id, diags, want)
		}
	}
}
