package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// tinyDocs is a small site covering every kind, used by the golden test,
// the ranking tests and the node tests.
func tinyDocs() []Doc {
	return []Doc{
		{URL: "/articles/safety/", Kind: "article", Title: "Safety in craniosacral therapy", Date: day("2024-03-01"),
			Description: "When gentle touch is not enough.", Tags: []string{"safety"},
			Sections: []Section{
				{Text: "Craniosacral therapy is gentle, but practitioners screen every client first."},
				{Heading: "Head injuries", Anchor: "head-injuries", Level: 2, Text: "After a concussion or other head injury, see a doctor before any session. Practitioners ask about recent falls."},
				{Heading: "Pregnancy", Anchor: "pregnancy", Level: 2, Text: "Sessions during pregnancy are common; tell your practitioner how far along you are."},
			}},
		{URL: "/articles/certification-explained/", Kind: "article", Title: "Certification explained", Date: day("2023-05-10"),
			Sections: []Section{
				{Text: "Every practitioner on the register holds a current certification."},
				{Heading: "Renewing", Anchor: "renewing", Level: 2, Text: "Certificates are renewed every two years after supervised practice."},
			}},
		{URL: "/articles/history/", Kind: "article", Title: "A short history of the cranial concept", Date: day("2022-01-15"),
			Sections: []Section{
				{Text: "The cranial concept began with osteopaths. Certification came much later, once training was standardised; certification is mentioned here twice."},
				{Heading: "Early teachers", Anchor: "early-teachers", Level: 2, Text: "Early teachers worked from anatomy books and the rhythm of the skull."},
			}},
		{URL: "/practitioners/zoe-ashworth/", Kind: "practitioner", Title: "Zoë Ashworth",
			Keywords: []string{"CST-000004", "Penzance", "TR18", "craniosacral therapy"},
			Sections: []Section{{Text: "Zoë works with babies and adults in Penzance."}}},
		{URL: "/practitioners/oisin-obrien/", Kind: "practitioner", Title: "Oisín O'Brien",
			Keywords: []string{"CST-000017", "Truro", "TR1", "visceral manipulation"},
			Sections: []Section{{Text: "Oisín's practice is near the cathedral."}}},
		{URL: "/reading/gray-anatomy/", Kind: "book", Title: "Anatomy of the Human Body",
			Keywords: []string{"Henry Gray", "ISBN 978-0-00-000000-2"}, Tags: []string{"anatomy"},
			Sections: []Section{{Text: "The classic anatomy reference, with chapters on the skull and the membranes."}}},
		{URL: "/training/foundation/", Kind: "training", Title: "Foundation course in craniosacral therapy", Date: day("2024-09-01"),
			Tags: []string{"training"}, Sections: []Section{{Text: "Ten modules over two years leading to certification."}}},
		{URL: "/articles/twin-a/", Kind: "article", Title: "Gentle rhythm notes", Date: day("2021-01-01"),
			Sections: []Section{{Text: "Notes about the tidal rhythm."}}},
		{URL: "/articles/twin-b/", Kind: "article", Title: "Gentle rhythm notes", Date: day("2021-06-01"),
			Sections: []Section{{Text: "Notes about the tidal rhythm."}}},
	}
}

// build indexes docs and returns every file by path.
func build(t testing.TB, docs []Doc) (map[string][]byte, Stats) {
	return indexAll(t, NewIndexer(), docs)
}

// indexAll indexes docs with ix and returns every file by path.
func indexAll(t testing.TB, ix *Indexer, docs []Doc) (map[string][]byte, Stats) {
	out := map[string][]byte{}
	for i, d := range docs {
		fs, err := ix.Add(i, d)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range fs {
			out[f.Path] = f.Data
		}
	}
	fs, st := ix.Finish()
	for _, f := range fs {
		out[f.Path] = f.Data
	}
	return out, st
}

type entryFile struct {
	Docs      int      `json:"docs"`
	Kinds     []string `json:"kinds"`
	KindRuns  []int    `json:"kindRuns"`
	ChunkSize int      `json:"chunkSize"`
	Version   string   `json:"version"`
	Chunks    int      `json:"chunks"`
	Shards    []string `json:"shards"`
}

// reader decodes an index the way the client does.
type reader struct {
	files map[string][]byte
	entry entryFile
}

