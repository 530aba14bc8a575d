package build

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"html/template"
	"sort"
	"strings"
	"time"

	"sitegen/internal/phone"
	"sitegen/internal/site"
)

// feeds writes sitemap.xml, robots.txt, the Atom feed, _redirects and, for
// previews, _headers.
func (b *builder) feeds() {
	for _, f := range Sitemap(b.site) {
		b.writeData(f.Path, f.Body)
	}
	b.writeData("robots.txt", Robots(b.site))
	b.writeData("feed.xml", Feed(b.site, 20))
	if h := Headers(b.site); h != nil {
		b.writeData("_headers", h)
	}
	b.checkShadowedAliases()
	if r := Redirects(b.site); len(r) > 0 {
		b.writeData("_redirects", r)
	}
}

// checkShadowedAliases reports an alias that names a file the site
// publishes other than a page (a static file, the feed, a data file):
// Netlify serves a file that exists rather than follow a redirect from
// it, so such an alias would do nothing. An alias that is a page's URL is
// reported when the site is assembled.
func (b *builder) checkShadowedAliases() {
	for _, p := range b.site.Pages {
		if p.Source == nil {
			continue
		}
		for i, a := range p.Aliases {
			if b.site.ByURL[a] != nil {
				continue
			}
			rel := strings.TrimPrefix(strings.TrimSuffix(a, "/"), "/")
			for _, f := range []string{rel, rel + "/index.html", rel + ".html"} {
				if b.out.has(f) {
					b.problems.Errorf(p.File, p.Source.AliasLines[i], p.Source.AliasCols[i], "alias %s is the address of %s, which the site publishes; a redirect never replaces a file that exists, so remove the alias", a, f)
					break
				}
			}
		}
	}
}

func xmlText(s string) string {
	var buf bytes.Buffer
	_ = xml.EscapeText(&buf, []byte(s))
	return buf.String()
}

// The sitemaps.org limits of one sitemap file: 50,000 URLs and 50 MiB
// uncompressed. A crawler rejects a file over either.
const (
	sitemapMaxURLs  = 50000
	sitemapMaxBytes = 50 << 20
)

// File is a file the build writes: its path in the output folder and its
// content.
type File struct {
	Path string
	Body []byte
}

// Sitemap lists every indexable page with its last change: sitemap.xml,
// and, for a site over the protocol's limits, sitemap.xml as a sitemap
// index of sitemap-1.xml, sitemap-2.xml and so on. It returns the files
// by name, sitemap.xml first.
func Sitemap(s *site.Site) []File {
	return sitemaps(s, sitemapMaxURLs, sitemapMaxBytes)
}

