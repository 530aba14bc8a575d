package browsertest

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"sitegen/internal/directory"
)

// TestSearch types into the header's search box as a visitor would: the
// expected page is found, its count announced, and arrow keys and Enter
// open it.
func TestSearch(t *testing.T) {
	tb := newTab(t)
	tb.open(t, "/")
	tb.run(t, "typing a query", chromedp.Click(chromedp.CSS("#search-box-q")), chromedp.SendKeys(chromedp.CSS("#search-box-q"), "become certified"))
	tb.waitJS(t, `document.querySelectorAll("#search-box-list [role=option]").length > 0`, "search results")
	// The count is said once the typing pauses.
	tb.waitJS(t, `document.querySelector("#search-box-q").form.querySelector(".search-status").textContent`, "the result count")
	st := eval[struct {
		Status, Live, Expanded, First string
		Hidden                        bool
	}](t, tb, `(() => {
		const s = document.querySelector("#search-box-q").form.querySelector(".search-status");
		return {status: s.textContent, live: s.getAttribute("aria-live") || "", expanded: document.querySelector("#search-box-q").getAttribute("aria-expanded"),
			first: document.querySelector("#search-box-list [role=option]").dataset.href, hidden: document.querySelector("#search-box-list").hidden};
	})()`)
	if !regexp.MustCompile(`^\d+ results?\b`).MatchString(st.Status) || st.Live != "polite" {
		t.Errorf("result count %q in a region with aria-live=%q; want \"N results\" announced politely", st.Status, st.Live)
	}
	if st.Expanded != "true" || st.Hidden {
		t.Errorf("results list: aria-expanded=%q hidden=%v; want it shown", st.Expanded, st.Hidden)
	}
	const want = "/articles/how-to-become-certified/"
	if strings.SplitN(st.First, "#", 2)[0] != want {
		t.Errorf("first result for \"become certified\" is %s, want %s", st.First, want)
	}
	checkOptionNames(t, tb, "become certified")
	tb.key(t, kb.ArrowDown)
	sel := eval[[]string](t, tb, `[document.querySelector("#search-box-q").getAttribute("aria-activedescendant") || "", document.querySelector("[role=option][aria-selected=true]")?.id || ""]`)
	if sel[0] == "" || sel[0] != sel[1] {
		t.Fatalf("after ArrowDown: aria-activedescendant %q, selected option %q; want the first option selected", sel[0], sel[1])
	}
	tb.key(t, kb.ArrowDown)
	tb.key(t, kb.ArrowUp)
	if got := eval[string](t, tb, `document.querySelector("#search-box-q").getAttribute("aria-activedescendant")`); got != sel[0] {
		t.Errorf("ArrowDown then ArrowUp selects %q, want %q again", got, sel[0])
	}
	tb.run(t, "pressing Enter", pressEnter())
	tb.waitJS(t, `location.pathname === "`+want+`" && document.readyState === "complete"`, "Enter to open the selected result")
	for _, p := range tb.takeProblems() {
		t.Error(p)
	}
}

// checkOptionNames: each option of the header's popup is named by its
// title and kind ("Safety, Article"), a section by its heading and the
// page it is in ("Head injuries, section of Safety"), and the excerpt is
// its description, not part of its name.
func checkOptionNames(t *testing.T, tb *tab, q string) {
	t.Helper()
	opts := eval[[]struct {
		Sub                     bool
		Title, Kind, Name, Desc string
		Excerpt                 string
	}](t, tb, `[...document.querySelectorAll("#search-box-list [role=option]")].map((o) => ({sub: o.classList.contains("search-sub"),
		title: o.querySelector(".search-title").textContent, kind: o.querySelector(".search-kind")?.textContent || "",
		name: o.getAttribute("aria-label") || "", excerpt: o.querySelector(".search-excerpt")?.textContent || "",
		desc: (o.getAttribute("aria-describedby") || "").split(/\s+/).filter(Boolean).map((id) => document.getElementById(id)?.textContent || "").join(" ")}))`)
	parent, subs := "", 0
	for i, o := range opts {
		want := o.Title + ", " + o.Kind
		if o.Sub {
			subs++
			want = o.Title + ", section of " + parent
		} else {
			parent = o.Title
		}
		if o.Name != want {
			t.Errorf("%q: option %d is named %q, want %q", q, i+1, o.Name, want)
		}
		if o.Desc != o.Excerpt {
			t.Errorf("%q: option %d (%s) is described by %q, want its excerpt %q", q, i+1, o.Title, o.Desc, o.Excerpt)
		}
	}
	if len(opts) == 0 || subs == 0 {
		t.Errorf("%q: %d options, %d of them sections; want both kinds to check", q, len(opts), subs)
	}
}

// TestSearchPopupFocus: the header's results popup covers the page below
// it, so it closes when keyboard focus leaves the search form, the list
// itself is never a Tab stop and no focused element is hidden under it; a
// click on a result still opens it. At a phone's width and a desktop's.
func TestSearchPopupFocus(t *testing.T) {
	tb := newTab(t)
	for _, width := range []int64{320, 1280} {
		tb.run(t, "viewport", chromedp.EmulateViewport(width, 800))
		tb.open(t, "/articles/safety/")
		tb.run(t, "typing a query", chromedp.Click(chromedp.CSS("#search-box-q")), chromedp.SendKeys(chromedp.CSS("#search-box-q"), "safety"))
		tb.waitJS(t, `!document.querySelector("#search-box-list").hidden && document.querySelectorAll("#search-box-list [role=option]").length > 0`, "the results popup")
		if ti := eval[int](t, tb, `document.querySelector("#search-box-list").tabIndex`); ti != -1 {
			t.Errorf("%d px: the results list has tabIndex %d, want -1 (not a Tab stop)", width, ti)
		}
		left := false
		for i := 1; i <= 4; i++ {
			tb.key(t, "\t")
			f := eval[struct {
				Desc, Expanded         string
				InForm, InList, Hidden bool
				Covered                bool
			}](t, tb, `(() => {
				const a = document.activeElement, list = document.querySelector("#search-box-list");
				const r = a.getBoundingClientRect(), top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
				return {desc: a.outerHTML.slice(0, 80), expanded: document.querySelector("#search-box-q").getAttribute("aria-expanded"),
					inForm: Boolean(a.closest("form.search-box")), inList: list.contains(a), hidden: list.hidden,
					covered: Boolean(top) && !a.contains(top) && !top.contains(a)};
			})()`)
			if f.InList {
				t.Errorf("%d px, Tab %d: focus is on the results list (%s); it must not be a Tab stop", width, i, f.Desc)
			}
			if f.Covered {
				t.Errorf("%d px, Tab %d: the focused %s is hidden under another element", width, i, f.Desc)
			}
			if !f.InForm {
				left = true
				if f.Expanded != "false" || !f.Hidden {
					t.Errorf("%d px, Tab %d: focus left the search form for %s, but the popup is open (aria-expanded=%q, hidden=%v)", width, i, f.Desc, f.Expanded, f.Hidden)
				}
			}
		}
		if !left {
			t.Errorf("%d px: four Tabs did not leave the search form", width)
		}

		// A click on a result opens it: the popup does not close under the
		// pointer when the input loses focus.
		tb.run(t, "focusing the search box", chromedp.Click(chromedp.CSS("#search-box-q")))
		tb.waitJS(t, `!document.querySelector("#search-box-list").hidden`, "the popup to reopen on focus")
		want := eval[string](t, tb, `document.querySelector("#search-box-list [role=option]").dataset.href`)
		tb.run(t, "clicking the first result", chromedp.Click(chromedp.CSS("#search-box-list [role=option] .search-title")))
		tb.waitJS(t, `location.pathname + location.hash === `+strconv.Quote(want)+` && document.readyState === "complete"`, "the click to open "+want)
	}
	for _, p := range tb.takeProblems() {
		t.Error(p)
	}
}

// TestSearchNoResults: a query with no results says so visibly below the
// header's search box, with the popup collapsed, and announces it.
func TestSearchNoResults(t *testing.T) {
	tb := newTab(t)
	tb.open(t, "/")
	tb.run(t, "typing a query", chromedp.Click(chromedp.CSS("#search-box-q")), chromedp.SendKeys(chromedp.CSS("#search-box-q"), "zzzzqx"))
	status := `document.querySelector("#search-box-q").form.querySelector(".search-status")`
	// Each letter typed searches again, and "zzzzq" has no results
	// either: wait for the message about the whole query.
	tb.waitJS(t, status+`.textContent === "No results for “zzzzqx”"`, "the no-results message")
	// visible: the message is drawn at least one line tall and is what is
	// on top at its centre.
	visible := `(() => { const s = ` + status + `, r = s.getBoundingClientRect(); const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
		return r.width > 100 && r.height > 10 && Boolean(top) && s.contains(top); })()`
	st := eval[struct {
		Text, Live, Expanded string
		Visible, ListHidden  bool
	}](t, tb, `({text: `+status+`.textContent, live: `+status+`.getAttribute("aria-live") || "", expanded: document.querySelector("#search-box-q").getAttribute("aria-expanded"),
		visible: `+visible+`, listHidden: document.querySelector("#search-box-list").hidden})`)
	if st.Text != "No results for “zzzzqx”" || st.Live != "polite" {
		t.Errorf("status %q in a region with aria-live=%q; want “No results for “zzzzqx”” announced politely", st.Text, st.Live)
	}
	if !st.Visible {
		t.Errorf("the no-results message is not visible")
	}
	if st.Expanded != "false" || !st.ListHidden {
		t.Errorf("with no results: aria-expanded=%q, list hidden=%v; want the empty list collapsed", st.Expanded, st.ListHidden)
	}
	tb.key(t, "\t")
	tb.key(t, "\t")
	if eval[bool](t, tb, visible) {
		t.Errorf("the no-results message stays on screen after focus leaves the search form")
	}
	for _, p := range tb.takeProblems() {
		t.Error(p)
	}
}

// TestSearchPageHelp: with no results, the search page advises what to
// try and, for a health problem, to see a GP first, with links to the
// pages that help; the advice goes as soon as a query finds something.
func TestSearchPageHelp(t *testing.T) {
	tb := newTab(t)
	tb.open(t, "/search/?q=safetyxqzw")
	tb.waitJS(t, `document.querySelector(".search-page .search-status").textContent.includes("No results")`, "the no-results message")
	help := eval[struct {
		Hidden bool
		Text   string
		Links  []string
	}](t, tb, `(() => { const h = document.querySelector(".search-page .search-help");
		return {hidden: !h || h.hidden || h.getBoundingClientRect().height === 0, text: h ? h.textContent : "", links: h ? [...h.querySelectorAll("a")].map((a) => a.getAttribute("href")) : []}; })()`)
	if help.Hidden || !strings.Contains(help.Text, "GP") {
		t.Errorf("no results: the advice is hidden=%v, text %q; want it shown, sending a health problem to a GP first", help.Hidden, help.Text)
	}
	for _, want := range []string{"/articles/safety/", "/practitioners/"} {
		if !slices.Contains(help.Links, want) {
			t.Errorf("no results: the advice links %q, want a link to %s", help.Links, want)
		}
	}
	tb.run(t, "typing a query with results", chromedp.Focus(chromedp.CSS("#search-page-q")))
	for range 4 {
		tb.key(t, "\b")
	}
	tb.waitJS(t, `document.querySelectorAll("#search-page-list > li > a[href]").length > 0`, "results for safety")
	if !eval[bool](t, tb, `document.querySelector(".search-page .search-help").hidden`) {
		t.Error("the no-results advice stays on the page once the query finds something")
	}
	for _, p := range tb.takeProblems() {
		t.Error(p)
	}
}

