package build

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"sitegen/internal/pool"
)

// output is the folder a build writes into: a temporary folder beside the
// output folder, swapped in by publish.
type output struct {
	final string // the output folder
	tmp   string // "" for a dry run
	mu    sync.Mutex
	paths map[string]bool
	// folders are the folders of the output that files are written in,
	// so that a file and a folder of one name are caught; refused are
	// the files refused because a folder of their name has files.
	folders, refused map[string]bool
	mem              map[string][]byte // files kept in memory instead of written, or nil
	// copied are, beside mem, the site's files published as they are:
	// output path -> the site path they are read from when served.
	copied map[string]copiedFile
	bytes  atomic.Int64
	dirs   sync.Map

	// Files are written by a small pool of writers so that rendering (on
	// GOMAXPROCS workers) is not held up by the file system.
	queue chan job
	wg    sync.WaitGroup
	errMu sync.Mutex
	errs  []*writeError
}

type job struct {
	rel     string // the path in the output folder, for messages
	full    string
	data    []byte
	recycle *[]byte // data's buffer, back to copyBuffers once written
	// from is the site's file the output file is copied from, instead
	// of data, by src.
	from string
	src  copier
}

// copier copies a file of the site to a new file (siteFS.copyFile).
type copier interface {
	copyFile(name, dst string) (int64, error)
}

// writers is the size of the writing pool: one per core. Creating files
// and folders in the same folder from more threads than cores makes them
// wait on the folder's lock and costs more system time than it saves.
func writers() int { return runtime.GOMAXPROCS(0) }

func (o *output) start() {
	o.queue = make(chan job, 64)
	for i := 0; i < writers(); i++ {
		o.wg.Add(1)
		go func() {
			defer o.wg.Done()
			for j := range o.queue {
				if stopped.Load() {
					continue // RemoveScratch is deleting the folder
				}
				if err := o.writeJob(j); err != nil {
					o.errMu.Lock()
					o.errs = append(o.errs, &writeError{rel: j.rel, err: systemReason(err)})
					o.errMu.Unlock()
				}
				if j.recycle != nil {
					copyBuffers.Put(j.recycle)
				}
			}
		}()
	}
}

// flush waits for every queued file and returns the files that could not
// be written, sorted by path. Nothing may be written after it.
func (o *output) flush() []*writeError {
	if o.queue != nil {
		close(o.queue)
		o.wg.Wait()
		o.queue = nil
		slices.SortFunc(o.errs, func(a, b *writeError) int { return strings.Compare(a.rel, b.rel) })
	}
	return o.errs
}

// writeError is a file of the output that could not be written: rel is
// its path in the output folder and err the system's reason, without the
// temporary folder's name, which means nothing to an editor and is gone
// once the build ends.
type writeError struct {
	rel string
	err error
}

func (e *writeError) Error() string { return fmt.Sprintf("cannot write %s: %v", e.rel, e.err) }

// systemReason is the system's reason for a failed file operation, such
// as "file name too long", without the path it was given.
func systemReason(err error) error {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		return errno
	}
	return err
}

func (o *output) writeJob(j job) error {
	if j.src == nil {
		return o.writeFile(j.full, j.data)
	}
	if err := o.mkdir(filepath.Dir(j.full)); err != nil {
		return err
	}
	_, err := j.src.copyFile(j.from, j.full)
	return err
}

func (o *output) writeFile(full string, data []byte) error {
	if err := o.mkdir(filepath.Dir(full)); err != nil {
		return err
	}
	return writeNew(full, data)
}

// mkdir makes a folder and any missing parents, remembering the ones it
// has seen: a new folder costs one system call, not a check of every
// parent first. It never makes the temporary folder itself (newOutput
// does): once RemoveScratch has deleted it, a file still being written
// fails instead of bringing it back beside the output folder.
func (o *output) mkdir(dir string) error {
	if _, ok := o.dirs.Load(dir); ok {
		return nil
	}
	err := os.Mkdir(dir, 0o755)
	if errors.Is(err, fs.ErrNotExist) && dir != o.tmp {
		if err := o.mkdir(filepath.Dir(dir)); err != nil {
			return err
		}
		err = os.Mkdir(dir, 0o755)
	}
	if err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	o.dirs.Store(dir, true)
	return nil
}

