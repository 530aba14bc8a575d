// Package content reads the Markdown pages of a site: YAML front matter,
// then a Markdown body.
//
// A page file is decoded in one pass that never stops at the first problem:
//
//   - the text is made regular first: a byte order mark is dropped and CRLF
//     or CR line endings become LF, so files saved on any system simply work;
//     text that is not UTF-8 is reported at the line and column of the first
//     bad byte;
//   - the front matter opens at the first line that is not blank, a line
//     --- with or without spaces around it; front matter in TOML (+++) or
//     JSON, or closed with ... or +++ as other tools allow, is an error
//     at its line saying to write YAML between --- lines;
//   - the front matter is split off with github.com/adrg/frontmatter, using
//     the project's one YAML library through frontmatter.NewFormat, and
//     decoded field by field with yamldoc so that every problem (unknown key
//     with a did-you-mean, wrong type, missing title) names its file line;
//   - the body keeps its place in the file: BodyLine is the file line of the
//     body's first line, so Markdown and link errors point at the real line;
//   - every name that becomes a segment of the page's URL, and so a folder
//     of the output (its folders and file name, a slug, an alias's
//     segments), is at most config.MaxSegment bytes long, so that what
//     passes the check is a name the file system will write; and it must
//     be a name editors on macOS and Windows can hold too: not one Windows
//     keeps for a device (Reserved), nor one with an accent saved as a
//     mark of its own (Decomposed), which a typed address does not match.
//
// Sections may accept more front matter keys than the common ones (reading
// lists have `books`); Parse takes them as extra keys and hands back the
// decoded mapping for the section's own package to read.
package content

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"iter"
	"path"
	"regexp"
	"strings"
	"sync"
	"time"
	"unicode"

	"sitegen/internal/config"
	"sitegen/internal/diag"
	"sitegen/internal/fold"
	"sitegen/internal/yamldoc"

	"github.com/adrg/frontmatter"
	"golang.org/x/text/unicode/norm"
)

// Keys are the front matter keys every page accepts.
var Keys = []string{"title", "description", "date", "updated", "draft", "publish_date", "expiry_date",
	"tags", "weight", "slug", "aliases", "layout", "toc", "noindex"}

// Meta is the decoded front matter common to every page.
type Meta struct {
	Title       string
	Description string
	Date        time.Time
	Updated     time.Time
	Draft       bool
	PublishDate time.Time
	ExpiryDate  time.Time
	Tags        []string
	Weight      int
	Slug        string
	Aliases     []string
	Layout      string
	TOC         bool
	NoIndex     bool // kept out of the sitemap, the search index and search engines
}

// Page is one parsed Markdown file.
type Page struct {
	Path      string // relative to the site root, such as content/articles/safety.md
	Meta      Meta
	Body      []byte // Markdown after the front matter
	BodyLine  int    // file line on which Body starts
	BodyStart int    // byte offset of Body in the normalized file
	// Front is the decoded front matter, for sections with extra keys.
	Front yamldoc.Map
	// The positions below are part of the page's model: the development
	// server compares them (build's sameModel) to know that an edit
	// moved a problem without changing the meta. A new one goes there too.

	// AliasLines and AliasCols are the file lines and columns of each
	// alias, for redirect errors.
	AliasLines, AliasCols []int
	// TagPos are the file positions (line, column) of each tag, for
	// problems with tags.
	TagPos [][2]int
	// SlugLine and SlugCol are the file position of the slug's value,
	// for URL errors.
	SlugLine, SlugCol int
	// LayoutLine and LayoutCol are the file position of the layout's
	// value, for a layout that does not exist.
	LayoutLine, LayoutCol int
	// DateLine and DateCol are the file position of the date's value,
	// for a date too far ahead of the build date to be meant.
	DateLine, DateCol int
	// Placeholders are warnings about the placeholders (TODO) left in the
	// front matter. They are not in Parse's list: they count only when the
	// page is built (a draft's are expected while it is written), which
	// the build decides.
	Placeholders []diag.Problem
}

// Normalize drops a UTF-8 byte order mark and turns CRLF and lone CR line
// endings into LF. It returns src itself when there is nothing to change.
func Normalize(src []byte) []byte {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	if bytes.IndexByte(src, '\r') < 0 {
		return src
	}
	src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	return bytes.ReplaceAll(src, []byte("\r"), []byte("\n"))
}

var errNoFrontMatter = errors.New("no front matter")