func newReader(t testing.TB, files map[string][]byte) *reader {
	r := &reader{files: files}
	if err := json.Unmarshal(files[EntryPath], &r.entry); err != nil {
		t.Fatal(err)
	}
	return r
}

func (r *reader) url(t testing.TB, id int) string {
	var places []any
	if err := json.Unmarshal(r.files[fmt.Sprintf("search/v/%s/t%d.json", r.entry.Version, id/r.entry.ChunkSize)], &places); err != nil {
		t.Fatal(err)
	}
	j := 2 * (id % r.entry.ChunkSize)
	var pack []struct {
		U string `json:"u"`
	}
	if err := json.Unmarshal(r.files["search/doc/"+places[j].(string)+".json"], &pack); err != nil {
		t.Fatal(err)
	}
	return pack[int(places[j+1].(float64))].U
}

// shard returns the shard of term: the last one whose separator sorts
// before it.
func (r *reader) shard(term string) int {
	return sort.Search(len(r.entry.Shards), func(i int) bool { return r.entry.Shards[i] > term }) - 1
}

// postings returns the scores of term by document id.
func (r *reader) postings(t testing.TB, term string) map[int]int {
	i := r.shard(term)
	var sh map[string][]int
	if err := json.Unmarshal(r.files[fmt.Sprintf("search/v/%s/s%d.json", r.entry.Version, i)], &sh); err != nil {
		t.Fatal(err)
	}
	out := map[int]int{}
	id := 0
	for i := 0; i < len(sh[term]); i += 2 {
		id += sh[term][i]
		out[id] = sh[term][i+1]
	}
	return out
}

// rank returns the URLs of the documents holding every term of q, best first.
func (r *reader) rank(t testing.TB, q string) []string {
	score := map[int]int{}
	hits := map[int]int{}
	terms := Terms(q)
	for _, term := range terms {
		for id, s := range r.postings(t, term) {
			score[id] += s
			hits[id]++
		}
	}
	var ids []int
	for id := range score {
		if hits[id] == len(terms) {
			ids = append(ids, id)
		}
	}
	sort.Slice(ids, func(a, b int) bool {
		if score[ids[a]] != score[ids[b]] {
			return score[ids[a]] > score[ids[b]]
		}
		return ids[a] < ids[b]
	})
	var urls []string
	for _, id := range ids {
		urls = append(urls, r.url(t, id))
	}
	return urls
}

func TestRanking(t *testing.T) {
	files, _ := build(t, tinyDocs())
	r := newReader(t, files)
	tests := []struct {
		q    string
		want []string // expected prefix of the ranking
	}{
		// A title match beats a body that repeats the word.
		{"certification", []string{"/articles/certification-explained/"}},
		{"CST-000004", []string{"/practitioners/zoe-ashworth/"}},
		{"cst000004", []string{"/practitioners/zoe-ashworth/"}},
		{"000004", []string{"/practitioners/zoe-ashworth/"}},
		{"zoe", []string{"/practitioners/zoe-ashworth/"}},
		{"TR18", []string{"/practitioners/zoe-ashworth/"}},
		{"obrien", []string{"/practitioners/oisin-obrien/"}},
		{"Henry Gray", []string{"/reading/gray-anatomy/"}},
		// Equal scores: the newer page first.
		{"tidal rhythm", []string{"/articles/twin-b/", "/articles/twin-a/"}},
	}
	for _, tc := range tests {
		got := r.rank(t, tc.q)
		if len(got) < len(tc.want) || !equalStrings(got[:len(tc.want)], tc.want) {
			t.Errorf("rank(%q) = %q, want it to start with %q", tc.q, got, tc.want)
		}
	}
}

