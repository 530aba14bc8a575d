package build

import (
	"strings"
	"testing"
)

// TestCheckFindsCacheKeysThatLeaveSomethingOut: sitegen check reports a
// cached partial whose key leaves out what it shows (a footer under one
// key that shows the page's title), at the partial's {{define}}, naming
// the first two pages by address that it renders differently; a key that
// names everything the partial depends on is not reported.
func TestCheckFindsCacheKeysThatLeaveSomethingOut(t *testing.T) {
	const base = `<html><body>{{template "main" .}}{{cached "foot" "" .}}</body></html>`
	pages := map[string]string{
		"content/articles/b.md": "---\ntitle: B\n---\nb\n",
		"content/articles/a.md": "---\ntitle: A\n---\na\n",
		"content/articles/c.md": "---\ntitle: A\n---\nc\n",
	}
	for _, tt := range []struct{ name, foot, want string }{
		{"the page's title under one key", "{{define \"foot\"}}\n<footer>{{.Page.Title}}</footer>\n{{end}}",
			`layouts/partials/foot.html:1:1: warning: the partial "foot" is cached under the key "" but renders differently for /404.html and /articles/, and every page under one key gets the HTML of whichever rendered it first; put what it depends on in the key, as in {{cached "foot" .Page.URL .}}, or leave it out of the cache`},
		{"the same footer on every page", "{{define \"foot\"}}\n<footer>{{.Site.Config.Title}}</footer>\n{{end}}", ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			files := map[string]string{"layouts/base.html": base, "layouts/partials/foot.html": tt.foot}
			for k, v := range pages {
				files[k] = v
			}
			var got []string
			for _, l := range strings.Split(dryRun(files), "\n") {
				if strings.Contains(l, "partial \"foot\"") {
					got = append(got, l)
				}
			}
			if strings.Join(got, "\n") != tt.want {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), tt.want)
			}
		})
	}
}
