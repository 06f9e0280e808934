package timeline

import (
	"strings"

	"github.com/BurntSushi/toml"
)

// The scan stage on the names of tables and keys: a header's name and
// its keys, bare, "basic" or 'literal', as TOML reads them.

// tableName reads a header name up to its closing delimiter, without quotes
// and spaces: `[[ "event" . source ]]` is "event.source". A key with a dot
// in it keeps its quotes (`[["event.source"]]` is `"event.source"`, one
// key, not the table event.source).
func tableName(s, closing string) (string, bool) {
	if end := strings.Index(s, closing); end >= 0 && isBareName(s[:end]) {
		return s[:end], true // [[event]], [[event.source]]: nothing to take off
	}
	keys, ok := headerKeys(s, closing)
	if !ok {
		return "", false
	}
	for i, k := range keys {
		if strings.Contains(k, ".") {
			keys[i] = `"` + k + `"`
		}
	}
	return strings.Join(keys, "."), true
}

// headerKeys reads the keys of a header name, bare, "basic" or 'literal',
// separated by dots, up to its closing delimiter: `[[ "a.b" . c ]]` has
// the keys "a.b" and "c".
func headerKeys(s, closing string) ([]string, bool) {
	var keys []string
	i := 0
	for {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		if i >= len(s) {
			return nil, false
		}
		key, next, ok := readKey(s, i)
		if !ok {
			return nil, false
		}
		keys, i = append(keys, key), next
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		if strings.HasPrefix(s[i:], closing) {
			return keys, true
		}
		if i >= len(s) || s[i] != '.' {
			return nil, false
		}
		i++
	}
}

// readKey reads one key, bare, "basic" or 'literal', starting at s[i], and
// returns it as TOML reads it and the index after it.
func readKey(s string, i int) (key string, next int, ok bool) {
	if s[i] == '"' || s[i] == '\'' {
		end, closed := stringEnd(s, i) // (a key is a one-line string)
		if !closed {
			return "", 0, false
		}
		return quotedKey(s[i:end]), end, true
	}
	j := i
	for j < len(s) && isBareKeyChar(s[j]) {
		j++
	}
	if j == i {
		return "", 0, false
	}
	return s[i:j], j, true
}

// quotedKey returns the key a quoted key stands for: a 'literal' one as
// written, a "basic" one with its escapes (\t, \u00e9 ...) read as TOML
// reads them.
func quotedKey(q string) string {
	k := q[1 : len(q)-1]
	if q[0] != '"' || !strings.Contains(k, "\\") {
		return k
	}
	var m map[string]any
	if _, err := toml.Decode("k = "+q, &m); err == nil {
		if v, ok := m["k"].(string); ok {
			return v
		}
	}
	return k
}

// isBareName reports whether s is bare keys joined by single dots, with no
// spaces or quotes.
func isBareName(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isBareKeyChar(s[i]) && (s[i] != '.' || i == 0 || i == len(s)-1 || s[i-1] == '.') {
			return false
		}
	}
	return s != ""
}

// keyName reads the first segment of a key at the start of s (bare, "basic"
// or 'literal'), skips any further dotted segments, and returns the name, the
// number of bytes read, and whether the key had more than one segment.
func keyName(s string) (string, int, bool) {
	first := ""
	i := 0
	for seg := 0; ; seg++ {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		if i >= len(s) {
			return first, i, seg > 0
		}
		name, next, ok := readKey(s, i)
		if !ok {
			return "", 0, false
		}
		if seg == 0 {
			first = name
		}
		i = next
		for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
			i++
		}
		if i < len(s) && s[i] == '.' {
			i++
			continue
		}
		return first, i, seg > 0
	}
}

func isBareKeyChar(c byte) bool {
	return c == '_' || c == '-' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
}

// runeCol turns a byte offset in line into a 1-based column counted in
// characters, as editors count them.
func runeCol(line string, byteOff int) int {
	if byteOff > len(line) {
		byteOff = len(line)
	}
	return len([]rune(line[:byteOff])) + 1
}
