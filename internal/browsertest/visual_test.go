package browsertest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// visualPages are the pages, and the states of them, whose keyboard use,
// reflow, zoom and colours are checked: each is opened at path, then
// ready is waited for.
var visualPages = []struct{ name, path, ready string }{
	{"home", "/", ""},
	{"article", "/articles/what-happens-in-a-session/", ""},
	{"safety", "/articles/safety/", ""},
	{"directory", "/practitioners/", `!document.querySelector("#directory-filters").hidden`},
	{"directory filtered", "/practitioners/?region=scotland", `document.querySelector("#directory-status").textContent.trim()`},
	{"directory near", "/practitioners/?near=Edinburgh", `document.querySelector("#directory-status").textContent.trim()`},
	{"profile", "/practitioners/aelia-thornhurst/", ""},
	{"verify", "/verify/", ""},
	{"verify current", "/verify/?reg=CST-000004", `document.querySelector("#verify-result").dataset.status === "current"`},
	{"verify lapsed", "/verify/?reg=CST-000031", `document.querySelector("#verify-result").dataset.status === "lapsed"`},
	{"verify unknown", "/verify/?reg=CST-000999", `document.querySelector("#verify-result").dataset.status === "unknown"`},
	{"verify malformed", "/verify/?reg=hello", `document.querySelector("#verify-result").dataset.status === "invalid"`},
	{"search", "/search/?q=certification", `document.querySelector("#search-page-list mark")`},
	{"reading list", "/reading/anatomy-head-neck-spine/", ""},
	{"reading lists", "/reading/", ""},
	{"training", "/training/", ""},
	{"sitemap", "/sitemap/", ""},
	{"markdown features", "/markdown-features/", ""},
	// The suggestions arrive after the page and push the footer down.
	{"404", "/no-such-page/", `document.getElementById("not-found-suggestions").dataset.found`},
}

// colourJS defines window.__colour: WCAG contrast from computed styles.
// bg(e) is the colour behind e, the backgrounds of e and its ancestors
// composed over white; ratio(a, b) the contrast ratio of two colours;
// large(e) whether e's text is large (24 px, or 18.66 px bold).
const colourJS = `window.__colour = (() => {
	const parse = (c) => {
		const m = /rgba?\(([^)]*)\)/.exec(c || "");
		if (!m) return null;
		const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(Number);
		return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
	};
	const over = (top, under) => [0, 1, 2].map((i) => top[i] * top[3] + under[i] * (1 - top[3])).concat(1);
	const lum = (c) => {
		const f = (v) => { v /= 255; return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
		return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
	};
	const ratio = (a, b) => { const x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); };
	const bg = (e) => {
		const stack = [];
		for (let n = e; n && n.nodeType === 1; n = n.parentElement) {
			const c = parse(getComputedStyle(n).backgroundColor);
			if (c && c[3] > 0) { stack.push(c); if (c[3] >= 1) break; }
		}
		let out = [255, 255, 255, 1];
		for (let i = stack.length - 1; i >= 0; i--) out = over(stack[i], out);
		return out;
	};
	const large = (e) => { const cs = getComputedStyle(e), px = parseFloat(cs.fontSize); return px >= 24 || (px >= 18.66 && Number(cs.fontWeight) >= 700); };
	const hidden = (e) => {
		if (!e.getClientRects().length || getComputedStyle(e).visibility === "hidden") return true;
		for (let a = e; a; a = a.parentElement) { const cs = getComputedStyle(a); if (a.hidden || (cs.clip === "rect(0px, 0px, 0px, 0px)" && cs.position === "absolute")) return true; }
		const r = e.getBoundingClientRect();
		return r.bottom + scrollY < 0;
	};
	const name = (e) => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (typeof e.className === "string" && e.className.trim() ? "." + e.className.trim().split(/\s+/).join(".") : "") + " " + JSON.stringify((e.textContent || e.placeholder || "").trim().slice(0, 40));
	const hex = (c) => "#" + c.slice(0, 3).map((v) => Math.round(v).toString(16).padStart(2, "0")).join("");
	// text lists every element with text of its own whose contrast is
	// under AA, as "name: fg on bg ratio".
	const text = (root) => {
		const out = [];
		for (const e of (root || document.body).querySelectorAll("*")) {
			const own = [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
			const ph = (e.tagName === "INPUT" || e.tagName === "TEXTAREA") && e.placeholder && !e.value;
			if ((!own && !ph) || hidden(e) || e.closest("svg")) continue;
			const b = bg(e), need = large(e) ? 3 : 4.5;
			const checks = [];
			if (own) checks.push(["text", getComputedStyle(e).color]);
			if (ph) checks.push(["placeholder", getComputedStyle(e, "::placeholder").color]);
			for (const [what, col] of checks) {
				const c = parse(col);
				if (!c) continue;
				const r = ratio(over(c, b), b);
				if (r < need) out.push(name(e) + " " + what + ": " + hex(over(c, b)) + " on " + hex(b) + " is " + r.toFixed(2) + ":1, want " + need + ":1");
			}
		}
		return out;
	};
	return {parse, over, ratio, bg, large, hidden, name, hex, text};
})(); true`

