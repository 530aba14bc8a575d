package serve

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"sitegen/internal/diag"
	"sitegen/internal/workfile"

	"github.com/fsnotify/fsnotify"
)

// watched are the folders of the site root whose files make the site.
var watched = []string{"content", "layouts", "static"}

// watcher turns file system events under the watched folders into batches
// of changed paths (site-root relative, forward slashes), one batch per
// burst of events.
//
// It watches the folders the build reads, and no others: content/,
// layouts/ and static/ (each may be a link to a folder elsewhere in the
// site, as the build allows) and every folder below them, but not a
// working folder (workfile: .git, a hidden folder) nor one reached only
// through a symbolic link, which the build does not follow. A symbolic
// link to a file is followed as the build follows it, to a file in one
// of the three folders: a save to that file changes the link too, and
// when the file is in a folder not otherwise watched (a hidden one), that
// folder is watched for as long as a link leads there. A link out of the
// three folders is an error the build reports at the link, and its
// target is not watched.
type watcher struct {
	root     string // absolute, with links resolved
	fsw      *fsnotify.Watcher
	quiet    time.Duration // a batch ends after this long without events
	batches  chan batch
	errs     chan error
	done     chan struct{}
	finished chan struct{}
	// dirs are the folders of the site watched, by path.
	dirs map[string]bool
	// tops are the real paths (links resolved) of content/, layouts/ and
	// static/, by their paths in the site, while they are watched.
	tops map[string]string
	// links are the symbolic links found in the watched folders, each
	// with the file it leads to as the build reads it (under its path in
	// the site), or "" when the build reads nothing through it (a link
	// to a folder or out of the three folders, broken or looping).
	links map[string]string
	// linked are the links that lead to each file.
	linked map[string][]string
	// extra counts, for each folder watched only because links lead to
	// files in it, those links.
	extra map[string]int
	// missed are the folders the system would not watch (its limit
	// reached), each with why; extraMissed those of them wanted for a
	// link. retry is how often they are tried again. unwatched has the
	// news of them for the server: the first, how many more, or nil
	// once every folder is watched.
	missed      map[string]error
	extraMissed map[string]bool
	retry       time.Duration
	unwatched   chan *unwatched
	missedNews  bool
	said        string // the last news sent
	// gathered counts the changed paths gathered into batches, for the
	// tests to wait on.
	gathered atomic.Int64
}

// unwatched is what the server is told of the folders not watched: the
// first by name, with why, and how many more there are.
type unwatched struct {
	dir  string // site-root relative
	err  error
	more int
}

// batch is a burst of changes; first is when its first event arrived.
// all: events were dropped, and paths are not all that changed.
type batch struct {
	paths []string
	all   bool
	first time.Time
}

// retryMissed is how often folders the system would not watch are tried
// again: when the limit is raised, or other programs stop watching, the
// preview follows them without a restart.
var retryMissed = 2 * time.Second

func newWatcher(root string, quiet time.Duration) (*watcher, error) {
	if abs, err := filepath.Abs(root); err == nil {
		root = abs
	}
	if real, err := filepath.EvalSymlinks(root); err == nil {
		root = real
	}
	fsw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, watchError(root, root, err, false)
	}
	w := &watcher{root: root, fsw: fsw, quiet: quiet, batches: make(chan batch), errs: make(chan error, 1),
		done: make(chan struct{}), finished: make(chan struct{}), dirs: map[string]bool{}, tops: map[string]string{},
		links: map[string]string{}, linked: map[string][]string{}, extra: map[string]int{},
		missed: map[string]error{}, extraMissed: map[string]bool{}, retry: retryMissed, unwatched: make(chan *unwatched, 1)}
	// The root itself, to see a watched folder created after the start.
	if err := watchFolder(fsw, root); err != nil {
		fsw.Close()
		return nil, watchError(root, root, err, false)
	}
	w.addTops()
	// At the start, the editor is at the terminal: a folder not watched
	// stops the server with what to do.
	if len(w.missed) > 0 {
		first := slices.Sorted(maps.Keys(w.missed))[0]
		fsw.Close()
		return nil, watchError(root, first, errors.Unwrap(w.missed[first]), false)
	}
	go w.loop()
	return w, nil
}

// watchFolder is fsnotify's Add, or the tests' stand-in for it.
var watchFolder = (*fsnotify.Watcher).Add

