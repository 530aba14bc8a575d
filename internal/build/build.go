// Package build is the pipeline: one function, Run, of named and timed
// steps that turns a site root (content/, layouts/, static/) into a
// published folder.
//
//	load      site.yaml, every Markdown page and data file, parsed in parallel
//	assemble  the site model: URLs, sections, tags, menu, generated pages
//	assets    static/ fingerprinted and minified; _redirects, _headers
//	          and netlify.toml at its top refused (Netlify would read them);
//	          a file published as it is (a picture, a PDF, a video) is
//	          checked, not read, and copied by the writers from the site
//	          (siteFS.copyFile), so media never passes through memory
//	render    every page: Markdown, layout, link scan, search text, minify,
//	          write, on a pool of GOMAXPROCS workers sharing one goldmark;
//	          the search index is finished beside the last pages
//	index     the extensions' files: the search index shards, the
//	          register's vCards and data, the reading lists' exports
//	feeds     sitemap.xml, robots.txt, the Atom feed, _redirects
//	links     every internal link and #fragment resolved
//	publish   the new folder swapped in for the old one
//
// Small steps are pure (model in, bytes out); this package alone writes
// files. Output goes to a temporary folder beside the output folder and is
// swapped in only when the build succeeds, so a failed build leaves the
// previous site exactly as it was and a successful one leaves nothing stale.
// Paths are checked before every write: nothing is written outside the
// output folder. Nothing is read from outside the site either: a symbolic
// link in the site is followed while it leads to a place in the site, and
// one that leads out of it (to /etc/passwd, to the build's environment in
// /proc) is an error at the link (see siteFS). A file the system will not write (a path too long, a full
// disk) is a problem at the source it comes from, naming its path in the
// output folder, and fails the build. Rendered pages are written as soon
// as they are rendered; no step holds every page, or every static file,
// in memory. (The preview's output is kept in memory, with its pages.)
//
// Problems from every step are collected into one diag.List; the build
// fails when it has an error (or, with Strict, a warning), after every
// step that can still find problems has run.
package build

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"sitegen/internal/assets"
	"sitegen/internal/config"
	"sitegen/internal/content"
	"sitegen/internal/count"
	"sitegen/internal/diag"
	"sitegen/internal/linkcheck"
	"sitegen/internal/markdown"
	"sitegen/internal/minify"
	"sitegen/internal/pool"
	"sitegen/internal/render"
	"sitegen/internal/site"
	"sitegen/internal/workfile"
	"sitegen/internal/yamldoc"
)

// Options are a build's inputs besides the files.
type Options struct {
	Src      string // site root
	Out      string // output folder; "" with DryRun
	Strict   bool   // warnings fail the build
	Drafts   bool
	Future   bool
	NoMinify bool
	BaseURL  string    // overrides site.yaml's base_url when set
	Now      time.Time // the build's idea of today
	Preview  bool      // a deploy preview: banner, kept out of search engines
	DryRun   bool      // check only: write nothing
	Dev      bool      // for the development server: drafts banner etc.
	// KeepSources keeps page bodies in memory between loading and
	// rendering instead of reading them again (for incremental rebuilds).
	KeepSources bool
	// FS replaces reading Src from disk (tests use fstest.MapFS).
	FS fs.FS
	// HeapPerPage, when set, gives the Go collector a soft memory limit
	// once the site is assembled: HeapPerPage bytes per page on top of a
	// fixed 64 MiB (unless GOMEMLIMIT is set). A site's live heap grows
	// with its pages, while GOGC alone lets the heap grow to a multiple of
	// it; the limit keeps a large build's peak near what it needs. A site
	// with a search index gets indexHeapPerPage more per page.
	HeapPerPage int64
}

// indexHeapPerPage is the room the soft memory limit adds per page when
// the site has a search index: the index keeps each page's terms and its
// share of the vocabulary (about 1.5 KiB) until Finish. Without it, the
// collector would run more often to keep the index's memory inside room
// meant for the rest of the build.
const indexHeapPerPage = 2 << 10

// indexing reports whether the build makes a search index.
func (b *builder) indexing() bool {
	for _, e := range b.ext {
		if s, ok := e.(*siteSearch); ok && s.ix != nil {
			return true
		}
	}
	return false
}

// Step is one timed step.
type Step struct {
	Name     string
	Duration time.Duration
}

// Result describes a finished build, failed or not.
type Result struct {
	Problems    *diag.List
	Pages       int
	StaticFiles int
	DataFiles   int // other generated files: feeds, vCards, search shards...
	Bytes       int64
	IndexBytes  int64 // the search index, all files
	Steps       []Step
	Duration    time.Duration
	Site        *site.Site
}

// ErrFailed is returned when the build found errors (or warnings in strict
// mode); the problems are in the Result.
var ErrFailed = errors.New("build failed")

// OptionError is a mistake in the options rather than in the site: a
// -src without content/, an -out that would replace the site or a file.
// The command reports it as a command-line mistake.
type OptionError struct{ Msg string }

func (e *OptionError) Error() string { return e.Msg }

func optionErrorf(format string, args ...any) error {
	return &OptionError{Msg: fmt.Sprintf(format, args...)}
}

// Summary is the one-line report of a successful build.
func (r *Result) Summary() string {
	return fmt.Sprintf("built %d pages, %d static files, %d data files in %s",
		r.Pages, r.StaticFiles, r.DataFiles, r.Duration.Round(time.Millisecond))
}

type builder struct {
	opt      Options
	fsys     fs.FS
	problems *diag.List
	res      *Result
	cfg      *config.Config
	// siteURL is site.yaml's base_url, the live site's address, whatever
	// address this build is for (-base-url, a deploy preview's): a link
	// written with it in full is a warning. "" when site.yaml is unread.
	siteURL string
	pages   []*content.Page
	site    *site.Site
	md      *markdown.Renderer
	mini    *minify.Minifier
	tmpl    *render.Templates
	assets  *assets.Result
	links   *linkcheck.Checker
	out     *output
	ext     []extension
	countMu sync.Mutex // guards res.DataFiles, counted from workers
	inc     *Builder   // the long-lived rebuilder whose caches this build uses, or nil
	once    firstPages // problems of layouts, reported once for every page they are on
	keys    *cacheKeys // a check's record of what cached partials give each page, or nil
	images  imageSizes // the sizes of the images pages show
	// sources are the content files found, loaded or not.
	sources []string
	// unread are the files and folders of static/ that could not be read
	// (each an error already): an asset or image under one is not
	// reported missing as well.
	unread []string
}

