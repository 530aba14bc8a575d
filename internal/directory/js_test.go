package directory

import (
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// jsPractitioner makes a practitioner file for the browser tests' fixture:
// flags holds a for accepting new clients, h for home visits and c for a
// paediatric qualification.
func jsPractitioner(name, reg, flags, mods, langs, locs string) string {
	accepting, home := strings.Contains(flags, "a"), strings.Contains(flags, "h")
	quals := ""
	if strings.Contains(flags, "c") {
		quals = "qualifications:\n  - {title: Advanced Certificate in Paediatric Craniosacral Therapy, year: 2015}\n"
	}
	return quals + "name: " + name + "\nregistration: " + reg + "\ncertified_until: 2028-01-01\nlevel: Registered\n" +
		"modalities: [" + mods + "]\nlanguages: [" + langs + "]\n" +
		"accepting_new_clients: " + map[bool]string{true: "true", false: "false"}[accepting] + "\n" +
		"home_visits: " + map[bool]string{true: "true", false: "false"}[home] + "\n" +
		"contact: {email: x@example.org}\nlocations:\n" + locs
}

func jsLocation(town, region, postcode, lat, lon string, wheelchair bool) string {
	wc := "false"
	if wheelchair {
		wc = "true"
	}
	return "  - {town: " + town + ", region: " + region + ", postcode: " + postcode + ", lat: " + lat + ", lon: " + lon + ", wheelchair_access: " + wc + "}\n"
}

// TestJavaScript writes the filter data of a small directory as the
// browser tests' fixture and runs them with node --test. Without node it
// skips, except in CI (CI=true), where it fails.
func TestJavaScript(t *testing.T) {
	d, l := loadSite(t, map[string]string{
		"content/practitioners/alice-lakeby.yaml": jsPractitioner("Alice Lakeby", "CST-000101", "a", "Craniosacral therapy, Reflexology", "English, French",
			jsLocation("Hackney", "London", "E8 1DY", "51.545", "-0.056", false)),
		"content/practitioners/bryn-morvah.yaml": jsPractitioner("Bryn Morvah", "CST-000102", "hc", "Craniosacral therapy", "English, Welsh",
			jsLocation("Cardiff", "Wales", "CF10 1EP", "51.481", "-3.179", false)),
		"content/practitioners/catrin-elan.yaml": jsPractitioner("Catrin Élan", "CST-000103", "a", "Craniosacral therapy, Shiatsu", "Welsh, English",
			jsLocation("Bangor", "Wales", "LL57 1NN", "53.228", "-4.129", true)),
		"content/practitioners/dara-quill.yaml": "conditions: Treats adults only.\n" + jsPractitioner("Dara Quill", "CST-000104", "", "Craniosacral therapy, Reflexology", "English",
			jsLocation("Islington", "London", "N1 2SN", "51.538", "-0.103", true)+jsLocation("Brecon", "Wales", "LD3 7HR", "51.947", "-3.391", false)),
	})
	if l.Len() != 0 {
		t.Fatal(l.All())
	}
	fixture, err := json.MarshalIndent(d.FilterData(), "", " ")
	if err != nil {
		t.Fatal(err)
	}
	// The same data in parts of 3 practitioners, as a larger directory's
	// is written in parts of FilterPartSize.
	parts, err := json.MarshalIndent(FilterParts(d.FilterData(), 3), "", " ")
	if err != nil {
		t.Fatal(err)
	}
	for path, data := range map[string][]byte{"testdata/filter-fixture.json": fixture, "testdata/filter-fixture-parts.json": parts} {
		if *update {
			if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
				t.Fatal(err)
			}
		} else if old, err := os.ReadFile(path); err != nil || string(old) != string(data)+"\n" {
			t.Fatalf("%s is out of date with the filter data; run go test -update", path)
		}
	}

	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("node is required in CI to test static/js/directory-core.js")
		}
		t.Skip("node not found: the browser logic (static/js/directory-core.js) is untested; install Node.js 18 or later")
	}
	cmd := exec.Command(node, "--test", "testdata/js/")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("node --test failed: %v\n%s", err, out)
	}
	if testing.Verbose() {
		t.Logf("%s", out)
	}
}

