package directory

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"html/template"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"sitegen/internal/config"

	"github.com/yuin/goldmark"
)

var update = flag.Bool("update", false, "rewrite golden files")

// markdown renders like the site's shared renderer: goldmark without raw
// HTML.
func markdown(md, _ string, _, _ int, _ string) (template.HTML, error) {
	var b bytes.Buffer
	if err := goldmark.Convert([]byte(md), &b); err != nil {
		return "", err
	}
	return template.HTML(b.String()), nil
}

// pageData is what the base layout gives a template.
type pageData struct {
	Page struct {
		Title, URL string
		Data       any
	}
	Site struct{ Config *config.Config }
}

// render runs a page through its layout file and a minimal base that only
// calls "main", with the build's function names (asset stubbed, and
// number, which puts commas in counts of 1,000 or more, as plain digits).
func render(t testing.TB, cfg *config.Config, p PageSpec) string {
	t.Helper()
	funcs := template.FuncMap{
		"asset":  func(name string) string { return "/" + name },
		"date":   func(layout string, t time.Time) string { return t.Format(layout) },
		"number": strconv.Itoa,
	}
	src, err := os.ReadFile(filepath.Join("../../layouts", p.Template))
	if err != nil {
		t.Fatal(err)
	}
	tpl := template.Must(template.New("base").Funcs(funcs).Parse(`<h1>{{.Page.Title}}</h1>{{template "main" .}}`))
	if _, err := tpl.Parse(string(src)); err != nil {
		t.Fatalf("%s: %v", p.Template, err)
	}
	var d pageData
	d.Page.Title, d.Page.URL, d.Page.Data = p.Title, p.URL, p.Data
	d.Site.Config = cfg
	var b strings.Builder
	if err := tpl.ExecuteTemplate(&b, "base", d); err != nil {
		t.Fatalf("%s: %v", p.URL, err)
	}
	return b.String()
}

const lapsedPractitioner = `name: Cerys Llewdale
registration: CST-000031
certified_since: 2010-01-05
certified_until: 2025-11-14
level: Registered
modalities: [Craniosacral therapy]
languages: [English]
accepting_new_clients: false
home_visits: false
contact: {email: cerys@example.org}
locations:
  - {town: Lewes, region: South East, postcode: bn72an, lat: 50.873, lon: 0.009, wheelchair_access: false}
`

// hostile puts markup and vCard delimiters in every free-text field.
const hostile = `name: "</script><script>alert(1)</script> O'Brien, Jr; \\ Esq"
registration: CST-000777
certified_until: 2027-06-30
level: Advanced
conditions: "<b>Supervised</b> & \"careful\""
modalities: [Craniosacral therapy]
languages: [English]
accepting_new_clients: true
home_visits: true
contact: {email: "x@example.org", phone: "+44 (0)20 7946 0123", website: "https://example.org/?a=1&b='x'"}
locations:
  - name: "<img src=x onerror=alert(1)>"
    address: "1 Quote \" Street; Flat 2, Back"
    town: "Town</a><script>"
    region: London
    postcode: n1 2sn
    lat: 51.538
    lon: -0.103
    wheelchair_access: true
bio: |
  Works with [a link](javascript:alert(1)) and **bold** text.
`

func fixture(t testing.TB) (*Directory, *config.Config) {
	t.Helper()
	return fixtureWith(t, lapsedPractitioner)
}

// fixtureWith is the fixture with lapsed as the lapsed practitioner's file.
func fixtureWith(t testing.TB, lapsed string) (*Directory, *config.Config) {
	t.Helper()
	cfg := testConfig(t)
	d, l := loadSite(t, map[string]string{
		"content/practitioners/aelia-thornhurst.yaml": aelia,
		"content/practitioners/cerys-llewdale.yaml":   lapsed,
		"content/practitioners/hostile.yaml":          hostile,
		"content/schools/frithwick-college.yaml":      frithwick,
	})
	if n := l.Count(0); n != 0 {
		t.Fatalf("fixture problems: %v", l.All())
	}
	return d, cfg
}

func pageByURL(t testing.TB, pages []PageSpec, url string) PageSpec {
	t.Helper()
	for _, p := range pages {
		if p.URL == url {
			return p
		}
	}
	t.Fatalf("no page %s", url)
	return PageSpec{}
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the golden file; run go test -update and review the diff\n--- got ---\n%s", name, got)
	}
}