// unreadable reports whether the file p of the site is, or is under, a
// file or folder of static/ that could not be read.
func (b *builder) unreadable(p string) bool {
	for _, u := range b.unread {
		if p == u || strings.HasPrefix(p, u+"/") {
			return true
		}
	}
	return false
}

// Run builds the site.
func Run(opt Options) (*Result, error) { return run(opt, nil) }

// run builds the site, with the caches of inc when it is not nil.
func run(opt Options, inc *Builder) (*Result, error) {
	start := time.Now()
	b := &builder{opt: opt, problems: &diag.List{}, links: linkcheck.New(), inc: inc}
	b.ext = []extension{&readingLists{}, &practitioners{}, &siteSearch{}}
	b.res = &Result{Problems: b.problems}
	b.links.Source = func(file string) bool {
		fi, err := fs.Stat(b.fsys, file)
		return err == nil && fi.Mode().IsRegular()
	}
	b.fsys = opt.FS
	if b.fsys == nil {
		if _, err := os.Stat(filepath.Join(opt.Src, "content")); err != nil {
			return b.res, optionErrorf("%s has no content/ folder; run sitegen in a site root or pass -src", opt.Src)
		}
		s, err := newSiteFS(opt.Src)
		if err != nil {
			return b.res, optionErrorf("cannot open the site folder %s: %v", opt.Src, err)
		}
		defer s.close()
		b.fsys = s
	}
	b.images.fsys = b.fsys
	if opt.Now.IsZero() {
		b.opt.Now = time.Now()
	}
	var out *output
	var err error
	if inc == nil {
		out, err = newOutput(opt)
	} else {
		out = newMemOutput(inc.outputSize())
	}
	if err != nil {
		return b.res, err
	}
	b.out = out
	defer b.out.discard()

	steps := []struct {
		name string
		fn   func()
	}{
		{"load", b.load},
		{"assemble", b.assemble},
		{"assets", b.copyAssets},
		{"render", b.render},
		{"index", b.index},
		{"feeds", b.feeds},
		{"links", b.checkLinks},
	}
	for _, s := range steps {
		t := time.Now()
		if inc != nil {
			s.fn = inc.step(b, s.name, s.fn)
		}
		s.fn()
		b.res.Steps = append(b.res.Steps, Step{s.name, time.Since(t)})
		if s.name == "assemble" {
			if b.site == nil {
				break
			}
			if opt.HeapPerPage > 0 && os.Getenv("GOMEMLIMIT") == "" {
				perPage := opt.HeapPerPage
				if b.indexing() {
					perPage += indexHeapPerPage
				}
				debug.SetMemoryLimit(64<<20 + perPage*int64(len(b.site.Pages)))
			}
		}
	}
	b.res.Site = b.site
	b.writeProblems()
	if b.problems.Failed(opt.Strict) {
		b.res.Duration = time.Since(start)
		return b.res, ErrFailed
	}
	t := time.Now()
	if err := b.out.publish(); err != nil {
		return b.res, err
	}
	b.res.Steps = append(b.res.Steps, Step{"publish", time.Since(t)})
	b.res.Bytes = b.out.bytes.Load()
	b.res.Duration = time.Since(start)
	return b.res, nil
}

// load reads site.yaml and every Markdown page.
func (b *builder) load() {
	src, err := fs.ReadFile(b.fsys, config.Path)
	if err != nil {
		if !b.problems.AddFrom(err) {
			if errors.Is(err, fs.ErrNotExist) {
				b.problems.Errorf(config.Path, 0, 0, "cannot read site.yaml: %v; every site needs one", errors.Unwrap(err))
			} else {
				b.problems.Errorf(config.Path, 0, 0, "%s", diag.CannotRead(config.Path, err))
			}
		}
		b.cfg = config.Parse([]byte("title: Untitled\nbase_url: https://example.org/\n"), &diag.List{})
		// No value can be checked against vocabularies that were not
		// read: reporting each would bury the reason.
		b.cfg.Vocab.Unread = true
	} else {
		b.cfg = config.Parse(src, b.problems)
		if b.cfg.BaseURL != "/" {
			b.siteURL = b.cfg.BaseURL
		}
	}
	if b.opt.BaseURL != "" {
		b.cfg.BaseURL = config.NormalizeBaseURL(b.opt.BaseURL)
	}
	b.md = markdown.New(b.cfg.RawHTML)
	b.mini = minify.New()

	var files, all []string
	_ = fs.WalkDir(b.fsys, "content", func(p string, d fs.DirEntry, err error) error {
		if p != "content" && workfile.Skip(d.Name()) {
			return skip(d) // an editor's or the system's, not the site's
		}
		if err != nil {
			b.readError(p, 0, err)
			return nil
		}
		if !workfile.Read(b.fsys, p, d, b.problems) {
			return nil
		}
		if !d.IsDir() {
			all = append(all, p)
		} else if strings.HasSuffix(d.Name(), ".md") {
			b.problems.Errorf(p, 0, 0, "is a folder, but its name ends in .md, as a page's file does; a page is a file: remove the folder and save the page in a file of that name, or rename the folder without .md")
		}
		if !d.IsDir() && strings.HasSuffix(p, ".md") {
			files = append(files, p)
		} else if ext := path.Ext(p); !d.IsDir() && markdownExt[strings.ToLower(ext)] {
			b.problems.Errorf(p, 1, 1, "pages are read from .md files only; rename it to %s.md", strings.TrimSuffix(path.Base(p), ext))
		}
		return nil
	})
	sameOnMacAndWindows(all, b.problems)
	b.sources = files
	b.pages = make([]*content.Page, len(files))
	pool.Run(len(files), func(i int) {
		if b.inc != nil {
			b.pages[i] = b.inc.parse(b, files[i])
			return
		}
		src, release, err := b.readSource(files[i])
		defer release()
		if err != nil {
			b.readError(files[i], 0, err)
			return
		}
		p := content.Parse(files[i], src, b.problems, b.extraKeys(files[i])...)
		if p != nil {
			// Bodies are read again when rendered: holding every page's
			// text and YAML nodes from here to there would make memory
			// grow with the site. The file's buffer serves the next one.
			if b.opt.KeepSources {
				p.Body = bytes.Clone(p.Body)
			} else {
				p.Body = nil
			}
		}
		b.pages[i] = p
	})
	kept := b.pages[:0]
	for _, p := range b.pages {
		if p != nil {
			kept = append(kept, p)
		}
	}
	b.pages = kept
	for _, e := range b.ext {
		e.load(b)
	}
	if !b.opt.KeepSources {
		for _, p := range b.pages {
			p.Front = yamldoc.Map{}
		}
	}
}

