package browsertest

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"sitegen/internal/build"
)

// The site root holding content/, layouts/ and static/, and the .ci/
// folder with the npm tools.
const (
	siteRoot = "../.."
	ciDir    = "../../.ci"
)

// today is the build's date: practitioners' statuses are computed from it.
var today = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)

// The built bundled site (with the pages of testdata/site), its server and netlify.toml, set by TestMain.
var (
	siteDir  string // the built folder
	siteURL  string // http://127.0.0.1:port, no trailing slash
	netlify  *Netlify
	buildRes *build.Result
)

func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	tmp, err := os.MkdirTemp("", "sitegen-browsertest-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(tmp)
	netlify, err = LoadNetlify(filepath.Join(siteRoot, "netlify.toml"))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	// Listen first: the site is built for the address it is served at, so
	// canonical links, the sitemap and robots.txt agree with the pages.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	siteURL = "http://" + ln.Addr().String()
	siteDir = filepath.Join(tmp, "public")
	// The bundled site, with the pages of testdata/site added: pages that
	// use what editors may write and the bundled content does not.
	src := filepath.Join(tmp, "site")
	if err := copyDirs(src, siteRoot, "content", "layouts", "static"); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	if err := copyDirs(src, "testdata/site", "content"); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	// With raw HTML allowed, as a site may choose, so that the HTML
	// editors paste (/pasted-html/) meets the checks too.
	if err := allowRawHTML(filepath.Join(src, "content", "site.yaml")); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	t := time.Now()
	buildRes, err = build.Run(build.Options{Src: src, Out: siteDir, Now: today, BaseURL: siteURL + "/", Strict: true})
	if err != nil {
		fmt.Fprintln(os.Stderr, "building the bundled site:", err)
		if buildRes != nil && buildRes.Problems != nil {
			fmt.Fprintln(os.Stderr, buildRes.Problems)
		}
		return 1
	}
	fmt.Printf("built the bundled site in %s: %s\n", time.Since(t).Round(time.Millisecond), buildRes.Summary())
	srv := &http.Server{Handler: NewServer(siteDir, netlify), ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	defer srv.Shutdown(context.Background())
	code := m.Run()
	closeBrowser()
	return code
}

// inCI reports a CI run, where a missing tool fails the test instead of
// skipping it.
func inCI() bool { return os.Getenv("CI") == "true" }

// need skips the test (fails it in CI) with a message saying what is
// missing and how to get it.
func need(t testing.TB, ok bool, what string) {
	t.Helper()
	if ok {
		return
	}
	if inCI() {
		t.Fatalf("%s (CI=true: every tool must be installed; .ci/run installs them)", what)
	}
	t.Skipf("skipped: %s", what)
}

// lookTool is the path of a program, or "".
func lookTool(names ...string) string {
	for _, n := range names {
		if p, err := exec.LookPath(n); err == nil {
			return p
		}
	}
	return ""
}

// npmFile is a file under .ci/node_modules, or "" when npm ci has not
// been run.
func npmFile(rel string) string {
	p, err := filepath.Abs(filepath.Join(ciDir, "node_modules", rel))
	if err != nil {
		return ""
	}
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	return p
}

// allowRawHTML turns raw_html on in the site.yaml at name.
func allowRawHTML(name string) error {
	b, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	if !bytes.Contains(b, []byte("raw_html: false")) {
		return fmt.Errorf("%s has no raw_html: false to turn on", name)
	}
	return os.WriteFile(name, bytes.Replace(b, []byte("raw_html: false"), []byte("raw_html: true"), 1), 0o644)
}
