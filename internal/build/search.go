package build

import (
	"context"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"sync"

	"sitegen/internal/diag"
	"sitegen/internal/directory"
	"sitegen/internal/markdown"
	"sitegen/internal/pool"
	"sitegen/internal/reading"
	"sitegen/internal/search"
	"sitegen/internal/site"
)

// siteSearch builds the search index: every content page as it is
// rendered (its title, headings, text and tags), the generated pages a
// visitor looks for by name (see pageDoc), then the books of the reading
// lists, the listed practitioners and the training providers.
//
// A site has search when its layouts have a search page
// (layouts/search.html); without one, nothing is indexed.
//
// Documents are numbered for the index's fragment packs in the order of
// the site's pages, then the books, practitioners and schools in the order
// extraDocs lists them, so packs do not depend on which worker renders
// first. The render step renders the pages with Markdown first, then
// indexes the extra documents on its pool (tail), and the index is
// finished on a goroutine of its own while the other pages render (start).
//
// In a Builder's builds, rendered only collects the documents: finish
// hands them to the Builder, which indexes them with the analyses it kept
// of the documents that did not change (see Builder).
type siteSearch struct {
	ix      *search.Indexer
	numbers sync.Once
	number  map[*site.Page]int
	docs    []*search.Doc // by number, in a Builder's builds; nil for a skipped one
	// finishing is the Finish that start began.
	finishing sync.WaitGroup
}

func (s *siteSearch) frontKeys(string) []string { return nil }

