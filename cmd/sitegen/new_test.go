package main

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
)

// bundledSite copies the repository's site into a temporary folder.
func bundledSite(t *testing.T) string {
	t.Helper()
	site := t.TempDir()
	for _, dir := range []string{"content", "layouts", "static"} {
		from := filepath.Join("..", "..", dir)
		err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			rel, _ := filepath.Rel(from, p)
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			to := filepath.Join(site, dir, rel)
			os.MkdirAll(filepath.Dir(to), 0o755)
			return os.WriteFile(to, data, 0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return site
}

// TestNewFilledInPassesCheck creates each kind of file, checks that its
// placeholders are reported, fills them in as an editor would and checks
// that the site passes.
func TestNewFilledInPassesCheck(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1796083200") // 2026-12-01
	t.Setenv("GITHUB_ACTIONS", "")
	site := bundledSite(t)
	if code, out, errs := runCLI(t, "check", "-src", site, "-drafts"); code != 0 {
		t.Fatalf("the bundled site does not pass check -drafts as it is:\n%s%s", out, errs)
	}
	cases := []struct {
		kind, title, file string
		has               []string
		fill              map[string]string
	}{
		{
			kind: "article", title: "Craniosacral therapy & sleep", file: "content/articles/craniosacral-therapy-sleep.md",
			has: []string{"title: \"Craniosacral therapy \\u0026 sleep\"\n", "date: 2026-12-01\n", "draft: true\n"},
			fill: map[string]string{
				`"TODO: one or two sentences for lists, search results and link previews."`: "How sessions may help some people rest.",
				"tags: [TODO]": "tags: [sleep]",
				"TODO: write the article. Link to other pages by their file, such as [safety](safety.md).": "Read about [safety](safety.md) first.",
			},
		},
		{
			kind: "reading", title: "Anatomy of the pelvis", file: "content/reading/anatomy-of-the-pelvis.md",
			has: []string{"title: \"Anatomy of the pelvis\"\n", "date: 2026-12-01\n", "books:\n"},
			fill: map[string]string{
				`"TODO: who the list is for and what it covers."`: "Books on the bones and membranes of the pelvis.",
				`"TODO: book title"`:                              "An Invented Pelvis Atlas",
				`["TODO: author name"]`:                           "[Imogen Fairweather]",
				`"TODO: publisher"`:                               "Example Press",
				"topics: [TODO]":                                  "topics: [fascia]",
				"year: TODO":                                      "year: 2019",
				"level: TODO":                                     "level: essential",
				"TODO: why to read it, and which chapters.":       "Clear drawings of every joint.",
				"TODO: an introduction to the list.":              "Start with the atlas.",
			},
		},
		{
			kind: "practitioner", title: "Tamsin Rowe-Pellow", file: "content/practitioners/tamsin-rowe-pellow.yaml",
			has: []string{"name: \"Tamsin Rowe-Pellow\"\n", "certified_since: TODO         # YYYY-MM-DD, such as 2026-12-01\n",
				"certified_until: TODO         # YYYY-MM-DD, such as 2027-12-01\n"},
			fill: map[string]string{
				"certified_since: TODO":       "certified_since: 2026-12-01",
				"certified_until: TODO":       "certified_until: 2027-12-01",
				"accepting_new_clients: TODO": "accepting_new_clients: true",
				"home_visits: TODO":           "home_visits: false",
				"wheelchair_access: TODO":     "wheelchair_access: true",
				"year: TODO":                  "year: 2019",
				"website: TODO":               "website: https://example.org/tamsin",
				"school: TODO":                "school: frithwick-college",
				"level: TODO":                 "level: Registered",
				"email: TODO":                 "email: tamsin@example.org",
				`phone: "TODO"`:               `phone: "01632 960777"`,
				`"TODO: practice name"`:       "Pellow House",
				`"TODO: street address"`:      "3 Quay Street",
				"town: TODO":                  "town: Frithwick",
				"region: TODO":                "region: South West",
				"postcode: TODO":              "postcode: TR9 8TR",
				"lat: TODO":                   "lat: 50.7",
				"lon: TODO":                   "lon: -4.3",
				`"TODO: qualification"`:       "Diploma in Craniosacral Therapy",
				"TODO: a few sentences about the practitioner, in the third person.": "Tamsin practises in Frithwick.",
			},
		},
		{
			kind: "school", title: "Penwith School of Cranial Work", file: "content/schools/penwith-school-of-cranial-work.yaml",
			has: []string{"name: \"Penwith School of Cranial Work\"\n", "accredited_until: TODO    # YYYY-MM-DD, such as 2029-12-01\n"},
			fill: map[string]string{
				"website: TODO":          "website: https://example.org/penwith",
				"region: TODO":           "region: South West",
				"email: TODO":            "email: penwith@example.org",
				`phone: "TODO"`:          `phone: "01632 960488"`,
				`"TODO: course title"`:   "Diploma in Craniosacral Therapy",
				"accredited_until: TODO": "accredited_until: 2029-11-30",
				`"TODO: such as 2 years part-time (10 weekend modules)"`: "2 years part-time",
				"format: TODO":                                 "format: In person",
				`"TODO: town, or online"`:                      "Penzance",
				`"TODO: what a student needs before starting"`: "Anatomy and physiology to Level 3",
			},
		},
	}
	for _, c := range cases {
		code, out, errs := runCLI(t, "new", "-src", site, c.kind, c.title)
		if code != 0 || !strings.Contains(out, c.file) {
			t.Fatalf("new %s: exit %d %q %q", c.kind, code, out, errs)
		}
		path := filepath.Join(site, filepath.FromSlash(c.file))
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		for _, h := range c.has {
			if !strings.Contains(text, h) {
				t.Errorf("%s lacks %q:\n%s", c.file, h, text)
			}
		}
		// Made again: refused, the file kept.
		if code, _, errs := runCLI(t, "new", "-src", site, c.kind, c.title); code != 1 || !strings.Contains(errs, "already exists") {
			t.Errorf("new %s twice: exit %d %q", c.kind, code, errs)
		}
		if again, _ := os.ReadFile(path); string(again) != text {
			t.Errorf("new %s twice changed the file", c.kind)
		}
		for from, to := range c.fill {
			if !strings.Contains(text, from) {
				t.Fatalf("%s lacks the placeholder %q:\n%s", c.file, from, text)
			}
			text = strings.Replace(text, from, to, 1)
		}
		if strings.Contains(text, "TODO") {
			t.Fatalf("%s has placeholders the test does not fill:\n%s", c.file, text)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if code, out, errs := runCLI(t, "check", "-src", site, "-drafts"); code != 0 {
		t.Errorf("the filled-in files do not pass check: exit %d\n%s%s", code, out, errs)
	}
}

// TestNewPlaceholdersReported creates each kind of file and fills in only
// the fields that a format check rejects while they say TODO (a level, an
// e-mail address, a postcode...). Every placeholder left is then a warning
// at its line and column, from check and from build alike: the draft
// article's only when drafts are built.
func TestNewPlaceholdersReported(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1796083200") // 2026-12-01
	t.Setenv("GITHUB_ACTIONS", "")
	site := bundledSite(t)
	fill := map[string]map[string]string{
		"content/practitioners/jane-doe.yaml": {
			"certified_since: TODO":       "certified_since: 2026-12-01",
			"certified_until: TODO":       "certified_until: 2027-12-01",
			"accepting_new_clients: TODO": "accepting_new_clients: true",
			"home_visits: TODO":           "home_visits: false",
			"wheelchair_access: TODO":     "wheelchair_access: true",
			"year: TODO":                  "year: 2019",
			"website: TODO":               "website: https://example.org/jane",
			"level: TODO":                 "level: Registered",
			"email: TODO":                 "email: jane@example.org",
			`phone: "TODO"`:               `phone: "01632 960777"`,
			"region: TODO":                "region: South West",
			"postcode: TODO":              "postcode: TR9 8TR",
			"lat: TODO":                   "lat: 50.7",
			"lon: TODO":                   "lon: -4.3",
		},
		"content/reading/x.md":  {"topics: [TODO]": "topics: [fascia]", "year: TODO": "year: 2019", "level: TODO": "level: essential"},
		"content/articles/y.md": {},
	}
	for _, n := range [][2]string{{"practitioner", "Jane Doe"}, {"reading", "X"}, {"article", "Y"}} {
		if code, out, errs := runCLI(t, "new", "-src", site, n[0], n[1]); code != 0 {
			t.Fatalf("new %s: exit %d %q %q", n[0], code, out, errs)
		}
	}
	for file, subs := range fill {
		path := filepath.Join(site, filepath.FromSlash(file))
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		text := string(data)
		for from, to := range subs {
			if !strings.Contains(text, from) {
				t.Fatalf("%s lacks %q:\n%s", file, from, text)
			}
			text = strings.Replace(text, from, to, 1)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	const left = "left to fill in; "
	article := []string{
		`content/articles/y.md:3:14: warning: placeholder "TODO: one or two sentences for lists, search re…" ` + left + "write the description in its place",
		`content/articles/y.md:5:8: warning: placeholder "TODO" ` + left + "write the tags in its place",
		`content/articles/y.md:9:1: warning: placeholder "TODO: write the article. Link to other pages by…" ` + left + "replace it with the text it stands for",
	}
	others := []string{
		`content/practitioners/jane-doe.yaml:16:11: warning: placeholder "TODO: practice name" ` + left + "write the name in its place",
		`content/practitioners/jane-doe.yaml:17:14: warning: placeholder "TODO: street address" ` + left + "write the address in its place",
		`content/practitioners/jane-doe.yaml:18:11: warning: placeholder "TODO" ` + left + "write the town in its place",
		`content/practitioners/jane-doe.yaml:25:12: warning: placeholder "TODO: qualification" ` + left + "write the title in its place",
		`content/practitioners/jane-doe.yaml:26:13: warning: placeholder "TODO" ` + left + "write the school in its place",
		`content/practitioners/jane-doe.yaml:29:3: warning: placeholder "TODO: a few sentences about the practitioner, i…" ` + left + "write a few sentences about the practitioner in its place",
		`content/reading/x.md:3:14: warning: placeholder "TODO: who the list is for and what it covers." ` + left + "write the description in its place",
		`content/reading/x.md:6:12: warning: placeholder "TODO: book title" ` + left + "write the title in its place",
		`content/reading/x.md:7:15: warning: placeholder "TODO: author name" ` + left + "write the authors' names in its place",
		`content/reading/x.md:9:16: warning: placeholder "TODO: publisher" ` + left + "write the publisher in its place",
		`content/reading/x.md:13:7: warning: placeholder "TODO: why to read it, and which chapters." ` + left + "write the note in its place",
		`content/reading/x.md:16:1: warning: placeholder "TODO: an introduction to the list." ` + left + "replace it with the text it stands for",
	}
	lines := func(s string) string { return strings.TrimSpace(s) }
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"check", "-src", site}, others},
		{[]string{"check", "-src", site, "-drafts"}, append(append([]string(nil), article...), others...)},
	} {
		code, out, errs := runCLI(t, tc.args...)
		out = withoutNotices(out) // the bundled register's, as a build lists them
		if code != 1 || lines(out) != strings.Join(tc.want, "\n") {
			t.Errorf("%v: exit %d, want 1; got\n%s\nwant\n%s\n%s", tc.args, code, lines(out), strings.Join(tc.want, "\n"), errs)
		}
	}
	// A build reports them as warnings: a strict build (CI, Netlify) fails
	// and publishes nothing.
	out := filepath.Join(t.TempDir(), "public")
	code, _, errs := runCLI(t, "build", "-src", site, "-out", out, "-strict", "-drafts")
	if code != 1 || lines(errs) != strings.Join(append(append([]string(nil), article...), others...), "\n")+"\n15 warnings (strict: warnings fail too)" {
		t.Errorf("build -strict: exit %d, want 1:\n%s", code, errs)
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("a failed build wrote %s", out)
	}
	code, stdout, errs := runCLI(t, "build", "-src", site, "-out", out)
	if code != 0 || lines(errs) != strings.Join(others, "\n")+"\n12 warnings" || !strings.Contains(stdout, "built ") {
		t.Errorf("build: exit %d, want 0:\n%s%s", code, stdout, errs)
	}
}

func TestNewRegistrationNumber(t *testing.T) {
	site := t.TempDir()
	os.MkdirAll(filepath.Join(site, "content", "practitioners"), 0o755)
	os.WriteFile(filepath.Join(site, "content", "practitioners", "a.yaml"), []byte("name: A\nregistration: CST-000041\n"), 0o644)
	os.WriteFile(filepath.Join(site, "content", "practitioners", "b.yaml"), []byte("name: B\nregistration: CST-000007\n"), 0o644)
	got, err := nextRegistration(site)
	if err != nil || got != "CST-000042" {
		t.Errorf("nextRegistration = %q, %v; want CST-000042", got, err)
	}
	// Quoted either way, a number is still taken.
	os.WriteFile(filepath.Join(site, "content", "practitioners", "c.yaml"), []byte("name: C\nregistration: 'CST-000093'\n"), 0o644)
	os.WriteFile(filepath.Join(site, "content", "practitioners", "d.yaml"), []byte("name: D\nregistration: \"CST-000092\"\n"), 0o644)
	if got, err := nextRegistration(site); err != nil || got != "CST-000094" {
		t.Errorf("nextRegistration = %q, %v; want CST-000094", got, err)
	}
}

// TestNewFileNames: a title in any Latin script gives an ASCII file name,
// the same for every kind.
func TestNewFileNames(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1796083200")
	site := t.TempDir()
	os.MkdirAll(filepath.Join(site, "content", "practitioners"), 0o755)
	for _, kind := range []struct{ name, dir, ext string }{
		{"practitioner", "practitioners", ".yaml"}, {"article", "articles", ".md"}, {"reading", "reading", ".md"},
		{"school", "schools", ".yaml"},
	} {
		for title, file := range map[string]string{"Łukasz Wróbel": "lukasz-wrobel", "Søren Ødegård": "soren-odegard", "Zoë Ægir": "zoe-aegir",
			"Łódź and Søren": "lodz-and-soren", "İstanbul’s Straße": "istanbuls-strasse"} {
			if code, _, errs := runCLI(t, "new", "-src", site, kind.name, title); code != 0 {
				t.Errorf("new %s %q: exit %d, %s", kind.name, title, code, errs)
			}
			if _, err := os.Stat(filepath.Join(site, "content", kind.dir, file+kind.ext)); err != nil {
				t.Errorf("new %s %q: %v", kind.name, title, err)
			}
		}
	}
}

// TestNewKinds: a kind in capitals or the plural is that kind; another
// is refused, with the kind most likely meant, and nothing is written.
func TestNewKinds(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1796083200")
	site := t.TempDir()
	os.MkdirAll(filepath.Join(site, "content"), 0o755)
	for kind, file := range map[string]string{"Articles": "articles/a.md", "SCHOOL": "schools/b.yaml", "readings": "reading/c.md"} {
		name := strings.TrimSuffix(path.Base(file), path.Ext(file))
		if code, _, errs := runCLI(t, "new", "-src", site, kind, name); code != 0 {
			t.Errorf("new %s: exit %d, %s", kind, code, errs)
		} else if _, err := os.Stat(filepath.Join(site, "content", filepath.FromSlash(file))); err != nil {
			t.Errorf("new %s: %v", kind, err)
		}
	}
	const use = "use article, practitioner, reading or school\n"
	for kind, want := range map[string]string{
		"artcle":     `unknown kind "artcle"; did you mean article? `,
		"practioner": `unknown kind "practioner"; did you mean practitioner? `,
		"Books":      `unknown kind "Books"; a book is an entry of a reading list: add it to a list's books, or make a list with sitegen new reading; `,
		"training":   `unknown kind "training"; did you mean school? `,
		"page":       `unknown kind "page"; did you mean article? `,
		"xyz":        `unknown kind "xyz"; `,
	} {
		code, _, errs := runCLI(t, "new", "-src", site, kind, "Zed")
		if want = "sitegen new: " + want + use; code != 2 || errs != want {
			t.Errorf("new %s: exit %d, %q; want 2, %q", kind, code, errs, want)
		}
	}
	if matches, _ := filepath.Glob(filepath.Join(site, "content", "*", "zed*")); len(matches) != 0 {
		t.Errorf("written: %v", matches)
	}
}

// TestNewTitleTooLong: a title that would make a file name longer than a
// URL segment may be is refused before any file is written.
func TestNewTitleTooLong(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1796083200")
	site := t.TempDir()
	os.MkdirAll(filepath.Join(site, "content"), 0o755)
	title := strings.Repeat("Cranial rhythm ", 14) // 196 letters and 13 hyphens in the file name
	code, _, errs := runCLI(t, "new", "-src", site, "article", title)
	want := "sitegen new: the title gives a file name of 209 bytes, more than the 200 a URL segment may have; use a shorter title, and lengthen it in the file afterwards\n"
	if code != 2 || errs != want {
		t.Errorf("exit %d, %q; want 2, %q", code, errs, want)
	}
	if entries, _ := os.ReadDir(filepath.Join(site, "content")); len(entries) != 0 {
		t.Errorf("written: %v", entries)
	}
}

// TestNewPlaceholderInARequiredValue: a placeholder left where the file
// needs a value of its own kind (a date, a number, true or false, a word
// of a vocabulary) is one mistake, reported once, as an error that says
// what to write, not as a format error and a placeholder warning at the
// same place.
func TestNewPlaceholderInARequiredValue(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1796083200") // 2026-12-01
	t.Setenv("GITHUB_ACTIONS", "")
	site := bundledSite(t)
	for _, n := range [][2]string{{"practitioner", "Jane Doe"}, {"reading", "X"}, {"school", "P"}} {
		if code, out, errs := runCLI(t, "new", "-src", site, n[0], n[1]); code != 0 {
			t.Fatalf("new %s: exit %d %q %q", n[0], code, out, errs)
		}
	}
	code, out, _ := runCLI(t, "check", "-src", site)
	if code != 1 {
		t.Fatalf("check: exit %d, want 1\n%s", code, out)
	}
	places := map[string]string{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		parts := strings.SplitN(line, ": ", 2)
		if prev, ok := places[parts[0]]; ok {
			t.Errorf("two problems at %s:\n%s\n%s", parts[0], prev, line)
		}
		places[parts[0]] = line
	}
	for _, want := range []string{
		`content/practitioners/jane-doe.yaml:3:18: placeholder "TODO" left to fill in; write the date of their first certification, as YYYY-MM-DD, in its place`,
		`content/practitioners/jane-doe.yaml:9:24: placeholder "TODO" left to fill in; write true or false in its place`,
		`content/practitioners/jane-doe.yaml:10:14: placeholder "TODO" left to fill in; write true or false in its place`,
		`content/practitioners/jane-doe.yaml:14:12: placeholder "TODO" left to fill in; write the web address in its place`,
		`content/practitioners/jane-doe.yaml:19:13: placeholder "TODO" left to fill in; write the region in its place`,
		`content/practitioners/jane-doe.yaml:21:10: placeholder "TODO" left to fill in; write the latitude in its place`,
		`content/practitioners/jane-doe.yaml:23:24: placeholder "TODO" left to fill in; write true or false in its place`,
		`content/practitioners/jane-doe.yaml:18:11: warning: placeholder "TODO" left to fill in; write the town in its place`,
		`content/practitioners/jane-doe.yaml:26:13: warning: placeholder "TODO" left to fill in; write the school in its place`,
		`content/reading/x.md:8:11: placeholder "TODO" left to fill in; write the year in its place`,
		`content/reading/x.md:10:12: placeholder "TODO" left to fill in; write the level in its place`,
		`content/schools/p.yaml:3:9: placeholder "TODO" left to fill in; write the region in its place`,
		`content/schools/p.yaml:7:23: placeholder "TODO" left to fill in; write the date the accreditation ends, as YYYY-MM-DD, in its place`,
		`content/schools/p.yaml:11:20: warning: placeholder "TODO: what a student needs before starting" left to fill in; write the entry requirements in its place`,
	} {
		if !strings.Contains(out+"\n", want+"\n") {
			t.Errorf("check does not say\n%s\ngot\n%s", want, out)
		}
	}
}

// withoutNotices drops the notices (info) from a check's output.
func withoutNotices(out string) string {
	var keep []string
	for _, l := range strings.SplitAfter(out, "\n") {
		if !strings.Contains(l, ": info: ") {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "")
}
