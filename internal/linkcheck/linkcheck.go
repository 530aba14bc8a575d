// Package linkcheck finds broken internal links in rendered pages.
//
// While a page is rendered, Scan reads its HTML once (a byte scan for id,
// href and src attributes, far cheaper than a full parse) and keeps only
// what checking needs: the page's ids and its internal references. When
// every page is rendered, Check resolves each reference (relative to the
// page's URL) to a published page or file and its #fragment to an id on
// that page. A broken link written in Markdown is reported at its source
// line. One that comes from a layout is reported once, at the layout: at
// the line and column where it is written when the caller can find it
// there, else at line 1 of the page's layout, naming the first page it
// was found on and how many others. Pages are never held in memory for
// this.
//
// A broken link's message ends with a hint for the usual slips, when one
// fits: an id of the target page that is close to the fragment (case, a
// letter or two, or a repeated heading numbered from 1 as code hosts do:
// "; did you mean #dup-2?", or one that holds the fragment's words with
// others between them); a page for a path written as a content file
// from the root (/articles/safety.md); a file under static/ written with
// its folder (/images/a.png for ../../static/images/a.png); a page or
// file of the same folder whose name is a letter or two away, or starts
// with the name written (/images/after-sesion.png, /articles/safe/); and
// a file that sits beside the page in content/, which is not published.
package linkcheck

import (
	"bytes"
	"fmt"
	"html"
	"iter"
	"net/url"
	"path"
	"sort"
	"strconv"
	"strings"
	"sync"

	"sitegen/internal/diag"
	"sitegen/internal/link"
)

// Ref is a reference from a page to a URL on this site.
type Ref struct {
	URL  string // as written in the HTML, unescaped
	File string // source position, when the link was written in Markdown
	Line int
	Col  int
	// Written is the Markdown's relative destination that URL resolves
	// (../reading/ for /articles/reading/), when it is not the same.
	Written string
}

// Page is what the checker keeps of one rendered page.
type Page struct {
	URL      string
	File     string // the page's source file, "" for a generated page
	Template string
	// IDs are the page's ids, each followed by a NUL byte: one string per
	// page keeps the checker's memory small on large sites.
	IDs  string
	Refs []Ref
	// Unrendered marks a page the site has but the build could not
	// render, for a problem reported already: links to it, with any
	// fragment, are not reported again.
	Unrendered bool

	refs []uint32 // the checker's copy: Refs as places in its table
}

// HasID reports whether the page has an element with the id.
func (p *Page) HasID(id string) bool {
	i := strings.Index(p.IDs, id+"\x00")
	for i >= 0 {
		if i == 0 || p.IDs[i-1] == 0 {
			return true
		}
		j := strings.Index(p.IDs[i+1:], id+"\x00")
		if j < 0 {
			return false
		}
		i += 1 + j
	}
	return false
}

// Scan extracts ids (NUL-terminated, in one string) and internal
// references from rendered HTML.
func Scan(htmlSrc []byte) (ids string, refs []string) {
	var idb strings.Builder
	for name, at := range attributes(htmlSrc) {
		raw := htmlSrc[at[0]:at[1]]
		if bytes.IndexByte(raw, '&') >= 0 {
			raw = []byte(html.UnescapeString(string(raw)))
		}
		// An id is copied into ids; only an internal reference is made
		// a string of its own.
		if name == "id" {
			idb.Write(raw)
			idb.WriteByte(0)
		} else if internal(string(raw)) {
			refs = append(refs, string(raw))
		}
	}
	return idb.String(), refs
}

// Written returns the offsets in htmlSrc, a layout's source, of the
// values of the href and src attributes that Scan would read as ref,
// character references decoded (caf&eacute; is café, &amp; is &): where
// a layout writes a link that its pages have.
func Written(htmlSrc []byte, ref string) []int {
	var at []int
	for name, v := range attributes(htmlSrc) {
		raw := htmlSrc[v[0]:v[1]]
		if name != "id" && (string(raw) == ref || bytes.IndexByte(raw, '&') >= 0 && html.UnescapeString(string(raw)) == ref) {
			at = append(at, v[0])
		}
	}
	return at
}

// Made returns the offsets in htmlSrc, a layout's source, of the values of
// the href and src attributes that a template action makes, in part or
// whole: href="{{.URL}}", src="/images/{{.Name}}".
func Made(htmlSrc []byte) []int {
	var at []int
	for name, v := range attributes(htmlSrc) {
		if name != "id" && bytes.Contains(htmlSrc[v[0]:v[1]], []byte("{{")) {
			at = append(at, v[0])
		}
	}
	return at
}

