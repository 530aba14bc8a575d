package benchcorpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

const inwardLetters = "ABDEFGHJLNPQRSTUWXYZ" // UK inward codes exclude C I K M O V

func day(t time.Time) string { return t.Format("2006-01-02") }

func addDays(t time.Time, n int) time.Time { return t.AddDate(0, 0, n) }

func phoneNumber(r *rand.Rand) string {
	if r.IntN(3) == 0 {
		return fmt.Sprintf("07700 900%03d", r.IntN(1000)) // Ofcom drama range, mobile
	}
	return fmt.Sprintf("01632 960%03d", r.IntN(1000)) // Ofcom drama range, geographic
}

func postcode(r *rand.Rand, t town) string {
	return fmt.Sprintf("%s%d %d%c%c", t.area, t.district+r.IntN(3), r.IntN(10),
		inwardLetters[r.IntN(len(inwardLetters))], inwardLetters[r.IntN(len(inwardLetters))])
}

// ---- schools (content/schools/<slug>.yaml)

type school struct {
	slug, name string
	town       town
}

var schoolKinds = []struct{ slug, format string }{
	{"college", "%s College of Craniosacral Therapy"},
	{"school", "%s School of Cranial Studies"},
	{"institute", "%s Institute of Craniosacral Therapy"},
	{"academy", "%s Academy of Craniosacral Studies"},
	{"training-centre", "%s Craniosacral Training Centre"},
}

var courseTitles = []string{
	"Diploma in Craniosacral Therapy",
	"Foundation Course in Anatomy and Physiology",
	"Advanced Certificate in Paediatric Craniosacral Therapy",
	"Postgraduate Certificate in Visceral Manipulation",
	"Certificate in Teaching Craniosacral Therapy",
	"Cranial Nerves and the Brainstem (CPD)",
}

var courseLengths = []string{
	"2 years part-time (10 weekend modules)", "18 months part-time (8 modules of 4 days)",
	"3 years part-time (12 modules)", "6 weekends", "10 evenings and 2 weekends", "4 days",
}

var courseFormats = []string{"In person", "Blended", "Online theory with in-person practicals"}

var prerequisites = []string{
	"Anatomy and physiology to Level 3, or the school's foundation course",
	"None",
	"A recognised qualification in a manual therapy and anatomy and physiology to Level 3",
	"Diploma in Craniosacral Therapy and two years in practice",
	"Registered membership of the association",
}

// makeSchools picks n distinct towns for n schools. Slugs are <town>-<kind>.
func makeSchools(n int, seed uint64) []school {
	r := rand.New(rand.NewPCG(seed, 4<<32))
	if n > len(towns) {
		n = len(towns)
	}
	out := make([]school, n)
	for i, ti := range r.Perm(len(towns))[:n] {
		t := towns[ti]
		k := schoolKinds[r.IntN(len(schoolKinds))]
		out[i] = school{slug: slugify(t.name) + "-" + k.slug, name: fmt.Sprintf(k.format, t.name), town: t}
	}
	return out
}

