package render

import (
	"strings"
	"testing"
	"testing/fstest"
)

// TestTemplateCallWithoutData: {{template "meta"}} written without data
// gives the partial nothing, and every field it reads prints as nothing,
// with no error. A call to a partial that reads a field is a warning at
// the call's {{, once though the partials are in every kind's set; a call
// with data, or to a partial that reads no field, is not.
func TestTemplateCallWithoutData(t *testing.T) {
	fsys := fstest.MapFS{
		"layouts/base.html":          {Data: []byte("<main>{{template \"main\" .}}</main>\n<footer>{{ template \"logo\" }} {{template \"meta\"}}</footer>")},
		"layouts/partials/meta.html": {Data: []byte(`{{define "meta"}}{{if .Page}}<p>{{with $.Page.Date}}{{.}}{{end}}</p>{{end}}{{end}}`)},
		"layouts/partials/logo.html": {Data: []byte(`{{define "logo"}}<svg aria-hidden="true"></svg>{{end}}`)},
		"layouts/partials/date.html": {Data: []byte(`{{define "date"}}{{$.Date}}{{end}}`)},
		"layouts/page.html":          {Data: []byte("{{define \"main\"}}\n{{template \"meta\" .}} {{template \"date\"}}\n{{end}}")},
		"layouts/section.html":       {Data: []byte(`{{define "main"}}{{template "meta" .}}{{end}}`)},
	}
	got := loadProblems(fsys, "")
	want := []string{
		`layouts/base.html:2:31: warning: {{template "meta"}} gives "meta" no data, and it reads .Page, which is then empty on every page; pass the data on: {{template "meta" .}}`,
		`layouts/page.html:2:23: warning: {{template "date"}} gives "date" no data, and it reads $.Date, which is then empty on every page; pass the data on: {{template "date" .}}`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