// TestLengthByClass checks that a body's length is weighed against
// bodies of its own class: articles of ordinary length that name a word
// three times rank above practitioners' short profiles that name it once,
// though each profile is a tenth of an article's length; pages with no
// body (made from data alone) do not shorten the articles' average.
func TestLengthByClass(t *testing.T) {
	filler := func(n int, seed string) string {
		var w []string
		for i := range n {
			w = append(w, fmt.Sprintf("%s%c%c", seed, 'a'+i%26, 'a'+i/26%26))
		}
		return strings.Join(w, " ")
	}
	var docs []Doc
	for i := range 3 {
		body := filler(100, "word") + " sleep " + filler(100, "text") + " sleep " + filler(100, "more") + " sleep"
		docs = append(docs, Doc{URL: fmt.Sprintf("/articles/a%d/", i), Kind: "article", Title: fmt.Sprintf("Article %d", i),
			Sections: []Section{{Text: body}}})
	}
	for i := range 20 {
		docs = append(docs, Doc{URL: fmt.Sprintf("/practitioners/p%d/", i), Kind: "practitioner", Title: fmt.Sprintf("Person %d", i),
			Sections: []Section{{Text: filler(15, "bio") + " tension, poor sleep or injury " + filler(14, "bio")}}})
	}
	for i := range 20 {
		docs = append(docs, Doc{URL: fmt.Sprintf("/region/r%d/", i), Kind: "page", Title: fmt.Sprintf("Region %d", i)})
	}
	r := newReader(t, mustBuild(t, docs))
	got := r.rank(t, "sleep")
	if len(got) != 23 {
		t.Fatalf("rank(sleep) found %d documents, want 23: %q", len(got), got)
	}
	for i, u := range got[:3] {
		if !strings.HasPrefix(u, "/articles/") {
			t.Errorf("result %d for sleep is %s; want the three articles first, then the profiles: %q", i+1, u, got)
		}
	}
}

// TestLabels checks the bonus of a term in a heading or a tag: half the
// title's, so that a glossary's entry headed by a word ranks below a book
// titled by it, but above a short page that names it three times in
// passing; and a heading and a tag weigh the same.
func TestLabels(t *testing.T) {
	var glossary []Section
	for i := range 30 {
		glossary = append(glossary, Section{Heading: fmt.Sprintf("Term %c", 'a'+i), Anchor: fmt.Sprintf("t%d", i),
			Text: "A plain meaning of the term, in a sentence or two of ordinary words for patients and students alike."})
	}
	glossary = append(glossary, Section{Heading: "Biodynamic craniosacral therapy", Anchor: "biodynamic",
		Text: "One of the styles of CST, which works with slower rhythms and long periods of still touch."})
	docs := []Doc{
		{URL: "/glossary/", Kind: "page", Title: "Glossary", Sections: glossary},
		{URL: "/reading/intro/", Kind: "page", Title: "Introductions", Sections: []Section{{Text: strings.Repeat("Some words of history. ", 40) +
			"Teachers developed the biodynamic approach. The biodynamic books come later. Read them for the biodynamic ideas."}}},
		{URL: "/reading/intro/#book", Kind: "book", Title: "Foundations in Biodynamics, Volume One: The Breath of Life",
			Sections: []Section{{Text: "A training text for the approach."}}},
		{URL: "/practitioners/p/", Kind: "practitioner", Title: "Person", Tags: []string{"Certificate in Paediatric CST"}},
		{URL: "/training/#school", Kind: "training", Title: "School", Sections: []Section{{Heading: "Certificate in Paediatric CST", Anchor: "school--course"}}},
	}
	for i := range 4 {
		docs = append(docs, Doc{URL: fmt.Sprintf("/articles/a%d/", i), Kind: "article", Title: fmt.Sprintf("Article %d", i),
			Sections: []Section{{Text: strings.Repeat("An article of ordinary length. ", 60)}}})
	}
	r := newReader(t, mustBuild(t, docs))
	want := []string{"/reading/intro/#book", "/glossary/", "/reading/intro/"}
	if got := r.rank(t, "biodynamic"); !equalStrings(got, want) {
		t.Errorf("rank(biodynamic) = %q, want %q", got, want)
	}
	var impacts []int
	for _, v := range r.postings(t, "paediatr") {
		impacts = append(impacts, v)
	}
	if len(impacts) != 2 || impacts[0] != impacts[1] {
		t.Errorf("paediatr: a tag and a heading give impacts %v, want the same", impacts)
	}
}

func mustBuild(t testing.TB, docs []Doc) map[string][]byte {
	files, _ := build(t, docs)
	return files
}

func equalStrings(a, b []string) bool {
	return strings.Join(a, "\n") == strings.Join(b, "\n")
}

