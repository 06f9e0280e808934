package interop

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"backstory/timeline"
)

// date reads a TimelineJS date; what is wrong is reported at the part.
func (im *importer) date(label, key string, d dateParts) (timeline.Date, bool) {
	if !d.given {
		return timeline.Date{}, true
	}
	ok := true
	bad := func(f field, format string, args ...any) {
		im.errorf(f.pos, "%s: %s: %s", label, key, fmt.Sprintf(format, args...))
		ok = false
	}
	num := func(f field, name string, lo, hi int) int {
		if f.s == "" {
			return 0
		}
		n, isWhole := wholeNumber(f.s)
		if !isWhole {
			bad(f, "%s must be a whole number, not %q", name, f.s)
			return 0
		}
		if n < lo || n > hi {
			bad(f, "%s %d is not between %d and %d", name, n, lo, hi)
			return 0
		}
		return n
	}
	if d.year.s == "" {
		pos := d.year
		if pos.pos.Line == 0 {
			pos.pos = d.pos
		}
		bad(pos, "missing year: a date needs at least a year (BCE years are negative: -44)")
		return timeline.Date{}, false
	}
	year := num(d.year, "year", -9999, 9999)
	month := num(d.month, "month", 1, 12)
	day := num(d.day, "day", 1, 31)
	if !ok {
		return timeline.Date{}, false
	}
	if day != 0 && month == 0 {
		bad(d.day, "a day needs a month: give the month, or leave the day out")
		return timeline.Date{}, false
	}
	iso := fmt.Sprintf("%04d", year)
	if year < 0 {
		iso = fmt.Sprintf("-%04d", -year)
	}
	if month != 0 {
		iso += fmt.Sprintf("-%02d", month)
	}
	if day != 0 {
		iso += fmt.Sprintf("-%02d", day)
	}
	date, err := timeline.ParseDate(iso)
	if err != nil {
		bad(d.day, "%v", strings.TrimPrefix(err.Error(), "bad date "))
		return timeline.Date{}, false
	}
	if day != 0 && d.hour.s != "" && year >= 1 {
		h := num(d.hour, "hour", 0, 23)
		m := num(d.minute, "minute", 0, 59)
		sec := num(d.second, "second", 0, 59)
		if !ok {
			return timeline.Date{}, false
		}
		date.Clock = fmt.Sprintf("%02d:%02d", h, m)
		if sec != 0 {
			date.Clock += fmt.Sprintf(":%02d", sec)
		}
	}
	return date, true
}

// wholeNumber reads a whole number, also when written as a decimal
// ("2010.0", as pandas writes a column of numbers with gaps), as
// TimelineJS3 does.
func wholeNumber(s string) (int, bool) {
	if n, err := strconv.Atoi(s); err == nil {
		return n, true
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f != math.Trunc(f) || math.Abs(f) > 1e9 || strings.ContainsAny(s, "xXpPnN") {
		return 0, false
	}
	return int(f), true
}

// dateRange is a date or span as When shows it.
func dateRange(date, end timeline.Date) string {
	s := date.Format()
	if !end.IsZero() {
		s += " – " + end.Format()
	}
	return s
}

// parseClock reads "13:30", "13:30:15", "1:30 PM", "1 pm", "1:30:15.250 a.m.".
func parseClock(s string) (h, m, sec int, ok bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	clock := strings.TrimRight(s, "apm. ")
	meridiem := strings.ReplaceAll(strings.ReplaceAll(s[len(clock):], ".", ""), " ", "")
	if strings.HasSuffix(clock, ".") || (meridiem != "" && meridiem != "am" && meridiem != "pm") {
		return 0, 0, 0, false
	}
	s = clock
	pm, am := meridiem == "pm", meridiem == "am"
	parts := strings.Split(s, ":")
	if len(parts) > 3 || parts[0] == "" {
		return 0, 0, 0, false
	}
	if len(parts) == 3 {
		parts[2], _, _ = strings.Cut(parts[2], ".") // milliseconds are not kept
	}
	nums := make([]int, 3)
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 || len(p) > 2 || (i > 0 && len(p) != 2) {
			return 0, 0, 0, false
		}
		nums[i] = n
	}
	h, m, sec = nums[0], nums[1], nums[2]
	if am || pm {
		if h < 1 || h > 12 {
			return 0, 0, 0, false
		}
		h %= 12
		if pm {
			h += 12
		}
	}
	if h > 23 || m > 59 || sec > 59 {
		return 0, 0, 0, false
	}
	return h, m, sec, true
}
