// Package benchcorpus writes the deterministic synthetic corpus the
// benchmarks build: Markdown articles (~1,000 words each, with headings,
// lists, quotes, tables and links to one another), YAML practitioner and
// school records, reading lists and the vocabularies they use. It is the
// project's own copy of the comparison kit's generator: with the same
// Options the articles, practitioners and schools are byte-identical to
// the kit's `gencorpus -articles N -practitioners M -seed S`, so figures
// from `make bench` and from the side-by-side comparison with Hugo are
// measured on the same text.
//
//	Generate(dir, opt)        writes dir/content/{articles,practitioners,schools,reading}/...
//	                          and dir/vocabularies.yaml
//	Site(dir, repo, opt)      a buildable site: the repository's content/, layouts/ and
//	                          static/, its articles replaced by opt.Articles generated
//	                          ones, its register by opt.Practitioners generated records
//
// Everything is invented: names, towns, schools and publishers; e-mail
// addresses and websites on example.org; telephone numbers in Ofcom's
// drama ranges. Certification dates are relative to Options.Today (default
// DefaultToday), not the clock: build with that date as "now" to see the
// documented split (~5% lapsed, ~3% lapsing within 30 days).
//
// Nothing here runs in `go test` without -bench: the package only writes
// files when asked.
package benchcorpus

import (
	"fmt"
	"io/fs"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"sitegen/internal/directory"
)

// zipf samples indexes 0..n-1 with weight 1/(i+1)^s.
type zipf struct{ cdf []float64 }

func newZipf(n int, s float64) *zipf {
	z := &zipf{cdf: make([]float64, n)}
	total := 0.0
	for i := 0; i < n; i++ {
		total += 1 / math.Pow(float64(i+1), s)
		z.cdf[i] = total
	}
	for i := range z.cdf {
		z.cdf[i] /= total
	}
	return z
}

func (z *zipf) pick(r *rand.Rand) int {
	return sort.SearchFloat64s(z.cdf, r.Float64())
}

type pool struct {
	words []string
	z     *zipf
}

func newPool(words []string, s float64) *pool { return &pool{words, newZipf(len(words), s)} }
func (p *pool) pick(r *rand.Rand) string      { return p.words[p.z.pick(r)] }

var (
	pNoun, pAdj, pVerb, pAdv, pRole, pMod, pTerm, pTag *pool
)

// rareTerms builds a fixed (seed-independent) pool of invented technical words.
func rareTerms(n int) []string {
	r := rand.New(rand.NewPCG(0x5eed, 0x7e57))
	seen := map[string]bool{}
	out := make([]string, 0, n)
	for len(out) < n {
		var b strings.Builder
		k := 1 + r.IntN(3)
		for i := 0; i < k; i++ {
			b.WriteString(syl1[r.IntN(len(syl1))])
			if r.IntN(3) == 0 {
				b.WriteString(syl2[r.IntN(len(syl2))])
			}
		}
		b.WriteString(sylEnd[r.IntN(len(sylEnd))])
		w := b.String()
		if len(w) < 5 || seen[w] {
			continue
		}
		seen[w] = true
		out = append(out, w)
	}
	return out
}

func initPools() {
	pNoun = newPool(nouns, 0.9)
	pAdj = newPool(adjectives, 0.9)
	pVerb = newPool(verbs, 0.9)
	pAdv = newPool(adverbs, 0.8)
	pRole = newPool(roles, 1.0)
	lm := make([]string, len(modalities))
	for i, m := range modalities {
		lm[i] = strings.ToLower(m)
	}
	pMod = newPool(lm, 1.0)
	pTerm = newPool(rareTerms(150000), 1.0)
	pTag = newPool(tags, 0.7)
}

func plural(w string) string {
	switch {
	case strings.HasSuffix(w, "s"), strings.HasSuffix(w, "x"), strings.HasSuffix(w, "ch"), strings.HasSuffix(w, "sh"):
		return w + "es"
	case strings.HasSuffix(w, "y") && len(w) > 1 && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		return w[:len(w)-1] + "ies"
	}
	return w + "s"
}