func TestAddErrors(t *testing.T) {
	ix := NewIndexer()
	if _, err := ix.Add(0, Doc{URL: "/a/", Kind: "article", Title: "A"}); err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Skip(2); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		n    int
		doc  Doc
		want string
	}{
		{1, Doc{URL: "/a/", Kind: "article"}, `search: /a/: two documents have this URL; each page must be added once`},
		{1, Doc{URL: "/b/", Kind: "blog"}, `search: /b/: unknown kind "blog"; use one of article, page, book, practitioner, training`},
		{1, Doc{URL: "b/", Kind: "article"}, `search: document URL "b/" must start with "/"`},
		{0, Doc{URL: "/d/", Kind: "article"}, `search: /d/: document number 0 is used twice`},
		{2, Doc{URL: "/d/", Kind: "article"}, `search: /d/: document number 2 is used twice`},
		{-1, Doc{URL: "/d/", Kind: "article"}, `search: /d/: document number -1 is negative`},
	} {
		if _, err := ix.Add(tc.n, tc.doc); err == nil || err.Error() != tc.want {
			t.Errorf("Add(%d, %+v) error = %v, want %s", tc.n, tc.doc, err, tc.want)
		}
	}
	ix.Finish()
	if _, err := ix.Add(3, Doc{URL: "/c/", Kind: "article"}); err == nil {
		t.Error("Add after Finish succeeded")
	}
}

// TestDeterministic adds the same documents in different orders from
// concurrent goroutines and expects byte-identical files.
func TestDeterministic(t *testing.T) {
	docs := append(tinyDocs(), syntheticDocs(300, 200)...)
	var want map[string][]byte
	for round := range 3 {
		rng := rand.New(rand.NewPCG(uint64(round), 7))
		perm := rng.Perm(len(docs))
		ix := NewIndexer()
		var mu sync.Mutex
		got := map[string][]byte{}
		var wg sync.WaitGroup
		for w := range 8 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				for i := w; i < len(perm); i += 8 {
					fs, err := ix.Add(perm[i], docs[perm[i]])
					if err != nil {
						t.Error(err)
					}
					mu.Lock()
					for _, f := range fs {
						got[f.Path] = f.Data
					}
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		fs, _ := ix.Finish()
		for _, f := range fs {
			got[f.Path] = f.Data
		}
		if want == nil {
			want = got
			continue
		}
		if len(got) != len(want) {
			t.Fatalf("round %d: %d files, want %d", round, len(got), len(want))
		}
		for p, d := range want {
			if !bytes.Equal(got[p], d) {
				t.Fatalf("round %d: %s differs", round, p)
			}
		}
	}
}

// TestShardFormat checks that every term is in exactly the shard the
// client will look in, that shards stay near their size limit, that
// fragments are named by their content and the rest by the build version.
func TestShardFormat(t *testing.T) {
	files, st := build(t, syntheticDocs(600, 400))
	r := newReader(t, files)
	if st.Shards < 2 || st.Shards != len(r.entry.Shards) || r.entry.Shards[0] != "" {
		t.Fatalf("stats %+v, entry has shards %q", st, r.entry.Shards)
	}
	if !sort.StringsAreSorted(r.entry.Shards) {
		t.Errorf("shard separators are not sorted: %q", r.entry.Shards)
	}
	seen := 0
	for i := range r.entry.Shards {
		name := fmt.Sprintf("search/v/%s/s%d.json", r.entry.Version, i)
		var sh map[string][]int
		if err := json.Unmarshal(files[name], &sh); err != nil {
			t.Fatal(err)
		}
		for term := range sh {
			seen++
			if got := r.shard(term); got != i {
				t.Errorf("term %q is in shard %d, the separators point to %d", term, i, got)
			}
		}
		if len(sh) > 1 && len(files[name]) > shardLimit+200 {
			t.Errorf("shard %d is %d bytes", i, len(files[name]))
		}
	}
	if seen != st.Terms {
		t.Errorf("shards hold %d terms, stats say %d", seen, st.Terms)
	}
	for p, d := range files {
		if strings.HasPrefix(p, "search/doc/") && p != "search/doc/"+hashName(d)+".json" {
			t.Errorf("%s is not named by its content (%s)", p, hashName(d))
		}
	}
	if r.entry.Chunks != (600+63)/64 {
		t.Errorf("%d document chunks for 600 documents", r.entry.Chunks)
	}
	n := 0
	for i := 1; i < len(r.entry.KindRuns); i += 2 {
		n += r.entry.KindRuns[i]
	}
	if n != r.entry.Docs || r.entry.Docs != 600 {
		t.Errorf("kind runs cover %d documents, entry says %d", n, r.entry.Docs)
	}
	// A changed document changes the version of every shard path.
	docs := syntheticDocs(600, 400)
	docs[0].Title += " revised"
	files2, _ := build(t, docs)
	if newReader(t, files2).entry.Version == r.entry.Version {
		t.Error("the version did not change with the content")
	}
}

// TestFileLayout checks where the index's files are: the entry at its
// fixed name, and every other file under a folder of its own that holds
// only files named by a hash, search/v/<version>/ or search/doc/, so that
// a host can cache those folders for good without catching the entry
// (netlify.toml's /search/v/* and /search/doc/* rules).
func TestFileLayout(t *testing.T) {
	files, _ := build(t, syntheticDocs(300, 200))
	r := newReader(t, files)
	version := regexp.MustCompile(`^search/v/([0-9a-f]{12})/([st])[0-9]+\.json$`)
	pack := regexp.MustCompile(`^search/doc/[0-9a-f]{12}\.json$`)
	var shards, tables int
	for p := range files {
		switch m := version.FindStringSubmatch(p); {
		case p == "search/index.json":
		case m != nil:
			if m[1] != r.entry.Version {
				t.Errorf("%s: not in the folder of the entry's version %s", p, r.entry.Version)
			}
			if m[2] == "s" {
				shards++
			} else {
				tables++
			}
		case pack.MatchString(p):
		default:
			t.Errorf("%s: neither the entry, nor under search/v/<version>/, nor a pack under search/doc/", p)
		}
	}
	if shards != len(r.entry.Shards) || tables != r.entry.Chunks {
		t.Errorf("%d shards and %d table chunks under search/v/%s/, the entry names %d and %d", shards, tables, r.entry.Version, len(r.entry.Shards), r.entry.Chunks)
	}
}

// TestGolden pins the complete output for the tiny site.
func TestGolden(t *testing.T) {
	files, _ := build(t, tinyDocs())
	var paths []string
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	var b bytes.Buffer
	for _, p := range paths {
		fmt.Fprintf(&b, "== %s\n%s\n", p, files[p])
	}
	path := filepath.Join("testdata", "tiny.golden")
	if *update {
		if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Errorf("output differs from %s; run go test -update and review the diff", path)
	}
}

func BenchmarkAdd(b *testing.B) {
	docs := syntheticDocs(200, 1000)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ix := NewIndexer()
		for n, d := range docs {
			if _, err := ix.Add(n, d); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(docs)), "ns/doc")
}

