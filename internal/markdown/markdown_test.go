package markdown

import (
	"bytes"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

func TestSlugify(t *testing.T) {
	for in, want := range map[string]string{
		"Head injuries":                "head-injuries",
		"Zoë's café":                   "zoes-cafe",
		"Step 1: anatomy & physiology": "step-1-anatomy-physiology",
		"  --Weird   spacing--  ":      "weird-spacing",
		"Straße":                       "strasse",
		"CPD (continuing development)": "cpd-continuing-development",
		"Łódź and Søren’s Ægir":        "lodz-and-sorens-aegir",
		"Þóra Ðuric, Wałęsa":           "thora-duric-walesa",
		"İstanbul":                     "istanbul",
		"Ζωή και Москва":               "ζωη-και-москва",
		"x² and ½":                     "x2-and-1-2",
		"":                             "",
		// Invisible characters pasted with a heading are nothing: its id
		// is the one an editor who links to it reads off the page.
		"Cranio\u00adsacral\u200b ther\u200capy\ufeff": "craniosacral-therapy",
		"Ｈｅａｄ　ｉｎｊｕｒｉｅｓ":                                "head-injuries",
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

// TestHeadingIDsNumbered: a number never repeats an id, whether the id
// came from a heading's text, its own {#id} or an earlier number; and a
// page of thousands of headings of one text gets them all.
func TestHeadingIDsNumbered(t *testing.T) {
	res := convert(t, "## Risks\n\n## Risks\n\n## Risks 2\n\n## Other {#risks-3}\n\n## Risks\n\n## Risks\n")
	var ids []string
	for _, h := range res.Headings {
		ids = append(ids, h.ID)
	}
	if got := strings.Join(ids, ","); got != "risks,risks-2,risks-2-2,risks-3,risks-4,risks-5" {
		t.Errorf("ids = %s", got)
	}
	res = convert(t, strings.Repeat("## Notes\n\n", 20_000))
	seen := map[string]bool{}
	for _, h := range res.Headings {
		if seen[h.ID] {
			t.Fatalf("id %s twice", h.ID)
		}
		seen[h.ID] = true
	}
	if len(seen) != 20_000 || !seen["notes-20000"] {
		t.Errorf("%d ids, notes-20000 %v", len(seen), seen["notes-20000"])
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
	// The missing page is a link too, marked as reported, so that the link
	// check does not report it a second time against the layout.
	if len(res.Links) != 3 || res.Links[0].Line != 12 || res.Links[0].Col != 5 || res.Links[0].Reported ||
		res.Links[2] != (Link{Dest: "gone.md", Line: 13, Col: 5, Reported: true}) {
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

// Links in Markdown follow the site's rule for links (package link): the
// same addresses are refused as in notes, the menu and data files, and
// the link is written as "#".
func TestLinkRule(t *testing.T) {
	for _, tc := range []struct{ dest, msg string }{
		{"//evil.example/x", `link "//evil.example/x" starts with //, which browsers read as an address on another site; write it in full, such as https://evil.example/x`},
		{"https://user:pw@example.org/", `link "https://user:pw@example.org/" must not carry a user name or password, which every visitor would see; remove the part up to and including the @`},
		{"mailto:", `link "mailto:" has nothing after mailto:; write the address right after the colon, such as mailto:info@example.org`},
		{"http:example.org", `link "http:example.org" has no host; write it in full, such as https://example.org/`},
		{"data:text/html,x", `link "data:text/html,x" uses the data: scheme; link to a page on this site or to an http, https, mailto or tel address`},
	} {
		res := convert(t, "[somewhere](<"+tc.dest+">)\n")
		if len(res.Problems) != 1 || res.Problems[0].Msg != tc.msg || res.Problems[0].Warning {
			t.Errorf("%s: problems = %+v, want %q", tc.dest, res.Problems, tc.msg)
		}
		if html := string(res.HTML); !strings.Contains(html, `href="#"`) {
			t.Errorf("%s: link kept: %s", tc.dest, html)
		}
	}
	res := convert(t, "[call](tel:+441632960905), [write](mailto:info@example.org), [site](/verify/), [page](#top), [web](https://example.org/).\n")
	if len(res.Problems) != 0 {
		t.Errorf("allowed links refused: %+v", res.Problems)
	}
}

func TestAutolinkSchemes(t *testing.T) {
	res := convert(t, "See <ftp://files.example.org/a> and <https://example.org/>.\n")
	html := string(res.HTML)
	if strings.Contains(html, `href="ftp:`) || !strings.Contains(html, "ftp://files.example.org/a") {
		t.Errorf("an ftp: autolink should be written as its text: %s", html)
	}
	if !strings.Contains(html, `<a href="https://example.org/" class="url">`) {
		t.Errorf("https autolink lost: %s", html)
	}
	if len(res.Problems) != 1 || !strings.Contains(res.Problems[0].Msg, "ftp: scheme") || res.Problems[0].Warning {
		t.Errorf("problems = %+v", res.Problems)
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

// TestSectionsSetItemsOff: the items of a list, the cells of a table and
// a paragraph that ends without a full stop are set off from what follows
// with " · " in the text for search, so an excerpt reads as items; a
// sentence's own punctuation is enough.
func TestSectionsSetItemsOff(t *testing.T) {
	res := convert(t, "Talk to your GP first if your baby:\n\n- has had a fall\n- was born early\n  - or late\n- cries \"a lot.\"\n\nThen book.\n\n| Step | Time |\n|---|---|\n| Talk | 10 min |\n")
	want := "Talk to your GP first if your baby: has had a fall · was born early · or late · cries “a lot.” Then book. Step · Time · Talk · 10 min"
	if got := res.Sections[0].Text; got != want {
		t.Errorf("text =\n%q\nwant\n%q", got, want)
	}
}

// TestAutolinksMatchLinkify: skipping linkify in a body without "http",
// "ftp:", "www." or "@" changes nothing; the tree of every body, with or
// without them, renders as goldmark's own GFM makes it.
func TestAutolinksMatchLinkify(t *testing.T) {
	ref := goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.DefinitionList, extension.Typographer),
		goldmark.WithParserOptions(parser.WithAutoHeadingID(), parser.WithAttribute()),
	)
	r := New(false)
	lines := []string{
		"See www.example.org for more.",
		"Mail info@example.org today, not @someone.",
		"Write to info@example.org, or (https://example.org/a_b).",
		"ftp://files.example.org/x and http://example.org.",
		"An @ on its own, a www without a dot, HTTP://EXAMPLE.ORG in capitals.",
		"*www.example.org* _https://example.org_ ~mail@example.org~",
		"Plain text: therapists, certification, safety -- \"quotes\" and 'apostrophes'...",
		"| a | b |\n|---|---|\n| www.example.org | x@example.org |",
		"- [x] done https://example.org\n- [ ] todo",
		"Term\n: a definition with www.example.org[^1]\n\n[^1]: A note.",
		"# Heading www.example.org {#custom}\n\ntext",
		"[a link](https://example.org) beside www.example.org",
		"`code www.example.org` and <https://example.org>",
	}
	for _, src := range lines {
		var got, want bytes.Buffer
		if err := r.md.Renderer().Render(&got, []byte(src), r.parse([]byte(src))); err != nil {
			t.Fatal(err)
		}
		root := ref.Parser().Parse(text.NewReader([]byte(src)), parser.WithContext(parser.NewContext(parser.WithIDs(newIDs()))))
		if err := ref.Renderer().Render(&want, []byte(src), root); err != nil {
			t.Fatal(err)
		}
		// A table is put in its own scrolling region, a task's checkbox
		// in a label with its text (accessibleHTML).
		g := strings.Replace(got.String(), "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Table\">\n", "", 1)
		g = strings.Replace(g, "</table>\n</div>\n", "</table>\n", 1)
		g = strings.ReplaceAll(strings.ReplaceAll(g, "<label><input", "<input"), "</label>", "")
		g = strings.ReplaceAll(g, ` aria-label="Back to reference 1"`, "") // a footnote's back-link is named
		if g != want.String() {
			t.Errorf("%q:\n got %s\nwant %s", src, got.String(), want.String())
		}
	}
	for src, may := range map[string]bool{
		"no links here": false, "HTTP://EXAMPLE.ORG": false, "a@b": true,
		"see https://x": true, "www.x.org": true, "ftp://x": true,
	} {
		if got := mayAutolink([]byte(src)); got != may {
			t.Errorf("mayAutolink(%q) = %v, want %v", src, got, may)
		}
	}
}

// TestSpaceWriter: runs of white space, within a write or across writes
// and breaks, become one space, with none at either end.
func TestSpaceWriter(t *testing.T) {
	for _, tc := range []struct {
		parts []string // "|" is a Break
		want  string
	}{
		{[]string{"  a  b\t\nc  "}, "a b c"},
		{[]string{"a", "b"}, "ab"},
		{[]string{"a ", " b"}, "a b"},
		{[]string{"a", "|", "b"}, "a b"},
		{[]string{"|", "a", "|", "|"}, "a"},
		{[]string{"\r\n\v\f"}, ""},
		{[]string{"x\u00a0y"}, "x\u00a0y"}, // only ASCII white space collapses
		{[]string{"certification ", "\n", "matters"}, "certification matters"},
		{[]string{"one two  three four"}, "one two three four"},
		{[]string{"one two ", "three"}, "one two three"},
		{[]string{"one \ttwo \nthree x"}, "one two three x"},
	} {
		var s spaceWriter
		for i, p := range tc.parts {
			switch {
			case p == "|":
				s.Break()
			case i%2 == 0:
				s.WriteString(p)
			default:
				s.Write([]byte(p))
			}
		}
		if got := s.String(); got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.parts, got, tc.want)
		}
	}
}

func BenchmarkSpaceWriter(b *testing.B) {
	line := []byte("Over 52 years the practitioner has become more careful, and the client notices it.  Ask\tfirst.\n")
	var s spaceWriter
	b.SetBytes(int64(len(line)))
	for b.Loop() {
		s.Reset()
		for range 20 {
			s.Write(line)
		}
	}
}

// TestHeadingOutline: a page's headings must form an outline under its
// title, which the layout writes as the page's one <h1>.
func TestHeadingOutline(t *testing.T) {
	for _, tc := range []struct {
		src  string
		want []string // "line:col: message", warnings, at the # marks
	}{
		{"## A\n\n### B\n\n#### C\n\n## D\n\n### E\n", nil},
		{"Intro.\n\n#### Deep\n", []string{"12:1: heading level 4 (####) comes after level 1, skipping a level of the outline screen-reader users navigate by; use ## here"}},
		{"## A\n\n#### B\n\n### C\n", []string{"12:1: heading level 4 (####) comes after level 2, skipping a level of the outline screen-reader users navigate by; use ### here"}},
		{"# Title again\n\n## A\n", []string{"10:1: a level-1 heading (#) makes a second page title; the title is the page's only one, so start sections at ##"}},
		{"Intro.\n\n   #### Indented\n", []string{"12:4: heading level 4 (####) comes after level 1, skipping a level of the outline screen-reader users navigate by; use ## here"}},
		{"> #### Quoted\n", []string{"10:3: heading level 4 (####) comes after level 1, skipping a level of the outline screen-reader users navigate by; use ## here"}},
		{"Setext\n======\n", []string{"10:1: a level-1 heading (#) makes a second page title; the title is the page's only one, so start sections at ##"}},
	} {
		res := convert(t, tc.src)
		var got []string
		for _, p := range res.Problems {
			if !p.Warning {
				t.Errorf("%q: %d:%d: %s is an error, want a warning", tc.src, p.Line, p.Col, p.Msg)
			}
			got = append(got, fmt.Sprintf("%d:%d: %s", p.Line, p.Col, p.Msg))
		}
		if len(got) != len(tc.want) {
			t.Errorf("%q: problems %q, want %q", tc.src, got, tc.want)
			continue
		}
		for i := range got {
			if got[i] != tc.want[i] {
				t.Errorf("%q: problem %q, want %q", tc.src, got[i], tc.want[i])
			}
		}
	}
	// Bios and notes sit under headings of their own: no outline check.
	res, err := New(false).Convert([]byte("#### Deep\n"), Doc{})
	if err != nil || len(res.Problems) != 0 {
		t.Errorf("a fragment without a file got %v, %v", res.Problems, err)
	}
}

func TestVagueLinkText(t *testing.T) {
	res := convert(t, "Read [the safety page](safety.md). For more, [click here](../glossary.md)\nor [Read more…](../glossary.md) or [**here**.](../glossary.md)\n")
	var got []string
	for _, p := range res.Problems {
		msg, _, _ := strings.Cut(p.Msg, " does")
		got = append(got, fmt.Sprintf("%d:%d %t %s", p.Line, p.Col, p.Warning, msg))
	}
	// Columns count characters: "…" is one, though three bytes. A
	// problem is at the link's [, also when its text starts with **.
	want := []string{`10:46 true link text "click here"`, `11:4 true link text "read more"`, `11:36 true link text "here"`}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("problems %q, want %q", got, want)
	}
}

// TestEmptyLinkText: a link with no text, or whose only content is an
// image marked as decoration, has no name for screen readers to announce
// (axe's link-name rule); it is a warning at its [. An image with text
// names its link, and one with none at all has its own warning.
func TestEmptyLinkText(t *testing.T) {
	res := convert(t, "[](safety.md) [ ](safety.md) [![\"\"](/images/logo.svg)](safety.md)\n"+
		"[![The safety page](/images/logo.svg)](safety.md) [`safety.md`](safety.md) [![](/images/logo.svg)](safety.md)\n")
	got := problemLines(res)
	const none = "link has no text between its brackets, so screen readers cannot say where it goes; describe the destination there, like [the safety page](safety.md)"
	want := []string{
		"10:1: warning: " + none, "10:15: warning: " + none,
		`10:30: warning: link has no text: its only content is an image marked as decoration (![""]), so screen readers cannot say where it goes; describe the destination in the image's text, like [![The safety page](picture.png)](safety.md)`,
		`11:77: warning: image "/images/logo.svg" has no text between its brackets, and is published with alt="", which tells screen readers to pass over it as decoration; describe the picture between the brackets, as in ![A practitioner's hands on a shoulder](/images/logo.svg), or, if it is only decoration, write ![""](/images/logo.svg) to say so`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestTableRowWithExtraCells: GFM leaves a row's cells past the table's
// columns out of the page; each such row is a warning at the first cell
// left out. A pipe escaped with a backslash is text, a row with fewer
// cells is filled with empty ones, and a table inside a quotation is read
// from its own lines.
func TestTableRowWithExtraCells(t *testing.T) {
	res := convert(t, "| Fee | Length |\n|---|---|\n| £60 | 1 hour | extra |\n| 4 |\n| a \\| b | c |\n  5 | 6 | 7 | 8\n\n"+
		"> | q | r |\n> |---|---|\n> | s | t | u |\n")
	got := problemLines(res)
	const fix = " is left out of the page; add a column to the first row and the line under it, or remove the cell"
	want := []string{
		`12:18: warning: this row has 3 cells and the table 2 columns, so "extra"` + fix,
		`15:11: warning: this row has 4 cells and the table 2 columns, so "7 | 8"` + fix,
		`19:13: warning: this row has 3 cells and the table 2 columns, so "u"` + fix,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if !strings.Contains(string(res.HTML), "<td>a | b</td>") {
		t.Errorf("an escaped pipe is not text in its cell:\n%s", res.HTML)
	}
}

// TestPlaceholders: a line of a paragraph, list item, quotation, heading
// or table cell that starts with TODO, and bold text that does, are
// placeholders, reported at the T; TODO in prose, in code or in raw HTML
// is not.
func TestPlaceholders(t *testing.T) {
	src := "TODO: write the article.\n" + // 10
		"\n" +
		"A paragraph about the todo list and a TODO in the middle,\n" + // 12
		"TODO on a line of its own\n" + // 13
		"and TODOs after it.\n" +
		"\n" +
		"- first item\n" + // 16
		"- TODO\n" + // 17
		"\n" +
		"> TODO: a quotation\n" + // 19
		"\n" +
		"## TODO heading\n" + // 21
		"\n" +
		"```\n" +
		"TODO in code\n" +
		"```\n" +
		"\n" +
		"    TODO indented code\n" +
		"\n" +
		"<!-- TODO in a comment -->\n" +
		"\n" +
		"Todo, todo. TODOs. `TODO` and *TODO*.\n" +
		"\n" +
		"Zoë’s TODO\n" +
		"  TODO after spaces in a paragraph\n" + // 34
		"\n" +
		"| Fee | Length |\n" + // 36
		"| --- | --- |\n" +
		"| TODO | 1 hour |\n" + // 38
		"| £50 |  TODO: how long |\n" + // 39
		"| a TODO | x |\n" +
		"\n" +
		"The fee is **TODO** a session, **TODO: the fee for two**, and **not TODO**.\n" + // 42
		"**TODO**\n" + // 43
		"\n" +
		"The fee is *TODO: the fee*, and *TODO* is a word.\n" // 45
	r := New(false)
	doc := Doc{File: "content/articles/x.md", Dir: "articles", BodyLine: 10, Base: "/articles/x/", Placeholders: true}
	res, err := r.Convert([]byte(src), doc)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range res.Problems {
		if !p.Warning {
			t.Errorf("%d:%d: %s is an error, want a warning", p.Line, p.Col, p.Msg)
		}
		got = append(got, fmt.Sprintf("%d:%d: %s", p.Line, p.Col, p.Msg))
	}
	want := []string{
		`10:1: placeholder "TODO: write the article." left to fill in; replace it with the text it stands for`,
		`13:1: placeholder "TODO on a line of its own" left to fill in; replace it with the text it stands for`,
		`17:3: placeholder "TODO" left to fill in; replace it with the text it stands for`,
		`19:3: placeholder "TODO: a quotation" left to fill in; replace it with the text it stands for`,
		`21:4: placeholder "TODO heading" left to fill in; replace it with the text it stands for`,
		`34:3: placeholder "TODO after spaces in a paragraph" left to fill in; replace it with the text it stands for`,
		`38:3: placeholder "TODO" left to fill in; replace it with the text it stands for`,
		`39:10: placeholder "TODO: how long" left to fill in; replace it with the text it stands for`,
		`42:14: placeholder "TODO" left to fill in; replace it with the text it stands for`,
		`42:34: placeholder "TODO: the fee for two" left to fill in; replace it with the text it stands for`,
		`43:3: placeholder "TODO" left to fill in; replace it with the text it stands for`,
		`45:13: placeholder "TODO: the fee" left to fill in; replace it with the text it stands for`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Text from YAML (a bio) is left to yamldoc.
	doc.Placeholders = false
	if res, _ := r.Convert([]byte(src), doc); len(res.Problems) != 0 {
		t.Errorf("without Placeholders: %v", res.Problems)
	}
}

// BenchmarkConvert converts the bodies of the bundled site's pages, as the
// build does: the cost of Convert on the pages editors write.
func BenchmarkConvert(b *testing.B) {
	bodies, size := bundledBodies(b)
	r := New(false)
	doc := Doc{File: "content/articles/x.md", Dir: "articles", BodyLine: 5, Base: "/articles/x/",
		Resolve: func(string) (string, bool) { return "/", true }}
	b.SetBytes(size)
	for b.Loop() {
		for _, body := range bodies {
			if _, err := r.Convert(body, doc); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkTooDeep is the look for nesting that Convert takes before it
// parses, over the same pages: its share of BenchmarkConvert is its cost.
func BenchmarkTooDeep(b *testing.B) {
	bodies, size := bundledBodies(b)
	b.SetBytes(size)
	for b.Loop() {
		for _, body := range bodies {
			if _, deep := tooDeep(body, Doc{}); deep {
				b.Fatal("a bundled page is too deep")
			}
		}
	}
}

// bundledBodies are the bodies of the bundled site's pages and their size.
func bundledBodies(b testing.TB) (bodies [][]byte, size int64) {
	err := filepath.WalkDir(filepath.Join("..", "..", "content"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return err
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if _, body, ok := bytes.Cut(src[3:], []byte("\n---\n")); ok {
			bodies = append(bodies, body)
			size += int64(len(body))
		}
		return nil
	})
	if err != nil || len(bodies) == 0 {
		b.Fatalf("no pages: %v", err)
	}
	return bodies, size
}

// TestTooDeep: a line nested deeper than any reader can follow is reported
// at the marker or line that goes too deep, and the body is not parsed
// (goldmark would take seconds to minutes over these); text nested as deep
// as the limits allow, or that only looks nested, converts as usual.
func TestTooDeep(t *testing.T) {
	deepList := func(levels int) string {
		var b strings.Builder
		b.WriteString("Intro.\n\n")
		for i := range levels {
			b.WriteString(strings.Repeat("  ", i) + "- item\n")
		}
		return b.String()
	}
	nested := func(n int) string {
		return fmt.Sprintf("block quotes and lists nested %d levels deep; Markdown allows it, but no reader can follow it: flatten the quotes or lists to 64 levels or fewer", n)
	}
	for _, tc := range []struct {
		name, src string
		want      string // "line:col: message", or "" for none
	}{
		{"100,000 quote markers", "Intro.\n\n" + strings.Repeat(">", 100_000) + "\n", "12:65: " + nested(100_000)},
		{"quote markers and text", strings.Repeat("> ", 70) + "Deep.\n", "10:129: " + nested(70)},
		{"list markers on one line", "1. " + strings.Repeat("- ", 69) + "x\n", "10:130: " + nested(70)},
		{"a list nested by indentation", deepList(3000),
			"172:1: the text of this line starts 322 columns in, behind quotes and lists nested deeper than any reader can follow; flatten the quotes or lists, or indent the line less (at most 320 columns)"},
		{"quotes as deep as allowed", strings.Repeat(">", 64) + " Deep.\n", ""},
		{"a list as deep as allowed", deepList(160), ""},
		{"a line across the page", strings.Repeat("- ", 1000) + "\n", ""},
		{"a blank line of spaces", "A\n" + strings.Repeat(" ", 1000) + "\nB\n", ""},
		{"numbers and emphasis", "2019 was a year.\n\n**Bold** and - dash.\n\n1. One\n   1. Nested\n", ""},
		{"code in a fence", "Quoting an email:\n\n```text\n" + strings.Repeat(">", 80) + " reply\n" + strings.Repeat(" ", 400) + "x\n````\n```\n\n~~~~\n" + strings.Repeat("> ", 70) + "\n~~~\n~~~~\n", ""},
		{"quotes after a fence closes", "```\ncode\n```\n" + strings.Repeat(">", 70) + "\n", "13:65: " + nested(70)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := convert(t, tc.src)
			var got []string
			for _, p := range res.Problems {
				got = append(got, fmt.Sprintf("%d:%d: %s", p.Line, p.Col, p.Msg))
			}
			if strings.Join(got, "\n") != tc.want {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), tc.want)
			}
			if tc.want != "" && (res.HTML != "" || len(res.Problems) != 1 || res.Problems[0].Warning) {
				t.Errorf("HTML %.40q and problems %+v; want no HTML and one error", res.HTML, res.Problems)
			}
			if tc.want == "" && res.HTML == "" {
				t.Error("no HTML")
			}
		})
	}
}

// TestTooDeepColumns: in text indented in its file (a practitioner's bio
// in a YAML block), the column counts the indentation.
func TestTooDeepColumns(t *testing.T) {
	res, err := New(false).Convert([]byte("Bio.\n"+strings.Repeat(">", 65)+"\n"), Doc{File: "content/practitioners/x.yaml", BodyLine: 20, Indent: 2})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Problems) != 1 || res.Problems[0].Line != 21 || res.Problems[0].Col != 67 {
		t.Errorf("problems %+v, want one at 21:67", res.Problems)
	}
}

// TestRawHTMLChecked: when site.yaml lets raw HTML through, its links keep
// the site's link rule and a meta refresh is refused, at their place; what
// the Content-Security-Policy would silently block is a warning. With raw
// HTML off (the default) it is not published, so nothing is said.
func TestRawHTMLChecked(t *testing.T) {
	src := "Intro with <a href=\"JavaScript:alert(1)\">a link</a> and <img src='https://cdn.example.net/x.png' alt=\"\">.\n" +
		"\n" +
		"<div style=\"color:red\" onclick=\"go()\">\n" +
		"<meta http-equiv=\"Refresh\" content=\"0;url=https://example.net/\">\n" +
		"<a href=\"/verify/\">check</a> <a href=\"mailto:info@example.org\">mail</a> <a href=\"//example.net/\">x</a>\n" +
		"<script src=\"/assets/x.js\"></script><script>alert(1)</script><style>p{}</style>\n" +
		"<img src=\"/images/a.png\"></div>\n"
	want := []string{
		`11:15: error: href "JavaScript:alert(1)" uses the javascript: scheme; link to a page on this site or to an http, https, mailto or tel address`,
		`11:62: error: src "https://cdn.example.net/x.png" loads a file from another site, which would tell that site about every visitor and which the site's Content-Security-Policy blocks; copy the file into static/ and use its path`,
		`13:6: warning: a style attribute has no effect: the site's Content-Security-Policy allows styles only from files; give the element a class and style it in static/css`,
		`13:24: error: the onclick attribute would run a script, which the page must not leave to the site's Content-Security-Policy to block; remove it, and handle the event in a script in static/js`,
		`14:7: error: a meta refresh sends visitors on without asking; for an old address, add it to the new page's aliases`,
		`15:76: error: href "//example.net/" starts with //, which browsers read as an address on another site; write it in full, such as https://example.net/`,
		`16:1: error: a <script> would run in the page, which must not leave it to the site's Content-Security-Policy to block; the site's scripts are files in static/js, loaded from a layout`,
		`16:37: error: a <script> would run in the page, which must not leave it to the site's Content-Security-Policy to block; the site's scripts are files in static/js, loaded from a layout`,
		`16:62: error: a <style> element would restyle the whole page and can load files from other sites; put the rules in static/css and give the element a class`,
		`17:2: warning: an <img> has no alt attribute, so screen readers read out its file name instead; describe the picture in alt="…", or write alt="" if it is only decoration`,
	}
	r := New(true)
	res, err := r.Convert([]byte(src), Doc{File: "content/x.md", BodyLine: 11, Base: "/x/"})
	if err != nil {
		t.Fatal(err)
	}
	got := problemLines(res)
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// The links raw HTML publishes are listed at their place, so that the
	// page's link check reports a broken one there.
	var links []string
	for _, l := range res.Links {
		links = append(links, fmt.Sprintf("%d:%d %s", l.Line, l.Col, l.Dest))
	}
	if want := "15:4 /verify/ 15:33 mailto:info@example.org 17:6 /images/a.png"; strings.Join(links, " ") != want {
		t.Errorf("links %q, want %q", strings.Join(links, " "), want)
	}
	if res := convert(t, src); len(res.Problems) != 0 {
		t.Errorf("with raw HTML off: %+v", res.Problems)
	}
}

// TestPlainParserSameTree: a body with nothing an extended autolink can
// start with is parsed without linkify (Renderer.plain), and must come
// out exactly as the full parser gives it; one with a candidate still gets
// its autolink. Every page of the bundled site is tried both ways.
func TestPlainParserSameTree(t *testing.T) {
	r := New(false)
	render := func(p parser.Parser, body []byte) string {
		var b strings.Builder
		root := p.Parse(text.NewReader(body), parser.WithContext(parser.NewContext(parser.WithIDs(newIDs()))))
		if err := r.md.Renderer().Render(&b, body, root); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	bodies, _ := bundledBodies(t)
	plain := 0
	for _, body := range append(bodies, []byte("Written *in* (brackets) ~so~ _on_ and on.\n")) {
		if mayAutolink(body) {
			continue
		}
		plain++
		if a, b := render(r.md.Parser(), body), render(r.plain, body); a != b {
			t.Errorf("the plain parser differs on %.60q:\n%s\nfull:\n%s", body, b, a)
		}
	}
	if plain < 10 {
		t.Errorf("only %d bodies without autolink candidates", plain)
	}
	res := convert(t, "Mail info@example.org or see www.example.org.\n")
	if !strings.Contains(res.HTML, `<a href="mailto:info@example.org">`) || !strings.Contains(res.HTML, `<a href="http://www.example.org" class="url">`) {
		t.Errorf("autolinks lost: %s", res.HTML)
	}
}

func TestMayAutolink(t *testing.T) {
	for src, want := range map[string]bool{
		"Plain text: with a colon, and more: colons.": false,
		"see http://example.org":                      true,
		"see https://example.org":                     true,
		"get ftp://example.org/x":                     true,
		"at www.example.org":                          true,
		"mail info@example.org":                       true,
		"the http protocol: a note":                   false,
		"HTTP://EXAMPLE.ORG":                          false, // linkify's schemes are lower case
		":http:":                                      true,
		"":                                            false,
	} {
		if got := mayAutolink([]byte(src)); got != want {
			t.Errorf("mayAutolink(%q) = %v, want %v", src, got, want)
		}
	}
}

// TestTableRegion: a table scrolls in its own region, which Tab reaches
// and which is named after the section the table is in.
func TestTableRegion(t *testing.T) {
	res := convert(t, "| a |\n|---|\n| 1 |\n\n## What a \"session\" is like\n\n| b |\n|---|\n| 2 |\n")
	for _, want := range []string{
		"<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Table\">\n<table>\n<thead>\n<tr>\n<th>a</th>",
		"<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" aria-label=\"Table: What a “session” is like\">\n<table>\n<thead>\n<tr>\n<th>b</th>",
	} {
		if !strings.Contains(res.HTML, want) {
			t.Errorf("no %q in\n%s", want, res.HTML)
		}
	}
	if strings.Count(res.HTML, "</table>\n</div>\n") != 2 || strings.Contains(res.HTML, "sitegen-region") {
		t.Errorf("regions not closed, or the label attribute written:\n%s", res.HTML)
	}
}

// TestCodeRegion: a code block, which a long line makes scroll sideways,
// is a region Tab reaches, named after its section, fenced or indented.
func TestCodeRegion(t *testing.T) {
	res := convert(t, "```yaml\ntitle: <b>\n```\n\n## Checking \"drafts\"\n\n    sitegen check -drafts\n")
	for _, want := range []string{
		"<pre role=\"region\" tabindex=\"0\" aria-label=\"Code\"><code class=\"language-yaml\">title: &lt;b&gt;\n</code></pre>\n",
		"<pre role=\"region\" tabindex=\"0\" aria-label=\"Code: Checking “drafts”\"><code>sitegen check -drafts\n</code></pre>\n",
	} {
		if !strings.Contains(res.HTML, want) {
			t.Errorf("no %q in\n%s", want, res.HTML)
		}
	}
	if strings.Contains(res.HTML, "sitegen-region") {
		t.Errorf("the label attribute written:\n%s", res.HTML)
	}
}

// TestTaskListLabels: a task list's checkbox is in a label with the text
// of its task, in a tight list and a loose one, and a nested list stays
// out of the label.
func TestTaskListLabels(t *testing.T) {
	for src, want := range map[string]string{
		"- [x] Ask for a [photo](/training/)\n- [ ] Check the date\n  - a sub-item\n": "<ul>\n<li><label><input checked=\"\" disabled=\"\" type=\"checkbox\"> Ask for a <a href=\"/training/\">photo</a></label></li>\n<li><label><input disabled=\"\" type=\"checkbox\"> Check the date</label>\n<ul>\n<li>a sub-item</li>\n</ul>\n</li>\n</ul>\n",
		"- [ ] One\n\n- [x] Two\n": "<ul>\n<li>\n<p><label><input disabled=\"\" type=\"checkbox\"> One</label></p>\n</li>\n<li>\n<p><label><input checked=\"\" disabled=\"\" type=\"checkbox\"> Two</label></p>\n</li>\n</ul>\n",
		"Not a task: [x] here\n":   "<p>Not a task: [x] here</p>\n",
	} {
		if got := convert(t, src).HTML; got != want {
			t.Errorf("%q:\n got %s\nwant %s", src, got, want)
		}
	}
}

// TestAutolinkClass: an address written as a link, bare or in angle
// brackets, is marked class="url", as its text is its address; an email
// address and a link with words are not.
func TestAutolinkClass(t *testing.T) {
	got := convert(t, "See https://example.org/a and <https://example.org/b>, [words](https://example.org/c) or <info@example.org>.\n").HTML
	want := "<p>See <a href=\"https://example.org/a\" class=\"url\">https://example.org/a</a> and <a href=\"https://example.org/b\" class=\"url\">https://example.org/b</a>, <a href=\"https://example.org/c\">words</a> or <a href=\"mailto:info@example.org\">info@example.org</a>.</p>\n"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestRegionNamesUnique: two tables or two code blocks in one section get
// names of their own; a table's column alignment is a class, not a style
// attribute the Content-Security-Policy would block.
func TestRegionNamesUnique(t *testing.T) {
	html := convert(t, "## Fees\n\n| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n\n| d |\n|---|\n| 4 |\n\n    one\n\ntext\n\n    two\n").HTML
	for _, want := range []string{`aria-label="Table: Fees">`, `aria-label="Table: Fees (2)">`, `aria-label="Code: Fees">`, `aria-label="Code: Fees (2)">`,
		`<th class="align-left">a</th>`, `<th class="align-center">b</th>`, `<td class="align-right">3</td>`, "<th>d</th>"} {
		if !strings.Contains(html, want) {
			t.Errorf("no %s in\n%s", want, html)
		}
	}
	if strings.Contains(html, "style=") {
		t.Errorf("a style attribute in\n%s", html)
	}
}

// TestFootnoteBacklinkNames: a footnote's back-link says which reference
// it goes back to, and the back-links of a note referenced twice differ.
func TestFootnoteBacklinkNames(t *testing.T) {
	html := convert(t, "One.[^a] Two.[^b] Again.[^b]\n\n[^a]: A.\n[^b]: B.\n").HTML
	for _, want := range []string{
		`<a href="#fnref:1" class="footnote-backref" aria-label="Back to reference 1" role="doc-backlink">`,
		`<a href="#fnref:2" class="footnote-backref" aria-label="Back to reference 2 (first use)" role="doc-backlink">`,
		`<a href="#fnref1:2" class="footnote-backref" aria-label="Back to reference 2 (second use)" role="doc-backlink">`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("no %s in\n%s", want, html)
		}
	}
}

// TestHeadingTakesOnlyAnID: the attribute braces of a heading may give it
// an id, and nothing a page could dress up as the site's own notices or
// use to change how the page works by keyboard.
func TestHeadingTakesOnlyAnID(t *testing.T) {
	res := convert(t, "## Notice {#x .banner style=\"position:fixed\" tabindex=1 autofocus=true}\n\n## Plain {.banner}\n")
	if !strings.Contains(res.HTML, `<h2 id="x">Notice</h2>`) || !strings.Contains(res.HTML, `<h2 id="plain">Plain</h2>`) {
		t.Errorf("headings keep attributes other than their ids:\n%s", res.HTML)
	}
	for _, bad := range []string{"banner", "style", "tabindex", "autofocus"} {
		if strings.Contains(res.HTML, bad) {
			t.Errorf("%s is in the HTML:\n%s", bad, res.HTML)
		}
	}
	if len(res.Problems) != 2 || !res.Problems[0].Warning {
		t.Errorf("want a warning for each heading, got %+v", res.Problems)
	}
}

// TestRawHTMLAsBrowsersReadIt: raw HTML is read as a browser reads it,
// so an address in an attribute written after a /, on the next line, in
// another namespace or in an attribute that loads a file is checked all
// the same, and a meta refresh over two lines is still one.
func TestRawHTMLAsBrowsersReadIt(t *testing.T) {
	src := "<div>\n" +
		"<a/href=\"javascript:alert(1)\">slash</a>\n" +
		"<a\nhref=\"javascript:alert(2)\">newline</a>\n" +
		"<svg><a xlink:href=\"javascript:alert(3)\"><text>svg</text></a></svg>\n" +
		"<object data=\"javascript:alert(5)\"></object>\n" +
		"<meta\nhttp-equiv=\"refresh\" content=\"0;url=https://example.net/\">\n" +
		"<a href\n=\"javascript:alert(7)\">eq</a>\n" +
		"<img alt=\"\" srcset=\"/a.png 1x, javascript:alert(8) 2x\">\n" +
		"<iframe srcdoc=\"&lt;script&gt;\"></iframe>\n" +
		"</div>\n"
	res, err := New(true).Convert([]byte(src), Doc{File: "content/x.md", BodyLine: 1, Base: "/x/"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range res.Problems {
		if !p.Warning {
			got = append(got, fmt.Sprintf("%d:%d %s", p.Line, p.Col, p.Msg))
		}
	}
	want := []string{
		`2:4 href "javascript:alert(1)" uses the javascript: scheme`,
		`4:1 href "javascript:alert(2)" uses the javascript: scheme`,
		`5:9 xlink:href "javascript:alert(3)" uses the javascript: scheme`,
		`6:1 an <object> loads a plugin or another page`,
		`8:1 a meta refresh sends visitors on without asking`,
		`9:4 href "javascript:alert(7)" uses the javascript: scheme`,
		`11:13 srcset "javascript:alert(8)" uses the javascript: scheme`,
		`12:1 an <iframe> loads another page into this one`,
	}
	if len(got) != len(want) {
		t.Fatalf("got %d errors, want %d:\n%s", len(got), len(want), strings.Join(got, "\n"))
	}
	for i := range want {
		if !strings.HasPrefix(got[i], want[i]) {
			t.Errorf("error %d:\n got %s\nwant %s...", i, got[i], want[i])
		}
	}
}

// TestControlCharacters: a control character in a page's text, other
// than a tab or a line break, is a warning at its line and column, once a
// line, wherever it falls among the eight-byte steps of the scan.
func TestControlCharacters(t *testing.T) {
	for _, c := range []byte{0x00, 0x01, 0x0b, 0x1b, 0x1f, 0x7f} {
		for pad := 0; pad < 9; pad++ {
			src := "Fine line.\r\n" + strings.Repeat("é", pad) + "Text\t" + string(c) + "x" + string(c) + " end.\n"
			res, err := New(false).Convert([]byte(src), Doc{File: "content/a.md", BodyLine: 4, Placeholders: true})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, p := range res.Problems {
				got = append(got, fmt.Sprintf("%d:%d %v", p.Line, p.Col, p.Warning))
			}
			if want := fmt.Sprintf("5:%d true", pad+6); strings.Join(got, ",") != want {
				t.Errorf("U+%04X after %d characters: got %q, want %q", c, pad, got, want)
			}
		}
	}
	src := strings.Repeat("Plain text, tabs\tand line breaks\r\n", 20) + "\f"
	if res, _ := New(false).Convert([]byte(src), Doc{File: "content/a.md", BodyLine: 4}); len(res.Problems) != 1 || res.Problems[0].Line != 24 {
		t.Errorf("a form feed at the end: %+v", res.Problems)
	}
	if res, _ := New(false).Convert([]byte("Fine\n\x1b"), Doc{}); len(res.Problems) != 0 {
		t.Errorf("text of no file (a note, a bio's fragment): %+v", res.Problems)
	}
}

// TestC1Characters: a control character of U+0080 to U+009F in a page's
// text, which text saved in Windows-1252 and read with the wrong encoding
// has in place of its curly quotes and dashes, is a warning at its line
// and column that names the character it stood for, wherever it falls
// among the eight-byte steps of the scan; the characters that share its
// first byte (£, ©, a no-break space) are none.
func TestC1Characters(t *testing.T) {
	for pad := 0; pad < 9; pad++ {
		src := "Fine line.\n" + strings.Repeat("é", pad) + "It\u0092s \u0093soft\u0094.\n\u0081And more.\n"
		res, err := New(false).Convert([]byte(src), Doc{File: "content/a.md", BodyLine: 4, Placeholders: true})
		if err != nil {
			t.Fatal(err)
		}
		got := problemLines(res)
		want := []string{
			fmt.Sprintf("5:%d: warning: the control character U+0092 is in the text, which browsers do not show and HTML does not allow; it is most likely ’ from text saved in Windows-1252 and read with the wrong encoding; retype it as ’", pad+3),
			"6:1: warning: the control character U+0081 is in the text, which browsers do not show and HTML does not allow; remove it",
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("after %d characters: got\n%s\nwant\n%s", pad, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
	src := "Fees £45, © 2024, a\u00a0no-break space, ½ hour, ¿qué?\n"
	if res, _ := New(false).Convert([]byte(src), Doc{File: "content/a.md", BodyLine: 4}); len(res.Problems) != 0 {
		t.Errorf("%q: %+v", src, res.Problems)
	}
}

// TestByteOrderMark: a byte order mark (U+FEFF) inside the text, pasted in
// with text from elsewhere and shown by no browser, is a warning at its
// line and column, like a control character, wherever it falls among the
// eight-byte steps of the scan; a byte that starts one of its look-alikes
// (U+FEFE, U+EFBB) is no warning.
func TestByteOrderMark(t *testing.T) {
	for pad := 0; pad < 9; pad++ {
		src := "Fine line.\n" + strings.Repeat("é", pad) + "Cranio\ufeffsacral \ufeff therapy.\n\ufeffAnd more.\n"
		res, err := New(false).Convert([]byte(src), Doc{File: "content/a.md", BodyLine: 4, Placeholders: true})
		if err != nil {
			t.Fatal(err)
		}
		got := problemLines(res)
		const msg = "a byte order mark (U+FEFF) is in the text, an invisible character that comes with text pasted from elsewhere; browsers do not show it, but it stays in the page; remove it"
		want := []string{fmt.Sprintf("5:%d: warning: %s", pad+7, msg), "6:1: warning: " + msg}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("after %d characters: got\n%s\nwant\n%s", pad, strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	}
	for _, src := range []string{"Fine \ufefe text, \uefbb and \u00ef\u00bb\u00bf.\n", strings.Repeat("\xef", 3) + "\n"} {
		if res, _ := New(false).Convert([]byte(src), Doc{File: "content/a.md", BodyLine: 4}); len(res.Problems) != 0 {
			t.Errorf("%q: %+v", src, res.Problems)
		}
	}
}

// TestImageAltText: an image with nothing between its brackets is
// published with alt="", which tells screen readers to pass over it as
// decoration: unless the editor says so with ![""], it is a warning at
// the image's ! (a second image on the line, one in a list or a table,
// and one whose brackets hold only spaces too, published with alt=""). ![""] is published with
// alt="" and no warning; a description is published as written.
func TestImageAltText(t *testing.T) {
	src := "![](/images/a.png) and ![ ](/images/b.png \"Title\")\n\n" +
		"- Item ![][logo]\n\n" +
		"| Photo |\n|---|\n| x ![](/images/c.png) |\n\n" +
		"![\"\"](/images/swirl.svg) ![“”](/images/swirl.svg) ![A practitioner's hands](/images/hands.jpg)\n\n" +
		"[![](/images/logo.png)](/)\n\n" +
		"[logo]: /images/logo.png\n"
	res := convert(t, src)
	got := problemLines(res)
	const advice = ` has no text between its brackets, and is published with alt="", which tells screen readers to pass over it as decoration; describe the picture between the brackets, as in ![A practitioner's hands on a shoulder](%s), or, if it is only decoration, write ![""](%s) to say so`
	msg := func(dest string) string { return fmt.Sprintf("image %q"+advice, dest, dest, dest) }
	want := []string{
		"10:1: warning: " + msg("/images/a.png"),
		"10:24: warning: " + msg("/images/b.png"),
		"12:8: warning: " + msg("/images/logo.png"),
		"16:5: warning: " + msg("/images/c.png"),
		"20:2: warning: " + msg("/images/logo.png"),
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, want := range []string{`<img src="/images/swirl.svg" alt="" loading="lazy">`, `<img src="/images/hands.jpg" alt="A practitioner&rsquo;s hands" loading="lazy">`} {
		if !strings.Contains(res.HTML, want) {
			t.Errorf("no %s in %s", want, res.HTML)
		}
	}
	if !strings.Contains(res.HTML, `<img src="/images/b.png" alt="" title="Title"`) {
		t.Errorf("brackets that hold only a space are not published as alt=\"\": %s", res.HTML)
	}
	if strings.Contains(res.HTML, `alt="“”"`) || strings.Contains(res.HTML, `alt="&quot;&quot;"`) || strings.Contains(res.HTML, `alt="&ldquo;&rdquo;"`) {
		t.Errorf("the quotes that mark decoration are published: %s", res.HTML)
	}
	for _, s := range res.Sections {
		if strings.ContainsAny(s.Text, "“”\"") {
			t.Errorf("the quotes that mark decoration are in the text for search: %q", s.Text)
		}
	}
}

// TestFootnoteWithoutText: a footnote reference with no text of its own
// ([^1] with its note written [^2]: …, or not written) is published as
// the characters [^1]; it is a warning at its [, which names the notes the
// page has. One with its text, one in code and one escaped are not.
func TestFootnoteWithoutText(t *testing.T) {
	src := "Clients feel calm.[^1] Others sleep.[^sleep]\n\n" +
		"| When | What |\n|---|---|\n| Night | Deep sleep[^3] |\n\n" +
		"Code `[^4]` and \\[^5] are text.\n\n" +
		"[^2]: Accounts gathered by practitioners.\n" +
		"[^sleep]: As clients describe it.\n"
	res := convert(t, src)
	got := problemLines(res)
	want := []string{
		`10:19: warning: footnote [^1] has no text, and is published as the characters [^1]; write its text on a line of its own at the end of the page, starting [^1]: (the page's footnotes: [^2], [^sleep])`,
		`14:21: warning: footnote [^3] has no text, and is published as the characters [^3]; write its text on a line of its own at the end of the page, starting [^3]: (the page's footnotes: [^2], [^sleep])`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	res = convert(t, "One.[^a]\n")
	if len(res.Problems) != 1 || res.Problems[0].Msg != `footnote [^a] has no text, and is published as the characters [^a]; write its text on a line of its own at the end of the page, starting [^a]:` {
		t.Errorf("problems %+v", res.Problems)
	}
}

// problemLines writes a conversion's problems as "line:col: severity:
// message", in order.
func problemLines(res *Result) []string {
	var lines []string
	for _, p := range res.Problems {
		sev := "error"
		if p.Warning {
			sev = "warning"
		}
		lines = append(lines, fmt.Sprintf("%d:%d: %s: %s", p.Line, p.Col, sev, p.Msg))
	}
	return lines
}

// TestLinksLeftAsText: a reference link whose label the page defines
// nowhere ([text][label], [text][]) and a link whose address has a space
// ([x](my file.md)) are not links to Markdown, which publishes their
// characters; each is a warning at its [ that says what to write. A link
// whose label is defined, an address in angle brackets, code and an
// escaped \[ are not.
func TestLinksLeftAsText(t *testing.T) {
	src := "See [the FAQ][fqa], [our fees][] and [ok][faq].\n\n" +
		"Read [the form](my form.md) or [the glossary](<../glossary.md>).\n\n" +
		"Code `[a][b]` and \\[c][d] are text.\n\n" +
		"[faq]: /faq/\n"
	res := convert(t, src)
	got := problemLines(res)
	want := []string{
		`10:5: warning: link [the FAQ][fqa] is published as its characters, as the page has no line [fqa]: to give it an address; add [fqa]: and its address on a line of its own at the end of the page, or write [the FAQ](address) (the page's link definitions: [faq])`,
		`10:21: warning: link [our fees][] is published as its characters, as the page has no line [our fees]: to give it an address; add [our fees]: and its address on a line of its own at the end of the page, or write [our fees](address) (the page's link definitions: [faq])`,
		`12:6: warning: link [the form](my form.md) is published as its characters, as its address has a space; write the space as %20, [the form](my%20form.md), or put the address in angle brackets: [the form](<my form.md>)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestNumericCitations: numbers in brackets side by side ([1][2], [3][]),
// as prose cites its sources, are no warning on a page with no link
// definitions, which does not use reference links; on a page that has
// some, or with words between the first brackets, they are a warning
// like any reference link without its definition.
func TestNumericCitations(t *testing.T) {
	tests := []struct{ src, want string }{
		{"Clients describe calm [1][2], and sleep [3][].\n", ""},
		{"Clients describe calm [1][2].\n\n[3]: https://example.org/three\n",
			"10:23: warning: link [1][2] is published as its characters, as the page has no line [2]: to give it an address; add [2]: and its address on a line of its own at the end of the page, or write [1](address) (the page's link definitions: [3])"},
		{"See [the study][1].\n",
			"10:5: warning: link [the study][1] is published as its characters, as the page has no line [1]: to give it an address; add [1]: and its address on a line of its own at the end of the page, or write [the study](address)"},
		{"See [1][the study].\n",
			"10:5: warning: link [1][the study] is published as its characters, as the page has no line [the study]: to give it an address; add [the study]: and its address on a line of its own at the end of the page, or write [1](address)"},
	}
	for _, tt := range tests {
		res := convert(t, tt.src)
		if got := strings.Join(problemLines(res), "\n"); got != tt.want {
			t.Errorf("%q: problems\n%s\nwant\n%s", tt.src, got, tt.want)
		}
	}
}

// TestLinkToOwnSite: a link to a page of this site written with the
// site's address (http:// or https://, any letter case in the host) is
// a warning at its [ that gives the address from the root: written in
// full, it is not checked, and it leads a preview's reader to the live
// site (by way of a redirect, for http://). An address shown as the
// text of its own link (<https://example.org/>) is meant to be read, and
// left alone, as are another site's links and any link when Doc.Site is
// not set.
func TestLinkToOwnSite(t *testing.T) {
	src := "See [the register](http://example.org/verify/?reg=CST-000004) and\n" +
		"[safety](https://Example.org/articles/safety/#risks), ![hands](https://example.org/images/a.png)\n" +
		"or <https://example.org/>, [elsewhere](https://example.com/verify/), [sub](https://www.example.org/).\n"
	got := siteProblems(t, src, 0)
	const advice = `, which is this site's own address written in full: a link written so is not checked, and leads a preview's readers to the live site; write it from the root: `
	want := []string{
		`10:5 true link to "http://example.org/verify/?reg=CST-000004"` + advice + `/verify/?reg=CST-000004`,
		`11:1 true link to "https://Example.org/articles/safety/#risks"` + advice + `/articles/safety/#risks`,
		`11:55 true link to "https://example.org/images/a.png"` + advice + `/images/a.png`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	// Without the site's address, an image at a full address is on
	// another site as far as the page can tell (TestImageFromAnotherSite).
	doc := Doc{File: "content/articles/x.md", Dir: "articles", BodyLine: 10, Base: "/articles/x/"}
	if res, _ := New(false).Convert([]byte(src), doc); len(res.Problems) != 1 || res.Problems[0].Warning || !strings.Contains(res.Problems[0].Msg, "loads from another site") {
		t.Errorf("without Doc.Site: %v, want the image's error alone", res.Problems)
	}
}

// TestImageFromAnotherSite: an image written in Markdown with another
// site's address is an error at its !, as an <img> written so in HTML is:
// the site's Content-Security-Policy blocks it, so visitors would see no
// picture, and the request would tell that site of every visitor. The
// site's own address written in full has its own warning, and a link
// (not an image) to another site is fine.
func TestImageFromAnotherSite(t *testing.T) {
	src := "A diagram: ![the skull](https://upload.example.com/skull.png \"Skull\")\n\n" +
		"![hands](//cdn.example.net/hands.jpg) and ![ours](https://example.org/images/a.png)\n\n" +
		"[a picture elsewhere](https://upload.example.com/skull.png), ![here](/images/a.png)\n"
	got := siteProblems(t, src, 60)
	want := []string{
		`10:12 false image "https://upload.example.com/skull.png" loads from anot`,
		`12:1 false link "//cdn.example.net/hands.jpg" starts with //, which bro`, // an error of its own
		`12:43 true link to "https://example.org/images/a.png", which is this si`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// siteProblems converts src as the body of an article of the site at
// https://example.org/, from line 10 of its file, and gives its problems
// as "line:col warning message", each message cut to its first width
// bytes (all of it for 0).
func siteProblems(t *testing.T, src string, width int) []string {
	t.Helper()
	doc := Doc{File: "content/articles/x.md", Dir: "articles", BodyLine: 10, Base: "/articles/x/", Site: "https://example.org/"}
	res, err := New(false).Convert([]byte(src), doc)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range res.Problems {
		msg := p.Msg
		if width > 0 && len(msg) > width {
			msg = msg[:width]
		}
		got = append(got, fmt.Sprintf("%d:%d %t %s", p.Line, p.Col, p.Warning, msg))
	}
	return got
}
