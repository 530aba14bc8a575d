// Package markdown turns page bodies into HTML with one shared goldmark
// instance, and reports what the rest of the build needs to know about each
// body in the same pass.
//
// The Renderer is made once per build and shared by every worker: goldmark
// is stateless, and everything that belongs to one document (its heading
// ids, its file name and line, how to resolve its links) travels in a Doc.
// Converting a body is three steps over one parse, after a look at the
// start of every line: a body with a line nested deeper than any reader
// can follow (more than MaxNesting block quotes and lists, or text more
// than MaxIndent columns in) is reported at that line and not parsed, as
// goldmark's time grows with the square of the depth.
//
//  1. parse with GitHub Flavored Markdown (tables, strikethrough, autolinks,
//     task lists), footnotes, definition lists, the typographer, heading
//     attributes ({#id}) and automatic heading ids that are stable (derived
//     from the heading text, folded as package fold folds text) and unique
//     per page. The extended autolinks (goldmark's linkify) are tried at
//     every space of the text; a body that holds none of what starts one
//     ("http:", "https:", "ftp:", "www.", "@") is parsed by the same configuration
//     built without them, which gives the same tree in less time;
//  2. walk the tree once: rewrite links written the way a code host previews
//     them ([safety](safety.md), [x](../articles/safety.md#risks)) to page
//     URLs; reject links the site's rule refuses (package link: schemes
//     other than http(s), mailto and tel, credentials, //host); collect
//     the headings (for the table of contents and search anchors), the text
//     of each heading's section (for the search index) and every link with
//     its file line and column (for the link checker). In a document with a
//     file, warn about headings that break the outline under the page's
//     title (Doc.Level), about link text that says nothing ("click
//     here") and about an image with no alt text (![], which tells
//     screen readers it is decoration; ![""] says so on purpose);
//  3. render to HTML. Raw HTML is dropped unless the site turns it on;
//     then step 2 has read it with an HTML5 tokenizer, as a browser
//     does, and refused whatever would run a script, load from another
//     site, send visitors on, or leave a tag or comment open where the
//     Markdown takes over again (checkRawHTML), so that the page is safe
//     without the site's Content-Security-Policy. A
//     table is put in a region of its own that scrolls when the table is
//     wider than the page, which Tab reaches and which is named after the
//     table's section (accessibleHTML); so is a code block, which a long line
//     makes scroll too. A task list's checkbox is labelled by its task.
//     A table cell's alignment (|---:|) is a class, align-right and so
//     on, as the site's Content-Security-Policy blocks style attributes.
//     A footnote's back-link is named after the reference it goes back
//     to, not its arrow.
//     An autolink, whose text is its address, has class="url", so that
//     printed it does not show the address twice.
package markdown

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"fmt"
	stdhtml "html"
	"net/url"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"sitegen/internal/diag"
	"sitegen/internal/fold"
	"sitegen/internal/link"
	"sitegen/internal/ordinal"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	xhtml "golang.org/x/net/html"
	"golang.org/x/text/unicode/norm"
)

// Renderer converts Markdown. It is safe for concurrent use.
type Renderer struct {
	md goldmark.Markdown
	// plain is md without the extended autolinks, for a body that holds
	// nothing one can start with (see mayAutolink). goldmark calls
	// linkify at every space, *, _, ~ and ( of the text; without it,
	// those are plain text to the parser, and a typical page parses
	// faster. The tree is the same.
	plain   parser.Parser
	rawHTML bool
}

// New returns a Renderer. rawHTML lets raw HTML in Markdown through; it is
// off for every input that comes from data files.
func New(rawHTML bool) *Renderer {
	var htmlOpts []renderer.Option
	if rawHTML {
		htmlOpts = append(htmlOpts, html.WithUnsafe())
	}
	md := func(withAutolinks bool) goldmark.Markdown {
		popts := []parser.Option{parser.WithAutoHeadingID(), parser.WithAttribute()}
		if withAutolinks {
			// GFM is linkify, tables, strikethrough and task lists.
			popts = append(popts, parser.WithInlineParsers(util.Prioritized(extension.NewLinkifyParser(), 999)))
		}
		return goldmark.New(
			// A cell's alignment is a class (see walk), not a style
			// attribute, which the Content-Security-Policy blocks.
			goldmark.WithExtensions(extension.NewTable(extension.WithTableCellAlignMethod(extension.TableCellAlignNone)), extension.Strikethrough, extension.TaskList,
				extension.Footnote, extension.DefinitionList, extension.Typographer),
			goldmark.WithParserOptions(popts...),
			goldmark.WithRendererOptions(append(htmlOpts, renderer.WithNodeRenderers(util.Prioritized(newAccessibleHTML(), 100)))...),
		)
	}
	return &Renderer{rawHTML: rawHTML, md: md(true), plain: md(false).Parser()}
}

// Doc is what the renderer needs to know about one document.
type Doc struct {
	File     string // site-relative path, for messages
	Dir      string // directory of the file inside content/, such as "articles"
	BodyLine int    // file line on which the body starts
	// Resolve maps a content path ("articles/safety.md") to its page URL.
	Resolve func(contentPath string) (string, bool)
	// Unlinked, when set, says why a content path Resolve does not know
	// has no page (see site.Site.Unlinked).
	Unlinked func(contentPath string) (why string, quiet, found bool)
	// Near, when set, names the page a link to a content path with no
	// page most likely means (see site.Site.Near), for the warning's hint.
	Near func(contentPath string) string
	// Base is the page URL, for resolving other relative links.
	Base string
	// Site, when set, is the site's own address (site.yaml's base_url):
	// a link written with it in full is a warning that gives the address
	// from the root.
	Site string
	// Indent is added to every column: the text sits indented in its file,
	// as the lines of a YAML block scalar do.
	Indent int
	// Level is the level of the heading the text sits under: 1, the page
	// title, when 0; a practitioner's bio sits under a level-2 heading.
	// Headings in the text must go below it one level at a time.
	Level int
	// Placeholders has every line of a paragraph or heading, every
	// table cell and every bold text that starts with a placeholder
	// (TODO, see diag.IsPlaceholder), and every italic "TODO: ...",
	// reported as a warning, for a page body. Text from a YAML file (a
	// bio) leaves it off: yamldoc has looked at its lines.
	Placeholders bool
	// OmittedHTML has raw HTML that the Renderer leaves out (raw HTML
	// off) reported as a warning at its line, for a page body: the
	// editor's text in it is lost. A bio leaves it off: raw HTML in a bio
	// is an error of its own.
	OmittedHTML bool
	// ImageSize, when set, gives the size in pixels of the image the
	// site publishes at a path (such as /images/hands.jpg), or false
	// when it has none or cannot tell. An image of known size is written
	// with its width and height, so the browser keeps its room while it
	// loads and the text below does not move.
	ImageSize func(path string) (width, height int, ok bool)
}

// Heading is a heading of the document.
type Heading struct {
	Level int
	ID    string
	Text  string
	// Offset is where the heading's text starts in the Markdown, for
	// a problem found later (see Line).
	Offset int
}

// Line is the line, in the file of a document of src whose Markdown
// starts at bodyLine, of the byte offset off of src: a heading's line from
// its Offset, counted only when a problem needs it.
func Line(src []byte, bodyLine, off int) int {
	return bodyLine + bytes.Count(src[:min(off, len(src))], []byte{'\n'})
}

// Section is the plain text under one heading (the first has no heading).
type Section struct {
	Heading string
	Anchor  string
	Level   int
	Text    string
}

// Link is a link or image destination after rewriting, where it was written.
type Link struct {
	Dest      string
	Line, Col int
	Image     bool
	Reported  bool // a missing page, already among the Result's problems
	// Written is the destination as written, for a relative link to
	// something other than a page's file (../reading/), which Dest has
	// resolved against the page's address: a broken one may have been
	// meant from the file's folder.
	Written string
}

// Problem is something wrong with the document, at a file position.
type Problem struct {
	Line, Col int
	Msg       string
	Warning   bool // a broken link: fails only strict builds
}

// Result is a converted document.
type Result struct {
	HTML     string
	Headings []Heading
	Sections []Section
	Links    []Link
	Problems []Problem
}

