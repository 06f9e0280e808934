package interop

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// jsonValue is a decoded JSON value that remembers where it starts in the
// input, so that a problem with it can be reported at its line and column
// (encoding/json's decoding into structs forgets positions).
type jsonValue struct {
	kind  jsonKind
	str   string      // a string
	num   json.Number // a number
	b     bool        // a boolean
	keys  []string    // an object's keys, in input order
	vals  []*jsonValue
	items []*jsonValue // an array's items
	off   int64        // byte offset of the value's first character
}

type jsonKind uint8

const (
	jsonNull jsonKind = iota
	jsonObject
	jsonArray
	jsonString
	jsonNumber
	jsonBool
)

// get returns the value of key in an object, or nil (also for JSON null,
// which TimelineJS treats as absent).
func (v *jsonValue) get(key string) *jsonValue {
	if v == nil || v.kind != jsonObject {
		return nil
	}
	var found *jsonValue
	for i, k := range v.keys {
		if k == key {
			found = v.vals[i] // the last one wins, as in JavaScript
		}
	}
	if found != nil && found.kind == jsonNull {
		return nil
	}
	return found
}

// describe names the value's type for a person.
func (v *jsonValue) describe() string {
	switch v.kind {
	case jsonObject:
		return "an object"
	case jsonArray:
		return "a list"
	case jsonString:
		return fmt.Sprintf("the text %q", clip(v.str, 40))
	case jsonNumber:
		return "the number " + v.num.String()
	case jsonBool:
		return fmt.Sprintf("%t", v.b)
	}
	return "null"
}

// jsonSyntaxError is malformed JSON at a byte offset.
type jsonSyntaxError struct {
	off int64
	msg string
}

func (e *jsonSyntaxError) Error() string { return e.msg }

// parseJSON decodes one JSON value, the whole of data.
func parseJSON(data []byte) (*jsonValue, error) {
	// Unmarshal checks the syntax first: its errors point at the
	// offending character consistently, which the streaming decoder's do
	// not.
	var raw json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		var se *json.SyntaxError
		if !errors.As(err, &se) {
			return nil, err
		}
		if se.Offset >= int64(len(bytes.TrimRight(data, " \t\r\n"))) {
			return nil, &jsonSyntaxError{off: int64(len(bytes.TrimRight(data, " \t\r\n"))), msg: "JSON syntax: the file ends in the middle of a value (a missing } or ]?)"}
		}
		return nil, &jsonSyntaxError{off: max(se.Offset-1, 0), msg: "JSON syntax: " + se.Error() + syntaxHint(se.Error())}
	}
	p := &jsonParser{data: data, dec: json.NewDecoder(bytes.NewReader(data))}
	p.dec.UseNumber()
	v, err := p.value()
	if err != nil {
		return nil, err
	}
	if _, err := p.dec.Token(); err != io.EOF {
		return nil, &jsonSyntaxError{off: p.start(), msg: "unexpected text after the end of the JSON document"}
	}
	return v, nil
}

type jsonParser struct {
	data []byte
	dec  *json.Decoder
}

// start is where the next token begins: past the whitespace and the ','
// or ':' that the decoder has not consumed yet.
func (p *jsonParser) start() int64 {
	off := p.dec.InputOffset()
	for off < int64(len(p.data)) {
		switch p.data[off] {
		case ' ', '\t', '\r', '\n', ',', ':':
			off++
			continue
		}
		break
	}
	return off
}

// token reads the next token of input whose syntax is known to be valid.
func (p *jsonParser) token() (json.Token, error) {
	tok, err := p.dec.Token()
	if err != nil {
		return nil, &jsonSyntaxError{off: p.start(), msg: "JSON syntax: " + err.Error()}
	}
	return tok, nil
}

// syntaxHint says what usually causes a JSON syntax error.
func syntaxHint(msg string) string {
	switch {
	case strings.Contains(msg, "after object key:value pair"), strings.Contains(msg, "after array element"):
		return " (a missing comma?)"
	case strings.Contains(msg, "looking for beginning of object key string"):
		return " (a comma before a closing }? JSON allows none)"
	case strings.Contains(msg, "looking for beginning of value"):
		return " (text must be in double quotes; a comma before a closing ]? JSON allows none)"
	case strings.Contains(msg, "after top-level value"):
		return " (text after the closing }?)"
	}
	return ""
}

func (p *jsonParser) value() (*jsonValue, error) {
	off := p.start()
	tok, err := p.token()
	if err != nil {
		return nil, err
	}
	v := &jsonValue{off: off}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			v.kind = jsonObject
			for p.dec.More() {
				kt, err := p.token()
				if err != nil {
					return nil, err
				}
				key, _ := kt.(string) // the decoder allows only strings here
				val, err := p.value()
				if err != nil {
					return nil, err
				}
				v.keys = append(v.keys, key)
				v.vals = append(v.vals, val)
			}
		case '[':
			v.kind = jsonArray
			for p.dec.More() {
				item, err := p.value()
				if err != nil {
					return nil, err
				}
				v.items = append(v.items, item)
			}
		}
		if _, err := p.token(); err != nil { // the closing } or ]
			return nil, err
		}
	case string:
		v.kind, v.str = jsonString, t
	case json.Number:
		v.kind, v.num = jsonNumber, t
	case bool:
		v.kind, v.b = jsonBool, t
	case nil:
		v.kind = jsonNull
	}
	return v, nil
}