// TestSearchPage: the /search/ page reads its query from the URL, records
// what is typed there and narrows by kind. Its box is a plain search field
// and its results a list of links, each with its kind and excerpt and its
// sections as nested links, that Tab reaches from the box; the count is
// announced.
// TestSearchExcerptOnce: a result that links to one of its sections
// (the FAQ's "Safety" for "safety") shows that section's excerpt once, as
// the result's, not again under the section's sub-result.
func TestSearchExcerptOnce(t *testing.T) {
	tb := newTab(t)
	tb.open(t, "/search/?q=safety")
	tb.waitJS(t, `document.querySelectorAll("#search-page-list > li > a[href]").length > 0`, "results for safety")
	twice := eval[[]string](t, tb, `[...document.querySelectorAll("#search-page-list > li")].flatMap((li) => {
		const own = li.querySelector(":scope > .search-excerpt")?.textContent;
		return [...li.querySelectorAll(".search-subs .search-excerpt")].filter((e) => own && e.textContent === own).map(() => li.querySelector("a").getAttribute("href"));
	})`)
	if len(twice) > 0 {
		t.Errorf("results showing one excerpt twice: %v", twice)
	}
	for _, p := range tb.takeProblems() {
		t.Error(p)
	}
}

func TestSearchPage(t *testing.T) {
	tb := newTab(t)
	tb.open(t, "/search/?q=aelia")
	tb.waitJS(t, `document.querySelectorAll("#search-page-list > li > a[href]").length > 0`, "results for the query in the URL")
	if got := eval[string](t, tb, `document.querySelector("#search-page-list > li > a").getAttribute("href")`); got != "/practitioners/aelia-thornhurst/" {
		t.Errorf("first result for aelia is %s, want Aelia Thornhurst's profile", got)
	}
	st := eval[struct {
		Input, List, Status, Live string
		Options                   int
	}](t, tb, `(() => { const q = document.querySelector("#search-page-q"), l = document.querySelector("#search-page-list"), s = document.querySelector(".search-page .search-status");
		return {input: q.outerHTML, list: l.tagName + " role=" + (l.getAttribute("role") || ""), status: s.textContent, live: s.getAttribute("aria-live") || "",
			options: document.querySelectorAll(".search-page [role=option], .search-page [role=listbox]").length}; })()`)
	if strings.Contains(st.Input, "role=") || strings.Contains(st.Input, "aria-expanded") || strings.Contains(st.Input, "aria-activedescendant") {
		t.Errorf("the search page's box is %s; want a plain search field, not a combobox", st.Input)
	}
	if st.List != "OL role=" || st.Options != 0 {
		t.Errorf("the search page's results are %s with %d options or listboxes; want a plain list of links", st.List, st.Options)
	}
	if !regexp.MustCompile(`^\d+ results?\b`).MatchString(st.Status) || st.Live != "polite" {
		t.Errorf("result count %q in a region with aria-live=%q; want \"N results\" announced politely", st.Status, st.Live)
	}
	// The header's search and the page's are two search landmarks: each
	// needs a name of its own for a screen reader's landmark list.
	if names := eval[[]string](t, tb, `[...document.querySelectorAll("[role=search], search")].map((e) => e.getAttribute("aria-label") || "")`); len(names) != 2 || names[0] == "" || names[1] == "" || names[0] == names[1] {
		t.Errorf("the search page's search landmarks are named %q; want two distinct names", names)
	}
	// Tab from the box passes the button and the kinds to the first result.
	tb.run(t, "focusing the box", chromedp.Focus(chromedp.CSS("#search-page-q")))
	reached := ""
	for i := 0; i < 8 && reached == ""; i++ {
		tb.key(t, "\t")
		reached = eval[string](t, tb, `document.activeElement.closest("#search-page-list") ? document.activeElement.getAttribute("href") : ""`)
	}
	if reached != "/practitioners/aelia-thornhurst/" {
		t.Errorf("Tab from the search page's box does not reach the first result link (got %q)", reached)
	}

	tb.open(t, "/search/?q=safety")
	tb.waitJS(t, `document.querySelectorAll("#search-page-list > li > a[href]").length > 0`, "results for safety")
	r := eval[struct {
		Kinds, Excerpts, Subs int
		Items                 int
	}](t, tb, `(() => { const items = [...document.querySelectorAll("#search-page-list > li")];
		return {items: items.length, kinds: items.filter((li) => li.querySelector(":scope > .search-kind")?.textContent).length,
			excerpts: items.filter((li) => li.querySelector(":scope > .search-excerpt")).length,
			subs: document.querySelectorAll("#search-page-list > li > ul > li > a[href*='#']").length}; })()`)
	if r.Kinds != r.Items || r.Excerpts == 0 || r.Subs == 0 {
		t.Errorf("results for safety: %d items, %d with a kind, %d with an excerpt, %d section links; want a kind on each, excerpts and nested section links", r.Items, r.Kinds, r.Excerpts, r.Subs)
	}

	// A result links to its best section and shows that section's text:
	// here only the heading matches, so the excerpt is its opening. No
	// excerpt is an empty paragraph, and every other section shows one.
	tb.open(t, "/search/?q=does+it+hurt")
	tb.waitJS(t, `document.querySelectorAll("#search-page-list > li > a[href]").length > 0`, "results for does it hurt")
	h := eval[struct {
		Href, Excerpt string
		Empty, Subs   int
	}](t, tb, `(() => { const li = document.querySelector("#search-page-list > li");
		return {href: li.querySelector("a").getAttribute("href"), excerpt: li.querySelector(":scope > .search-excerpt")?.textContent || "",
			empty: [...document.querySelectorAll("#search-page-list .search-excerpt")].filter((p) => !p.textContent.trim()).length,
			subs: [...li.querySelectorAll(":scope > ul > li:not(:has(> .search-excerpt))")].filter((s) => s.querySelector("a").getAttribute("href") !== li.querySelector("a").getAttribute("href")).length}; })()`)
	if h.Href != "/faq/#does-it-hurt" || !strings.HasPrefix(h.Excerpt, "It should not.") || h.Empty != 0 || h.Subs != 0 {
		t.Errorf("does it hurt: first result %s with excerpt %q, %d empty excerpts, %d sections without one; want /faq/#does-it-hurt showing its answer, no empty excerpt and one for each section but the one the result links to", h.Href, h.Excerpt, h.Empty, h.Subs)
	}

	// A shared link with a query longer than the box takes is cut to the
	// box's limit, as typing is.
	tb.open(t, "/search/?q=safety+"+strings.Repeat("x", 300))
	tb.waitJS(t, `document.querySelector("#search-page-q").value.startsWith("safety ")`, "the query from the link")
	if n := eval[int](t, tb, `document.querySelector("#search-page-q").value.length`); n != 200 {
		t.Errorf("a 307-character query from a link fills the box with %d characters, want 200", n)
	}

	tb.run(t, "typing a new query", clear("#search-page-q"), chromedp.SendKeys(chromedp.CSS("#search-page-q"), "skull"))
	tb.waitJS(t, `new URLSearchParams(location.search).get("q") === "skull"`, "the URL to record the query")
	tb.run(t, "only books", chromedp.Click(chromedp.CSS(`input[name=kind][value=book]`)))
	tb.waitJS(t, `location.search.includes("kind=book") && [...document.querySelectorAll("#search-page-list > li > .search-kind")].every((k) => k.textContent === "Book") && document.querySelectorAll("#search-page-list > li").length > 0`, "results narrowed to books")
	for _, p := range tb.takeProblems() {
		t.Error(p)
	}
}

// TestSearchRegistration: a query that is a registration number finds
// that practitioner only; a number no current practitioner has (lapsed
// CST-000031, unknown CST-000099) lists nobody and links the registration
// check, on the search page and in the header, where Tab reaches the link.
func TestSearchRegistration(t *testing.T) {
	tb := newTab(t)
	results := `[...document.querySelectorAll("#search-page-list > li > a")].map((a) => a.getAttribute("href"))`
	for _, q := range []string{"CST+4", "cst-000004", "000004"} {
		tb.open(t, "/search/?q="+q)
		tb.waitJS(t, `document.querySelector(".search-page .search-status").textContent !== ""`, "the answer for "+q)
		got := eval[[]string](t, tb, results)
		if len(got) != 1 || got[0] != "/practitioners/aelia-thornhurst/" {
			t.Errorf("/search/?q=%s lists %v, want Aelia Thornhurst's profile only", q, got)
		}
	}
	for _, reg := range []string{"CST-000031", "CST-000099"} {
		tb.open(t, "/search/?q="+reg)
		tb.waitJS(t, `document.querySelector(".search-page .search-status").textContent !== ""`, "the answer for "+reg)
		r := eval[struct {
			Text, Link string
			Results    []string
		}](t, tb, `({text: document.querySelector(".search-page .search-status").textContent, link: document.querySelector(".search-page .search-status a")?.getAttribute("href") || "", results: `+results+`})`)
		if want := "No current practitioner has registration number " + reg + "."; !strings.HasPrefix(r.Text, want) || r.Link != "/verify/?reg="+reg || len(r.Results) != 0 {
			t.Errorf("/search/?q=%s: status %q linking %q, results %v; want %q linking /verify/?reg=%s and no results", reg, r.Text, r.Link, r.Results, want, reg)
		}
	}

	tb.open(t, "/")
	tb.run(t, "typing a number", chromedp.Click(chromedp.CSS("#search-box-q")), chromedp.SendKeys(chromedp.CSS("#search-box-q"), "cst 99"))
	tb.waitJS(t, `document.querySelector(".search-box .search-status a")`, "the link to the registration check")
	for i := 0; i < 3 && eval[string](t, tb, `document.activeElement.getAttribute("href") || ""`) == ""; i++ {
		tb.key(t, "\t")
	}
	f := eval[struct {
		Href    string
		Visible bool
	}](t, tb, `(() => { const a = document.activeElement, r = a.getBoundingClientRect(), top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
		return {href: a.getAttribute("href") || "", visible: r.width > 10 && Boolean(top) && (a.contains(top) || top.contains(a))}; })()`)
	if f.Href != "/verify/?reg=CST-000099" || !f.Visible {
		t.Errorf("Tab from the header's search box reaches %q (visible %v), want the link to /verify/?reg=CST-000099, visible", f.Href, f.Visible)
	}
	// A browser that does not focus a link it is clicking (Safari) moves
	// focus out of the form on mousedown: the popup must stay for the
	// click to land.
	tb.run(t, "back to the box", chromedp.Focus(chromedp.CSS("#search-box-q")))
	stays := eval[bool](t, tb, `(() => { const a = document.querySelector(".search-box .search-status a");
		a.dispatchEvent(new PointerEvent("pointerdown", {bubbles: true}));
		document.activeElement.blur();
		const r = a.getBoundingClientRect(), top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
		const shown = r.width > 10 && Boolean(top) && a.contains(top);
		dispatchEvent(new PointerEvent("pointerup", {bubbles: true}));
		return shown; })()`)
	if !stays {
		t.Error("the registration check's link in the header's popup is hidden between mousedown and click when the browser does not focus it")
	}
	for _, p := range tb.takeProblems() {
		t.Error(p)
	}
}

