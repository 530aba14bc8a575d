package build

import (
	"sort"

	"sitegen/internal/markdown"
	"sitegen/internal/site"
)

// extension is a part of the site fed by its own data (the directory, the
// reading lists, search): it loads its inputs, adds pages, sees every
// rendered page and writes its files at the end. The build calls each hook
// in pipeline order; hooks that run inside the render pool must be safe for
// concurrent use.
//
// The development server's Builder, after an edit to Markdown bodies alone,
// reuses the last build's model and extensions: it skips load, pages and
// assembled and runs rendered and finish again. An extension whose state
// fills as pages render must be listed in renew (incremental.go), which
// makes it afresh; any other must write the same files when run again.
type extension interface {
	frontKeys(file string) []string // extra front matter keys for a content file
	load(b *builder)
	pages(b *builder) []*site.Page
	assembled(b *builder)                                   // after the model is built: attach data to pages
	rendered(b *builder, p *site.Page, md *markdown.Result) // concurrent
	finish(b *builder)
}

// tailer is an extension with work of its own for the render step: its
// jobs run on the render pool after every page, so they fill the workers
// while the last pages finish instead of running after them.
type tailer interface {
	tail(b *builder) []func()
}

// sortBy sorts s stably by an integer key.
func sortBy[T any](s []T, key func(T) int) {
	sort.SliceStable(s, func(i, j int) bool { return key(s[i]) < key(s[j]) })
}