// newMemOutput keeps every file in memory, for the development server;
// size is the number of files expected (the last build's).
func newMemOutput(size int) *output {
	return &output{paths: make(map[string]bool, size), mem: make(map[string][]byte, size)}
}

func newOutput(opt Options) (*output, error) {
	o := &output{paths: map[string]bool{}}
	if opt.DryRun {
		return o, nil
	}
	if opt.Out == "" {
		return nil, optionErrorf("no output folder given")
	}
	final, err := filepath.Abs(opt.Out)
	if err != nil {
		return nil, err
	}
	if opt.FS == nil {
		src, err := filepath.Abs(opt.Src)
		if err != nil {
			return nil, err
		}
		if within(final, src) {
			return nil, optionErrorf("output folder %s would replace the site root %s; choose another -out", opt.Out, opt.Src)
		}
		for _, d := range []string{"content", "layouts", "static"} {
			if within(filepath.Join(src, d), final) {
				return nil, optionErrorf("output folder %s is inside the site's %s/ folder; choose another -out", opt.Out, d)
			}
		}
	}
	// The swap replaces whatever is at -out: only ever a folder, never a
	// file an editor pointed -out at by mistake.
	if fi, err := os.Lstat(final); err == nil && !fi.IsDir() {
		return nil, optionErrorf("output folder %s is a file, not a folder; choose another -out", opt.Out)
	}
	// The swap replaces the whole folder: only ever one an earlier build
	// made, never a folder of other files -out named by mistake (docs/,
	// .git), whose files would be lost.
	if ents, err := os.ReadDir(final); err == nil && len(ents) > 0 {
		if _, err := os.Lstat(filepath.Join(final, OutputMarker)); err != nil {
			return nil, optionErrorf("output folder %s holds files that no sitegen build wrote (it has no %s file), and a build replaces the whole folder; empty or delete it, or choose another -out", opt.Out, OutputMarker)
		}
	}
	o.final = final
	parent := filepath.Dir(final)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	o.tmp, err = os.MkdirTemp(parent, ".sitegen-"+filepath.Base(final)+"-")
	if err != nil {
		return nil, err
	}
	scratch.Store(o.tmp, true)
	o.dirs.Store(o.tmp, true)
	if err := os.Chmod(o.tmp, 0o755); err != nil {
		return nil, err
	}
	if err := os.WriteFile(filepath.Join(o.tmp, OutputMarker), []byte(markerText), 0o644); err != nil {
		return nil, err
	}
	o.start()
	return o, nil
}

// OutputMarker is the file every build writes at the top of its output,
// by which the next build knows the folder it replaces is an earlier
// build's. Netlify publishes no file whose name starts with a dot.
const (
	OutputMarker = ".sitegen-output"
	markerText   = "This folder is the output of a sitegen build. Each build replaces it whole:\nput nothing else here.\n"
)

// within reports whether dir is inner or one of its ancestors.
func within(dir, inner string) bool {
	rel, err := filepath.Rel(dir, inner)
	return err == nil && (rel == "." || !strings.HasPrefix(rel, ".."))
}

