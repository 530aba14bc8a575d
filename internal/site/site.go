// Package site is the assembled, read-only model of a site: every page with
// its URL, the sections and their pages, the tags, and the menu, built from
// the parsed content and the pages generated from data.
//
// Assemble is pure: parsed pages and the build's options in, a *Site out,
// with problems (two files mapping to one URL, a menu entry to a missing
// page) reported to a diag.List. It decides
//
//   - which pages are published: drafts only with Drafts, pages whose
//     publish_date is after Now only with Future, and never a page whose
//     expiry_date has passed;
//   - each page's URL, mirroring its path with pretty URLs:
//     content/articles/what-is-cst.md is /articles/what-is-cst/,
//     content/articles/_index.md is /articles/ (a section listing its pages
//     sorted by weight, then date newest first, then title) and
//     content/index.md is /; a slug replaces the last path segment;
//   - the template of each page: its front matter layout, then
//     layouts/<section>/<kind>.html, then layouts/<kind>.html;
//   - tag pages (/tags/<tag>/ and /tags/), the home page's latest articles,
//     the 404 page and, with Options.Sitemap, the sitemap page for people
//     (/sitemap/), which lists by address every page that sitemap.xml
//     lists for crawlers, less the numbered pages that continue a list.
//
// After Assemble the model is only read, so render workers share it freely.
package site

import (
	"fmt"
	"html/template"
	"path"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"sitegen/internal/config"
	"sitegen/internal/content"
	"sitegen/internal/diag"
	"sitegen/internal/markdown"

	"golang.org/x/text/unicode/norm"
)

// Page kinds.
const (
	KindHome    = "home"
	KindPage    = "page"
	KindSection = "section"
	KindTag     = "tag"
	KindTags    = "tags"
	Kind404     = "404"
	KindSitemap = "sitemap" // the list of every page for people, /sitemap/
	KindData    = "data"    // generated from data files (directory, reading lists)
)

// Page is one page of the site.
type Page struct {
	Kind   string
	Source *content.Page // nil for generated pages
	File   string        // source file for messages ("" when generated)
	Line   int
	// Origin is, for a page the site makes from many files (the training
	// page from the school files), the first of them: a problem of the
	// whole page, such as its layout missing, is reported there. "" when
	// the page has a File or is made from none.
	Origin      string
	Title       string
	Description string
	URL         string // site path, such as /articles/safety/
	Permalink   string // absolute URL
	Section     string // first path segment of the URL, "" for the root
	Date        time.Time
	Updated     time.Time
	Weight      int
	Tags        []Tag
	Draft       bool
	Future      bool
	Aliases     []string
	TOC         bool
	Template    string // layouts-relative template file, such as articles/page.html
	// Pages are the pages a list page lists.
	Pages []*Page
	// Pager is set on list pages split into several pages.
	Pager *Pager
	// Parent is the section page of a page, when there is one.
	Parent *Page
	// Data is the kind-specific value for data pages' templates.
	Data any
	// JSONLD is marshalled into a JSON-LD script by the base layout.
	JSONLD any
	// Alternates are other formats of the page (a vCard, a BibTeX file).
	Alternates []Alternate
	// NoIndex keeps the page out of the sitemap and search engines.
	NoIndex bool
	// Continued marks a numbered page after the first of a long list
	// (/articles/page/2/, a region's second page of practitioners): the
	// sitemap page lists the first page of each list only.
	Continued bool
	// Search makes a generated page a document of the site's own search,
	// found by its title, description and Keywords: a page a visitor
	// looks for by name, such as the practitioner directory or the
	// registration check. Pages with Markdown are documents without it.
	Search bool
	// Keywords are other names a generated page goes by, for search: in
	// the site's text ("the directory") or its address (/verify/).
	Keywords []string
	// OutPath is the output file relative to the output root.
	OutPath string
	// Links are the links of Markdown in a page's data (a practitioner's
	// bio, a book's note), at their lines in File, for the link check.
	Links []markdown.Link

	// Set while rendering, by the worker that renders the page.
	Content  template.HTML
	Headings []markdown.Heading
}

// PerPage is how many pages a section or tag page lists before it is
// split into numbered pages (/articles/page/2/). Fifty titles with their
// summaries make a page a visitor scans in a few screens, and a large site
// publishes fewer list pages.
const PerPage = 50

// Pager describes one numbered page of a long list.
type Pager struct {
	Number, Total           int
	Items                   int    // pages listed across every numbered page
	First, Prev, Next, Last string // URLs; Prev and Next are "" at the ends
}

