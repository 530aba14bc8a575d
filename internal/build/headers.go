package build

import "sitegen/internal/site"

// Headers is Netlify's _headers file for the build, or nil when none is
// needed. A preview (a deploy preview or branch deploy) is kept out of
// search engines by an X-Robots-Tag header on every response, besides
// robots.txt, since a crawler may reach a page without reading robots.txt.
// Netlify merges these rules with netlify.toml's, which are the same for
// every deploy context.
func Headers(s *site.Site) []byte {
	if !s.Preview {
		return nil
	}
	return []byte("# A preview build: not for search engines.\n/*\n  X-Robots-Tag: noindex\n")
}
