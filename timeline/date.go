package timeline

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Precision says how much of a date is known.
type Precision uint8

// The precisions of a date, coarsest first. A zero Date has PrecisionNone.
const (
	PrecisionNone Precision = iota
	PrecisionYear
	PrecisionMonth
	PrecisionDay
)

// Date is a calendar date known to a precision: a year, a month or a day.
// It is never shifted by a time zone: a TOML date-time keeps the day written
// in the file, and its clock time is kept only for display.
type Date struct {
	Year      int
	Month     int // 1-12, 0 when unknown
	Day       int // 1-31, 0 when unknown
	Precision Precision
	// Clock is the time of day written in the file ("22:00", "22:00:30
	// -05:00"), empty for a plain date.
	Clock string
}

// Day is a calendar day as a sortable number (year*10000 + month*100 + day).
type Day int

// DayOf returns the Day for a year, month and day.
func DayOf(year, month, day int) Day { return Day(year*10000 + month*100 + day) }

// IsZero reports whether the date is absent.
func (d Date) IsZero() bool { return d.Precision == PrecisionNone }

// First returns the first day the date covers ("2018" covers 1 Jan 2018 to
// 31 Dec 2018).
func (d Date) First() Day {
	switch d.Precision {
	case PrecisionYear:
		return DayOf(d.Year, 1, 1)
	case PrecisionMonth:
		return DayOf(d.Year, d.Month, 1)
	}
	return DayOf(d.Year, d.Month, d.Day)
}

// Last returns the last day the date covers.
func (d Date) Last() Day {
	switch d.Precision {
	case PrecisionYear:
		return DayOf(d.Year, 12, 31)
	case PrecisionMonth:
		return DayOf(d.Year, d.Month, daysIn(d.Year, d.Month))
	}
	return DayOf(d.Year, d.Month, d.Day)
}

// Compare orders dates by their first day, coarser precision first on ties,
// then by clock time. It returns -1, 0 or +1.
func Compare(a, b Date) int {
	switch fa, fb := a.First(), b.First(); {
	case fa < fb:
		return -1
	case fa > fb:
		return 1
	}
	switch {
	case a.Precision < b.Precision:
		return -1
	case a.Precision > b.Precision:
		return 1
	}
	return strings.Compare(a.Clock, b.Clock)
}

// String returns the date in ISO form at its precision: "2018", "2018-02" or
// "2018-02-24". The clock time is left out.
func (d Date) String() string {
	switch d.Precision {
	case PrecisionYear:
		return yearString(d.Year)
	case PrecisionMonth:
		return fmt.Sprintf("%s-%02d", yearString(d.Year), d.Month)
	case PrecisionDay:
		return fmt.Sprintf("%s-%02d-%02d", yearString(d.Year), d.Month, d.Day)
	}
	return ""
}

// Format returns the date for people to read at its precision: "2018",
// "Feb 2018", "24 Feb 2018" (with the clock time when the file gave one).
func (d Date) Format() string {
	switch d.Precision {
	case PrecisionYear:
		return readableYear(d.Year)
	case PrecisionMonth:
		return fmt.Sprintf("%s %s", monthAbbr(d.Month), readableYear(d.Year))
	case PrecisionDay:
		s := fmt.Sprintf("%d %s %s", d.Day, monthAbbr(d.Month), readableYear(d.Year))
		if d.Clock != "" {
			s += " " + d.Clock
		}
		return s
	}
	return ""
}

