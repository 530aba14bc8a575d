package search

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestSiteSynonymsParse(t *testing.T) {
	if siteSynonymsErr != nil {
		t.Fatal(siteSynonymsErr)
	}
	if len(siteSynonyms["children"]) == 0 || siteSynonyms["children"][0] != "kid" {
		t.Fatalf("children's synonyms are %q, want kid first", siteSynonyms["children"])
	}
}

// The table is read as the index reads words, the site's own stems
// included, however early the program reads it.
func TestSiteSynonymsSiteStems(t *testing.T) {
	again, err := ParseSynonyms(SynonymPath, synonymFile)
	if err != nil {
		t.Fatal(err)
	}
	if !again.Equal(siteSynonyms) {
		t.Errorf("the table read at start %v, read now %v", siteSynonyms, again)
	}
	if got := strings.Join(siteSynonyms["pregnant"], " "); got != "expectant expecting" {
		t.Errorf("pregnant's synonyms are %q, want expectant expecting", got)
	}
}

func TestParseSynonymsErrors(t *testing.T) {
	for _, c := range []struct{ src, want string }{
		{"kids children\n", "syn.txt:1:1: a synonym line needs a colon"},
		{"# c\n\nkids: the\n", `syn.txt:3:7: "the" is a word the search ignores`},
		{"kids: well-being\n", `syn.txt:1:7: "well-being" is more than one word`},
		{"  : children\n", "syn.txt:1:1: no words before the colon"},
		{"kids:   # nothing\n", "syn.txt:1:6: no words after the colon"},
		{"kid: kids\n", `syn.txt:1:1: a word visitors type and a word of the text are the same word to the search ("kid")`},
		{"physio: physiotherapy\nzoë kids: the\n", `syn.txt:2:11: "the"`},
		{"kid Kids kids: children\n", `syn.txt:1:10: "kids" is written twice before the colon; leave one out`},
		{"zoë: child children child\n", `syn.txt:1:21: "child" is written twice after the colon; leave one out`},
	} {
		_, err := ParseSynonyms("syn.txt", c.src)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ParseSynonyms(%q) = %v, want an error with %q", c.src, err, c.want)
		}
	}
	syn, err := ParseSynonyms("syn.txt", "# comment\nKids kid: children child # kids\nkids: infants\n")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(syn["children"], " ") + "|" + strings.Join(syn["infant"], " "); got != "kid|kid" {
		t.Errorf("synonyms: %v", syn)
	}
}

// buildWith indexes docs with the synonyms of src.
func buildWith(t *testing.T, src string, docs []Doc) *reader {
	syn, err := ParseSynonyms("syn.txt", src)
	if err != nil {
		t.Fatal(err)
	}
	out, _ := indexAll(t, NewVocabularySynonyms(syn).NewIndexer(), docs)
	return newReader(t, out)
}

// A page that says "children" is found by "kids", below every page that
// says "kids", however much more it says "children"; and only one way: a
// page that says "kids" is not found by "children".
func TestSynonyms(t *testing.T) {
	long := strings.Repeat("A long page about the body and its rhythms. ", 60)
	docs := []Doc{
		{URL: "/children/", Kind: "article", Title: "Children and babies",
			Sections: []Section{{Heading: "Children", Text: "Children, children and more children."}}},
		{URL: "/kids/", Kind: "article", Title: "Sessions",
			Sections: []Section{{Text: long + "Kids are welcome."}}},
		{URL: "/other/", Kind: "article", Title: "Other", Sections: []Section{{Text: "Nothing of the sort."}}},
	}
	r := buildWith(t, "kids: children\n", docs)
	if got := strings.Join(r.rank(t, "kids"), " "); got != "/kids/ /children/" {
		t.Errorf("kids finds %q, want the page that says it, then the page that says children", got)
	}
	if got := strings.Join(r.rank(t, "children"), " "); got != "/children/" {
		t.Errorf("children finds %q, want only the page that says it", got)
	}
	// Without the table, "kids" finds only the page that says it.
	r = buildWith(t, "", docs)
	if got := strings.Join(r.rank(t, "kids"), " "); got != "/kids/" {
		t.Errorf("without synonyms, kids finds %q", got)
	}
	// A page that has both words keeps the word's own score.
	both := []Doc{{URL: "/both/", Kind: "article", Title: "Kids", Sections: []Section{{Text: "Children."}}}, docs[2]}
	a, b := buildWith(t, "kids: children\n", both), buildWith(t, "", both)
	if pa, pb := a.postings(t, "kid"), b.postings(t, "kid"); len(pa) != 1 || pa[0] != pb[0] {
		t.Errorf("kid postings with the synonym %v, without %v", pa, pb)
	}
}

