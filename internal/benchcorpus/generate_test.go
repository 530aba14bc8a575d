package benchcorpus

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readTree returns every file under dir by slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func TestGenerateIsDeterministic(t *testing.T) {
	opt := Options{Articles: 12, Practitioners: 20, Reading: 2}
	a, b := t.TempDir(), t.TempDir()
	st, err := Generate(a, opt)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Generate(b, opt); err != nil {
		t.Fatal(err)
	}
	fa, fb := readTree(t, a), readTree(t, b)
	if len(fa) != len(fb) {
		t.Fatalf("%d files, then %d", len(fa), len(fb))
	}
	for name, data := range fa {
		if !bytes.Equal(data, fb[name]) {
			t.Errorf("%s differs between two runs with the same options", name)
		}
	}
	count := func(prefix string) int {
		n := 0
		for name := range fa {
			if strings.HasPrefix(name, prefix) {
				n++
			}
		}
		return n
	}
	if got := count("content/articles/"); got != 12 || st.Articles != 12 {
		t.Errorf("%d article files, Stats.Articles %d; want 12", got, st.Articles)
	}
	if got := count("content/practitioners/"); got != 20 {
		t.Errorf("%d practitioner files, want 20", got)
	}
	if got := count("content/schools/"); got != 8 {
		t.Errorf("%d school files, want 8 (the default with practitioners)", got)
	}
	if got := count("content/reading/"); got != 2 {
		t.Errorf("%d reading lists, want 2", got)
	}
	if _, err := Generate(t.TempDir(), Options{Articles: 1}); err == nil {
		t.Error("Generate accepted a corpus of one article")
	}
}

func TestSiteReplacesArticlesAndRegister(t *testing.T) {
	repo := t.TempDir()
	for name, text := range map[string]string{
		"content/site.yaml":                  "title: T\n",
		"content/articles/_index.md":         "---\ntitle: Articles\n---\n",
		"content/articles/old.md":            "---\ntitle: Old\n---\n",
		"content/practitioners/someone.yaml": "name: Someone\n",
		"layouts/base.html":                  "x",
		"static/site.css":                    "body{}",
	} {
		p := filepath.Join(repo, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	dir := filepath.Join(t.TempDir(), "site")
	if _, err := Site(dir, repo, Options{Articles: 3, Practitioners: 4}); err != nil {
		t.Fatal(err)
	}
	files := readTree(t, dir)
	for _, kept := range []string{"content/site.yaml", "content/articles/_index.md", "layouts/base.html", "static/site.css"} {
		if files[kept] == nil {
			t.Errorf("%s was not copied", kept)
		}
	}
	for _, gone := range []string{"content/articles/old.md", "content/practitioners/someone.yaml", "vocabularies.yaml"} {
		if files[gone] != nil {
			t.Errorf("%s is still in the site", gone)
		}
	}
	if _, err := Site(dir, repo, Options{Articles: 3}); err == nil {
		t.Error("Site wrote into a folder that is not empty")
	}
}
