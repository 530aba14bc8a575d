package browsertest

import (
	"bufio"
	"bytes"
	"mime"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
)

// NewServer serves the built site in root as Netlify does, with the
// headers of n (which may be nil):
//
//   - /x/ is x/index.html; /x redirects to /x/ when x/ has an index.html;
//   - the _redirects file's rules (from to [status]) are followed;
//   - anything else missing is /404.html with status 404;
//   - files starting with _ (Netlify's own) are not served.
func NewServer(root string, n *Netlify) http.Handler {
	return &server{root: root, netlify: n, redirects: readRedirects(filepath.Join(root, "_redirects"))}
}

type server struct {
	root      string
	netlify   *Netlify
	redirects map[string]redirectRule
}

type redirectRule struct {
	to     string
	status int
}

func readRedirects(file string) map[string]redirectRule {
	rules := map[string]redirectRule{}
	src, err := os.ReadFile(file)
	if err != nil {
		return rules
	}
	sc := bufio.NewScanner(bytes.NewReader(src))
	for sc.Scan() {
		f := strings.Fields(sc.Text())
		if len(f) < 2 || strings.HasPrefix(f[0], "#") {
			continue
		}
		r := redirectRule{to: f[1], status: http.StatusMovedPermanently}
		if len(f) > 2 {
			if n, err := strconv.Atoi(strings.TrimSuffix(f[2], "!")); err == nil {
				r.status = n
			}
		}
		rules[f[0]] = r
	}
	return rules
}

// contentTypes fixes the types the machine's MIME tables may lack or get
// wrong.
var contentTypes = map[string]string{
	".html": "text/html; charset=utf-8",
	".css":  "text/css; charset=utf-8",
	".js":   "text/javascript; charset=utf-8",
	".json": "application/json",
	".svg":  "image/svg+xml",
	".xml":  "application/xml",
	".txt":  "text/plain; charset=utf-8",
	".vcf":  "text/vcard; charset=utf-8",
	".bib":  "application/x-bibtex; charset=utf-8",
	".ris":  "application/x-research-info-systems; charset=utf-8",
	".webp": "image/webp",
	".png":  "image/png",
	".jpg":  "image/jpeg",
	".ico":  "image/x-icon",
}

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		// Netlify Forms takes POSTs to any page; here a form post is
		// answered with the page it names, as Netlify does.
		if r.Method != http.MethodPost {
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
	}
	p := path.Clean("/" + r.URL.Path)
	if strings.HasSuffix(r.URL.Path, "/") && p != "/" {
		p += "/"
	}
	if rule, ok := s.redirects[strings.TrimSuffix(p, "/")]; ok {
		s.setHeaders(w, p)
		http.Redirect(w, r, rule.to, rule.status)
		return
	}
	if rule, ok := s.redirects[p]; ok {
		s.setHeaders(w, p)
		http.Redirect(w, r, rule.to, rule.status)
		return
	}
	file := filepath.Join(s.root, filepath.FromSlash(p))
	if strings.HasSuffix(p, "/") {
		file = filepath.Join(file, "index.html")
	} else if fi, err := os.Stat(file); err == nil && fi.IsDir() {
		if _, err := os.Stat(filepath.Join(file, "index.html")); err == nil {
			s.setHeaders(w, p)
			http.Redirect(w, r, p+"/", http.StatusMovedPermanently)
			return
		}
	}
	if strings.HasPrefix(path.Base(p), "_") {
		s.notFound(w, r)
		return
	}
	data, err := os.ReadFile(file)
	if err != nil {
		s.notFound(w, r)
		return
	}
	s.setHeaders(w, p)
	s.write(w, r, file, http.StatusOK, data)
}

func (s *server) notFound(w http.ResponseWriter, r *http.Request) {
	s.setHeaders(w, r.URL.Path)
	file := filepath.Join(s.root, "404.html")
	data, err := os.ReadFile(file)
	if err != nil {
		http.Error(w, "404 page not found", http.StatusNotFound)
		return
	}
	s.write(w, r, file, http.StatusNotFound, data)
}

func (s *server) write(w http.ResponseWriter, r *http.Request, file string, status int, data []byte) {
	ext := strings.ToLower(filepath.Ext(file))
	ct := contentTypes[ext]
	if ct == "" {
		ct = mime.TypeByExtension(ext)
	}
	if ct == "" {
		ct = http.DetectContentType(data)
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		_, _ = w.Write(data)
	}
}

func (s *server) setHeaders(w http.ResponseWriter, p string) {
	if s.netlify == nil {
		return
	}
	for k, v := range s.netlify.HeadersFor(p) {
		w.Header()[k] = v
	}
}