// Convert renders src, a page body. A body nested deeper than any reader
// can follow (see tooDeep) is not parsed: its Result has no HTML and one
// problem, at the line that goes too deep.
func (r *Renderer) Convert(src []byte, doc Doc) (*Result, error) {
	if p, deep := tooDeep(src, doc); deep {
		return &Result{Problems: []Problem{p}}, nil
	}
	root := r.parse(src)
	res := &Result{}
	if doc.File != "" {
		res.Problems = controlChars(src, doc)
	}
	w := walker{src: src, doc: doc, res: res, rawHTML: r.rawHTML,
		todo:      doc.Placeholders && bytes.Contains(src, []byte(diag.PlaceholderMarker)),
		footnotes: doc.File != "" && bytes.Contains(src, []byte("[^"))}
	// The section text is gathered in a buffer that serves document
	// after document: each section's text is copied out as a string.
	tb := textBuffers.Get().(*[]byte)
	w.text.b = (*tb)[:0]
	w.walk(root)
	w.flush()
	*tb = w.text.b[:0]
	textBuffers.Put(tb)
	// A link a page may not have is written as its text, as Link and
	// Image destinations become "#".
	for _, n := range w.bad {
		n.Parent().ReplaceChild(n.Parent(), n, ast.NewString(n.Label(src)))
	}
	// The HTML is built where it stays, in a strings.Builder, through a
	// reused bufio.Writer (goldmark makes one per call otherwise): one
	// allocation for the page's HTML, where a bytes.Buffer and the
	// string the layouts need would be two.
	var html strings.Builder
	html.Grow(len(src) + len(src)/4)
	bw := htmlWriters.Get().(*bufio.Writer)
	bw.Reset(&html)
	err := r.md.Renderer().Render(bw, src, root)
	bw.Reset(nil)
	htmlWriters.Put(bw)
	if err != nil {
		return nil, err
	}
	res.HTML = html.String()
	return res, nil
}

var htmlWriters = sync.Pool{New: func() any { return bufio.NewWriterSize(nil, 4096) }}

var textBuffers = sync.Pool{New: func() any { b := make([]byte, 0, 4096); return &b }}

// parse parses src into goldmark's tree.
func (r *Renderer) parse(src []byte) ast.Node {
	p := r.plain
	if mayAutolink(src) {
		p = r.md.Parser()
	}
	return p.Parse(text.NewReader(src), parser.WithContext(parser.NewContext(parser.WithIDs(newIDs()))))
}

// controlChars reports each line of src that has a control character
// other than a tab or a line break (one of U+0080 to U+009F named with
// the character of Windows-1252 it most likely stood for, as text from
// an older Windows program read with the wrong encoding has them), or a
// byte order mark (U+FEFF): HTML
// does not allow the first, browsers show neither, and they come in with
// text pasted from elsewhere (a word processor writes a line break in a
// paragraph as U+000B, a vertical tab; a byte order mark starts many a
// file that text is copied from). A byte order mark at the very start of
// a page's file is no text, and content.Normalize has dropped it before
// the body gets here. It looks at eight bytes at a time; text has few
// bytes under 0x20 besides its line breaks, and few 0xEF or 0xC2 bytes
// (the first of U+FEFF's three in UTF-8, and of U+0080 to U+00BF's two).
func controlChars(src []byte, doc Doc) []Problem {
	var out []Problem
	line, lineStart, last := doc.BodyLine, 0, -1
	for i := 0; i < len(src); {
		if i+8 <= len(src) {
			x := binary.LittleEndian.Uint64(src[i:])
			// A byte under 0x20, 0x7F (DEL) or 0xEF: the high bit of
			// its lane is set in one of the three.
			y := x ^ 0x7f7f7f7f7f7f7f7f // DEL lanes become 0
			z := x ^ 0xefefefefefefefef // 0xEF lanes become 0
			w := x ^ 0xc2c2c2c2c2c2c2c2 // 0xC2 lanes become 0
			if (x-0x2020202020202020)&^x&0x8080808080808080 == 0 && (y-0x0101010101010101)&^y&0x8080808080808080 == 0 &&
				(z-0x0101010101010101)&^z&0x8080808080808080 == 0 && (w-0x0101010101010101)&^w&0x8080808080808080 == 0 {
				i += 8
				continue
			}
		}
		c := src[i]
		var what string
		switch {
		case c == '\n':
			line++
			lineStart = i + 1
		case c < 0x20 && c != '\t' && c != '\r' || c == 0x7f:
			what = fmt.Sprintf("the control character U+%04X", c)
			if c == 0x0b {
				what += " (a vertical tab: a word processor's line break)"
			}
			what += " is in the text, which browsers do not show and HTML does not allow; remove it"
		case c == 0xc2 && i+1 < len(src) && src[i+1] >= 0x80 && src[i+1] <= 0x9f:
			r := rune(src[i+1])
			fix := diag.C1(r)
			if fix == "" {
				fix = "remove it"
			}
			what = fmt.Sprintf("the control character %U is in the text, which browsers do not show and HTML does not allow; %s", r, fix)
		case c == 0xef && i+2 < len(src) && src[i+1] == 0xbb && src[i+2] == 0xbf:
			what = "a byte order mark (U+FEFF) is in the text, an invisible character that comes with text pasted from elsewhere; browsers do not show it, but it stays in the page; remove it"
		}
		if what != "" && line != last {
			last = line
			out = append(out, Problem{Line: line, Col: utf8.RuneCount(src[lineStart:i]) + 1 + doc.Indent, Warning: true, Msg: what})
		}
		i++
	}
	return out
}

// MaxNesting is how deep block quotes and lists may be nested on one line,
// counting the markers (>, -, +, *, 1. or 1)) at its start; MaxIndent is
// how many columns the quote and list markers and the spaces before a
// line's text may take (a tab taking 4), for lists nested by indentation
// alone. No reader follows text nested deeper than either, and goldmark
// takes time that grows with the square of the depth: a line of 100,000 >
// took seconds. At these limits a megabyte of text nested as deep as they
// allow converts in well under a second.
const (
	MaxNesting = 64
	MaxIndent  = 320
)

// tooDeep looks at the start of every line of src, before goldmark does,
// and returns a problem for the first line nested deeper than MaxNesting
// or indented further than MaxIndent. It reads each line's leading quote
// and list markers and white space, so it costs next to nothing on text
// that is not nested. The lines of a fenced code block are skipped: code
// may start with anything. An indented code block is not told apart, as
// code indented 320 columns is not worth the cost of knowing.
func tooDeep(src []byte, doc Doc) (Problem, bool) {
	var fence []byte // the fence of the code block the line is in, if any
	for line, start := 0, 0; start < len(src); line, start = line+1, start+1 {
		end := bytes.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += start
		}
		// The lines of a fenced code block are code, however they start;
		// only a block that is not itself in a quote or list is followed.
		if f := fenceAt(src[start:end]); fence != nil {
			if f != nil && f[0] == fence[0] && len(f) >= len(fence) && len(bytes.TrimSpace(src[start:end])) == len(f) {
				fence = nil
			}
			start = end
			continue
		} else if f != nil {
			fence = f
			start = end
			continue
		}
		markers, cols, at := 0, 0, -1
		onlyBreak := true // only - and * markers: a thematic break, such as - - -
		i := start
	prefix:
		for i < end {
			m := i // where a marker starts
			switch c := src[i]; {
			case c == ' ':
				cols++
				i++
				continue
			case c == '\t':
				cols += 4 - cols%4
				i++
				continue
			case c == '>':
				onlyBreak = false
				i++
			case c == '-' || c == '*' || c == '+':
				if i+1 < end && src[i+1] != ' ' && src[i+1] != '\t' {
					break prefix
				}
				onlyBreak = onlyBreak && c != '+'
				i++
			case c >= '0' && c <= '9':
				j := i
				for j < end && j-i < 9 && src[j] >= '0' && src[j] <= '9' {
					j++
				}
				if j == end || (src[j] != '.' && src[j] != ')') || (j+1 < end && src[j+1] != ' ' && src[j+1] != '\t') {
					break prefix
				}
				onlyBreak = false
				cols += j - i
				i = j + 1
			default:
				break prefix
			}
			cols++
			markers++
			if markers == MaxNesting+1 {
				at = m
			}
		}
		if i == end && (onlyBreak || markers == 0) {
			// A line of white space is blank, and - - - is a line across
			// the page, not lists.
			markers, cols = 0, 0
		}
		switch {
		case markers > MaxNesting:
			return Problem{Line: doc.BodyLine + line, Col: utf8.RuneCount(src[start:at]) + 1 + doc.Indent,
				Msg: fmt.Sprintf("block quotes and lists nested %d levels deep; Markdown allows it, but no reader can follow it: flatten the quotes or lists to %d levels or fewer", markers, MaxNesting)}, true
		case cols > MaxIndent:
			return Problem{Line: doc.BodyLine + line, Col: 1 + doc.Indent,
				Msg: fmt.Sprintf("the text of this line starts %d columns in, behind quotes and lists nested deeper than any reader can follow; flatten the quotes or lists, or indent the line less (at most %d columns)", cols, MaxIndent)}, true
		}
		start = end
	}
	return Problem{}, false
}