// skip is what a walk returns for a working file or folder (workfile):
// nothing below the folder is read.
func skip(d fs.DirEntry) error {
	if d != nil && d.IsDir() {
		return fs.SkipDir
	}
	return nil
}

// body returns a page's Markdown, reading the file again when the body
// was dropped after loading; release gives its buffer back once nothing
// refers to the bytes.
func (b *builder) body(cp *content.Page) (body []byte, release func(), err error) {
	if cp.Body != nil {
		return cp.Body, func() {}, nil
	}
	src, release, err := b.readSource(cp.Path)
	if err != nil {
		return nil, release, err
	}
	src = content.Normalize(src)
	if cp.BodyStart > len(src) {
		return nil, release, fmt.Errorf("the file changed during the build; build again")
	}
	return src[cp.BodyStart:], release, nil
}

// readError reports a file that could not be read: at the link, when
// the reader refused a symbolic link out of the site, else at line of file
// (0 for the whole file).
func (b *builder) readError(file string, line int, err error) {
	if !b.problems.AddFrom(err) {
		col := 0
		if line > 0 {
			col = 1
		}
		b.problems.Errorf(file, line, col, "%s", diag.CannotRead(file, err))
	}
}

// extraKeys are the front matter keys a page's section adds.
func (b *builder) extraKeys(file string) []string {
	var keys []string
	for _, e := range b.ext {
		keys = append(keys, e.frontKeys(file)...)
	}
	return keys
}

func (b *builder) assemble() {
	var generated []*site.Page
	for _, e := range b.ext {
		generated = append(generated, e.pages(b)...)
	}
	// A site has a sitemap page for people when its layouts have one.
	_, noSitemap := fs.Stat(b.fsys, "layouts/sitemap.html")
	b.site = site.Assemble(b.cfg, b.pages, generated, site.Options{
		Drafts: b.opt.Drafts, Future: b.opt.Future, Now: b.opt.Now, Preview: b.opt.Preview, Dev: b.opt.Dev,
		Sources: b.sources, Sitemap: noSitemap == nil,
	}, b.problems)
	for _, e := range b.ext {
		e.assembled(b)
	}
	// A page whose file did not load is reported at its mistake; a link
	// to its address (a bio's, a layout's, the menu's) is not reported
	// again as a link to a missing page, nor its #fragments.
	for _, f := range b.sources {
		rel := strings.TrimPrefix(f, "content/")
		if b.site.ByFile[rel] != nil {
			continue
		}
		if _, quiet, _ := b.site.Unlinked(rel); quiet {
			if u := site.URLFor(rel); b.site.ByURL[u] == nil {
				b.links.Add(&linkcheck.Page{URL: u, Unrendered: true})
			}
		}
	}
	// An alias is an old URL that no page has now, and it redirects to
	// one page only. Pages are in URL order, so the first to claim an
	// alias keeps it in every build.
	aliased := map[string]*site.Page{}
	for _, p := range b.site.Pages {
		if p.Source == nil {
			continue
		}
		for i, a := range p.Aliases {
			switch q, prev := b.site.ByURL[a], aliased[a]; {
			case q != nil:
				b.problems.Errorf(p.File, p.Source.AliasLines[i], p.Source.AliasCols[i], "alias %s is the URL of %s; an old URL cannot redirect from a live page", a, displayPage(q))
			case prev != nil:
				b.problems.Errorf(p.File, p.Source.AliasLines[i], p.Source.AliasCols[i], "alias %s already redirects to %s (%s); an old URL can redirect to one page only", a, prev.URL, prev.File)
			default:
				aliased[a] = p
			}
		}
	}
}

// displayPage names a page for a message: its URL, and its file if any.
func displayPage(p *site.Page) string {
	if p.File != "" {
		return p.URL + " (" + p.File + ")"
	}
	return p.URL
}

