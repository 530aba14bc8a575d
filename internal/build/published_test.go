package build

import (
	"encoding/xml"
	"os"
	"path/filepath"
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
