package search

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// syntheticDocs generates n article-like documents of about words words
// each, with Zipf-distributed vocabulary from a fixed seed; about 40% of them
// use "certification" in their text and a few in their title.
func syntheticDocs(n, words int) []Doc {
	rng := rand.New(rand.NewPCG(1, 2))
	syll := []string{"ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "cra", "ni", "al", "the", "ra", "py", "os", "te", "or", "ga", "fa", "sci"}
	vocab := []string{"the", "of", "and", "therapy", "therapist", "practitioners", "session", "cranial", "sacral", "rhythm", "gentle", "touch", "training", "course", "anatomy", "membrane", "fluid", "spine", "skull", "nervous", "system", "clients", "treatment", "evidence", "research", "history", "safety", "register", "insurance", "children", "babies", "pregnancy", "injuries"}
	for len(vocab) < 20000 {
		k := 2 + rng.IntN(3)
		var b strings.Builder
		for range k {
			b.WriteString(syll[rng.IntN(len(syll))])
		}
		vocab = append(vocab, b.String())
	}
	zipf := rand.NewZipf(rng, 1.07, 2, uint64(len(vocab)-1))
	sentence := func(k int, extra string) string {
		ws := make([]string, k)
		for i := range ws {
			ws[i] = vocab[zipf.Uint64()]
		}
		if extra != "" {
			ws[rng.IntN(k)] = extra
		}
		s := strings.Join(ws, " ")
		return strings.ToUpper(s[:1]) + s[1:] + "."
	}
	base := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	docs := make([]Doc, n)
	for i := range docs {
		cert := rng.IntN(10) < 4
		title := sentence(4, "")
		if cert && rng.IntN(20) == 0 {
			title = sentence(3, "Certification")
		}
		d := Doc{URL: fmt.Sprintf("/articles/a%05d/", i), Kind: "article", Title: strings.TrimSuffix(title, "."),
			Description: sentence(20, ""), Tags: []string{vocab[3+rng.IntN(30)]},
			Date: base.AddDate(0, 0, -rng.IntN(3000))}
		per := words / 5
		for s := range 5 {
			var text []string
			for n := 0; n < per; {
				extra := ""
				if cert && rng.IntN(8) == 0 {
					extra = "certification"
				}
				k := 8 + rng.IntN(12)
				text = append(text, sentence(k, extra))
				n += k
			}
			h, a := "", ""
			if s > 0 {
				h = strings.TrimSuffix(sentence(3, ""), ".")
				a = fmt.Sprintf("section-%d", s)
			}
			d.Sections = append(d.Sections, Section{Heading: h, Anchor: a, Level: 2, Text: strings.Join(text, " ")})
		}
		docs[i] = d
	}
	return docs
}
