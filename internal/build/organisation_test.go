package build

import (
	"html"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestOrganisationNumberEverywhere: the association's telephone number,
// written in site.yaml in any usual way, is shown and linked in the same
// form as a practitioner's wherever the site gives it: the footer of every
// page, the contact page, the registration check's advice without
// JavaScript and the home page's structured data.
func TestOrganisationNumberEverywhere(t *testing.T) {
	src, yml, data := bundledCopy(t, "content/site.yaml")
	const was = `telephone: "01632 960000"`
	if !strings.Contains(data, was) {
		t.Fatalf("content/site.yaml has no line %s", was)
	}
	write(t, yml, strings.Replace(data, was, `telephone: "+44 (0)1632 960000"`, 1))
	out := filepath.Join(t.TempDir(), "public")
	res, err := Run(Options{Src: src, Out: out, Strict: true, Now: fixedNow, NoMinify: true})
	if err != nil {
		t.Fatalf("build: %v\n%s", err, problems(res))
	}
	const link = `<a href="tel:+441632960000">01632 960000</a>`
	for _, tt := range []struct{ file, want string }{
		{"index.html", "Telephone: " + link},
		{"articles/safety/index.html", "Telephone: " + link},
		{"contact/index.html", "Telephone: " + link},
		{"verify/index.html", "by telephone on " + link},
		{"index.html", `"telephone":"+441632960000"`},
	} {
		data, err := os.ReadFile(filepath.Join(out, tt.file))
		if err != nil {
			t.Fatal(err)
		}
		page := html.UnescapeString(string(data)) // tel:&#43;44 is tel:+44
		if !strings.Contains(page, tt.want) {
			t.Errorf("%s does not give the number as %s", tt.file, tt.want)
		}
		if strings.Contains(page, "(0)1632") {
			t.Errorf("%s gives the number as written in site.yaml, +44 (0)1632 960000", tt.file)
		}
	}
}

// TestTelURL: a layout's telURL links a UK number as every other number
// is linked, and stops the build at the layout rather than publish a
// tel: link that rings nobody.
func TestTelURL(t *testing.T) {
	if got, err := telURL("+44 (0)1632 960000"); err != nil || got != "tel:+441632960000" {
		t.Errorf("telURL = %q, %v; want tel:+441632960000", got, err)
	}
	_, err := telURL("ring us")
	const want = `"ring us" is not a UK telephone number: it holds "r", where only digits, spaces and a + before the country code belong; write it like 01632 960905 or +44 1632 960905`
	if err == nil || err.Error() != want {
		t.Errorf("telURL(\"ring us\") error %v, want %s", err, want)
	}
}
