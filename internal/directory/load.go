package directory

import (
	"cmp"
	"fmt"
	"io/fs"
	"net/netip"
	"net/url"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"sitegen/internal/config"
	"sitegen/internal/diag"
	"sitegen/internal/fold"
	"sitegen/internal/link"
	"sitegen/internal/phone"
	"sitegen/internal/pool"
	"sitegen/internal/postcode"
	"sitegen/internal/workfile"
	"sitegen/internal/yamldoc"

	"go.yaml.in/yaml/v3"
)

// Where the data files live, relative to the site root.
const (
	PractitionersDir = "content/practitioners"
	SchoolsDir       = "content/schools"
)

var practitionerKeys = []string{"name", "registration", "certified_since", "certified_until", "level", "conditions",
	"modalities", "languages", "accepting_new_clients", "home_visits", "contact", "locations", "qualifications", "bio", "photo"}

var (
	contactKeys       = []string{"email", "phone", "website"}
	locationKeys      = []string{"name", "address", "town", "region", "postcode", "lat", "lon", "wheelchair_access"}
	qualificationKeys = []string{"title", "school", "year"}
	schoolKeys        = []string{"name", "website", "region", "contact", "courses"}
	courseKeys        = []string{"title", "accredited_until", "length", "format", "location", "prerequisites"}
	photoExts         = []string{".jpg", ".jpeg", ".png", ".webp", ".avif"}
)

// Load reads content/practitioners/*.yaml and content/schools/*.yaml from
// fsys (the site root), validates them against cfg and decides each
// certification's status at now (the build's date; only its UTC day
// counts). Every problem goes to problems; Load never fails, it returns
// what could be read so the build can go on and report more.
func Load(fsys fs.FS, cfg *config.Config, now time.Time, problems *diag.List) *Directory {
	y, m, dd := now.UTC().Date()
	d := &Directory{
		Now:       time.Date(y, m, dd, 0, 0, 0, 0, time.UTC),
		cfgPrefix: cfg.RegistrationPrefix,
		cfgDigits: cfg.RegistrationDigits,
		baseURL:   cfg.BaseURL,
		org:       orgLD{Type: "Organization", ID: cfg.OrgID(), Name: cfg.OrgName(), URL: cfg.BaseURL},
		regions:   cfg.Vocab.Regions,
		mods:      cfg.Vocab.Modalities,
		langs:     cfg.Vocab.Languages,
		levels:    cfg.Vocab.Levels,
		files:     &outputs{},
	}
	l := &loader{fsys: fsys, cfg: cfg, d: d, problems: problems}

	schoolFiles := l.list(SchoolsDir)
	d.Schools = make([]*School, len(schoolFiles))
	pool.Run(len(schoolFiles), func(i int) { d.Schools[i] = l.school(schoolFiles[i]) })
	d.Schools = compact(d.Schools)

	files := l.list(PractitionersDir)
	d.Practitioners = make([]*Practitioner, len(files))
	pool.Run(len(files), func(i int) { d.Practitioners[i] = l.practitioner(files[i]) })
	d.Practitioners = compact(d.Practitioners)

	l.crossCheck()
	for _, s := range d.Schools {
		if s.Contact.fictional() || (s.Website != "" && fictionalWebsite(s.Website)) {
			d.Sample = true
		}
	}
	for _, p := range d.Practitioners {
		if p.Contact.fictional() {
			d.Sample = true
		}
	}
	return d
}

type loader struct {
	fsys     fs.FS
	cfg      *config.Config
	d        *Directory
	problems *diag.List
}

