package build

import (
	"encoding/json"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"sitegen/internal/directory"
)

// fragment is a document's fragment in the search index: its URL, kind
// and sections, each [heading, anchor, level, text].
type fragment struct {
	U, K string
	S    [][]any
}

// fragments reads every fragment pack of a built site's search index.
func fragments(t *testing.T, out string) []fragment {
	t.Helper()
	packs, err := filepath.Glob(filepath.Join(out, "search", "doc", "*.json"))
	if err != nil || len(packs) == 0 {
		t.Fatalf("no fragment packs in %s (%v)", out, err)
	}
	var all []fragment
	for _, f := range packs {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var frags []fragment
		if err := json.Unmarshal(data, &frags); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		all = append(all, frags...)
	}
	return all
}

// indexedKinds returns each document of a built site's search index by
// URL, with its kinds, one for each document.
func indexedKinds(t *testing.T, out string) map[string][]string {
	t.Helper()
	docs := map[string][]string{}
	for _, fr := range fragments(t, out) {
		docs[fr.U] = append(docs[fr.U], fr.K)
	}
	return docs
}

// TestSearchFindsToolPages: the pages a visitor looks for by name and that
// have no Markdown of their own (the directory, a region's list, the
// registration check, the training page) are documents of the bundled
// site's index, once each; the reading lists' index is one through its
// _index.md, profiles are documents as practitioners only, and no tag page
// or page kept out of search is one.
func TestSearchFindsToolPages(t *testing.T) {
	out, res := buildBundled(t)
	docs := indexedKinds(t, out)
	for _, u := range []string{"/practitioners/", "/practitioners/region/wales/", "/verify/", "/training/", "/reading/", "/articles/", "/sitemap/"} {
		if k := docs[u]; len(k) != 1 || k[0] != "page" {
			t.Errorf("%s: documents of kinds %v, want one page", u, k)
		}
	}
	for u, k := range docs {
		if len(k) > 1 {
			t.Errorf("%s is %d documents: %v", u, len(k), k)
		}
		if strings.HasPrefix(u, "/tags/") || u == "/search/" || u == "/404.html" || u == "/thanks/" {
			t.Errorf("%s is a document", u)
		}
	}
	profiles := 0
	for _, p := range res.Site.Pages {
		if p.Template == "practitioners/profile.html" {
			profiles++
			if k := docs[p.URL]; len(k) != 1 || k[0] != "practitioner" {
				t.Errorf("%s: documents of kinds %v, want one practitioner", p.URL, k)
			}
		}
	}
	if profiles == 0 {
		t.Error("no profiles in the bundled site")
	}
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

// TestSearchAnchorsResolve: every section of the bundled site's index that
// a result can link to is an id on its page, a course's row on the
// training page as much as an article's heading. A search result that
// links to a missing id opens the page at its top, away from the answer.
func TestSearchAnchorsResolve(t *testing.T) {
	out, _ := buildBundled(t)
	ids := map[string]map[string]bool{} // page path → its ids
	idsOf := func(page string) map[string]bool {
		if m, ok := ids[page]; ok {
			return m
		}
		data, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(page), "index.html"))
		if err != nil {
			t.Fatalf("the page %s of a search result: %v", page, err)
		}
		m := map[string]bool{}
		for _, s := range idAttr.FindAllSubmatch(data, -1) {
			m[string(s[1])] = true
		}
		ids[page] = m
		return m
	}
	courses := 0
	for _, fr := range fragments(t, out) {
		page, own, _ := strings.Cut(fr.U, "#")
		if own != "" && !idsOf(page)[own] {
			t.Errorf("%s: no id %q on %s", fr.U, own, page)
		}
		for _, s := range fr.S {
			a, _ := s[1].(string)
			if a == "" {
				continue
			}
			if !idsOf(page)[a] {
				t.Errorf("%s: section %q links to #%s, which is not an id on %s", fr.U, s[0], a, page)
			}
			if page == "/training/" {
				courses++
			}
		}
	}
	if courses == 0 {
		t.Error("no course of the training page is a section a result can link to")
	}
}

var idAttr = regexp.MustCompile(`\sid="?([^"\s>]+)`)

// TestPractitionerDocAccepting: "accepting new clients" finds the
// practitioners who are, and only them.
func TestPractitionerDocAccepting(t *testing.T) {
	for _, accepting := range []bool{true, false} {
		p := &directory.Practitioner{Slug: "jane-doe", Name: "Jane Doe", Registration: "CST-000001", Accepting: accepting}
		d := practitionerDoc(p, nil)
		if got := slices.Contains(d.Keywords, "Accepting new clients"); got != accepting {
			t.Errorf("accepting %t: keywords %q", accepting, d.Keywords)
		}
	}
}

