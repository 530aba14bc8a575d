package site

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"sitegen/internal/config"
	"sitegen/internal/content"
	"sitegen/internal/diag"
	"sitegen/internal/markdown"
	"sitegen/internal/phone"
)

// TestOrganizationLD: the home page describes the organisation with its
// telephone number in international form and its country as an ISO 3166
// code, as the practitioners' and schools' structured data does.
func TestOrganizationLD(t *testing.T) {
	tel, why := phone.Parse("01632 960000")
	if why != "" {
		t.Fatal(why)
	}
	cfg := &config.Config{Title: "T", BaseURL: "https://example.org/", Org: config.Organisation{
		Name: "Craniosacral Therapy Association", Telephone: tel,
		Address: config.Address{Street: "1 Example Street", Town: "Exampleton", Postcode: "ZZ1 1ZZ", Country: "United Kingdom"},
	}}
	org := OrganizationLD(cfg)
	if got := org["telephone"]; got != "+441632960000" {
		t.Errorf("telephone %v, want +441632960000", got)
	}
	addr, _ := org["address"].(map[string]any)
	if got := addr["addressCountry"]; got != "GB" {
		t.Errorf("addressCountry %v, want GB", got)
	}
	if org["@id"] != "https://example.org/#organization" || org["name"] != "Craniosacral Therapy Association" {
		t.Errorf("@id %v, name %v", org["@id"], org["name"])
	}
}

// TestContents: level-3 headings nest under the level-2 heading before
// them; one before any level-2 heading is at the top; other levels are
// left out.
func TestContents(t *testing.T) {
	hs := func(levels ...int) []markdown.Heading {
		var out []markdown.Heading
		for i, l := range levels {
			out = append(out, markdown.Heading{Level: l, ID: fmt.Sprint("h", i), Text: fmt.Sprint(i)})
		}
		return out
	}
	var show func(es []*TOCEntry) string
	show = func(es []*TOCEntry) string {
		var b []string
		for _, e := range es {
			s := e.Text
			if len(e.Children) > 0 {
				s += "(" + show(e.Children) + ")"
			}
			b = append(b, s)
		}
		return strings.Join(b, " ")
	}
	for _, tt := range []struct {
		levels []int
		want   string
	}{
		{[]int{2, 3, 3, 2, 2, 3}, "0(1 2) 3 4(5)"},
		{[]int{3, 3, 2, 3}, "0 1 2(3)"},
		{[]int{2, 4, 3, 4, 2}, "0(2) 4"},
		{nil, ""},
	} {
		p := &Page{Headings: hs(tt.levels...)}
		if got := show(p.Contents()); got != tt.want {
			t.Errorf("headings at levels %v: contents %q, want %q", tt.levels, got, tt.want)
		}
	}
}

// TestSitemapPage: the sitemap page lists what sitemap.xml lists for
// crawlers, arranged by address, less the numbered pages that continue a
// list: no draft (even in a preview that shows drafts), no page kept out
// of search engines, no 404 page and not itself.
func TestSitemapPage(t *testing.T) {
	cfg := &config.Config{Title: "T", BaseURL: "https://example.org/"}
	page := func(path, title string) *content.Page {
		return &content.Page{Path: "content/" + path, Meta: content.Meta{Title: title}}
	}
	pages := []*content.Page{
		page("index.md", "Welcome"), page("about.md", "About us"), page("articles/_index.md", "Articles"),
		page("articles/safety.md", "Is it safe?"), page("articles/first.md", "A first visit"),
	}
	thanks := page("thanks.md", "Thank you")
	thanks.Meta.NoIndex = true
	draft := page("articles/draft.md", "Draft")
	draft.Meta.Draft = true
	pages = append(pages, thanks, draft)
	for i := range PerPage + 1 {
		pages = append(pages, page(fmt.Sprintf("notes/n%02d.md", i), fmt.Sprintf("Note %02d", i)))
	}
	generated := []*Page{
		{Kind: KindData, Title: "Find a practitioner", URL: "/practitioners/"},
		{Kind: KindData, Title: "Ann Example", URL: "/practitioners/ann-example/"},
		{Kind: KindData, Title: "Practitioners in Wales", URL: "/practitioners/region/wales/"},
		{Kind: KindData, Title: "Practitioners in Wales (page 2 of 2)", URL: "/practitioners/region/wales/page/2/", Continued: true},
		{Kind: KindData, Title: "Bob Lapsed: registration lapsed", URL: "/practitioners/bob-lapsed/", NoIndex: true},
	}
	var problems diag.List
	s := Assemble(cfg, pages, generated, Options{Now: time.Now(), Drafts: true, Sitemap: true}, &problems)
	if problems.Len() > 0 {
		t.Fatalf("problems: %v", problems.All())
	}
	sm := s.ByURL[SitemapURL]
	if sm == nil || sm.Kind != KindSitemap || sm.Template != "sitemap.html" || !sm.Search {
		t.Fatalf("sitemap page %+v, want a searchable page of kind sitemap with sitemap.html", sm)
	}
	var show func(es []*Entry) string
	show = func(es []*Entry) string {
		var b []string
		for _, e := range es {
			s := e.Title + " " + e.URL
			if len(e.Children) > 0 {
				s += " (" + show(e.Children) + ")"
			}
			b = append(b, s)
		}
		return strings.Join(b, ", ")
	}
	notes := make([]string, 0, PerPage+1)
	for i := range PerPage + 1 {
		notes = append(notes, fmt.Sprintf("Note %02d /notes/n%02d/", i, i))
	}
	want := "Welcome /, " +
		"Articles /articles/ (A first visit /articles/first/, Is it safe? /articles/safety/), " +
		"Find a practitioner /practitioners/ (Region  (Practitioners in Wales /practitioners/region/wales/), Ann Example /practitioners/ann-example/), " +
		"Notes /notes/ (" + strings.Join(notes, ", ") + "), " +
		"About us /about/"
	if got := show(sm.Tree()); got != want {
		t.Errorf("sitemap tree\n%s\nwant\n%s", got, want)
	}

	// Without a layout for it, a site has no sitemap page.
	s = Assemble(cfg, pages, generated, Options{Now: time.Now()}, &diag.List{})
	if s.ByURL[SitemapURL] != nil {
		t.Error("a sitemap page without Options.Sitemap")
	}

	// A page of the site's own at /sitemap/ is told to move.
	problems = diag.List{}
	Assemble(cfg, append(pages, page("sitemap.md", "Our map")), nil, Options{Now: time.Now(), Sitemap: true}, &problems)
	want = "content/sitemap.md:1:1: content/sitemap.md takes the URL /sitemap/ that the sitemap page needs; choose another slug"
	if all := problems.All(); len(all) != 1 || all[0].String() != want {
		t.Errorf("problems %v, want %s", all, want)
	}

	// So is one at the address of a page the site makes from its data:
	// only the file can move.
	problems = diag.List{}
	Assemble(cfg, append(pages, page("practitioners/ann-example.md", "Ann")), generated, Options{Now: time.Now()}, &problems)
	want = "content/practitioners/ann-example.md:1:1: content/practitioners/ann-example.md maps to the URL /practitioners/ann-example/, where the site makes a page of its own; rename the file or give it a different slug"
	if all := problems.All(); len(all) != 1 || all[0].String() != want {
		t.Errorf("problems %v, want %s", all, want)
	}
}

