package directory

import (
	"encoding/json"
	"errors"
	"fmt"
	"html/template"
	"maps"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"sitegen/internal/config"
	"sitegen/internal/count"
	"sitegen/internal/pool"
)

// PageSize is the most practitioners a region page lists; a region with
// more continues on /practitioners/region/<slug>/page/2/ and so on. The
// overview lists everyone inline only while the whole directory fits on one
// page.
//
// A region too large for one page also lists its towns, with how many
// practitioners work in each, on every one of its pages, and each town has
// pages of its own, /practitioners/region/<slug>/town/<town>/ (continued
// on .../page/2/ past PageSize), listing by name only the practitioners
// who work there: without JavaScript, the region's pages by name alone
// would send a visitor looking for someone near them through every page.
// Spellings of a town with one slug ("St Ives", "St. Ives") are one town,
// named as most of its practitioners write it.
const PageSize = 100

// Template names, relative to layouts/.
const (
	ListTemplate     = "practitioners/list.html"
	ProfileTemplate  = "practitioners/profile.html"
	LapsedTemplate   = "practitioners/lapsed.html"
	VerifyTemplate   = "verify.html"
	TrainingTemplate = "training.html"
)

// PageSpec is one page for the build to render: the base layout with the
// named template's "main", .Page.Data = Data, and JSONLD (when not nil)
// marshalled into a <script type="application/ld+json">.
type PageSpec struct {
	URL, Title, Description string
	Template                string
	Data                    any
	JSONLD                  any
	Source                  string // the YAML file the page comes from, or ""
	Line                    int
	// Origin is, for a page made from many files (the training page, the
	// directory), the first of them by name, where a problem of the
	// whole page (its layout missing) is reported; "" for none.
	Origin string
	// Search: the site's search lists the page itself, by its title,
	// description and Keywords (the directory, a region's first page, a
	// town's first page, the registration check, the training page). A profile is not listed
	// this way: its practitioner is a document of their own, with more
	// to find them by than the page's title.
	Search   bool
	Keywords []string
	// NoIndex keeps the page out of the sitemap and search engines (a
	// lapsed practitioner's former profile), and out of the site's
	// search unless Search is set.
	NoIndex bool
	// Continued marks a region's second and later pages and the pages of
	// its towns, which every page of the region links to: the sitemap page
	// for people lists a region's first page only.
	Continued bool
}

// ListData is the data of the directory overview and the region pages.
type ListData struct {
	Sample   bool
	Overview bool   // /practitioners/
	Total    int    // practitioners listed in the whole directory
	Region   string // on a region page, and on a town page its region
	Town     string // on a town page
	// RegionURL is, on a town page, the first page of its region.
	RegionURL string
	// Towns are, on the pages of a region too large for one page and of
	// its towns, the region's towns, by name.
	Towns []TownLink
	// Groups are every region (overview) or the one region of the page.
	Groups []RegionGroup
	// Inline is true on the overview when it lists every practitioner.
	Inline bool
	// Pagination of a region page; Pages is 1 on the overview.
	Page, Pages      int
	PrevURL, NextURL string
	PageLinks        []PageLink
	// FilterDataURLs are the site paths of the filter data's parts, in
	// order, separated by spaces: the page fetches them together.
	FilterDataURLs string
	// The filters' choices: Value is what the URL's query string holds.
	Regions           []Option
	Modalities        []Option
	Languages         []Option
	RegistrationCheck string // "/verify/"
	// Children is where the note before the list sends a parent looking
	// for a practitioner who works with children: on a region's and a
	// town's pages, the directory filtered to the region (ChildrenIn
	// names it), so that a parent in Wales is not sent through the whole
	// country; to the whole directory when nobody there lists a paediatric
	// qualification (ChildrenIn is then "" and ChildrenNoneIn names the
	// region).
	Children                   string
	ChildrenIn, ChildrenNoneIn string
}

// PageLink links to page N of a region.
type PageLink struct {
	N       int
	URL     string
	Current bool
	// First and Last are the names of the first and last practitioners on
	// the page, so that its link says whom it lists: in a region of
	// thousands, "7" alone sends a visitor looking for one name through
	// every page in turn.
	First, Last string
}

// TownLink links to the first page of a town of a region, with how many
// practitioners work there; Current marks the town of the page.
type TownLink struct {
	Name, URL string
	Count     int
	Current   bool
}

