// Package render executes the site's layouts (Go html/template) for one page
// at a time: a page of the model in, HTML bytes out.
//
// layouts/ holds
//
//	base.html          the page shell; it calls {{template "main" .}}
//	partials/*.html    named templates ({{define "header"}}...) shared by all
//	<kind>.html        page.html, section.html, home.html, 404.html, tag.html,
//	                   tags.html, and any layout a page names in front matter
//	<section>/*.html   the same, for one section (articles/page.html)
//
// Every template other than base and partials defines "main". Load parses
// base and partials once and clones them for each template file, so the
// templates are parsed once per build and executed by every render worker
// (html/template is safe for concurrent execution).
//
// Template problems are reported at the template file and line:
// a syntax error when loading, a missing field or template when a page
// is rendered (the first occurrence of each). The usual ones are put in
// plain words (explain.go): a field the data has not ("the page has no
// field Contnet; did you mean Content?", from the data's own type), an
// action closed with a single }, a block left without its {{end}} (named
// at its own line), and a function that does not exist (with the ones
// that do). Load also warns at an <img> written with no alt attribute,
// and at an href or src attribute written with the site's own address in
// full (package link's OwnSite), which it gives from the root, and at a
// {{template "name"}} written without data where the template reads
// fields, which would print nothing (nodata.go).
package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"sitegen/internal/diag"
	"sitegen/internal/link"
	"sitegen/internal/workfile"
)

// Dir is the layouts folder, relative to the site root.
const Dir = "layouts"

// Templates are the parsed layouts.
type Templates struct {
	sets   map[string]*template.Template // kind file (relative to layouts/) -> set
	failed map[string]bool               // files that did not parse (already reported)
	root   *template.Template            // base and partials
	cache  sync.Map                      // cacheKey -> template.HTML
	src    map[string]string             // file (layouts/page.html) -> its text
	site   string                        // the site's own address, for ownSiteLinks
}

type cacheKey struct{ name, key string }

// Load parses every layout in fsys (the site root). Problems are reported
// to list; templates that fail to parse are left out. site is the site's
// own address (site.yaml's base_url), "" when unknown: a link a layout
// writes with it in full is a warning.
func Load(fsys fs.FS, funcs template.FuncMap, site string, list *diag.List) *Templates {
	t := &Templates{sets: map[string]*template.Template{}, failed: map[string]bool{}, src: map[string]string{}, site: site}
	var kinds, partials []string
	err := fs.WalkDir(fsys, Dir, func(p string, d fs.DirEntry, err error) error {
		if p != Dir && d != nil && workfile.Skip(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil // an editor's working file: .#page.html, page.html~
		}
		if err != nil {
			if !list.AddFrom(err) {
				list.Errorf(p, 0, 0, "%s", diag.CannotRead(p, err))
			}
			return nil
		}
		if !workfile.Read(fsys, p, d, list) || d.IsDir() || !strings.HasSuffix(p, ".html") {
			return nil
		}
		rel := strings.TrimPrefix(p, Dir+"/")
		switch {
		case rel == "base.html":
		case strings.HasPrefix(rel, "partials/"):
			partials = append(partials, p)
		default:
			kinds = append(kinds, p)
		}
		return nil
	})
	if err != nil {
		list.Errorf(Dir, 0, 0, "cannot read layouts: %v", err)
		return t
	}
	sort.Strings(partials)
	sort.Strings(kinds)
	root := template.New("").Funcs(funcs)
	names := slices.Sorted(maps.Keys(funcs))
	if !t.parseFile(fsys, root, Dir+"/base.html", names, list) {
		if _, err := fs.Stat(fsys, Dir+"/base.html"); err != nil && !list.AddFrom(err) {
			list.Errorf(Dir+"/base.html", 0, 0, "the base layout is missing; every page is rendered inside it")
		}
		return t
	}
	for _, p := range partials {
		t.parseFile(fsys, root, p, names, list)
	}
	t.root = root
	sets := []*template.Template{root}
	for _, k := range kinds {
		set, err := root.Clone()
		if err != nil {
			list.Errorf(k, 0, 0, "cannot prepare template: %v", err)
			continue
		}
		if t.parseFile(fsys, set, k, names, list) {
			t.sets[strings.TrimPrefix(k, Dir+"/")] = set
			sets = append(sets, set)
		} else {
			t.failed[strings.TrimPrefix(k, Dir+"/")] = true
		}
	}
	t.callsWithoutData(sets, list)
	return t
}

