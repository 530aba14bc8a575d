package linkcheck

import (
	"fmt"
	"strings"
	"testing"

	"sitegen/internal/diag"
)

// TestCheck builds a small site of pages and checks what is reported: a
// link from the root resolves the same on every page (and is worked out
// once), while a relative link and a bare #fragment depend on the page
// they are on.
func TestCheck(t *testing.T) {
	c := New()
	c.AddFile("/feed.xml")
	menu := []Ref{{URL: "/articles/"}, {URL: "/missing/"}, {URL: "/feed.xml"}, {URL: "/articles/safety/#risks"}, {URL: "/articles/safety/#gone"}}
	add := func(url string, ids string, refs ...Ref) {
		c.Add(&Page{URL: url, File: "content" + url + "index.md", Template: "page.html", IDs: ids, Refs: append(append([]Ref(nil), menu...), refs...)})
	}
	add("/articles/", "list\x00",
		Ref{URL: "faq/"}, // /articles/faq/
	)
	add("/articles/safety/", "risks\x00top\x00",
		Ref{URL: "#top"}, // on this page
		Ref{URL: "faq/"}, // /articles/safety/faq/ is not published
		Ref{URL: "#nowhere", File: "content/articles/safety.md", Line: 7, Col: 3},
	)
	add("/articles/faq/", "",
		Ref{URL: "#top"}, // not on this page
	)
	for i := range 5 {
		add(fmt.Sprintf("/tags/t%d/", i), "")
	}
	var list diag.List
	c.Check(&list, nil)
	var got []string
	for _, p := range list.All() {
		got = append(got, p.String())
	}
	want := []string{
		`content/articles/safety.md:7:3: warning: link to #nowhere: the page /articles/safety/ has no heading or element with id "nowhere"`,
		`layouts/page.html:1:1: warning: link to /missing/: no page or file is published at /missing/ (the layout or a partial it uses, or the menu in site.yaml, writes this link on /articles/ and 7 other pages)`,
		`layouts/page.html:1:1: warning: link to /articles/safety/#gone: the page /articles/safety/ has no heading or element with id "gone" (the layout or a partial it uses, or the menu in site.yaml, writes this link on /articles/ and 7 other pages)`,
		`layouts/page.html:1:1: warning: link to #top: the page /articles/faq/ has no heading or element with id "top" (the layout or a partial it uses, or the menu in site.yaml, writes this link on /articles/faq/)`,
		`layouts/page.html:1:1: warning: link to faq/: no page or file is published at /articles/safety/faq/ (the layout or a partial it uses, or the menu in site.yaml, writes this link on /articles/safety/)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestScan checks what Scan keeps of a page: its ids, entities decoded,
// and its references into the site, not those with a scheme or to
// another host, nor attributes that only end in "id" or "src".
func TestScan(t *testing.T) {
	page := `<h2 id="risks">Risks</h2><p data-id="x" id='a&amp;b'><a href="/safety/#risks">s</a>` +
		`<a href="https://example.org/">e</a><a href="mailto:info@example.org">m</a><a href="//cdn.example.org/x">c</a>` +
		"<img\nsrc=\"../img/a.png?v=1&amp;w=2\" alt=\"\"><a href='#top'>t</a><a href=\"\">empty</a><link xsrc=\"/no/\">"
	ids, refs := Scan([]byte(page))
	if want := "risks\x00a&b\x00"; ids != want {
		t.Errorf("ids %q, want %q", ids, want)
	}
	want := []string{"/safety/#risks", "../img/a.png?v=1&w=2", "#top"}
	if strings.Join(refs, "|") != strings.Join(want, "|") {
		t.Errorf("refs %q, want %q", refs, want)
	}
}

// TestWritten: a reference Scan reads from a page is found in the layout
// that writes it, whether the layout types an accent or writes it as a
// character reference, and only in an href or src.
func TestWritten(t *testing.T) {
	layout := []byte(`<a href="/café/">a</a> <a href='/caf&eacute;/'>b</a> <img` + "\n" +
		`src="/caf&#233;/"> <a data-href="/café/">c</a> <a href="/café/x/">d</a> <p title="/café/">`)
	got := Written(layout, "/café/")
	if want := []int{9, 33, 64}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Written = %v, want %v", got, want)
	}
}
