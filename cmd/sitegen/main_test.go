package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestExitCodes(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1796083200") // 2026-12-01
	if code, out, _ := runCLI(t, "version"); code != 0 || !strings.HasPrefix(out, "sitegen ") {
		t.Errorf("version: %d %q", code, out)
	}
	if code, out, _ := runCLI(t, "help"); code != 0 || !strings.Contains(out, "sitegen build") {
		t.Errorf("help: %d %q", code, out)
	}
	if code, _, _ := runCLI(t, "-h"); code != 0 {
		t.Errorf("-h: %d", code)
	}
	if code, _, errs := runCLI(t, "frobnicate"); code != 2 || !strings.Contains(errs, "unknown command") {
		t.Errorf("unknown command: %d %q", code, errs)
	}
	if code, _, _ := runCLI(t, "build", "-no-such-flag"); code != 2 {
		t.Errorf("bad flag: %d", code)
	}
	if code, _ := run(nil, &bytes.Buffer{}, &bytes.Buffer{}), 0; code != 2 {
		t.Errorf("no arguments: %d", code)
	}

	// A site with a broken page: exit 1, the problem listed, then a count.
	site := t.TempDir()
	os.MkdirAll(filepath.Join(site, "content"), 0o755)
	os.MkdirAll(filepath.Join(site, "layouts"), 0o755)
	os.WriteFile(filepath.Join(site, "content", "site.yaml"), []byte("title: T\nbase_url: https://example.org/\n"), 0o644)
	os.WriteFile(filepath.Join(site, "layouts", "base.html"), []byte(`{{template "main" .}}`), 0o644)
	os.WriteFile(filepath.Join(site, "layouts", "page.html"), []byte(`{{define "main"}}{{.Page.Content}}{{end}}`), 0o644)
	os.WriteFile(filepath.Join(site, "layouts", "404.html"), []byte(`{{define "main"}}gone{{end}}`), 0o644)
	os.WriteFile(filepath.Join(site, "content", "a.md"), []byte("---\ntitel: A\n---\n"), 0o644)
	out := filepath.Join(t.TempDir(), "public")
	code, _, errs := runCLI(t, "build", "-src", site, "-out", out)
	if code != 1 || !strings.Contains(errs, `content/a.md:2:1: unknown key "titel" in front matter; did you mean "title"?`) || !strings.HasSuffix(strings.TrimSpace(errs), "1 error") {
		t.Errorf("broken site: %d\n%s", code, errs)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Error("a failed first build created the output folder")
	}

	// Fixed: exit 0 and the summary line.
	os.WriteFile(filepath.Join(site, "content", "a.md"), []byte("---\ntitle: A\n---\nHello.\n"), 0o644)
	code, stdout, errs := runCLI(t, "build", "-src", site, "-out", out, "-strict")
	if code != 0 || !strings.HasPrefix(stdout, "built 2 pages, 0 static files") {
		t.Errorf("good site: %d %q %q", code, stdout, errs)
	}
	if _, err := os.Stat(filepath.Join(out, "a", "index.html")); err != nil {
		t.Error(err)
	}
}

func TestSourceDateEpochMustBeANumber(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "yesterday")
	if code, _, errs := runCLI(t, "build", "-out", t.TempDir()); code != 2 || errs != `sitegen build: SOURCE_DATE_EPOCH="yesterday" is not a number of seconds; set it to the seconds since 1970-01-01 UTC, such as $(date +%s), or unset it to use the clock`+"\n" {
		t.Errorf("%d %q", code, errs)
	}
}

// An -out or -src that cannot be right is a command-line mistake (exit 2)
// that touches nothing: least of all a file -out names by accident.
func TestOutputAndSourceMistakesAreUsageErrors(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1796083200")
	dir := t.TempDir()
	notes := filepath.Join(dir, "notes.txt")
	os.WriteFile(notes, []byte("important\n"), 0o644)
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"build", "-src", "../..", "-out", notes}, "output folder " + notes + " is a file, not a folder; choose another -out"},
		{[]string{"build", "-src", "../..", "-out", "../.."}, "output folder ../.. would replace the site root ../..; choose another -out"},
		{[]string{"build", "-src", "../..", "-out", "../../content/public"}, "output folder ../../content/public is inside the site's content/ folder; choose another -out"},
		{[]string{"check", "-src", filepath.Join(dir, "nothing")}, filepath.Join(dir, "nothing") + " has no content/ folder; run sitegen in a site root or pass -src"},
	} {
		code, _, errs := runCLI(t, tc.args...)
		if code != 2 || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d, %q; want 2 and %q", tc.args, code, errs, tc.want)
		}
	}
	if b, err := os.ReadFile(notes); err != nil || string(b) != "important\n" {
		t.Errorf("the file -out named is now %q, %v", b, err)
	}
	if _, err := os.Stat("../../content/public"); !os.IsNotExist(err) {
		t.Error("a refused -out was created")
	}
}

