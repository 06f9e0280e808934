package interop

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"backstory/timeline"
)

// ParseHumanDate reads a date as people type it into a spreadsheet, at the
// precision they typed: "2010", "March 2010", "Mar. 2010", "March 20,
// 2010", "Tuesday, March 20, 2010", "20 March 2010", "Mar. 20, 2010 11:59
// PM", "3/20/2010", "3/2010", "2010-03-20", "2010-03-20 23:59", "44 BC".
// Numeric dates are month/day/year, TimelineSetter's (American) order:
// "03/04/2010" is March 4. A leading "about", "circa", "c." or "ca." marks
// the date approximate. A two-digit year ("3/20/10") is ambiguous and an
// error, as is a first number above 12 ("20/3/2010"), which is not
// month/day/year.
func ParseHumanDate(s string) (d timeline.Date, approximate bool, err error) {
	orig := s
	cannot := func() error {
		return fmt.Errorf("cannot read the date %q: write it as March 20, 2010, 3/20/2010 or 2010-03-20", orig)
	}
	s = strings.ToLower(strings.TrimSpace(s))
	for _, p := range []string{"about ", "around ", "circa ", "ca. ", "c. ", "ca ", "c ", "~"} {
		if rest, ok := strings.CutPrefix(s, p); ok {
			s, approximate = strings.TrimSpace(rest), true
			break
		}
	}
	if d, clock, ok := isoDate(s); ok {
		d, err := finishDate(orig, d, clock)
		return d, approximate, err
	}
	var (
		month       int
		numbers     []string // numbers other than the month, in order
		numeric     string   // a "3/20/2010" token
		clock       string
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
			return timeline.Date{}, false, cannot()
		}
		sawAnything = true
	}
	switch {
	case numeric != "":
		if month != 0 || len(numbers) > 0 {
			return timeline.Date{}, false, cannot()
		}
		d, err = numericDate(orig, numeric)
	case month != 0:
		d, err = namedMonthDate(orig, month, numbers, bce)
	case len(numbers) == 1:
		var y int
		if y, err = yearOf(orig, numbers[0], bce); err == nil {
			d = timeline.Date{Year: y, Precision: timeline.PrecisionYear}
		}
	default:
		return timeline.Date{}, false, cannot()
	}
	if err != nil {
		return timeline.Date{}, false, err
	}
	if bce && d.Year > 0 {
		d.Year = -d.Year
	}
	d, err = finishDate(orig, d, clock)
	return d, approximate, err
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
// time after "T" or a space.
func isoDate(s string) (timeline.Date, string, bool) {
	date, clock, _ := strings.Cut(strings.Replace(s, "t", " ", 1), " ")
	body := strings.TrimPrefix(date, "-")
	if len(body) < 4 || !isDigits(body[:4]) || (len(body) > 4 && body[4] != '-') {
		return timeline.Date{}, "", false
	}
	d, err := timeline.ParseDate(date)
	if err != nil {
		return timeline.Date{}, "", false
	}
	return d, strings.TrimSpace(clock), true
}

// numericDate reads "3/20/2010" (month/day/year) or "3/2010".
func numericDate(orig, tok string) (timeline.Date, error) {
	sep := "/"
	if !strings.Contains(tok, "/") {
		sep = "-"
	}
	parts := strings.Split(tok, sep)
	for _, p := range parts {
		if !isDigits(p) {
			return timeline.Date{}, fmt.Errorf("cannot read the date %q: write it as March 20, 2010, 3/20/2010 or 2010-03-20", orig)
		}
	}
	switch len(parts) {
	case 2:
		y, err := yearOf(orig, parts[1], false)
		if err != nil {
			return timeline.Date{}, err
		}
		return makeDate(orig, y, atoi(parts[0]), 0)
	case 3:
		m, day := atoi(parts[0]), atoi(parts[1])
		y, err := yearOf(orig, parts[2], false)
		if err != nil {
			return timeline.Date{}, err
		}
		if m > 12 && day <= 12 {
			return timeline.Date{}, fmt.Errorf("the date %q is not month/day/year, the order TimelineSetter uses: there is no month %d (write %d/%d/%d or %04d-%02d-%02d)", orig, m, day, m, y, y, day, m)
		}
		return makeDate(orig, y, m, day)
	}
	return timeline.Date{}, fmt.Errorf("cannot read the date %q: write it as March 20, 2010, 3/20/2010 or 2010-03-20", orig)
}

// namedMonthDate reads the numbers around a month's name: a year, or a day
// and a year in either order ("March 20 2010", "20 March 2010").
func namedMonthDate(orig string, month int, numbers []string, bce bool) (timeline.Date, error) {
	switch len(numbers) {
	case 1:
		if len(numbers[0]) <= 2 && !bce {
			return timeline.Date{}, fmt.Errorf("the date %q has no year (or a two-digit one): write the year in full, as March 20, 2010", orig)
		}
		y, err := yearOf(orig, numbers[0], bce)
		if err != nil {
			return timeline.Date{}, err
		}
		return makeDate(orig, y, month, 0)
	case 2:
		day, year := numbers[0], numbers[1]
		if len(day) > 2 {
			day, year = year, day
		}
		if len(day) > 2 {
			break
		}
		y, err := yearOf(orig, year, bce)
		if err != nil {
			return timeline.Date{}, err
		}
		return makeDate(orig, y, month, atoi(day))
	case 0:
		return timeline.Date{}, fmt.Errorf("the date %q has no year: write it as March 20, 2010", orig)
	}
	return timeline.Date{}, fmt.Errorf("cannot read the date %q: write it as March 20, 2010, 3/20/2010 or 2010-03-20", orig)
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

// finishDate adds a clock time to a day (other precisions, and days TOML
// cannot hold with a time, keep none).
func finishDate(orig string, d timeline.Date, clock string) (timeline.Date, error) {
	if clock == "" || d.Precision != timeline.PrecisionDay || d.Year < 1 {
		return d, nil
	}
	h, m, sec, ok := parseClock(clock)
	if !ok {
		return timeline.Date{}, fmt.Errorf("cannot read the time in %q: write it as 11:59 PM or 23:59", orig)
	}
	d.Clock = fmt.Sprintf("%02d:%02d", h, m)
	if sec != 0 {
		d.Clock += fmt.Sprintf(":%02d", sec)
	}
	return d, nil
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

func monthName(m int) string { return time.Month(m).String() }
