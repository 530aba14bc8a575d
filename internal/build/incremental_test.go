package build

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
)

// sameTree fails unless a Builder's rebuild has the files (byte for
// byte) and the problems of a fresh full build of src.
func sameTree(t *testing.T, src string, opt Options, rb *Rebuild) {
	t.Helper()
	got := rb.Complete()
	out := filepath.Join(t.TempDir(), "public")
	opt.Src, opt.Out, opt.FS = src, out, nil
	res, err := Run(opt)
	if err != nil {
		t.Fatalf("full build failed: %v\n%s", err, problems(res))
	}
	if g, w := sortedProblems(rb.Result), sortedProblems(res); g != w {
		t.Errorf("the rebuild's problems are not a full build's:\n%s", lineDiff(g, w))
	}
	want := readTree(t, out)
	delete(want, OutputMarker) // the development server serves from memory
	for name, w := range want {
		g, ok := got[name]
		if !ok {
			t.Errorf("%s: in the full build, missing from the incremental one", name)
		} else if !bytes.Equal(g, w) {
			t.Errorf("%s differs from the full build:\n got %.300q\nwant %.300q", name, g, w)
		}
	}
	for name := range got {
		if _, ok := want[name]; !ok {
			t.Errorf("%s: in the incremental build, not in the full one", name)
		}
	}
}