// readDirectoryData reads the directory page's filter data as its script
// does: the parts its form names in data-directory, in order, the first
// with the regions and every one with practitioners.
func readDirectoryData(t *testing.T) (regions []string, people []person) {
	t.Helper()
	page, err := os.ReadFile(filepath.Join(siteDir, "practitioners", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`data-directory=(?:"([^"]*)"|([^\s>]+))`).FindSubmatch(page)
	if m == nil {
		t.Fatal("practitioners/index.html: no data-directory attribute on the filter form")
	}
	urls := string(m[1]) + string(m[2])
	var d struct {
		Regions []string          `json:"regions"`
		People  []json.RawMessage `json:"people"`
	}
	for i, url := range strings.Fields(urls) {
		src, err := os.ReadFile(filepath.Join(siteDir, filepath.FromSlash(strings.TrimPrefix(url, "/"))))
		if err != nil {
			t.Fatal(err)
		}
		var part struct {
			Regions []string          `json:"regions"`
			People  []json.RawMessage `json:"people"`
		}
		if err := json.Unmarshal(src, &part); err != nil {
			t.Fatalf("%s: %v", url, err)
		}
		if i == 0 {
			d.Regions = part.Regions
		}
		d.People = append(d.People, part.People...)
	}
	if len(d.People) == 0 {
		t.Fatalf("the directory's filter data (%s) lists no practitioners", urls)
	}
	for _, raw := range d.People {
		var row []json.RawMessage
		if err := json.Unmarshal(raw, &row); err != nil || len(row) < 6 {
			t.Fatalf("directory data row %s: %v", raw, err)
		}
		var p person
		// The slug is left out ("") when it is the name's.
		var name string
		json.Unmarshal(row[0], &p.slug)
		json.Unmarshal(row[1], &name)
		if p.slug == "" {
			p.slug = directory.Slugify(name)
		}
		json.Unmarshal(row[2], &p.flags)
		var locs [][]any
		json.Unmarshal(row[5], &locs)
		for _, l := range locs {
			p.lat = append(p.lat, l[3].(float64))
			p.lon = append(p.lon, l[4].(float64))
		}
		people = append(people, p)
	}
	return d.Regions, people
}

type person struct {
	slug     string
	flags    int
	lat, lon []float64
}

// km is the great-circle distance from (lat, lon) to the practitioner's
// nearest location.
func (p person) km(lat, lon float64) float64 {
	best := math.Inf(1)
	for i := range p.lat {
		rad := math.Pi / 180
		dlat, dlon := (p.lat[i]-lat)*rad, (p.lon[i]-lon)*rad
		a := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat*rad)*math.Cos(p.lat[i]*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
		best = min(best, 6371*2*math.Atan2(math.Sqrt(a), math.Sqrt(1-a)))
	}
	return best
}

// TestDirectoryEarlyChoice: the filter form shows as soon as the page
// knows it has JavaScript, before directory.js has started; a region
// chosen in that time is applied when the script starts, not reset.
func TestDirectoryEarlyChoice(t *testing.T) {
	tb := newTab(t)
	choose := `document.addEventListener("DOMContentLoaded", () => { document.getElementById("f-region").value = "south-west"; });`
	if err := chromedp.Do(tb.ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: choose})
		return err
	})); err != nil {
		t.Fatal(err)
	}
	tb.open(t, "/practitioners/")
	tb.waitJS(t, `!document.querySelector("#directory-results").hidden && new URLSearchParams(location.search).get("region") === "south-west"`, "the region chosen early to apply")
}

// TestRegionChildrenLink: a region page's link for parents opens the
// directory with that region and "work with children" chosen, listing only
// the region's practitioners who hold a paediatric qualification.
func TestRegionChildrenLink(t *testing.T) {
	tb := newTab(t)
	cards := `[...document.querySelectorAll("#directory-result-list .practitioner-card")]`
	tb.open(t, "/practitioners/region/wales/")
	tb.run(t, "following the link for parents", chromedp.Click(chromedp.CSS(`a[href*="children=1"]`)))
	tb.waitJS(t, `location.pathname === "/practitioners/" && document.querySelector("#directory-results")?.hidden === false && `+cards+`.length > 0`, "the filtered directory")
	got := eval[[]string](t, tb, cards+`.map((c) => c.querySelector(".practitioner-towns").textContent + " | " + c.querySelector(".practitioner-badges").textContent)`)
	for _, c := range got {
		if !strings.Contains(c, "Wales") || !strings.Contains(c, "Works with children") {
			t.Errorf("the link for parents on the page for Wales lists %q; want practitioners in Wales who work with children only", c)
		}
	}
	if len(got) != 2 {
		t.Errorf("the link for parents on the page for Wales lists %d practitioners, want the 2 in Wales with a paediatric qualification: %q", len(got), got)
	}
	if f := eval[[]any](t, tb, `[document.getElementById("f-region").value, document.getElementById("f-children").checked]`); f[0] != "wales" || f[1] != true {
		t.Errorf("the filters show region %v and children %v, want wales and checked", f[0], f[1])
	}
	for _, p := range tb.takeProblems() {
		t.Error(p)
	}
}

// TestDirectorySharedValues: a shared link's region is read regardless of
// case, and one the directory does not know lists nobody, saying so,
// rather than everyone.
func TestDirectorySharedValues(t *testing.T) {
	tb := newTab(t)
	cards := `[...document.querySelectorAll("#directory-result-list .practitioner-card")]`
	tb.open(t, "/practitioners/?region=Wales")
	tb.waitJS(t, `!document.querySelector("#directory-results").hidden && `+cards+`.length > 0`, "the practitioners in Wales")
	towns := eval[[]string](t, tb, cards+`.map((c) => c.querySelector(".practitioner-towns").textContent)`)
	for _, tw := range towns {
		if !strings.Contains(tw, "Wales") {
			t.Errorf("?region=Wales lists a practitioner in %q", tw)
		}
	}
	if got := eval[string](t, tb, `document.getElementById("f-region").value`); got != "wales" {
		t.Errorf("?region=Wales: region field %q, want wales", got)
	}
	tb.open(t, "/practitioners/?region=atlantis")
	tb.waitJS(t, `!document.querySelector("#directory-results").hidden`, "the filtered view")
	if n, status := eval[int](t, tb, cards+`.length`), eval[string](t, tb, `document.querySelector("#directory-status").textContent`); n != 0 || !strings.HasPrefix(status, "No practitioners match") {
		t.Errorf("?region=atlantis lists %d practitioners with status %q; want none, and \"No practitioners match\"", n, status)
	}
	for _, p := range tb.takeProblems() {
		t.Error(p)
	}
}

// TestDirectoryAnnouncements: "Show practitioners" with no match moves
// focus to a results section that says so itself; "Clear filters", and
// "Show practitioners" with no filters, say that everyone is shown again,
// by region, the latter moving focus to the first region.
func TestDirectoryAnnouncements(t *testing.T) {
	tb := newTab(t)
	tb.open(t, "/practitioners/")
	tb.waitJS(t, `!document.querySelector("#directory-filters").hidden`, "the filter form to appear")
	total := eval[string](t, tb, `document.querySelector("main p:not(.directory-sample)").textContent.match(/^([\d,]+) practitioners/)[1]`)
	cleared := "Filters cleared; showing all " + total + " practitioners by region."

	tb.run(t, "typing a name", chromedp.SendKeys(chromedp.CSS("#f-q"), "zzzzqx"))
	tb.run(t, "showing nobody", chromedp.Click(chromedp.CSS(`#directory-filters .directory-actions button:not(#f-clear)`)))
	tb.waitJS(t, `document.activeElement?.id === "results-heading"`, "focus to move to the results")
	r := eval[struct {
		Said, Described string
		Visible         bool
	}](t, tb, `(() => { const sec = document.querySelector("#directory-results"), h = document.activeElement;
		const said = [...sec.querySelectorAll("p")].filter((p) => !p.hidden && p.getClientRects().length).map((p) => p.textContent).join(" ");
		return {said, visible: said !== "", described: (h.getAttribute("aria-describedby") || "").split(/\s+/).map((id) => document.getElementById(id)?.textContent || "").join(" ")}; })()`)
	if !r.Visible || !strings.HasPrefix(r.Said, "No practitioners match") || !strings.HasPrefix(r.Described, "No practitioners match") {
		t.Errorf("no matches: the results section shows %q and its heading is described by %q; want both to say no practitioners match", r.Said, r.Described)
	}

	tb.run(t, "clearing the filters", chromedp.Click(chromedp.CSS("#f-clear")))
	tb.waitJS(t, `document.querySelector("#directory-results").hidden`, "the regions to come back")
	if got := eval[string](t, tb, `document.querySelector("#directory-status").textContent`); got != cleared {
		t.Errorf("after Clear filters the status says %q, want %q", got, cleared)
	}

	tb.open(t, "/practitioners/")
	tb.waitJS(t, `!document.querySelector("#directory-filters").hidden`, "the filter form to appear")
	tb.run(t, "Show practitioners with no filters", chromedp.Click(chromedp.CSS(`#directory-filters .directory-actions button:not(#f-clear)`)))
	tb.waitJS(t, `document.querySelector("#directory-status").textContent !== ""`, "an answer")
	f := eval[struct{ Status, Focus string }](t, tb, `({status: document.querySelector("#directory-status").textContent, focus: document.activeElement === document.querySelector("#directory-list h2") ? "first region" : document.activeElement.outerHTML.slice(0, 80)})`)
	if f.Status != cleared || f.Focus != "first region" {
		t.Errorf("Show practitioners with no filters: status %q, focus on %s; want %q and the first region's heading", f.Status, f.Focus, cleared)
	}
	for _, p := range tb.takeProblems() {
		t.Error(p)
	}
}

// TestDirectoryPlaceSuggestions: once the directory's data has come, the
// "near" field suggests every town and district of the register and
// every town of the gazetteer, each once, in the data's order. They are
// added a hundred at a time, between which the page answers keys and
// taps; the bundled register's 181 need two steps.
func TestDirectoryPlaceSuggestions(t *testing.T) {
	tb := newTab(t)
	tb.open(t, "/practitioners/")
	tb.waitJS(t, `!document.querySelector("#directory-filters").hidden`, "the filter form to appear")
	tb.waitJS(t, `(() => { const q = document.getElementById("f-q"); q.blur(); q.focus();
		return document.querySelector("#f-places option"); })()`, "the first suggestions")
	want := eval[[]string](t, tb, `(async () => {
		const urls = document.getElementById("directory-filters").dataset.directory.split(" ").filter(Boolean);
		const d = await (await fetch(urls[0])).json();
		return [...new Set([...d.places, ...(d.areas || [])].map((p) => p[0]))];
	})()`)
	if len(want) <= 100 {
		t.Fatalf("the bundled register has %d places: too few to fill the suggestions in more than one step", len(want))
	}
	tb.waitJS(t, `document.querySelectorAll("#f-places option").length >= `+strconv.Itoa(len(want)), "all the suggestions")
	got := eval[[]string](t, tb, `[...document.querySelectorAll("#f-places option")].map((o) => o.value)`)
	if !slices.Equal(got, want) {
		t.Errorf("the suggestions are %d places, want the data's %d in its order:\ngot  %q\nwant %q", len(got), len(want), got, want)
	}
	for _, p := range tb.takeProblems() {
		t.Error(p)
	}
}

