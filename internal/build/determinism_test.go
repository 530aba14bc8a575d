package build

import (
	"bytes"
	"flag"
	"fmt"
	"maps"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// determinismReps is how many times each build is repeated at each number
// of workers. Races show up now and then: a longer run (go test
// ./internal/build -run Determinis -determinism.reps=50) finds what the
// quick one (about 20 s under -race on two cores) misses.
var determinismReps = flag.Int("determinism.reps", 0, "builds per GOMAXPROCS value in the determinism tests (0: the quick default)")

// determinismProcs are the numbers of render workers the tests compare:
// a laptop, a CI runner, a large builder, and more workers than pages.
var determinismProcs = []int{1, 2, 8, 32}

func reps(quick int) int {
	if *determinismReps > 0 {
		return *determinismReps
	}
	return quick
}

// atEveryProcs runs build reps times at each of determinismProcs and
// fails when any result differs from the first: the same input must give
// the same bytes whatever the number of workers and whichever finishes
// first.
func atEveryProcs(t *testing.T, reps int, build func() string) {
	t.Helper()
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	var first string
	var firstAt int
	for _, procs := range determinismProcs {
		runtime.GOMAXPROCS(procs)
		for i := range reps {
			got := build()
			if procs == determinismProcs[0] && i == 0 {
				first, firstAt = got, procs
				continue
			}
			if got != first {
				t.Fatalf("build %d at GOMAXPROCS=%d differs from the first at GOMAXPROCS=%d:\n%s", i+1, procs, firstAt, firstDifference(got, first))
			}
		}
	}
}

// firstDifference shows where two reports part: the first line that
// differs, with the lines around it.
func firstDifference(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	i := 0
	for i < len(g) && i < len(w) && g[i] == w[i] {
		i++
	}
	from := max(0, i-2)
	show := func(lines []string) string {
		return strings.Join(lines[min(from, len(lines)):min(i+3, len(lines))], "\n  ")
	}
	return fmt.Sprintf("from line %d, this build:\n  %s\nthe first:\n  %s", from+1, show(g), show(w))
}

// TestDeterministicBundledSite builds the repository's site, minified as
// it is published, at every number of workers and compares every output
// file byte for byte, and the build's report.
func TestDeterministicBundledSite(t *testing.T) {
	var want map[string][]byte
	atEveryProcs(t, reps(2), func() string {
		out := filepath.Join(t.TempDir(), "public")
		res, err := Run(Options{Src: bundledRoot, Out: out, Strict: true, Now: fixedNow})
		if err != nil {
			t.Fatalf("build: %v\n%s", err, problems(res))
		}
		got := readTree(t, out)
		if want == nil {
			want = got
		}
		var diff []string
		names := map[string]bool{}
		for n := range want {
			names[n] = true
		}
		for n := range got {
			names[n] = true
		}
		for _, name := range slices.Sorted(maps.Keys(names)) {
			if w, ok := want[name]; !ok {
				diff = append(diff, "only in this build: "+name)
			} else if g, ok := got[name]; !ok {
				diff = append(diff, "only in the first build: "+name)
			} else if !bytes.Equal(w, g) {
				diff = append(diff, name+" differs:\n"+byteDiff(g, w))
			}
		}
		return fmt.Sprintf("%d pages, %d static files, %d data files, %d bytes, index %d bytes\n%s%s",
			res.Pages, res.StaticFiles, res.DataFiles, res.Bytes, res.IndexBytes, problems(res), strings.Join(diff, "\n"))
	})
}

// report is what a build prints: its problems, sorted, and the count.
func report(res *Result, strict bool) string {
	if res == nil {
		return "no result"
	}
	return problems(res) + res.Problems.Summary(strict) + "\n"
}

// manyPagesSite is minimalSite with n articles and notes that share tags,
// a menu, a cached footer and a partial that lists pages, so that a
// mistake in a layout is found on many pages at once.
func manyPagesSite(n int) fstest.MapFS {
	fsys := minimalSite()
	file := func(name, text string) { fsys[name] = &fstest.MapFile{Data: []byte(text)} }
	file("content/site.yaml", "title: T\nbase_url: https://example.org/\nmenu:\n  - {name: Articles, url: /articles/}\n  - {name: OK, url: articles/ok.md}\n")
	file("layouts/base.html", `<html><body><nav>{{range .Site.Menu}}<a href="{{.URL}}">{{.Name}}</a>{{end}}</nav>`+
		`<main id="main">{{template "main" .}}</main>{{template "footer" .}}</body></html>`)
	file("layouts/partials/footer.html", `{{define "footer"}}{{cached "site-footer" "" .}}{{end}}`+
		`{{define "site-footer"}}<footer><a href="/articles/">Articles</a></footer>{{end}}`)
	file("layouts/partials/list.html", `{{define "list"}}<ul>{{range .}}<li><a href="{{.URL}}">{{.Title}}</a></li>{{end}}</ul>{{end}}`)
	file("layouts/section.html", `{{define "main"}}{{.Page.Content}}{{template "list" .Page.Pages}}{{end}}`)
	file("layouts/tag.html", `{{define "main"}}{{template "list" .Page.Pages}}{{end}}`)
	file("layouts/tags.html", `{{define "main"}}{{template "list" .Page.Pages}}{{end}}`)
	file("content/notes/_index.md", "---\ntitle: Notes\n---\n")
	for i := range n {
		section := "articles"
		if i%3 == 2 {
			section = "notes"
		}
		file(fmt.Sprintf("content/%s/p%02d.md", section, i), fmt.Sprintf(
			"---\ntitle: Page %d\ndate: 2026-0%d-1%d\ntags: [care, topic-%d]\n---\nIntro to page %d.\n\n## Details\n\nSee [the first](../articles/ok.md#risks).\n",
			i, 1+i%9, i%10, i%4, i))
	}
	return fsys
}

// articlesOf returns the site's article files, sorted.
func articlesOf(fsys fstest.MapFS) []string {
	var out []string
	for name := range fsys {
		if strings.HasPrefix(name, "content/articles/p") {
			out = append(out, name)
		}
	}
	slices.Sort(out)
	return out
}

// change replaces old with new in a file of fsys, once; the test fails
// when old is not there, so that a case cannot pass by no longer making
// its mistake.
func change(t *testing.T, fsys fstest.MapFS, name, old, new string) {
	t.Helper()
	f, ok := fsys[name]
	if !ok || !bytes.Contains(f.Data, []byte(old)) {
		t.Fatalf("%s has no %q; update the test", name, old)
	}
	fsys[name] = &fstest.MapFile{Data: bytes.Replace(f.Data, []byte(old), []byte(new), 1)}
}

func put(fsys fstest.MapFS, name, text string) { fsys[name] = &fstest.MapFile{Data: []byte(text)} }

// bundledFS is the repository's site in memory.
func bundledFS(t *testing.T) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, d := range []string{"content", "layouts", "static"} {
		for name, data := range readTree(t, filepath.Join(bundledRoot, d)) {
			fsys[d+"/"+name] = &fstest.MapFile{Data: data}
		}
	}
	return fsys
}