// list returns the .yaml files of dir, sorted, reporting file names that
// are not slugs, other files that would be ignored and folders, whose
// files are not read. The files editors'
// programs leave beside the data (a lock file, a backup, a hidden file:
// workfile.Skip) are left out, as every reader of the site leaves them.
func (l *loader) list(dir string) []string {
	entries, err := fs.ReadDir(l.fsys, dir)
	if err != nil {
		return nil // no directory: no entries
	}
	var out []string
	what := "practitioner"
	if dir == SchoolsDir {
		what = "school"
	}
	for _, e := range entries {
		name := e.Name()
		if workfile.Skip(name) {
			continue // an editor's working file or folder (workfile)
		}
		file := dir + "/" + name
		if e.IsDir() && strings.HasSuffix(name, ".yaml") {
			l.problems.Errorf(file, 0, 0, "is a folder, where a %s's details are read from a file of this name; remove the folder and save the details in a file of that name", what)
			continue
		}
		if e.IsDir() {
			// A folder of pages (.md) is the pages' own; one that
			// holds data files is a mistake that leaves them out.
			if l.holdsData(file) {
				l.problems.Errorf(file, 0, 0, "is a folder, and the .yaml files in it are not read: each %s's file goes straight into %s/; move them there (their addresses come from their file names alone)", what, dir)
			}
			continue
		}
		ext := path.Ext(name)
		if ext != ".yaml" {
			if ext == ".yml" || ext == ".YAML" {
				l.problems.Errorf(file, 1, 1, "%s files must end in .yaml; rename it to %s.yaml", dir, strings.TrimSuffix(name, ext))
			}
			continue
		}
		slug := strings.TrimSuffix(name, ext)
		if !ValidSlug(slug) {
			hint := ""
			if s := Slugify(slug); s != "" {
				hint = ", such as " + s + ".yaml"
			}
			l.problems.Errorf(file, 1, 1, "file name %q must be lower-case words joined by hyphens%s; rename the file (its name is the page address)", name, hint)
			continue
		}
		if len(slug) > config.MaxSegment {
			l.problems.Errorf(file, 1, 1, "the file name makes a URL segment of %d bytes, more than the %d a URL segment may have; shorten it (its name is the page address)", len(slug), config.MaxSegment)
			continue
		}
		out = append(out, file)
	}
	sort.Strings(out)
	return out
}

func compact[T any](s []*T) []*T {
	out := s[:0]
	for _, x := range s {
		if x != nil {
			out = append(out, x)
		}
	}
	return out
}

func (l *loader) read(file, oneEach string) (*yamldoc.Decoder, *yamldoc.Node) {
	src, err := fs.ReadFile(l.fsys, file)
	if err != nil {
		if !l.problems.AddFrom(err) {
			l.problems.Errorf(file, 0, 0, "%s", diag.CannotRead(file, err))
		}
		return nil, nil
	}
	d := yamldoc.New(file, src, 0, l.problems)
	d.OneEach = oneEach
	root := d.Parse()
	// Practitioners and schools are published as soon as their files
	// exist, so a placeholder in one is always reported.
	if ps := d.Placeholders(root); len(ps) > 0 {
		l.problems.Add(ps...)
	}
	return d, root
}

