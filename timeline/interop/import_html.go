package interop

import (
	"regexp"
	"strconv"
	"strings"
	"sync"

	htmltomarkdown "github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/base"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/commonmark"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/strikethrough"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/table"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"backstory/timeline"
)

// markdownConverter turns HTML into Markdown: CommonMark with "-" bullets
// (as the format's examples write them), plus the strikethrough and tables
// that goldmark's GitHub flavour renders on export.
var markdownConverter = sync.OnceValue(func() *htmltomarkdown.Converter {
	return htmltomarkdown.NewConverter(htmltomarkdown.WithPlugins(
		base.NewBasePlugin(),
		commonmark.NewCommonmarkPlugin(
			commonmark.WithBulletListMarker("-"),
			commonmark.WithListEndComment(false),
		),
		strikethrough.NewStrikethroughPlugin(),
		table.NewTablePlugin(),
	))
})

// parseHTML reads HTML text (a fragment such as TimelineJS's text field) as
// a document.
func parseHTML(s string) *html.Node {
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		// html.Parse fails only when its reader does; a strings.Reader
		// does not, but an empty document is the safe answer.
		doc = &html.Node{Type: html.DocumentNode}
	}
	return doc
}

// htmlToMarkdown converts HTML to Markdown, tidied for a TOML file: no
// lines of only spaces, no runs of blank lines, a final newline.
func htmlToMarkdown(s string) string {
	if strings.TrimSpace(s) == "" {
		return ""
	}
	return nodeMarkdown(parseHTML(s), s)
}

// nodeMarkdown converts doc, parsed from source, to Markdown; link
// addresses are kept as written (see protectLinks).
func nodeMarkdown(doc *html.Node, source string) string {
	restore := protectLinks(doc, source)
	out, err := markdownConverter().ConvertNode(doc)
	if err != nil {
		// The converter fails only on a cancelled context; fall back to
		// the text, which loses the formatting but not the words.
		return tidyMarkdown(restore(nodeText(doc, false)))
	}
	return tidyMarkdown(restore(string(out)))
}

var (
	blankRun = regexp.MustCompile(`\n{3,}`)
	// listItem is a Markdown list item's marker, and the indent before it.
	listItem = regexp.MustCompile(`^( *)(?:[-*+]|[0-9]{1,9}[.)]) `)
)

// tidyMarkdown makes the converter's Markdown read as a person writes it:
// no lines of only spaces, no runs of blank lines, no blank line between
// a list item and the list nested in it (which would make a tight list
// loose), a final newline.
func tidyMarkdown(md string) string {
	lines := strings.Split(md, "\n")
	for i, l := range lines {
		if strings.TrimSpace(l) == "" {
			lines[i] = ""
		}
	}
	kept := lines[:0]
	for i, l := range lines {
		if l == "" && i > 0 && i+1 < len(lines) {
			prev, next := listItem.FindStringSubmatch(lines[i-1]), listItem.FindStringSubmatch(lines[i+1])
			if prev != nil && next != nil && len(next[1]) > len(prev[1]) {
				continue
			}
		}
		kept = append(kept, l)
	}
	md = strings.TrimSpace(blankRun.ReplaceAllString(strings.Join(kept, "\n"), "\n\n"))
	if md == "" {
		return ""
	}
	return md + "\n"
}

// htmlText returns the text of HTML on one line: tags dropped, character
// references decoded, white space collapsed. It is for fields that are
// plain text in a chronology: titles, publishers.
func htmlText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return oneLine(s)
	}
	return oneLine(nodeText(parseHTML(s), false))
}

// nodeText returns the text inside n. With breaks, <br> is a newline and
// the text is kept as written (for text this package exported, where
// newlines were written as <br>); without, <br> and block ends are spaces.
func nodeText(n *html.Node, breaks bool) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Script, atom.Style, atom.Template:
				return
			case atom.Br:
				if breaks {
					b.WriteByte('\n')
				} else {
					b.WriteByte(' ')
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if !breaks && n.Type == html.ElementNode && isBlock(n.DataAtom) {
			b.WriteByte(' ')
		}
	}
	walk(n)
	return b.String()
}

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.P, atom.Div, atom.Li, atom.Ul, atom.Ol, atom.Blockquote, atom.H1, atom.H2, atom.H3,
		atom.H4, atom.H5, atom.H6, atom.Tr, atom.Td, atom.Th, atom.Pre, atom.Section, atom.Article:
		return true
	}
	return false
}

// The classes of the parts of a TimelineJS slide's text that export writes
// for what TimelineJS has no field for; import reads them back.
const (
	classSummary  = "backstory-summary"
	classApprox   = "backstory-approximate"
	classClaims   = "backstory-claims"
	classSources  = "backstory-sources"
	classLinks    = "backstory-links"
	classPeople   = "backstory-people"
	classPlaces   = "backstory-places"
	classTags     = "backstory-tags"
	classNote     = "backstory-note"
	classClaim    = "backstory-claim"
	classPub      = "backstory-publisher"
	classArchived = "backstory-archived"
)