// setMedia emulates media features (prefers-reduced-motion, forced-colors,
// prefers-color-scheme); no features resets them.
func setMedia(features ...string) chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		var fs []*emulation.MediaFeature
		for i := 0; i+1 < len(features); i += 2 {
			fs = append(fs, &emulation.MediaFeature{Name: features[i], Value: features[i+1]})
		}
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Features: fs})
		return err
	})
}

// openVisual opens one of visualPages and waits for it to be filled.
func openVisual(t *testing.T, tb *tab, path, ready string) {
	t.Helper()
	tb.open(t, path)
	if ready != "" {
		tb.waitJS(t, ready, "the page's script to fill "+path)
	}
	eval[bool](t, tb, colourJS)
}

// TestReflowZoomFocusContrast checks on each of visualPages what axe-core
// cannot: text contrast (placeholders included) from computed styles, in
// the light and the dark colour scheme (which form controls follow) and
// while hovered; no sideways scrolling at 320 px outside a table's own
// scroll region, also with WCAG 1.4.12's text spacing, which must clip
// nothing and overlap no text, and with long unbreakable words in every
// text; no word of a button or a table broken across lines; no overlapping
// text at 200% zoom; Tab in document order, no trap, a focus indicator of
// 3:1 against what is around it, also in the dark scheme and in
// forced-colours mode with more contrast asked for; no animation or
// transition, reduced motion or not.
func TestReflowZoomFocusContrast(t *testing.T) {
	tb := newTab(t)
	for _, pg := range visualPages {
		t.Run(pg.name, func(t *testing.T) {
			// contrast, light
			tb.run(t, "desktop", chromedp.EmulateViewport(1280, 900))
			openVisual(t, tb, pg.path, pg.ready)
			for _, p := range eval[[]string](t, tb, `__colour.text()`) {
				t.Errorf("contrast: %s", p)
			}
			for _, p := range eval[[]string](t, tb, overflowJS) {
				t.Errorf("1280 px: %s", p)
			}
			for _, p := range eval[[]string](t, tb, brokenWordsJS) {
				t.Errorf("1280 px: %s", p)
			}
			// reflow 320
			tb.run(t, "320", chromedp.EmulateViewport(320, 640))
			openVisual(t, tb, pg.path, pg.ready)
			for _, p := range eval[[]string](t, tb, overflowJS) {
				t.Errorf("320px: %s", p)
			}
			for _, p := range eval[[]string](t, tb, brokenWordsJS) {
				t.Errorf("320px: %s", p)
			}
			// text spacing at 320
			eval[bool](t, tb, spacingJS)
			for _, p := range eval[[]string](t, tb, overflowJS) {
				t.Errorf("320px spacing: %s", p)
			}
			for _, p := range eval[[]string](t, tb, clippedJS) {
				t.Errorf("320px spacing clipped: %s", p)
			}
			for _, p := range eval[[]string](t, tb, overlapJS) {
				t.Errorf("320px spacing overlap: %s", p)
			}
			// long words at 320, text spacing still applied
			eval[int](t, tb, longWordsJS)
			for _, p := range eval[[]string](t, tb, overflowJS) {
				t.Errorf("320px long words: %s", p)
			}
			for _, p := range eval[[]string](t, tb, clippedJS) {
				t.Errorf("320px long words clipped: %s", p)
			}
			// zoom 200%
			tb.run(t, "zoom", chromedp.EmulateViewport(640, 450, chromedp.EmulateScale(2)))
			openVisual(t, tb, pg.path, pg.ready)
			for _, p := range eval[[]string](t, tb, overlapJS) {
				t.Errorf("200%% overlap: %s", p)
			}
			for _, p := range eval[[]string](t, tb, overflowJS) {
				t.Errorf("200%%: %s", p)
			}
			// focus
			tb.run(t, "desktop", chromedp.EmulateViewport(1280, 900))
			openVisual(t, tb, pg.path, pg.ready)
			for _, p := range focusWalk(t, tb) {
				t.Errorf("focus: %s", p)
			}
			tb.run(t, "fc", setMedia("forced-colors", "active", "prefers-contrast", "more"))
			openVisual(t, tb, pg.path, pg.ready)
			for _, p := range focusWalk(t, tb) {
				t.Errorf("forced focus: %s", p)
			}
			tb.run(t, "reset", setMedia())
			tb.run(t, "dark", setMedia("prefers-color-scheme", "dark"))
			openVisual(t, tb, pg.path, pg.ready)
			for _, p := range eval[[]string](t, tb, `__colour.text()`) {
				t.Errorf("dark contrast: %s", p)
			}
			// Form controls and scroll bars follow the scheme, and the
			// first frame, painted before the stylesheet arrives, does too.
			if cs := eval[string](t, tb, `getComputedStyle(document.documentElement).colorScheme + " / " + (document.querySelector('head meta[name="color-scheme"]')?.content || "no meta color-scheme")`); cs != "dark / light dark" {
				t.Errorf("dark: color-scheme %s, want dark / light dark", cs)
			}
			for _, p := range focusWalk(t, tb) {
				t.Errorf("dark focus: %s", p)
			}
			tb.run(t, "reset", setMedia())
			for _, m := range []string{"no-preference", "reduce"} {
				tb.run(t, "motion", setMedia("prefers-reduced-motion", m))
				openVisual(t, tb, pg.path, pg.ready)
				for _, p := range eval[[]string](t, tb, motionJS) {
					t.Errorf("prefers-reduced-motion %s: %s moves", m, p)
				}
			}
			tb.run(t, "reset", setMedia())
			// hover
			for _, p := range hoverWalk(t, tb) {
				t.Errorf("hover: %s", p)
			}
		})
	}
}

