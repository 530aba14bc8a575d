package build

// Stage benchmarks, run only with -bench (make bench): each step of
// rendering an article, alone, over the articles of a generated site of
// stageArticles articles, with the site's own layouts and model.
//
//	BenchmarkStages/read         the source file read as a build reads it
//	BenchmarkStages/frontmatter  content.Parse of the whole file
//	BenchmarkStages/markdown     markdown Convert of the body
//	BenchmarkStages/templates    render Execute of the article layout
//	BenchmarkStages/search       search Indexer: Add every article, Finish
//	BenchmarkStages/minify       minify of the rendered page
//	BenchmarkStages/write        the output writer, written to disk
//
// One op is one page (search: the whole index; write: every page into a
// new output folder, published). MB/s is input bytes of
// the stage; pages/s and out-B/page (bytes the stage produces per page)
// are reported for each.

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sitegen/internal/benchcorpus"
	"sitegen/internal/content"
	"sitegen/internal/diag"
	"sitegen/internal/linkcheck"
	"sitegen/internal/markdown"
	"sitegen/internal/pool"
	"sitegen/internal/search"
	"sitegen/internal/site"
)

const stageArticles = 1000

// stagePage is one article with every stage's input prepared.
type stagePage struct {
	page     *site.Page
	file     []byte // the whole source file
	body     []byte
	doc      markdown.Doc
	md       *markdown.Result
	layout   string
	html     []byte // rendered, not minified
	minified []byte
}

// prepareStages loads and assembles a generated site the way Run does and
// renders each article once, keeping every stage's input.
func prepareStages(b *testing.B, dir string) (*builder, []*stagePage) {
	b.Helper()
	src := filepath.Join(dir, "site")
	if _, err := benchcorpus.Site(src, repoRoot, benchcorpus.Options{Articles: stageArticles}); err != nil {
		b.Fatal(err)
	}
	opt := Options{Src: src, DryRun: true, Now: benchNow, KeepSources: true}
	bd := &builder{opt: opt, problems: &diag.List{}, links: linkcheck.New(), fsys: os.DirFS(src)}
	bd.ext = []extension{&readingLists{}, &practitioners{}}
	bd.res = &Result{Problems: bd.problems}
	out, err := newOutput(opt)
	if err != nil {
		b.Fatal(err)
	}
	bd.out = out
	bd.load()
	bd.assemble()
	bd.copyAssets()
	if bd.problems.Failed(false) {
		b.Fatalf("the generated site does not build:\n%s", problemText(bd.problems))
	}
	var pages []*stagePage
	for _, p := range bd.site.Pages {
		if p.Source == nil || !strings.HasPrefix(p.Source.Path, "content/articles/") || p.Kind != site.KindPage {
			continue
		}
		sp := &stagePage{page: p, body: p.Source.Body}
		if sp.file, err = fs.ReadFile(bd.fsys, p.Source.Path); err != nil {
			b.Fatal(err)
		}
		rel := strings.TrimPrefix(p.Source.Path, "content/")
		sp.doc = markdown.Doc{File: p.File, Dir: path.Dir(rel), BodyLine: p.Source.BodyLine, Resolve: bd.site.Resolve, Base: p.URL}
		if sp.md, err = bd.md.Convert(sp.body, sp.doc); err != nil {
			b.Fatal(err)
		}
		name, ok := site.TemplateFor(p, bd.tmpl.Has)
		if !ok {
			b.Fatalf("no layout for %s", p.URL)
		}
		sp.layout = name
		p.Content = template.HTML(sp.md.HTML)
		var buf bytes.Buffer
		if err := bd.tmpl.Execute(&buf, name, &Data{Site: bd.site, Page: p}); err != nil {
			b.Fatal(err)
		}
		sp.html = buf.Bytes()
		var mbuf bytes.Buffer
		m, err := bd.mini.Bytes(&mbuf, "text/html", sp.html)
		if err != nil {
			b.Fatal(err)
		}
		sp.minified = bytes.Clone(m)
		pages = append(pages, sp)
	}
	if len(pages) != stageArticles {
		b.Fatalf("found %d article pages, want %d", len(pages), stageArticles)
	}
	return bd, pages
}

// stageMetrics reports pages/s and the average bytes in and out per page.
func stageMetrics(b *testing.B, pages []*stagePage, elapsed time.Duration, in, out func(*stagePage) int) {
	var inSum, outSum int
	for _, p := range pages {
		inSum += in(p)
		if out != nil {
			outSum += out(p)
		}
	}
	b.SetBytes(int64(inSum / len(pages)))
	if out != nil {
		b.ReportMetric(float64(outSum)/float64(len(pages)), "out-B/page")
	}
	if elapsed > 0 {
		b.ReportMetric(float64(b.N)/elapsed.Seconds(), "pages/s")
	}
}

