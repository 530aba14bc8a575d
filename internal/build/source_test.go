package build

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestSiteFSReadsWholeFiles checks the fast reader against os.ReadFile:
// files of every size around its buffer's, an empty file, and the errors
// fs.ReadFile would give.
func TestSiteFSReadsWholeFiles(t *testing.T) {
	dir := t.TempDir()
	s := newSiteFS(dir)
	for _, n := range []int{0, 1, 9000, 64<<10 - 1, 64 << 10, 64<<10 + 1, 300 << 10} {
		data := bytes.Repeat([]byte("0123456789abcdef\n"), n/17+1)[:n]
		name := filepath.Join(dir, "f")
		if err := os.WriteFile(name, data, 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := fs.ReadFile(s, "f")
		if err != nil || !bytes.Equal(got, data) {
			t.Errorf("%d bytes: read %d bytes, %v", n, len(got), err)
		}
		prefix := []byte("kept:")
		got, err = s.readInto(append([]byte(nil), prefix...), "f")
		if err != nil || !bytes.Equal(got, append(prefix, data...)) {
			t.Errorf("%d bytes: readInto gave %d bytes, %v", n, len(got), err)
		}
	}
	if _, err := fs.ReadFile(s, "missing.md"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v, want fs.ErrNotExist", err)
	}
	if _, err := fs.ReadFile(s, "../outside"); !errors.Is(err, fs.ErrInvalid) {
		t.Errorf("path out of the site: %v, want fs.ErrInvalid", err)
	}
	if err := os.Mkdir(filepath.Join(dir, "d"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := fs.ReadFile(s, "d"); err == nil {
		t.Error("reading a folder gave no error")
	}
	if err := os.Symlink("loop", filepath.Join(dir, "loop")); err != nil {
		t.Fatal(err)
	}
	if _, err := fs.ReadFile(s, "loop"); err == nil {
		t.Error("reading a looping link gave no error")
	}
}