// motionJS lists animations, transitions and smooth scrolling.
const motionJS = `(() => {
	const out = document.getAnimations().map((a) => String(a.animationName || a.transitionProperty || a));
	for (const e of document.querySelectorAll("*")) {
		const cs = getComputedStyle(e);
		if (cs.animationName !== "none" || parseFloat(cs.transitionDuration) > 0 || cs.scrollBehavior === "smooth") out.push(__colour.name(e));
	}
	return out;
})()`

// spacingJS applies WCAG 1.4.12's text spacing.
const spacingJS = `(() => { const s = document.createElement("style"); s.textContent = "* { line-height: 1.5 !important; letter-spacing: .12em !important; word-spacing: .16em !important; } p { margin-bottom: 2em !important; }"; document.head.append(s); return true; })()`

// longWordsJS puts a word that has nowhere to break, as long as a real
// practitioner's e-mail address can be, after the first word of every
// text on the page (button labels, the site's own short words, apart):
// a name, an address, a URL or an ISBN may be that long, in a heading, a
// link, a list of filters, a table or a form's label. It returns how many
// texts it changed.
const longWordsJS = `(() => {
	const long = "appointments.wolfeschlegelsteinhausenbergerdorff@example.org";
	let n = 0;
	for (const e of document.body.querySelectorAll("*")) {
		if (e.closest("script, style, template, noscript, select, button")) continue;
		const t = [...e.childNodes].find((c) => c.nodeType === 3 && c.textContent.trim());
		if (!t) continue;
		t.textContent = t.textContent.replace(/\S+/, (w) => w + long);
		n++;
	}
	return n;
})()`

