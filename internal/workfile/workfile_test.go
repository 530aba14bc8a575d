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
		// GNU sed -i writes the new file as sed and six random letters
		// and digits, then renames it over the old one.
		"static/css/sedAbC123":          true,
		"content/articles/sed0x9Zq1":    true,
		"static/css/sedation.css":       false,
		"content/articles/sedentary.md": false,
		"static/images/sedona":          false,
		"static/images/sedXYZ12345":     false,
		"static/files/sedentary":        false,
		// GNU ln -sf makes the new link as Cu and six random letters and
		// digits; Python's tempfile names a file tmp and eight.
		"content/articles/CuX1y2Z3":    true,
		"content/articles/Cupboard.md": false,
		"static/files/Customer":        false,
		"content/articles/tmpk3_9xq0a": true,
		"content/articles/tmpK3_9xq0a": false,
		"static/templates/tmpl-a.html": false,
		// vim tries 4913, then 5036, 5159, ... (adding 123) when one is taken.
		"content/articles/5036":  true,
		"content/articles/17213": true,
		"content/articles/5037":  false,
		"static/images/2026.svg": false,
		// Go's os.CreateTemp with no pattern names a file by digits alone,
		// as a year, a date or a number is: those are the site's.
		"static/2026":                          false,
		"content/2026/review.md":               false,
		"static/reports/20261127":              false,
		"static/downloads/123456789":           false,
		"static/downloads/4294967295":          false,
		"content/articles/.safety.md.kate-swp": true,
		// Atomic writers: a temporary file renamed into place.
		"content/articles/safety.md.tmp.1234": true,
		"content/articles/safety.md.tmp-98fa": true,
		"static/css/site.css.tmp":             true,
		"static/data/export.TMP":              true,
		"static/data/report.temp":             true,
		"static/css/site.css.temp.5":          true,
		"static/templates/tmp.html":           false,
		"static/css/template.css":             false,
		"static/images/tmp":                   false,
		"static/docs/tmp.pdf":                 false,
		// A real file's extension after .tmp or .temp, with a digit in it.
		"static/audio/breathing.tmp.mp3": false,
		"static/video/session.temp.mp4":  false,
		"static/fonts/body.tmp.woff2":    false,
		"static/css/site.css.tmp.a1b2c3": true,
		// A browser still downloading a picture into static/images.
		"static/images/hands.jpg.crdownload": true,
		"static/images/hands.jpg.part":       true,
		"static/images/hands.jpg.download/x": true,
		"static/images/part.jpg":             false,
	} {
		if got := SkipPath(rel); got != want {
			t.Errorf("SkipPath(%q) = %v, want %v", rel, got, want)
		}
	}
}
