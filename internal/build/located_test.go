package build

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sitegen/internal/diag"
)

// TestBioProblemsAtTheirLines: a practitioner's bio is Markdown in a YAML
// file. Its links to pages resolve like a page's, and what is wrong in it
// is reported once, at the line and column of the practitioner's file, not
// again at the profile's layout.
func TestBioProblemsAtTheirLines(t *testing.T) {
	src, file, data := bundledCopy(t, "content/practitioners/aelia-thornhurst.yaml")
	// A literal bio (bio: |) and a folded one (bio: >) are the same text
	// to Markdown, and their problems are at the same places.
	for _, style := range []string{"|", ">"} {
		t.Run("bio: "+style, func(t *testing.T) {
			// The bio's text starts on line 24, indented by two spaces.
			bio := "bio: " + style + "\n  See [the safety page](../articles/safety.md), [gone](../articles/gone.md)\n  and [x](javascript:alert(1)) [y](/nowhere/).\n\n  # About me\n\n"
			write(t, file, strings.Replace(data, "bio: |\n", bio, 1))
			// A page's link to a missing page, likewise, is reported once, at its line.
			write(t, filepath.Join(src, "content/articles/new.md"), "---\ntitle: New\n---\nSee [gone](gone.md).\n")
			out := filepath.Join(t.TempDir(), "public")
			res, err := Run(Options{Src: src, Out: out, Now: fixedNow})
			if err == nil {
				t.Fatal("a javascript: link in a bio should fail the build")
			}
			want := []string{
				`content/practitioners/aelia-thornhurst.yaml:24:49: warning: link to missing page "../articles/gone.md"`,
				`content/practitioners/aelia-thornhurst.yaml:25:7: link "javascript:alert(1)" uses the javascript: scheme`,
				`content/practitioners/aelia-thornhurst.yaml:25:32: warning: link to /nowhere/: no page or file is published at /nowhere/`,
				`content/practitioners/aelia-thornhurst.yaml:27:3: warning: a level-1 heading (#) here ranks with the page's own headings, which are level 2; start at ###`,
				`content/articles/new.md:4:5: warning: link to missing page "gone.md"`,
			}
			got := problems(res)
			for _, w := range want {
				if !strings.Contains(got, w) {
					t.Errorf("no %q in:\n%s", w, got)
				}
			}
			if strings.Contains(got, "layouts/") || strings.Count(got, "gone.md") != 4 {
				t.Errorf("a missing page is reported twice, or at a layout:\n%s", got)
			}
		})
	}

	// Without the mistakes, the link to a page is rewritten to its URL.
	if err := os.Remove(filepath.Join(src, "content/articles/new.md")); err != nil {
		t.Fatal(err)
	}
	write(t, file, strings.Replace(data, "bio: |\n", "bio: >\n  See [the safety page](../articles/safety.md).\n\n", 1))
	out := filepath.Join(t.TempDir(), "public")
	if res, err := Run(Options{Src: src, Out: out, Now: fixedNow, Strict: true}); err != nil {
		t.Fatalf("build: %v\n%s", err, problems(res))
	}
	page, err := os.ReadFile(filepath.Join(out, "practitioners/aelia-thornhurst/index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(page), `href=/articles/safety/>the safety page</a>`) && !strings.Contains(string(page), `href="/articles/safety/">the safety page</a>`) {
		t.Errorf("the bio's link is not rewritten to the page's URL")
	}
}

// TestLayoutLinkAtItsLine: a broken link that a layout writes as a literal
// is reported at its line and column in the layout, once for the site;
// one written from data (a page's URL) stays reported against the layout.
func TestLayoutLinkAtItsLine(t *testing.T) {
	src := copySite(t, filepath.Join("testdata", "fixture"))
	base := filepath.Join(src, "layouts", "base.html")
	data, err := os.ReadFile(base)
	if err != nil {
		t.Fatal(err)
	}
	// Line 11 of base.html is the menu; this goes on line 12.
	lines := strings.SplitAfter(string(data), "\n")
	lines[11] = `<p>See <a href="/gone/">gone</a>.</p>` + "\n" +
		`<p>And <a href="/articles/café/">the café</a>, <a href="/articles/th&eacute;/">tea</a>, <a href="/articles/x/?a=1&amp;b=2">x</a>.</p>` + "\n" +
		`<p><a href=/bare/>b</a> <a HREF="/upper/">u</a> <a href = "/spaced/">s</a> and href=/prose/ in text.</p>` + "\n" + lines[11]
	write(t, base, strings.Join(lines, ""))
	// A copy the editor keeps in a hidden folder is not a layout, and
	// does not hide where the link is written.
	write(t, filepath.Join(src, "layouts", ".old", "base.html"), strings.Join(lines, ""))
	res, err := Run(Options{Src: src, DryRun: true, Now: fixedNow})
	if err != nil {
		t.Fatalf("build: %v\n%s", err, problems(res))
	}
	got := problems(res)
	if !strings.Contains(got, "layouts/base.html:12:17: warning: link to /gone/: no page or file is published at /gone/ (a link written here, found on / and ") ||
		strings.Count(got, "/gone/") != 2 {
		t.Errorf("problems:\n%s", got)
	}
	if strings.Contains(got, "/prose/") {
		t.Errorf("href=/prose/ in a paragraph's text is read as a link:\n%s", got)
	}
	// A link with an accent, typed or written as a character reference
	// (&eacute;), or with an &amp; in it is found where it is written,
	// though the page is read with its references decoded.
	for _, want := range []string{
		"layouts/base.html:13:17: warning: link to /articles/café/: no page or file is published at /articles/café/ (a link written here, ",
		"layouts/base.html:13:57: warning: link to /articles/thé/: no page or file is published at /articles/thé/ (a link written here, ",
		"layouts/base.html:13:98: warning: link to /articles/x/?a=1&b=2: no page or file is published at /articles/x/ (a link written here, ",
		// Written as HTML allows: unquoted, in capitals, spaced.
		"layouts/base.html:14:12: warning: link to /bare/: no page or file is published at /bare/ (a link written here, ",
		"layouts/base.html:14:34: warning: link to /upper/: no page or file is published at /upper/ (a link written here, ",
		"layouts/base.html:14:60: warning: link to /spaced/: no page or file is published at /spaced/ (a link written here, ",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in:\n%s", want, got)
		}
	}
}

