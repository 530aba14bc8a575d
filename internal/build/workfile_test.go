package build

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
)

// TestWorkingFilesLeftOut: the files editors and operating systems leave
// beside the site's own (an Office lock file, a backup, a hidden folder
// such as .git, Thumbs.db) are neither pages nor published files, and
// are no problem; .well-known is published.
func TestWorkingFilesLeftOut(t *testing.T) {
	fsys := minimalSite()
	for name, data := range map[string]string{
		"content/articles/~$ok.md":        "\x00\x01 a lock file",
		"content/articles/.#ok.md":        "user@host.1234:1700000000",
		"content/articles/.draft.md":      "---\ntitle: Hidden\n---\n",
		"content/.obsidian/notes/x.md":    "not front matter",
		"content/articles/#ok.md#":        "---\ntitle: Autosave\n---\n",
		"static/images/Thumbs.db":         "x",
		"static/images/desktop.ini":       "x",
		"static/images/logo.svg~":         "<svg/>",
		"static/images/~$logo.svg":        "x",
		"static/vendor/icons/.git/config": "[remote \"origin\"]\n\turl = https://user:secret@example.org/icons.git\n",
		"static/vendor/icons/icon.svg":    "<svg/>",
		"static/.well-known/security.txt": "Contact: mailto:security@example.org\n",
		"layouts/.#page.html":             "{{define",
		"layouts/~$page.html":             "{{end}}",
		// Editors' and programs' temporary files, renamed into place
		// when a save ends.
		"static/css/sedAbC123":               "body{}",
		"static/css/CuX1y2Z3":                "body{}",
		"static/css/tmpk3_9xq0a":             "body{}",
		"static/css/site.css.tmp.1234":       "body{}",
		"static/images/4913":                 "",
		"static/images/5036":                 "",
		"static/images/logo.svg___jb_tmp___": "<svg/>",
		"static/images/.logo.svg.kate-swp":   "x",
		"static/images/photo.jpg.crdownload": "x",
		"static/images/photo.jpg.part":       "x",
		"static/images/logo.svg.tmp-98fa":    "<svg/>",
		"content/articles/sedx8Qp2z":         "---\ntitle: [\n",
		"content/articles/ok.md.tmp.77":      "---\ntitle: [\n",
		"layouts/sedx8Qp2z":                  "{{define",
		"layouts/page.html.tmp.12":           "{{define",
	} {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	out := filepath.Join(t.TempDir(), "public")
	res, err := Run(Options{FS: fsys, Out: out, Now: fixedNow})
	if err != nil {
		t.Fatalf("build failed: %v\n%s", err, problems(res))
	}
	if got := problems(res); got != "" {
		t.Errorf("problems:\n%s", got)
	}
	var files []string
	_ = filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(out, p)
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	for _, want := range []string{"vendor/icons/icon.svg", ".well-known/security.txt", "articles/ok/index.html"} {
		if !slices.Contains(files, want) {
			t.Errorf("%s is not published", want)
		}
	}
	for _, f := range files {
		if strings.Contains(f, "Thumbs") || strings.Contains(f, "desktop") || strings.Contains(f, "~") ||
			strings.Contains(f, ".git") || strings.Contains(f, "draft") || strings.Contains(f, "obsidian") || strings.Contains(f, "#") ||
			strings.Contains(f, "sed") || strings.Contains(f, "tmp") || strings.Contains(f, "49") || strings.Contains(f, "50") ||
			strings.Contains(f, "photo") || strings.Contains(f, "kate") || strings.Contains(f, "CuX") {
			t.Errorf("published %s", f)
		}
	}
}

// TestDataWorkingFilesLeftOut: the data files under content/ (practitioners
// and schools) are read by the same rule: Word's lock file beside a
// practitioner's file, open in Word, is no practitioner and no problem,
// nor is a backup or an Emacs lock, and a strict build passes.
func TestDataWorkingFilesLeftOut(t *testing.T) {
	fsys := minimalSite()
	for name, data := range map[string]string{
		"content/site.yaml":                        "title: T\nbase_url: https://example.org/\nvocabularies: {regions: [South West]}\n",
		"layouts/practitioners/list.html":          `{{define "main"}}list{{end}}`,
		"layouts/practitioners/profile.html":       `{{define "main"}}{{.Page.Title}}{{end}}`,
		"layouts/training.html":                    `{{define "main"}}training{{end}}`,
		"layouts/verify.html":                      `{{define "main"}}verify{{end}}`,
		"content/practitioners/ann-example.yaml":   annExample,
		"content/practitioners/~$n-example.yaml":   "\x00\x01 a lock file",
		"content/practitioners/~$n-example.yml":    "\x00\x01 a lock file",
		"content/practitioners/ann-example.yaml~":  annExample,
		"content/practitioners/.#ann-example.yaml": "user@host.1234:1700000000",
		"content/practitioners/#ann-example.yaml#": annExample,
		"content/practitioners/Thumbs.db":          "\x00",
		"content/schools/~$ithwick-college.yaml":   "\x00\x01 a lock file",
		"content/schools/.frithwick-college.yaml~": "name: x",
	} {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	res, err := Run(Options{FS: fsys, DryRun: true, Strict: true, Now: fixedNow})
	if err != nil {
		t.Fatalf("build failed: %v\n%s", err, problems(res))
	}
	if got := problems(res); got != "" {
		t.Errorf("problems:\n%s", got)
	}
}

// annExample is a practitioner with only the keys a build requires.
const annExample = `name: Ann Example
registration: CST-000001
certified_until: 2030-12-18
accepting_new_clients: true
home_visits: false
locations:
  - {town: Frithwick, region: South West, postcode: TR9 8TR, lat: 50.7, lon: -4.3, wheelchair_access: true}
`

// TestNumberNamesPublished: a file or folder named by digits alone (a
// year, a date, a number of ten digits) is the site's own and published,
// though Go's os.CreateTemp names a temporary file so when given no
// pattern (see workfile's package comment for why those are not left out).
func TestNumberNamesPublished(t *testing.T) {
	fsys := minimalSite()
	for name, data := range map[string]string{
		"static/years/2026":           "a year",
		"static/reports/20261127":     "a date",
		"static/files/4294967295":     "ten digits",
		"content/2026/_index.md":      "---\ntitle: 2026\n---\n",
		"content/2026/review.md":      "---\ntitle: The year\n---\nText.\n",
		"static/downloads/123456789":  "nine digits",
		"static/downloads/0123456789": "a leading zero",
	} {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	out := filepath.Join(t.TempDir(), "public")
	res, err := Run(Options{FS: fsys, Out: out, Now: fixedNow})
	if err != nil {
		t.Fatalf("build failed: %v\n%s", err, problems(res))
	}
	for _, want := range []string{"years/2026", "reports/20261127", "files/4294967295", "downloads/123456789", "downloads/0123456789", "2026/review/index.html"} {
		if _, err := os.Stat(filepath.Join(out, filepath.FromSlash(want))); err != nil {
			t.Errorf("%s is not published: %v", want, err)
		}
	}
}