// TestDirectoryTypingSaysOnce: a name typed a letter at a time, as on a
// phone or by someone who types slowly, narrows the list after each
// letter, but the count is said once, when the typing pauses, not after
// every letter: a screen reader would otherwise read out a count per
// keystroke, each interrupting the letter just typed.
func TestDirectoryTypingSaysOnce(t *testing.T) {
	tb := newTab(t)
	tb.open(t, "/practitioners/")
	tb.waitJS(t, `!document.querySelector("#directory-filters").hidden`, "the filter form to appear")
	// Focus reaches the form's listener once directory.js has started:
	// step in again until the data has come.
	tb.waitJS(t, `(() => { const q = document.getElementById("f-q"); q.blur(); q.focus();
		return document.querySelector("#f-places option") && document.querySelector("#directory-status").textContent === ""; })()`,
		"the directory's data to load")
	// The page notes when each letter arrives and when the status line
	// speaks, by its own clock: a loaded machine may space the letters
	// further apart than the test means to.
	eval[bool](t, tb, `(window.__said = [], window.__typed = [],
		document.querySelector("#f-q").addEventListener("input", () => window.__typed.push(performance.now())),
		new MutationObserver(() => { const s = document.querySelector("#directory-status").textContent; if (s) window.__said.push({text: s, at: performance.now()}); }).observe(document.querySelector("#directory-status"), {childList: true, characterData: true, subtree: true}), true)`)
	typed := ""
	for _, c := range "mar" {
		next := time.Now().Add(400 * time.Millisecond)
		tb.key(t, string(c))
		typed += string(c)
		tb.waitJS(t, `location.search === "?q=`+typed+`"`, "the list to follow \""+typed+"\" as it is typed")
		time.Sleep(time.Until(next)) // a letter every 400 ms at most
	}
	tb.waitJS(t, `window.__said.some((s) => s.at > window.__typed.at(-1))`, "the count to be said once the typing pauses")
	// A second saying, if any, would come from a timer the page set by
	// then. The page's timers fire in the order they are due, however
	// loaded the machine: one set now for longer than the pause fires
	// after any set earlier for the pause or less.
	eval[bool](t, tb, `new Promise((ok) => setTimeout(() => ok(true), 2 * 1000))`)
	checkSaidOnce(t, tb, "mar", "match")
	for _, p := range tb.takeProblems() {
		t.Error(p)
	}
}

// TestDirectory: filters narrow the list and the URL records them; "Use my
// location" sorts by distance from the browser's position.
func TestDirectory(t *testing.T) {
	tb := newTab(t)
	tb.open(t, "/practitioners/")
	tb.waitJS(t, `!document.querySelector("#directory-filters").hidden`, "the filter form to appear")
	cards := `[...document.querySelectorAll("#directory-result-list .practitioner-card")]`

	setSelect := func(id, value string) {
		eval[bool](t, tb, `(() => { const s = document.getElementById("`+id+`"); s.value = "`+value+`"; s.dispatchEvent(new Event("input", {bubbles: true})); s.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`)
	}
	setSelect("f-region", "south-west")
	tb.waitJS(t, `!document.querySelector("#directory-results").hidden && new URLSearchParams(location.search).get("region") === "south-west"`, "the region filter")
	sw := eval[[]string](t, tb, cards+`.map((c) => c.querySelector(".practitioner-towns").textContent)`)
	if len(sw) == 0 {
		t.Fatal("no practitioners in the South West")
	}
	for _, towns := range sw {
		if !strings.Contains(towns, "South West") {
			t.Errorf("region South West lists a practitioner in %q", towns)
		}
	}
	tb.run(t, "accepting new clients", chromedp.Click(chromedp.CSS("#f-accepting")))
	tb.waitJS(t, `new URLSearchParams(location.search).get("accepting") === "1"`, "the URL to record accepting=1")
	acc := eval[[]string](t, tb, cards+`.map((c) => c.querySelector(".practitioner-badges").textContent)`)
	if len(acc) > len(sw) {
		t.Errorf("adding a filter grew the list from %d to %d", len(sw), len(acc))
	}
	for _, b := range acc {
		if !strings.Contains(b, "Accepting new clients") {
			t.Errorf("accepting filter lists a practitioner with badges %q", b)
		}
	}
	status := eval[string](t, tb, `document.querySelector("#directory-status").textContent`)
	if want := strconv.Itoa(len(acc)) + " practitioner"; len(acc) > 1 && !strings.HasPrefix(status, want) || len(acc) == 1 && !strings.HasPrefix(status, "1 practitioner") {
		t.Errorf("status %q does not announce the %d results", status, len(acc))
	}

	// A shared link opens the same view.
	url := eval[string](t, tb, `location.pathname + location.search`)
	tb.open(t, url)
	tb.waitJS(t, `!document.querySelector("#directory-results").hidden && `+cards+`.length === `+strconv.Itoa(len(acc)), "the filtered view from the URL")
	if got := eval[string](t, tb, `document.getElementById("f-region").value`); got != "south-west" {
		t.Errorf("reopened %s: region field %q, want south-west", url, got)
	}

	// Sort by distance from the browser's location, near Bath.
	lat, lon, acc1 := 51.381, -2.359, 10.0
	origin := siteURL
	err := chromedp.Do(tb.ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		if _, err := cdp.Call(ctx, chromedp.FromContext(tb.ctx).Browser, browser.SetPermission, browser.SetPermissionParams{
			Permission: &browser.PermissionDescriptor{Name: "geolocation"}, Setting: browser.PermissionSettingGranted, Origin: origin,
		}); err != nil {
			return err
		}
		_, err := cdp.Call(ctx, tg, emulation.SetGeolocationOverride, emulation.SetGeolocationOverrideParams{Latitude: &lat, Longitude: &lon, Accuracy: &acc1})
		return err
	}))
	if err != nil {
		t.Fatalf("overriding geolocation: %v", err)
	}
	tb.open(t, "/practitioners/")
	tb.waitJS(t, `!document.querySelector("#directory-filters").hidden`, "the filter form to appear")
	tb.run(t, "Use my location", chromedp.Click(chromedp.CSS("#f-locate")))
	tb.waitJS(t, `document.querySelector("#directory-status").textContent.includes("nearest to your location")`, "the list sorted by distance")
	got := eval[[]string](t, tb, cards+`.map((c) => c.querySelector("a").getAttribute("href"))`)
	dist := eval[[]string](t, tb, cards+`.map((c) => c.querySelector(".practitioner-distance")?.textContent || "")`)
	_, people := readDirectoryData(t)
	slices.SortStableFunc(people, func(a, b person) int { return int(math.Round(a.km(lat, lon)*1000 - b.km(lat, lon)*1000)) })
	if len(got) < 3 {
		t.Fatalf("sorted list has %d practitioners", len(got))
	}
	for i := 0; i < 3; i++ {
		if want := "/practitioners/" + people[i].slug + "/"; got[i] != want {
			t.Errorf("nearest #%d to Bath is %s, want %s (%.1f km)", i+1, got[i], want, people[i].km(lat, lon))
		}
	}
	prev := -1.0
	for i, d := range dist {
		m := regexp.MustCompile(`^([\d.]+) miles? away$|^under a mile away$`).FindStringSubmatch(d)
		if m == nil {
			t.Errorf("card %d: distance %q", i+1, d)
			continue
		}
		v := 0.0
		if m[1] != "" {
			v, _ = strconv.ParseFloat(m[1], 64)
		}
		if v < prev {
			t.Errorf("card %d is %s, nearer than the card before it (%.1f miles): not sorted by distance", i+1, d, prev)
		}
		prev = v
	}

	// A shared link sorting from a city where no practitioner works: the
	// gazetteer's centre of Edinburgh, and the status says so.
	tb.open(t, "/practitioners/?near=Edinburgh")
	tb.waitJS(t, `document.querySelector("#directory-status").textContent.includes("nearest to Edinburgh first")`, "the list sorted from Edinburgh")
	if s := eval[string](t, tb, `document.querySelector("#directory-status").textContent`); !strings.Contains(s, "No practitioner lists Edinburgh, so distances are from the centre of Edinburgh, roughly.") {
		t.Errorf("status %q does not say the distances are from the centre of Edinburgh", s)
	}
	got = eval[[]string](t, tb, cards+`.map((c) => c.querySelector("a").getAttribute("href"))`)
	slices.SortStableFunc(people, func(a, b person) int {
		return int(math.Round(a.km(55.95, -3.19)*1000 - b.km(55.95, -3.19)*1000))
	})
	if len(got) == 0 || got[0] != "/practitioners/"+people[0].slug+"/" {
		t.Errorf("nearest to Edinburgh: %v, want /practitioners/%s/ first", got[:min(len(got), 3)], people[0].slug)
	}
	for _, p := range tb.takeProblems() {
		t.Error(p)
	}
}

// TestDirectoryTownAsName: a town typed in the name box, where nobody
// practises, offers the practitioners nearest to it.
func TestDirectoryTownAsName(t *testing.T) {
	tb := newTab(t)
	tb.open(t, "/practitioners/?q=Edinburgh")
	tb.waitJS(t, `!document.querySelector("#directory-empty").hidden`, "no practitioner named or in Edinburgh")
	tb.run(t, "following the offer", chromedp.Click(chromedp.CSS(`#directory-empty a[href="/practitioners/?near=Edinburgh"]`)))
	tb.waitJS(t, `location.search === "?near=Edinburgh" && !!document.querySelector("#directory-status")?.textContent.includes("nearest to Edinburgh first")`, "the directory sorted from Edinburgh")
	if n := eval[int](t, tb, `document.querySelectorAll("#directory-result-list .practitioner-card").length`); n == 0 {
		t.Error("the practitioners nearest to Edinburgh are not listed")
	}
	// A city by the name people call it.
	for typed, place := range map[string]string{"Newcastle": "Newcastle upon Tyne", "Londonderry": "Derry"} {
		tb.open(t, "/practitioners/?near="+typed)
		tb.waitJS(t, `document.querySelector("#directory-status")?.textContent !== "" && !document.querySelector("#directory-status").textContent.startsWith("Loading")`, "the list sorted from "+typed)
		if s := eval[string](t, tb, `document.querySelector("#directory-status").textContent`); !strings.Contains(s, "nearest to "+place+" first") {
			t.Errorf("?near=%s: the status says %q, want the list nearest to %s first", typed, s, place)
		}
	}
	for _, p := range tb.takeProblems() {
		t.Error(p)
	}
}

