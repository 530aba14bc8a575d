package build

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
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
// Nothing outside the site's three folders, content/, layouts/ and
// static/, is read through it. A symbolic link is followed while it leads
// to a place in one of them; one that leads anywhere else is refused with
// a diag.Problem at the link as the error, which the reader adds to its
// problems (diag.List.AddFrom): the build fails and nothing else is
// published, shown in the preview or quoted in its problem overlay. That
// covers a link out of the site (static/passwd.txt to /etc/passwd, a
// folder to another disk) and a link to the rest of the repository that
// holds the site, which Netlify builds as the site's root: .git/config,
// an .env file or the build's own configuration are never published by a
// link a pull request adds under static/.
//
// Each of the three folders is opened as a root of its own, so that the
// kernel and os.Root keep a name beneath its folder; only a name they
// refuse is looked at again, a component at a time (resolve). Anything
// but a folder or a regular file (a named pipe, a device) is refused as
// well: reading one could wait for ever.
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
// Only a name the kernel or a root refuses is looked at again, a
// component at a time (resolve): to report a link that leads out of the
// folders at the link, and to follow a link from one folder to another
// or an absolute link to a place in them, which both refuse wherever it
// points.
type siteFS struct {
	root *os.Root // the site folder: for the names of its top level
	dir  fs.FS    // root.FS()
	real string   // the site folder's absolute path, links resolved
	// folders are content/, layouts/ and static/, those that exist.
	folders map[string]*siteFolder
	// found is what each of the three names was when the site was
	// opened (nil: nothing): see replaced.
	found map[string]fs.FileInfo
}

// siteFolder is one of the folders a site is read from.
type siteFolder struct {
	root *os.Root
	dir  fs.FS  // root.FS()
	real string // the folder's absolute path, links resolved
	// fd is the folder's descriptor for openat2, or -1 when the kernel
	// has no openat2 (Linux before 5.6, or a sandbox that forbids it):
	// then files are read through the root. file holds it open.
	fd   int
	file *os.File
}

// siteFolders are the folders of a site that are read.
var siteFolders = []string{"content", "layouts", "static"}

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
	s := siteFS{root: root, dir: root.FS(), real: real, folders: map[string]*siteFolder{}, found: map[string]fs.FileInfo{}}
	for _, name := range siteFolders {
		if fi, err := os.Stat(filepath.Join(real, name)); err == nil {
			s.found[name] = fi
		}
		// A folder that is a link out of the site is not opened here:
		// reading it reports the link (resolve).
		r, err := root.OpenRoot(name)
		if err != nil {
			continue
		}
		f := &siteFolder{root: r, dir: r.FS(), fd: -1}
		if f.real, err = filepath.EvalSymlinks(filepath.Join(real, name)); err != nil {
			r.Close()
			continue
		}
		if !noOpenat2 {
			if d, err := r.Open("."); err == nil {
				if fd := int(d.Fd()); beneathWorks(fd) {
					f.fd, f.file = fd, d
				} else {
					d.Close()
				}
			}
		}
		s.folders[name] = f
	}
	return s, nil
}

// replaced reports whether one of the site's folders is no longer the
// folder s opened: deleted, made again, moved away with another put in
// its place, or made after s was opened. s reads the folder it opened,
// which is empty once deleted, and none made later: a development server
// open while an editor switches branches or restores layouts/ from a copy
// must open the site again to read it as it now is. An open folder keeps
// its inode, so a folder made in its place never has the same one.
func (s siteFS) replaced() bool {
	for _, name := range siteFolders {
		now, err := os.Stat(filepath.Join(s.real, name))
		was := s.found[name]
		if (err == nil) != (was != nil) || was != nil && !os.SameFile(now, was) {
			return true
		}
	}
	return false
}

// noOpenat2, set by tests, reads every file through the roots, as on a
// kernel without openat2.
var noOpenat2 bool

func (s siteFS) close() {
	for _, f := range s.folders {
		if f.file != nil {
			f.file.Close()
		}
		f.root.Close()
	}
	if s.root != nil {
		s.root.Close()
	}
}

// folder returns the folder a name of the site is in and the name in it,
// or nil for a name at the top level that is not one of them.
func (s siteFS) folder(name string) (*siteFolder, string) {
	top, rest, _ := strings.Cut(name, "/")
	f := s.folders[top]
	if f == nil {
		return nil, name
	}
	if rest == "" {
		rest = "."
	}
	return f, rest
}

func (s siteFS) open(name string) (fs.File, error) {
	if f, rel := s.folder(name); f != nil {
		return f.dir.Open(rel)
	}
	return s.dir.Open(name)
}

func (s siteFS) stat(name string) (fs.FileInfo, error) {
	if f, rel := s.folder(name); f != nil {
		return fs.Stat(f.dir, rel)
	}
	return fs.Stat(s.dir, name)
}

func (s siteFS) Open(name string) (fs.File, error) { return inRoot(s, "open", name, s.open) }

func (s siteFS) Stat(name string) (fs.FileInfo, error) {
	fi, err := inRoot(s, "stat", name, s.stat)
	if err == nil && fi.Name() != path.Base(name) {
		fi = renamed{fi, path.Base(name)} // as os.Stat names a link's target
	}
	return fi, err
}

func (s siteFS) ReadDir(name string) ([]fs.DirEntry, error) {
	return inRoot(s, "readdir", name, func(n string) ([]fs.DirEntry, error) {
		if f, rel := s.folder(n); f != nil {
			return fs.ReadDir(f.dir, rel)
		}
		return fs.ReadDir(s.dir, n)
	})
}

// renamed is a link's target's FileInfo under the link's name.
type renamed struct {
	fs.FileInfo
	name string
}

