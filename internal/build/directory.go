package build

import (
	"html/template"
	"io/fs"
	"strings"

	"sitegen/internal/directory"
	"sitegen/internal/markdown"
	"sitegen/internal/site"
)

// practitioners publishes the register: the directory, the profiles, the
// registration check, the training page, vCards and the browser's data.
// A site without content/practitioners/ and content/schools/ has none of
// these pages.
type practitioners struct {
	dir  *directory.Directory
	safe *markdown.Renderer // bios: raw HTML never allowed
	on   bool
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
	md := func(src string) (template.HTML, error) {
		res, err := d.safe.Convert([]byte(src), markdown.Doc{})
		if err != nil {
			return "", err
		}
		return template.HTML(res.HTML), nil
	}
	specs, err := d.dir.Pages(b.cfg, md)
	if err != nil {
		b.problems.Errorf("content/practitioners", 0, 0, "cannot make the directory pages: %v", err)
		return nil
	}
	out := make([]*site.Page, 0, len(specs))
	for _, s := range specs {
		out = append(out, &site.Page{
			Kind: site.KindData, Title: s.Title, Description: s.Description, URL: s.URL,
			Template: s.Template, Data: s.Data, JSONLD: s.JSONLD, File: s.Source, Line: s.Line,
		})
	}
	return out
}

func (d *practitioners) assembled(b *builder) {}

func (d *practitioners) rendered(b *builder, p *site.Page, md *markdown.Result) {}

func (d *practitioners) finish(b *builder) {
	if !d.on {
		return
	}
	for _, f := range d.dir.Files() {
		b.writeData(strings.TrimPrefix(f.Path, "/"), f.Data)
	}
}
