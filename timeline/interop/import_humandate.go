package interop

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"backstory/timeline"
)

// ParseHumanDate reads a date as people type it into a spreadsheet, at the
// precision they typed, as TimelineSetter (with Ruby's Chronic) reads it:
// "2010", "March 2010", "Mar. 2010", "March 20, 2010", "Tuesday, March 20,
// 2010", "20 March 2010", "Mar. 20, 2010 11:59 PM", "Jan 11 2012 CST",
// "Mon Apr 04 19:58:51 +0000 2011", "3/20/2010", "3/2010", "2010/03/20",
// "2010-3-5", "2010-03-20", "2010-03-20T23:59:00Z", "44 BC", "3000 BCE".
// Numeric dates are month/day/year, TimelineSetter's (American) order:
// "03/04/2010" is March 4 (see readHumanDate for day first). A two-digit
// year is in the century Chronic picks: "4/15/03" is 2003. A leading
// "about", "circa", "c." or "ca." marks the date approximate. A time zone
// is kept with a time ("19:58:51 UTC") and dropped without one.
func ParseHumanDate(s string) (d timeline.Date, approximate bool, err error) {
	r, err := readHumanDate(s, monthFirst)
	return r.date, r.approximate, err
}

// dateOrder is the order of the day and the month in a numeric date.
type dateOrder bool

const (
	monthFirst dateOrder = false // 3/20/2010
	dayFirst   dateOrder = true  // 20/3/2010
)

// reading is a date read from text, and how it was read when a person
// should know: a two-digit year's century.
type reading struct {
	date        timeline.Date
	approximate bool
	twoDigit    bool // the year was written with two digits
}

// thisYear is the year two-digit years are read around.
var thisYear = func() int { return time.Now().Year() }

// fullYear is a two-digit year in the century Chronic picks (its
// ambiguous_year_future_bias of 50): within the 50 years before this one
// and the 49 after.
func fullYear(yy int) int {
	start := thisYear() - 50
	y := start/100*100 + yy
	if y < start {
		y += 100
	}
	return y
}

// readHumanDate is ParseHumanDate with the order of numeric dates given.
func readHumanDate(s string, order dateOrder) (r reading, err error) {
	orig := s
	cannot := func() error {
		return fmt.Errorf("cannot read the date %q: write it as March 20, 2010, 3/20/2010 or 2010-03-20", orig)
	}
	s = strings.ToLower(strings.TrimSpace(s))
	for _, p := range []string{"about ", "around ", "circa ", "ca. ", "c. ", "ca ", "c ", "~"} {
		if rest, ok := strings.CutPrefix(s, p); ok {
			s, r.approximate = strings.TrimSpace(rest), true
			break
		}
	}
	if d, clock, ok := isoDate(s); ok {
		r.date, err = finishDate(orig, d, clock, "")
		return r, err
	}
	var (
		month       int
		numbers     []string // numbers other than the month, in order
		numeric     string   // a "3/20/2010" token
		clock, zone string
		bce         bool
		sawWeekday  bool
		sawAnything bool
	)
	tokens := strings.Fields(strings.ReplaceAll(s, ",", " "))
	for i := 0; i < len(tokens); i++ {
		tok := tokens[i]
		bare := strings.TrimSuffix(tok, ".")
		switch {
		case weekdays[bare] && !sawAnything && !sawWeekday:
			sawWeekday = true
			continue
		case months[bare] != 0 && month == 0:
			month = months[bare]
		case bare == "bc" || bare == "bce" || bare == "b.c" || bare == "b.c.e":
			bce = true
		case bare == "ad" || bare == "a.d" || bare == "ce" || bare == "at" || bare == "of" || bare == "the" || bare == "on":
		case zoneOf(tok) != "" && zone == "" && sawAnything:
			zone = zoneOf(tok)
		case strings.Contains(tok, ":") && clock == "":
			clock = tok
			if i+1 < len(tokens) && isMeridiem(tokens[i+1]) {
				clock += " " + tokens[i+1]
				i++
			}
		case isDigits(tok) && i+1 < len(tokens) && isMeridiem(tokens[i+1]) && clock == "":
			clock = tok + " " + tokens[i+1] // "11 pm"
			i++
		case strings.ContainsAny(tok, "/-") && numeric == "" && numbers == nil && month == 0:
			numeric = tok
		case isDigits(trimOrdinal(bare)):
			numbers = append(numbers, trimOrdinal(bare))
		default:
			return reading{}, cannot()
		}
		sawAnything = true
	}
	var d timeline.Date
	switch {
	case numeric != "":
		if month != 0 || len(numbers) > 0 {
			return reading{}, cannot()
		}
		d, r.twoDigit, err = numericDate(orig, numeric, order)
	case month != 0:
		d, r.twoDigit, err = namedMonthDate(orig, month, numbers, bce)
	case len(numbers) == 1:
		var y int
		if y, err = yearOf(orig, numbers[0], bce); err == nil {
			d = timeline.Date{Year: y, Precision: timeline.PrecisionYear}
		}
	default:
		return reading{}, cannot()
	}
	if err != nil {
		return reading{}, err
	}
	if bce && d.Year > 0 {
		d.Year = -d.Year
	}
	r.date, err = finishDate(orig, d, clock, zone)
	return r, err
}

