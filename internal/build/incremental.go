package build

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash/maphash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"sitegen/internal/assets"
	"sitegen/internal/config"
	"sitegen/internal/content"
	"sitegen/internal/diag"
	"sitegen/internal/linkcheck"
	"sitegen/internal/markdown"
	"sitegen/internal/minify"
	"sitegen/internal/render"
	"sitegen/internal/site"
)

// Builder builds a site again and again, for the development server: each
// Build runs the whole pipeline, but reuses what earlier builds made from
// inputs that have not changed, and keeps the output in memory. Its output
// is byte for byte the output of Run with the same Options.
//
// What it keeps, and what decides that a kept result is still good:
//
//   - the site folder, open, until content/, layouts/ or static/ is no
//     longer the folder opened (deleted and made again, or made later):
//     then it is opened again and every file read again;
//   - each Markdown file's parse (front matter, body, problems), by path and
//     a hash of the file's bytes; only files named as changed (or every file,
//     when Build is not told what changed) are read again;
//   - static/ processed and layouts/ parsed, until a file under static/ or
//     layouts/, or site.yaml, changes;
//   - each page's rendered HTML, link-check record and Markdown result, by a
//     key that hashes everything the page's render reads: the layouts,
//     assets, site.yaml and menu (one generation number), the page's own
//     fields and body, the fields of its parent and of every page it lists,
//     and what each link in its Markdown resolved to;
//   - minified data files (feeds, sitemap, vCards...) by a hash of their
//     unminified bytes;
//   - each search document's analysis (terms and fragment), by URL, while
//     the document is equal to the one analysed; on the fast path a page
//     that was not swapped keeps the last build's document as it is.
//
// On the fast path the search index is finished in the background after
// Build returns (Rebuild.Index): the pages are out at once, and a newer
// Build stops the old index and, when it succeeds, supersedes it.
//
// The model (assemble), the link check and the extensions' output run on
// every build from these parts: they are cheap next to Markdown, templates
// and minifying. A Builder is safe for use by one goroutine at a time;
// Build serialises calls.
type Builder struct {
	opt  Options
	seed maphash.Seed
	// ownFS: opt.FS is the site folder, opened by NewBuilder, and opened
	// again when one of its folders is replaced (see siteFS.replaced).
	ownFS bool
	// fsmu guards opt.FS, which Build replaces and Rebuild.Open reads.
	fsmu sync.RWMutex

	mu sync.Mutex // one Build at a time

	// Inputs that changed since the last Build.
	all     bool // unknown: read everything again
	changed map[string]bool
	dirty   struct{ config, layouts, static bool }

	pmu    sync.Mutex
	parsed map[string]*parsedFile
	seen   map[string]bool // files parsed or reused in this build

	// Assets and templates, reused while static/, layouts/ and site.yaml
	// stay as they were.
	kept *keptAssets
	gen  uint64 // generation of kept; part of every page key
	cfg  uint64 // hash of site.yaml and the menu when kept was made
	out  *output

	rmu      sync.Mutex
	rendered map[string]*renderedPage // by output path
	pending  sync.Map                 // *site.Page -> *pageKey, during a build
	fresh    []string                 // URLs rendered in this build

	dmu      sync.Mutex
	minified map[string]dataEntry // by output path

	// The fast path, for edits that change only Markdown bodies: the last
	// build's model and extensions are reused as they are.
	cur, last     *builder
	fast          bool
	swaps         map[string]*content.Page // content path -> new parse
	swapped       map[*site.Page]bool
	loadProbs     []diag.Problem // problems of the last load and assemble steps
	assembleProbs []diag.Problem
	linkProbs     []diag.Problem    // the last link check's
	feedFiles     map[string][]byte // the last feeds step's files
	feedProbs     []diag.Problem    // and its problems (aliases over published files)
	rerendered    int               // pages rendered on the fast path
	sameLinks     int               // of which links and ids are as they were

	// The search index: analyses kept by document, the index of the
	// last good build when it is finishing in the background, and the
	// one this build hands over when it succeeds.
	search    *searchCache
	job, next *Index

	files int // how many files the last good build wrote
}