func BenchmarkFinish(b *testing.B) {
	docs := syntheticDocs(2000, 1000)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		ix := NewIndexer()
		for n, d := range docs {
			if _, err := ix.Add(n, d); err != nil {
				b.Fatal(err)
			}
		}
		b.StartTimer()
		ix.Finish()
	}
}

// TestPacks checks how fragments are packed: in the caller's numbering
// whatever the order of the calls, skipped numbers left out, each pack
// handed back as soon as it is full, and no pack much larger than
// packLimit unless one document alone is.
func TestPacks(t *testing.T) {
	docs := syntheticDocs(60, 300)
	ix := NewIndexer()
	out := map[string][]byte{}
	early := 0
	// Numbers 0..119: even ones are skipped, odd ones are docs; the
	// calls come in pairs swapped (1 before 0, 3 before 2...).
	for i := 0; i < 120; i += 2 {
		fs, err := ix.Add(i+1, docs[i/2])
		if err != nil {
			t.Fatal(err)
		}
		if len(fs) > 0 {
			t.Fatalf("Add(%d) returned a pack before number %d was settled", i+1, i)
		}
		fs, err = ix.Skip(i)
		if err != nil {
			t.Fatal(err)
		}
		early += len(fs)
		for _, f := range fs {
			out[f.Path] = f.Data
		}
	}
	if early == 0 {
		t.Fatal("no pack was returned before Finish")
	}
	fs, _ := ix.Finish()
	var urls []string
	packs := 0
	for _, f := range fs {
		out[f.Path] = f.Data
	}
	var names []string
	for p := range out {
		if strings.HasPrefix(p, "search/doc/") {
			names = append(names, p)
		}
	}
	sort.Strings(names)
	for _, p := range names {
		var pack []struct {
			U string `json:"u"`
		}
		if err := json.Unmarshal(out[p], &pack); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		packs++
		if len(pack) > 1 && len(out[p]) > 2*packLimit {
			t.Errorf("%s holds %d documents in %d bytes", p, len(pack), len(out[p]))
		}
		for _, d := range pack {
			urls = append(urls, d.U)
		}
	}
	if len(urls) != len(docs) {
		t.Fatalf("packs hold %d documents, want %d", len(urls), len(docs))
	}
	if packs >= len(docs) || packs < 2 {
		t.Errorf("%d packs for %d documents", packs, len(docs))
	}
	r := newReader(t, out)
	found := map[string]bool{}
	for id := range len(docs) {
		found[r.url(t, id)] = true
	}
	for _, d := range docs {
		if !found[d.URL] {
			t.Errorf("%s is not in the document table", d.URL)
		}
	}
}

