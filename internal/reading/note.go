package reading

import (
	"html"
	"html/template"
	"net/url"
	"path"
	"regexp"
	"strings"

	"sitegen/internal/link"
)

// Notes are inline Markdown of a restricted kind, rendered by this package
// rather than the site's Markdown renderer: a note is one or two sentences,
// and keeping its grammar small keeps it safe in every output (HTML here,
// plain text in BibTeX and RIS). A note may use
//
//	*emphasis* or _emphasis_, **strong**, `code`, [link text](url)
//
// and backslash escapes (\*). Link URLs follow the site's rule for links
// (package link: http(s), mailto and tel addresses), and a link on this
// site is a path starting with "/"; DecodeBooks reports any other, and
// NoteHTML renders such a link as its text alone. Everything else is
// escaped text.

var (
	noteTokenRe = regexp.MustCompile("\\\\[\\\\`*_\\[\\]()]|`[^`]+`|\\[([^\\]]+)\\]\\(((?:[^()\\s]|\\([^()\\s]*\\))+)\\)")
	strongRe    = regexp.MustCompile(`\*\*([^*]+)\*\*`)
	emStarRe    = regexp.MustCompile(`\*([^*]+)\*`)
	emUnderRe   = regexp.MustCompile(`(^|[^\p{L}\p{N}_])_([^_]+)_($|[^\p{L}\p{N}_])`)
)

// NoteHTML renders a note's inline Markdown to HTML, escaping all text.
func NoteHTML(note string) template.HTML {
	var b strings.Builder
	renderInline(&b, note, true)
	return template.HTML(b.String())
}

// NotePlain is a note as plain text: the Markdown marks removed, each link
// kept as its text. BibTeX and RIS exports carry this form.
func NotePlain(note string) string {
	var b strings.Builder
	last := 0
	for _, m := range noteTokenRe.FindAllStringSubmatchIndex(note, -1) {
		b.WriteString(plainEmphasis(note[last:m[0]]))
		tok := note[m[0]:m[1]]
		switch {
		case tok[0] == '\\':
			b.WriteString(tok[1:])
		case tok[0] == '`':
			b.WriteString(tok[1 : len(tok)-1])
		default:
			b.WriteString(plainEmphasis(note[m[2]:m[3]]))
		}
		last = m[1]
	}
	b.WriteString(plainEmphasis(note[last:]))
	return strings.Join(strings.Fields(b.String()), " ")
}

// noteLink is a link of a note: its text, its URL and the byte offset of
// its [ in the note.
type noteLink struct {
	text, url string
	at        int
}

// noteLinks returns the links of a note, in order.
func noteLinks(note string) []noteLink {
	var out []noteLink
	for _, m := range noteTokenRe.FindAllStringSubmatchIndex(note, -1) {
		if m[4] >= 0 {
			out = append(out, noteLink{text: note[m[2]:m[3]], url: note[m[4]:m[5]], at: m[0]})
		}
	}
	return out
}

// NoteLinks returns the URLs a note links to, in order.
func NoteLinks(note string) []string {
	var out []string
	for _, m := range noteTokenRe.FindAllStringSubmatch(note, -1) {
		if m[2] != "" {
			out = append(out, m[2])
		}
	}
	return out
}

func renderInline(b *strings.Builder, s string, links bool) {
	last := 0
	for _, m := range noteTokenRe.FindAllStringSubmatchIndex(s, -1) {
		b.WriteString(emphasis(s[last:m[0]]))
		tok := s[m[0]:m[1]]
		switch {
		case tok[0] == '\\':
			b.WriteString(html.EscapeString(tok[1:]))
		case tok[0] == '`':
			b.WriteString("<code>" + html.EscapeString(tok[1:len(tok)-1]) + "</code>")
		default:
			text, href := s[m[2]:m[3]], s[m[4]:m[5]]
			if links && noteURLProblem(href) == "" {
				b.WriteString(`<a href="` + html.EscapeString(href) + `">`)
				renderInline(b, text, false)
				b.WriteString("</a>")
			} else {
				renderInline(b, text, false)
			}
		}
		last = m[1]
	}
	b.WriteString(emphasis(s[last:]))
}

func emphasis(s string) string {
	s = html.EscapeString(s)
	s = strongRe.ReplaceAllString(s, "<strong>$1</strong>")
	s = emStarRe.ReplaceAllString(s, "<em>$1</em>")
	return emUnderRe.ReplaceAllString(s, "$1<em>$2</em>$3")
}

func plainEmphasis(s string) string {
	s = strongRe.ReplaceAllString(s, "$1")
	s = emStarRe.ReplaceAllString(s, "$1")
	return emUnderRe.ReplaceAllString(s, "$1$2$3")
}

// noteURLProblem says why a note may not link to s, or returns "": the
// site's rule for links (link.Problem: http(s), mailto and tel), and a
// link on this site must be a path from the site's root, as a note is
// shown on pages at different depths and a relative path would point
// somewhere different on each.
func noteURLProblem(s string) string {
	if why := link.Problem(s, link.Any); why != "" {
		return why
	}
	if u, _ := url.Parse(s); u.Scheme == "" && !strings.HasPrefix(s, "/") {
		return "is a relative address, which would point somewhere different on each page that shows the note; write a path from the site's root, such as /training/, or a whole address"
	}
	return ""
}

// pageAddress is the address of the page that dest, a relative link to a
// page's file written in the note of file (../articles/safety.md#risks
// in content/reading/x.md), names: /articles/safety/#risks, as
// site.URLFor maps files to addresses. It is "" for a link that is not to
// a .md file under content/. The address is the one the file's path gives; the link checker reports it if the page
// chose another with slug.
func pageAddress(file, dest string) string {
	p, frag, _ := strings.Cut(dest, "#")
	if !strings.HasSuffix(p, ".md") || strings.HasPrefix(p, "/") {
		return ""
	}
	rel, ok := strings.CutPrefix(path.Join(path.Dir(file), p), "content/")
	if !ok {
		return ""
	}
	dir, name := path.Split(strings.TrimSuffix(rel, ".md"))
	u := "/" + dir
	if name != "index" && name != "_index" {
		u += name + "/"
	}
	if frag != "" {
		u += "#" + frag
	}
	return u
}