// lines yields the lines of src from the offset pos on, each with its
// number (line is that of the line before pos) and its bounds in src, its
// line break included.
func lines(src []byte, pos, line int) iter.Seq2[int, [2]int] {
	return func(yield func(int, [2]int) bool) {
		for pos < len(src) {
			line++
			end := len(src)
			if n := bytes.IndexByte(src[pos:], '\n'); n >= 0 {
				end = pos + n + 1
			}
			if !yield(line, [2]int{pos, end}) {
				return
			}
			pos = end
		}
	}
}

// opening finds the line that opens the front matter: the first line
// that is not blank. It returns the line's number, the offset just after
// it and its text without the spaces around it.
func opening(src []byte) (line, next int, text string) {
	for n, l := range lines(src, 0, 0) {
		if t := bytes.TrimSpace(src[l[0]:l[1]]); len(t) > 0 {
			return n, l[1], string(t)
		}
	}
	return 0, len(src), ""
}

// frontMatterEnd returns the length of src up to the end of the first line
// from pos on that is exactly "---", or len(src) when there is none.
func frontMatterEnd(src []byte, pos int) int {
	for _, l := range lines(src, pos, 0) {
		if string(bytes.TrimSuffix(src[l[0]:l[1]], []byte("\n"))) == "---" {
			return l[1]
		}
	}
	return len(src)
}

// otherEnd returns the line of src, from pos on (line number line), that
// closes front matter in other tools (... or +++), and its text, or 0.
func otherEnd(src []byte, pos, line int) (int, string) {
	for n, l := range lines(src, pos, line) {
		if t := string(bytes.TrimSpace(src[l[0]:l[1]])); t == "..." || t == "+++" {
			return n, t
		}
	}
	return 0, ""
}

// frontMatterReaders are the buffered readers Parse hands to frontmatter,
// which reads through a bufio.Reader and takes one it is given as it is,
// instead of making a new 4 KB one for each page.
var frontMatterReaders = sync.Pool{New: func() any { return bufio.NewReader(nil) }}

