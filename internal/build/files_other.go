//go:build !linux

package build

import (
	"errors"
	"os"
)

// What reading the site and writing the output use on systems other than
// Linux (see files_linux.go): the portable calls of package os.

// beneathWorks is false: without openat2, every file is read through the
// site's os.Root (siteFS.readFromRoot), which keeps reads inside the site
// as well, at a few more system calls per file.
func beneathWorks(fd int) bool { return false }

// readBeneath and openFileBeneath are not called where beneathWorks is
// false.
func (s siteFS) readBeneath(buf []byte, name string) ([]byte, error) {
	return s.readFromRoot(buf, name)
}

func (s siteFS) openFileBeneath(name string) (*os.File, int64, error) {
	return s.openFromRoot(name)
}

// writeNew writes a file of the output.
func writeNew(name string, data []byte) error { return os.WriteFile(name, data, 0o644) }

// exchange has no single-step form here: output.swap moves the old
// folder aside instead.
func exchange(a, b string) error { return errors.ErrUnsupported }