// practitioner decodes and checks one practitioner file; it returns nil
// only when the file cannot be read as a mapping at all.
func (l *loader) practitioner(file string) *Practitioner {
	dec, root := l.read(file, "put each practitioner in a file of their own")
	if root == nil {
		return nil
	}
	if root.Kind != yaml.MappingNode {
		dec.Errorf(root, "a practitioner file must be a mapping of keys to values, not a single value or list")
		return nil
	}
	p := &Practitioner{Slug: strings.TrimSuffix(path.Base(file), ".yaml"), Source: file, line: map[string]int{}, col: map[string]int{}}
	m := dec.Map(root, "practitioner", practitionerKeys...)
	for _, k := range m.Order {
		p.line[k], p.col[k] = dec.Pos(m.Value(k))
	}
	m.Require("name", "registration", "certified_until", "locations")
	m.OneLine("name", &p.Name)
	p.Name = strings.TrimSpace(p.Name)

	var reg string
	if m.Str("registration", &reg) && reg != "" {
		if l.cfg.RegistrationRe.MatchString(reg) {
			p.Registration = reg
		} else {
			hint := ""
			if n := l.cfg.NormalizeRegistration(reg); n != "" {
				hint = fmt.Sprintf("; did you mean %q?", n)
			}
			m.Errorf("registration", "registration %q must be %s followed by %d digits, like %s%s",
				reg, l.cfg.RegistrationPrefix, l.cfg.RegistrationDigits, l.cfg.NormalizeRegistration("4"), hint)
		}
	}
	m.Date("certified_since", &p.CertifiedSince)
	m.Date("certified_until", &p.CertifiedUntil)
	if !p.CertifiedSince.IsZero() && !p.CertifiedUntil.IsZero() && p.CertifiedUntil.Before(p.CertifiedSince) {
		// Either date may be the one mistyped: the message names both
		// places, reported at the one the register goes by.
		m.Errorf("certified_until", "certified_until %s is before certified_since %s (on line %d), so the certification would end before it began; check both dates and correct the wrong one",
			p.CertifiedUntil.Format("2006-01-02"), p.CertifiedSince.Format("2006-01-02"), m.Line("certified_since"))
	} else if !p.CertifiedSince.IsZero() && daysFrom(l.d.Now, p.CertifiedSince) > 0 {
		// Listed now and "certified since" a day to come: a typed
		// year, or a file added before the certification starts.
		m.Errorf("certified_since", "certified_since %s is after today (%s): the register would list them as certified before they are; check the year, or add the practitioner on the day their certification starts",
			p.CertifiedSince.Format("2006-01-02"), l.d.Now.Format("2006-01-02"))
	}
	if m.Str("level", &p.Level) {
		l.vocab(dec, m.Value("level"), p.Level, "level", "credential levels", "levels", l.cfg.Vocab.Levels, false)
	}
	m.Str("conditions", &p.Conditions)
	p.Conditions = strings.TrimSpace(p.Conditions)
	p.Modalities = l.vocabList(dec, m, "modalities", "modality", l.cfg.Vocab.Modalities)
	p.Languages = l.vocabList(dec, m, "languages", "language", l.cfg.Vocab.Languages)
	// Whether a practitioner takes new clients or visits at home is theirs
	// to say: a missing key would otherwise publish "No" for them.
	if m.Need("accepting_new_clients", "true or false") {
		m.Bool("accepting_new_clients", &p.Accepting)
	}
	if m.Need("home_visits", "true or false") {
		m.Bool("home_visits", &p.HomeVisits)
	}
	if m.Has("contact") {
		p.Contact = contact(dec, m.Value("contact"))
	}
	for _, it := range m.List("locations") {
		if loc, ok := l.location(dec, it); ok {
			p.Locations = append(p.Locations, loc)
		}
	}
	if v := m.Value("locations"); v != nil && v.Kind == yaml.SequenceNode && len(v.Content) == 0 {
		m.Errorf("locations", "locations is empty; add at least one practice address with town, region, postcode, lat and lon")
	}
	for _, it := range m.List("qualifications") {
		qm := dec.Map(it, "qualification", qualificationKeys...)
		qm.Require("title")
		var q Qualification
		qm.OneLine("title", &q.Title)
		qm.Str("school", &q.School)
		if qm.Int("year", &q.Year) && (q.Year < 1900 || q.Year > l.d.Now.Year()) {
			qm.Errorf("year", "year %d is not a plausible year for a qualification; write the year it was awarded, like 2012", q.Year)
		}
		p.Qualifications = append(p.Qualifications, q)
	}
	if m.Str("bio", &p.Bio) {
		v := m.Value("bio")
		block := v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0
		p.bioLine, p.bioCol = dec.Pos(v)
		switch {
		case block:
			p.bioLine++ // the text starts below `bio: |`, indented
			p.bioCol = dec.IndentCol(p.bioLine)
			if v.Style&yaml.FoldedStyle != 0 && strings.TrimSpace(p.Bio) != "" {
				// Markdown joins the lines of a paragraph as YAML folds
				// them; read as written, the text keeps its positions.
				p.Bio = dec.BlockLines(p.bioLine)
			}
		case v.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0:
			p.bioCol++ // after the opening quote
		}
		if frag, line := findRawHTML(p.Bio); frag != "" {
			at := *v
			if block {
				at.Line += 1 + line
				at.Column = p.bioCol
			}
			dec.Errorf(&at, "bio contains raw HTML (%s); raw HTML is not allowed in bios, write Markdown instead", frag)
		}
	}
	if m.Str("photo", &p.Photo) {
		l.photo(m, p.Photo)
	}
	l.setStatus(p)
	return p
}

