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
			strings.Contains(f, ".git") || strings.Contains(f, "draft") || strings.Contains(f, "obsidian") || strings.Contains(f, "#") {
			t.Errorf("published %s", f)
		}
	}
}