// Parse decodes one page file. Problems go to list; Parse returns nil only
// when the file is unusable (not UTF-8, no front matter, broken YAML).
// extra names front matter keys this page's section accepts besides Keys.
func Parse(file string, src []byte, list *diag.List, extra ...string) *Page {
	src = Normalize(src)
	if !list.CheckUTF8(file, src, 0) {
		return nil
	}
	if len(bytes.TrimSpace(src)) == 0 {
		list.Errorf(file, 1, 1, "file is empty; start it with front matter: a line ---, then title: ..., then a line ---")
		return nil
	}
	// A line --- opens the front matter, with spaces around it or blank
	// lines before it, as frontmatter reads it.
	open, afterOpen, first := opening(src)
	switch {
	case first == "---":
	case first == "+++":
		list.Errorf(file, open, 1, "the front matter starts with +++, which other site generators read as TOML; this site reads YAML: write a line --- before and after it, and each key as title: A")
		return nil
	case strings.HasPrefix(first, "{"):
		list.Errorf(file, open, 1, "the front matter is written in JSON; this site reads YAML: write a line --- before and after it, and each key as title: A")
		return nil
	default:
		list.Errorf(file, 1, 1, "file has no front matter; start it with a line ---, then title: ..., then a line ---")
		return nil
	}
	var fm []byte
	format := frontmatter.NewFormat("---", "---", func(data []byte, v any) error {
		fm = data
		return nil
	})
	// frontmatter copies everything after the front matter; it is given
	// the file only up to the first line that is exactly ---, where it
	// stops at the latest, so the body is not copied.
	cut := frontMatterEnd(src, afterOpen)
	in := frontMatterReaders.Get().(*bufio.Reader)
	in.Reset(bytes.NewReader(src[:cut]))
	body, err := frontmatter.MustParse(in, nil, format)
	in.Reset(nil)
	frontMatterReaders.Put(in)
	if err != nil {
		if errors.Is(err, frontmatter.ErrNotFound) {
			if line, end := otherEnd(src, afterOpen, open); line > 0 {
				list.Errorf(file, line, 1, "the front matter ends with a line %s, which other tools accept but this site does not; write --- in its place", end)
			} else {
				list.Errorf(file, open, 1, "front matter opened on line %d is never closed; add a line --- after the last key", open)
			}
		} else {
			list.Errorf(file, 1, 1, "cannot read front matter: %v", err)
		}
		return nil
	}
	start := cut - len(body)
	p := &Page{Path: file, Body: src[start:], BodyStart: start}
	p.BodyLine = 1 + bytes.Count(src[:start], []byte("\n"))

	d := yamldoc.New(file, fm, open, list)
	root := d.Parse()
	if root == nil {
		return nil
	}
	keys := Keys
	if len(extra) > 0 {
		keys = append(append([]string(nil), Keys...), extra...)
	}
	m := d.Map(root, "front matter", keys...)
	p.Front = m
	p.Placeholders = d.Placeholders(root)
	meta := &p.Meta
	switch {
	case !m.IsMapping(): // Map has said what is wrong
	case !m.Has("title") && m.Suggested("title"): // a misspelt key's problem names it
	case !m.Has("title"):
		list.Errorf(file, open, 1, "front matter is missing required key \"title\"; add `title: ...`")
	default:
		m.Require("title")
	}
	m.OneLine("title", &meta.Title)
	meta.Title = strings.TrimSpace(meta.Title)
	m.Text("description", &meta.Description)
	if m.Date("date", &meta.Date) {
		p.DateLine, p.DateCol = d.Pos(m.Value("date"))
	}
	if m.Date("updated", &meta.Updated) && !meta.Date.IsZero() && meta.Updated.Before(meta.Date) {
		m.Warnf("updated", "updated (%s) is before date (%s), so the page would say it changed before it was written; check both dates",
			meta.Updated.Format("2006-01-02"), meta.Date.Format("2006-01-02"))
	}
	m.Date("publish_date", &meta.PublishDate)
	m.Date("expiry_date", &meta.ExpiryDate)
	m.Bool("draft", &meta.Draft)
	m.Bool("toc", &meta.TOC)
	m.Bool("noindex", &meta.NoIndex)
	m.Int("weight", &meta.Weight)
	m.Strings("tags", &meta.Tags)
	if v := m.Value("tags"); v != nil && len(v.Content) == len(meta.Tags) {
		for _, n := range v.Content {
			l, c := d.Pos(n)
			p.TagPos = append(p.TagPos, [2]int{l, c})
		}
	}
	for i, t := range meta.Tags {
		meta.Tags[i] = strings.TrimSpace(t)
		if meta.Tags[i] == "" {
			m.Errorf("tags", "tags must not be empty text")
		}
	}
	if m.Str("slug", &meta.Slug) {
		p.SlugLine, p.SlugCol = d.Pos(m.Value("slug"))
		if msg := checkSlug(meta.Slug); msg != "" {
			m.Errorf("slug", "slug %q %s", meta.Slug, msg)
			meta.Slug = ""
		}
	}
	for _, n := range m.Items("aliases") {
		a := n.Value
		if msg := CheckAlias(a); msg != "" {
			d.Errorf(n, "alias %q %s", a, msg)
			continue
		}
		meta.Aliases = append(meta.Aliases, a)
		l, c := d.Pos(n)
		p.AliasLines = append(p.AliasLines, l)
		p.AliasCols = append(p.AliasCols, c)
	}
	if m.Str("layout", &meta.Layout) {
		p.LayoutLine, p.LayoutCol = d.Pos(m.Value("layout"))
		if strings.Contains(meta.Layout, "..") || strings.HasPrefix(meta.Layout, "/") || strings.ContainsAny(meta.Layout, `\:`) {
			m.Errorf("layout", "layout %q must be a template name such as contact, not a path", meta.Layout)
			meta.Layout = ""
		}
	}
	if !meta.ExpiryDate.IsZero() && !meta.PublishDate.IsZero() && meta.ExpiryDate.Before(meta.PublishDate) {
		m.Errorf("expiry_date", "expiry_date is before publish_date; the page would never be shown")
	}
	checkPath(file, meta.Slug != "", list)
	return p
}