// copyAssets fingerprints, minifies and writes static/.
func (b *builder) copyAssets() {
	if b.inc != nil && b.inc.reuseAssets(b) {
		return
	}
	before := b.problems.Len()
	files := map[string][]byte{}
	// A file published as it is (a picture, a PDF, a video) is not read:
	// its size is checked now and a writer copies it from the site.
	src, _ := b.fsys.(siteFS)
	copied := map[string]int64{}
	_ = fs.WalkDir(b.fsys, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if !errors.Is(err, fs.ErrNotExist) {
				b.readError(p, 0, err)
				b.unread = append(b.unread, p)
			}
			return nil
		}
		if p != "static" && workfile.Skip(d.Name()) {
			return skip(d) // an editor's or the system's, not the site's
		}
		if d.IsDir() || !workfile.Read(b.fsys, p, d, b.problems) {
			return nil
		}
		dir, name := path.Split(strings.TrimPrefix(p, "static/"))
		if why := netlifyFile[strings.ToLower(name)]; dir == "" && why != "" {
			b.problems.Errorf(p, 1, 1, "%s", why)
			return nil
		}
		if n := config.LongSegment(strings.TrimSuffix(dir, "/")); n > 0 {
			b.problems.Errorf(p, 1, 1, "a folder in this file's path has a name of %d bytes, more than the %d a URL segment may have; shorten the folder's name", n, config.MaxSegment)
			return nil
		}
		if len(name) > config.MaxSegment {
			b.problems.Errorf(p, 1, 1, "the file name is %d bytes long, more than the %d a URL segment may have; shorten it", len(name), config.MaxSegment)
			return nil
		}
		if why := staticName(dir + name); why != "" {
			b.problems.Errorf(p, 1, 1, "%s", why)
			return nil
		}
		if src.root != nil && b.verbatim(p) {
			size, err := src.size(p)
			if err != nil {
				b.readError(p, 0, err)
				b.unread = append(b.unread, p)
				return nil
			}
			files[dir+name] = nil
			copied[dir+name] = size
			return nil
		}
		data, err := fs.ReadFile(b.fsys, p)
		if err != nil {
			b.readError(p, 0, err)
			b.unread = append(b.unread, p)
			return nil
		}
		files[dir+name] = data
		return nil
	})
	names := make([]string, 0, len(files))
	for f := range files {
		names = append(names, "static/"+f)
	}
	sameOnMacAndWindows(names, b.problems)
	var unread []string // static/-relative
	for _, u := range b.unread {
		if rel, ok := strings.CutPrefix(u, "static/"); ok {
			unread = append(unread, rel)
		}
	}
	res, probs := assets.Process(files, unread)
	for _, p := range probs {
		p.File = "static/" + p.File
		b.problems.Add(p)
	}
	b.assets = res
	pool.Run(len(res.Files), func(i int) {
		f := res.Files[i]
		if size, ok := copied[f.Source]; ok {
			b.wrote(f.Path, b.out.copyFrom(f.Path, "static/"+f.Source, size, src))
			b.links.AddFile("/" + f.Path)
			return
		}
		data := f.Data
		// A file the minifier does not read (a picture, a PDF, a video)
		// is published from the bytes read, with no copy.
		if t := minify.Type(f.Path); t != "" && !b.opt.NoMinify {
			var buf bytes.Buffer
			var err error
			data, err = b.mini.Bytes(&buf, t, data)
			if err != nil {
				if line, col, msg, ok := minify.Position(err); ok {
					b.problems.Warnf("static/"+f.Source, line, col, "syntax error: %s (the minifier stops here, and so will a browser); the file is published as written", msg)
				} else {
					b.problems.Warnf("static/"+f.Source, 1, 1, "cannot minify: %v; it is published as written", err)
				}
			}
			data = bytes.Clone(data)
		}
		b.write(f.Path, data)
		b.links.AddFile("/" + f.Path)
	})
	b.res.StaticFiles = len(res.Files)
	b.tmpl = render.Load(b.fsys, b.funcs(), b.siteURL, b.problems)
	if b.inc != nil {
		b.inc.keepAssets(b, b.problems.Len() == before)
	}
}

// verbatim reports whether the static file name is published as it is:
// neither fingerprinted nor minified.
func (b *builder) verbatim(name string) bool {
	return !assets.Fingerprinted(name) && (b.opt.NoMinify || minify.Type(name) == "")
}

// netlifyFile says, for each name Netlify reads as settings, why a file
// of that name at the top of static/ is refused: published, it would
// redirect or proxy any URL of the site (/* https://elsewhere/:splat 200!)
// or replace the site's headers, its content security policy included.
// Netlify reads them at the top of the published folder only.
var netlifyFile = map[string]string{
	"_redirects": "Netlify reads a _redirects file at the top of the site as its redirect rules, and the build writes that file itself; " +
		"to redirect an old URL to a page, list the URL under aliases in the page's front matter",
	"_headers": "Netlify reads a _headers file at the top of the site as the headers of its responses, and the build writes that file itself; " +
		"set response headers in netlify.toml at the top of the repository",
	"netlify.toml": "Netlify reads its settings from netlify.toml at the top of the repository, not from the site; " +
		"change that file instead, and remove this one",
}

// Data is what every layout gets as ".".
type Data struct {
	Site *site.Site
	Page *site.Page
}

func (b *builder) funcs() template.FuncMap {
	return template.FuncMap{
		"asset": func(name string) (string, error) {
			u, ok := b.assets.URLs[strings.TrimPrefix(name, "/")]
			if !ok {
				if b.unreadable(path.Join("static", name)) {
					// Its folder or file could not be read: that error
					// alone says what to fix, and the build fails.
					return "", nil
				}
				return "", fmt.Errorf("asset %q is not in static/%s", name, diag.DidYouMean(name, slices.Sorted(maps.Keys(b.assets.URLs))))
			}
			return u, nil
		},
		"date": func(layout string, t time.Time) string { return t.Format(layout) },
		"isodate": func(t time.Time) string {
			return t.UTC().Format("2006-01-02")
		},
		"jsonld": jsonLD,
		"cached": func(name, key string, data any) (template.HTML, error) {
			h, err := b.tmpl.Cached(name, key, data)
			if err == nil && b.keys != nil {
				b.keys.check(b.tmpl, name, key, data)
			}
			return h, err
		},
		"telURL": telURL,
		"number": count.Number,
		"image": func(name string) (Image, error) {
			if b.unreadable(path.Join("static", name)) {
				return Image{}, nil // as for asset
			}
			return staticImage(b.assets, b.fsys, name)
		},
	}
}

func (b *builder) write(rel string, data []byte) { b.wrote(rel, b.out.write(rel, data)) }

// wrote reports the error of writing rel: a collision at the source that
// asked for the name, anything else (a path refused) at the source rel
// comes from.
func (b *builder) wrote(rel string, err error) {
	var c *collision
	switch {
	case err == nil:
	case errors.As(err, &c):
		for _, other := range c.others {
			b.collide(c.rel, other)
		}
	default:
		at, _ := b.sourceOf(rel)
		b.problems.Errorf(at.file, at.line, at.col, "%v", err)
	}
}

