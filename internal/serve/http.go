package serve

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"path"
	"strings"
	"time"
)

//go:embed reload.js
var reloadJS []byte

// reloadTag is added to every HTML response. It is appended after the
// document's end: the browser puts it in the body all the same, and the
// published HTML (whose end tags the minifier may drop) is left as built.
// It names the build the page is from (0: none, the site does not build
// yet): a page whose event stream opens after a newer build was served
// learns so from the stream's hello, and reloads.
func reloadTag(build int64) string {
	return fmt.Sprintf(`<script src="/_sitegen/reload.js" data-build="%d" defer></script>`, build)
}

// event is what the event stream tells the browser.
type event struct {
	Name  string `json:"-"` // hello, reload, css, problems, watching; "ok" is the status after a good build
	Build int64  `json:"build"`
	// Site, in hello, is the build of the site served (none: no site yet).
	Site     int64     `json:"site,omitempty"`
	CSS      []string  `json:"css,omitempty"`
	Problems []problem `json:"problems,omitempty"`
}

// Handler serves the site and the live-reload endpoints, to requests for
// a host the server may be reached by (see hostGuard).
func (s *Server) Handler() http.Handler {
	listen := ""
	if s.cfg.Listener == nil {
		listen, _, _ = net.SplitHostPort(s.cfg.Addr)
	}
	return hostGuard(s.mux(), listen)
}

// hostGuard answers 403 to a request whose Host (less its port) is a DNS
// name other than localhost, a name under .localhost and listen, the host
// the server was told to listen on. IP addresses are served.
//
// A web page open in the editor's browser may not read the preview: it is
// another origin. But the page's site can point its own DNS name at
// 127.0.0.1 once the page is loaded (DNS rebinding); the page's requests
// then reach the preview as same-origin requests, drafts and the problem
// feed included. They still name the attacker's host, so refusing every
// name but localhost defeats it. Any IP address is served, so that a
// preview on the network (-addr 0.0.0.0:8080) can be opened from a phone
// by the computer's address.
func hostGuard(h http.Handler, listen string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if allowedHost(r.Host, listen) {
			h.ServeHTTP(w, r)
			return
		}
		open := "http://127.0.0.1/"
		if _, port, err := net.SplitHostPort(r.Host); err == nil && port != "" {
			open = "http://127.0.0.1:" + port + "/"
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Cache-Control", "no-store")
		w.WriteHeader(http.StatusForbidden)
		fmt.Fprintf(w, "The preview answers only requests for localhost or an IP address, such as %s,\n"+
			"not for %q: a web page could use a name like that to read the drafts.\n", open, r.Host)
	})
}

// allowedHost reports whether a request's Host header names the preview
// as hostGuard allows. A request with no Host (HTTP/1.0) names nothing a
// page could point at the preview, and browsers send one.
func allowedHost(hostport, listen string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.ToLower(strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")), ".")
	if _, err := netip.ParseAddr(host); err == nil {
		return true
	}
	return host == "" || host == "localhost" || strings.HasSuffix(host, ".localhost") ||
		listen != "" && host == strings.TrimSuffix(strings.ToLower(listen), ".")
}

// mux routes the site and the live-reload endpoints.
func (s *Server) mux() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/_sitegen/events", s.events)
	mux.HandleFunc("/_sitegen/reload.js", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		w.Write(reloadJS)
	})
	mux.HandleFunc("/", s.file)
	return mux
}