func (s *siteSearch) load(b *builder) {
	s.ix = nil
	if _, err := fs.Stat(b.fsys, "layouts/search.html"); err == nil {
		s.ix = search.NewVocabularyWith(b.cfg.Synonyms).NewIndexer()
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

// numberPages numbers the site's pages for the index, once.
func (s *siteSearch) numberPages(b *builder) {
	s.numbers.Do(func() {
		s.number = make(map[*site.Page]int, len(b.site.Pages))
		for i, q := range b.site.Pages {
			s.number[q] = i
		}
		if b.inc != nil {
			s.docs = make([]*search.Doc, len(b.site.Pages))
		}
	})
}

// hasDoc reports whether a page is a document of the index: a published
// page with Markdown of its own that is not kept out of search (noindex).
func hasDoc(p *site.Page) bool {
	return p.Source != nil && !p.Draft && !p.Future && !p.NoIndex && p.Kind != site.Kind404
}

// pageDoc returns the document of a generated page that search lists
// (site.Page.Search): the practitioner directory, a region's first page
// of it and, in a region too large for one page, each town's first page
// (a visitor types a town's name: "Frithwick" finds "Practitioners in
// Frithwick" with how many work there, beside the practitioners
// themselves), the registration check, the training page, a section without an
// _index.md, and a lapsed practitioner's former profile, which search
// engines are kept from but a patient who types that name must find: it
// says they are not on the register. Its title, description and keywords
// say what the page is for; what it lists is not repeated, as the
// practitioners, schools and pages it lists are documents of their own.
//
// Tag pages are not documents: a tag is already in the tags of each page
// that has it, which a search for the tag finds, and a tag page's title,
// its tag alone, would rank above the pages themselves and above the
// page a tag is named after (the tag "training" above /training/).
func pageDoc(p *site.Page) (search.Doc, bool) {
	if p.Source != nil || !p.Search || p.Kind == site.Kind404 {
		return search.Doc{}, false
	}
	return search.Doc{URL: p.URL, Kind: "page", Title: p.Title, Description: p.Description,
		Keywords: slices.Clone(p.Keywords)}, true
}

// needs reports whether the index waits for p: pages that are documents.
func (s *siteSearch) needs(b *builder, p *site.Page) bool {
	return s.ix != nil && b.inc == nil && hasDoc(p)
}

// rendered indexes a content page. It runs on the render workers.
func (s *siteSearch) rendered(b *builder, p *site.Page, md *markdown.Result) {
	if s.ix == nil {
		return
	}
	s.numberPages(b)
	n, ok := s.number[p]
	if !ok {
		return
	}
	if x := b.inc; x != nil && x.fast && !x.swapped[p] && x.search != nil && x.search.lastList != nil {
		// The page is the last build's: so is its document (Builder.index).
		return
	}
	if md == nil || !hasDoc(p) {
		return // tail indexed the page (pageDoc) or skipped its number
	}
	kind := "page"
	if p.Section == "articles" && p.Kind == site.KindPage {
		kind = "article"
	}
	doc := search.Doc{URL: p.URL, Kind: kind, Title: p.Title, Description: p.Description, Date: p.Date,
		Tags: make([]string, 0, len(p.Tags)), Sections: searchSections(md.Sections)}
	for _, t := range p.Tags {
		doc.Tags = append(doc.Tags, t.Name)
	}
	if b.inc != nil {
		s.docs[n] = &doc
		return
	}
	files, err := s.ix.Add(n, doc)
	s.written(b, n, files, err)
}

// written writes the fragment packs the index hands back for document n,
// or reports its error. The documents are added side by side; their
// errors, which have no place in a file, are reported in the order of the
// documents' numbers (see firstPages), whichever was added first.
func (s *siteSearch) written(b *builder, n int, files []search.File, err error) {
	if err != nil {
		b.once.add(err.Error(), "", n, diag.Problem{Msg: err.Error()})
		return
	}
	for _, f := range files {
		b.writeIndex(f.Path, f.Data)
	}
}

// extraDocs returns the books, practitioners and schools, numbered after
// the pages in this order.
func (s *siteSearch) extraDocs(b *builder) []search.Doc {
	var extra []search.Doc
	for _, e := range b.ext {
		switch e := e.(type) {
		case *readingLists:
			for _, l := range e.lists {
				for _, bk := range l.Books {
					extra = append(extra, bookDoc(l, bk))
				}
			}
		case *practitioners:
			if e.dir == nil {
				continue
			}
			for _, p := range e.dir.Current() {
				extra = append(extra, practitionerDoc(p, e.bioSections(p.URL())))
			}
			for _, sc := range e.dir.Schools {
				if d, ok := schoolDoc(sc); ok {
					extra = append(extra, d)
				}
			}
		}
	}
	return extra
}

// tail indexes the generated pages that are documents (a few, with a
// title and a sentence each) and skips the numbers of the pages that are
// not, then returns the jobs that index the books, practitioners and
// schools on the render pool, after the pages with Markdown. A Builder's
// builds index them in finish.
func (s *siteSearch) tail(b *builder) []func() {
	if s.ix == nil || b.inc != nil {
		return nil
	}
	s.numberPages(b)
	for i, p := range b.site.Pages {
		if hasDoc(p) {
			continue
		}
		var files []search.File
		var err error
		if d, ok := pageDoc(p); ok {
			files, err = s.ix.Add(i, d)
		} else {
			files, err = s.ix.Skip(i)
		}
		s.written(b, i, files, err)
	}
	extra := s.extraDocs(b)
	n := len(b.site.Pages)
	const batch = 64
	jobs := make([]func(), 0, len(extra)/batch+1)
	for lo := 0; lo < len(extra); lo += batch {
		jobs = append(jobs, func() {
			for i := lo; i < min(lo+batch, len(extra)); i++ {
				files, err := s.ix.Add(n+i, extra[i])
				s.written(b, n+i, files, err)
			}
		})
	}
	return jobs
}

// start finishes the index once every document is in, on a goroutine of
// its own: the entry file, the shards and the last fragment packs are
// written while the pages that are not documents render.
func (s *siteSearch) start(b *builder) {
	if s.ix == nil || b.inc != nil {
		return
	}
	s.finishing.Go(func() {
		files, stats := s.ix.Finish()
		for _, f := range files {
			b.writeIndex(f.Path, f.Data)
		}
		b.res.IndexBytes = stats.EntryBytes + stats.ShardBytes + stats.ChunkBytes + stats.FragmentBytes
	})
}

func (s *siteSearch) finish(b *builder) {
	if s.ix == nil {
		return
	}
	if b.inc != nil {
		if s.docs == nil {
			s.docs = make([]*search.Doc, len(b.site.Pages))
		}
		for i, p := range b.site.Pages {
			if d, ok := pageDoc(p); ok {
				s.docs[i] = &d
			}
		}
		extra := s.extraDocs(b)
		for i := range extra {
			s.docs = append(s.docs, &extra[i])
		}
		b.inc.index(b, s.docs)
		return
	}
	// The render step added every document and started Finish.
	s.finishing.Wait()
}

func bookDoc(l reading.List, bk reading.Book) search.Doc {
	d := search.Doc{
		URL: l.URL + "#" + bk.Anchor(), Kind: "book", Title: bk.Title,
		Description: strings.TrimSpace(bk.AuthorSentence() + " On the list " + l.Title + "."),
		Keywords:    slices.Concat(bk.Authors, bk.Editors),
		Tags:        bk.Topics,
	}
	if bk.ISBN13 != "" {
		d.Keywords = append(d.Keywords, bk.ISBN13)
	}
	// The publisher is a tag, weighed less than a title: as a keyword,
	// "North Atlantic Books" put that publisher's titles first for
	// "books", above the reading lists.
	if bk.Publisher != "" {
		d.Tags = append(slices.Clip(d.Tags), bk.Publisher)
	}
	if note := reading.NotePlain(bk.Note); note != "" {
		d.Sections = []search.Section{{Text: note}}
	}
	return d
}

// practitionerDoc is the search document of a practitioner's profile;
// bio is the plain text of the rendered bio.
func practitionerDoc(p *directory.Practitioner, bio []markdown.Section) search.Doc {
	var towns []string
	// The registration number is in the description alone: every number
	// starts with the same prefix, and as a keyword, weighed like a
	// title, it put every profile first for "cst" alone. The digits are
	// what find a practitioner by number, and no other page has them.
	d := search.Doc{URL: p.URL(), Kind: "practitioner", Title: p.Name}
	var regions []string
	for _, l := range p.Locations {
		d.Keywords = append(d.Keywords, l.Town, l.District())
		towns = append(towns, l.Town)
		if !slices.Contains(regions, l.Region) {
			regions = append(regions, l.Region)
		}
	}
	// What a patient looks for besides a name and a place: the region,
	// the languages spoken, access and whether they take new clients, as
	// keywords; the therapies and further training (a paediatric
	// certificate) as tags, which weigh less. They describe the practice
	// in the words every page of the site uses ("craniosacral therapy"):
	// as keywords, weighed like a title, they put every profile above the
	// article that explains what craniosacral therapy is.
	d.Keywords = append(d.Keywords, regions...)
	d.Tags = append(d.Tags, p.Modalities...)
	for _, q := range p.Qualifications {
		d.Tags = append(d.Tags, q.Title)
	}
	if p.Paediatric() {
		// What a parent types is "baby" or "children", not "paediatric":
		// a profile that only says it does not treat them must not be
		// what they find, and one with the training must. The tag names
		// whom the practitioner treats and nothing else: a tag's words
		// count as a label, so a verb in it ("works with", "trained to")
		// put these profiles above the site's answers for "does it work"
		// or "training".
		d.Tags = append(d.Tags, "Babies and children")
	}
	if len(p.Languages) > 0 {
		// As a sentence, "Speaks English and Arabic", so that a visitor
		// who asks for an "Arabic speaking therapist" finds the profile
		// rather than every page that says "speak" and "therapist".
		d.Keywords = append(d.Keywords, "Speaks "+andList(p.Languages))
	}
	if p.Wheelchair() {
		d.Keywords = append(d.Keywords, "Wheelchair access")
	}
	if p.HomeVisits {
		d.Keywords = append(d.Keywords, "Home visits")
	}
	if p.Accepting {
		d.Keywords = append(d.Keywords, "Accepting new clients")
	}
	d.Description = p.Level + " practitioner in " + strings.Join(towns, ", ") + ". Registration " + p.Registration + "."
	d.Sections = searchSections(bio)
	return d
}

// andList joins words as a sentence does: "A", "A and B", "A, B and C".
func andList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// searchSections is a rendered text's sections, by heading, as the index
// takes them.
func searchSections(secs []markdown.Section) []search.Section {
	out := make([]search.Section, 0, len(secs))
	for _, sec := range secs {
		out = append(out, search.Section{Heading: sec.Heading, Anchor: sec.Anchor, Level: sec.Level, Text: sec.Text})
	}
	return out
}

func schoolDoc(sc *directory.School) (search.Doc, bool) {
	courses := sc.CurrentCourses()
	if len(courses) == 0 {
		return search.Doc{}, false
	}
	d := search.Doc{URL: "/training/#" + sc.Slug, Kind: "training", Title: sc.Name, Keywords: []string{sc.Region},
		Description: fmt.Sprintf("Accredited training provider in %s, running %s.", sc.Region, courseCount(len(courses)))}
	for _, c := range courses {
		// Labelled as the training page's table labels its columns, so
		// that "course length" or "entry requirements" finds the course
		// and its excerpt reads as the table does.
		var text []string
		if c.Length != "" {
			text = append(text, "Length of the course: "+c.Length)
		}
		if place := strings.Trim(c.Format+", "+c.Location, ", "); place != "" {
			text = append(text, "Format and place: "+place)
		}
		if c.Prerequisites != "" {
			text = append(text, "Entry requirements: "+c.Prerequisites)
		}
		d.Sections = append(d.Sections, search.Section{Heading: c.Title, Anchor: c.Anchor, Text: strings.Join(text, ". ")})
	}
	return d, true
}

// courseCount says how many accredited courses a school runs.
func courseCount(n int) string {
	if n == 1 {
		return "one accredited course"
	}
	return strconv.Itoa(n) + " accredited courses"
}

// searchCache is what a Builder keeps of the search index from build to
// build: one Vocabulary, made with site.yaml's synonyms, and each
// document's analysis by URL with the document it was made from. A
// document's analysis holds the synonyms of its words, so when site.yaml's
// synonyms change the cache is dropped and every document analysed again. A document equal to the kept one (its text
// is usually the very strings of the kept Markdown result, so comparing
// costs little) is not analysed again.
type searchCache struct {
	vocab *search.Vocabulary
	syn   search.Synonyms // site.yaml's synonyms, which vocab was made with
	docs  map[string]*analysedDoc
	ok    bool // the last index was built without problems
	// The last build's documents and analyses by number, for the fast
	// path, whose model is the last build's.
	lastDocs []*search.Doc
	lastList []*search.Analysis
}

type analysedDoc struct {
	doc *search.Doc
	a   *search.Analysis
}

func sameDoc(a, b *search.Doc) bool {
	if a.URL != b.URL || a.Kind != b.Kind || a.Title != b.Title || a.Description != b.Description ||
		!a.Date.Equal(b.Date) || !slices.Equal(a.Tags, b.Tags) || !slices.Equal(a.Keywords, b.Keywords) {
		return false
	}
	return slices.Equal(a.Sections, b.Sections)
}

// Index is a search index being finished after Build returned: on a
// rebuild that changed only Markdown bodies, the pages are published
// without waiting for the index, which cannot fail then (the documents
// are those of the last build, whose index had no problems).
type Index struct {
	vocab *search.Vocabulary
	list  []*search.Analysis // by document number; nil for a skipped number

	done  chan struct{} // closed when files is set or the index is superseded
	files map[string][]byte
	stats search.Stats
	state int // indexRunning, indexReady or indexSuperseded

	cancel  context.CancelFunc
	running chan struct{} // closed when the goroutine working on it returns
}

const (
	indexRunning = iota
	indexReady
	indexSuperseded
)

// Done is closed when the index's files are ready, or when a later
// successful build replaced the index before it was finished.
func (ix *Index) Done() <-chan struct{} { return ix.done }

// Files waits for Done and returns the index's files by output path, or
// false when the index was superseded.
func (ix *Index) Files() (map[string][]byte, bool) {
	<-ix.done
	return ix.files, ix.state == indexReady
}

// start works on the index in the background; it starts again from the
// beginning after stop.
func (ix *Index) start() {
	ctx, cancel := context.WithCancel(context.Background())
	ix.cancel, ix.running = cancel, make(chan struct{})
	go func() {
		defer close(ix.running)
		files := map[string][]byte{}
		st, err := indexAll(ctx, ix.vocab, ix.list, func(f search.File) { files[f.Path] = f.Data })
		if err == nil {
			ix.files, ix.stats, ix.state = files, st, indexReady
			close(ix.done)
		}
	}()
}

// stop stops the work on a running index and waits for it; it reports
// whether the index was still running.
func (ix *Index) stop() bool {
	if ix == nil || ix.cancel == nil {
		return false
	}
	ix.cancel()
	<-ix.running
	ix.cancel = nil
	return ix.state == indexRunning
}

// indexAll builds an index from analysed documents.
func indexAll(ctx context.Context, v *search.Vocabulary, list []*search.Analysis, write func(search.File)) (search.Stats, error) {
	ix := v.NewIndexer()
	for n, a := range list {
		if n%512 == 0 && ctx.Err() != nil {
			return search.Stats{}, ctx.Err()
		}
		var files []search.File
		var err error
		if a == nil {
			files, err = ix.Skip(n)
		} else {
			files, err = ix.AddAnalysis(n, a)
		}
		if err != nil {
			return search.Stats{}, err
		}
		for _, f := range files {
			write(f)
		}
	}
	files, st, err := ix.FinishContext(ctx)
	for _, f := range files {
		write(f)
	}
	return st, err
}

// index indexes a build's documents (by number, nil for a skipped one):
// it analyses those that are not as they were, then builds the index now,
// or on the fast path in the background (Rebuild.Index).
func (x *Builder) index(b *builder, docs []*search.Doc) {
	c := x.search
	if c == nil || !c.syn.Equal(b.cfg.Synonyms) {
		c = &searchCache{vocab: search.NewVocabularyWith(b.cfg.Synonyms), syn: b.cfg.Synonyms, docs: map[string]*analysedDoc{}}
		x.search = c
	}
	list := make([]*search.Analysis, len(docs))
	reuse := x.fast && c.lastList != nil
	var miss []int
	for n, d := range docs {
		if reuse && n < len(b.site.Pages) && !x.swapped[b.site.Pages[n]] {
			docs[n], list[n] = c.lastDocs[n], c.lastList[n]
			continue
		}
		if d == nil {
			continue
		}
		if e := c.docs[d.URL]; e != nil && sameDoc(e.doc, d) {
			list[n] = e.a
		} else {
			miss = append(miss, n)
		}
	}
	errs := make([]error, len(miss))
	pool.Run(len(miss), func(i int) {
		list[miss[i]], errs[i] = c.vocab.Analyse(*docs[miss[i]])
	})
	failed := false
	for i, n := range miss {
		if errs[i] != nil {
			b.problems.Errorf("", 0, 0, "%v", errs[i])
			failed = true
			continue
		}
		c.docs[docs[n].URL] = &analysedDoc{docs[n], list[n]}
	}
	if !x.fast {
		live := make(map[string]bool, len(docs))
		for _, d := range docs {
			if d != nil {
				live[d.URL] = true
			}
		}
		for u := range c.docs {
			if !live[u] {
				delete(c.docs, u)
			}
		}
	}
	if failed {
		c.ok, c.lastDocs, c.lastList = false, nil, nil
		return
	}
	c.lastDocs, c.lastList = docs, list
	if x.fast && c.ok {
		// The entry's name is known: links to it resolve as in a full build.
		b.links.AddFile("/" + search.EntryPath)
		x.next = &Index{vocab: c.vocab, list: list, done: make(chan struct{})}
		return
	}
	st, err := indexAll(context.Background(), c.vocab, list, func(f search.File) { b.writeIndex(f.Path, f.Data) })
	if err != nil {
		b.problems.Errorf("", 0, 0, "%v", err)
		c.ok, c.lastDocs, c.lastList = false, nil, nil
		return
	}
	c.ok = true
	b.res.IndexBytes = st.EntryBytes + st.ShardBytes + st.ChunkBytes + st.FragmentBytes
}
