package build

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"image"
	_ "image/png"
	"io/fs"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"sitegen/internal/diag"
	"sitegen/internal/site"
)

// bundledRoot is the repository's own site.
const bundledRoot = "../.."

// buildBundled builds the repository's site as CI and Netlify do, strict,
// and returns the output folder.
func buildBundled(t *testing.T) (string, *Result) {
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	res, err := Run(Options{Src: bundledRoot, Out: out, Strict: true, Now: fixedNow, NoMinify: true})
	if err != nil {
		t.Fatalf("the bundled site does not build with -strict: %v\n%s", err, problems(res))
	}
	return out, res
}

// TestBundledSiteStrict: the published site builds with zero warnings.
func TestBundledSiteStrict(t *testing.T) {
	_, res := buildBundled(t)
	for _, p := range res.Problems.All() {
		if p.Severity != diag.Info {
			t.Errorf("%s", p)
		}
	}
	if res.Pages < 20 {
		t.Errorf("only %d pages", res.Pages)
	}
}

var (
	headingRe = regexp.MustCompile(`(?s)<h([1-6])[^>]*>(.*?)</h[1-6]>\s*(<h([1-6])|</main>|</section>|</article>|$)`)
	tagRe     = regexp.MustCompile(`<[^>]+>`)
)

// TestBundledContent checks what patients rely on: every page has a title
// and a description for search results and link previews, every page about
// treatment links to the safety page, and no heading stands over nothing.
func TestBundledContent(t *testing.T) {
	out, res := buildBundled(t)
	treatment := map[string]bool{"/": true, "/faq/": true}
	for _, p := range res.Site.Pages {
		if p.Source == nil {
			continue
		}
		if strings.TrimSpace(p.Title) == "" {
			t.Errorf("%s has no title", p.File)
		}
		if strings.TrimSpace(p.Description) == "" {
			t.Errorf("%s has no description", p.File)
		}
		for _, tag := range p.Source.Meta.Tags {
			if tag == "treatment" {
				treatment[p.URL] = true
			}
		}
	}
	if len(treatment) < 5 {
		t.Fatalf("only %d treatment pages found; are the articles tagged treatment?", len(treatment))
	}
	for _, p := range res.Site.Pages {
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(p.OutPath)))
		if err != nil {
			t.Fatal(err)
		}
		html := string(data)
		main := html
		if i := strings.Index(html, "<main"); i >= 0 {
			main = html[i:]
		}
		if treatment[p.URL] && p.URL != "/articles/safety/" && !strings.Contains(main, `href="/articles/safety/`) {
			t.Errorf("%s is about treatment but its text does not link to the safety page", where(p))
		}
		if p.Kind == site.KindData {
			continue
		}
		for _, m := range headingRe.FindAllStringSubmatch(main, -1) {
			level := m[1]
			next := m[4]
			if m[3] == "" || strings.HasPrefix(m[3], "</") || (next != "" && next <= level) {
				t.Errorf("%s: the section %q is empty", where(p), strings.TrimSpace(tagRe.ReplaceAllString(m[2], "")))
			}
		}
	}
}

// TestLatestAreArticles: the home page's latest articles and the feed list
// articles, the newest first, and nothing else that has a date (a reading
// list, the thank-you page).
func TestLatestAreArticles(t *testing.T) {
	out, _ := buildBundled(t)
	home, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	latest := string(home)
	if i := strings.Index(latest, `id="latest-title"`); i >= 0 {
		latest = latest[i:]
	} else {
		t.Fatal("the home page has no latest articles")
	}
	feed, err := os.ReadFile(filepath.Join(out, "feed.xml"))
	if err != nil {
		t.Fatal(err)
	}
	for name, re := range map[string]*regexp.Regexp{
		"home page": regexp.MustCompile(`<h3><a href="([^"]+)"`),
		"feed":      regexp.MustCompile(`(?s)<entry>.*?<link[^>]*href="https?://[^/"]+(/[^"]*)"`),
	} {
		text := latest
		if name == "feed" {
			text = string(feed)
		}
		links := re.FindAllStringSubmatch(text, -1)
		if len(links) < 4 {
			t.Errorf("the %s lists %d articles", name, len(links))
		}
		for _, l := range links {
			if !strings.HasPrefix(l[1], "/articles/") {
				t.Errorf("the %s lists %s, which is not an article", name, l[1])
			}
		}
	}
}

