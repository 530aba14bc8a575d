package markdown

import (
	"strings"
	"testing"
	"unicode/utf8"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// FuzzConvertRawHTML feeds arbitrary page bodies to a renderer that lets
// raw HTML through. A body the checks pass (warnings aside) must give HTML
// that, parsed the way a browser builds its page (HTML5 tree building,
// with SVG and MathML and the elements that break out of them), runs no
// script and loads nothing from another site: the page must be safe
// without the site's Content-Security-Policy.
//
// make test runs the seeds below; go test -fuzz FuzzConvertRawHTML searches.
func FuzzConvertRawHTML(f *testing.F) {
	for _, s := range []string{
		"<details>\n<summary>S</summary>\n\nText.\n\n</details>\n",
		"The <abbr title=\"t\">CST</abbr> <kbd>F</kbd> 2<sup>2</sup><br>x\n",
		"<figure>\n<img src=\"/images/a.png\" alt=\"A\" width=\"3\">\n<figcaption>C</figcaption>\n</figure>\n",
		"Text <noscript> and <img alt=\"\" title=\"</noscript><img src=x onerror=alert(1)>\">\n",
		"<div title=\"\n\n[x](https://a.example/onmouseover=alert(1)//)\n",
		"<div>\n<!--\n\nText <img alt=\"\" title=\"--><img src=x onerror=alert(1)>\">\n",
		"<svg><title><img alt=\"\" src=x onerror=alert(1)></title></svg>\n",
		"<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>\n",
		"<!-- a --!><img alt=\"\" src=x onerror=alert(1)> -->\n",
		"<div><![CDATA[><img alt=\"\" src=x onerror=alert(1)>]]></div>\n",
		"<svg><a><set attributeName=\"href\" to=\"javascript:alert(1)\"/><text>x</text></a></svg>\n",
		"<a href=\"jav&#x61;script:alert(1)\">x</a> <a href=\"java&Tab;script:x\">y</a>\n",
		"<img alt=\"\" srcset=\"/a.png 1x, https://evil.example.net/b.png 2x\">\n",
		"<p>x <b>y\n\n*z* <i>w</i>\n",
	} {
		f.Add(s)
	}
	r := New(true)
	doc := Doc{File: "content/articles/page.md", Dir: "articles", BodyLine: 4, Base: "/articles/page/"}
	f.Fuzz(func(t *testing.T, src string) {
		if !utf8.ValidString(src) {
			return
		}
		res, err := r.Convert([]byte(src), doc)
		if err != nil {
			t.Fatalf("Convert: %v", err)
		}
		for _, p := range res.Problems {
			if !p.Warning {
				return // the build stops; nothing is published
			}
		}
		if msg := unsafeInPage(res.HTML); msg != "" {
			t.Fatalf("published without an error: %s in %s", msg, res.HTML)
		}
	})
}

// unsafeInPage parses out as the body of a page, as a browser does, and
// describes the first element or attribute that would run a script, load
// from another site or send the visitor on; "" when there is none.
func unsafeInPage(out string) string {
	body := &xhtml.Node{Type: xhtml.ElementNode, Data: "body", DataAtom: atom.Body}
	nodes, err := xhtml.ParseFragment(strings.NewReader(out), body)
	if err != nil {
		return "unparsable HTML: " + err.Error()
	}
	var walk func(n *xhtml.Node) string
	walk = func(n *xhtml.Node) string {
		if n.Type == xhtml.ElementNode {
			switch n.Data {
			case "script", "style", "iframe", "object", "embed", "base", "link", "frame", "set", "animate":
				return "a <" + n.Data + "> element"
			}
			for _, a := range n.Attr {
				key := strings.ToLower(a.Key)
				if strings.HasPrefix(key, "on") {
					return "an event attribute " + key
				}
				if key == "http-equiv" && strings.EqualFold(strings.TrimSpace(a.Val), "refresh") {
					return "a meta refresh"
				}
				if key == "href" || key == "src" || key == "action" || key == "formaction" || key == "poster" || key == "background" || key == "data" {
					s := browserScheme(a.Val)
					if s != "" && s != "http" && s != "https" && s != "mailto" && s != "tel" {
						return key + " with the " + s + ": scheme"
					}
					if (key == "src" || key == "poster" || key == "background" || key == "data") && (s != "" || strings.HasPrefix(strings.TrimSpace(a.Val), "//")) {
						return key + " loading from another site: " + a.Val
					}
				}
				if key == "srcset" {
					for _, v := range urlValues("srcset", a.Val) {
						if browserScheme(v) != "" || strings.HasPrefix(v, "//") {
							return "srcset with an address of another site: " + a.Val
						}
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if msg := walk(c); msg != "" {
				return msg
			}
		}
		return ""
	}
	for _, n := range nodes {
		if msg := walk(n); msg != "" {
			return msg
		}
	}
	return ""
}

func TestUnsafeInPage(t *testing.T) {
	for _, bad := range []string{
		`<div title="<p><a href="https://a.example/onmouseover=alert(1)//">x</a></p>`,
		`<svg><style><img src=x onerror=alert(1)></style></svg>`,
		`<p><a href="java&#x09;script:alert(1)">x</a></p>`,
		`<img alt="" src="https://evil.example.net/t.gif">`,
	} {
		if unsafeInPage(bad) == "" {
			t.Errorf("unsafeInPage(%s) found nothing", bad)
		}
	}
	if msg := unsafeInPage(`<details><summary>S</summary><p><abbr title="t">A</abbr> <img src="/a.png" alt=""> <a href="tel:+441632960000">t</a></p></details>`); msg != "" {
		t.Errorf("safe HTML flagged: %s", msg)
	}
}
