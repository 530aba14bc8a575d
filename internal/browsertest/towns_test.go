package browsertest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"sitegen/internal/build"
)

// townSitePractitioners are the towns of the practitioners added to North
// East for TestRegionTowns, and how many work in each: with the bundled
// site's own, more than one page of the region.
var townSitePractitioners = []struct {
	town, postcode string
	n              int
}{
	{"Glenford", "NE1 4ST", 70},
	{"Redport", "SR1 3AA", 45},
	{"Thornworth", "DH1 3LE", 5},
}

// buildTownSite builds the bundled site with practitioners added to North
// East until it fills more than one page, and serves it; it returns the
// server's URL (no trailing slash) and the built folder.
func buildTownSite(t *testing.T) (string, string) {
	t.Helper()
	tmp := t.TempDir()
	src := filepath.Join(tmp, "site")
	if err := copyDirs(src, siteRoot, "content", "layouts", "static"); err != nil {
		t.Fatal(err)
	}
	k := 0
	for _, tw := range townSitePractitioners {
		for i := 0; i < tw.n; i++ {
			k++
			slug := fmt.Sprintf("test-practitioner-%03d", k)
			yaml := fmt.Sprintf(`name: Test Practitioner %03d
registration: CST-%06d
certified_until: 2028-01-01
modalities: [Craniosacral therapy]
languages: [English]
accepting_new_clients: %v
home_visits: false
contact: {email: %s@example.org}
locations:
  - {town: %s, region: North East, postcode: %s, lat: 54.9, lon: -1.5, wheelchair_access: %v}
`, k, 500+k, k%2 == 0, slug, tw.town, tw.postcode, k%3 == 0)
			if err := os.WriteFile(filepath.Join(src, "content", "practitioners", slug+".yaml"), []byte(yaml), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	base := "http://" + ln.Addr().String()
	out := filepath.Join(tmp, "public")
	res, err := build.Run(build.Options{Src: src, Out: out, Now: today, BaseURL: base + "/", Strict: true})
	if err != nil {
		ln.Close()
		if res != nil && res.Problems != nil {
			t.Log(res.Problems)
		}
		t.Fatalf("building the site with a large region: %v", err)
	}
	srv := &http.Server{Handler: NewServer(out, netlify), ReadHeaderTimeout: 10 * time.Second}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })
	return base, out
}

// TestRegionTowns: a region of more than one page lists its towns with
// their counts; without JavaScript a visitor reaches a town's list from
// the keyboard and it lists only the practitioners who work there. The
// region page and the town page, like every page type, have zero axe-core
// violations (light and dark), no sideways scrolling at 375 px, every
// link reached by Tab with a visible focus, and valid HTML.
func TestRegionTowns(t *testing.T) {
	need(t, chromiumPath() != "", "no Chromium found: install it (apt-get install chromium) or set CHROME_PATH")
	base, out := buildTownSite(t)
	const region = "/practitioners/region/north-east/"
	const town = region + "town/glenford/"

	tb := newTab(t)
	withoutJS(t, tb)
	openAt := func(path string) {
		t.Helper()
		tb.run(t, "opening "+path, navigate(base+path))
		tb.waitJS(t, `document.readyState === "complete"`, path+" to finish loading")
	}
	openAt(region)
	towns := eval[[]string](t, tb, `[...document.querySelectorAll(".directory-towns li")].map((li) => li.textContent)`)
	if !strings.Contains(strings.Join(towns, "|"), "Glenford (70)") {
		t.Fatalf("the North East page does not list Glenford with its 70 practitioners: %q", towns)
	}
	// By keyboard: focus the town's link and press Enter.
	eval[bool](t, tb, `(document.querySelector('.directory-towns a[href$="/glenford/"]').focus(), true)`)
	tb.key(t, "\r")
	tb.waitJS(t, `location.pathname === "`+town+`" && document.readyState === "complete"`, "Enter on Glenford's link to open its page")
	cards := eval[[]string](t, tb, `[...document.querySelectorAll("#directory-list .practitioner-towns")].map((p) => p.textContent)`)
	if len(cards) != 70 {
		t.Errorf("Glenford's page lists %d practitioners, want 70", len(cards))
	}
	for _, c := range cards {
		if !strings.HasPrefix(c, "Glenford ") {
			t.Errorf("Glenford's page lists a practitioner in %q", c)
			break
		}
	}
	if cur := eval[string](t, tb, `document.querySelector('.directory-towns [aria-current="page"]')?.textContent || ""`); cur != "Glenford" {
		t.Errorf("the town list on Glenford's page marks %q as the current page", cur)
	}

	axe := npmFile("axe-core/axe.min.js")
	var axeSrc []byte
	if axe != "" {
		var err error
		if axeSrc, err = os.ReadFile(axe); err != nil {
			t.Fatal(err)
		}
	}
	tb = newTab(t) // with JavaScript, as the page types are checked
	for _, path := range []string{region, region + "page/2/", town} {
		tb.run(t, "desktop viewport", chromedp.EmulateViewport(1280, 900))
		tb.takeProblems()
		openAt(path)
		for _, p := range tb.takeProblems() {
			t.Errorf("%s: %s", path, p)
		}
		if axeSrc != nil {
			runAxe(t, tb, path, axeSrc)
			tb.run(t, "dark", setMedia("prefers-color-scheme", "dark"))
			runAxe(t, tb, path+" (dark)", axeSrc)
			tb.run(t, "light", setMedia())
		}
		tb.run(t, "375 px viewport", chromedp.EmulateViewport(375, 812, chromedp.EmulateMobile))
		checkNoHorizontalScroll(t, tb, path)
		tb.run(t, "desktop viewport", chromedp.EmulateViewport(1280, 900))
		checkKeyboard(t, tb, path)
	}
	need(t, axeSrc != nil, "axe-core is not installed: run npm ci in .ci/ for the accessibility audit")

	java := lookTool("java")
	jar := npmFile("vnu-jar/build/dist/vnu.jar")
	need(t, java != "" && jar != "", "the Nu Html Checker needs java and npm ci in .ci/")
	files := []string{filepath.Join(out, region, "index.html"), filepath.Join(out, region, "page/2/index.html"), filepath.Join(out, town, "index.html")}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, java, append([]string{"-jar", jar, "--errors-only", "--format", "json"}, files...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	rep := stderr.Bytes()
	if len(bytes.TrimSpace(rep)) == 0 {
		rep = stdout.Bytes()
	}
	var report struct {
		Messages []struct{ Type, URL, Message, Extract string }
	}
	if jerr := json.Unmarshal(rep, &report); jerr != nil {
		t.Fatalf("the Nu Html Checker failed (%v): %s", err, rep)
	}
	for _, m := range report.Messages {
		if m.Type == "error" {
			t.Errorf("%s: %s\n\t%s", m.URL, m.Message, strings.TrimSpace(m.Extract))
		}
	}
}
