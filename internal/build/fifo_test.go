//go:build unix

package build

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
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