func third(v string) string {
	switch {
	case strings.HasSuffix(v, "s"), strings.HasSuffix(v, "x"), strings.HasSuffix(v, "ch"), strings.HasSuffix(v, "sh"), strings.HasSuffix(v, "o"):
		return v + "es"
	case strings.HasSuffix(v, "y") && !strings.ContainsRune("aeiou", rune(v[len(v)-2])):
		return v[:len(v)-1] + "ies"
	}
	return v + "s"
}

func capFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func titleCase(s string) string {
	small := map[string]bool{"a": true, "an": true, "the": true, "and": true, "of": true, "in": true, "on": true, "for": true, "to": true, "with": true, "about": true}
	ws := strings.Fields(s)
	for i, w := range ws {
		if i == 0 || !small[w] {
			ws[i] = capFirst(w)
		}
	}
	return strings.Join(ws, " ")
}

var sentenceTemplates = []string{
	"The {a} {n} {v} the {n} and the {n}.",
	"Most {rs} {vb} a {a} {n} before the first {n}.",
	"In {a} {n}, the {n} {v} {adv}.",
	"A {a} {n} can {vb} the {n} of the {n}.",
	"When the {n} is {a}, the {r} should {vb} the {n} {adv}.",
	"{RS} {adv} {vb} the {n} with {a} {ns}.",
	"This {n} {v} how {a} {ns} {vb} the {n}.",
	"The {t} {n} lies close to the {n}, which {v} its {a} {n}.",
	"Some {rs} describe the {n} as {a} and {a}.",
	"There is a {a} {n} that {m} {v} the {n}, but the {n} remains {a}.",
	"The association {v} that every {r} {v} a {a} {n} each {n}.",
	"During the {n}, the {r} {v} the {n} and {v} any {a} {n}.",
	"It is {a} to {vb} the {n} {adv}, especially with {a} {ns}.",
	"Research on the {t} is {a}, and {rs} {adv} {vb} {a} {ns}.",
	"{A} {ns} are not a substitute for {a} {n}.",
	"A {r} who {v} a {a} {n} must {vb} the {n} within {num} days.",
	"The {n} of the {t} {v} {adv} during {a} {n}.",
	"Members {vb} at least {num} hours of {a} {n} each year.",
	"In a survey of {num} {rs}, {pct} per cent said the {n} {v} their {n}.",
	"The {n} was first described in {yr} by a {a} {r}.",
	"Ask the {r} about any {n}, {n} or {n} before the {n} begins.",
	"The {a} {n} {v} the {n}, and the {n} {v} the {n}.",
	"Because the {n} {v} the {n}, {rs} {adv} {vb} {a} {ns}.",
	"{M} {adv} {v} {a} {n} around the {n} and the {t}.",
	"Good {n} means the {r} {v} the {n} and {v} the {n}.",
	"No {r} should {vb} a {n} without {a} {n}.",
	"The {n} is {a}; the {n} is {a}.",
	"Where a {n} is {a}, {vb} the {n} and {vb} the {r}.",
	"Our {n} {v} {a} {ns} for {rs} in every {n}.",
	"The {t} and the {t} both {vb} the {a} {n}.",
	"Certification {v} that the {r} can {vb} {a} {ns} {adv}.",
	"Safety comes first: {vb} the {n}, {vb} the {n}, and {vb} the {n}.",
	"Anatomy textbooks place the {t} between the {n} and the {n}.",
	"If a {r} {v} {a} {n}, stop and {vb} the {n}.",
	"Over {num} years the {n} has become more {a} and more {a}.",
}

type gen struct {
	r *rand.Rand
}

