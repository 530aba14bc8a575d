package browsertest

import (
	"context"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"sitegen/internal/build"
	"sitegen/internal/serve"
)

// copyTree copies the folders of a site root that a build reads.
func copyTree(t *testing.T, dst string, dirs ...string) {
	t.Helper()
	if err := copyDirs(dst, siteRoot, dirs...); err != nil {
		t.Fatal(err)
	}
}

// copyDirs copies the folders dirs of root into dst, over what dst holds.
func copyDirs(dst, root string, dirs ...string) error {
	for _, d := range dirs {
		err := filepath.WalkDir(filepath.Join(root, d), func(p string, e fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(root, p)
			out := filepath.Join(dst, rel)
			if e.IsDir() {
				return os.MkdirAll(out, 0o755)
			}
			src, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(out, src, 0o644)
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// startPreview runs the development server on the site root until the
// test ends, or until stop, which waits for it.
func startPreview(t *testing.T, root string) (*serve.Server, func()) {
	t.Helper()
	s, err := serve.New(serve.Config{Addr: "127.0.0.1:0", Options: build.Options{Src: root, Now: today}, Log: io.Discard})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx) }()
	var once sync.Once
	stop := func() {
		once.Do(func() {
			cancel()
			select {
			case <-done:
			case <-time.After(20 * time.Second): // as long as waitJS waits: make test loads the cores
				t.Error("the development server did not stop within 20s")
			}
		})
	}
	t.Cleanup(stop)
	return s, stop
}

// TestLiveReload opens a page from the development server (sitegen
// serve), edits its Markdown and expects the open page to reload with the
// edit, through /_sitegen/reload.js and the /_sitegen/events stream.
func TestLiveReload(t *testing.T) {
	tb := newTab(t)
	root := t.TempDir()
	copyTree(t, root, "content", "layouts", "static")
	s, _ := startPreview(t, root)

	url := s.URL() + "articles/safety/"
	tb.run(t, "opening "+url, navigate(url))
	tb.waitJS(t, `document.readyState === "complete" && document.querySelector('script[src="/_sitegen/reload.js"]')`, "the page with the reload script")
	// Mark this page load: a reload forgets the mark. The edit below may
	// be built before the page's event stream connects: the page reloads
	// all the same (see TestLiveReloadBuiltMeanwhile).
	eval[bool](t, tb, `(window.__loadMark = true)`)

	file := filepath.Join(root, "content", "articles", "safety.md")
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	const added = "An edit made while the page was open."
	start := time.Now()
	if err := os.WriteFile(file, append(src, "\n"+added+"\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	tb.waitJS(t, `!window.__loadMark && document.readyState === "complete" && document.querySelector("main").textContent.includes("`+added+`")`, "the open page to reload with the edit")
	t.Logf("save to reloaded page: %s", time.Since(start).Round(time.Millisecond))
	for _, p := range tb.takeProblems() {
		t.Error(p)
	}
}

// TestLiveReloadBuiltMeanwhile: a page whose event stream connects after
// the server has built again (a second rebuild of a burst finishing while
// the page reloads after the first) was served by the build before, and
// reloads to show the newer one rather than staying as it was. The test
// holds the page's event stream back until the server has built the edit.
func TestLiveReloadBuiltMeanwhile(t *testing.T) {
	tb := newTab(t)
	root := t.TempDir()
	copyTree(t, root, "content", "layouts", "static")
	s, stop := startPreview(t, root)
	// The same server, its event stream held until release is closed.
	release := make(chan struct{})
	var once sync.Once
	free := func() { once.Do(func() { close(release) }) }
	held := make(chan struct{}, 8)
	h := s.Handler()
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/_sitegen/events" {
			held <- struct{}{}
			select {
			case <-release:
			case <-r.Context().Done():
				return
			}
		}
		h.ServeHTTP(w, r)
	}))
	t.Cleanup(func() {
		free()
		stop() // which ends the event streams
		proxy.CloseClientConnections()
		proxy.Close()
	})

	url := proxy.URL + "/articles/safety/"
	tb.run(t, "opening "+url, navigate(url))
	tb.waitJS(t, `document.readyState === "complete"`, "the page")
	select {
	case <-held:
	case <-time.After(20 * time.Second):
		t.Fatal("the page opened no event stream")
	}
	eval[bool](t, tb, `(window.__loadMark = true)`)

	file := filepath.Join(root, "content", "articles", "safety.md")
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	const added = "An edit built before the page connected."
	if err := os.WriteFile(file, append(src, "\n"+added+"\n"...), 0o644); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		res, err := http.Get(url)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if strings.Contains(string(body), added) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the server did not build the edit")
		}
	}
	free()
	tb.waitJS(t, `!window.__loadMark && document.readyState === "complete" && document.querySelector("main").textContent.includes("`+added+`")`, "the page to reload with the edit built before it connected")
	for _, p := range tb.takeProblems() {
		t.Error(p)
	}
}

