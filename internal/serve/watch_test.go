package serve

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"sitegen/internal/build"

	"github.com/fsnotify/fsnotify"
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

// collect gathers the paths of w's batches until one names want.
func collect(t *testing.T, w *watcher, want string) []string {
	t.Helper()
	var got []string
	timeout := time.After(wait)
	for {
		select {
		case b := <-w.batches:
			got = append(got, b.paths...)
			if slices.Contains(b.paths, want) {
				slices.Sort(got)
				return slices.Compact(got)
			}
		case <-timeout:
			t.Fatalf("no batch naming %s; got %v", want, got)
		}
	}
}

// watchedFolders are the folders w watches, site-root relative, and how
// many watches the kernel holds for the process (-1 when it does not say).
func watchedFolders(w *watcher) ([]string, int) {
	var names []string
	for _, p := range w.fsw.WatchList() {
		rel, _ := filepath.Rel(w.root, p)
		names = append(names, filepath.ToSlash(rel))
	}
	slices.Sort(names)
	fds, err := os.ReadDir("/proc/self/fdinfo")
	if err != nil {
		return names, -1
	}
	n := 0
	for _, f := range fds {
		b, _ := os.ReadFile(filepath.Join("/proc/self/fdinfo", f.Name()))
		n += strings.Count(string(b), "inotify wd:")
	}
	return names, n
}