func (r renamed) Name() string { return r.name }

// inRoot runs op on name in its root and, when the root refuses a link on
// the way, once more on name with its links resolved: a folder's root
// follows no link out of the folder, even one to another of the site's
// folders, and no absolute link. A link out of the site's folders is
// refused with a diag.Problem at the link.
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
// the site's folders.
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
				return "", s.outside(strings.Join(parts[:i+1], "/"), target)
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

// contains reports whether the absolute, resolved path p is in one of
// the site's folders.
func (s siteFS) contains(p string) bool {
	for _, f := range s.folders {
		if within(f.real, p) {
			return true
		}
	}
	return false
}

// outside is the problem of a link that leads out of the site's folders.
func (s siteFS) outside(link, target string) diag.Problem {
	what := "file"
	if fi, err := os.Stat(target); err == nil && fi.IsDir() {
		what = "folder"
	}
	where := "outside the site; copy the " + what + " into the site instead"
	if within(s.real, target) {
		// Elsewhere in the repository: .git/, an .env file, the build's
		// own files, none of them for publishing.
		where = "outside content/, layouts/ and static/, which is not published; copy the " + what + " into one of them instead"
	}
	return diag.Problem{File: link, Line: 1, Col: 1, Msg: fmt.Sprintf("is a symbolic link to a %s %s", what, where)}
}

// ReadFile reads name, through a buffer from the pool, into a slice of
// its own. A file too large for the pool's buffer is read into a buffer
// of its size, which is handed over as it is; the pool's stays as it was.
func (s siteFS) ReadFile(name string) ([]byte, error) {
	buf := readBuffers.Get().(*[]byte)
	defer readBuffers.Put(buf)
	data, err := s.readInto((*buf)[:0], name)
	if err != nil {
		return nil, err
	}
	if cap(data) != cap(*buf) {
		return data, nil // read into a buffer of its own
	}
	return append([]byte(nil), data...), nil
}

// grow makes room in buf for a file of size bytes and the read that
// finds its end, at once: a file larger than the buffer is read into one
// buffer of its size, not into buffers grown again and again, each a
// copy of the last.
func grow(buf []byte, size int64) []byte {
	if size <= 0 || size >= math.MaxInt || int64(cap(buf)-len(buf)) > size {
		return buf // room enough, or a file that says no size
	}
	grown := make([]byte, len(buf), len(buf)+int(size)+1)
	copy(grown, buf)
	return grown
}

// readInto appends the file name to buf and returns the result; on an
// error buf is returned as it was, with the error as fs.ReadFile gives it.
func (s siteFS) readInto(buf []byte, name string) ([]byte, error) {
	if !fs.ValidPath(name) {
		return buf, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if f, _ := s.folder(name); f == nil || f.fd < 0 {
		return s.readFromRoot(buf, name)
	}
	return s.readBeneath(buf, name)
}

// openFromRoot opens the regular file name through the site's os.Root,
// without openat2, and returns it with its size.
func (s siteFS) openFromRoot(name string) (*os.File, int64, error) {
	// Stat first: opening a named pipe would wait for a writer.
	fi, err := s.Stat(name)
	if err != nil {
		return nil, 0, err
	} else if !fi.Mode().IsRegular() {
		return nil, 0, &fs.PathError{Op: "open", Path: name, Err: notRegular(name, fi.IsDir())}
	}
	f, err := inRoot(s, "open", name, s.open)
	if err != nil {
		return nil, 0, err
	}
	file, ok := f.(*os.File)
	if !ok {
		f.Close()
		return nil, 0, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	return file, fi.Size(), nil
}

// openFile opens the regular file name of the site, with the checks of
// readInto, and returns it with its size.
func (s siteFS) openFile(name string) (*os.File, int64, error) {
	if !fs.ValidPath(name) {
		return nil, 0, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	if f, _ := s.folder(name); f == nil || f.fd < 0 {
		return s.openFromRoot(name)
	}
	return s.openFileBeneath(name)
}

// size is the size of the regular file name of the site, found by
// opening it with the checks of readInto: a file that size accepts can
// be copied by copyFile, unless it changes in between.
func (s siteFS) size(name string) (int64, error) {
	f, size, err := s.openFile(name)
	if err != nil {
		return 0, err
	}
	f.Close()
	return size, nil
}

// copyFile copies the site's file name to dst, a new file, and returns
// the bytes copied. Where the system can, the kernel copies the bytes
// (copy_file_range on Linux, which io.Copy between two files uses): the
// file does not pass through the build's memory, so a site's videos and
// brochures add nothing to what a build holds.
func (s siteFS) copyFile(name, dst string) (int64, error) {
	in, _, err := s.openFile(name)
	if err != nil {
		return 0, err
	}
	defer in.Close()
	out, err := os.OpenFile(dst, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return 0, err
	}
	n, err := io.Copy(out, in)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	return n, err
}

// readFromRoot is readInto without openat2.
func (s siteFS) readFromRoot(buf []byte, name string) ([]byte, error) {
	f, size, err := s.openFromRoot(name)
	if err != nil {
		return buf, err
	}
	defer f.Close()
	buf = grow(buf, size)
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

// notRegular is the problem of a name in the site that is read as a
// file but is not a regular file: a folder (dir), or a named pipe, socket
// or device.
func notRegular(name string, dir bool) diag.Problem {
	if dir {
		return diag.Problem{File: name,
			Msg: "is a folder, where a file of this name is read; remove or rename the folder, and save the file in its place"}
	}
	return diag.Problem{File: name, Line: 1, Col: 1,
		Msg: "is not a regular file (a named pipe, socket or device), which cannot be published; remove it"}
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
