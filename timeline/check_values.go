package timeline

import (
	"fmt"
	"strings"
	"time"
)

// The check stage (see check.go): the values of keys read as dates, and
// the names of TOML types in messages.

// dateFromValue reads the value of a date key (date, end, start,
// published), or says what is wrong with it.
func dateFromValue(key string, v any) (Date, string) {
	switch x := v.(type) {
	case time.Time:
		switch x.Location().String() {
		case "date-local":
			return dateFromTime(x, false), ""
		case "time-local":
			return Date{}, "a time of day without a date: write a date such as 2018-02-24"
		}
		return dateFromTime(x, true), ""
	case string:
		d, err := ParseDate(strings.TrimSpace(x))
		if err != nil {
			return Date{}, err.Error()
		}
		return d, ""
	case int64:
		// date = 2018 would be read as a year, but so would a typo of
		// 2018-02-24 that lost its dashes: an integer is never a date
		if x < -9999 || x > 9999 {
			return Date{}, fmt.Sprintf("bad date %d: write a date as YYYY-MM-DD (%s = 2018-02-24), or a year as a string (%s = \"2018\")", x, key, key)
		}
		return Date{}, fmt.Sprintf("a year is written as a string: %s = %q", key, yearText(int(x)))
	}
	return Date{}, fmt.Sprintf("a date must be a TOML date (2018-02-24) or a string (\"2018\", \"2018-02\"), not %s", typeName(v))
}

// yearText writes a year as ParseDate reads it: "2018", "0005", "-0044".
func yearText(y int) string {
	if y < 0 {
		return fmt.Sprintf("-%04d", -y)
	}
	return fmt.Sprintf("%04d", y)
}

// typeName names a decoded TOML value's type for a person.
func typeName(v any) string {
	switch x := v.(type) {
	case string:
		return "a string"
	case int64:
		return "an integer"
	case float64:
		return "a number"
	case bool:
		return "a boolean"
	case time.Time:
		if x.Location().String() == "time-local" {
			return "a time"
		}
		return "a date"
	case []map[string]any:
		return "an array of tables"
	case []any:
		return "an array"
	case map[string]any:
		return "a table"
	}
	return fmt.Sprintf("%T", v)
}