// fenceAt returns the code fence a line starts with (three or more `
// or ~, after at most three spaces), or nil.
func fenceAt(l []byte) []byte {
	i := 0
	for i < len(l) && i < 3 && l[i] == ' ' {
		i++
	}
	if i == len(l) || (l[i] != '`' && l[i] != '~') {
		return nil
	}
	j := i
	for j < len(l) && l[j] == l[i] {
		j++
	}
	if j-i < 3 {
		return nil
	}
	return l[i:j]
}

// mayAutolink reports whether src holds anything an extended autolink
// starts with: "http:", "https:", "ftp:" (linkify's schemes, which it
// matches in lower case only), "www." or the "@" of an e-mail address.
func mayAutolink(src []byte) bool {
	if bytes.IndexByte(src, '@') >= 0 || bytes.Contains(src, []byte("www.")) {
		return true
	}
	// A scheme ends at a colon, which prose has few of: look at each.
	for i := bytes.IndexByte(src, ':'); i >= 0; {
		b := src[:i]
		if bytes.HasSuffix(b, []byte("http")) || bytes.HasSuffix(b, []byte("https")) || bytes.HasSuffix(b, []byte("ftp")) {
			return true
		}
		j := bytes.IndexByte(src[i+1:], ':')
		if j < 0 {
			break
		}
		i += j + 1
	}
	return false
}

type walker struct {
	src   []byte
	doc   Doc
	res   *Result
	lines []int // where each line of src starts; found when first needed
	cur   Section
	// regions counts the names given to tables' and code blocks'
	// regions, to number repeats (see regionName).
	regions map[string]int
	text    spaceWriter
	bad     []*ast.AutoLink // autolinks with a scheme that is not allowed
	level   int             // the level of the last heading; the page title is 1
	todo    bool            // look for placeholders: Doc.Placeholders, and src has the marker
	// footnotes: look for footnote references left as text, as src has
	// "[^" somewhere (most pages have none, and are not read again).
	footnotes bool
	// rawHTML: raw HTML is published, so its links are checked too
	rawHTML bool
	// headingIDs are the ids of the headings so far, with their offsets.
	headingIDs map[string]int
	// omittedLine is the line of the last warning about raw HTML left out
	omittedLine int
	images      int // the images so far
}

// spaceWriter collects text with every run of white space turned into one
// space and none at the start or end.
type spaceWriter struct {
	b     []byte
	space bool
	stop  bool // set the next text off with " · " (see Stop)
}

func (s *spaceWriter) Write(p []byte) { appendSpaced(s, p) }

func (s *spaceWriter) WriteString(p string) { appendSpaced(s, p) }

// appendSpaced adds p to s a run at a time: words with single spaces
// between them need no change, so each is copied in one piece.
func appendSpaced[T string | []byte](s *spaceWriter, p T) {
	for i := 0; i < len(p); {
		if isSpace[p[i]] {
			s.space = true
			i++
			continue
		}
		j := i + 1
		for j < len(p) {
			if !isSpace[p[j]] {
				j++
			} else if p[j] == ' ' && j+1 < len(p) && !isSpace[p[j+1]] {
				j += 2
			} else {
				break
			}
		}
		if s.space && len(s.b) > 0 {
			if s.stop {
				s.b = append(s.b, " · "...)
			} else {
				s.b = append(s.b, ' ')
			}
		}
		s.space, s.stop = false, false
		s.b = append(s.b, p[i:j]...)
		i = j
	}
}

// isSpace holds the ASCII white space bytes: space, \t, \n, \v, \f, \r.
var isSpace = [256]bool{' ': true, '\t': true, '\n': true, '\v': true, '\f': true, '\r': true}

// Break marks a word boundary.
func (s *spaceWriter) Break() { s.space = true }

// Stop marks the end of a block: a paragraph, a list item, a table cell.
// When the block's text does not end a sentence, the next block's text
// is set off with " · ", so that an excerpt of a list reads as its items
// ("a fall or a knock to the head · a head shape that worries you"), not
// as one sentence that makes no sense.
func (s *spaceWriter) Stop() {
	s.space = true
	r, n := utf8.DecodeLastRune(s.b)
	if strings.ContainsRune(`"')”’»]`, r) {
		r, _ = utf8.DecodeLastRune(s.b[:len(s.b)-n])
	}
	if len(s.b) > 0 && !strings.ContainsRune(".!?:;…·", r) {
		s.stop = true
	}
}

func (s *spaceWriter) String() string { return string(s.b) }

func (s *spaceWriter) Reset() { s.b, s.space, s.stop = s.b[:0], false, false }

func lineStarts(src []byte) []int {
	starts := make([]int, 1, bytes.Count(src, []byte{'\n'})+1)
	for i := 0; ; {
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			return starts
		}
		i += j + 1
		starts = append(starts, i)
	}
}

// pos converts a body offset to a file line and column.
func (w *walker) pos(off int) (int, int) {
	i := w.lineOf(off)
	// Columns count characters, as editors and the YAML parser do.
	return w.doc.BodyLine + i, utf8.RuneCount(w.src[w.lines[i]:off]) + 1 + w.doc.Indent
}

// lineOf returns the index in w.lines of the line that holds offset off.
func (w *walker) lineOf(off int) int {
	if w.lines == nil {
		// Most pages need no position: the line starts are found on
		// the first one asked for.
		w.lines = lineStarts(w.src)
	}
	return max(sort.Search(len(w.lines), func(i int) bool { return w.lines[i] > off })-1, 0)
}

// offset finds a source offset for an inline node: its first text segment,
// or its block's first line.
func (w *walker) offset(n ast.Node) int {
	var found = -1
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || found >= 0 {
			return ast.WalkStop, nil
		}
		if t, ok := c.(*ast.Text); ok {
			found = t.Segment.Start
			return ast.WalkStop, nil
		}
		return ast.WalkContinue, nil
	})
	if found >= 0 {
		return found
	}
	for p := n; p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p.Lines().At(0).Start
		}
	}
	return 0
}

// start finds where the source of a problem's node starts, for its
// position: a link's [ or an image's !, where the parser has noted it,
// else back bytes before the node's first text (the [ of a link whose
// text comes first, the ! of an image's) or its block's first line.
func (w *walker) start(n ast.Node, back int) int {
	// The parser notes where a link's [ and an image's ! are, which
	// holds for a link whose text starts with emphasis ([**here**]) and
	// for an image with no text (![]).
	switch n.(type) {
	case *ast.Link:
		if p := n.Pos(); p >= 0 && p < len(w.src) && w.src[p] == '[' {
			return p
		}
	case *ast.Image:
		if p := n.Pos(); p >= 0 && p < len(w.src) && w.src[p] == '!' {
			return p
		}
	}
	return max(w.offset(n)-back, 0)
}

func (w *walker) flush() {
	w.cur.Text = w.text.String()
	if w.cur.Text != "" || w.cur.Heading != "" {
		w.res.Sections = append(w.res.Sections, w.cur)
	}
	w.text.Reset()
}