func (g *gen) slot(name string) string {
	r := g.r
	switch name {
	case "n":
		w := pNoun.pick(r)
		if r.IntN(10) == 0 {
			w = pTerm.pick(r) // long tail: rare technical nouns
		}
		if r.IntN(60) == 0 {
			return "**" + w + "**"
		}
		return w
	case "ns":
		return plural(pNoun.pick(r))
	case "a":
		w := pAdj.pick(r)
		if r.IntN(25) == 0 {
			w = pTerm.pick(r) + "al"
		}
		if r.IntN(40) == 0 {
			return "*" + w + "*"
		}
		return w
	case "A":
		return capFirst(pAdj.pick(r))
	case "v":
		return third(pVerb.pick(r))
	case "vb":
		return pVerb.pick(r)
	case "adv":
		return pAdv.pick(r)
	case "r":
		return pRole.pick(r)
	case "rs":
		return plural(pRole.pick(r))
	case "RS":
		return capFirst(plural(pRole.pick(r)))
	case "m":
		return pMod.pick(r)
	case "M":
		return capFirst(pMod.pick(r))
	case "t":
		return pTerm.pick(r)
	case "num":
		return strconv.Itoa(2 + r.IntN(60))
	case "pct":
		return strconv.Itoa(5 + r.IntN(90))
	case "yr":
		return strconv.Itoa(1890 + r.IntN(130))
	}
	return name
}

func (g *gen) fill(tpl string) string {
	return fixArticles(g.fill0(tpl))
}

// fixArticles turns "a" into "an" before a vowel-initial word.
func fixArticles(s string) string {
	ws := strings.Split(s, " ")
	for i := 0; i+1 < len(ws); i++ {
		if ws[i] != "a" && ws[i] != "A" {
			continue
		}
		next := strings.TrimLeft(ws[i+1], "*")
		if next != "" && strings.ContainsRune("aeiouAEIOU", rune(next[0])) {
			ws[i] += "n"
		}
	}
	return strings.Join(ws, " ")
}

func (g *gen) fill0(tpl string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(tpl, '{')
		if i < 0 {
			b.WriteString(tpl)
			break
		}
		j := strings.IndexByte(tpl[i:], '}') + i
		b.WriteString(tpl[:i])
		b.WriteString(g.slot(tpl[i+1 : j]))
		tpl = tpl[j+1:]
	}
	return b.String()
}

func (g *gen) sentence() string {
	return g.fill(sentenceTemplates[g.r.IntN(len(sentenceTemplates))])
}

func (g *gen) paragraph(min, max int) string {
	n := min + g.r.IntN(max-min+1)
	s := make([]string, n)
	for i := range s {
		s[i] = g.sentence()
	}
	return strings.Join(s, " ")
}

var titleTemplates = []string{
	"A {a} guide to {ns}",
	"How {ns} affect the {n}",
	"What every {r} should know about the {n}",
	"{M}: {a} {ns} and the {n}",
	"{num} questions about {n} and {n}",
	"Safety notes on {a} {n}",
	"The {t} and the {n}: a {a} review",
	"Certification and {a} {n} for {rs}",
	"Why {a} {n} matters in {m}",
	"Understanding the {n} in {m}",
	"The anatomy of the {n}",
	"{A} {n} and {a} {n}",
	"Notes from the {n} on {ns}",
	"Working with {ns} in {a} practice",
}

var headingTemplates = []string{
	"{A} {n}", "The {n} and the {n}", "Why the {n} matters", "Safety and {n}",
	"What the {r} {v}", "Certification requirements", "Anatomy of the {n}",
	"Working with {ns}", "{A} {ns}", "Questions to ask", "Evidence and {n}",
	"Before the {n}", "After the {n}", "The role of the {r}", "Records and consent",
}

var subheadingTemplates = []string{
	"{A} {n}", "For {rs}", "The {t}", "A note on {ns}", "Common {ns}", "In practice", "{A} examples",
}

func stripEmph(s string) string { return strings.NewReplacer("*", "").Replace(s) }