// TestLayoutLinkMadeFromPages: a layout that makes a link from each
// page's values, href="{{.Page.Description}}", leads nowhere with another
// address on each of the bundled site's pages. That one mistake is one
// warning, at the attribute when the layout makes only one link so, else
// against the layout with what to look for.
func TestLayoutLinkMadeFromPages(t *testing.T) {
	src, file, data := bundledCopy(t, "layouts/page.html")
	lines := strings.SplitAfter(data, "\n")
	check := func(insert, want string) {
		t.Helper()
		write(t, file, strings.Join(lines[:5], "")+insert+strings.Join(lines[5:], ""))
		res, _ := Run(Options{Src: src, DryRun: true, Now: fixedNow})
		var warnings []string
		for _, p := range res.Problems.All() {
			if p.Severity == diag.Warning {
				warnings = append(warnings, p.String())
			}
		}
		if len(warnings) != 1 || !strings.HasPrefix(warnings[0], want) || !strings.Contains(warnings[0], " other links, each on one page, that lead nowhere") {
			t.Errorf("with %q, warnings:\n%s\nwant one, starting %q", insert, strings.Join(warnings, "\n"), want)
		}
	}
	check(`<p><a href="{{.Page.Description}}">more</a></p>`+"\n", "layouts/page.html:6:13: warning: link to ")
	check(`<p><a href="{{.Page.Description}}">more</a> <img src="/images/{{.Page.Title}}.png" alt=""></p>`+"\n", "layouts/page.html:1:1: warning: link to ")
}