func TestPagesGolden(t *testing.T) {
	d, cfg := fixture(t)
	pages, err := d.Pages(cfg, markdown)
	if err != nil {
		t.Fatal(err)
	}
	var urls []string
	for _, p := range pages {
		urls = append(urls, p.URL+" "+p.Template)
	}
	golden(t, "pages.txt", strings.Join(urls, "\n")+"\n")
	for _, c := range []struct{ url, file string }{
		{"/practitioners/", "list.html"},
		{"/practitioners/region/south-west/", "region.html"},
		{"/practitioners/aelia-thornhurst/", "profile.html"},
		{"/practitioners/hostile/", "hostile.html"},
		{"/verify/", "verify.html"},
		{"/training/", "training.html"},
	} {
		p := pageByURL(t, pages, c.url)
		out := render(t, cfg, p)
		if p.JSONLD != nil {
			ld, err := json.MarshalIndent(p.JSONLD, "", " ")
			if err != nil {
				t.Fatal(err)
			}
			out += "\n<!-- JSON-LD -->\n" + string(ld) + "\n"
		}
		golden(t, c.file, out)
	}
}

// TestCredentialLD checks a profile's credential against schema.org: an
// EducationalOccupationalCredential has no validFrom or validUntil, so the
// certification's dates are its dateCreated and expires (from
// CreativeWork), and the association that recognises it is the
// Organization the home page describes.
func TestCredentialLD(t *testing.T) {
	d, cfg := fixture(t)
	pages, err := d.Pages(cfg, markdown)
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(pageByURL(t, pages, "/practitioners/aelia-thornhurst/").JSONLD)
	if err != nil {
		t.Fatal(err)
	}
	var ld struct {
		Credential map[string]any `json:"hasCredential"`
	}
	if err := json.Unmarshal(data, &ld); err != nil {
		t.Fatal(err)
	}
	c := ld.Credential
	// The credential's own properties, and those of CreativeWork and
	// Thing that a credential may use.
	defined := map[string]bool{"@type": true, "@id": true,
		"competencyRequired": true, "credentialCategory": true, "educationalLevel": true, "recognizedBy": true, "validFor": true, "validIn": true,
		"dateCreated": true, "datePublished": true, "dateModified": true, "expires": true, "about": true, "description": true, "identifier": true, "name": true, "url": true}
	for k := range c {
		if !defined[k] {
			t.Errorf("hasCredential has %q, which schema.org does not define on an EducationalOccupationalCredential", k)
		}
	}
	for k, want := range map[string]any{"@type": "EducationalOccupationalCredential", "identifier": "CST-000004", "dateCreated": "2015-06-01", "expires": "2027-02-19", "educationalLevel": "Registered"} {
		if c[k] != want {
			t.Errorf("hasCredential %s = %v, want %v", k, c[k], want)
		}
	}
	org, _ := c["recognizedBy"].(map[string]any)
	if org["@type"] != "Organization" || org["@id"] != cfg.OrgID() || org["name"] != cfg.OrgName() || org["url"] != cfg.BaseURL {
		t.Errorf("hasCredential recognizedBy = %v, want the Organization %s, %q", c["recognizedBy"], cfg.OrgID(), cfg.OrgName())
	}
}