// Option is one choice of a filter.
type Option struct{ Value, Label string }

// held returns the words of a vocabulary, in its order, that some but not
// all of the listed practitioners have (by words): the directory's filters
// offer only those, since a therapy or language nobody listed offers
// would lead to "No practitioners match", and one everybody offers
// (craniosacral therapy itself) would narrow nothing.
func held(vocab []string, listed []*Practitioner, words func(*Practitioner) []string) []string {
	has := map[string]int{}
	for _, p := range listed {
		for _, w := range slices.Compact(slices.Sorted(slices.Values(words(p)))) {
			has[w]++
		}
	}
	out := make([]string, 0, len(has))
	for _, w := range vocab {
		if n := has[w]; n > 0 && (n < len(listed) || len(listed) < 2) {
			out = append(out, w)
		}
	}
	return out
}

func options(words []string) []Option {
	out := make([]Option, 0, len(words))
	for _, w := range words {
		out = append(out, Option{Value: Slugify(w), Label: w})
	}
	return out
}

// RegionGroup is one region's practitioners (on this page).
type RegionGroup struct {
	Name, Slug, URL string
	Count           int // practitioners in the region, over all its pages
	Cards           []Card
}

// Card is a practitioner in a list; Here are their locations in the
// group's region.
type Card struct {
	*Practitioner
	Here []Location
}

// ProfileData is the data of a practitioner's profile page.
type ProfileData struct {
	Sample         bool
	P              *Practitioner
	Bio            template.HTML // rendered Markdown, no raw HTML
	Qualifications []QualificationView
	Now            time.Time
	// Children is where the profile of a practitioner without a paediatric
	// qualification sends a parent: the directory filtered to those who
	// work with children in the practitioner's (first) region, ChildrenIn,
	// or in the whole country when nobody there does (ChildrenIn "").
	Children, ChildrenIn string
	// Accepting is where the profile of a practitioner who is not taking
	// new clients sends a patient: the directory filtered to those who
	// are, in the practitioner's (first) region, AcceptingIn, or in the
	// whole country when nobody there is (AcceptingIn "").
	Accepting, AcceptingIn string
	// Back are the lists a patient may have come from, to go back to:
	// the first page of each town the practitioner works in, where their
	// region is too large for one page and lists its towns, then the first
	// page of each of their regions. The profile links to the whole
	// directory after them.
	Back []BackLink
}

// BackLink links a profile to a list of the directory that includes the
// practitioner: Name is the town or region.
type BackLink struct{ Name, URL string }

// LapsedData is the data of the page left at a lapsed practitioner's
// former profile address: who they are and their number, to check, and
// nothing else (no contact details or bio, since they are not certified).
type LapsedData struct {
	Sample       bool
	Name         string
	Registration string
	Until        time.Time // the last day of their certification
	VerifyURL    string    // /verify/?reg=<their number>
}

// QualificationView is a qualification with its school's name.
type QualificationView struct {
	Qualification
	SchoolName string
}

// VerifyData is the data of the registration check.
type VerifyData struct {
	Sample   bool
	IndexURL string // the manifest of the shards
	Prefix   string
	Digits   int
	Example  string // a well-formed number, CST-000004
	Built    time.Time
}

// TrainingData is the data of the training page.
type TrainingData struct {
	Sample  bool
	Schools []SchoolView
}

// SchoolView is a school with its currently accredited courses.
type SchoolView struct {
	*School
	Current []Course
}

// Markdown renders a practitioner's bio, without raw HTML: text is the
// Markdown, which starts at line and col of file, on the page at url. It
// reports what is wrong in the text (a broken link, a misplaced heading)
// itself, at the file's lines; an error stops the directory's pages.
type Markdown func(text, file string, line, col int, url string) (template.HTML, error)