var months = map[string]int{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
	"may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
	"sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
	"dec": 12, "december": 12,
}

var weekdays = map[string]bool{
	"mon": true, "monday": true, "tue": true, "tues": true, "tuesday": true, "wed": true, "wednesday": true,
	"thu": true, "thur": true, "thurs": true, "thursday": true, "fri": true, "friday": true,
	"sat": true, "saturday": true, "sun": true, "sunday": true,
}

func isMeridiem(tok string) bool {
	switch strings.ReplaceAll(tok, ".", "") {
	case "am", "pm":
		return true
	}
	return false
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// trimOrdinal turns "20th" into "20".
func trimOrdinal(s string) string {
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if rest, ok := strings.CutSuffix(s, suf); ok && isDigits(rest) && len(rest) <= 2 {
			return rest
		}
	}
	return s
}

// isoDate reads "2010", "2010-03", "2010-03-20", optionally followed by a
// time after "T" or a space, with a zone ("Z", "+05:00"). What follows a
// year or a month, or a day with what is not a time, is not ISO.
func isoDate(s string) (timeline.Date, string, bool) {
	date, clock := s, ""
	if i := strings.IndexAny(s, " t"); i >= 0 {
		date, clock = s[:i], s[i+1:]
	}
	body := strings.TrimPrefix(date, "-")
	if len(body) < 4 || !isDigits(body[:4]) || (len(body) > 4 && body[4] != '-') {
		return timeline.Date{}, "", false
	}
	d, err := timeline.ParseDate(date)
	if err != nil {
		return timeline.Date{}, "", false
	}
	clock = strings.TrimSpace(clock)
	if clock != "" {
		if c, _ := splitZone(clock); d.Precision != timeline.PrecisionDay || !strings.Contains(c, ":") {
			return timeline.Date{}, "", false
		}
	}
	return d, clock, true
}

// numericDate reads "3/20/2010" (or "20/3/2010" day first), "3/2010",
// "2010/03/20" and "2010-3-5" (year first); it says whether the year had
// two digits.
func numericDate(orig, tok string, order dateOrder) (timeline.Date, bool, error) {
	cannot := fmt.Errorf("cannot read the date %q: write it as March 20, 2010, 3/20/2010 or 2010-03-20", orig)
	sep := "/"
	if !strings.Contains(tok, "/") {
		sep = "-"
	}
	parts := strings.Split(tok, sep)
	for _, p := range parts {
		if !isDigits(p) {
			return timeline.Date{}, false, cannot
		}
	}
	if len(parts[0]) >= 3 && len(parts) <= 3 {
		// year first: 2010/03/20, 2010-3-5, 2010/3
		y, err := yearOf(orig, parts[0], false)
		if err != nil {
			return timeline.Date{}, false, err
		}
		day := 0
		if len(parts) == 3 {
			day = atoi(parts[2])
		}
		d, err := makeDate(orig, y, atoi(parts[1]), day)
		return d, false, err
	}
	switch len(parts) {
	case 2:
		y, err := yearOf(orig, parts[1], false)
		if err != nil {
			return timeline.Date{}, false, err
		}
		d, err := makeDate(orig, y, atoi(parts[0]), 0)
		return d, false, err
	case 3:
		m, day := atoi(parts[0]), atoi(parts[1])
		if order == dayFirst {
			m, day = day, m
		}
		two := len(parts[2]) <= 2
		var y int
		if two {
			y = fullYear(atoi(parts[2]))
		} else {
			var err error
			if y, err = yearOf(orig, parts[2], false); err != nil {
				return timeline.Date{}, false, err
			}
		}
		if m > 12 && day <= 12 {
			other := "day/month/year, and dates are month/day/year unless some read only day first"
			if order == dayFirst {
				other = "month/day/year, but the file's dates are day/month/year (some read only so)"
			}
			return timeline.Date{}, false, fmt.Errorf("the date %q has no month %d: it reads only as %s: write it as %04d-%02d-%02d", orig, m, other, y, day, m)
		}
		d, err := makeDate(orig, y, m, day)
		return d, two, err
	}
	return timeline.Date{}, false, cannot
}

