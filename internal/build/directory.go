package build

import (
	"html/template"
	"io/fs"
	"strings"
	"sync"

	"sitegen/internal/directory"
	"sitegen/internal/markdown"
	"sitegen/internal/pool"
	"sitegen/internal/site"
)

// practitioners publishes the register: the directory, the profiles, the
// registration check, the training page, vCards and the browser's data.
// A site without content/practitioners/ and content/schools/ has none of
// these pages.
type practitioners struct {
	dir   *directory.Directory
	safe  *markdown.Renderer // bios: raw HTML never allowed
	on    bool
	bios  []*bio          // rendered once the site is assembled, when links resolve
	bioAt map[string]*bio // the bios by profile URL
}

// bioSections returns the plain text of the rendered bio of the profile at
// url, by heading, for the search index: what a visitor reads, never the
// Markdown's link targets and marks.
func (d *practitioners) bioSections(url string) []markdown.Section {
	if bi := d.bioAt[url]; bi != nil {
		return bi.sections
	}
	return nil
}

// bio is a profile's bio waiting to be rendered into its page.
type bio struct {
	page       *site.Page
	text, file string
	line, col  int
	sections   []markdown.Section // its plain text, once rendered
}

func (d *practitioners) frontKeys(string) []string { return nil }

func (d *practitioners) load(b *builder) {
	d.on = false
	for _, dir := range []string{"content/practitioners", "content/schools"} {
		if fi, err := fs.Stat(b.fsys, dir); err == nil && fi.IsDir() {
			d.on = true
		}
	}
	if !d.on {
		return
	}
	d.dir = directory.Load(b.fsys, b.cfg, b.opt.Now, b.problems)
	d.safe = markdown.New(false)
}

func (d *practitioners) pages(b *builder) []*site.Page {
	if !d.on {
		return nil
	}
	// A bio's links name other pages, whose URLs are known once the site
	// is assembled: the bios are noted here and rendered then.
	var mu sync.Mutex
	waiting := map[string]*bio{}
	md := func(text, file string, line, col int, url string) (template.HTML, error) {
		mu.Lock()
		waiting[url] = &bio{text: text, file: file, line: line, col: col}
		mu.Unlock()
		return "", nil
	}
	specs, err := d.dir.Pages(b.cfg, md)
	if err != nil {
		b.problems.Errorf("content/practitioners", 0, 0, "cannot make the directory pages: %v", err)
		return nil
	}
	out := make([]*site.Page, 0, len(specs))
	d.bios = d.bios[:0]
	d.bioAt = waiting
	for _, s := range specs {
		p := &site.Page{
			Kind: site.KindData, Title: s.Title, Description: s.Description, URL: s.URL,
			Template: s.Template, Data: s.Data, JSONLD: s.JSONLD, File: s.Source, Line: s.Line, Origin: s.Origin,
			Search: s.Search, Keywords: s.Keywords, NoIndex: s.NoIndex, Continued: s.Continued,
		}
		if bi := waiting[s.URL]; bi != nil {
			bi.page = p
			d.bios = append(d.bios, bi)
		}
		out = append(out, p)
	}
	return out
}

// assembled renders the bios into their profiles. Their problems (a link
// to a missing page, a heading out of place) are reported at the lines of
// the practitioner's file.
func (d *practitioners) assembled(b *builder) {
	pool.Run(len(d.bios), func(i int) {
		bi := d.bios[i]
		res, err := d.safe.Convert([]byte(bi.text), markdown.Doc{
			File: bi.file, Dir: "practitioners", BodyLine: bi.line, Indent: bi.col - 1, Base: bi.page.URL, Site: b.siteURL, Resolve: b.site.Resolve, Unlinked: b.site.Unlinked, Near: b.site.Near, Level: 2,
			ImageSize: b.images.size,
		})
		if err != nil {
			b.problems.Errorf(bi.file, bi.line, 1, "cannot render the bio: %v", err)
			return
		}
		b.markdownProblems(bi.file, res)
		if pd, ok := bi.page.Data.(directory.ProfileData); ok {
			pd.Bio = template.HTML(res.HTML)
			bi.page.Data = pd
		}
		bi.page.Links = res.Links
		bi.sections = res.Sections
	})
}

func (d *practitioners) rendered(b *builder, p *site.Page, md *markdown.Result) {}

func (d *practitioners) finish(b *builder) {
	if !d.on {
		return
	}
	for _, f := range d.dir.Files() {
		b.writeData(strings.TrimPrefix(f.Path, "/"), f.Data)
	}
}
