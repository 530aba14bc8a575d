// Package serve is the development server: it builds the site in memory,
// serves it as Netlify would, rebuilds it when a file changes and tells
// the browser to reload.
//
//	watcher   fsnotify on content/, layouts/ and static/, folders created
//	          or moved in later included, a folder renamed or moved out
//	          no longer watched under its old name; editors' swap, backup
//	          and temporary files and permission-only changes ignored; a
//	          burst of events (an editor's write-rename-delete dance, a
//	          branch switched) is one batch, ended by Config.Quiet without
//	          events, and what changes while a rebuild runs is the next
//	          one, however many pauses it has; when the system's queue of
//	          events overflows, every folder is watched again and the
//	          whole site built; a folder the system will not watch (its
//	          limit on watches reached, or no permission to read it) is
//	          named, with the limit and how to raise it or the chmod
//	          that gives permission, in the terminal and in the browser,
//	          tried again every few seconds, and once watched its files
//	          count as changed and the browser's notice goes; the folders watched
//	          are those the build reads (a symbolic link to a folder is
//	          not followed, one to a file is, within the site's folders,
//	          and a watch kept for a link's file goes with the link)
//	rebuild   build.Builder.Build with the batch's paths: only what the
//	          changes reach is parsed and rendered again, and the output is
//	          byte for byte that of a full build, content/, layouts/ or
//	          static/ deleted and made again included; it stays in memory
//	          and never touches public/. After an edit to Markdown bodies the
//	          browser is told to reload as soon as the pages are built: the
//	          search index finishes after, and requests under /search/
//	          wait for the index of the newest build, so old and new index
//	          files are never mixed
//	http      only for a Host that is localhost, a name under .localhost,
//	          an IP address or the host of Config.Addr (403 otherwise, so
//	          that a web page cannot read the drafts through a DNS name it
//	          points at this computer); pretty URLs as on Netlify (/x
//	          redirects to /x/ when x/ has an index.html, /x/ is
//	          x/index.html, _redirects are followed, anything else is
//	          /404.html with status 404); HTML responses get
//	          <script src="/_sitegen/reload.js">, an external script as the
//	          site's content security policy requires, naming the build the
//	          page is from
//	events    Server-Sent Events at /_sitegen/events: "hello" with the
//	          build served (a page from an older one reloads), "reload"
//	          after a good build, "css" with the new stylesheet URLs when
//	          only stylesheets changed (swapped without a reload), "problems" with
//	          the problems and the source lines around each when a build
//	          fails (read as the build reads them, never through a link out
//	          of the site); the last good site is served meanwhile, and the
//	          next good build clears the overlay; "watching" with the
//	          folders not watched, shown in the same overlay (and with
//	          none, once they are watched, which clears it)
//
// A Server is an instance: tests run several at once. Drafts and future
// pages are shown, with the banners the layouts give them.
package serve

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"sitegen/internal/build"
	"sitegen/internal/diag"
)

// Config describes a development server.
type Config struct {
	// Addr is the address to listen on, such as 127.0.0.1:8080; port 0
	// picks a free one. Ignored when Listener is set.
	Addr     string
	Listener net.Listener
	// Options are the build's; Src must be set. Drafts, Future and Dev
	// are turned on; Out is not used.
	Options build.Options
	// Log receives build reports and problems (os.Stderr when nil).
	Log io.Writer
	// Quiet is how long the watcher waits after an event for more before
	// rebuilding (10ms when 0: editors' save sequences, write, rename and
	// delete, arrive within a millisecond or two of each other).
	Quiet time.Duration
	// Clock, when set, is asked for the date before each rebuild; nil
	// keeps Options.Now for as long as the server runs (a date fixed with
	// SOURCE_DATE_EPOCH). At midnight (UTC), and at a save on a later
	// day, the server builds everything again with the new date: a
	// certification that ended yesterday is shown lapsed and a page
	// published today loses its "Scheduled" banner, as in a build run
	// that day, and open pages reload.
	Clock func() time.Time
	// after is time.After, or the tests' stand-in for it.
	after func(time.Duration) <-chan time.Time
}

// Server is a running development server.
type Server struct {
	cfg     Config
	ln      net.Listener
	builder *build.Builder
	day     time.Time // the date builder builds with (see Config.Clock)
	watch   *watcher
	log     io.Writer
	logMu   sync.Mutex

	site   atomic.Pointer[state] // the last good site
	status atomic.Pointer[event] // the last build's outcome, sent to new clients
	// watching is the last news of folders not watched, sent to new
	// clients while it names any.
	watching atomic.Pointer[event]
	builds   atomic.Int64

	mu      sync.Mutex
	clients map[chan event]bool
	done    chan struct{}
	printed map[string]bool // problems already shown in the terminal
}

