package browsertest

import (
	"strings"
	"testing"
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