// owner is where an output file comes from, for collision messages.
type owner struct {
	file      string
	line, col int
	rank      int // which of two owners to report at: the higher
	what      string
}

// ownersOf returns where the output file rel comes from: the pages and
// static files written there. It is looked up only when two outputs
// collide, which is rare: a build does not describe every file in advance.
func (b *builder) ownersOf(rel string) []owner {
	var out []owner
	if b.assets != nil {
		for _, f := range b.assets.Files {
			if f.Path == rel {
				out = append(out, owner{file: "static/" + f.Source, line: 1, col: 1, rank: 1, what: "static/" + f.Source})
			}
		}
	}
	for _, p := range b.site.Pages {
		if p.OutPath != rel {
			continue
		}
		o := owner{file: p.File, line: max(p.Line, 1), col: 1, what: "the page " + p.URL}
		if p.File != "" {
			o.what = p.File + " (" + p.URL + ")"
			o.rank = 2
		}
		if p.Source != nil && p.Source.Meta.Slug != "" && p.Source.SlugLine > 0 {
			o.line, o.col, o.rank = p.Source.SlugLine, p.Source.SlugCol, 3
		}
		out = append(out, o)
	}
	return out
}

// sourceOf returns where an editor would change the output file rel: the
// page or static file written there (ownersOf); for a page's vCard,
// BibTeX or RIS file, that page's file; for a list page made from others
// (a tag's, a section's without an _index.md), the first page it lists,
// at the tag for a tag's. ok is false for the site's own files, such as
// the feed and the search index.
func (b *builder) sourceOf(rel string) (at owner, ok bool) {
	if b.site == nil {
		return owner{}, false
	}
	for _, o := range b.ownersOf(rel) {
		if o.file != "" && (!ok || o.rank > at.rank) {
			at, ok = o, true
		}
	}
	if ok {
		return at, true
	}
	if p := b.site.ByURL["/"+strings.TrimSuffix(rel, path.Ext(rel))+"/"]; p != nil && p.File != "" {
		return owner{file: p.File, line: max(p.Line, 1), col: 1}, true
	}
	for _, p := range b.site.Pages {
		if p.OutPath != rel || len(p.Pages) == 0 || p.Pages[0].File == "" {
			continue
		}
		q := p.Pages[0]
		at = owner{file: q.File, line: max(q.Line, 1), col: 1}
		if p.Kind == site.KindTag && q.Source != nil {
			first := p.URL
			if p.Pager != nil {
				first = p.Pager.First
			}
			for i, t := range q.Source.Meta.Tags {
				if site.TagURL(t) == first && i < len(q.Source.TagPos) {
					at.line, at.col = q.Source.TagPos[i][0], q.Source.TagPos[i][1]
					break
				}
			}
		}
		return at, true
	}
	return owner{}, false
}

// writeProblems reports the files of the output that could not be
// written, each at the source it comes from and by its path in the output
// folder. A build that has failed already reports none: nothing of it is
// published, and its mistakes, reported where they are made (a name too
// long for the file system), are what the writes tripped over.
func (b *builder) writeProblems() {
	errs := b.out.flush()
	if len(errs) == 0 || b.problems.Failed(false) {
		return
	}
	const most = 10 // a full disk fails every file: the first few say why
	for i, e := range errs {
		if i == most {
			b.problems.Errorf("", 0, 0, "%d more files of the output could not be written", len(errs)-most)
			break
		}
		msg := fmt.Sprintf("cannot write %s in the output folder: %v; %s", e.rel, e.err, writeFix(e.err))
		at, _ := b.sourceOf(e.rel)
		b.problems.Errorf(at.file, at.line, at.col, "%s", msg)
	}
}

// writeFix says what to do about a file the system would not write.
func writeFix(err error) string {
	switch {
	case errors.Is(err, syscall.ENAMETOOLONG):
		return "shorten the names that make its URL, or build into a folder with a shorter path (-out)"
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		return "free some space on the output folder's disk and build again"
	case errors.Is(err, fs.ErrPermission), errors.Is(err, syscall.EROFS):
		return "make the output folder writable, or build into another with -out"
	}
	return "check the output folder's disk and build again"
}

// collide reports two outputs that want one name, rel and other (the same
// name, or a file and a file in a folder of its name), at the source an
// editor would change: a slug over a page's file, a page over a static
// file. The problem is the same whichever of the two was written first.
func (b *builder) collide(rel, other string) {
	owners := map[string][]owner{rel: b.ownersOf(rel), other: b.ownersOf(other)}
	describe := func(rel string) string {
		var names []string
		for _, o := range owners[rel] {
			names = append(names, o.what)
		}
		if len(names) == 0 {
			return "the site's generated " + rel
		}
		slices.Sort(names)
		return strings.Join(names, " and ")
	}
	var at *owner
	for _, rel := range []string{rel, other} {
		for i, o := range owners[rel] {
			if at == nil || o.rank > at.rank || o.rank == at.rank && o.file > at.file {
				at = &owners[rel][i]
			}
		}
	}
	var msg string
	file, inner := other, rel
	if len(file) > len(inner) {
		file, inner = inner, file
	}
	switch {
	case file == inner:
		msg = describe(file)
		if len(owners[file]) < 2 { // the other is the site's own
			msg += " and the site's generated " + file
		}
		msg += " would both be written to " + file
	default:
		msg = fmt.Sprintf("%s needs a folder %s/ for %s, where %s is written as a file", describe(inner), file, inner, describe(file))
	}
	msg += "; give one of them another URL or file name"
	if at == nil {
		b.problems.Errorf("", 0, 0, "%s", msg)
		return
	}
	b.problems.Errorf(at.file, at.line, at.col, "%s", msg)
}

