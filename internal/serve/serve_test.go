package serve

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"sitegen/internal/build"

	"github.com/fsnotify/fsnotify"
)

// wait is how long a test waits for something that should happen: long,
// because a slow machine under the race detector is slow, and a passing
// test never waits it out.
const wait = 60 * time.Second

var fixedNow = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)

// fixture is the build package's test site, with a draft banner added.
func fixture(t testing.TB) string {
	t.Helper()
	src := t.TempDir()
	copyTree(t, filepath.Join("..", "build", "testdata", "fixture"), src)
	base := filepath.Join(src, "layouts", "base.html")
	data, _ := os.ReadFile(base)
	writeFile(base, strings.Replace(string(data), "<main id=\"main\">",
		`{{if .Page.Draft}}<p class="banner banner-draft">Draft</p>{{end}}<main id="main">`, 1))
	return src
}

// writeFile saves a file in one step, as editors that write a backup
// (x~) and rename it into place do: a server on a busy machine could
// otherwise rebuild between os.WriteFile's truncate and its write, and see
// an empty file the test did not mean to save.
func writeFile(p, text string) error {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(p+"~", []byte(text), 0o644); err != nil {
		return err
	}
	return os.Rename(p+"~", p)
}

// syncBuffer is a log safe to write from the server and read in the test.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

type testServer struct {
	*Server
	t    testing.TB
	src  string
	log  *syncBuffer
	stop func()
}

// start runs a server on a free port until the test ends; with a
// function, it changes the server's Config first.
func start(t testing.TB, src string, with ...func(*Config)) *testServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	log := &syncBuffer{}
	cfg := Config{Listener: ln, Log: log, Options: build.Options{Src: src, Now: fixedNow}}
	for _, f := range with {
		f(&cfg)
	}
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	ts := &testServer{Server: s, t: t, src: src, log: log}
	var once sync.Once
	ts.stop = func() {
		once.Do(func() {
			cancel()
			select {
			case err := <-done:
				if err != nil {
					t.Errorf("Run: %v", err)
				}
			case <-time.After(wait):
				t.Errorf("the server did not shut down")
			}
		})
	}
	t.Cleanup(ts.stop)
	return ts
}

// response is an HTTP response, read whole.
type response struct {
	status   int
	body     string
	location string
	ctype    string
}

var client = &http.Client{
	Timeout:       wait,
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
}

func (ts *testServer) get(p string) response {
	ts.t.Helper()
	res, err := client.Get(strings.TrimSuffix(ts.URL(), "/") + p)
	if err != nil {
		ts.t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	return response{res.StatusCode, string(body), res.Header.Get("Location"), res.Header.Get("Content-Type")}
}

func (ts *testServer) write(rel, text string) {
	ts.t.Helper()
	if err := writeFile(filepath.Join(ts.src, filepath.FromSlash(rel)), text); err != nil {
		ts.t.Fatal(err)
	}
}

func (ts *testServer) path(rel string) string { return filepath.Join(ts.src, filepath.FromSlash(rel)) }

// sse is one browser tab's event stream.
type sse struct {
	t      testing.TB
	events chan sseEvent
	body   io.Closer
	early  []event // events sent before hello: the state when the tab opened
	hello  event
}

type sseEvent struct {
	name string
	data event
}

func (ts *testServer) listen() *sse {
	ts.t.Helper()
	res, err := http.Get(ts.URL() + "_sitegen/events")
	if err != nil {
		ts.t.Fatal(err)
	}
	if ct := res.Header.Get("Content-Type"); ct != "text/event-stream" {
		ts.t.Fatalf("events: Content-Type %q", ct)
	}
	s := &sse{t: ts.t, events: make(chan sseEvent, 64), body: res.Body}
	go func() {
		defer close(s.events)
		sc := bufio.NewScanner(res.Body)
		sc.Buffer(nil, 1<<20)
		var name string
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				name = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				var ev event
				if err := json.Unmarshal([]byte(strings.TrimPrefix(line, "data: ")), &ev); err != nil {
					ts.t.Errorf("event %s: bad data %q: %v", name, line, err)
				}
				ev.Name = name
				s.events <- sseEvent{name, ev}
			}
		}
	}()
	ts.t.Cleanup(func() { res.Body.Close() })
	// The stream is open once the server says hello.
	timeout := time.After(wait)
	for {
		select {
		case ev, ok := <-s.events:
			if !ok {
				ts.t.Fatal("event stream closed before hello")
			}
			if ev.name == "hello" {
				s.hello = ev.data
				return s
			}
			s.early = append(s.early, ev.data)
		case <-timeout:
			ts.t.Fatal("no hello from the event stream")
		}
	}
}

// until waits for an event named want, skipping others (an editor's save
// may reach the watcher in two bursts).
func (s *sse) until(want string) event {
	s.t.Helper()
	timeout := time.After(wait)
	for {
		select {
		case ev, ok := <-s.events:
			if !ok {
				s.t.Fatalf("event stream closed while waiting for %q", want)
			}
			if ev.name == want {
				return ev.data
			}
		case <-timeout:
			s.t.Fatalf("no %q event within %s", want, wait)
		}
	}
}

// next waits for the next event other than hello and checks its name.
func (s *sse) next(want string) event {
	s.t.Helper()
	timeout := time.After(wait)
	for {
		select {
		case ev, ok := <-s.events:
			if !ok {
				s.t.Fatalf("event stream closed while waiting for %q", want)
			}
			if ev.name == "hello" && want != "hello" {
				continue
			}
			if ev.name != want {
				s.t.Fatalf("got event %q (%+v), want %q", ev.name, ev.data, want)
			}
			return ev.data
		case <-timeout:
			s.t.Fatalf("no %q event within %s", want, wait)
		}
	}
}

