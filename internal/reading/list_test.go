package reading

import (
	"fmt"
	"strings"
	"testing"
)

func TestByLevel(t *testing.T) {
	books := []Book{
		{Title: "F1", Level: "further"}, {Title: "R1", Level: "recommended"}, {Title: "E1", Level: "essential"},
		{Title: "F2", Level: "further"}, {Title: "E2", Level: "essential"}, {Title: "U", Level: ""},
	}
	var got []string
	for _, g := range ByLevel(books) {
		var ts []string
		for _, b := range g.Books {
			ts = append(ts, b.Title)
		}
		got = append(got, fmt.Sprintf("%s(%s,%s):%s", g.Level, g.Heading, g.ID, strings.Join(ts, ",")))
	}
	want := "essential(Essential reading,level-essential):E1,E2 recommended(Recommended reading,level-recommended):R1,U further(Further reading,level-further):F1,F2"
	if strings.Join(got, " ") != want {
		t.Errorf("ByLevel:\n got %s\nwant %s", strings.Join(got, " "), want)
	}
	if g := ByLevel([]Book{{Title: "only", Level: "further"}}); len(g) != 1 || g[0].Level != "further" {
		t.Errorf("empty levels must be left out, got %+v", g)
	}
}

func TestIndex(t *testing.T) {
	a := List{Title: "List A", URL: "/reading/a/", Books: []Book{
		{Title: "Shared by ISBN", Authors: []string{"Ann Smith"}, ISBN13: "9780306406157", Topics: []string{"spine", "head"}},
		{Title: "Shared by Name", Authors: []string{"Bo Jones"}, Topics: []string{"cst"}},
		{Title: "Edition One", Authors: []string{"Cy Brown"}, ISBN13: "9780939616015", Topics: []string{"neck"}},
		{Title: "no topic", Authors: []string{"Di Green"}},
	}}
	b := List{Title: "List B", URL: "/reading/b/", Books: []Book{
		// Same ISBN, title written differently: the same book.
		{Title: "Shared By ISBN (new printing)", Authors: []string{"A. Smith"}, ISBN13: "9780306406157", Topics: []string{"head", "fascia"}},
		// Same title and surname, one copy with an ISBN: the same book.
		{Title: "Shared  by name", Authors: []string{"B. Jones"}, ISBN13: "9780804429573", Topics: []string{"cst"}},
		// Same title, different ISBN: another edition, shown apart.
		{Title: "Edition One", Authors: []string{"Cy Brown"}, ISBN13: "9781496347213", Topics: []string{"neck"}},
	}}
	groups := Index([]List{a, b}, "head", "neck", "spine", "cst")
	var lines []string
	for _, g := range groups {
		for _, e := range g.Entries {
			var ls []string
			for _, l := range e.Lists {
				ls = append(ls, l.Title+"="+l.URL)
			}
			lines = append(lines, fmt.Sprintf("%s/%s/%s: %s [%s] %s", g.Topic, g.Heading, g.ID, e.Book.Title, e.Book.ISBN13, strings.Join(ls, ",")))
		}
	}
	want := []string{
		"head/Head/topic-head: Shared by ISBN [9780306406157] List A=/reading/a/,List B=/reading/b/",
		"neck/Neck/topic-neck: Edition One [9780939616015] List A=/reading/a/",
		"neck/Neck/topic-neck: Edition One [9781496347213] List B=/reading/b/",
		"spine/Spine/topic-spine: Shared by ISBN [9780306406157] List A=/reading/a/,List B=/reading/b/",
		"cst/CST/topic-cst: Shared by Name [9780804429573] List A=/reading/a/,List B=/reading/b/",
		// fascia is not in the given order: after the ordered topics.
		"fascia/Fascia/topic-fascia: Shared by ISBN [9780306406157] List A=/reading/a/,List B=/reading/b/",
		"/Other books/topic-other: no topic [] List A=/reading/a/",
	}
	if strings.Join(lines, "\n") != strings.Join(want, "\n") {
		t.Errorf("Index:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
}

func TestIndexSortsByTitle(t *testing.T) {
	l := List{Title: "L", URL: "/reading/l/", Books: []Book{
		{Title: "zebra", Authors: []string{"A"}, Topics: []string{"head"}},
		{Title: "Apple", Authors: []string{"B"}, Topics: []string{"head"}},
		{Title: "apple", Authors: []string{"A"}, Topics: []string{"head"}},
	}}
	var got []string
	for _, e := range Index([]List{l})[0].Entries {
		got = append(got, e.Book.Title+"/"+e.Book.Authors[0])
	}
	if strings.Join(got, " ") != "apple/A Apple/B zebra/A" {
		t.Errorf("order = %v", got)
	}
}

func TestNewPage(t *testing.T) {
	p := NewPage(List{URL: "/reading/anatomy/", Books: []Book{{Title: "x", Level: "essential"}}})
	if p.BibURL != "/reading/anatomy.bib" || p.RISURL != "/reading/anatomy.ris" || len(p.Groups) != 1 {
		t.Errorf("NewPage = %+v", p)
	}
}

func TestTopicHeading(t *testing.T) {
	for in, want := range map[string]string{"cst": "CST", "head": "Head", "nervous-system": "Nervous system", "cerebrospinal-fluid": "Cerebrospinal fluid", "": "Other books"} {
		if got := TopicHeading(in); got != want {
			t.Errorf("TopicHeading(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestNoteHTML(t *testing.T) {
	tests := []struct{ in, html, plain string }{
		{"plain <b>text</b> & more", "plain &lt;b&gt;text&lt;/b&gt; &amp; more", "plain <b>text</b> & more"},
		{"*em* and _em_ and **strong**", "<em>em</em> and <em>em</em> and <strong>strong</strong>", "em and em and strong"},
		{"snake_case_word stays", "snake_case_word stays", "snake_case_word stays"},
		{"`<code>` span", "<code>&lt;code&gt;</code> span", "<code> span"},
		{`\*not em\*`, "*not em*", "*not em*"},
		{"[Open Library](https://openlibrary.org/)", `<a href="https://openlibrary.org/">Open Library</a>`, "Open Library"},
		{"[*emphasised* link](/training/)", `<a href="/training/"><em>emphasised</em> link</a>`, "emphasised link"},
		{"[bad](javascript:alert(1))", "bad", "bad"},
		{"[protocol relative](//evil.example/)", "protocol relative", "protocol relative"},
		{`[quote](https://example.org/?q="x")`, `<a href="https://example.org/?q=&#34;x&#34;">quote</a>`, "quote"},
		{"[mail](mailto:info@example.org)", `<a href="mailto:info@example.org">mail</a>`, "mail"},
		{"[call us](tel:+441632960905)", `<a href="tel:+441632960905">call us</a>`, "call us"},
		{`[backslash](/\evil.example/)`, "backslash", "backslash"},
		{"[credentials](https://user:pw@example.org/)", "credentials", "credentials"},
	}
	for _, tt := range tests {
		if got := string(NoteHTML(tt.in)); got != tt.html {
			t.Errorf("NoteHTML(%q) = %q, want %q", tt.in, got, tt.html)
		}
		if got := NotePlain(tt.in); got != tt.plain {
			t.Errorf("NotePlain(%q) = %q, want %q", tt.in, got, tt.plain)
		}
	}
}
