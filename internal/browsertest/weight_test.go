package browsertest

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// searchFiles are the files site search needs: its engine modules and
// its index. A visitor who never searches should download none of them.
func searchFiles(paths []string) []string {
	var out []string
	for _, p := range paths {
		base := p[strings.LastIndex(p, "/")+1:]
		if strings.HasPrefix(p, "/search/") || strings.HasPrefix(base, "search-engine.") ||
			strings.HasPrefix(base, "search-normalize.") {
			out = append(out, p)
		}
	}
	return out
}

// loadedPaths is the path of every file the page has fetched so far.
const loadedPaths = `performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname)`

// TestSearchLoadsOnFocus: the search box is on every page, but its engine
// and index are downloaded only when a visitor turns to it, by focusing
// the box; a page opened to be read costs its reader none of them. The
// 404 page and the search page opened with a query search at once, and
// are left out.
func TestSearchLoadsOnFocus(t *testing.T) {
	tb := newTab(t)
	for _, pt := range pageTypes {
		if pt.name == "404" || strings.Contains(pt.path, "?q=") {
			continue
		}
		tb.open(t, pt.path)
		if pt.ready != "" {
			tb.waitJS(t, pt.ready, "the page's script to fill it")
		}
		if got := searchFiles(eval[[]string](t, tb, loadedPaths)); len(got) > 0 {
			t.Errorf("%s: the page fetched %v before anyone searched; the search box's files should wait for its focus", pt.path, got)
		}
	}
	tb.open(t, "/articles/safety/")
	eval[bool](t, tb, `(document.querySelector("#search-box-q").focus(), true)`)
	tb.waitJS(t, loadedPaths+`.some((p) => p === "/search/index.json")`, "the search index to load when the search box gets focus")
	if got := searchFiles(eval[[]string](t, tb, loadedPaths)); !strings.Contains(strings.Join(got, " "), "/assets/search-engine.") {
		t.Errorf("after focus on the search box the page fetched %v; want the search engine and its index", got)
	}
	for _, p := range tb.takeProblems() {
		t.Error(p)
	}
}

// TestDirectoryPrefetchStatus: the directory's data is fetched as soon as
// a visitor steps into the filter form, and the status line says so while
// it loads; once it has, the line must not go on saying "Loading" to a
// visitor who has not filtered yet, who would wait for nothing.
func TestDirectoryPrefetchStatus(t *testing.T) {
	tb := newTab(t)
	tb.open(t, "/practitioners/")
	// Focus reaches the form's listener once directory.js has started:
	// step in again until the data is on its way.
	tb.waitJS(t, `(() => { const q = document.getElementById("f-q"); q.blur(); q.focus();
		return `+loadedPaths+`.some((p) => p.startsWith("/practitioners/directory.")) && document.querySelector("#f-places option"); })()`,
		"the directory's data to load when the form gets focus")
	if got := eval[string](t, tb, `document.getElementById("directory-status").textContent`); strings.Contains(got, "Loading") {
		t.Errorf("with the directory loaded and nothing filtered, the status line says %q", got)
	}
	for _, p := range tb.takeProblems() {
		t.Error(p)
	}
}

// TestProfilePhotoKeepsItsBox: a practitioner's photo is written 240 by
// 240, and keeps that box whatever the photo's own shape, cropped rather
// than stretched: a portrait or landscape photo must not move the profile
// below it when it arrives. The bundled practitioners have no photos, so
// one is put on a profile as the layout writes it, from a landscape
// picture of the site.
func TestProfilePhotoKeepsItsBox(t *testing.T) {
	tb := newTab(t)
	tb.open(t, "/practitioners/aelia-thornhurst/")
	eval[bool](t, tb, `(() => { const img = document.createElement("img");
		img.className = "practitioner-photo"; img.alt = ""; img.width = 240; img.height = 240;
		img.src = "/images/social-card.png";
		document.querySelector(".practitioner-profile").prepend(img); return true; })()`)
	tb.waitJS(t, `document.querySelector(".practitioner-photo").complete && document.querySelector(".practitioner-photo").naturalWidth > 0`, "the photo to load")
	box := eval[struct {
		W, H float64
		Fit  string
	}](t, tb, `(() => { const img = document.querySelector(".practitioner-photo"), r = img.getBoundingClientRect();
		return {w: r.width, h: r.height, fit: getComputedStyle(img).objectFit}; })()`)
	if box.W != 240 || box.H != 240 || box.Fit != "cover" {
		t.Errorf("a 1200×630 photo shows %v×%v px with object-fit %q; want the 240×240 box its attributes reserve, covered", box.W, box.H, box.Fit)
	}
}

// TestLinkedDataFetchedAtOnce: a link to one number's registration check
// (/verify/?reg=…) or to a filtered directory (/practitioners/?children=1)
// needs the page's data at once, so the data is asked for while the
// page's modules load, not after them: on a slow phone every step of that
// chain is a round trip, and the directory's data the largest download of
// the site. The modules are served slowly here, as over a phone's
// connection, and the data must be on its way before they have come.
func TestLinkedDataFetchedAtOnce(t *testing.T) {
	const lag = 400 * time.Millisecond
	site := NewServer(siteDir, netlify)
	slow := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/assets/directory-core.") {
			time.Sleep(lag)
		}
		w.Header().Set("Cache-Control", "no-store")
		site.ServeHTTP(w, r)
	}))
	defer slow.Close()
	tb := newTab(t)
	for _, c := range []struct{ path, data, ready string }{
		{"/verify/?reg=CST-000004", "/verify/index.", `document.getElementById("verify-result").dataset.status === "current"`},
		{"/practitioners/?children=1", "/practitioners/directory.", `!document.getElementById("directory-results").hidden && document.querySelector("#directory-result-list li")`},
	} {
		tb.run(t, "opening "+c.path, chromedp.Navigate(slow.URL+c.path))
		tb.waitJS(t, c.ready, c.path+" to answer")
		at := eval[map[string]float64](t, tb, `(() => { const at = {};
			for (const e of performance.getEntriesByType("resource")) {
				const p = new URL(e.name).pathname;
				if (p.startsWith("/assets/directory-core.")) at.coreEnd = e.responseEnd;
				if (p.startsWith("`+c.data+`")) at.dataStart = e.startTime;
			}
			return at; })()`)
		if at["coreEnd"] == 0 || at["dataStart"] == 0 {
			t.Fatalf("%s: did not load both directory-core.js and %s*: %v", c.path, c.data, at)
		}
		if at["dataStart"] >= at["coreEnd"] {
			t.Errorf("%s: its data (%s*) was asked for %.0f ms after the page's modules had come; ask for it while they load", c.path, c.data, at["dataStart"]-at["coreEnd"])
		}
	}
	for _, p := range tb.takeProblems() {
		t.Error(p)
	}
}
