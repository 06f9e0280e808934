package interop

import (
	"cmp"
	"encoding/csv"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"backstory/timeline"
)

// timelineSheet reads TimelineJS3's spreadsheet template saved as CSV: its
// header row names the columns, and each row is a slide.
func (im *importer) timelineSheet() {
	r, header, cols, ok := im.csvHeader(sheetKey)
	if !ok {
		return
	}
	_, hasYear := cols["year"]
	_, hasHeadline := cols["headline"]
	_, hasStart := cols["startdate"]
	_, hasEnd := cols["enddate"]
	// the older template (Start Date, End Date, ..., Tag), which
	// TimelineJS3 reads too, its dates with TimelineJS3's parseDate
	old := hasStart || hasEnd
	if (!hasYear && !old) || !hasHeadline {
		_, hasDate := cols["date"]
		_, hasDesc := cols["description"]
		if hasDate && hasDesc {
			im.errorf(timeline.Position{File: im.name, Line: 1}, "this looks like a TimelineSetter file (date, description, ...): use backstory import timelinesetter")
			return
		}
		im.errorf(timeline.Position{File: im.name, Line: 1}, "not a TimelineJS timeline: a JSON file starts with {, and a spreadsheet's first row is its headers: Year, Month, Day, Time, End Year, End Month, End Day, End Time, Display Date, Headline, Text, Media, Media Credit, Media Caption, Media Thumbnail, Type, Group, Background")
		return
	}
	known := sheetColumns
	if old {
		known = append(slices.Clone(sheetColumns), "startdate", "enddate", "tag")
	}
	im.unknownColumns(header, sheetKey, known, "TimelineJS spreadsheet")
	titled := false
	im.rows(r, header, cols, func(row, line int, get func(string) field) {
		kind := strings.ToLower(get("type").s)
		label := fmt.Sprintf("row %d", row)
		if kind == "era" {
			label = fmt.Sprintf("era on row %d", row)
		}
		s := slide{label: label, pos: timeline.Position{File: im.name, Line: line}}
		s.headline, s.text = get("headline"), get("text")
		if h := htmlText(s.headline.s); h != "" {
			s.label = fmt.Sprintf("%s (%q)", label, clip(h, 40))
		}
		before := im.errors
		if old {
			s.start, s.end = oldSheetDate(get("startdate")), oldSheetDate(get("enddate"))
			s.startName, s.endName = "Start Date", "End Date"
		} else {
			s.start = im.sheetDate(s.label, get("year"), get("month"), get("day"), get("time"))
			s.end = im.sheetDate(s.label, get("endyear"), get("endmonth"), get("endday"), get("endtime"))
			s.startName, s.endName = "date", "end date"
		}
		if im.errors > before {
			return
		}
		s.displayDate = get("displaydate")
		s.mediaURL = get("media")
		s.credit, s.caption = get("mediacredit").s, get("mediacaption").s
		s.thumbnail = get("mediathumbnail")
		s.background = get("background")
		s.alt = get("alttext")
		s.group = cmp.Or(get("group").s, get("tag").s)
		switch {
		case kind == "title" && !titled:
			titled = true
			im.titleSlide(s)
		case kind == "title":
			im.warnf(s.pos, "%s: a second title row; it is read as an event", s.label)
			im.event(s)
		case kind == "era":
			im.era(s)
		default:
			im.event(s)
		}
	})
}

// sheetColumns are the columns of TimelineJS3's spreadsheet template, as
// sheetKey names them.
var sheetColumns = []string{"year", "month", "day", "time", "endyear", "endmonth", "endday", "endtime",
	"displaydate", "headline", "text", "media", "mediacredit", "mediacaption", "mediathumbnail", "alttext", "type", "group", "background"}

func sheetKey(h string) string { return strings.ToLower(strings.Join(strings.Fields(h), "")) }