// orderOf says which order a numeric date can only be read in ("22/07/1910"
// day first, "07/22/1910" month first); ok is false when it reads either
// way or is no such date.
func orderOf(s string) (order dateOrder, ok bool) {
	for _, tok := range strings.Fields(strings.ReplaceAll(s, ",", " ")) {
		sep := "/"
		if !strings.Contains(tok, "/") {
			sep = "-"
		}
		parts := strings.Split(tok, sep)
		if len(parts) != 3 || len(parts[0]) > 2 || !isDigits(parts[0]) || !isDigits(parts[1]) {
			continue
		}
		a, b := atoi(parts[0]), atoi(parts[1])
		switch {
		case a > 12 && b >= 1 && b <= 12:
			return dayFirst, true
		case b > 12 && a >= 1 && a <= 12:
			return monthFirst, true
		}
		return false, false
	}
	return false, false
}

// namedMonthDate reads the numbers around a month's name: a year, or a day
// and a year in either order ("March 20 2010", "20 March 2010", "March 20,
// 10"); it says whether the year had two digits.
func namedMonthDate(orig string, month int, numbers []string, bce bool) (timeline.Date, bool, error) {
	switch len(numbers) {
	case 1:
		if len(numbers[0]) <= 2 && !bce {
			return timeline.Date{}, false, fmt.Errorf("the date %q has no year (or a two-digit one): write the year in full, as March 20, 2010", orig)
		}
		y, err := yearOf(orig, numbers[0], bce)
		if err != nil {
			return timeline.Date{}, false, err
		}
		d, err := makeDate(orig, y, month, 0)
		return d, false, err
	case 2:
		day, year := numbers[0], numbers[1]
		if len(day) > 2 {
			day, year = year, day
		}
		if len(day) > 2 {
			break
		}
		var y int
		two := len(year) <= 2 && !bce
		if two {
			y = fullYear(atoi(year))
		} else {
			var err error
			if y, err = yearOf(orig, year, bce); err != nil {
				return timeline.Date{}, false, err
			}
		}
		d, err := makeDate(orig, y, month, atoi(day))
		return d, two, err
	case 0:
		return timeline.Date{}, false, fmt.Errorf("the date %q has no year: write it as March 20, 2010", orig)
	}
	return timeline.Date{}, false, fmt.Errorf("cannot read the date %q: write it as March 20, 2010, 3/20/2010 or 2010-03-20", orig)
}

// yearOf reads a year: three or four digits (one or two are ambiguous,
// "10" could be 1910 or 2010), any number of them before the common era.
func yearOf(orig, s string, bce bool) (int, error) {
	if len(s) > 4 {
		return 0, fmt.Errorf("the year in %q has more than four digits, which backstory cannot hold", orig)
	}
	if len(s) <= 2 && !bce {
		return 0, fmt.Errorf("the date %q has a two-digit year, which is ambiguous: write the year in full (2010, not 10)", orig)
	}
	return atoi(s), nil
}

func makeDate(orig string, year, month, day int) (timeline.Date, error) {
	iso := fmt.Sprintf("%04d-%02d", year, month)
	if day != 0 {
		iso += fmt.Sprintf("-%02d", day)
	}
	d, err := timeline.ParseDate(iso)
	if err != nil {
		if month < 1 || month > 12 {
			return timeline.Date{}, fmt.Errorf("the date %q has no month %d", orig, month)
		}
		return timeline.Date{}, fmt.Errorf("the date %q does not exist: %s %d has no day %d", orig, monthName(month), year, day)
	}
	return d, nil
}

// finishDate adds a clock time, and its zone, to a day (other precisions,
// and days TOML cannot hold with a time, keep none). An ISO time may carry
// its own zone ("23:59:00z").
func finishDate(orig string, d timeline.Date, clock, zone string) (timeline.Date, error) {
	if clock != "" && d.Precision != timeline.PrecisionDay {
		return timeline.Date{}, fmt.Errorf("the date %q has a time but no day: give the day too, or leave the time out", orig)
	}
	if clock == "" || d.Year < 1 {
		return d, nil
	}
	if c, z := splitZone(clock); z != "" {
		clock, zone = c, z
	}
	h, m, sec, ok := parseClock(clock)
	if !ok {
		return timeline.Date{}, fmt.Errorf("cannot read the time in %q: write it as 11:59 PM or 23:59", orig)
	}
	d.Clock = fmt.Sprintf("%02d:%02d", h, m)
	if sec != 0 {
		d.Clock += fmt.Sprintf(":%02d", sec)
	}
	if zone != "" {
		d.Clock += " " + zone
	}
	return d, nil
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

func monthName(m int) string { return time.Month(m).String() }
