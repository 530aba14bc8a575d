package build

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	stdhtml "html"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/tdewolff/parse/v2"
	"github.com/tdewolff/parse/v2/html"
)

// hostile is markup that must only ever reach a visitor as text.
const hostile = `"'><script>alert(1)</script><img src=x onerror=alert(2)>`

// TestHostileValuesStayText builds the bundled site, with its real
// layouts, after an editor has put markup into every kind of value that
// comes from YAML or front matter: a page's title, description and tags; a
// practitioner's name, location, qualification and bio (Markdown, so
// escaped there); a reading list's
// title, book, publisher and note. Then it reads every file the build
// wrote: no page gains an element, event handler or script that the
// layouts did not write, every inline JSON-LD block is valid JSON, every
// JSON file parses, and every XML file is well-formed.
func TestHostileValuesStayText(t *testing.T) {
	src := copySite(t, bundledRoot)
	q := func(s string) string { b, _ := json.Marshal(s); return string(b) } // a YAML double-quoted string
	write(t, filepath.Join(src, "content/articles/hostile.md"), "---\ntitle: "+q("Title "+hostile)+
		"\ndescription: "+q("Description "+hostile)+"\ndate: 2026-01-05\ntags: ["+q("tag "+hostile)+
		"]\n---\n\nBody text about certification.\n\n## Heading "+strings.ReplaceAll(hostile, "<", `\<`)+"\n\nMore text.\n")
	aelia, err := os.ReadFile(filepath.Join(src, "content/practitioners/aelia-thornhurst.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	p := strings.NewReplacer(
		"name: Aelia Thornhurst", "name: "+q("Aelia "+hostile),
		"name: Frithwick Wellbeing Centre", "name: "+q("Centre "+hostile),
		"address: 12 Example Lane", "address: "+q("12 Example Lane "+hostile),
		"title: Diploma in Craniosacral Therapy", "title: "+q("Diploma "+hostile),
		"bio: |\n", "bio: |\n  "+strings.ReplaceAll(hostile, "<", `\<`)+"\n",
	).Replace(string(aelia))
	write(t, filepath.Join(src, "content/practitioners/aelia-thornhurst.yaml"), p)
	write(t, filepath.Join(src, "content/reading/hostile.md"), "---\ntitle: "+q("List "+hostile)+
		"\ndescription: "+q("About "+hostile)+"\nbooks:\n  - title: "+q("Book "+hostile)+
		"\n    authors: ["+q("Author "+hostile)+"]\n    publisher: "+q("Press "+hostile)+
		"\n    level: essential\n    topics: [cst]\n    note: "+q("Note "+hostile)+"\n---\n\nA list.\n")

	out := filepath.Join(t.TempDir(), "public")
	res, err := Run(Options{Src: src, Out: out, Now: fixedNow})
	if err != nil {
		t.Fatalf("build: %v\n%s", err, problems(res))
	}
	seen := 0 // pages where the hostile text arrived, as text
	for name, data := range readTree(t, out) {
		switch filepath.Ext(name) {
		case ".html":
			msg, asText := injected(data)
			if msg != "" {
				t.Errorf("%s: %s", name, msg)
			}
			if asText {
				seen++
			}
		case ".json":
			if !json.Valid(data) {
				t.Errorf("%s is not valid JSON", name)
			}
		case ".xml":
			d := xml.NewDecoder(bytes.NewReader(data))
			for {
				if _, err := d.Token(); err != nil {
					if !errors.Is(err, io.EOF) {
						t.Errorf("%s is not well-formed XML: %v", name, err)
					}
					break
				}
			}
		}
	}
	// The article, its tag page, the section and tags lists, the profile,
	// the region and directory lists, the reading list and its index.
	t.Logf("the hostile markup arrived as text on %d pages", seen)
	if seen < 8 {
		t.Errorf("the hostile text reached only %d pages as text; the test is not exercising the layouts", seen)
	}
}

// injected describes the first thing in a published page that the
// layouts never write: an event handler attribute, a script that is
// neither an asset nor JSON-LD, an img without a site or https source, or
// JSON-LD that is not valid JSON (a value that broke out of it). asText
// reports whether the hostile markup is in the page's text.
func injected(page []byte) (msg string, asText bool) {
	l := html.NewLexer(parse.NewInputBytes(page))
	tag, script := "", ""
	for {
		tt, data := l.Next()
		switch tt {
		case html.ErrorToken:
			return "", asText
		case html.StartTagToken:
			tag = strings.ToLower(string(l.Text()))
			if tag == "script" {
				script = ""
			}
		case html.AttributeToken:
			name, val := strings.ToLower(string(l.Text())), strings.Trim(string(l.AttrVal()), `"'`)
			switch {
			case strings.HasPrefix(name, "on"):
				return "an event handler " + string(data), asText
			case tag == "script" && name == "src" && !strings.HasPrefix(val, "/assets/"):
				return "a script from " + val, asText
			case tag == "script" && name == "type":
				script = val
			case tag == "img" && name == "src" && !strings.HasPrefix(val, "/") && !strings.HasPrefix(val, "https://"):
				return "an image from " + val, asText
			}
		case html.TextToken:
			if tag != "script" {
				asText = asText || strings.Contains(stdhtml.UnescapeString(string(l.Text())), "<script>alert(1)</script>")
				break
			}
			switch script {
			case "application/ld+json":
				if !json.Valid(l.Text()) {
					return "JSON-LD that does not parse: " + string(l.Text()), asText
				}
			default:
				if len(bytes.TrimSpace(l.Text())) > 0 {
					return "an inline script: " + string(l.Text()), asText
				}
			}
		case html.EndTagToken:
			tag = ""
		}
	}
}

func TestInjected(t *testing.T) {
	for _, bad := range []string{
		`<p>x<img src=x onerror=alert(2)></p>`,
		`<title>a</title><script>alert(1)</script>`,
		`<script type="application/ld+json">{"name":"a</script><script>alert(1)</script>`,
		`<script src="https://cdn.example.org/x.js"></script>`,
		`<a href=/ ONCLICK="x">y</a>`,
	} {
		if msg, _ := injected([]byte(bad)); msg == "" {
			t.Errorf("injected(%s) found nothing", bad)
		}
	}
	safe := `<title>&lt;script>alert(1)&lt;/script></title><script type=module src=/assets/search.1.js></script>` +
		`<script type="application/ld+json">{"name":"\u003cscript\u003e"}</script><img src="/a.png" alt="">`
	if msg, asText := injected([]byte(safe)); msg != "" || !asText {
		t.Errorf("injected(safe page) = %q, %v", msg, asText)
	}
}