// TestDirectoryRegistrationNumber: a registration number typed in the
// name box finds that practitioner; a lapsed one's offers the check.
func TestDirectoryRegistrationNumber(t *testing.T) {
	tb := newTab(t)
	cards := `[...document.querySelectorAll("#directory-result-list .practitioner-card h3 a")].map((a) => a.getAttribute("href"))`
	tb.open(t, "/practitioners/?q=CST-000003")
	tb.waitJS(t, `!document.querySelector("#directory-results").hidden && document.querySelector("#directory-status").textContent.includes("match")`, "the practitioner with CST-000003")
	if got := eval[[]string](t, tb, cards); !slices.Equal(got, []string{"/practitioners/isla-marrowby/"}) {
		t.Errorf("?q=CST-000003 lists %v, want Isla Marrowby alone", got)
	}
	tb.open(t, "/practitioners/?q=cst%2017")
	tb.waitJS(t, `!document.querySelector("#directory-empty").hidden`, "nobody current with CST-000017")
	if n := eval[int](t, tb, `document.querySelectorAll('#directory-empty a[href="/verify/?reg=CST-000017"]').length`); n != 1 {
		t.Error("a lapsed practitioner's number in the name box does not offer the registration check")
	}
	for _, p := range tb.takeProblems() {
		t.Error(p)
	}
}

// TestDirectoryCheckboxes: at a phone's width, where some labels wrap,
// every checkbox of the directory's filters keeps its size.
func TestDirectoryCheckboxes(t *testing.T) {
	tb := newTab(t)
	tb.run(t, "a narrow phone's screen", chromedp.EmulateViewport(320, 700, chromedp.EmulateMobile))
	tb.open(t, "/practitioners/")
	tb.waitJS(t, `!document.querySelector("#directory-filters").hidden`, "the filter form to appear")
	sizes := eval[[]float64](t, tb, `[...document.querySelectorAll("#directory-filters input[type=checkbox]")].map((c) => c.getBoundingClientRect().width)`)
	if len(sizes) < 3 || slices.Min(sizes) != slices.Max(sizes) {
		t.Errorf("checkbox widths %v at 320 px; want them all alike", sizes)
	}
}

// TestDirectoryWithoutJS: without JavaScript, a link that sorts by
// distance cannot be followed, and the directory says so and points to
// the lists by region.
func TestDirectoryWithoutJS(t *testing.T) {
	tb := newTab(t)
	withoutJS(t, tb)
	tb.open(t, "/practitioners/?near=Edinburgh")
	text := eval[string](t, tb, `document.querySelector("main").innerText`)
	if !strings.Contains(text, "sorting by distance from your town need JavaScript") || !strings.Contains(text, "Choose your region below") {
		t.Errorf("without JavaScript the directory does not say that sorting by distance needs it: %q", text[:min(len(text), 400)])
	}
	if n := eval[int](t, tb, `document.querySelectorAll("#directory-list .practitioner-card").length`); n == 0 {
		t.Error("without JavaScript the directory lists nobody by region")
	}
}

// TestDirectoryChildren: a parent following the babies and children
// article's link to the directory sees only practitioners with a
// paediatric qualification, each card saying so, and the box ticked; the
// unfiltered lists badge the same practitioners.
func TestDirectoryChildren(t *testing.T) {
	tb := newTab(t)
	const badge = "Works with children (paediatric qualification)"
	_, people := readDirectoryData(t)
	want := 0
	for _, p := range people {
		if p.flags&4 != 0 {
			want++
		}
	}
	if want == 0 || want == len(people) {
		t.Fatalf("%d of %d practitioners work with children; the filter cannot be tested", want, len(people))
	}
	tb.open(t, "/practitioners/")
	if n := eval[int](t, tb, `[...document.querySelectorAll("#directory-list .practitioner-badges li")].filter((b) => b.textContent === "`+badge+`").length`); n != want {
		t.Errorf("the lists by region badge %d practitioners as working with children, want %d", n, want)
	}
	tb.open(t, "/articles/craniosacral-therapy-for-babies-and-children/")
	tb.run(t, "following the article's link", chromedp.Click(chromedp.CSS(`.prose a[href^="/practitioners/?"]`)))
	cards := `[...document.querySelectorAll("#directory-result-list .practitioner-card")]`
	tb.waitJS(t, `location.pathname === "/practitioners/" && document.querySelector("#directory-results")?.hidden === false && `+cards+`.length > 0`, "the directory filtered to practitioners who work with children")
	got := eval[struct {
		Cards, Badged int
		Ticked        bool
	}](t, tb, `({cards: `+cards+`.length, badged: `+cards+`.filter((c) => [...c.querySelectorAll(".practitioner-badges li")].some((b) => b.textContent === "`+badge+`")).length,
		ticked: document.getElementById("f-children").checked})`)
	if got.Cards != want || got.Badged != want || !got.Ticked {
		t.Errorf("from the article: %d cards, %d of them badged, box ticked %v; want %d, all badged, ticked", got.Cards, got.Badged, got.Ticked, want)
	}
	for _, p := range tb.takeProblems() {
		t.Error(p)
	}
}

// TestDirectoryCardsAlike: a card the filters build shows the level and
// registration number, and any conditions on the practitioner's practice,
// exactly as the server's card for the same practitioner does.
func TestDirectoryCardsAlike(t *testing.T) {
	tb := newTab(t)
	lines := func(list, class string) map[string]string {
		return eval[map[string]string](t, tb, `Object.fromEntries([...document.querySelectorAll("`+list+` .practitioner-card")].map((c) =>
			[c.querySelector("h3 a").getAttribute("href"), (c.querySelector("`+class+`") || {innerHTML: ""}).innerHTML]))`)
	}
	tb.open(t, "/practitioners/")
	server := lines("#directory-list", ".practitioner-meta")
	serverConditions := lines("#directory-list", ".practitioner-conditions")
	for _, region := range []string{"scotland", "wales"} {
		tb.open(t, "/practitioners/?region="+region)
		tb.waitJS(t, `!document.querySelector("#directory-results").hidden && document.querySelectorAll("#directory-result-list .practitioner-card").length > 0`, "the practitioners in "+region)
		built := lines("#directory-result-list", ".practitioner-meta")
		for href, got := range built {
			if want, ok := server[href]; !ok || got != want {
				t.Errorf("%s: the filtered card's meta line is %q, the server's %q", href, got, want)
			}
			if !regexp.MustCompile(`<span class="practitioner-reg">CST-\d{6}</span>$`).MatchString(got) {
				t.Errorf("%s: the filtered card's meta line %q does not end with the registration number", href, got)
			}
		}
		for href, got := range lines("#directory-result-list", ".practitioner-conditions") {
			if want := serverConditions[href]; got != want {
				t.Errorf("%s: the filtered card's conditions line is %q, the server's %q", href, got, want)
			}
		}
	}
	// Anwen Treharrow treats adults only, under supervision: her card says so.
	const anwen = "/practitioners/anwen-treharrow/"
	if want := `<a href="` + anwen + `#conditions">Conditions apply</a>: Works under the supervision of a Teacher-level practitioner until 26 February 2027; treats adults only.`; serverConditions[anwen] != want {
		t.Errorf("%s: the server's card's conditions line is %q, want %q", anwen, serverConditions[anwen], want)
	}
	for _, p := range tb.takeProblems() {
		t.Error(p)
	}
}

// TestHomeFindNear: the home page's "near you" form, used by keyboard,
// opens the directory sorted from the town typed, with focus on the
// results, in view below the form, at a phone's size.
func TestHomeFindNear(t *testing.T) {
	tb := newTab(t)
	tb.run(t, "a phone's screen", chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(3), chromedp.EmulateMobile))
	tb.open(t, "/")
	tb.run(t, "type a town", chromedp.Click(chromedp.CSS("#home-near")), chromedp.SendKeys(chromedp.CSS("#home-near"), "Edinburgh"+kb.Enter))
	tb.waitJS(t, `location.pathname === "/practitioners/" && !!document.querySelector("#directory-status")?.textContent.includes("nearest to Edinburgh first")`, "the directory sorted from Edinburgh")
	if got := eval[string](t, tb, `document.getElementById("f-near").value`); got != "Edinburgh" {
		t.Errorf("the directory's distance field holds %q, want Edinburgh", got)
	}
	tb.waitJS(t, `document.activeElement?.id === "results-heading"`, "focus to move to the results")
	if top := eval[float64](t, tb, `document.activeElement.getBoundingClientRect().top`); top < 0 || top > 844/2 {
		t.Errorf("the results' heading is at %.0f px from the top of an 844 px screen; want it in view", top)
	}
	for _, p := range tb.takeProblems() {
		t.Error(p)
	}
}

// TestPrint: printed, the safety page keeps its text, the notices, the
// association's address and the footer's medical note, drops what only
// works on a screen, and shows where a link to another site goes; so do
// an article, a profile and a reading list, with nothing cut off.
func TestPrint(t *testing.T) {
	tb := newTab(t)
	tb.open(t, "/articles/safety/")
	if err := chromedp.Do(tb.ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		// A visitor whose screen is dark still prints black on white.
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print",
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: "dark"}}})
		return err
	})); err != nil {
		t.Fatalf("emulating print: %v", err)
	}
	if ink := eval[string](t, tb, `(() => { const cs = getComputedStyle(document.body); return cs.color + " on " + cs.backgroundColor + ", " + getComputedStyle(document.documentElement).colorScheme; })()`); ink != "rgb(0, 0, 0) on rgb(255, 255, 255), light" {
		t.Errorf("printed from a dark screen, the text is %s; want black on white", ink)
	}
	shown := func(sel string) bool {
		return eval[bool](t, tb, `(() => { const e = document.querySelector(`+strconv.Quote(sel)+`); return !!e && getComputedStyle(e).display !== "none"; })()`)
	}
	for _, sel := range []string{".site-nav", ".search-box", ".toc", ".skip-link", ".site-footer nav"} {
		if shown(sel) {
			t.Errorf("printed, %s is shown", sel)
		}
	}
	for _, sel := range []string{"h1", ".prose", ".banner", ".site-footer address", ".footer-note"} {
		if !shown(sel) {
			t.Errorf("printed, %s is not shown", sel)
		}
	}
	after := eval[string](t, tb, `getComputedStyle(document.querySelector('.prose a[href^="https://111.nhs.uk"]'), "::after").content`)
	if !strings.Contains(after, "https://111.nhs.uk/") {
		t.Errorf("printed, the NHS 111 link shows %q after it, want its address", after)
	}
	// No band of ink across the top of each page.
	if bg := eval[string](t, tb, `getComputedStyle(document.querySelector(".site-header")).backgroundColor`); bg != "rgba(0, 0, 0, 0)" && bg != "rgb(255, 255, 255)" {
		t.Errorf("printed, the header's background is %s", bg)
	}
	inner := eval[string](t, tb, `getComputedStyle(document.querySelector('.prose a[href^="/"]'), "::after").content`)
	if strings.Contains(inner, "/") {
		t.Errorf("printed, a link within the site shows %q after it", inner)
	}

	// On A4 paper (about 718 CSS px inside the margins), an article, the
	// safety page, a profile and a reading list, with long words in their
	// text: no navigation, search box, filter or button; every link to
	// another site shows its address, once; nothing is cut off.
	tb.run(t, "A4 width", chromedp.EmulateViewport(718, 1000))
	for _, path := range []string{"/articles/what-happens-in-a-session/", "/articles/safety/", "/practitioners/aelia-thornhurst/", "/reading/anatomy-head-neck-spine/", "/markdown-features/"} {
		tb.open(t, path)
		eval[bool](t, tb, colourJS)
		eval[int](t, tb, longWordsJS)
		for _, p := range eval[[]string](t, tb, printedJS) {
			t.Errorf("printed, %s: %s", path, p)
		}
	}
}

