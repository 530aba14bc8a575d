package serve

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"sitegen/internal/workfile"

	"github.com/fsnotify/fsnotify"
)

// watched are the folders of the site root whose files make the site.
var watched = []string{"content", "layouts", "static"}

// watcher turns file system events under the watched folders into batches
// of changed paths (site-root relative, forward slashes), one batch per
// burst of events.
type watcher struct {
	root     string
	fsw      *fsnotify.Watcher
	quiet    time.Duration // a batch ends after this long without events
	batches  chan batch
	errs     chan error
	done     chan struct{}
	finished chan struct{}
	// links maps the target of each symbolic link to a file (which the
	// build follows) to the links: the target's folder is watched, so
	// that an edit to the target, wherever it is, changes the links.
	links map[string][]string
	// dirs are the folders of the site watched, by path.
	dirs map[string]bool
	// gathered counts the changed paths gathered into batches, for the
	// tests to wait on.
	gathered atomic.Int64
}

// batch is a burst of changes; first is when its first event arrived.
// all: events were dropped, and paths are not all that changed.
type batch struct {
	paths []string
	all   bool
	first time.Time
}

func newWatcher(root string, quiet time.Duration) (*watcher, error) {
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, watchError(root, root, err)
	}
	w := &watcher{root: root, fsw: fsw, quiet: quiet, batches: make(chan batch), errs: make(chan error, 1),
		done: make(chan struct{}), finished: make(chan struct{}), links: map[string][]string{}, dirs: map[string]bool{}}
	// The root itself, to see a watched folder created after the start.
	if err := watchFolder(fsw, root); err != nil {
		fsw.Close()
		return nil, watchError(root, root, err)
	}
	for _, d := range watched {
		if _, err := w.addTree(filepath.Join(root, d)); err != nil && !errors.Is(err, fs.ErrNotExist) {
			fsw.Close()
			return nil, err
		}
	}
	go w.loop()
	return w, nil
}

// watchFolder is fsnotify's Add, or the tests' stand-in for it.
var watchFolder = (*fsnotify.Watcher).Add

// watchError is err, from watching dir, as the editor is told it: which
// folder, and for the system's limits, which limit and how to raise it.
// A folder not watched is a preview that does not follow its changes.
func watchError(root, dir string, err error) error {
	name := dir
	if rel, rerr := filepath.Rel(root, dir); rerr == nil && rel != "." {
		name = filepath.ToSlash(rel)
	}
	var limit, why, more string
	switch {
	case errors.Is(err, syscall.ENOSPC):
		limit, why, more = "fs.inotify.max_user_watches", "the system watches no more folders for you", "524288"
	case errors.Is(err, syscall.EMFILE):
		limit, why, more = "fs.inotify.max_user_instances", "too many programs of yours watch files", "1024"
	default:
		return fmt.Errorf("cannot watch %s: %w", name, err)
	}
	now := ""
	if b, rerr := os.ReadFile("/proc/sys/" + strings.ReplaceAll(limit, ".", "/")); rerr == nil {
		now = " (now " + strings.TrimSpace(string(b)) + ")"
	}
	return fmt.Errorf("cannot watch %[1]s: %[2]s: the limit %[3]s%[4]s is reached, so changes there are not previewed; "+
		"raise it with `sudo sysctl %[3]s=%[5]s` (and the line %[3]s=%[5]s in /etc/sysctl.conf to keep it), "+
		"or close other editors and servers that watch many folders, then start sitegen serve again",
		name, why, limit, now, more)
}

// addTree watches dir and every folder below it and returns the files
// already in them (they may have been written before the watch began).
func (w *watcher) addTree(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return watchError(w.root, p, err)
		}
		if d.IsDir() {
			if p != dir && workfile.Skip(d.Name()) {
				return fs.SkipDir // a hidden folder (.git), which the build does not read
			}
			if err := watchFolder(w.fsw, p); err != nil {
				return watchError(w.root, p, err)
			}
			w.dirs[p] = true
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			w.follow(p)
		}
		files = append(files, p)
		return nil
	})
	return files, err
}

// forget stops watching dir and the folders below it, when dir has been
// moved or deleted. The kernel watches a folder, not its name: a folder
// renamed (content/articles to content/guides) or moved out of the site
// is still watched, but fsnotify goes on naming the events of the folders
// below it by their old names, and the watch of the folder itself is
// dropped once the rename reaches it, whether or not the folder was
// watched again under its new name meanwhile. So the old watches go
// first, and a folder moved in is watched afresh when its creation
// arrives (see paths).
func (w *watcher) forget(dir string) {
	if !w.dirs[dir] {
		return
	}
	for d := range w.dirs {
		if d == dir || strings.HasPrefix(d, dir+string(filepath.Separator)) {
			w.fsw.Remove(d) // an error: the kernel has dropped it already
			delete(w.dirs, d)
		}
	}
}