func schoolYAML(schools []school, k int, seed uint64, today time.Time) []byte {
	r := rand.New(rand.NewPCG(seed, 5<<32+uint64(k)))
	s := schools[k]
	var b strings.Builder
	fmt.Fprintf(&b, "name: %s\nwebsite: %s\nregion: %s\n", ys(s.name), ys("https://example.org/"+s.slug), ys(s.town.reg.name))
	fmt.Fprintf(&b, "contact: {email: %s, phone: %q}\n", ys(s.slug+"@example.org"), phoneNumber(r))
	b.WriteString("courses:\n")
	titles := []string{courseTitles[0]}
	for _, i := range r.Perm(len(courseTitles) - 1)[:r.IntN(4)] {
		titles = append(titles, courseTitles[1+i])
	}
	for _, title := range titles {
		until := addDays(today, 60+r.IntN(4*365))
		if r.IntN(10) == 0 {
			until = addDays(today, -(30 + r.IntN(2*365))) // accreditation lapsed
		}
		length, pre := courseLengths[r.IntN(3)], prerequisites[0]
		switch {
		case strings.HasPrefix(title, "Foundation"):
			length, pre = courseLengths[3+r.IntN(2)], prerequisites[1]
		case strings.HasPrefix(title, "Advanced"), strings.HasPrefix(title, "Postgraduate"):
			length, pre = courseLengths[3+r.IntN(2)], prerequisites[3]
		case strings.HasPrefix(title, "Certificate in Teaching"):
			length, pre = courseLengths[3], prerequisites[3]
		case strings.HasSuffix(title, "(CPD)"):
			length, pre = courseLengths[5], prerequisites[4]
		case r.IntN(4) == 0:
			pre = prerequisites[2]
		}
		loc := s.town.name
		if r.IntN(4) == 0 {
			loc = s.town.name + " and online"
		}
		fmt.Fprintf(&b, "  - title: %s\n    accredited_until: %s\n    length: %s\n    format: %s\n    location: %s\n    prerequisites: %s\n",
			ys(title), day(until), ys(length), ys(courseFormats[r.IntN(len(courseFormats))]), ys(loc), ys(pre))
	}
	return []byte(b.String())
}

// ---- practitioners (content/practitioners/<slug>.yaml)

var streets = fields(`Mill Church High Station Park Bridge Chapel Orchard Meadow Victoria Market Castle Mount Spring Willow Elm Green Abbey Quarry Brook`)
var streetTypes = fields(`Lane Street Road Street Road Avenue Close Row Place Walk Terrace`)

var practiceNames = []string{
	"%s Wellbeing Centre", "%s Natural Health Clinic", "%s Complementary Health Centre",
	"%s Therapy Rooms", "%s Healing Arts Studio", "%s Community Clinic",
}

var qualificationExtras = []string{
	"Advanced Certificate in Paediatric Craniosacral Therapy",
	"Postgraduate Certificate in Visceral Manipulation",
	"Cranial Nerves and the Brainstem (CPD)",
	"Certificate in Teaching Craniosacral Therapy",
}

var practiceConditions = []string{
	"Practises under the supervision of a Teacher member until the next renewal.",
	"Does not treat babies under six months.",
	"Treats adults only.",
	"Home visits only within 10 miles of the practice address.",
}