// TestNoIndexPage: the thank-you page (noindex: true) and a lapsed
// practitioner's former profile are published but kept out of the
// sitemap and search engines; the site's own search leaves the thank-you
// page out and finds the former profile, which says the practitioner is
// not on the register.
func TestNoIndexPage(t *testing.T) {
	out, _ := buildBundled(t)
	sitemap, err := os.ReadFile(filepath.Join(out, "sitemap.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(sitemap), "/contact/") {
		t.Error("the sitemap does not list /contact/")
	}
	for _, path := range []string{"/thanks/", "/practitioners/edith-hartsworth/"} {
		page, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(path), "index.html"))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(page), `<meta name="robots" content="noindex">`) {
			t.Errorf("%s does not ask search engines to leave it out", path)
		}
		if strings.Contains(string(sitemap), path) {
			t.Errorf("the sitemap lists %s", path)
		}
		var inIndex []string
		filepath.WalkDir(filepath.Join(out, "search"), func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() {
				if data, _ := os.ReadFile(p); strings.Contains(string(data), `"`+path+`"`) {
					inIndex = append(inIndex, p)
				}
			}
			return nil
		})
		if lapsed := path != "/thanks/"; lapsed != (len(inIndex) > 0) {
			t.Errorf("%s in the search index: %v, want %v", path, inIndex, lapsed)
		}
	}
}

var metaRe = regexp.MustCompile(`<meta (?:property|name)="([^"]+)" content="([^"]*)">`)

// metas is the <meta property|name content> tags of a page's head by name,
// each with every value it is given.
func metas(html string) map[string][]string {
	if i := strings.Index(html, "</head>"); i >= 0 {
		html = html[:i]
	}
	m := map[string][]string{}
	for _, sub := range metaRe.FindAllStringSubmatch(html, -1) {
		m[sub[1]] = append(m[sub[1]], sub[2])
	}
	return m
}

// TestOpenGraph checks the link preview tags of every page: the locale
// in Open Graph's form, language_TERRITORY (site.yaml's en-GB is en_GB),
// og:url (but not on the 404 page), the site's social card as og:image, an absolute URL of a PNG the
// build publishes, whose real size the width and height give, with alt
// text, and as a large card for X/Twitter.
func TestOpenGraph(t *testing.T) {
	out, res := buildBundled(t)
	base := res.Site.Config.BaseURL
	for _, p := range res.Site.Pages {
		if !strings.HasSuffix(p.OutPath, ".html") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(p.OutPath)))
		if err != nil {
			t.Fatal(err)
		}
		m := metas(string(data))
		// og:url is the page's address, as its canonical link is; the
		// 404 page, served at any missing address, has neither.
		if want := []string{p.Permalink}; p.Kind == "404" {
			if len(m["og:url"]) != 0 {
				t.Errorf("%s: og:url %q on the 404 page", p.URL, m["og:url"])
			}
		} else if got := m["og:url"]; len(got) != 1 || got[0] != want[0] {
			t.Errorf("%s: og:url %q, want %q", p.URL, got, want)
		}
		if got := m["og:locale"]; len(got) != 1 || got[0] != "en_GB" {
			t.Errorf("%s: og:locale %q, want one, en_GB", p.URL, got)
		}
		for _, k := range []string{"og:image", "og:image:width", "og:image:height", "og:image:alt", "twitter:card"} {
			if len(m[k]) != 1 || m[k][0] == "" {
				t.Errorf("%s: %s %q, want one value", p.URL, k, m[k])
			}
		}
		if t.Failed() {
			return
		}
		img := m["og:image"][0]
		rel, ok := strings.CutPrefix(img, base)
		if !ok {
			t.Fatalf("%s: og:image %q is not an absolute URL on the site (%s)", p.URL, img, base)
		}
		f, err := os.Open(filepath.Join(out, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatalf("%s: og:image %q is not in the output: %v", p.URL, img, err)
		}
		cfg, format, err := image.DecodeConfig(f)
		f.Close()
		if err != nil || format != "png" {
			t.Fatalf("%s: og:image %q: %s, %v; want a PNG", p.URL, img, format, err)
		}
		if got, want := m["og:image:width"][0]+"x"+m["og:image:height"][0], fmt.Sprintf("%dx%d", cfg.Width, cfg.Height); got != want || want != "1200x630" {
			t.Errorf("%s: og:image is %s, the tags say %s; want 1200x630, the size link previews show in full", p.URL, want, got)
		}
		if got := m["twitter:card"][0]; got != "summary_large_image" {
			t.Errorf("%s: twitter:card %q, want summary_large_image", p.URL, got)
		}
	}
}

// TestSocialCardMissing: without the image the layout names, the build
// fails at the layout's line, naming the file, rather than publish a
// preview tag that points at nothing.
func TestSocialCardMissing(t *testing.T) {
	src := copySite(t, bundledRoot)
	if err := os.Remove(filepath.Join(src, "static", "images", "social-card.png")); err != nil {
		t.Fatal(err)
	}
	res, err := Run(Options{Src: src, DryRun: true, Now: fixedNow})
	if err == nil {
		t.Fatal("the site built without its social card")
	}
	want := regexp.MustCompile(`^layouts/partials/head-shared\.html:\d+:\d+: .*image "images/social-card\.png" is not in static/`)
	for _, p := range res.Problems.All() {
		if want.MatchString(p.String()) {
			return
		}
	}
	t.Errorf("want a problem matching %s, got:\n%s", want, problems(res))
}