func TestServeSite(t *testing.T) {
	ts := start(t, fixture(t))
	cases := []struct {
		path, want string
		status     int
		location   string
	}{
		{"/", "<h1>", 200, ""},
		{"/articles/first/", "A new intro", 0, ""}, // checked below, after the edit
		{"/articles/first", "", 301, "/articles/first/"},
		{"/articles/draft/", `class="banner banner-draft"`, 200, ""},
		{"/no/such/page/", "Page not found", 404, ""},
		{"/old-about/", "", 301, "/about/"},
		{"/old-about", "", 301, "/about/"}, // as Netlify, with or without the slash
		{"/_sitegen/reload.js", "EventSource", 200, ""},
	}
	for _, c := range cases {
		if c.status == 0 {
			continue
		}
		r := ts.get(c.path)
		if r.status != c.status || !strings.Contains(r.body, c.want) || r.location != c.location {
			t.Errorf("GET %s: %d %q location %q; want %d with %q, location %q", c.path, r.status, trim(r.body), r.location, c.status, c.want, c.location)
		}
	}
	home := ts.get("/")
	if !strings.Contains(home.body, `<script src="/_sitegen/reload.js"`) || !strings.HasSuffix(home.body, "></script>") || !strings.HasPrefix(home.ctype, "text/html") {
		t.Errorf("the home page lacks the reload script: %q", trim(home.body))
	}
	if css := ts.get("/robots.txt"); strings.Contains(css.body, "reload.js") {
		t.Errorf("reload script added to a text file")
	}
}

// await waits for reloads until path serves a page containing want (or,
// with want "", answers with status): a save that reaches the watcher in
// two bursts reloads twice, and only the last shows the result.
func (ts *testServer) await(ev *sse, path, want string, status int) response {
	ts.t.Helper()
	deadline := time.Now().Add(wait)
	for {
		ev.next("reload")
		r := ts.get(path)
		if (want == "" || strings.Contains(r.body, want)) && (status == 0 || r.status == status) {
			return r
		}
		if time.Now().After(deadline) {
			ts.t.Fatalf("GET %s: %d %q; want %d with %q", path, r.status, trim(r.body), status, want)
		}
	}
}

func trim(s string) string {
	if len(s) > 300 {
		return s[:300] + "..."
	}
	return s
}

// TestServeEdits edits, creates, renames and deletes files the ways editors
// do, and checks each reload and the content served after it, then that
// the served site is the full build's.
func TestServeEdits(t *testing.T) {
	ts := start(t, fixture(t))
	ev := ts.listen()
	first, _ := os.ReadFile(ts.path("content/articles/first.md"))

	// Written in place.
	ts.write("content/articles/first.md", strings.Replace(string(first), "Intro with", "A new intro with", 1))
	ts.await(ev, "/articles/first/", "A new intro with", 200)

	// A new file, in a folder made after the server started.
	ts.write("content/guides/setup/index.md", "---\ntitle: Setting up\n---\nA guide.\n")
	ts.await(ev, "/guides/setup/", "A guide.", 200)

	// Renamed.
	if err := os.Rename(ts.path("content/notes/plain.md"), ts.path("content/notes/renamed.md")); err != nil {
		t.Fatal(err)
	}
	ts.await(ev, "/notes/plain/", "", 404)
	if r := ts.get("/notes/renamed/"); r.status != 200 {
		t.Errorf("renamed page not served at its new URL: %d", r.status)
	}

	// Vim: the file renamed to a backup, a new file written, the backup
	// removed, with its 4913 write test and swap file on the way.
	second := ts.path("content/articles/second.md")
	orig, _ := os.ReadFile(second)
	ts.write("content/articles/4913", "")
	os.Remove(ts.path("content/articles/4913"))
	ts.write("content/articles/.second.md.swp", "swap")
	os.Rename(second, second+"~")
	ts.write("content/articles/second.md", string(orig)+"\nSaved by vim.\n")
	os.Remove(second + "~")
	ts.await(ev, "/articles/the-second/", "Saved by vim.", 200)

	// JetBrains safe write: a temporary file renamed over the original.
	ts.write("content/articles/second.md___jb_tmp___", string(orig)+"\nSaved by a JetBrains IDE.\n")
	os.Rename(second, second+"___jb_old___")
	os.Rename(second+"___jb_tmp___", second)
	os.Remove(second + "___jb_old___")
	ts.await(ev, "/articles/the-second/", "Saved by a JetBrains IDE.", 200)

	// Deleted and recreated.
	os.Remove(ts.path("content/guides/setup/index.md"))
	ts.await(ev, "/guides/setup/", "", 404)
	ts.write("content/guides/setup/index.md", "---\ntitle: Setting up\n---\nA guide, again.\n")
	ts.await(ev, "/guides/setup/", "A guide, again.", 200)

	// A layout.
	page := ts.path("layouts/page.html")
	data, _ := os.ReadFile(page)
	ts.write("layouts/page.html", strings.Replace(string(data), "{{.Page.Content}}", `<div class="body">{{.Page.Content}}</div>`, 1))
	ts.await(ev, "/articles/first/", `<div class="body">`, 200)

	// A stylesheet: swapped in place.
	css, _ := os.ReadFile(ts.path("static/css/site.css"))
	ts.write("static/css/site.css", string(css)+"\nmain{color:#123456}\n")
	got := ev.next("css")
	if len(got.CSS) != 1 || !strings.HasPrefix(got.CSS[0], "/assets/site.") {
		t.Fatalf("css event: %+v", got)
	}
	if r := ts.get(got.CSS[0]); r.status != 200 || !strings.Contains(r.body, "#123456") {
		t.Errorf("new stylesheet: %d %q", r.status, trim(r.body))
	}
	if r := ts.get("/"); !strings.Contains(r.body, got.CSS[0]) {
		t.Errorf("the page does not link the new stylesheet %s", got.CSS[0])
	}

	sameAsFullBuild(t, ts)
}

// sameAsFullBuild compares every file of a fresh full build with what the
// server serves, byte for byte (less the reload script).
func sameAsFullBuild(t *testing.T, ts *testServer) {
	t.Helper()
	sameAsFullBuildOn(t, ts, ts.cfg.Options.Now)
}

