package serve

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// TestWatcherBatches: a permission change alone starts no rebuild, and a
// burst of saves to several files is one batch naming them all.
func TestWatcherBatches(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "content")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	page := filepath.Join(dir, "a.md")
	if err := os.WriteFile(page, []byte("---\ntitle: A\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	const quiet = 150 * time.Millisecond
	w, err := newWatcher(root, quiet)
	if err != nil {
		t.Fatal(err)
	}
	defer w.close()

	if err := os.Chmod(page, 0o600); err != nil {
		t.Fatal(err)
	}
	select {
	case b := <-w.batches:
		t.Fatalf("a permission change gave a batch: %v", b.paths)
	case <-time.After(4 * quiet):
	}

	var want []string
	for i := range 5 {
		name := fmt.Sprintf("content/p%d.md", i)
		want = append(want, name)
		if err := os.WriteFile(filepath.Join(root, name), []byte("---\ntitle: P\n---\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	select {
	case b := <-w.batches:
		got := slices.Clone(b.paths)
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("batch %v, want %v", got, want)
		}
	case <-time.After(wait):
		t.Fatal("no batch for five saves")
	}
	select {
	case b := <-w.batches:
		t.Errorf("a second batch for the same burst: %v", b.paths)
	case <-time.After(4 * quiet):
	}
}

// TestWatcherFollowsLinkedFiles: a page that is a symbolic link to a file
// elsewhere (which the build follows) changes when that file is saved,
// whether the link was there at the start or made later.
func TestWatcherFollowsLinkedFiles(t *testing.T) {
	root, elsewhere := t.TempDir(), t.TempDir()
	dir := filepath.Join(root, "content")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"a.md", "b.md"} {
		if err := os.WriteFile(filepath.Join(elsewhere, name), []byte("---\ntitle: A\n---\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(elsewhere, "a.md"), filepath.Join(dir, "a.md")); err != nil {
		t.Fatal(err)
	}
	const quiet = 100 * time.Millisecond
	w, err := newWatcher(root, quiet)
	if err != nil {
		t.Fatal(err)
	}
	defer w.close()
	next := func(what string) []string {
		t.Helper()
		select {
		case b := <-w.batches:
			slices.Sort(b.paths)
			return b.paths
		case <-time.After(wait):
			t.Fatalf("no batch after %s", what)
			return nil
		}
	}
	if err := os.WriteFile(filepath.Join(elsewhere, "a.md"), []byte("---\ntitle: A2\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := next("saving a linked file"); !slices.Equal(got, []string{"content/a.md"}) {
		t.Errorf("batch %v, want [content/a.md]", got)
	}
	if err := os.Symlink(filepath.Join(elsewhere, "b.md"), filepath.Join(dir, "b.md")); err != nil {
		t.Fatal(err)
	}
	if got := next("making a link"); !slices.Equal(got, []string{"content/b.md"}) {
		t.Errorf("batch %v, want [content/b.md]", got)
	}
	if err := os.WriteFile(filepath.Join(elsewhere, "b.md"), []byte("---\ntitle: B2\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := next("saving a file linked later"); !slices.Equal(got, []string{"content/b.md"}) {
		t.Errorf("batch %v, want [content/b.md]", got)
	}
}