func sitemaps(s *site.Site, maxURLs, maxBytes int) []File {
	const (
		head = `<?xml version="1.0" encoding="UTF-8"?>` + "\n"
		open = `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n"
		end  = "</urlset>\n"
	)
	var files [][]byte
	var b bytes.Buffer
	n := 0
	flush := func() {
		b.WriteString(end)
		files = append(files, bytes.Clone(b.Bytes()))
		b.Reset()
		n = 0
	}
	b.WriteString(head + open)
	for _, p := range s.Pages {
		if !p.Indexed() {
			continue
		}
		entry := "<url><loc>" + xmlText(p.Permalink) + "</loc>"
		if t := lastMod(p); !t.IsZero() {
			entry += "<lastmod>" + t.UTC().Format("2006-01-02") + "</lastmod>"
		}
		entry += "</url>\n"
		if n > 0 && (n == maxURLs || b.Len()+len(entry)+len(end) > maxBytes) {
			flush()
			b.WriteString(head + open)
		}
		b.WriteString(entry)
		n++
	}
	flush()
	if len(files) == 1 {
		return []File{{Path: "sitemap.xml", Body: files[0]}}
	}
	base := strings.TrimSuffix(s.Config.BaseURL, "/")
	var idx bytes.Buffer
	idx.WriteString(head + `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">` + "\n")
	out := []File{{Path: "sitemap.xml"}}
	for i, f := range files {
		name := fmt.Sprintf("sitemap-%d.xml", i+1)
		fmt.Fprintf(&idx, "<sitemap><loc>%s</loc></sitemap>\n", xmlText(base+"/"+name))
		out = append(out, File{Path: name, Body: f})
	}
	idx.WriteString("</sitemapindex>\n")
	out[0].Body = idx.Bytes()
	return out
}

func lastMod(p *site.Page) time.Time {
	if !p.Updated.IsZero() {
		return p.Updated
	}
	return p.Date
}

// Robots points crawlers at the sitemap. A preview lets crawlers fetch
// its pages but has no sitemap: it is kept out of search engines by the
// noindex that every page of it carries (a meta tag and the X-Robots-Tag
// header, see Headers), and a crawler that robots.txt turned away would
// never see that noindex and could still list a page it found linked.
func Robots(s *site.Site) []byte {
	if s.Preview {
		return []byte("# A preview build: not for search engines. Every page says noindex,\n# which crawlers only see if they may fetch it.\nUser-agent: *\nAllow: /\n")
	}
	return []byte("User-agent: *\nAllow: /\n\nSitemap: " + strings.TrimSuffix(s.Config.BaseURL, "/") + "/sitemap.xml\n")
}

// Feed is an Atom feed of the newest dated pages. A page marked noindex
// is left out: a feed is read by aggregators that republish and index
// what it lists, and noindex keeps a page out of search engines.
func Feed(s *site.Site, n int) []byte {
	var b bytes.Buffer
	base := strings.TrimSuffix(s.Config.BaseURL, "/")
	var items []*site.Page
	for _, p := range s.Latest {
		if len(items) == n {
			break
		}
		if !p.NoIndex {
			items = append(items, p)
		}
	}
	updated := time.Unix(0, 0).UTC()
	for _, p := range items {
		if t := lastMod(p); t.After(updated) {
			updated = t
		}
	}
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?>` + "\n")
	b.WriteString(`<feed xmlns="http://www.w3.org/2005/Atom">` + "\n")
	fmt.Fprintf(&b, "<title>%s</title>\n", xmlText(s.Config.Title))
	if s.Config.Description != "" {
		fmt.Fprintf(&b, "<subtitle>%s</subtitle>\n", xmlText(s.Config.Description))
	}
	fmt.Fprintf(&b, "<link href=\"%s/feed.xml\" rel=\"self\"/>\n<link href=\"%s/\"/>\n", xmlText(base), xmlText(base))
	fmt.Fprintf(&b, "<id>%s/</id>\n<updated>%s</updated>\n", xmlText(base), updated.UTC().Format(time.RFC3339))
	fmt.Fprintf(&b, "<author><name>%s</name></author>\n", xmlText(s.Config.OrgName()))
	for _, p := range items {
		b.WriteString("<entry>")
		fmt.Fprintf(&b, "<title>%s</title><link href=\"%s\"/><id>%s</id>", xmlText(p.Title), xmlText(p.Permalink), xmlText(p.Permalink))
		fmt.Fprintf(&b, "<published>%s</published><updated>%s</updated>", p.Date.UTC().Format(time.RFC3339), lastMod(p).UTC().Format(time.RFC3339))
		if p.Description != "" {
			fmt.Fprintf(&b, "<summary>%s</summary>", xmlText(p.Description))
		}
		b.WriteString("</entry>\n")
	}
	b.WriteString("</feed>\n")
	return b.Bytes()
}

// Redirects is Netlify's _redirects file: every alias to its page.
func Redirects(s *site.Site) []byte {
	type r struct{ from, to string }
	var rs []r
	for _, p := range s.Pages {
		for _, a := range p.Aliases {
			rs = append(rs, r{a, p.URL})
		}
	}
	sort.Slice(rs, func(i, j int) bool { return rs[i].from < rs[j].from })
	var b bytes.Buffer
	for _, x := range rs {
		fmt.Fprintf(&b, "%s %s 301\n", x.from, x.to)
	}
	return b.Bytes()
}

// jsonLD marshals v for a <script type="application/ld+json"> element:
// <, > and & are escaped as \u003c etc., so no value can close the script.
func jsonLD(v any) (template.JS, error) {
	if l, ok := v.(interface{ JSONValue() any }); ok {
		v = l.JSONValue()
	}
	b, err := json.Marshal(v)
	if err != nil {
		return "", err
	}
	return template.JS(b), nil
}

// telURL makes a tel: link from a UK number as written ("01632 960000"),
// by the rule of every number the site publishes (package phone), so
// that a layout cannot link a number that is not one.
func telURL(s string) (template.URL, error) {
	n, why := phone.Parse(s)
	if why != "" {
		return "", fmt.Errorf("%q is not a UK telephone number: %s; %s", s, why, phone.Advice)
	}
	return n.TelURL(), nil
}