func (l *loader) photo(m yamldoc.Map, photo string) {
	switch {
	case !strings.HasPrefix(photo, "/") || strings.Contains(photo, "..") || strings.Contains(photo, "//"):
		m.Errorf("photo", "photo %q must be a site path under static/, like /images/practitioners/name.jpg", photo)
	case !contains(photoExts, strings.ToLower(path.Ext(photo))):
		m.Errorf("photo", "photo %q must be a .jpg, .jpeg, .png, .webp or .avif image", photo)
	default:
		st, err := fs.Stat(l.fsys, "static"+photo)
		if l.problems.AddFrom(err) {
			return // a link out of the site, reported at the link
		}
		if err != nil || st.IsDir() {
			m.Errorf("photo", "photo %q does not exist; add the file static%s or remove the photo key", photo, photo)
		}
	}
}

// inDays says when a date n days from the build's today falls, for a
// notice: "today", "tomorrow", "in 12 days".
func inDays(n int) string {
	switch n {
	case 0:
		return "today"
	case 1:
		return "tomorrow"
	}
	return fmt.Sprintf("in %d days", n)
}

// daysFrom is how many days there are from now's date to the date of
// until, both in UTC, whatever the time of day: 0 for today, -1 for
// yesterday. A certification or an accreditation is good to the end of
// its last day.
func daysFrom(now, until time.Time) int {
	day := func(t time.Time) time.Time {
		y, m, d := t.UTC().Date()
		return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	}
	return int(day(until).Sub(day(now)).Hours() / 24)
}

// daysAgo says when a date n days before the build's today fell, for a
// notice: "yesterday", "12 days ago".
func daysAgo(n int) string {
	if n == 1 {
		return "yesterday"
	}
	return fmt.Sprintf("%d days ago", n)
}

// setStatus decides p's status at the build's date and lists a
// certification that ends soon or has just ended: the notice before and
// the notice after, for LapsingWithin days each, then silence.
func (l *loader) setStatus(p *Practitioner) {
	if p.CertifiedUntil.IsZero() {
		p.Status, p.DaysLeft = Lapsed, -1
		return
	}
	y, mo, dd := p.CertifiedUntil.UTC().Date()
	until := time.Date(y, mo, dd, 0, 0, 0, 0, time.UTC)
	p.DaysLeft = daysFrom(l.d.Now, until)
	name := p.Name
	if name == "" {
		name = p.Slug
	}
	line, col := p.Line("certified_until"), p.col["certified_until"]
	switch {
	case p.DaysLeft < 0:
		p.Status = Lapsed
		if -p.DaysLeft <= LapsingWithin {
			l.problems.Infof(p.Source, line, col,
				"the certification of %s (%s) ended on %s, %s: the directory no longer lists them and the registration check says it has lapsed; when they renew, change certified_until",
				name, p.Registration, until.Format("2 January 2006"), daysAgo(-p.DaysLeft))
		}
	case p.DaysLeft <= LapsingWithin:
		p.Status = Lapsing
		l.problems.Infof(p.Source, line, col,
			"the certification of %s (%s) ends on %s, %s; remind them to renew",
			name, p.Registration, until.Format("2 January 2006"), inDays(p.DaysLeft))
	default:
		p.Status = Current
	}
}

