// Package directory holds the register of certified practitioners and the
// accredited training providers: it decodes and validates their YAML files,
// decides each certification's status at the build's date, and turns the
// register into page specifications (the directory, the profiles, the
// registration check, the training page) and pure output files (vCards, the
// browser's filter data, the registration check's shards).
//
// # Input
//
// The site root holds one YAML file per practitioner,
// content/practitioners/<slug>.yaml, and one per school,
// content/schools/<slug>.yaml; the file name is the slug and the page
// address, so it must be lower-case words joined by hyphens. The files an
// editor's programs leave beside them (Word's ~$ lock files, backups,
// hidden files: package workfile) are not read. Load reads them
// with a bounded pool of GOMAXPROCS workers (package pool); every file is decoded
// with yamldoc so that each problem is reported at the offending key or
// value as "path:line:col: message", and every problem is collected. The
// cross-file checks (duplicate registration numbers, qualifications naming a
// school that does not exist) run afterwards in slug order, so the result and
// the problems are the same whatever the scheduling.
//
// Checked: required keys (name, registration, certified_until, locations,
// accepting_new_clients and home_visits; for a location town, region,
// postcode, lat, lon and wheelchair_access; for a course title,
// accredited_until, length, format, location and prerequisites: the keys
// whose absence would otherwise publish an answer nobody gave, such as
// "No wheelchair access"); unknown keys with a
// did-you-mean; value types; e-mail addresses; website URLs (http and https
// only); UK telephone numbers (package phone: normalised for display,
// "01632 960905", and as tel: links, "tel:+441632960905", as the
// association's own number in site.yaml is); UK postcodes (normalised to upper case
// with one space, their area one of the gazetteer's, with the areas one
// slip away suggested); latitude and longitude inside the UK, and no farther
// from the main town of the postcode's area than any place of that area
// lies (200 km; farther is a warning, so that coordinates copied from
// another practice fail a strict build); dates; the
// vocabularies of site.yaml (regions, modalities, languages, credential
// levels) with a did-you-mean; registration numbers against site.yaml's
// pattern and for uniqueness; schools named by qualifications; photos (which
// must exist under static/); and raw HTML in bios, which is never allowed.
//
// # Status
//
// A certification is current up to and including its certified_until day,
// in UTC, and lapsed from the day after. A lapsed practitioner leaves the
// directory, the search index and the profiles at the next build, but stays
// in the registration check, shown as lapsed since that date; their former
// profile address becomes a short page (LapsedTemplate, kept out of the
// sitemap and of search) that says they are not on the register and links
// to the check of their number and to the directory. Practitioners
// whose certification ends within LapsingWithin days are listed as diag.Info
// problems so that staff can chase renewals. A course whose accredited_until
// has passed leaves the training page in the same way, and one whose
// accreditation ends within LapsingWithin days is listed too.
//
// # Use by the build
//
//	dir := directory.Load(os.DirFS(root), cfg, now, &problems)
//	pages, err := dir.Pages(cfg, md)   // md renders Markdown without raw HTML
//	files := dir.Files()               // write each File.Data to out/File.Path
//
// Pages returns one PageSpec per page; each names its template (a file under
// layouts/ that defines "main") and carries the template's data (ListData,
// ProfileData, VerifyData or TrainingData) and a JSON-LD value for the base
// layout. The templates load their scripts with the asset function and pass
// the URLs of the fingerprinted data files (which Files returns) in data-*
// attributes, so no inline script is needed.
//
// Files and Pages depend only on the directory and its configuration: the
// same input gives the same bytes.
//
// # Browser data
//
// The directory page's filters work over the whole register from one JSON
// file, practitioners/directory.<hash>.json (see FilterData for its shape),
// fetched when a visitor first uses a filter. The registration check fetches
// a small manifest, verify/index.<hash>.json, then the one shard,
// verify/<n>.<hash>.json, holding the numbers n*VerifyShardSize up to
// (n+1)*VerifyShardSize-1, so a check transfers a few kilobytes whatever the
// size of the register. Both are fingerprinted by content and can be cached
// for ever. Sorting by distance starts from one of the directory's own
// towns or postcode districts, else from a town of the gazetteer
// (uk-places.tsv, see Areas): a main town for each of the UK's postcode
// areas, which the filter data carries too, so that "Edinburgh" or
// "EH10 4BF" sorts from Edinburgh when no practitioner works there.
// A filter's value in the query string (?region=north-east) is
// the slug of the option's name, which the build (Slugify) and the script
// (slugify in directory-core.js) make alike; both are tested against
// testdata/slug-vectors.json.
//
// # Sample data
//
// While practitioners or schools use the addresses and telephone numbers
// reserved for fiction (example.org and its siblings, Ofcom's drama
// ranges), Directory.Sample is true and every directory page says that
// the entries are sample data. The contact card (vCard) of a practitioner
// with such details says so in its note, since a card saved to a phone
// leaves the pages' notices behind.
package directory

