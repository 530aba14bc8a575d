package build

import (
	"encoding/json"
	"strings"
	"sync"

	"sitegen/internal/markdown"
	"sitegen/internal/reading"
	"sitegen/internal/site"
)

// readingLists publishes content/reading/: each list's page gets its books
// grouped by level, JSON-LD and BibTeX/RIS downloads; /reading/ gets every
// list and the by-topic index.
type readingLists struct {
	mu    sync.Mutex
	books map[string][]reading.Book // content path -> books
	lists []reading.List
}

func isReadingList(file string) bool {
	return strings.HasPrefix(file, "content/reading/") && !strings.HasSuffix(file, "/_index.md")
}

func (r *readingLists) frontKeys(file string) []string {
	if isReadingList(file) {
		return []string{"books"}
	}
	return nil
}

func (r *readingLists) load(b *builder) {
	r.books = map[string][]reading.Book{}
	for _, p := range b.pages {
		if isReadingList(p.Path) {
			// The development server keeps a page parsed by an earlier
			// build, with that build's problem list: the books' problems
			// belong to this one.
			if d := p.Front.Decoder(); d != nil {
				d.Problems = b.problems
			}
			topics := b.cfg.Vocab.Topics
			switch {
			case b.cfg.Vocab.Unread:
				topics = nil // not checked
			case topics == nil:
				topics = []string{} // none allowed
			}
			r.books[p.Path] = reading.DecodeBooks(p.Front, topics, b.siteURL, b.opt.Now)
		}
	}
}

func (r *readingLists) pages(b *builder) []*site.Page { return nil }

func (r *readingLists) assembled(b *builder) {
	r.lists = nil
	var index *site.Page
	for _, p := range b.site.Pages {
		if p.Source == nil {
			continue
		}
		if p.Kind == site.KindSection && p.URL == "/reading/" {
			index = p
			continue
		}
		books, ok := r.books[p.Source.Path]
		if !ok {
			continue
		}
		list := reading.List{Title: p.Title, Description: p.Description, URL: p.URL, Permalink: p.Permalink, Books: books}
		r.lists = append(r.lists, list)
		p.Data = reading.NewPage(list)
		// A broken link in a book's note is reported at the note.
		p.Links = nil
		for _, bk := range books {
			for _, l := range bk.NoteRefs {
				p.Links = append(p.Links, markdown.Link{Dest: l.URL, Line: l.Line, Col: l.Col})
			}
		}
		abs := list
		abs.URL = p.Permalink
		if ld, err := reading.JSONLD(abs); err == nil {
			p.JSONLD = json.RawMessage(ld)
		}
		p.Alternates = append(p.Alternates,
			site.Alternate{Type: "application/x-bibtex", Title: p.Title + " (BibTeX)", URL: list.BibURL()},
			site.Alternate{Type: "application/x-research-info-systems", Title: p.Title + " (RIS)", URL: list.RISURL()})
	}
	if index != nil {
		// Lists in the order the section shows them.
		order := map[string]int{}
		for i, q := range index.Pages {
			order[q.URL] = i
		}
		sorted := make([]reading.List, len(r.lists))
		copy(sorted, r.lists)
		sortBy(sorted, func(l reading.List) int { return order[l.URL] })
		index.Data = reading.NewIndexPage(sorted, b.cfg.Vocab.Topics...)
	}
}

func (r *readingLists) rendered(b *builder, p *site.Page, md *markdown.Result) {}

func (r *readingLists) finish(b *builder) {
	for _, l := range r.lists {
		b.writeData(strings.TrimPrefix(l.BibURL(), "/"), reading.BibTeX(l))
		b.writeData(strings.TrimPrefix(l.RISURL(), "/"), reading.RIS(l))
	}
}