// Alternate is another format of a page, linked from its head.
type Alternate struct {
	Type, Title, URL string
}

// Tag is a tag as shown on pages.
type Tag struct {
	Name string
	URL  string
}

// Count is how many pages a list page lists, over all its numbered pages.
func (p *Page) Count() int {
	if p.Pager != nil {
		return p.Pager.Items
	}
	return len(p.Pages)
}

// IsDated reports whether the page has a date.
func (p *Page) IsDated() bool { return !p.Date.IsZero() }

// HasTOC reports whether the page shows a table of contents.
func (p *Page) HasTOC() bool {
	if !p.TOC {
		return false
	}
	n := 0
	for _, h := range p.Headings {
		if h.Level == 2 || h.Level == 3 {
			n++
		}
	}
	return n >= 2
}

// TOCEntry is a heading in a page's table of contents with the headings
// under it.
type TOCEntry struct {
	markdown.Heading
	Children []*TOCEntry
}

// Contents is the page's table of contents: its level-2 and level-3
// headings, each under the nearest shallower heading before it, so a list
// of them nests as the page does. A heading with none before it (a page
// whose first section is a level-3 heading) is at the top.
func (p *Page) Contents() []*TOCEntry {
	var top, open []*TOCEntry
	for _, h := range p.Headings {
		if h.Level != 2 && h.Level != 3 {
			continue
		}
		e := &TOCEntry{Heading: h}
		for len(open) > 0 && open[len(open)-1].Level >= h.Level {
			open = open[:len(open)-1]
		}
		if len(open) == 0 {
			top = append(top, e)
		} else {
			parent := open[len(open)-1]
			parent.Children = append(parent.Children, e)
		}
		open = append(open, e)
	}
	return top
}

// Site is the whole model.
type Site struct {
	Config  *config.Config
	Pages   []*Page // sorted by URL
	ByURL   map[string]*Page
	ByFile  map[string]*Page // content path (articles/safety.md) -> page
	Home    *Page
	Latest  []*Page // dated pages in articles/, newest first
	Tags    []*Page // tag pages, by name
	Menu    []MenuItem
	Now     time.Time
	Preview bool // a deploy preview: banner shown, kept out of search engines
	Dev     bool // served by the development server
	// unpublished says why a content file that loaded has no page: a
	// draft, a page scheduled for later, an expired page.
	unpublished map[string]string
	// sources are every content file found, loaded or not.
	sources map[string]bool
	// near is ByFile arranged for Near, made when a broken link first
	// asks: most builds have none.
	nearOnce sync.Once
	near     nearIndex
	nearBy   sync.Map // rel → Near(rel): many links share a wrong name
}

// nearIndex is ByFile by lower-case path, and its page names (without
// .md, sections' index files left out) by folder.
type nearIndex struct {
	folded  map[string]string
	names   map[string][]string
	aliased map[string]string // an alias, without its last slash, to the page's file
}

// MenuItem is a resolved main menu entry.
type MenuItem struct {
	Name      string
	URL       string // the page's address for a page's file (articles/safety.md#risks is /articles/safety/#risks)
	Line, Col int    // of its url in site.yaml
}

// Options are the build's choices that shape the model.
type Options struct {
	Drafts, Future bool
	Now            time.Time
	Preview        bool
	Dev            bool
	// Sitemap adds the sitemap page for people, /sitemap/ (the build
	// sets it when layouts/sitemap.html exists).
	Sitemap bool
	// Sources are the content paths (content/articles/safety.md) of every
	// Markdown file found, including those that did not load: a link to
	// one of those is not reported again as a link to a missing page.
	Sources []string
}

// URLFor maps a content path (relative to content/) to its URL, without a
// slug.
func URLFor(rel string) string {
	dir, file := path.Split(rel)
	name := strings.TrimSuffix(file, ".md")
	switch name {
	case "_index", "index":
		if dir == "" {
			return "/"
		}
		return "/" + dir
	}
	return "/" + dir + name + "/"
}

// OutPath is the file a URL is written to.
func OutPath(url string) string {
	if strings.HasSuffix(url, "/") {
		return strings.TrimPrefix(url, "/") + "index.html"
	}
	return strings.TrimPrefix(url, "/")
}

