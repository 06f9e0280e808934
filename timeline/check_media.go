package timeline

// The check stage (see check.go): an event's [event.media] table.

// media reads an event's [event.media] table, if it has one. Its keys are
// reported at its header: the layout follows the keys of [[...]] tables
// only.
func (f *fileCheck) media(t table) *Media {
	v, ok := t.m["media"]
	if !ok {
		return nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		t.errKey("media", "must be one table written [event.media] (with url, caption, credit, thumbnail, alt), not %s", typeName(v))
		return nil
	}
	line, _ := t.pos.key("media")
	owner := t.label
	owner.sub = "media"
	mt := table{f: f, m: m, pos: tablePos{Line: line}, label: owner}
	mt.unknown(mediaKeys)
	md := &Media{
		URL:       mt.line("url", true),
		Caption:   mt.str("caption", false),
		Credit:    mt.str("credit", false),
		Thumbnail: mt.line("thumbnail", false),
		Alt:       mt.line("alt", false),
	}
	for _, k := range []struct{ key, u string }{{"url", md.URL}, {"thumbnail", md.Thumbnail}} {
		if k.u != "" {
			if msg := checkURL(k.u); msg != "" {
				mt.errKey(k.key, "%s", msg)
			}
		}
	}
	return md
}