// render renders, checks, indexes and writes every page, and runs the
// extensions' tail jobs on the same pool: first the pages an extension
// needs, then the tail jobs, then the other pages, while the extensions
// that have all they need begin their finish (see tailer).
func (b *builder) render() {
	pages := b.site.Pages
	b.res.Pages = len(pages)
	b.once.m = map[any]firstPage{}
	if b.opt.DryRun && b.inc == nil {
		// sitegen check: a page takes a cached partial from whichever
		// page rendered it first under its key, so a key that leaves out
		// something the partial shows gives pages the wrong HTML.
		b.keys = newCacheKeys()
	}
	var tailers []tailer
	var tail []func()
	for _, e := range b.ext {
		if t, ok := e.(tailer); ok {
			tailers = append(tailers, t)
			tail = append(tail, t.tail(b)...)
		}
	}
	needed := func(p *site.Page) bool {
		for _, t := range tailers {
			if t.needs(b, p) {
				return true
			}
		}
		return false
	}
	jobs := make([]func(), 0, len(pages)+len(tail))
	for _, p := range pages {
		if needed(p) {
			jobs = append(jobs, func() { b.renderOne(p) })
		}
	}
	jobs = append(jobs, tail...)
	first := len(jobs) // the jobs the tailers wait for
	for _, p := range pages {
		if !needed(p) {
			jobs = append(jobs, func() { b.renderOne(p) })
		}
	}
	start := func() {
		for _, t := range tailers {
			t.start(b)
		}
	}
	if first == 0 {
		start()
	}
	var left atomic.Int64
	left.Store(int64(first))
	pool.Run(len(jobs), func(i int) {
		jobs[i]()
		if i < first && left.Add(-1) == 0 {
			start()
		}
	})
	b.once.report(b.problems)
	if b.keys != nil {
		b.keys.report(b.problems, b.tmpl)
	}
}

// firstPages holds the problems that a build reports once however many
// pages have them (a mistake in a layout), each naming the first page in
// URL order that has it: pages render side by side, and the page named
// must not depend on which finished first. Nor must the order of two
// problems at one place (two ids repeated in one layout, both at its
// first line): they are reported as the pages would find them one after
// the other in URL order, each page's in the order it has them.
type firstPages struct {
	mu sync.Mutex
	m  map[any]firstPage
}

type firstPage struct {
	url     string
	seq     int // the problem's place among those of its page
	problem diag.Problem
}

// add notes problem, found on the page at url, under key; of the problems
// with one key, the build reports that of the first page. seq is its
// place among the problems of the page that add is given (and, for a
// problem of no page, url "", its place among those).
func (f *firstPages) add(key any, url string, seq int, problem diag.Problem) {
	f.mu.Lock()
	if e, ok := f.m[key]; !ok || url < e.url || url == e.url && seq < e.seq {
		f.m[key] = firstPage{url, seq, problem}
	}
	f.mu.Unlock()
}

// report adds the problems to list, by page URL, then their place on the
// page.
func (f *firstPages) report(list *diag.List) {
	all := slices.Collect(maps.Values(f.m))
	slices.SortFunc(all, func(a, b firstPage) int {
		return cmp.Or(strings.Compare(a.url, b.url), cmp.Compare(a.seq, b.seq), strings.Compare(a.problem.Msg, b.problem.Msg))
	})
	for _, e := range all {
		list.Add(e.problem)
	}
}

func (b *builder) renderOne(p *site.Page) {
	w := pageWork.Get().(*pageScratch)
	b.renderPage(p, w)
	pageWork.Put(w)
}

// markdownExt are the other endings of Markdown files, in lower case: a
// page saved with one of them would be left out without a word.
var markdownExt = map[string]bool{".md": true, ".markdown": true, ".mdown": true, ".mkd": true, ".mkdn": true}

// pageScratch is a render worker's memory for one page at a time: the
// page's HTML while it is rendered and minified (the bytes written are
// copied out) and what the link scan needs, cleared for each page.
type pageScratch struct {
	html, mini bytes.Buffer
	mdLinks    map[string]markdown.Link // the Markdown's links by destination
	seen       map[string]bool          // references already taken
	refs       []linkcheck.Ref
	ids        map[string]int // how many elements have each id
}

var pageWork = sync.Pool{New: func() any {
	return &pageScratch{mdLinks: map[string]markdown.Link{}, seen: map[string]bool{}, ids: map[string]int{}}
}}

