//go:build unix

package build

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestNamedPipeIsRefused checks that a named pipe in the site, which a
// plain read would wait on for ever, is an error at its name, and that
// the build still ends.
func TestNamedPipeIsRefused(t *testing.T) {
	withAndWithoutOpenat2(t, func(t *testing.T) {
		src := filepath.Join(t.TempDir(), "site")
		copyDir(t, filepath.Join("testdata", "fixture"), src)
		for _, rel := range []string{"content/articles/pipe.md", "static/pipe.txt", "layouts/partials/pipe.html"} {
			if err := syscall.Mkfifo(filepath.Join(src, filepath.FromSlash(rel)), 0o644); err != nil {
				t.Skip("no named pipes here:", err)
			}
		}
		out := filepath.Join(t.TempDir(), "public")
		res, err := Run(Options{Src: src, Out: out, Now: fixedNow})
		if !errors.Is(err, ErrFailed) {
			t.Fatalf("build with named pipes: %v, want ErrFailed", err)
		}
		text := problems(res)
		for _, rel := range []string{"content/articles/pipe.md", "static/pipe.txt", "layouts/partials/pipe.html"} {
			want := rel + ":1:1: is not a regular file (a named pipe, socket or device), which cannot be published; remove it\n"
			if !strings.Contains(text, want) {
				t.Errorf("missing %q in:\n%s", want, text)
			}
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("a failed build published %s", out)
		}
	})
}

// TestNamedPipeImageEnds: a page and a practitioner's bio that show a
// picture whose file in static/ is a named pipe get no size for it, and
// the build ends with the error at the pipe rather than waiting for a
// writer when it reads the picture's size.
func TestNamedPipeImageEnds(t *testing.T) {
	withAndWithoutOpenat2(t, func(t *testing.T) {
		src := filepath.Join(t.TempDir(), "site")
		copyDir(t, filepath.Join("testdata", "fixture"), src)
		if err := os.MkdirAll(filepath.Join(src, "static", "images"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := syscall.Mkfifo(filepath.Join(src, "static", "images", "pipe.png"), 0o644); err != nil {
			t.Skip("no named pipes here:", err)
		}
		page := "---\ntitle: Pictures\n---\n![A pipe](/images/pipe.png)\n"
		if err := os.WriteFile(filepath.Join(src, "content", "articles", "pictures.md"), []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(t.TempDir(), "public")
		type result struct {
			text string
			err  error
		}
		done := make(chan result, 1)
		go func() {
			res, err := Run(Options{Src: src, Out: out, Now: fixedNow})
			done <- result{problems(res), err}
		}()
		select {
		case r := <-done:
			if !errors.Is(r.err, ErrFailed) {
				t.Fatalf("build with a picture that is a named pipe: %v, want ErrFailed", r.err)
			}
			want := "static/images/pipe.png:1:1: is not a regular file (a named pipe, socket or device), which cannot be published; remove it\n"
			if !strings.Contains(r.text, want) {
				t.Errorf("missing %q in:\n%s", want, r.text)
			}
		case <-time.After(30 * time.Second):
			// Let the build go: open the pipe for writing, once.
			if f, err := os.OpenFile(filepath.Join(src, "static", "images", "pipe.png"), os.O_WRONLY, 0); err == nil {
				f.Close()
			}
			t.Fatal("the build was still waiting after 30s on a picture that is a named pipe")
		}
	})
}

// TestImageLinkOutOfSiteIsNotRead: a picture whose file in static/ is a
// symbolic link out of the site, here to a named pipe that would stall
// any reader, and pictures whose address climbs above the site's root,
// are never opened for their size: the build ends, with the error at the
// link.
func TestImageLinkOutOfSiteIsNotRead(t *testing.T) {
	withAndWithoutOpenat2(t, func(t *testing.T) {
		src, elsewhere := filepath.Join(t.TempDir(), "site"), t.TempDir()
		copyDir(t, filepath.Join("testdata", "fixture"), src)
		pipe := filepath.Join(elsewhere, "pipe.png")
		if err := syscall.Mkfifo(pipe, 0o644); err != nil {
			t.Skip("no named pipes here:", err)
		}
		if err := os.MkdirAll(filepath.Join(src, "static", "images"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(pipe, filepath.Join(src, "static", "images", "out.png")); err != nil {
			t.Skip("no symlinks here:", err)
		}
		rel, err := filepath.Rel(filepath.Join(src, "static"), pipe)
		if err != nil {
			t.Fatal(err)
		}
		page := "---\ntitle: Pictures\n---\n![Out](/images/out.png)\n\n![Up](/" + filepath.ToSlash(rel) + ")\n\n![Up](/%2e%2e/%2e%2e/etc/passwd)\n"
		if err := os.WriteFile(filepath.Join(src, "content", "articles", "pictures.md"), []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
		done := make(chan string, 1)
		go func() {
			res, _ := Run(Options{Src: src, Out: filepath.Join(t.TempDir(), "public"), Now: fixedNow})
			done <- problems(res)
		}()
		select {
		case text := <-done:
			want := "static/images/out.png:1:1: is a symbolic link to a file outside the site; copy the file into the site instead\n"
			if !strings.Contains(text, want) {
				t.Errorf("missing %q in:\n%s", want, text)
			}
		case <-time.After(30 * time.Second):
			if f, err := os.OpenFile(pipe, os.O_WRONLY, 0); err == nil {
				f.Close()
			}
			t.Fatal("the build opened a named pipe outside the site for a picture's size")
		}
	})
}