func (l *loader) location(dec *yamldoc.Decoder, n *yamldoc.Node) (Location, bool) {
	lm := dec.Map(n, "location", locationKeys...)
	if lm.Node == nil || lm.Node.Kind != yaml.MappingNode {
		return Location{}, false
	}
	ok := lm.Require("town", "region", "postcode", "lat", "lon")
	var loc Location
	lm.OneLine("name", &loc.Name)
	lm.OneLine("address", &loc.Address)
	lm.OneLine("town", &loc.Town)
	if lm.Str("region", &loc.Region) && !l.vocab(dec, lm.Value("region"), loc.Region, "region", "regions", "regions", l.cfg.Vocab.Regions, false) {
		ok = false
	}
	var pc string
	if lm.Str("postcode", &pc) && pc != "" {
		if norm, good := postcode.Parse(pc); good && areaProblem(norm) != "" {
			lm.Errorf("postcode", "postcode %q: %s", pc, areaProblem(norm))
			ok = false
		} else if good {
			loc.Postcode = norm
		} else {
			lm.Errorf("postcode", "postcode %q %s", pc, postcode.Explain(pc))
			ok = false
		}
	}
	if lm.Float("lat", &loc.Lat) && (loc.Lat < minLat || loc.Lat > maxLat) {
		lm.Errorf("lat", "lat %g is outside the UK (%g to %g); check that lat and lon are not swapped", loc.Lat, minLat, maxLat)
		ok = false
	}
	if lm.Float("lon", &loc.Lon) && (loc.Lon < minLon || loc.Lon > maxLon) {
		lm.Errorf("lon", "lon %g is outside the UK (%g to %g); check that lat and lon are not swapped", loc.Lon, minLon, maxLon)
		ok = false
	}
	if ok && loc.Postcode != "" {
		if a, km, far := farFromArea(loc); far {
			lm.Warnf("lat", "lat %g, lon %g is %.0f km from %s, the main town of the postcode area of %s; check the coordinates and the postcode (copy both from one map of the practice)",
				loc.Lat, loc.Lon, km, a.Name, loc.Postcode)
		}
	}
	if lm.Need("wheelchair_access", "true or false") {
		lm.Bool("wheelchair_access", &loc.WheelchairAccess)
	}
	return loc, ok
}

// contact decodes a contact mapping, checking each detail.
func contact(dec *yamldoc.Decoder, n *yamldoc.Node) Contact {
	cm := dec.Map(n, "contact", contactKeys...)
	var c Contact
	var email, tel string
	if cm.Str("email", &email) && email != "" {
		if why := link.EmailProblem(email); why == "" {
			c.Email = email
		} else {
			cm.Errorf("email", "email %q %s", email, why)
		}
	}
	if cm.Str("phone", &tel) && tel != "" {
		if n, why := phone.Parse(tel); why == "" {
			c.Phone = n
		} else {
			if why == phone.Foreign {
				why += ", and the directory lists UK numbers only"
			}
			cm.Errorf("phone", "phone %q is not a UK telephone number: %s; %s", tel, why, phone.Advice)
		}
	}
	publicWebsite(cm, &c.Website)
	return c
}

// vocab checks one value against a vocabulary of site.yaml; item says
// that the value is an item of a list (modalities) rather than a key's
// one value (region).
func (l *loader) vocab(dec *yamldoc.Decoder, n *yamldoc.Node, val, what, plural, key string, words []string, item bool) bool {
	if l.cfg.Vocab.Unread || contains(words, val) {
		return true
	}
	if several := severalWords(val, words); several != nil {
		// "Scotland, Wales" where one region is written, or "Reiki
		// and Reflexology" as one item of a list.
		if item {
			dec.Errorf(n, "%s %q names %d %s in one item; write each as an item of the list: %s: [%s]", what, val, len(several), plural, key, strings.Join(several, ", "))
		} else {
			dec.Errorf(n, "%s %q names %d %s, where one is written; write the one that applies", what, val, len(several), plural)
		}
		return false
	}
	hint := diag.DidYouMean(val, words)
	if hint == "" {
		if w := wordsWithin(val, words); w != "" {
			hint = fmt.Sprintf("; did you mean %q?", w)
		}
	}
	if hint == "" {
		list := ""
		if len(words) <= maxListed {
			list = " (" + strings.Join(words, ", ") + ")"
		}
		hint = fmt.Sprintf("%s; use one of them, or add it to vocabularies.%s in content/site.yaml", list, key)
	}
	dec.Errorf(n, "%s %q is not one of the %s%s", what, val, plural, hint)
	return false
}