// Assemble builds the model. Generated pages (from data) are added as they
// are; their URL and Template must be set.
func Assemble(cfg *config.Config, pages []*content.Page, generated []*Page, opt Options, problems *diag.List) *Site {
	s := &Site{Config: cfg, ByURL: map[string]*Page{}, ByFile: map[string]*Page{}, Now: opt.Now, Preview: opt.Preview, Dev: opt.Dev,
		unpublished: map[string]string{}, sources: make(map[string]bool, len(opt.Sources))}
	for _, f := range opt.Sources {
		s.sources[strings.TrimPrefix(f, "content/")] = true
	}
	sections := map[string]*Page{}
	var all []*Page
	for _, cp := range pages {
		rel := strings.TrimPrefix(cp.Path, "content/")
		m := cp.Meta
		p := &Page{
			Source: cp, File: cp.Path, Line: 1, Title: m.Title, Description: m.Description,
			Date: m.Date, Updated: m.Updated, Weight: m.Weight, Draft: m.Draft, Aliases: m.Aliases, TOC: m.TOC, NoIndex: m.NoIndex,
		}
		if m.Draft && !opt.Drafts {
			s.unpublished[rel] = "is a draft: publish it (remove draft: true) or remove the link"
			continue
		}
		if !m.PublishDate.IsZero() && m.PublishDate.After(opt.Now) {
			if !opt.Future {
				s.unpublished[rel] = "is not published until " + m.PublishDate.Format("2 January 2006") + ": the link would be broken until then"
				continue
			}
			p.Future = true
		}
		if !m.ExpiryDate.IsZero() && !m.ExpiryDate.After(opt.Now) {
			s.unpublished[rel] = "expired on " + m.ExpiryDate.Format("2 January 2006") + " (its expiry_date): update or remove the link"
			continue
		}
		if ahead := opt.Now.AddDate(1, 0, 0); !opt.Now.IsZero() && m.Date.After(ahead) {
			problems.Warnf(cp.Path, cp.DateLine, cp.DateCol, "date %s is more than a year after today (%s), and the page would head every list and feed until then; check the year, or use publish_date to publish the page later",
				m.Date.Format("2006-01-02"), opt.Now.Format("2006-01-02"))
		}
		p.URL = URLFor(rel)
		base := path.Base(rel)
		switch {
		case rel == "index.md" || rel == "_index.md":
			p.Kind = KindHome
		case base == "_index.md" || base == "index.md":
			p.Kind = KindSection
		default:
			p.Kind = KindPage
			if m.Slug != "" {
				p.URL = "/" + path.Dir(rel) + "/" + m.Slug + "/"
				p.URL = strings.Replace(p.URL, "/./", "/", 1)
			}
		}
		s.ByFile[rel] = p
		all = append(all, p)
	}
	all = append(all, generated...)

	// URLs must be unique. Of the pages that want one URL, the one that
	// has it by right keeps it: a generated page, then a page whose file
	// name gives the URL, then one whose slug asks for it. The others are
	// reported where they asked: at the slug, else at the file.
	sort.SliceStable(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if a.URL != b.URL {
			return a.URL < b.URL
		}
		if ra, rb := urlClaim(a), urlClaim(b); ra != rb {
			return ra < rb
		}
		return a.File < b.File
	})
	for _, p := range all {
		if prev, dup := s.ByURL[p.URL]; dup {
			line, col, how := p.Line, 1, "maps to"
			if p.Source != nil && p.Source.Meta.Slug != "" && p.Source.SlugLine > 0 {
				line, col, how = p.Source.SlugLine, p.Source.SlugCol, "asks with its slug for"
			}
			if prev.File == "" {
				// Only the file can move: the site's own page keeps
				// its address.
				problems.Errorf(p.File, line, col, "%s %s the URL %s, where the site makes a page of its own; rename the file or give it a different slug", displayFile(p), how, p.URL)
				continue
			}
			problems.Errorf(p.File, line, col, "%s %s the URL %s, which %s already has; rename one or give it a different slug", displayFile(p), how, p.URL, displayFile(prev))
			continue
		}
		s.ByURL[p.URL] = p
		s.Pages = append(s.Pages, p)
	}
	for _, p := range s.Pages {
		p.Section = sectionOf(p.URL)
		p.Permalink = strings.TrimSuffix(cfg.BaseURL, "/") + p.URL
		if p.OutPath == "" {
			p.OutPath = OutPath(p.URL)
		}
		if p.Kind == KindSection {
			sections[p.URL] = p
		}
		if p.Kind == KindHome {
			s.Home = p
		}
	}
	// Pages without a section page get one, so every URL prefix lists.
	for _, p := range s.Pages {
		if p.Kind != KindPage || p.Source == nil {
			continue
		}
		dir := parentURL(p.URL)
		if dir == "/" {
			continue
		}
		sec, ok := sections[dir]
		if !ok {
			if s.ByURL[dir] != nil {
				continue
			}
			name := strings.Trim(path.Base(dir), "/")
			// A visitor looks for a section by its name, as for one
			// with an _index.md.
			sec = &Page{Kind: KindSection, Title: titleCase(name), URL: dir, Section: sectionOf(dir),
				Permalink: strings.TrimSuffix(cfg.BaseURL, "/") + dir, OutPath: OutPath(dir), Search: true}
			sections[dir] = sec
			s.ByURL[dir] = sec
			s.Pages = append(s.Pages, sec)
		}
		p.Parent = sec
		sec.Pages = append(sec.Pages, p)
	}
	for _, sec := range sections {
		SortPages(sec.Pages)
	}

	// Tags.
	// A tag's URL is its name made a slug, so names that differ in case
	// alone ("Safety", "safety") are one tag. Names that differ in more
	// but make the same slug ("C++", "C#") would be merged without anyone
	// meaning it, a name with no letter or digit would have no URL, and
	// a very long name would make a folder name the file system refuses:
	// each is reported at the tag.
	tags := map[string]*Page{}
	firstTag := map[string]*Page{} // the page that named each tag first
	for _, p := range s.Pages {
		if p.Source == nil {
			continue
		}
		seen := map[string]bool{}
		for i, t := range p.Source.Meta.Tags {
			slug := markdown.Slugify(t)
			line, col := p.Line, 1
			if i < len(p.Source.TagPos) {
				line, col = p.Source.TagPos[i][0], p.Source.TagPos[i][1]
			}
			if slug == "" {
				problems.Warnf(p.File, line, col, "tag %q has no letter or digit to make its URL from; write it in words, or remove it", t)
				continue
			}
			if len(slug) > config.MaxSegment {
				problems.Warnf(p.File, line, col, "tag %q makes a URL segment of %d bytes, more than the %d a URL segment may have; shorten it", t, len(slug), config.MaxSegment)
				continue
			}
			if tp := tags[slug]; tp != nil && !strings.EqualFold(tp.Title, t) {
				problems.Warnf(p.File, line, col, "tag %q has the URL %s of the tag %q (%s); use one name for both, or tell them apart in letters or digits", t, tp.URL, tp.Title, displayFile(firstTag[slug]))
			}
			if seen[slug] {
				continue
			}
			seen[slug] = true
			tp := tags[slug]
			if tp == nil {
				u := tagURL(slug)
				tp = &Page{Kind: KindTag, Title: t, URL: u, Section: "tags", Permalink: strings.TrimSuffix(cfg.BaseURL, "/") + u,
					OutPath: OutPath(u), Description: fmt.Sprintf("Pages about %s.", t)}
				tags[slug] = tp
				firstTag[slug] = p
			}
			tp.Pages = append(tp.Pages, p)
			p.Tags = append(p.Tags, Tag{Name: t, URL: tp.URL})
		}
	}
	if len(tags) > 0 {
		idx := &Page{Kind: KindTags, Title: "Topics", URL: "/tags/", Section: "tags", Description: "Every topic on the site.",
			Permalink: strings.TrimSuffix(cfg.BaseURL, "/") + "/tags/", OutPath: "tags/index.html"}
		for _, tp := range tags {
			SortPages(tp.Pages)
			s.Tags = append(s.Tags, tp)
		}
		sort.Slice(s.Tags, func(i, j int) bool { return s.Tags[i].URL < s.Tags[j].URL })
		idx.Pages = s.Tags
		folder := "" // content/tags, when its pages make a section at /tags/
		for _, tp := range append([]*Page{idx}, s.Tags...) {
			if prev := s.ByURL[tp.URL]; prev != nil {
				switch {
				case prev.File == "" && prev.Kind == KindSection:
					// A folder content/tags/ makes the section; its
					// pages that take a tag's address are the same
					// mistake, with the same fix.
					folder = "content" + strings.TrimSuffix(prev.URL, "/")
					problems.Errorf(folder, 0, 0, "the pages in this folder make a section at %s, the address of the list of topics (the tag pages); move them to a folder of another name", prev.URL)
				case folder != "" && strings.HasPrefix(prev.File, folder+"/"):
				default:
					problems.Errorf(prev.File, prev.Line, 1, "%s takes the URL %s that the tag pages need; choose another slug", displayFile(prev), tp.URL)
				}
				continue
			}
			s.ByURL[tp.URL] = tp
			s.Pages = append(s.Pages, tp)
		}
	}

	// Long lists are split into numbered pages.
	var extra []*Page
	for _, p := range s.Pages {
		if (p.Kind == KindSection || p.Kind == KindTag) && len(p.Pages) > PerPage {
			extra = append(extra, paginate(p, cfg)...)
		}
	}
	for _, q := range extra {
		if prev := s.ByURL[q.URL]; prev != nil {
			problems.Errorf(prev.File, prev.Line, 1, "%s takes the URL %s that a numbered list page needs; choose another slug", displayFile(prev), q.URL)
			continue
		}
		s.ByURL[q.URL] = q
		s.Pages = append(s.Pages, q)
	}

	// The 404 page.
	nf := &Page{Kind: Kind404, Title: "Page not found", URL: "/404.html", OutPath: "404.html", NoIndex: true,
		Description: "The page you asked for is not here.", Permalink: strings.TrimSuffix(cfg.BaseURL, "/") + "/404.html"}
	if s.ByURL[nf.URL] == nil {
		s.ByURL[nf.URL] = nf
		s.Pages = append(s.Pages, nf)
	}

	// Latest articles: the dated pages of articles/, newest first, for
	// the home page and the feed. Reading lists and other sections have
	// dates too, but they are not news.
	for _, p := range s.Pages {
		if p.Kind == KindPage && p.Section == "articles" && p.IsDated() && p.Source != nil {
			s.Latest = append(s.Latest, p)
		}
	}
	sort.SliceStable(s.Latest, func(i, j int) bool {
		a, b := s.Latest[i], s.Latest[j]
		if !a.Date.Equal(b.Date) {
			return a.Date.After(b.Date)
		}
		return a.URL < b.URL
	})
	if s.Home != nil {
		s.Home.Pages = s.Latest
		if s.Home.JSONLD == nil {
			s.Home.JSONLD = OrganizationLD(cfg)
		}
	}

	// Menu.
	for _, it := range cfg.Menu {
		u := it.URL
		if config.MenuFile(u) {
			rel, frag, _ := strings.Cut(strings.TrimPrefix(u, "content/"), "#")
			p, ok := s.ByFile[rel]
			if !ok {
				switch why, quiet, found := s.Unlinked(rel); {
				case quiet:
				case found:
					problems.Warnf(config.Path, it.Line, it.Col, "menu entry %q links to %s, which %s", it.Name, u, why)
				default:
					// As for a page's link: the file in other letter
					// case (articles/Safety.MD), or a renamed page.
					hint := "check the file name"
					if near := s.Near(rel); near != "" {
						hint = fmt.Sprintf("did you mean %q?", near)
					}
					problems.Warnf(config.Path, it.Line, it.Col, "menu entry %q links to %s, which is not a published page; %s", it.Name, u, hint)
				}
				continue
			}
			u = p.URL
			if frag != "" {
				u += "#" + frag
			}
		}
		s.Menu = append(s.Menu, MenuItem{Name: it.Name, URL: u, Line: it.Line, Col: it.Col})
	}

	if opt.Sitemap {
		sm := &Page{Kind: KindSitemap, Title: "Sitemap", URL: SitemapURL, Section: sectionOf(SitemapURL), OutPath: OutPath(SitemapURL),
			Template: "sitemap.html", Description: "Every page of the site, by section.",
			Permalink: strings.TrimSuffix(cfg.BaseURL, "/") + SitemapURL,
			// Visitors without a search box to hand ask search for it.
			Search: true, Keywords: []string{"All pages", "Site map", "Index of pages"}}
		if prev := s.ByURL[sm.URL]; prev != nil {
			problems.Errorf(prev.File, prev.Line, 1, "%s takes the URL %s that the sitemap page needs; choose another slug", displayFile(prev), sm.URL)
		} else {
			s.ByURL[sm.URL] = sm
			s.Pages = append(s.Pages, sm)
		}
	}

	sort.SliceStable(s.Pages, func(i, j int) bool { return s.Pages[i].URL < s.Pages[j].URL })
	if sm := s.ByURL[SitemapURL]; sm != nil && sm.Kind == KindSitemap {
		for _, p := range s.Pages {
			if p.Indexed() && !p.Continued && p.Kind != KindSitemap {
				sm.Pages = append(sm.Pages, p)
			}
		}
	}
	return s
}