func TestPagesContent(t *testing.T) {
	d, cfg := fixture(t)
	pages, err := d.Pages(cfg, markdown)
	if err != nil {
		t.Fatal(err)
	}
	// A lapsed practitioner's former profile says they are not on the
	// register, links to the check of their number, and gives no way to
	// contact them; it is kept out of the sitemap and search engines, and
	// the site's search finds it by the name.
	lapsed := pageByURL(t, pages, "/practitioners/cerys-llewdale/")
	// Its title uses the word the registration check uses for the same
	// state, so a patient who meets both reads one answer.
	if lapsed.Title != "Cerys Llewdale: registration lapsed" {
		t.Errorf("a lapsed practitioner's former profile is titled %q, want the check's word, lapsed", lapsed.Title)
	}
	if lapsed.Template != LapsedTemplate || !lapsed.NoIndex || !lapsed.Search {
		t.Errorf("a lapsed practitioner's former profile: template %s, noindex %v, search %v; want %s, noindex, searched", lapsed.Template, lapsed.NoIndex, lapsed.Search, LapsedTemplate)
	}
	old := render(t, cfg, lapsed)
	for _, want := range []string{"Cerys Llewdale is not currently a certified practitioner", `<a href="/verify/?reg=CST-000031">check CST-000031 now</a>`, `href="/practitioners/"`, "14 November 2025"} {
		if !strings.Contains(old, want) {
			t.Errorf("a lapsed practitioner's former profile lacks %q", want)
		}
	}
	for _, not := range []string{"cerys@example.org", "mailto:", "tel:", ".vcf"} {
		if strings.Contains(old, not) {
			t.Errorf("a lapsed practitioner's former profile has %q; it must give no way to book them", not)
		}
	}
	list := render(t, cfg, pageByURL(t, pages, "/practitioners/"))
	for _, want := range []string{"Sample data:", `href="/practitioners/aelia-thornhurst/"`, `<h2 id="h-south-west"><a href="/practitioners/region/south-west/">South West</a></h2>`,
		`data-directory="` + strings.Join(d.FilterDataURLs(), " ") + `"`, `role="status"`, `<label for="f-region">`, `<legend>Only practitioners who</legend>`,
		// A card names the level as a level, so "Registered" is not read
		// as the state of the registration beside it.
		`<p class="practitioner-meta">Registered level · <span class="practitioner-reg">CST-000004</span></p>`} {
		if !strings.Contains(list, want) {
			t.Errorf("the directory lacks %q", want)
		}
	}
	if strings.Contains(list, "Cerys") {
		t.Error("the directory lists a lapsed practitioner")
	}
	profile := render(t, cfg, pageByURL(t, pages, "/practitioners/aelia-thornhurst/"))
	for _, want := range []string{"CST-000004", "19 February 2027", `href="tel:&#43;441632960905">01632 960905</a>`,
		`href="mailto:aelia@example.org"`, `href="https://www.openstreetmap.org/?mlat=50.70614&amp;mlon=-4.32072#map=16/50.70614/-4.32072"`,
		`<a href="/training/#frithwick-college">Frithwick College of Craniosacral Therapy</a>`, `<em>Frithwick</em>`, `href="/practitioners/aelia-thornhurst.vcf"`} {
		if !strings.Contains(profile, want) {
			t.Errorf("the profile lacks %q", want)
		}
	}
	verify := render(t, cfg, pageByURL(t, pages, "/verify/"))
	for _, want := range []string{"<noscript>", `href="mailto:info@example.org"`, "01632 960000", `data-index="` + d.VerifyIndexURL() + `"`, `<label for="verify-reg">`} {
		if !strings.Contains(verify, want) {
			t.Errorf("the registration check lacks %q", want)
		}
	}
	training := render(t, cfg, pageByURL(t, pages, "/training/"))
	if !strings.Contains(training, `id="frithwick-college"`) || strings.Contains(training, "Old Certificate") {
		t.Errorf("training page: want the school's anchor and no lapsed course:\n%s", training)
	}
}

// TestEscaping renders a practitioner whose every field holds markup and
// checks that none of it survives as markup anywhere it is published.
func TestEscaping(t *testing.T) {
	d, cfg := fixture(t)
	pages, err := d.Pages(cfg, markdown)
	if err != nil {
		t.Fatal(err)
	}
	for _, url := range []string{"/practitioners/", "/practitioners/region/london/", "/practitioners/hostile/"} {
		out := render(t, cfg, pageByURL(t, pages, url))
		for _, bad := range []string{"<script>alert", "<b>Supervised", "<img src=x", "</a><script>", `href="javascript:`} {
			if strings.Contains(out, bad) {
				t.Errorf("%s contains %q unescaped", url, bad)
			}
		}
		if url == "/practitioners/hostile/" && !strings.Contains(out, "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; O&#39;Brien") {
			t.Errorf("%s does not show the name as text", url)
		}
	}
	ld, _ := json.Marshal(pageByURL(t, pages, "/practitioners/hostile/").JSONLD)
	if bytes.Contains(ld, []byte("</script")) || bytes.Contains(ld, []byte("<img")) || !bytes.Contains(ld, []byte(`\u003c/script\u003e`)) {
		t.Errorf("JSON-LD is not safe inside a script element: %s", ld)
	}
	for _, f := range d.Files() {
		if strings.HasSuffix(f.Path, ".json") && (bytes.Contains(f.Data, []byte("<")) || bytes.Contains(f.Data, []byte(">"))) {
			t.Errorf("%s holds a raw < or >", f.Path)
		}
	}
}

func TestBioRenderErrorsNameTheFile(t *testing.T) {
	d, cfg := fixture(t)
	_, err := d.Pages(cfg, func(string, string, int, int, string) (template.HTML, error) { return "", os.ErrInvalid })
	if err == nil || !strings.Contains(err.Error(), "content/practitioners/aelia-thornhurst.yaml:23:1: rendering the bio: invalid argument") {
		t.Errorf("err = %v", err)
	}
}

