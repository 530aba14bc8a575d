package markdown

import (
	"strings"
	"testing"
)

func TestSlugify(t *testing.T) {
	for in, want := range map[string]string{
		"Head injuries":                "head-injuries",
		"Zoë's café":                   "zoes-cafe",
		"Step 1: anatomy & physiology": "step-1-anatomy-physiology",
		"  --Weird   spacing--  ":      "weird-spacing",
		"Straße":                       "strasse",
		"CPD (continuing development)": "cpd-continuing-development",
		"":                             "",
	} {
		if got := Slugify(in); got != want {
			t.Errorf("Slugify(%q) = %q, want %q", in, got, want)
		}
	}
}

func convert(t *testing.T, src string) *Result {
	t.Helper()
	r := New(false)
	res, err := r.Convert([]byte(src), Doc{File: "content/articles/x.md", Dir: "articles", BodyLine: 10, Base: "/articles/x/",
		Resolve: func(p string) (string, bool) {
			switch p {
			case "articles/safety.md":
				return "/articles/safety/", true
			case "glossary.md":
				return "/glossary/", true
			}
			return "", false
		}})
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestHeadingIDsStableAndUnique(t *testing.T) {
	res := convert(t, "## Risks\n\n## Risks\n\n## Risks {#own}\n\n### Zoë\n")
	var ids []string
	for _, h := range res.Headings {
		ids = append(ids, h.ID)
	}
	if got := strings.Join(ids, ","); got != "risks,risks-2,own,zoe" {
		t.Errorf("ids = %s", got)
	}
}

func TestLinksRewrittenAndPlaced(t *testing.T) {
	res := convert(t, "First line.\n\nSee [safety](safety.md#head-injuries), [terms](../glossary.md)\nand [gone](gone.md).\n")
	html := string(res.HTML)
	for _, want := range []string{`href="/articles/safety/#head-injuries"`, `href="/glossary/"`} {
		if !strings.Contains(html, want) {
			t.Errorf("missing %s in %s", want, html)
		}
	}
	if len(res.Links) != 2 || res.Links[0].Line != 12 || res.Links[0].Col != 5 {
		t.Errorf("links = %+v", res.Links)
	}
	if len(res.Problems) != 1 || res.Problems[0].Line != 13 || res.Problems[0].Col != 5 || !res.Problems[0].Warning {
		t.Errorf("problems = %+v", res.Problems)
	}
}

func TestRawHTMLOffAndSchemes(t *testing.T) {
	res := convert(t, "<script>alert(1)</script>\n\n[x](javascript:alert(1)) [m](mailto:a@example.org) [t](tel:+441632960000)\n")
	html := string(res.HTML)
	if strings.Contains(html, "<script>") {
		t.Errorf("raw HTML got through: %s", html)
	}
	if strings.Contains(html, "javascript:") {
		t.Errorf("javascript: link kept: %s", html)
	}
	if len(res.Problems) != 1 || !strings.Contains(res.Problems[0].Msg, "javascript: scheme") {
		t.Errorf("problems = %+v", res.Problems)
	}
	if !strings.Contains(html, `href="mailto:a@example.org"`) || !strings.Contains(html, `href="tel:+441632960000"`) {
		t.Errorf("mailto/tel lost: %s", html)
	}
}

func TestSectionsForSearch(t *testing.T) {
	res := convert(t, "Intro \"quoted\".\n\n## Head injuries\n\nTell your *practitioner*.\n\n```\ncode here\n```\n")
	if len(res.Sections) != 2 {
		t.Fatalf("sections = %+v", res.Sections)
	}
	if res.Sections[0].Text != "Intro “quoted”." {
		t.Errorf("intro = %q", res.Sections[0].Text)
	}
	s := res.Sections[1]
	if s.Heading != "Head injuries" || s.Anchor != "head-injuries" || s.Text != "Tell your practitioner. code here" {
		t.Errorf("section = %+v", s)
	}
}