// TestRegistrationVectors holds the build's normalisation to the vectors
// the browser's is tested against.
func TestRegistrationVectors(t *testing.T) {
	var vectors [][2]string
	src, err := os.ReadFile("testdata/registration-vectors.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(src, &vectors); err != nil {
		t.Fatal(err)
	}
	cfg := testConfig(t)
	for _, v := range vectors {
		if got := cfg.NormalizeRegistration(v[0]); got != v[1] {
			t.Errorf("NormalizeRegistration(%q) = %q, want %q", v[0], got, v[1])
		}
	}
}

// slugCases are the names whose slugs the build and the browser must agree
// on; with the vocabularies of the bundled site.yaml they are written to
// testdata/slug-vectors.json, which the node tests read (directory-core's
// slugify makes a filter's value from the option's name).
var slugCases = []string{
	"Yorkshire and the Humber", "British Sign Language", "İstanbul Turkish", "Zoë Ashworth", "Łódź", "Søren Ødegård",
	"Łukasz Wróbel", "Gruß Straße", "ß", "Zoë Ægir", "Þóra Ðuric", "Œuvre", "Encyclopædia", "ﬁnding", "Wałęsa",
	"Zoe\u0308 decomposed", "DİYARBAKIR", "ıstanbul", "O'Neill", "King’s Lynn", "Brontë’s", "ʼOkina", "'quoted'",
	"Stratford-upon-Avon", "well‐being", "Craniosacral – therapy", "--leading and trailing--", "a  b\tc\nd",
	"Area 51", "M25 corridor", "2026", "CST-000004", "C++ & C#", "Ζωή και ΟΔΟΣ", "Москва", "日本語", "🙂", "", " ",
	"łukasz-wrobel", "Ŋaŋa ĸalâleq", "Cranio\u00adsacral\u200b ther\u200capy", "ＣＳＴ－０００００４　Ｚｏë",
}

// TestSlugVectors holds Slugify to testdata/slug-vectors.json (go test
// -update rewrites it); the node tests hold the browser's slugify to it.
func TestSlugVectors(t *testing.T) {
	cfg := testConfig(t)
	var vectors [][2]string
	seen := map[string]bool{}
	for _, list := range [][]string{slugCases, cfg.Vocab.Regions, cfg.Vocab.Modalities, cfg.Vocab.Languages} {
		for _, s := range list {
			if !seen[s] {
				seen[s] = true
				vectors = append(vectors, [2]string{s, Slugify(s)})
			}
		}
	}
	// One [name, slug] pair a line.
	var lines []string
	for _, v := range vectors {
		var pair strings.Builder
		enc := json.NewEncoder(&pair)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			t.Fatal(err)
		}
		lines = append(lines, " "+strings.TrimSpace(pair.String()))
	}
	data := []byte("[\n" + strings.Join(lines, ",\n") + "\n]")
	const path = "testdata/slug-vectors.json"
	if *update {
		if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	old, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if string(old) != string(data)+"\n" {
		t.Errorf("%s is out of date with Slugify; run go test -update and check the diff", path)
	}
	for in, want := range map[string]string{
		"İstanbul Turkish": "istanbul-turkish", "Zoë Ashworth": "zoe-ashworth", "Łódź": "lodz", "Søren Ødegård": "soren-odegard",
		"Łukasz Wróbel": "lukasz-wrobel", "Gruß Straße": "gruss-strasse", "Zoë Ægir": "zoe-aegir", "Þóra Ðuric": "thora-duric",
		"O'Neill": "oneill", "King’s Lynn": "kings-lynn", "Stratford-upon-Avon": "stratford-upon-avon", "well‐being": "well-being",
		"Area 51": "area-51", "2026": "2026", "Ζωή και ΟΔΟΣ": "", "": "", "łukasz-wrobel": "lukasz-wrobel",
		"Ŋaŋa ĸalâleq": "nganga-kalaleq",
	} {
		if got := Slugify(in); got != want {
			t.Errorf("Slugify(%q) = %q, want %q", in, got, want)
		}
	}
}
