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
