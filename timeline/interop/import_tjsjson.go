package interop

import (
	"errors"
	"fmt"
	"strings"

	"backstory/timeline"
)

// TimelineJS3's JSON format (see ImportTimelineJS): the timeline object,
// its slides and eras, each value read for its type and reported where it
// is when it is not the one TimelineJS takes.

func (im *importer) timelineJSON() {
	root, err := parseJSON(im.data)
	if err != nil {
		var se *jsonSyntaxError
		if errors.As(err, &se) {
			im.errorf(im.at(se.off), "%s", se.msg)
		} else {
			im.errorf(timeline.Position{File: im.name}, "%v", err)
		}
		return
	}
	if root.kind != jsonObject {
		im.errorf(im.at(root.off), `a TimelineJS file is a JSON object such as {"title": {...}, "events": [...]}, not %s`, root.describe())
		return
	}
	if tl := root.get("timeline"); tl != nil && root.get("events") == nil {
		im.errorf(im.at(tl.off), `this is a TimelineJS 2 file ({"timeline": {"date": [...]}}): backstory imports TimelineJS3's format ({"title": {...}, "events": [...]}), so make the timeline again with TimelineJS3`)
		return
	}
	title := root.get("title")
	if title != nil {
		if title.kind != jsonObject {
			im.errorf(im.at(title.off), "title must be a slide object, not %s", title.describe())
		} else {
			before := im.errors
			if s := im.jsonSlide(title, "the title slide"); im.errors == before {
				im.titleSlide(s)
			}
		}
	}
	events := root.get("events")
	switch {
	case events == nil && title == nil:
		im.errorf(im.at(root.off), `no "events" list and no "title": this is not a TimelineJS timeline`)
	case events != nil && events.kind != jsonArray:
		im.errorf(im.at(events.off), `"events" must be a list of slides, not %s`, events.describe())
	case events != nil:
		for i, v := range events.items {
			label := fmt.Sprintf("event %d", i+1)
			if v.kind != jsonObject {
				im.errorf(im.at(v.off), "%s must be a slide object, not %s", label, v.describe())
				continue
			}
			// a slide with a wrong type is reported once, not again as
			// missing what it got wrong
			before := im.errors
			if s := im.jsonSlide(v, label); im.errors == before {
				im.event(s)
			}
		}
	}
	if eras := root.get("eras"); eras != nil {
		if eras.kind != jsonArray {
			im.errorf(im.at(eras.off), `"eras" must be a list, not %s`, eras.describe())
			return
		}
		for i, v := range eras.items {
			label := fmt.Sprintf("era %d", i+1)
			if v.kind != jsonObject {
				im.errorf(im.at(v.off), "%s must be an object, not %s", label, v.describe())
				continue
			}
			before := im.errors
			if s := im.jsonSlide(v, label); im.errors == before {
				im.era(s)
			}
		}
	}
}

// jsonSlide reads a slide (or era) object; wrong types are reported.
func (im *importer) jsonSlide(v *jsonValue, label string) slide {
	s := slide{label: label, pos: im.at(v.off)}
	text := im.jsonObject(v, "text", label)
	s.headline = im.jsonText(text, "headline", label+": text")
	if s.headline.s != "" {
		s.label = fmt.Sprintf("%s (%q)", label, clip(htmlText(s.headline.s), 40))
	}
	s.text = im.jsonText(text, "text", s.label+": text")
	s.start = im.jsonDate(v, "start_date", s.label)
	s.end = im.jsonDate(v, "end_date", s.label)
	s.displayDate = im.jsonText(v, "display_date", s.label)
	media := im.jsonObject(v, "media", s.label)
	s.mediaURL = im.jsonText(media, "url", s.label+": media")
	s.caption = im.jsonText(media, "caption", s.label+": media").s
	s.credit = im.jsonText(media, "credit", s.label+": media").s
	s.mediaTitle = im.jsonText(media, "title", s.label+": media").s
	s.thumbnail = im.jsonText(media, "thumbnail", s.label+": media")
	s.alt = im.jsonText(media, "alt", s.label+": media")
	s.mediaLink = im.jsonText(media, "link", s.label+": media")
	if bg := v.get("background"); bg != nil {
		s.background = field{"background", im.at(bg.off)}
	}
	s.group = im.jsonText(v, "group", s.label).s
	s.uniqueID = im.jsonText(v, "unique_id", s.label).s
	return s
}

func (im *importer) jsonObject(v *jsonValue, key, label string) *jsonValue {
	x := v.get(key)
	if x != nil && x.kind != jsonObject {
		im.errorf(im.at(x.off), "%s: %s must be an object, not %s", label, key, x.describe())
		return nil
	}
	return x
}

// jsonText reads a text value; a number is read as its digits, as
// JavaScript would show it.
func (im *importer) jsonText(v *jsonValue, key, label string) field {
	x := v.get(key)
	if x == nil {
		return field{}
	}
	switch x.kind {
	case jsonString:
		return field{x.str, im.at(x.off)}
	case jsonNumber:
		return field{x.num.String(), im.at(x.off)}
	}
	im.errorf(im.at(x.off), "%s: %s must be text, not %s", label, key, x.describe())
	return field{}
}

func (im *importer) jsonDate(v *jsonValue, key, label string) dateParts {
	x := im.jsonObject(v, key, label)
	if x == nil {
		return dateParts{}
	}
	d := dateParts{given: true, pos: im.at(x.off)}
	part := func(name string) field {
		p := x.get(name)
		if p == nil {
			return field{}
		}
		switch p.kind {
		case jsonNumber:
			return field{p.num.String(), im.at(p.off)}
		case jsonString:
			return field{strings.TrimSpace(p.str), im.at(p.off)}
		}
		im.errorf(im.at(p.off), "%s: %s: %s must be a number, not %s", label, key, name, p.describe())
		return field{}
	}
	d.year, d.month, d.day = part("year"), part("month"), part("day")
	d.hour, d.minute, d.second = part("hour"), part("minute"), part("second")
	d.display = im.jsonText(x, "display_date", label+": "+key).s
	return d
}