func slugify(s string) string {
	var b strings.Builder
	dash := false
	for _, c := range strings.ToLower(s) {
		if (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') {
			b.WriteRune(c)
			dash = false
		} else if !dash && b.Len() > 0 {
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimRight(b.String(), "-")
}

type article struct {
	title, slug, desc, date string
	tags                    []string
}

func makeArticles(n int, seed uint64) []article {
	r := rand.New(rand.NewPCG(seed, 1))
	g := &gen{r}
	seen := map[string]int{}
	arts := make([]article, n)
	for i := range arts {
		t := titleCase(stripEmph(g.fill(titleTemplates[r.IntN(len(titleTemplates))])))
		s := slugify(t)
		seen[s]++
		if seen[s] > 1 {
			s = fmt.Sprintf("%s-%d", s, seen[s])
		}
		desc := stripEmph(g.sentence())
		if r.IntN(2) == 0 {
			desc += " " + stripEmph(g.sentence())
		}
		// 2012-01-01 .. 2024-12-31
		day := r.IntN(13 * 365)
		y, m, d := civil(2012, day)
		nt := 1 + r.IntN(4)
		tagset := map[string]bool{}
		var ts []string
		for len(ts) < nt {
			tg := pTag.pick(r)
			if !tagset[tg] {
				tagset[tg] = true
				ts = append(ts, tg)
			}
		}
		arts[i] = article{t, s, desc, fmt.Sprintf("%04d-%02d-%02d", y, m, d), ts}
	}
	return arts
}

// civil returns the date `days` days after Jan 1 of year y0 (proleptic Gregorian).
func civil(y0, days int) (int, int, int) {
	mdays := []int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}
	y := y0
	for {
		yl := 365
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			yl = 366
		}
		if days < yl {
			break
		}
		days -= yl
		y++
	}
	leap := y%4 == 0 && (y%100 != 0 || y%400 == 0)
	for m := 0; m < 12; m++ {
		ml := mdays[m]
		if m == 1 && leap {
			ml = 29
		}
		if days < ml {
			return y, m + 1, days + 1
		}
		days -= ml
	}
	panic("unreachable")
}

func q(s string) string { return strconv.Quote(s) }

func quoteList(xs []string) string {
	qs := make([]string, len(xs))
	for i, x := range xs {
		qs[i] = q(x)
	}
	return "[" + strings.Join(qs, ", ") + "]"
}

