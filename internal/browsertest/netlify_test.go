package browsertest

import (
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"sitegen/internal/build"
)

// requiredHeaders are the headers every response must carry; the browser
// tests rely on the policy ones (a CSP violation must show up there as it
// would in production).
var requiredHeaders = []string{
	"Content-Security-Policy",
	"X-Content-Type-Options",
	"Referrer-Policy",
	"Permissions-Policy",
	"Strict-Transport-Security",
}

const immutable = "public, max-age=31536000, immutable"

// TestMatch pins Match to Netlify's rules (@netlify/headers-parser,
// getForRegExp), including the ones that catch more than a pattern seems
// to say.
func TestMatch(t *testing.T) {
	tests := []struct {
		pattern, path string
		want          bool
	}{
		{"/*", "/", true},
		{"/*", "/a/b/c.json", true},
		{"/assets/*", "/assets/site.08aca3bd.css", true},
		{"/assets/*", "/assets/a/b.css", true},
		{"/assets/*", "/asset/site.css", false},
		{"/search/v/*", "/search/v/e75fb7521857/s0.json", true},
		{"/search/v/*", "/search/index.json", false},
		{"/search/v/*", "/search/", false},
		{"/search/doc/*", "/search/doc/00a50df2c769.json", true},
		{"/search/doc/*", "/search/index.json", false},
		{"/practitioners/directory.*.json", "/practitioners/directory.6f7aef48df.json", true},
		{"/practitioners/directory.*.json", "/practitioners/aelia-thornhurst.vcf", false},
		{"/verify/*.json", "/verify/index.2123ff0fdd.json", true},
		{"/verify/*.json", "/verify/", false},
		{"/a.b", "/aXb", false},

		// The slash before a standalone * is optional.
		{"/assets/*", "/assets", true},
		{"/assets/*", "/assets/", true},
		{"/assets/*", "/assetsx/site.css", true},
		{"/search/v/*", "/search/versions.json", true},
		// So a placeholder followed by /* catches every file of the folder.
		{"/search/:version/*", "/search/e75fb7521857/s0.json", true},
		{"/search/:version/*", "/search/index.json", true},
		{"/search/:version/*", "/search/index.html", true},
		{"/search/:version/*", "/search/", false},
		// A placeholder is one non-empty segment.
		{"/a/:b/c", "/a/x/c", true},
		{"/a/:b/c", "/a/x/y/c", false},
		{"/a/:b/c", "/a//c", false},
		{"/a/:b", "/a/x/", true},
		// Letters match in either case.
		{"/assets/*", "/ASSETS/Site.css", true},
		{"/Thanks/", "/thanks/", true},
		// A trailing slash is optional on either side; repeated slashes
		// in the pattern count once.
		{"/thanks", "/thanks/", true},
		{"/thanks/", "/thanks", true},
		{"//thanks//", "/thanks", true},
		{"/thanks", "/thanks//", false},
		// A * inside a part matches slashes too, and the rest of the part
		// is a regular expression: its dots match any character.
		{"/verify/*.json", "/verify/a/b.json", true},
		{"/verify/*.json", "/verify/indexXjson", true},
		{"/practitioners/directory.*.json", "/practitioners/directoryX1Xjson", true},
		{"/a*", "/abc/d", true},
	}
	for _, tt := range tests {
		if got := Match(tt.pattern, tt.path); got != tt.want {
			t.Errorf("Match(%q, %q) = %v, want %v", tt.pattern, tt.path, got, tt.want)
		}
	}
}