import (
	"fmt"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	"sitegen/internal/fold"
	"sitegen/internal/phone"
)

// LapsingWithin is how many days ahead the build lists certifications and
// course accreditations that are about to end.
const LapsingWithin = 30

// Directory is the loaded register.
type Directory struct {
	// Practitioners are every practitioner file that could be read, sorted
	// by slug, whatever their status.
	Practitioners []*Practitioner
	// Schools are every school file that could be read, sorted by slug.
	Schools []*School
	// Now is the build's date (midnight UTC) that statuses are relative to.
	Now time.Time
	// Sample is true while any entry uses fictional contact details.
	Sample bool

	cfgPrefix string
	cfgDigits int
	baseURL   string
	org       orgLD // the association, which recognises the credentials
	regions   []string
	mods      []string
	langs     []string
	levels    []string

	files *outputs // computed once by Files or Pages
}

// Status is a certification's state at the build's date.
type Status uint8

const (
	// Current certifications are listed in the directory.
	Current Status = iota
	// Lapsing certifications are current but end within LapsingWithin days.
	Lapsing
	// Lapsed certifications ended before the build's date.
	Lapsed
)

// Listed reports whether a practitioner with this status appears in the
// directory, the search index and has a profile page.
func (s Status) Listed() bool { return s != Lapsed }

func (s Status) String() string {
	switch s {
	case Current:
		return "current"
	case Lapsing:
		return "lapsing"
	}
	return "lapsed"
}

// Practitioner is one certified (or formerly certified) practitioner.
type Practitioner struct {
	Slug   string // file name without .yaml
	Source string // content/practitioners/<slug>.yaml

	Name           string
	Registration   string // canonical, such as CST-000004
	CertifiedSince time.Time
	CertifiedUntil time.Time
	Level          string
	Conditions     string // conditions on practice; published when present
	Modalities     []string
	Languages      []string
	Accepting      bool // accepting new clients
	HomeVisits     bool
	Contact        Contact
	Locations      []Location
	Qualifications []Qualification
	Bio            string // Markdown
	Photo          string // site path under static/, such as /images/practitioners/a.jpg

	Status Status
	// DaysLeft is the number of days from the build's date to
	// CertifiedUntil (negative once lapsed).
	DaysLeft int

	line    map[string]int // line of each top-level key's value, for cross-file errors
	col     map[string]int
	bioLine int // the line of Source on which the bio's text starts
	bioCol  int // and its column
}

// URL is the profile's site path.
func (p *Practitioner) URL() string { return "/practitioners/" + p.Slug + "/" }

// VCardURL is the site path of the practitioner's vCard.
func (p *Practitioner) VCardURL() string { return "/practitioners/" + p.Slug + ".vcf" }

// CardConditionsMax is the longest text of conditions on practice, in
// characters, that a practitioner's card in the directory's lists repeats
// in full; longer conditions are summed up there as "conditions apply",
// with a link to the profile, rather than cut short, which could drop the
// part that matters to a patient.
const CardConditionsMax = 120

// CardConditions is how the practitioner's card words their conditions on
// practice: as the profile does when they are at most CardConditionsMax
// characters long, else "" (the card then only says that conditions
// apply). The server's cards and the filter data both take it from here.
func (p *Practitioner) CardConditions() string {
	if utf8.RuneCountInString(p.Conditions) > CardConditionsMax {
		return ""
	}
	return p.Conditions
}

// Wheelchair reports whether any location has wheelchair access.
func (p *Practitioner) Wheelchair() bool {
	for _, l := range p.Locations {
		if l.WheelchairAccess {
			return true
		}
	}
	return false
}

// Paediatric reports whether the practitioner is trained to work with
// children: one of their qualifications names paediatric (or pediatric)
// work, such as the "Advanced Certificate in Paediatric Craniosacral
// Therapy", and their conditions on practice do not limit them to adults
// ("treats adults only"). The directory's "works with children" filter and
// badge, and the profile, say so from this.
func (p *Practitioner) Paediatric() bool {
	if strings.Contains(fold.String(p.Conditions), "adults only") {
		return false
	}
	for _, q := range p.Qualifications {
		t := fold.String(q.Title)
		if strings.Contains(t, "paediatric") || strings.Contains(t, "pediatric") {
			return true
		}
	}
	return false
}