// maxListed is the most words of a vocabulary a problem lists: the
// vocabularies of site.yaml as shipped have at most 20.
const maxListed = 20

// wordsWithin returns the one word of a vocabulary whose words are all
// among val's, as "Wales" is in "Mid Wales" and "South West" in "Far South
// West", or "" when none or more than one is.
func wordsWithin(val string, words []string) string {
	have := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(val)) {
		have[w] = true
	}
	found := ""
	for _, w := range words {
		all := len(strings.Fields(w)) > 0
		for _, f := range strings.Fields(strings.ToLower(w)) {
			all = all && have[f]
		}
		if all {
			if found != "" {
				return ""
			}
			found = w
		}
	}
	return found
}

// severalWords reads val as two or more words of a vocabulary joined by
// commas, "and", "&" or "/" ("Scotland, Wales", "Reiki and Reflexology"),
// and returns them, or nil.
func severalWords(val string, words []string) []string {
	parts := strings.FieldsFunc(strings.NewReplacer(" and ", ",", "&", ",", "/", ",").Replace(val), func(r rune) bool { return r == ',' })
	if len(parts) < 2 {
		return nil
	}
	var out []string
	for _, p := range parts {
		p = strings.Join(strings.Fields(p), " ")
		i := slices.IndexFunc(words, func(w string) bool { return strings.EqualFold(w, p) })
		if i < 0 {
			return nil
		}
		out = append(out, words[i])
	}
	return out
}

// vocabList decodes a list of vocabulary words, checking each at its
// position; a repeat is a warning at the repeat, and dropped.
func (l *loader) vocabList(dec *yamldoc.Decoder, m yamldoc.Map, key, what string, words []string) []string {
	var out []string
	first := map[string]int{}
	for _, it := range m.Items(key) {
		if it.Kind != yaml.ScalarNode || it.ShortTag() == "!!null" {
			dec.Errorf(it, "each item of %s must be text, not a list or mapping", key)
			continue
		}
		if line, seen := first[it.Value]; seen {
			dec.Warnf(it, "%s %q is listed twice in %s (first on line %d); remove this one", what, it.Value, key, line)
			continue
		}
		first[it.Value], _ = dec.Pos(it)
		if l.vocab(dec, it, it.Value, what, key, key, words, true) {
			out = append(out, it.Value)
		}
	}
	return out
}

// publicWebsite reads the website of m into dst: an http(s) address
// (yamldoc.Map.WebURL) that a visitor can reach (localWebsite).
func publicWebsite(m yamldoc.Map, dst *string) {
	if m.WebURL("website", dst) {
		if why := localWebsite(*dst); why != "" {
			m.Errorf("website", "website %q %s", *dst, why)
			*dst = ""
		}
	}
}

// localWebsite says why a website's address cannot be reached by a
// visitor, as it names this computer or a private network
// (http://localhost:8080/, http://192.168.1.20/), or returns "".
func localWebsite(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	host := strings.ToLower(strings.TrimSuffix(u.Hostname(), "."))
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return "names this computer (localhost), which a visitor cannot reach; write its public address, such as https://example.org/"
	}
	ip, err := netip.ParseAddr(host)
	if err != nil {
		return ""
	}
	switch {
	case ip.IsLoopback(), ip.IsUnspecified():
		return "names this computer (" + host + "), which a visitor cannot reach; write its public address, such as https://example.org/"
	case ip.IsPrivate(), ip.IsLinkLocalUnicast():
		return "is an address on a private network (" + host + "), which a visitor cannot reach; write its public address, such as https://example.org/"
	}
	return ""
}