// outputSize is how many files a build is expected to write: the last
// good build's number, so the output's maps do not grow file by file.
func (x *Builder) outputSize() int { return x.files }

type parsedFile struct {
	hash  uint64
	extra string
	page  *content.Page
	probs []diag.Problem
}

type keptAssets struct {
	res     *assets.Result
	tmpl    *render.Templates
	files   map[string][]byte     // output path -> bytes
	copied  map[string]copiedFile // output path -> the site's file
	problem bool
}

type renderedPage struct {
	key      uint64
	html     []byte
	link     linkcheck.Page
	md       *markdown.Result
	resolved []resolution
	layout   []layoutProblem // found on the page, reported once for all pages
}

type resolution struct {
	rel, url string
	ok       bool
	// For a file with no page, why and quiet are what site.Site.Unlinked
	// says of it: the warning changes with them.
	why   string
	quiet bool
	// near is the page site.Site.Near names for a file that does not
	// exist: the warning's hint changes with it.
	near string
}

// resolve is what a page's link to a content file resolves to, as
// recorded in a resolution.
func resolve(s *site.Site, rel string) resolution {
	u, ok := s.Resolve(rel)
	r := resolution{rel: rel, url: u, ok: ok}
	if !ok {
		var found bool
		r.why, r.quiet, found = s.Unlinked(rel)
		if !found {
			r.near = s.Near(rel)
		}
	}
	return r
}

type pageKey struct {
	key      uint64
	mu       sync.Mutex
	resolved []resolution
	// old is the page's kept render, dropped when the page renders again:
	// a page that fails to render (no layout, a template error) must not
	// be replayed by a later build as it was before.
	old *renderedPage
}

type dataEntry struct {
	hash uint64
	out  []byte
}

// Rebuild is the outcome of one Build.
type Rebuild struct {
	*Result
	// Files is the whole site by output path (index.html,
	// articles/safety/index.html); never changed after Build returns. On a
	// failed build it is nil. When Index is not nil, the search index's
	// files are not in it yet (nor counted in the Result), but in Index.
	Files map[string][]byte
	// Index is the search index of a rebuild that changed only Markdown
	// bodies, finishing in the background; nil when the index, if any, is
	// in Files. It is finished unless a later Build succeeds first (a
	// failed one leaves it to finish).
	Index *Index
	// Rendered lists the URLs of the pages rendered by this build, sorted;
	// every other page came from the cache.
	Rendered []string
	// Copied lists the files Files leaves out because the site publishes
	// them as they are (pictures, PDFs, videos), which are never read
	// into memory: by output path, the site path each comes from
	// (media/clip.mp4: static/media/clip.mp4). Open opens one.
	Copied map[string]string

	x *Builder
}

// Open opens the file published at the output path name, one of Copied,
// from the site, with the checks a build makes of a file it reads (a
// regular file, in the site).
func (rb *Rebuild) Open(name string) (*os.File, error) {
	from, ok := rb.Copied[name]
	if !ok || rb.x == nil {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
	}
	rb.x.fsmu.RLock()
	defer rb.x.fsmu.RUnlock()
	s, ok := rb.x.opt.FS.(siteFS)
	if !ok {
		return nil, &fs.PathError{Op: "open", Path: from, Err: fs.ErrInvalid}
	}
	f, _, err := s.openFile(from)
	return f, err
}