// watchError is err, from watching dir, as the editor is told it: which
// folder, and for the system's limits, which limit and how to raise it.
// A folder not watched is a preview that does not follow its changes.
// later: the server is running, and tries the folder again by itself.
func watchError(root, dir string, err error, later bool) error {
	name := dir
	if rel, rerr := filepath.Rel(root, dir); rerr == nil && rel != "." {
		name = filepath.ToSlash(rel)
	}
	then := "then start sitegen serve again"
	if later {
		then = "the preview watches it as soon as it can, with no restart"
	}
	var limit, why, more string
	switch {
	case errors.Is(err, syscall.ENOSPC):
		limit, why, more = "fs.inotify.max_user_watches", "the system watches no more folders for you", "524288"
	case errors.Is(err, syscall.EMFILE):
		limit, why, more = "fs.inotify.max_user_instances", "too many programs of yours watch files", "1024"
	case errors.Is(err, fs.ErrPermission):
		return &watchErr{fmt.Sprintf("cannot watch %s: the system refuses permission; let everyone read it, with chmod -R a+rX %s, or run sitegen serve as its owner; %s",
			name, diag.ShellWord(name), then), err}
	default:
		return &watchErr{fmt.Sprintf("cannot watch %s: %v", name, err), err}
	}
	now := ""
	if b, rerr := os.ReadFile("/proc/sys/" + strings.ReplaceAll(limit, ".", "/")); rerr == nil {
		now = " (now " + strings.TrimSpace(string(b)) + ")"
	}
	return &watchErr{fmt.Sprintf("cannot watch %[1]s: %[2]s: the limit %[3]s%[4]s is reached, so changes there are not previewed; "+
		"raise it with `sudo sysctl %[3]s=%[5]s` (and the line %[3]s=%[5]s in /etc/sysctl.conf to keep it), "+
		"or close other editors and servers that watch many folders; %[6]s",
		name, why, limit, now, more, then), err}
}

// watchErr is a watchError: its message, and the system's error.
type watchErr struct {
	msg string
	err error
}

func (e *watchErr) Error() string { return e.msg }

func (e *watchErr) Unwrap() error { return e.err }

// addTops watches content/, layouts/ and static/ and the folders below
// them. A link is read as each folder is, before the folders after it:
// once all three are, the links are read again, so that a link in
// content/ to a file in static/ leads there.
func (w *watcher) addTops() {
	for _, d := range watched {
		w.addTop(filepath.Join(w.root, d))
	}
	w.relink()
}

// addTop watches dir, one of content/, layouts/ and static/, and the
// folders below it, and returns the files already in them. The folder
// may be a link to a folder in the site, which the build follows; not to
// one outside it, which the build reports.
func (w *watcher) addTop(dir string) []string {
	fi, err := os.Stat(dir)
	if err != nil || !fi.IsDir() {
		return nil
	}
	real, err := filepath.EvalSymlinks(dir)
	if err != nil || !within(w.root, real) {
		return nil
	}
	w.tops[dir] = real
	var files []string
	w.walk(dir, &files)
	return files
}

// addTree watches dir, a folder made in a watched folder (or moved in, or
// restored), and every folder below it, and returns the files already in
// them (they may have been written before the watch began).
func (w *watcher) addTree(dir string) []string {
	if fi, err := os.Lstat(dir); err != nil || !fi.IsDir() {
		return nil // a link to a folder, not followed, or gone again
	}
	var files []string
	w.walk(dir, &files)
	return files
}

// walk watches dir and the folders below it as the build reads them, and
// adds their files to files.
func (w *watcher) walk(dir string, files *[]string) {
	if err := watchFolder(w.fsw, dir); err != nil {
		if !errors.Is(err, fs.ErrNotExist) {
			w.miss(dir, err, false)
		}
		return
	}
	w.dirs[dir] = true
	w.found(dir)
	ents, err := os.ReadDir(dir)
	if err != nil {
		return // gone already: its removal is on its way
	}
	for _, e := range ents {
		if workfile.Skip(e.Name()) {
			continue // a hidden folder (.git), which the build does not read
		}
		p := filepath.Join(dir, e.Name())
		switch {
		case e.IsDir():
			w.walk(p, files)
		case e.Type()&fs.ModeSymlink != 0:
			w.link(p)
			*files = append(*files, p)
		default:
			*files = append(*files, p)
		}
	}
}

// miss notes that the system would not watch dir.
func (w *watcher) miss(dir string, err error, extra bool) {
	w.missed[dir] = watchError(w.root, dir, err, true)
	w.extraMissed[dir] = extra
	w.missedNews = true
}

// found notes that dir is watched, or no longer wanted.
func (w *watcher) found(dir string) {
	if _, ok := w.missed[dir]; ok {
		delete(w.missed, dir)
		delete(w.extraMissed, dir)
		w.missedNews = true
	}
}