// messyDocs are documents full of what the tokenizer and the fragment
// encoder must get right: accents, marks, ligatures, apostrophes and
// hyphens of every kind, HTML characters, control characters, invalid
// UTF-8, line and paragraph separators.
func messyDocs() []Doc {
	texts := []string{
		"Zoë's café—naïve “quotes” and ‘single’ O’Brien's CST-000004 co‑operate, pre‐natal",
		"Straße ﬁne ÆSIR Œuvre ø đ ð þ ł ı ħ ŧ ς İstanbul e\u0301cole n\u0303o",
		"<script>alert('x')</script> & \"quoted\" back\\slash tab\there\nline\rcr \b\f\x01\x1f\x7f",
		"invalid \xff\xfe utf-8 \xc3 and \u2028 line \u2029 para; 1,000.5 numbers 3½ ²³",
		"practitioner's practitioners' rock'n'roll -lead trail- a--b 'quoted' x-'y ''",
		"ζωή Ελληνικά Ζωή ΣΟΦΟΣ кириллица 日本語テキスト العربية",
	}
	var docs []Doc
	for i, t := range texts {
		docs = append(docs, Doc{URL: fmt.Sprintf("/messy/%d/", i), Kind: Kinds[i%len(Kinds)], Title: t[:20],
			Description: t, Tags: []string{t[5:15], "tag & <b>"}, Keywords: []string{t[10:30]},
			Date:     day("2024-01-01").AddDate(0, 0, i%3),
			Sections: []Section{{Text: t}, {Heading: t[:12], Anchor: "a<b>", Level: 2, Text: t + " " + t}}})
	}
	return docs
}

// TestCorpusDigest pins the output of a larger index (synthetic articles,
// the tiny site and messy Unicode) by a digest of every file, so a change
// to the indexer that changes any byte is noticed.
func TestCorpusDigest(t *testing.T) {
	docs := append(append(syntheticDocs(300, 400), tinyDocs()...), messyDocs()...)
	files, _ := build(t, docs)
	var paths []string
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	h := sha256.New()
	for _, p := range paths {
		fmt.Fprintf(h, "%s\x00%d\x00", p, len(files[p]))
		h.Write(files[p])
	}
	got := fmt.Sprintf("%d files %x\n", len(paths), h.Sum(nil))
	path := filepath.Join("testdata", "corpus.digest")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if got != string(want) {
		t.Errorf("index digest %q, want %q; run go test -update only if the change is intended", got, want)
	}
}

// TestFragmentEncoding checks the fragment encoder against json.Marshal,
// whose output the client has always parsed, on random awkward strings.
func TestFragmentEncoding(t *testing.T) {
	type fragment struct {
		URL         string   `json:"u"`
		Title       string   `json:"t"`
		Kind        string   `json:"k"`
		Description string   `json:"d,omitempty"`
		Tags        []string `json:"g,omitempty"`
		Keywords    []string `json:"w,omitempty"`
		Sections    [][4]any `json:"s"`
	}
	alphabet := []rune("ab <>&\"\\/'\x00\x01\b\f\n\r\t\x1f\x7fé\u2028\u2029\ufffd日😀")
	rng := rand.New(rand.NewPCG(3, 4))
	str := func() string {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteRune(alphabet[rng.IntN(len(alphabet))])
		}
		if rng.IntN(8) == 0 {
			b.WriteString("\xff\xe2\x80")
		}
		return b.String()
	}
	strs := func() []string {
		var l []string
		for range rng.IntN(3) {
			l = append(l, str())
		}
		return l
	}
	for i := range 5000 {
		d := Doc{URL: str(), Title: str(), Kind: str(), Tags: strs(), Keywords: strs()}
		if rng.IntN(2) == 0 {
			d.Description = str()
		}
		if rng.IntN(5) == 0 {
			d.Tags = []string{}
		}
		f := fragment{URL: d.URL, Title: d.Title, Kind: d.Kind, Description: d.Description, Tags: d.Tags, Keywords: d.Keywords, Sections: [][4]any{}}
		for range rng.IntN(4) {
			s := Section{Heading: str(), Anchor: str(), Level: rng.IntN(7) - 1, Text: str()}
			d.Sections = append(d.Sections, s)
			f.Sections = append(f.Sections, [4]any{s.Heading, s.Anchor, s.Level, s.Text})
		}
		want, err := json.Marshal(f)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendFragment(nil, &d); !bytes.Equal(got, want) {
			t.Fatalf("case %d:\n got %s\nwant %s", i, got, want)
		}
	}
}

