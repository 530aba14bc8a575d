package directory

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"sitegen/internal/pool"
)

// VerifyShardSize is how many consecutive registration numbers share one
// shard of the registration check's data.
const VerifyShardSize = 250

// File is an output file: Path is relative to the output root, with
// forward slashes, such as "practitioners/aelia-thornhurst.vcf".
type File struct {
	Path string
	Data []byte
}

// FilterData is the JSON the directory page's filters load, written as
// one or more parts, practitioners/directory.<hash>.json (see
// FilterParts). A visitor's phone downloads and reads all of it before
// the first filter answers, so it says each thing once: vocabulary
// values are indexes into Regions, Modalities and Languages, towns and postcode districts indexes into Places, and each
// practitioner is an array rather than an object:
//
//	[slug, name, flags, [modality...], [language...], [location...], level, registration, conditions]
//
// slug is "" when it is the slug of the name (Slugify), as it nearly
// always is; flags is 1 for accepting new clients plus 2 for home visits
// plus 4 for working with children (Practitioner.Paediatric); a location
// is [town, region, postcode district, lat, lon, wheelchair (0 or 1)], its
// town and district the indexes of their places (-1 for none), with
// lat and lon rounded to 3 decimals (about 100 m). Places are the towns and
// postcode districts of the directory with the mean position of their
// locations, [label, lat, lon], for "sort by distance from"; Areas are the
// gazetteer's places (see Areas), [name, lat, lon, "EH", "Other, Names"],
// with their postcode areas separated by spaces and the other names they
// are known by separated by commas, for a town or postcode that is not
// among the Places. conditions, only there for a practitioner with
// conditions on their practice, is the index into Conditions of their
// card's wording of them (Practitioner.CardConditions, "" when too long
// for a card), each wording said once however many share it. Registration is the format of registration numbers,
// [prefix, digits], so that the name box finds a practitioner by number.
type FilterData struct {
	Regions    []string `json:"regions"`
	Modalities []string `json:"modalities"`
	Languages  []string `json:"languages"`
	Levels     []string `json:"levels"`
	Places     [][3]any `json:"places"`
	Areas      [][5]any `json:"areas"`
	People     [][]any  `json:"people"`
	// Conditions are the cards' wordings of conditions on practice.
	Conditions []string `json:"conditions"`
	// Registration is [prefix, digits], such as ["CST-", 6].
	Registration [2]any `json:"registration"`
}

// FilterPartSize is how many practitioners one part of the filter data
// holds at most. A phone reads each part in a task of its own, between
// which the page answers taps and keys: the 900 KB of ten thousand
// practitioners, read in one go, hold a slowed phone up for 60 ms or more
// the first time, and a part of 2,500 for about a quarter of that.
const FilterPartSize = 2500

// FilterParts splits fd into the parts the page fetches together: the
// first is fd with only the first size practitioners, the others
// {"people": [...]} with the next size each, in order. A directory of
// up to size practitioners is one part, fd itself. The page joins them
// back (directory-core.js joinParts).
func FilterParts(fd FilterData, size int) []any {
	if size <= 0 || len(fd.People) <= size {
		return []any{fd}
	}
	first := fd
	first.People = fd.People[:size]
	parts := []any{first}
	for i := size; i < len(fd.People); i += size {
		parts = append(parts, filterPart{People: fd.People[i:min(i+size, len(fd.People))]})
	}
	return parts
}

// filterPart is a part of the filter data after the first.
type filterPart struct {
	People [][]any `json:"people"`
}

// VerifyManifest is verify/index.<hash>.json: the shard size and, for each
// shard that has numbers, its file's site path keyed by shard number
// (registration number / Size) in decimal.
type VerifyManifest struct {
	Prefix string            `json:"prefix"`
	Digits int               `json:"digits"`
	Size   int               `json:"size"`
	Built  string            `json:"built"` // the build's date, YYYY-MM-DD
	Shards map[string]string `json:"shards"`
}

// A verify shard maps the registration number, in canonical form, to
// [name, profile path or "", certified_since, certified_until, level,
// conditions]. Lapsed practitioners have no profile path.
type verifyEntry [6]string

