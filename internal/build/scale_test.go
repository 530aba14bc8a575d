package build

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"sitegen/internal/benchcorpus"
)

// TestLargeSitePages builds the bundled site with a generated register of
// 1,200 practitioners and 160 articles, as the association's may grow,
// and reads the pages a visitor browses: no page may weigh more than
// maxPageBytes (the directory, its regions, the tags, the article list
// and the sitemap page must split or shorten their lists, not grow with
// the site), and the counts they give are written as British English
// writes numbers, with a comma: "1,137 practitioners", as the directory's
// script says them. A list of numbered pages (the articles: four) links
// each page to the first and the last, so that the oldest articles are
// one step away, not one per page.
func TestLargeSitePages(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a site of 1,500 pages")
	}
	src := filepath.Join(t.TempDir(), "site")
	if _, err := benchcorpus.Site(src, bundledRoot, benchcorpus.Options{Articles: 160, Practitioners: 1200}); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	if res, err := Run(Options{Src: src, Out: out, Now: benchcorpus.DefaultToday}); err != nil {
		t.Fatalf("%v\n%s", err, problems(res))
	}
	const maxPageBytes = 120_000
	type page struct {
		path string
		size int64
	}
	var pages []page
	_ = filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".html") {
			if fi, err := d.Info(); err == nil {
				pages = append(pages, page{strings.TrimPrefix(p, out), fi.Size()})
			}
		}
		return nil
	})
	slices.SortFunc(pages, func(a, b page) int { return int(b.size - a.size) })
	for _, p := range pages {
		if p.size > maxPageBytes {
			t.Errorf("%s is %d bytes, over %d: a list that grows with the site must be split into pages", p.path, p.size, maxPageBytes)
		}
	}
	for _, p := range pages[:min(5, len(pages))] {
		t.Logf("%7d B %s", p.size, p.path)
	}

	read := func(rel string) string {
		data, err := os.ReadFile(filepath.Join(out, rel))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	number := `(\d{1,3}(?:,\d{3})*)`
	for _, c := range []struct{ file, re string }{
		{"practitioners/index.html", `<p>` + number + ` practitioners hold a current certification`},
		{"sitemap/index.html", `And ` + number + ` more: <a href="/practitioners/">`},
	} {
		html := read(c.file)
		if !regexp.MustCompile(c.re).MatchString(html) {
			m := regexp.MustCompile(strings.ReplaceAll(c.re, number, `([\d,]+)`)).FindString(html)
			t.Errorf("%s: %q; want the number written with commas (%s)", c.file, m, fmt.Sprint(c.re))
		}
	}

	pagerLinks := func(rel string) string {
		nav := regexp.MustCompile(`(?s)<nav class="pager".*?</nav>`).FindString(read(rel))
		var out []string
		for _, m := range regexp.MustCompile(`<a href="([^"]+)"[^>]*>([^<]+)</a>`).FindAllStringSubmatch(nav, -1) {
			out = append(out, m[2]+" "+m[1])
		}
		return strings.Join(out, ", ")
	}
	for rel, want := range map[string]string{
		"articles/index.html":        "Next page /articles/page/2/, Last page /articles/page/4/",
		"articles/page/2/index.html": "Previous page /articles/, Next page /articles/page/3/, Last page /articles/page/4/",
		"articles/page/4/index.html": "First page /articles/, Previous page /articles/page/3/",
	} {
		if got := pagerLinks(rel); got != want {
			t.Errorf("%s: the pager links %q, want %q", rel, got, want)
		}
	}
}
