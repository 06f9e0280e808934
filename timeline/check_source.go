package timeline

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"unicode"
)

// The check stage (see check.go): an [[event.source]] table and the web
// addresses of sources and media.

func (f *fileCheck) source(m map[string]any, pos tablePos, owner label, i int) Source {
	owner.sub, owner.subN = "source", i+1
	t := table{f: f, m: m, pos: pos, label: owner}
	t.unknown(sourceKeys)
	s := Source{
		Title:     t.line("title", true),
		Publisher: t.line("publisher", false),
		URL:       t.line("url", false),
		Published: t.date("published", false),
		Quote:     t.str("quote", false),
		Archived:  t.line("archived", false),
	}
	if s.URL != "" {
		if msg := checkURL(s.URL); msg != "" {
			t.errKey("url", "%s", msg)
		}
		s.URLPos = t.at(t.pos.value("url"))
	}
	if s.Archived != "" {
		if msg := checkURL(s.Archived); msg != "" {
			t.errKey("archived", "%s", msg)
		}
	}
	return s
}

// URLProblem says what is wrong with the URL of a source, as check
// reports it, or "" when check takes it: an http or https address with a
// host, and no space, control or invisible formatting character in it.
// (Importers use it to keep only the addresses check takes.)
func URLProblem(s string) string { return checkURL(s) }

// checkURL says what is wrong with a source URL, or "".
func checkURL(s string) string {
	if plainWebURL(s) {
		return ""
	}
	// url.Parse takes a space or a control in a path, and a bidi
	// control anywhere: a reader's browser would not, or would show
	// something else than the file says
	for _, r := range s {
		if r == ' ' {
			return fmt.Sprintf("%q has a space in it: remove it, or encode it as %%20", s)
		}
		what := ""
		switch {
		case r == '\t':
			what = "a tab"
		case unicode.IsControl(r):
			what = "a control character"
		case unicode.IsSpace(r):
			what = "a space character"
		case unicode.Is(unicode.Cf, r):
			what = "an invisible formatting character"
		}
		if what != "" {
			return fmt.Sprintf("%q has %s (U+%04X) in it: remove it, or encode it as %s", s, what, r, percentEncode(r))
		}
	}
	lower := strings.ToLower(s)
	web := strings.HasPrefix(lower, "https://") || strings.HasPrefix(lower, "http://")
	u, err := url.Parse(s)
	if err != nil && web {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return fmt.Sprintf("%q is not a valid web address: %v", s, err)
	}
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return fmt.Sprintf("%q is not a web address: it must start with https:// or http://", s)
	}
	if u.Host == "" {
		return fmt.Sprintf("%q has no host name", s)
	}
	return ""
}

// percentEncode writes r as a URL writes it, its UTF-8 bytes as %XX.
func percentEncode(r rune) string {
	var b strings.Builder
	for _, c := range []byte(string(r)) {
		fmt.Fprintf(&b, "%%%02X", c)
	}
	return b.String()
}

// plainWebURL reports whether s is an http(s) URL of the common kind that
// url.Parse takes without complaint and finds a host in: a scheme, a host
// name, then a path, query and fragment of characters that need no
// escaping. Anything else is left to url.Parse.
func plainWebURL(s string) bool {
	rest, ok := strings.CutPrefix(s, "https://")
	if !ok {
		if rest, ok = strings.CutPrefix(s, "http://"); !ok {
			return false
		}
	}
	host := 0
	for host < len(rest) && (rest[host] >= 'a' && rest[host] <= 'z' || rest[host] >= '0' && rest[host] <= '9' || rest[host] == '.' || rest[host] == '-') {
		host++
	}
	if host == 0 || (host < len(rest) && rest[host] != '/') {
		return false
	}
	for i := host; i < len(rest); i++ {
		c := rest[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.IndexByte("-._~/?#=&+", c) >= 0) {
			return false
		}
	}
	return true
}