// printedJS lists what is wrong with a page on paper: a control or a
// navigation shown, a link to another site whose address is not printed
// (or printed twice, when its text is the address), and anything past
// the paper's edge or cut off by a box that would scroll on a screen.
const printedJS = `(() => {
	const out = [], vw = document.documentElement.clientWidth;
	const shown = (e) => e.getClientRects().length > 0 && !__colour.hidden(e);
	// A task list's disabled checkbox is the page's text, not a control.
	for (const e of document.querySelectorAll("nav, form, .directory-filters, button, input:not(.prose input[type=checkbox][disabled]), select, textarea")) if (shown(e)) out.push(__colour.name(e) + " is shown");
	for (const a of document.querySelectorAll("a[href]")) {
		const u = new URL(a.href);
		if (!shown(a) || u.origin === location.origin || !/^https?:$/.test(u.protocol)) continue;
		const href = a.getAttribute("href"), after = getComputedStyle(a, "::after").content;
		const times = (a.textContent.includes(href) ? 1 : 0) + (after.includes(href) ? 1 : 0);
		if (times !== 1) out.push(__colour.name(a) + " shows its address " + href + " " + times + " times");
	}
	for (const e of document.body.querySelectorAll("*")) {
		if (!shown(e)) continue;
		const r = e.getBoundingClientRect(), cs = getComputedStyle(e);
		if (r.width > 0 && r.right > vw + 1) out.push(__colour.name(e) + " runs past the edge of the paper to " + Math.round(r.right) + " px");
		if (cs.overflowX !== "visible" && e.scrollWidth > e.clientWidth + 1) out.push(__colour.name(e) + " is cut off: " + e.clientWidth + " px of " + e.scrollWidth);
		if (cs.overflowY !== "visible" && e.scrollHeight > e.clientHeight + 1) out.push(__colour.name(e) + " is cut off: " + e.clientHeight + " px of " + e.scrollHeight + " high");
	}
	return out.slice(0, 20);
})()`

// TestNotFoundSuggestions: the 404 page offers the pages that search
// finds for the last part of the missing address, typos included, and
// offers nothing when search finds nothing.
func TestNotFoundSuggestions(t *testing.T) {
	tb := newTab(t)
	tb.open(t, "/articles/saftey/")
	tb.waitJS(t, `!document.getElementById("not-found-suggestions").hidden`, "suggestions on the 404 page")
	links := eval[[]string](t, tb, `[...document.querySelectorAll("#not-found-suggestions li a")].map((a) => a.getAttribute("href"))`)
	if len(links) > 3 || !slices.Contains(links, "/articles/safety/") {
		t.Errorf("suggestions for /articles/saftey/: %v, want /articles/safety/ among at most 3", links)
	}
	tb.open(t, "/qqqq-zzzz/")
	tb.waitJS(t, `document.getElementById("not-found-suggestions").dataset.found === "0"`, "the search to find nothing")
	if !eval[bool](t, tb, `document.getElementById("not-found-suggestions").hidden`) {
		t.Errorf("suggestions shown for /qqqq-zzzz/, which search finds nothing for")
	}
	for _, p := range tb.takeProblems() {
		if !strings.Contains(p, "404") {
			t.Error(p)
		}
	}
}

// TestRegistrationCheck checks current, lapsed and unknown numbers, typed
// in the form and shared as links: each answer starts with a heading that
// says which it is, a lapsed or unknown number is styled apart from a
// current one and says not to book them, where to find a certified
// practitioner instead and how to tell the association; a current one is
// followed by the safety advice to read before booking.
func TestRegistrationCheck(t *testing.T) {
	tb := newTab(t)
	tests := []struct{ typed, heading, want string }{
		{"CST-000004", "Current registration", `^CST-000004 is current: Aelia Thornhurst is certified until 19 February 2027\.`},
		{"cst 4", "Current registration", `^CST-000004 is current: Aelia Thornhurst`},
		{"cst–000004.", "Current registration", `^CST-000004 is current: Aelia Thornhurst`},
		{"CST-000031", "Lapsed: not certified now", `^CST-000031 has lapsed: Cerys Llewdale was certified .*until 14 November 2025, and is not certified now\. Do not book Cerys Llewdale as a certified practitioner`},
		{"CST-000017", "Lapsed: not certified now", `^CST-000017 has lapsed: Edith Hartsworth`},
		{"CST-000999", "Not on the register", `^CST-000999 is not on the register\. .*do not book them as a certified practitioner\.`},
		{"hello", "", `is not a registration number`},
		{"CST-000004", "Current registration", `^CST-000004 is current`},
	}
	type answer struct {
		Heading, Text, Status, Border, Background string
		TellUs, Next                              []string
	}
	styles := map[string]answer{}
	tb.open(t, "/verify/")
	for _, tt := range tests {
		tb.run(t, "typing "+tt.typed, clear("#verify-reg"), chromedp.SendKeys(chromedp.CSS("#verify-reg"), tt.typed+kb.Enter))
		tb.waitJS(t, `!document.querySelector("#verify-result").textContent.startsWith("Checking") && document.querySelector("#verify-result").textContent !== ""`, "an answer for "+tt.typed)
		// A malformed number marks the field invalid and describes it by
		// the message; a well-formed one clears both.
		field := eval[[]string](t, tb, `[document.querySelector("#verify-reg").getAttribute("aria-invalid") || "", document.querySelector("#verify-reg").getAttribute("aria-describedby") || ""]`)
		got := eval[answer](t, tb, `(() => { const r = document.querySelector("#verify-result"), h = r.querySelector("h2"), cs = getComputedStyle(r);
			const a = {heading: h ? h.textContent : "", text: [...r.querySelectorAll("p")].map((p) => p.textContent).join(" "), status: r.dataset.status,
				border: cs.borderLeftWidth + " " + cs.borderLeftColor, background: cs.backgroundColor,
				tellUs: [...r.querySelectorAll("a")].map((a) => a.getAttribute("href")).filter((h) => h === "/contact/" || h.startsWith("mailto:")),
				next: [...r.querySelectorAll("a")].map((a) => a.getAttribute("href")).filter((h) => h === "/practitioners/" || h === "/articles/safety/")};
			r.textContent = ""; return a; })()`)
		if !regexp.MustCompile(tt.want).MatchString(got.Text) || got.Heading != tt.heading {
			t.Errorf("checking %q says %q under the heading %q, want %s under %q", tt.typed, got.Text, got.Heading, tt.want, tt.heading)
		}
		if warn := got.Status == "lapsed" || got.Status == "unknown"; warn != (len(got.TellUs) == 2) {
			t.Errorf("checking %q (%s): links to tell the association %v; want the contact page and an email address for a lapsed or unknown number only", tt.typed, got.Status, got.TellUs)
		}
		next := map[string][]string{"current": {"/articles/safety/"}, "lapsed": {"/practitioners/"}, "unknown": {"/practitioners/"}}[got.Status]
		if !slices.Equal(got.Next, next) {
			t.Errorf("checking %q (%s): the next step links to %v; want %v", tt.typed, got.Status, got.Next, next)
		}
		styles[got.Status] = got
		want := []string{"", "verify-help"}
		if strings.Contains(tt.want, "not a registration number") {
			want = []string{"true", "verify-help verify-result"}
		}
		if !slices.Equal(field, want) {
			t.Errorf("checking %q: the field has aria-invalid=%q aria-describedby=%q, want %q and %q", tt.typed, field[0], field[1], want[0], want[1])
		}
	}
	for _, s := range []string{"lapsed", "unknown"} {
		if a, c := styles[s], styles["current"]; a.Border == c.Border || a.Background == c.Background {
			t.Errorf("a %s number is shown with border %s on %s, as a current one is (%s on %s); want it styled apart", s, a.Border, a.Background, c.Border, c.Background)
		}
	}

	// On a phone the answer is scrolled into view, below the form.
	tb.run(t, "a phone's screen", chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(3), chromedp.EmulateMobile))
	defer tb.run(t, "a desktop's screen", chromedp.EmulateReset())
	for _, reg := range []string{"CST-000017", "CST-000999"} {
		tb.open(t, "/verify/")
		eval[bool](t, tb, `(scrollTo(0, 0), true)`)
		tb.run(t, "typing "+reg, chromedp.SendKeys(chromedp.CSS("#verify-reg"), reg+kb.Enter))
		// Enter may submit the form before the script has taken it
		// over: the wait spans the next page, still without its answer.
		tb.waitJS(t, `["lapsed", "unknown"].includes(document.querySelector("#verify-result")?.dataset.status)`, "the answer for "+reg)
		tb.waitJS(t, `(() => { const r = document.querySelector("#verify-result").getBoundingClientRect(); return r.top >= 0 && (r.bottom <= innerHeight || r.top < 40); })()`, "the answer for "+reg+" to be scrolled into view")
	}
	tb.open(t, "/verify/?reg=CST-000031")
	tb.waitJS(t, `document.querySelector("#verify-result").textContent.includes("lapsed")`, "the answer for a shared link")
	if live := eval[string](t, tb, `document.querySelector("#verify-result").getAttribute("aria-live")`); live != "polite" {
		t.Errorf("the answer is in a region with aria-live=%q, want polite", live)
	}
	for _, p := range tb.takeProblems() {
		t.Error(p)
	}
}

// withoutJS turns off the tab's scripts, as a visitor who has turned off
// JavaScript has them.
func withoutJS(t *testing.T, tb *tab) {
	t.Helper()
	if err := chromedp.Do(tb.ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	})); err != nil {
		t.Fatalf("turning off JavaScript: %v", err)
	}
}

// TestRegistrationCheckWithoutJS: without JavaScript the check cannot
// answer, so its form is hidden and the page says how to ask instead.
func TestRegistrationCheckWithoutJS(t *testing.T) {
	tb := newTab(t)
	withoutJS(t, tb)
	tb.open(t, "/verify/?reg=CST-000004")
	got := eval[struct {
		Form   bool
		Advice string
	}](t, tb, `({form: document.querySelector("#verify-form").getClientRects().length > 0,
		advice: [...document.querySelectorAll("main p")].filter((p) => p.getClientRects().length).map((p) => p.textContent).join(" ")})`)
	if got.Form {
		t.Error("without JavaScript the registration form is shown, though it cannot answer")
	}
	if !strings.Contains(got.Advice, "This check needs JavaScript. To check a registration without it, contact us") {
		t.Errorf("without JavaScript the page says %q; want how to ask for a check", got.Advice)
	}
}

