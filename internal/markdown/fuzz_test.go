package markdown

import (
	"html"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/tdewolff/parse/v2"
	phtml "github.com/tdewolff/parse/v2/html"
)

// FuzzConvert feeds arbitrary page bodies to the renderer. Whatever an
// editor writes, Convert must not panic, every problem must point inside
// the file, and the HTML must carry no script: no element or event
// attribute of its own (raw HTML is off) and no link a browser would
// follow to anything but http, https, mailto or tel.
//
// make test runs the seeds below; go test -fuzz '^FuzzConvert$' searches.
func FuzzConvert(f *testing.F) {
	for _, s := range []string{
		"# Title\n\nSome *text* with [a link](safety.md#risks) and ![img](pic.png).\n",
		"[x](javascript:alert(1)) [y](JaVaScRiPt:alert(1)) [z](java\tscript:alert(1))\n",
		"<javascript:alert(1)> <https://example.org/> www.example.org info@example.org\n",
		"[x]: data:text/html,<script>alert(1)</script>\n\n[x]\n",
		"<script>alert(1)</script>\n\n<a href=\"javascript:x\" onclick=\"y\">z</a>\n",
		"| a | b |\n|---|---|\n| [c](vbscript:d) | ~~e~~ |\n\n- [ ] task\n- [x] done\n",
		"| a | b |\n|---|---|\n| c | d | e \\| f |\n\n> | q |\n> |---|\n> | r | s |\n\n- | t |\n  |---|\n  | u | v |\n",
		"Term\n: Definition[^1]\n\n[^1]: A note with [a link](../outside.md).\n",
		"[a](&#106;avascript:alert(1)) [b](\\javascript:x) [c](<javascript:x>)\n",
		"## Same\n## Same\n### Same\n",
		"\u00a0\r\n\ufeff---\n",
		"TODO: the text.\n\n- TODO\n\n> TODO\n>  TODO\n\n## TODO\n\n\tTODO in code\n",
		"See [the FAQ][fqa], [fees][] and [x](my file.md), `[a][b]`, \\[c][d].\n\n[faq]: /faq/\n",
	} {
		f.Add(s)
	}
	r := New(false)
	doc := Doc{
		File:     "content/articles/page.md",
		Dir:      "articles",
		BodyLine: 4,
		Base:     "/articles/page/",
		// Placeholder lines are reported too, inside the body.
		Placeholders: true,
		Resolve: func(p string) (string, bool) {
			if p == "articles/safety.md" {
				return "/articles/safety/", true
			}
			return "", false
		},
	}
	f.Fuzz(func(t *testing.T, src string) {
		if !utf8.ValidString(src) {
			return // the loader rejects such a file before Markdown sees it
		}
		res, err := r.Convert([]byte(src), doc)
		if err != nil {
			t.Fatalf("Convert: %v", err)
		}
		last := doc.BodyLine + strings.Count(src, "\n")
		for _, p := range res.Problems {
			if p.Line < doc.BodyLine || p.Line > last || p.Col < 1 || p.Msg == "" {
				t.Errorf("problem outside the body (lines %d-%d): %+v", doc.BodyLine, last, p)
			}
		}
		if msg := scriptIn([]byte(res.HTML)); msg != "" {
			t.Fatalf("%s in %s", msg, res.HTML)
		}
	})
}

// scriptIn describes the first script or style element, event handler
// attribute, or URL attribute whose scheme, read the way a browser reads
// it, is not allowed, in out; "" when there is none.
func scriptIn(out []byte) string {
	l := phtml.NewLexer(parse.NewInputBytes(out))
	for {
		tt, data := l.Next()
		switch tt {
		case phtml.ErrorToken:
			return ""
		case phtml.StartTagToken:
			if name := strings.ToLower(string(l.Text())); name == "script" || name == "style" || name == "iframe" || name == "object" {
				return "a <" + name + "> element"
			}
		case phtml.AttributeToken:
			name := strings.ToLower(string(l.Text()))
			val := string(l.AttrVal())
			if len(val) >= 2 && (val[0] == '"' || val[0] == '\'') {
				val = val[1 : len(val)-1]
			}
			if strings.HasPrefix(name, "on") {
				return "an event attribute " + string(data)
			}
			if name == "href" || name == "src" || name == "action" || name == "formaction" {
				if s := browserScheme(html.UnescapeString(val)); s != "" && s != "http" && s != "https" && s != "mailto" && s != "tel" {
					return "a link with the " + s + ": scheme (" + string(data) + ")"
				}
			}
		}
	}
}

// browserScheme returns the lower-case scheme a browser finds in a URL
// attribute: leading and trailing C0 controls and spaces are trimmed and
// tabs and newlines removed before the scheme is read (WHATWG URL).
func browserScheme(v string) string {
	v = strings.TrimFunc(v, func(r rune) bool { return r <= ' ' })
	v = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, v)
	i := strings.IndexByte(v, ':')
	if i <= 0 {
		return ""
	}
	s := strings.ToLower(v[:i])
	for k, c := range []byte(s) {
		alpha := c >= 'a' && c <= 'z'
		if !alpha && (k == 0 || !(c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.')) {
			return "" // not a scheme: a relative URL with a colon later on
		}
	}
	return s
}

func TestBrowserScheme(t *testing.T) {
	for in, want := range map[string]string{
		"https://example.org/":     "https",
		" \x01JavaScript:alert(1)": "javascript",
		"java\tscript:x":           "javascript",
		"/articles/a:b/":           "",
		"#x":                       "",
		"mailto:a@example.org":     "mailto",
		"1x:y":                     "",
	} {
		if got := browserScheme(in); got != want {
			t.Errorf("browserScheme(%q) = %q, want %q", in, got, want)
		}
	}
	if s := browserScheme(html.UnescapeString("java&#09;script:x")); s != "javascript" {
		t.Errorf("entity-encoded tab: got %q", s)
	}
}

func TestScriptIn(t *testing.T) {
	for _, bad := range []string{
		`<p><a href="java&#x09;script:alert(1)">x</a></p>`,
		`<p><img src=" vbscript:x" alt=""></p>`,
		`<p onmouseover="x">y</p>`,
		`<SCRIPT>x</SCRIPT>`,
	} {
		if scriptIn([]byte(bad)) == "" {
			t.Errorf("scriptIn(%s) found nothing", bad)
		}
	}
	if msg := scriptIn([]byte(`<p><a href="/a:b/">x</a> <a href="tel:+441632960000">t</a></p>`)); msg != "" {
		t.Errorf("safe HTML flagged: %s", msg)
	}
}
