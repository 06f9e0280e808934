// Package safefile writes files atomically: a reader (or a crash) sees the
// old file or the new one, never a part of either.
package safefile

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// ErrExists is returned by Write when the file exists and overwrite is
// false; the caller says how to overwrite it.
var ErrExists = errors.New("file exists")

// Write writes data to path through a temporary file in the same folder,
// synced and then renamed over path. Unless overwrite is set it refuses to
// replace an existing file (ErrExists). A new file gets mode 0644; a
// replaced one keeps its mode.
func Write(path string, data []byte, overwrite bool) error {
	mode := fs.FileMode(0o644)
	if info, err := os.Stat(path); err == nil {
		if !overwrite {
			return fmt.Errorf("%s: %w", path, ErrExists)
		}
		if info.IsDir() {
			return fmt.Errorf("%s is a folder, not a file", path)
		}
		mode = info.Mode().Perm()
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return fmt.Errorf("cannot write in %s: %w", dir, unwrapPath(err))
	}
	done := false
	defer func() {
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	// done is set only once the temporary file has become path
	if _, err := tmp.Write(data); err != nil {
		return err
	}
	if err := tmp.Chmod(mode); err != nil {
		return err
	}
	if err := tmp.Sync(); err != nil {
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if !overwrite {
		// Link fails if path appeared meanwhile, so a file created by
		// someone else between the check and now is never replaced.
		err := os.Link(tmp.Name(), path)
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s: %w", path, ErrExists)
		}
		if err == nil {
			return os.Remove(tmp.Name())
		}
		// no hard links on this file system: fall back to a rename
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	done = true
	if d, err := os.Open(dir); err == nil {
		d.Sync() // make the rename durable; not all systems support it
		d.Close()
	}
	return nil
}

// unwrapPath drops the temporary file's name from an error about it.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
