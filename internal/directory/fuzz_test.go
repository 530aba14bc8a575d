package directory

import (
	"bytes"
	"encoding/json"
	"html"
	"html/template"
	"regexp"
	"strings"
	"testing"

	"sitegen/internal/diag"
)

// FuzzLoad feeds arbitrary practitioner files to the directory. Whatever an
// editor saves, loading must not panic, every problem must point into a
// file, and what is published from a practitioner that loads must keep its
// structure: a vCard whose every line is one property (a value cannot
// start a new one), data files that are valid JSON, and profile pages
// whose JSON-LD marshals.
//
// make test runs the seeds below; go test -fuzz FuzzLoad searches.
func FuzzLoad(f *testing.F) {
	f.Add(aelia)
	for _, s := range []string{
		"name: \"Zoë\\r\\nEND:VCARD\\r\\nBEGIN:VCARD\\r\\nFN:Mallory\"\n",
		"name: a;b,c\\d\nregistration: CST-000001\n",
		"name: [x]\nregistration: 7\ncertified_until: soon\nlocations: {}\n",
		"locations:\n  - {lat: 95, lon: -200, postcode: ZZ99 9ZZ, region: Nowhere}\n",
		"contact: {email: 'a@b', phone: '+44 7700 900123', website: 'javascript:alert(1)'}\n",
		"bio: \"<script>alert(1)</script>\"\nname: </script><!--\n",
		"- not a mapping\n",
		"name: &a x\nregistration: *a\n",
		"name: \"TODO: name\"\nbio: |\n  TODO: a bio.\n\n  TODO\nlocations:\n  - {town: TODO, lat: TODO}\n",
	} {
		f.Add(strings.Replace(aelia, "name: Aelia Thornhurst\n", s, 1))
		f.Add(s)
	}
	const file = "content/practitioners/aelia-thornhurst.yaml"
	const school = "content/schools/frithwick-college.yaml"
	cfg := testConfig(f)
	prop := regexp.MustCompile(`^[A-Z-]+(;[^:]*)?:`)
	f.Fuzz(func(t *testing.T, src string) {
		var l diag.List
		d := Load(testSite(map[string]string{file: src, school: frithwick}), cfg, buildDay, &l)
		lines := map[string]int{file: strings.Count(src, "\n") + 1, school: strings.Count(frithwick, "\n") + 1}
		errs := 0
		for _, p := range l.All() {
			if p.Severity == diag.Error {
				errs++
			}
			n, ok := lines[p.File]
			if !ok || p.Line > n || p.Line < 0 || p.Msg == "" {
				t.Errorf("problem not at a place in a file: %q at %d:%d: %s", p.File, p.Line, p.Col, p.Msg)
			}
		}
		if d == nil {
			return
		}
		for _, p := range d.Practitioners {
			card := string(d.VCard(p))
			if !strings.HasSuffix(card, "\r\n") {
				t.Fatalf("vCard does not end with CRLF: %q", card)
			}
			phys := strings.Split(strings.TrimSuffix(card, "\r\n"), "\r\n")
			var props []string
			for _, ln := range phys {
				if strings.ContainsAny(ln, "\r\n") {
					t.Fatalf("bare line break in the vCard: %q", card)
				}
				if strings.HasPrefix(ln, " ") && len(props) > 0 {
					props[len(props)-1] += ln[1:]
					continue
				}
				props = append(props, ln)
			}
			if props[0] != "BEGIN:VCARD" || props[len(props)-1] != "END:VCARD" {
				t.Fatalf("vCard is not one card: %q", card)
			}
			for _, pr := range props[1 : len(props)-1] {
				if !prop.MatchString(pr) || strings.HasPrefix(pr, "BEGIN:") || strings.HasPrefix(pr, "END:") {
					t.Fatalf("vCard line %q is not one property of the card: %q", pr, card)
				}
			}
		}
		for _, file := range d.Files() {
			if strings.HasSuffix(file.Path, ".json") && !json.Valid(file.Data) {
				t.Fatalf("%s is not valid JSON", file.Path)
			}
		}
		if errs > 0 {
			return // the build stops before pages
		}
		specs, err := d.Pages(cfg, func(s, _ string, _, _ int, _ string) (template.HTML, error) {
			return template.HTML(html.EscapeString(s)), nil
		})
		if err != nil {
			t.Fatalf("Pages: %v", err)
		}
		for _, s := range specs {
			if s.JSONLD == nil {
				continue
			}
			b, err := json.Marshal(s.JSONLD)
			if err != nil {
				t.Fatalf("%s: JSON-LD: %v", s.URL, err)
			}
			if bytes.Contains(b, []byte("</")) || bytes.Contains(b, []byte("<!--")) {
				t.Fatalf("%s: JSON-LD could end its script element: %s", s.URL, b)
			}
		}
	})
}