// TestSearchClientSize: what a browser downloads to search, the module on
// every page and every module it imports (with the page, or when the
// search box gets focus), as published (minified), is under 10 KB with
// gzip.
func TestSearchClientSize(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	if res, err := Run(Options{Src: bundledRoot, Out: out, Strict: true, Now: fixedNow}); err != nil {
		t.Fatalf("build: %v\n%s", err, problems(res))
	}
	home, err := os.ReadFile(filepath.Join(out, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`<script type=module src=(/assets/search\.[0-9a-f]+\.js)>|<script type="module" src="(/assets/search\.[0-9a-f]+\.js)">`).FindSubmatch(home)
	if m == nil {
		t.Fatal("no search module on the home page")
	}
	first := string(m[1]) + string(m[2])
	importRe := regexp.MustCompile(`(?:from\s*|import\s*\(\s*)"\./([^"]+\.js)"`)
	seen := map[string]bool{}
	total := 0
	for queue := []string{first}; len(queue) > 0; queue = queue[1:] {
		u := queue[0]
		if seen[u] {
			continue
		}
		seen[u] = true
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(u)))
		if err != nil {
			t.Fatal(err)
		}
		var z bytes.Buffer
		w, _ := gzip.NewWriterLevel(&z, gzip.DefaultCompression)
		w.Write(data)
		w.Close()
		total += z.Len()
		t.Logf("%s: %d B, %d B gzip", u, len(data), z.Len())
		for _, im := range importRe.FindAllSubmatch(data, -1) {
			queue = append(queue, path.Join(path.Dir(u), string(im[1])))
		}
	}
	if len(seen) < 3 {
		t.Errorf("found only %d modules: %v", len(seen), seen)
	}
	if total >= 10_000 {
		t.Errorf("the search client is %d B with gzip, over 10 KB", total)
	}
	t.Logf("search client: %d modules, %d B gzip", len(seen), total)
}

func where(p *site.Page) string {
	if p.File != "" {
		return p.File
	}
	return p.URL
}

// TestSearchQuality runs the judged queries in testdata/judged.json (each
// must find its page in the top three and, when it gives a link, link
// there) against the bundled site's real index, with the real browser
// client code in node.
func TestSearchQuality(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("node is required in CI for the search quality test")
		}
		t.Skip("node not found: install Node.js to run the judged search queries")
	}
	out, _ := buildBundled(t)
	cmd := exec.Command(node, filepath.Join("..", "search", "judge.mjs"), out, filepath.Join("testdata", "judged.json"))
	msg, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("judged queries failed: %v\n%s", err, msg)
	}
	t.Logf("%s", msg)
}

// TestMenuCurrent: the main menu marks the entry that is the page as the
// current page, and on a page inside an entry's section (a profile, a
// region, a reading list) marks that entry as the current section, so a
// visitor sees where they are; on any other page it marks nothing.
func TestMenuCurrent(t *testing.T) {
	out, _ := buildBundled(t)
	nav := regexp.MustCompile(`(?s)<nav class="site-nav" aria-label="Main">(.*?)</nav>`)
	current := regexp.MustCompile(`<a href="([^"]*)" aria-current="([^"]*)">`)
	for path, want := range map[string]string{
		"practitioners/index.html":                   "/practitioners/ page",
		"practitioners/aelia-thornhurst/index.html":  "/practitioners/ true",
		"practitioners/region/south-west/index.html": "/practitioners/ true",
		"reading/introductions-to-cst/index.html":    "/reading/ true",
		"articles/safety/index.html":                 "/articles/safety/ page",
		"verify/index.html":                          "/verify/ page",
		"glossary/index.html":                        "",
		"articles/index.html":                        "",
	} {
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(path)))
		if err != nil {
			t.Fatal(err)
		}
		m := nav.FindSubmatch(data)
		if m == nil {
			t.Fatalf("%s: no main menu", path)
		}
		var got []string
		for _, c := range current.FindAllSubmatch(m[1], -1) {
			got = append(got, string(c[1])+" "+string(c[2]))
		}
		if strings.Join(got, ", ") != want {
			t.Errorf("%s: current menu entries %q, want %q", path, got, want)
		}
	}
}