func BenchmarkStages(b *testing.B) {
	tmp := b.TempDir()
	bd, pages := prepareStages(b, tmp)

	b.Run("read", func(b *testing.B) {
		s, err := newSiteFS(filepath.Join(tmp, "site"))
		if err != nil {
			b.Fatal(err)
		}
		defer s.close()
		rd := &builder{fsys: s}
		start := time.Now()
		for i := 0; b.Loop(); i++ {
			p := pages[i%len(pages)]
			_, release, err := rd.readSource(p.page.Source.Path)
			if err != nil {
				b.Fatal(err)
			}
			release()
		}
		stageMetrics(b, pages, time.Since(start), func(p *stagePage) int { return len(p.file) }, nil)
	})

	b.Run("frontmatter", func(b *testing.B) {
		list := &diag.List{}
		keys := bd.extraKeys("content/articles/x.md")
		start := time.Now()
		for i := 0; b.Loop(); i++ {
			p := pages[i%len(pages)]
			content.Parse(p.page.Source.Path, p.file, list, keys...)
		}
		stageMetrics(b, pages, time.Since(start),
			func(p *stagePage) int { return len(p.file) - len(p.body) }, nil)
		if list.Len() > 0 {
			b.Fatalf("front matter problems:\n%s", problemText(list))
		}
	})

	b.Run("markdown", func(b *testing.B) {
		start := time.Now()
		for i := 0; b.Loop(); i++ {
			p := pages[i%len(pages)]
			if _, err := bd.md.Convert(p.body, p.doc); err != nil {
				b.Fatal(err)
			}
		}
		stageMetrics(b, pages, time.Since(start),
			func(p *stagePage) int { return len(p.body) },
			func(p *stagePage) int { return len(p.md.HTML) })
	})

	b.Run("templates", func(b *testing.B) {
		var buf bytes.Buffer
		start := time.Now()
		for i := 0; b.Loop(); i++ {
			p := pages[i%len(pages)]
			p.page.Content = template.HTML(p.md.HTML)
			buf.Reset()
			if err := bd.tmpl.Execute(&buf, p.layout, &Data{Site: bd.site, Page: p.page}); err != nil {
				b.Fatal(err)
			}
		}
		stageMetrics(b, pages, time.Since(start),
			func(p *stagePage) int { return len(p.md.HTML) },
			func(p *stagePage) int { return len(p.html) })
	})

	b.Run("search", func(b *testing.B) {
		docs := searchDocs(pages)
		in := 0
		for _, d := range docs {
			for _, s := range d.Sections {
				in += len(s.Text)
			}
		}
		var st search.Stats
		start := time.Now()
		for b.Loop() {
			ix := search.NewIndexer()
			pool.Run(len(docs), func(i int) {
				if _, err := ix.Add(i, docs[i]); err != nil {
					b.Error(err)
				}
			})
			_, st = ix.Finish()
		}
		elapsed := time.Since(start)
		index := st.EntryBytes + st.ShardBytes + st.ChunkBytes + st.FragmentBytes
		b.SetBytes(int64(in))
		b.ReportMetric(float64(index), "index-B")
		b.ReportMetric(float64(index)/float64(len(docs)), "index-B/doc")
		b.ReportMetric(float64(b.N*len(docs))/elapsed.Seconds(), "pages/s")
	})

	// analyse: tokenising alone, one page at a time, with a vocabulary
	// that has met the corpus once already, as in the larger part of a
	// build of many pages.
	b.Run("analyse", func(b *testing.B) {
		docs := searchDocs(pages)
		vocab := search.NewVocabulary()
		for _, d := range docs {
			if _, err := vocab.Analyse(d); err != nil {
				b.Fatal(err)
			}
		}
		start := time.Now()
		for i := 0; b.Loop(); i++ {
			if _, err := vocab.Analyse(docs[i%len(docs)]); err != nil {
				b.Fatal(err)
			}
		}
		stageMetrics(b, pages, time.Since(start), func(p *stagePage) int {
			n := 0
			for _, s := range p.md.Sections {
				n += len(s.Text)
			}
			return n
		}, nil)
	})

	b.Run("minify", func(b *testing.B) {
		var mbuf bytes.Buffer
		start := time.Now()
		for i := 0; b.Loop(); i++ {
			p := pages[i%len(pages)]
			if _, err := bd.mini.Bytes(&mbuf, "text/html", p.html); err != nil {
				b.Fatal(err)
			}
		}
		stageMetrics(b, pages, time.Since(start),
			func(p *stagePage) int { return len(p.html) },
			func(p *stagePage) int { return len(p.minified) })
	})

	b.Run("write", func(b *testing.B) {
		run := 0
		var elapsed time.Duration
		n := 0
		for b.Loop() {
			// A new output folder every len(pages) writes, as a build
			// writes each page once.
			b.StopTimer()
			run++
			final := filepath.Join(tmp, fmt.Sprintf("write-%d", run))
			o, err := newOutput(Options{Src: filepath.Join(tmp, "site"), Out: final})
			if err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
			start := time.Now()
			for i := 0; i < len(pages); i++ {
				if err := o.write(pages[i].page.OutPath, pages[i].minified); err != nil {
					b.Fatal(err)
				}
			}
			if err := o.publish(); err != nil {
				b.Fatal(err)
			}
			elapsed += time.Since(start)
			n += len(pages)
			b.StopTimer()
			_ = os.RemoveAll(final)
			b.StartTimer()
		}
		total := 0
		for _, p := range pages {
			total += len(p.minified)
		}
		b.SetBytes(int64(total))
		b.ReportMetric(float64(total)/float64(len(pages)), "out-B/page")
		b.ReportMetric(float64(n)/elapsed.Seconds(), "pages/s")
		b.ReportMetric(float64(elapsed.Nanoseconds())/float64(n), "ns/page")
	})
}

// searchDocs returns the search documents of the pages, as the build
// makes them for articles.
func searchDocs(pages []*stagePage) []search.Doc {
	docs := make([]search.Doc, len(pages))
	for i, p := range pages {
		d := search.Doc{URL: p.page.URL, Kind: "article", Title: p.page.Title, Description: p.page.Description, Date: p.page.Date}
		for _, t := range p.page.Tags {
			d.Tags = append(d.Tags, t.Name)
		}
		for _, s := range p.md.Sections {
			d.Sections = append(d.Sections, search.Section{Heading: s.Heading, Anchor: s.Anchor, Level: s.Level, Text: s.Text})
		}
		docs[i] = d
	}
	return docs
}