// SitemapURL is the address of the sitemap page for people.
const SitemapURL = "/sitemap/"

// Indexed reports whether the page is for search engines: in sitemap.xml
// and, unless it continues a list, on the sitemap page. Drafts and future
// pages (in previews) and pages marked noindex are not.
func (p *Page) Indexed() bool {
	return !p.NoIndex && !p.Draft && !p.Future && p.Kind != Kind404
}

// Entry is a page of the sitemap page, or a folder of pages without a page
// of its own, with the entries under it.
type Entry struct {
	Title    string
	URL      string // "" for a folder without a page
	Children []*Entry
	// More is how many pages of a section are left out after the first
	// SitemapPerSection: its own page lists them all.
	More int
}

// SitemapPerSection is how many of a section's pages the sitemap page
// lists before it sends the visitor to the section's own list: a site
// of thousands of articles would otherwise make a page of megabytes.
const SitemapPerSection = 100

// Tree arranges the pages a sitemap page lists by their addresses: each
// page under the page whose URL is its folder (a profile under
// /practitioners/, a tag under /tags/). A folder that has no page listed
// (/practitioners/region/) is an entry of its own, named as a section
// without an _index.md is ("Region"). The home page is an entry at the
// top beside the others, not their parent. Entries with entries under
// them come first, then the others, each by title; a section's page
// keeps its first SitemapPerSection.
func (p *Page) Tree() []*Entry {
	nodes := map[string]*Entry{}
	top := &Entry{}
	var attach func(e *Entry, url string)
	attach = func(e *Entry, url string) {
		parent := parentURL(url)
		if url == "/" || parent == "/" || parent == "" {
			top.Children = append(top.Children, e)
			return
		}
		pe := nodes[parent]
		if pe == nil {
			pe = &Entry{Title: titleCase(strings.Trim(path.Base(parent), "/"))}
			nodes[parent] = pe
			attach(pe, parent)
		}
		pe.Children = append(pe.Children, e)
	}
	// In URL order a folder's page comes before the pages in it.
	pages := slices.Clone(p.Pages)
	sort.SliceStable(pages, func(i, j int) bool { return pages[i].URL < pages[j].URL })
	for _, q := range pages {
		e := &Entry{Title: q.Title, URL: q.URL}
		nodes[q.URL] = e
		attach(e, q.URL)
	}
	var order func(es []*Entry)
	order = func(es []*Entry) {
		sort.SliceStable(es, func(i, j int) bool {
			a, b := es[i], es[j]
			if (a.URL == "/") != (b.URL == "/") {
				return a.URL == "/"
			}
			if (len(a.Children) > 0) != (len(b.Children) > 0) {
				return len(a.Children) > 0
			}
			if ta, tb := strings.ToLower(a.Title), strings.ToLower(b.Title); ta != tb {
				return ta < tb
			}
			return a.URL < b.URL
		})
		for _, e := range es {
			order(e.Children)
			if e.URL != "" && len(e.Children) > SitemapPerSection {
				e.More = len(e.Children) - SitemapPerSection
				e.Children = e.Children[:SitemapPerSection]
			}
		}
	}
	order(top.Children)
	return top.Children
}

