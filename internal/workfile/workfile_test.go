package workfile

import "testing"

func TestSkipPath(t *testing.T) {
	for rel, want := range map[string]bool{
		"content/articles/safety.md":                  false,
		"static/css/site.css":                         false,
		"content/articles/safety.md~":                 true,
		"content/articles/4913":                       true,
		"content/articles/.safety.md.swp":             true,
		"content/articles/.safety.md.swx":             true,
		"content/articles/safety.md___jb_tmp___":      true,
		"content/articles/safety.md___jb_old___":      true,
		"content/articles/.#safety.md":                true,
		"content/articles/#safety.md#":                true,
		"content/articles/~$safety.md":                true,
		"content/articles/.~lock.safety.md#":          true,
		"content/articles/.draft.md":                  true,
		"static/.DS_Store":                            true,
		"static/images/Thumbs.db":                     true,
		"static/images/desktop.ini":                   true,
		"static/images/Icon\r":                        true,
		"static/vendor/icons/.git/config":             true,
		"static/.well-known/security.txt":             false,
		"static/images/.swirl.svg":                    true,
		"static/images/c#.svg":                        false,
		"static/images/#":                             false,
		"content/articles/swap.md":                    false,
		"content/articles/a-list-of-swaps.md":         false,
		"content/articles/about-thumbs.md":            false,
		"content/practitioners/aelia-thornhurst.yaml": false,
	} {
		if got := SkipPath(rel); got != want {
			t.Errorf("SkipPath(%q) = %v, want %v", rel, got, want)
		}
	}
}
