package render

import (
	"bytes"
	"html/template"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"sitegen/internal/diag"
)

type testPage struct {
	Title, Content string
	Author, Editor *testPerson
	Tags           []string
	Weight         int
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
			f + "2:11: the test page has no field Contnet; did you mean Content?"},
		{"column counted in characters", "{{define \"main\"}}\n<p>Zoë’s {{.Page.Contnet}}</p>\n{{end}}",
			f + "2:17: the test page has no field Contnet; did you mean Content?"},
		{"field of a nested value", "{{define \"main\"}}\n{{with .Page.Author}}{{.Surnme}}{{end}}\n{{end}}",
			f + "2:24: the test person has no field Surnme; did you mean Surname?"},
		{"field nothing like any", "{{define \"main\"}}\n{{.Page.Banner}}\n{{end}}",
			f + "2:8: the test page has no field Banner; it has Author, Content, Editor, Tags, Title, URL, Weight"},
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
			f + "2:5: there is no function \"bogusfunc\"; the functions are and, asset, call, date, eq, ge, gt, html, index, js, le, len, lt, ne, not, or, print, printf, println, slice, urlquery"},
		// Mistakes Go's templates find only when a page is rendered.
		{"index past the end", "{{define \"main\"}}\n{{index .Page.Tags 5}}\n{{end}}",
			f + "2:3: {{index}} asks for item 5, and the list has fewer items on this page (items count from 0); test its length first: {{if gt (len …) 5}}…{{end}}"},
		{"slice past the end", "{{define \"main\"}}\n{{slice .Page.Title 0 9}}\n{{end}}",
			f + "2:3: {{slice}} is given 9, past the end of the value on this page; test its length first: {{if ge (len …) 9}}…{{end}}"},
		{"len of a number", "{{define \"main\"}}\n{{len .Page.Weight}}\n{{end}}",
			f + "2:3: {{len}} counts the items of a list, a map or a text, and this value is a number (int); give it a list, such as .Page.Tags"},
		{"number compared with text", "{{define \"main\"}}\n{{if gt .Page.Weight \"3\"}}x{{end}}\n{{end}}",
			f + "2:6: {{gt}} compares a number (int) with a text (string), which cannot be compared; compare values of one kind: a number without quotes (3), a text in quotes (\"3\")"},
		{"text where a date is needed", "{{define \"main\"}}\n{{date \"2006\" .Page.Title}}\n{{end}}",
			f + "2:20: the function called here needs a date (time.Time) and is given a text (string); pass it a value of that kind"},
		{"too few arguments", "{{define \"main\"}}\n{{date \"2006\"}}\n{{end}}",
			f + "2:3: date takes 2 values, and is given 1"},
		{"range over one value", "{{define \"main\"}}\n{{range .Page.Title}}x{{end}}\n{{end}}",
			f + "2:14: {{range}} goes over a list, a map or a number, and this value is a single one; range over a list, such as .Page.Tags, or use {{with}} for one value"},
		{"field of an empty value", "{{define \"main\"}}\n{{.Page.Editor.Surname}}\n{{end}}",
			f + "2:8: a test person here is empty (nil) on this page, so its Surname cannot be read; put the part in {{with …}}…{{end}}, which skips an empty value"},
		{"argument after a field", "{{define \"main\"}}\n{{.Page.Title 3}}\n{{end}}",
			f + "2:8: Title is a field, not a function, so nothing may follow it in the action; remove what follows it, or pass it to a function: {{printf \"%s\" .Title}}"},
		{"number where a text is needed", "{{define \"main\"}}\n{{asset 3}}\n{{end}}",
			f + "2:9: the function called here needs a text and is given 3; write a text in quotes: \"3\""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{
				"layouts/base.html": {Data: []byte(`<main>{{template "main" .}}</main>`)},
				"layouts/page.html": {Data: []byte(tt.page)},
			}
			var l diag.List
			tm := Load(fsys, template.FuncMap{"asset": func(string) string { return "" },
				"date": func(layout string, t time.Time) string { return t.Format(layout) }}, "", &l)
			if tm.Has("page.html") {
				var buf bytes.Buffer
				data := &testData{&testPage{Title: "T", Content: "C", Author: &testPerson{"A", "B"}, Tags: []string{"x"}, Weight: 2}}
				if err := tm.Execute(&buf, "page.html", data); err != nil {
					l.Add(tm.Problem(err, "layouts/page.html"))
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