// sameAsFullBuildOn is sameAsFullBuild with a full build dated now.
func sameAsFullBuildOn(t *testing.T, ts *testServer, now time.Time) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	opt := ts.cfg.Options
	opt.Out, opt.Now = out, now
	if res, err := build.Run(opt); err != nil {
		t.Fatalf("full build: %v\n%v", err, res.Problems.All())
	}
	// The site as served once its search index is in place.
	st, index := ts.settled(context.Background())
	served := make(map[string][]byte, len(st.files)+len(index))
	for _, m := range []map[string][]byte{st.files, index} {
		for f, d := range m {
			served[f] = d
		}
	}
	n := 0
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(out, p)
		rel = filepath.ToSlash(rel)
		if rel == build.OutputMarker {
			return nil // a folder's mark, not a page of the site
		}
		want, _ := os.ReadFile(p)
		got, ok := served[rel]
		if !ok {
			t.Errorf("%s: in the full build, not served", rel)
			return nil
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s differs from the full build", rel)
		}
		n++
		if strings.HasSuffix(rel, ".txt") || strings.HasSuffix(rel, ".css") || strings.HasPrefix(rel, "search/") && strings.HasSuffix(rel, ".json") {
			if r := ts.get("/" + rel); r.body != string(want) {
				t.Errorf("GET /%s differs from the full build", rel)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != len(served) {
		t.Errorf("the full build has %d files, the server %d", n, len(served))
	}
}

// TestServeBrokenFile breaks a file: the overlay event names the place and
// shows the lines; the last good site is still served; the fix clears it.
func TestServeBrokenFile(t *testing.T) {
	ts := start(t, fixture(t))
	ev := ts.listen()
	good, _ := os.ReadFile(ts.path("content/articles/second.md"))
	before := ts.get("/articles/the-second/").body

	ts.write("content/articles/second.md", "---\ntitle: Second\ndate: not a date\n---\nBody.\n")
	got := ev.until("problems")
	if len(got.Problems) == 0 {
		t.Fatal("problems event without problems")
	}
	p := got.Problems[0]
	if p.File != "content/articles/second.md" || p.Line != 3 || p.Col == 0 || p.Msg == "" {
		t.Errorf("problem: %+v", p)
	}
	if !strings.HasPrefix(p.Text, "content/articles/second.md:3:") {
		t.Errorf("problem text %q", p.Text)
	}
	var here []string
	for _, l := range p.Source {
		if l.Here {
			here = append(here, l.Text)
		}
	}
	if len(p.Source) < 3 || len(here) != 1 || here[0] != "date: not a date" {
		t.Errorf("source lines: %+v", p.Source)
	}
	if !strings.Contains(ts.log.String(), "content/articles/second.md:3:") ||
		!strings.Contains(ts.log.String(), "build failed (1 error); still serving the last good site\n") {
		t.Errorf("the terminal does not show the problem:\n%s", ts.log.String())
	}
	if r := ts.get("/articles/the-second/"); r.body != before {
		t.Errorf("the last good page is not served while the build fails")
	}
	// A tab opened now sees the problems at once.
	late := ts.listen()
	if len(late.early) != 1 || late.early[0].Name != "problems" || len(late.early[0].Problems) == 0 {
		t.Errorf("a new tab is not told of the problems: %+v", late.early)
	}

	ts.write("content/articles/second.md", string(good)+"\nFixed.\n")
	ts.await(ev, "/articles/the-second/", "Fixed.", 200)
	late.next("reload")
	if fresh := ts.listen(); len(fresh.early) != 0 {
		t.Errorf("a tab opened after the fix is told of %+v", fresh.early)
	}
}

// TestServeFirstBuildFails: when the first build fails there is no good
// site to serve, and the terminal does not claim one.
func TestServeFirstBuildFails(t *testing.T) {
	src := fixture(t)
	if err := writeFile(filepath.Join(src, "content/articles/second.md"), "---\ntitle: Second\ndate: not a date\nupdated: nor this\n---\nBody.\n"); err != nil {
		t.Fatal(err)
	}
	ts := start(t, src)
	const want = "build failed (2 errors); the site does not build yet, so the browser shows the problems until you fix them\n"
	for deadline := time.Now().Add(wait); !strings.Contains(ts.log.String(), want); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("no %q in the terminal:\n%s", want, ts.log.String())
		}
	}
	if strings.Contains(ts.log.String(), "last good site") {
		t.Errorf("the terminal speaks of a last good site when there is none:\n%s", ts.log.String())
	}
	if r := ts.get("/"); r.status != http.StatusInternalServerError || !strings.Contains(r.body, "The site does not build yet") {
		t.Errorf("GET / = %d %q", r.status, r.body)
	}
}

// TestServeLinks: a page that is a symbolic link out of the site is an
// error at the link, and neither the preview nor its problem overlay
// shows a line of the file it points to; a link to a file in the site is
// followed, and saving that file rebuilds the page.
func TestServeLinks(t *testing.T) {
	ts := start(t, fixture(t))
	ev := ts.listen()
	before := ts.get("/articles/the-second/").body
	secret := filepath.Join(t.TempDir(), "secret.md")
	if err := os.WriteFile(secret, []byte("---\ntitle: SECRET title\n---\nSECRET line\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	page := ts.path("content/articles/second.md")
	if err := os.Remove(page); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(secret, page); err != nil {
		t.Skip("no symlinks here:", err)
	}
	got := ev.until("problems")
	want := "content/articles/second.md:1:1: is a symbolic link to a file outside the site; copy the file into the site instead"
	found := false
	for _, p := range got.Problems {
		found = found || p.Text == want
		for _, l := range p.Source {
			if strings.Contains(l.Text, "SECRET") {
				t.Errorf("the overlay shows a line of a file outside the site: %+v", p)
			}
		}
	}
	if !found {
		t.Errorf("problems %+v; want %q", got.Problems, want)
	}
	if r := ts.get("/articles/the-second/"); r.body != before {
		t.Errorf("the last good page is not served while the build fails")
	}
	if strings.Contains(ts.log.String(), "SECRET") {
		t.Errorf("the terminal shows a file outside the site:\n%s", ts.log.String())
	}

	// Linked, by its absolute path, to a file in another of the site's
	// folders: followed, and followed again when that file is saved.
	shared := ts.path("static/shared/second.md")
	if err := writeFile(shared, "---\ntitle: Second\nslug: the-second\n---\nShared text.\n"); err != nil {
		t.Fatal(err)
	}
	os.Remove(page)
	if err := os.Symlink(shared, page); err != nil {
		t.Fatal(err)
	}
	ts.await(ev, "/articles/the-second/", "Shared text.", 200)
	if err := writeFile(shared, "---\ntitle: Second\nslug: the-second\n---\nShared text, saved again.\n"); err != nil {
		t.Fatal(err)
	}
	ts.await(ev, "/articles/the-second/", "Shared text, saved again.", 200)
}

// TestServeRefusesOtherHosts: a request for a DNS name other than
// localhost, as a page of another site makes after pointing its name at
// this computer (DNS rebinding), is refused for pages, drafts and the
// event stream alike; requests for localhost and IP addresses are served.
func TestServeRefusesOtherHosts(t *testing.T) {
	ts := start(t, fixture(t))
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(strings.TrimSuffix(ts.URL(), "/"), "http://"))
	do := func(host, path string) (int, string, string) {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), wait)
		defer cancel()
		req, err := http.NewRequestWithContext(ctx, "GET", ts.URL()+strings.TrimPrefix(path, "/"), nil)
		if err != nil {
			t.Fatal(err)
		}
		req.Host = host
		res, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		if res.Header.Get("Content-Type") == "text/event-stream" {
			return res.StatusCode, res.Header.Get("Content-Type"), "" // open: the stream is served
		}
		body, _ := io.ReadAll(res.Body)
		return res.StatusCode, res.Header.Get("Content-Type"), string(body)
	}
	paths := []string{"/articles/draft/", "/_sitegen/events", "/_sitegen/reload.js", "/"}
	for _, host := range []string{
		"rebind.attacker.example:" + port, "rebind.attacker.example", "localhost.attacker.example:" + port,
		"127.0.0.1.nip.io:" + port, "attacker.example.:" + port,
	} {
		for _, p := range paths {
			status, ctype, body := do(host, p)
			if status != http.StatusForbidden || !strings.HasPrefix(ctype, "text/plain") ||
				!strings.Contains(body, "localhost or an IP address") || strings.Contains(body, "Draft") {
				t.Errorf("Host %s, GET %s: %d %s %q; want 403 with an explanation", host, p, status, ctype, trim(body))
			}
		}
	}
	for _, host := range []string{
		"127.0.0.1:" + port, "localhost:" + port, "LocalHost:" + port, "localhost.:" + port, "preview.localhost:" + port,
		"[::1]:" + port, "192.168.1.20:" + port, "10.0.0.7", "[fe80::1]:" + port,
	} {
		for _, p := range paths {
			if status, ctype, body := do(host, p); status != http.StatusOK {
				t.Errorf("Host %s, GET %s: %d %s %q; want it served", host, p, status, ctype, trim(body))
			}
		}
	}
}