func write(t *testing.T, file, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// searchFixture copies the fixture site into a new folder and gives it a
// search page, so that every page is indexed as it renders.
func searchFixture(t *testing.T) string {
	t.Helper()
	src := t.TempDir()
	copyDir(t, filepath.Join("testdata", "fixture"), src)
	write(t, filepath.Join(src, "layouts", "search.html"), `{{define "main"}}<form role="search"></form>{{end}}`)
	return src
}

func TestBuilderMatchesFullBuild(t *testing.T) {
	src := searchFixture(t)
	opt := Options{Src: src, Now: fixedNow, Drafts: true, Future: true, Dev: true}
	x, err := NewBuilder(opt)
	if err != nil {
		t.Fatal(err)
	}
	rb, err := x.Build(nil)
	if err != nil {
		t.Fatalf("first build: %v\n%s", err, problems(rb.Result))
	}
	sameTree(t, src, opt, rb)
	if len(rb.Rendered) != rb.Pages {
		t.Errorf("first build rendered %d of %d pages", len(rb.Rendered), rb.Pages)
	}

	first := filepath.Join(src, "content", "articles", "first.md")
	orig, _ := os.ReadFile(first)
	steps := []struct {
		name    string
		edit    func()
		changed []string
		// rendered, when not nil, is exactly the pages rendered again.
		rendered []string
		// includes are pages that must be among those rendered again.
		includes []string
	}{
		{
			name:     "nothing changed",
			edit:     func() {},
			changed:  []string{},
			rendered: []string{},
		},
		{
			name: "article body",
			edit: func() {
				write(t, first, strings.Replace(string(orig), "Intro with", "A new intro with", 1))
			},
			changed:  []string{"content/articles/first.md"},
			rendered: []string{"/articles/first/"},
		},
		{
			name: "article title",
			edit: func() {
				write(t, first, strings.Replace(string(orig), `title: First "quoted" article`, "title: A renamed article", 1))
			},
			changed:  []string{"content/articles/first.md"},
			includes: []string{"/articles/first/", "/articles/", "/", "/tags/safety/"},
		},
		{
			name: "layout",
			edit: func() {
				p := filepath.Join(src, "layouts", "page.html")
				b, _ := os.ReadFile(p)
				write(t, p, strings.Replace(string(b), `<nav class="toc">`, `<nav class="toc contents">`, 1))
			},
			changed:  []string{"layouts/page.html"},
			includes: []string{"/articles/first/", "/about/"},
		},
		{
			name: "stylesheet",
			edit: func() {
				p := filepath.Join(src, "static", "css", "site.css")
				b, _ := os.ReadFile(p)
				write(t, p, string(b)+"\nh1 { color: #123456 }\n")
			},
			changed: []string{"static/css/site.css"},
		},
		{
			name: "new article",
			edit: func() {
				write(t, filepath.Join(src, "content", "articles", "third.md"), "---\ntitle: Third\ndate: 2026-04-01\ntags: [patients]\n---\nSee [the first](first.md).\n")
			},
			changed:  []string{"content/articles/third.md"},
			includes: []string{"/articles/third/", "/articles/", "/"},
		},
		{
			name:    "deleted article",
			edit:    func() { os.Remove(filepath.Join(src, "content", "articles", "second.md")) },
			changed: []string{"content/articles/second.md"},
		},
		{
			name: "site.yaml",
			edit: func() {
				p := filepath.Join(src, "content", "site.yaml")
				b, _ := os.ReadFile(p)
				write(t, p, strings.Replace(string(b), "title: Fixture Site", "title: Renamed Site", 1))
			},
			changed: []string{"content/site.yaml"},
		},
	}
	for _, s := range steps {
		s.edit()
		rb, err := x.Build(s.changed)
		if err != nil {
			t.Fatalf("%s: %v\n%s", s.name, err, problems(rb.Result))
		}
		if s.name == "article body" && rb.Index == nil {
			t.Errorf("%s: the search index was finished before Build returned", s.name)
		}
		if s.rendered != nil && !slices.Equal(rb.Rendered, s.rendered) {
			t.Errorf("%s: rendered %v, want %v", s.name, rb.Rendered, s.rendered)
		}
		for _, u := range s.includes {
			if !slices.Contains(rb.Rendered, u) {
				t.Errorf("%s: %s was not rendered again (rendered %v)", s.name, u, rb.Rendered)
			}
		}
		sameTree(t, src, opt, rb)
		if t.Failed() {
			t.Fatalf("after %q", s.name)
		}
	}
}

// builtBuilder returns a Builder for opt that has made its first build.
func builtBuilder(t *testing.T, opt Options) *Builder {
	t.Helper()
	x, err := NewBuilder(opt)
	if err != nil {
		t.Fatal(err)
	}
	if rb, err := x.Build(nil); err != nil {
		t.Fatalf("first build: %v\n%s", err, problems(rb.Result))
	}
	return x
}

func TestBuilderKeepsProblemsOfCachedFiles(t *testing.T) {
	src := t.TempDir()
	copyDir(t, filepath.Join("testdata", "fixture"), src)
	write(t, filepath.Join(src, "content", "notes", "broken.md"), "---\ntitle: [unclosed\n---\nBody.\n")
	x, err := NewBuilder(Options{Src: src, Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		rb, err := x.Build(nil)
		if err == nil {
			t.Fatalf("build %d passed with a broken file", i)
		}
		if rb.Files != nil {
			t.Errorf("build %d: a failed build returned files", i)
		}
		if !strings.Contains(problems(rb.Result), "content/notes/broken.md:2:") {
			t.Errorf("build %d: problem not reported:\n%s", i, problems(rb.Result))
		}
	}
	os.Remove(filepath.Join(src, "content", "notes", "broken.md"))
	rb, err := x.Build([]string{"content/notes/broken.md"})
	if err != nil {
		t.Fatalf("fixed build failed: %v\n%s", err, problems(rb.Result))
	}
}

// A body edit takes the fast path; its Markdown and link problems still
// come and go with it.
func TestBuilderBodyEditProblems(t *testing.T) {
	src := t.TempDir()
	copyDir(t, filepath.Join("testdata", "fixture"), src)
	x := builtBuilder(t, Options{Src: src, Now: fixedNow})
	plain := filepath.Join(src, "content", "notes", "plain.md")
	orig, _ := os.ReadFile(plain)
	write(t, plain, string(orig)+"\nSee [gone](gone.md) and [the top](/#nowhere).\n")
	rb, err := x.Build([]string{"content/notes/plain.md"})
	if err != nil {
		t.Fatalf("%v\n%s", err, problems(rb.Result))
	}
	got := problems(rb.Result)
	for _, want := range []string{`content/notes/plain.md:`, `link to missing page "gone.md"`, `#nowhere`} {
		if !strings.Contains(got, want) {
			t.Errorf("problems lack %q:\n%s", want, got)
		}
	}
	if !slices.Equal(rb.Rendered, []string{"/notes/plain/"}) {
		t.Errorf("rendered %v, want only /notes/plain/", rb.Rendered)
	}
	sameTree(t, src, Options{Now: fixedNow}, rb)
	write(t, plain, string(orig))
	rb, err = x.Build([]string{"content/notes/plain.md"})
	if err != nil {
		t.Fatalf("%v\n%s", err, problems(rb.Result))
	}
	if got := problems(rb.Result); strings.Contains(got, "plain.md") {
		t.Errorf("problems of the old text remain:\n%s", got)
	}
	sameTree(t, src, Options{Now: fixedNow}, rb)
}

// On a body edit the search index finishes after Build returns: a later
// build that succeeds supersedes it, one that fails leaves it to finish,
// and every finished index is that of a full build.
func TestBuilderBackgroundIndex(t *testing.T) {
	src := searchFixture(t)
	opt := Options{Src: src, Now: fixedNow}
	x, err := NewBuilder(opt)
	if err != nil {
		t.Fatal(err)
	}
	if rb, err := x.Build(nil); err != nil || rb.Index != nil {
		t.Fatalf("first build: %v, background index %v", err, rb.Index)
	}
	first := filepath.Join(src, "content", "articles", "first.md")
	orig, _ := os.ReadFile(first)
	edit := func(text string) *Rebuild {
		t.Helper()
		write(t, first, text)
		rb, err := x.Build([]string{"content/articles/first.md"})
		if err != nil && rb.Files != nil {
			t.Fatalf("a failed build returned files: %v", err)
		}
		return rb
	}
	a := edit(strings.Replace(string(orig), "Intro with", "Tidal rhythm intro with", 1))
	b := edit(strings.Replace(string(orig), "Intro with", "Membrane intro with", 1))
	if a.Index == nil || b.Index == nil {
		t.Fatal("body edits did not finish the index in the background")
	}
	if files, ok := a.Index.Files(); ok {
		// The first index may have finished before the second build.
		if len(files) == 0 {
			t.Error("a finished index has no files")
		}
	} else if a.Complete() != nil {
		t.Error("Complete of a superseded index returned files")
	}
	sameTree(t, src, opt, b)

	// A javascript: link fails the build: the last good index still finishes.
	c := edit(strings.Replace(string(orig), "Intro with", "Fluid intro with", 1))
	bad := edit(string(orig) + "\nSee [this](javascript:alert(1)).\n")
	if bad.Files != nil {
		t.Fatal("the build with a javascript: link passed")
	}
	if _, ok := c.Index.Files(); !ok {
		t.Fatal("a failed build superseded the served index")
	}
	write(t, first, strings.Replace(string(orig), "Intro with", "Fluid intro with", 1))
	sameTree(t, src, opt, c)
}

// TestBuilderReportsBookProblems: a reading list's books are checked in
// the development server's builds as in a full build, in the first build
// and in those that reuse the parsed page.
func TestBuilderReportsBookProblems(t *testing.T) {
	src, file, data := bundledCopy(t, "content/reading/for-patients.md")
	const year = "    year: 2008\n"
	if !strings.Contains(data, year) {
		t.Fatal("the list has changed; update this test")
	}
	write(t, file, strings.Replace(data, year, year+"    isbn: 978-1-55643-693-9\n", 1))
	want := `isbn "978-1-55643-693-9" has a bad check digit`
	full, _ := Run(Options{Src: src, DryRun: true, Now: fixedNow})
	if !strings.Contains(problems(full), want) {
		t.Fatalf("a full build does not report the ISBN:\n%s", problems(full))
	}
	x, err := NewBuilder(Options{Src: src, Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	for i, changed := range [][]string{nil, {"content/articles/safety.md"}} {
		rb, err := x.Build(changed)
		if err == nil || !strings.Contains(problems(rb.Result), want) {
			t.Errorf("build %d: the ISBN is not reported (err %v):\n%s", i, err, problems(rb.Result))
		}
	}
}

// TestBuilderFollowsWhatProblemsSay: the development server's builds
// report what a full build of the same files reports, when only the
// reason a linked page is missing changes, when an edit only moves a
// tag's line, when a page and a static file collide, and when an alias
// names a file the site publishes, in that build and the next.
func TestBuilderFollowsWhatProblemsSay(t *testing.T) {
	src := t.TempDir()
	copyDir(t, filepath.Join("testdata", "fixture"), src)
	plain := filepath.Join(src, "content", "notes", "plain.md")
	write(t, plain, "---\ntitle: A note\ndescription: d\ntags: [\"!!\"]\n---\nSee [the draft](../articles/draft.md).\n")
	x, err := NewBuilder(Options{Src: src, Now: fixedNow})
	if err != nil {
		t.Fatal(err)
	}
	same := func(step string, changed ...string) {
		t.Helper()
		rb, _ := x.Build(changed)
		full, _ := Run(Options{Src: src, DryRun: true, Now: fixedNow})
		if got, want := problems(rb.Result), problems(full); got != want {
			t.Errorf("%s: the server reports\n%s\na full build\n%s", step, got, want)
		}
	}
	same("first build")
	draft := filepath.Join(src, "content", "articles", "draft.md")
	write(t, draft, "---\ntitle: A draft\ndescription: d\nexpiry_date: 2020-01-01\n---\nText.\n")
	same("the draft now expired", "content/articles/draft.md")
	write(t, plain, "---\ntitle: A note\n# a comment\n\ndescription: d\ntags: [\"!!\"]\n---\nSee [the draft](../articles/draft.md).\n")
	same("the tag two lines down", "content/notes/plain.md")
	write(t, filepath.Join(src, "static", "notes", "plain", "index.html"), "<p>old</p>\n")
	same("a static file where a page is", "static/notes/plain/index.html")
	write(t, plain, "---\ntitle: A note\n# a comment\n\ndescription: d\ntags: [\"!!\"]\naliases: [/feed.xml]\n---\nSee [the draft](../articles/draft.md).\n")
	same("an alias over the feed", "content/notes/plain.md")
	first := filepath.Join(src, "content", "articles", "first.md")
	data, err := os.ReadFile(first)
	if err != nil {
		t.Fatal(err)
	}
	write(t, first, string(data)+"\nMore.\n")
	same("a body edit elsewhere", "content/articles/first.md")
}

// TestBuilderBioEdit: after a practitioner's bio changes, the development
// server's site is the full build's, the search index's text of the bio
// included, and a later edit elsewhere keeps it.
func TestBuilderBioEdit(t *testing.T) {
	src := copySite(t, bundledRoot)
	opt := Options{Src: src, Now: fixedNow, Drafts: true, Future: true, Dev: true}
	x := builtBuilder(t, opt)
	file := filepath.Join(src, "content", "practitioners", "rosalind-etherley.yaml")
	orig, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	const was = "read our [safety advice for parents]"
	if !bytes.Contains(orig, []byte(was)) {
		t.Fatalf("%s no longer has %q", file, was)
	}
	write(t, file, strings.Replace(string(orig), was, "read our [safety advice for parents of toddlers]", 1))
	rb, err := x.Build([]string{"content/practitioners/rosalind-etherley.yaml"})
	if err != nil {
		t.Fatalf("bio edit: %v\n%s", err, problems(rb.Result))
	}
	got := rb.Complete()
	sameTree(t, src, opt, rb)
	found := false
	for name, data := range got {
		if strings.HasPrefix(name, "search/doc/") && bytes.Contains(data, []byte("read our safety advice for parents of toddlers first")) {
			found = true
		}
	}
	if !found {
		t.Error("no fragment pack has the edited bio's text")
	}
	article := filepath.Join(src, "content", "articles", "safety.md")
	a, _ := os.ReadFile(article)
	write(t, article, strings.Replace(string(a), "uses very light touch", "uses a very light touch", 1))
	if rb, err = x.Build([]string{"content/articles/safety.md"}); err != nil {
		t.Fatalf("article edit: %v\n%s", err, problems(rb.Result))
	}
	sameTree(t, src, opt, rb)
}

// TestBuilderPageWithoutLayout: a page that no longer renders (its layout
// missing) is not served from an earlier build's render by a later body
// edit elsewhere: the server reports it as a full build does until it is
// fixed.
func TestBuilderPageWithoutLayout(t *testing.T) {
	src := t.TempDir()
	copyDir(t, filepath.Join("testdata", "fixture"), src)
	opt := Options{Src: src, Now: fixedNow}
	x := builtBuilder(t, opt)
	plain := filepath.Join(src, "content", "notes", "plain.md")
	orig, _ := os.ReadFile(plain)
	first := filepath.Join(src, "content", "articles", "first.md")
	body, _ := os.ReadFile(first)
	want := "no layout for this page: add layouts/missing.html"
	build := func(step string, changed ...string) *Rebuild {
		t.Helper()
		rb, err := x.Build(changed)
		full, ferr := Run(Options{Src: src, DryRun: true, Now: fixedNow})
		if got, want := problems(rb.Result), problems(full); got != want {
			t.Errorf("%s: the server reports\n%s\na full build\n%s", step, got, want)
		}
		if (err == nil) != (ferr == nil) {
			t.Errorf("%s: the server's build gives %v, a full build %v", step, err, ferr)
		}
		return rb
	}
	write(t, plain, strings.Replace(string(orig), "---\n", "---\nlayout: missing\n", 1))
	if rb := build("layout missing", "content/notes/plain.md"); !strings.Contains(problems(rb.Result), want) {
		t.Fatalf("the missing layout is not reported:\n%s", problems(rb.Result))
	}
	write(t, first, string(body)+"\nMore.\n")
	if rb := build("a body edit elsewhere", "content/articles/first.md"); rb.Files != nil {
		t.Error("the build passed with a page without a layout")
	}
	write(t, plain, string(orig))
	rb := build("layout fixed", "content/notes/plain.md")
	sameTree(t, src, opt, rb)
}

// TestLayoutProblemsNameTheFirstPage: a mistake in a layout, reported once
// for every page it is found on, names the first page in URL order, in a
// full build however many pages render at once, and in the development
// server's rebuild that renders only the page edited.
func TestLayoutProblemsNameTheFirstPage(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(8))
	src := t.TempDir()
	copyDir(t, filepath.Join("testdata", "fixture"), src)
	base := filepath.Join(src, "layouts", "base.html")
	orig, _ := os.ReadFile(base)
	write(t, base, strings.Replace(string(orig), "<body>", `<body><span id="twice"></span><span id="twice"></span>`, 1))
	want := `layouts/page.html:1:1: warning: id "twice" is on more than one element of /about/;`
	x := builtBuilder(t, Options{Src: src, Now: fixedNow})
	for i := range 5 {
		full, _ := Run(Options{Src: src, DryRun: true, Now: fixedNow})
		if got := problems(full); !strings.Contains(got, want) {
			t.Fatalf("full build %d does not say %q:\n%s", i, want, got)
		}
	}
	first := filepath.Join(src, "content", "articles", "first.md")
	body, _ := os.ReadFile(first)
	write(t, first, string(body)+"\nMore.\n")
	rb, _ := x.Build([]string{"content/articles/first.md"})
	if got := problems(rb.Result); !strings.Contains(got, want) {
		t.Errorf("after a body edit, the server does not say %q:\n%s", want, got)
	}

	write(t, base, strings.Replace(string(orig), "<body>", `<body>{{index .Site.Menu 99}}`, 1))
	full, _ := Run(Options{Src: src, DryRun: true, Now: fixedNow})
	for i := range 5 {
		full, _ = Run(Options{Src: src, DryRun: true, Now: fixedNow})
		if got := problems(full); !strings.Contains(got, "(rendering /)") {
			t.Fatalf("full build %d does not name the home page:\n%s", i, got)
		}
	}
	rb, _ = x.Build([]string{"layouts/base.html"})
	if got, want := problems(rb.Result), problems(full); got != want {
		t.Errorf("the server reports\n%s\na full build\n%s", got, want)
	}
}

// TestBuilderFolderReplaced: a Builder follows content/, layouts/ or
// static/ when the folder is deleted and made again (a branch switched,
// layouts/ restored from a backup), moved away and back, or made after
// the Builder started: each rebuild reads the folder as it now is, as a
// fresh build would, with no restart.
func TestBuilderFolderReplaced(t *testing.T) {
	src := copySite(t, filepath.Join("testdata", "fixture"))
	opt := Options{Src: src, Now: fixedNow, Drafts: true, Future: true, Dev: true}
	x := builtBuilder(t, opt)
	files := func(dir string) []string {
		var out []string
		for name := range readTree(t, filepath.Join(src, dir)) {
			out = append(out, dir+"/"+name)
		}
		return append(out, dir)
	}
	for _, dir := range []string{"layouts", "content", "static"} {
		saved := filepath.Join(t.TempDir(), dir)
		copyDir(t, filepath.Join(src, dir), saved)
		changed := files(dir)
		if err := os.RemoveAll(filepath.Join(src, dir)); err != nil {
			t.Fatal(err)
		}
		if _, err := x.Build(changed); err == nil {
			t.Fatalf("without %s/ the build succeeds", dir)
		}
		copyDir(t, saved, filepath.Join(src, dir))
		if dir == "layouts" {
			write(t, filepath.Join(src, "layouts", "page.html"), `{{define "main"}}<div class="restored">{{.Page.Content}}</div>{{end}}`)
		}
		rb, err := x.Build(changed)
		if err != nil {
			t.Fatalf("%s/ made again: %v\n%s", dir, err, problems(rb.Result))
		}
		sameTree(t, src, opt, rb)
	}
	// Moved away, another folder put in its place, then moved back.
	away := filepath.Join(t.TempDir(), "layouts")
	if err := os.Rename(filepath.Join(src, "layouts"), away); err != nil {
		t.Fatal(err)
	}
	copyDir(t, away, filepath.Join(src, "layouts"))
	write(t, filepath.Join(src, "layouts", "page.html"), `{{define "main"}}<div class="other">{{.Page.Content}}</div>{{end}}`)
	rb, err := x.Build(files("layouts"))
	if err != nil {
		t.Fatalf("layouts/ replaced: %v\n%s", err, problems(rb.Result))
	}
	sameTree(t, src, opt, rb)
	if err := os.RemoveAll(filepath.Join(src, "layouts")); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(away, filepath.Join(src, "layouts")); err != nil {
		t.Fatal(err)
	}
	rb, err = x.Build(files("layouts"))
	if err != nil {
		t.Fatalf("layouts/ moved back: %v\n%s", err, problems(rb.Result))
	}
	sameTree(t, src, opt, rb)
}

// TestBuilderLayoutsLinkedFolder: a symbolic link to a folder made in
// layouts/ while the preview runs is the warning a full build gives, and
// goes with the link.
func TestBuilderLayoutsLinkedFolder(t *testing.T) {
	src := t.TempDir()
	copyDir(t, filepath.Join("testdata", "fixture"), src)
	write(t, filepath.Join(src, "static", "shared", "page.html"), `{{define "main"}}{{end}}`)
	opt := Options{Src: src, Now: fixedNow, Dev: true}
	x := builtBuilder(t, opt)
	link := filepath.Join(src, "layouts", "linked")
	if err := os.Symlink("../static/shared", link); err != nil {
		t.Skip("no symlinks here:", err)
	}
	rb, _ := x.Build([]string{"layouts/linked"})
	want := "layouts/linked: warning: symbolic link to a folder is not followed; move the folder into layouts/ instead"
	if !strings.Contains(problems(rb.Result), want) {
		t.Errorf("missing %q in:\n%s", want, problems(rb.Result))
	}
	sameTree(t, src, opt, rb)
	os.Remove(link)
	rb, err := x.Build([]string{"layouts/linked"})
	if err != nil || strings.Contains(problems(rb.Result), "layouts/linked") {
		t.Errorf("link removed: %v\n%s", err, problems(rb.Result))
	}
}

// TestBuilderRepeatsLayoutWarnings: a warning found while layouts load
// (an image with no alt text, the site's own address written in full) is
// in every rebuild's list while the layout is unchanged, not only in the
// first: the preview's overlay shows the list of the latest build.
func TestBuilderRepeatsLayoutWarnings(t *testing.T) {
	src := t.TempDir()
	copyDir(t, filepath.Join("testdata", "fixture"), src)
	write(t, filepath.Join(src, "layouts", "partials", "logo.html"), `{{define "logo"}}<img src="/logo.png">{{end}}`)
	opt := Options{Src: src, Now: fixedNow, Dev: true}
	x, err := NewBuilder(opt)
	if err != nil {
		t.Fatal(err)
	}
	about := filepath.Join(src, "content", "about.md")
	text, err := os.ReadFile(about)
	if err != nil {
		t.Fatal(err)
	}
	want := "layouts/partials/logo.html:1:18: warning: an <img> has no alt attribute"
	for i, changed := range [][]string{nil, {"content/about.md"}, {"content/about.md"}} {
		if i > 0 {
			write(t, about, string(text)+fmt.Sprintf("\nEdit %d.\n", i))
		}
		rb, _ := x.Build(changed)
		if got := problems(rb.Result); !strings.Contains(got, want) || strings.Count(got, "warning") != 1 {
			t.Errorf("build %d: want only %q in:\n%s", i, want, got)
		}
	}
}
