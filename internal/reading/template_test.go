package reading

import (
	"bytes"
	"html/template"
	"path/filepath"
	"strings"
	"testing"
)

// The build executes layouts/reading/*.html with a value whose .Page has
// .Data (a Page or IndexPage) and .Content; these stand in for it.
type tmplPage struct {
	Data    any
	Content template.HTML
}

type tmplData struct {
	Page tmplPage
	Site struct{}
}

func execLayout(t *testing.T, name string, data any) string {
	t.Helper()
	tmpl := template.Must(template.New("base").Parse(`<main>{{template "main" .}}</main>`))
	if _, err := tmpl.ParseFiles(filepath.Join("..", "..", "layouts", "reading", name)); err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := tmpl.ExecuteTemplate(&b, "base", tmplData{Page: tmplPage{Data: data, Content: "<p>Intro.</p>"}}); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func checkStrictCSP(t *testing.T, html string) {
	t.Helper()
	for _, bad := range []string{"style=", "<style", "<script", "javascript:", "onclick"} {
		if strings.Contains(strings.ToLower(html), bad) {
			t.Errorf("output contains %q, which a strict CSP blocks or which is unsafe", bad)
		}
	}
}

func TestPageLayout(t *testing.T) {
	l := sampleList()
	l.Books[1].Title = `<script>alert("x")</script>`
	l.Books[1].URL = "https://example.org/b"
	l.Books[2].Authors = []string{"A. N. Author", "B. Other"}
	l.Books[0].NoteHTML = NoteHTML(l.Books[0].Note)
	out := execLayout(t, "page.html", NewPage(l))
	checkStrictCSP(t, out)
	for _, want := range []string{
		`<p>Intro.</p>`,
		`<a href="/reading/test-list.bib" download>“Test list: anatomy &amp; more” as BibTeX (.bib)</a>`,
		`<a href="/reading/test-list.ris" download>`,
		`<h2 id="level-essential">Essential reading</h2>`,
		`<h2 id="level-further">Further reading</h2>`,
		`, 3rd edition. Élodie Ünderwood, Jan van der Berg and Martin Luther King Jr. Presses &amp; Fils, 2019. <span class="isbn">ISBN 978-0-306-40615-7</span>.`,
		`<a href="https://openlibrary.org/isbn/9780306406157">“Anatomy &amp; Physiology`,
		`<p class="note">Read <strong>chapter 2</strong> first; see <a href="/training/">training</a> &amp; <code>code</code>.</p>`,
		`<cite>&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;</cite>`,
		`The Same Key</cite>, 12th edition. A. N. Author and B. Other. Example Press, 2001.</p>`,
		`An Edited Volume</cite>, 6th edition. Edited by Clara Ó Dálaigh and Dev Patel. Example Press, 2021.</p>`,
		`Written and Edited</cite>. Ann Writer; edited by Ed Itor. 2010.</p>`,
		`<a href="https://example.org/b">More about “&lt;script&gt;`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("page lacks %s\n%s", want, out)
		}
	}
	if i, j := strings.Index(out, "level-essential"), strings.Index(out, "level-further"); i < 0 || j < i {
		t.Error("levels out of order")
	}
	if strings.Contains(out, `<ul class="book-links">`+"\n      </ul>") {
		t.Error("empty link list rendered")
	}
}

func TestSectionLayout(t *testing.T) {
	a := sampleList()
	b := List{Title: "Second & last", URL: "/reading/second/", Description: "One book.", Books: []Book{a.Books[0]}}
	out := execLayout(t, "section.html", NewIndexPage([]List{a, b}, "head", "neck"))
	checkStrictCSP(t, out)
	for _, want := range []string{
		`<h3><a href="/reading/test-list/">Test list: anatomy &amp; more</a></h3>`,
		`<p class="count">7 books</p>`,
		`<p class="count">1 book</p>`,
		`<h2 id="by-topic">Books by topic</h2>`,
		`<li><a href="#topic-head">Head</a></li>`,
		`<h3 id="topic-head">Head</h3>`,
		`On <a href="/reading/test-list/">Test list: anatomy &amp; more</a>, <a href="/reading/second/">Second &amp; last</a>.`,
		`<h3 id="topic-other">Other books</h3>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("section lacks %s\n%s", want, out)
		}
	}
}