// oldSheetDate reads a Start Date or End Date cell of the older template
// as TimelineJS3's parseDate does: "2011", "-44", "2011-12", "2011-12-10",
// "2011-12-10T13:30", "12/10/2011" (month first), "12/2011", with "13:30" or
// "13:30:15" after a date; what it cannot read has no year.
func oldSheetDate(f field) dateParts {
	d := dateParts{pos: f.pos, given: f.s != ""}
	at := func(s string) field { return field{s, f.pos} }
	s := strings.TrimSpace(f.s)
	if m := isoShort.FindStringSubmatch(s); m != nil {
		d.year = at(strings.TrimPrefix(m[1], "+"))
		d.month, d.day = at(strings.TrimPrefix(m[2], "-")), at(strings.TrimPrefix(m[3], "-"))
		return d
	}
	if m := isoLong.FindStringSubmatch(s); m != nil {
		d.year, d.month, d.day = at(m[1]), at(m[2]), at(m[3])
		d.hour, d.minute = at(m[4]), at(m[5])
		d.second = at(strings.TrimPrefix(m[6], ":"))
		return d
	}
	if m := slashDate.FindStringSubmatch(s); m != nil {
		d.month, d.day, d.year = at(m[1]), at(m[2]), at(m[3])
		s = strings.TrimSpace(strings.Replace(s, m[0], "", 1))
	} else if m := slashMonth.FindStringSubmatch(s); m != nil {
		d.month, d.year = at(m[1]), at(m[2])
		s = strings.TrimSpace(strings.Replace(s, m[0], "", 1))
	}
	if strings.Contains(s, ":") {
		parts := strings.Split(s, ":")
		d.hour, d.minute = at(parts[0]), at(parts[1])
		if len(parts) > 2 {
			sec, _, _ := strings.Cut(parts[2], ".")
			d.second = at(sec)
		}
	}
	return d
}

var (
	isoShort   = regexp.MustCompile(`^([+-]?\d+?)(-\d{2})?(-\d{2})?$`)
	isoLong    = regexp.MustCompile(`^([+-]?\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(:\d{2})?(?:[.,]\d+)?(?:[zZ]|[+-]\d{2}:?\d{2})?$`)
	slashDate  = regexp.MustCompile(`(\d+)/(\d+)/(\d+)`)
	slashMonth = regexp.MustCompile(`(\d+)/(\d+)`)
)

// sheetDate reads a spreadsheet's date cells; the Time cell ("13:30",
// "1:30 PM") gives the hour, minute and second.
func (im *importer) sheetDate(label string, year, month, day, clock field) dateParts {
	d := dateParts{pos: year.pos, year: year, month: month, day: day}
	d.given = year.s != "" || month.s != "" || day.s != "" || clock.s != ""
	for _, p := range []*field{&d.year, &d.month, &d.day} {
		p.s = strings.NewReplacer(",", "", " ", "").Replace(p.s) // TimelineJS reads "1,815" as 1815
	}
	if clock.s != "" {
		h, m, s, ok := parseClock(clock.s)
		if !ok {
			im.errorf(clock.pos, "%s: cannot read the time %q: write it as 13:30 or 1:30 PM", label, clock.s)
		} else {
			d.hour = field{strconv.Itoa(h), clock.pos}
			d.minute = field{strconv.Itoa(m), clock.pos}
			d.second = field{strconv.Itoa(s), clock.pos}
		}
	}
	return d
}

func (im *importer) csvError(err error) {
	var pe *csv.ParseError
	if errors.As(err, &pe) {
		msg := pe.Err.Error()
		if errors.Is(pe.Err, csv.ErrQuote) || errors.Is(pe.Err, csv.ErrBareQuote) {
			msg += ` (in CSV a field with a quote is written in quotes, and its quotes doubled: "say ""hi""")`
		}
		im.errorf(im.atByteCol(pe.Line, pe.Column), "CSV syntax: %s", msg)
		return
	}
	im.errorf(timeline.Position{File: im.name}, "cannot read the CSV: %v", err)
}
