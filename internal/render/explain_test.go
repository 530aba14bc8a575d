package render

import (
	"bytes"
	"html/template"
	"strings"
	"testing"
	"testing/fstest"

	"sitegen/internal/diag"
)

type testPage struct {
	Title, Content string
	Author         *testPerson
}

func (p *testPage) URL() string { return "/a/" }

type testPerson struct{ GivenName, Surname string }

type testData struct{ Page *testPage }

// TestTemplateErrorsInPlainWords: the usual template mistakes are reported
// at the line and column of the cause, in words that say what to write.
func TestTemplateErrorsInPlainWords(t *testing.T) {
	const f = "layouts/page.html:"
	tests := []struct{ name, page, want string }{
		{"misspelt field", "{{define \"main\"}}\n<p>{{.Page.Contnet}}</p>\n{{end}}",
			f + "2:10: the test page has no field Contnet; did you mean Content?"},
		{"field of a nested value", "{{define \"main\"}}\n{{with .Page.Author}}{{.Surnme}}{{end}}\n{{end}}",
			f + "2:23: the test person has no field Surnme; did you mean Surname?"},
		{"field nothing like any", "{{define \"main\"}}\n{{.Page.Banner}}\n{{end}}",
			f + "2:7: the test page has no field Banner; it has Author, Content, Title, URL"},
		{"action closed with one brace", "{{define \"main\"}}\n<h1>{{.Page.Title}}</h1> {{.Page.Content}\n{{end}}",
			f + "2:41: an action {{ ... } is closed with a single }; close it with }}"},
		{"if without end", "{{define \"main\"}}\n<p>\n{{if .Page.Content}}x\n</p>\n{{end}}\n",
			f + "3:1: {{if}} has no {{end}} of its own: the {{end}} on line 5 closes it, and leaves {{define}} on line 1 open; add an {{end}} where the {{if}} block ends"},
		{"range without end, after a closed if", "{{define \"main\"}}\n{{if .Page.Title}}t{{end}}\n{{- range .Page.Title}}x\n{{end}}",
			f + "3:1: {{range}} has no {{end}} of its own: the {{end}} on line 4 closes it, and leaves {{define}} on line 1 open; add an {{end}} where the {{range}} block ends"},
		{"define without end", "{{/* a comment {{end}} */}}{{define \"main\"}}x",
			f + "1:28: {{define}} has no {{end}}; add an {{end}} where its block ends"},
		{"misspelt function", "{{define \"main\"}}\n{{asett \"x.css\"}}\n{{end}}",
			f + "2:3: there is no function \"asett\"; did you mean asset?"},
		{"unknown function", "{{define \"main\"}}\n  {{bogusfunc .Page}}\n{{end}}",
			f + "2:5: there is no function \"bogusfunc\"; the functions are and, asset, call, eq, ge, gt, html, index, js, le, len, lt, ne, not, or, print, printf, println, slice, urlquery"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"layouts/base.html": {Data: []byte(`<main>{{template "main" .}}</main>`)},
				"layouts/page.html": {Data: []byte(tt.page)},
			}
			var l diag.List
			tm := Load(fsys, template.FuncMap{"asset": func(string) string { return "" }}, &l)
			if tm.Has("page.html") {
				var buf bytes.Buffer
				data := &testData{&testPage{Title: "T", Content: "C", Author: &testPerson{"A", "B"}}}
				if err := tm.Execute(&buf, "page.html", data); err != nil {
					l.Add(Problem(err, "layouts/page.html"))
				}
			}
			var got []string
			for _, p := range l.All() {
				got = append(got, p.String())
			}
			if strings.Join(got, "\n") != tt.want {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), tt.want)
			}
		})
	}
}