func (w *walker) walk(root ast.Node) {
	_ = ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if w.todo && entering {
			switch n := n.(type) {
			case *ast.Paragraph, *ast.TextBlock, *ast.Heading, *east.TableCell:
				w.checkPlaceholders(n)
			case *ast.Emphasis:
				w.checkEmphasisPlaceholder(n)
			}
		}
		switch n := n.(type) {
		case *ast.Heading:
			if !entering {
				return ast.WalkContinue, nil
			}
			id := w.headingID(n)
			if w.doc.File != "" {
				w.checkLevel(n)
			}
			var sw spaceWriter
			sw.WriteString(plainText(n, w.src))
			t := sw.String()
			w.res.Headings = append(w.res.Headings, Heading{Level: n.Level, ID: id, Text: t, Offset: w.offset(n)})
			w.flush()
			w.cur = Section{Heading: t, Anchor: id, Level: n.Level}
			return ast.WalkSkipChildren, nil
		case *ast.Link:
			if entering {
				n.Destination = []byte(w.link(n, string(n.Destination), false))
				if w.doc.File != "" {
					w.checkLinkText(n)
				}
			}
		case *ast.Image:
			if entering {
				w.alt(n)
				n.Destination = []byte(w.link(n, string(n.Destination), true))
				w.image(n)
			}
		case *ast.AutoLink:
			if entering && !w.checkScheme(n, string(n.URL(w.src))) {
				w.bad = append(w.bad, n)
			} else if entering && n.AutoLinkType == ast.AutoLinkURL {
				// Its text is its address: printed, the stylesheet
				// does not add the address again.
				n.SetAttribute([]byte("class"), []byte("url"))
			}
		case *ast.RawHTML:
			if entering && !w.rawHTML && w.doc.OmittedHTML && n.Segments.Len() > 0 {
				w.omitted(n.Segments.At(0), false)
			}
			if entering && w.rawHTML {
				w.checkRawHTML(n.Segments.Sliced(0, n.Segments.Len()))
			}
		case *ast.HTMLBlock:
			if entering && !w.rawHTML && w.doc.OmittedHTML && n.Lines().Len() > 0 {
				w.omitted(n.Lines().At(0), true)
			}
			if entering && w.rawHTML {
				segs := n.Lines().Sliced(0, n.Lines().Len())
				if n.HasClosure() {
					segs = append(segs, n.ClosureLine)
				}
				w.checkRawHTML(segs)
			}
		case *ast.Text:
			if entering {
				w.checkLeftAsText(n)
				w.text.Write(n.Segment.Value(w.src))
				if n.SoftLineBreak() || n.HardLineBreak() {
					w.text.Break()
				}
			}
		case *ast.String:
			if entering {
				w.text.WriteString(stdhtml.UnescapeString(string(n.Value)))
			}
		case *east.Table:
			if entering {
				n.SetAttribute(regionLabel, []byte(w.regionName("Table")))
			}
		case *east.TableRow:
			if entering && w.doc.File != "" {
				w.extraCells(n)
			}
		case *east.TableCell:
			// goldmark would write the alignment as a style
			// attribute, which the Content-Security-Policy blocks.
			if entering && n.Alignment != east.AlignNone {
				n.SetAttribute([]byte("class"), []byte("align-"+n.Alignment.String()))
			}
			if !entering {
				w.text.Stop()
			}
		case *ast.CodeBlock, *ast.FencedCodeBlock:
			if entering {
				n.SetAttribute(regionLabel, []byte(w.regionName("Code")))
				l := n.Lines()
				for i := 0; i < l.Len(); i++ {
					seg := l.At(i)
					w.text.Write(seg.Value(w.src))
				}
			}
		default:
			if n.Type() == ast.TypeBlock && !entering {
				w.text.Stop()
			}
		}
		return ast.WalkContinue, nil
	})
}

// extraCells warns about a table row with more cells than the table has
// columns: GFM leaves the extra cells out of the page without a word, and
// what the editor typed there is lost. The row is read from its line as
// the table parser reads it: outer pipes dropped, cells split at each
// pipe not escaped with a backslash.
func (w *walker) extraCells(row *east.TableRow) {
	start := row.Pos()
	if start < 0 || start >= len(w.src) {
		return
	}
	end := bytes.IndexByte(w.src[start:], '\n')
	if end < 0 {
		end = len(w.src) - start
	}
	line := w.src[start : start+end]
	lead := len(line) - len(bytes.TrimLeft(line, " \t"))
	line = bytes.TrimRight(bytes.TrimLeft(line, " \t"), " \t\r")
	from := start + lead
	if len(line) > 0 && line[0] == '|' {
		line, from = line[1:], from+1
	}
	if len(line) > 0 && line[len(line)-1] == '|' && (len(line) < 2 || line[len(line)-2] != '\\') {
		line = line[:len(line)-1]
	}
	cells, cut := 1, -1 // cut: where the first cell left out starts
	for i, c := range line {
		if c == '|' && (i == 0 || line[i-1] != '\\') {
			cells++
			if cells == len(row.Alignments)+1 {
				cut = i + 1
			}
		}
	}
	if cut < 0 || cells <= len(row.Alignments) {
		return
	}
	for cut < len(line) && (line[cut] == ' ' || line[cut] == '\t') {
		cut++ // at the cell's text
	}
	left := strings.TrimSpace(string(line[cut:]))
	if len(left) > 40 {
		left = left[:40] + "…"
	}
	l, c := w.pos(from + cut)
	w.res.Problems = append(w.res.Problems, Problem{Line: l, Col: c, Warning: true,
		Msg: fmt.Sprintf("this row has %d cells and the table %d columns, so %q is left out of the page; add a column to the first row and the line under it, or remove the cell", cells, len(row.Alignments), left)})
}

// regionName names a table's or a code block's region after the section
// it is in ("Table: Fees"), numbering the second and later of one name
// ("Table: Fees (2)") so that each region's name is its own.
func (w *walker) regionName(what string) string {
	name := what
	if w.cur.Heading != "" {
		name += ": " + w.cur.Heading
	}
	if w.regions == nil {
		w.regions = map[string]int{}
	}
	w.regions[name]++
	if n := w.regions[name]; n > 1 {
		name += " (" + strconv.Itoa(n) + ")"
	}
	return name
}

// linkName is the text a link is announced by: its text, with the text
// of each image in it, except an image marked as decoration (![""]),
// which gives none; image reports whether the link holds such an image,
// and bare one with no text at all (![], warned about as an image).
func linkName(n *ast.Link, src []byte) (name string, image, bare bool) {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering || c == n {
			return ast.WalkContinue, nil
		}
		if img, ok := c.(*ast.Image); ok {
			switch t := strings.TrimSpace(plainText(img, src)); t {
			case "":
				bare = true
			case `""`, "“”":
				image = true
			default:
				b.WriteString(t)
			}
			return ast.WalkSkipChildren, nil
		}
		if _, ok := c.(*ast.Text); ok || c.Kind() == ast.KindString {
			b.WriteString(plainText(c, src))
		}
		return ast.WalkContinue, nil
	})
	return b.String(), image, bare
}

// plainText is the text of an inline container, typographic quotes included.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
			if c.SoftLineBreak() {
				b.WriteByte(' ')
			}
		case *ast.String:
			b.WriteString(stdhtml.UnescapeString(string(c.Value)))
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

func (w *walker) problem(n ast.Node, back int, format string, args ...any) *Problem {
	l, c := w.pos(w.start(n, back))
	w.res.Problems = append(w.res.Problems, Problem{Line: l, Col: c, Msg: fmt.Sprintf(format, args...)})
	return &w.res.Problems[len(w.res.Problems)-1]
}

// regionLabel is the attribute in which the walker gives a table or a
// code block the name of its region (see accessibleHTML). No attribute filter
// of goldmark's lets it through to the HTML.
var regionLabel = []byte("sitegen-region")

// accessibleHTML renders what goldmark does in a way a keyboard and a
// screen reader can use:
//
//   - a table, as goldmark's table extension does, inside a region that
//     scrolls on its own when the table is wider than the page:
//     <div class="table-scroll" role="region" tabindex="0"
//     aria-label="Table: section">;
//   - a code block as <pre role="region" tabindex="0" aria-label="Code:
//     section">, since a long line makes it scroll sideways too (Tab
//     reaches each region, so a keyboard can scroll it in every browser,
//     and a screen reader names it after the section it is in);
//   - a task list's checkbox inside a <label> that holds the rest of the
//     item's first paragraph, so that the box is named by its task;
//   - a footnote's back-link, whose text is an arrow, with a name that
//     says where it goes: "Back to reference 2", or, for a note referenced
//     twice, "Back to reference 2 (first use)" and "(second use)".
type accessibleHTML struct {
	table renderer.NodeRenderer // goldmark's table renderer
	core  renderer.NodeRenderer // goldmark's renderer of CommonMark
	notes renderer.NodeRenderer // goldmark's footnote renderer
}

func newAccessibleHTML() *accessibleHTML {
	return &accessibleHTML{table: extension.NewTableHTMLRenderer(), core: html.NewRenderer(), notes: extension.NewFootnoteHTMLRenderer()}
}

// SetOption passes goldmark's options (XHTML, and so on) to the renderers
// accessibleHTML wraps.
func (t *accessibleHTML) SetOption(name renderer.OptionName, value any) {
	for _, r := range []renderer.NodeRenderer{t.table, t.core, t.notes} {
		if o, ok := r.(renderer.SetOptioner); ok {
			o.SetOption(name, value)
		}
	}
}