type outputs struct {
	once       sync.Once
	files      []File
	filterURLs []string // site paths of the filter data's parts, in order
	verifyURL  string   // site path of the verify manifest
}

// Files returns the directory's output files: a vCard for each listed
// practitioner, the filter data and the registration check's manifest and
// shards. The result is deterministic.
func (d *Directory) Files() []File {
	return d.outputs().files
}

// FilterDataURLs are the site paths of the filter data's parts, in order
// (see FilterParts).
func (d *Directory) FilterDataURLs() []string { return d.outputs().filterURLs }

// VerifyIndexURL is the site path of the registration check's manifest.
func (d *Directory) VerifyIndexURL() string { return d.outputs().verifyURL }

func (d *Directory) outputs() *outputs {
	o := d.files // made by Load, so concurrent callers share one computation
	o.once.Do(func() {
		// The vCards on the pool, the filter data and the registration
		// check's files beside it: a register of ten thousand takes a
		// fifth of a second on one core.
		var fd [][]byte
		var manifest []byte
		var shards []File
		var wg sync.WaitGroup
		wg.Go(func() {
			for _, part := range FilterParts(d.FilterData(), FilterPartSize) {
				fd = append(fd, mustJSON(part))
			}
		})
		wg.Go(func() { manifest, shards = d.verifyFiles() })
		cur := d.Current()
		o.files = make([]File, len(cur), len(cur)+2)
		pool.Run(len(cur), func(i int) {
			o.files[i] = File{Path: "practitioners/" + cur[i].Slug + ".vcf", Data: d.VCard(cur[i])}
		})
		wg.Wait()
		for _, part := range fd {
			name := "practitioners/directory." + hash(part) + ".json"
			o.files = append(o.files, File{Path: name, Data: part})
			o.filterURLs = append(o.filterURLs, "/"+name)
		}

		o.files = append(o.files, shards...)
		name := "verify/index." + hash(manifest) + ".json"
		o.files = append(o.files, File{Path: name, Data: manifest})
		o.verifyURL = "/" + name
	})
	return o
}

func hash(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:5])
}

// mustJSON encodes v without a trailing newline; HTML-significant
// characters come out as \u escapes, so the data is safe wherever it lands.
func mustJSON(v any) []byte {
	b, err := json.Marshal(v)
	if err != nil {
		panic("directory: encoding JSON data: " + err.Error()) // only plain values are encoded
	}
	return b
}

func round3(f float64) float64 { return math.Round(f*1000) / 1000 }