func TestRegionPagination(t *testing.T) {
	files := map[string]string{"content/schools/frithwick-college.yaml": frithwick}
	for i := 0; i < 2*PageSize+5; i++ {
		reg := "CST-" + leftPad(i+1)
		slug := "p-" + leftPad(i+1)
		files["content/practitioners/"+slug+".yaml"] = strings.NewReplacer("CST-000004", reg, "name: Aelia Thornhurst", "name: Person "+leftPad(i+1)).Replace(aelia)
	}
	d, l := loadSite(t, files)
	if l.Len() != 0 {
		t.Fatal(l.All()[0])
	}
	cfg := testConfig(t)
	pages, err := d.Pages(cfg, markdown)
	if err != nil {
		t.Fatal(err)
	}
	overview := pageByURL(t, pages, "/practitioners/").Data.(ListData)
	if overview.Inline || overview.Groups[len(overview.Groups)-2].Count != 2*PageSize+5 {
		t.Errorf("a large directory's overview must link to regions, not list everyone")
	}
	p3 := pageByURL(t, pages, "/practitioners/region/south-west/page/3/")
	data := p3.Data.(ListData)
	if len(data.Groups[0].Cards) != 5 || data.PrevURL != "/practitioners/region/south-west/page/2/" || data.NextURL != "" || data.Pages != 3 {
		t.Errorf("page 3: %d cards, prev %q next %q pages %d", len(data.Groups[0].Cards), data.PrevURL, data.NextURL, data.Pages)
	}
	out := render(t, cfg, p3)
	if !strings.Contains(out, `<a href="/practitioners/region/south-west/page/3/" aria-current="page" aria-label="3: Person 000201 to Person 000205">3</a>`) {
		t.Errorf("page 3 does not mark itself current, or its link does not say whom it lists:\n%s", out)
	}
	// Each page's link says whom that page lists, as a screen reader reads it.
	if !strings.Contains(out, `<a href="/practitioners/region/south-west/page/2/" aria-label="2: Person 000101 to Person 000200">2</a>`) {
		t.Errorf("the link to page 2 does not say it lists Person 000101 to Person 000200:\n%s", out)
	}
	pageByURL(t, pages, "/practitioners/region/wales/") // empty regions still have a page
	// Search lists a region's first page; the others continue its list.
	for u, want := range map[string]bool{
		"/practitioners/": true, "/practitioners/region/south-west/": true,
		"/practitioners/region/south-west/page/2/": false, "/practitioners/region/south-west/page/3/": false,
		"/verify/": true, "/training/": true, "/practitioners/p-000001/": false,
	} {
		if got := pageByURL(t, pages, u).Search; got != want {
			t.Errorf("%s: Search = %v, want %v", u, got, want)
		}
	}
}

func leftPad(n int) string { return fmt.Sprintf("%06d", n) }

// TestFilterChoices: the directory's therapy and language filters offer
// only what some but not all listed practitioners have, in the
// vocabulary's order: a choice nobody offers would only lead to "No
// practitioners match" (a lapsed practitioner is not listed), and one
// everybody offers, here craniosacral therapy and English, narrows
// nothing.
func TestFilterChoices(t *testing.T) {
	lapsed := strings.NewReplacer("modalities: [Craniosacral therapy]", "modalities: [Craniosacral therapy, Reiki]",
		"languages: [English]", "languages: [English, Polish]").Replace(lapsedPractitioner)
	d, cfg := fixtureWith(t, lapsed)
	pages, err := d.Pages(cfg, markdown)
	if err != nil {
		t.Fatal(err)
	}
	ld := pageByURL(t, pages, "/practitioners/").Data.(ListData)
	labels := func(os []Option) string {
		var out []string
		for _, o := range os {
			out = append(out, o.Value+"="+o.Label)
		}
		return strings.Join(out, ", ")
	}
	// Everyone offers craniosacral therapy: the filter offers the therapies
	// beside it, and says so, not "Therapy".
	out := render(t, cfg, pageByURL(t, pages, "/practitioners/"))
	if !strings.Contains(out, `<label for="f-modality">Also offers</label>`) || strings.Contains(out, ">Therapy<") || strings.Contains(out, "Any therapy") {
		t.Errorf("the therapies filter is not labelled \"Also offers\":\n%s", out)
	}
	if !strings.Contains(out, `name="modality"`) {
		t.Errorf("the therapies filter's parameter is no longer modality, which shared links use:\n%s", out)
	}
	if got, want := labels(ld.Modalities), "visceral-manipulation=Visceral manipulation"; got != want {
		t.Errorf("therapies offered: %s, want %s", got, want)
	}
	if got, want := labels(ld.Languages), "welsh=Welsh"; got != want {
		t.Errorf("languages offered: %s, want %s", got, want)
	}
}