// BenchmarkNear is what the hints for a build's broken links cost on a
// site of 10,000 articles: the index by folder, made once a build, and
// one suggestion for each wrong name, however many links share it.
func BenchmarkNear(b *testing.B) {
	files := map[string]*Page{"articles/safety-advice.md": {}}
	for i := range 10000 {
		files[fmt.Sprintf("articles/a-guide-to-topic-number-%05d.md", i)] = &Page{}
	}
	for b.Loop() {
		s := &Site{ByFile: files}
		for range 5 {
			for _, rel := range []string{"articles/safety.md", "articles/Safety-Advice.md", "articles/what-is-craniosacral-therapy.md"} {
				s.Near(rel)
			}
		}
	}
}

func TestNear(t *testing.T) {
	s := &Site{ByFile: map[string]*Page{"articles/safety-advice.md": {}, "articles/first-session.md": {}, "about.md": {},
		"guides/picking-a-therapist.md": {Aliases: []string{"/articles/choosing-a-practitioner/", "/team"}}}}
	for rel, want := range map[string]string{
		"articles/choosing-a-practitioner.md": "guides/picking-a-therapist.md", // renamed and moved, its old address an alias
		"team.md":                             "guides/picking-a-therapist.md", // an alias without its last slash
		"team/_index.md":                      "guides/picking-a-therapist.md",
		"articles/safety.md":                  "articles/safety-advice.md", // renamed: the old name as words of the new
		"articles/Safety-Advice.md":           "articles/safety-advice.md", // letter case
		"articles/first-sesion.md":            "articles/first-session.md", // a typo
		"articles/unrelated.md":               "",
		"abuot.md":                            "about.md",
	} {
		if got := s.Near(rel); got != want {
			t.Errorf("Near(%q) = %q, want %q", rel, got, want)
		}
		if got := s.Near(rel); got != want {
			t.Errorf("Near(%q) again = %q, want %q", rel, got, want)
		}
	}
}

// TestSitemapSectionLimit: a section of more pages than the sitemap page
// lists keeps its first SitemapPerSection, and says how many more its own
// page lists, with or without an _index.md.
func TestSitemapSectionLimit(t *testing.T) {
	cfg := &config.Config{Title: "T", BaseURL: "https://example.org/"}
	pages := []*content.Page{{Path: "content/articles/_index.md", Meta: content.Meta{Title: "Articles"}}}
	for i := range SitemapPerSection + 3 {
		pages = append(pages,
			&content.Page{Path: fmt.Sprintf("content/articles/a%03d.md", i), Meta: content.Meta{Title: fmt.Sprintf("A%03d", i)}},
			&content.Page{Path: fmt.Sprintf("content/notes/n%03d.md", i), Meta: content.Meta{Title: fmt.Sprintf("N%03d", i)}})
	}
	var problems diag.List
	s := Assemble(cfg, pages, nil, Options{Now: time.Now(), Sitemap: true}, &problems)
	if problems.Len() > 0 {
		t.Fatalf("problems: %v", problems.All())
	}
	for _, e := range s.ByURL[SitemapURL].Tree() {
		switch e.Title {
		case "Articles":
			if len(e.Children) != SitemapPerSection || e.More != 3 || e.Children[0].Title != "A000" {
				t.Errorf("articles: %d listed, %d more, first %q; want %d, 3 more, A000", len(e.Children), e.More, e.Children[0].Title, SitemapPerSection)
			}
		case "Notes":
			if e.URL != "/notes/" || len(e.Children) != SitemapPerSection || e.More != 3 {
				t.Errorf("notes, a section without _index.md: %s, %d listed, %d more; want /notes/, %d, 3 more", e.URL, len(e.Children), e.More, SitemapPerSection)
			}
		}
	}
}