// paginate splits p's list into pages of PerPage: p keeps the first, the
// others are returned as pages at <url>page/<n>/.
func paginate(p *Page, cfg *config.Config) []*Page {
	all := p.Pages
	total := (len(all) + PerPage - 1) / PerPage
	url := func(n int) string {
		if n == 1 {
			return p.URL
		}
		return fmt.Sprintf("%spage/%d/", p.URL, n)
	}
	var out []*Page
	for n := 1; n <= total; n++ {
		chunk := all[(n-1)*PerPage : min(n*PerPage, len(all))]
		q := p
		if n > 1 {
			c := *p
			q = &c
			q.Source, q.File, q.Aliases, q.JSONLD = nil, "", nil, nil
			q.URL = url(n)
			q.Title = fmt.Sprintf("%s (page %d of %d)", p.Title, n, total)
			q.Permalink = strings.TrimSuffix(cfg.BaseURL, "/") + q.URL
			q.OutPath = OutPath(q.URL)
			q.NoIndex = true
			q.Continued = true
			q.Search = false // the first page is the list's document
			out = append(out, q)
		}
		q.Pages = chunk
		q.Pager = &Pager{Number: n, Total: total, Items: len(all), First: url(1), Last: url(total)}
		if n > 1 {
			q.Pager.Prev = url(n - 1)
		}
		if n < total {
			q.Pager.Next = url(n + 1)
		}
	}
	return out
}