// TestAllowedHost: the host an editor told the server to listen on is
// served by name, as localhost is, and no other name.
func TestAllowedHost(t *testing.T) {
	for _, c := range []struct {
		host, listen string
		want         bool
	}{
		{"mybox.lan:8080", "mybox.lan", true},
		{"MyBox.lan:8080", "mybox.lan", true},
		{"other.lan:8080", "mybox.lan", false},
		{"mybox.lan:8080", "", false},
		{"mybox.lan:8080", "0.0.0.0", false},
		{"192.168.1.20:8080", "0.0.0.0", true},
		{"localhost:8080", "0.0.0.0", true},
		{"", "", true},
	} {
		if got := allowedHost(c.host, c.listen); got != c.want {
			t.Errorf("allowedHost(%q, %q) = %v, want %v", c.host, c.listen, got, c.want)
		}
	}
}

func TestAddressInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	_, err = New(Config{Addr: ln.Addr().String(), Log: io.Discard, Options: build.Options{Src: fixture(t), Now: fixedNow}})
	if err == nil || !strings.Contains(err.Error(), "already in use") || !strings.Contains(err.Error(), "-addr") {
		t.Errorf("error %v; want one saying the address is in use and how to choose another", err)
	}
}

func TestShutdownClosesStreams(t *testing.T) {
	ts := start(t, fixture(t))
	ev := ts.listen()
	ts.stop()
	select {
	case _, ok := <-ev.events:
		for ok {
			_, ok = <-ev.events
		}
	case <-time.After(wait):
		t.Fatal("the event stream stayed open after shutdown")
	}
	if _, err := client.Get(ts.URL()); err == nil {
		t.Error("still serving after shutdown")
	}
}

