package main

import (
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// smallSite is a site with one page, text as given.
func smallSite(t *testing.T, page string) string {
	t.Helper()
	site := t.TempDir()
	files := map[string]string{
		"content/site.yaml": "title: T\nbase_url: https://example.org/\n",
		"layouts/base.html": `{{template "main" .}}`,
		"layouts/page.html": `{{define "main"}}{{.Page.Content}}{{end}}`,
		"layouts/404.html":  `{{define "main"}}gone{{end}}`,
		"content/a.md":      page,
		"content/b.md":      "---\ntitle: B\n---\nB.\n",
	}
	for name, text := range files {
		p := filepath.Join(site, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return site
}

func TestCheckFormats(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1796083200")
	t.Setenv("GITHUB_ACTIONS", "")
	// An error and a warning (a link to a missing page).
	site := smallSite(t, "---\ntitle: A\ntitel: A\n---\nSee [gone](gone.md).\n")
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"check", "-src", site},
			"content/a.md:3:1: unknown key \"titel\" in front matter; did you mean \"title\"?\n" +
				"content/a.md:5:5: warning: link to missing page \"gone.md\" (content/gone.md); check the file name\n"},
		{[]string{"check", "-src", site, "-format", "github"},
			"::error file=content/a.md,line=3,col=1::unknown key \"titel\" in front matter; did you mean \"title\"?\n" +
				"::warning file=content/a.md,line=5,col=5::link to missing page \"gone.md\" (content/gone.md); check the file name\n"},
	}
	for _, c := range cases {
		code, out, _ := runCLI(t, c.args...)
		if code != 1 || out != c.want {
			t.Errorf("%v: exit %d\n%s\nwant exit 1\n%s", c.args, code, out, c.want)
		}
	}

	code, out, _ := runCLI(t, "check", "-src", site, "-format", "json")
	var got struct {
		Problems []struct {
			File, Severity, Message string
			Line, Col               int
		}
		Errors, Warnings int
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	if code != 1 || got.Errors != 1 || got.Warnings != 1 || len(got.Problems) != 2 ||
		got.Problems[0].File != "content/a.md" || got.Problems[0].Line != 3 || got.Problems[1].Severity != "warning" {
		t.Errorf("json: exit %d %+v", code, got)
	}

	// On GitHub Actions the annotations are the default.
	t.Setenv("GITHUB_ACTIONS", "true")
	if _, out, _ := runCLI(t, "check", "-src", site); !strings.HasPrefix(out, "::error file=content/a.md,line=3,col=1::") {
		t.Errorf("GITHUB_ACTIONS=true: %q", out)
	}
	t.Setenv("GITHUB_ACTIONS", "")

	// A warning alone fails the check.
	warn := smallSite(t, "---\ntitle: A\n---\nSee [gone](gone.md).\n")
	if code, _, _ := runCLI(t, "check", "-src", warn); code != 1 {
		t.Errorf("a warning passed the check")
	}
	// A good site passes and nothing is written.
	good := smallSite(t, "---\ntitle: A\n---\nHello.\n")
	code, out, _ = runCLI(t, "check", "-src", good)
	if code != 0 || out != "no problems in 3 pages\n" {
		t.Errorf("good site: exit %d %q", code, out)
	}
	if _, err := os.Stat(filepath.Join(good, "public")); !os.IsNotExist(err) {
		t.Error("check wrote output")
	}
	if code, _, errs := runCLI(t, "check", "-src", good, "-format", "xml"); code != 2 || !strings.Contains(errs, "unknown -format") {
		t.Errorf("bad format: exit %d %q", code, errs)
	}
}

func TestGitHubEscaping(t *testing.T) {
	if got := ghData("50% done\nnext"); got != "50%25 done%0Anext" {
		t.Errorf("ghData: %q", got)
	}
	if got := ghProperty("a,b:c.md"); got != "a%2Cb%3Ac.md" {
		t.Errorf("ghProperty: %q", got)
	}
}

// annExample is a practitioner with only the keys a build requires.
const annExample = `name: Ann Example
registration: CST-000001
certified_until: 2030-12-18
accepting_new_clients: true
home_visits: false
locations:
  - {town: Frithwick, region: South West, postcode: TR9 8TR, lat: 50.7, lon: -4.3, wheelchair_access: true}
`

// registerSite is a small site with the register's layouts, a region and
// the files given, by site path.
func registerSite(t *testing.T, files map[string]string) string {
	t.Helper()
	site := smallSite(t, "---\ntitle: A\n---\nHello.\n")
	all := map[string]string{
		"content/site.yaml":                  "title: T\nbase_url: https://example.org/\nvocabularies: {regions: [South West]}\n",
		"layouts/practitioners/list.html":    `{{define "main"}}list{{end}}`,
		"layouts/practitioners/profile.html": `{{define "main"}}profile{{end}}`,
		"layouts/training.html":              `{{define "main"}}training{{end}}`,
		"layouts/verify.html":                `{{define "main"}}verify{{end}}`,
	}
	maps.Copy(all, files)
	for name, text := range all {
		p := filepath.Join(site, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return site
}

// TestCheckPrintsNotices: check prints a build's notices (a certification
// ending soon) in every format, in order with the problems, and they fail
// nothing.
func TestCheckPrintsNotices(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1796083200") // 2026-12-01
	t.Setenv("GITHUB_ACTIONS", "")
	const file = "content/practitioners/ann-example.yaml"
	practitioner := strings.Replace(annExample, "2030-12-18", "2026-12-18", 1)
	site := registerSite(t, map[string]string{file: practitioner})
	p := filepath.Join(site, filepath.FromSlash(file))
	const msg = "the certification of Ann Example (CST-000001) ends on 18 December 2026, in 17 days; remind them to renew"
	cases := []struct {
		format, want string
	}{
		{"text", file + ":3:18: info: " + msg + "\nno problems in 8 pages\n"},
		{"github", "::notice file=" + file + ",line=3,col=18::" + msg + "\n"},
		{"json", `{
  "problems": [
    {
      "file": "` + file + `",
      "line": 3,
      "col": 18,
      "severity": "info",
      "message": "` + msg + `"
    }
  ],
  "errors": 0,
  "warnings": 0,
  "notices": 1
}
`},
	}
	for _, c := range cases {
		code, out, errs := runCLI(t, "check", "-src", site, "-format", c.format)
		if code != 0 || out != c.want {
			t.Errorf("-format %s: exit %d\n%s%s\nwant exit 0\n%s", c.format, code, out, errs, c.want)
		}
	}

	// With a problem besides, the notice is listed in order and the count
	// names only the problem.
	broken := strings.Replace(practitioner, "home_visits: false\n", "", 1)
	if err := os.WriteFile(p, []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCLI(t, "check", "-src", site)
	want := file + ":1:1: practitioner is missing required key \"home_visits\"; add home_visits: true or false\n" +
		file + ":3:18: info: " + msg + "\n"
	if code != 1 || out != want || errs != "1 error\n" {
		t.Errorf("with an error: exit %d\n%s%s\nwant exit 1\n%s1 error", code, out, errs, want)
	}
}

// TestCheckLeavesOutWorkingFiles: check reads the practitioners' and
// schools' folders by the rule the build keeps: Word's lock file beside a
// practitioner's file that is open in Word, a backup and an Emacs lock
// (a link to nowhere) are no problem, and sitegen new still finds the
// next registration number.
func TestCheckLeavesOutWorkingFiles(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1796083200") // 2026-12-01
	t.Setenv("GITHUB_ACTIONS", "")
	site := registerSite(t, map[string]string{
		"content/practitioners/ann-example.yaml":  annExample,
		"content/practitioners/~$n-example.yaml":  "\x00\x01 a lock file",
		"content/practitioners/ann-example.yaml~": "name: Ann Example\nregistration: CST-000009\n",
		"content/schools/~$ithwick-college.yaml":  "\x00\x01 a lock file",
	})
	// Emacs's lock is a symbolic link to a name that is no file.
	if err := os.Symlink("user@host.1234:1700000000", filepath.Join(site, "content", "practitioners", ".#ann-example.yaml")); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCLI(t, "check", "-src", site)
	if code != 0 || out != "no problems in 8 pages\n" {
		t.Errorf("check: exit %d\n%s%s\nwant exit 0", code, out, errs)
	}
	if got, err := nextRegistration(site); err != nil || got != "CST-000002" {
		t.Errorf("nextRegistration = %q, %v; want CST-000002", got, err)
	}
}