// state is a built site as served.
type state struct {
	files map[string][]byte
	// copied are the files the site publishes as they are, served from
	// the site's own files (see build.Rebuild.Copied).
	copied    *build.Rebuild
	redirects map[string]redirect
	// index, when not nil, is the search index finishing after the
	// build; its files are not in files. Requests under /search/ wait
	// for it (see settled).
	index    *build.Index
	replaced chan struct{} // closed when a newer site is served
	build    int64         // the build that made it
}

// settled returns the newest site whose search index is in place,
// waiting for the index of the newest build when it is finishing, and the
// index's files when they are not in the site's files. It returns nil
// when ctx ends first.
func (s *Server) settled(ctx context.Context) (*state, map[string][]byte) {
	st := s.site.Load()
	for st != nil && st.index != nil {
		select {
		case <-st.index.Done():
			if files, ok := st.index.Files(); ok {
				return st, files
			}
			// Superseded by a build that is about to be served.
			select {
			case <-st.replaced:
			case <-ctx.Done():
				return nil, nil
			}
		case <-st.replaced:
		case <-ctx.Done():
			return nil, nil
		}
		st = s.site.Load()
	}
	return st, nil
}

// New listens, builds the site once and starts watching. A site that does
// not build is still served: the browser shows the problems.
func New(cfg Config) (*Server, error) {
	if cfg.Quiet == 0 {
		cfg.Quiet = 10 * time.Millisecond
	}
	if cfg.Log == nil {
		cfg.Log = os.Stderr
	}
	opt := cfg.Options
	if opt.Src == "" {
		opt.Src = "."
	}
	opt.Drafts, opt.Future, opt.Dev = true, true, true
	opt.DryRun, opt.Out, opt.FS = false, "", nil
	s := &Server{cfg: cfg, log: cfg.Log, clients: map[chan event]bool{}, done: make(chan struct{}), printed: map[string]bool{}}
	ln := cfg.Listener
	if ln == nil {
		addr := cfg.Addr
		if addr == "" {
			addr = "127.0.0.1:8080"
		}
		var err error
		ln, err = net.Listen("tcp", addr)
		if err != nil {
			if errors.Is(err, syscall.EADDRINUSE) {
				return nil, fmt.Errorf("%s is already in use (another sitegen serve?); stop that server or pass another address, such as -addr 127.0.0.1:8081", addr)
			}
			return nil, fmt.Errorf("cannot listen on %s: %w", addr, err)
		}
	}
	s.ln = ln
	if !loopback(ln.Addr()) {
		s.logf("warning: serving on %s, beyond this computer: anyone on the network can read the drafts; use -addr 127.0.0.1:8080 to keep them private\n", ln.Addr())
	}
	if opt.BaseURL == "" {
		opt.BaseURL = s.URL()
	}
	b, err := build.NewBuilder(opt)
	if err != nil {
		ln.Close()
		return nil, err
	}
	s.builder = b
	s.cfg.Options = opt
	s.day = opt.Now
	s.rebuild(nil, time.Now())
	w, err := newWatcher(opt.Src, cfg.Quiet)
	if err != nil {
		ln.Close()
		return nil, err
	}
	s.watch = w
	return s, nil
}

func loopback(a net.Addr) bool {
	ta, ok := a.(*net.TCPAddr)
	return ok && ta.IP.IsLoopback()
}

// URL is the server's address, such as http://127.0.0.1:8080/.
func (s *Server) URL() string {
	a := s.ln.Addr().(*net.TCPAddr)
	host := a.IP.String()
	if a.IP.IsUnspecified() {
		host = "127.0.0.1"
	}
	return "http://" + net.JoinHostPort(host, fmt.Sprint(a.Port)) + "/"
}

// Run serves and rebuilds until ctx is done, then shuts down: open event
// streams are closed, requests in flight finish, the watcher stops.
func (s *Server) Run(ctx context.Context) error {
	hs := &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second}
	serveErr := make(chan error, 1)
	go func() { serveErr <- hs.Serve(s.ln) }()
	s.logf("serving %s at %s (drafts and future pages shown); Ctrl-C stops\n", s.cfg.Options.Src, s.URL())
	var err error
	var midnight <-chan time.Time
	wake := func() {
		if s.cfg.Clock != nil {
			after := time.After
			if s.cfg.after != nil {
				after = s.cfg.after
			}
			t := s.cfg.Clock().UTC()
			next := time.Date(t.Year(), t.Month(), t.Day()+1, 0, 0, 1, 0, time.UTC)
			midnight = after(next.Sub(t))
		}
	}
	wake()