// NewBuilder returns a Builder for opt. Out is not used: the output stays
// in memory.
func NewBuilder(opt Options) (*Builder, error) {
	opt.KeepSources = true
	opt.DryRun = false
	own := opt.FS == nil
	if own {
		if _, err := os.Stat(filepath.Join(opt.Src, "content")); err != nil {
			return nil, fmt.Errorf("%s has no content/ folder; run sitegen in a site root or pass -src", opt.Src)
		}
		s, err := newSiteFS(opt.Src)
		if err != nil {
			return nil, fmt.Errorf("cannot open the site folder %s: %w", opt.Src, err)
		}
		opt.FS = s
	}
	if opt.Now.IsZero() {
		opt.Now = time.Now()
	}
	return &Builder{
		opt: opt, seed: maphash.MakeSeed(), ownFS: own, all: true, changed: map[string]bool{},
		parsed: map[string]*parsedFile{}, rendered: map[string]*renderedPage{}, minified: map[string]dataEntry{},
	}, nil
}

// ReadFile reads a file of the site (a site-root relative path with
// forward slashes) as the build reads it: through a symbolic link only
// when the link leads to a place in the site (see siteFS).
func (x *Builder) ReadFile(name string) ([]byte, error) { return fs.ReadFile(x.opt.FS, name) }

// Stat describes a file of the site as ReadFile would find it.
func (x *Builder) Stat(name string) (fs.FileInfo, error) { return fs.Stat(x.opt.FS, name) }

// Build builds the site. Changed names the files (site-root relative, with
// forward slashes, such as content/articles/safety.md or layouts/base.html)
// that changed since the previous Build; nil means "not known", and every
// file is read again (kept results are still reused where the bytes are
// the same). The returned error is ErrFailed when the site has errors (or,
// with Strict, warnings), the problems being in the Rebuild's Result.
func (x *Builder) Build(changed []string) (*Rebuild, error) {
	x.mu.Lock()
	defer x.mu.Unlock()
	if changed == nil {
		x.all = true
	}
	if old, ok := x.opt.FS.(siteFS); ok && x.ownFS && old.replaced() {
		// A folder deleted and made again, or put in place of another:
		// read from the folders as they now are, every file again.
		if s, err := newSiteFS(x.opt.Src); err == nil {
			x.fsmu.Lock()
			old.close()
			x.opt.FS, x.all = s, true
			x.fsmu.Unlock()
		}
	}
	for _, c := range changed {
		x.changed[c] = true
		switch {
		case c == config.Path:
			x.dirty.config = true
		case strings.HasPrefix(c, "layouts/"):
			x.dirty.layouts = true
		case strings.HasPrefix(c, "static/"):
			x.dirty.static = true
		}
	}
	if x.all {
		x.dirty.config, x.dirty.layouts, x.dirty.static = true, true, true
	}
	x.seen = map[string]bool{}
	x.fresh = nil
	x.fast = x.bodiesOnly()
	// The last index still being finished stops while this build runs:
	// it is superseded if the build succeeds, started again if not.
	unfinished := x.job.stop()
	x.next = nil
	res, err := run(x.opt, x)
	x.pending.Clear()
	fast := x.fast
	x.fast, x.swaps, x.swapped = false, nil, nil
	if res == nil || res.Site == nil || err != nil {
		if unfinished {
			x.job.start()
		}
		x.next = nil
	}
	if res == nil || res.Site == nil {
		x.last = nil
		return &Rebuild{Result: res}, err
	}
	x.last = x.cur
	// The inputs are now known as read: forget what changed.
	x.all = false
	x.changed = map[string]bool{}
	x.dirty.config, x.dirty.layouts, x.dirty.static = false, false, false
	x.prune(res.Site, !fast)
	rb := &Rebuild{Result: res, Rendered: x.fresh}
	sort.Strings(rb.Rendered)
	if err != nil {
		return rb, err
	}
	rb.Files, rb.x = x.out.mem, x
	if len(x.out.copied) > 0 {
		rb.Copied = make(map[string]string, len(x.out.copied))
		for rel, c := range x.out.copied {
			rb.Copied[rel] = c.from
		}
	}
	x.files = len(rb.Files) + len(rb.Copied)
	if unfinished {
		x.job.state = indexSuperseded
		close(x.job.done)
	}
	x.job, x.next = x.next, nil
	if x.job != nil {
		x.job.start()
		rb.Index = x.job
	}
	return rb, nil
}

