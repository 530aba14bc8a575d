package build

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sitegen/internal/diag"
)

// TestAnyArticle checks the fixture site after an editor adds one article
// made of lines drawn at random from valid and broken front matter and
// Markdown, some of them with bytes changed at random. Whatever the file
// holds, a build must not panic, must fail exactly when it reports an
// error, and must place every problem in the new file inside that file.
// (A whole build is concurrent and its coverage differs from run to run,
// which defeats go test -fuzz; the fuzz targets of the packages below
// cover each parser on its own.)
func TestAnyArticle(t *testing.T) {
	goodFront := []string{
		"description: About *this*", "date: 2024-02-29", "updated: 2024-03-01", "draft: false",
		"tags: [safety, New Tag, \"ünïcode ✓\"]", "weight: -5", "slug: new-page", "toc: true",
		"aliases: [/old/, /articles/new-page-old/]", "layout: page", "publish_date: 2000-01-01",
	}
	badFront := []string{
		"title: \"\"", "title: [x]", "titel: Typo", "date: yesterday", "draft: maybe", "tags: 5",
		"tags: [\"\"]", "weight: heavy", "slug: first", "slug: ../../etc", "slug: \"/abs\"", "toc: 3",
		"aliases: [\"/a/../../b\", \"//evil.example.org/\"]", "layout: nope", "date: 2099-01-01",
		"expiry_date: 2001-01-01", "draft: true", "description: *a", "- item",
	}
	goodBody := []string{
		"# One", "## Risks", "## Risks", "### Déjà vu", "Plain text.", "",
		"See [first](first.md) and [details](second.md#details).", "[up](../about.md#who-we-are) [top](#risks)",
		"![logo](/images/logo.svg)", "<https://example.org/> www.example.org a@example.org",
		"| a | b |\n|---|---|\n| c | d |", "Term\n: Definition", "A note[^1].\n\n[^1]: The note.",
		"- [ ] task\n- [x] done", "```\ncode\n```", "***bold*** ~~struck~~ \"quoted\" -- dash",
	}
	badBody := []string{
		"[gone](missing.md#nowhere)", "[out](../../site.yaml)", "[none](#none)", "![missing](/images/none.png)",
		"[x](javascript:alert(1))", "<script>alert(1)</script>", "---",
	}
	pick := func(rng *rand.Rand, good, bad []string) string {
		if rng.IntN(8) == 0 {
			return bad[rng.IntN(len(bad))]
		}
		return good[rng.IntN(len(good))]
	}
	hard := []rune("---\n\r\t:[]{}#*`<>&\"'\\\x00\ufeffé日")
	src := copySite(t, filepath.Join("testdata", "fixture"))
	const rel = "content/articles/new.md"
	file := filepath.Join(src, filepath.FromSlash(rel))
	rng := rand.New(rand.NewPCG(11, 12))
	ok := 0
	for i := range 120 {
		var b strings.Builder
		if rng.IntN(20) > 0 {
			b.WriteString("---\ntitle: New\n")
			for range rng.IntN(6) {
				b.WriteString(pick(rng, goodFront, badFront) + "\n")
			}
			if rng.IntN(20) > 0 {
				b.WriteString("---\n")
			}
		}
		for range rng.IntN(8) {
			b.WriteString(pick(rng, goodBody, badBody) + "\n\n")
		}
		page := []rune(b.String())
		for range max(0, rng.IntN(8)-5) { // now and then a character changed where editors slip
			if len(page) > 0 {
				page[rng.IntN(len(page))] = hard[rng.IntN(len(hard))]
			}
		}
		data := []byte(string(page))
		if err := os.WriteFile(file, data, 0o644); err != nil {
			t.Fatal(err)
		}
		res, err := Run(Options{Src: src, DryRun: true, Now: fixedNow})
		if res == nil || res.Problems == nil {
			t.Fatalf("case %d: no result (err %v)", i, err)
		}
		errs := 0
		lines := bytes.Count(data, []byte("\n")) + 1 + bytes.Count(data, []byte("\r"))
		for _, p := range res.Problems.All() {
			if p.Severity == diag.Error {
				errs++
			}
			if p.File == rel && (p.Line < 1 || p.Line > lines) {
				t.Errorf("case %d: problem outside the file (%d lines): %s\n%q", i, lines, p, data)
			}
		}
		if err == nil {
			ok++
		}
		if (err != nil) != (errs > 0) {
			t.Errorf("case %d: build error %v with %d errors reported:\n%s\n%q", i, err, errs, problems(res), data)
		}
	}
	t.Logf("%d of 120 built", ok)
	if ok < 20 || ok > 100 {
		t.Errorf("%d of 120 random articles built: the mix of good and bad lines no longer tests both", ok)
	}
}