// TestLongWordsLeftOut: a word longer than any a visitor types (a pasted
// key, a run of letters without a space) gives no term to the index,
// whose shard would otherwise carry it to every visitor whose search
// loads that shard; the pages' other words are found as before, on the
// pages that have them.
func TestLongWordsLeftOut(t *testing.T) {
	var docs []Doc
	for i := range 5 {
		text := "Notes about the " + strings.Repeat("z", 64) + " tidal-" + strings.Repeat("k", 40) + "-rhythm."
		switch i {
		case 0:
			text += " Aardvark."
		case 4:
			text += " " + strings.Repeat("x", 1<<16) + " and " + strings.Repeat("q", 65) + "."
		}
		docs = append(docs, Doc{URL: fmt.Sprintf("/articles/%d/", i), Kind: "article", Title: "Gentle rhythm", Sections: []Section{{Text: text}}})
	}
	files, _ := build(t, docs)
	r := newReader(t, files)
	for name, data := range files {
		if !strings.Contains(name, "/s") {
			continue
		}
		var sh map[string][]int
		if err := json.Unmarshal(data, &sh); err != nil {
			continue // not a shard
		}
		for term := range sh {
			if len(term) > MaxTerm {
				t.Errorf("%s holds a term of %d bytes", name, len(term))
			}
		}
	}
	for _, term := range []string{"note", "tidal", "rhythm", strings.Repeat("z", 64), strings.Repeat("k", 40), "tidal" + strings.Repeat("k", 40) + "rhythm"} {
		if n := len(r.postings(t, term)); n != len(docs) {
			t.Errorf("the term %q is on %d pages, want %d", term, n, len(docs))
		}
	}
	if got := r.rank(t, "aardvark"); !slices.Equal(got, []string{"/articles/0/"}) {
		t.Errorf("aardvark is found on %v, want /articles/0/", got)
	}
}

// TestPastedText: text pasted from a word processor, with soft hyphens
// and zero-width characters inside its words, or typed in full-width
// forms, is indexed as the words a reader sees, in every field.
func TestPastedText(t *testing.T) {
	docs := []Doc{
		{URL: "/articles/a/", Kind: "article", Title: "Cranio\u00adsacral therapy", Description: "What it is\u200b, in brief.",
			Tags: []string{"pa\u200bediatric"}, Keywords: []string{"ＣＳＴ－０００００４"},
			Sections: []Section{{Heading: "Hi\u2060story", Anchor: "history", Text: "Practi\u00adtioners of cranio\u200csacral ther\ufeffapy."}}},
		{URL: "/articles/b/", Kind: "article", Title: "Other", Sections: []Section{{Text: "ｃｒａｎｉａｌ ｂｏｎｅｓ"}}},
	}
	r := newReader(t, mustBuild(t, docs))
	for term, want := range map[string]int{"craniosacr": 1, "therapi": 1, "brief": 1, "paediatr": 1, "cst000004": 1, "000004": 1, "histori": 1, "practition": 1, "cranial": 1, "bone": 1} {
		if got := r.postings(t, term); len(got) != want {
			t.Errorf("%q is in %d documents, want %d", term, len(got), want)
		}
	}
	for _, term := range []string{"cranio", "sacral", "pa", "ediatr", "practi", "tioner", "hi", "stori", "ther", "api"} {
		if got := r.postings(t, term); len(got) != 0 {
			t.Errorf("%q, a piece of a word, is a term of %d documents", term, len(got))
		}
	}
}