func articleMarkdown(arts []article, i int, seed uint64) []byte {
	a := arts[i]
	r := rand.New(rand.NewPCG(seed, 1<<32+uint64(i)))
	g := &gen{r}
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %s\ndescription: %s\ndate: %s\ntags: %s\n---\n\n", q(a.title), q(a.desc), a.date, quoteList(a.tags))

	target := 750 + r.IntN(760)
	words := 0
	add := func(s string) {
		b.WriteString(s)
		b.WriteString("\n\n")
		words += len(strings.Fields(s))
	}
	link := func() string {
		j := r.IntN(len(arts))
		if j == i {
			j = (j + 1) % len(arts)
		}
		o := arts[j]
		switch r.IntN(3) {
		case 0:
			return fmt.Sprintf("See [%s](/articles/%s/) for more on this.", strings.ToLower(o.title[:1])+o.title[1:], o.slug)
		case 1:
			return fmt.Sprintf("Our article on [%s](/articles/%s/) covers the %s %s.", o.title, o.slug, pAdj.pick(r), pNoun.pick(r))
		default:
			return fmt.Sprintf("Read [%s](/articles/%s/).", o.title, o.slug)
		}
	}
	nLinks := 1 + r.IntN(4)
	wantTable := len(arts) > 0 && r.IntN(10) == 0
	wantQuote := r.IntN(3) == 0
	wantOL := r.IntN(4) == 0
	hadList := false

	add(g.paragraph(3, 6))
	if r.IntN(2) == 0 {
		add(g.paragraph(2, 5))
	}
	section := 0
	for words+120 < target {
		section++
		add("## " + titleCase(stripEmph(g.fill(headingTemplates[r.IntN(len(headingTemplates))]))))
		for k := 1 + r.IntN(2); k > 0; k-- {
			p := g.paragraph(3, 6)
			if nLinks > 0 && r.IntN(2) == 0 {
				p += " " + link()
				nLinks--
			}
			add(p)
		}
		if !hadList && (r.IntN(2) == 0 || section >= 3) {
			var items []string
			for k := 3 + r.IntN(4); k > 0; k-- {
				items = append(items, "- "+capFirst(stripEmph(g.fill("{a} {n} and {a} {ns}"))))
			}
			add(strings.Join(items, "\n"))
			hadList = true
		} else if r.IntN(3) == 0 {
			var items []string
			for k := 3 + r.IntN(3); k > 0; k-- {
				items = append(items, "- "+strings.TrimSuffix(g.sentence(), "."))
			}
			add(strings.Join(items, "\n"))
		}
		if r.IntN(2) == 0 {
			add("### " + titleCase(stripEmph(g.fill(subheadingTemplates[r.IntN(len(subheadingTemplates))]))))
			add(g.paragraph(2, 5))
		}
		if wantQuote && section == 2 {
			add("> " + g.paragraph(1, 2) + "\n>\n> — a " + pRole.pick(r) + " in " + towns[r.IntN(len(towns))].name)
			wantQuote = false
		}
		if wantOL && section == 2 {
			var items []string
			nItems := 3 + r.IntN(4)
			for k := 1; k <= nItems; k++ {
				items = append(items, fmt.Sprintf("%d. %s", k, capFirst(stripEmph(g.fill("{vb} the {a} {n}")))))
			}
			add(strings.Join(items, "\n"))
			wantOL = false
		}
		if wantTable && section == 1 {
			var t strings.Builder
			t.WriteString("| Modality | Typical session | Minimum training hours | Insurance required |\n")
			t.WriteString("| --- | --- | ---: | --- |\n")
			for k := 3 + r.IntN(4); k > 0; k-- {
				ins := "Yes"
				if r.IntN(5) == 0 {
					ins = "Recommended"
				}
				fmt.Fprintf(&t, "| %s | %d minutes | %d | %s |\n", modalities[r.IntN(len(modalities))], 30+15*r.IntN(5), 50*(2+r.IntN(12)), ins)
			}
			add(strings.TrimSuffix(t.String(), "\n"))
			wantTable = false
		}
		if section > 40 {
			break
		}
	}
	if !hadList {
		var items []string
		for k := 3 + r.IntN(3); k > 0; k-- {
			items = append(items, "- "+capFirst(stripEmph(g.fill("{a} {n} and {a} {ns}"))))
		}
		add(strings.Join(items, "\n"))
	}
	if nLinks > 0 {
		var ls []string
		for ; nLinks > 0; nLinks-- {
			ls = append(ls, link())
		}
		add(g.sentence() + " " + strings.Join(ls, " "))
	}
	if r.IntN(3) == 0 {
		var items []string
		for k := 2 + r.IntN(3); k > 0; k-- {
			j := r.IntN(len(arts))
			items = append(items, fmt.Sprintf("- [%s](/articles/%s/)", arts[j].title, arts[j].slug))
		}
		add("## Related articles")
		add(strings.Join(items, "\n"))
	}
	return []byte(strings.TrimRight(b.String(), "\n") + "\n")
}

type town struct {
	name     string
	reg      *region
	area     string
	district int
	lat, lon float64
}

var towns []town

func makeTowns() {
	r := rand.New(rand.NewPCG(0x70, 0x77))
	seen := map[string]bool{}
	for len(towns) < 150 {
		n := townA[r.IntN(len(townA))] + townB[r.IntN(len(townB))]
		if seen[n] {
			continue
		}
		seen[n] = true
		rg := &regions[r.IntN(len(regions))]
		t := town{
			name: n, reg: rg,
			area:     rg.postcodeAreas[r.IntN(len(rg.postcodeAreas))],
			district: 1 + r.IntN(28),
			lat:      rg.latMin + r.Float64()*(rg.latMax-rg.latMin),
			lon:      rg.lonMin + r.Float64()*(rg.lonMax-rg.lonMin),
		}
		// The area drawn above keeps the random sequence, and so the rest
		// of the corpus, as it was; the town takes the region's area
		// whose main town is nearest, so that its postcode and its
		// coordinates agree as the directory checks them.
		t.area = nearestArea(rg.postcodeAreas, t.lat, t.lon)
		towns = append(towns, t)
	}
}