// TestRegionTowns: a region too large for one page lists its towns, each
// with how many practitioners work there, on every one of its pages, and
// each town has pages of its own listing only the practitioners who work
// there (by name, in pages of PageSize), so that a visitor without
// JavaScript can find someone near them without reading every page of the
// region. Spellings of one town that make the same slug ("St Ives", "St.
// Ives") are one town, named as most practitioners write it. A region
// that fits on one page stays as it was.
// southWestTowns is a directory whose South West is too large for one
// page: 110 practitioners in Frithwick, 90 in Netherley, 5 in St Ives
// (spelt two ways), and one practitioner in Wales, a region of one page.
func southWestTowns(t *testing.T) ([]PageSpec, *config.Config) {
	t.Helper()
	files := map[string]string{"content/schools/frithwick-college.yaml": frithwick}
	town := func(i int) string {
		switch {
		case i < PageSize+10:
			return "Frithwick"
		case i < 2*PageSize:
			return "Netherley"
		case i < 2*PageSize+3:
			return "St Ives"
		default:
			return "St. Ives"
		}
	}
	for i := 0; i < 2*PageSize+5; i++ {
		reg := "CST-" + leftPad(i+1)
		slug := "p-" + leftPad(i+1)
		files["content/practitioners/"+slug+".yaml"] = strings.NewReplacer("CST-000004", reg, "name: Aelia Thornhurst", "name: Person "+leftPad(i+1),
			"town: Frithwick", "town: "+town(i)).Replace(aelia)
	}
	// One practitioner in Wales: a region of one page.
	files["content/practitioners/w-000001.yaml"] = strings.NewReplacer("CST-000004", "CST-000900", "name: Aelia Thornhurst", "name: Welsh Person",
		"region: South West", "region: Wales").Replace(aelia)
	d, l := loadSite(t, files)
	if l.Len() != 0 {
		t.Fatal(l.All()[0])
	}
	cfg := testConfig(t)
	pages, err := d.Pages(cfg, markdown)
	if err != nil {
		t.Fatal(err)
	}
	return pages, cfg
}