// prune forgets files and pages that are gone.
func (x *Builder) prune(s *site.Site, files bool) {
	x.pmu.Lock()
	for f := range x.parsed {
		if files && !x.seen[f] {
			delete(x.parsed, f)
		}
	}
	x.pmu.Unlock()
	live := make(map[string]bool, len(s.Pages))
	for _, p := range s.Pages {
		live[p.OutPath] = true
	}
	x.rmu.Lock()
	for o := range x.rendered {
		if !live[o] {
			delete(x.rendered, o)
		}
	}
	x.rmu.Unlock()
}

// bodiesOnly reports whether every change since the last build is to the
// body of a Markdown page (front matter as it was, no file added or
// removed, no page with extra front matter keys): then the site model is
// the last one with those pages' sources swapped, and only those pages
// render again. It parses the changed files and keeps the parses.
func (x *Builder) bodiesOnly() bool {
	if x.last == nil || x.all || x.dirty.config || x.dirty.layouts || x.dirty.static {
		return false
	}
	load := x.loadProbs
	news := map[string]*parsedFile{}
	for f := range x.changed {
		e := x.parsed[f]
		if !strings.HasPrefix(f, "content/") || !strings.HasSuffix(f, ".md") || e == nil || e.page == nil || e.extra != "" {
			return false
		}
		src, err := fs.ReadFile(x.opt.FS, f)
		if err != nil {
			return false
		}
		h := maphash.Bytes(x.seed, src)
		if h == e.hash {
			continue
		}
		var list diag.List
		np := content.Parse(f, src, &list)
		if np == nil || !sameModel(e.page, np) {
			return false
		}
		probs := list.All()
		load = append(without(load, e.probs), probs...)
		news[f] = &parsedFile{hash: h, page: np, probs: probs}
	}
	x.swaps = map[string]*content.Page{}
	for f, e := range news {
		x.parsed[f] = e
		x.swaps[f] = e.page
	}
	x.loadProbs = load
	x.swapped = map[*site.Page]bool{}
	x.rerendered, x.sameLinks = 0, 0
	return true
}

// Complete returns the whole site, the search index and the files of
// Copied (read from the site) included, waiting for the index when it is
// finishing; nil on a failed build, when a later Build superseded the
// index, or when a file of Copied can no longer be read.
func (rb *Rebuild) Complete() map[string][]byte {
	if rb.Files == nil || rb.Index == nil && rb.Copied == nil {
		return rb.Files
	}
	var idx map[string][]byte
	if rb.Index != nil {
		var ok bool
		if idx, ok = rb.Index.Files(); !ok {
			return nil
		}
	}
	all := make(map[string][]byte, len(rb.Files)+len(rb.Copied)+len(idx))
	for f, d := range rb.Files {
		all[f] = d
	}
	for f := range rb.Copied {
		file, err := rb.Open(f)
		if err != nil {
			return nil
		}
		all[f], err = io.ReadAll(file)
		file.Close()
		if err != nil {
			return nil
		}
	}
	for f, d := range idx {
		all[f] = d
	}
	return all
}

// renew returns the extension to use again over the last model. One whose
// pages and assembled hooks leave nothing in the model or in itself that
// its later hooks read is made afresh by load alone (search: its index is
// filled by rendered and emptied by finish). The others are reused as they
// are, with the state their load and assembled gave them; their rendered
// and finish hooks must give the same output when run again (the reading
// lists and the directory write what load and assembled decided).
func renew(b *builder, e extension) extension {
	switch e.(type) {
	case *siteSearch:
		n := &siteSearch{}
		n.load(b)
		return n
	}
	return e
}

