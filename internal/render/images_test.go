package render

import (
	"html/template"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"sitegen/internal/diag"
)

// loadProblems loads the layouts of fsys for the site at site (its
// base_url, or "") and returns the problems, as the build prints them.
func loadProblems(fsys fs.FS, site string) []string {
	var l diag.List
	Load(fsys, template.FuncMap{}, site, &l)
	var got []string
	for _, p := range l.All() {
		got = append(got, p.String())
	}
	return got
}

// TestLayoutImagesWithoutAlt: an <img> a layout writes with no alt
// attribute is a warning at its "<", in any letter case; one with alt,
// even empty, and one whose attributes a template action writes are not.
func TestLayoutImagesWithoutAlt(t *testing.T) {
	fsys := fstest.MapFS{
		"layouts/base.html": {Data: []byte("<main>{{template \"main\" .}}</main>\n<footer><img src=\"/logo.svg\"></footer>")},
		"layouts/page.html": {Data: []byte("{{define \"main\"}}\n" +
			"<p>Café <IMG\nSRC=\"/a.png\" title=\"alt\"> <img src=\"/b.png\" alt=\"\"> <img src=\"/c.png\"alt=x/>\n" +
			"<img src=\"/d.png\" {{if .}}alt=\"d\"{{end}}> <imgx src=\"/e.png\"> <img src=\"/f.png\" ALT = \"f\">\n" +
			"{{end}}")},
	}
	got := loadProblems(fsys, "")
	const msg = `warning: an <img> has no alt attribute, so screen readers read out its file name instead; describe the picture in alt="…", or write alt="" if it is only decoration`
	want := []string{
		"layouts/base.html:2:9: " + msg,
		"layouts/page.html:2:9: " + msg,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
