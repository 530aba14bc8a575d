package build

import (
	"cmp"
	"hash/maphash"
	"maps"
	"slices"
	"sync"

	"sitegen/internal/diag"
	"sitegen/internal/render"
	"sitegen/internal/site"
)

// cacheKeys checks, in a dry run (sitegen check), the keys layouts give
// cached partials: `cached "site-footer" "" .` renders the footer once and
// gives every page that HTML, which is right only if the footer is the
// same on every page. The check renders each cached partial again for
// every page that asks for it and reports a partial that gives two pages
// under one key different HTML. It names the first two such pages by
// address, so that the problem reads the same whichever page rendered
// first. A build does not check: it would render every cached partial on
// every page, the work the cache saves.
func newCacheKeys() *cacheKeys {
	return &cacheKeys{seed: maphash.MakeSeed(), m: map[[2]string]map[string]uint64{}}
}

type cacheKeys struct {
	mu   sync.Mutex
	seed maphash.Seed
	m    map[[2]string]map[string]uint64 // (partial, key) -> page URL -> hash of its HTML
}

func (c *cacheKeys) check(t *render.Templates, name, key string, data any) {
	var url string
	switch d := data.(type) {
	case *Data:
		url = d.Page.URL
	case *site.Page:
		url = d.URL
	default:
		return
	}
	h, err := t.Partial(name, data)
	if err != nil {
		return // the cached render has reported it
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	k := [2]string{name, key}
	if c.m[k] == nil {
		c.m[k] = map[string]uint64{}
	}
	c.m[k][url] = maphash.String(c.seed, string(h))
}

// report adds a warning for each partial and key under which two pages
// get different HTML, at the partial's {{define}}.
func (c *cacheKeys) report(list *diag.List, t *render.Templates) {
	keys := slices.SortedFunc(maps.Keys(c.m), func(a, b [2]string) int {
		return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1]))
	})
	for _, k := range keys {
		pages := c.m[k]
		urls := slices.Sorted(maps.Keys(pages))
		first := urls[0]
		for _, u := range urls[1:] {
			if pages[u] == pages[first] {
				continue
			}
			file, line, ok := t.Defined(k[0])
			if !ok {
				file, line = "layouts/base.html", 1
			}
			list.Warnf(file, line, 1, "the partial %q is cached under the key %q but renders differently for %s and %s, and every page under one key gets the HTML of whichever rendered it first; "+
				"put what it depends on in the key, as in {{cached %q .Page.URL .}}, or leave it out of the cache", k[0], k[1], first, u, k[0])
			break
		}
	}
}
