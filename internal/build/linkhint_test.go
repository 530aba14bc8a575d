package build

import (
	"strings"
	"testing"
)

// TestLinkHints: a broken link's warning ends with what the editor most
// likely meant, for the usual slips: a file name in other letter case, a
// page renamed, a fragment spelt another way, a content file written from
// the root, a static file written with its folder, a picture saved beside
// the page, a relative link written from the file's folder, a repeated
// heading numbered as a code host numbers it.
func TestLinkHints(t *testing.T) {
	const safety = "---\ntitle: Safety\n---\n## Head injuries\n\nText.\n\n## Dup\n\n## Dup\n"
	page := func(body string) map[string]string {
		return map[string]string{
			"content/articles/safety.md":              safety,
			"content/articles/x.md":                   "---\ntitle: X\n---\n" + body + "\n",
			"content/articles/hands.png":              "png",
			"static/images/a.png":                     "png",
			"content/reading/anatomy-basics.md":       "---\ntitle: Anatomy\n---\n",
			"content/articles/first-session.md":       "---\ntitle: First\n---\n",
			"content/articles/picking-a-therapist.md": "---\ntitle: Picking\naliases: [/articles/choosing-a-practitioner/, /articles/old-name]\n---\n",
		}
	}
	tests := []struct {
		name, body, want string
	}{
		{"page renamed, its old address kept as an alias", "[c](choosing-a-practitioner.md)",
			`content/articles/x.md:4:1: warning: link to missing page "choosing-a-practitioner.md" (content/articles/choosing-a-practitioner.md); check the file name; did you mean "picking-a-therapist.md"?`},
		{"page renamed, its alias written without the last slash", "[c](../articles/old-name.md)",
			`content/articles/x.md:4:1: warning: link to missing page "../articles/old-name.md" (content/articles/old-name.md); check the file name; did you mean "picking-a-therapist.md"?`},
		{"file name in other letter case", "[c](Safety.md)",
			`content/articles/x.md:4:1: warning: link to missing page "Safety.md" (content/articles/Safety.md); check the file name; did you mean "safety.md"?`},
		{"the ending in capitals", "[c](safety.MD#head-injuries)",
			`content/articles/x.md:4:1: warning: link to missing page "safety.MD" (content/articles/safety.MD); check the file name; did you mean "safety.md"?`},
		{"the name and the ending in capitals", "[c](../articles/Safety.MD)",
			`content/articles/x.md:4:1: warning: link to missing page "../articles/Safety.MD" (content/articles/Safety.MD); check the file name; did you mean "safety.md"?`},
		{"a page renamed", "[s](first.md)",
			`content/articles/x.md:4:1: warning: link to missing page "first.md" (content/articles/first.md); check the file name; did you mean "first-session.md"?`},
		{"a page in another folder, misspelt", "[r](../reading/anatomy-basic.md)",
			`content/articles/x.md:4:1: warning: link to missing page "../reading/anatomy-basic.md" (content/reading/anatomy-basic.md); check the file name; did you mean "../reading/anatomy-basics.md"?`},
		{"no page near", "[n](zzzzzz.md)",
			`content/articles/x.md:4:1: warning: link to missing page "zzzzzz.md" (content/articles/zzzzzz.md); check the file name`},
		{"fragment in other letter case", "[l](safety.md#Head-Injuries)",
			`content/articles/x.md:4:1: warning: link to /articles/safety/#Head-Injuries: the page /articles/safety/ has no heading or element with id "Head-Injuries"; did you mean #head-injuries?`},
		{"fragment misspelt", "[l](safety.md#head-injury)",
			`content/articles/x.md:4:1: warning: link to /articles/safety/#head-injury: the page /articles/safety/ has no heading or element with id "head-injury"; did you mean #head-injuries?`},
		{"repeated heading numbered from 1", "[d](safety.md#dup-1)",
			`content/articles/x.md:4:1: warning: link to /articles/safety/#dup-1: the page /articles/safety/ has no heading or element with id "dup-1"; did you mean #dup-2? (the second heading of one text gets -2 here, where a code host's preview gives -1)`},
		{"fragment nothing like an id", "[l](safety.md#qqqqqqqq)",
			`content/articles/x.md:4:1: warning: link to /articles/safety/#qqqqqqqq: the page /articles/safety/ has no heading or element with id "qqqqqqqq"`},
		{"content file from the root", "[d](/articles/safety.md)",
			`content/articles/x.md:4:1: warning: link to /articles/safety.md: no page or file is published at /articles/safety.md; did you mean safety.md or /articles/safety/?`},
		{"content file from the root, another folder", "[d](/reading/anatomy-basics.md)",
			`content/articles/x.md:4:1: warning: link to /reading/anatomy-basics.md: no page or file is published at /reading/anatomy-basics.md; did you mean ../reading/anatomy-basics.md or /reading/anatomy-basics/?`},
		{"picture beside the page", "![x](hands.png)",
			`content/articles/x.md:4:1: warning: link to hands.png: no page or file is published at /articles/x/hands.png; content/articles/hands.png is beside the page, but files in content/ other than pages are not published: move it to static/images/ and write /images/hands.png`},
		{"static file with its folder", "![x](../../static/images/a.png)",
			`content/articles/x.md:4:1: warning: link to ../../static/images/a.png: no page or file is published at /static/images/a.png; static/ is published at the site's root: did you mean /images/a.png?`},
		{"a relative link written from the file's folder", "[r](../reading/anatomy-basics/)",
			`content/articles/x.md:4:1: warning: link to ../reading/anatomy-basics/: no page or file is published at /articles/reading/anatomy-basics/; a relative link starts from the page's address (/articles/x/), one folder below its file: did you mean /reading/anatomy-basics/?`},
		{"a picture written from the file's folder", "![x](../images/a.png)",
			`content/articles/x.md:4:1: warning: link to ../images/a.png: no page or file is published at /articles/images/a.png; a relative link starts from the page's address (/articles/x/), one folder below its file: did you mean /images/a.png?`},
		{"a relative link that leads nowhere from either", "[s](../nowhere/)",
			`content/articles/x.md:4:1: warning: link to ../nowhere/: no page or file is published at /articles/nowhere/`},
		{"a missing picture", "![x](gone.png)",
			`content/articles/x.md:4:1: warning: link to gone.png: no page or file is published at /articles/x/gone.png`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := strings.TrimSpace(dryRun(page(tt.body)))
			var lines []string
			for _, l := range strings.Split(got, "\n") {
				if strings.HasPrefix(l, "content/articles/x.md:") {
					lines = append(lines, l)
				}
			}
			if len(lines) != 1 || lines[0] != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}
