package interop

import (
	"fmt"
	"regexp"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"backstory/timeline"
)

// The HTML-to-Markdown converter re-encodes link addresses
// ("?sid=05/12/05/191205" becomes "?sid=05%2F12%2F05%2F191205") and escapes
// bare addresses in text as text ("Timeline\_of\_the\_Middle\_Ages", which
// an autolink then cuts at the first backslash). protectLinks keeps both
// as written, and an iframe as its address: before the conversion each is swapped for a placeholder the
// converter leaves alone, and restore puts them back, a link's address
// byte for byte and a bare address as an autolink (<https://...>).

// placeholder marks are letters and digits only, which Markdown never
// escapes; the input is checked not to hold one.
const (
	linkMark     = "https://bslinkmark.invalid/"
	autolinkMark = "bsautolinkmark"
)

// bareURL is a web address in text, as GitHub's autolinks find them.
var bareURL = regexp.MustCompile(`https?://[^\s<>"\x60]+`)

// protectLinks rewrites doc as described above and returns the function
// that restores the Markdown made from it.
func protectLinks(doc *html.Node, source string) func(string) string {
	if strings.Contains(source, linkMark) || strings.Contains(source, autolinkMark) {
		return func(md string) string { return md }
	}
	var pairs []string
	var walk func(n *html.Node, inLink bool)
	walk = func(n *html.Node, inLink bool) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			switch {
			case c.Type == html.ElementNode && c.DataAtom == atom.A:
				for i, a := range c.Attr {
					if a.Key == "href" && keptAddress(strings.TrimSpace(a.Val)) {
						mark := fmt.Sprintf("%s%d", linkMark, len(pairs)/2)
						pairs = append(pairs, mark, strings.TrimSpace(a.Val))
						c.Attr[i].Val = mark
					}
				}
				walk(c, true)
			case c.Type == html.ElementNode && c.DataAtom == atom.Iframe && !inLink:
				// an embedded frame (a video) is kept as its address,
				// which Markdown cannot embed
				if src := strings.TrimSpace(attr(c, "src")); keptAddress(src) {
					mark := fmt.Sprintf("%s%dz", autolinkMark, len(pairs)/2)
					pairs = append(pairs, mark, "<"+src+">")
					n.InsertBefore(&html.Node{Type: html.TextNode, Data: mark}, c)
					n.RemoveChild(c)
				}
			case c.Type == html.ElementNode && (c.DataAtom == atom.Code || c.DataAtom == atom.Pre || c.DataAtom == atom.Script || c.DataAtom == atom.Style):
				// left as they are
			case c.Type == html.TextNode && !inLink:
				autolinks(c, &pairs)
			default:
				walk(c, inLink)
			}
			c = next
		}
	}
	walk(doc, false)
	if len(pairs) == 0 {
		return func(md string) string { return md }
	}
	// the highest numbers first, so that mark 1 is not taken for the start of mark 12
	rev := make([]string, 0, len(pairs))
	for i := len(pairs) - 2; i >= 0; i -= 2 {
		rev = append(rev, pairs[i], pairs[i+1])
	}
	r := strings.NewReplacer(rev...)
	return r.Replace
}

// autolinks swaps the web addresses in a text node for placeholders that
// restore as autolinks.
func autolinks(n *html.Node, pairs *[]string) {
	locs := bareURL.FindAllStringIndex(n.Data, -1)
	if locs == nil {
		return
	}
	var b strings.Builder
	last := 0
	for _, l := range locs {
		u := trimURL(n.Data[l[0]:l[1]])
		if timeline.URLProblem(u) != "" {
			continue
		}
		mark := fmt.Sprintf("%s%dz", autolinkMark, len(*pairs)/2)
		*pairs = append(*pairs, mark, "<"+u+">")
		b.WriteString(n.Data[last:l[0]])
		b.WriteString(mark)
		last = l[0] + len(u)
	}
	b.WriteString(n.Data[last:])
	n.Data = b.String()
}

// trimURL takes off what ends a sentence rather than an address: a final
// period, comma and the like, and a closing parenthesis not opened in it.
func trimURL(u string) string {
	for {
		t := strings.TrimRight(u, ".,:;!?'*_~")
		if strings.HasSuffix(t, ")") && strings.Count(t, "(") < strings.Count(t, ")") {
			t = t[:len(t)-1]
		}
		if t == u {
			return u
		}
		u = t
	}
}

// keptAddress reports whether a link's address can be written in Markdown
// as it is: a web address check takes, with nothing that a Markdown link
// destination reads otherwise (space, parentheses, angle brackets, a
// backslash).
func keptAddress(u string) bool {
	return timeline.URLProblem(u) == "" && !strings.ContainsAny(u, " ()<>\\")
}