// follow watches the folder of the file a symbolic link points to. A link
// to a folder is not followed, by the build or here.
func (w *watcher) follow(link string) {
	target, err := filepath.EvalSymlinks(link)
	if err != nil {
		return
	}
	if fi, err := os.Stat(target); err != nil || fi.IsDir() || slices.Contains(w.links[target], link) {
		return
	}
	if w.fsw.Add(filepath.Dir(target)) == nil {
		w.links[target] = append(w.links[target], link)
	}
}

// close stops watching; no batch is sent after it returns.
func (w *watcher) close() error {
	close(w.done)
	err := w.fsw.Close()
	<-w.finished
	return err
}

func (w *watcher) loop() {
	defer close(w.finished)
	// pending is the batch being gathered; out is w.batches once it is
	// ready (Quiet has passed without events), nil until then. The send
	// waits for the server to take it, after the rebuild it may be busy
	// with, and events go on being read meanwhile: they join the batch,
	// which is ready again after the next quiet spell. So a long burst
	// (a branch switched, a folder unzipped) is one rebuild, or two, not
	// one per pause in it, and the system's queue of events is emptied
	// all the while.
	var pending batch
	seen := map[string]bool{}
	var out chan batch
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	for {
		select {
		case <-w.done:
			timer.Stop()
			return
		case err, ok := <-w.fsw.Errors:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				// Events were dropped: which files changed is not known.
				w.rewatch()
				if !pending.all && len(pending.paths) == 0 {
					pending.first = time.Now()
				}
				pending.all = true
				out = nil
				timer.Reset(w.quiet)
				err = errOverflow
			}
			w.report(err)
		case ev, ok := <-w.fsw.Events:
			if !ok {
				return
			}
			paths := w.paths(ev)
			if len(paths) == 0 {
				continue
			}
			if !pending.all && len(pending.paths) == 0 {
				pending.first = time.Now()
			}
			for _, p := range paths {
				if !seen[p] {
					seen[p] = true
					pending.paths = append(pending.paths, p)
					w.gathered.Add(1)
				}
			}
			out = nil
			timer.Reset(w.quiet)
		case <-timer.C:
			out = w.batches
		case out <- pending:
			pending, out = batch{}, nil
			clear(seen)
		}
	}
}

// report tells the server of err, unless it has not taken the last.
func (w *watcher) report(err error) {
	select {
	case w.errs <- err:
	default:
	}
}

// errOverflow is what the server is told when the system dropped events.
var errOverflow = errors.New("too many changes at once: the system dropped some of their events " +
	"(on Linux it queues fs.inotify.max_queued_events of them); watching every folder again and building everything")

// rewatch watches the site's folders afresh, after events were dropped:
// a folder made, renamed or deleted may be among them.
func (w *watcher) rewatch() {
	for d := range w.dirs {
		w.fsw.Remove(d)
	}
	clear(w.dirs)
	for _, d := range watched {
		w.addTree(filepath.Join(w.root, d))
	}
}

// paths returns the site paths an event changes, or none for events that
// change nothing: permission changes, editors' swap, backup and temporary
// files, and files outside the watched folders.
func (w *watcher) paths(ev fsnotify.Event) []string {
	if ev.Op == fsnotify.Chmod || ev.Op == 0 {
		return nil
	}
	var out []string
	for _, l := range w.links[ev.Name] {
		if r, err := filepath.Rel(w.root, l); err == nil {
			out = append(out, filepath.ToSlash(r))
		}
	}
	if ev.Has(fsnotify.Rename) || ev.Has(fsnotify.Remove) {
		w.forget(ev.Name)
	}
	rel, err := filepath.Rel(w.root, ev.Name)
	if err != nil || strings.HasPrefix(rel, "..") {
		return out // a linked file's folder outside the site
	}
	rel = filepath.ToSlash(rel)
	top, _, _ := strings.Cut(rel, "/")
	if !isWatched(top) || Ignored(rel) {
		return out
	}
	out = append(out, rel)
	if ev.Has(fsnotify.Create) {
		if fi, err := os.Lstat(ev.Name); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
			w.follow(ev.Name)
		} else if err == nil && fi.IsDir() {
			// A new folder (made, moved in or restored): watch it, and
			// count the files it already holds as changed.
			files, err := w.addTree(ev.Name)
			if err != nil && !errors.Is(err, fs.ErrNotExist) {
				w.report(err)
			}
			for _, f := range files {
				if r, err := filepath.Rel(w.root, f); err == nil && !Ignored(filepath.ToSlash(r)) {
					out = append(out, filepath.ToSlash(r))
				}
			}
		}
	}
	return out
}

func isWatched(top string) bool {
	for _, d := range watched {
		if top == d {
			return true
		}
	}
	return false
}

// Ignored reports whether a changed file is an editor's working file or
// the system's litter and not part of the site (a swap file, a backup, a
// lock file, a file in a hidden folder, .DS_Store): the build leaves out
// the same files (see workfile), so a change to one changes nothing.
func Ignored(rel string) bool {
	return strings.HasSuffix(rel, "/") || rel == "" || workfile.SkipPath(rel)
}