// Pages returns the directory's pages: the overview, the region pages, a
// profile for each listed practitioner, the registration check and the
// training page. md renders a bio's Markdown (the site's shared renderer,
// without raw HTML); its failures are returned together, each naming the
// practitioner's file and line.
func (d *Directory) Pages(cfg *config.Config, md Markdown) ([]PageSpec, error) {
	current := d.Current()
	// The regions where someone works with children: a parent looking
	// there is sent to them.
	paediatricIn := map[string]bool{}
	// The regions where someone takes new clients: a patient turned away
	// by one who does not is sent to them.
	acceptingIn := map[string]bool{}
	for _, p := range current {
		for _, r := range p.Regions() {
			paediatricIn[r] = paediatricIn[r] || p.Paediatric()
			acceptingIn[r] = acceptingIn[r] || p.Accepting
		}
	}
	pages, townNames := d.listPages(paediatricIn)

	bios := make([]template.HTML, len(current))
	errs := make([]error, len(current))
	pool.Run(len(current), func(i int) {
		p := current[i]
		if strings.TrimSpace(p.Bio) == "" {
			return
		}
		h, err := md(p.Bio, p.Source, p.bioLine, p.bioCol, p.URL())
		if err != nil {
			errs[i] = fmt.Errorf("%s:%d:1: rendering the bio: %w", p.Source, p.Line("bio"), err)
		}
		bios[i] = h
	})
	for i, p := range current {
		data := ProfileData{Sample: d.Sample, P: p, Bio: bios[i], Qualifications: d.qualifications(p), Now: d.Now,
			Children: childrenURL(""), Accepting: acceptingURL(""), Back: backLinks(p, d.regions, townNames)}
		if rs := p.Regions(); len(rs) > 0 {
			if paediatricIn[rs[0]] {
				data.Children, data.ChildrenIn = childrenURL(rs[0]), rs[0]
			}
			if acceptingIn[rs[0]] {
				data.Accepting, data.AcceptingIn = acceptingURL(rs[0]), rs[0]
			}
		}
		pages = append(pages, PageSpec{
			URL:         p.URL(),
			Title:       p.Name,
			Description: d.profileDescription(p),
			Template:    ProfileTemplate,
			Data:        data,
			JSONLD:      lazyJSON(func() any { return d.personLD(p) }),
			Source:      p.Source,
			Line:        1,
		})
	}

	// A link to a lapsed practitioner's old profile, on their own site or
	// in a bookmark, says they are not on the register now and where to
	// check, rather than "page not found".
	for _, p := range d.Lapsed() {
		if p.Registration == "" {
			continue
		}
		pages = append(pages, PageSpec{
			URL:         p.URL(),
			Title:       p.Name + ": registration lapsed",
			Description: p.Name + " is not currently a certified practitioner of " + orgName(cfg) + ".",
			Template:    LapsedTemplate,
			Data: LapsedData{Sample: d.Sample, Name: p.Name, Registration: p.Registration, Until: p.CertifiedUntil,
				VerifyURL: "/verify/?reg=" + url.QueryEscape(p.Registration)},
			Source:  p.Source,
			Line:    1,
			NoIndex: true,
			Search:  true, // a patient who types the name learns they are not on the register
		})
	}

	example := cfg.NormalizeRegistration("4")
	pages = append(pages, PageSpec{
		URL:         "/verify/",
		Title:       "Check a registration",
		Description: "Check whether a craniosacral therapist's registration with " + orgName(cfg) + " is current, or has lapsed or expired.",
		Template:    VerifyTemplate,
		Origin:      d.firstPractitioner(),
		Search:      true,
		Keywords:    []string{"Verify a registration number", "Is my practitioner or therapist certified and registered?"}, // its address, /verify/; what patients ask
		Data: VerifyData{Sample: d.Sample, IndexURL: d.VerifyIndexURL(), Prefix: cfg.RegistrationPrefix,
			Digits: cfg.RegistrationDigits, Example: example, Built: d.Now},
	})

	td := TrainingData{Sample: d.Sample}
	var firstSchool string
	if len(d.Schools) > 0 {
		firstSchool = d.Schools[0].Source // sorted by slug, the file's name
	}
	for _, s := range sortSchools(d.Schools) {
		td.Schools = append(td.Schools, SchoolView{School: s, Current: s.CurrentCourses()})
	}
	pages = append(pages, PageSpec{
		URL:         "/training/",
		Title:       "Training",
		Description: "Accredited craniosacral therapy training providers and their courses.",
		Template:    TrainingTemplate,
		Origin:      firstSchool,
		Data:        td,
		Search:      true,
		Keywords:    []string{"Accredited training courses"}, // what the page lists
		JSONLD:      d.trainingLD(td.Schools),
	})
	return pages, errors.Join(errs...)
}

func orgName(cfg *config.Config) string {
	if cfg.Org.Name != "" {
		return cfg.Org.Name
	}
	return "the association"
}