// parseFile parses the template file name into set and keeps its text for
// the columns of later problems; funcs are the names of the site's
// functions, for the message about one that does not exist.
func (t *Templates) parseFile(fsys fs.FS, set *template.Template, name string, funcs []string, list *diag.List) bool {
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		list.AddFrom(err) // a link out of the site is reported at the link
		return false
	}
	t.src[name] = string(src)
	if _, err := set.New(name).Parse(string(src)); err != nil {
		p := Problem(err, name)
		if p.File == name {
			p = explainParse(p, string(src), funcs)
		}
		list.Add(p)
		return false
	}
	imagesWithoutAlt(name, string(src), list)
	ownSiteLinks(name, string(src), t.site, list)
	return true
}

// linkAttr finds an href or src attribute and its value, quoted or not.
var linkAttr = regexp.MustCompile(`(?i)[\s"'/](?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'<>=` + "`" + `]+))`)

// ownSiteLinks warns at each href or src attribute of a layout whose
// value starts with the site's own address written in full, as a link in
// a page is warned at (link.OwnSite), and gives it from the root. A value
// that goes on with a template action is judged by its text before the
// action: href="https://example.org{{.URL}}" is {{.URL}} from the root.
func ownSiteLinks(name, src, site string, list *diag.List) {
	if site == "" {
		return
	}
	for _, m := range linkAttr.FindAllStringSubmatchIndex(src, -1) {
		start, end := -1, -1
		for g := 1; g <= 3; g++ {
			if m[2*g] >= 0 {
				start, end = m[2*g], m[2*g+1]
			}
		}
		value := src[start:end]
		written, rest := value, ""
		if i := strings.Index(value, "{{"); i >= 0 {
			written, rest = value[:i], value[i:]
		}
		root, ok := link.OwnSite(site, written)
		if !ok {
			continue
		}
		if rest != "" && root == "/" && !strings.HasSuffix(written, "/") {
			root = "" // the action writes the path, from its slash
		}
		line, col := diag.Position(src, start)
		list.Warnf(name, line, col, "link to %q, %s", value, link.OwnSiteAdvice(root+rest))
	}
}

// imagesWithoutAlt warns at each <img> a layout writes with no alt
// attribute, which screen readers make up for by reading out the file's
// name. A tag that holds a template action ({{if .Alt}}alt="…"{{end}}) is
// left to the browser tests: what it writes is known only when it runs.
func imagesWithoutAlt(name, src string, list *diag.List) {
	lower := strings.ToLower(src)
	for i := 0; ; {
		j := strings.Index(lower[i:], "<img")
		if j < 0 {
			return
		}
		i += j + len("<img")
		if i < len(src) && !strings.ContainsRune(" \t\n\r\f/>", rune(src[i])) {
			continue // <imgx>, another element
		}
		end := strings.IndexByte(src[i:], '>')
		if end < 0 {
			return
		}
		tag := lower[i : i+end]
		if strings.Contains(tag, "{{") || altAttr.MatchString(tag) {
			continue
		}
		line, col := diag.Position(src, i-len("<img"))
		list.Warnf(name, line, col, "an <img> has no alt attribute, so screen readers read out its file name instead; describe the picture in alt=\"…\", or write alt=\"\" if it is only decoration")
	}
}

// altAttr finds an alt attribute in a tag's text after its name.
var altAttr = regexp.MustCompile(`[\s/"']alt(\s*=|[\s/]|$)`)

// explained is an execution error whose message names a missing field in
// an editor's words.
type explained struct {
	msg string
	err error
}

func (e *explained) Error() string { return e.msg }
func (e *explained) Unwrap() error { return e.err }

// explain rewrites the usual execution errors in err in plain words: a
// missing field in terms of data's types (explainField), the others by
// explainRun.
func explain(err error, data any) error {
	if msg := explainRun(explainField(err.Error(), data), data); msg != err.Error() {
		return &explained{msg, err}
	}
	return err
}

// Has reports whether a template file exists (relative to layouts/).
func (t *Templates) Has(name string) bool { _, ok := t.sets[name]; return ok }

// Cached executes the partial name with data once per key and returns the
// same HTML for every later call with that key until Forget: the parts of
// a page that are the same on thousands of pages (the footer, the header
// for a given current menu entry) and a page's entry in every list that
// shows it (its section's pages, each of its tags) are rendered once per
// build. The key must name everything the partial's output depends on.
func (t *Templates) Cached(name, key string, data any) (template.HTML, error) {
	k := cacheKey{name, key}
	if v, ok := t.cache.Load(k); ok {
		return v.(template.HTML), nil
	}
	h, err := t.Partial(name, data)
	if err != nil {
		return "", err
	}
	t.cache.Store(k, h)
	return h, nil
}