// sameModel reports whether two parses of a file give the same model: all
// that differs is the body.
func sameModel(a, b *content.Page) bool {
	return reflect.DeepEqual(a.Meta, b.Meta) && slices.Equal(a.AliasLines, b.AliasLines) && slices.Equal(a.AliasCols, b.AliasCols) && a.SlugLine == b.SlugLine && a.SlugCol == b.SlugCol &&
		a.LayoutLine == b.LayoutLine && a.LayoutCol == b.LayoutCol && slices.Equal(a.TagPos, b.TagPos) &&
		a.DateLine == b.DateLine && a.DateCol == b.DateCol
}

// without returns ps less one copy of each of drop.
func without(ps, drop []diag.Problem) []diag.Problem {
	if len(drop) == 0 {
		return ps
	}
	out := make([]diag.Problem, 0, len(ps))
	gone := map[diag.Problem]int{}
	for _, d := range drop {
		gone[d]++
	}
	for _, p := range ps {
		if gone[p] > 0 {
			gone[p]--
			continue
		}
		out = append(out, p)
	}
	return out
}

// step wraps a pipeline step: on the fast path load and assemble reuse the
// last build's; otherwise their problems are kept for the fast path.
func (x *Builder) step(b *builder, name string, fn func()) func() {
	x.cur = b
	switch {
	case x.fast && name == "load":
		return func() {
			l := x.last
			b.cfg, b.md, b.mini = l.cfg, l.md, l.mini
			b.ext = make([]extension, len(l.ext))
			for i, e := range l.ext {
				b.ext[i] = renew(b, e)
			}
			b.pages = slices.Clone(l.pages)
			for i, p := range b.pages {
				if np, ok := x.swaps[p.Path]; ok {
					b.pages[i] = np
				}
			}
			b.problems.Add(x.loadProbs...)
		}
	case x.fast && name == "assemble":
		return func() {
			b.site = x.last.site
			for f, np := range x.swaps {
				if sp := b.site.ByFile[strings.TrimPrefix(f, "content/")]; sp != nil {
					sp.Source = np
					x.swapped[sp] = true
				}
			}
			b.problems.Add(x.assembleProbs...)
		}
	case x.fast && name == "feeds":
		// The model is the last one, and so are the files published: so
		// are the feeds and what the step finds of the aliases.
		return func() {
			for _, f := range sortedKeys(x.feedFiles) {
				b.write(f, x.feedFiles[f])
				b.links.AddFile("/" + f)
				b.res.DataFiles++
			}
			b.problems.Add(x.feedProbs...)
		}
	case x.fast && name == "links":
		return func() {
			x.rmu.Lock()
			same := x.rerendered == x.sameLinks
			x.rmu.Unlock()
			if same {
				// No page's links or ids changed: nor did what the check finds.
				b.problems.Add(x.linkProbs...)
				return
			}
			for _, p := range b.site.Pages {
				if r := x.rendered[p.OutPath]; r != nil && !x.swapped[p] {
					lp := r.link
					b.links.Add(&lp)
				}
			}
			x.linkProbs = x.own(b, fn)
		}
	case name == "load":
		return func() { x.loadProbs = x.own(b, fn) }
	case name == "assemble":
		return func() { x.assembleProbs = x.own(b, fn) }
	case name == "links":
		return func() { x.linkProbs = x.own(b, fn) }
	case name == "feeds":
		// The step writes into the site's output, where it checks the
		// aliases against every file published; the files it adds are
		// its own.
		return func() {
			b.out.mu.Lock()
			had := make(map[string]bool, len(b.out.mem))
			for f := range b.out.mem {
				had[f] = true
			}
			b.out.mu.Unlock()
			x.feedProbs = x.own(b, fn)
			files := map[string][]byte{}
			b.out.mu.Lock()
			for f, data := range b.out.mem {
				if !had[f] {
					files[f] = data
				}
			}
			b.out.mu.Unlock()
			x.feedFiles = files
		}
	}
	return fn
}

