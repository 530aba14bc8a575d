package fold

import (
	"testing"
	"unicode/utf8"
)

// FuzzSlug: whatever a title or name holds, Slug does not panic, gives
// valid UTF-8 with no space, and is settled: the slug of a slug is
// itself, so an address made from a slug, typed back in, finds it.
//
// make test runs the seeds below; go test -fuzz FuzzSlug searches.
func FuzzSlug(f *testing.F) {
	for _, s := range []string{"What is CST?", "Łódź and Søren", "Straße", "x²", "İstanbul Turkish", "don't -- stop", "\u0301a", "ǅ", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		slug := Slug(s)
		if !utf8.ValidString(slug) {
			t.Fatalf("Slug(%q) = %q, not valid UTF-8", s, slug)
		}
		for _, r := range slug {
			if r == ' ' {
				t.Fatalf("Slug(%q) = %q holds a space", s, slug)
			}
		}
		if again := Slug(slug); again != slug {
			t.Fatalf("Slug(%q) = %q, whose slug is %q", s, slug, again)
		}
	})
}
