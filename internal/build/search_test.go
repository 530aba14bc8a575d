package build

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// indexedKinds reads the fragment packs of a built site's search index and
// returns each document's URL with its kinds, one for each document.
func indexedKinds(t *testing.T, out string) map[string][]string {
	t.Helper()
	packs, err := filepath.Glob(filepath.Join(out, "search", "doc", "*.json"))
	if err != nil || len(packs) == 0 {
		t.Fatalf("no fragment packs in %s (%v)", out, err)
	}
	docs := map[string][]string{}
	for _, f := range packs {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var frags []struct{ U, K string }
		if err := json.Unmarshal(data, &frags); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, fr := range frags {
			docs[fr.U] = append(docs[fr.U], fr.K)
		}
	}
	return docs
}

// TestSearchGeneratedSection: a section without an _index.md is found by
// its name, on its first page only; its numbered pages and the tag pages
// are not documents.
func TestSearchGeneratedSection(t *testing.T) {
	fsys := minimalSite()
	fsys["layouts/search.html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}<form role="search"></form>{{end}}`)}
	fsys["layouts/tag.html"] = &fstest.MapFile{Data: []byte(`{{define "main"}}{{range .Page.Pages}}{{.Title}} {{end}}{{end}}`)}
	for i := range 60 {
		fsys[fmt.Sprintf("content/notes/n%02d.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf("---\ntitle: Note %d\ntags: [x]\n---\nText.\n", i))}
	}
	out := filepath.Join(t.TempDir(), "public")
	if res, err := Run(Options{FS: fsys, Out: out, Now: fixedNow}); err != nil {
		t.Fatal(err, problems(res))
	}
	docs := indexedKinds(t, out)
	if k := docs["/notes/"]; len(k) != 1 || k[0] != "page" {
		t.Errorf("/notes/: documents of kinds %v, want one page", k)
	}
	for _, u := range []string{"/notes/page/2/", "/tags/x/", "/tags/"} {
		if k := docs[u]; k != nil {
			t.Errorf("%s is a document of kind %v", u, k)
		}
	}
	if k := docs["/notes/n07/"]; len(k) != 1 {
		t.Errorf("/notes/n07/: documents of kinds %v, want one", k)
	}
}