// checkPath reports a folder or file name of file (content/...) that
// cannot be a segment of the page's URL: one longer than
// config.MaxSegment, or with a character an address cannot hold as it is
// (a space, ?, #, %, a quote, a line break). The URL mirrors the path, and
// each of its segments becomes a folder of the output, a line of
// _redirects, a sitemap entry. The file name counts only when it makes a
// segment: not for a section's _index.md or index.md, nor when a slug
// replaces it. A capital letter is a warning: addresses are read in lower
// case, and Netlify serves them as written.
func checkPath(file string, slugged bool, list *diag.List) {
	dir, name := path.Split(strings.TrimPrefix(file, "content/"))
	if n := config.LongSegment(strings.TrimSuffix(dir, "/")); n > 0 {
		list.Errorf(file, 1, 1, "a folder in this page's path has a name of %d bytes, more than the %d a URL segment may have; shorten the folder's name", n, config.MaxSegment)
		return
	}
	for _, seg := range strings.Split(strings.TrimSuffix(dir, "/"), "/") {
		if why := Decomposed(seg); why != "" {
			list.Errorf(file, 1, 1, "the folder name %q %s; %s", seg, why, Rename("folder", seg, ""))
			return
		}
		if why := Reserved(seg); why != "" {
			list.Errorf(file, 1, 1, "%s", why)
			return
		}
		if r, bad := unsafeRune(seg); bad {
			list.Errorf(file, 1, 1, "the folder name %q contains %q, which a URL cannot hold as it is; %s", seg, r, Rename("folder", seg, ""))
			return
		}
	}
	if why := Reserved(name); why != "" {
		list.Errorf(file, 1, 1, "%s", why)
		return
	}
	name = strings.TrimSuffix(name, ".md")
	if name == "_index" || name == "index" || slugged {
		return
	}
	if len(name) > config.MaxSegment {
		list.Errorf(file, 1, 1, "the file name makes a URL segment of %d bytes, more than the %d a URL segment may have; shorten the file name, or give the page a shorter slug", len(name), config.MaxSegment)
		return
	}
	if why := Decomposed(name); why != "" {
		list.Errorf(file, 1, 1, "the file name %s; %s, or give the page a slug", why, Rename("file", name, ".md"))
		return
	}
	if r, bad := unsafeRune(name); bad {
		list.Errorf(file, 1, 1, "the file name contains %q, which a URL cannot hold as it is; %s, or give the page a slug", r, Rename("file", name, ".md"))
		return
	}
	if strings.ToLower(name) != name {
		list.Warnf(file, 1, 1, "the file name has capital letters, which its URL keeps; %s, or give the page a slug", Rename("file", name, ".md"))
	}
}

// Decomposed says how name has a letter saved as a letter and a mark of
// its own (é as e and U+0301), the decomposed form some Mac programs
// save names in, or returns "" when name is as a keyboard types it (NFC).
// The two forms look alike but are other bytes, so an address typed on a
// keyboard would not match the file's.
func Decomposed(name string) string {
	if norm.NFC.IsNormalString(name) {
		return ""
	}
	prev := rune(0)
	for _, r := range name {
		if unicode.Is(unicode.Mn, r) && prev != 0 {
			return fmt.Sprintf("has an accent saved as a mark of its own (%U after %c), as some Mac programs save names, and a link or address typed on a keyboard would not match it", r, prev)
		}
		prev = r
	}
	return "has letters saved in a decomposed form, as some Mac programs save names, and a link or address typed on a keyboard would not match it"
}

// Reserved says why name cannot be a file's or a folder's on Windows, or
// returns "": Windows keeps CON, PRN, AUX, NUL, CONIN$, CONOUT$, COM0 to
// COM9 and LPT0 to LPT9 (with ¹, ² and ³ as digits too), in any letter
// case and with any ending after a dot, for devices.
// No file of such a name can be made there, so a checkout of the site
// fails on Windows.
func Reserved(name string) string {
	stem, _, _ := strings.Cut(name, ".")
	low := strings.ToLower(strings.TrimRight(stem, " "))
	switch {
	case low == "con", low == "prn", low == "aux", low == "nul", low == "conin$", low == "conout$":
	case (strings.HasPrefix(low, "com") || strings.HasPrefix(low, "lpt")) && deviceDigit(low[3:]):
	default:
		return ""
	}
	return fmt.Sprintf("%s is a name Windows keeps for a device, whatever comes after its dot, so an editor on Windows cannot check out or open this file; rename it", stem)
}

// deviceDigit reports whether s is one digit as Windows counts a port's:
// 0 to 9, or a superscript ¹, ² or ³.
func deviceDigit(s string) bool {
	return len(s) == 1 && s[0] >= '0' && s[0] <= '9' || s == "¹" || s == "²" || s == "³"
}

// unsafeRune returns the first character of a URL segment that is not a
// letter, a digit, a hyphen, an underscore or a dot.
func unsafeRune(seg string) (rune, bool) {
	for _, r := range seg {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-' && r != '_' && r != '.' {
			return r, true
		}
	}
	return 0, false
}

