package config

import (
	"net/url"
	"os"
	"strings"
	"testing"

	"sitegen/internal/diag"
)

// FuzzParse feeds arbitrary site.yaml files to Parse. Whatever an editor
// saves, Parse must not panic, every problem must name a line of the file,
// and a file without errors gives an absolute http(s) base URL ending in
// "/" (every canonical URL, feed and sitemap entry is built on it).
//
// make test runs the seeds below; go test -fuzz FuzzParse searches.
func FuzzParse(f *testing.F) {
	if src, err := os.ReadFile("../../content/site.yaml"); err == nil {
		f.Add(string(src))
	}
	for _, s := range []string{
		"title: x\nbase_url: https://example.org\n",
		"title: x\nbase_url: javascript:alert(1)//\n",
		"title: x\nbase_url: https://example.org/a/../b/?q#f\nmenu: [{name: A, url: /a/}, 5, {name: [x]}]\n",
		"title: [x\n",
		"title: x\nbase_url: https://example.org/\norganisation: {name: A, email: 7, telephone: [1]}\nvocabularies: {regions: 5}\n",
		"- a\n- b\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		src = strings.ReplaceAll(strings.ReplaceAll(src, "\r\n", "\n"), "\r", "\n")
		var l diag.List
		c := Parse([]byte(src), &l)
		last := strings.Count(src, "\n") + 1
		errs := 0
		for _, p := range l.All() {
			if p.Severity == diag.Error {
				errs++
			}
			if p.File != "content/site.yaml" || p.Line < 1 || p.Line > last || p.Msg == "" {
				t.Errorf("problem not at a place in the file (%d lines): %s", last, p)
			}
		}
		if errs > 0 {
			return
		}
		if c == nil {
			t.Fatal("Parse gave no config and no error")
		}
		u, err := url.Parse(c.BaseURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || !strings.HasSuffix(c.BaseURL, "/") ||
			u.User != nil || u.RawQuery != "" || strings.ContainsAny(c.BaseURL, " #") {
			t.Fatalf("base URL %q accepted", c.BaseURL)
		}
	})
}