func (d *Directory) profileDescription(p *Practitioner) string {
	var towns []string
	for _, l := range p.Locations {
		if !contains(towns, l.Town) {
			towns = append(towns, l.Town)
		}
	}
	s := p.Name + ", craniosacral therapist"
	if len(towns) > 0 {
		s += " in " + strings.Join(towns, ", ")
	}
	return s + ". Registration " + p.Registration + "."
}

func (d *Directory) qualifications(p *Practitioner) []QualificationView {
	var out []QualificationView
	for _, q := range p.Qualifications {
		v := QualificationView{Qualification: q}
		if s := d.School(q.School); s != nil {
			v.SchoolName = s.Name
		} else {
			v.Qualification.School = "" // no link to a school that does not exist
		}
		out = append(out, v)
	}
	return out
}

func sortSchools(s []*School) []*School {
	out := append([]*School(nil), s...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && strings.ToLower(out[j].Name) < strings.ToLower(out[j-1].Name); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// RegionURL is the site path of page n (from 1) of a region.
func RegionURL(region string, n int) string {
	u := "/practitioners/region/" + RegionSlug(region) + "/"
	if n > 1 {
		u += "page/" + strconv.Itoa(n) + "/"
	}
	return u
}

// TownURL is the site path of page n (from 1) of a town of a region.
func TownURL(region, town string, n int) string {
	u := RegionURL(region, 1) + "town/" + Slugify(town) + "/"
	if n > 1 {
		u += "page/" + strconv.Itoa(n) + "/"
	}
	return u
}

// firstPractitioner is the first practitioner file by name, the origin of
// the pages made from them all, or "" when there is none.
func (d *Directory) firstPractitioner() string {
	if len(d.Practitioners) == 0 {
		return ""
	}
	return d.Practitioners[0].Source // sorted by slug, the file's name
}

// backLinks are the lists a profile links back to (ProfileData.Back):
// regions are those with pages (site.yaml's), and townNames holds, for
// each region that lists its towns, each town's name by its slug.
func backLinks(p *Practitioner, regions []string, townNames map[string]map[string]string) []BackLink {
	var out []BackLink
	for _, l := range p.Locations {
		s := Slugify(l.Town)
		name, ok := townNames[l.Region][s]
		if !ok {
			continue
		}
		u := TownURL(l.Region, name, 1)
		if !slices.ContainsFunc(out, func(b BackLink) bool { return b.URL == u }) {
			out = append(out, BackLink{Name: name, URL: u})
		}
	}
	for _, r := range p.Regions() {
		if slices.Contains(regions, r) {
			out = append(out, BackLink{Name: r, URL: RegionURL(r, 1)})
		}
	}
	return out
}

// listPages returns the overview, region and town pages, and for each
// region that lists its towns, each town's name by its slug; paediatricIn
// holds the regions where someone works with children.
func (d *Directory) listPages(paediatricIn map[string]bool) ([]PageSpec, map[string]map[string]string) {
	townNames := map[string]map[string]string{}
	listed := sortByName(d.Current())
	byRegion := map[string][]Card{}
	for _, p := range listed {
		for _, r := range p.Regions() {
			c := Card{Practitioner: p}
			for _, l := range p.Locations {
				if l.Region == r {
					c.Here = append(c.Here, l)
				}
			}
			byRegion[r] = append(byRegion[r], c)
		}
	}
	base := ListData{
		Sample: d.Sample, Total: len(listed), Page: 1, Pages: 1, FilterDataURLs: strings.Join(d.FilterDataURLs(), " "),
		Regions:           options(d.regions),
		Modalities:        options(held(d.mods, listed, func(p *Practitioner) []string { return p.Modalities })),
		Languages:         options(held(d.langs, listed, func(p *Practitioner) []string { return p.Languages })),
		RegistrationCheck: "/verify/",
		Children:          childrenURL(""),
	}
	overview := base
	overview.Overview = true
	overview.Inline = len(listed) <= PageSize
	for _, r := range d.regions {
		g := RegionGroup{Name: r, Slug: RegionSlug(r), URL: RegionURL(r, 1), Count: len(byRegion[r])}
		if overview.Inline {
			g.Cards = byRegion[r]
		}
		overview.Groups = append(overview.Groups, g)
	}
	pages := []PageSpec{{
		URL:         "/practitioners/",
		Title:       "Find a practitioner",
		Description: fmt.Sprintf("Find one of %d certified craniosacral therapists near you, by region, town, therapy and language.", len(listed)),
		Template:    ListTemplate,
		Origin:      d.firstPractitioner(),
		Data:        overview,
		Search:      true,
		Keywords:    []string{"Directory of certified practitioners", "Find a craniosacral therapist (CST) near me"}, // as the site calls it; as a patient asks
	}}
	origin := d.firstPractitioner()
	for _, r := range d.regions {
		cards := byRegion[r]
		region := base
		region.Region = r
		if paediatricIn[r] {
			region.Children, region.ChildrenIn = childrenURL(r), r
		} else {
			region.ChildrenNoneIn = r
		}
		var towns []town
		if len(cards) > PageSize {
			towns = townsOf(cards)
			townNames[r] = map[string]string{}
			for _, t := range towns {
				townNames[r][Slugify(t.name)] = t.name
				region.Towns = append(region.Towns, TownLink{Name: t.name, URL: TownURL(r, t.name, 1), Count: len(t.cards)})
			}
		}
		group := RegionGroup{Name: r, Slug: RegionSlug(r), URL: RegionURL(r, 1), Count: len(cards)}
		for i, ld := range paginate(region, group, cards, func(n int) string { return RegionURL(r, n) }) {
			pages = append(pages, listPage(r, r, i, ld, origin))
		}
		for k, t := range towns {
			tl := region
			tl.Town, tl.RegionURL = t.name, group.URL
			tl.Towns = slices.Clone(region.Towns)
			tl.Towns[k].Current = true
			name := t.name + ", " + r
			g := RegionGroup{Name: t.name, Slug: "town-" + Slugify(t.name), URL: tl.Towns[k].URL, Count: len(t.cards)}
			for i, ld := range paginate(tl, g, t.cards, func(n int) string { return TownURL(r, t.name, n) }) {
				// A town's pages are reached from every page of its
				// region: the sitemap for people lists the region's
				// first page, not each town. Search lists a town's first
				// page, which a visitor typing the town's name looks for
				// (its practitioners are documents of their own, with
				// the town among their keywords, so the page adds a
				// title and a sentence to the index, nothing more).
				p := listPage(name, t.name, i, ld, origin)
				p.Continued = true
				pages = append(pages, p)
			}
		}
	}
	return pages, townNames
}

// listPage is page i (from 0) of the list of the practitioners of a place
// (a region, or "town, region"), whose data is ld. The first page is the
// place's own, as search and the sitemap list it, and the later pages
// say which they are and continue its list. Every practitioner there has
// keyword (the region or town) among their search keywords: as a keyword
// of its own, the first page, which lists them all, ranks with them, not
// below.
func listPage(place, keyword string, i int, ld ListData, origin string) PageSpec {
	p := PageSpec{
		URL: ld.PageLinks[i].URL, Title: "Practitioners in " + place, Template: ListTemplate, Origin: origin, Data: ld,
		Description: "Craniosacral therapy (CST) in " + place + ": " + count.Of(ld.Groups[0].Count, "certified therapist", "certified therapists") + ".", // as a visitor asks: "cst in wales"
		Search:      i == 0,
		Continued:   i > 0,
	}
	if i > 0 {
		p.Title += fmt.Sprintf(" (page %d of %d)", i+1, ld.Pages)
	} else {
		p.Keywords = []string{keyword}
	}
	return p
}

// childrenURL is the directory filtered to practitioners who work with
// children, in region when it is not "".
func childrenURL(region string) string { return filteredURL(region, "children") }

// acceptingURL is the directory filtered to the practitioners accepting
// new clients, in region or, when region is "", in the whole country.
func acceptingURL(region string) string { return filteredURL(region, "accepting") }

// filteredURL is the directory filtered by one of its checkboxes, flag,
// in region or, when region is "", in the whole country.
func filteredURL(region, flag string) string {
	if region == "" {
		return "/practitioners/?" + flag + "=1"
	}
	return "/practitioners/?region=" + url.QueryEscape(RegionSlug(region)) + "&" + flag + "=1"
}

// paginate splits cards (by name) into pages of PageSize, at least one,
// and returns each page's data: ld with the page's number, the links to
// every page (url(n) is page n's address) and group holding the page's
// cards.
func paginate(ld ListData, group RegionGroup, cards []Card, url func(n int) string) []ListData {
	n := max(1, (len(cards)+PageSize-1)/PageSize)
	links := make([]PageLink, n)
	for j := range links {
		links[j] = PageLink{N: j + 1, URL: url(j + 1)}
		if on := cards[j*PageSize : min((j+1)*PageSize, len(cards))]; len(on) > 0 {
			links[j].First, links[j].Last = on[0].Name, on[len(on)-1].Name
		}
	}
	out := make([]ListData, n)
	for i := range out {
		p := ld
		p.Page, p.Pages = i+1, n
		p.PageLinks = slices.Clone(links)
		p.PageLinks[i].Current = true
		if i > 0 {
			p.PrevURL = links[i-1].URL
		}
		if i < n-1 {
			p.NextURL = links[i+1].URL
		}
		g := group
		g.Cards = cards[i*PageSize : min((i+1)*PageSize, len(cards))]
		p.Groups = []RegionGroup{g}
		out[i] = p
	}
	return out
}

// A town is the practitioners of a region who work in one town, by name,
// each card with their locations in that town.
type town struct {
	name  string
	cards []Card
}

// townsOf groups a region's cards (by name) by the slug of their
// locations' towns, sorted by that slug; a town's name is its most
// written spelling (the first in byte order when two are written as
// often). A town whose name makes no slug has no page of its own.
func townsOf(cards []Card) []town {
	type acc struct {
		spellings map[string]int
		cards     []Card
	}
	bySlug := map[string]*acc{}
	for _, c := range cards {
		seen := map[string]bool{}
		for _, l := range c.Here {
			s := Slugify(l.Town)
			if s == "" {
				continue
			}
			a := bySlug[s]
			if a == nil {
				a = &acc{spellings: map[string]int{}}
				bySlug[s] = a
			}
			a.spellings[l.Town]++
			if seen[s] {
				continue
			}
			seen[s] = true
			here := Card{Practitioner: c.Practitioner}
			for _, m := range c.Here {
				if Slugify(m.Town) == s {
					here.Here = append(here.Here, m)
				}
			}
			a.cards = append(a.cards, here)
		}
	}
	out := make([]town, 0, len(bySlug))
	for _, s := range slices.Sorted(maps.Keys(bySlug)) {
		a := bySlug[s]
		name := ""
		for sp, n := range a.spellings {
			if best := a.spellings[name]; name == "" || n > best || n == best && sp < name {
				name = sp
			}
		}
		out = append(out, town{name: name, cards: a.cards})
	}
	return out
}

// lazyJSON is a value made when it is marshalled: kept for every profile
// from assembling to rendering, a register of 10,000 practitioners' JSON-LD
// would cost about 25 MB.
type lazyJSON func() any

// MarshalJSON implements json.Marshaler. encoding/json still escapes <, >
// and & in what it returns.
func (f lazyJSON) MarshalJSON() ([]byte, error) { return json.Marshal(f()) }

// JSONValue returns the value to marshal: a caller that asks for it saves
// encoding/json checking and compacting what MarshalJSON returns.
func (f lazyJSON) JSONValue() any { return f() }

// personLD is the schema.org description of a practitioner. The base
// layout marshals it with encoding/json, which escapes <, > and &, so no
// value can close the script element. Its types' fields are in the order
// of their names, as a map's keys would be.
func (d *Directory) personLD(p *Practitioner) personLD {
	ld := personLD{
		Context:  "https://schema.org",
		ID:       d.absURL(p.URL()),
		Type:     "Person",
		JobTitle: "Craniosacral therapist",
		Name:     p.Name,
		SameAs:   p.Contact.Website,
		URL:      d.absURL(p.URL()),
		Credential: credentialLD{
			Type:         "EducationalOccupationalCredential",
			Category:     "certification",
			Level:        p.Level,
			Identifier:   p.Registration,
			Name:         "Registered craniosacral therapist",
			RecognizedBy: d.org,
		},
		KnowsAbout:    p.Modalities,
		KnowsLanguage: p.Languages,
	}
	if p.Contact.Email != "" {
		ld.Email = p.Contact.MailtoURL()
	}
	if p.Contact.Phone.Tel != "" {
		ld.Telephone = p.Contact.Phone.International()
	}
	if p.Photo != "" {
		ld.Image = d.absURL(p.Photo)
	}
	for _, l := range p.Locations {
		ld.WorkLocation = append(ld.WorkLocation, placeLD{
			Type: "Place",
			Address: addressLD{
				Type:     "PostalAddress",
				Country:  "GB",
				Locality: l.Town,
				Region:   l.Region,
				Postcode: l.Postcode,
				Street:   l.Address,
			},
			Geo:  geoLD{Type: "GeoCoordinates", Latitude: l.Lat, Longitude: l.Lon},
			Name: l.Name,
		})
	}
	// The certification's dates: schema.org gives a credential, a
	// CreativeWork, dateCreated and expires (validFrom and validUntil are
	// for offers and permits, not credentials).
	if !p.CertifiedSince.IsZero() {
		ld.Credential.DateCreated = p.CertifiedSince.Format("2006-01-02")
	}
	if !p.CertifiedUntil.IsZero() {
		ld.Credential.Expires = p.CertifiedUntil.Format("2006-01-02")
	}
	return ld
}

type personLD struct {
	Context       string       `json:"@context"`
	ID            string       `json:"@id"`
	Type          string       `json:"@type"`
	Email         string       `json:"email,omitempty"`
	Credential    credentialLD `json:"hasCredential"`
	Image         string       `json:"image,omitempty"`
	JobTitle      string       `json:"jobTitle"`
	KnowsAbout    []string     `json:"knowsAbout,omitempty"`
	KnowsLanguage []string     `json:"knowsLanguage,omitempty"`
	Name          string       `json:"name"`
	SameAs        string       `json:"sameAs,omitempty"`
	Telephone     string       `json:"telephone,omitempty"`
	URL           string       `json:"url"`
	WorkLocation  []placeLD    `json:"workLocation,omitempty"`
}

// credentialLD is a practitioner's certification, with only properties
// schema.org defines for an EducationalOccupationalCredential: its own
// (credentialCategory, educationalLevel, recognizedBy) and those of a
// CreativeWork and a Thing.
type credentialLD struct {
	Type         string `json:"@type"`
	Category     string `json:"credentialCategory"`
	DateCreated  string `json:"dateCreated,omitempty"` // certified since
	Level        string `json:"educationalLevel,omitempty"`
	Expires      string `json:"expires,omitempty"` // certified until
	Identifier   string `json:"identifier"`
	Name         string `json:"name"`
	RecognizedBy orgLD  `json:"recognizedBy"`
}

// orgLD names the association.
type orgLD struct {
	ID   string `json:"@id"`
	Type string `json:"@type"`
	Name string `json:"name"`
	URL  string `json:"url"`
}

type placeLD struct {
	Type    string    `json:"@type"`
	Address addressLD `json:"address"`
	Geo     geoLD     `json:"geo"`
	Name    string    `json:"name,omitempty"`
}

type addressLD struct {
	Type     string `json:"@type"`
	Country  string `json:"addressCountry"`
	Locality string `json:"addressLocality"`
	Region   string `json:"addressRegion"`
	Postcode string `json:"postalCode"`
	Street   string `json:"streetAddress"`
}

type geoLD struct {
	Type      string  `json:"@type"`
	Latitude  float64 `json:"latitude"`
	Longitude float64 `json:"longitude"`
}

func (d *Directory) trainingLD(schools []SchoolView) map[string]any {
	var graph []map[string]any
	for _, s := range schools {
		org := map[string]any{
			"@type": "EducationalOrganization",
			"@id":   d.absURL("/training/#" + s.Slug),
			"name":  s.Name,
		}
		if s.Website != "" {
			org["url"] = s.Website
		}
		if s.Contact.Email != "" {
			org["email"] = s.Contact.MailtoURL()
		}
		if s.Contact.Phone.Tel != "" {
			org["telephone"] = s.Contact.Phone.International()
		}
		var courses []map[string]any
		for _, c := range s.Current {
			courses = append(courses, map[string]any{"@type": "Course", "@id": d.absURL("/training/#" + c.Anchor), "name": c.Title})
		}
		if len(courses) > 0 {
			org["hasCourse"] = courses
		}
		graph = append(graph, org)
	}
	if len(graph) == 0 {
		return nil
	}
	return map[string]any{"@context": "https://schema.org", "@graph": graph}
}