// urlClaim orders pages that want the same URL: generated pages first,
// then pages named by their file, then pages named by a slug.
func urlClaim(p *Page) int {
	switch {
	case p.Source == nil:
		return 0
	case p.Source.Meta.Slug == "":
		return 1
	}
	return 2
}

func displayFile(p *Page) string {
	if p.File != "" {
		return p.File
	}
	return "a generated page (" + p.URL + ")"
}

func sectionOf(url string) string {
	t := strings.Trim(url, "/")
	if i := strings.IndexByte(t, '/'); i >= 0 {
		return t[:i]
	}
	if strings.HasSuffix(url, "/") {
		return t
	}
	return ""
}

func parentURL(u string) string {
	t := strings.TrimSuffix(u, "/")
	i := strings.LastIndexByte(t, '/')
	return t[:i+1]
}

func titleCase(s string) string {
	s = strings.ReplaceAll(s, "-", " ")
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// SortPages orders pages by weight (pages without a weight last), then date
// newest first, then title, then URL.
func SortPages(ps []*Page) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if (a.Weight == 0) != (b.Weight == 0) {
			return a.Weight != 0
		}
		if a.Weight != b.Weight {
			return a.Weight < b.Weight
		}
		if !a.Date.Equal(b.Date) {
			return a.Date.After(b.Date)
		}
		if a.Title != b.Title {
			return a.Title < b.Title
		}
		return a.URL < b.URL
	})
}