// brokenWordsJS lists the words of buttons' labels and of tables that
// are broken across two lines: a button squeezed by its neighbours, or a
// column narrower than its longest word, where the table should scroll.
const brokenWordsJS = `(() => {
	const out = [];
	for (const e of document.body.querySelectorAll("button, th, td")) {
		if (__colour.hidden(e)) continue;
		const w = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
		for (let n; (n = w.nextNode());) {
			for (const m of n.textContent.matchAll(/[^\s\-\u2010-\u2014\/]+/g)) {
				const r = document.createRange();
				r.setStart(n, m.index); r.setEnd(n, m.index + m[0].length);
				const tops = new Set([...r.getClientRects()].filter((b) => b.width > 0).map((b) => Math.round(b.top)));
				if (tops.size > 1) out.push(__colour.name(e) + ": the word " + JSON.stringify(m[0]) + " is broken across lines");
			}
		}
	}
	return out.slice(0, 10);
})()`

// overflowJS lists what sticks out past the viewport's right edge, outside
// a scroll region of its own, and whether the page scrolls sideways.
const overflowJS = `(() => {
	const vw = document.documentElement.clientWidth, out = [];
	if (document.documentElement.scrollWidth > vw) out.push("the page is " + document.documentElement.scrollWidth + " px wide in a " + vw + " px viewport");
	for (const e of document.body.querySelectorAll("*")) {
		if (__colour.hidden(e)) continue;
		const r = e.getBoundingClientRect();
		if (r.width === 0 || r.right <= vw + 1) continue;
		let scroller = false;
		for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
			const o = getComputedStyle(a).overflowX;
			if (o === "auto" || o === "scroll" || o === "hidden") { scroller = a.getBoundingClientRect().right <= vw + 1; break; }
		}
		if (!scroller) out.push(__colour.name(e) + " right edge " + Math.round(r.right));
	}
	return out.slice(0, 10);
})()`

// clippedJS lists elements that hide part of their content.
const clippedJS = `(() => {
	const out = [];
	for (const e of document.body.querySelectorAll("*")) {
		if (__colour.hidden(e)) continue;
		const cs = getComputedStyle(e);
		if (!/hidden|clip/.test(cs.overflowX + cs.overflowY)) continue;
		if (e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1) out.push(__colour.name(e) + " shows " + e.clientWidth + "x" + e.clientHeight + " of " + e.scrollWidth + "x" + e.scrollHeight);
	}
	return out;
})()`

// overlapJS lists pairs of text boxes that overlap.
const overlapJS = `(() => {
	const boxes = [];
	const w = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	for (let n; (n = w.nextNode());) {
		if (!n.textContent.trim()) continue;
		const e = n.parentElement;
		if (__colour.hidden(e) || e.closest("script, style")) continue;
		const r = document.createRange(); r.selectNodeContents(n);
		for (const b of r.getClientRects()) if (b.width > 1 && b.height > 1) boxes.push({e, b});
	}
	for (const e of document.querySelectorAll("input, select, textarea, button, img")) {
		if (__colour.hidden(e)) continue;
		const b = e.getBoundingClientRect(); if (b.width > 1 && b.height > 1) boxes.push({e, b});
	}
	const out = [];
	for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
		const a = boxes[i], c = boxes[j];
		if (a.e === c.e || a.e.contains(c.e) || c.e.contains(a.e)) continue;
		const x = Math.min(a.b.right, c.b.right) - Math.max(a.b.left, c.b.left), y = Math.min(a.b.bottom, c.b.bottom) - Math.max(a.b.top, c.b.top);
		if (x > 2 && y > 3) out.push(__colour.name(a.e) + " overlaps " + __colour.name(c.e) + " by " + Math.round(x) + "x" + Math.round(y));
	}
	return out.slice(0, 10);
})()`