// nearestArea returns the one of codes (postcode areas) whose main town in
// the directory's gazetteer is nearest to lat, lon.
func nearestArea(codes []string, lat, lon float64) string {
	best, bestKm := codes[0], math.Inf(1)
	for _, c := range codes {
		a, ok := directory.AreaOf(c)
		if km := a.KmFrom(lat, lon); ok && km < bestKm {
			best, bestKm = c, km
		}
	}
	return best
}

func fictionalName(r *rand.Rand) (string, string) {
	return givenA[r.IntN(len(givenA))] + givenB[r.IntN(len(givenB))],
		familyA[r.IntN(len(familyA))] + familyB[r.IntN(len(familyB))]
}

func pickDistinct(r *rand.Rand, xs []string, n, _ int) []string {
	idx := r.Perm(len(xs))[:n]
	out := make([]string, n)
	for i, k := range idx {
		out[i] = xs[k]
	}
	return out
}

func isbn13(r *rand.Rand) string {
	d := make([]int, 13)
	prefix := []int{9, 7, 8}
	if r.IntN(8) == 0 {
		prefix = []int{9, 7, 9}
	}
	copy(d, prefix)
	for i := 3; i < 12; i++ {
		d[i] = r.IntN(10)
	}
	sum := 0
	for i := 0; i < 12; i++ {
		if i%2 == 0 {
			sum += d[i]
		} else {
			sum += 3 * d[i]
		}
	}
	d[12] = (10 - sum%10) % 10
	var b strings.Builder
	for _, x := range d {
		b.WriteByte(byte('0' + x))
	}
	return b.String()
}

// Options say what to generate. The zero value of a count generates none
// of that kind, except Articles, which must be at least 2.
type Options struct {
	Articles      int
	Practitioners int
	Schools       int       // 0: 8 when Practitioners > 0
	Reading       int       // reading-list pages
	Seed          uint64    // 0 means 1
	Today         time.Time // zero means DefaultToday
}

// DefaultToday is the reference date of certification and accreditation
// dates when Options.Today is zero. It is fixed (not the clock) so output is
// deterministic: about 5% of practitioners lapsed 60 days to 3 years
// before it, about 3% lapse 1-30 days after it, the rest 60 days to 3
// years after it.
var DefaultToday = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)

// Stats describe what Generate wrote.
type Stats struct {
	Articles, Practitioners, Schools, Reading int
	Words                                     int // in the articles, front matter included
	Bytes                                     int64
}

var initOnce sync.Once

func (o Options) normal() (Options, error) {
	if o.Articles < 2 {
		return o, fmt.Errorf("benchcorpus: Articles must be at least 2, not %d", o.Articles)
	}
	if o.Practitioners < 0 || o.Reading < 0 || o.Schools < 0 || o.Schools > 100 {
		return o, fmt.Errorf("benchcorpus: Practitioners and Reading must not be negative, Schools must be 0 to 100")
	}
	if o.Schools == 0 && o.Practitioners > 0 {
		o.Schools = 8
	}
	if o.Seed == 0 {
		o.Seed = 1
	}
	if o.Today.IsZero() {
		o.Today = DefaultToday
	}
	return o, nil
}