// CleanPath checks an output path: relative, clean, inside the output
// folder. It returns the reason it is unsafe, or "".
func CleanPath(rel string) string {
	switch {
	case rel == "" || strings.HasPrefix(rel, "/") || strings.Contains(rel, `\`) || strings.ContainsRune(rel, 0):
		return "is not a relative path"
	case path.Clean(rel) != rel:
		return "is not a clean path"
	case rel == ".." || strings.HasPrefix(rel, "../"):
		return "is outside the output folder"
	}
	return ""
}

func (o *output) write(rel string, data []byte) error { return o.add(rel, data, false) }

// writeCopy writes a copy of data, which the caller may change as soon
// as it returns. On disk the copy is made in a buffer that goes back to a
// pool once the file is written: a build copies every page out of its
// render buffers, and a fresh slice for each would be as much garbage as
// the site's whole output.
func (o *output) writeCopy(rel string, data []byte) error { return o.add(rel, data, true) }

// copiedFile is a file of the site an output kept in memory publishes
// from the site itself.
type copiedFile struct {
	from string // site path, such as static/media/clip.mp4
	size int64
}

// copyFrom publishes the site's file from at rel, of size bytes: a
// writer copies it from the file itself, so that it is never held in
// memory. An output kept in memory records where it comes from instead.
func (o *output) copyFrom(rel, from string, size int64, src copier) error {
	if err := o.reserve(rel); err != nil {
		return err
	}
	o.bytes.Add(size)
	if o.mem != nil {
		o.mu.Lock()
		if o.copied == nil {
			o.copied = map[string]copiedFile{}
		}
		o.copied[rel] = copiedFile{from, size}
		o.mu.Unlock()
		return nil
	}
	if o.tmp == "" {
		return nil
	}
	o.queue <- job{rel: rel, full: filepath.Join(o.tmp, filepath.FromSlash(rel)), from: from, src: src}
	return nil
}

// reserve checks the output path rel and claims it, or says why no file
// may be written there.
func (o *output) reserve(rel string) error {
	if why := CleanPath(rel); why != "" {
		return fmt.Errorf("refusing to write %q: it %s", rel, why)
	}
	o.mu.Lock()
	others := o.claim(rel)
	o.mu.Unlock()
	if others != nil {
		return &collision{rel: rel, others: others}
	}
	return nil
}

var copyBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 32<<10); return &b }}

func (o *output) add(rel string, data []byte, copied bool) error {
	if err := o.reserve(rel); err != nil {
		return err
	}
	o.bytes.Add(int64(len(data)))
	if o.mem != nil {
		if copied {
			data = bytes.Clone(data)
		}
		o.mu.Lock()
		o.mem[rel] = data
		o.mu.Unlock()
		return nil
	}
	if o.tmp == "" {
		return nil
	}
	j := job{rel: rel, full: filepath.Join(o.tmp, filepath.FromSlash(rel)), data: data}
	if copied {
		j.recycle = copyBuffers.Get().(*[]byte)
		*j.recycle = append((*j.recycle)[:0], data...)
		j.data = *j.recycle
	}
	o.queue <- j
	return nil
}

// publish swaps the new folder in for the old one, atomically where the
// system can exchange two names in one step, then deletes the old one.
func (o *output) publish() error {
	if errs := o.flush(); len(errs) > 0 {
		return errs[0]
	}
	if o.tmp == "" {
		return nil
	}
	old, err := o.swap()
	if err != nil {
		return fmt.Errorf("cannot put the new site in place of %s: %v", o.final, systemReason(err))
	}
	if old == "" {
		return nil
	}
	defer scratch.Delete(old)
	if err := removeTree(old); err != nil {
		return fmt.Errorf("the new site is in %s, but the previous one could not be deleted: %v; delete %s", o.final, systemReason(err), old)
	}
	return nil
}

// swap puts the new folder in the output folder's place and returns the
// folder that now holds the previous output, "" when there was none. The
// swap and RemoveScratch exclude each other: an interrupted build never
// swaps in a folder that is being deleted.
func (o *output) swap() (string, error) {
	swapping.Lock()
	defer swapping.Unlock()
	if stopped.Load() {
		return "", errors.New("interrupted")
	}
	if _, err := os.Lstat(o.final); err != nil {
		if err := os.Rename(o.tmp, o.final); err != nil {
			return "", err
		}
		scratch.Delete(o.tmp)
		o.tmp = ""
		return "", nil
	}
	if err := exchange(o.tmp, o.final); err == nil {
		old := o.tmp // the temporary name now holds the previous output
		o.tmp = ""
		return old, nil
	}
	// No atomic exchange here: move the old folder aside first.
	aside := o.tmp + ".old"
	scratch.Store(aside, true)
	if err := os.Rename(o.final, aside); err != nil {
		scratch.Delete(aside)
		return "", err
	}
	if err := os.Rename(o.tmp, o.final); err != nil {
		_ = os.Rename(aside, o.final)
		scratch.Delete(aside)
		return "", err
	}
	scratch.Delete(o.tmp)
	o.tmp = ""
	return aside, nil
}

// scratch holds the folders this process's builds write that are not the
// published output: a build's temporary folder until it is swapped in, and
// the previous output while it is deleted.
var scratch sync.Map

// stopped is set by RemoveScratch: the writers write nothing more and no
// folder is swapped in. swapping is held by a swap and by RemoveScratch.
var (
	stopped  atomic.Bool
	swapping sync.Mutex
)

// RemoveScratch deletes every folder of scratch, for a process that is
// interrupted mid-build: the published output is left as it is. Files
// written no more, a write that was under way when it was called may
// still add to a folder being deleted, so each folder is deleted until
// it is gone, a few times at most.
func RemoveScratch() {
	swapping.Lock()
	defer swapping.Unlock()
	stopped.Store(true)
	scratch.Range(func(dir, _ any) bool {
		for range 20 {
			if os.RemoveAll(dir.(string)) == nil {
				break
			}
			time.Sleep(10 * time.Millisecond)
		}
		return true
	})
}

// has reports whether rel was written.
func (o *output) has(rel string) bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.paths[rel]
}

// claim records rel as written, unless another output already has that
// name, as a file or as a folder, or needs a folder where rel is a file:
// then it returns those outputs' names. The outputs a file collides with
// do not depend on the order they are written in: a file written after
// the files of a folder of its name collides with each of them, and is
// kept as refused, so that the files written in that folder after it
// collide with it as well. o.mu is held.
func (o *output) claim(rel string) []string {
	if o.paths[rel] {
		return []string{rel}
	}
	if o.folders == nil {
		o.folders, o.refused = map[string]bool{}, map[string]bool{}
	}
	if o.folders[rel] {
		o.refused[rel] = true
		var inside []string
		for f := range o.paths {
			if strings.HasPrefix(f, rel+"/") {
				inside = append(inside, f)
			}
		}
		slices.Sort(inside)
		return inside
	}
	for d := path.Dir(rel); d != "."; d = path.Dir(d) {
		if o.paths[d] || o.refused[d] {
			return []string{d}
		}
	}
	o.paths[rel] = true
	for d := path.Dir(rel); d != "." && !o.folders[d]; d = path.Dir(d) {
		o.folders[d] = true // and the folders above it are already
	}
	return nil
}

// collision is outputs that want one name: the same file, or a file
// where the others need a folder.
type collision struct {
	rel    string
	others []string
}

func (c *collision) Error() string {
	return fmt.Sprintf("two outputs want %s and %s; give one of them another URL", c.others[0], c.rel)
}

// discard removes the temporary folder of a build that did not publish.
func (o *output) discard() {
	_ = o.flush()
	if o.tmp != "" {
		_ = os.RemoveAll(o.tmp)
		scratch.Delete(o.tmp)
		o.tmp = ""
	}
}

// removeTree deletes dir and everything in it: the files on the worker
// pool, then the folders, deepest first, a depth at a time. Deleting the
// last build's ten thousand page folders one by one would take as long as
// writing them.
func removeTree(dir string) error {
	var files []string
	var dirs [][]string // by depth
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			files = append(files, p)
			return nil
		}
		depth := strings.Count(p[len(dir):], string(filepath.Separator))
		for len(dirs) <= depth {
			dirs = append(dirs, nil)
		}
		dirs[depth] = append(dirs[depth], p)
		return nil
	})
	if err != nil {
		return os.RemoveAll(dir)
	}
	pool.Run(len(files), func(i int) { _ = os.Remove(files[i]) })
	for depth := len(dirs) - 1; depth >= 0; depth-- {
		level := dirs[depth]
		pool.Run(len(level), func(i int) { _ = os.Remove(level[i]) })
	}
	// Whatever is left (a file that appeared meanwhile) goes the slow way.
	return os.RemoveAll(dir)
}