// BenchmarkAddSynonyms compares BenchmarkAdd's indexing with the site's
// synonyms and with none: a lookup per distinct term of a document.
func BenchmarkAddSynonyms(b *testing.B) {
	docs := syntheticDocs(200, 1000)
	for _, c := range []struct {
		name string
		syn  Synonyms
	}{{"none", nil}, {"site", siteSynonyms}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ix := NewVocabularySynonyms(c.syn).NewIndexer()
				for n, d := range docs {
					if _, err := ix.Add(n, d); err != nil {
						b.Fatal(err)
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(docs)), "ns/doc")
		})
	}
}

// A site's entries are added to the curated table: a term gets the
// synonyms of both, once each, and neither table changes.
func TestSynonymsWith(t *testing.T) {
	site := Synonyms{}
	if p := site.Add("mum mums kid", "mother children"); len(p) != 0 {
		t.Fatal(p)
	}
	all := BuiltinSynonyms().With(site)
	if got := strings.Join(all["children"], " "); got != "kid youngster mum" {
		t.Errorf("children: %q, want the curated kid youngster, then mum", got)
	}
	if got := strings.Join(all["mother"], " "); got != "mum kid" {
		t.Errorf("mother: %q", got)
	}
	if strings.Join(siteSynonyms["children"], " ") != "kid youngster" || len(site["children"]) != 2 {
		t.Errorf("With changed a table: %v %v", siteSynonyms["children"], site["children"])
	}
	if !all.Equal(BuiltinSynonyms().With(site)) || all.Equal(BuiltinSynonyms()) {
		t.Error("Equal")
	}
	p := Synonyms{}.Add("mum the", "")
	if len(p) != 2 || p[0].Offset != 4 || p[0].Text || !p[1].Empty || !p[1].Text {
		t.Errorf("problems: %+v", p)
	}
}

// A document's fragment lists the synonyms it has only as synonyms,
// grouped by the terms of its own words they stand for, each group with
// those terms once, so that the browser can link a result found by one to
// the section where those words are.
func TestSynonymsInFragment(t *testing.T) {
	syn, err := ParseSynonyms("syn.txt", "kid kids: child children\ncheap: cost price\naffordable: cost price\nyoungster: child children\nexpensive: price\n")
	if err != nil {
		t.Fatal(err)
	}
	v := NewVocabularySynonyms(syn)
	frag := func(d Doc) []string {
		a, err := v.Analyse(d)
		if err != nil {
			t.Fatal(err)
		}
		var f struct {
			Y [][]json.RawMessage `json:"y"`
		}
		if err := json.Unmarshal(a.frag, &f); err != nil {
			t.Fatalf("%s: %v", a.frag, err)
		}
		var out []string
		for _, y := range f.Y {
			var syns []string
			if err := json.Unmarshal(y[0], &syns); err != nil {
				t.Fatalf("%s: %v", a.frag, err)
			}
			e := strings.Join(syns, " ") + ":"
			for _, t := range y[1:] {
				e += " " + strings.Trim(string(t), `"`)
			}
			out = append(out, e)
		}
		return out
	}
	d := Doc{URL: "/a/", Kind: "article", Title: "Prices", Sections: []Section{
		{Text: "About a child."}, {Heading: "Children", Anchor: "children", Text: "What it costs for children."}}}
	if got, want := strings.Join(frag(d), "|"), "cheap afford: price cost|expens: price|kid youngster: child children"; got != want {
		t.Errorf("y = %q, want %q", got, want)
	}
	// A page that says "kids" has the word itself: only "youngster" is
	// listed for its words.
	d.Sections = append(d.Sections, Section{Text: "Kids welcome."})
	if got, want := strings.Join(frag(d), "|"), "cheap afford: price cost|expens: price|youngster: child children"; got != want {
		t.Errorf("with kids, y = %q, want %q", got, want)
	}
	// None: no y.
	if got := frag(Doc{URL: "/b/", Kind: "article", Title: "Other"}); got != nil {
		t.Errorf("y = %q, want none", got)
	}
}