// TagURL is the URL of the page of the tag name: its name made a slug
// (markdown.Slugify), so names that differ in case alone are one tag.
func TagURL(name string) string { return tagURL(markdown.Slugify(name)) }

func tagURL(slug string) string { return "/tags/" + slug + "/" }

// MenuPage names the menu entry that is the page at url, or "".
func (s *Site) MenuPage(url string) string {
	for _, m := range s.Menu {
		if m.URL == url {
			return url
		}
	}
	return ""
}

// MenuSection names, for a page that no menu entry is, the entry of the
// section that holds it: the longest entry URL that is a folder of the
// site other than the home page and that url starts with (a practitioner's
// profile is in "Find a practitioner", /practitioners/); or "".
func (s *Site) MenuSection(url string) string {
	if s.MenuPage(url) != "" {
		return ""
	}
	best := ""
	for _, m := range s.Menu {
		if m.URL != "/" && strings.HasPrefix(m.URL, "/") && strings.HasSuffix(m.URL, "/") &&
			strings.HasPrefix(url, m.URL) && len(m.URL) > len(best) {
			best = m.URL
		}
	}
	return best
}

// MenuKey is what the header depends on for the page at url (MenuPage and
// MenuSection): pages with the same key share one rendering of it.
func (s *Site) MenuKey(url string) string { return s.MenuPage(url) + " " + s.MenuSection(url) }

