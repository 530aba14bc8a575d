package search

import (
	"encoding/json"
	"reflect"
	"slices"
	"testing"
)

// FuzzTokens checks the tokenizer against the plain reference
// implementation, and the indexer's fast path (a cache of recent words in
// front of a shared word table) against Tokens: a document analysed for
// the index holds exactly the terms of its text, however the text is
// written.
//
// make test runs the seeds below; go test -fuzz FuzzTokens searches.
func FuzzTokens(f *testing.F) {
	for _, s := range []string{
		"Zoë's craniosacral-therapy therapists certify certification",
		"l'été ﬁne ǅemal Straße ΣΊΣΥΦΟΣ İstanbul e\u0301 x\u0308",
		"co-op -- a-b-c 'quoted' it's ‘curly’ ʼokina\u00a0nbsp\u2028line",
		"\xff\xc3 half \x00 nul 日本語 ½ ²",
		// ASCII words read straight from the text, 1 to 17 bytes, mixed
		// case, the same word in both cases, and words near the text's
		// end, where fewer than 16 bytes are left.
		"I Go CST Cran1 Sixsix Seven77 EIGHTchr eightchr NineNine9 Ten4567890 Fifteen12345678 SIXTEEN123456789 seventeen12345678 Therapy THERAPY therapy x9 At",
	} {
		f.Add(s)
	}
	v := NewVocabulary()
	f.Fuzz(func(t *testing.T, s string) {
		toks := Tokens(s)
		if ref := referenceTokens(s); !reflect.DeepEqual(toks, ref) && (len(toks) > 0 || len(ref) > 0) {
			t.Fatalf("Tokens(%q) = %v, reference %v", s, toks, ref)
		}
		var want []string
		for _, tk := range toks {
			want = append(want, tk.Term)
		}
		for range 2 { // the second pass finds the words in the cache
			an, err := v.Analyse(Doc{URL: "/a/", Kind: "article", Sections: []Section{{Text: s}}})
			if err != nil {
				t.Fatal(err)
			}
			all := v.snapshot()
			var got, syn []string
			body := 0
			for dt := range an.terms.all {
				if dt.body&synBit != 0 {
					syn = append(syn, all[dt.term])
					continue
				}
				got = append(got, all[dt.term])
				body += int(dt.body)
			}
			slices.Sort(got)
			w := slices.Compact(slices.Sorted(slices.Values(want)))
			if !slices.Equal(got, w) || body != len(want) {
				t.Fatalf("Analyse(%q) has terms %v (%d in the body), Tokens %v", s, got, body, want)
			}
			// A synonym is a synonym of one of the words, and not a word.
			for _, q := range syn {
				if slices.Contains(w, q) || !slices.ContainsFunc(w, func(t string) bool { return slices.Contains(siteSynonyms[t], q) }) {
					t.Fatalf("Analyse(%q) has the synonym %q; words %v", s, q, w)
				}
			}
		}
	})
}

// FuzzJSONString checks that fragments escape text exactly as
// encoding/json does, so the index is the same whichever writes it.
func FuzzJSONString(f *testing.F) {
	for _, s := range []string{
		"", "plain words", `"quoted" \back\slash`, "<b>&amp;</b>",
		"tab\tnew\nline\rcr\x00\x1f\x7f", "Zoë ﬁne 日本語", "\u2028\u2029",
		"\xff\xc3 half", "end\xe2\x80", "ends with é",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendJSONString([]byte("x"), s); string(got) != "x"+string(want) {
			t.Fatalf("appendJSONString(%q) = %s, json.Marshal %s", s, got[1:], want)
		}
	})
}