// TestLiveReloadWatchNotice: the preview's news of a folder the system
// will not watch is shown over the page in the overlay that shows a
// failed build's problems, with the folder and what to do; it can be
// hidden, stays hidden across reloads while it says the same, shows
// again with the build's problems, and goes when every folder is watched.
// The page's event stream is the test's, sending what the preview sends.
func TestLiveReloadWatchNotice(t *testing.T) {
	tb := newTab(t)
	root := t.TempDir()
	copyTree(t, root, "content", "layouts", "static")
	s, stop := startPreview(t, root)
	events := make(chan string, 8)
	// open counts the streams open, opened those ever opened: the page's
	// stream before a reload must be closed before the test sends to the
	// next.
	var open, opened atomic.Int32
	streams := func(want int32) {
		t.Helper()
		for deadline := time.Now().Add(20 * time.Second); open.Load() != 1 || opened.Load() != want; time.Sleep(10 * time.Millisecond) {
			if time.Now().After(deadline) {
				t.Fatalf("%d event streams open, %d opened; want 1 open, %d opened", open.Load(), opened.Load(), want)
			}
		}
	}
	h := s.Handler()
	proxy := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/_sitegen/events" {
			h.ServeHTTP(w, r)
			return
		}
		open.Add(1)
		opened.Add(1)
		defer open.Add(-1)
		w.Header().Set("Content-Type", "text/event-stream")
		w.(http.Flusher).Flush()
		for {
			select {
			case ev := <-events:
				io.WriteString(w, ev)
				w.(http.Flusher).Flush()
			case <-r.Context().Done():
				return
			}
		}
	}))
	t.Cleanup(func() {
		stop()
		proxy.CloseClientConnections()
		proxy.Close()
	})
	const msg = "cannot watch content/guides: the system watches no more folders for you: the limit fs.inotify.max_user_watches (now 8192) is reached"
	watching := `event: watching` + "\n" + `data: {"build":1,"problems":[{"file":"content/guides","message":"` + msg + `","severity":"warning","text":"` + msg + `"}]}` + "\n\n"
	overlay := `document.getElementById("sitegen-problems")`

	tb.run(t, "opening the page", navigate(proxy.URL+"/articles/safety/"))
	tb.waitJS(t, `document.readyState === "complete"`, "the page")
	streams(1)
	events <- watching
	tb.waitJS(t, overlay+` && `+overlay+`.textContent.includes("content/guides") && `+overlay+`.textContent.includes("max_user_watches")`, "the notice of the folder not watched")
	eval[bool](t, tb, `(document.querySelector("#sitegen-problems button").click(), true)`)
	tb.waitJS(t, `!`+overlay, "the notice hidden")
	// After a reload (a save elsewhere), the same news stays hidden.
	tb.run(t, "reloading the page", navigate(proxy.URL+"/articles/safety/"))
	tb.waitJS(t, `document.readyState === "complete"`, "the page")
	streams(2)
	// The page notes every overlay it shows. The stream's events are
	// handled in the order sent, each showing its overlay at once: when
	// the failed build's overlay below has come, the overlay of the news
	// sent before it would have come first, however slowly the page ran.
	eval[bool](t, tb, `(window.__overlays = [], new MutationObserver((rs) => { for (const r of rs) for (const n of r.addedNodes) if (n.id === "sitegen-problems") window.__overlays.push(n.textContent); }).observe(document.documentElement, {childList: true, subtree: true}), true)`)
	events <- watching
	events <- "event: hello\ndata: {\"build\":1,\"site\":1}\n\n"
	// A failed build shows its problems, and the notice with them.
	events <- `event: problems` + "\n" + `data: {"build":2,"problems":[{"file":"content/index.md","line":2,"col":1,"message":"a broken line","severity":"error","text":"content/index.md:2:1: a broken line"}]}` + "\n\n"
	tb.waitJS(t, overlay+` && `+overlay+`.textContent.includes("a broken line") && `+overlay+`.textContent.includes("content/guides")`, "the build's problems with the notice")
	if shown := eval[[]string](t, tb, `window.__overlays || ["(none: the page reloaded)"]`); len(shown) == 0 || !strings.Contains(shown[0], "a broken line") {
		t.Errorf("the hidden notice shows again after a reload: the overlays shown were %q", shown)
	}
	if n := opened.Load(); n != 2 {
		t.Errorf("%d event streams opened; want 2: the page reloaded on a hello naming its own build", n)
	}
	// Every folder watched: only the build's problems are left.
	events <- "event: watching\ndata: {\"build\":2}\n\n"
	tb.waitJS(t, overlay+` && `+overlay+`.textContent.includes("a broken line") && !`+overlay+`.textContent.includes("content/guides")`, "the notice gone, the problems left")
	for _, p := range tb.takeProblems() {
		t.Error(p)
	}
}