// TestNetlifyBuild checks netlify.toml's build settings against the
// command line and go.mod.
func TestNetlifyBuild(t *testing.T) {
	main, err := os.ReadFile(filepath.Join(siteRoot, "cmd", "sitegen", "main.go"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`StringVar\(&f\.out, "out", "([^"]+)"`).FindSubmatch(main)
	if m == nil {
		t.Fatal("cmd/sitegen/main.go: cannot find the -out flag's default")
	}
	if netlify.Build.Publish != string(m[1]) {
		t.Errorf("netlify.toml: publish = %q, but sitegen build writes to %q by default", netlify.Build.Publish, m[1])
	}
	gomod, err := os.ReadFile(filepath.Join(siteRoot, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	gov := regexp.MustCompile(`(?m)^go (\d+\.\d+)`).FindSubmatch(gomod)
	if want := string(gov[1]) + ".x"; netlify.Build.Environment["GO_VERSION"] != want {
		t.Errorf("netlify.toml: GO_VERSION = %q, want %q (go.mod says go %s)", netlify.Build.Environment["GO_VERSION"], want, gov[1])
	}
	for _, c := range []struct {
		context string
		preview bool
	}{{"production", false}, {"deploy-preview", true}, {"branch-deploy", true}} {
		cmd := strings.Fields(netlify.CommandFor(c.context))
		if len(cmd) < 3 || !slices.Contains(cmd, "./cmd/sitegen") || !slices.Contains(cmd, "build") {
			t.Errorf("%s: command %q does not run sitegen build", c.context, netlify.CommandFor(c.context))
			continue
		}
		if !slices.Contains(cmd, "-strict") {
			t.Errorf("%s: command %q lacks -strict: a warning must stop a deploy", c.context, netlify.CommandFor(c.context))
		}
		for _, f := range []string{"-drafts", "-future"} {
			if got := slices.Contains(cmd, f); got != c.preview {
				t.Errorf("%s: command %q: %s present = %v, want %v", c.context, netlify.CommandFor(c.context), f, got, c.preview)
			}
		}
		if slices.Contains(cmd, "-out") {
			t.Errorf("%s: command %q sets -out; publish assumes the default", c.context, netlify.CommandFor(c.context))
		}
	}
}

// TestNetlifyHeaders checks the security headers every response gets.
func TestNetlifyHeaders(t *testing.T) {
	for _, p := range []string{"/", "/practitioners/", "/assets/x.12345678.css", "/search/index.json", "/no-such-page/"} {
		h := netlify.HeadersFor(p)
		for _, k := range requiredHeaders {
			if h.Get(k) == "" {
				t.Errorf("%s: no %s header", p, k)
			}
		}
	}
	for _, r := range netlify.Headers {
		for k, v := range r.Values {
			if strings.Contains(v, "unsafe-inline") || strings.Contains(v, "unsafe-eval") {
				t.Errorf("netlify.toml: headers for %q: %s allows %q; move the script or style into a file under static/", r.For, k, v)
			}
		}
	}
	h := netlify.HeadersFor("/")
	csp := parseCSP(h.Get("Content-Security-Policy"))
	for _, d := range []string{"default-src", "script-src", "style-src", "form-action", "base-uri", "object-src", "frame-ancestors"} {
		if len(csp[d]) == 0 {
			t.Errorf("Content-Security-Policy has no %s directive", d)
		}
	}
	if !slices.Equal(csp["script-src"], []string{"'self'"}) {
		t.Errorf("script-src = %q, want 'self' only", csp["script-src"])
	}
	// Every image, icon, font, script, stylesheet and JSON file is a file of
	// the site: no directive may let in a data: or blob: URI or another
	// origin, and the built site must not need one.
	for d, srcs := range csp {
		for _, s := range srcs {
			if s != "'self'" && s != "'none'" {
				t.Errorf("Content-Security-Policy %s allows %s; the site loads nothing but its own files", d, s)
			}
		}
	}
	if err := filepath.WalkDir(siteDir, func(path string, e fs.DirEntry, err error) error {
		if err != nil || e.IsDir() || !slices.Contains([]string{".html", ".css", ".js"}, filepath.Ext(path)) {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, m := range regexp.MustCompile(`(?i)(src|href|url\()\s*=?\s*["']?(data|blob):`).FindAll(b, -1) {
			t.Errorf("%s loads a %s URI, which the Content-Security-Policy refuses", path, m)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(csp["form-action"], []string{"'self'"}) {
		t.Errorf("form-action = %q, want 'self': the contact form posts to the site (Netlify Forms)", csp["form-action"])
	}
	if got := h.Get("X-Content-Type-Options"); got != "nosniff" {
		t.Errorf("X-Content-Type-Options = %q, want nosniff", got)
	}
	if got := h.Get("Permissions-Policy"); !regexp.MustCompile(`(^|,\s*)geolocation=\(self\)(,|$)`).MatchString(got) {
		t.Errorf("Permissions-Policy = %q: the directory's \"Use my location\" needs geolocation=(self)", got)
	}
	if got := h.Get("Strict-Transport-Security"); !regexp.MustCompile(`max-age=(\d{8,}|3153[6-9]\d{3})`).MatchString(got) {
		t.Errorf("Strict-Transport-Security = %q, want max-age of a year or more", got)
	}
	if cc := h.Get("Cache-Control"); cc != "" {
		t.Errorf("pages get Cache-Control %q; they must keep Netlify's revalidating default", cc)
	}
}

func parseCSP(s string) map[string][]string {
	m := map[string][]string{}
	for _, d := range strings.Split(s, ";") {
		f := strings.Fields(d)
		if len(f) > 0 {
			m[f[0]] = f[1:]
		}
	}
	return m
}

// hashed matches a file name carrying a content hash: name.hash.ext, or a
// hash as the name or as a folder (search/v/<version>/s0.json).
var hashed = regexp.MustCompile(`(^|[./])[0-9a-f]{8,}(\.[a-z0-9]+$|/)`)

// TestNetlifyCaching walks the built site: files with a content hash in
// their names are cached for a year, and no other file is.
func TestNetlifyCaching(t *testing.T) {
	asset := regexp.MustCompile(`^/assets/[a-z0-9-]+\.[0-9a-f]{8,}\.[a-z0-9]+$`)
	var assets, long, short int
	err := filepath.WalkDir(siteDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(siteDir, p)
		url := "/" + filepath.ToSlash(rel)
		if strings.HasPrefix(filepath.Base(p), "_") {
			return nil
		}
		cc := netlify.HeadersFor(url).Get("Cache-Control")
		isHashed := hashed.MatchString(strings.TrimPrefix(url, "/"))
		switch {
		case cc == immutable && !isHashed:
			t.Errorf("%s is cached as immutable but its name has no content hash: a new version would not reach visitors", url)
		case cc != immutable && isHashed:
			t.Errorf("%s has a content hash in its name but Cache-Control %q; add a [[headers]] rule so it is cached for a year", url, cc)
		case cc == immutable:
			long++
		default:
			short++
		}
		if strings.HasPrefix(url, "/assets/") {
			assets++
			if !asset.MatchString(url) {
				t.Errorf("%s: the build's asset names no longer look like /assets/name.hash.ext, which the /assets/* rule assumes", url)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if assets == 0 {
		t.Error("the build wrote nothing under /assets/")
	}
	t.Logf("%d files cached for a year, %d revalidated", long, short)
}

// TestCachedForGood tries every rule of netlify.toml that lets browsers
// keep a response without asking again against every address each file of
// the built site is served at (a page at its folder too, with and without
// the slash), with Netlify's matching: a file it matches must have a
// content hash or version in its path, and the files whose names stay the
// same from build to build (the search entry, the pages, the feed, the
// sitemap, robots.txt) must match none of them.
func TestCachedForGood(t *testing.T) {
	type rule struct{ pattern, cc string }
	var rules []rule
	caches := regexp.MustCompile(`(?i)immutable|max-age=[1-9]`)
	for _, r := range netlify.Headers {
		for k, v := range r.Values {
			if strings.EqualFold(k, "Cache-Control") && caches.MatchString(v) {
				rules = append(rules, rule{r.For, v})
			}
		}
	}
	if len(rules) == 0 {
		t.Fatal("netlify.toml has no rule caching files for good; the /assets/ and search rules are gone")
	}
	fixed := map[string]bool{"index.json": true, "index.html": true, "404.html": true, "feed.xml": true, "sitemap.xml": true, "robots.txt": true}
	seen := map[string]int{}
	err := filepath.WalkDir(siteDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(siteDir, p)
		rel = filepath.ToSlash(rel)
		if strings.HasPrefix(path.Base(rel), "_") {
			return nil // Netlify's own files, never served
		}
		urls := []string{"/" + rel}
		if dir, ok := strings.CutSuffix(rel, "index.html"); ok {
			urls = append(urls, "/"+dir, "/"+strings.TrimSuffix(dir, "/"))
		}
		name := path.Base(rel)
		seen[name]++
		for _, u := range urls {
			for _, r := range rules {
				if !Match(r.pattern, u) {
					continue
				}
				switch {
				case fixed[name]:
					t.Errorf("%s (%s) matches %q, which sets Cache-Control %q: its name never changes, so visitors would keep an old copy", u, rel, r.pattern, r.cc)
				case !hashed.MatchString(rel):
					t.Errorf("%s matches %q, which sets Cache-Control %q, but has no content hash or version in its path", u, r.pattern, r.cc)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []string{"search/index.json", "search/index.html", "index.html", "feed.xml", "sitemap.xml", "robots.txt"} {
		if _, err := os.Stat(filepath.Join(siteDir, filepath.FromSlash(f))); err != nil {
			t.Errorf("the built site has no %s to check: %v", f, err)
		}
	}
	if seen["index.html"] < 10 {
		t.Errorf("only %d pages checked", seen["index.html"])
	}
}

// TestNetlifyRedirects: the build's _redirects (aliases) must not be
// shadowed by netlify.toml rules.
func TestNetlifyRedirects(t *testing.T) {
	aliases := readRedirects(filepath.Join(siteDir, "_redirects"))
	for _, r := range netlify.Redirects {
		if _, ok := aliases[r.From]; ok {
			t.Errorf("netlify.toml redirects %s, which _redirects also does (a page's aliases); remove one", r.From)
		}
		if strings.Contains(r.From, "*") && r.Force {
			t.Errorf("netlify.toml: forced splat redirect from %s shadows pages and aliases", r.From)
		}
	}
}

// TestServer checks the test server behaves as Netlify does, since the
// browser tests rely on it.
func TestServer(t *testing.T) {
	h := NewServer(siteDir, netlify)
	get := func(p string) *httptest.ResponseRecorder {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, p, nil))
		return rec
	}
	if r := get("/practitioners"); r.Code != http.StatusMovedPermanently || r.Header().Get("Location") != "/practitioners/" {
		t.Errorf("/practitioners: %d to %q, want 301 to /practitioners/", r.Code, r.Header().Get("Location"))
	}
	if r := get("/"); r.Code != 200 || !strings.HasPrefix(r.Header().Get("Content-Type"), "text/html") || r.Header().Get("Content-Security-Policy") == "" {
		t.Errorf("/: %d %q, CSP %q", r.Code, r.Header().Get("Content-Type"), r.Header().Get("Content-Security-Policy"))
	}
	if r := get("/no-such-page/"); r.Code != 404 || !strings.Contains(r.Body.String(), "<html") {
		t.Errorf("/no-such-page/: %d, want 404 with the site's 404 page", r.Code)
	}
	if r := get("/_redirects"); r.Code != 404 {
		t.Errorf("/_redirects: %d, want 404", r.Code)
	}
}

// TestContactForm checks the built contact page is a Netlify form.
func TestContactForm(t *testing.T) {
	page, err := os.ReadFile(filepath.Join(siteDir, "contact", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	form := regexp.MustCompile(`(?s)<form[^>]*name="?contact"?[^>]*>.*?</form>`).Find(page)
	if form == nil {
		t.Fatal("contact/index.html: no <form name=contact>")
	}
	open := string(regexp.MustCompile(`<form[^>]*>`).Find(form))
	for _, want := range []string{`(?i)method="?post"?`, `action="?/thanks/"?`, `data-netlify="?true"?`} {
		if !regexp.MustCompile(want).MatchString(open) {
			t.Errorf("contact form %s does not match %s", open, want)
		}
	}
	if !regexp.MustCompile(`(data-)?netlify-honeypot="?company"?`).MatchString(open) {
		t.Errorf("contact form %s names no honeypot field company", open)
	}
	if !regexp.MustCompile(`<input[^>]*name="?company"?`).Match(form) {
		t.Error("contact form has no company field, the honeypot")
	}
	if !regexp.MustCompile(`<input[^>]*type="?hidden"?[^>]*name="?form-name"?[^>]*value="?contact"?`).Match(form) {
		t.Error("contact form has no hidden form-name=contact field, which Netlify Forms needs when the page is minified or rendered by script")
	}
	if _, err := os.Stat(filepath.Join(siteDir, "thanks", "index.html")); err != nil {
		t.Errorf("the form's thank-you page /thanks/ was not built: %v", err)
	}
}

// TestPreviewHeaders builds the site as a deploy preview: a noindex on
// every page, as a meta tag and as an X-Robots-Tag header from a _headers
// file, keeps it out of search engines, and robots.txt lets crawlers fetch
// the pages, since one that may not fetch a page never reads its noindex
// (Google's documentation says as much), and names no sitemap.
func TestPreviewHeaders(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if _, err := build.Run(build.Options{Src: siteRoot, Out: out, Now: today, Preview: true, Drafts: true, Future: true}); err != nil {
		t.Fatal(err)
	}
	robots, err := os.ReadFile(filepath.Join(out, "robots.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`(?m)^User-agent: \*\nAllow: /$`).Match(robots) || regexp.MustCompile(`(?mi)^(Disallow: *\S|Sitemap:)`).Match(robots) || !regexp.MustCompile(`(?m)^#.*preview`).Match(robots) {
		t.Errorf("preview robots.txt = %q; want a comment saying it is a preview, User-agent: * and Allow: /, nothing disallowed and no Sitemap line", robots)
	}
	home, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil || !regexp.MustCompile(`<meta name="?robots"? content="?noindex"?>`).Match(home) {
		t.Errorf("the preview's home page has no <meta name=robots content=noindex> (%v)", err)
	}
	rules := readHeadersFile(t, filepath.Join(out, "_headers"))
	var noindex bool
	for _, r := range rules {
		if r.For == "/*" && strings.EqualFold(r.Values["X-Robots-Tag"], "noindex") {
			noindex = true
		}
	}
	if !noindex {
		t.Errorf("preview _headers = %v, want /* with X-Robots-Tag: noindex", rules)
	}
	if _, err := os.Stat(filepath.Join(siteDir, "_headers")); err == nil {
		t.Error("the production build wrote _headers; X-Robots-Tag: noindex must be for previews only")
	}
}

// readHeadersFile parses Netlify's _headers format: a path, then indented
// "Name: value" lines.
func readHeadersFile(t *testing.T, file string) []HeaderRule {
	t.Helper()
	src, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("reading _headers: %v", err)
	}
	var rules []HeaderRule
	for _, line := range strings.Split(string(src), "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == "" || strings.HasPrefix(trimmed, "#"):
		case line[0] != ' ' && line[0] != '\t':
			rules = append(rules, HeaderRule{For: trimmed, Values: map[string]string{}})
		case len(rules) > 0:
			if k, v, ok := strings.Cut(trimmed, ":"); ok {
				rules[len(rules)-1].Values[strings.TrimSpace(k)] = strings.TrimSpace(v)
			}
		}
	}
	return rules
}

// TestWorkflows checks the GitHub workflows do what the README promises:
// every pull request is checked and tested, and the site is rebuilt daily
// through the Netlify build hook kept in a secret.
func TestWorkflows(t *testing.T) {
	read := func(name string) string {
		src, err := os.ReadFile(filepath.Join(siteRoot, ".github", "workflows", name))
		if err != nil {
			t.Fatal(err)
		}
		return string(src)
	}
	pr := read("pull-request.yml")
	for _, want := range []string{"pull_request:", "go run ./cmd/sitegen check", ".ci/run"} {
		if !strings.Contains(pr, want) {
			t.Errorf("pull-request.yml lacks %q", want)
		}
	}
	ci, err := os.ReadFile(filepath.Join(ciDir, "run"))
	if err != nil || !regexp.MustCompile(`(?m)^make test$`).Match(ci) || !strings.Contains(string(ci), "npm ci") {
		t.Errorf(".ci/run must run npm ci in .ci/ and then make test (%v)", err)
	}
	daily := read("scheduled-rebuild.yml")
	if !strings.Contains(daily, "schedule:") || !regexp.MustCompile(`- cron: "[0-9]+ [0-9]+ \* \* \*"`).MatchString(daily) {
		t.Error("scheduled-rebuild.yml has no daily cron schedule")
	}
	if !strings.Contains(daily, "secrets.NETLIFY_BUILD_HOOK") || !strings.Contains(daily, `-X POST`) {
		t.Error("scheduled-rebuild.yml does not POST to the build hook in secrets.NETLIFY_BUILD_HOOK")
	}
}
