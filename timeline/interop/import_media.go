package interop

import (
	"strings"

	"golang.org/x/net/html/atom"

	"backstory/timeline"
)

// eventMedia keeps a slide's media as the event's: its address, caption
// and credit (as Markdown), thumbnail and alt text. An iframe is kept as
// the address it shows; another embed (a blockquote of a post) joins the
// body as text. What a chronology has no place for is left out with a
// warning: a media link, a media that is no web address.
func (im *importer) eventMedia(s slide, e *timeline.Event) {
	m := strings.TrimSpace(s.mediaURL.s)
	if m == "" {
		if s.caption != "" || s.credit != "" {
			im.warnf(s.pos, "%s: a media caption or credit without a media address is left out", s.label)
		}
		return
	}
	u, ok := webAddress(m)
	if !ok && strings.HasPrefix(m, "<") {
		src, isFrame := iframeSource(m)
		if !isFrame {
			// an embed (a blockquote): its text joins the body
			e.Body = joinMarkdown(e.Body, htmlToMarkdown(m))
			return
		}
		if u, ok = webAddress(src); !ok {
			im.warnf(s.mediaURL.pos, "%s: the embedded frame's address %q %s and is left out", s.label, clip(src, 60), addressFault(u))
			return
		}
	} else if !ok {
		im.warnf(s.mediaURL.pos, "%s: media %q %s and is left out", s.label, clip(m, 60), addressFault(u))
		return
	}
	media := &timeline.Media{
		URL:     u,
		Caption: strings.TrimSpace(htmlToMarkdown(s.caption)),
		Credit:  strings.TrimSpace(htmlToMarkdown(s.credit)),
		Alt:     oneLine(s.alt.s), // (text, not HTML: an attribute's value)
	}
	if media.Alt == "" {
		media.Alt = oneLine(s.mediaTitle)
	} else if t := oneLine(s.mediaTitle); t != "" && t != media.Alt {
		im.warnf(s.mediaURL.pos, "%s: the media title %q is left out (the media keeps its alt text)", s.label, clip(t, 40))
	}
	if th := strings.TrimSpace(s.thumbnail.s); th != "" {
		if tu, ok := webAddress(th); ok {
			media.Thumbnail = tu
		} else {
			im.warnf(s.thumbnail.pos, "%s: media thumbnail %q %s and is left out", s.label, clip(th, 60), addressFault(tu))
		}
	}
	if l := strings.TrimSpace(s.mediaLink.s); l != "" {
		im.warnf(s.mediaLink.pos, "%s: the media's link %q is left out: a chronology's media has none (add it as a source)", s.label, clip(l, 60))
	}
	e.Media = media
}

// iframeSource returns the address an embed's first iframe shows, and
// whether it has one.
func iframeSource(s string) (string, bool) {
	for _, f := range elements(parseHTML(s), atom.Iframe) {
		for _, a := range f.Attr {
			if a.Key == "src" {
				return strings.TrimSpace(a.Val), true
			}
		}
	}
	return "", false
}

// noBackground warns that a slide's background (a color or an image) is
// left out: a chronology has no place for it.
func (im *importer) noBackground(s slide) {
	if s.background.s != "" {
		im.warnf(s.background.pos, "%s: the slide's background is left out: a chronology has none", s.label)
	}
}
