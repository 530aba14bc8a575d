package build

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestFolderWhereAFileBelongs: a folder with the name of a file the build
// reads (site.yaml, a page's .md, a practitioner's .yaml) is an error that
// says it is a folder, not a page or a person left out without a word;
// with site.yaml unread, the values its vocabularies would check are not
// each reported as well. The previous site stays as it was.
func TestFolderWhereAFileBelongs(t *testing.T) {
	withAndWithoutOpenat2(t, func(t *testing.T) {
		src := copySite(t, filepath.Join("..", ".."))
		out, before := builtOnce(t, src)
		for _, rel := range []string{"content/site.yaml", "content/articles/safety.md", "content/practitioners/aelia-thornhurst.yaml"} {
			p := filepath.Join(src, filepath.FromSlash(rel))
			if err := os.RemoveAll(p); err != nil {
				t.Fatal(err)
			}
			if err := os.MkdirAll(p, 0o755); err != nil {
				t.Fatal(err)
			}
		}
		res, err := Run(Options{Src: src, Out: out, Now: fixedNow})
		if !errors.Is(err, ErrFailed) {
			t.Fatalf("build: %v, want ErrFailed", err)
		}
		text := problems(res)
		for _, want := range []string{
			"content/articles/safety.md: is a folder, but its name ends in .md, as a page's file does; a page is a file: remove the folder and save the page in a file of that name, or rename the folder without .md\n",
			"content/practitioners/aelia-thornhurst.yaml: is a folder, where a practitioner's details are read from a file of this name; remove the folder and save the details in a file of that name\n",
			"content/site.yaml: is a folder, where a file of this name is read; remove or rename the folder, and save the file in its place\n",
		} {
			if !strings.Contains(text, want) {
				t.Errorf("missing %q in:\n%s", want, text)
			}
		}
		if strings.Contains(text, "is not one of the") || strings.Contains(text, "is not in the topics") {
			t.Errorf("the folder's problem is buried under others:\n%s", text)
		}
		if after := readTree(t, out); !reflect.DeepEqual(before, after) {
			t.Errorf("a failed build changed %s", out)
		}
	})
}
