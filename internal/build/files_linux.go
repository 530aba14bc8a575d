//go:build linux

package build

import (
	"errors"
	"io/fs"
	"os"

	"golang.org/x/sys/unix"

	"sitegen/internal/diag"
)

// The Linux system calls behind reading the site and writing the output
// (see siteFS, writeNew and output.swap); files_other.go has what other
// systems use instead.

// beneathWorks reports whether openat2 can open files beneath the folder
// fd: Linux 5.6 or later, outside a sandbox that forbids it.
func beneathWorks(fd int) bool {
	probe, err := openBeneath(fd, ".", unix.O_PATH|unix.O_CLOEXEC)
	if err != nil {
		return false
	}
	unix.Close(probe)
	return true
}

// openBeneath opens name beneath the folder dir with openat2: the kernel
// follows symbolic links, but refuses (EXDEV) to leave dir, by a link or
// otherwise, and refuses absolute links.
func openBeneath(dir int, name string, flags int) (int, error) {
	how := unix.OpenHow{Flags: uint64(flags), Resolve: unix.RESOLVE_BENEATH | unix.RESOLVE_NO_MAGICLINKS}
	for tries := 0; ; tries++ {
		fd, err := unix.Openat2(dir, name, &how)
		// EAGAIN: a rename elsewhere in the tree raced the check; try again.
		if err == unix.EINTR || err == unix.EAGAIN && tries < 16 {
			continue
		}
		return fd, err
	}
}

// openBeneath opens the regular file name with openat2 (name's folder
// has a descriptor) and returns its descriptor and size. The open does
// not wait for a writer, as it would on a named pipe, and anything but a
// regular file is refused once open.
func (s siteFS) openBeneath(name string) (int, int64, error) {
	const flags = unix.O_RDONLY | unix.O_CLOEXEC | unix.O_NONBLOCK
	f, rel := s.folder(name)
	fd, err := openBeneath(f.fd, rel, flags)
	if err == unix.EXDEV || err == unix.ELOOP {
		// A link out of the folder, an absolute link or a loop.
		resolved, rerr := s.resolve(name)
		var p diag.Problem
		if errors.As(rerr, &p) {
			return -1, 0, &fs.PathError{Op: "open", Path: name, Err: p}
		}
		if rerr == nil && resolved != name {
			if f, rel = s.folder(resolved); f != nil && f.fd >= 0 {
				fd, err = openBeneath(f.fd, rel, flags)
			}
		}
	}
	if err != nil {
		return -1, 0, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	var st unix.Stat_t
	if err := unix.Fstat(fd, &st); err != nil || st.Mode&unix.S_IFMT != unix.S_IFREG {
		unix.Close(fd)
		if err == nil {
			err = notRegular(name, st.Mode&unix.S_IFMT == unix.S_IFDIR)
		}
		return -1, 0, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	return fd, st.Size, nil
}

// openFileBeneath is openBeneath as an *os.File.
func (s siteFS) openFileBeneath(name string) (*os.File, int64, error) {
	fd, size, err := s.openBeneath(name)
	if err != nil {
		return nil, 0, err
	}
	return os.NewFile(uintptr(fd), name), size, nil
}

// readBeneath is readInto with openat2 (name's folder has a descriptor).
func (s siteFS) readBeneath(buf []byte, name string) ([]byte, error) {
	fd, size, err := s.openBeneath(name)
	if err != nil {
		return buf, err
	}
	defer unix.Close(fd)
	buf = grow(buf, size)
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

// writeNew writes a file of the output with three system calls: open,
// write, close. os.WriteFile also asks the runtime's poller to watch the
// file and sets its flags, five more calls per file, which a build of
// tens of thousands of files notices.
func writeNew(name string, data []byte) error {
	fd, err := unix.Open(name, unix.O_WRONLY|unix.O_CREAT|unix.O_TRUNC|unix.O_CLOEXEC, 0o644)
	if err == unix.EINTR {
		return writeNew(name, data) // interrupted before anything was written
	}
	if err != nil {
		return &fs.PathError{Op: "open", Path: name, Err: err}
	}
	for len(data) > 0 {
		n, err := unix.Write(fd, data)
		if err == unix.EINTR {
			continue
		}
		if err != nil {
			unix.Close(fd)
			return &fs.PathError{Op: "write", Path: name, Err: err}
		}
		data = data[n:]
	}
	if err := unix.Close(fd); err != nil {
		return &fs.PathError{Op: "close", Path: name, Err: err}
	}
	return nil
}

// exchange swaps the names of two folders in one step (renameat2 with
// RENAME_EXCHANGE), where the file system can.
func exchange(a, b string) error {
	return unix.Renameat2(unix.AT_FDCWD, a, unix.AT_FDCWD, b, unix.RENAME_EXCHANGE)
}