// TestWatcherFollowsMovedFolders renames a folder (content/articles to
// content/guides), moves it back, moves one out of the site and one in:
// every save afterwards is seen under the folder's new name, nothing is
// seen of a folder moved out, and no watch is left behind.
func TestWatcherFollowsMovedFolders(t *testing.T) {
	root, elsewhere := t.TempDir(), t.TempDir()
	for _, f := range []string{"content/articles/a.md", "content/articles/deep/b.md", "content/notes/n.md"} {
		if err := writeFile(filepath.Join(root, f), "---\ntitle: A\n---\n"); err != nil {
			t.Fatal(err)
		}
	}
	w, err := newWatcher(root, 20*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	defer w.close()
	p := func(rel string) string { return filepath.Join(root, filepath.FromSlash(rel)) }
	mv := func(from, to string) {
		t.Helper()
		if err := os.Rename(from, to); err != nil {
			t.Fatal(err)
		}
	}
	save := func(rel string) {
		t.Helper()
		f, err := os.OpenFile(p(rel), os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		f.WriteString("Saved.\n")
		f.Close()
	}
	check := func(want ...string) {
		t.Helper()
		got, kernel := watchedFolders(w)
		want = append([]string{".", "content"}, want...)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("watching %v, want %v", got, want)
		}
		if kernel >= 0 && kernel != len(want) {
			t.Errorf("the kernel holds %d watches for %d folders", kernel, len(want))
		}
	}

	for i := range 3 {
		mv(p("content/articles"), p("content/guides"))
		collect(t, w, "content/guides/deep/b.md")
		save("content/guides/a.md")
		save("content/guides/deep/b.md")
		if got := collect(t, w, "content/guides/deep/b.md"); !slices.Equal(got, []string{"content/guides/a.md", "content/guides/deep/b.md"}) {
			t.Errorf("round %d: saves in the renamed folder: %v", i, got)
		}
		check("content/guides", "content/guides/deep", "content/notes")
		mv(p("content/guides"), p("content/articles"))
		collect(t, w, "content/articles/deep/b.md")
		save("content/articles/deep/b.md")
		if got := collect(t, w, "content/articles/deep/b.md"); !slices.Equal(got, []string{"content/articles/deep/b.md"}) {
			t.Errorf("round %d: a save in the folder moved back: %v", i, got)
		}
		check("content/articles", "content/articles/deep", "content/notes")
	}

	// Moved out of the site: a save there changes nothing (the save to
	// n.md after it comes in the same order).
	mv(p("content/articles"), filepath.Join(elsewhere, "articles"))
	collect(t, w, "content/articles")
	if err := os.WriteFile(filepath.Join(elsewhere, "articles", "deep", "b.md"), []byte("moved out"), 0o644); err != nil {
		t.Fatal(err)
	}
	save("content/notes/n.md")
	if got := collect(t, w, "content/notes/n.md"); !slices.Equal(got, []string{"content/notes/n.md"}) {
		t.Errorf("a save in a folder moved out of the site: %v", got)
	}
	check("content/notes")

	// And back in, under another name.
	mv(filepath.Join(elsewhere, "articles"), p("content/back"))
	collect(t, w, "content/back/deep/b.md")
	save("content/back/deep/b.md")
	if got := collect(t, w, "content/back/deep/b.md"); !slices.Equal(got, []string{"content/back/deep/b.md"}) {
		t.Errorf("a save in a folder moved in: %v", got)
	}
	check("content/back", "content/back/deep", "content/notes")
}

// TestWatcherWaitsWhileBusy: while the server is busy (rebuilding), the
// changes of several bursts gather into the one batch it takes next,
// rather than a batch each, one rebuild after another; and the watcher
// goes on reading events meanwhile, so the system's queue of them does
// not overflow.
func TestWatcherWaitsWhileBusy(t *testing.T) {
	root := t.TempDir()
	const quiet = 20 * time.Millisecond
	if err := os.MkdirAll(filepath.Join(root, "content"), 0o755); err != nil {
		t.Fatal(err)
	}
	w, err := newWatcher(root, quiet)
	if err != nil {
		t.Fatal(err)
	}
	defer w.close()
	var want []string
	for i := range 3 {
		name := fmt.Sprintf("content/p%d.md", i)
		want = append(want, name)
		if err := os.WriteFile(filepath.Join(root, name), []byte("---\ntitle: P\n---\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		time.Sleep(5 * quiet) // a pause in the burst, longer than Quiet: nobody takes the batch
	}
	// Every save gathered (on a busy machine the watcher may be behind).
	for deadline := time.Now().Add(wait); w.gathered.Load() < 3; time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("%d of 3 saves seen", w.gathered.Load())
		}
	}
	select {
	case b := <-w.batches:
		if slices.Sort(b.paths); !slices.Equal(b.paths, want) {
			t.Errorf("first batch %v, want %v", b.paths, want)
		}
	case <-time.After(wait):
		t.Fatal("no batch")
	}
	if err := os.WriteFile(filepath.Join(root, "content/last.md"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if got := collect(t, w, "content/last.md"); !slices.Equal(got, []string{"content/last.md"}) {
		t.Errorf("next batch %v, want only content/last.md", got)
	}
}

// TestWatchLimit: when the system will watch no more folders, the editor
// is told which folder is not watched, the limit, and how to raise it,
// when the server starts and when a folder is made later.
func TestWatchLimit(t *testing.T) {
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "content", "articles"), 0o755); err != nil {
		t.Fatal(err)
	}
	left := 0
	watchFolder = func(w *fsnotify.Watcher, dir string) error {
		if left == 0 {
			return syscall.ENOSPC // as inotify_add_watch says when the limit is reached
		}
		left--
		return w.Add(dir)
	}
	t.Cleanup(func() { watchFolder = (*fsnotify.Watcher).Add })
	says := func(err error, dir string) {
		t.Helper()
		for _, want := range []string{"cannot watch " + dir + ": ", "limit fs.inotify.max_user_watches", "sudo sysctl fs.inotify.max_user_watches=524288"} {
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("error %v; want one with %q", err, want)
			}
		}
	}

	left = 2 // the root and content/
	_, err := newWatcher(root, 20*time.Millisecond)
	says(err, "content/articles")
	left = 1 // the root
	_, err = New(Config{Addr: "127.0.0.1:0", Log: io.Discard, Options: build.Options{Src: root, Now: fixedNow}})
	says(err, "content")

	left = 3
	w, err := newWatcher(root, 20*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	defer w.close()
	if err := os.MkdirAll(filepath.Join(root, "content", "guides"), 0o755); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-w.errs:
		says(err, "content/guides")
	case <-time.After(wait):
		t.Fatal("nothing said of a folder not watched")
	}
}
