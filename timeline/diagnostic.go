package timeline

import (
	"fmt"
	"sort"
	"strings"
)

// Severity says whether a diagnostic stops a file from loading.
type Severity uint8

// The severities of a diagnostic.
const (
	SeverityError Severity = iota
	SeverityWarning
)

// Diagnostic is one problem found in a file, about one entry.
type Diagnostic struct {
	Pos Position
	// Len is how many characters the problem spans from Pos.Col: the
	// key, value or character it is about (0 when Pos.Col is unknown).
	Len      int
	Severity Severity
	Message  string
	// source is the text of line Pos.Line (or of the part of a long line
	// around the column), and sourceCol the column in it; see Excerpt.
	source    string
	sourceCol int
}

// Excerpt returns the text of the diagnostic's line as it is in the file
// (raw: pass it through HarmlessLine to show it), or the part of a long
// line around the problem, and the column (from 1) of the problem in it:
// 0 when the column is not known, and "", 0 when the line is not.
func (d Diagnostic) Excerpt() (text string, col int) {
	return d.source, d.sourceCol
}

// String formats the diagnostic in the style of Go's tools:
// "FILE:LINE:COL: message", "FILE:LINE: message" when the column is
// unknown, and "FILE:LINE:COL: warning: message" for a warning.
func (d Diagnostic) String() string {
	var b strings.Builder
	b.WriteString(d.Pos.File)
	if d.Pos.Line > 0 {
		fmt.Fprintf(&b, ":%d", d.Pos.Line)
		if d.Pos.Col > 0 {
			fmt.Fprintf(&b, ":%d", d.Pos.Col)
		}
	}
	b.WriteString(": ")
	if d.Severity == SeverityWarning {
		b.WriteString("warning: ")
	}
	b.WriteString(d.Message)
	return HarmlessLine(b.String()) // a file's name may hold anything too
}

// Diagnostics is the list of problems found by a load, in file order.
type Diagnostics []Diagnostic

// Errors returns the diagnostics that are errors.
func (ds Diagnostics) Errors() Diagnostics { return ds.filter(SeverityError) }

// Warnings returns the diagnostics that are warnings.
func (ds Diagnostics) Warnings() Diagnostics { return ds.filter(SeverityWarning) }

// HasErrors reports whether any diagnostic is an error.
func (ds Diagnostics) HasErrors() bool { return len(ds.Errors()) > 0 }

// String returns one diagnostic a line.
func (ds Diagnostics) String() string {
	var b strings.Builder
	for _, d := range ds {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	return b.String()
}

func (ds Diagnostics) filter(s Severity) Diagnostics {
	var out Diagnostics
	for _, d := range ds {
		if d.Severity == s {
			out = append(out, d)
		}
	}
	return out
}

// sortByPosition orders diagnostics by file (in the order given), line and
// column, keeping the order found for ties.
func (ds Diagnostics) sortByPosition(fileOrder map[string]int) {
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i].Pos, ds[j].Pos
		if a.File != b.File {
			return fileOrder[a.File] < fileOrder[b.File]
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

func (ld *loader) errorf(pos Position, format string, args ...any) {
	ld.errors++
	ld.diags = append(ld.diags, Diagnostic{Pos: pos, Severity: SeverityError, Message: fmt.Sprintf(format, args...)})
}

func (ld *loader) warnf(pos Position, format string, args ...any) {
	ld.diags = append(ld.diags, Diagnostic{Pos: pos, Severity: SeverityWarning, Message: fmt.Sprintf(format, args...)})
}

// unread records that the file or folder at path could not be read or
// decoded at all (see loader.unreadable).
func (ld *loader) unread(path string) {
	ld.unreadable = append(ld.unreadable, path)
}