func (t *accessibleHTML) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	funcs := map[ast.NodeKind]renderer.NodeRendererFunc{}
	keep := funcRegisterer(func(k ast.NodeKind, f renderer.NodeRendererFunc) { funcs[k] = f })
	t.table.RegisterFuncs(keep)
	t.core.RegisterFuncs(keep)
	t.notes.RegisterFuncs(keep)
	backlink := funcs[east.KindFootnoteBacklink]
	reg.Register(east.KindFootnoteBacklink, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return backlink(w, src, n, entering)
		}
		out, st, err := opening(backlink, src, n)
		bl := n.(*east.FootnoteBacklink)
		name := "Back to reference " + strconv.Itoa(bl.Index)
		if bl.RefCount > 1 {
			name += " (" + ordinal.Word(bl.RefIndex+1) + " use)"
		}
		_, _ = w.Write(bytes.Replace(out, []byte(` role="doc-backlink">`), []byte(` aria-label="`+name+`" role="doc-backlink">`), 1))
		return st, err
	})
	table := funcs[east.KindTable]
	reg.Register(east.KindTable, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString(`<div class="table-scroll" role="region" tabindex="0" aria-label="`)
			_, _ = w.Write(util.EscapeHTML(label(n, "Table")))
			_, _ = w.WriteString("\">\n")
		}
		st, err := table(w, src, n, entering)
		if !entering {
			_, _ = w.WriteString("</div>\n")
		}
		return st, err
	})
	for _, k := range []ast.NodeKind{ast.KindCodeBlock, ast.KindFencedCodeBlock} {
		code := funcs[k]
		reg.Register(k, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
			if !entering {
				return code(w, src, n, entering)
			}
			// goldmark writes <pre><code ...>, then the lines: the
			// attributes go into the <pre>.
			out, st, err := opening(code, src, n)
			out, ok := bytes.CutPrefix(out, []byte("<pre>"))
			if ok {
				_, _ = w.WriteString(`<pre role="region" tabindex="0" aria-label="`)
				_, _ = w.Write(util.EscapeHTML(label(n, "Code")))
				_, _ = w.WriteString(`">`)
			}
			_, _ = w.Write(out)
			return st, err
		})
	}
	reg.Register(east.KindTaskCheckBox, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		if entering {
			_, _ = w.WriteString("<label>")
			if n.(*east.TaskCheckBox).IsChecked {
				_, _ = w.WriteString(`<input checked="" disabled="" type="checkbox"> `)
			} else {
				_, _ = w.WriteString(`<input disabled="" type="checkbox"> `)
			}
		}
		return ast.WalkContinue, nil
	})
	for _, k := range []ast.NodeKind{ast.KindParagraph, ast.KindTextBlock} {
		block := funcs[k]
		reg.Register(k, func(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
			if _, task := n.FirstChild().(*east.TaskCheckBox); task && !entering {
				_, _ = w.WriteString("</label>")
			}
			return block(w, src, n, entering)
		})
	}
}

// opening is what goldmark's renderer f writes on entering n, for a
// wrapper to change before it is written.
func opening(f renderer.NodeRendererFunc, src []byte, n ast.Node) ([]byte, ast.WalkStatus, error) {
	var b bytes.Buffer
	bw := bufio.NewWriter(&b)
	st, err := f(bw, src, n, true)
	_ = bw.Flush()
	return b.Bytes(), st, err
}

// label is the name the walker gave n's region, or what when it gave none.
func label(n ast.Node, what string) []byte {
	v, _ := n.Attribute(regionLabel)
	if b, _ := v.([]byte); len(b) > 0 {
		return b
	}
	return []byte(what)
}

type funcRegisterer func(ast.NodeKind, renderer.NodeRendererFunc)

func (f funcRegisterer) Register(k ast.NodeKind, fn renderer.NodeRendererFunc) { f(k, fn) }

// openTag matches the start of an element's opening tag.
var openTag = regexp.MustCompile(`^<([A-Za-z][A-Za-z0-9-]*)`)

// omitted warns, once a line, at raw HTML that is left out of the page
// because site.yaml does not allow it: an element's opening tag (a
// closing tag or a comment loses nothing an editor meant to show).
func (w *walker) omitted(seg text.Segment, block bool) {
	m := openTag.FindSubmatch(seg.Value(w.src))
	if m == nil {
		return
	}
	l, c := w.pos(seg.Start)
	if l == w.omittedLine {
		return
	}
	w.omittedLine = l
	// A block goes whole; of inline HTML only the tags go, and the text
	// between them stays, without what the tags did to it.
	what := "with any text inside it"
	if !block {
		what = "its text kept as plain text"
	}
	w.res.Problems = append(w.res.Problems, Problem{Line: l, Col: c, Warning: true,
		Msg: fmt.Sprintf("raw HTML <%s> is left out of the page, %s, because raw_html is off in content/site.yaml; write Markdown instead", strings.ToLower(string(m[1])), what)})
}

// checkRawHTML applies to raw HTML, published when site.yaml allows it,
// the rules the rest of a page keeps: links only to the site and to
// http(s), mailto and tel addresses, no redirect by meta refresh. What
// would run a script or load from another site is an error even where
// the site's Content-Security-Policy would block it (refusedElement,
// event handlers, files from other sites), as the published page must
// be safe without the policy; what the policy only makes useless (a
// plain style attribute) is a warning. segs are one run of raw HTML, a block's lines or an
// inline tag's, read together by an HTML5 tokenizer as a browser reads
// them: an attribute after a /, on the next line or in another
// namespace (<a/href=...>, xlink:href) is an attribute all the same.
func (w *walker) checkRawHTML(segs []text.Segment) {
	var buf []byte
	starts := make([]int, len(segs)) // where each segment starts in buf
	for i, seg := range segs {
		starts[i] = len(buf)
		buf = append(buf, seg.Value(w.src)...)
	}
	// at is the source position of buf[i].
	at := func(i int) (int, int) {
		k := sort.Search(len(starts), func(k int) bool { return starts[k] > i }) - 1
		return w.pos(segs[k].Start + i - starts[k])
	}
	z := xhtml.NewTokenizer(bytes.NewReader(buf))
	off := 0
	for {
		tt := z.Next()
		raw := z.Raw()
		tokStart := off
		off += len(raw)
		add := func(i int, warning bool, format string, args ...any) {
			l, c := at(tokStart + i)
			w.res.Problems = append(w.res.Problems, Problem{Line: l, Col: c, Msg: fmt.Sprintf(format, args...), Warning: warning})
		}
		// The HTML ends where Markdown takes over again (a blank line
		// ends a block of it). A tag or comment still open there would
		// take in the HTML the page's Markdown turns into, which a
		// browser then reads as attributes or hides, and which no check
		// here has read as such.
		switch {
		case tt == xhtml.ErrorToken && len(raw) > 0:
			if m := openTagRe.FindSubmatch(raw); m != nil {
				add(0, false, "the <%s%s> tag is not closed where its HTML ends, so a browser would read the page after it as part of the tag; end it with >", m[1], bytes.ToLower(m[2]))
			}
			return
		case tt == xhtml.ErrorToken:
			return
		case tt == xhtml.CommentToken && !bytes.HasSuffix(raw, []byte(">")):
			add(0, false, "a comment is not closed where its HTML ends, so a browser would hide the page after it; end it with -->")
			continue
		}
		if tt != xhtml.StartTagToken && tt != xhtml.SelfClosingTagToken {
			continue
		}
		name, more := z.TagName()
		el := string(name)
		var attrs []htmlAttr
		for more {
			var k, v []byte
			k, v, more = z.TagAttr()
			attrs = append(attrs, htmlAttr{string(k), string(v)})
		}
		hasAlt, refresh, blank, rel := false, false, false, ""
		for _, a := range attrs {
			blank = blank || a.key == "target" && strings.EqualFold(strings.TrimSpace(a.val), "_blank")
			if a.key == "rel" {
				rel = strings.ToLower(a.val)
			}
			hasAlt = hasAlt || a.key == "alt"
			refresh = refresh || a.key == "http-equiv" && strings.EqualFold(strings.TrimSpace(a.val), "refresh")
		}
		if why := refusedElement(el, attrs); why != "" {
			// The element is reported as a whole; its attributes would
			// only repeat it.
			add(0, false, "%s", why)
			continue
		}
		if el == "img" && !hasAlt {
			add(1, true, "an <img> has no alt attribute, so screen readers read out its file name instead; describe the picture in alt=\"…\", or write alt=\"\" if it is only decoration")
		}
		from := 1 + len(name)
		for _, a := range attrs {
			i := attrAt(raw, a.key, from)
			if i > 0 {
				from = i + len(a.key)
			}
			local := a.key[strings.LastIndexByte(a.key, ':')+1:] // xlink:href is an href
			switch {
			case a.key == "style" && strings.ContainsAny(a.val, "(\\@"):
				// url(), image-set(), @import and CSS escapes, which
				// can spell either, load files or run code in old browsers.
				add(i, false, "a style attribute with %q in it can load a file from another site or run code, which the page must not leave to the site's Content-Security-Policy to block; give the element a class and style it in static/css", a.val)
			case a.key == "style":
				add(i, true, "a style attribute has no effect: the site's Content-Security-Policy allows styles only from files; give the element a class and style it in static/css")
			case strings.HasPrefix(a.key, "on"):
				add(i, false, "the %s attribute would run a script, which the page must not leave to the site's Content-Security-Policy to block; remove it, and handle the event in a script in static/js", a.key)
			case a.key == "target" && blank && !strings.Contains(rel, "noopener") && !strings.Contains(rel, "noreferrer"):
				add(i, true, "a link that opens a new window should have rel=\"noopener\", so that the page it opens cannot take over this one in an older browser; add rel=\"noopener\", or leave out target=\"_blank\" and let visitors choose")
			case a.key == "http-equiv":
				if refresh {
					add(i, false, "a meta refresh sends visitors on without asking; for an old address, add it to the new page's aliases")
				}
			case urlAttr[local]:
				for _, v := range urlValues(local, a.val) {
					if why := link.Problem(v, link.Any); why != "" {
						add(i, false, "%s %q %s", a.key, v, why)
					} else if loads(el, local) && link.Problem(v, link.Web) == "" {
						add(i, false, "%s %q loads a file from another site, which would tell that site about every visitor and which the site's Content-Security-Policy blocks; copy the file into static/ and use its path", a.key, v)
					} else if (local == "action" || local == "formaction") && link.Problem(v, link.Web) == "" {
						add(i, false, "%s %q sends what visitors type to another site; link to that site's own page for it instead", a.key, v)
					} else if a.key == "href" || a.key == "src" {
						// Published as written: the link check of the page finds
						// it under this destination and reports it here, not at
						// the layout.
						l, c := at(tokStart + i)
						w.res.Links = append(w.res.Links, Link{Dest: v, Line: l, Col: c, Image: a.key == "src"})
					}
				}
			}
		}
	}
}