// focusJS describes the focused element's focus indicator: a problem, or "".
const focusJS = `(() => {
	const e = document.activeElement;
	if (!e || e === document.body) return {kbd: -2, problem: ""};
	const cs = getComputedStyle(e), under = __colour.bg(e.parentElement || e), own = __colour.bg(e);
	const ow = parseFloat(cs.outlineWidth), oc = __colour.parse(cs.outlineColor);
	const outline = cs.outlineStyle !== "none" && ow >= 2 && oc && oc[3] > 0 && Math.max(__colour.ratio(__colour.over(oc, under), under), __colour.ratio(__colour.over(oc, own), own));
	const sc = cs.boxShadow !== "none" && __colour.parse(cs.boxShadow);
	const shadow = sc && sc[3] > 0 && __colour.ratio(__colour.over(sc, under), under);
	const best = Math.max(outline || 0, shadow || 0);
	const r = e.getBoundingClientRect();
	const top = document.elementFromPoint(Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1), Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1));
	let problem = "";
	if (best < 3) problem = __colour.name(e) + ": focus indicator outline " + cs.outlineStyle + " " + cs.outlineWidth + " " + cs.outlineColor + ", box-shadow " + cs.boxShadow + " on " + __colour.hex(under) + ": contrast " + best.toFixed(2);
	else if (r.bottom < 0 || r.top > innerHeight || r.right < 0 || r.left > innerWidth) problem = __colour.name(e) + " is focused off screen";
	else if (top && top !== e && !e.contains(top) && !top.contains(e)) problem = __colour.name(e) + " is focused under " + __colour.name(top);
	return {kbd: e.dataset.kbd === undefined ? -1 : Number(e.dataset.kbd), problem};
})()`

// focusWalk tabs through the page, reporting indicators that are missing
// or too faint, focus order against the document's order, and traps.
func focusWalk(t *testing.T, tb *tab) []string {
	t.Helper()
	eval[bool](t, tb, `(document.activeElement && document.activeElement.blur(), window.scrollTo(0, 0), true)`)
	n := eval[int](t, tb, focusableJS)
	var out []string
	last, same := -3, 0
	for i := 0; i < n+3; i++ {
		tb.key(t, "\t")
		f := eval[struct {
			Kbd     int
			Problem string
		}](t, tb, focusJS)
		if f.Problem != "" {
			out = append(out, f.Problem)
		}
		if f.Kbd == 0 && last > 0 {
			break
		}
		if f.Kbd >= 0 && last >= 0 && f.Kbd < last {
			out = append(out, fmt.Sprintf("Tab went back from element %d to %d", last, f.Kbd))
		}
		if f.Kbd == last && f.Kbd >= 0 {
			same++
			if same > 2 {
				out = append(out, fmt.Sprintf("focus stays on element %d", f.Kbd))
				break
			}
		} else {
			same = 0
		}
		if f.Kbd == -2 {
			break
		}
		last = f.Kbd
	}
	return out
}

