package interop

import (
	"fmt"
	"strings"
)

// zones are the time zone names Chronic knows after a date or time, and
// their offsets.
var zones = map[string]string{
	"z": "UTC", "utc": "UTC", "gmt": "UTC", "ut": "UTC",
	"est": "-05:00", "edt": "-04:00", "cst": "-06:00", "cdt": "-05:00",
	"mst": "-07:00", "mdt": "-06:00", "pst": "-08:00", "pdt": "-07:00",
	"akst": "-09:00", "akdt": "-08:00", "hst": "-10:00",
}

// zoneOf reads a time zone: a name ("cst"), or an offset ("+0000",
// "-05:00") as the Date's clock writes it ("UTC", "-05:00"); "" when tok
// is none.
func zoneOf(tok string) string {
	if z, ok := zones[strings.Trim(tok, "()")]; ok {
		return z
	}
	if len(tok) < 5 || (tok[0] != '+' && tok[0] != '-') {
		return ""
	}
	digits := strings.Replace(tok[1:], ":", "", 1)
	if len(digits) != 4 || !isDigits(digits) || (len(tok) == 6 && tok[3] != ':') || len(tok) > 6 {
		return ""
	}
	h, m := atoi(digits[:2]), atoi(digits[2:])
	if h > 14 || m > 59 {
		return ""
	}
	if h == 0 && m == 0 {
		return "UTC"
	}
	return fmt.Sprintf("%c%s:%s", tok[0], digits[:2], digits[2:])
}

// splitZone takes the zone off an ISO time: "23:59:00z" is "23:59:00" in
// UTC, "23:59:00-05:00" is at -05:00.
func splitZone(clock string) (string, string) {
	if c, ok := strings.CutSuffix(clock, "z"); ok {
		return strings.TrimSpace(c), "UTC"
	}
	if i := strings.LastIndexAny(clock, "+-"); i > 0 {
		if z := zoneOf(clock[i:]); z != "" {
			return strings.TrimSpace(clock[:i]), z
		}
	}
	if c, z, ok := strings.Cut(clock, " "); ok && zoneOf(z) != "" {
		return c, zoneOf(z)
	}
	return clock, ""
}