// urlAttr are the attributes, by local name, whose value is an address a
// browser follows or loads (srcset and ping hold several).
var urlAttr = map[string]bool{
	"href": true, "src": true, "action": true, "formaction": true, "poster": true, "cite": true,
	"background": true, "data": true, "srcset": true, "ping": true, "codebase": true, "archive": true,
	"longdesc": true, "lowsrc": true, "dynsrc": true, "manifest": true, "icon": true, "usemap": true,
}

// urlValues returns the addresses in the value of the attribute name.
func urlValues(name, v string) []string {
	switch name {
	case "srcset":
		var out []string
		for part := range strings.SplitSeq(v, ",") {
			if f := strings.Fields(part); len(f) > 0 {
				out = append(out, f[0])
			}
		}
		return out
	case "ping", "archive":
		return strings.Fields(v)
	}
	return []string{v}
}

// attrAt returns where the attribute key (lower case) starts in raw, a
// start tag, at or after from: after a separator and followed by =, the
// end or another separator. It returns 0, the tag's <, when the key is
// not found as written.
func attrAt(raw []byte, key string, from int) int {
	for i := from; i+len(key) <= len(raw); i++ {
		if !bytes.EqualFold(raw[i:i+len(key)], []byte(key)) {
			continue
		}
		if c := raw[i-1]; c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '/' && c != '"' && c != '\'' {
			continue
		}
		if j := i + len(key); j == len(raw) || strings.IndexByte(" \t\n\r\f/=>", raw[j]) >= 0 {
			return i
		}
	}
	return 0
}

// footnoteRefRe is a footnote reference, [^label], and footnoteDefRe the
// start of a footnote's text, [^label]: at the start of a line.
var (
	footnoteRefRe = regexp.MustCompile(`^\[\^([^\]\s\[]+)\]`)
	footnoteDefRe = regexp.MustCompile(`^ {0,3}\[\^([^\]\s\[]+)\]:`)
)

var (
	// refAsTextRe is a reference link, [text][label] or [text][], and
	// spacedLinkRe an inline link whose address has a space,
	// [text](my file.md): when Markdown leaves either as text, it
	// publishes its characters.
	refAsTextRe  = regexp.MustCompile(`^\[([^\[\]\n]+)\]\[([^\[\]\n^]*)\]`)
	spacedLinkRe = regexp.MustCompile(`^\[([^\[\]\n]+)\]\(([^()<>\s]+(?: [^()<>\s"']+)+)\)`)
	// refDefRe is the start of a link reference definition, [label]:.
	refDefRe = regexp.MustCompile(`^ {0,3}\[([^\]\[^][^\]\[]*)\]:`)
)

// checkLeftAsText warns at each footnote reference or link in text n
// that Markdown did not read as one, and so publishes as its characters:
//   - a footnote reference whose label no footnote has ([^1] with its note
//     written [^2]: …), on a page that may have footnotes;
//   - a reference link whose label the page defines nowhere ([the FAQ][fqa]
//     with only [faq]: …), unless it is numbers alone ([1][2]) on a page
//     with no link definitions, as prose cites its sources;
//   - an inline link whose address has a space, which Markdown reads only
//     in angle brackets.
//
// The warnings name the page's footnotes or link definitions, as a label
// is most often a slip for one of them. Text in code and an escaped \[
// are neither.
func (w *walker) checkLeftAsText(n *ast.Text) {
	if _, code := n.Parent().(*ast.CodeSpan); code {
		return
	}
	seg := n.Segment
	for o := seg.Start; o < seg.Stop; o++ {
		i := bytes.IndexByte(w.src[o:seg.Stop], '[')
		if i < 0 {
			return
		}
		o += i
		if o > 0 && w.src[o-1] == '\\' {
			continue
		}
		var msg string
		if m := footnoteRefRe.FindSubmatch(w.src[o:]); m != nil && w.footnotes {
			label := string(m[1])
			msg = fmt.Sprintf("footnote [^%s] has no text, and is published as the characters [^%s]; write its text on a line of its own at the end of the page, starting [^%s]:", label, label, label)
			if defs := w.footnoteLabels(); len(defs) > 0 {
				msg += " (the page's footnotes: [^" + strings.Join(defs, "], [^") + "])"
			}
		} else if m := refAsTextRe.FindSubmatch(w.src[o:]); m != nil {
			text, label := string(m[1]), string(m[2])
			if label == "" {
				label = text
			}
			defs := w.refLabels()
			if digits(text) && digits(label) && len(defs) == 0 {
				// [1][2] or [3][] on a page with no link definitions is
				// prose citing its sources by number, meant to be read
				// as written, not a link whose definition was left out:
				// the page uses no reference links at all. On a page
				// that defines some, it is most likely one whose
				// definition is missing, and warned about.
				continue
			}
			msg = fmt.Sprintf("link %s is published as its characters, as the page has no line [%s]: to give it an address; add [%s]: and its address on a line of its own at the end of the page, or write [%s](address)", m[0], label, label, text)
			if len(defs) > 0 {
				msg += " (the page's link definitions: [" + strings.Join(defs, "], [") + "])"
			}
		} else if m := spacedLinkRe.FindSubmatch(w.src[o:]); m != nil {
			text, dest := string(m[1]), string(m[2])
			msg = fmt.Sprintf("link %s is published as its characters, as its address has a space; write the space as %%20, [%s](%s), or put the address in angle brackets: [%s](<%s>)", m[0], text, strings.ReplaceAll(dest, " ", "%20"), text, dest)
		} else {
			continue
		}
		l, c := w.pos(o)
		w.res.Problems = append(w.res.Problems, Problem{Line: l, Col: c, Warning: true, Msg: msg})
	}
}

// digits reports whether s is a number written in digits alone, as a
// citation is ([1]).
func digits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// refLabels are the labels of the link reference definitions written in
// the page, outside fenced code, in order.
func (w *walker) refLabels() []string { return w.labels(refDefRe) }

// footnoteLabels are the labels of the footnotes written in the page,
// outside fenced code, in order.
func (w *walker) footnoteLabels() []string { return w.labels(footnoteDefRe) }

// labels are the labels that def finds at the start of the page's lines,
// outside fenced code, in order.
func (w *walker) labels(def *regexp.Regexp) []string {
	var out []string
	var fence []byte
	for _, l := range bytes.Split(w.src, []byte("\n")) {
		if f := fenceAt(l); f != nil {
			switch {
			case fence == nil:
				fence = f
			case f[0] == fence[0] && len(f) >= len(fence):
				fence = nil
			}
			continue
		}
		if fence != nil {
			continue
		}
		if m := def.FindSubmatch(l); m != nil && !slices.Contains(out, string(m[1])) {
			out = append(out, string(m[1]))
		}
	}
	return out
}

// warn records a problem that fails only strict builds.
func (w *walker) warn(n ast.Node, back int, format string, args ...any) *Problem {
	p := w.problem(n, back, format, args...)
	p.Warning = true
	return p
}

