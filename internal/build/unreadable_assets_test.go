package build

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// deniedFS is a site in which the system refuses permission to open the
// folders (or files) named, and everything below them, whoever the
// build runs as.
type deniedFS struct {
	fs.FS
	denied []string
}

func (d deniedFS) Open(name string) (fs.File, error) {
	for _, p := range d.denied {
		if name == p || strings.HasPrefix(name, p+"/") {
			return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
		}
	}
	return d.FS.Open(name)
}

// TestUnreadableStaticFolderAlone: a folder of static/ that cannot be read
// is the one error about it: the assets the layouts ask for from it
// (css/site.css, js/app.js) are not reported as missing as well, which
// would bury the cause under its consequences. An asset missing from a
// folder that was read is still reported.
func TestUnreadableStaticFolderAlone(t *testing.T) {
	src := filepath.Join("testdata", "fixture")
	res, err := Run(Options{Src: src, DryRun: true, Now: fixedNow, FS: deniedFS{os.DirFS(src), []string{"static/css", "static/js"}}})
	if !errors.Is(err, ErrFailed) {
		t.Fatalf("build: %v, want ErrFailed", err)
	}
	text := problems(res)
	want := "static/css: cannot be read: the system refuses permission; let everyone read it, with chmod -R a+rX static/css, or build as its owner\n" +
		"static/js: cannot be read: the system refuses permission; let everyone read it, with chmod -R a+rX static/js, or build as its owner\n"
	if !strings.HasPrefix(text, want) || strings.Contains(text, "not in static/") || strings.Contains(text, "layouts/") {
		t.Errorf("problems:\n%s\nwant only:\n%s", text, want)
	}

	// Another asset missing, in a folder that was read.
	site := filepath.Join(t.TempDir(), "site")
	copyDir(t, src, site)
	os.Remove(filepath.Join(site, "static", "js", "app.js"))
	res, err = Run(Options{Src: site, DryRun: true, Now: fixedNow, FS: deniedFS{os.DirFS(site), []string{"static/css"}}})
	if !errors.Is(err, ErrFailed) {
		t.Fatalf("build: %v, want ErrFailed", err)
	}
	if text := problems(res); !strings.Contains(text, `asset "js/app.js" is not in static/`) || strings.Contains(text, `"css/site.css"`) {
		t.Errorf("with js/app.js missing and static/css unreadable:\n%s", text)
	}
}

// TestUnreadableModuleAlone: a module of static/ that cannot be read is
// the one error about it: the module that imports it (js/app.js imports
// ./lib.js) is not reported as importing a module that is not in static/
// as well. A module missing from a folder that was read is still
// reported.
func TestUnreadableModuleAlone(t *testing.T) {
	src := filepath.Join("testdata", "fixture")
	for _, denied := range []string{"static/js/lib.js", "static/lib"} {
		site := filepath.Join(t.TempDir(), "site")
		copyDir(t, src, site)
		if denied == "static/lib" {
			// The imported module in a folder of its own.
			os.MkdirAll(filepath.Join(site, "static", "lib"), 0o755)
			os.Rename(filepath.Join(site, "static", "js", "lib.js"), filepath.Join(site, "static", "lib", "lib.js"))
			app := filepath.Join(site, "static", "js", "app.js")
			b, _ := os.ReadFile(app)
			os.WriteFile(app, []byte(strings.Replace(string(b), `"./lib.js"`, `"../lib/lib.js"`, 1)), 0o644)
		}
		res, err := Run(Options{Src: site, DryRun: true, Now: fixedNow, FS: deniedFS{os.DirFS(site), []string{denied}}})
		if !errors.Is(err, ErrFailed) {
			t.Fatalf("%s denied: build: %v, want ErrFailed", denied, err)
		}
		text := problems(res)
		want := denied + ": cannot be read: the system refuses permission;"
		if !strings.HasPrefix(text, want) || strings.Count(text, "\n") != 1 {
			t.Errorf("%s denied: problems:\n%s\nwant only the read error", denied, text)
		}
	}

	// A module missing from a folder that was read.
	site := filepath.Join(t.TempDir(), "site")
	copyDir(t, src, site)
	os.Remove(filepath.Join(site, "static", "js", "lib.js"))
	res, err := Run(Options{Src: site, DryRun: true, Now: fixedNow, FS: deniedFS{os.DirFS(site), []string{"static/css"}}})
	if !errors.Is(err, ErrFailed) {
		t.Fatalf("build: %v, want ErrFailed", err)
	}
	if text := problems(res); !strings.Contains(text, `static/js/app.js:1:24: imports ./lib.js, which is not in static/`) {
		t.Errorf("with js/lib.js missing and static/css unreadable:\n%s", text)
	}
}