func TestRegionTowns(t *testing.T) {
	pages, cfg := southWestTowns(t)
	const base = "/practitioners/region/south-west/town/"
	want := []TownLink{
		{Name: "Frithwick", URL: base + "frithwick/", Count: PageSize + 10},
		{Name: "Netherley", URL: base + "netherley/", Count: PageSize - 10},
		{Name: "St Ives", URL: base + "st-ives/", Count: 5},
	}
	for _, u := range []string{"/practitioners/region/south-west/", "/practitioners/region/south-west/page/3/"} {
		data := pageByURL(t, pages, u).Data.(ListData)
		if !slices.Equal(data.Towns, want) {
			t.Errorf("%s: towns %+v, want %+v", u, data.Towns, want)
		}
	}
	out := render(t, cfg, pageByURL(t, pages, "/practitioners/region/south-west/"))
	if !strings.Contains(out, `<a href="/practitioners/region/south-west/town/frithwick/">Frithwick</a> (110)`) {
		t.Errorf("the region's first page does not link to Frithwick with its count:\n%s", out)
	}

	// The region's first page is its own; the others say which they are.
	if r1, r3 := pageByURL(t, pages, "/practitioners/region/south-west/"), pageByURL(t, pages, "/practitioners/region/south-west/page/3/"); r1.Title != "Practitioners in South West" || r3.Title != "Practitioners in South West (page 3 of 3)" {
		t.Errorf("South West's pages are titled %q and %q", r1.Title, r3.Title)
	}

	// Frithwick: two pages, by name, only its practitioners.
	p1 := pageByURL(t, pages, base+"frithwick/")
	p2 := pageByURL(t, pages, base+"frithwick/page/2/")
	d1, d2 := p1.Data.(ListData), p2.Data.(ListData)
	if p1.Title != "Practitioners in Frithwick, South West" || p2.Title != "Practitioners in Frithwick, South West (page 2 of 2)" || d1.Town != "Frithwick" || d1.Region != "South West" {
		t.Errorf("Frithwick's first page: title %q, town %q, region %q", p1.Title, d1.Town, d1.Region)
	}
	if len(d1.Groups[0].Cards) != PageSize || len(d2.Groups[0].Cards) != 10 || d1.Groups[0].Count != PageSize+10 || d1.NextURL != base+"frithwick/page/2/" || d2.PrevURL != base+"frithwick/" {
		t.Errorf("Frithwick's pages: %d and %d cards of %d, next %q, prev %q", len(d1.Groups[0].Cards), len(d2.Groups[0].Cards), d1.Groups[0].Count, d1.NextURL, d2.PrevURL)
	}
	for _, c := range append(d1.Groups[0].Cards, d2.Groups[0].Cards...) {
		if len(c.Here) != 1 || c.Here[0].Town != "Frithwick" {
			t.Errorf("Frithwick's pages list %s, who works in %+v", c.Name, c.Here)
		}
	}
	if d1.Groups[0].Cards[0].Name != "Person 000001" || d2.Groups[0].Cards[9].Name != "Person 000110" {
		t.Errorf("Frithwick's pages are not by name: %s first, %s last", d1.Groups[0].Cards[0].Name, d2.Groups[0].Cards[9].Name)
	}
	ives := pageByURL(t, pages, base+"st-ives/").Data.(ListData)
	if len(ives.Groups[0].Cards) != 5 || ives.Pages != 1 {
		t.Errorf("St Ives, spelt two ways, lists %d practitioners on %d pages, want 5 on 1", len(ives.Groups[0].Cards), ives.Pages)
	}
	out = render(t, cfg, p2)
	for _, s := range []string{
		`<a href="/practitioners/region/south-west/town/frithwick/" aria-current="page">Frithwick</a> (110)`, // the town list marks where the visitor is
		`<a href="/practitioners/region/south-west/">everyone in South West</a>`,
		`aria-label="Pages of Frithwick"`,
	} {
		if !strings.Contains(out, s) {
			t.Errorf("Frithwick's second page lacks %s:\n%s", s, out)
		}
	}
	// A town's pages are reached from its region's, which the sitemap for
	// people lists; search lists a town's first page, so that a visitor
	// who types the town's name finds its list, with its count.
	if !p1.Search || !p1.Continued || p2.Search {
		t.Errorf("a town's pages: first Search %v, Continued %v, second Search %v; want true, true, false", p1.Search, p1.Continued, p2.Search)
	}
	if want := "Craniosacral therapy (CST) in Frithwick, South West: 110 certified therapists."; p1.Description != want {
		t.Errorf("Frithwick's description %q, want %q", p1.Description, want)
	}

	// Wales fits on one page: no towns, no town pages.
	wales := pageByURL(t, pages, "/practitioners/region/wales/")
	if w := wales.Data.(ListData); len(w.Towns) != 0 {
		t.Errorf("Wales, on one page, lists towns %+v", w.Towns)
	}
	if want := "Craniosacral therapy (CST) in Wales: 1 certified therapist."; wales.Description != want {
		t.Errorf("Wales's description %q, want %q", wales.Description, want)
	}
	for _, p := range pages {
		if strings.HasPrefix(p.URL, "/practitioners/region/wales/town/") {
			t.Errorf("Wales, on one page, has a town page %s", p.URL)
		}
	}
}

// TestProfileLinksBack: a profile links back to the list a patient came
// from: the practitioner's region and, where the region lists its towns,
// each town they work in, as well as the whole directory.
func TestProfileLinksBack(t *testing.T) {
	pages, cfg := southWestTowns(t)
	back := func(u string) string {
		out := render(t, cfg, pageByURL(t, pages, u))
		i := strings.Index(out, `<nav class="practitioner-back"`)
		if i < 0 {
			t.Fatalf("%s has no links back to the directory:\n%s", u, out)
		}
		return out[i : i+strings.Index(out[i:], "</nav>")]
	}
	for u, want := range map[string][]string{
		// Frithwick, in South West, which lists its towns.
		"/practitioners/p-000001/": {
			`<a href="/practitioners/region/south-west/town/frithwick/">Practitioners in Frithwick</a>`,
			`<a href="/practitioners/region/south-west/">Practitioners in South West</a>`,
			`<a href="/practitioners/">The whole directory</a>`,
		},
		// A town spelt "St. Ives" is named as most write it.
		"/practitioners/p-000205/": {
			`<a href="/practitioners/region/south-west/town/st-ives/">Practitioners in St Ives</a>`,
			`<a href="/practitioners/region/south-west/">Practitioners in South West</a>`,
		},
		// Wales, on one page: no town pages to link.
		"/practitioners/w-000001/": {
			`<a href="/practitioners/region/wales/">Practitioners in Wales</a>`,
			`<a href="/practitioners/">The whole directory</a>`,
		},
	} {
		nav := back(u)
		for _, w := range want {
			if !strings.Contains(nav, w) {
				t.Errorf("%s: the links back lack %s:\n%s", u, w, nav)
			}
		}
		if u == "/practitioners/w-000001/" && strings.Contains(nav, "/town/") {
			t.Errorf("%s links to a town page of a region of one page:\n%s", u, nav)
		}
	}
}

