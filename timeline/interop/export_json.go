package interop

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"backstory/timeline"
)

// ChronologyJSON is the shape of export -f json: the chronology's title,
// description and eras, and its events in the shape of list --json
// (timeline.JSONEvent). It is stable: fields are only ever added.
type ChronologyJSON struct {
	Title       string               `json:"title"`
	Description string               `json:"description"`
	Eras        []EraJSON            `json:"eras"`
	Events      []timeline.JSONEvent `json:"events"`
}

// EraJSON is an era as JSON, its dates as strings at their precision.
type EraJSON struct {
	Title string `json:"title"`
	Start string `json:"start"`
	End   string `json:"end,omitempty"`
}

// JSON writes the chronology with the given events (all of them, or what
// a query matched) as indented JSON in the ChronologyJSON shape. A date
// with a time is written as an RFC 3339 date-time with its offset, as the
// file has it ("2025-01-21T22:00:00-05:00"); description and eras are
// always there, empty when the chronology has none.
func JSON(c *timeline.Chronology, events []*timeline.Event) ([]byte, error) {
	out := ChronologyJSON{Title: c.Title, Description: c.Description, Eras: []EraJSON{}, Events: make([]timeline.JSONEvent, 0, len(events))}
	for _, era := range c.Eras {
		out.Eras = append(out.Eras, EraJSON{Title: era.Title, Start: jsonDate(era.Start), End: jsonDate(era.End)})
	}
	for _, e := range events {
		j := e.ToJSON()
		j.Date, j.End = jsonDate(e.Date), jsonDate(e.End)
		out.Events = append(out.Events, j)
	}
	return encodeJSON(out)
}

// jsonDate is a date at its precision, with its time and offset when the
// file gave them: the date-time as TOML writes it.
func jsonDate(d timeline.Date) string {
	if s := tomlDate(d); !strings.HasPrefix(s, `"`) {
		return s
	}
	return d.String()
}

// encodeJSON writes v as indented JSON with a final newline. HTML
// characters are left as they are (the output is a file, not a script
// tag), and characters a terminal could act on are escaped as \uXXXX, which
// JSON readers decode to the same text.
func encodeJSON(v any) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, fmt.Errorf("encode JSON: %w", err)
	}
	return timeline.EscapeJSON(buf.Bytes()), nil
}
