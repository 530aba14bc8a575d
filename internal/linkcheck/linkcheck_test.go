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

// TestLinksMadeFromEachPage: a layout that makes a link from each page's
// own values (href="{{.Page.Description}}") leads nowhere with a different
// address on every page. That one mistake is one warning, with the count
// of the others, while a few such links stay one warning each, and a
// broken link on several pages keeps its own.
func TestLinksMadeFromEachPage(t *testing.T) {
	check := func(pages int) []string {
		c := New()
		for i := range pages {
			url := fmt.Sprintf("/articles/a%d/", i)
			c.Add(&Page{URL: url, File: "content" + url + "index.md", Template: "page.html",
				Refs: []Ref{{URL: fmt.Sprintf("About page %d.", i)}, {URL: "/gone/"}}})
		}
		c.Add(&Page{URL: "/tags/", File: "content/tags.md", Template: "tags.html", Refs: []Ref{{URL: "Tags."}}})
		var list diag.List
		c.Check(&list, nil)
		var got []string
		for _, p := range list.All() {
			got = append(got, p.String())
		}
		return got
	}
	got := check(6)
	want := []string{
		`layouts/page.html:1:1: warning: link to /gone/: no page or file is published at /gone/ (the layout or a partial it uses, or the menu in site.yaml, writes this link on /articles/a0/ and 5 other pages)`,
		`layouts/page.html:1:1: warning: link to About page 0.: no page or file is published at /articles/a0/About page 0. (the layout or a partial it uses writes this link on /articles/a0/, and 5 other links, each on one page, that lead nowhere: a link made from each page's own values, such as href="{{.Page.Description}}", is the likely cause)`,
		`layouts/tags.html:1:1: warning: link to Tags.: no page or file is published at /tags/Tags. (the layout or a partial it uses, or the menu in site.yaml, writes this link on /tags/)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if got := check(maxSingles); len(got) != maxSingles+2 {
		t.Errorf("%d links each on one page: got %d warnings, want one each and the two others:\n%s", maxSingles, len(got), strings.Join(got, "\n"))
	}
}

// TestMade: the links a layout makes from a page's values, in part or
// whole, in an href or a src, and not the ones it writes as they are.
func TestMade(t *testing.T) {
	layout := []byte(`<a href="{{.URL}}">a</a> <a href="/fixed/">b</a>` + "\n" +
		`<img src='/images/{{.Name}}.png' alt="{{.Alt}}"> <p id="{{.ID}}" title="href={{.X}}">`)
	if got, want := Made(layout), []int{9, 59}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("Made = %v, want %v", got, want)
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

// TestScanAsHTMLReadsAttributes: a link or id written as HTML allows it,
// with the name in capitals, white space around "=", or the value
// unquoted, is read as the browser reads it, where before such a broken
// link went unreported; "href=/x/" in a page's text or in another
// attribute's value is no link, and an unquoted value ends at white space
// or ">".
func TestScanAsHTMLReadsAttributes(t *testing.T) {
	page := `<a href=/unquoted/>u</a><a HREF="/capitals/">c</a><a href = "/spaced/">s</a>` +
		`<img Src='/img/a.png' alt=""><h2 ID = top>Top</h2><a href=#top class=x>t</a>` +
		`<p>Write href=/in-text/ in the layout; id=prose too.</p><a href= /after/ >a</a>` +
		`<meta name="description" content="Write href=/in-value/ or id='v' src='/v/' to link"><a title='a id="t" b' href="/q/?a=1&amp;id=2">q</a>`
	ids, refs := Scan([]byte(page))
	if want := "top\x00"; ids != want {
		t.Errorf("ids %q, want %q", ids, want)
	}
	want := []string{"/unquoted/", "/capitals/", "/spaced/", "/img/a.png", "#top", "/after/", "/q/?a=1&id=2"}
	if strings.Join(refs, "|") != strings.Join(want, "|") {
		t.Errorf("refs %q, want %q", refs, want)
	}
	for _, ref := range want[:4] {
		at := strings.Index(page, ref)
		if got := Written([]byte(page), ref); fmt.Sprint(got) != fmt.Sprint([]int{at}) {
			t.Errorf("Written(%q) = %v, want [%d] (%q)", ref, got, at, page[at:at+len(ref)])
		}
	}
}

// BenchmarkScan reads a page shaped like the site's articles: a header
// and menu, a search form, breadcrumbs, headings with ids, paragraphs
// with a few links, and a footer; about 12 KB.
func BenchmarkScan(b *testing.B) {
	var page strings.Builder
	page.WriteString(`<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>An article</title>` +
		`<link rel="canonical" href="https://example.org/articles/an-article/"><link rel="stylesheet" href="/assets/site.3f2a9c1e.css">` +
		`<script type="module" src="/assets/search.45fe1b26.js"></script></head><body><a class="skip-link" href="#main">Skip to content</a>` +
		`<header class="site-header"><a class="site-title" href="/">The association</a><nav aria-label="Main"><ul>`)
	for i := range 7 {
		fmt.Fprintf(&page, `<li><a href="/section-%d/">Section %d</a></li>`, i, i)
	}
	page.WriteString(`</ul></nav><form class="search" action="/search/" role="search"><input id="q" name="q" type="search" aria-controls="q-list">` +
		`<ul id="q-list" role="listbox" hidden></ul></form></header><main id="main" tabindex="-1"><h1>An article</h1>`)
	for i := range 12 {
		fmt.Fprintf(&page, `<h2 id="heading-%d">Heading %d</h2><p>Practitioners describe a light, still touch; sessions last about an hour, `+
			`and a first one starts with questions about your health (see <a href="../safety/#risks">safety</a>). `+
			`Fees vary = ask first. A second paragraph's worth of plain text follows here, long enough to be realistic, with no markup.</p>`+
			`<p>More text, and a <a href="/articles/other-%d/">link to another article</a>, then the end of the section.</p>`, i, i, i)
	}
	page.WriteString(`</main><footer><p><a href="/privacy/">Privacy</a> <a href="/contact/">Contact</a> <a href="/sitemap/">Sitemap</a></p></footer></body></html>`)
	src := []byte(page.String())
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		Scan(src)
	}
}

