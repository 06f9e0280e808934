// Package editor starts the user's text editor on a file at a line.
package editor

import (
	"errors"
	"fmt"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// Choose returns the editor command line to use: $VISUAL, else $EDITOR,
// else the first of editor, nano and vi found on the PATH.
func Choose(getenv func(string) string) string {
	for _, name := range []string{"VISUAL", "EDITOR"} {
		if v := strings.TrimSpace(getenv(name)); v != "" {
			return v
		}
	}
	for _, name := range []string{"editor", "nano", "vi"} {
		if _, err := exec.LookPath(name); err == nil {
			return name
		}
	}
	return "vi"
}

// Args returns the program and arguments that open file at line with the
// editor command line ed (which may carry arguments of its own, as in
// "code --wait" or "vim -u NONE"), in the form that editor understands.
func Args(ed, file string, line int) ([]string, error) {
	words, err := split(ed)
	if err != nil {
		return nil, fmt.Errorf("the editor setting %q: %w", ed, err)
	}
	if len(words) == 0 {
		return nil, errors.New("no editor is set: set $VISUAL or $EDITOR")
	}
	if line < 1 {
		line = 1
	}
	n := strconv.Itoa(line)
	name := strings.TrimSuffix(strings.ToLower(filepath.Base(words[0])), ".exe")
	switch name {
	case "code", "code-insiders", "codium", "vscodium", "cursor", "windsurf":
		return append(ensure(words, "--wait", "-w"), "-g", file+":"+n), nil
	case "subl", "sublime_text", "zed":
		return append(ensure(words, "--wait", "-w"), file+":"+n), nil
	case "hx", "helix":
		return append(words, file+":"+n), nil
	case "mate":
		return append(ensure(words, "-w", "--wait"), "-l", n, file), nil
	case "kate":
		return append(words, "--line", n, file), nil
	case "idea", "goland", "pycharm", "webstorm", "clion", "rider", "phpstorm", "rubymine":
		return append(ensure(words, "--wait"), "--line", n, file), nil
	case "notepad", "notepad.exe":
		return append(words, file), nil
	}
	// vi, vim, nvim, view, nano, pico, emacs, emacsclient, micro, kak,
	// mg, joe, jed, ne, gedit, editor and most others take +LINE FILE.
	return append(words, "+"+n, file), nil
}

// ensure adds flag to words unless one of its spellings is there already.
func ensure(words []string, flag string, spellings ...string) []string {
	for _, w := range words[1:] {
		if w == flag || slices.Contains(spellings, w) {
			return words
		}
	}
	return append(words, flag)
}

// split breaks a command line into words as a POSIX shell would for the
// simple cases an editor setting uses: spaces, 'single' and "double"
// quotes, and backslash escapes. Nothing is expanded.
func split(s string) ([]string, error) {
	var words []string
	var cur strings.Builder
	inWord := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n':
			if inWord {
				words = append(words, cur.String())
				cur.Reset()
				inWord = false
			}
		case c == '\'':
			end := strings.IndexByte(s[i+1:], '\'')
			if end < 0 {
				return nil, errors.New("unclosed ' quote")
			}
			cur.WriteString(s[i+1 : i+1+end])
			i += end + 1
			inWord = true
		case c == '"':
			i++
			for ; i < len(s) && s[i] != '"'; i++ {
				if s[i] == '\\' && i+1 < len(s) && strings.IndexByte(`"\$`+"`", s[i+1]) >= 0 {
					i++
				}
				cur.WriteByte(s[i])
			}
			if i >= len(s) {
				return nil, errors.New(`unclosed " quote`)
			}
			inWord = true
		case c == '\\' && i+1 < len(s):
			i++
			cur.WriteByte(s[i])
			inWord = true
		default:
			cur.WriteByte(c)
			inWord = true
		}
	}
	if inWord {
		words = append(words, cur.String())
	}
	return words, nil
}
