package timeline

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"unicode/utf8"
	"unsafe"
)

// The first stage of a load, read: which files the paths given mean,
// and their bytes (size limits, kinds of files, UTF-8, line ends).

type inputFile struct {
	path string
	size int64
	// regular is false for a named pipe or a device given by name, which
	// is read to its end (up to maxFileBytes) whatever its size says
	regular bool
}

// maxFileBytes is the biggest file a load reads: a chronology of 100,000
// events weighs about 240 MB; a file far bigger than that is a mistake
// (a disk image, /dev/zero), and reading it would only fill the memory.
var maxFileBytes int64 = 1 << 30

// inputError is why a file cannot be read, in words for a diagnostic.
type inputError struct{ Message string }

// readInput reads a file found by expand, refusing one over maxFileBytes.
func readInput(f inputFile) ([]byte, *inputError) {
	tooBig := &inputError{fmt.Sprintf("the file is bigger than %s, the most backstory reads: is it the right file?", byteSize(maxFileBytes))}
	if f.regular && f.size > maxFileBytes {
		return nil, tooBig
	}
	fh, err := os.Open(f.path)
	if err != nil {
		return nil, &inputError{fmt.Sprintf("cannot read the file: %v", unwrapPathError(err))}
	}
	defer fh.Close()
	var buf bytes.Buffer
	if f.regular && f.size > 0 {
		buf.Grow(int(f.size) + bytes.MinRead)
	}
	n, err := buf.ReadFrom(io.LimitReader(fh, maxFileBytes+1))
	if err != nil {
		return nil, &inputError{fmt.Sprintf("cannot read the file: %v", unwrapPathError(err))}
	}
	if n > maxFileBytes {
		return nil, tooBig
	}
	return buf.Bytes(), nil
}

// byteSize writes a size in bytes for a person: "1 GB", "512 MB", "2 kB".
func byteSize(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d kB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// fileKind names what a path that is not a regular file or a folder is.
func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeCharDevice != 0:
		return "a character device"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "not a regular file"
}

// statError words why a path given, or found in a folder, cannot be
// looked at: a broken symbolic link says where it points.
func statError(p string, err error) string {
	if errors.Is(err, fs.ErrNotExist) {
		if target, lerr := os.Readlink(p); lerr == nil {
			return fmt.Sprintf("a symbolic link to %s, which does not exist", target)
		}
		return "no such file or folder"
	}
	if errors.Is(err, syscall.ELOOP) {
		return "cannot read: a loop of symbolic links"
	}
	return fmt.Sprintf("cannot read: %v", unwrapPathError(err))
}

// expand turns the paths into the files to read. A file is read once,
// however many times it is named: given twice, given and in a folder
// given, or reached by a symbolic link or a hard link. In a folder, what is not a
// regular file (a named pipe, a device) is skipped with a warning: opening
// a named pipe waits for a writer, which may never come. Given by name,
// a named pipe is read (backstory check <(...)); a device is refused.
func (ld *loader) expand(paths []string) []inputFile {
	var out []inputFile
	seen := map[any]bool{}
	add := func(p string, info fs.FileInfo) {
		var key any
		if id, ok := fileID(info); ok {
			key = id // hard links too
		} else {
			path := p
			if abs, err := filepath.Abs(p); err == nil {
				path = abs
			}
			if real, err := filepath.EvalSymlinks(path); err == nil {
				path = real
			}
			key = path
		}
		if seen[key] {
			return
		}
		seen[key] = true
		out = append(out, inputFile{path: p, size: info.Size(), regular: info.Mode().IsRegular()})
		ld.files = append(ld.files, p)
	}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil {
			ld.errorf(Position{File: p}, "%s", statError(p, err))
			ld.unread(p)
			continue
		}
		if !info.IsDir() {
			if m := info.Mode(); !m.IsRegular() && m&fs.ModeNamedPipe == 0 {
				ld.errorf(Position{File: p}, "%s, not a file: give a .toml file or a folder", fileKind(m))
				ld.unread(p)
				continue
			}
			add(p, info)
			continue
		}
		entries, err := os.ReadDir(p)
		if err != nil {
			ld.errorf(Position{File: p}, "cannot read the folder: %v", unwrapPathError(err))
			ld.unread(p)
			continue
		}
		n := 0
		for _, e := range entries {
			if e.IsDir() || !strings.HasSuffix(e.Name(), ".toml") {
				continue
			}
			fp := filepath.Join(p, e.Name())
			st, err := os.Stat(fp)
			if err != nil {
				ld.errorf(Position{File: fp}, "%s", statError(fp, err))
				ld.unread(fp)
				continue
			}
			if st.IsDir() {
				continue // (a folder named x.toml is not read)
			}
			if !st.Mode().IsRegular() {
				ld.warnf(Position{File: fp}, "%s, not a file: skipped", fileKind(st.Mode()))
				continue
			}
			add(fp, st)
			n++
		}
		if n == 0 {
			ld.errorf(Position{File: p}, "the folder has no .toml files")
		}
	}
	return out
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// crlfToLF returns the text with CRLF line ends made LF: TOML reads CRLF
// as a newline but keeps it inside multi-line strings; the chronology's
// text uses plain newlines. A text with none is data itself, not a copy
// (a file's size less in memory at the peak of its load): data must not
// change while the load runs, and nothing the load returns keeps a piece
// of it (the checked events copy their text out: fileCheck.copyText).
func crlfToLF(data []byte) string {
	if !bytes.Contains(data, []byte("\r\n")) {
		return unsafe.String(unsafe.SliceData(data), len(data))
	}
	return strings.ReplaceAll(string(data), "\r\n", "\n")
}

func firstInvalidUTF8(data []byte) (line, col int) {
	line, col = 1, 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			return line, col
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		data = data[size:]
	}
	return line, col
}
