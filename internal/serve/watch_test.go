package serve

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
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
	// The system reports events in order: once a save made after the
	// permission change is in a batch, a batch for the change would have
	// come before it or with it.
	if err := os.WriteFile(filepath.Join(dir, "after.md"), []byte("---\ntitle: After\n---\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := collect(t, w, "content/after.md"); !slices.Equal(got, []string{"content/after.md"}) {
		t.Fatalf("a permission change gave a batch: %v, want only the save after it", got)
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
	// Likewise a second batch for the burst would come before, or with,
	// the batch of a save made after the first.
	if err := os.WriteFile(filepath.Join(dir, "last.md"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if got := collect(t, w, "content/last.md"); !slices.Equal(got, []string{"content/last.md"}) {
		t.Errorf("a second batch for the same burst: %v, want only the save after it", got)
	}
}

// TestWatcherLinks: the watcher watches the folders the build reads, no
// more. A page that is a symbolic link to a file of the site (which the
// build follows) changes when that file is saved, even in a hidden folder
// the site does not otherwise read; a link out of the site's folders
// (which the build refuses) or to a folder (which it does not follow)
// adds no watch. A link retargeted or removed gives up the watch it
// needed: the kernel's watches do not grow, and a save to the file it
// led to no longer counts.
func TestWatcherLinks(t *testing.T) {
	root, elsewhere := t.TempDir(), t.TempDir()
	for _, f := range []string{"content/.shared/a.md", "content/.shared/b.md", "static/c.md", "content/other.md"} {
		if err := writeFile(filepath.Join(root, f), "---\ntitle: A\n---\n"); err != nil {
			t.Fatal(err)
		}
	}
	if err := writeFile(filepath.Join(elsewhere, "x.md"), "---\ntitle: X\n---\n"); err != nil {
		t.Fatal(err)
	}
	p := func(rel string) string { return filepath.Join(root, filepath.FromSlash(rel)) }
	// ln -sfn: a link made under another name and renamed over the old.
	link := func(target, rel string) {
		t.Helper()
		tmp := p(rel) + ".new~"
		if err := os.Symlink(target, tmp); err != nil {
			t.Skip("no symlinks here:", err)
		}
		if err := os.Rename(tmp, p(rel)); err != nil {
			t.Fatal(err)
		}
	}
	save := func(path string) {
		t.Helper()
		f, err := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		f.WriteString("Saved.\n")
		f.Close()
	}
	link(".shared/a.md", "content/in.md")
	link(filepath.Join(elsewhere, "x.md"), "content/out.md")
	link("../static", "content/folder")
	link("loop", "content/loop")
	w, err := newWatcher(root, 20*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	defer w.close()
	check := func(want ...string) {
		t.Helper()
		got, kernel := watchedFolders(w)
		want = append([]string{".", "content", "static"}, want...)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("watching %v, want %v", got, want)
		}
		if kernel >= 0 && kernel != len(want) {
			t.Errorf("the kernel holds %d watches for %d folders", kernel, len(want))
		}
	}
	// only saves file, then content/other.md, and returns what changed.
	only := func(file string) []string {
		t.Helper()
		save(file)
		save(p("content/other.md"))
		got := collect(t, w, "content/other.md")
		return slices.DeleteFunc(got, func(s string) bool { return s == "content/other.md" })
	}
	check("content/.shared")
	if got := only(p("content/.shared/a.md")); !slices.Equal(got, []string{"content/in.md"}) {
		t.Errorf("saving the linked file in a hidden folder: %v, want [content/in.md]", got)
	}
	if got := only(filepath.Join(elsewhere, "x.md")); len(got) != 0 {
		t.Errorf("saving a file outside the site: %v, want nothing", got)
	}

	for i := range 3 {
		link(".shared/b.md", "content/in.md")
		collect(t, w, "content/in.md")
		check("content/.shared")
		if got := only(p("content/.shared/a.md")); len(got) != 0 {
			t.Errorf("round %d: saving the file a link led to before: %v, want nothing", i, got)
		}
		if got := only(p("content/.shared/b.md")); !slices.Equal(got, []string{"content/in.md"}) {
			t.Errorf("round %d: saving the file the link leads to now: %v, want [content/in.md]", i, got)
		}
		link("../static/c.md", "content/in.md")
		collect(t, w, "content/in.md")
		check()
		if got := only(p("content/.shared/b.md")); len(got) != 0 {
			t.Errorf("round %d: saving the file a link led to before: %v, want nothing", i, got)
		}
		if got := only(p("static/c.md")); !slices.Equal(got, []string{"content/in.md", "static/c.md"}) {
			t.Errorf("round %d: saving the file the link leads to now: %v, want [content/in.md static/c.md]", i, got)
		}
		link(".shared/a.md", "content/in.md")
		collect(t, w, "content/in.md")
		check("content/.shared")
	}
	// A link to a file outside the site, retargeted into the site, and
	// back out.
	link(".shared/b.md", "content/out.md")
	collect(t, w, "content/out.md")
	if got := only(p("content/.shared/b.md")); !slices.Equal(got, []string{"content/out.md"}) {
		t.Errorf("saving the file a link retargeted into the site leads to: %v", got)
	}
	link(filepath.Join(elsewhere, "x.md"), "content/out.md")
	collect(t, w, "content/out.md")
	if got := only(p("content/.shared/b.md")); len(got) != 0 {
		t.Errorf("saving the file a link led to before: %v, want nothing", got)
	}
	if err := os.Remove(p("content/in.md")); err != nil {
		t.Fatal(err)
	}
	collect(t, w, "content/in.md")
	check()
	if got := only(p("content/.shared/a.md")); len(got) != 0 {
		t.Errorf("saving the file a removed link led to: %v, want nothing", got)
	}
	// A link whose file is deleted and made again changes with it.
	link("../static/c.md", "content/in.md")
	collect(t, w, "content/in.md")
	if err := os.Remove(p("static/c.md")); err != nil {
		t.Fatal(err)
	}
	if got := collect(t, w, "static/c.md"); !slices.Equal(got, []string{"content/in.md", "static/c.md"}) {
		t.Errorf("deleting the file a link leads to: %v", got)
	}
	if err := writeFile(p("static/c.md"), "---\ntitle: C\n---\n"); err != nil {
		t.Fatal(err)
	}
	if got := collect(t, w, "content/in.md"); !slices.Contains(got, "static/c.md") {
		t.Errorf("making the file a link leads to again: %v", got)
	}
	check()

	// The hidden folder a link leads into renamed to a folder of the
	// site, and back: the link changes each time, and the folder is
	// watched as the site's, then for the link again.
	link(".shared/a.md", "content/in.md")
	collect(t, w, "content/in.md")
	if err := os.Rename(p("content/.shared"), p("content/shared")); err != nil {
		t.Fatal(err)
	}
	if got := collect(t, w, "content/in.md"); !slices.Contains(got, "content/shared/a.md") {
		t.Errorf("renaming the folder a link leads into: %v", got)
	}
	check("content/shared")
	if got := only(p("content/shared/a.md")); !slices.Equal(got, []string{"content/shared/a.md"}) {
		t.Errorf("saving a file the link led to before its folder was renamed: %v", got)
	}
	if err := os.Rename(p("content/shared"), p("content/.shared")); err != nil {
		t.Fatal(err)
	}
	collect(t, w, "content/in.md")
	check("content/.shared")
	if got := only(p("content/.shared/a.md")); !slices.Equal(got, []string{"content/in.md"}) {
		t.Errorf("saving the linked file once its folder is back: %v", got)
	}
}

// TestWatcherLinkedTopFolder: static/ may itself be a link to a folder
// elsewhere in the site, which the build reads: its folders are watched,
// under static/, and retargeting the link watches the new folder in place
// of the old.
func TestWatcherLinkedTopFolder(t *testing.T) {
	root := t.TempDir()
	for _, f := range []string{"content/a.md", "assets/one/css/a.css", "assets/two/css/a.css"} {
		if err := writeFile(filepath.Join(root, f), "x"); err != nil {
			t.Fatal(err)
		}
	}
	p := func(rel string) string { return filepath.Join(root, filepath.FromSlash(rel)) }
	if err := os.Symlink("assets/one", p("static")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	w, err := newWatcher(root, 20*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	defer w.close()
	check := func(what string) {
		t.Helper()
		got, kernel := watchedFolders(w)
		want := []string{".", "content", "static", "static/css"}
		if !slices.Equal(got, want) {
			t.Errorf("%s: watching %v, want %v", what, got, want)
		}
		if kernel >= 0 && kernel != len(want) {
			t.Errorf("%s: the kernel holds %d watches for %d folders", what, kernel, len(want))
		}
	}
	check("at the start")
	if err := writeFile(p("assets/one/css/a.css"), "y"); err != nil {
		t.Fatal(err)
	}
	if got := collect(t, w, "static/css/a.css"); !slices.Equal(got, []string{"static/css/a.css"}) {
		t.Errorf("a save in the linked folder: %v", got)
	}
	if err := os.Symlink("assets/two", p("static.new")); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(p("static.new"), p("static")); err != nil {
		t.Fatal(err)
	}
	collect(t, w, "static/css/a.css")
	check("after retargeting")
	if err := writeFile(p("assets/one/css/a.css"), "z"); err != nil {
		t.Fatal(err)
	}
	if err := writeFile(p("content/a.md"), "z"); err != nil {
		t.Fatal(err)
	}
	if got := collect(t, w, "content/a.md"); !slices.Equal(got, []string{"content/a.md"}) {
		t.Errorf("a save in the folder static/ led to before: %v", got)
	}
	if err := writeFile(p("assets/two/css/a.css"), "z"); err != nil {
		t.Fatal(err)
	}
	if got := collect(t, w, "static/css/a.css"); !slices.Equal(got, []string{"static/css/a.css"}) {
		t.Errorf("a save in the folder static/ leads to now: %v", got)
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
// when the server starts and when a folder is made later; the preview
// tries again by itself, and once the limit is raised it watches the
// folder, counts the files saved there meanwhile as changed, and says
// every folder is watched. A folder not watched that is deleted is no
// longer missed.
func TestWatchLimit(t *testing.T) {
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "content", "articles"), 0o755); err != nil {
		t.Fatal(err)
	}
	var left atomic.Int64
	watchFolder = func(w *fsnotify.Watcher, dir string) error {
		if left.Add(-1) < 0 {
			left.Store(0)
			return syscall.ENOSPC // as inotify_add_watch says when the limit is reached
		}
		return w.Add(dir)
	}
	retryMissed = 50 * time.Millisecond
	t.Cleanup(func() { watchFolder, retryMissed = (*fsnotify.Watcher).Add, 2*time.Second })
	says := func(err error, dir string) {
		t.Helper()
		for _, want := range []string{"cannot watch " + dir + ": ", "limit fs.inotify.max_user_watches", "sudo sysctl fs.inotify.max_user_watches=524288"} {
			if err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("error %v; want one with %q", err, want)
			}
		}
	}

	left.Store(2) // the root and content/
	_, err := newWatcher(root, 20*time.Millisecond)
	says(err, "content/articles")
	left.Store(1) // the root
	_, err = New(Config{Addr: "127.0.0.1:0", Log: io.Discard, Options: build.Options{Src: root, Now: fixedNow}})
	says(err, "content")

	left.Store(3)
	w, err := newWatcher(root, 20*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	defer w.close()
	news := func(what string) *unwatched {
		t.Helper()
		select {
		case u := <-w.unwatched:
			return u
		case <-time.After(wait):
			t.Fatalf("nothing said %s", what)
			return nil
		}
	}
	if err := os.MkdirAll(filepath.Join(root, "content", "guides"), 0o755); err != nil {
		t.Fatal(err)
	}
	u := news("of a folder not watched")
	if u == nil || u.dir != "content/guides" || u.more != 0 {
		t.Fatalf("news %+v, want content/guides alone", u)
	}
	says(u.err, "content/guides")
	if !strings.Contains(u.err.Error(), "as soon as it can") {
		t.Errorf("error %v; want it to say the preview tries again", u.err)
	}
	collect(t, w, "content/guides")
	if err := writeFile(filepath.Join(root, "content", "guides", "a.md"), "---\ntitle: A\n---\n"); err != nil {
		t.Fatal(err)
	}
	left.Store(100) // the limit raised
	if u := news("once the folder is watched"); u != nil {
		t.Errorf("news %+v once the limit is raised, want none", u)
	}
	if got := collect(t, w, "content/guides/a.md"); !slices.Equal(got, []string{"content/guides/a.md"}) {
		t.Errorf("files saved while the folder was not watched: %v", got)
	}

	left.Store(0)
	if err := os.MkdirAll(filepath.Join(root, "content", "gone"), 0o755); err != nil {
		t.Fatal(err)
	}
	if u := news("of another folder not watched"); u == nil || u.dir != "content/gone" {
		t.Fatalf("news %+v, want content/gone", u)
	}
	if err := os.Remove(filepath.Join(root, "content", "gone")); err != nil {
		t.Fatal(err)
	}
	if u := news("once the folder is deleted"); u != nil {
		t.Errorf("news %+v once the folder is deleted, want none", u)
	}
}

// startLinked makes the files of a site and the links (path: target) in
// it, and starts watching it.
func startLinked(t *testing.T, files []string, links [][2]string) (*watcher, func(string) string) {
	t.Helper()
	root := t.TempDir()
	for _, f := range files {
		if err := writeFile(filepath.Join(root, f), "---\ntitle: A\n---\n"); err != nil {
			t.Fatal(err)
		}
	}
	p := func(rel string) string { return filepath.Join(root, filepath.FromSlash(rel)) }
	for _, l := range links {
		if err := os.Symlink(l[1], p(l[0])); err != nil {
			t.Skip("no symlinks here:", err)
		}
	}
	w, err := newWatcher(root, 20*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.close() })
	return w, p
}

// TestWatcherLinkAtStartIntoStatic: a link in content/ to a file in
// static/, found when the preview starts (before static/ is read),
// changes when that file is saved.
func TestWatcherLinkAtStartIntoStatic(t *testing.T) {
	w, p := startLinked(t, []string{"static/d.md", "content/other.md"}, [][2]string{{"content/c.md", "../static/d.md"}})
	// Saved in place, as an editor that writes over the file does.
	f, err := os.OpenFile(p("static/d.md"), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("Saved.\n")
	f.Close()
	if got := collect(t, w, "static/d.md"); !slices.Equal(got, []string{"content/c.md", "static/d.md"}) {
		t.Errorf("saving the file in static/ a link in content/ leads to: %v, want [content/c.md static/d.md]", got)
	}
}

// TestWatcherLinkBeforeItsFolder: a link read before the folder of the
// site it leads into (content/a.md to zz/b.md), once removed, leaves that
// folder watched, as a folder of the site.
func TestWatcherLinkBeforeItsFolder(t *testing.T) {
	w, p := startLinked(t, []string{"content/zz/b.md"}, [][2]string{{"content/a.md", "zz/b.md"}})
	if err := os.Remove(p("content/a.md")); err != nil {
		t.Fatal(err)
	}
	collect(t, w, "content/a.md")
	if got, _ := watchedFolders(w); !slices.Contains(got, "content/zz") {
		t.Fatalf("watching %v once the link into content/zz is gone, want content/zz among them", got)
	}
	if err := writeFile(p("content/zz/b.md"), "---\ntitle: B\n---\n"); err != nil {
		t.Fatal(err)
	}
	if got := collect(t, w, "content/zz/b.md"); !slices.Equal(got, []string{"content/zz/b.md"}) {
		t.Errorf("saving a file of content/zz: %v", got)
	}
}

// TestUnwatchedMessage: the count of the other folders not watched agrees
// with its verb.
func TestUnwatchedMessage(t *testing.T) {
	for more, want := range map[int]string{
		0: "cannot watch content/a",
		1: "cannot watch content/a (1 other folder is not watched either)",
		2: "cannot watch content/a (2 other folders are not watched either)",
	} {
		u := &unwatched{dir: "content/a", err: errors.New("cannot watch content/a"), more: more}
		if got := u.message(); got != want {
			t.Errorf("%d more: %q, want %q", more, got, want)
		}
	}
}

// TestWatchPermission: a folder the system will not let the preview
// watch (no read permission: inotify_add_watch says EACCES) is named with
// what to run, as the build names a folder it may not read, not with the
// system's bare error.
func TestWatchPermission(t *testing.T) {
	root := t.TempDir()
	locked := filepath.Join(root, "content", "my notes")
	if err := os.MkdirAll(locked, 0o755); err != nil {
		t.Fatal(err)
	}
	watchFolder = func(w *fsnotify.Watcher, dir string) error {
		if dir == locked {
			return syscall.EACCES
		}
		return w.Add(dir)
	}
	t.Cleanup(func() { watchFolder = (*fsnotify.Watcher).Add })
	_, err := newWatcher(root, 20*time.Millisecond)
	want := "cannot watch content/my notes: the system refuses permission; let everyone read it, with chmod -R a+rX 'content/my notes', or run sitegen serve as its owner; then start sitegen serve again"
	if err == nil || err.Error() != want {
		t.Errorf("error %v; want %s", err, want)
	}
}

// TestWatcherLayoutsLinkedFolder: a symbolic link to a folder in
// layouts/ is treated as in content/ and static/: the folder is not
// watched through it (the build does not read it there), and the link
// made while the preview runs is a change to layouts/, which the build
// reports as a warning at the link.
func TestWatcherLayoutsLinkedFolder(t *testing.T) {
	w, p := startLinked(t, []string{"layouts/base.html", "static/shared/a.html", "content/other.md"},
		[][2]string{{"layouts/linked", "../static/shared"}})
	got, _ := watchedFolders(w)
	if want := []string{".", "content", "layouts", "static", "static/shared"}; !slices.Equal(got, want) {
		t.Errorf("watching %v, want %v", got, want)
	}
	if err := os.Symlink("../static/shared", p("layouts/more")); err != nil {
		t.Fatal(err)
	}
	if got := collect(t, w, "layouts/more"); !slices.Equal(got, []string{"layouts/more"}) {
		t.Errorf("a link to a folder made in layouts/: %v, want [layouts/more]", got)
	}
	if err := writeFile(p("static/shared/a.html"), "saved"); err != nil {
		t.Fatal(err)
	}
	for _, c := range collect(t, w, "static/shared/a.html") {
		if strings.HasPrefix(c, "layouts/") {
			t.Errorf("a save in the linked folder seen through the link, as %s", c)
		}
	}
	got, _ = watchedFolders(w)
	if want := []string{".", "content", "layouts", "static", "static/shared"}; !slices.Equal(got, want) {
		t.Errorf("after the link: watching %v, want %v", got, want)
	}
}
