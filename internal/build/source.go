package build

import (
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"golang.org/x/sys/unix"
)

// siteFS is a site folder on disk, as os.DirFS gives it, with a cheaper
// way to read a whole file. os.ReadFile opens a file for the runtime's
// poller, which costs six system calls besides the read itself (the
// descriptor's flags set and reset, the poller asked and refusing, a
// stat for the size); a build reads every page twice, once for its
// front matter and once to render it, and on a virtual machine those
// calls add up to more than a tenth of the build's CPU time. readInto
// opens, reads until the end and closes: four calls, into a buffer the
// caller can reuse.
type siteFS struct {
	dir  fs.FS
	root string
}

func newSiteFS(root string) siteFS { return siteFS{dir: os.DirFS(root), root: root} }

func (s siteFS) Open(name string) (fs.File, error) { return s.dir.Open(name) }

func (s siteFS) Stat(name string) (fs.FileInfo, error) { return fs.Stat(s.dir, name) }

func (s siteFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(s.dir, name) }

// ReadFile reads name, through a buffer from the pool, into a slice of
// its own.
func (s siteFS) ReadFile(name string) ([]byte, error) {
	buf := readBuffers.Get().(*[]byte)
	defer readBuffers.Put(buf)
	data, err := s.readInto((*buf)[:0], name)
	*buf = data[:0]
	if err != nil {
		return nil, err
	}
	return append([]byte(nil), data...), nil
}

// readInto appends the file name to buf and returns the result; on an
// error buf is returned as it was, with the error as fs.ReadFile gives it.
func (s siteFS) readInto(buf []byte, name string) ([]byte, error) {
	if !fs.ValidPath(name) {
		return buf, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	full := filepath.Join(s.root, filepath.FromSlash(name))
	var fd int
	var err error
	for {
		fd, err = unix.Open(full, unix.O_RDONLY|unix.O_CLOEXEC, 0)
		if err != unix.EINTR {
			break
		}
	}
	if err != nil {
		return buf, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	defer unix.Close(fd)
	start := len(buf)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := unix.Read(fd, buf[len(buf):cap(buf)])
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			return buf[:start], &fs.PathError{Op: "read", Path: name, Err: err}
		}
		if n == 0 {
			return buf, nil
		}
		buf = buf[:len(buf)+n]
	}
}

// readBuffers hold files while they are read; a page's Markdown is
// rarely longer than their first size.
var readBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 64<<10); return &b }}

// readSource reads a file of the site into a buffer from the pool, which
// release gives back once nothing refers to the bytes.
func (b *builder) readSource(name string) (data []byte, release func(), err error) {
	s, ok := b.fsys.(siteFS)
	if !ok {
		data, err = fs.ReadFile(b.fsys, name)
		return data, func() {}, err
	}
	buf := readBuffers.Get().(*[]byte)
	data, err = s.readInto((*buf)[:0], name)
	return data, func() {
		if cap(data) <= 1<<20 {
			*buf = data[:0]
			readBuffers.Put(buf)
		}
	}, err
}