// TestChildrenLinkKeepsTheRegion: the note before a region's list sends a
// parent to the practitioners who work with children in that region, not
// in the whole country; where none there does, it says so and sends them
// to the whole directory's.
func TestChildrenLinkKeepsTheRegion(t *testing.T) {
	paed := strings.Replace(aelia, "qualifications:\n", "qualifications:\n  - {title: Advanced Certificate in Paediatric Craniosacral Therapy, year: 2018}\n", 1)
	paed = strings.NewReplacer("CST-000004", "CST-000005", "name: Aelia Thornhurst", "name: Bea Paed").Replace(paed)
	d, l := loadSite(t, map[string]string{
		"content/practitioners/aelia-thornhurst.yaml": aelia,
		"content/practitioners/bea-paed.yaml":         paed,
		"content/schools/frithwick-college.yaml":      frithwick,
	})
	if l.Count(0) != 0 {
		t.Fatal(l.All())
	}
	cfg := testConfig(t)
	pages, err := d.Pages(cfg, markdown)
	if err != nil {
		t.Fatal(err)
	}
	for u, want := range map[string]string{
		"/practitioners/":                   `<a href="/practitioners/?children=1">practitioner who works with children</a>.`,
		"/practitioners/region/south-west/": `<a href="/practitioners/?region=south-west&amp;children=1">practitioner in South West who works with children</a>.`,
		"/practitioners/region/wales/":      `<a href="/practitioners/?children=1">practitioner who works with children</a> in another region: none in Wales lists a paediatric qualification yet.`,
	} {
		if out := render(t, cfg, pageByURL(t, pages, u)); !strings.Contains(out, want) {
			t.Errorf("%s: the note for parents lacks\n%s\nin:\n%s", u, want, out)
		}
	}
}

// TestProfileChildSafety: the profile of a practitioner who works with
// children tells a parent, before they book, to talk to their GP or health
// visitor first and where the warning signs for a child are; a profile
// of one who does not sends them to those who do.
func TestProfileChildSafety(t *testing.T) {
	paed := strings.Replace(aelia, "qualifications:\n", "qualifications:\n  - {title: Advanced Certificate in Paediatric Craniosacral Therapy, year: 2018}\n", 1)
	d, l := loadSite(t, map[string]string{"content/practitioners/aelia-thornhurst.yaml": paed, "content/schools/frithwick-college.yaml": frithwick})
	if l.Count(0) != 0 {
		t.Fatal(l.All())
	}
	cfg := testConfig(t)
	pages, err := d.Pages(cfg, markdown)
	if err != nil {
		t.Fatal(err)
	}
	out := render(t, cfg, pageByURL(t, pages, "/practitioners/aelia-thornhurst/"))
	book := out[strings.Index(out, `id="before-you-book"`):strings.Index(out, `id="contact"`)]
	for _, want := range []string{"talk to your GP or health visitor first", `<a href="/articles/craniosacral-therapy-for-babies-and-children/">CST for babies and children</a>`} {
		if !strings.Contains(book, want) {
			t.Errorf("a paediatric practitioner's \"Before you book\" lacks %q:\n%s", want, book)
		}
	}
	d, _ = fixture(t)
	pages, err = d.Pages(cfg, markdown)
	if err != nil {
		t.Fatal(err)
	}
	out = render(t, cfg, pageByURL(t, pages, "/practitioners/aelia-thornhurst/"))
	if strings.Contains(out, "health visitor first") || !strings.Contains(out, `<a href="/practitioners/?children=1">practitioner who works with children</a>`) {
		t.Errorf("a profile without a paediatric qualification, in a region where nobody works with children, must send parents to those who do in the whole directory:\n%s", out)
	}
	// In a region where someone works with children, the link keeps to it.
	paed = strings.NewReplacer("CST-000004", "CST-000005", "name: Aelia Thornhurst", "name: Bea Paed").Replace(paed)
	d, l = loadSite(t, map[string]string{"content/practitioners/aelia-thornhurst.yaml": aelia, "content/practitioners/bea-paed.yaml": paed, "content/schools/frithwick-college.yaml": frithwick})
	if l.Count(0) != 0 {
		t.Fatal(l.All())
	}
	if pages, err = d.Pages(cfg, markdown); err != nil {
		t.Fatal(err)
	}
	out = render(t, cfg, pageByURL(t, pages, "/practitioners/aelia-thornhurst/"))
	if !strings.Contains(out, `<a href="/practitioners/?region=south-west&amp;children=1">practitioner in South West who works with children</a>`) {
		t.Errorf("a profile without a paediatric qualification must send parents to those who work with children:\n%s", out)
	}
}

