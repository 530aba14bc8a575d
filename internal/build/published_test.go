package build

import (
	"fmt"

	"encoding/xml"
	"os"
	"path/filepath"
	"sitegen/internal/config"
	"sitegen/internal/site"
	"strings"
	"testing"
)

// TestFeedLeavesOutNoindex: an article marked noindex is in neither the
// sitemap nor the Atom feed, where aggregators would republish it; the
// other articles stay in the feed.
func TestFeedLeavesOutNoindex(t *testing.T) {
	src := copySite(t, bundledRoot)
	write(t, filepath.Join(src, "content/articles/members-only.md"),
		"---\ntitle: Members only\ndescription: For members.\ndate: 2026-11-20\nnoindex: true\n---\n\nText.\n")
	out := filepath.Join(t.TempDir(), "public")
	res, err := Run(Options{Src: src, Out: out, Now: fixedNow})
	if err != nil {
		t.Fatalf("build: %v\n%s", err, problems(res))
	}
	var feed struct {
		Entries []struct {
			ID string `xml:"id"`
		} `xml:"entry"`
	}
	data, err := os.ReadFile(filepath.Join(out, "feed.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if err := xml.Unmarshal(data, &feed); err != nil {
		t.Fatal(err)
	}
	if len(feed.Entries) == 0 {
		t.Fatal("the feed has no entries")
	}
	for _, e := range feed.Entries {
		if strings.Contains(e.ID, "/members-only/") {
			t.Errorf("the feed lists the noindex article %s", e.ID)
		}
	}
	sitemap, err := os.ReadFile(filepath.Join(out, "sitemap.xml"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(sitemap), "/members-only/") {
		t.Error("sitemap.xml lists the noindex article")
	}
}

// TestSitemapSplitsAtTheProtocolLimits: a site over a sitemap's limit of
// URLs (or bytes) gets sitemap.xml as a sitemap index of files that each
// keep within it, every page listed once, with absolute addresses; a site
// within the limits gets one sitemap.xml of URLs.
func TestSitemapSplitsAtTheProtocolLimits(t *testing.T) {
	s := &site.Site{Config: &config.Config{BaseURL: "https://example.org/"}}
	for i := range 7 {
		s.Pages = append(s.Pages, &site.Page{Kind: site.KindPage, Permalink: fmt.Sprintf("https://example.org/p%d/?a=1&b=2", i)})
	}
	s.Pages = append(s.Pages, &site.Page{Kind: site.KindPage, NoIndex: true, Permalink: "https://example.org/hidden/"})
	type loc struct {
		Loc string `xml:"loc"`
	}
	parse := func(f File) (string, []string) {
		var doc struct {
			XMLName xml.Name
			URL     []loc `xml:"url"`
			Sitemap []loc `xml:"sitemap"`
		}
		if err := xml.Unmarshal(f.Body, &doc); err != nil {
			t.Fatalf("%s: %v", f.Path, err)
		}
		if doc.XMLName.Space != "http://www.sitemaps.org/schemas/sitemap/0.9" {
			t.Errorf("%s: namespace %q", f.Path, doc.XMLName.Space)
		}
		var locs []string
		for _, l := range append(doc.URL, doc.Sitemap...) {
			locs = append(locs, l.Loc)
		}
		return doc.XMLName.Local, locs
	}
	for _, c := range []struct {
		maxURLs, maxBytes int
		files             int
	}{{50000, 50 << 20, 1}, {3, 50 << 20, 4}, {50000, 400, 3}} {
		files := sitemaps(s, c.maxURLs, c.maxBytes)
		if len(files) != c.files || files[0].Path != "sitemap.xml" {
			t.Errorf("limits %d URLs, %d bytes: %d files, want %d, sitemap.xml first", c.maxURLs, c.maxBytes, len(files), c.files)
			continue
		}
		root, locs := parse(files[0])
		var pages []string
		if c.files == 1 {
			if root != "urlset" {
				t.Errorf("sitemap.xml is a %s, want urlset", root)
			}
			pages = locs
		} else {
			if root != "sitemapindex" || len(locs) != len(files)-1 {
				t.Errorf("sitemap.xml is a %s of %d sitemaps, want a sitemapindex of %d", root, len(locs), len(files)-1)
			}
			for i, f := range files[1:] {
				if i < len(locs) && locs[i] != "https://example.org/"+f.Path {
					t.Errorf("the index names %s for %s", locs[i], f.Path)
				}
				root, l := parse(f)
				if root != "urlset" || len(l) > c.maxURLs || len(f.Body) > c.maxBytes {
					t.Errorf("%s: a %s of %d URLs in %d bytes, over the limits", f.Path, root, len(l), len(f.Body))
				}
				pages = append(pages, l...)
			}
		}
		if len(pages) != 7 || pages[0] != "https://example.org/p0/?a=1&b=2" {
			t.Errorf("limits %d URLs, %d bytes: the sitemaps list %q, want the 7 indexable pages", c.maxURLs, c.maxBytes, pages)
		}
	}
}
