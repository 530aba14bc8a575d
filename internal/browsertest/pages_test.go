package browsertest

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// pageTypes is one page of every kind the site has, with, where a script
// fills the page, an expression true once it has.
var pageTypes = []struct{ name, path, ready string }{
	{"home", "/", ""},
	{"article", "/articles/what-is-craniosacral-therapy/", ""},
	{"section", "/articles/", ""},
	{"tag", "/tags/safety/", ""},
	{"tags", "/tags/", ""},
	{"404", "/no-such-page/", ""},
	{"contact", "/contact/", ""},
	{"thanks", "/thanks/", ""},
	{"glossary", "/glossary/", ""},
	{"sitemap", "/sitemap/", ""},
	{"directory", "/practitioners/", `!document.querySelector("#directory-filters").hidden`},
	{"filtered", "/practitioners/?region=wales", `document.querySelector("#directory-result-list .practitioner-conditions")`},
	{"region", "/practitioners/region/south-west/", ""},
	{"profile", "/practitioners/aelia-thornhurst/", ""},
	{"lapsed profile", "/practitioners/edith-hartsworth/", ""},
	{"verify", "/verify/", ""},
	{"verify-result", "/verify/?reg=CST-000004", `document.querySelector("#verify-result").textContent.includes("certified")`},
	{"training", "/training/", ""},
	{"reading list", "/reading/anatomy-head-neck-spine/", ""},
	{"reading index", "/reading/", ""},
	{"search", "/search/?q=certification", `document.querySelector("#search-page-list a")`},
	{"markdown features", "/markdown-features/", ""},
	{"pasted HTML", "/pasted-html/", ""},
}

// TestPageTypes loads one page of every type and checks, for each: no
// console error, failed request or CSP violation; zero axe-core
// violations, in the light and the dark colour scheme; no horizontal scrolling at 375 px; every link, button and
// field reached by Tab with a visible focus indicator.
func TestPageTypes(t *testing.T) {
	tb := newTab(t)
	axe := npmFile("axe-core/axe.min.js")
	var axeSrc []byte
	if axe != "" {
		var err error
		if axeSrc, err = os.ReadFile(axe); err != nil {
			t.Fatal(err)
		}
	}
	var summary []string
	for _, pt := range pageTypes {
		t.Run(pt.name, func(t *testing.T) {
			tb.run(t, "desktop viewport", chromedp.EmulateViewport(1280, 900))
			tb.takeProblems()
			tb.open(t, pt.path)
			if pt.ready != "" {
				tb.waitJS(t, pt.ready, "the page's script to fill it")
			}
			problems := tb.takeProblems()
			csp := eval[[]string](t, tb, `window.__csp || []`)
			for _, p := range problems {
				// The 404 page is served with status 404, as it should be.
				if pt.name == "404" && strings.Contains(p, "404") && strings.Contains(p, pt.path) {
					continue
				}
				t.Errorf("%s: %s", pt.path, p)
			}
			for _, v := range csp {
				t.Errorf("%s: Content-Security-Policy violation: %s", pt.path, v)
			}

			axeCount, axeDark := -1, -1
			if axeSrc != nil {
				axeCount = runAxe(t, tb, pt.path, axeSrc)
				tb.run(t, "dark", setMedia("prefers-color-scheme", "dark"))
				axeDark = runAxe(t, tb, pt.path+" (dark)", axeSrc)
				tb.run(t, "light", setMedia())
			}

			tb.run(t, "375 px viewport", chromedp.EmulateViewport(375, 812, chromedp.EmulateMobile))
			checkNoHorizontalScroll(t, tb, pt.path)
			tb.run(t, "desktop viewport", chromedp.EmulateViewport(1280, 900))
			focusables := checkKeyboard(t, tb, pt.path)
			summary = append(summary, fmt.Sprintf("%-14s %-40s axe violations %s (dark %s), %d focusable", pt.name, pt.path, axeFigure(axeCount), axeFigure(axeDark), focusables))
		})
	}
	t.Logf("page types:\n%s", strings.Join(summary, "\n"))
	need(t, axeSrc != nil, "axe-core is not installed: run npm ci in .ci/ for the accessibility audit")
}

func axeFigure(n int) string {
	if n < 0 {
		return "not run"
	}
	return fmt.Sprint(n)
}