loop:
	for {
		select {
		case <-ctx.Done():
			break loop
		case err = <-serveErr:
			break loop
		case <-midnight:
			if !sameDay(s.cfg.Clock(), s.day) {
				s.rebuild(nil, time.Now())
			}
			wake()
		case b := <-s.watch.batches:
			if b.all {
				b.paths = nil // not known: build everything
			}
			s.rebuild(b.paths, b.first)
		case werr := <-s.watch.errs:
			s.logf("watching: %v\n", werr)
		case u := <-s.watch.unwatched:
			s.unwatched(u)
		}
	}
	s.mu.Lock()
	close(s.done)
	s.mu.Unlock()
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	serr := hs.Shutdown(sctx)
	werr := s.watch.close()
	if err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return errors.Join(serr, werr)
}

// unwatched tells the terminal and the browsers of the folders the system
// would not watch (u), or that every folder is watched again (nil): the
// browser shows it as it shows a failed build's problems, since an
// editor looking at the preview would otherwise wait for a reload that
// does not come.
func (s *Server) unwatched(u *unwatched) {
	ev := event{Name: "watching", Build: s.builds.Load()}
	if u == nil {
		if prev := s.watching.Load(); prev == nil || len(prev.Problems) == 0 {
			return
		}
		s.logf("watching every folder again: changes anywhere in the site are previewed\n")
	} else {
		msg := u.message()
		s.logf("watching: %s\n", msg)
		ev.Problems = []problem{{File: u.dir, Msg: msg, Severity: "warning", Text: msg}}
	}
	s.watching.Store(&ev)
	s.broadcast(ev)
}

// message is what the editor is told of u: why its folder is not
// watched, and how many others are not either.
func (u *unwatched) message() string {
	switch {
	case u.more == 1:
		return u.err.Error() + " (1 other folder is not watched either)"
	case u.more > 1:
		return u.err.Error() + fmt.Sprintf(" (%d other folders are not watched either)", u.more)
	}
	return u.err.Error()
}

// rebuild builds after a batch of changes and tells the browsers.
func (s *Server) rebuild(paths []string, first time.Time) {
	n := s.builds.Add(1)
	rb, err := s.build(paths)
	took := time.Since(first)
	if err != nil {
		probs := s.problems(rb, err)
		ev := event{Name: "problems", Build: n, Problems: probs}
		s.status.Store(&ev)
		s.report(rb, true)
		s.logf("%s\n", failedLine(len(probs), s.site.Load() != nil))
		s.broadcast(ev)
		return
	}
	old := s.site.Load()
	st := &state{files: rb.Files, copied: rb, redirects: parseRedirects(rb.Files["_redirects"]), index: rb.Index, replaced: make(chan struct{}), build: n}
	s.site.Store(st)
	if old != nil {
		close(old.replaced)
	}
	ev := event{Name: "reload", Build: n}
	if prev := s.status.Load(); prev != nil && prev.Name != "problems" && old != nil {
		if css := cssOnly(paths, old.files, st.files); css != nil {
			ev = event{Name: "css", Build: n, CSS: css}
		}
	}
	s.status.Store(&event{Name: "ok", Build: n})
	s.report(rb, false)
	if paths == nil {
		s.logf("%s\n", rb.Summary())
	} else {
		s.logf("rebuilt in %s: %d of %d pages rendered (%s)\n", took.Round(time.Millisecond), len(rb.Rendered), rb.Pages, summarise(paths))
	}
	s.broadcast(ev)
}

// build runs the builder; a panic (a bug, never the content's fault) is
// reported as a failed build so the server keeps going.
func (s *Server) build(paths []string) (rb *build.Rebuild, err error) {
	defer func() {
		if r := recover(); r != nil {
			rb, err = nil, fmt.Errorf("internal error while building: %v", r)
		}
	}()
	if s.cfg.Clock != nil {
		if t := s.cfg.Clock().UTC(); !sameDay(t, s.day) {
			opt := s.cfg.Options
			opt.Now = t
			if b, err := build.NewBuilder(opt); err == nil {
				s.builder, s.day = b, t
				s.logf("a new day, %s: building everything again\n", t.Format("2 January 2006"))
				paths = nil // a new Builder builds everything
			}
		}
	}
	return s.builder.Build(paths)
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.UTC().Date()
	by, bm, bd := b.UTC().Date()
	return ay == by && am == bm && ad == bd
}

func summarise(paths []string) string {
	p := slices.Clone(paths)
	slices.Sort(p)
	if len(p) > 3 {
		return strings.Join(p[:3], ", ") + fmt.Sprintf(" and %d more", len(p)-3)
	}
	return strings.Join(p, ", ")
}