// TestTableOfContents: a page's contents nest as its headings do, so a
// screen reader hears each level-3 heading as an item of a list inside its
// level-2 heading's item, and the visible numbers of the top level count
// 1, 2, 3 with no gaps.
func TestTableOfContents(t *testing.T) {
	tb := newTab(t)
	for _, path := range []string{"/glossary/", "/articles/safety/", "/markdown-features/"} {
		tb.open(t, path)
		bad := eval[[]string](t, tb, `(() => {
			const bad = [], toc = document.querySelector("nav.toc"), top = toc.querySelector(":scope > ol");
			let h2 = null, n3 = 0;
			for (const a of toc.querySelectorAll("a[href^='#']")) {
				const h = document.getElementById(decodeURIComponent(a.hash.slice(1)));
				const depth = [...toc.querySelectorAll("ol")].filter((ol) => ol.contains(a)).length;
				if (h.tagName === "H2") { h2 = a; if (depth !== 1 || a.parentElement.parentElement !== top) bad.push(a.textContent + " (h2) at depth " + depth); }
				else if (h.tagName === "H3") { n3++; const parent = a.parentElement.parentElement.closest("li");
					if (depth !== 2 || !parent || parent.querySelector(":scope > a") !== h2) bad.push(a.textContent + " (h3) at depth " + depth + " not under " + (h2 && h2.textContent)); }
			}
			if (n3 === 0) bad.push("no level-3 headings to check");
			return bad; })()`)
		for _, b := range bad {
			t.Errorf("%s: contents: %s", path, b)
		}
	}
}

// TestFieldBorders: every text field, list and button on the pages with
// forms stands out from what is around it, by its border or its own
// background, at a contrast of at least 3:1, in either colour scheme; the contact form's fields
// are styled alike, as wide as each other.
func TestFieldBorders(t *testing.T) {
	tb := newTab(t)
	for _, path := range []string{"/search/?q=safety", "/contact/", "/practitioners/", "/verify/"} {
		tb.open(t, path)
		if path == "/practitioners/" {
			tb.waitJS(t, `!document.querySelector("#directory-filters").hidden`, "the filter form to appear")
		}
		for _, scheme := range []string{"light", "dark"} {
			tb.run(t, scheme, setMedia("prefers-color-scheme", scheme))
			bad := eval[[]string](t, tb, fieldBordersJS)
			for _, b := range bad {
				t.Errorf("%s, %s: %s; want 3:1", path, scheme, b)
			}
		}
		tb.run(t, "reset", setMedia())
	}
	tb.open(t, "/contact/")
	f := eval[[]string](t, tb, `["contact-name", "contact-email", "contact-message"].map((id) => { const cs = getComputedStyle(document.getElementById(id)); return cs.width + " " + cs.borderTopWidth + " " + cs.borderTopColor; })`)
	if f[0] != f[1] || f[0] != f[2] {
		t.Errorf("contact form: name field %q, email %q, message %q (width, border); want them alike", f[0], f[1], f[2])
	}
}

// fieldBordersJS lists the text fields, lists and buttons that stand out
// from what is around them, by border or background, at less than 3:1.
const fieldBordersJS = `(() => {
	const rgb = (c) => (c.match(/[\d.]+/g) || []).map(Number);
	const lum = ([r, g, b]) => { const f = (v) => (v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
	const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((m, n) => n - m); return (x + 0.05) / (y + 0.05); };
	const bgOf = (e) => { for (; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor); if (c.length === 3 || c[3] > 0) return c.slice(0, 3); } return [255, 255, 255]; };
	const bad = [];
	for (const e of document.querySelectorAll("input, select, textarea, button")) {
		const r = e.getBoundingClientRect();
		if (e.type === "hidden" || e.type === "checkbox" || e.type === "radio" || r.width < 4 || r.height < 4 || e.closest("[hidden], .visually-hidden")) continue;
		const cs = getComputedStyle(e), around = bgOf(e.parentElement), own = rgb(cs.backgroundColor);
		const border = parseFloat(cs.borderTopWidth) >= 1 && cs.borderTopStyle !== "none" ? ratio(rgb(cs.borderTopColor), around) : 0;
		const fill = own.length === 3 || own[3] > 0 ? ratio(own.slice(0, 3), around) : 0;
		if (Math.max(border, fill) < 3) bad.push(e.outerHTML.slice(0, 90) + ": border " + border.toFixed(2) + ":1, background " + fill.toFixed(2) + ":1");
	}
	return bad;
})()`

// TestTableScroll: the training courses' tables are each in a region named
// by the table's caption, which Tab reaches and shows focus on, so that a
// table wider than the screen would scroll by the arrow keys. At a phone's
// width each course is a card that fits the screen (see
// TestTrainingTablesOnAPhone): neither the region nor the page scrolls
// sideways. A table wider than the screen in a page's Markdown, which
// stays a table, scrolls in its region by the arrow keys.
func TestTableScroll(t *testing.T) {
	tb := newTab(t)
	tb.run(t, "320 px viewport", chromedp.EmulateViewport(320, 800))
	tb.open(t, "/training/")
	type box struct {
		Caption, Label, Role string
		TabIndex             int
		Scrolls, Page        bool
	}
	boxes := eval[[]box](t, tb, `[...document.querySelectorAll("main table")].map((tbl) => { const b = tbl.parentElement;
		return {caption: tbl.caption?.textContent || "", label: (b.getAttribute("aria-labelledby") || "").split(/\s+/).map((id) => document.getElementById(id)?.textContent || "").join(" "),
			role: b.getAttribute("role") || "", tabIndex: b.tabIndex, scrolls: b.scrollWidth > b.clientWidth,
			page: document.documentElement.scrollWidth > document.documentElement.clientWidth}; })`)
	if len(boxes) == 0 {
		t.Fatal("no tables on /training/")
	}
	for i, b := range boxes {
		if b.Role != "region" || b.TabIndex != 0 || b.Label == "" || b.Label != b.Caption || b.Scrolls || b.Page {
			t.Errorf("table %d (%q): in a box with role %q, tabIndex %d, named %q, scrolling %v, page scrolling %v; want a focusable region named by the caption, its cards fitting the screen",
				i+1, b.Caption, b.Role, b.TabIndex, b.Label, b.Scrolls, b.Page)
		}
	}
	// Tab from the link just before the first school's section: the
	// school's own links, then its table's region.
	eval[bool](t, tb, `(document.querySelector(".training-index li:last-child a").focus(), true)`)
	tb.waitJS(t, `document.activeElement?.matches(".training-index li:last-child a")`, "focus on the schools' index")
	reached := false
	for i := 0; i < 40 && !reached; i++ {
		tb.key(t, "\t")
		if eval[bool](t, tb, `Boolean(document.activeElement?.matches("[role=region]"))`) {
			reached = true
			outline := eval[string](t, tb, `(() => { const cs = getComputedStyle(document.activeElement); return cs.outlineStyle + " " + cs.outlineWidth; })()`)
			if !strings.HasPrefix(outline, "solid") {
				t.Errorf("the focused table region has outline %q, want the site's focus style", outline)
			}
		}
	}
	if !reached {
		t.Error("Tab never reaches a table's region")
	}

	// The articles' tables fit 320 px; an editor's may not, as the wide one
	// of /markdown-features/ does not.
	tb.open(t, "/markdown-features/")
	const region = `document.querySelector("main .prose [role=region]")`
	if !eval[bool](t, tb, `(() => { const b = `+region+`; return b.scrollWidth > b.clientWidth && b.scrollLeft === 0; })()`) {
		t.Fatal("the wide Markdown table of /markdown-features/ does not scroll in its region at 320 px")
	}
	eval[bool](t, tb, `(`+region+`.focus(), true)`)
	tb.waitJS(t, `document.activeElement === `+region, "focus on the Markdown table's region")
	tb.key(t, kb.ArrowRight)
	tb.waitJS(t, `document.activeElement === `+region+` && `+region+`.scrollLeft > 0`, "ArrowRight to scroll the focused table")
}

// TestMarkdownTableScroll: a table written in an article's Markdown
// scrolls in its own region too, named after its section, and the page
// does not scroll sideways at a phone's width.
func TestMarkdownTableScroll(t *testing.T) {
	tb := newTab(t)
	tb.run(t, "320 px viewport", chromedp.EmulateViewport(320, 800))
	tb.open(t, "/articles/what-happens-in-a-session/")
	type box struct {
		Label, Role string
		TabIndex    int
		Page        bool
	}
	boxes := eval[[]box](t, tb, `[...document.querySelectorAll("main .prose table")].map((tbl) => { const b = tbl.parentElement;
		return {label: b.getAttribute("aria-label") || "", role: b.getAttribute("role") || "", tabIndex: b.tabIndex,
			page: document.documentElement.scrollWidth > document.documentElement.clientWidth}; })`)
	if len(boxes) == 0 {
		t.Fatal("no Markdown table on /articles/what-happens-in-a-session/")
	}
	for i, b := range boxes {
		if b.Role != "region" || b.TabIndex != 0 || !strings.HasPrefix(b.Label, "Table: ") || b.Page {
			t.Errorf("table %d: in a box with role %q, tabIndex %d, named %q, page scrolling %v; want a focusable region named after its section, and no sideways page",
				i+1, b.Role, b.TabIndex, b.Label, b.Page)
		}
	}
}

// TestContactRequired: the contact form marks its required fields in
// their labels, where everyone sees and hears it, not only to the browser.
func TestContactRequired(t *testing.T) {
	tb := newTab(t)
	tb.open(t, "/contact/")
	fields := eval[[]struct {
		ID, Label string
		Required  bool
	}](t, tb, `[...document.querySelectorAll("form[name=contact] input:not([type=hidden]):not([tabindex='-1']), form[name=contact] select, form[name=contact] textarea")].map((e) => ({id: e.id, label: e.labels[0]?.textContent || "", required: e.required}))`)
	req := 0
	for _, f := range fields {
		marked := strings.Contains(f.Label, "(required)")
		if f.Required {
			req++
		}
		if f.Required != marked {
			t.Errorf("contact form: %s is required=%v with label %q; a required field's label says (required), and only a required one's", f.ID, f.Required, f.Label)
		}
	}
	if req < 3 {
		t.Errorf("contact form: %d required fields, want name, email and message", req)
	}
}

// TestLargeText: with text at 200% on a 320 px screen, the grids of the
// footer, the home page's cards and the practitioner lists fit the screen
// in one column instead of running past its edge.
func TestLargeText(t *testing.T) {
	tb := newTab(t)
	tb.run(t, "320 px viewport", chromedp.EmulateViewport(320, 800))
	for _, path := range []string{"/", "/practitioners/", "/practitioners/region/south-west/"} {
		tb.open(t, path)
		wide := eval[[]string](t, tb, `(() => {
			document.documentElement.style.fontSize = "200%";
			const vw = document.documentElement.clientWidth, wide = [];
			for (const e of document.querySelectorAll(".site-footer-inner, .card-list, .tasks, .practitioner-list")) {
				const r = e.getBoundingClientRect();
				if (r.width > 0 && (r.right > vw + 1 || e.scrollWidth > e.clientWidth + 1)) wide.push(e.className + ": right edge " + Math.round(r.right) + " px, content " + e.scrollWidth + " px wide");
			}
			return wide; })()`)
		for _, w := range wide {
			t.Errorf("%s at 200%% text, 320 px: %s, past the %d px screen", path, w, 320)
		}
	}
}

// clear empties a field.
func clear(selector string) chromedp.Action[chromedp.Void] {
	return chromedp.Evaluate[chromedp.Void](`document.querySelector(` + strconv.Quote(selector) + `).value = ""`)
}