// brokenSites are sites with the mistakes that a build reports once for
// many pages, or gathers from many pages into one problem: which page a
// problem names, how many others it counts, and the order of problems at
// one place must not depend on which page a worker rendered first.
var brokenSites = []struct {
	name    string
	bundled bool // the repository's site, for the register and the reading lists
	strict  bool
	edit    func(t *testing.T, fsys fstest.MapFS)
}{
	{name: "a template error in base.html, on every page", edit: func(t *testing.T, fsys fstest.MapFS) {
		change(t, fsys, "layouts/base.html", `<main id="main">`, `<main id="main">{{index .Site.Menu 99}}`)
	}},
	{name: "a template error in a cached partial, on every page", edit: func(t *testing.T, fsys fstest.MapFS) {
		change(t, fsys, "layouts/partials/footer.html", `<footer>`, `<footer>{{index .Page.Tags 5}}`)
	}},
	{name: "a template error in a partial on some pages only", edit: func(t *testing.T, fsys fstest.MapFS) {
		change(t, fsys, "layouts/partials/list.html", `{{.Title}}`, `{{.Title}}{{index .Tags 1}}`)
	}},
	{name: "a missing field in a partial", edit: func(t *testing.T, fsys fstest.MapFS) {
		change(t, fsys, "layouts/partials/list.html", `{{.Title}}`, `{{.Titel}}`)
		change(t, fsys, "layouts/partials/footer.html", `<footer>`, `<footer>{{.Page.Summary}}`)
	}},
	{name: "layout links to missing pages, written on many pages", edit: func(t *testing.T, fsys fstest.MapFS) {
		change(t, fsys, "layouts/base.html", `<nav>`, `<nav><a href="/gone/">gone</a><a href="gone/">here</a><a href="#nowhere">top</a>`)
		change(t, fsys, "layouts/partials/list.html", `<ul>`, `<ul><li><a href="/lost/">x</a></li><li><a href="/lost/">y</a></li>`)
		change(t, fsys, "content/site.yaml", "  - {name: OK", "  - {name: Old, url: /old/}\n  - {name: OK")
	}},
	{name: "duplicate ids in layouts", edit: func(t *testing.T, fsys fstest.MapFS) {
		change(t, fsys, "layouts/base.html", `<main id="main">`, `<main id="main"><b id="twice"></b><b id="twice"></b><i id="again"></i><i id="again"></i>`)
		change(t, fsys, "layouts/partials/list.html", `<ul>`, `<ul id="list"><li id="list"></li>`)
	}},
	{name: "an inline script that cannot be minified, on every page", edit: func(t *testing.T, fsys fstest.MapFS) {
		change(t, fsys, "layouts/base.html", `<body>`, `<body><script>var x = ;</script>`)
	}},
	{name: "a heading id that a layout uses, on several pages", edit: func(t *testing.T, fsys fstest.MapFS) {
		for _, f := range articlesOf(fsys) {
			change(t, fsys, f, "## Details\n", "## Details\n\n## Main\n\nText.\n")
		}
		change(t, fsys, "layouts/base.html", `<main id="main">`, `<main id="main"><p id="details"></p>`)
	}},
	{name: "pages that map to one URL", edit: func(t *testing.T, fsys fstest.MapFS) {
		put(fsys, "content/articles/twin-a.md", "---\ntitle: Twin A\nslug: p00\n---\n")
		put(fsys, "content/articles/twin-b.md", "---\ntitle: Twin B\nslug: p00\n---\n")
		put(fsys, "content/articles/twin-c.md", "---\ntitle: Twin C\nslug: p01\n---\n")
		put(fsys, "content/tags.md", "---\ntitle: Tags\n---\n")
		put(fsys, "content/nf.md", "---\ntitle: NF\nslug: 404.html\n---\n")
	}},
	{name: "aliases that collide with pages, files and each other", edit: func(t *testing.T, fsys fstest.MapFS) {
		put(fsys, "static/old/index.html", "<p>old</p>")
		for i, f := range articlesOf(fsys)[:6] {
			change(t, fsys, f, "tags:", fmt.Sprintf("aliases: [/old-page/, /articles/p%02d/, /feed.xml, /old/, /tags/]\ntags:", (i+1)%6))
		}
	}},
	{name: "outputs that want one name", edit: func(t *testing.T, fsys fstest.MapFS) {
		put(fsys, "static/articles/p00/index.html", "<p>old</p>")
		put(fsys, "static/robots.txt", "User-agent: *\n")
		for _, name := range []string{"a", "b", "c", "d"} {
			put(fsys, "content/feed.xml/"+name+".md", "---\ntitle: "+name+"\n---\n")
			put(fsys, "content/404.html/"+name+".md", "---\ntitle: "+name+"\n---\n")
		}
	}},
	{name: "broken links in Markdown on several pages", edit: func(t *testing.T, fsys fstest.MapFS) {
		for _, f := range articlesOf(fsys) {
			change(t, fsys, f, "See [the first]", "See [gone](gone.md), [away](/nowhere/), [part](ok.md#nope), [case](OK.md) and [the first]")
		}
	}},
	{name: "a missing layout for sections and tags", edit: func(t *testing.T, fsys fstest.MapFS) {
		delete(fsys, "layouts/section.html")
		delete(fsys, "layouts/tag.html")
		for _, name := range []string{"a", "b", "c"} {
			put(fsys, "content/guides/"+name+".md", "---\ntitle: "+name+"\nlayout: guide\n---\n")
			put(fsys, "content/howto/"+name+".md", "---\ntitle: "+name+"\n---\n")
		}
	}},
	{name: "tags that merge, and placeholders, strict", strict: true, edit: func(t *testing.T, fsys fstest.MapFS) {
		for i, f := range articlesOf(fsys) {
			tag := []string{"C++", "C#", "c++", "🙂"}[i%4]
			change(t, fsys, f, "tags: [", fmt.Sprintf("description: TODO\ntags: [%q, ", tag))
		}
	}},
	{name: "the register and the reading lists", bundled: true, edit: func(t *testing.T, fsys fstest.MapFS) {
		aelia := fsys["content/practitioners/aelia-thornhurst.yaml"].Data
		for _, name := range []string{"zoe-copy", "anna-copy", "mark-copy"} {
			put(fsys, "content/practitioners/"+name+".yaml", strings.Replace(string(aelia), "name: Aelia Thornhurst", "name: "+name, 1))
		}
		change(t, fsys, "content/practitioners/anna-copy.yaml", "bio: |\n", "bio: |\n  See [gone](../articles/gone.md) and [away](/nowhere/).\n\n")
		change(t, fsys, "content/reading/for-patients.md", "    publisher: North Atlantic Books\n", "    publisher: North Atlantic Books\n    isbn: \"978-0-323-59712-8\"\n")
		change(t, fsys, "content/reading/for-patients.md", "    year: 2008\n", "    year: 2008\n    isbn: \"978-0-323-59712-8\"\n")
		change(t, fsys, "content/reading/for-patients.md", "    edition: 2\n", "    edition: 2\n    isbn: \"978-0-323-59712-8\"\n")
		for _, f := range []string{"content/reading/for-patients.md", "content/reading/introductions-to-cst.md", "content/reading/nervous-system-csf.md"} {
			change(t, fsys, f, "    note: >-\n", "    note: >-\n      See [where](/nowhere/) and [there](/articles/safety/#nope).\n")
		}
	}},
	{name: "a long reading list with books that share an anchor", bundled: true, edit: func(t *testing.T, fsys fstest.MapFS) {
		var b strings.Builder
		b.WriteString("---\ntitle: Long list\nbooks:\n")
		// Far enough apart to be indexed in batches of their own: two
		// editions of one book, and two books of one title.
		for i := range 70 {
			book := fmt.Sprintf("{title: Book %d, authors: [Author %d]", i, i)
			switch i {
			case 1, 2:
				book = fmt.Sprintf("{title: Explain Pain, authors: [David Butler], edition: %d", i)
			case 68, 69:
				book = fmt.Sprintf("{title: The Body, authors: [Author %d]", i)
			}
			fmt.Fprintf(&b, "  - %s, level: essential}\n", book)
		}
		b.WriteString("---\n")
		put(fsys, "content/reading/long-list.md", b.String())
	}},
	{name: "the repository's layouts: a mistake in a cached partial", bundled: true, edit: func(t *testing.T, fsys fstest.MapFS) {
		change(t, fsys, "layouts/partials/header.html", `{{.Site.Config.Title}}`, `{{.Site.Config.Title}}{{.Page.Titel}}`)
	}},
	{name: "the repository's layouts: an id and a link in the footer", bundled: true, edit: func(t *testing.T, fsys fstest.MapFS) {
		change(t, fsys, "layouts/partials/footer.html", `<footer class="site-footer">`, `<footer class="site-footer" id="main"><a href="/gone/">x</a><a href="gone/">y</a>`)
	}},
	{name: "the repository's layouts: the register's layouts missing", bundled: true, edit: func(t *testing.T, fsys fstest.MapFS) {
		for _, f := range []string{"layouts/practitioners/list.html", "layouts/practitioners/profile.html", "layouts/verify.html", "layouts/training.html", "layouts/sitemap.html"} {
			if fsys[f] == nil {
				t.Fatalf("no %s; update the test", f)
			}
			delete(fsys, f)
		}
	}},
}