func index(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// FilterData builds the filter data of the listed practitioners, in the
// order of the directory (by name).
func (d *Directory) FilterData() FilterData {
	fd := FilterData{Regions: d.regions, Modalities: d.mods, Languages: d.langs, Levels: d.levels, People: [][]any{}, Places: [][3]any{}, Conditions: []string{},
		Registration: [2]any{d.cfgPrefix, d.cfgDigits}}
	type acc struct {
		lat, lon float64
		n        int
		regions  map[string]bool
	}
	towns, districts := map[string]*acc{}, map[string]*acc{}
	add := func(m map[string]*acc, key, region string, l Location) {
		a := m[key]
		if a == nil {
			a = &acc{regions: map[string]bool{}}
			m[key] = a
		}
		a.lat += l.Lat
		a.lon += l.Lon
		a.n++
		a.regions[region] = true
	}
	listed := sortByName(d.Current())
	for _, p := range listed {
		for _, l := range p.Locations {
			add(towns, l.Town, l.Region, l)
			add(districts, l.District(), l.Region, l)
		}
	}
	var places [][3]any
	placeAt := map[[2]string]int{} // {"town" or "district", its name}
	for i, m := range []map[string]*acc{towns, districts} {
		keys := make([]string, 0, len(m))
		for k := range m {
			if k != "" {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		for _, k := range keys {
			a := m[k]
			placeAt[[2]string{[]string{"town", "district"}[i], k}] = len(places)
			places = append(places, [3]any{k, round3(a.lat / float64(a.n)), round3(a.lon / float64(a.n))})
		}
	}
	if places != nil {
		fd.Places = places
	}
	place := func(kind, name string) int {
		if i, ok := placeAt[[2]string{kind, name}]; ok {
			return i
		}
		return -1
	}
	conditionAt := map[string]int{}
	for _, p := range listed {
		flags := 0
		if p.Accepting {
			flags |= 1
		}
		if p.HomeVisits {
			flags |= 2
		}
		if p.Paediatric() {
			flags |= 4
		}
		mods, langs := []int{}, []int{}
		for _, m := range p.Modalities {
			mods = append(mods, index(d.mods, m))
		}
		for _, l := range p.Languages {
			langs = append(langs, index(d.langs, l))
		}
		locs := [][]any{}
		for _, l := range p.Locations {
			wc := 0
			if l.WheelchairAccess {
				wc = 1
			}
			locs = append(locs, []any{place("town", l.Town), index(d.regions, l.Region), place("district", l.District()), round3(l.Lat), round3(l.Lon), wc})
		}
		level := index(d.levels, p.Level)
		slug := p.Slug
		if slug == Slugify(p.Name) {
			slug = ""
		}
		row := []any{slug, p.Name, flags, mods, langs, locs, level, p.Registration}
		if p.Conditions != "" {
			c := p.CardConditions()
			i, ok := conditionAt[c]
			if !ok {
				i = len(fd.Conditions)
				conditionAt[c] = i
				fd.Conditions = append(fd.Conditions, c)
			}
			row = append(row, i)
		}
		fd.People = append(fd.People, row)
	}
	fd.Areas = make([][5]any, len(ukAreas))
	for i, a := range ukAreas {
		fd.Areas[i] = [5]any{a.Name, a.Lat, a.Lon, strings.Join(a.Codes, " "), strings.Join(a.Others, ", ")}
	}
	return fd
}

// sortByName orders practitioners as the directory lists them: by name,
// ignoring case, then by slug.
func sortByName(ps []*Practitioner) []*Practitioner {
	out := append([]*Practitioner(nil), ps...)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := strings.ToLower(out[i].Name), strings.ToLower(out[j].Name)
		if a != b {
			return a < b
		}
		return out[i].Slug < out[j].Slug
	})
	return out
}

// regNumber is the numeric part of a canonical registration number.
func (d *Directory) regNumber(reg string) (int, bool) {
	n, err := strconv.Atoi(strings.TrimPrefix(reg, d.cfgPrefix))
	return n, err == nil && n >= 0
}

// verifyFiles returns the registration check's manifest and its shards.
// Every practitioner with a valid registration number is included, lapsed
// ones too.
func (d *Directory) verifyFiles() ([]byte, []File) {
	shards := map[int]map[string]verifyEntry{}
	for _, p := range d.Practitioners {
		n, ok := d.regNumber(p.Registration)
		if !ok || p.Registration == "" {
			continue
		}
		s := n / VerifyShardSize
		if shards[s] == nil {
			shards[s] = map[string]verifyEntry{}
		}
		if _, dup := shards[s][p.Registration]; dup {
			continue // reported by Load; the first file wins
		}
		profile := ""
		if p.Status.Listed() {
			profile = p.URL()
		}
		shards[s][p.Registration] = verifyEntry{p.Name, profile, dateOrEmpty(p.CertifiedSince), dateOrEmpty(p.CertifiedUntil), p.Level, p.Conditions}
	}
	keys := make([]int, 0, len(shards))
	for k := range shards {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	m := VerifyManifest{Prefix: d.cfgPrefix, Digits: d.cfgDigits, Size: VerifyShardSize, Built: d.Now.Format("2006-01-02"), Shards: map[string]string{}}
	var files []File
	for _, k := range keys {
		data := mustJSON(shards[k]) // encoding/json sorts map keys
		name := "verify/" + strconv.Itoa(k) + "." + hash(data) + ".json"
		files = append(files, File{Path: name, Data: data})
		m.Shards[strconv.Itoa(k)] = "/" + name
	}
	return mustJSON(m), files
}

func dateOrEmpty(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}