// own runs a step and returns the problems it found, which also go to the
// build's list.
func (x *Builder) own(b *builder, fn func()) []diag.Problem {
	main, own := b.problems, &diag.List{}
	b.problems = own
	fn()
	b.problems = main
	probs := own.All()
	main.Add(probs...)
	return probs
}

// parse returns the parsed page for file, reading it only when it may
// have changed.
func (x *Builder) parse(b *builder, file string) *content.Page {
	extra := b.extraKeys(file)
	ek := strings.Join(extra, "\x00")
	x.pmu.Lock()
	x.seen[file] = true
	e := x.parsed[file]
	reread := x.all || x.changed[file]
	x.pmu.Unlock()
	if e != nil && !reread && e.extra == ek {
		b.problems.Add(e.probs...)
		return e.page
	}
	src, err := fs.ReadFile(b.fsys, file)
	if err != nil {
		b.readError(file, 0, err)
		return nil
	}
	h := maphash.Bytes(x.seed, src)
	if e != nil && e.hash == h && e.extra == ek {
		b.problems.Add(e.probs...)
		return e.page
	}
	var list diag.List
	page := content.Parse(file, src, &list, extra...)
	probs := list.All()
	b.problems.Add(probs...)
	x.pmu.Lock()
	x.parsed[file] = &parsedFile{hash: h, extra: ek, page: page, probs: probs}
	x.pmu.Unlock()
	return page
}

// reuseAssets puts the kept static files and templates into b when nothing
// they come from changed.
func (x *Builder) reuseAssets(b *builder) bool {
	x.out = b.out
	src, _ := fs.ReadFile(b.fsys, config.Path)
	var h maphash.Hash
	h.SetSeed(x.seed)
	h.Write(src)
	for _, m := range b.site.Menu {
		str(&h, m.Name)
		str(&h, m.URL)
	}
	cfg := h.Sum64()
	k := x.kept
	if k == nil || k.problem || x.dirty.layouts || x.dirty.static || cfg != x.cfg {
		x.cfg = cfg
		return false
	}
	b.assets, b.tmpl = k.res, k.tmpl
	b.tmpl.Forget()
	for _, f := range sortedKeys(k.files) {
		b.write(f, k.files[f])
		b.links.AddFile("/" + f)
	}
	for _, f := range sortedKeys(k.copied) {
		b.wrote(f, b.out.copyFrom(f, k.copied[f].from, k.copied[f].size, nil))
		b.links.AddFile("/" + f)
	}
	b.res.StaticFiles = len(k.res.Files)
	return true
}

// keepAssets keeps what copyAssets made, for the next build.
func (x *Builder) keepAssets(b *builder, clean bool) {
	k := &keptAssets{res: b.assets, tmpl: b.tmpl, files: map[string][]byte{}, copied: map[string]copiedFile{}, problem: !clean}
	b.out.mu.Lock()
	for _, f := range b.assets.Files {
		if c, ok := b.out.copied[f.Path]; ok {
			k.copied[f.Path] = c
		} else {
			k.files[f.Path] = b.out.mem[f.Path]
		}
	}
	b.out.mu.Unlock()
	x.kept = k
	x.gen++
}

// resolver returns the page's link resolver, which records what each
// link resolved to: the page must render again when one resolves
// differently.
func (x *Builder) resolver(b *builder, p *site.Page) func(string) (string, bool) {
	v, _ := x.pending.LoadOrStore(p, &pageKey{})
	pk := v.(*pageKey)
	return func(rel string) (string, bool) {
		r := resolve(b.site, rel)
		pk.mu.Lock()
		pk.resolved = append(pk.resolved, r)
		pk.mu.Unlock()
		return r.url, r.ok
	}
}