func (l *loader) school(file string) *School {
	dec, root := l.read(file, "put each school in a file of its own")
	if root == nil {
		return nil
	}
	if root.Kind != yaml.MappingNode {
		dec.Errorf(root, "a school file must be a mapping of keys to values, not a single value or list")
		return nil
	}
	s := &School{Slug: strings.TrimSuffix(path.Base(file), ".yaml"), Source: file}
	m := dec.Map(root, "school", schoolKeys...)
	m.Require("name")
	m.OneLine("name", &s.Name)
	publicWebsite(m, &s.Website)
	if m.Str("region", &s.Region) {
		l.vocab(dec, m.Value("region"), s.Region, "region", "regions", "regions", l.cfg.Vocab.Regions, false)
	}
	if m.Has("contact") {
		s.Contact = contact(dec, m.Value("contact"))
	}
	titles := map[string]int{} // a course title, folded -> its line
	for _, it := range m.List("courses") {
		cm := dec.Map(it, "course", courseKeys...)
		cm.Require("title", "accredited_until")
		var c Course
		if cm.OneLine("title", &c.Title) && c.Title != "" {
			key := fold.Slug(c.Title)
			if first, dup := titles[key]; dup {
				cm.Warnf("title", "a course titled %q is listed already, on line %d, and the training page tells the two apart only by a number at the end of this one's address; give each course a title of its own, or remove the one no longer taught",
					c.Title, first)
			} else {
				titles[key] = cm.Line("title")
			}
		}
		if cm.Date("accredited_until", &c.AccreditedUntil) {
			days := daysFrom(l.d.Now, c.AccreditedUntil)
			line, col := dec.Pos(cm.Value("accredited_until"))
			title, school, until := cmp.Or(c.Title, "(untitled)"), cmp.Or(s.Name, s.Slug), c.AccreditedUntil.Format("2 January 2006")
			switch {
			case days >= 0 && days <= LapsingWithin:
				l.problems.Infof(file, line, col, "the accreditation of the course %q of %s ends on %s, %s; renew it, or the course leaves the training page",
					title, school, until, inDays(days))
			case days < 0 && -days <= LapsingWithin:
				l.problems.Infof(file, line, col, "the accreditation of the course %q of %s ended on %s, %s: the training page no longer lists it; when it is renewed, change accredited_until",
					title, school, until, daysAgo(-days))
			}
		}
		// Each is a cell of the course's row on the training page, which
		// would otherwise be blank.
		if cm.Need("length", "how long the course takes, such as 2 years part-time (10 weekend modules)") {
			cm.Str("length", &c.Length)
		}
		if cm.Need("format", "In person, Blended or Online") {
			cm.Str("format", &c.Format)
		}
		if cm.Need("location", "where it is taught, such as York, or Online") {
			cm.Str("location", &c.Location)
		}
		if cm.Need("prerequisites", "what a student needs first, or None") {
			cm.Str("prerequisites", &c.Prerequisites)
		}
		c.Lapsed = c.AccreditedUntil.IsZero() || daysFrom(l.d.Now, c.AccreditedUntil) < 0
		c.Anchor = courseAnchor(s, c.Title)
		s.Courses = append(s.Courses, c)
	}
	return s
}

// courseAnchor returns the id of a course's row on the training page:
// the school's slug, two hyphens and the course title's, numbered when
// the school has a course of that title already. A slug never holds two
// hyphens running, so no school's id is ever a course's.
func courseAnchor(s *School, title string) string {
	base := s.Slug + "--" + cmp.Or(fold.Slug(title), "course")
	a := base
	for n := 2; slices.ContainsFunc(s.Courses, func(c Course) bool { return c.Anchor == a }); n++ {
		a = base + "-" + strconv.Itoa(n)
	}
	return a
}

