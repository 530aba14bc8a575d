package link

import (
	"strings"
	"testing"
)

// FuzzOwnSite: whatever address an editor writes, the checks of links do
// not panic, and an address read as the site's own is given back as a
// path from the root, which cannot lead to another site.
//
// make test runs the seeds below; go test -fuzz FuzzOwnSite searches.
func FuzzOwnSite(f *testing.F) {
	for _, s := range []string{"https://example.org/verify/?reg=1#how", "HTTP://EXAMPLE.ORG", "https://example.org/cst", "//example.org/a",
		"https://example.org/cst/../x", "https://user@example.org/", "https://example.org:8080/", "mailto:a@example.org", "tel:+441632960905",
		"https://example.org/%2e%2e/", "https://example.org/cst//elsewhere.example/", `https:\\example.org\a`, "javascript:alert(1)", ""} {
		f.Add("https://example.org/cst/", s)
	}
	f.Fuzz(func(t *testing.T, base, dest string) {
		Problem(dest, Any)
		Problem(dest, Web)
		EmailProblem(dest)
		Vague(dest)
		root, ok := OwnSite(base, dest)
		if !ok {
			return
		}
		if !strings.HasPrefix(root, "/") || strings.HasPrefix(root, "//") || strings.Contains(root, `\`) {
			t.Fatalf("OwnSite(%q, %q) = %q, which is not a path from the root", base, dest, root)
		}
	})
}