// TestBadPrintfInLayout: a printf whose verb does not fit its value
// renders fmt's mark (%!d(string=…)) into every page of the layout, which
// html/template does not report. It is one warning, at the call when the
// layout has one; a page whose text quotes such a mark is not one.
func TestBadPrintfInLayout(t *testing.T) {
	src, file, data := bundledCopy(t, "layouts/page.html")
	lines := strings.SplitAfter(data, "\n")
	write(t, file, strings.Join(lines[:5], "")+`<p>{{printf "%d" .Page.Title}}</p>`+"\n"+strings.Join(lines[5:], ""))
	write(t, filepath.Join(src, "content", "articles", "fmt.md"), "---\ntitle: Marks\nlayout: page\n---\nGo writes %!d(string=x) for a verb that does not fit.\n")
	res, _ := Run(Options{Src: src, DryRun: true, Now: fixedNow})
	var got []string
	for _, p := range res.Problems.All() {
		if p.Severity == diag.Warning {
			got = append(got, p.String())
		}
	}
	want := "layouts/page.html:6:6: warning: the page shows %!d(string=About the association), which printf writes when a verb does not fit its value, or a value is missing or left over; check the printf calls of this layout and its partials (rendering /about/)"
	if len(got) != 1 || got[0] != want {
		t.Errorf("warnings:\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
	write(t, file, data)
	if res, err := Run(Options{Src: src, DryRun: true, Now: fixedNow, Strict: true}); err != nil {
		t.Errorf("a page that quotes a printf mark: %v\n%s", err, problems(res))
	}
}

// TestVocabularyTwiceOneProblem: a region written twice in site.yaml is
// the one problem of the bundled site, not also two region pages at one
// address and ids twice on the directory's page.
func TestVocabularyTwiceOneProblem(t *testing.T) {
	src, file, data := bundledCopy(t, "content/site.yaml")
	yml := strings.Replace(data, "regions: [Scotland, ", "regions: [Scotland, Scotland, ", 1)
	if yml == data {
		t.Fatal("site.yaml has no regions: [Scotland, ...")
	}
	write(t, file, yml)
	res, _ := Run(Options{Src: src, DryRun: true, Now: fixedNow})
	var got []string
	for _, p := range res.Problems.All() {
		if p.Severity != diag.Info {
			got = append(got, p.String())
		}
	}
	if len(got) != 1 || !strings.HasPrefix(got[0], `content/site.yaml:`) || !strings.Contains(got[0], `regions: "Scotland" appears twice (first on line `) {
		t.Errorf("problems:\n%s\nwant the one in site.yaml", strings.Join(got, "\n"))
	}
}

// TestNoteLinkAtItsBook: a broken link in a book's note is reported at its
// line and column in the reading list's front matter, not at the list's
// layout.
func TestNoteLinkAtItsBook(t *testing.T) {
	src, file, data := bundledCopy(t, "content/reading/for-patients.md")
	const line = "      session can feel the way it does.\n"
	if !strings.Contains(data, line) {
		t.Fatal("the first book's note has changed; update this test")
	}
	write(t, file, strings.Replace(data, line, "      session can feel the way it does. See [where](/nowhere/).\n", 1))
	res, _ := Run(Options{Src: src, Out: filepath.Join(t.TempDir(), "public"), Now: fixedNow})
	got := problems(res)
	want := `content/reading/for-patients.md:14:45: warning: link to /nowhere/: no page or file is published at /nowhere/`
	if !strings.Contains(got, want) || strings.Contains(got, "layouts/") {
		t.Errorf("want %q and nothing at a layout, got:\n%s", want, got)
	}
}

// TestBrokenSiteYAMLAlone: when site.yaml does not parse, its syntax error
// is the one problem, not one more for every practitioner's region and
// every book's topic checked against vocabularies that could not be read.
func TestBrokenSiteYAMLAlone(t *testing.T) {
	src, file, data := bundledCopy(t, "content/site.yaml")
	title := 0
	for i, l := range strings.Split(data, "\n") {
		if strings.HasPrefix(l, "title: ") {
			title = i + 1
			write(t, file, strings.Replace(data, l, "title: CTA: broken", 1))
			break
		}
	}
	if title == 0 {
		t.Fatal("site.yaml has no title line")
	}
	res, _ := Run(Options{Src: src, DryRun: true, Now: fixedNow})
	var got []string
	for _, p := range res.Problems.All() {
		if p.Severity != diag.Info {
			got = append(got, p.String())
		}
	}
	want := fmt.Sprintf(`content/site.yaml:%d:11: YAML syntax error: the value of title has ": " in it`, title)
	if len(got) != 1 || !strings.HasPrefix(got[0], want) {
		t.Errorf("want one problem starting %q, got %d:\n%s", want, len(got), strings.Join(got, "\n"))
	}
}