// TestPractitionerDocLanguages: the languages a practitioner speaks are a
// sentence of the keywords, "Speaks English and Arabic", so that "Arabic
// speaking therapist" finds them; a profile that names none has no such
// keyword.
func TestPractitionerDocLanguages(t *testing.T) {
	for _, c := range []struct {
		langs []string
		want  string
	}{
		{nil, ""},
		{[]string{"English"}, "Speaks English"},
		{[]string{"English", "Arabic"}, "Speaks English and Arabic"},
		{[]string{"English", "Welsh", "Portuguese"}, "Speaks English, Welsh and Portuguese"},
	} {
		p := &directory.Practitioner{Slug: "jane-doe", Name: "Jane Doe", Registration: "CST-000001", Languages: c.langs}
		d := practitionerDoc(p, nil)
		var got string
		for _, k := range d.Keywords {
			if strings.HasPrefix(k, "Speaks ") {
				got = k
			}
		}
		if got != c.want {
			t.Errorf("languages %q: keyword %q, want %q (keywords %q)", c.langs, got, c.want, d.Keywords)
		}
	}
}

// TestSearchTextIsReadText: the text a result's excerpt comes from is what
// the page shows, for a profile's bio as for an article: a link's text
// without its Markdown brackets and target. A bundled bio links to the
// safety advice for parents.
func TestSearchTextIsReadText(t *testing.T) {
	out, _ := buildBundled(t)
	linked := 0
	for _, fr := range fragments(t, out) {
		for _, sec := range fr.S {
			text, _ := sec[len(sec)-1].(string)
			if i := strings.Index(text, "]("); i >= 0 {
				t.Errorf("%s (%s): the excerpt text has Markdown: %q", fr.U, fr.K, text[max(0, i-40):min(len(text), i+40)])
			}
			if fr.K == "practitioner" && strings.Contains(text, "read our safety advice for parents first") {
				linked++
			}
		}
	}
	if linked == 0 {
		t.Error("no profile's text has its bio's link text, \"read our safety advice for parents first\"")
	}
}

// hasTerm reports whether the search index among a build's files has the
// term t.
func hasTerm(t *testing.T, files map[string][]byte, term string) bool {
	t.Helper()
	shards := 0
	for name, data := range files {
		if !strings.HasPrefix(name, "search/v/") || !strings.HasPrefix(path.Base(name), "s") || !strings.HasSuffix(name, ".json") {
			continue
		}
		var postings map[string]json.RawMessage
		if err := json.Unmarshal(data, &postings); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		shards++
		if _, ok := postings[term]; ok {
			return true
		}
	}
	if shards == 0 {
		t.Fatal("the build has no search shards")
	}
	return false
}

// TestSiteSynonymsRebuild: site.yaml's synonyms are in the index of a
// full build and of the development server's builds, which analyse every
// document again when they change, and leave them out when they go.
func TestSiteSynonymsRebuild(t *testing.T) {
	src := searchFixture(t)
	opt := Options{Src: src, Now: fixedNow}
	x, err := NewBuilder(opt)
	if err != nil {
		t.Fatal(err)
	}
	rb, err := x.Build(nil)
	if err != nil {
		t.Fatal(err)
	}
	if hasTerm(t, rb.Complete(), "mum") {
		t.Fatal("the index has a synonym site.yaml does not give")
	}
	yml := filepath.Join(src, "content", "site.yaml")
	orig, _ := os.ReadFile(yml)
	for _, step := range []struct {
		yaml string
		mum  bool
	}{
		{string(orig) + "synonyms:\n  mum mums: smart\n", true},
		{string(orig) + "synonyms:\n  mum mums: nowhere\n", false},
		{string(orig) + "synonyms:\n  mum mums: smart\n", true},
		{string(orig), false},
	} {
		write(t, yml, step.yaml)
		rb, err := x.Build([]string{"content/site.yaml"})
		if err != nil {
			t.Fatalf("%q: %v\n%s", step.yaml, err, problems(rb.Result))
		}
		if got := hasTerm(t, rb.Complete(), "mum"); got != step.mum {
			t.Errorf("%q: the index has mum: %v, want %v", step.yaml, got, step.mum)
		}
		sameTree(t, src, opt, rb)
	}
}
