package timeline

// MaxFileBytes is the biggest file backstory reads (check, the viewer and
// import alike): a bigger one is a mistake, such as a disk image or
// /dev/zero.
func MaxFileBytes() int64 { return maxFileBytes }

// ByteSize writes a size in bytes for a person: "1 GB", "512 MB", "2 kB".
func ByteSize(n int64) string { return byteSize(n) }