// TestNearName: a link to a name mistyped by a letter or two, or cut
// short, is offered the page or file of the same folder it most likely
// means; one to a name nothing is close to gets no guess, and nor does a
// near name in another folder.
func TestNearName(t *testing.T) {
	c := New()
	c.AddFile("/images/after-session.png")
	c.AddFile("/images/hands.jpg")
	c.Add(&Page{URL: "/articles/safety/"})
	c.Add(&Page{URL: "/reading/sessions/"})
	c.Add(&Page{URL: "/articles/x/", File: "content/articles/x.md", Refs: []Ref{
		{URL: "/images/after-sesion.png", File: "content/articles/x.md", Line: 5, Col: 1},
		{URL: "/articles/safty/", File: "content/articles/x.md", Line: 6, Col: 1},
		{URL: "/articles/safe/", File: "content/articles/x.md", Line: 7, Col: 1},
		{URL: "/images/zebra-crossing.png", File: "content/articles/x.md", Line: 8, Col: 1},
		{URL: "/articles/sessions/", File: "content/articles/x.md", Line: 9, Col: 1},
	}})
	var list diag.List
	c.Check(&list, nil)
	var got []string
	for _, p := range list.All() {
		got = append(got, p.String())
	}
	want := []string{
		`content/articles/x.md:5:1: warning: link to /images/after-sesion.png: no page or file is published at /images/after-sesion.png; did you mean /images/after-session.png?`,
		`content/articles/x.md:6:1: warning: link to /articles/safty/: no page or file is published at /articles/safty/; did you mean /articles/safety/?`,
		`content/articles/x.md:7:1: warning: link to /articles/safe/: no page or file is published at /articles/safe/; did you mean /articles/safety/?`,
		`content/articles/x.md:8:1: warning: link to /images/zebra-crossing.png: no page or file is published at /images/zebra-crossing.png`,
		`content/articles/x.md:9:1: warning: link to /articles/sessions/: no page or file is published at /articles/sessions/`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestIDWithWordsLeftOut: a fragment that holds a heading's words with
// some left out is offered the shortest id that has them all in order;
// one word alone, or words out of order, get no guess.
func TestIDWithWordsLeftOut(t *testing.T) {
	tp := &Page{URL: "/articles/safety/", IDs: "risks\x00when-to-stop-and-get-medical-help-now\x00when-to-stop-and-get-medical-help\x00get-help\x00"}
	for frag, want := range map[string]string{
		"when-to-get-medical-help": "; did you mean #when-to-stop-and-get-medical-help?",
		"When-To-Get-Help":         "; did you mean #when-to-stop-and-get-medical-help?",
		"medical":                  "",
		"help-get":                 "",
	} {
		if got := idHint(tp, frag); got != want {
			t.Errorf("idHint(%q) = %q, want %q", frag, got, want)
		}
	}
}