// pressEnter presses Enter as a keyboard does: one keydown carrying the
// text, so a handler that cancels the keydown also cancels the implicit
// form submission. (chromedp.KeyEvent sends the character as a separate
// event, which a real keyboard never does.)
func pressEnter() chromedp.Action[chromedp.Void] {
	return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		down := input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeKeyDown, Key: "Enter", Code: "Enter", Text: "\r", UnmodifiedText: "\r", WindowsVirtualKeyCode: 13, NativeVirtualKeyCode: 13}
		if _, err := cdp.Call(ctx, tg, input.DispatchKeyEvent, down); err != nil {
			return err
		}
		up := input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeKeyUp, Key: "Enter", Code: "Enter", WindowsVirtualKeyCode: 13, NativeVirtualKeyCode: 13}
		_, err := cdp.Call(ctx, tg, input.DispatchKeyEvent, up)
		return err
	})
}

// TestTrainingTablesOnAPhone: on a phone's screen, each accredited course
// is read whole without scrolling sideways: every cell and the table's
// caption lie inside the screen, and each value is shown with the name of
// its column.
func TestTrainingTablesOnAPhone(t *testing.T) {
	tb := newTab(t)
	tb.run(t, "a phone's screen", chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(3), chromedp.EmulateMobile))
	tb.open(t, "/training/")
	var res struct {
		Cells int
		Out   []string
		Bare  []string
	}
	raw := eval[json.RawMessage](t, tb, `(() => {
		const width = document.documentElement.clientWidth, out = [], bare = [];
		const cells = document.querySelectorAll(".training-courses caption, .training-courses tbody th, .training-courses td");
		for (const c of cells) {
			const r = c.getBoundingClientRect();
			if (r.width === 0 || r.left < 0 || r.right > width + 0.5) out.push(c.tagName + " " + c.textContent.trim().slice(0, 40) + ": " + Math.round(r.left) + "–" + Math.round(r.right) + " px");
			if (c.tagName === "TD") {
				const label = getComputedStyle(c, "::before").content;
				const th = c.closest("table").querySelectorAll("thead th")[c.cellIndex];
				if (!label.includes(th.textContent.trim())) bare.push(c.textContent.trim().slice(0, 40) + " shows " + label + ", not " + th.textContent.trim());
			}
		}
		return {cells: cells.length, out, bare};
	})()`)
	if err := json.Unmarshal(raw, &res); err != nil {
		t.Fatal(err)
	}
	if res.Cells < 20 {
		t.Fatalf("the training page has %d course cells", res.Cells)
	}
	for _, o := range res.Out {
		t.Errorf("at 390 px, off the screen: %s", o)
	}
	for _, b := range res.Bare {
		t.Errorf("at 390 px, a course's value without its column's name: %s", b)
	}
	for _, p := range tb.takeProblems() {
		t.Error(p)
	}
}

// TestDirectoryChoicesFindSomeone: every therapy and language the
// directory's filters offer finds at least one practitioner.
func TestDirectoryChoicesFindSomeone(t *testing.T) {
	tb := newTab(t)
	tb.open(t, "/practitioners/")
	choices := eval[[][2]string](t, tb, `[...document.querySelectorAll("#f-modality option, #f-language option")].filter((o) => o.value).map((o) => [o.parentElement.name, o.value])`)
	if len(choices) < 4 {
		t.Fatalf("the filters offer %d therapies and languages", len(choices))
	}
	cards := `document.querySelectorAll("#directory-result-list .practitioner-card").length`
	for _, c := range choices {
		tb.open(t, "/practitioners/?"+c[0]+"="+c[1])
		tb.waitJS(t, `!document.querySelector("#directory-results").hidden && document.querySelector("#directory-status").textContent !== ""`, "the filtered list for "+c[1])
		if n := eval[int](t, tb, cards); n == 0 {
			t.Errorf("the %s %q is offered but lists nobody: %s", c[0], c[1], eval[string](t, tb, `document.querySelector("#directory-status").textContent`))
		}
	}
	for _, p := range tb.takeProblems() {
		t.Error(p)
	}
}

// TestFootnoteFocus: on a page whose note is referenced twice, following a
// footnote's number by keyboard takes the next Tab into its note, and each
// of the note's back-links, named for where it goes, takes the next Tab
// to the reference it belongs to; the contents' links lead to their
// headings.
func TestFootnoteFocus(t *testing.T) {
	tb := newTab(t)
	tb.open(t, "/markdown-features/")
	refs := eval[[]string](t, tb, `[...document.querySelectorAll("a.footnote-ref")].map((a) => a.parentElement.id)`)
	if len(refs) < 3 {
		t.Fatalf("footnote references %q; want a note referenced twice", refs)
	}
	for _, id := range refs {
		eval[bool](t, tb, `(document.getElementById(`+strconv.Quote(id)+`).querySelector("a").focus(), true)`)
		note := eval[string](t, tb, `document.activeElement.hash.slice(1)`)
		tb.key(t, kb.Enter)
		tb.key(t, "\t")
		if in := eval[string](t, tb, `document.activeElement.closest("li[id]")?.id || document.activeElement.outerHTML.slice(0, 80)`); in != note {
			t.Errorf("Enter on the reference %s, then Tab: focus is on %s, want in the note %s", id, in, note)
		}
	}
	backs := eval[[]string](t, tb, `[...document.querySelectorAll("a.footnote-backref")].map((a) => a.hash.slice(1))`)
	for i, target := range backs {
		eval[bool](t, tb, `(document.querySelectorAll("a.footnote-backref")[`+strconv.Itoa(i)+`].focus(), true)`)
		tb.key(t, kb.Enter)
		tb.key(t, "\t")
		if at := eval[string](t, tb, `document.activeElement.parentElement.id || document.activeElement.outerHTML.slice(0, 80)`); at != target {
			t.Errorf("Enter on back-link %d, then Tab: focus is on %s, want the reference %s", i+1, at, target)
		}
	}
	names := eval[[]string](t, tb, `[...document.querySelectorAll("a.footnote-backref")].map((a) => a.getAttribute("aria-label") || a.textContent)`)
	seen := map[string]bool{}
	for _, n := range names {
		if !strings.ContainsAny(strings.ToLower(n), "abcdefghijklmnopqrstuvwxyz") || seen[n] {
			t.Errorf("footnote back-links are named %q; want words saying where each goes, each its own", names)
			break
		}
		seen[n] = true
	}
	for _, h := range eval[[]string](t, tb, `[...document.querySelectorAll("nav.toc a")].map((a) => a.hash).filter((h) => !document.getElementById(decodeURIComponent(h.slice(1))))`) {
		t.Errorf("the contents link to %s, which no element has", h)
	}
}

// TestSearchTypingAfterArrow: an option chosen with the arrow keys is
// forgotten when another letter brings new results, so a screen reader is
// not left on an option that is not the one highlighted (none is) and that
// Enter would not open.
func TestSearchTypingAfterArrow(t *testing.T) {
	tb := newTab(t)
	tb.open(t, "/")
	tb.run(t, "typing a query", chromedp.Click(chromedp.CSS("#search-box-q")), chromedp.SendKeys(chromedp.CSS("#search-box-q"), "safety"))
	tb.waitJS(t, `document.querySelectorAll("#search-box-list [role=option]").length > 0`, "search results")
	tb.key(t, kb.ArrowDown)
	tb.waitJS(t, `document.querySelector("#search-box-q").getAttribute("aria-activedescendant")`, "ArrowDown to choose an option")
	eval[bool](t, tb, `(window.__first = document.querySelector("#search-box-list [role=option]"), true)`)
	tb.key(t, "s")
	tb.waitJS(t, `document.querySelector("#search-box-list [role=option]") !== window.__first`, "results for the new letter")
	got := eval[[]string](t, tb, `[document.querySelector("#search-box-q").getAttribute("aria-activedescendant") || "", document.querySelector("#search-box-list [role=option][aria-selected=true]")?.id || ""]`)
	if got[0] != got[1] {
		t.Errorf("after typing a letter: aria-activedescendant %q, highlighted option %q; want them the same (none)", got[0], got[1])
	}
	for _, p := range tb.takeProblems() {
		t.Error(p)
	}
}

// TestSearchTypingSaysOnce: in the header's search box and on the search
// page, the results follow a query as it is typed, but the count is read
// out once the typing pauses, as in the directory, not after each letter,
// where it would be read over the letters being typed.
func TestSearchTypingSaysOnce(t *testing.T) {
	for _, c := range []struct{ path, box string }{
		{"/", "#search-box-q"},
		{"/search/", "#search-page-q"},
	} {
		t.Run(c.path, func(t *testing.T) {
			tb := newTab(t)
			tb.open(t, c.path)
			tb.run(t, "focusing the box", chromedp.Focus(chromedp.CSS(c.box)))
			status := `document.querySelector("` + c.box + `").form.querySelector(".search-status")`
			eval[bool](t, tb, `(window.__said = [], window.__typed = [],
				document.querySelector("`+c.box+`").addEventListener("input", () => window.__typed.push(performance.now())),
				new MutationObserver(() => { const s = `+status+`.textContent; if (s) window.__said.push({text: s, at: performance.now()}); }).observe(`+status+`, {childList: true, characterData: true, subtree: true}), true)`)
			for _, ch := range "cranial" {
				next := time.Now().Add(300 * time.Millisecond)
				tb.key(t, string(ch))
				time.Sleep(time.Until(next)) // a letter every 300 ms at most
			}
			tb.waitJS(t, `window.__typed.length === 7 && window.__said.some((s) => s.at > window.__typed.at(-1))`, "the count to be said once the typing pauses")
			// A later saying would come from a timer set by then, which
			// fires before one set now for longer than the pause.
			eval[bool](t, tb, `new Promise((ok) => setTimeout(() => ok(true), 2 * 1000))`)
			checkSaidOnce(t, tb, "cranial", "result")
			for _, p := range tb.takeProblems() {
				t.Error(p)
			}
		})
	}
}

// checkSaidOnce reads window.__typed (when each letter of word came) and
// window.__said (what a live region said, and when): nothing may be said
// less than a second after a letter, and only once in each pause, so once
// after the last letter, saying want.
func checkSaidOnce(t *testing.T, tb *tab, word, want string) {
	t.Helper()
	var r struct {
		Typed []float64
		Said  []struct {
			Text string
			At   float64
		}
	}
	raw := eval[json.RawMessage](t, tb, `({typed: window.__typed, said: window.__said})`)
	if err := json.Unmarshal(raw, &r); err != nil {
		t.Fatal(err)
	}
	if len(r.Typed) != len(word) {
		t.Fatalf("typing %q gave %d input events, want %d", word, len(r.Typed), len(word))
	}
	const pause = 1000
	per := make([]int, len(r.Typed))
	for _, s := range r.Said {
		i := 0
		for i+1 < len(r.Typed) && r.Typed[i+1] < s.At {
			i++
		}
		per[i]++
		if s.At-r.Typed[i] < pause {
			t.Errorf("the status line said %q %.0f ms after a letter, before the typing paused for %d ms", s.Text, s.At-r.Typed[i], pause)
		}
	}
	for i, n := range per {
		if n > 1 {
			t.Errorf("the status line spoke %d times after letter %d of %q; want once a pause", n, i+1, word)
		}
	}
	if n := len(r.Said); n == 0 || !strings.Contains(r.Said[n-1].Text, want) || per[len(per)-1] != 1 {
		t.Errorf("typing %q, the status line said %+v; want the count, once the typing paused", word, r.Said)
	}
}