// replay writes a page from the cache when its key is unchanged. It
// reports whether it did; when not, the page is rendered and stored.
func (x *Builder) replay(b *builder, p *site.Page) bool {
	if x.fast && !x.swapped[p] {
		x.rmu.Lock()
		r := x.rendered[p.OutPath]
		x.rmu.Unlock()
		if r != nil {
			x.emit(b, p, r)
			return true
		}
	}
	key, ok := x.key(b, p)
	v, _ := x.pending.LoadOrStore(p, &pageKey{})
	pk := v.(*pageKey)
	pk.key = key
	if !ok {
		pk.key = 0
		x.markFresh(p, pk)
		return false
	}
	x.rmu.Lock()
	r := x.rendered[p.OutPath]
	x.rmu.Unlock()
	if r == nil || r.key != key {
		x.markFresh(p, pk)
		return false
	}
	for _, l := range r.resolved {
		if resolve(b.site, l.rel) != l {
			x.markFresh(p, pk)
			return false
		}
	}
	x.emit(b, p, r)
	return true
}

// emit writes a kept page and gives its problems, links and Markdown
// result to the build as rendering it would.
func (x *Builder) emit(b *builder, p *site.Page, r *renderedPage) {
	if r.md != nil {
		b.markdownProblems(p.File, r.md)
		p.Headings = r.md.Headings
	}
	if !x.fast {
		// On the fast path the link check runs only when some page's
		// links changed, and then takes every page's from the cache.
		lp := r.link
		b.links.Add(&lp)
	}
	for i, lp := range r.layout {
		b.once.add(lp.key, p.URL, i, lp.problem)
	}
	for _, e := range b.ext {
		e.rendered(b, p, r.md)
	}
	b.write(p.OutPath, r.html)
}

// markFresh notes that p renders again. Its kept render is forgotten
// until the new one is stored, which it is only when the page renders.
func (x *Builder) markFresh(p *site.Page, pk *pageKey) {
	x.rmu.Lock()
	pk.old = x.rendered[p.OutPath]
	delete(x.rendered, p.OutPath)
	x.fresh = append(x.fresh, p.URL)
	if x.fast {
		x.rerendered++
	}
	x.rmu.Unlock()
}

// sameLinks reports whether a page links to and holds the same things.
func sameLinks(a, b *linkcheck.Page) bool {
	return a.IDs == b.IDs && a.Template == b.Template && slices.Equal(a.Refs, b.Refs)
}

// store keeps a freshly rendered page.
func (x *Builder) store(p *site.Page, html []byte, lp *linkcheck.Page, md *markdown.Result, layout []layoutProblem) {
	v, ok := x.pending.Load(p)
	if !ok {
		return
	}
	pk := v.(*pageKey)
	if pk.key == 0 {
		return
	}
	r := &renderedPage{key: pk.key, html: html, link: *lp, md: md, resolved: pk.resolved, layout: layout}
	r.link.Refs = append([]linkcheck.Ref(nil), lp.Refs...)
	x.rmu.Lock()
	if old := pk.old; x.fast && old != nil && sameLinks(&old.link, lp) {
		x.sameLinks++
	}
	x.rendered[p.OutPath] = r
	x.rmu.Unlock()
}

// key hashes everything the page's render reads; ok is false when some of
// it cannot be hashed (the page is then always rendered).
func (x *Builder) key(b *builder, p *site.Page) (uint64, bool) {
	var h maphash.Hash
	h.SetSeed(x.seed)
	num(&h, x.gen)
	num(&h, x.cfg)
	flags := []bool{b.opt.Drafts, b.opt.Future, b.opt.NoMinify, b.opt.Preview, b.opt.Dev}
	for _, f := range flags {
		boolean(&h, f)
	}
	str(&h, b.opt.BaseURL)
	when(&h, b.opt.Now)
	for _, m := range b.site.Menu {
		str(&h, m.Name)
		str(&h, m.URL)
	}
	name, _ := site.TemplateFor(p, b.tmpl.Has)
	str(&h, name)
	if !summary(&h, p, true) {
		return 0, false
	}
	if p.Source != nil {
		x.pmu.Lock()
		e := x.parsed[p.Source.Path]
		x.pmu.Unlock()
		if e == nil || e.page != p.Source {
			return 0, false
		}
		num(&h, e.hash)
		num(&h, uint64(p.Source.BodyLine))
	}
	if p.Parent != nil {
		summary(&h, p.Parent, false)
	}
	num(&h, uint64(len(p.Pages)))
	for _, q := range p.Pages {
		summary(&h, q, false)
	}
	if p.Pager != nil {
		pg := p.Pager
		num(&h, uint64(pg.Number))
		num(&h, uint64(pg.Total))
		num(&h, uint64(pg.Items))
		for _, s := range []string{pg.First, pg.Prev, pg.Next, pg.Last} {
			str(&h, s)
		}
	}
	k := h.Sum64()
	if k == 0 {
		k = 1
	}
	return k, true
}

