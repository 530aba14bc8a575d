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

// tailer is an extension with work of its own in the render step, whose
// finish can begin before the step ends. The pages it needs render first,
// then its tail jobs on the same pool; once all of those are done, start
// begins its finish on a goroutine of its own while the other pages
// render, and its finish hook waits for it. The search index's Finish (a
// few hundred milliseconds on one core for 10,000 pages) then overlaps
// the tag lists, sections and practitioners' pages instead of following
// them with a core idle.
type tailer interface {
	needs(b *builder, p *site.Page) bool // whether rendering p feeds the extension
	tail(b *builder) []func()
	start(b *builder)
}

// sortBy sorts s stably by an integer key.
func sortBy[T any](s []T, key func(T) int) {
	sort.SliceStable(s, func(i, j int) bool { return key(s[i]) < key(s[j]) })
}