// TestDeterministicProblems builds each broken site at every number of
// workers, several times, and compares what the build prints.
func TestDeterministicProblems(t *testing.T) {
	var bundled fstest.MapFS
	for _, c := range brokenSites {
		t.Run(c.name, func(t *testing.T) {
			var fsys fstest.MapFS
			n := reps(6)
			if c.bundled {
				if bundled == nil {
					bundled = bundledFS(t)
				}
				fsys = cloneFS(bundled)
				n = reps(1)
			} else {
				fsys = manyPagesSite(36)
			}
			c.edit(t, fsys)
			first := ""
			atEveryProcs(t, n, func() string {
				res, _ := Run(Options{FS: fsys, DryRun: true, Strict: c.strict, Now: fixedNow, NoMinify: c.bundled})
				got := report(res, c.strict)
				if first == "" {
					first = got
					if res.Problems.Len() == 0 {
						t.Fatalf("the site has no mistake")
					}
				}
				return got
			})
			if testing.Verbose() {
				t.Logf("%s", first)
			}
			if c.bundled {
				return // the small sites are enough for the server's builds
			}
			// The development server's builds say the same: its first
			// build, and one that takes every page from its cache.
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
			for _, procs := range determinismProcs {
				runtime.GOMAXPROCS(procs)
				x, err := NewBuilder(Options{FS: fsys, Strict: c.strict, Now: fixedNow})
				if err != nil {
					t.Fatal(err)
				}
				for _, changed := range [][]string{nil, {}} {
					rb, _ := x.Build(changed)
					if got := report(rb.Result, c.strict); got != first {
						t.Fatalf("the server's build (changed %q) at GOMAXPROCS=%d differs from a full build:\n%s", changed, procs, firstDifference(got, first))
					}
				}
			}
		})
	}
}

// cloneFS copies a MapFS, sharing the files, which a case replaces rather
// than changes.
func cloneFS(fsys fstest.MapFS) fstest.MapFS {
	out := make(fstest.MapFS, len(fsys))
	for k, v := range fsys {
		out[k] = v
	}
	return out
}