// attributes yields the id, href and src attributes of htmlSrc, in order,
// each as its name and the bounds of its value (see attrAt).
func attributes(htmlSrc []byte) iter.Seq2[string, [2]int] {
	return func(yield func(string, [2]int) bool) {
		for i := 0; i < len(htmlSrc); {
			j := bytes.IndexByte(htmlSrc[i:], '=')
			if j < 0 {
				return
			}
			name, start, end, next := attrAt(htmlSrc, i+j)
			i = next
			if name != "" && !yield(name, [2]int{start, end}) {
				return
			}
		}
	}
}

// attrAt reads the attribute whose "=" is at s[eq], as HTML does: its
// name in any case, with white space allowed around the "=", and its
// value quoted with " or ', or unquoted up to white space or ">". It
// returns the name when it is id, href or src, lower-cased ("" for
// anything else), the value's bounds, and where to look for the next
// "=": past a quoted value whatever the attribute, so that a description
// or a label that mentions "href=/x/" is not read as a link. An unquoted
// value is read only inside a tag, so that prose that does is not either;
// a quoted one needs no such test, as text outside tags has its quotes
// escaped.
func attrAt(s []byte, eq int) (name string, start, end, next int) {
	next = eq + 1
	e := eq
	for e > 0 && isSpace(s[e-1]) {
		e--
	}
	st := e
	for st > 0 && isNameByte(s[st-1]) {
		st--
	}
	if st == e || st == 0 || !isSpace(s[st-1]) {
		return "", 0, 0, next // not an attribute: "a=b" in text, a URL's query
	}
	name = attrName(s[st:e])
	v := eq + 1
	for v < len(s) && isSpace(s[v]) {
		v++
	}
	if v >= len(s) {
		return "", 0, 0, len(s)
	}
	if q := s[v]; q == '"' || q == '\'' {
		k := bytes.IndexByte(s[v+1:], q)
		if k < 0 {
			return "", 0, 0, len(s)
		}
		return name, v + 1, v + 1 + k, v + 1 + k + 1
	}
	if name == "" {
		return "", 0, 0, next
	}
	end = v
	for end < len(s) && !isSpace(s[end]) && s[end] != '>' {
		end++
	}
	if end == v || !inTag(s, st) {
		return "", 0, 0, next
	}
	return name, v, end, end
}

// attrName returns n, an attribute's name, when it is "id", "href" or
// "src" in any case, lower-cased, or "" for anything else.
func attrName(n []byte) string {
	for _, want := range [...]string{"id", "href", "src"} {
		if len(n) != len(want) {
			continue
		}
		same := true
		for k := range len(want) {
			// ASCII letters only: c|0x20 is the lower case of a capital,
			// and no other byte becomes a lower-case letter.
			if n[k]|0x20 != want[k] {
				same = false
				break
			}
		}
		if same {
			return want
		}
	}
	return ""
}

// isNameByte reports whether c may be part of an attribute's name as
// layouts and Markdown write them (data-x, xlink:href, aria-label).
func isNameByte(c byte) bool {
	return 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == ':' || c == '.'
}