// crossCheck runs the checks that involve more than one file, in slug
// order: duplicate registration numbers and unknown schools.
func (l *loader) crossCheck() {
	schools := make(map[string]bool, len(l.d.Schools))
	var slugs []string
	for _, s := range l.d.Schools {
		schools[s.Slug] = true
		slugs = append(slugs, s.Slug)
	}
	seen := make(map[string]*Practitioner, len(l.d.Practitioners))
	for _, p := range l.d.Practitioners {
		if p.Registration != "" {
			if first, dup := seen[p.Registration]; dup {
				l.duplicateRegistration(first, p)
			} else {
				seen[p.Registration] = p
			}
		}
		if !p.hasQualificationSchools() {
			continue
		}
		l.checkSchools(p, schools, slugs)
	}
}

// duplicateRegistration reports two practitioners with one registration
// number, first in slug order. Two files with the same name in them too
// are one practitioner written twice, most often a file copied to start
// a new one: the problem is reported at the copy, the file not named
// after the practitioner (aelia-thornhurst-copy.yaml beside
// aelia-thornhurst.yaml), and says to delete it or finish it.
func (l *loader) duplicateRegistration(first, p *Practitioner) {
	if Slugify(first.Name) != Slugify(p.Name) {
		l.problems.Errorf(p.Source, p.Line("registration"), p.col["registration"],
			"registration %q is already used by %s:%d; every practitioner needs their own number",
			p.Registration, first.Source, first.Line("registration"))
		return
	}
	named := func(q *Practitioner) bool { return q.Slug == Slugify(q.Name) }
	if named(p) && !named(first) {
		first, p = p, first
	}
	l.problems.Errorf(p.Source, p.Line("registration"), p.col["registration"],
		"%s, registration %q, is already in %s:%d; if this file is a copy, delete it, or if it is to be a new practitioner, give it their name and number",
		p.Name, p.Registration, first.Source, first.Line("registration"))
}

func (p *Practitioner) hasQualificationSchools() bool {
	for _, q := range p.Qualifications {
		if q.School != "" {
			return true
		}
	}
	return false
}

// checkSchools reports qualifications that name a school without a file.
// Positions come from the file again: the decoded qualifications do not
// keep nodes, and this path runs only for the files that name schools.
func (l *loader) checkSchools(p *Practitioner, schools map[string]bool, slugs []string) {
	bad := false
	for _, q := range p.Qualifications {
		if q.School != "" && !schools[q.School] {
			bad = true
		}
	}
	if !bad {
		return
	}
	src, err := fs.ReadFile(l.fsys, p.Source)
	if err != nil {
		return
	}
	var doc yaml.Node
	if yaml.Unmarshal(src, &doc) != nil || len(doc.Content) == 0 {
		return
	}
	dec := yamldoc.New(p.Source, src, 0, l.problems)
	root := doc.Content[0]
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value != "qualifications" || root.Content[i+1].Kind != yaml.SequenceNode {
			continue
		}
		for _, it := range root.Content[i+1].Content {
			if it.Kind != yaml.MappingNode {
				continue
			}
			for j := 0; j+1 < len(it.Content); j += 2 {
				k, v := it.Content[j], it.Content[j+1]
				if k.Value == "school" && v.Kind == yaml.ScalarNode && v.Value != "" && !schools[v.Value] && !diag.IsPlaceholder(v.Value) {
					hint := diag.DidYouMean(v.Value, slugs)
					if hint == "" {
						hint = "; add content/schools/" + v.Value + ".yaml or name one of the schools there"
					}
					dec.Errorf(v, "school %q is not a school in content/schools/%s", v.Value, hint)
				}
			}
		}
	}
}

// holdsData reports whether the folder dir holds, at any depth, a file
// that reads as a data file (.yaml, or .yml, which is told to be renamed).
func (l *loader) holdsData(dir string) bool {
	found := false
	_ = fs.WalkDir(l.fsys, dir, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil || found:
			return fs.SkipAll
		case p != dir && workfile.Skip(d.Name()):
			if d.IsDir() {
				return fs.SkipDir
			}
		case !d.IsDir() && (strings.EqualFold(path.Ext(p), ".yaml") || path.Ext(p) == ".yml"):
			found = true
			return fs.SkipAll
		}
		return nil
	})
	return found
}