// report prints the problems not printed after the last build.
func (s *Server) report(rb *build.Rebuild, failed bool) {
	if rb == nil || rb.Result == nil || rb.Problems == nil {
		return
	}
	now := map[string]bool{}
	for _, p := range rb.Problems.All() {
		line := p.String()
		now[line] = true
		if !s.printed[line] && (p.Severity != diag.Info || failed) {
			s.logf("%s\n", line)
		}
	}
	s.printed = now
}

func (s *Server) logf(format string, args ...any) {
	s.logMu.Lock()
	fmt.Fprintf(s.log, format, args...)
	s.logMu.Unlock()
}

// cssOnly returns the URLs of the new stylesheets when the changes were to
// stylesheets alone, or nil.
func cssOnly(paths []string, old, now map[string][]byte) []string {
	if len(paths) == 0 {
		return nil
	}
	for _, p := range paths {
		if !strings.HasPrefix(p, "static/") || !strings.HasSuffix(p, ".css") {
			return nil
		}
	}
	var css []string
	for f := range now {
		if strings.HasSuffix(f, ".css") && !bytesEqual(old[f], now[f]) {
			css = append(css, "/"+f)
		}
	}
	slices.Sort(css)
	return css
}

func bytesEqual(a, b []byte) bool { return string(a) == string(b) }

// problems are a failed build's errors (warnings too in strict mode), with
// the source lines around each.
func (s *Server) problems(rb *build.Rebuild, err error) []problem {
	var out []problem
	if rb != nil && rb.Result != nil && rb.Problems != nil {
		for _, p := range rb.Problems.All() {
			if p.Severity == diag.Error || (s.cfg.Options.Strict && p.Severity == diag.Warning) {
				out = append(out, s.withSource(p))
			}
		}
	}
	if len(out) == 0 && err != nil && !errors.Is(err, build.ErrFailed) {
		out = append(out, problem{Msg: err.Error(), Text: err.Error(), Severity: "error"})
	}
	return out
}

// failedLine is the terminal's line for a failed build of n errors:
// whether the last good site is still served, or there is none yet.
func failedLine(n int, served bool) string {
	count := "1 error"
	if n != 1 {
		count = fmt.Sprintf("%d errors", n)
	}
	if served {
		return "build failed (" + count + "); still serving the last good site"
	}
	return "build failed (" + count + "); the site does not build yet, so the browser shows the problems until you fix them"
}

// problem is a build problem as the overlay shows it.
type problem struct {
	File     string       `json:"file,omitempty"`
	Line     int          `json:"line,omitempty"`
	Col      int          `json:"col,omitempty"`
	Msg      string       `json:"message"`
	Severity string       `json:"severity"`
	Text     string       `json:"text"` // path:line:col: message
	Source   []sourceLine `json:"source,omitempty"`
}

type sourceLine struct {
	N    int    `json:"n"`
	Text string `json:"text"`
	Here bool   `json:"here,omitempty"`
}

// contextLines is how many lines are shown around a problem's line.
const contextLines = 2

// maxSourceFile is the size of the largest file whose lines are shown: a
// page, a data file or a layout is far smaller, a video in static/ (whose
// name may have a problem) far larger, and is not read for its lines.
const maxSourceFile = 4 << 20

// maxSourceLine is the number of characters of a line shown: a long
// paragraph is one line of Markdown.
const maxSourceLine = 1000

func (s *Server) withSource(p diag.Problem) problem {
	sev := "error"
	if p.Severity == diag.Warning {
		sev = "warning"
	}
	out := problem{File: p.File, Line: p.Line, Col: p.Col, Msg: p.Msg, Severity: sev, Text: p.String()}
	if p.File == "" || p.Line <= 0 || strings.Contains(p.File, "..") {
		return out
	}
	// Read as the build reads: never through a link out of the site; and
	// only a text file (a picture has a zero byte in its first bytes).
	if fi, err := s.builder.Stat(p.File); err != nil || !fi.Mode().IsRegular() || fi.Size() > maxSourceFile {
		return out
	}
	src, err := s.builder.ReadFile(p.File)
	if err != nil || bytes.IndexByte(src, 0) >= 0 {
		return out
	}
	lines := strings.Split(strings.ReplaceAll(string(src), "\r\n", "\n"), "\n")
	for n := max(1, p.Line-contextLines); n <= min(len(lines), p.Line+contextLines); n++ {
		out.Source = append(out.Source, sourceLine{N: n, Text: cutLine(lines[n-1]), Here: n == p.Line})
	}
	return out
}

// cutLine returns line, or its first maxSourceLine characters but one
// and an ellipsis.
func cutLine(line string) string {
	if len(line) <= maxSourceLine {
		return line
	}
	n := 0
	for i := range line {
		if n == maxSourceLine-1 {
			return line[:i] + "…"
		}
		n++
	}
	return line
}