// forget stops watching dir and the folders below it, when dir has been
// moved or deleted, or something else put in its place. The kernel
// watches a folder, not its name: a folder renamed (content/articles to
// content/guides) or moved out of the site is still watched, but fsnotify
// goes on naming the events of the folders below it by their old names,
// and the watch of the folder itself is dropped once the rename reaches
// it, whether or not the folder was watched again under its new name
// meanwhile. So the old watches go first, and a folder moved in is
// watched afresh when its creation arrives (see paths). The links in
// those folders go with them.
func (w *watcher) forget(dir string) {
	for d := range w.missed {
		if within(dir, d) && !w.extraMissed[d] {
			w.found(d)
		}
	}
	delete(w.tops, dir)
	if !w.dirs[dir] {
		return
	}
	for d := range w.dirs {
		if within(dir, d) {
			w.fsw.Remove(d) // an error: the kernel has dropped it already
			delete(w.dirs, d)
		}
	}
	for l := range w.links {
		if within(dir, l) {
			w.setLink(l, "")
			delete(w.links, l)
		}
	}
}

// target is the file the link leads to as the build reads it, by its
// path in the site, or "" when the build reads nothing through it: a
// link to a folder, to a file out of the site's three folders (an error
// at the link), broken or looping.
func (w *watcher) target(link string) string {
	real, err := filepath.EvalSymlinks(link)
	if err != nil {
		return ""
	}
	if fi, err := os.Stat(real); err != nil || fi.IsDir() {
		return ""
	}
	for top, treal := range w.tops {
		if within(treal, real) {
			rel, err := filepath.Rel(treal, real)
			if err == nil {
				return filepath.Join(top, rel)
			}
		}
	}
	return ""
}

// link notes the symbolic link found at p.
func (w *watcher) link(p string) {
	if _, ok := w.links[p]; !ok {
		w.links[p] = ""
	}
	w.setLink(p, w.target(p))
}

// setLink records that link leads to target ("": to nothing the build
// reads), in place of where it led before, and reports whether that
// changed. A folder watched only for the file it led to is watched no
// longer, and one not watched that holds its new target is watched.
func (w *watcher) setLink(link, target string) bool {
	old := w.links[link]
	if old == target {
		return false
	}
	if old != "" {
		w.linked[old] = slices.DeleteFunc(w.linked[old], func(l string) bool { return l == link })
		if len(w.linked[old]) == 0 {
			delete(w.linked, old)
		}
		if dir := filepath.Dir(old); w.extra[dir] > 0 {
			if w.extra[dir]--; w.extra[dir] == 0 {
				delete(w.extra, dir)
				if !w.dirs[dir] { // a folder of the site stays watched
					w.fsw.Remove(dir)
					w.found(dir)
				}
			}
		}
	}
	w.links[link] = target
	if target != "" {
		w.linked[target] = append(w.linked[target], link)
		if dir := filepath.Dir(target); !w.dirs[dir] {
			if w.extra[dir]++; w.extra[dir] == 1 {
				if err := watchFolder(w.fsw, dir); err != nil {
					w.miss(dir, err, true)
				}
			}
		}
	}
	return true
}

// relink reads every link again, after a file or folder was made, moved
// or deleted: a link's file may be gone or back, and a link on its way
// retargeted. It returns the links (site-root relative) whose file
// changed.
func (w *watcher) relink() []string {
	var out []string
	for l := range w.links {
		if fi, err := os.Lstat(l); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			w.setLink(l, "")
			delete(w.links, l)
			continue
		}
		if w.setLink(l, w.target(l)) {
			if rel, ok := w.rel(l); ok && !Ignored(rel) {
				out = append(out, rel)
			}
		}
	}
	return out
}

// rel is p's path in the site, with forward slashes, when it is in one
// of the watched folders.
func (w *watcher) rel(p string) (string, bool) {
	rel, err := filepath.Rel(w.root, p)
	if err != nil || rel == "." || strings.HasPrefix(rel, "..") {
		return "", false
	}
	rel = filepath.ToSlash(rel)
	top, _, _ := strings.Cut(rel, "/")
	return rel, isWatched(top)
}

// within reports whether the path p is dir or below it.
func within(dir, p string) bool {
	return p == dir || strings.HasPrefix(p, dir+string(filepath.Separator)) || dir == string(filepath.Separator)
}