// checkPlaceholders warns about each line of a paragraph, heading or
// table cell that starts with a placeholder. Only the text's own lines are looked at: code,
// raw HTML and the middle of a line are not, so TODO in prose or in an
// example is not a placeholder.
func (w *walker) checkPlaceholders(n ast.Node) {
	lines := n.Lines()
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		line := seg.Value(w.src)
		text := bytes.TrimLeft(line, " \t")
		if !bytes.HasPrefix(text, []byte(diag.PlaceholderMarker)) || !diag.IsPlaceholder(string(text)) {
			continue
		}
		l, c := w.pos(seg.Start + len(line) - len(text))
		w.res.Problems = append(w.res.Problems, Problem{Line: l, Col: c, Warning: true,
			Msg: diag.Placeholder(string(text), "replace it with the text it stands for")})
	}
}

// checkEmphasisPlaceholder warns about bold text that starts with a
// placeholder (**TODO**, **TODO: the fee**), wherever it is in a line:
// bold is how a placeholder is made to stand out. Italic text is one
// when the placeholder says what it stands for (*TODO: the fee*); a
// bare *TODO* reads as the word itself, mentioned in prose.
func (w *walker) checkEmphasisPlaceholder(n *ast.Emphasis) {
	t, ok := n.FirstChild().(*ast.Text)
	if !ok {
		return
	}
	text := plainText(n, w.src)
	if !diag.IsPlaceholder(text) || !bytes.HasPrefix(t.Segment.Value(w.src), []byte(diag.PlaceholderMarker)) {
		return
	}
	if n.Level == 1 && !strings.HasPrefix(text, diag.PlaceholderMarker+":") {
		return
	}
	l, c := w.pos(t.Segment.Start)
	w.res.Problems = append(w.res.Problems, Problem{Line: l, Col: c, Warning: true,
		Msg: diag.Placeholder(text, "replace it with the text it stands for")})
}

// alt looks at the text between an image's brackets, its alt text. An
// image with none is published with alt="", which tells screen readers to
// pass over it as decoration: in a document with a file that is a
// warning at the image's !, as a picture that says something was most
// likely meant. ![""] (or ![“”], as a word processor types it) is how an
// editor says that the image is decoration: it is published with alt=""
// and no warning.
func (w *walker) alt(n *ast.Image) {
	t := strings.TrimSpace(plainText(n, w.src))
	if t != "" && t != `""` && t != "“”" {
		return
	}
	n.RemoveChildren(n) // alt="", not the quotes or alt=" "
	if t == "" && w.doc.File != "" {
		dest := string(n.Destination)
		w.warn(n, 2, `image %q has no text between its brackets, and is published with alt="", which tells screen readers to pass over it as decoration; describe the picture between the brackets, as in ![A practitioner's hands on a shoulder](%s), or, if it is only decoration, write ![""](%s) to say so`, dest, dest, dest)
	}
}

// checkLinkText warns about a link with no text, which a screen reader
// announces by its address or not at all (and axe reports), and one whose
// text does not describe it (link.Vague).
func (w *walker) checkLinkText(n *ast.Link) {
	name, image, bare := linkName(n, w.src)
	if strings.TrimSpace(name) == "" {
		if bare {
			return // the image's own warning says what to write
		}
		if image {
			w.warn(n, 1, `link has no text: its only content is an image marked as decoration (![""]), so screen readers cannot say where it goes; describe the destination in the image's text, like [![The safety page](picture.png)](safety.md)`)
			return
		}
		w.warn(n, 1, "link has no text between its brackets, so screen readers cannot say where it goes; describe the destination there, like [the safety page](safety.md)")
		return
	}
	if t, vague := link.Vague(name); vague {
		w.warn(n, 1, "link text %q does not say where the link goes, and screen readers can list links by their text alone; describe the destination, like [the safety page](safety.md)", t)
	}
}

// headingID returns a heading's id. Of the attributes a heading may be
// given ({#id .class key=value}), only the id is kept: a class or a style
// would let a page dress text as the site's own notices, and hidden,
// autofocus or tabindex change how the page works for keyboard and
// screen-reader users; each other one is dropped with a warning. An id
// that an earlier heading of the page has is a warning too: a link to it
// would go to the first.
func (w *walker) headingID(n *ast.Heading) string {
	id := ""
	var dropped []string
	for _, a := range n.Attributes() {
		if string(a.Name) == "id" {
			if b, ok := a.Value.([]byte); ok {
				id = string(b)
			}
			continue
		}
		dropped = append(dropped, string(a.Name))
	}
	if len(dropped) > 0 {
		n.RemoveAttributes()
		if id != "" {
			n.SetAttributeString("id", []byte(id))
		}
		them := "them"
		if len(dropped) == 1 {
			them = "it"
		}
		w.warn(n, 0, "a heading takes only an id ({#my-id}); %s left out: remove %s from the braces", strings.Join(dropped, ", "), them)
	}
	if id == "" {
		return ""
	}
	if first, ok := w.headingIDs[id]; ok {
		line, _ := w.pos(first)
		w.warn(n, 0, "heading id %q is already the id of the heading on line %d, so a link to #%s goes there; give this heading another: {#%s-2}", id, line, id, id)
	} else {
		if w.headingIDs == nil {
			w.headingIDs = map[string]int{}
		}
		w.headingIDs[id] = w.offset(n)
	}
	return id
}

// checkLevel warns about a heading that breaks the outline screen-reader
// users move through: a second level-1 heading (the layout writes the
// title as the page's one <h1>), or a level skipped on the way down.
func (w *walker) checkLevel(n *ast.Heading) {
	base := max(w.doc.Level, 1)
	prev := max(w.level, base)
	w.level = n.Level
	// A warning about the level is at the heading's # marks, which are
	// what to change.
	warn := func(format string, args ...any) {
		off := w.offset(n)
		i := w.lineOf(off)
		if j := bytes.IndexByte(w.src[w.lines[i]:off], '#'); j >= 0 {
			off = w.lines[i] + j
		}
		l, c := w.pos(off)
		w.res.Problems = append(w.res.Problems, Problem{Line: l, Col: c, Warning: true, Msg: fmt.Sprintf(format, args...)})
	}
	switch {
	case n.Level == 1 && base == 1:
		warn("a level-1 heading (#) makes a second page title; the title is the page's only one, so start sections at ##")
	case n.Level <= base:
		warn("a level-%d heading (%s) here ranks with the page's own headings, which are level %d; start at %s",
			n.Level, strings.Repeat("#", n.Level), base, strings.Repeat("#", base+1))
	case n.Level > prev+1:
		warn("heading level %d (%s) comes after level %d, skipping a level of the outline screen-reader users navigate by; use %s here",
			n.Level, strings.Repeat("#", n.Level), prev, strings.Repeat("#", prev+1))
	}
}

// checkScheme reports a link the site's rule for links (link.Problem)
// refuses, and whether it is allowed.
func (w *walker) checkScheme(n ast.Node, dest string) bool {
	if why := link.Problem(dest, link.Any); why != "" {
		w.problem(n, 1, "link %q %s", dest, why)
		return false
	}
	return true
}