// TestSitemapForPeople: the footer, the 404 page and the search page's
// advice without JavaScript send visitors to the sitemap page, which
// links to every page that sitemap.xml lists for crawlers (itself
// aside), under its section's heading, and to nothing kept out of it.
func TestSitemapForPeople(t *testing.T) {
	out, _ := buildBundled(t)
	read := func(rel string) string {
		t.Helper()
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(rel)))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	for rel, link := range map[string]string{
		"index.html":        `<a href="/sitemap/">Sitemap</a>`,
		"404.html":          `<a href="/sitemap/">See every page in the sitemap</a>`,
		"search/index.html": `<a href="/sitemap/">every page in the sitemap</a>`,
	} {
		page := read(rel)
		if !strings.Contains(page, link) {
			t.Errorf("%s does not have %s", rel, link)
		}
		if strings.Contains(page, `href="/sitemap.xml"`) {
			t.Errorf("%s links people to sitemap.xml", rel)
		}
	}
	page := read("sitemap/index.html")
	main := page[strings.Index(page, "<main"):strings.Index(page, "</main>")]
	links := map[string]bool{}
	for _, m := range regexp.MustCompile(`href="([^"]+)"`).FindAllStringSubmatch(main, -1) {
		links[m[1]] = true
	}
	xml := read("sitemap.xml")
	locs := regexp.MustCompile(`<loc>https?://[^/<]+(/[^<]*)</loc>`).FindAllStringSubmatch(xml, -1)
	if len(locs) < 50 {
		t.Fatalf("sitemap.xml lists %d pages", len(locs))
	}
	for _, l := range locs {
		if l[1] != "/sitemap/" && !links[l[1]] {
			t.Errorf("the sitemap page does not link to %s", l[1])
		}
	}
	for _, u := range []string{"/thanks/", "/practitioners/edith-hartsworth/", "/404.html"} {
		if links[u] {
			t.Errorf("the sitemap page links to %s", u)
		}
	}
	// The sections are headings to find them by; the directory's regions
	// and the reading lists come under theirs.
	for _, want := range []string{
		`<h2><a href="/practitioners/">Find a practitioner</a></h2>`,
		`<h2><a href="/reading/">Reading lists</a></h2>`,
		`<li><a href="/practitioners/region/wales/">Practitioners in Wales</a></li>`,
		`<li><a href="/training/">Training</a></li>`,
	} {
		if !strings.Contains(main, want) {
			t.Errorf("the sitemap page does not have %s", want)
		}
	}
	if i, j := strings.Index(main, "/reading/for-patients/"), strings.Index(main, ">Reading lists<"); i < j {
		t.Error("a reading list comes before the reading lists' heading")
	}
}

// checkTimeRe finds how long a page says checking a registration takes: a
// length of time in the few sentences after a word about checking.
var checkTimeRe = regexp.MustCompile(`(?i)\bcheck(?:s|ing)?\b[^<>]{0,200}?\b((?:in|within|under|less than|about|only) (?:a few|a couple of|a|one|two|\d+) (?:seconds?|minutes?))\b`)

// TestRegistrationCheckTime: the pages that say how long checking a
// registration takes all say the same, so that no page promises more than
// another.
func TestRegistrationCheckTime(t *testing.T) {
	out, res := buildBundled(t)
	said := map[string][]string{} // what is said: where
	for _, p := range res.Site.Pages {
		if p.Kind == site.KindData || !strings.HasSuffix(p.OutPath, ".html") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(p.OutPath)))
		if err != nil {
			t.Fatal(err)
		}
		main := string(data)
		if i := strings.Index(main, "<main"); i >= 0 {
			main = main[i:]
		}
		text := strings.Join(strings.Fields(tagRe.ReplaceAllString(main, " ")), " ")
		for _, m := range checkTimeRe.FindAllStringSubmatch(text, -1) {
			phrase := strings.ToLower(m[1])
			said[phrase] = append(said[phrase], p.URL)
		}
	}
	if len(said) == 0 {
		t.Fatal("no page says how long checking a registration takes; has the wording changed?")
	}
	if len(said) > 1 {
		t.Errorf("the pages disagree on how long checking a registration takes: %v", said)
	}
}

// TestSafetyShortVersion: a patient who reads only the safety page's
// short version learns the warning signs that need help at once, where to
// get it, and is led to the full list of them.
func TestSafetyShortVersion(t *testing.T) {
	out, _ := buildBundled(t)
	data, err := os.ReadFile(filepath.Join(out, "articles", "safety", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	html := string(data)
	start := strings.Index(html, `<h2 id="the-short-version">`)
	if start < 0 {
		t.Fatal(`the safety page has no heading "The short version"`)
	}
	short := html[start+1:]
	short = short[:strings.Index(short, "<h2")]
	if !strings.Contains(html, `<h2 id="when-to-stop-and-get-medical-help">`) {
		t.Fatal(`the safety page has no section "When to stop and get medical help"`)
	}
	for _, want := range []string{`href="#when-to-stop-and-get-medical-help"`, "999", "A&amp;E", "severe headache"} {
		if !strings.Contains(short, want) {
			t.Errorf("the safety page's short version lacks %s:\n%s", want, short)
		}
	}
}