// Rename is the advice to rename a file or folder (what) to its name's
// slug form, followed by ext.
func Rename(what, name, ext string) string {
	if s := fold.Slug(name); s != "" {
		return "rename the " + what + " " + s + ext
	}
	return "rename the " + what + " with lower-case letters, digits and hyphens"
}

// htmlExtRe matches the end of a file name of a web page.
var htmlExtRe = regexp.MustCompile(`(?i)\.html?$`)

// checkSlug returns why s cannot be a URL slug, or "".
func checkSlug(s string) string {
	switch {
	case s == "":
		return "is empty"
	case strings.Trim(s, "/") != s && strings.Trim(s, "/") != "" && !strings.ContainsAny(strings.Trim(s, "/"), `/\`) && checkSlug(strings.Trim(s, "/")) == "":
		return fmt.Sprintf("is one path segment, without slashes: the build adds them; write slug: %s", strings.Trim(s, "/"))
	case htmlExtRe.MatchString(s) && checkSlug(htmlExtRe.ReplaceAllString(s, "")) == "":
		// The page is written to <slug>/index.html and its address ends
		// in a slash: slug: about.html would be /about.html/.
		return fmt.Sprintf("ends in %s, but a slug is the last part of the page's address, which ends with a slash (/%s/); write slug: %s, and list the old address with .html under aliases if it was one",
			htmlExtRe.FindString(s), s, htmlExtRe.ReplaceAllString(s, ""))
	case strings.Contains(s, "/") || strings.Contains(s, `\`):
		return "must be one path segment (no /); use aliases for old URLs"
	case s == ".":
		return "names the section's own folder, not a page; write the page's name, such as first-visit"
	case s == ".." || strings.Contains(s, ".."):
		return "must not contain ..; nothing may be written outside the output folder"
	case len(s) > config.MaxSegment:
		return fmt.Sprintf("is %d bytes long, more than the %d a URL segment may have; shorten it", len(s), config.MaxSegment)
	}
	if why := invisible(s); why != "" {
		return why
	}
	if r, bad := unsafeRune(s); bad { // control characters are invisible, above
		if slug := fold.Slug(s); slug != "" {
			return fmt.Sprintf("contains %q; use lower-case letters, digits and hyphens, such as %s", r, slug)
		}
		return fmt.Sprintf("contains %q; use lower-case letters, digits and hyphens", r)
	}
	return ""
}

// invisible says which character of s, a slug or an alias, is a space
// or cannot be seen (a no-break space, a line separator, a zero-width
// joiner), or returns "". Such a character cannot be told apart from its
// neighbours in an editor or a review, and Netlify's _redirects reads
// spaces of every kind as the end of an address.
func invisible(s string) string {
	for _, r := range s {
		if r != ' ' && !unicode.IsPrint(r) { // every space but ' ' is unprintable too
			return fmt.Sprintf("contains %U, a space or a character that cannot be seen; retype it with visible characters only", r)
		}
	}
	return ""
}

// CheckAlias returns why a (site-absolute) alias URL is unusable, or "".
func CheckAlias(a string) string {
	if a == "/" {
		return "is the home page's URL; an alias is an old URL that no page has now"
	}
	if !strings.HasPrefix(a, "/") || strings.HasPrefix(a, "//") {
		return "must be a path on this site starting with /, such as /old/page/"
	}
	for _, seg := range strings.Split(a, "/") {
		if seg == ".." || seg == "." {
			return "must not contain . or .. segments; nothing may be written outside the output folder"
		}
	}
	if strings.ContainsAny(a, "\\ \t\n?#\"<>") {
		return "must not contain spaces, backslashes, quotes, ? or #"
	}
	if why := invisible(a); why != "" {
		return why
	}
	if strings.Contains(a, "*") || strings.Contains(a, "/:") {
		return "must not contain * or a part starting with :, which Netlify reads as a pattern matching many URLs; give each old URL as it was"
	}
	if path.Clean(a) != strings.TrimSuffix(a, "/") && path.Clean(a)+"/" != a {
		return "is not a clean path"
	}
	if n := config.LongSegment(a); n > 0 {
		return fmt.Sprintf("has a segment of %d bytes, more than the %d a URL segment may have; shorten it", n, config.MaxSegment)
	}
	return ""
}