// link rewrites a destination and records it.
func (w *walker) link(n ast.Node, dest string, image bool) string {
	back := 1
	if image {
		back = 2
	}
	// The HTML writer resolves character references in a destination
	// (&#106; is j): the scheme is checked as a browser would read it.
	if !w.checkScheme(n, string(util.ResolveNumericReferences(util.ResolveEntityNames([]byte(dest))))) {
		return "#"
	}
	out, written := dest, ""
	u, _ := url.Parse(dest)
	if root, ok := link.OwnSite(w.doc.Site, dest); ok {
		w.warn(n, back, "link to %q, %s", dest, link.OwnSiteAdvice(root))
	} else if image && link.Problem(dest, link.Web) == "" {
		// As the check of raw HTML reports an <img> that does: the
		// site's Content-Security-Policy (img-src 'self') blocks it.
		w.problem(n, back, "image %q loads from another site, which would tell that site about every visitor and which the site's Content-Security-Policy blocks, so visitors would see no picture; copy the file into static/images/ and use its path, such as /images/name.jpg", dest)
	}
	if u.Scheme == "" && u.Host == "" && u.Path != "" && !strings.HasPrefix(u.Path, "/") {
		// A page's file, its ending in any letter case: safety.MD is
		// safety.md misspelt, and is told so, not a file of its own.
		if l := len(u.Path); l > 3 && strings.EqualFold(u.Path[l-3:], ".md") {
			target := path.Clean(path.Join(w.doc.Dir, u.Path))
			if strings.HasPrefix(target, "../") || target == ".." {
				w.problem(n, back, "link %q points outside content/", dest)
				return "#"
			}
			if w.doc.Resolve == nil {
				return dest
			}
			page, ok := w.doc.Resolve(target)
			if !ok {
				var why string
				var quiet, found bool
				if w.doc.Unlinked != nil {
					why, quiet, found = w.doc.Unlinked(target)
				}
				if quiet {
					// The file's own problems are reported: the link
					// works once they are fixed.
					w.res.Links = append(w.res.Links, Link{Dest: dest, Image: image, Reported: true})
					return dest
				}
				msg := fmt.Sprintf("link to %q (content/%s), which %s", u.Path, target, why)
				if !found {
					msg = fmt.Sprintf("link to missing page %q (content/%s); check the file name", u.Path, target)
					if w.doc.Near != nil {
						if near := w.doc.Near(target); near != "" {
							msg += fmt.Sprintf("; did you mean %q?", link.RelPath(w.doc.Dir, near))
						}
					}
				}
				p := w.warn(n, back, "%s", msg)
				w.res.Links = append(w.res.Links, Link{Dest: dest, Line: p.Line, Col: p.Col, Image: image, Reported: true})
				return dest
			}
			out = page
			if u.Fragment != "" {
				out += "#" + u.EscapedFragment()
			}
		} else if w.doc.Base != "" {
			written = dest
			out = path.Join(w.doc.Base, u.Path)
			if strings.HasSuffix(u.Path, "/") {
				out += "/"
			}
			if u.RawQuery != "" {
				out += "?" + u.RawQuery
			}
			if u.Fragment != "" {
				out += "#" + u.EscapedFragment()
			}
		}
	}
	if n != nil {
		l, c := w.pos(w.start(n, back))
		w.res.Links = append(w.res.Links, Link{Dest: out, Line: l, Col: c, Image: image, Written: written})
	}
	return out
}

// image gives an image its size, when Doc.ImageSize knows it, and has
// every image after the document's first load lazily: the first may be
// on the reader's first screen, and the rest are fetched as the reader
// comes near them, which on a slow connection leaves the bandwidth to the
// text and the first picture.
func (w *walker) image(n *ast.Image) {
	w.images++
	if w.doc.ImageSize != nil {
		if u, err := url.Parse(string(n.Destination)); err == nil && u.Scheme == "" && u.Host == "" && strings.HasPrefix(u.Path, "/") {
			if wd, ht, ok := w.doc.ImageSize(u.Path); ok {
				n.SetAttributeString("width", []byte(strconv.Itoa(wd)))
				n.SetAttributeString("height", []byte(strconv.Itoa(ht)))
			}
		}
	}
	if w.images > 1 {
		n.SetAttributeString("loading", []byte("lazy"))
	}
}

// ids generates heading ids: lower-case words joined by hyphens, with
// diacritics folded, unique within one document.
type ids struct {
	used map[string]bool
	next map[string]int // for a base given before, the number to try next
}

func newIDs() *ids { return &ids{used: map[string]bool{}} }

// Generate implements parser.IDs: the heading's slug, or for the second
// and later headings of one slug the slug with -2, -3... A base's next
// number is remembered, so a page of many headings of one text takes
// linear time.
func (s *ids) Generate(value []byte, kind ast.NodeKind) []byte {
	base := Slugify(string(value))
	if base == "" {
		base = "section"
	}
	id := base
	if s.used[id] {
		if s.next == nil {
			s.next = map[string]int{}
		}
		i := max(s.next[base], 2)
		for id = base + "-" + strconv.Itoa(i); s.used[id]; id = base + "-" + strconv.Itoa(i) {
			i++
		}
		s.next[base] = i + 1
	}
	s.used[id] = true
	return []byte(id)
}

// Put implements parser.IDs.
func (s *ids) Put(value []byte) { s.used[string(value)] = true }

// Slugify makes a URL- and id-safe slug: compatibility forms decomposed
// (NFKD: "x²" is x2), then each letter folded as the rest of the site
// folds text (package fold: lower case, diacritics dropped, Łódź is lodz,
// Søren soren, Straße strasse), letters of any script and ASCII digits
// kept, apostrophes dropped, everything else collapsed to single hyphens.
// Unlike fold.Slug, it keeps the letters of other scripts (Greek,
// Cyrillic), so a heading in any language has an id that says something.
func Slugify(s string) string {
	s = norm.NFKD.String(s)
	var b strings.Builder
	dash := false
	for _, r := range s {
		for _, c := range fold.Rune(r) {
			switch {
			case unicode.IsLetter(c) || c < 128 && unicode.IsDigit(c):
				b.WriteRune(c)
				dash = false
			case unicode.IsDigit(c), c == '\'' || c == '\u2018' || c == '\u2019' || c == '\u02bc':
				// Digits of other scripts are dropped, and apostrophes
				// join the parts of a word ("Zoë's" is zoes).
			default:
				if b.Len() > 0 && !dash {
					b.WriteByte('-')
					dash = true
				}
			}
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

// htmlAttr is an attribute of a tag, its value with references decoded.
type htmlAttr struct{ key, val string }

// openTagRe is the start of a tag, <div or </div, left open at the end of
// a run of raw HTML.
var openTagRe = regexp.MustCompile(`^<(/?)([A-Za-z][^\s/>]*)`)

// embedWatch maps the address a video site gives for embedding to the
// address of its own page for the video, to link to in its place.
var embedWatch = []struct {
	re   *regexp.Regexp
	page string
}{
	{regexp.MustCompile(`^(?:https?:)?//(?:www\.)?youtube(?:-nocookie)?\.com/embed/([\w-]+)`), "https://www.youtube.com/watch?v=$1"},
	{regexp.MustCompile(`^(?:https?:)?//player\.vimeo\.com/video/(\d+)`), "https://vimeo.com/$1"},
}

// refusedElement says why the element el, with attrs, may not be in a
// page, and what to write instead; "" when it may. Whatever would run a
// script, load a page or a plugin, change where the page's links lead, or
// make a browser read the markup after it differently from the build's
// checks (the raw text elements: a browser reads <noembed><img
// title="</noembed><img onerror=..."> as two images) is refused, whether
// or not the site's Content-Security-Policy would block it: the page must
// be safe without the policy.
func refusedElement(el string, attrs []htmlAttr) string {
	an := "a"
	if strings.IndexByte("aeiou", el[0]) >= 0 {
		an = "an"
	}
	switch el {
	case "script":
		return "a <script> would run in the page, which must not leave it to the site's Content-Security-Policy to block; the site's scripts are files in static/js, loaded from a layout"
	case "style":
		return "a <style> element would restyle the whole page and can load files from other sites; put the rules in static/css and give the element a class"
	case "iframe":
		example := "[Watch the video](https://www.youtube.com/watch?v=…)"
		for _, a := range attrs {
			if a.key != "src" {
				continue
			}
			for _, e := range embedWatch {
				if m := e.re.FindStringSubmatchIndex(strings.TrimSpace(a.val)); m != nil {
					example = "[Watch the video](" + string(e.re.ExpandString(nil, e.page, strings.TrimSpace(a.val), m)) + ")"
				}
			}
		}
		return "an <iframe> loads another page into this one, which would tell its site about every visitor and which the site's Content-Security-Policy blocks; link to it instead, such as " + example
	case "object", "embed", "applet", "frame", "frameset", "portal":
		return an + " <" + el + "> loads a plugin or another page into this one, which the site's Content-Security-Policy blocks; link to the file instead, such as [The leaflet (PDF)](/files/leaflet.pdf)"
	case "base":
		return "a <base> would change where every link of the page leads; remove it, and write each link in full"
	case "link":
		return "a <link> in a page loads a stylesheet or other file into the page; put styles in static/css, which a layout loads, or write a link in Markdown, [text](address)"
	case "animate", "set", "animatemotion", "animatetransform":
		// <a><set attributeName="href" to="javascript:..."> changes the
		// link after every check.
		return "an SVG <" + el + "> can change the picture's links and attributes after the build has checked them; draw the picture as a file in static/images and show it with ![text](/images/name.svg)"
	case "title", "textarea", "noscript", "noembed", "noframes", "xmp", "plaintext":
		return an + " <" + el + "> makes a browser read what follows it as plain text up to its end tag, which can hide markup from the build's checks; write the text in Markdown"
	}
	return ""
}

// loads says whether the attribute local of the element el is an address
// the browser fetches on its own, without a click.
func loads(el, local string) bool {
	switch local {
	case "src", "srcset", "poster", "background", "data", "ping", "lowsrc", "dynsrc", "codebase", "archive", "manifest", "icon":
		return true
	case "href":
		return el == "use" || el == "image" || el == "feimage"
	}
	return false
}
