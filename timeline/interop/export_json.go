package interop

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"backstory/timeline"
)

// JSONEvent is an event as JSON, the shape of list --json: the file's
// keys, dates as strings at their precision ("2018", "2018-02",
// "2018-02-24"), links as {to, note} objects, absent fields left out. It
// is stable: fields are only ever added.
type JSONEvent struct {
	ID          string       `json:"id"`
	Date        string       `json:"date"`
	End         string       `json:"end,omitempty"`
	DisplayDate string       `json:"display_date,omitempty"`
	Approximate bool         `json:"approximate,omitempty"`
	Title       string       `json:"title"`
	Summary     string       `json:"summary,omitempty"`
	Tags        []string     `json:"tags,omitempty"`
	People      []string     `json:"people,omitempty"`
	Places      []string     `json:"places,omitempty"`
	Links       []JSONLink   `json:"links,omitempty"`
	Body        string       `json:"body,omitempty"`
	Sources     []JSONSource `json:"source,omitempty"`
	Claims      []JSONClaim  `json:"claim,omitempty"`
	Media       *JSONMedia   `json:"media,omitempty"`
}

// JSONMedia is an event's media as JSON.
type JSONMedia struct {
	URL       string `json:"url"`
	Caption   string `json:"caption,omitempty"`
	Credit    string `json:"credit,omitempty"`
	Thumbnail string `json:"thumbnail,omitempty"`
	Alt       string `json:"alt,omitempty"`
}

// JSONLink is a link as JSON.
type JSONLink struct {
	To   string `json:"to"`
	Note string `json:"note,omitempty"`
}

// JSONSource is a source as JSON.
type JSONSource struct {
	Title     string `json:"title"`
	Publisher string `json:"publisher,omitempty"`
	URL       string `json:"url,omitempty"`
	Published string `json:"published,omitempty"`
	Quote     string `json:"quote,omitempty"`
	Archived  string `json:"archived,omitempty"`
}

// JSONClaim is a claim as JSON.
type JSONClaim struct {
	Text   string `json:"text"`
	Status string `json:"status"`
	Note   string `json:"note,omitempty"`
	// Sources are the numbers (from 1) of the event's sources that
	// support the rating.
	Sources []int `json:"sources,omitempty"`
}

// ToJSON returns the event in its JSON shape.
func ToJSON(e *timeline.Event) JSONEvent {
	j := JSONEvent{
		ID: e.ID, Date: e.Date.String(), End: e.End.String(), DisplayDate: e.DisplayDate,
		Approximate: e.Approximate, Title: e.Title, Summary: e.Summary,
		Tags: e.Tags, People: e.People, Places: e.Places, Body: e.Body,
	}
	for _, l := range e.Links {
		j.Links = append(j.Links, JSONLink(l))
	}
	for _, s := range e.Sources {
		j.Sources = append(j.Sources, JSONSource{Title: s.Title, Publisher: s.Publisher, URL: s.URL, Published: s.Published.String(), Quote: s.Quote, Archived: s.Archived})
	}
	for _, c := range e.Claims {
		j.Claims = append(j.Claims, JSONClaim{Text: c.Text, Status: string(c.Status), Note: c.Note, Sources: c.Sources})
	}
	if m := e.Media; m != nil {
		j.Media = &JSONMedia{URL: m.URL, Caption: m.Caption, Credit: m.Credit, Thumbnail: m.Thumbnail, Alt: m.Alt}
	}
	return j
}

// EventsJSON writes events as an indented JSON array of JSONEvent, without
// a final newline: what list --json prints.
func EventsJSON(events []*timeline.Event) ([]byte, error) {
	out := make([]JSONEvent, 0, len(events))
	for _, e := range events {
		out = append(out, ToJSON(e))
	}
	data, err := encodeJSON(out)
	return bytes.TrimSuffix(data, []byte("\n")), err
}

// ChronologyJSON is the shape of export -f json: the chronology's title,
// description and eras, and its events in the shape of list --json
// (JSONEvent). It is stable: fields are only ever added.
type ChronologyJSON struct {
	Title       string      `json:"title"`
	Description string      `json:"description"`
	Eras        []EraJSON   `json:"eras"`
	Events      []JSONEvent `json:"events"`
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
	out := ChronologyJSON{Title: c.Title, Description: c.Description, Eras: []EraJSON{}, Events: make([]JSONEvent, 0, len(events))}
	for _, era := range c.Eras {
		out.Eras = append(out.Eras, EraJSON{Title: era.Title, Start: jsonDate(era.Start), End: jsonDate(era.End)})
	}
	for _, e := range events {
		j := ToJSON(e)
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
	return escapeJSON(buf.Bytes()), nil
}

// escapeJSON rewrites the characters of JSON text that must not reach a
// terminal as they are (see timeline.Unsafe) as \uXXXX escapes, which every JSON
// reader decodes to the same text. encoding/json escapes the C0 controls
// itself; the others can only be inside strings, where an escape means
// the same character.
func escapeJSON(data []byte) []byte {
	i := 0
	for i < len(data) {
		r, size := utf8.DecodeRune(data[i:])
		if size > 1 && timeline.Unsafe(r) {
			break
		}
		i += size
	}
	if i == len(data) {
		return data
	}
	out := make([]byte, 0, len(data)+16)
	out = append(out, data[:i]...)
	for i < len(data) {
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case size > 1 && timeline.Unsafe(r) && r > 0xffff:
			r1, r2 := utf16.EncodeRune(r)
			out = fmt.Appendf(out, `\u%04x\u%04x`, r1, r2)
		case size > 1 && timeline.Unsafe(r):
			out = fmt.Appendf(out, `\u%04x`, r)
		default:
			out = append(out, data[i:i+size]...)
		}
		i += size
	}
	return out
}