// Regions are the regions of the practitioner's locations, in order,
// without repeats.
func (p *Practitioner) Regions() []string {
	var out []string
	for _, l := range p.Locations {
		if !contains(out, l.Region) {
			out = append(out, l.Region)
		}
	}
	return out
}

// Line is the line of a top-level key's value in Source (1 when absent).
func (p *Practitioner) Line(key string) int {
	if l := p.line[key]; l > 0 {
		return l
	}
	return 1
}

// Contact holds the ways to reach a practitioner or school.
type Contact struct {
	Email   string
	Phone   phone.Number // the zero Number when none is given
	Website string
}

// MailtoURL is the mailto: link for Email, or "".
func (c Contact) MailtoURL() string {
	if c.Email == "" {
		return ""
	}
	return "mailto:" + c.Email
}

// Location is one practice address.
type Location struct {
	Name             string
	Address          string
	Town             string
	Region           string
	Postcode         string // normalised: "TR9 8TR"
	Lat, Lon         float64
	WheelchairAccess bool
}

// District is the outward part of the postcode ("TR9").
func (l Location) District() string {
	if i := strings.IndexByte(l.Postcode, ' '); i > 0 {
		return l.Postcode[:i]
	}
	return l.Postcode
}

// OSMURL links to the location on OpenStreetMap.
func (l Location) OSMURL() string {
	lat, lon := fmt.Sprintf("%.5f", l.Lat), fmt.Sprintf("%.5f", l.Lon)
	return "https://www.openstreetmap.org/?mlat=" + lat + "&mlon=" + lon + "#map=16/" + lat + "/" + lon
}

// Lines are the non-empty lines of the address.
func (l Location) Lines() []string {
	var out []string
	for _, s := range []string{l.Name, l.Address, l.Town, l.Postcode} {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// Qualification is a practitioner's qualification; School is a school slug
// or empty.
type Qualification struct {
	Title  string
	School string
	Year   int
}

// SchoolURL links to the school on the training page, or "".
func (q Qualification) SchoolURL() string {
	if q.School == "" {
		return ""
	}
	return "/training/#" + q.School
}

// School is a training provider.
type School struct {
	Slug    string
	Source  string
	Name    string
	Website string
	Region  string
	Contact Contact
	Courses []Course // every course, lapsed ones included
}

// CurrentCourses are the courses whose accreditation has not lapsed.
func (s *School) CurrentCourses() []Course {
	var out []Course
	for _, c := range s.Courses {
		if !c.Lapsed {
			out = append(out, c)
		}
	}
	return out
}

// Course is an accredited course.
type Course struct {
	Title           string
	Anchor          string // the id of its row on the training page
	AccreditedUntil time.Time
	Length          string
	Format          string
	Location        string
	Prerequisites   string
	Lapsed          bool
}

// Current returns the practitioners listed in the directory (status
// Current or Lapsing), sorted by slug.
func (d *Directory) Current() []*Practitioner {
	var out []*Practitioner
	for _, p := range d.Practitioners {
		if p.Status.Listed() {
			out = append(out, p)
		}
	}
	return out
}

// Lapsed returns the practitioners whose certification has lapsed.
func (d *Directory) Lapsed() []*Practitioner {
	var out []*Practitioner
	for _, p := range d.Practitioners {
		if !p.Status.Listed() {
			out = append(out, p)
		}
	}
	return out
}

// School returns the school with the given slug, or nil.
func (d *Directory) School(slug string) *School {
	for _, s := range d.Schools {
		if s.Slug == slug {
			return s
		}
	}
	return nil
}

// RegionSlug is the address segment of a region: "Yorkshire and the
// Humber" is "yorkshire-and-the-humber".
func RegionSlug(region string) string { return Slugify(region) }

// Slugify is the slug of s (fold.Slug): the address segment of a region,
// the value of a filter option in the query string, and the file name a
// practitioner's name suggests. Accents are dropped and Latin letters are
// written as in English (Zoë is zoe, Łukasz lukasz, Søren soren, İstanbul
// istanbul), apostrophes are dropped (King's Lynn is kings-lynn) and words
// are joined by hyphens. The directory's script makes the same slugs
// (slugify in static/js/directory-core.js); both are tested against
// testdata/slug-vectors.json.
func Slugify(s string) string { return fold.Slug(s) }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// absURL joins the site's base URL and a site path.
func (d *Directory) absURL(path string) string {
	u, err := url.Parse(d.baseURL)
	if err != nil || d.baseURL == "" {
		return path
	}
	return strings.TrimSuffix(u.String(), "/") + path
}
