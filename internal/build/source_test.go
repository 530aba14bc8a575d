package build

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestSiteFSReadsWholeFiles checks the fast reader against os.ReadFile:
// files of every size around its buffer's, an empty file, and the errors
// fs.ReadFile would give.
func TestSiteFSReadsWholeFiles(t *testing.T) {
	withAndWithoutOpenat2(t, testSiteFSReadsWholeFiles)
}

func testSiteFSReadsWholeFiles(t *testing.T) {
	dir := t.TempDir()
	s, err := newSiteFS(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer s.close()
	for _, n := range []int{0, 1, 9000, 64<<10 - 1, 64 << 10, 64<<10 + 1, 300 << 10} {
		data := bytes.Repeat([]byte("0123456789abcdef\n"), n/17+1)[:n]
		name := filepath.Join(dir, "f")
		if err := os.WriteFile(name, data, 0o644); err != nil {
			t.Fatal(err)
		}
		got, err := fs.ReadFile(s, "f")
		if err != nil || !bytes.Equal(got, data) {
			t.Errorf("%d bytes: read %d bytes, %v", n, len(got), err)
		}
		prefix := []byte("kept:")
		got, err = s.readInto(append([]byte(nil), prefix...), "f")
		if err != nil || !bytes.Equal(got, append(prefix, data...)) {
			t.Errorf("%d bytes: readInto gave %d bytes, %v", n, len(got), err)
		}
	}
	if _, err := fs.ReadFile(s, "missing.md"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("missing file: %v, want fs.ErrNotExist", err)
	}
	if _, err := fs.ReadFile(s, "../outside"); !errors.Is(err, fs.ErrInvalid) {
		t.Errorf("path out of the site: %v, want fs.ErrInvalid", err)
	}
	if err := os.Mkdir(filepath.Join(dir, "d"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := fs.ReadFile(s, "d"); err == nil {
		t.Error("reading a folder gave no error")
	}
	if err := os.Symlink("loop", filepath.Join(dir, "loop")); err != nil {
		t.Fatal(err)
	}
	if _, err := fs.ReadFile(s, "loop"); err == nil {
		t.Error("reading a looping link gave no error")
	}
}

// TestWriteCopyOwnsItsBytes checks that a page handed to writeCopy is
// written as it was when handed over, though the render buffer it came
// from is reused at once, as it is for the next page.
func TestWriteCopyOwnsItsBytes(t *testing.T) {
	out := filepath.Join(t.TempDir(), "public")
	o, err := newOutput(Options{Out: out})
	if err != nil {
		t.Fatal(err)
	}
	defer o.discard()
	buf := make([]byte, 0, 64)
	want := map[string]string{}
	for i := range 200 {
		page := fmt.Sprintf("<p>page %d</p>", i)
		buf = append(buf[:0], page...)
		rel := fmt.Sprintf("p%d/index.html", i)
		if err := o.writeCopy(rel, buf); err != nil {
			t.Fatal(err)
		}
		for j := range buf {
			buf[j] = 'x' // the next page's render overwrites the buffer
		}
		want[rel] = page
	}
	if err := o.publish(); err != nil {
		t.Fatal(err)
	}
	for rel, page := range want {
		got, err := os.ReadFile(filepath.Join(out, rel))
		if err != nil || string(got) != page {
			t.Fatalf("%s: %q, %v; want %q", rel, got, err, page)
		}
	}
}

// withAndWithoutOpenat2 runs test with files read as on this kernel, and
// as on one without openat2.
func withAndWithoutOpenat2(t *testing.T, test func(t *testing.T)) {
	t.Run("openat2", test)
	t.Run("root", func(t *testing.T) {
		noOpenat2 = true
		defer func() { noOpenat2 = false }()
		test(t)
	})
}

// TestSymlinksStayInSite: a symbolic link that leads out of the site (to
// /etc/passwd, the build's environment, a page or a layout elsewhere, a
// folder elsewhere) fails the build with an error at the link, and
// nothing of what it points to is published or quoted; links that stay in
// the site, relative or absolute, are followed.
func TestSymlinksStayInSite(t *testing.T) {
	withAndWithoutOpenat2(t, testSymlinksStayInSite)
}

func testSymlinksStayInSite(t *testing.T) {
	parent, elsewhere := t.TempDir(), t.TempDir()
	src := filepath.Join(parent, "site")
	copyDir(t, filepath.Join("testdata", "fixture"), src)
	write := func(p, text string) {
		t.Helper()
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	link := func(target, rel string) {
		t.Helper()
		p := filepath.Join(src, filepath.FromSlash(rel))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.Symlink(target, p); err != nil {
			t.Skip("no symlinks here:", err)
		}
	}
	write(filepath.Join(elsewhere, "secret.md"), "---\ntitle: SECRET page\n---\nSECRET text.\n")
	write(filepath.Join(elsewhere, "secret.html"), `{{define "secret"}}SECRET{{end}}`)
	write(filepath.Join(elsewhere, "dir", "secret.txt"), "SECRET\n")
	write(filepath.Join(elsewhere, "secret.yaml"), "name: SECRET\n")
	write(filepath.Join(src, "static", "shared", "page.md"), "---\ntitle: Shared page\n---\nShared text.\n")
	write(filepath.Join(src, "layouts", "shared", "file.txt"), "shared file\n")
	write(filepath.Join(src, ".git", "config"), "[remote] SECRET token\n")
	write(filepath.Join(src, ".env"), "SECRET=1\n")
	outsideLinks := map[string]string{
		"static/passwd.txt":                  "/etc/passwd",
		"static/env.txt":                     "/proc/self/environ",
		"content/articles/outside.md":        filepath.Join(elsewhere, "secret.md"),
		"layouts/partials/secret.html":       filepath.Join(elsewhere, "secret.html"),
		"static/ext":                         filepath.Join(elsewhere, "dir"),
		"content/practitioners/ann-lee.yaml": filepath.Join(elsewhere, "secret.yaml"),
	}
	// A relative link that climbs out of the site.
	up, err := filepath.Rel(filepath.Join(src, "static"), filepath.Join(elsewhere, "dir", "secret.txt"))
	if err != nil {
		t.Fatal(err)
	}
	outsideLinks["static/up.txt"] = up
	for rel, target := range outsideLinks {
		link(target, rel)
	}
	// Links to the rest of the folder that holds the site, which Netlify
	// builds as the root of the repository.
	repoLinks := map[string]string{
		"static/gitconfig.txt":   "../.git/config",
		"static/dot/env.txt":     filepath.Join(src, ".env"),
		"content/articles/up.md": "../../.env",
	}
	for rel, target := range repoLinks {
		link(target, rel)
	}
	link(filepath.Join(src, "static", "shared", "page.md"), "content/articles/shared.md") // absolute, from one folder to another
	link("../../layouts/shared/file.txt", "static/files/inside.txt")                      // relative, from one folder to another

	out := filepath.Join(parent, "public")
	res, err := Run(Options{Src: src, Out: out, Now: fixedNow})
	if !errors.Is(err, ErrFailed) {
		t.Fatalf("build with links out of the site: %v, want ErrFailed; problems:\n%s", err, problems(res))
	}
	text := problems(res)
	if strings.Contains(text, "SECRET") || strings.Contains(text, "root:") {
		t.Errorf("the problems quote a file outside the site:\n%s", text)
	}
	for rel := range outsideLinks {
		what := "file"
		if rel == "static/ext" {
			what = "folder"
		}
		want := fmt.Sprintf("%s:1:1: is a symbolic link to a %s outside the site; copy the %s into the site instead\n", rel, what, what)
		if !strings.Contains(text, want) {
			t.Errorf("missing %q", want)
		}
		if n := strings.Count(text, rel+":"); n != 1 {
			t.Errorf("%s is reported %d times, want once:\n%s", rel, n, text)
		}
	}
	for rel := range repoLinks {
		want := rel + ":1:1: is a symbolic link to a file outside content/, layouts/ and static/, which is not published; copy the file into one of them instead\n"
		if !strings.Contains(text, want) {
			t.Errorf("missing %q", want)
		}
	}
	if _, err := os.Stat(out); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a failed build published %s: %v", out, err)
	}

	for _, links := range []map[string]string{outsideLinks, repoLinks} {
		for rel := range links {
			os.Remove(filepath.Join(src, filepath.FromSlash(rel)))
		}
	}
	os.Remove(filepath.Join(src, "content", "practitioners"))
	res, err = Run(Options{Src: src, Out: out, Now: fixedNow})
	if err != nil {
		t.Fatalf("build with links in the site: %v\n%s", err, problems(res))
	}
	if page, err := os.ReadFile(filepath.Join(out, "articles", "shared", "index.html")); err != nil || !strings.Contains(string(page), "Shared text.") {
		t.Errorf("the page linked in the site: %q, %v", page, err)
	}
	if file, err := os.ReadFile(filepath.Join(out, "files", "inside.txt")); err != nil || string(file) != "shared file\n" {
		t.Errorf("the static file linked in the site: %q, %v", file, err)
	}
}

// TestSiteFSReadsLargeFilesOnce: a large file of static/ (a video, a
// high-resolution picture) is read into one buffer of its size, not grown
// by doubling and then copied, which took three times the file's size in
// memory; the reader's pool keeps no buffer of that size afterwards.
func TestSiteFSReadsLargeFilesOnce(t *testing.T) {
	withAndWithoutOpenat2(t, func(t *testing.T) {
		dir := t.TempDir()
		if err := os.Mkdir(filepath.Join(dir, "static"), 0o755); err != nil {
			t.Fatal(err)
		}
		const size = 48 << 20
		data := bytes.Repeat([]byte("0123456789abcdef"), size/16)
		if err := os.WriteFile(filepath.Join(dir, "static", "video.mp4"), data, 0o644); err != nil {
			t.Fatal(err)
		}
		s, err := newSiteFS(dir)
		if err != nil {
			t.Fatal(err)
		}
		defer s.close()
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		got, err := fs.ReadFile(s, "static/video.mp4")
		runtime.ReadMemStats(&after)
		if err != nil || !bytes.Equal(got, data) {
			t.Fatalf("read %d bytes, %v", len(got), err)
		}
		if n := after.TotalAlloc - before.TotalAlloc; n > size+size/4 {
			t.Errorf("reading a file of %d MiB allocated %d MiB", size>>20, n>>20)
		}
		if b := readBuffers.Get().(*[]byte); cap(*b) > 1<<20 {
			t.Errorf("the read buffers' pool keeps a buffer of %d MiB", cap(*b)>>20)
		}
	})
}

// TestLargeStaticFileHeldOnce: a build publishes a large file of static/
// holding it in memory once, not once read and again copied.
func TestLargeStaticFileHeldOnce(t *testing.T) {
	src := filepath.Join(t.TempDir(), "site")
	copyDir(t, filepath.Join("testdata", "fixture"), src)
	const size = 64 << 20
	if err := os.WriteFile(filepath.Join(src, "static", "video.mp4"), bytes.Repeat([]byte("0123456789abcdef"), size/16), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	res, err := Run(Options{Src: src, Out: out, Now: fixedNow})
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatalf("%v\n%s", err, problems(res))
	}
	if fi, err := os.Stat(filepath.Join(out, "video.mp4")); err != nil || fi.Size() != size {
		t.Fatalf("video.mp4 published as %v, %v", fi, err)
	}
	if n := after.TotalAlloc - before.TotalAlloc; n > size+size/2 {
		t.Errorf("building a site with a file of %d MiB allocated %d MiB", size>>20, n>>20)
	}
}

// TestLinkedFoldersNotFollowed: a symbolic link to a folder of the site,
// in content/, layouts/ or static/, is not followed (the preview watches no folder
// through a link either) and is a warning that says so, in each folder
// alike; a link that leads nowhere or to itself is an error that says
// what it is, not a file that cannot be read.
func TestLinkedFoldersNotFollowed(t *testing.T) {
	src := filepath.Join(t.TempDir(), "site")
	copyDir(t, filepath.Join("testdata", "fixture"), src)
	if err := os.MkdirAll(filepath.Join(src, "static", "shared"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(src, "static", "shared", "a.txt"), []byte("a\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for rel, target := range map[string]string{
		"static/linked":            "shared",
		"content/linked":           "../static/shared",
		"layouts/linked":           "../static/shared",
		"layouts/gone.html":        "nothing-here.html",
		"static/loop.txt":          "loop.txt",
		"static/gone.txt":          "nothing-here.txt",
		"content/articles/gone.md": "nothing-here.md",
	} {
		if err := os.Symlink(target, filepath.Join(src, filepath.FromSlash(rel))); err != nil {
			t.Skip("no symlinks here:", err)
		}
	}
	res, err := Run(Options{Src: src, DryRun: true, Now: fixedNow})
	if !errors.Is(err, ErrFailed) {
		t.Fatalf("build: %v, want ErrFailed", err)
	}
	text := problems(res)
	for _, want := range []string{
		"content/linked: warning: symbolic link to a folder is not followed; move the folder into content/ instead\n",
		"static/linked: warning: symbolic link to a folder is not followed; move the folder into static/ instead\n",
		"layouts/linked: warning: symbolic link to a folder is not followed; move the folder into layouts/ instead\n",
		"layouts/gone.html: broken or looping symbolic link; remove it or point it at a file\n",
		"static/loop.txt: broken or looping symbolic link; remove it or point it at a file\n",
		"static/gone.txt: broken or looping symbolic link; remove it or point it at a file\n",
		"content/articles/gone.md: broken or looping symbolic link; remove it or point it at a file\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in:\n%s", want, text)
		}
	}
	if strings.Contains(text, "named pipe") || strings.Contains(text, "cannot read") {
		t.Errorf("a link reported as a file that cannot be read:\n%s", text)
	}
}