// retryMissing tries again to watch the folders the system would not,
// and returns the files of those it now watches (which may have changed
// meanwhile). A folder gone meanwhile is no longer missed.
func (w *watcher) retryMissing() []string {
	var files []string
	for _, dir := range slices.Sorted(maps.Keys(w.missed)) {
		extra := w.extraMissed[dir]
		w.found(dir)
		if extra {
			if w.extra[dir] == 0 {
				continue // no link leads there now
			}
			if err := watchFolder(w.fsw, dir); err != nil {
				w.miss(dir, err, true)
				break // the others would fail the same way
			}
			for l, t := range w.links {
				if t != "" && filepath.Dir(t) == dir {
					files = append(files, l)
				}
			}
			continue
		}
		parent := filepath.Dir(dir)
		if _, isTop := w.tops[dir]; !isTop && !w.dirs[parent] && parent != w.root {
			continue // its folder is not watched: no longer part of the site
		}
		if parent == w.root {
			files = append(files, w.addTop(dir)...)
		} else {
			files = append(files, w.addTree(dir)...)
		}
		if _, again := w.missed[dir]; again {
			break
		}
	}
	return files
}

// news sends the server the folders not watched, when that changed: the
// last news replaces any the server has not taken.
func (w *watcher) news() {
	if !w.missedNews {
		return
	}
	w.missedNews = false
	var u *unwatched
	if len(w.missed) > 0 {
		dirs := slices.Sorted(maps.Keys(w.missed))
		u = &unwatched{err: w.missed[dirs[0]], more: len(dirs) - 1}
		u.dir, _ = w.rel(dirs[0])
		if u.dir == "" {
			u.dir = filepath.ToSlash(dirs[0])
		}
	}
	said := ""
	if u != nil {
		said = fmt.Sprint(u.dir, u.more, u.err)
	}
	if said == w.said {
		return // tried again, and missed again
	}
	w.said = said
	select {
	case <-w.unwatched:
	default:
	}
	w.unwatched <- u
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
	// retry fires while folders are not watched (see retryMissing).
	var retry <-chan time.Time
	add := func(paths []string) {
		if len(paths) == 0 {
			return
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
	}
	for {
		w.news()
		if len(w.missed) > 0 && retry == nil {
			retry = time.After(w.retry)
		}
		select {
		case <-retry:
			retry = nil
			var paths []string
			for _, f := range w.retryMissing() {
				if rel, ok := w.rel(f); ok && !Ignored(rel) {
					paths = append(paths, rel)
				}
			}
			add(paths)
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
			add(w.paths(ev))
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
// a folder made, renamed or deleted may be among them, and a link
// retargeted.
func (w *watcher) rewatch() {
	for d := range w.dirs {
		w.fsw.Remove(d)
	}
	for d := range w.extra {
		w.fsw.Remove(d)
	}
	clear(w.dirs)
	clear(w.tops)
	clear(w.links)
	clear(w.linked)
	clear(w.extra)
	if len(w.missed) > 0 {
		clear(w.missed)
		clear(w.extraMissed)
		w.missedNews = true
	}
	w.addTops()
}

// paths returns the site paths an event changes, or none for events that
// change nothing: permission changes, editors' swap, backup and temporary
// files, and files outside the watched folders. A save to a file that
// links lead to changes the links.
func (w *watcher) paths(ev fsnotify.Event) []string {
	if ev.Op == fsnotify.Chmod || ev.Op == 0 {
		return nil
	}
	var out []string
	for _, l := range w.linked[ev.Name] {
		if r, ok := w.rel(l); ok && !Ignored(r) {
			out = append(out, r)
		}
	}
	moved := ev.Has(fsnotify.Create) || ev.Has(fsnotify.Rename) || ev.Has(fsnotify.Remove)
	if ev.Has(fsnotify.Rename) || ev.Has(fsnotify.Remove) {
		w.forget(ev.Name)
	}
	if rel, ok := w.rel(ev.Name); ok && !Ignored(rel) {
		out = append(out, rel)
		if ev.Has(fsnotify.Create) {
			out = append(out, w.created(ev.Name)...)
		}
	}
	if moved {
		out = append(out, w.relink()...)
	}
	return out
}

// created watches what was made (or moved in, or restored) at p, in a
// watched folder, and returns the files it holds, site-root relative.
func (w *watcher) created(p string) []string {
	// Something put in the place of a folder watched (a folder renamed
	// over an empty one, content/ retargeted with ln -sfn): its watches
	// go first.
	w.forget(p)
	var files []string
	if filepath.Dir(p) == w.root {
		files = w.addTop(p)
	} else if fi, err := os.Lstat(p); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		w.link(p)
	} else if err == nil && fi.IsDir() {
		// A new folder: watch it, and count the files it already holds
		// as changed.
		files = w.addTree(p)
	}
	var out []string
	for _, f := range files {
		if r, ok := w.rel(f); ok && !Ignored(r) {
			out = append(out, r)
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