func (b *builder) renderPage(p *site.Page, w *pageScratch) {
	buf, mbuf := &w.html, &w.mini
	if p.Source != nil && len(p.Source.Placeholders) > 0 {
		// The placeholders in a page's front matter count when the page
		// is built, as those in its body do: a draft's are expected while
		// it is written, and reported only by builds with drafts.
		b.problems.Add(p.Source.Placeholders...)
	}
	if b.inc != nil && b.inc.replay(b, p) {
		return
	}
	resolve := b.site.Resolve
	if b.inc != nil {
		resolve = b.inc.resolver(b, p)
	}
	var res *markdown.Result
	var body []byte // the page's Markdown, until the page is written
	if p.Source != nil {
		rel := strings.TrimPrefix(p.Source.Path, "content/")
		dir := path.Dir(rel)
		if dir == "." {
			dir = ""
		}
		var release func()
		var err error
		body, release, err = b.body(p.Source)
		defer release()
		if err != nil {
			b.readError(p.File, p.Source.BodyLine, err)
			return
		}
		res, err = b.md.Convert(body, markdown.Doc{
			File: p.File, Dir: dir, BodyLine: p.Source.BodyLine, Resolve: resolve, Unlinked: b.site.Unlinked, Near: b.site.Near, Base: p.URL, Site: b.siteURL,
			Placeholders: true, OmittedHTML: true, ImageSize: b.images.size,
		})
		if err != nil {
			b.problems.Errorf(p.File, p.Source.BodyLine, 1, "cannot render Markdown: %v", err)
			return
		}
		b.markdownProblems(p.File, res)
		p.Content = template.HTML(res.HTML)
		p.Headings = res.Headings
	}
	name, ok := site.TemplateFor(p, b.tmpl.Has)
	if !ok && b.tmpl.Failed(name) {
		b.links.Add(&linkcheck.Page{URL: p.URL, Unrendered: true})
		return
	}
	if !ok {
		line, col := p.Line, 1
		if s := p.Source; s != nil && s.Meta.Layout != "" && s.LayoutLine > 0 {
			line, col = s.LayoutLine, s.LayoutCol
		}
		pr := diag.Problem{File: p.File, Line: line, Col: col, Msg: "no layout for this page: add layouts/" + name, Severity: diag.Error}
		if p.File != "" {
			b.problems.Add(pr)
		} else {
			// A page the site makes, reported once for the layout: at
			// the first file it is made from, or, made from none, at the
			// layout to add, so that every problem names a file.
			pr.File, pr.Line, pr.Col = cmp.Or(p.Origin, "layouts/"+name), 1, 1
			pr.Msg = "no layout for the page " + p.URL + ": add layouts/" + name
			b.once.add("missing:"+name, p.URL, 0, pr)
		}
		b.links.Add(&linkcheck.Page{URL: p.URL, Unrendered: true})
		return
	}
	buf.Reset()
	if err := b.tmpl.Execute(buf, name, &Data{Site: b.site, Page: p}); err != nil {
		pr := b.tmpl.Problem(err, "layouts/"+name)
		key := pr
		pr.Msg += " (rendering " + p.URL + ")"
		b.once.add(key, p.URL, 0, pr)
		b.links.Add(&linkcheck.Page{URL: p.URL, Unrendered: true})
		return
	}
	html := buf.Bytes()
	ids, refs := linkcheck.Scan(html)
	layoutProbs := b.duplicateIDs(p, name, ids, res, body, w)
	if bad := printfMark(html, p.Content); bad != "" {
		file, line, col := b.printfCall(name)
		lp := layoutProblem{key: "printf:" + name, problem: diag.Problem{File: file, Line: line, Col: col, Severity: diag.Warning,
			Msg: fmt.Sprintf("the page shows %s, which printf writes when a verb does not fit its value, or a value is missing or left over; check the printf calls of this layout and its partials (rendering %s)", bad, p.URL)}}
		b.once.add(lp.key, p.URL, len(layoutProbs), lp.problem)
		layoutProbs = append(layoutProbs, lp)
	}
	lp := &linkcheck.Page{URL: p.URL, File: p.File, Template: name, IDs: ids}
	links := p.Links // a generated page's, or a reading list's notes'
	if res != nil {
		links = res.Links
		if len(p.Links) > 0 {
			links = slices.Concat(res.Links, p.Links)
		}
	}
	clear(w.mdLinks)
	clear(w.seen)
	for _, l := range links {
		if _, ok := w.mdLinks[l.Dest]; !ok {
			w.mdLinks[l.Dest] = l
		}
	}
	w.refs = w.refs[:0]
	for _, r := range refs {
		if w.seen[r] {
			continue
		}
		w.seen[r] = true
		ref := linkcheck.Ref{URL: r}
		l, ok := w.mdLinks[r]
		if !ok && strings.IndexByte(r, '%') >= 0 {
			// The HTML writes a destination's accents and spaces
			// percent-encoded (café.md as caf%C3%A9.md); the Markdown's
			// link has them as written.
			if u, err := url.PathUnescape(r); err == nil {
				l, ok = w.mdLinks[u]
			}
		}
		if ok {
			if l.Reported {
				continue // the Markdown step has said what is wrong
			}
			ref.File, ref.Line, ref.Col, ref.Written = p.File, l.Line, l.Col, l.Written
		}
		w.refs = append(w.refs, ref)
	}
	// The checker keeps its own copy of the references; a Builder's
	// cache copies them too.
	lp.Refs = w.refs
	b.links.Add(lp)
	for _, e := range b.ext {
		e.rendered(b, p, res)
	}
	cacheable := true
	if !b.opt.NoMinify {
		var err error
		html, err = b.mini.Consume(mbuf, "text/html", html)
		if err != nil {
			pr := diag.Problem{File: p.File, Line: 1, Col: 1, Msg: fmt.Sprintf("cannot minify %s: %v", p.URL, err), Severity: diag.Warning}
			if p.File != "" {
				b.problems.Add(pr)
			} else {
				b.once.add(pr, p.URL, 0, pr) // no place of its own: in URL order
			}
			cacheable = false
		}
	}
	if b.inc != nil {
		html = bytes.Clone(html)
		if cacheable {
			b.inc.store(p, html, lp, res, layoutProbs)
		}
		b.write(p.OutPath, html)
	} else {
		b.wrote(p.OutPath, b.out.writeCopy(p.OutPath, html))
	}
	// The page's HTML is written; drop it and its headings so memory does
	// not grow with the site.
	p.Content = ""
	p.Headings = nil
}

// duplicateIDs reports an id that two elements of a rendered page have:
// a link to it goes to the first, a label that names it names the wrong
// element, and the skip link can land on a heading. The Markdown step
// reports two headings of one id; what is left is a heading whose id the
// layout uses as well (## Main, the main element's id), reported at the
// heading with the problems of its Markdown so that the development
// server shows it again with the page, and two elements of the layout,
// reported once at the layout (see firstPages), which it returns. Both
// are reported in the order of the page's elements.
func (b *builder) duplicateIDs(p *site.Page, layout, ids string, res *markdown.Result, body []byte, w *pageScratch) []layoutProblem {
	var out []layoutProblem
	clear(w.ids)
	twice := false
	for id := range strings.SplitSeq(ids, "\x00") {
		if id != "" {
			w.ids[id]++
			twice = twice || w.ids[id] == 2
		}
	}
	if !twice {
		return nil
	}
	for id := range strings.SplitSeq(ids, "\x00") {
		n := w.ids[id]
		if id == "" || n < 2 {
			continue
		}
		w.ids[id] = 0 // reported at its first element
		var h *markdown.Heading
		headings := 0
		if res != nil {
			for i := range res.Headings {
				if res.Headings[i].ID == id {
					if h == nil {
						h = &res.Headings[i]
					}
					headings++
				}
			}
		}
		switch {
		case h == nil:
			lp := layoutProblem{key: "id:" + layout + "#" + id, problem: diag.Problem{File: "layouts/" + layout, Line: 1, Col: 1, Severity: diag.Warning,
				Msg: fmt.Sprintf("id %q is on more than one element of %s; give each element an id of its own", id, p.URL)}}
			b.once.add(lp.key, p.URL, len(out), lp.problem)
			out = append(out, lp)
			continue
		case headings == n:
			continue // headings only, which the Markdown step reported
		}
		pr := markdown.Problem{Line: markdown.Line(body, p.Source.BodyLine, h.Offset), Col: 1, Warning: true,
			Msg: fmt.Sprintf("heading id %q is also the id of an element of the page's layout (layouts/%s), so a link to #%s may go there; give the heading another: {#%s-section}", id, layout, id, id)}
		res.Problems = append(res.Problems, pr)
		b.problems.Add(diag.Problem{File: p.File, Line: pr.Line, Col: pr.Col, Msg: pr.Msg, Severity: diag.Warning})
	}
	return out
}