// TestProfileNotAccepting: the profile of a practitioner who is not
// taking new clients sends a patient on to those who are, in the
// practitioner's region when someone there is, else in the whole
// directory; a profile of one who is accepting links nowhere of the kind.
func TestProfileNotAccepting(t *testing.T) {
	full := strings.Replace(aelia, "accepting_new_clients: true", "accepting_new_clients: false", 1)
	open := strings.NewReplacer("CST-000004", "CST-000005", "name: Aelia Thornhurst", "name: Bea Open").Replace(aelia)
	cfg := testConfig(t)
	profile := func(files map[string]string) string {
		t.Helper()
		files["content/schools/frithwick-college.yaml"] = frithwick
		d, l := loadSite(t, files)
		if l.Count(0) != 0 {
			t.Fatal(l.All())
		}
		pages, err := d.Pages(cfg, markdown)
		if err != nil {
			t.Fatal(err)
		}
		return render(t, cfg, pageByURL(t, pages, "/practitioners/aelia-thornhurst/"))
	}
	for _, c := range []struct {
		what  string
		files map[string]string
		want  string
	}{
		{"alone in the region", map[string]string{"content/practitioners/aelia-thornhurst.yaml": full},
			`Not taking new clients at present: choose a <a href="/practitioners/?accepting=1">practitioner who is accepting new clients</a>`},
		{"with someone accepting in the region", map[string]string{"content/practitioners/aelia-thornhurst.yaml": full, "content/practitioners/bea-open.yaml": open},
			`Not taking new clients at present: choose a <a href="/practitioners/?region=south-west&amp;accepting=1">practitioner in South West who is accepting new clients</a>`},
		{"accepting", map[string]string{"content/practitioners/aelia-thornhurst.yaml": aelia}, `<dd>Accepting new clients</dd>`},
	} {
		out := profile(c.files)
		if !strings.Contains(out, c.want) {
			t.Errorf("%s: the profile lacks\n%s\nin:\n%s", c.what, c.want, out)
		}
		if c.what == "accepting" && strings.Contains(out, "accepting=1") {
			t.Errorf("the profile of a practitioner accepting new clients sends patients elsewhere:\n%s", out)
		}
	}
}

// TestCardConditions: every card of a practitioner with conditions on
// their practice says that conditions apply, in the profile's words when
// they are short enough for a card, and links to them on the profile; the
// words are text, never markup.
func TestCardConditions(t *testing.T) {
	long := strings.Replace(lapsedPractitioner, "certified_until: 2025-11-14", "certified_until: 2028-11-14", 1) +
		"conditions: \"" + strings.Repeat("Works only under the supervision of a Teacher-level practitioner; ", 3) + "treats adults only.\"\n"
	d, cfg := fixtureWith(t, long)
	pages, err := d.Pages(cfg, markdown)
	if err != nil {
		t.Fatal(err)
	}
	hostile := `<p class="practitioner-conditions"><a href="/practitioners/hostile/#conditions">Conditions apply</a>: &lt;b&gt;Supervised&lt;/b&gt; &amp; &#34;careful&#34;</p>`
	cerys := `<p class="practitioner-conditions"><a href="/practitioners/cerys-llewdale/#conditions">Conditions apply</a> to this practice; the profile sets them out.</p>`
	for _, c := range []struct {
		url  string
		want []string
	}{
		{"/practitioners/", []string{hostile, cerys}},
		{"/practitioners/region/london/", []string{hostile}},
		{"/practitioners/region/south-east/", []string{cerys}},
		{"/practitioners/region/south-west/", nil},
	} {
		out := render(t, cfg, pageByURL(t, pages, c.url))
		for _, w := range c.want {
			if !strings.Contains(out, w) {
				t.Errorf("%s lacks the card's conditions line\n%s", c.url, w)
			}
		}
		if n := strings.Count(out, `class="practitioner-conditions"`); n != len(c.want) {
			t.Errorf("%s has %d conditions lines, want %d", c.url, n, len(c.want))
		}
	}
	profile := render(t, cfg, pageByURL(t, pages, "/practitioners/hostile/"))
	if !strings.Contains(profile, `<dt id="conditions">Conditions on practice</dt>`) {
		t.Errorf("the profile has no #conditions for the cards to link to")
	}
}
