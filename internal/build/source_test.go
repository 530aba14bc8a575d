package build

import (
	"bytes"
	"errors"
	"fmt"
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

// TestWriteCopyOwnsItsBytes checks that a page handed to writeCopy is
// written as it was when handed over, though the render buffer it came
// from is reused at once, as it is for the next page.
func TestWriteCopyOwnsItsBytes(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	o, err := newOutput(Options{Out: out})
	if err != nil {
		t.Fatal(err)
	}
	defer o.discard()
	buf := make([]byte, 0, 64)
	want := map[string]string{}
	for i := range 200 {
		page := fmt.Sprintf("<p>page %d</p>", i)
		buf = append(buf[:0], page...)
		rel := fmt.Sprintf("p%d/index.html", i)
		if err := o.writeCopy(rel, buf); err != nil {
			t.Fatal(err)
		}
		for j := range buf {
			buf[j] = 'x' // the next page's render overwrites the buffer
		}
		want[rel] = page
	}
	if err := o.publish(); err != nil {
		t.Fatal(err)
	}
	for rel, page := range want {
		got, err := os.ReadFile(filepath.Join(out, rel))
		if err != nil || string(got) != page {
			t.Fatalf("%s: %q, %v; want %q", rel, got, err, page)
		}
	}
}