// summary hashes the fields of a page that layouts show, for the page
// itself (full) or for a page it lists or links to.
func summary(h *maphash.Hash, p *site.Page, full bool) bool {
	for _, s := range []string{p.Kind, p.File, p.Title, p.Description, p.URL, p.Permalink, p.Section, p.Template, p.OutPath} {
		str(h, s)
	}
	num(h, uint64(p.Line))
	num(h, uint64(p.Weight))
	num(h, uint64(p.Count()))
	when(h, p.Date)
	when(h, p.Updated)
	for _, f := range []bool{p.Draft, p.Future, p.TOC, p.NoIndex} {
		boolean(h, f)
	}
	num(h, uint64(len(p.Tags)))
	for _, t := range p.Tags {
		str(h, t.Name)
		str(h, t.URL)
	}
	num(h, uint64(len(p.Aliases)))
	for _, a := range p.Aliases {
		str(h, a)
	}
	num(h, uint64(len(p.Alternates)))
	for _, a := range p.Alternates {
		str(h, a.Type)
		str(h, a.Title)
		str(h, a.URL)
	}
	if p.Source != nil {
		m := &p.Source.Meta
		for _, s := range []string{m.Title, m.Description, m.Slug, m.Layout} {
			str(h, s)
		}
		for _, t := range []time.Time{m.Date, m.Updated, m.PublishDate, m.ExpiryDate} {
			when(h, t)
		}
		for _, s := range m.Tags {
			str(h, s)
		}
		boolean(h, m.Draft)
		boolean(h, m.TOC)
		num(h, uint64(m.Weight))
	}
	if !full {
		return true
	}
	for _, v := range []any{p.Data, p.JSONLD} {
		if v == nil {
			boolean(h, false)
			continue
		}
		j, err := json.Marshal(v)
		if err != nil {
			return false
		}
		h.Write(j)
		h.WriteByte(0)
	}
	return true
}

func str(h *maphash.Hash, s string) {
	num(h, uint64(len(s)))
	h.WriteString(s)
}

func num(h *maphash.Hash, n uint64) {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], n)
	h.Write(b[:])
}

func boolean(h *maphash.Hash, v bool) {
	if v {
		h.WriteByte(1)
	} else {
		h.WriteByte(0)
	}
}

func when(h *maphash.Hash, t time.Time) {
	var buf [64]byte
	h.Write(t.AppendFormat(buf[:0], time.RFC3339Nano))
}

// minifyData minifies a data file, reusing the last result for the same
// path and bytes.
func (x *Builder) minifyData(b *builder, rel string, data []byte) []byte {
	if b.opt.NoMinify {
		return data
	}
	h := maphash.Bytes(x.seed, data)
	x.dmu.Lock()
	e, ok := x.minified[rel]
	x.dmu.Unlock()
	if ok && e.hash == h {
		return e.out
	}
	var buf bytes.Buffer
	out := data
	if d, err := b.mini.Bytes(&buf, minify.Type(rel), data); err == nil {
		out = bytes.Clone(d)
	}
	x.dmu.Lock()
	x.minified[rel] = dataEntry{h, out}
	x.dmu.Unlock()
	return out
}
