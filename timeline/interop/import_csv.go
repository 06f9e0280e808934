package interop

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"backstory/timeline"
)

// bareCRToLF reads a carriage return not followed by a line feed as a line
// end, as Python's and Ruby's CSV readers do: spreadsheets on old Macs
// end lines so. (encoding/csv would read the whole file as one row; JSON
// allows one only between values, where it is white space either way.)
// Offsets are unchanged, so positions still point into the input.
func bareCRToLF(data []byte) []byte {
	bare := func(i int) bool { return data[i] == '\r' && (i+1 == len(data) || data[i+1] != '\n') }
	i := 0
	for i < len(data) && !bare(i) {
		i++
	}
	if i == len(data) {
		return data
	}
	out := bytes.Clone(data)
	for ; i < len(data); i++ {
		if bare(i) {
			out[i] = '\n'
		}
	}
	return out
}

// rows reads the CSV records after the header row, skips blank ones, and
// calls fn with each record's row number, its line, and a getter of its
// cells by column name (cols maps names to indexes). A cell with no
// column header (past the last, or under a blank one) is left out with a
// warning. It stops at the end of the input, or at a CSV error, which it
// reports.
func (im *importer) rows(r *csv.Reader, header []string, cols map[string]int, fn func(row, line int, get func(string) field)) {
	for row := 2; ; row++ {
		rec, err := r.Read()
		if err == io.EOF {
			return
		}
		if err != nil {
			im.csvError(err)
			return
		}
		if blankRecord(rec) {
			continue
		}
		line, _ := r.FieldPos(0)
		var headless []int
		for i, cell := range rec {
			if (i >= len(header) || strings.TrimSpace(header[i]) == "") && strings.TrimSpace(cell) != "" {
				headless = append(headless, i)
			}
		}
		if len(headless) > 0 {
			l, c := r.FieldPos(headless[0])
			what := "a cell with no column header is"
			if len(headless) > 1 {
				what = fmt.Sprintf("%d cells with no column header are", len(headless))
			}
			im.warnf(im.atByteCol(l, c), "row %d: %s left out: %q", row, what, clip(oneLine(rec[headless[0]]), 60))
		}
		fn(row, line, func(name string) field {
			i, ok := cols[name]
			if !ok || i >= len(rec) {
				return field{pos: timeline.Position{File: im.name, Line: line}}
			}
			l, c := r.FieldPos(i)
			return field{strings.TrimSpace(rec[i]), im.atByteCol(l, c)}
		})
	}
}

// unknownColumns warns about the columns of a header row that the format
// does not have: their cells are left out. key is how a header is named
// in cols.
func (im *importer) unknownColumns(header []string, key func(string) string, known []string, format string) {
	for i, h := range header {
		if strings.TrimSpace(h) == "" || slices.Contains(known, key(h)) {
			continue
		}
		col := 1
		for _, prev := range header[:i] {
			col += utf8.RuneCountInString(prev) + 1
		}
		im.warnf(timeline.Position{File: im.name, Line: 1, Col: col}, "column %q is not a %s column: its cells are left out", clip(oneLine(h), 40), format)
	}
}

func blankRecord(rec []string) bool {
	for _, f := range rec {
		if strings.TrimSpace(f) != "" {
			return false
		}
	}
	return true
}