// A base URL from the command line or from Netlify is held to site.yaml's
// rule for base_url; a bad one is a command-line mistake (exit 2) that
// builds nothing.
func TestBadBaseURLIsAUsageError(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1796083200")
	for _, tc := range []struct {
		args []string
		env  map[string]string
		want string
	}{
		{[]string{"-base-url", "https://user:pw@example.org/"}, nil,
			`sitegen build: -base-url "https://user:pw@example.org/" must not carry a user name or password, which every visitor would see; remove the part up to and including the @`},
		{[]string{"-base-url", "https://example.org/a b/"}, nil,
			`sitegen build: -base-url "https://example.org/a b/" contains a space; write each space as %20`},
		{[]string{"-base-url", "example.org"}, nil,
			`sitegen build: -base-url "example.org" must be an absolute http or https address, such as https://example.org/`},
		{[]string{"-base-url", "https://example.org/?x=1"}, nil,
			`sitegen build: -base-url "https://example.org/?x=1" must not have a query (?...); remove the ? and what follows it`},
		{nil, map[string]string{"NETLIFY": "true", "URL": "https://example.org/#main"},
			`sitegen build: URL "https://example.org/#main", the address Netlify gives the site, must not have a fragment (#...); remove the # and what follows it; pass the site's address with -base-url`},
		{nil, map[string]string{"NETLIFY": "true", "CONTEXT": "deploy-preview", "DEPLOY_PRIME_URL": "javascript:alert(1)"},
			`sitegen build: DEPLOY_PRIME_URL "javascript:alert(1)", the address Netlify gives the site, must be an absolute http or https address`},
	} {
		for _, k := range []string{"NETLIFY", "URL", "CONTEXT", "DEPLOY_PRIME_URL", "SITEGEN_PREVIEW"} {
			t.Setenv(k, tc.env[k])
		}
		out := filepath.Join(t.TempDir(), "public")
		code, _, errs := runCLI(t, append([]string{"build", "-src", "../..", "-out", out}, tc.args...)...)
		if code != 2 || !strings.Contains(errs, tc.want) {
			t.Errorf("%v %v: exit %d, %q; want 2 and %q", tc.args, tc.env, code, errs, tc.want)
		}
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Errorf("%v %v: a refused base URL built the site", tc.args, tc.env)
		}
	}
}

// TestCommandLineMistakes: a mistake on the command line is exit status 2
// with one line that says what was wrong, before the usage.
func TestCommandLineMistakes(t *testing.T) {
	t.Setenv("SOURCE_DATE_EPOCH", "1796083200") // 2026-12-01
	src := t.TempDir()
	tests := []struct {
		args  []string
		first string // the first line of stderr
	}{
		{[]string{"new", "article", "-src", src, "X"}, `sitegen new: -src comes after the kind; put flags before it: sitegen new -src ... article "Title"`},
		{[]string{"new", "-src", src, "article"}, `sitegen new: give the article's title after the kind, in quotes: sitegen new article "Title"`},
		{[]string{"new"}, `sitegen new: give the kind of file and its title: sitegen new article "Title"`},
		{[]string{"new", "Safety first"}, `sitegen new: "Safety first" is not a kind of file; the kind comes first: article, practitioner, reading or school`},
		{[]string{"new", "-src", src, "article", "Safety", "first"}, `sitegen new: the title is 2 words with no quotes around them; put it in quotes: sitegen new article "Safety first"`},
		{[]string{"serve", "-addr", "nonsense"}, `sitegen serve: -addr "nonsense" is not an address to listen on; write a host and a port, such as 127.0.0.1:8080, or :8080 for every address of this computer`},
		{[]string{"serve", "-addr", "127.0.0.1:99999"}, `sitegen serve: -addr "127.0.0.1:99999" has no port number (from 0, any free port, to 65535) after its colon; write a host and a port, such as 127.0.0.1:8080, or :8080 for every address of this computer`},
		{[]string{"help", "biuld"}, `sitegen help: unknown command "biuld"; did you mean "build"?`},
		{[]string{"chekc"}, `sitegen: unknown command "chekc"; did you mean "check"?`},
		{[]string{"frobnicate"}, `sitegen: unknown command "frobnicate"`},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, _, errs := runCLI(t, tt.args...)
			first, _, _ := strings.Cut(errs, "\n")
			if code != 2 || first != tt.first {
				t.Errorf("exit %d, first line\n  %s\nwant exit 2 and\n  %s", code, first, tt.first)
			}
		})
	}
	if entries, _ := os.ReadDir(src); len(entries) != 0 {
		t.Errorf("a mistaken sitegen new wrote %v", entries)
	}
}

// TestHelpCommand: sitegen help build prints what sitegen build -h does.
func TestHelpCommand(t *testing.T) {
	for _, cmd := range []string{"build", "serve", "check", "new"} {
		code, out, _ := runCLI(t, "help", cmd)
		_, _, flagHelp := runCLI(t, cmd, "-h")
		if code != 0 || out != flagHelp || !strings.Contains(out, "sitegen "+cmd) {
			t.Errorf("help %s: exit %d\n%s\nwant what %s -h prints:\n%s", cmd, code, out, cmd, flagHelp)
		}
	}
}
