package build

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestMissingLayoutOfMadePage: a page the site makes with no file of its
// own (the training page, the registration check, the directory, the 404
// page) whose layout is missing is reported as path:line:col, as a page
// with a file is: at the first of the data files it is made from (the
// first school file, the first practitioner file), or, made from none, at
// the layout to add. No problem is left without a place.
func TestMissingLayoutOfMadePage(t *testing.T) {
	src := copySite(t, filepath.Join("..", ".."))
	for _, l := range []string{"training.html", "verify.html", "404.html", "practitioners/list.html"} {
		if err := os.Remove(filepath.Join(src, "layouts", filepath.FromSlash(l))); err != nil {
			t.Fatal(err)
		}
	}
	res, err := Run(Options{Src: src, DryRun: true, Now: fixedNow})
	if !errors.Is(err, ErrFailed) {
		t.Fatalf("build: %v, want ErrFailed", err)
	}
	text := problems(res)
	for _, want := range []string{
		"content/schools/caledonian-school.yaml:1:1: no layout for the page /training/: add layouts/training.html\n",
		"content/practitioners/aelia-thornhurst.yaml:1:1: no layout for the page /verify/: add layouts/verify.html\n",
		"content/practitioners/aelia-thornhurst.yaml:1:1: no layout for the page /practitioners/: add layouts/practitioners/list.html\n",
		"layouts/404.html:1:1: no layout for the page /404.html: add layouts/404.html\n",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in:\n%s", want, text)
		}
	}
	placed := regexp.MustCompile(`^[^: ]+:\d+:\d+: `)
	for _, line := range strings.Split(strings.TrimSpace(text), "\n") {
		if !placed.MatchString(line) {
			t.Errorf("a problem with no path:line:col: %q", line)
		}
	}

	// With no school file, the training page is made from none.
	if err := os.RemoveAll(filepath.Join(src, "content", "schools")); err != nil {
		t.Fatal(err)
	}
	res, _ = Run(Options{Src: src, DryRun: true, Now: fixedNow})
	if want := "layouts/training.html:1:1: no layout for the page /training/: add layouts/training.html\n"; !strings.Contains(problems(res), want) {
		t.Errorf("missing %q in:\n%s", want, problems(res))
	}
}