// file serves a built file with Netlify's rules for pretty URLs.
func (s *Server) file(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	st := s.site.Load()
	if st == nil {
		// The first build failed: there is no site yet, only its problems.
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusInternalServerError)
		fmt.Fprintf(w, "<!doctype html><title>Build failed</title><h1>The site does not build yet</h1><p>The problems are shown here and in the terminal; fix them and this page reloads.</p>%s", reloadTag(0))
		return
	}
	p := path.Clean("/" + r.URL.Path)
	if strings.HasSuffix(r.URL.Path, "/") && p != "/" {
		p += "/"
	}
	name := strings.TrimPrefix(p, "/")
	var index map[string][]byte
	if name == "search" || strings.HasPrefix(name, "search/") {
		if st, index = s.settled(r.Context()); st == nil {
			return
		}
	}
	get := func(name string) ([]byte, bool) {
		if d, ok := index[name]; ok {
			return d, true
		}
		d, ok := st.files[name]
		return d, ok
	}
	has := func(name string) bool {
		_, ok := get(name)
		return ok || st.isCopied(name)
	}
	switch {
	case strings.HasSuffix(p, "/"):
		name += "index.html"
	case !has(name) && has(name+"/index.html"):
		target := p + "/"
		if r.URL.RawQuery != "" {
			target += "?" + r.URL.RawQuery
		}
		http.Redirect(w, r, target, http.StatusMovedPermanently)
		return
	case !has(name) && has(name+".html"):
		name += ".html"
	}
	data, ok := get(name)
	status := http.StatusOK
	if !ok && st.isCopied(name) {
		s.copiedFile(w, r, st, name)
		return
	}
	if !ok {
		// Netlify matches a rule with or without its trailing slash.
		other := p + "/"
		if strings.HasSuffix(p, "/") {
			other = strings.TrimSuffix(p, "/")
		}
		for _, from := range []string{p, other} {
			if rd, ok := st.redirects[from]; ok {
				http.Redirect(w, r, rd.to, rd.status)
				return
			}
		}
		name, status = "404.html", http.StatusNotFound
		data, ok = get(name)
		if !ok {
			http.NotFound(w, r)
			return
		}
	}
	ctype := contentType(name)
	if ctype == "" {
		ctype = http.DetectContentType(data)
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "no-store")
	if strings.HasPrefix(ctype, "text/html") {
		data = append(data[:len(data):len(data)], reloadTag(st.build)...)
	}
	if status == http.StatusOK {
		// As a file server does: a video player asks for parts of a
		// file, and Safari plays no video from a server that will not
		// give them.
		http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(data))
		return
	}
	w.Header().Set("Content-Length", fmt.Sprint(len(data)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}

// webTypes are the media types of files a site publishes that Go does
// not know by itself, where the system's own list (/etc/mime.types) may
// be missing: the preview sends the usual type for each on any machine.
var webTypes = map[string]string{
	".mp4": "video/mp4", ".webm": "video/webm", ".mp3": "audio/mpeg", ".ogg": "audio/ogg",
	".woff": "font/woff", ".woff2": "font/woff2", ".ico": "image/x-icon",
	".txt": "text/plain; charset=utf-8", ".vcf": "text/vcard; charset=utf-8",
	".webmanifest": "application/manifest+json", ".ics": "text/calendar; charset=utf-8",
}

// contentType is the media type of the file name, "" when unknown.
func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if t, ok := webTypes[ext]; ok {
		return t
	}
	return mime.TypeByExtension(ext)
}

// isCopied reports whether name is a file the site publishes as it is,
// which the preview serves from the site's own file.
func (st *state) isCopied(name string) bool {
	if st.copied == nil {
		return false
	}
	_, ok := st.copied.Copied[name]
	return ok
}

// copiedFile serves a picture, PDF or video of static/ from its file in
// the site, which the preview does not hold in memory, with ranges.
func (s *Server) copiedFile(w http.ResponseWriter, r *http.Request, st *state, name string) {
	f, err := st.copied.Open(name)
	if err != nil {
		// Gone or changed since the build: the next build says why.
		http.NotFound(w, r)
		return
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		http.NotFound(w, r)
		return
	}
	if ctype := contentType(name); ctype != "" {
		w.Header().Set("Content-Type", ctype)
	}
	w.Header().Set("Cache-Control", "no-store")
	http.ServeContent(w, r, name, fi.ModTime(), f)
}

// redirect is a line of Netlify's _redirects.
type redirect struct {
	to     string
	status int
}

func parseRedirects(src []byte) map[string]redirect {
	out := map[string]redirect{}
	for _, line := range strings.Split(string(src), "\n") {
		f := strings.Fields(line)
		if len(f) < 2 || strings.HasPrefix(f[0], "#") {
			continue
		}
		rd := redirect{to: f[1], status: http.StatusMovedPermanently}
		if len(f) > 2 {
			fmt.Sscan(f[2], &rd.status)
		}
		if rd.status < 300 || rd.status > 399 {
			continue
		}
		out[f[0]] = rd
	}
	return out
}

// events streams build outcomes to one browser tab.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	ch := make(chan event, 8)
	s.mu.Lock()
	select {
	case <-s.done:
		s.mu.Unlock()
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	default:
	}
	s.clients[ch] = true
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.clients, ch)
		s.mu.Unlock()
	}()
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no")
	fmt.Fprint(w, "retry: 500\n\n")
	// A new page learns the folders not watched and the problems if the
	// last build failed, then the current build.
	if wt := s.watching.Load(); wt != nil && len(wt.Problems) > 0 {
		writeEvent(w, *wt)
	}
	if st := s.status.Load(); st != nil {
		if st.Name == "problems" {
			writeEvent(w, *st)
		}
		hello := event{Name: "hello", Build: st.Build}
		if site := s.site.Load(); site != nil {
			hello.Site = site.build
		}
		writeEvent(w, hello)
	}
	fl.Flush()
	ping := time.NewTicker(20 * time.Second)
	defer ping.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.done:
			return
		case <-ping.C:
			fmt.Fprint(w, ": ping\n\n")
			fl.Flush()
		case ev := <-ch:
			writeEvent(w, ev)
			fl.Flush()
		}
	}
}

func writeEvent(w http.ResponseWriter, ev event) {
	data, _ := json.Marshal(ev)
	fmt.Fprintf(w, "event: %s\ndata: %s\n\n", ev.Name, data)
}

// broadcast sends ev to every open event stream; a tab too slow to take
// it misses it and catches up with the next.
func (s *Server) broadcast(ev event) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for ch := range s.clients {
		select {
		case ch <- ev:
		default:
		}
	}
}
