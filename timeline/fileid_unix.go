//go:build unix

package timeline

import (
	"io/fs"
	"syscall"
)

// fileID is what makes a file the same file under any name, hard links
// included: its device and inode.
func fileID(info fs.FileInfo) (any, bool) {
	st, ok := info.Sys().(*syscall.Stat_t)
	if !ok {
		return nil, false
	}
	return [2]uint64{uint64(st.Dev), uint64(st.Ino)}, true
}