func TestIgnored(t *testing.T) {
	for name, want := range map[string]bool{
		"content/articles/safety.md":                  false,
		"static/css/site.css":                         false,
		"content/articles/safety.md~":                 true,
		"content/articles/4913":                       true,
		"content/articles/.safety.md.swp":             true,
		"content/articles/.safety.md.swx":             true,
		"content/articles/.safety.md.swo":             true,
		"content/articles/safety.md___jb_tmp___":      true,
		"content/articles/safety.md___jb_old___":      true,
		"content/articles/.#safety.md":                true,
		"content/articles/#safety.md#":                true,
		"static/.DS_Store":                            true,
		"content/articles/swap.md":                    false,
		"content/articles/a-list-of-swaps.md":         false,
		"static/images/.swirl.svg":                    true,
		"content/articles/~$safety.md":                true,
		"static/vendor/.git/config":                   true,
		"static/.well-known/security.txt":             false,
		"content/practitioners/aelia-thornhurst.yaml": false,
	} {
		if got := Ignored(name); got != want {
			t.Errorf("Ignored(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestServeSearchAfterEdit edits an article's body on a site with search:
// the reload comes before the index is finished, and every file under
// /search/ served after it is that of a full build, never the last
// build's.
func TestServeSearchAfterEdit(t *testing.T) {
	src := fixture(t)
	writeFile(filepath.Join(src, "layouts", "search.html"), `{{define "main"}}<form role="search"></form>{{end}}`)
	ts := start(t, src)
	ev := ts.listen()
	before := ts.get("/search/index.json")
	if before.status != 200 || !strings.Contains(before.body, `"version"`) {
		t.Fatalf("GET /search/index.json: %d %q", before.status, trim(before.body))
	}
	first, _ := os.ReadFile(ts.path("content/articles/first.md"))
	for i, word := range []string{"tidal", "membrane", "fluid"} {
		ts.write("content/articles/first.md", strings.Replace(string(first), "Intro with", "Intro about the "+word+" with", 1))
		ev.next("reload")
		r := ts.get("/search/index.json")
		if r.status != 200 || r.body == before.body {
			t.Errorf("edit %d: GET /search/index.json after the reload: %d, changed: %v", i, r.status, r.body != before.body)
		}
		before = r
	}
	sameAsFullBuild(t, ts)
}

// TestServeSynonymsEdit edits the synonyms in site.yaml while serving: the
// search index served after the reload has the new entry's word for the
// pages with the words it stands for, and loses it when the entry goes,
// each time as a full build has it.
func TestServeSynonymsEdit(t *testing.T) {
	src := fixture(t)
	writeFile(filepath.Join(src, "layouts", "search.html"), `{{define "main"}}<form role="search"></form>{{end}}`)
	ts := start(t, src)
	ev := ts.listen()
	// "zzintro" is no word of the fixture: it is in the index only as a
	// synonym of the first article's "intro".
	if ts.servedTerm("zzintro") {
		t.Fatal("the index has zzintro before any synonym names it")
	}
	site, _ := os.ReadFile(ts.path("content/site.yaml"))
	ts.write("content/site.yaml", string(site)+"synonyms:\n  zzintro: intro\n")
	ts.awaitTerm(ev, "zzintro", true)
	sameAsFullBuild(t, ts)

	ts.write("content/site.yaml", string(site))
	ts.awaitTerm(ev, "zzintro", false)
	sameAsFullBuild(t, ts)
}

// servedTerm reports whether the search index served has term: its entry,
// then the shard that holds the term.
func (ts *testServer) servedTerm(term string) bool {
	ts.t.Helper()
	var entry struct {
		Version string
		Shards  []string
	}
	if r := ts.get("/search/index.json"); r.status != 200 || json.Unmarshal([]byte(r.body), &entry) != nil {
		ts.t.Fatalf("GET /search/index.json: %d %q", r.status, trim(r.body))
	}
	i := sort.Search(len(entry.Shards), func(i int) bool { return entry.Shards[i] > term }) - 1
	var shard map[string]json.RawMessage
	p := fmt.Sprintf("/search/v/%s/s%d.json", entry.Version, i)
	if r := ts.get(p); r.status != 200 || json.Unmarshal([]byte(r.body), &shard) != nil {
		ts.t.Fatalf("GET %s: %d %q", p, r.status, trim(r.body))
	}
	_, ok := shard[term]
	return ok
}

// awaitTerm waits for reloads until the index served has term, or has it
// no more.
func (ts *testServer) awaitTerm(ev *sse, term string, want bool) {
	ts.t.Helper()
	deadline := time.Now().Add(wait)
	for {
		ev.next("reload")
		// The reload comes before the index is finished: a request
		// under /search/ waits for it.
		if ts.servedTerm(term) == want {
			return
		}
		if time.Now().After(deadline) {
			ts.t.Fatalf("the served index has %q: %v, want %v", term, !want, want)
		}
	}
}

// TestWarnsBeyondLoopback: a server reachable from other computers says
// so, since it serves drafts; one on loopback does not.
func TestWarnsBeyondLoopback(t *testing.T) {
	for addr, warn := range map[string]bool{"127.0.0.1:0": false, "0.0.0.0:0": true} {
		ln, err := net.Listen("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		log := &syncBuffer{}
		s, err := New(Config{Listener: ln, Log: log, Options: build.Options{Src: fixture(t), Now: fixedNow}})
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		_ = s.Run(ctx)
		if got := strings.Contains(log.String(), "beyond this computer"); got != warn {
			t.Errorf("listening on %s: warning %v, want %v; log:\n%s", addr, got, warn, log.String())
		}
	}
}

// TestServeInPlaceSave: an editor that saves over the file itself
// (truncate, then write) is followed too, whether a rebuild runs between
// the two or not: the page ends up with the text saved.
func TestServeInPlaceSave(t *testing.T) {
	ts := start(t, fixture(t))
	ev := ts.listen()
	good, err := os.ReadFile(ts.path("content/articles/second.md"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(ts.path("content/articles/second.md"), append(good, "\nSaved in place.\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	ts.await(ev, "/articles/the-second/", "Saved in place.", 200)
}

// scheduledFixture is the fixture with a "Scheduled" banner on future
// pages and an article published the day after fixedNow.
func scheduledFixture(t *testing.T) string {
	t.Helper()
	src := fixture(t)
	base := filepath.Join(src, "layouts", "base.html")
	data, _ := os.ReadFile(base)
	writeFile(base, strings.Replace(string(data), "<main id=\"main\">",
		`{{if .Page.Future}}<p class="banner">Scheduled</p>{{end}}<main id="main">`, 1))
	writeFile(filepath.Join(src, "content", "articles", "soon.md"), "---\ntitle: Soon\npublish_date: 2026-12-02\n---\nComing.\n")
	return src
}

// TestServeNewDay: a server left running past midnight builds with the
// new date, as a build run that day would: a page scheduled for the new
// day is published, without its "Scheduled" banner.
func TestServeNewDay(t *testing.T) {
	src := scheduledFixture(t)
	var today atomic.Int64
	today.Store(fixedNow.Unix())
	ts := start(t, src, func(c *Config) { c.Clock = func() time.Time { return time.Unix(today.Load(), 0) } })
	ev := ts.listen()
	if r := ts.get("/articles/soon/"); !strings.Contains(r.body, "Scheduled") {
		t.Fatalf("before its day, the page has no Scheduled banner: %d %s", r.status, trim(r.body))
	}

	// Later the same day: still scheduled.
	today.Store(fixedNow.Add(23 * time.Hour).Unix())
	ts.write("content/articles/soon.md", "---\ntitle: Soon\npublish_date: 2026-12-02\n---\nComing, edited.\n")
	if r := ts.await(ev, "/articles/soon/", "Coming, edited.", 200); !strings.Contains(r.body, "Scheduled") {
		t.Errorf("later on the same day, the page lost its Scheduled banner")
	}

	// The next day: published.
	today.Store(fixedNow.Add(25 * time.Hour).Unix())
	ts.write("content/articles/soon.md", "---\ntitle: Soon\npublish_date: 2026-12-02\n---\nComing, edited again.\n")
	if r := ts.await(ev, "/articles/soon/", "Coming, edited again.", 200); strings.Contains(r.body, "Scheduled") {
		t.Errorf("on its day, the page still has its Scheduled banner")
	}
	if !strings.Contains(ts.log.String(), "a new day, 2 December 2026: building everything again") {
		t.Errorf("the log does not say the day changed:\n%s", ts.log.String())
	}
	sameAsFullBuildOn(t, ts, fixedNow.Add(25*time.Hour))
}

// TestServeMidnight: at midnight the server builds with the new date by
// itself, and open pages reload, with no save needed.
func TestServeMidnight(t *testing.T) {
	src := scheduledFixture(t)
	var today atomic.Int64
	today.Store(fixedNow.Add(20 * time.Hour).Unix())
	tick := make(chan time.Time)
	waits := make(chan time.Duration, 10)
	ts := start(t, src, func(c *Config) {
		c.Clock = func() time.Time { return time.Unix(today.Load(), 0) }
		c.after = func(d time.Duration) <-chan time.Time { waits <- d; return tick }
	})
	ev := ts.listen()
	if d := <-waits; d != 4*time.Hour+time.Second {
		t.Errorf("at 20:00 the server waits %v for midnight, want 4h0m1s", d)
	}
	if r := ts.get("/articles/soon/"); !strings.Contains(r.body, "Scheduled") {
		t.Fatalf("before its day, the page has no Scheduled banner: %d %s", r.status, trim(r.body))
	}
	today.Store(fixedNow.Add(24*time.Hour + time.Second).Unix())
	tick <- time.Now()
	if r := ts.await(ev, "/articles/soon/", "Coming.", 200); strings.Contains(r.body, "Scheduled") {
		t.Errorf("after midnight, the page still has its Scheduled banner")
	}
	if d := <-waits; d != 24*time.Hour {
		t.Errorf("after midnight the server waits %v for the next, want 24h0m0s", d)
	}
}

// TestServeWorkingFilesAndNames: the preview leaves out the files a word
// processor or a system leaves beside a page, as the build does, and
// shows a name that macOS and Windows cannot hold as the build reports it.
func TestServeWorkingFilesAndNames(t *testing.T) {
	ts := start(t, fixture(t))
	ev := ts.listen()
	first, _ := os.ReadFile(ts.path("content/articles/first.md"))

	// Word opens the page: its lock file is no page, and the edit shows.
	ts.write("content/articles/~$first.md", "\x00\x00word lock file")
	ts.write("static/images/Thumbs.db", "\x00")
	ts.write("content/articles/first.md", strings.Replace(string(first), "Intro with", "An intro from Word with", 1))
	ts.await(ev, "/articles/first/", "An intro from Word with", 200)
	if r := ts.get("/images/Thumbs.db"); r.status != 404 {
		t.Errorf("GET /images/Thumbs.db: %d, want 404", r.status)
	}

	// A copy of the page in other letter case.
	ts.write("content/articles/First.md", string(first))
	got := ev.until("problems")
	want := "content/articles/first.md:1:1: content/articles/First.md and content/articles/first.md differ only in capital letters, which macOS and Windows read as one name: an editor there would have only one of the two files; rename one"
	var texts []string
	for _, p := range got.Problems {
		texts = append(texts, p.Text)
	}
	if !slices.Contains(texts, want) {
		t.Errorf("problems %q, want one %q", texts, want)
	}
	if err := os.Remove(ts.path("content/articles/First.md")); err != nil {
		t.Fatal(err)
	}
	ev.until("reload")
	sameAsFullBuild(t, ts)
}

// TestServeDataWorkingFiles: the preview reads the practitioners' and
// schools' folders by the build's rule too: Word's lock file beside a
// practitioner's file open in Word is no practitioner and no problem, and
// the editor's save shows.
func TestServeDataWorkingFiles(t *testing.T) {
	src := fixture(t)
	site, err := os.ReadFile(filepath.Join(src, "content", "site.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	const ann = `name: Ann Example
registration: CST-000001
certified_until: 2030-12-18
accepting_new_clients: true
home_visits: false
locations:
  - {town: Frithwick, region: South West, postcode: TR9 8TR, lat: 50.7, lon: -4.3, wheelchair_access: true}
`
	for name, text := range map[string]string{
		"content/site.yaml":                      string(site) + "vocabularies: {regions: [South West]}\n",
		"layouts/practitioners/list.html":        `{{define "main"}}list{{end}}`,
		"layouts/practitioners/profile.html":     `{{define "main"}}<p>{{.Page.Title}}</p>{{end}}`,
		"layouts/training.html":                  `{{define "main"}}training{{end}}`,
		"layouts/verify.html":                    `{{define "main"}}verify{{end}}`,
		"content/practitioners/ann-example.yaml": ann,
	} {
		if err := writeFile(filepath.Join(src, filepath.FromSlash(name)), text); err != nil {
			t.Fatal(err)
		}
	}
	ts := start(t, src)
	ev := ts.listen()
	if r := ts.get("/practitioners/ann-example/"); r.status != 200 || !strings.Contains(r.body, "Ann Example") {
		t.Fatalf("GET /practitioners/ann-example/: %d %s", r.status, trim(r.body))
	}

	// Word opens the file, and the editor saves a change.
	ts.write("content/practitioners/~$n-example.yaml", "\x00\x00word lock file")
	ts.write("content/schools/~$ithwick-college.yaml", "\x00\x00word lock file")
	ts.write("content/practitioners/ann-example.yaml", strings.Replace(ann, "Ann Example", "Ann Exemplar", 1))
	ts.await(ev, "/practitioners/ann-example/", "Ann Exemplar", 200)
	sameAsFullBuild(t, ts)
}

// TestServeProblemInLargeFile: the overlay shows the lines around a
// problem from a text file of the site, each cut to a length a screen
// shows; a problem at a picture or a video in static/ (a name a URL
// cannot hold) shows none of its bytes, and the server does not read a
// large file whole to find them.
func TestServeProblemInLargeFile(t *testing.T) {
	ts := start(t, fixture(t))
	ev := ts.listen()
	video := bytes.Repeat([]byte("\x00\x01binary\xff\xfe\n"), 8<<20/12)
	ts.write("static/clip#1.mp4", string(video))
	ts.write("static/photo#2.png", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\n"+strings.Repeat("x", 5000))
	ts.write("content/articles/second.md", "---\ntitle: Second\ndate: not a date "+strings.Repeat("long ", 20000)+"\n---\nBody.\n")
	var got event
	for got = ev.until("problems"); len(got.Problems) < 3; got = ev.until("problems") {
	}
	total := 0
	for _, p := range got.Problems {
		for _, l := range p.Source {
			total += len(l.Text)
			if strings.HasPrefix(p.File, "static/") {
				t.Errorf("%s: the overlay shows the line %d of a binary file", p.File, l.N)
			}
			if n := len([]rune(l.Text)); n > 1000 {
				t.Errorf("%s: line %d is shown with %d characters", p.File, l.N, n)
			}
		}
	}
	if total > 10000 {
		t.Errorf("the problems carry %d bytes of source lines", total)
	}
}

// TestServeRanges: the preview answers a request for part of a file, as
// a video player asks for it (Safari plays no video from a server that
// does not, and no browser can seek in one), and says so on every file.
func TestServeRanges(t *testing.T) {
	src := fixture(t)
	clip := strings.Repeat("0123456789", 1000)
	if err := writeFile(filepath.Join(src, "static", "media", "clip.mp4"), clip); err != nil {
		t.Fatal(err)
	}
	ts := start(t, src)
	req, err := http.NewRequest(http.MethodGet, strings.TrimSuffix(ts.URL(), "/")+"/media/clip.mp4", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Range", "bytes=25-34")
	res, err := client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusPartialContent || string(body) != clip[25:35] ||
		res.Header.Get("Content-Range") != fmt.Sprintf("bytes 25-34/%d", len(clip)) {
		t.Errorf("GET bytes 25-34: %d %q, Content-Range %q; want 206 %q", res.StatusCode, trim(string(body)), res.Header.Get("Content-Range"), clip[25:35])
	}
	whole, err := client.Get(strings.TrimSuffix(ts.URL(), "/") + "/media/clip.mp4")
	if err != nil {
		t.Fatal(err)
	}
	body, _ = io.ReadAll(whole.Body)
	whole.Body.Close()
	if whole.StatusCode != http.StatusOK || string(body) != clip || whole.Header.Get("Accept-Ranges") != "bytes" ||
		whole.Header.Get("Content-Type") != "video/mp4" || whole.Header.Get("Cache-Control") != "no-store" {
		t.Errorf("GET the clip: %d, %d bytes, Accept-Ranges %q, Content-Type %q, Cache-Control %q",
			whole.StatusCode, len(body), whole.Header.Get("Accept-Ranges"), whole.Header.Get("Content-Type"), whole.Header.Get("Cache-Control"))
	}
}

// TestServeFolderRestored deletes layouts/ and content/site.yaml and puts
// them back, as a branch switch or a restore from a copy does: the preview
// shows the problems and the last good site meanwhile, then the site as a
// full build makes it, with no restart.
func TestServeFolderRestored(t *testing.T) {
	ts := start(t, fixture(t))
	ev := ts.listen()
	before := ts.get("/articles/first/").body
	saved := filepath.Join(t.TempDir(), "layouts")
	if err := os.Rename(ts.path("layouts"), saved); err != nil {
		t.Fatal(err)
	}
	ev.until("problems")
	if r := ts.get("/articles/first/"); r.body != before {
		t.Errorf("the last good page is not served while layouts/ is away")
	}
	copyTree(t, saved, ts.path("layouts"))
	ts.write("layouts/page.html", `{{define "main"}}<div class="restored">{{.Page.Content}}</div>{{end}}`)
	ts.awaitPieces(ev, "/articles/first/", `<div class="restored">`)

	site := ts.path("content/site.yaml")
	data, err := os.ReadFile(site)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(site); err != nil {
		t.Fatal(err)
	}
	ev.until("problems")
	ts.write("content/site.yaml", string(data))
	ts.awaitPieces(ev, "/articles/first/", `<div class="restored">`)
	sameAsFullBuild(t, ts)
}

// awaitPieces is await for a folder or file put back in pieces (copied a
// file at a time, written in two steps): on a loaded machine the watcher
// may build before the last piece is back, a build that rightly fails, so
// problems are passed over until a reload serves want at path.
func (ts *testServer) awaitPieces(ev *sse, path, want string) {
	ts.t.Helper()
	deadline := time.Now().Add(wait)
	for {
		ev.until("reload")
		r := ts.get(path)
		if r.status == 200 && strings.Contains(r.body, want) {
			return
		}
		if time.Now().After(deadline) {
			ts.t.Fatalf("GET %s: %d %q; want 200 with %q", path, r.status, trim(r.body), want)
		}
	}
}

// copyTree copies the folder from to the new folder to, file by file.
func copyTree(t testing.TB, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return writeFile(filepath.Join(to, rel), string(data))
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestServeAfterOverflow: when the system's queue of file events
// overflows (thousands of files changed at once, faster than they are
// read), the changes it dropped are not known: the preview watches every
// folder again and builds everything, and the terminal says why.
func TestServeAfterOverflow(t *testing.T) {
	ts := start(t, fixture(t))
	ev := ts.listen()
	// The events of a folder lost: it is not watched, as if the queue had
	// dropped its new folder's creation; and a save in it.
	articles := ts.path("content/articles")
	if err := ts.watch.fsw.Remove(articles); err != nil {
		t.Fatal(err)
	}
	first, _ := os.ReadFile(ts.path("content/articles/first.md"))
	ts.write("content/articles/first.md", strings.Replace(string(first), "Intro with", "An intro nobody heard of with", 1))
	ts.watch.fsw.Errors <- fsnotify.ErrEventOverflow
	ts.await(ev, "/articles/first/", "An intro nobody heard of with", 200)
	if !strings.Contains(ts.log.String(), "max_queued_events") {
		t.Errorf("the terminal does not say what happened:\n%s", ts.log.String())
	}
	ts.write("content/articles/first.md", strings.Replace(string(first), "Intro with", "A watched intro with", 1))
	ts.await(ev, "/articles/first/", "A watched intro with", 200)
	sameAsFullBuild(t, ts)
}

// TestServePageKnowsItsBuild: every page says which build it is from, and
// an event stream opened later says which build is served, so that a page
// served just before a rebuild, whose stream connects after it, reloads.
// A failed build serves no new site and reloads nothing.
func TestServePageKnowsItsBuild(t *testing.T) {
	ts := start(t, fixture(t))
	pageBuild := func() string {
		t.Helper()
		body := ts.get("/articles/first/").body
		_, tag, ok := strings.Cut(body, `<script src="/_sitegen/reload.js" data-build="`)
		n, _, _ := strings.Cut(tag, `"`)
		if !ok || n == "" || !strings.HasSuffix(body, " defer></script>") {
			t.Fatalf("the page does not say its build: %q", body[max(0, len(body)-200):])
		}
		return n
	}
	helloSite := func(ev *sse) string {
		t.Helper()
		// The hello the stream opened with.
		return fmt.Sprint(ev.hello.Site)
	}
	before := pageBuild()
	ev := ts.listen()
	if got := helloSite(ev); got != before {
		t.Errorf("hello names build %s, the page %s", got, before)
	}
	first, _ := os.ReadFile(ts.path("content/articles/first.md"))
	ts.write("content/articles/first.md", strings.Replace(string(first), "Intro with", "A later intro with", 1))
	ts.await(ev, "/articles/first/", "A later intro with", 200)
	after := pageBuild()
	if after == before {
		t.Fatalf("a page of a newer build names build %s, as the one before", after)
	}
	if got := helloSite(ts.listen()); got != after || got == before {
		t.Errorf("after a rebuild, hello names build %s; the page served before it %s, after it %s", got, before, after)
	}
	ts.write("content/articles/first.md", "---\ntitle: First\ndate: not a date\n---\n")
	ev.until("problems")
	if got := helloSite(ts.listen()); got != after || pageBuild() != after {
		t.Errorf("after a failed build, hello names build %s, the page %s; want %s, the site still served", got, pageBuild(), after)
	}
}

// TestServeSaveThroughTemporaryFile: programs that save by writing a new
// file under a temporary name and renaming it over the old one (GNU sed
// -i writes sed and six random characters, atomic writers name.tmp.1234)
// may be slow enough for the watcher to see the temporary file alone.
// It changes nothing: no rebuild names it, none publishes it, and a
// stylesheet saved so is swapped in without a reload, as any other save
// of it.
func TestServeSaveThroughTemporaryFile(t *testing.T) {
	ts := start(t, fixture(t), func(c *Config) { c.Quiet = 20 * time.Millisecond })
	ev := ts.listen()
	css, _ := os.ReadFile(ts.path("static/css/site.css"))
	for i, tmp := range []string{"static/css/sedAbC123", "static/css/site.css.tmp.1234"} {
		if err := os.WriteFile(ts.path(tmp), fmt.Appendf(css, "\nmain{color:#12345%d}\n", i), 0o644); err != nil {
			t.Fatal(err)
		}
		// The slow save itself, not a wait: the temporary file stands alone
		// for longer than Quiet, a batch of its own if it counted. A
		// watcher running late on a loaded machine hides nothing: the
		// rename names the temporary file too.
		time.Sleep(200 * time.Millisecond)
		if err := os.Rename(ts.path(tmp), ts.path("static/css/site.css")); err != nil {
			t.Fatal(err)
		}
		if got := ev.next("css"); len(got.CSS) != 1 {
			t.Errorf("%s: css event %+v, want the new stylesheet", tmp, got)
		}
		if r := ts.get("/" + strings.TrimPrefix(tmp, "static/")); r.status != 404 {
			t.Errorf("GET /%s: %d, want 404", tmp, r.status)
		}
	}
	if log := ts.log.String(); strings.Contains(log, "sedAbC123") || strings.Contains(log, ".tmp.") {
		t.Errorf("the terminal names a temporary file:\n%s", log)
	}
	sameAsFullBuild(t, ts)
}

// TestServeWatchLimitShown: a folder the system will not watch (its limit
// on watches reached) is named with the limit and how to raise it in the
// browser, over the page, as well as in the terminal, to every tab, one
// opened later included; once the limit is raised the preview watches the
// folder by itself, builds what was saved there meanwhile and clears the
// notice.
func TestServeWatchLimitShown(t *testing.T) {
	var left atomic.Int64
	left.Store(1 << 20)
	watchFolder = func(w *fsnotify.Watcher, dir string) error {
		if left.Add(-1) < 0 {
			left.Store(0)
			return syscall.ENOSPC
		}
		return w.Add(dir)
	}
	retryMissed = 50 * time.Millisecond
	t.Cleanup(func() { watchFolder, retryMissed = (*fsnotify.Watcher).Add, 2*time.Second })
	ts := start(t, fixture(t))
	ev := ts.listen()

	left.Store(0)
	ts.write("content/guides/new.md", "---\ntitle: New guide\n---\nGuide text.\n")
	shows := func(e event) {
		t.Helper()
		if len(e.Problems) != 1 {
			t.Fatalf("watching event %+v, want one problem", e)
		}
		for _, want := range []string{"cannot watch content/guides", "fs.inotify.max_user_watches", "sudo sysctl fs.inotify.max_user_watches=524288", "as soon as it can"} {
			if !strings.Contains(e.Problems[0].Text, want) {
				t.Errorf("watching event %q, want %q in it", e.Problems[0].Text, want)
			}
		}
	}
	shows(ev.until("watching"))
	later := ts.listen()
	if len(later.early) != 1 || later.early[0].Name != "watching" {
		t.Fatalf("a tab opened later is told %+v before hello, want the folder not watched", later.early)
	}
	shows(later.early[0])
	if !strings.Contains(ts.log.String(), "watching: cannot watch content/guides") {
		t.Errorf("the terminal does not name the folder:\n%s", ts.log.String())
	}

	left.Store(1 << 20)
	if e := ev.until("watching"); len(e.Problems) != 0 {
		t.Errorf("watching event %+v once the folder is watched, want none", e)
	}
	ts.await(ev, "/guides/new/", "Guide text.", 200)
	if !strings.Contains(ts.log.String(), "watching every folder again") {
		t.Errorf("the terminal does not say every folder is watched again:\n%s", ts.log.String())
	}
	if early := ts.listen().early; len(early) != 0 {
		t.Errorf("a tab opened after is told %+v, want nothing", early)
	}
	sameAsFullBuild(t, ts)
}

// TestServeEditThroughFolderLink: a file saved through a symbolic link to
// a folder of content/ (content/alias to articles), which the build does
// not follow, is the file under its own name, which the preview watches:
// the page built from it is built again, and nothing under the link's
// name is published.
func TestServeEditThroughFolderLink(t *testing.T) {
	ts := start(t, fixture(t))
	ev := ts.listen()
	if err := os.Symlink("articles", ts.path("content/alias")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	ev.until("reload")
	for i, save := range []func(p, text string) error{writeFile, func(p, text string) error { return os.WriteFile(p, []byte(text), 0o644) }} {
		text := fmt.Sprintf("Saved through the link, way %d.", i+1)
		if err := save(ts.path("content/alias/second.md"), "---\ntitle: Second\nslug: the-second\n---\n"+text+"\n"); err != nil {
			t.Fatal(err)
		}
		ts.await(ev, "/articles/the-second/", text, 200)
	}
	if r := ts.get("/alias/the-second/"); r.status != 404 {
		t.Errorf("/alias/the-second/ is served with status %d; want 404, the link not followed", r.status)
	}
}