// ParseDate reads "YYYY", "YYYY-MM" or "YYYY-MM-DD"; a leading '-' marks a
// year before the common era ("-0044").
func ParseDate(s string) (Date, error) {
	bad := fmt.Errorf("bad date %q: write YYYY, YYYY-MM or YYYY-MM-DD (e.g. \"2018\", \"2018-02\", 2018-02-24)", s)
	rest, sign := s, 1
	if strings.HasPrefix(rest, "-") {
		rest, sign = rest[1:], -1
	}
	parts := strings.Split(rest, "-")
	if len(parts) > 3 || len(parts[0]) != 4 {
		return Date{}, bad
	}
	nums := make([]int, len(parts))
	for i, p := range parts {
		if (i > 0 && len(p) != 2) || !allDigits(p) {
			return Date{}, bad
		}
		nums[i], _ = strconv.Atoi(p)
	}
	d := Date{Year: sign * nums[0], Precision: Precision(len(parts))}
	if len(nums) > 1 {
		d.Month = nums[1]
		if d.Month < 1 || d.Month > 12 {
			return Date{}, fmt.Errorf("bad date %q: month %d is not between 01 and 12", s, d.Month)
		}
	}
	if len(nums) > 2 {
		d.Day = nums[2]
		if d.Day < 1 || d.Day > daysIn(d.Year, d.Month) {
			return Date{}, fmt.Errorf("bad date %q: %s %s has no day %d", s, monthAbbr(d.Month), readableYear(d.Year), d.Day)
		}
	}
	return d, nil
}

// MustDate is ParseDate for literals known to be valid; it panics otherwise.
func MustDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// dateFromTime keeps the day written in the file: t is in the zone the TOML
// decoder gave it (the file's offset, or a local marker), never converted.
func dateFromTime(t time.Time, withClock bool) Date {
	d := Date{Year: t.Year(), Month: int(t.Month()), Day: t.Day(), Precision: PrecisionDay}
	if withClock {
		d.Clock = t.Format("15:04")
		if t.Second() != 0 || t.Nanosecond() != 0 {
			d.Clock = t.Format("15:04:05")
		}
		if loc := t.Location().String(); loc != "datetime-local" {
			if _, off := t.Zone(); off == 0 {
				d.Clock += " UTC"
			} else {
				d.Clock += " " + t.Format("-07:00")
			}
		}
	}
	return d
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func daysIn(year, month int) int {
	// time.Date normalises day 0 of the next month to the last of this one;
	// UTC keeps it free of the machine's zone.
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func monthAbbr(m int) string {
	if m < 1 || m > 12 {
		return "?"
	}
	return time.Month(m).String()[:3]
}

func yearString(y int) string {
	if y < 0 {
		return fmt.Sprintf("-%04d", -y)
	}
	return fmt.Sprintf("%04d", y)
}

func readableYear(y int) string {
	if y < 0 {
		return fmt.Sprintf("%d BCE", -y)
	}
	return strconv.Itoa(y)
}

// Ordinal numbers the days of the proleptic Gregorian calendar: 0 is
// 1 Jan 1970, one more each day, negative before (the year before 1 is
// 0, before that -1, as in Date). Differences of ordinals are numbers of
// days.
func Ordinal(year, month, day int) int {
	// days from civil (H. Hinnant)
	y := year
	if month <= 2 {
		y--
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	mp := (month + 9) % 12
	doy := (153*mp+2)/5 + day - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe - 719468
}

// Days returns the ordinals of the first and last day the date covers.
func (d Date) Days() (first, last int) {
	switch d.Precision {
	case PrecisionYear:
		return Ordinal(d.Year, 1, 1), Ordinal(d.Year, 12, 31)
	case PrecisionMonth:
		return Ordinal(d.Year, d.Month, 1), Ordinal(d.Year, d.Month, daysIn(d.Year, d.Month))
	}
	return Ordinal(d.Year, d.Month, d.Day), Ordinal(d.Year, d.Month, d.Day)
}

// FromOrdinal is the day an Ordinal numbers: its year, month and day.
func FromOrdinal(o int) (year, month, day int) {
	// civil from days (H. Hinnant)
	z := o + 719468
	era := z / 146097
	if z < 0 && z%146097 != 0 {
		era--
	}
	doe := z - era*146097
	yoe := (doe - doe/1460 + doe/36524 - doe/146096) / 365
	y := yoe + era*400
	doy := doe - (365*yoe + yoe/4 - yoe/100)
	mp := (5*doy + 2) / 153
	d := doy - (153*mp+2)/5 + 1
	m := mp + 3
	if m > 12 {
		m -= 12
	}
	if m <= 2 {
		y++
	}
	return y, m, d
}