// inTag reports whether s[i] is inside a tag: the nearest "<" or ">"
// before it, within a tag's length, is a "<".
func inTag(s []byte, i int) bool {
	for j := i - 1; j >= 0 && j >= i-4096; j-- {
		switch s[j] {
		case '<':
			return true
		case '>':
			return false
		}
	}
	return false
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' }

// internal reports whether a reference points into this site.
func internal(v string) bool {
	if v == "" || strings.HasPrefix(v, "//") {
		return false
	}
	if i := strings.IndexAny(v, ":/?#"); i >= 0 && v[i] == ':' {
		return false // has a scheme: http:, mailto:, tel:, data:
	}
	return true
}

// Checker collects pages and checks them. Add is safe for concurrent use.
type Checker struct {
	// Source, when set, reports whether a file exists in the site's
	// folders (content/articles/hands.png): a link to a file beside its
	// page in content/ is told that such files are not published.
	Source func(file string) bool
	// Made, when set, finds where the layout named (page.html) makes a
	// link from a page's values (see the function Made), for links that
	// lead nowhere with a different address on each page.
	Made func(layout string) (file string, line, col int, ok bool)

	mu    sync.Mutex
	pages map[string]*Page
	files map[string]bool // other published files, as site paths (/sitemap.xml)
	table []Ref           // every distinct reference
	index map[Ref]uint32  // reference → its place in table

	// folders holds, for each folder of the site ("/images/"), the names
	// of the pages and files published in it, for the hint for a
	// mistyped name; made by Check when a link is first found broken.
	folders map[string][]string
}

// New returns an empty Checker.
func New() *Checker {
	return &Checker{pages: map[string]*Page{}, files: map[string]bool{}, index: map[Ref]uint32{}}
}

// Add records a rendered page. The checker keeps its own compact copy:
// each distinct reference is kept once and a page holds 4 bytes per
// reference, so the same menu link on ten thousand pages costs little.
func (c *Checker) Add(p *Page) {
	q := &Page{URL: p.URL, File: p.File, Template: p.Template, IDs: p.IDs, Unrendered: p.Unrendered, refs: make([]uint32, len(p.Refs))}
	c.mu.Lock()
	for i, r := range p.Refs {
		n, ok := c.index[r]
		if !ok {
			n = uint32(len(c.table))
			c.table = append(c.table, r)
			c.index[r] = n
		}
		q.refs[i] = n
	}
	c.pages[p.URL] = q
	c.mu.Unlock()
}

// AddFile records a published file that is not a page.
func (c *Checker) AddFile(sitePath string) {
	c.mu.Lock()
	c.files[sitePath] = true
	c.mu.Unlock()
}

// Check reports every broken reference as a warning (the caller decides
// whether warnings fail the build). A link written in Markdown is reported
// at its source position; a broken link that comes from a layout is
// reported once, naming the first page it was seen on and how many others,
// at the place locate finds it written (a layout file's line and column),
// else at the first page's layout. locate may be nil.
func (c *Checker) Check(list *diag.List, locate func(ref string) (file string, line, col int, ok bool)) {
	urls := make([]string, 0, len(c.pages))
	for u := range c.pages {
		urls = append(urls, u)
	}
	sort.Strings(urls)
	type layoutLink struct {
		page  *Page
		msg   string
		count int
	}
	var order []string
	fromLayout := map[string]*layoutLink{}
	// A reference from the site's root ("/articles/", "/tags/#x") means
	// the same on every page: the menu's and footer's links, on every
	// page, are resolved once each.
	verdict := make([]string, len(c.table))
	known := make([]bool, len(c.table))
	for _, u := range urls {
		p := c.pages[u]
		for _, n := range p.refs {
			r := c.table[n]
			var msg string
			switch {
			case known[n]:
				msg = verdict[n]
			case strings.HasPrefix(r.URL, "/") && !strings.HasPrefix(r.URL, "//"):
				msg = c.broken(p, r)
				verdict[n], known[n] = msg, true
			default:
				msg = c.broken(p, r)
			}
			if msg == "" {
				continue
			}
			if r.File != "" {
				list.Warnf(r.File, r.Line, r.Col, "%s", msg)
				continue
			}
			if l, ok := fromLayout[r.URL]; ok {
				l.count++
				continue
			}
			fromLayout[r.URL] = &layoutLink{page: p, msg: msg}
			order = append(order, r.URL)
		}
	}
	// A link that a layout makes from each page's own values, such as
	// href="{{.Page.Description}}", leads nowhere on every page, with a
	// different address on each: one mistake, reported once, with the
	// count of the others (singles, by layout), not once a page.
	singles := map[string][]*layoutLink{}
	var layouts []string
	for _, ref := range order {
		l := fromLayout[ref]
		where := "on " + l.page.URL
		if l.count > 0 {
			where += fmt.Sprintf(" and %d other pages", l.count)
		}
		if locate != nil {
			if file, line, col, ok := locate(ref); ok {
				list.Warnf(file, line, col, "%s (a link written here, found %s)", l.msg, where)
				continue
			}
		}
		if l.count == 0 {
			t := l.page.Template
			if singles[t] == nil {
				layouts = append(layouts, t)
			}
			singles[t] = append(singles[t], l)
			continue
		}
		list.Warnf("layouts/"+l.page.Template, 1, 1, layoutWrites, l.msg, where)
	}
	for _, t := range layouts {
		ls := singles[t]
		if len(ls) <= maxSingles {
			for _, l := range ls {
				list.Warnf("layouts/"+t, 1, 1, layoutWrites, l.msg, "on "+l.page.URL)
			}
			continue
		}
		if c.Made != nil {
			if file, line, col, ok := c.Made(t); ok {
				list.Warnf(file, line, col, "%s (a link made here from each page's values, found on %s, and %d other links, each on one page, that lead nowhere)", ls[0].msg, ls[0].page.URL, len(ls)-1)
				continue
			}
		}
		list.Warnf("layouts/"+t, 1, 1, "%s (the layout or a partial it uses writes this link on %s, and %d other links, each on one page, that lead nowhere: a link made from each page's own values, such as href=\"{{.Page.Description}}\", is the likely cause)", ls[0].msg, ls[0].page.URL, len(ls)-1)
	}
}

// layoutWrites is the warning for a broken link that a layout writes, at
// the layout: the problem, then where the link was found.
const layoutWrites = "%s (the layout or a partial it uses, or the menu in site.yaml, writes this link %s)"

// maxSingles is how many links, each found on one page, a layout may
// write to nowhere and have each reported; more are one mistake.
const maxSingles = 3

// broken explains why r (from page p) does not resolve, or returns "".
func (c *Checker) broken(p *Page, r Ref) string {
	u, err := url.Parse(r.URL)
	if err != nil {
		return "link " + r.URL + " is not a valid URL"
	}
	ref := r.URL
	if r.Written != "" {
		ref = r.Written // as the editor wrote it; the message names where it leads
	} else {
		ref = readable(ref)
	}
	target := u.Path
	if target == "" {
		target = p.URL
	} else if !strings.HasPrefix(target, "/") {
		base := p.URL
		if !strings.HasSuffix(base, "/") {
			base = path.Dir(base) + "/"
		}
		target = path.Join(base, target)
		if strings.HasSuffix(u.Path, "/") {
			target += "/"
		}
	}
	tp := c.page(target)
	if tp == nil {
		if c.files[target] {
			return ""
		}
		return "link to " + ref + ": no page or file is published at " + target + c.pathHint(p, r, target)
	}
	if frag := u.Fragment; frag != "" && !tp.Unrendered && !tp.HasID(frag) {
		return "link to " + ref + ": the page " + tp.URL + " has no heading or element with id \"" + frag + "\"" + idHint(tp, frag)
	}
	return ""
}

// readable returns ref with its accents and spaces as they read
// (/images/thé.png), not as the HTML encodes them (/images/th%C3%A9.png),
// unless decoding would make a character that ends a path (%23 is #).
func readable(ref string) string {
	if strings.IndexByte(ref, '%') < 0 {
		return ref
	}
	d, err := url.PathUnescape(ref)
	if err != nil {
		return ref
	}
	for _, c := range "/?#" {
		if strings.Count(d, string(c)) != strings.Count(ref, string(c)) {
			return ref
		}
	}
	return d
}

// page returns the page published at target, or nil.
func (c *Checker) page(target string) *Page {
	if q, ok := c.pages[target]; ok {
		return q
	} else if q, ok := c.pages[target+"/"]; ok && !strings.HasSuffix(target, "/") {
		return q
	} else if strings.HasSuffix(target, "/index.html") {
		return c.pages[strings.TrimSuffix(target, "index.html")]
	}
	return nil
}

// pathHint is the end of the message for a link to target, where nothing
// is published, when the link looks like one of the usual slips.
func (c *Checker) pathHint(p *Page, r Ref, target string) string {
	// A content file written as a path from the root: /articles/safety.md.
	if strings.HasSuffix(target, ".md") {
		if tp := c.page(strings.TrimSuffix(target, ".md") + "/"); tp != nil {
			if from := r.File; strings.HasPrefix(from, "content/") && strings.HasPrefix(tp.File, "content/") {
				return fmt.Sprintf("; did you mean %s or %s?", link.RelPath(path.Dir(from), tp.File), tp.URL)
			}
			return fmt.Sprintf("; did you mean %s?", tp.URL)
		}
	}
	// A relative link written as if from the page's file, as a code host
	// previews it: from content/articles/x.md, ../reading/ means /reading/,
	// but the page is at /articles/x/, one folder further down.
	if alt := c.fromFolder(p, r, target); alt != "" {
		return fmt.Sprintf("; a relative link starts from the page's address (%s), one folder below its file: did you mean %s?", p.URL, alt)
	}
	// A static file written with its folder: static/ is published at the
	// root.
	if rest, ok := strings.CutPrefix(target, "/static/"); ok {
		return fmt.Sprintf("; static/ is published at the site's root: did you mean /%s?", rest)
	}
	// A name mistyped: a page or file of the same folder a letter or two
	// away (/images/after-sesion.png), or one it starts (/articles/safe/).
	if near := c.nearName(target); near != "" {
		return fmt.Sprintf("; did you mean %s?", near)
	}
	// A file beside the page in content/.
	if c.Source != nil && p.File != "" && strings.HasPrefix(p.File, "content/") && strings.HasSuffix(p.File, ".md") {
		base := p.URL
		if !strings.HasSuffix(base, "/") {
			base = path.Dir(base) + "/"
		}
		if rest, ok := strings.CutPrefix(target, base); ok && rest != "" && !strings.HasSuffix(rest, "/") {
			file := path.Join(path.Dir(p.File), rest)
			if strings.HasPrefix(file, "content/") && c.Source(file) {
				dest := "static/images/" + path.Base(file)
				return fmt.Sprintf("; %s is beside the page, but files in content/ other than pages are not published: move it to %s and write /images/%s",
					file, path.Dir(dest)+"/", path.Base(file))
			}
		}
	}
	return ""
}

// fromFolder returns the URL the relative link r of page p gives from its
// file's folder, when something is published there and not at target.
func (c *Checker) fromFolder(p *Page, r Ref, target string) string {
	rel, ok := strings.CutPrefix(p.File, "content/")
	if r.Written == "" || !ok || !strings.HasSuffix(rel, ".md") {
		return ""
	}
	u, err := url.Parse(r.Written)
	if err != nil || u.Path == "" || strings.HasPrefix(u.Path, "/") {
		return ""
	}
	alt := path.Join("/", path.Dir(rel), u.Path)
	if strings.HasSuffix(u.Path, "/") && alt != "/" {
		alt += "/"
	}
	if alt == target || (c.page(alt) == nil && !c.files[alt]) {
		return ""
	}
	if u.Fragment != "" {
		alt += "#" + u.EscapedFragment()
	}
	return alt
}

// nearName returns the address of the page or file whose name is
// nearest to target's in the same folder, when it is a likely typo
// (diag.Suggest), or "".
func (c *Checker) nearName(target string) string {
	dir, name, ok := splitName(target)
	if !ok {
		return ""
	}
	if c.folders == nil {
		c.folders = map[string][]string{}
		add := func(u string) {
			if d, n, ok := splitName(u); ok {
				c.folders[d] = append(c.folders[d], n)
			}
		}
		for u := range c.pages {
			add(u)
		}
		for f := range c.files {
			add(f)
		}
	}
	near := diag.Suggest(name, c.folders[dir])
	if near == "" || near == name {
		return ""
	}
	if c.pages[dir+near+"/"] != nil {
		return dir + near + "/"
	}
	return dir + near
}

// splitName splits an address into its folder and its last name, without
// a page's closing slash: /articles/safety/ is /articles/ and safety.
func splitName(u string) (dir, name string, ok bool) {
	u = strings.TrimSuffix(u, "/")
	i := strings.LastIndexByte(u, '/')
	if i < 0 || i == len(u)-1 {
		return "", "", false
	}
	return u[:i+1], u[i+1:], true
}

// idHint is the end of the message for a link to a fragment that page tp
// has no id for: the id the link most likely means, or "".
func idHint(tp *Page, frag string) string {
	ids := strings.Split(strings.TrimSuffix(tp.IDs, "\x00"), "\x00")
	// Code hosts number a repeated heading's id from 1 (dup, dup-1);
	// this site, like goldmark, from 2 (dup, dup-2).
	if i := strings.LastIndexByte(frag, '-'); i > 0 {
		if n, err := strconv.Atoi(frag[i+1:]); err == nil && n >= 1 && tp.HasID(frag[:i]) {
			if next := frag[:i+1] + strconv.Itoa(n+1); tp.HasID(next) {
				return fmt.Sprintf("; did you mean #%s? (the second heading of one text gets -2 here, where a code host's preview gives -1)", next)
			}
		}
	}
	if s := diag.Suggest(frag, ids); s != "" {
		return fmt.Sprintf("; did you mean #%s?", s)
	}
	// A heading's words remembered with some left out, or a heading
	// that has gained words: #when-to-get-medical-help for
	// #when-to-stop-and-get-medical-help. The shortest such id.
	if s := withWords(strings.ToLower(frag), ids); s != "" {
		return fmt.Sprintf("; did you mean #%s?", s)
	}
	return ""
}

// withWords returns the shortest of ids that holds every hyphen-joined
// word of frag, in order, with others between them, when frag has two
// words or more; or "".
func withWords(frag string, ids []string) string {
	words := strings.Split(frag, "-")
	if len(words) < 2 {
		return ""
	}
	best := ""
	for _, id := range ids {
		if len(id) <= len(frag) || best != "" && len(id) >= len(best) {
			continue
		}
		rest := strings.Split(id, "-")
		k := 0
		for _, w := range rest {
			if k < len(words) && w == words[k] {
				k++
			}
		}
		if k == len(words) {
			best = id
		}
	}
	return best
}