// hoverWalk moves the pointer over each kind of link and button and
// checks its text contrast while hovered.
func hoverWalk(t *testing.T, tb *tab) []string {
	t.Helper()
	type target struct {
		X, Y float64
		Sel  string
	}
	targets := eval[[]target](t, tb, `(() => {
		const seen = new Set(), out = [];
		document.querySelectorAll("a[href], button, summary, [role=option]").forEach((e, i) => {
			if (__colour.hidden(e)) return;
			const key = e.tagName + e.className + (e.parentElement && e.parentElement.className) + (e.closest("header, footer, nav, .banner") || {tagName: ""}).tagName;
			if (seen.has(key)) return;
			seen.add(key);
			e.dataset.hover = String(i);
			out.push({sel: "[data-hover='" + i + "']"});
		});
		return out.slice(0, 40);
	})()`)
	if len(targets) == 0 {
		return []string{"no link or button shown to hover over"}
	}
	var out []string
	for _, tg := range targets {
		// Chromium applies :hover at its next frame after the move, and a
		// page still settling (the directory's results arriving on a
		// loaded machine) can move the element from under the pointer:
		// measure and move again until it is hovered, for as long as
		// waitJS waits.
		hovered := `document.querySelector("` + tg.Sel + `").matches(":hover")`
		var pos []float64
		for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); {
			pos = eval[[]float64](t, tb, `(() => { const e = document.querySelector("`+tg.Sel+`"); e.scrollIntoView({block: "center"}); const r = e.getClientRects()[0]; return [r.left + Math.min(4, r.width / 2), r.top + r.height / 2]; })()`)
			tb.run(t, "hovering", chromedp.Func(func(ctx context.Context, target *chromedp.Target) error {
				_, err := cdp.Call(ctx, target, input.DispatchMouseEvent, input.DispatchMouseEventParams{Type: input.DispatchMouseEventTypeMouseMoved, X: pos[0], Y: pos[1]})
				return err
			}))
			if eval[bool](t, tb, hovered) {
				break
			}
			time.Sleep(50 * time.Millisecond)
		}
		p := eval[[]string](t, tb, `(() => { const e = document.querySelector("`+tg.Sel+`"); if (!e.matches(":hover")) { const at = document.elementFromPoint(`+fmt.Sprint(pos[0])+`, `+fmt.Sprint(pos[1])+`); return ["not hovered: " + __colour.name(e) + " (the pointer is over " + (at ? __colour.name(at) : "nothing") + ")"]; } return __colour.text(e.parentElement).filter((s) => s.startsWith(__colour.name(e))); })()`)
		out = append(out, p...)
	}
	return out
}

// TestSearchPopupEscape: Escape closes the header's search popup and
// leaves focus in the search box, from the box and also after a click in
// the popup has put focus on the list (a visitor scrolling it), where
// before the popup stayed open over the page.
func TestSearchPopupEscape(t *testing.T) {
	tb := newTab(t)
	tb.run(t, "desktop viewport", chromedp.EmulateViewport(1280, 900))
	tb.open(t, "/")
	tb.run(t, "typing", chromedp.Click(chromedp.CSS("#search-box-q")), chromedp.SendKeys(chromedp.CSS("#search-box-q"), "cranial"))
	tb.waitJS(t, `document.querySelector("#search-box-list [role=option]") && !document.querySelector("#search-box-list").hidden`, "the popup to open")
	for _, from := range []string{"the box", "the list"} {
		if from == "the list" {
			tb.key(t, kb.ArrowDown)
			tb.waitJS(t, `!document.querySelector("#search-box-list").hidden`, "the popup to reopen")
			// What a press inside the popup does: the list takes focus.
			eval[bool](t, tb, `(document.querySelector("#search-box-list").focus(), document.activeElement.id === "search-box-list")`)
		}
		tb.key(t, kb.Escape)
		got := eval[struct {
			Hidden          bool
			Expanded, Focus string
		}](t, tb, `({hidden: document.querySelector("#search-box-list").hidden, expanded: document.querySelector("#search-box-q").getAttribute("aria-expanded"), focus: document.activeElement.id})`)
		if !got.Hidden || got.Expanded != "false" || got.Focus != "search-box-q" {
			t.Errorf("Escape with focus in %s: popup hidden %v, aria-expanded %q, focus on %q; want it closed and focus in the search box", from, got.Hidden, got.Expanded, got.Focus)
		}
	}
}