// Partial executes the partial name with data, without the cache.
func (t *Templates) Partial(name string, data any) (template.HTML, error) {
	if t.root == nil {
		return "", fmt.Errorf("no templates loaded")
	}
	var buf bytes.Buffer
	if err := t.root.ExecuteTemplate(&buf, name, data); err != nil {
		return "", explain(err, data)
	}
	return template.HTML(buf.String()), nil
}

// Source returns the text of the layout file (layouts/page.html) as it
// was loaded, for finding where in it a problem is written.
func (t *Templates) Source(file string) (string, bool) {
	src, ok := t.src[file]
	return src, ok
}

// Defined returns the layout file and line where the partial name is
// defined ({{define "name"}}), or false.
func (t *Templates) Defined(name string) (file string, line int, ok bool) {
	if t.root == nil {
		return "", 0, false
	}
	tm := t.root.Lookup(name)
	if tm == nil || tm.Tree == nil {
		return "", 0, false
	}
	file = tm.Tree.ParseName
	src, ok := t.src[file]
	if !ok {
		return "", 0, false
	}
	line = 1
	if i := strings.Index(src, `define "`+name+`"`); i >= 0 {
		line += strings.Count(src[:i], "\n")
	}
	return file, line, true
}

// Forget empties the cache of Cached, so that a build that reuses the
// templates of the one before renders every cached part from its own
// pages.
func (t *Templates) Forget() { t.cache.Clear() }

// Failed reports whether a template file exists but did not parse; its
// problem is already reported.
func (t *Templates) Failed(name string) bool { return t.failed[name] }

// Execute renders the base layout with data, using the "main" of the
// template file name (relative to layouts/).
func (t *Templates) Execute(buf *bytes.Buffer, name string, data any) error {
	set, ok := t.sets[name]
	if !ok {
		return fmt.Errorf("no template %s", name)
	}
	if err := set.ExecuteTemplate(buf, Dir+"/base.html", data); err != nil {
		return explain(err, data)
	}
	return nil
}

// Problem is the problem of an error from Execute or Cached, at its
// layout's line and column. Go's templates count an error's column in
// bytes from 0; the column here counts characters from 1, as every other
// message of the build does and as editors do.
func (t *Templates) Problem(err error, fallback string) diag.Problem {
	p := Problem(err, fallback)
	src, ok := t.src[p.File]
	if !ok || p.Col <= 0 || p.Line <= 0 {
		return p
	}
	lines := strings.SplitN(src, "\n", p.Line+1)
	if p.Line > len(lines) {
		return p
	}
	line := lines[p.Line-1]
	if p.Col > len(line) {
		return p
	}
	p.Col = utf8.RuneCountInString(line[:p.Col]) + 1
	return p
}

var posRe = regexp.MustCompile(`(layouts/[^:\s"]+\.html):(\d+)(?::(\d+))?: `)

// Problem turns a template error into a problem at the template file and
// line. When one template's error is wrapped in another's (a partial
// rendered through cached), the innermost position is used. fallback
// names the file when the error names none.
func Problem(err error, fallback string) diag.Problem {
	msg := err.Error()
	if all := posRe.FindAllStringSubmatchIndex(msg, -1); len(all) > 0 {
		m := all[len(all)-1]
		line, _ := strconv.Atoi(msg[m[4]:m[5]])
		col := 0
		if m[6] >= 0 {
			col, _ = strconv.Atoi(msg[m[6]:m[7]])
		}
		return diag.Problem{File: msg[m[2]:m[3]], Line: line, Col: col, Msg: tidy(msg[m[1]:])}
	}
	return diag.Problem{File: fallback, Line: 1, Col: 1, Msg: tidy(strings.TrimPrefix(msg, "template: "))}
}

func tidy(msg string) string {
	msg = strings.TrimPrefix(msg, "template: ")
	if i := strings.Index(msg, `executing "`); i >= 0 {
		if j := strings.Index(msg[i:], ": "); j >= 0 {
			msg = msg[:i] + msg[i+j+2:]
		}
	}
	if strings.Contains(msg, "can't evaluate field") {
		msg += "; check the field name against the page data" // a type explain could not find
	}
	if strings.Contains(msg, "no such template") {
		msg += "; check the name in {{template}} against the {{define}}s in layouts/partials/"
	}
	return msg
}
