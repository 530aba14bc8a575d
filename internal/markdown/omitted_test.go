package markdown

import (
	"fmt"
	"strings"
	"testing"
)

// TestOmittedHTMLWarned: with raw HTML off, each element left out of a
// page is a warning at its line, once a line: a block's text is lost, an
// inline element's text stays without its markup; closing tags and
// comments are not, nor anything in a bio.
func TestOmittedHTMLWarned(t *testing.T) {
	const why = "is left out of the page, with any text inside it, because raw_html is off in content/site.yaml; write Markdown instead"
	const whyInline = "is left out of the page, its text kept as plain text, because raw_html is off in content/site.yaml; write Markdown instead"
	tests := []struct {
		name, src string
		want      []string
	}{
		{"inline elements, once a line", "Intro.\n\nWater is H<sub>2</sub>O, line<br>break.\n",
			[]string{"12:11: raw HTML <sub> " + whyInline}},
		{"a block", "Intro.\n\n<details><summary>More</summary>Hidden text</details>\n",
			[]string{"12:1: raw HTML <details> " + why}},
		{"a block over lines, and inline HTML below it", "<DIV class=\"note\">\nText\n</DIV>\n\nThen <kbd>Ctrl</kbd>.\n",
			[]string{"10:1: raw HTML <div> " + why, "14:6: raw HTML <kbd> " + whyInline}},
		{"a comment", "Intro.\n\n<!-- a note to editors -->\n\nText <!-- inline --> here.\n", nil},
		{"code is not HTML", "Write `<br>` or\n\n    <details>\n", nil},
		{"escaped", "A \\<b> is text.\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := New(false).Convert([]byte(tt.src), Doc{File: "content/a.md", BodyLine: 10, OmittedHTML: true})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range res.Problems {
				if !p.Warning {
					t.Errorf("not a warning: %+v", p)
				}
				got = append(got, fmt.Sprintf("%d:%d: %s", p.Line, p.Col, p.Msg))
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
	// With raw HTML on, or for a bio (OmittedHTML off), nothing is left
	// out without a word.
	for _, c := range []struct {
		raw bool
		doc Doc
	}{{true, Doc{File: "content/a.md", OmittedHTML: true}}, {false, Doc{File: "content/practitioners/a.yaml"}}} {
		res, err := New(c.raw).Convert([]byte("H<sub>2</sub>O\n"), c.doc)
		if err != nil || len(res.Problems) != 0 {
			t.Errorf("raw %v, %+v: %v %+v", c.raw, c.doc, err, res.Problems)
		}
	}
}