// printfRe is what fmt writes in place of a value that a verb does not fit
// (%!d(string=Safety)), or for a value missing (%!s(MISSING)) or left over
// (%!(EXTRA string=x)).
var printfRe = regexp.MustCompile(`%!(?:[a-zA-Z]?\((?:MISSING|NOVERB|BADINDEX|BADWIDTH|BADPREC)\)|[a-zA-Z]?\((?:EXTRA |[a-z][a-z0-9.*\[\]]*=)[^)]{0,60}\)?)`)

// printfMark returns the first of fmt's marks of a bad printf in a
// rendered page that its text does not hold as written, or "". The
// search is one scan for "%!", which pages hardly ever have.
func printfMark(html []byte, content template.HTML) string {
	if !bytes.Contains(html, []byte("%!")) {
		return ""
	}
	for _, m := range printfRe.FindAll(html, -1) {
		if !strings.Contains(string(content), string(m)) {
			return string(m)
		}
	}
	return ""
}

// printfCall is where to report a bad printf on a page of the layout
// name: at the call when the layout has exactly one, else at the layout.
func (b *builder) printfCall(name string) (file string, line, col int) {
	file = "layouts/" + name
	if src, ok := b.tmpl.Source(file); ok && strings.Count(src, "printf") == 1 {
		line, col = diag.Position(src, strings.Index(src, "printf"))
		return file, line, col
	}
	return file, 1, 1
}

// layoutProblem is a problem of a page's layout found on the page, which
// the build reports once for every page that has it.
type layoutProblem struct {
	key     string
	problem diag.Problem
}

// markdownProblems reports the problems of Markdown from file.
func (b *builder) markdownProblems(file string, res *markdown.Result) {
	for _, pr := range res.Problems {
		sev := diag.Error
		if pr.Warning {
			sev = diag.Warning
		}
		b.problems.Add(diag.Problem{File: file, Line: pr.Line, Col: pr.Col, Msg: pr.Msg, Severity: sev})
	}
}

// index runs the extensions' finish hooks side by side. The search
// index's Finish, the longest, began during the render step once every
// document was in (see tailer); its hook waits for it while the others
// write their files.
func (b *builder) index() {
	var wg sync.WaitGroup
	for _, e := range b.ext {
		wg.Go(func() { e.finish(b) })
	}
	wg.Wait()
}

// locateInLayouts finds where a layout writes a link literally, as
// href="ref" or src="ref", when exactly one place in layouts/ does. The
// layout's text is read as the link check reads a page: a character
// reference (&eacute;, &amp;) is the character it stands for.
func (b *builder) locateInLayouts(ref string) (file string, line, col int, ok bool) {
	// A menu entry's link is written by the layouts, but it is the
	// entry in site.yaml that an editor would change.
	if b.site != nil {
		for _, it := range b.site.Menu {
			if it.URL == ref {
				return config.Path, it.Line, it.Col, true
			}
		}
	}
	found := 0
	_ = fs.WalkDir(b.fsys, "layouts", func(p string, d fs.DirEntry, err error) error {
		if p != "layouts" && workfile.Skip(d.Name()) {
			return skip(d) // an editor's copy or lock file, not a layout
		}
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return nil
		}
		src, err := fs.ReadFile(b.fsys, p)
		if err != nil {
			return nil
		}
		if at := linkcheck.Written(src, ref); len(at) > 0 {
			found += len(at)
			file = p
			line, col = diag.Position(src, at[0])
		}
		return nil
	})
	return file, line, col, found == 1
}

// madeInLayout finds where the layout file layouts/name makes a link from
// a page's values, when it makes exactly one.
func (b *builder) madeInLayout(name string) (file string, line, col int, ok bool) {
	file = path.Join("layouts", name)
	src, ok := b.tmpl.Source(file)
	if !ok {
		return "", 0, 0, false
	}
	at := linkcheck.Made([]byte(src))
	if len(at) != 1 {
		return "", 0, 0, false
	}
	line, col = diag.Position(src, at[0])
	return file, line, col, true
}

func (b *builder) checkLinks() {
	b.links.Made = b.madeInLayout
	b.links.Check(b.problems, b.locateInLayouts)
}

// writeData writes a generated file (feed, shard, vCard), minified by type.
func (b *builder) writeData(rel string, data []byte) {
	if b.inc != nil {
		data = b.inc.minifyData(b, rel, data)
	} else if !b.opt.NoMinify {
		var buf bytes.Buffer
		if d, err := b.mini.Bytes(&buf, minify.Type(rel), data); err == nil {
			data = bytes.Clone(d)
		}
	}
	b.write(rel, data)
	b.links.AddFile("/" + rel)
	b.countMu.Lock()
	b.res.DataFiles++
	b.countMu.Unlock()
}

// writeIndex writes a search index file: compact JSON already, so it is
// not minified again.
func (b *builder) writeIndex(rel string, data []byte) {
	b.write(rel, data)
	b.links.AddFile("/" + rel)
	b.countMu.Lock()
	b.res.DataFiles++
	b.countMu.Unlock()
}

// sortedKeys returns a map's keys in order.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
