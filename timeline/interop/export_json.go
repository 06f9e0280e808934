package interop

import (
	"bytes"
	"encoding/json"
	"fmt"

	"backstory/timeline"
)

// ChronologyJSON is the shape of export -f json: the chronology's title,
// description and eras, and its events in the shape of list --json
// (timeline.JSONEvent). It is stable: fields are only ever added.
type ChronologyJSON struct {
	Title       string               `json:"title"`
	Description string               `json:"description,omitempty"`
	Eras        []EraJSON            `json:"eras,omitempty"`
	Events      []timeline.JSONEvent `json:"events"`
}

// EraJSON is an era as JSON, its dates as strings at their precision.
type EraJSON struct {
	Title string `json:"title"`
	Start string `json:"start"`
	End   string `json:"end,omitempty"`
}

// JSON writes the chronology with the given events (all of them, or what
// a query matched) as indented JSON in the ChronologyJSON shape.
func JSON(c *timeline.Chronology, events []*timeline.Event) ([]byte, error) {
	out := ChronologyJSON{Title: c.Title, Description: c.Description, Events: make([]timeline.JSONEvent, 0, len(events))}
	for _, era := range c.Eras {
		out.Eras = append(out.Eras, EraJSON{Title: era.Title, Start: era.Start.String(), End: era.End.String()})
	}
	for _, e := range events {
		out.Events = append(out.Events, e.ToJSON())
	}
	return encodeJSON(out)
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