func practitionerYAML(j int, seed uint64, townZ *zipf, schools []school, slugs map[string]int, today time.Time) (string, []byte) {
	r := rand.New(rand.NewPCG(seed, 2<<32+uint64(j)))
	g := &gen{r}
	given, family := fictionalName(r)
	name := given + " " + family
	slug := slugify(name)
	slugs[slug]++
	if n := slugs[slug]; n > 1 {
		slug = fmt.Sprintf("%s-%d", slug, n)
	}

	var until time.Time
	switch x := r.IntN(100); {
	case x < 5:
		until = addDays(today, -(60 + r.IntN(3*365-60))) // lapsed
	case x < 8:
		until = addDays(today, 1+r.IntN(30)) // lapses within 30 days
	default:
		until = addDays(today, 60+r.IntN(3*365-60))
	}
	latest := addDays(today, -180)
	if u := addDays(until, -365); u.Before(latest) {
		latest = u
	}
	since := addDays(latest, -r.IntN(25*365))
	level := credentialLevels[0]
	switch x := r.IntN(10); {
	case x == 0:
		level = credentialLevels[2]
	case x <= 2:
		level = credentialLevels[1]
	}
	conditions := ""
	if r.IntN(20) == 0 {
		conditions = practiceConditions[r.IntN(len(practiceConditions))]
	}
	mods := append([]string{modalities[0]}, pickDistinct(r, modalities[1:], r.IntN(4), 0)...)
	langs := []string{"English"}
	if r.IntN(3) == 0 {
		langs = append(langs, pickDistinct(r, languages[1:], 1+r.IntN(2), 0)...)
	}

	var b strings.Builder
	fmt.Fprintf(&b, "name: %s\nregistration: %s\ncertified_since: %s\ncertified_until: %s\nlevel: %s\nconditions: %s\n",
		ys(name), ys(fmt.Sprintf("CST-%06d", j+1)), day(since), day(until), ys(level), ys(conditions))
	fmt.Fprintf(&b, "modalities: %s\nlanguages: %s\naccepting_new_clients: %t\nhome_visits: %t\n",
		ylist(mods), ylist(langs), r.IntN(3) != 0, r.IntN(4) == 0)
	contact := "email: " + ys(strings.ReplaceAll(slug, "-", ".")+"@example.org") + ", phone: " + fmt.Sprintf("%q", phoneNumber(r))
	if r.IntN(4) != 0 {
		contact += ", website: " + ys("https://example.org/"+slug)
	}
	b.WriteString("contact: {" + contact + "}\n")

	b.WriteString("locations:\n")
	home := towns[townZ.pick(r)]
	nLoc := 1
	if x := r.IntN(100); x >= 92 {
		nLoc = 3
	} else if x >= 70 {
		nLoc = 2
	}
	used := map[string]bool{}
	for l := 0; l < nLoc; l++ {
		t := home
		if l > 0 { // another town, in the same region where there is one
			t = towns[r.IntN(len(towns))]
			for k := 0; k < 20 && (t.reg != home.reg || used[t.name]); k++ {
				t = towns[r.IntN(len(towns))]
			}
		}
		used[t.name] = true
		pname := fmt.Sprintf(practiceNames[r.IntN(len(practiceNames))], t.name)
		if r.IntN(5) == 0 {
			pname = fmt.Sprintf(practiceNames[3], family)
		}
		addr := fmt.Sprintf("%d %s %s", 1+r.IntN(120), streets[r.IntN(len(streets))], streetTypes[r.IntN(len(streetTypes))])
		fmt.Fprintf(&b, "  - name: %s\n    address: %s\n    town: %s\n    region: %s\n    postcode: %s\n    lat: %.5f\n    lon: %.5f\n    wheelchair_access: %t\n",
			ys(pname), ys(addr), ys(t.name), ys(t.reg.name), ys(postcode(r, t)),
			t.lat+(r.Float64()-0.5)*0.06, t.lon+(r.Float64()-0.5)*0.09, r.IntN(5) < 3)
	}

	b.WriteString("qualifications:\n")
	year := since.Year() - r.IntN(2)
	fmt.Fprintf(&b, "  - {title: %s, school: %s, year: %d}\n", ys(courseTitles[0]), ys(schools[r.IntN(len(schools))].slug), year)
	extras := r.IntN(3)
	if level == credentialLevels[2] {
		extras++
	}
	for _, i := range r.Perm(len(qualificationExtras))[:extras] {
		if year >= today.Year()-1 {
			break
		}
		year += 1 + r.IntN(today.Year()-year-1)
		fmt.Fprintf(&b, "  - {title: %s, school: %s, year: %d}\n", ys(qualificationExtras[i]), ys(schools[r.IntN(len(schools))].slug), year)
	}

	years := today.Year() - since.Year()
	if years < 1 {
		years = 1
	}
	unit := "years"
	if years == 1 {
		unit = "year"
	}
	p1 := []string{fmt.Sprintf("%s has practised craniosacral therapy in %s for %d %s.", given, home.name, years, unit)}
	for k := 1 + r.IntN(3); k > 0; k-- {
		p1 = append(p1, g.sentence())
	}
	bio := strings.Join(p1, " ")
	if r.IntN(2) == 0 {
		bio += "\n\n" + g.paragraph(1, 3)
	}
	b.WriteString("bio: " + yblock(bio, "  "))
	return slug, []byte(b.String())
}
