package build

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"image"
	"image/png"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"sort"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"sitegen/internal/config"
	"sitegen/internal/diag"
	"sitegen/internal/site"
)

var update = flag.Bool("update", false, "rewrite golden files")

// fixedNow is the build date of every test build.
var fixedNow = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)

// readTree returns every file under dir, by slash path.
func readTree(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		data, err := os.ReadFile(p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func buildFixture(t *testing.T, out string, opt Options) *Result {
	t.Helper()
	opt.Src = filepath.Join("testdata", "fixture")
	opt.Out = out
	if opt.Now.IsZero() {
		opt.Now = fixedNow
	}
	res, err := Run(opt)
	if err != nil {
		t.Fatalf("build failed: %v\n%s", err, problems(res))
	}
	return res
}

func problems(res *Result) string {
	if res == nil || res.Problems == nil {
		return ""
	}
	var b strings.Builder
	for _, p := range res.Problems.All() {
		b.WriteString(p.String() + "\n")
	}
	return b.String()
}

// TestGolden builds the fixture site without minifying and compares every
// output file with testdata/golden (go test -update rewrites it).
func TestGolden(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	res := buildFixture(t, out, Options{NoMinify: true, Strict: true})
	if n := res.Problems.Len(); n != 0 {
		t.Fatalf("unexpected problems:\n%s", problems(res))
	}
	got := readTree(t, out)
	golden := filepath.Join("testdata", "golden")
	if *update {
		os.RemoveAll(golden)
		for name, data := range got {
			p := filepath.Join(golden, filepath.FromSlash(name))
			os.MkdirAll(filepath.Dir(p), 0o755)
			if err := os.WriteFile(p, data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		return
	}
	want := readTree(t, golden)
	for name := range want {
		if _, ok := got[name]; !ok {
			t.Errorf("missing output %s", name)
		}
	}
	for name, data := range got {
		w, ok := want[name]
		if !ok {
			t.Errorf("unexpected output %s", name)
			continue
		}
		if !bytes.Equal(w, data) {
			t.Errorf("%s differs from the golden file (run go test -update to accept):\n--- got\n%s", name, data)
		}
	}
}

// TestFixtureBehaviour asserts what a reader of the fixture site would
// notice, independent of the exact golden bytes.
func TestFixtureBehaviour(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	buildFixture(t, out, Options{NoMinify: true})
	files := readTree(t, out)
	must := func(name string, parts ...string) {
		t.Helper()
		data, ok := files[name]
		if !ok {
			t.Fatalf("no %s; have %v", name, keys(files))
		}
		for _, p := range parts {
			if !bytes.Contains(data, []byte(p)) {
				t.Errorf("%s lacks %q", name, p)
			}
		}
	}
	mustNot := func(name string) {
		t.Helper()
		if _, ok := files[name]; ok {
			t.Errorf("%s should not be published", name)
		}
	}
	must("index.html", `href="/articles/first/"`, `href="/about/#who-we-are"`, "Latest")
	must("about/index.html", `<h2 id="who-we-are">Who we are</h2>`, `href="/articles/the-second/#details"`)
	must("articles/first/index.html",
		`<title>First &#34;quoted&#34; article | Fixture Site</title>`,
		`content="The first &lt;article&gt; &amp; its escaping."`,
		`id="details"`, `id="details-2"`, `<table>`, `<del>strike</del>`, `type="checkbox"`,
		`<dt>Term</dt>`, `id="fn:1"`, `<a href="https://example.org/auto" class="url">`, `&ldquo;`, `class="toc"`,
		`href="/tags/safety/"`)
	must("articles/the-second/index.html", `href="/articles/first/#details-2"`, `href="/"`)
	must("articles/index.html", `/articles/first/`, `/articles/the-second/`)
	must("notes/index.html", `/notes/plain/`)
	must("tags/safety/index.html", `/articles/first/`, `/articles/the-second/`)
	must("sitemap.xml", "<loc>https://fixture.example.org/articles/the-second/</loc><lastmod>2026-05-01</lastmod>")
	must("robots.txt", "Sitemap: https://fixture.example.org/sitemap.xml")
	must("feed.xml", "<title>Second article</title>", "<title>First &#34;quoted&#34; article</title>")
	must("_redirects", "/old-about/ /about/ 301")
	must("404.html", "Not found")
	mustNot("articles/draft/index.html")
	mustNot("articles/later/index.html")
	// Assets are fingerprinted and imports follow the new names.
	var app, lib string
	for name := range files {
		switch {
		case strings.HasPrefix(name, "assets/app."):
			app = name
		case strings.HasPrefix(name, "assets/lib."):
			lib = name
		}
	}
	if app == "" || lib == "" {
		t.Fatalf("no fingerprinted scripts in %v", keys(files))
	}
	must(app, `from "./`+strings.TrimPrefix(lib, "assets/")+`"`)
	must("index.html", `src="/`+app+`"`)
	must("images/logo.svg", "<svg")
}

func keys[V any](m map[string]V) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestDraftsAndFuture(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	buildFixture(t, out, Options{NoMinify: true, Drafts: true, Future: true})
	files := readTree(t, out)
	for _, name := range []string{"articles/draft/index.html", "articles/later/index.html"} {
		if _, ok := files[name]; !ok {
			t.Errorf("%s missing with -drafts -future", name)
		}
	}
	if bytes.Contains(files["sitemap.xml"], []byte("/articles/draft/")) {
		t.Error("drafts must stay out of the sitemap")
	}
}

// TestDeterministic builds twice (minified, as published) and compares
// the trees byte for byte: once on one worker and once on more workers
// than most machines have cores, as a laptop and a Netlify builder
// differ, so that no output depends on which worker finished first.
func TestDeterministic(t *testing.T) {
	a := filepath.Join(t.TempDir(), "a")
	b := filepath.Join(t.TempDir(), "b")
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	buildFixture(t, a, Options{})
	runtime.GOMAXPROCS(8)
	buildFixture(t, b, Options{})
	ta, tb := readTree(t, a), readTree(t, b)
	if len(ta) != len(tb) {
		t.Fatalf("%d files vs %d", len(ta), len(tb))
	}
	for name, data := range ta {
		if !bytes.Equal(data, tb[name]) {
			t.Errorf("%s differs between two builds", name)
		}
	}
}

// TestFailedBuildKeepsPreviousOutput breaks the site after a good build:
// the output folder must stay exactly as it was, with no temporary folder
// left beside it; a later good build removes stale files.
func TestFailedBuildKeepsPreviousOutput(t *testing.T) {
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	src := filepath.Join(parent, "site")
	copyDir(t, filepath.Join("testdata", "fixture"), src)
	if _, err := Run(Options{Src: src, Out: out, Now: fixedNow}); err != nil {
		t.Fatal(err)
	}
	stale := filepath.Join(out, "stale.txt")
	os.WriteFile(stale, []byte("left over"), 0o644)
	before := readTree(t, out)

	os.WriteFile(filepath.Join(src, "content", "articles", "broken.md"), []byte("---\ntitle: [unclosed\n---\n"), 0o644)
	res, err := Run(Options{Src: src, Out: out, Now: fixedNow})
	if err == nil {
		t.Fatal("a broken page must fail the build")
	}
	if !strings.Contains(problems(res), "content/articles/broken.md:2:") {
		t.Errorf("problem not reported at the file: %s", problems(res))
	}
	after := readTree(t, out)
	if len(before) != len(after) {
		t.Fatalf("output changed: %d files before, %d after", len(before), len(after))
	}
	for name, data := range before {
		if !bytes.Equal(data, after[name]) {
			t.Errorf("%s changed after a failed build", name)
		}
	}
	entries, _ := os.ReadDir(parent)
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".sitegen-") {
			t.Errorf("temporary folder %s left behind", e.Name())
		}
	}

	os.Remove(filepath.Join(src, "content", "articles", "broken.md"))
	if _, err := Run(Options{Src: src, Out: out, Now: fixedNow}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(stale); !os.IsNotExist(err) {
		t.Error("a stale file survived a successful build")
	}
}

func copyDir(t testing.TB, from, to string) {
	t.Helper()
	for name, data := range readTree(t, from) {
		p := filepath.Join(to, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// builtOnce builds the site at src into a new folder and returns the
// folder and what it holds, for a test of what a later build leaves.
func builtOnce(t testing.TB, src string) (out string, files map[string][]byte) {
	t.Helper()
	out = filepath.Join(t.TempDir(), "public")
	if _, err := Run(Options{Src: src, Out: out, Now: fixedNow}); err != nil {
		t.Fatal(err)
	}
	return out, readTree(t, out)
}

// copySite copies a site's content/, layouts/ and static/ (the bundled
// site's or the fixture's) into a new folder and returns it.
func copySite(t testing.TB, root string) string {
	t.Helper()
	src := t.TempDir()
	for _, d := range []string{"content", "layouts", "static"} {
		copyDir(t, filepath.Join(root, d), filepath.Join(src, d))
	}
	return src
}

// bundledCopy copies the bundled site and reads one of its files, rel
// (slash-separated): the copy's root, the file's path and its text.
func bundledCopy(t testing.TB, rel string) (src, file, text string) {
	t.Helper()
	src = copySite(t, bundledRoot)
	file = filepath.Join(src, filepath.FromSlash(rel))
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return src, file, string(data)
}

// dryRun checks minimalSite with files added or replaced, as sitegen
// check does, and returns its problems.
func dryRun(files map[string]string) string {
	fsys := minimalSite()
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	res, _ := Run(Options{FS: fsys, DryRun: true, Now: fixedNow})
	return problems(res)
}

func TestOutputMustNotReplaceSource(t *testing.T) {
	src := filepath.Join("testdata", "fixture")
	for _, out := range []string{src, filepath.Join(src, "content", "public"), "testdata"} {
		if _, err := Run(Options{Src: src, Out: out, Now: fixedNow}); err == nil {
			t.Errorf("-out %s was accepted", out)
		}
	}
}

// TestOutputMustBeAnEarlierBuild checks that a build replaces only an
// empty folder or one an earlier build wrote: never docs/ or .git/ named
// by mistake, whose files would be lost.
func TestOutputMustBeAnEarlierBuild(t *testing.T) {
	out := filepath.Join(t.TempDir(), "docs")
	notes := filepath.Join(out, "notes.txt")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	buildFixture(t, out, Options{}) // an empty folder is taken
	if _, err := os.Stat(filepath.Join(out, OutputMarker)); err != nil {
		t.Fatalf("the build left no %s: %v", OutputMarker, err)
	}
	buildFixture(t, out, Options{}) // and so is an earlier build's
	if err := os.RemoveAll(out); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(notes, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Run(Options{Src: filepath.Join("testdata", "fixture"), Out: out, Now: fixedNow})
	var oe *OptionError
	if !errors.As(err, &oe) || !strings.Contains(err.Error(), "holds files that no sitegen build wrote") {
		t.Fatalf("a folder of other files: got %v, want an option error", err)
	}
	if data, err := os.ReadFile(notes); err != nil || string(data) != "mine" {
		t.Fatalf("the folder's own file is gone or changed: %q, %v", data, err)
	}
}

// minimalSite is an in-memory site with just enough layouts to render.
func minimalSite() fstest.MapFS {
	return fstest.MapFS{
		"content/site.yaml":          {Data: []byte("title: T\nbase_url: https://example.org/\n")},
		"layouts/base.html":          {Data: []byte(`<html><body>{{template "main" .}}</body></html>`)},
		"layouts/page.html":          {Data: []byte(`{{define "main"}}{{.Page.Content}}{{end}}`)},
		"layouts/section.html":       {Data: []byte(`{{define "main"}}{{.Page.Content}}{{end}}`)},
		"layouts/404.html":           {Data: []byte(`{{define "main"}}404{{end}}`)},
		"content/articles/ok.md":     {Data: []byte("---\ntitle: OK\n---\n## Risks\n\nFine.\n")},
		"content/articles/_index.md": {Data: []byte("---\ntitle: Articles\n---\n")},
	}
}

// TestProblems feeds one bad input at a time and asserts the exact
// path:line:col: message an editor sees.
func TestProblems(t *testing.T) {
	long := strings.Repeat("n", 201) // one byte more than a URL segment may have
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"yaml syntax, at the file line", map[string]string{"content/a.md": "---\ntitle: A\ndescription: x\n  bad: y\n---\nbody\n"},
			"content/a.md:4:3: YAML syntax error: bad is indented more than description above it, so YAML reads it as more of the value of description; indent bad as much as description"},
		{"yaml syntax, on the line of the mistake", map[string]string{"content/a.md": "---\ntitle: A\ndescription: x\ntags: [a, b]]\n---\nbody\n"},
			"content/a.md:4:13: YAML syntax error: did not find expected key; check the indentation and quoting on this line or the one above"},
		{"a value with a colon, in curly quotes", map[string]string{"content/a.md": "---\ntitle: “CST: an introduction”\n---\nbody\n"},
			`content/a.md:2:8: YAML syntax error: the value of title is in curly quotes (“ ”), which YAML reads as letters of the value, and has ": " in it, which YAML reads as a new key; type straight quotes in place of the curly ones: title: "CST: an introduction"`},
		{"a value starting with @", map[string]string{"content/a.md": "---\ntitle: A\ndescription: @x\n---\nbody\n"},
			`content/a.md:3:14: YAML syntax error: the value of description starts with @, which YAML does not allow at the start of a value that is not in quotes; put the whole value in quotes: description: "@x"`},
		{"a quoted key never closed", map[string]string{"content/a.md": "---\ntitle: A\n\"key: 1\n---\nbody\n"},
			`content/a.md:3:1: YAML syntax error: the " that starts this line is never closed; add a " where the quoted key ends, before its colon`},
		{"a quoted value never closed at the end of the front matter", map[string]string{"content/a.md": "---\ndescription: A\ntitle: \"abc\n---\nbody \"quoted\"\n"},
			`content/a.md:3:8: YAML syntax error: the " that starts the value of title is never closed; add a " at the end of the value`},
		{"an unknown escape", map[string]string{"content/a.md": "---\ntitle: A\ndescription: \"bad \\q\"\n---\nbody\n"},
			`content/a.md:3:19: YAML syntax error: the value of description has \q in it, which YAML cannot read as an escape in "double quotes"; write the backslash as \\ or put the value in 'single quotes'`},
		{"front matter of one key without a space", map[string]string{"content/a.md": "---\ntitle:A\n---\nbody\n"},
			`content/a.md:2:1: front matter must be a mapping of keys to values, not the text "title:A"; add a space after the colon: title: A`},
		{"a colon in a title", map[string]string{"content/a.md": "---\ntitle: Safety: what to know\n---\nbody\n"},
			`content/a.md:2:14: YAML syntax error: the value of title has ": " in it, which YAML reads as a new key; put the whole value in quotes: title: "Safety: what to know"`},
		{"a title over two lines", map[string]string{"content/a.md": "---\ntitle: \"Safety\\nnotes\"\n---\nbody\n"},
			"content/a.md:2:8: title must be on one line, but it has a line break; remove it"},
		{"a terminal escape in a description", map[string]string{"content/a.md": "---\ntitle: A\ndescription: \"x\\e[2Jy\"\n---\nbody\n"},
			"content/a.md:3:14: description has the control character U+001B, which browsers do not show and HTML does not allow; remove it"},
		{"a Windows-1252 quote read as U+0092 in a description", map[string]string{"content/a.md": "---\ntitle: A\ndescription: \"It\\x92s\"\n---\nbody\n"},
			"content/a.md:3:14: description has the control character U+0092, which browsers do not show and HTML does not allow; it is most likely ’ from text saved in Windows-1252 and read with the wrong encoding; retype it as ’"},
		{"a Windows-1252 dash read as U+0096 in the text", map[string]string{"content/a.md": "---\ntitle: A\n---\nTen\u0096twenty minutes.\n"},
			"content/a.md:4:4: warning: the control character U+0096 is in the text, which browsers do not show and HTML does not allow; it is most likely – from text saved in Windows-1252 and read with the wrong encoding; retype it as –"},
		{"unclosed front matter", map[string]string{"content/a.md": "---\ntitle: A\nbody\n"},
			"content/a.md:1:1: front matter opened on line 1 is never closed; add a line --- after the last key"},
		{"missing title", map[string]string{"content/a.md": "---\ndescription: d\n---\n"},
			`content/a.md:1:1: front matter is missing required key "title"; add ` + "`title: ...`"},
		{"empty title", map[string]string{"content/a.md": "---\ntitle: \"\"\n---\n"},
			"content/a.md:2:8: title is empty; write it after the colon: `title: ...`"},
		{"title with no value", map[string]string{"content/a.md": "---\ntitle:\ndate: 2026-01-01\n---\n"},
			"content/a.md:2:7: title is empty; write it after the colon: `title: ...`"},
		{"date years ahead", map[string]string{"content/a.md": "---\ntitle: A\ndate: 2062-03-02\n---\n"},
			"content/a.md:3:7: warning: date 2062-03-02 is more than a year after today (2026-12-01), and the page would head every list and feed until then; check the year, or use publish_date to publish the page later"},
		{"updated before date", map[string]string{"content/a.md": "---\ntitle: A\ndate: 2026-03-02\nupdated: 2025-01-01\n---\n"},
			"content/a.md:4:10: warning: updated (2025-01-01) is before date (2026-03-02), so the page would say it changed before it was written; check both dates"},
		{"unknown key", map[string]string{"content/a.md": "---\ntitel: A\n---\n"},
			`content/a.md:2:1: unknown key "titel" in front matter; did you mean "title"?`},
		{"wrong type: date", map[string]string{"content/a.md": "---\ntitle: A\ndate: yesterday\n---\n"},
			`content/a.md:3:7: date: "yesterday" is not a date; write it as YYYY-MM-DD, for example date: 2024-03-01`},
		{"weight in hexadecimal", map[string]string{"content/a.md": "---\ntitle: A\nweight: 0x10\n---\n"},
			"content/a.md:3:9: weight must be a whole number written in decimal, such as 16"},
		{"a link to the site written in full", map[string]string{"content/a.md": "---\ntitle: A\n---\nSee [the check](http://example.org/verify/).\n"},
			`content/a.md:4:5: warning: link to "http://example.org/verify/", which is this site's own address written in full: a link written so is not checked, and leads a preview's readers to the live site; write it from the root: /verify/`},
		{"a book note linking to the site in full", map[string]string{"content/reading/list.md": "---\ntitle: L\nbooks:\n  - title: A Book\n    authors: [A. N. Author]\n    level: essential\n    note: See [the check](https://example.org/verify/).\n---\nBooks.\n"},
			`content/reading/list.md:7:15: warning: note link "https://example.org/verify/", which is this site's own address written in full: a link written so is not checked, and leads a preview's readers to the live site; write it from the root: /verify/`},
		{"a menu url with the site in full", map[string]string{"content/site.yaml": "title: T\nbase_url: https://example.org/\nmenu:\n  - {name: Check, url: https://example.org/verify/}\n"},
			`content/site.yaml:4:24: warning: menu entry "Check": url "https://example.org/verify/", which is this site's own address written in full: a link written so is not checked, and leads a preview's readers to the live site; write it from the root: /verify/`},
		{"a layout linking to the site in full", map[string]string{"layouts/page.html": "{{define \"main\"}}\n<a href=\"https://example.org/verify/\">Check</a>{{end}}"},
			`layouts/page.html:2:10: warning: link to "https://example.org/verify/", which is this site's own address written in full: a link written so is not checked, and leads a preview's readers to the live site; write it from the root: /verify/`},
		{"tags without brackets", map[string]string{"content/a.md": "---\ntitle: A\ntags: safety, treatment\n---\n"},
			`content/a.md:3:7: tags: "safety, treatment" is one item with a comma in it; write a list in square brackets, tags: [safety, treatment], or put one item in quotes: tags: "safety, treatment"`},
		{"wrong type: tags", map[string]string{"content/a.md": "---\ntitle: A\ntags: 5\n---\n"},
			"content/a.md:3:7: tags must be a list of text, not a number (5); write tags: [first, second]"},
		{"same URL twice", map[string]string{"content/a.md": "---\ntitle: A\nslug: b\n---\n", "content/b.md": "---\ntitle: B\n---\n"},
			"content/a.md:3:7: content/a.md asks with its slug for the URL /b/, which content/b.md already has; rename one or give it a different slug"},
		{"missing page", map[string]string{"content/a.md": "---\ntitle: A\n---\nSee [x](articles/nope.md).\n"},
			`content/a.md:4:5: warning: link to missing page "articles/nope.md" (content/articles/nope.md); check the file name`},
		{"missing anchor", map[string]string{"content/a.md": "---\ntitle: A\n---\n\nSee [x](articles/ok.md#nope).\n"},
			`content/a.md:5:5: warning: link to /articles/ok/#nope: the page /articles/ok/ has no heading or element with id "nope"`},
		{"missing site path", map[string]string{"content/a.md": "---\ntitle: A\n---\n[x](/nowhere/)\n"},
			"content/a.md:4:1: warning: link to /nowhere/: no page or file is published at /nowhere/"},
		{"missing site path in raw HTML", map[string]string{"content/site.yaml": "title: T\nbase_url: https://example.org/\nraw_html: true\n",
			"content/a.md": "---\ntitle: A\n---\n\nSee <a href=\"/nowhere/\">this</a>.\n"},
			"content/a.md:5:8: warning: link to /nowhere/: no page or file is published at /nowhere/"},
		{"raw HTML left out", map[string]string{"content/a.md": "---\ntitle: A\n---\nWater is H<sub>2</sub>O.\n"},
			"content/a.md:4:11: warning: raw HTML <sub> is left out of the page, its text kept as plain text, because raw_html is off in content/site.yaml; write Markdown instead"},
		{"template: missing field", map[string]string{"layouts/page.html": `{{define "main"}}{{.Page.Nope}}{{end}}`},
			`layouts/page.html:1:25: the page has no field Nope; it has Aliases, Alternates, Content, `},
		{"template: misspelt field", map[string]string{"layouts/page.html": `{{define "main"}}{{.Page.Contnet}}{{end}}`},
			`layouts/page.html:1:25: the page has no field Contnet; did you mean Content? (rendering `},
		{"template: missing template", map[string]string{"layouts/page.html": `{{define "main"}}{{template "nope" .}}{{end}}`},
			`layouts/page.html:1:29: no such template "nope"`},
		{"template: syntax", map[string]string{"layouts/page.html": "{{define \"main\"}}\n{{if}}{{end}}"},
			`layouts/page.html:2:1: missing value for if`},
		{"empty file", map[string]string{"content/a.md": ""},
			"content/a.md:1:1: file is empty; start it with front matter: a line ---, then title: ..., then a line ---"},
		{"not UTF-8", map[string]string{"content/a.md": "---\ntitle: A\n---\ncaf\xe9\n"},
			"content/a.md:4:4: file is not UTF-8 text (the byte 0xE9 here is é in Windows-1252, which older Windows programs save); save it with UTF-8 encoding"},
		{"slug with ..", map[string]string{"content/a.md": "---\ntitle: A\nslug: ../../etc\n---\n"},
			`content/a.md:3:7: slug "../../etc" must be one path segment (no /); use aliases for old URLs`},
		{"slug ..", map[string]string{"content/a.md": "---\ntitle: A\nslug: ..\n---\n"},
			`content/a.md:3:7: slug ".." must not contain ..; nothing may be written outside the output folder`},
		{"slug longer than a URL segment may be", map[string]string{"content/a.md": "---\ntitle: A\nslug: " + long + "\n---\n"},
			`content/a.md:3:7: slug "` + long + `" is 201 bytes long, more than the 200 a URL segment may have; shorten it`},
		{"alias with a segment longer than a URL segment may be", map[string]string{"content/a.md": "---\ntitle: A\naliases: [/old/" + long + "/]\n---\n"},
			`content/a.md:3:11: alias "/old/` + long + `/" has a segment of 201 bytes, more than the 200 a URL segment may have; shorten it`},
		{"tag longer than a URL segment may be", map[string]string{"content/a.md": "---\ntitle: A\ntags: [safety, " + long + "]\n---\n"},
			`content/a.md:3:16: warning: tag "` + long + `" makes a URL segment of 201 bytes, more than the 200 a URL segment may have; shorten it`},
		{"file name longer than a URL segment may be", map[string]string{"content/articles/" + long + ".md": "---\ntitle: A\n---\n"},
			`content/articles/` + long + `.md:1:1: the file name makes a URL segment of 201 bytes, more than the 200 a URL segment may have; shorten the file name, or give the page a shorter slug`},
		{"folder name longer than a URL segment may be", map[string]string{"content/" + long + "/_index.md": "---\ntitle: A\n---\n"},
			`content/` + long + `/_index.md:1:1: a folder in this page's path has a name of 201 bytes, more than the 200 a URL segment may have; shorten the folder's name`},
		{"static file name longer than a URL segment may be", map[string]string{"static/" + long + ".txt": "x"},
			`static/` + long + `.txt:1:1: the file name is 205 bytes long, more than the 200 a URL segment may have; shorten it`},
		{"static folder name longer than a URL segment may be", map[string]string{"static/img/" + long + "/a.png": "x"},
			`static/img/` + long + `/a.png:1:1: a folder in this file's path has a name of 201 bytes, more than the 200 a URL segment may have; shorten the folder's name`},
		{"alias outside", map[string]string{"content/a.md": "---\ntitle: A\naliases: [/x/../../y]\n---\n"},
			`content/a.md:3:11: alias "/x/../../y" must not contain . or .. segments; nothing may be written outside the output folder`},
		{"alias with a no-break space", map[string]string{"content/a.md": "---\ntitle: A\naliases: [\"/verify/\u00a0/a/\u00a0200!\"]\n---\n"},
			`content/a.md:3:11: alias "/verify/\u00a0/a/\u00a0200!" contains U+00A0, a space or a character that cannot be seen; retype it with visible characters only`},
		{"slug with a line separator", map[string]string{"content/a.md": "---\ntitle: A\nslug: \"old\u2028page\"\n---\n"},
			`content/a.md:3:7: slug "old\u2028page" contains U+2028, a space or a character that cannot be seen; retype it with visible characters only`},
		{"slug that would start a BibTeX entry", map[string]string{"content/a.md": "---\ntitle: A\nslug: \"x@book{k,title={T}}\"\n---\n"},
			`content/a.md:3:7: slug "x@book{k,title={T}}" contains '@'; use lower-case letters, digits and hyphens, such as x-book-k-title-t`},
		{"file name with a space", map[string]string{"content/articles/My Page 200!.md": "---\ntitle: A\n---\n"},
			`content/articles/My Page 200!.md:1:1: the file name contains ' ', which a URL cannot hold as it is; rename the file my-page-200.md, or give the page a slug`},
		{"file name with a question mark", map[string]string{"content/what?.md": "---\ntitle: A\n---\n"},
			`content/what?.md:1:1: the file name contains '?', which a URL cannot hold as it is; rename the file what.md, or give the page a slug`},
		{"file name with a line break", map[string]string{"content/a\nb.md": "---\ntitle: A\n---\n"},
			`content/a` + "\n" + `b.md:1:1: the file name contains '\n', which a URL cannot hold as it is; rename the file a-b.md, or give the page a slug`},
		{"folder name with a hash", map[string]string{"content/a#b/_index.md": "---\ntitle: A\n---\n"},
			`content/a#b/_index.md:1:1: the folder name "a#b" contains '#', which a URL cannot hold as it is; rename the folder a-b`},
		{"page saved as .markdown", map[string]string{"content/articles/ext.markdown": "---\ntitle: A\n---\n"},
			`content/articles/ext.markdown:1:1: pages are read from .md files only; rename it to ext.md`},
		{"page saved as .MD", map[string]string{"content/Caps.MD": "---\ntitle: A\n---\n"},
			`content/Caps.MD:1:1: pages are read from .md files only; rename it to Caps.md`},
		{"file name with capitals", map[string]string{"content/Upper.md": "---\ntitle: A\n---\n"},
			`content/Upper.md:1:1: warning: the file name has capital letters, which its URL keeps; rename the file upper.md, or give the page a slug`},
		{"slug of a dot", map[string]string{"content/a.md": "---\ntitle: A\nslug: .\n---\n"},
			`content/a.md:3:7: slug "." names the section's own folder, not a page; write the page's name, such as first-visit`},
		{"alias not absolute", map[string]string{"content/a.md": "---\ntitle: A\naliases: [old]\n---\n"},
			`content/a.md:3:11: alias "old" must be a path on this site starting with /, such as /old/page/`},
		{"bad link scheme", map[string]string{"content/a.md": "---\ntitle: A\n---\n[x](javascript:alert(1))\n"},
			`content/a.md:4:1: link "javascript:alert(1)" uses the javascript: scheme; link to a page on this site or to an http, https, mailto or tel address`},
		{"bad link scheme behind a character reference", map[string]string{"content/a.md": "---\ntitle: A\n---\n[x](&#106;avascript:alert(1))\n"},
			`content/a.md:4:1: link "javascript:alert(1)" uses the javascript: scheme; link to a page on this site or to an http, https, mailto or tel address`},
		{"control character behind a character reference", map[string]string{"content/a.md": "---\ntitle: A\n---\n[x](java&#x09;script:alert(1))\n"},
			`content/a.md:4:1: link "java\tscript:alert(1)" is not a valid address: it contains a control character, such as a tab; remove it`},
		{"quotes nested past reading", map[string]string{"content/a.md": "---\ntitle: A\n---\nIntro.\n" + strings.Repeat(">", 100_000) + "\n"},
			"content/a.md:5:65: block quotes and lists nested 100000 levels deep; Markdown allows it, but no reader can follow it: flatten the quotes or lists to 64 levels or fewer"},
		{"unknown layout", map[string]string{"content/a.md": "---\ntitle: A\nlayout: fancy\n---\n"},
			"content/a.md:3:9: no layout for this page: add layouts/fancy.html"},
		{"organisation's telephone not a UK number", map[string]string{"content/site.yaml": "title: T\nbase_url: https://example.org/\norganisation:\n  name: A\n  telephone: ring us\n"},
			`content/site.yaml:5:14: telephone "ring us" is not a UK telephone number: it holds "r", where only digits, spaces and a + before the country code belong; write it like 01632 960905 or +44 1632 960905`},
		{"organisation's email not an address", map[string]string{"content/site.yaml": "title: T\nbase_url: https://example.org/\norganisation:\n  name: A\n  email: info@example\n"},
			`content/site.yaml:5:10: email "info@example" is not an e-mail address; write it like name@example.org`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := dryRun(tt.files)
			if !strings.Contains(got, tt.want) {
				t.Errorf("want a line starting\n  %s\ngot\n%s", tt.want, got)
			}
		})
	}
}

// TestOneMistakeOneProblem: a mistake is reported once, where an editor
// fixes it, and not again as every link or output it spoils.
func TestOneMistakeOneProblem(t *testing.T) {
	const links = "---\ntitle: L\n---\nSee [ok](articles/ok.md#risks), [d](d.md), [s](s.md) and [p](p.md).\n"
	tests := []struct {
		name  string
		files map[string]string
		want  []string // every problem, in order
	}{
		{"a page that does not load is not also a missing page",
			map[string]string{"content/l.md": links, "content/articles/ok.md": "---\ntitle: Safety: what to know\n---\n## Risks\n",
				"content/d.md": "---\ntitle: D\n---\n", "content/s.md": "---\ntitle: S\n---\n", "content/p.md": "---\ntitle: P\n---\n"},
			[]string{`content/articles/ok.md:2:14: YAML syntax error: the value of title has ": " in it, which YAML reads as a new key; put the whole value in quotes: title: "Safety: what to know"`}},
		{"a page that does not load is not missing at its address either",
			map[string]string{"content/articles/ok.md": "---\ntitle: Safety: what to know\n---\n## Risks\n",
				"content/b.md": "---\ntitle: B\n---\nSee [safety](/articles/ok/#risks) and [the list](/articles/).\n"},
			[]string{`content/articles/ok.md:2:14: YAML syntax error: the value of title has ": " in it, which YAML reads as a new key; put the whole value in quotes: title: "Safety: what to know"`}},
		{"a page given a slug, that does not load, is missing at its address",
			map[string]string{"content/articles/ok.md": "---\nslug: safe\ntitle: Safety: what to know\n---\n",
				"content/b.md": "---\ntitle: B\n---\nSee [safety](/articles/safe/).\n"},
			[]string{`content/articles/ok.md:3:14: YAML syntax error: the value of title has ": " in it, which YAML reads as a new key; put the whole value in quotes: title: "Safety: what to know"`,
				`content/b.md:4:5: warning: link to /articles/safe/: no page or file is published at /articles/safe/`}},
		{"a folder content/tags/ is one problem, not also each of its pages",
			map[string]string{"content/tags/safety.md": "---\ntitle: S\ntags: [safety]\n---\n", "content/a.md": "---\ntitle: A\ntags: [safety]\n---\n"},
			[]string{`content/tags: the pages in this folder make a section at /tags/, the address of the list of topics (the tag pages); move them to a folder of another name`}},
		{"a page's slug that takes the tag pages' address",
			map[string]string{"content/topics.md": "---\ntitle: T\nslug: tags\n---\n", "content/a.md": "---\ntitle: A\ntags: [safety]\n---\n"},
			[]string{`content/topics.md:1:1: content/topics.md takes the URL /tags/ that the tag pages need; choose another slug`}},
		{"two headings of one id are one problem",
			map[string]string{"content/a.md": "---\ntitle: A\n---\n## One {#x}\n\n## Two {#x}\n"},
			[]string{`content/a.md:6:4: warning: heading id "x" is already the id of the heading on line 4, so a link to #x goes there; give this heading another: {#x-2}`}},
		{"a heading with an id of the layout",
			map[string]string{"content/a.md": "---\ntitle: A\n---\nText.\n\n## Main\n",
				"layouts/base.html": `<html><body><main id="main">{{template "main" .}}</main></body></html>`},
			[]string{`content/a.md:6:1: warning: heading id "main" is also the id of an element of the page's layout (layouts/page.html), so a link to #main may go there; give the heading another: {#main-section}`}},
		{"a heading takes only an id",
			map[string]string{"content/a.md": "---\ntitle: A\n---\n## Notice {#x .banner style=\"color:red\" tabindex=1}\n"},
			[]string{`content/a.md:4:4: warning: a heading takes only an id ({#my-id}); class, style, tabindex left out: remove them from the braces`}},
		{"links to unpublished pages say why",
			map[string]string{"content/l.md": links, "content/d.md": "---\ntitle: D\ndraft: true\n---\n",
				"content/s.md": "---\ntitle: S\npublish_date: 2031-05-01\n---\n", "content/p.md": "---\ntitle: P\nexpiry_date: 2020-01-31\n---\n"},
			[]string{
				`content/l.md:4:33: warning: link to "d.md" (content/d.md), which is a draft: publish it (remove draft: true) or remove the link`,
				`content/l.md:4:44: warning: link to "s.md" (content/s.md), which is not published until 1 May 2031: the link would be broken until then`,
				`content/l.md:4:58: warning: link to "p.md" (content/p.md), which expired on 31 January 2020 (its expiry_date): update or remove the link`,
			}},
		{"a layout that fails is not also every link to its pages",
			map[string]string{"content/l.md": "---\ntitle: L\n---\n[x](articles/ok.md#risks)\n", "layouts/section.html": `{{define "main"}}{{.Page.Nope}}{{end}}`},
			[]string{`layouts/section.html:1:25: the page has no field Nope; it has Aliases, Alternates, Content, Contents, Continued, Count, Data, Date, Description, Draft, File, Future, HasTOC, Headings, Indexed, IsDated, JSONLD, Keywords, Kind, Line, Links, NoIndex, Origin, OutPath, Pager, Pages, Parent, Permalink, Search, Section, Source, TOC, Tags, Template, Title, Tree, URL, Updated, Weight (rendering /articles/)`}},
		{"a slug that needs a folder where the site writes a file",
			map[string]string{"content/nf.md": "---\ntitle: NF\nslug: sitemap.xml\n---\n"},
			[]string{`content/nf.md:3:7: content/nf.md (/sitemap.xml/) needs a folder sitemap.xml/ for sitemap.xml/index.html, where the site's generated sitemap.xml is written as a file; give one of them another URL or file name`}},
		{"a slug of the 404 page's file",
			map[string]string{"content/nf.md": "---\ntitle: NF\nslug: 404.html\n---\n"},
			[]string{`content/nf.md:3:7: slug "404.html" ends in .html, but a slug is the last part of the page's address, which ends with a slash (/404.html/); write slug: 404, and list the old address with .html under aliases if it was one`}},
		{"a static file where the site writes its own",
			map[string]string{"static/robots.txt": "User-agent: *\n"},
			[]string{`static/robots.txt:1:1: static/robots.txt and the site's generated robots.txt would both be written to robots.txt; give one of them another URL or file name`}},
		{"Netlify's redirect rules in static/",
			map[string]string{"static/_redirects": "/* https://evil.example/:splat 200!\n"},
			[]string{`static/_redirects:1:1: Netlify reads a _redirects file at the top of the site as its redirect rules, and the build writes that file itself; to redirect an old URL to a page, list the URL under aliases in the page's front matter`}},
		{"Netlify's headers in static/",
			map[string]string{"static/_headers": "/*\n  Content-Security-Policy: default-src *\n"},
			[]string{`static/_headers:1:1: Netlify reads a _headers file at the top of the site as the headers of its responses, and the build writes that file itself; set response headers in netlify.toml at the top of the repository`}},
		{"Netlify's settings in static/",
			map[string]string{"static/netlify.toml": "[[redirects]]\n"},
			[]string{`static/netlify.toml:1:1: Netlify reads its settings from netlify.toml at the top of the repository, not from the site; change that file instead, and remove this one`}},
		{"files of those names in a folder of static/ are plain files",
			map[string]string{"static/docs/_redirects": "x\n", "static/docs/_headers": "x\n", "static/docs/netlify.toml": "x\n"},
			nil},
		{"a static file where a page is written",
			map[string]string{"static/articles/ok/index.html": "<p>old</p>\n"},
			[]string{`content/articles/ok.md:1:1: content/articles/ok.md (/articles/ok/) and static/articles/ok/index.html would both be written to articles/ok/index.html; give one of them another URL or file name`}},
		{"tags that would vanish or merge",
			map[string]string{"content/a.md": "---\ntitle: A\ntags: [C++, Safety]\n---\n", "content/b.md": "---\ntitle: B\ntags: [\"C#\", safety, \"🙂\"]\n---\n"},
			[]string{
				`content/b.md:3:8: warning: tag "C#" has the URL /tags/c/ of the tag "C++" (content/a.md); use one name for both, or tell them apart in letters or digits`,
				`content/b.md:3:22: warning: tag "🙂" has no letter or digit to make its URL from; write it in words, or remove it`,
			}},
		{"one alias on two pages",
			map[string]string{"content/a.md": "---\ntitle: A\naliases: [/old/]\n---\n", "content/b.md": "---\ntitle: B\naliases: [/old/]\n---\n"},
			[]string{`content/b.md:3:11: alias /old/ already redirects to /a/ (content/a.md); an old URL can redirect to one page only`}},
		{"a section's alias that is a live page",
			map[string]string{"content/articles/_index.md": "---\ntitle: Articles\naliases: [/articles/ok/]\n---\n"},
			[]string{`content/articles/_index.md:3:11: alias /articles/ok/ is the URL of /articles/ok/ (content/articles/ok.md); an old URL cannot redirect from a live page`}},
		{"a live page as the second alias of a line",
			map[string]string{"content/a.md": "---\ntitle: A\naliases: [/old-a/, /b/]\n---\n", "content/b.md": "---\ntitle: B\n---\n"},
			[]string{`content/a.md:3:20: alias /b/ is the URL of /b/ (content/b.md); an old URL cannot redirect from a live page`}},
		{"the home page as an alias",
			map[string]string{"content/a.md": "---\ntitle: A\naliases: [/]\n---\n"},
			[]string{`content/a.md:3:11: alias "/" is the home page's URL; an alias is an old URL that no page has now`}},
		{"aliases that name a published file",
			map[string]string{"content/a.md": "---\ntitle: A\naliases:\n  - /feed.xml\n  - /img/\n  - /robots\n---\n",
				"static/img/index.html": "<p>x</p>", "static/robots.html": "<p>x</p>"},
			[]string{
				`content/a.md:4:5: alias /feed.xml is the address of feed.xml, which the site publishes; a redirect never replaces a file that exists, so remove the alias`,
				`content/a.md:5:5: alias /img/ is the address of img/index.html, which the site publishes; a redirect never replaces a file that exists, so remove the alias`,
				`content/a.md:6:5: alias /robots is the address of robots.html, which the site publishes; a redirect never replaces a file that exists, so remove the alias`,
			}},
		{"aliases that Netlify reads as patterns",
			map[string]string{"content/a.md": "---\ntitle: A\naliases: [/old/*, /blog/:year/]\n---\n"},
			[]string{
				`content/a.md:3:11: alias "/old/*" must not contain * or a part starting with :, which Netlify reads as a pattern matching many URLs; give each old URL as it was`,
				`content/a.md:3:19: alias "/blog/:year/" must not contain * or a part starting with :, which Netlify reads as a pattern matching many URLs; give each old URL as it was`,
			}},
		{"links with accents are reported once, at their line",
			map[string]string{"content/a.md": "---\ntitle: A\n---\nSee [x](café.md),\n[y](articles/ok.md#rísks) and ![z](/images/thé.png).\n"},
			[]string{
				`content/a.md:4:5: warning: link to missing page "café.md" (content/café.md); check the file name`,
				`content/a.md:5:1: warning: link to /articles/ok/#rísks: the page /articles/ok/ has no heading or element with id "rísks"; did you mean #risks?`,
				`content/a.md:5:31: warning: link to /images/thé.png: no page or file is published at /images/thé.png`,
			}},
		{"images with no alt text, and one marked as decoration",
			map[string]string{"content/a.md": "---\ntitle: A\n---\nA *swirl* ![](/images/swirl.svg) and\n![\"\"](/images/swirl.svg).\n", "static/images/swirl.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"},
			[]string{
				`content/a.md:4:11: warning: image "/images/swirl.svg" has no text between its brackets, and is published with alt="", which tells screen readers to pass over it as decoration; describe the picture between the brackets, as in ![A practitioner's hands on a shoulder](/images/swirl.svg), or, if it is only decoration, write ![""](/images/swirl.svg) to say so`,
			}},
		{"a link typed to a page whose name has its accent saved as a mark is not also a missing page",
			map[string]string{"content/articles/cafe\u0301.md": "---\ntitle: C\n---\n", "content/l.md": "---\ntitle: L\n---\n[x](articles/caf\u00e9.md)\n"},
			[]string{"content/articles/cafe\u0301.md:1:1: the file name has an accent saved as a mark of its own (U+0301 after e), as some Mac programs save names, and a link or address typed on a keyboard would not match it; rename the file cafe.md, or give the page a slug"}},
		{"menu entries to a page's file in other letter case, its ending too, and to a file on another site",
			map[string]string{"content/site.yaml": "title: T\nbase_url: https://example.org/\nmenu:\n  - {name: OK, url: articles/ok.MD}\n  - {name: Okay, url: Articles/OK.Md}\n  - {name: Gone, url: articles/gone.MD}\n  - {name: Notes, url: \"https://notes.example.org/NOTES.md\"}\n",
				"layouts/base.html": `<html><body><nav>{{range .Site.Menu}}<a href="{{.URL}}">{{.Name}}</a>{{end}}</nav>{{template "main" .}}</body></html>`},
			[]string{
				`content/site.yaml:4:21: warning: menu entry "OK" links to articles/ok.MD, which is not a published page; did you mean "articles/ok.md"?`,
				`content/site.yaml:5:23: warning: menu entry "Okay" links to Articles/OK.Md, which is not a published page; did you mean "articles/ok.md"?`,
				`content/site.yaml:6:23: warning: menu entry "Gone" links to articles/gone.MD, which is not a published page; check the file name`,
			}},
		{"menu entries to a heading of a page's file",
			map[string]string{"content/site.yaml": "title: T\nbase_url: https://example.org/\nmenu:\n  - {name: Risks, url: articles/ok.md#risks}\n  - {name: Nope, url: \"articles/ok.md#nope\"}\n",
				"layouts/base.html": `<html><body><nav>{{range .Site.Menu}}<a href="{{.URL}}">{{.Name}}</a>{{end}}</nav>{{template "main" .}}</body></html>`},
			[]string{
				`content/site.yaml:5:23: warning: link to /articles/ok/#nope: the page /articles/ok/ has no heading or element with id "nope" (a link written here, found on /404.html and 2 other pages)`,
			}},
		{"menu entries that are not links",
			map[string]string{"content/site.yaml": "title: T\nbase_url: https://example.org/\nmenu:\n  - {name: Evil, url: \"javascript:alert(1)\"}\n  - {name: Here, url: nope}\n  - {name: Gone, url: /gone/}\n",
				"layouts/base.html": `<html><body><nav>{{range .Site.Menu}}<a href="{{.URL}}">{{.Name}}</a>{{end}}</nav>{{template "main" .}}</body></html>`},
			[]string{
				`content/site.yaml:4:23: menu entry "Evil": url "javascript:alert(1)" uses the javascript: scheme; link to a page on this site or to an http, https, mailto or tel address`,
				`content/site.yaml:5:23: menu entry "Here": url "nope" is a relative path, which would point somewhere different on every page; write a page's file (articles/safety.md), a path on this site (/verify/), or an http(s), mailto or tel address`,
				`content/site.yaml:6:23: warning: link to /gone/: no page or file is published at /gone/ (a link written here, found on /404.html and 2 other pages)`,
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := strings.TrimSpace(dryRun(tt.files))
			if want := strings.Join(tt.want, "\n"); got != want {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		})
	}
}

// TestBOMAndCRLF: files saved with a byte order mark or CRLF endings build
// like any other, with lines counted the same way.
func TestBOMAndCRLF(t *testing.T) {
	fsys := minimalSite()
	fsys["content/a.md"] = &fstest.MapFile{Data: []byte("\xef\xbb\xbf---\r\ntitle: A\r\n---\r\n\r\n[x](/nowhere/)\r\n")}
	res, err := Run(Options{FS: fsys, DryRun: true, Now: fixedNow})
	if err != nil {
		t.Fatal(err, problems(res))
	}
	if got := problems(res); !strings.Contains(got, "content/a.md:5:1: warning: link to /nowhere/") {
		t.Errorf("line numbers off with CRLF: %s", got)
	}
	// A byte order mark pasted into the text is a warning at its place;
	// the one that starts the file is still none.
	fsys["content/a.md"] = &fstest.MapFile{Data: []byte("\xef\xbb\xbf---\r\ntitle: A\r\n---\r\n\r\nPasted: \xef\xbb\xbfsafe.\r\n")}
	res, err = Run(Options{FS: fsys, DryRun: true, Now: fixedNow})
	if err != nil {
		t.Fatal(err, problems(res))
	}
	if got, want := problems(res), "content/a.md:5:9: warning: a byte order mark (U+FEFF) is in the text"; !strings.HasPrefix(got, want) || strings.Count(got, "\n") != 1 {
		t.Errorf("got\n%s\nwant one problem, %s...", got, want)
	}
}

func TestStrictFailsOnWarnings(t *testing.T) {
	fsys := minimalSite()
	fsys["content/a.md"] = &fstest.MapFile{Data: []byte("---\ntitle: A\n---\n[x](/nowhere/)\n")}
	if _, err := Run(Options{FS: fsys, DryRun: true, Now: fixedNow}); err != nil {
		t.Errorf("a warning failed a normal build: %v", err)
	}
	res, err := Run(Options{FS: fsys, DryRun: true, Now: fixedNow, Strict: true})
	if err == nil {
		t.Error("strict build passed with a warning")
	}
	if s := res.Problems.Summary(true); s != "1 warning (strict: warnings fail too)" {
		t.Errorf("summary %q", s)
	}
}

// TestAllProblemsCollected: several bad files give every problem, sorted.
func TestAllProblemsCollected(t *testing.T) {
	fsys := minimalSite()
	fsys["content/b.md"] = &fstest.MapFile{Data: []byte("---\ntitel: B\n---\n")}
	fsys["content/a.md"] = &fstest.MapFile{Data: []byte("---\ntitle: A\ndate: soon\n---\n")}
	res, _ := Run(Options{FS: fsys, DryRun: true, Now: fixedNow})
	all := res.Problems.All()
	var files []string
	for _, p := range all {
		if p.Severity == diag.Error {
			files = append(files, p.File)
		}
	}
	if len(files) != 2 || files[0] != "content/a.md" || files[1] != "content/b.md" {
		t.Errorf("problems not all collected and sorted: %v", all)
	}
}

// TestSymlinkLoop: a link loop in content/ is reported, never followed.
func TestSymlinkLoop(t *testing.T) {
	parent := t.TempDir()
	src := filepath.Join(parent, "site")
	copyDir(t, filepath.Join("testdata", "fixture"), src)
	if err := os.Symlink("..", filepath.Join(src, "content", "notes", "loop")); err != nil {
		t.Skip("no symlinks here:", err)
	}
	done := make(chan struct{})
	var res *Result
	go func() {
		res, _ = Run(Options{Src: src, Out: filepath.Join(parent, "out"), Now: fixedNow})
		close(done)
	}()
	select {
	case <-done:
	case <-time.After(60 * time.Second):
		t.Fatal("build hangs on a symlink loop")
	}
	if !strings.Contains(problems(res), "content/notes/loop") {
		t.Errorf("the link is not reported: %s", problems(res))
	}
}

func TestCleanPath(t *testing.T) {
	for _, p := range []string{"../x", "/etc/passwd", "a/../../b", "a/./b", `a\b`, ""} {
		if CleanPath(p) == "" {
			t.Errorf("CleanPath(%q) accepted", p)
		}
	}
	for _, p := range []string{"index.html", "a/b/index.html", "assets/site.1234.css"} {
		if why := CleanPath(p); why != "" {
			t.Errorf("CleanPath(%q): %s", p, why)
		}
	}
}

// TestPagination builds a section and a tag of 120 dated articles: each
// lists its pages newest first, PerPage at a time, on numbered pages that
// link to each other and are kept out of search engines.
func TestPagination(t *testing.T) {
	fsys := minimalSite()
	fsys["layouts/tag.html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}{{range .Page.Pages}}{{.Title}} {{end}}{{end}}`)}
	delete(fsys, "content/articles/ok.md")
	for i := range 120 {
		day := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i).Format("2006-01-02")
		fsys[fmt.Sprintf("content/articles/a%03d.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf("---\ntitle: A%03d\ndate: %s\ntags: [x]\n---\nText.\n", i, day))}
	}
	res, err := Run(Options{FS: fsys, DryRun: true, Now: fixedNow})
	if err != nil {
		t.Fatal(err, problems(res))
	}
	for _, base := range []string{"/articles/", "/tags/x/"} {
		want := []struct {
			url         string
			n           int
			first, last string
			prev, next  string
		}{
			{base, 50, "A119", "A070", "", base + "page/2/"},
			{base + "page/2/", 50, "A069", "A020", base, base + "page/3/"},
			{base + "page/3/", 20, "A019", "A000", base + "page/2/", ""},
		}
		for i, w := range want {
			p := res.Site.ByURL[w.url]
			if p == nil {
				t.Fatalf("no page %s", w.url)
			}
			if len(p.Pages) != w.n || p.Pages[0].Title != w.first || p.Pages[len(p.Pages)-1].Title != w.last {
				t.Errorf("%s lists %d pages, %s to %s; want %d, %s to %s", w.url, len(p.Pages), p.Pages[0].Title, p.Pages[len(p.Pages)-1].Title, w.n, w.first, w.last)
			}
			if p.Pager == nil || p.Pager.Prev != w.prev || p.Pager.Next != w.next || p.Pager.Total != 3 || p.Pager.Number != i+1 {
				t.Errorf("%s pager = %+v, want page %d of 3, prev %q, next %q", w.url, p.Pager, i+1, w.prev, w.next)
			}
			if p.NoIndex != (i > 0) {
				t.Errorf("%s NoIndex = %v", w.url, p.NoIndex)
			}
		}
		if res.Site.ByURL[base+"page/4/"] != nil {
			t.Errorf("%spage/4/ exists for 120 articles", base)
		}
	}
}

// TestRemoveTree deletes a tree of nested folders and files, as publish
// does with the previous output.
func TestRemoveTree(t *testing.T) {
	root := filepath.Join(t.TempDir(), "old")
	for i := range 30 {
		dir := filepath.Join(root, "articles", fmt.Sprintf("a%d", i), "page", "2")
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, f := range []string{filepath.Join(dir, "index.html"), filepath.Join(root, "articles", fmt.Sprintf("a%d", i), "index.html")} {
			if err := os.WriteFile(f, []byte("x"), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := os.WriteFile(filepath.Join(root, "index.html"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := removeTree(root); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(root); !os.IsNotExist(err) {
		t.Fatalf("%s still exists: %v", root, err)
	}
}

// TestInterruptedBuildLeavesNothing: a build interrupted before it swaps
// its folder in (RemoveScratch, what sitegen build runs on Ctrl-C) leaves
// the published output as it was and no temporary folder beside it.
func TestInterruptedBuildLeavesNothing(t *testing.T) {
	t.Cleanup(func() { stopped.Store(false) })
	parent := t.TempDir()
	out := filepath.Join(parent, "public")
	src := filepath.Join(parent, "site")
	copyDir(t, filepath.Join("testdata", "fixture"), src)
	if _, err := Run(Options{Src: src, Out: out, Now: fixedNow}); err != nil {
		t.Fatal(err)
	}
	before := readTree(t, out)
	o, err := newOutput(Options{Src: src, Out: out})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 50 {
		if err := o.write(fmt.Sprintf("p%d/index.html", i), []byte("new")); err != nil {
			t.Fatal(err)
		}
	}
	RemoveScratch()
	if err := o.publish(); err == nil {
		t.Error("an interrupted build was published")
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 2 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("beside the output: %v, want public and site only", names)
	}
	if after := readTree(t, out); !reflect.DeepEqual(before, after) {
		t.Error("the published output changed")
	}
}

// TestImageFunc: the layouts' image function gives a static image's URL
// and size, and refuses a file that is missing or not a PNG or JPEG.
func TestImageFunc(t *testing.T) {
	var card bytes.Buffer
	if err := png.Encode(&card, image.NewGray(image.Rect(0, 0, 12, 7))); err != nil {
		t.Fatal(err)
	}
	layout := `<html><head>{{with image "images/card.png"}}<meta property="og:image" content="{{.URL}} {{.Width}}x{{.Height}}">{{end}}</head><body>{{template "main" .}}</body></html>`
	fsys := minimalSite()
	fsys["layouts/base.html"] = &fstest.MapFile{Data: []byte(layout)}
	fsys["static/images/card.png"] = &fstest.MapFile{Data: card.Bytes()}
	out := filepath.Join(t.TempDir(), "public")
	if res, err := Run(Options{FS: fsys, Out: out, Now: fixedNow, NoMinify: true}); err != nil {
		t.Fatalf("%v\n%s", err, problems(res))
	}
	page, err := os.ReadFile(filepath.Join(out, "articles", "ok", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if want := `content="/images/card.png 12x7"`; !strings.Contains(string(page), want) {
		t.Errorf("page %s lacks %s", page, want)
	}
	for name, want := range map[string]string{
		"":                       `layouts/base.html:1:20: image "images/card.png" is not in static/; add the file or change the layout`,
		"static/images/card.png": `layouts/base.html:1:20: image static/images/card.png cannot be read as a PNG or JPEG image`,
	} {
		files := map[string]string{"layouts/base.html": layout}
		if name != "" {
			files[name] = "<svg/>"
		}
		if got := dryRun(files); !strings.HasPrefix(got, want) {
			t.Errorf("with %q: problems\n%s\nwant one starting %s", name, got, want)
		}
	}
}

// TestAssetFunc: a layout's asset that is not in static/ is an error at
// the call, which offers the asset's name as written in static/ when one
// is near, and says nothing of how Go calls functions.
func TestAssetFunc(t *testing.T) {
	for asset, want := range map[string]string{
		"css/sit.css":     `layouts/base.html:1:27: asset "css/sit.css" is not in static/; did you mean "css/site.css"? (rendering /)`,
		"js/elsewhere.js": `layouts/base.html:1:27: asset "js/elsewhere.js" is not in static/ (rendering /)`,
	} {
		got := dryRun(map[string]string{
			"static/css/site.css": "body{color:#222}",
			"content/index.md":    "---\ntitle: Home\n---\n",
			"layouts/base.html":   `<html><head><link href="{{asset "` + asset + `"}}" rel="stylesheet"></head><body>{{template "main" .}}</body></html>`,
		})
		if !strings.HasPrefix(got, want) {
			t.Errorf("asset %q: problems\n%s\nwant one starting %s", asset, got, want)
		}
	}
}

// TestNamesAtTheLimit: names of config.MaxSegment bytes, the longest a URL
// segment may have, pass the check and write: a folder, a file name, a
// slug, an alias, a tag and a fingerprinted stylesheet.
func TestNamesAtTheLimit(t *testing.T) {
	n := strings.Repeat("n", config.MaxSegment)
	fsys := minimalSite()
	fsys["layouts/tag.html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}{{range .Page.Pages}}{{.Title}} {{end}}{{end}}`)}
	fsys["layouts/tags.html"] = fsys["layouts/tag.html"]
	fsys["content/"+n+"/"+n+".md"] = &fstest.MapFile{Data: []byte("---\ntitle: N\ntags: [" + n + "]\naliases: [/old/" + n + "/]\n---\n")}
	fsys["content/articles/a.md"] = &fstest.MapFile{Data: []byte("---\ntitle: A\nslug: " + n + "\n---\n")}
	fsys["static/css/"+n[4:]+".css"] = &fstest.MapFile{Data: []byte("p{color:red}")}
	out := filepath.Join(t.TempDir(), "public")
	res, err := Run(Options{FS: fsys, Out: out, Now: fixedNow, Strict: true})
	if err != nil {
		t.Fatalf("%v\n%s", err, problems(res))
	}
	for _, f := range []string{n + "/" + n + "/index.html", "tags/" + n + "/index.html", "articles/" + n + "/index.html"} {
		if _, err := os.Stat(filepath.Join(out, f)); err != nil {
			t.Error(err)
		}
	}
}

// TestWriteProblems builds into an output folder whose path leaves too
// little room for some of the site's files: each that the system will not
// write is reported at its source, by its path in the output folder, and
// nothing is published.
func TestWriteProblems(t *testing.T) {
	long := strings.Repeat("w", 150) // under the limit of a segment, too long for this output folder
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"a page", map[string]string{"content/articles/" + long + ".md": "---\ntitle: A\n---\n"},
			"content/articles/" + long + ".md:1:1: cannot write articles/" + long + "/index.html in the output folder: file name too long; shorten the names that make its URL, or build into a folder with a shorter path (-out)"},
		{"a tag's page", map[string]string{"layouts/tag.html": `{{define "main"}}{{range .Page.Pages}}{{.Title}} {{end}}{{end}}`,
			"content/articles/ok.md": "---\ntitle: OK\ntags: [safety, " + long + "]\n---\n"},
			"content/articles/ok.md:3:16: cannot write tags/" + long + "/index.html in the output folder: file name too long; shorten the names that make its URL, or build into a folder with a shorter path (-out)"},
		{"a static file", map[string]string{"static/" + long + ".txt": "x"},
			"static/" + long + ".txt:1:1: cannot write " + long + ".txt in the output folder: file name too long; shorten the names that make its URL, or build into a folder with a shorter path (-out)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := minimalSite()
			fsys["layouts/tags.html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}tags{{end}}`)}
			for name, data := range tt.files {
				fsys[name] = &fstest.MapFile{Data: []byte(data)}
			}
			// Folders of 200 bytes until the output folder's temporary
			// twin, .sitegen-public-<number>, is about 3,970 bytes long:
			// the site's own files (tags/index.html, sitemap.xml) fit
			// under the system's limit of 4,095 bytes for a path, and a
			// path with a segment of 150 bytes does not.
			parent := t.TempDir()
			for len(parent) < 3940-200 {
				parent = filepath.Join(parent, strings.Repeat("d", 200))
			}
			parent = filepath.Join(parent, strings.Repeat("d", 3940-len(parent)-1))
			if err := os.MkdirAll(parent, 0o755); err != nil {
				t.Fatal(err)
			}
			// The same site from a folder on disk, whose static files are
			// copied by the writers rather than read.
			src := t.TempDir()
			for name, f := range fsys {
				full := filepath.Join(src, filepath.FromSlash(name))
				if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(full, f.Data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			out := filepath.Join(parent, "public")
			for _, opt := range []Options{{FS: fsys}, {Src: src}} {
				opt.Out, opt.Now = out, fixedNow
				res, err := Run(opt)
				if err == nil {
					t.Fatal("the build passed")
				}
				if got := strings.TrimSpace(problems(res)); got != tt.want {
					t.Errorf("from disk %v: got\n%s\nwant\n%s", opt.Src != "", got, tt.want)
				}
				if entries, _ := os.ReadDir(parent); len(entries) != 0 {
					t.Errorf("from disk %v: left in the output's folder: %v", opt.Src != "", entries)
				}
			}
		})
	}
}

// TestRefusedPathAtItsSource: an output path the build refuses to write,
// which the checks of slugs and aliases keep from happening, would still
// be reported at the page it comes from.
func TestRefusedPathAtItsSource(t *testing.T) {
	p := &site.Page{Kind: site.KindPage, File: "content/x.md", Line: 1, URL: "/../x/", OutPath: "../x/index.html"}
	b := &builder{problems: &diag.List{}, out: newMemOutput(1), site: &site.Site{Pages: []*site.Page{p}}}
	b.write(p.OutPath, []byte("x"))
	want := `content/x.md:1:1: refusing to write "../x/index.html": it is outside the output folder`
	if got := strings.TrimSpace(problems(&Result{Problems: b.problems})); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestWriteAfterInterruptLeavesNothing: a file that a writer was already
// writing when RemoveScratch deleted the build's folder does not bring the
// folder back.
func TestWriteAfterInterruptLeavesNothing(t *testing.T) {
	parent := t.TempDir()
	o, err := newOutput(Options{Src: filepath.Join("testdata", "fixture"), Out: filepath.Join(parent, "public")})
	if err != nil {
		t.Fatal(err)
	}
	defer o.discard()
	if err := os.RemoveAll(o.tmp); err != nil {
		t.Fatal(err)
	}
	for _, rel := range []string{"index.html", "a/b/index.html"} {
		if err := o.writeFile(filepath.Join(o.tmp, filepath.FromSlash(rel)), []byte("x")); err == nil {
			t.Errorf("%s was written into a deleted folder", rel)
		}
	}
	if entries, _ := os.ReadDir(parent); len(entries) != 0 {
		t.Errorf("beside the output: %v, want nothing", entries)
	}
}

// TestBookYearsFollowTheBuildDate: a reading list's publication years are
// checked against the build's date (SOURCE_DATE_EPOCH), not the clock's.
func TestBookYearsFollowTheBuildDate(t *testing.T) {
	fsys := minimalSite()
	fsys["content/reading/list.md"] = &fstest.MapFile{Data: []byte("---\ntitle: L\nbooks:\n  - title: A Book\n    authors: [A. N. Author]\n    year: 2019\n    level: essential\n---\nBooks.\n")}
	res, _ := Run(Options{FS: fsys, DryRun: true, Now: time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC)})
	want := "content/reading/list.md:6:11: year 2019 is not a plausible publication year; write the four-digit year of the edition you list (1450 to 2002, the year after the build's date)"
	if got := strings.TrimSpace(problems(res)); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