// Resolve maps a content path (articles/safety.md) to its page URL.
func (s *Site) Resolve(rel string) (string, bool) {
	p, ok := s.ByFile[rel]
	if !ok && !isASCII(rel) {
		// A name typed on a keyboard (é as one character) for a file saved
		// with its accents as marks of their own (e and U+0301), or the
		// other way round: the file's name is reported already, and the
		// link works once it is renamed.
		if p, ok = s.ByFile[norm.NFD.String(rel)]; !ok {
			p, ok = s.ByFile[norm.NFC.String(rel)]
		}
	}
	if !ok {
		return "", false
	}
	return p.URL, true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

// Unlinked says why a content file (articles/safety.md) that has no page
// cannot be linked to: why it is not published, or quiet when it did not
// load and its own problems are reported instead. found is false when
// there is no such file.
func (s *Site) Unlinked(rel string) (why string, quiet, found bool) {
	if why, ok := s.unpublished[rel]; ok {
		return why, false, true
	}
	if s.sources[rel] {
		return "", true, true
	}
	return "", false, false
}

// Near returns the content path of the published page an editor most
// likely meant by rel, a content path with no page: the same path in other
// letter case, else the page that lists rel's address in its aliases (a
// renamed page), else, in the same folder, the page whose file name is
// nearest (diag.Suggest) or the shortest that holds its name as words,
// such as the new name of a renamed file. It is ""
// when no page is close.
func (s *Site) Near(rel string) string {
	if v, ok := s.nearBy.Load(rel); ok {
		return v.(string)
	}
	n := s.near1(rel)
	s.nearBy.Store(rel, n)
	return n
}

func (s *Site) near1(rel string) string {
	s.nearOnce.Do(func() {
		s.near = nearIndex{folded: make(map[string]string, len(s.ByFile)), names: map[string][]string{}, aliased: map[string]string{}}
		for f, p := range s.ByFile {
			for _, a := range p.Aliases {
				k := strings.TrimSuffix(a, "/")
				if same, ok := s.near.aliased[k]; !ok || f < same {
					s.near.aliased[k] = f
				}
			}
			k := strings.ToLower(f)
			if same, ok := s.near.folded[k]; !ok || f < same {
				s.near.folded[k] = f
			}
			fd, fn := path.Split(f)
			if fn != "_index.md" && fn != "index.md" {
				s.near.names[fd] = append(s.near.names[fd], strings.TrimSuffix(fn, ".md"))
			}
		}
	})
	dir, name := path.Split(rel)
	if same, ok := s.near.folded[strings.ToLower(rel)]; ok {
		return same
	}
	// A renamed page that keeps its old address as an alias says for
	// certain what it was called.
	if f, ok := s.near.aliased[strings.TrimSuffix(URLFor(rel), "/")]; ok {
		return f
	}
	names := s.near.names[dir]
	word := strings.TrimSuffix(name, ".md")
	if n := diag.Suggest(word, names); n != "" {
		return dir + n + ".md"
	}
	// A renamed page often keeps its old name as words of the new one:
	// safety.md became safety-advice.md.
	best := ""
	for _, n := range names {
		if len(word) >= 3 && (strings.HasPrefix(n, word+"-") || strings.HasSuffix(n, "-"+word) || strings.Contains(n, "-"+word+"-")) &&
			(best == "" || len(n) < len(best) || len(n) == len(best) && n < best) {
			best = n
		}
	}
	if best != "" {
		return dir + best + ".md"
	}
	return ""
}

// TemplateFor chooses a page's template from the available template files:
// front matter layout, then <section>/<kind>.html, then <kind>.html.
func TemplateFor(p *Page, has func(string) bool) (string, bool) {
	if p.Template != "" {
		return p.Template, has(p.Template)
	}
	var cands []string
	if p.Source != nil && p.Source.Meta.Layout != "" {
		l := p.Source.Meta.Layout
		if p.Section != "" {
			cands = append(cands, p.Section+"/"+l+".html")
		}
		cands = append(cands, l+".html")
		for _, c := range cands {
			if has(c) {
				return c, true
			}
		}
		return cands[len(cands)-1], false
	}
	kind := p.Kind
	if kind == KindHome {
		cands = append(cands, "home.html", "section.html")
	} else {
		if p.Section != "" {
			cands = append(cands, p.Section+"/"+kind+".html")
		}
		cands = append(cands, kind+".html")
		if kind == KindTag || kind == KindTags {
			cands = append(cands, "section.html")
		}
	}
	for _, c := range cands {
		if has(c) {
			return c, true
		}
	}
	return cands[len(cands)-1], false
}

// OrganizationLD is the schema.org description of the organisation behind
// the site, for the home page.
func OrganizationLD(cfg *config.Config) map[string]any {
	org := map[string]any{
		"@context": "https://schema.org",
		"@id":      cfg.OrgID(),
		"@type":    "Organization",
		"name":     cfg.OrgName(),
		"url":      cfg.BaseURL,
	}
	if cfg.Description != "" {
		org["description"] = cfg.Description
	}
	if cfg.Org.Email != "" {
		org["email"] = cfg.Org.Email
	}
	if cfg.Org.Telephone.Tel != "" {
		// As a practitioner's: +441632960000.
		org["telephone"] = cfg.Org.Telephone.International()
	}
	if a := cfg.Org.Address; a != (config.Address{}) {
		addr := map[string]any{
			"@type":           "PostalAddress",
			"streetAddress":   a.Street,
			"addressLocality": a.Town,
			"postalCode":      a.Postcode,
		}
		if cc := a.CountryCode(); cc != "" {
			addr["addressCountry"] = cc // ISO 3166, as a practitioner's: GB
		}
		org["address"] = addr
	}
	return org
}
