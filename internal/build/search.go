package build

import (
	"io/fs"
	"strings"
	"sync"

	"sitegen/internal/directory"
	"sitegen/internal/markdown"
	"sitegen/internal/reading"
	"sitegen/internal/search"
	"sitegen/internal/site"
)

// siteSearch builds the search index: every content page as it is
// rendered (its title, headings, text and tags), then the books of the
// reading lists, the listed practitioners and the training providers.
//
// A site has search when its layouts have a search page
// (layouts/search.html); without one, nothing is indexed.
//
// Documents are numbered for the index's fragment packs in the order of
// the site's pages, then the books, practitioners and schools in the order
// finish adds them, so packs do not depend on which worker renders first.
type siteSearch struct {
	ix      *search.Indexer
	numbers sync.Once
	number  map[*site.Page]int
}

func (s *siteSearch) frontKeys(string) []string { return nil }

func (s *siteSearch) load(b *builder) {
	s.ix = nil
	if _, err := fs.Stat(b.fsys, "layouts/search.html"); err == nil {
		s.ix = search.NewIndexer()
	}
}

func (s *siteSearch) pages(b *builder) []*site.Page {
	if s.ix == nil {
		return nil
	}
	return []*site.Page{{
		Kind: site.KindData, Title: "Search", URL: "/search/", Template: "search.html",
		Description: "Search the articles, reading lists, practitioners and training providers.",
		NoIndex:     true,
	}}
}

func (s *siteSearch) assembled(b *builder) {}

// rendered indexes a content page. It runs on the render workers.
func (s *siteSearch) rendered(b *builder, p *site.Page, md *markdown.Result) {
	if s.ix == nil {
		return
	}
	s.numbers.Do(func() {
		s.number = make(map[*site.Page]int, len(b.site.Pages))
		for i, q := range b.site.Pages {
			s.number[q] = i
		}
	})
	n, ok := s.number[p]
	if !ok {
		return
	}
	if p.Source == nil || md == nil || p.Draft || p.Future || p.Kind == site.Kind404 {
		files, err := s.ix.Skip(n)
		s.written(b, files, err)
		return
	}
	kind := "page"
	if p.Section == "articles" && p.Kind == site.KindPage {
		kind = "article"
	}
	doc := search.Doc{URL: p.URL, Kind: kind, Title: p.Title, Description: p.Description, Date: p.Date}
	for _, t := range p.Tags {
		doc.Tags = append(doc.Tags, t.Name)
	}
	for _, sec := range md.Sections {
		doc.Sections = append(doc.Sections, search.Section{Heading: sec.Heading, Anchor: sec.Anchor, Level: sec.Level, Text: sec.Text})
	}
	files, err := s.ix.Add(n, doc)
	s.written(b, files, err)
}

// written writes the fragment packs the index hands back.
func (s *siteSearch) written(b *builder, files []search.File, err error) {
	if err != nil {
		b.problems.Errorf("", 0, 0, "%v", err)
		return
	}
	for _, f := range files {
		b.writeIndex(f.Path, f.Data)
	}
}

func (s *siteSearch) finish(b *builder) {
	if s.ix == nil {
		return
	}
	n := len(b.site.Pages)
	add := func(doc search.Doc) {
		files, err := s.ix.Add(n, doc)
		s.written(b, files, err)
		n++
	}
	for _, e := range b.ext {
		switch e := e.(type) {
		case *readingLists:
			for _, l := range e.lists {
				for _, bk := range l.Books {
					add(bookDoc(l, bk))
				}
			}
		case *practitioners:
			if e.dir == nil {
				continue
			}
			for _, p := range e.dir.Current() {
				add(practitionerDoc(p))
			}
			for _, sc := range e.dir.Schools {
				if d, ok := schoolDoc(sc); ok {
					add(d)
				}
			}
		}
	}
	files, stats := s.ix.Finish()
	for _, f := range files {
		b.writeIndex(f.Path, f.Data)
	}
	b.res.IndexBytes = stats.EntryBytes + stats.ShardBytes + stats.ChunkBytes + stats.FragmentBytes
}

func bookDoc(l reading.List, bk reading.Book) search.Doc {
	d := search.Doc{
		URL: l.URL + "#" + bk.Anchor(), Kind: "book", Title: bk.Title,
		Description: strings.TrimSpace(bk.AuthorSentence() + " On the list " + l.Title + "."),
		Keywords:    append([]string{}, bk.Authors...),
		Tags:        bk.Topics,
	}
	if bk.ISBN13 != "" {
		d.Keywords = append(d.Keywords, bk.ISBN13)
	}
	if bk.Publisher != "" {
		d.Keywords = append(d.Keywords, bk.Publisher)
	}
	if note := reading.NotePlain(bk.Note); note != "" {
		d.Sections = []search.Section{{Text: note}}
	}
	return d
}

func practitionerDoc(p *directory.Practitioner) search.Doc {
	var towns []string
	d := search.Doc{URL: p.URL(), Kind: "practitioner", Title: p.Name, Keywords: []string{p.Registration}}
	for _, l := range p.Locations {
		d.Keywords = append(d.Keywords, l.Town, l.District())
		towns = append(towns, l.Town)
	}
	d.Keywords = append(d.Keywords, p.Modalities...)
	d.Description = p.Level + " practitioner in " + strings.Join(towns, ", ") + ". Registration " + p.Registration + "."
	if p.Bio != "" {
		d.Sections = []search.Section{{Text: p.Bio}}
	}
	return d
}

func schoolDoc(sc *directory.School) (search.Doc, bool) {
	courses := sc.CurrentCourses()
	if len(courses) == 0 {
		return search.Doc{}, false
	}
	d := search.Doc{URL: "/training/#" + sc.Slug, Kind: "training", Title: sc.Name, Keywords: []string{sc.Region},
		Description: "Accredited training provider in " + sc.Region + "."}
	for _, c := range courses {
		d.Sections = append(d.Sections, search.Section{Heading: c.Title, Text: strings.Join([]string{c.Length, c.Format, c.Location, "Prerequisites: " + c.Prerequisites}, ". ")})
	}
	return d, true
}