// slideExtras are the parts of an event that export keeps in a slide's
// text as marked HTML.
type slideExtras struct {
	summary              string
	approximate          bool
	tags, people, places []string
	sources              []timeline.Source
	claims               []timeline.Claim
	links                []timeline.Link
}

// splitSlideText reads a TimelineJS slide's text: the marked parts that
// export wrote are taken out and read, and the rest is converted to
// Markdown. Text from other tools has no marked parts and is all body.
func splitSlideText(s string) (body string, x slideExtras) {
	if strings.TrimSpace(s) == "" {
		return "", x
	}
	doc := parseHTML(s)
	if !strings.Contains(s, "backstory-") {
		return nodeMarkdown(doc, s), x
	}
	var marked []*html.Node
	var find func(*html.Node)
	find = func(n *html.Node) {
		if n.Type == html.ElementNode && strings.HasPrefix(classOf(n), "backstory-") {
			marked = append(marked, n)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			find(c)
		}
	}
	find(doc)
	for _, n := range marked {
		switch classOf(n) {
		case classSummary:
			x.summary = nodeText(n, true)
		case classApprox:
			x.approximate = true
		case classTags:
			x.tags = spanTexts(n)
		case classPeople:
			x.people = spanTexts(n)
		case classPlaces:
			x.places = spanTexts(n)
		case classSources:
			for _, li := range elements(n, atom.Li) {
				x.sources = append(x.sources, readSource(li))
			}
		case classClaims:
			for _, li := range elements(n, atom.Li) {
				x.claims = append(x.claims, timeline.Claim{
					Text:   textOfClass(li, classClaim),
					Status: timeline.ClaimStatus(attr(li, "data-status")),
					Note:   textOfClass(li, classNote),
					// data-sources="1 3": numbers into the slide's sources
					Sources: sourceNumbers(attr(li, "data-sources")),
				})
			}
		case classLinks:
			// a link to an event that was not exported is a span
			for _, li := range elements(n, atom.Li) {
				for _, a := range append(elements(li, atom.A), elements(li, atom.Span)...) {
					if id := attr(a, "data-id"); id != "" {
						x.links = append(x.links, timeline.Link{To: id, Note: textOfClass(li, classNote)})
						break
					}
				}
			}
		default:
			continue // not a part export writes: leave it in the body
		}
		n.Parent.RemoveChild(n)
	}
	return nodeMarkdown(doc, s), x
}

func readSource(li *html.Node) timeline.Source {
	var s timeline.Source
	var a *html.Node
	for _, x := range elements(li, atom.A) {
		if classOf(x) == classArchived {
			s.Archived = attr(x, "href")
		} else if a == nil {
			a = x
		}
	}
	if a != nil {
		s.URL = attr(a, "href")
		s.Title = oneLine(nodeText(a, false))
	} else if c := first(li, atom.Cite); c != nil {
		s.Title = oneLine(nodeText(c, false))
	}
	s.Publisher = oneLine(textOfClass(li, classPub))
	if t := first(li, atom.Time); t != nil {
		if d, err := timeline.ParseDate(attr(t, "datetime")); err == nil {
			s.Published = d
		}
	}
	if q := first(li, atom.Blockquote); q != nil {
		s.Quote = nodeText(q, true)
	}
	return s
}

func classOf(n *html.Node) string { return attr(n, "class") }

func attr(n *html.Node, key string) string {
	if n == nil {
		return ""
	}
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// elements returns the elements under n of one kind, in document order.
func elements(n *html.Node, a atom.Atom) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && c.DataAtom == a {
				out = append(out, c)
			}
			walk(c)
		}
	}
	walk(n)
	return out
}

func first(n *html.Node, a atom.Atom) *html.Node {
	if all := elements(n, a); len(all) > 0 {
		return all[0]
	}
	return nil
}

// textOfClass returns the text of the first element under n with class.
func textOfClass(n *html.Node, class string) string {
	if n == nil {
		return ""
	}
	var found *html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil && found == nil; c = c.NextSibling {
			if c.Type == html.ElementNode && classOf(c) == class {
				found = c
				return
			}
			walk(c)
		}
	}
	walk(n)
	if found == nil {
		return ""
	}
	return nodeText(found, true)
}

// spanTexts returns the text of each <span> under n: the items of a
// "People: <span>a</span>, <span>b</span>" line.
func spanTexts(n *html.Node) []string {
	var out []string
	for _, s := range elements(n, atom.Span) {
		if t := oneLine(nodeText(s, false)); t != "" {
			out = append(out, t)
		}
	}
	return out
}

// sourceNumbers reads a claim's data-sources="1 3"; what is not a number
// is left out.
func sourceNumbers(s string) []int {
	var out []int
	for _, f := range strings.Fields(s) {
		if n, err := strconv.Atoi(f); err == nil {
			out = append(out, n)
		}
	}
	return out
}