// Generate writes the corpus under dir: content/articles/<slug>.md,
// content/practitioners/<slug>.yaml, content/schools/<slug>.yaml,
// content/reading/<slug>.md and vocabularies.yaml.
func Generate(dir string, opt Options) (Stats, error) {
	opt, err := opt.normal()
	if err != nil {
		return Stats{}, err
	}
	initOnce.Do(func() {
		initPools()
		makeTowns()
	})
	w := &writer{}
	arts := makeArticles(opt.Articles, opt.Seed)
	st := Stats{Articles: len(arts), Practitioners: opt.Practitioners, Schools: opt.Schools, Reading: opt.Reading}
	for i, a := range arts {
		body := articleMarkdown(arts, i, opt.Seed)
		st.Words += len(strings.Fields(string(body)))
		w.file(filepath.Join(dir, "content", "articles", a.slug+".md"), body)
	}
	schools := makeSchools(opt.Schools, opt.Seed)
	for k := range schools {
		w.file(filepath.Join(dir, "content", "schools", schools[k].slug+".yaml"), schoolYAML(schools, k, opt.Seed, opt.Today))
	}
	townW := newZipf(len(towns), 0.8)
	slugs := map[string]int{}
	for j := 0; j < opt.Practitioners; j++ {
		slug, data := practitionerYAML(j, opt.Seed, townW, schools, slugs, opt.Today)
		w.file(filepath.Join(dir, "content", "practitioners", slug+".yaml"), data)
	}
	rl := &readingState{seen: map[string]int{}, isbns: map[string]bool{}}
	for k := 0; k < opt.Reading; k++ {
		slug, data := rl.markdown(k, opt.Seed)
		w.file(filepath.Join(dir, "content", "reading", slug+".md"), data)
	}
	w.file(filepath.Join(dir, "vocabularies.yaml"), vocabularyYAML())
	st.Bytes = w.bytes
	return st, w.err
}

// Site makes dir a site the build can read: repo's content/, layouts/ and
// static/ copied, content/articles/*.md except _index.md replaced by
// opt.Articles generated articles and, when opt.Practitioners > 0, the
// register (content/practitioners/ and content/schools/) replaced by
// generated records. The repository's reading lists are kept unless
// opt.Reading > 0. dir must not exist or be empty.
func Site(dir, repo string, opt Options) (Stats, error) {
	if ents, err := os.ReadDir(dir); err == nil && len(ents) > 0 {
		return Stats{}, fmt.Errorf("benchcorpus: %s is not empty", dir)
	}
	for _, top := range []string{"content", "layouts", "static"} {
		if err := copyTree(filepath.Join(repo, top), filepath.Join(dir, top), func(rel string) bool {
			switch {
			case top != "content":
				return true
			case strings.HasPrefix(rel, "articles/"):
				return rel == "articles/_index.md"
			case opt.Practitioners > 0 && (strings.HasPrefix(rel, "practitioners/") || strings.HasPrefix(rel, "schools/")):
				return false
			case opt.Reading > 0 && strings.HasPrefix(rel, "reading/"):
				return strings.HasSuffix(rel, "/_index.md")
			}
			return true
		}); err != nil {
			return Stats{}, err
		}
	}
	st, err := Generate(dir, opt)
	if err != nil {
		return st, err
	}
	// The vocabularies are already in the repository's site.yaml; the
	// copy written beside content/ is for other generators.
	return st, os.Remove(filepath.Join(dir, "vocabularies.yaml"))
}

// copyTree copies the regular files under src whose slash-separated path
// relative to src keep accepts. A missing src copies nothing.
func copyTree(src, dst string, keep func(rel string) bool) error {
	if _, err := os.Stat(src); os.IsNotExist(err) {
		return nil
	}
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() || !d.Type().IsRegular() || !keep(rel) {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		w := &writer{}
		w.file(filepath.Join(dst, filepath.FromSlash(rel)), data)
		return w.err
	})
}

// writer writes files and keeps the first error.
type writer struct {
	err   error
	bytes int64
}

func (w *writer) file(path string, data []byte) {
	if w.err != nil {
		return
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		w.err = err
		return
	}
	w.err = os.WriteFile(path, data, 0o644)
	w.bytes += int64(len(data))
}
