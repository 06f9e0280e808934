package timeline

import "fmt"

// An event's date as people read it, and spans of dates.

// When returns the event's date as people read it: its display_date if it
// has one, else its Span text.
func (e *Event) When() string {
	if e.DisplayDate != "" {
		return e.DisplayDate
	}
	return e.SpanText()
}

// SpanText returns the date or span at its precision ("24 Feb 2018",
// "25–28 Feb 2018", "Dec 2017 – Jan 2018"), marked "about" when
// approximate.
func (e *Event) SpanText() string {
	s := RangeText(e.Date, e.End)
	if e.Approximate {
		s = "about " + s
	}
	return s
}

// RangeText is a date, or the range from a to b (b not zero), as people
// write it: what the two ends share is said once ("25–28 Feb 2018",
// "25 Feb – 3 Mar 2018", "Feb–Mar 2018"), else both in full ("Dec 2017 –
// Jan 2018", "24 Feb 2018 – 2019"). A clock time keeps both in full.
func RangeText(a, b Date) string {
	if b.IsZero() {
		return a.Format()
	}
	if a.Precision == b.Precision && a.Clock == "" && b.Clock == "" && a.Year == b.Year {
		year := readableYear(a.Year)
		switch {
		case a.Precision == PrecisionDay && a.Month == b.Month && a.Day != b.Day:
			return fmt.Sprintf("%d–%d %s %s", a.Day, b.Day, monthAbbr(a.Month), year)
		case a.Precision == PrecisionDay && a.Month != b.Month:
			return fmt.Sprintf("%d %s – %d %s %s", a.Day, monthAbbr(a.Month), b.Day, monthAbbr(b.Month), year)
		case a.Precision == PrecisionMonth && a.Month != b.Month:
			return fmt.Sprintf("%s–%s %s", monthAbbr(a.Month), monthAbbr(b.Month), year)
		case a == b:
			return a.Format()
		}
	}
	return a.Format() + " – " + b.Format()
}

// RangeString is a date, or the range from a to b, in ISO 8601 at their
// precision: "2018-02-25", "2018-02-25/2018-02-28".
func RangeString(a, b Date) string {
	if b.IsZero() {
		return a.String()
	}
	return a.String() + "/" + b.String()
}