// runAxe injects axe-core, unless the page has it, and runs it on the
// whole page, reporting each violation with the elements it concerns; it
// returns the count.
func runAxe(t *testing.T, tb *tab, path string, src []byte) int {
	t.Helper()
	if !eval[bool](t, tb, `typeof axe === "object"`) {
		eval[bool](t, tb, string(src)+";true")
	}
	raw := eval[json.RawMessage](t, tb, `axe.run(document, {resultTypes: ["violations"]}).then((r) => r.violations.map((v) => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ") + ": " + n.failureSummary)})))`)
	var vs []struct {
		ID, Impact, Help string
		Nodes            []string
	}
	if err := json.Unmarshal(raw, &vs); err != nil {
		t.Fatalf("reading axe results: %v", err)
	}
	for _, v := range vs {
		t.Errorf("%s: axe %s (%s): %s\n\t%s", path, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n\t"))
	}
	return len(vs)
}

// checkNoHorizontalScroll fails when the page is wider than the viewport,
// naming the elements that stick out.
func checkNoHorizontalScroll(t *testing.T, tb *tab, path string) {
	t.Helper()
	res := eval[struct {
		Width, Viewport int
		Wide            []string
	}](t, tb, `(() => {
		const vw = document.documentElement.clientWidth;
		const wide = [];
		for (const e of document.body.querySelectorAll("*")) {
			const r = e.getBoundingClientRect();
			if (r.width > 0 && r.right > vw + 1 && getComputedStyle(e).position !== "fixed") {
				wide.push(e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.className && typeof e.className === "string" ? "." + e.className.trim().split(/\s+/).join(".") : "") + " right edge " + Math.round(r.right) + "px");
			}
		}
		return {width: document.documentElement.scrollWidth, viewport: vw, wide: wide.slice(0, 8)};
	})()`)
	if res.Viewport != 375 {
		t.Fatalf("%s: viewport is %d px wide, want 375", path, res.Viewport)
	}
	if res.Width > res.Viewport {
		t.Errorf("%s: at 375 px the page is %d px wide and scrolls sideways; elements past the edge:\n\t%s", path, res.Width, strings.Join(res.Wide, "\n\t"))
	}
}

// focusableJS marks every element a keyboard user must be able to reach
// with data-kbd and returns how many there are. Radio buttons count once
// per group (arrow keys move within it).
const focusableJS = `(() => {
	const seenRadio = new Set();
	let n = 0;
	for (const e of document.querySelectorAll("a[href], button, input, select, textarea, summary, [tabindex]")) {
		delete e.dataset.kbd;
		if (e.disabled || e.tabIndex < 0 || e.type === "hidden" || e.closest("[inert], [hidden]")) continue;
		if (!e.getClientRects().length || getComputedStyle(e).visibility === "hidden") continue;
		if (e.type === "radio") { if (seenRadio.has(e.name)) continue; seenRadio.add(e.name); }
		e.dataset.kbd = String(n++);
	}
	return n;
})()`

// checkKeyboard tabs through the page from the top: every marked element
// must get focus, and each must show a visible focus indicator. It
// returns the number of elements.
func checkKeyboard(t *testing.T, tb *tab, path string) int {
	t.Helper()
	eval[bool](t, tb, `(document.activeElement && document.activeElement.blur(), window.scrollTo(0, 0), true)`)
	n := eval[int](t, tb, focusableJS)
	reached := make([]bool, n)
	left := n
	type focus struct {
		Index   string
		Desc    string
		Visible bool
		Body    bool
	}
	for presses := 0; left > 0 && presses < n+20; presses++ {
		tb.key(t, "\t")
		f := eval[focus](t, tb, `(() => {
			const e = document.activeElement;
			if (!e || e === document.body) return {index: "", desc: "body", visible: true, body: true};
			const cs = getComputedStyle(e);
			const visible = (cs.outlineStyle !== "none" && parseFloat(cs.outlineWidth) > 0) || cs.boxShadow !== "none";
			return {index: e.dataset.kbd || "", desc: e.outerHTML.slice(0, 120), visible, body: false};
		})()`)
		if f.Body {
			continue
		}
		if !f.Visible {
			t.Errorf("%s: %s has focus but no visible focus indicator (outline or box-shadow)", path, f.Desc)
		}
		var i int
		if _, err := fmt.Sscan(f.Index, &i); err == nil && i < n && !reached[i] {
			reached[i] = true
			left--
		}
	}
	if left > 0 {
		missed := eval[[]string](t, tb, `[...document.querySelectorAll("[data-kbd]")].filter((e) => !(`+fmt.Sprint(reachedJS(reached))+`).includes(Number(e.dataset.kbd))).slice(0, 10).map((e) => e.outerHTML.slice(0, 120))`)
		t.Errorf("%s: %d of %d links, buttons and fields cannot be reached with Tab, such as:\n\t%s", path, left, n, strings.Join(missed, "\n\t"))
	}
	return n
}

func reachedJS(reached []bool) string {
	var b strings.Builder
	b.WriteString("[")
	for i, r := range reached {
		if r {
			fmt.Fprintf(&b, "%d,", i)
		}
	}
	b.WriteString("]")
	return b.String()
}
