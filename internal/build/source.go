package build

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"

	"sitegen/internal/diag"
)

// siteFS is a site folder on disk, opened as an os.Root, with a cheaper
// way to read a whole file.
//
// Nothing outside the site is read through it. A symbolic link is
// followed while it leads to a place in the site; one that leads out of
// it (static/passwd.txt to /etc/passwd, a page to a file elsewhere, a
// folder to another disk) is refused with a diag.Problem at the link as
// the error, which the reader adds to its problems (diag.List.AddFrom):
// the build fails and nothing from outside is published, shown in the
// preview or quoted in its problem overlay.
//
// os.ReadFile opens a file for the runtime's poller, which costs six
// system calls besides the read itself (the descriptor's flags set and
// reset, the poller asked and refusing, a stat for the size); a build
// reads every page twice, once for its front matter and once to render
// it, and on a virtual machine those calls add up to more than a tenth of
// the build's CPU time. An os.Root costs more again: it opens each folder
// on a file's path in turn. readInto opens with one openat2 call, in
// which the kernel keeps the path beneath the site's folder
// (RESOLVE_BENEATH), reads until the end and closes: four calls, into a
// buffer the caller can reuse.
//
// Only a name the kernel or the root refuses is looked at again, a
// component at a time (resolve): to report a link that leads out of the
// site at the link, and to follow an absolute link to a place in the
// site, which both refuse wherever it points.
type siteFS struct {
	root *os.Root
	dir  fs.FS  // root.FS()
	real string // the site folder's absolute path, links resolved
	// fd is the site folder's descriptor for openat2, or -1 when the
	// kernel has no openat2 (Linux before 5.6, or a sandbox that forbids
	// it): then files are read through the root. dirFile holds it open.
	fd      int
	dirFile *os.File
}

// newSiteFS opens the site folder dir; close closes it.
func newSiteFS(dir string) (siteFS, error) {
	real, err := filepath.Abs(dir)
	if err == nil {
		real, err = filepath.EvalSymlinks(real)
	}
	if err != nil {
		return siteFS{}, err
	}
	root, err := os.OpenRoot(real)
	if err != nil {
		return siteFS{}, err
	}
	s := siteFS{root: root, dir: root.FS(), real: real, fd: -1}
	if !noOpenat2 {
		if f, err := root.Open("."); err == nil {
			if fd := int(f.Fd()); beneathWorks(fd) {
				s.fd, s.dirFile = fd, f
			} else {
				f.Close()
			}
		}
	}
	return s, nil
}

// noOpenat2, set by tests, reads every file through the root, as on a
// kernel without openat2.
var noOpenat2 bool

func (s siteFS) close() {
	if s.dirFile != nil {
		s.dirFile.Close()
	}
	if s.root != nil {
		s.root.Close()
	}
}

func (s siteFS) Open(name string) (fs.File, error) { return inRoot(s, "open", name, s.dir.Open) }

func (s siteFS) Stat(name string) (fs.FileInfo, error) {
	fi, err := inRoot(s, "stat", name, func(n string) (fs.FileInfo, error) { return fs.Stat(s.dir, n) })
	if err == nil && fi.Name() != path.Base(name) {
		fi = renamed{fi, path.Base(name)} // as os.Stat names a link's target
	}
	return fi, err
}

func (s siteFS) ReadDir(name string) ([]fs.DirEntry, error) {
	return inRoot(s, "readdir", name, func(n string) ([]fs.DirEntry, error) { return fs.ReadDir(s.dir, n) })
}

// renamed is a link's target's FileInfo under the link's name.
type renamed struct {
	fs.FileInfo
	name string
}

func (r renamed) Name() string { return r.name }

// inRoot runs op on name in the root and, when the root refuses a link on
// the way, once more on name with its links resolved: the root follows no
// absolute link, even one to a file in the site. A link out of the site
// is refused with a diag.Problem at the link.
func inRoot[T any](s siteFS, op, name string, do func(string) (T, error)) (T, error) {
	v, err := do(name)
	if err == nil || errors.Is(err, fs.ErrNotExist) || !fs.ValidPath(name) {
		return v, err
	}
	rel, rerr := s.resolve(name)
	var p diag.Problem
	if errors.As(rerr, &p) {
		return v, &fs.PathError{Op: op, Path: name, Err: p}
	}
	if rerr != nil || rel == name {
		return v, err
	}
	return do(rel)
}

// resolve returns name with the symbolic links on its way resolved, as a
// path in the site, or a diag.Problem at the first link that leads out of
// the site.
func (s siteFS) resolve(name string) (string, error) {
	if name == "." {
		return name, nil
	}
	cur := s.real
	parts := strings.Split(name, "/")
	for i, part := range parts {
		next := filepath.Join(cur, part)
		fi, err := os.Lstat(next)
		if err != nil {
			return "", err
		}
		if fi.Mode()&fs.ModeSymlink != 0 {
			target, err := filepath.EvalSymlinks(next)
			if err != nil {
				return "", err
			}
			if !s.contains(target) {
				return "", outside(strings.Join(parts[:i+1], "/"), target)
			}
			next = target
		}
		cur = next
	}
	rel, err := filepath.Rel(s.real, cur)
	if err != nil {
		return "", err
	}
	return filepath.ToSlash(rel), nil
}

// contains reports whether the absolute, resolved path p is in the site.
func (s siteFS) contains(p string) bool {
	return p == s.real || strings.HasPrefix(p, strings.TrimSuffix(s.real, string(filepath.Separator))+string(filepath.Separator))
}

// outside is the problem of a link that leads out of the site.
func outside(link, target string) diag.Problem {
	what := "file"
	if fi, err := os.Stat(target); err == nil && fi.IsDir() {
		what = "folder"
	}
	return diag.Problem{File: link, Line: 1, Col: 1,
		Msg: fmt.Sprintf("is a symbolic link to a %s outside the site; copy the %s into the site instead", what, what)}
}

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
	if s.fd < 0 {
		return s.readFromRoot(buf, name)
	}
	return s.readBeneath(buf, name)
}

// readFromRoot is readInto without openat2.
func (s siteFS) readFromRoot(buf []byte, name string) ([]byte, error) {
	f, err := inRoot(s, "open", name, s.root.Open)
	if err != nil {
		return buf, err
	}
	defer f.Close()
	start := len(buf)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf[:start], err
		}
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
