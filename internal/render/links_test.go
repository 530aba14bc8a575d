package render

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestLayoutLinksToOwnSite: an href or src a layout writes with the site's
// own address in full is a warning at its value, in the template file and
// line, that gives it from the root; a value going on with a template
// action is judged by its text before it. Another host, another folder,
// a root path, a value written by an action alone and data-src are not.
func TestLayoutLinksToOwnSite(t *testing.T) {
	fsys := fstest.MapFS{
		"layouts/base.html": {Data: []byte("<link rel=\"canonical\" href=\"{{.}}\">\n<main>{{template \"main\" .}}</main>\n<footer><a HREF='https://example.org/cst/privacy/'>Privacy</a></footer>")},
		"layouts/page.html": {Data: []byte("{{define \"main\"}}\n" +
			"<p>Café <a href=\"/verify/\">verify</a> <a href=\"https://www.example.org/cst/x/\">x</a> <a href=\"https://example.org/other/\">y</a>\n" +
			"<img alt=\"\" src=https://EXAMPLE.org/cst/logo.svg> <img alt=\"\" data-src=\"https://example.org/cst/a.png\">\n" +
			"<a href=\"https://example.org/cst{{.}}\">a</a> <a href=\"https://example.org/cst/articles/{{.}}#top\">b</a>\n" +
			"{{end}}")},
	}
	got := loadProblems(fsys, "https://example.org/cst/")
	const advice = `, which is this site's own address written in full: a link written so is not checked, and leads a preview's readers to the live site; write it from the root: `
	want := []string{
		`layouts/base.html:3:18: warning: link to "https://example.org/cst/privacy/"` + advice + `/privacy/`,
		`layouts/page.html:3:17: warning: link to "https://EXAMPLE.org/cst/logo.svg"` + advice + `/logo.svg`,
		`layouts/page.html:4:10: warning: link to "https://example.org/cst{{.}}"` + advice + `{{.}}`,
		`layouts/page.html:4:55: warning: link to "https://example.org/cst/articles/{{.}}#top"` + advice + `/articles/{{.}}#top`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// With no base_url, nothing is the site's own address.
	if got := loadProblems(fsys, ""); len(got) != 0 {
		t.Errorf("no site address: got %v", got)
	}
}