// TestForcedColours: in a forced-colours theme (Windows' contrast
// themes), where the browser puts its own few colours in place of the
// site's and drops shadows, and with more contrast asked for: every field
// and button keeps a border that stands out; a search match stays marked
// by more than its colour; a lapsed or unknown registration still looks
// unlike a current one, beyond its words; a drawing takes the colour of
// the text around it. Focus is checked in TestReflowZoomFocusContrast.
func TestForcedColours(t *testing.T) {
	tb := newTab(t)
	tb.run(t, "desktop", chromedp.EmulateViewport(1280, 900))
	tb.run(t, "forced colours", setMedia("forced-colors", "active", "prefers-contrast", "more"))
	if !eval[bool](t, tb, `matchMedia("(forced-colors: active) and (prefers-contrast: more)").matches`) {
		t.Fatal("forced colours are not emulated")
	}
	for _, pg := range []struct{ path, ready string }{
		{"/", ""},
		{"/search/?q=certification", `document.querySelector("#search-page-list mark")`},
		{"/practitioners/", `!document.querySelector("#directory-filters").hidden`},
		{"/verify/", ""},
		{"/contact/", ""},
		{"/markdown-features/", ""},
	} {
		openVisual(t, tb, pg.path, pg.ready)
		if pg.ready != "" {
			tb.waitJS(t, pg.ready, "the page's script")
		}
		for _, b := range eval[[]string](t, tb, fieldBordersJS) {
			t.Errorf("forced colours, %s: %s; want a border of 3:1", pg.path, b)
		}
		for _, p := range eval[[]string](t, tb, forcedJS) {
			t.Errorf("forced colours, %s: %s", pg.path, p)
		}
	}
	// The registration check's answers: each is told apart by its border,
	// not its background alone, and starts with a heading.
	looks := map[string]string{}
	for _, reg := range []string{"CST-000004", "CST-000031", "CST-000999"} {
		openVisual(t, tb, "/verify/?reg="+reg, `["current", "lapsed", "unknown"].includes(document.querySelector("#verify-result").dataset.status)`)
		tb.waitJS(t, `["current", "lapsed", "unknown"].includes(document.querySelector("#verify-result").dataset.status)`, "the answer")
		got := eval[struct{ Status, Look, Heading string }](t, tb, `(() => { const e = document.querySelector("#verify-result"), cs = getComputedStyle(e);
			return {status: e.dataset.status, look: cs.borderLeftStyle + " " + cs.borderLeftWidth + " " + cs.outlineStyle + " " + cs.fontWeight, heading: e.querySelector("h2")?.textContent || ""}; })()`)
		if got.Heading == "" {
			t.Errorf("forced colours: the %s answer for %s has no heading", got.Status, reg)
		}
		looks[got.Status] = got.Look
	}
	if looks["current"] == looks["lapsed"] || looks["current"] == looks["unknown"] {
		t.Errorf("forced colours: a current registration looks like a lapsed or unknown one (border, outline, weight): %q", looks)
	}
}

// forcedJS lists marks (search matches) that differ from the text around
// them by colour alone, and drawings that do not take the text's colour.
const forcedJS = `(() => {
	const out = [];
	for (const m of document.querySelectorAll("mark")) {
		const cs = getComputedStyle(m), around = getComputedStyle(m.parentElement);
		const weight = Number(cs.fontWeight) - Number(around.fontWeight) >= 200;
		const line = cs.textDecorationLine !== around.textDecorationLine || (cs.borderBottomStyle !== "none" && parseFloat(cs.borderBottomWidth) > 0) || cs.outlineStyle !== "none";
		if (!weight && !line) out.push(__colour.name(m) + " is marked by its colour alone");
	}
	for (const s of document.querySelectorAll("svg")) {
		const cs = getComputedStyle(s);
		if (__colour.hidden(s)) continue;
		for (const [what, c] of [["fill", cs.fill], ["stroke", cs.stroke]]) if (c !== "none" && c !== cs.color) out.push("an svg's " + what + " is " + c + ", not the text's " + cs.color);
	}
	return out;
})()`
