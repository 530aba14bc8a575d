//go:build unix

package build

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestUnreadableFiles: a page, a practitioner's file and a folder of
// static/ that the system will not let the build read (chmod 000) are
// each an error at their name that says so and what to run, not a page
// or a person left out, and the previous site stays as it was. Run as
// root, which may read anything, the permission cannot be taken away:
// the test is skipped.
func TestUnreadableFiles(t *testing.T) {
	withAndWithoutOpenat2(t, func(t *testing.T) {
		src := copySite(t, filepath.Join("..", ".."))
		out, before := builtOnce(t, src)
		locked := []string{"content/articles/safety.md", "content/practitioners/aelia-thornhurst.yaml", "static/images"}
		for _, rel := range locked {
			p := filepath.Join(src, filepath.FromSlash(rel))
			if err := os.Chmod(p, 0); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { os.Chmod(p, 0o755) })
		}
		if f, err := os.Open(filepath.Join(src, "content", "articles", "safety.md")); err == nil {
			f.Close()
			t.Skip("the system lets this user read a file of mode 000 (root): the permission cannot be taken away")
		}
		res, err := Run(Options{Src: src, Out: out, Now: fixedNow})
		if !errors.Is(err, ErrFailed) {
			t.Fatalf("build: %v, want ErrFailed", err)
		}
		text := problems(res)
		for _, rel := range locked {
			want := rel + ": cannot be read: the system refuses permission; let everyone read it, with chmod -R a+rX " + rel + ", or build as its owner\n"
			if !strings.Contains(text, want) {
				t.Errorf("missing %q in:\n%s", want, text)
			}
		}
		if after := readTree(t, out); !reflect.DeepEqual(before, after) {
			t.Errorf("a failed build changed %s", out)
		}
	})
}
