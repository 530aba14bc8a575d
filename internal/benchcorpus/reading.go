package benchcorpus

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"strings"
)

// ---- reading lists (content/reading/<slug>.md): front matter title, description,
// date and books; a short Markdown body.

var readingTitles = []string{
	"Reading list: {n} and {n}", "Essential reading for {rs}", "Books on {a} {n}",
	"Reading list: the {a} {n}", "Further reading on {m}", "A {a} bookshelf for {rs}",
}

type book struct {
	title, publisher, isbn string
	authors                []string
	edition, year, list    int
}

// readingState carries what lists share: slugs already used, ISBNs already issued,
// and the books so far (about 1 book in 10 also appears on an earlier list).
type readingState struct {
	seen  map[string]int
	isbns map[string]bool
	books []book
}

func (st *readingState) newBook(r *rand.Rand, g *gen, list int) book {
	var bt string
	switch r.IntN(3) {
	case 0:
		bt = titleCase(stripEmph(g.fill("The {a} {n}")))
	case 1:
		bt = titleCase(stripEmph(g.fill("{n} and {n}: a {a} introduction")))
	default:
		bt = capFirst(pTerm.pick(r)) + ": " + stripEmph(g.fill("{a} studies in {n}"))
	}
	var authors []string
	for a := 1 + r.IntN(3); a > 0; a-- {
		gn, fn := fictionalName(r)
		authors = append(authors, gn+" "+fn)
	}
	bk := book{title: bt, authors: authors, year: 1950 + r.IntN(75), list: list,
		publisher: publishersA[r.IntN(len(publishersA))] + " " + publishersB[r.IntN(len(publishersB))]}
	if r.IntN(5) < 2 {
		bk.edition = 2 + r.IntN(8)
	}
	for bk.isbn == "" || st.isbns[bk.isbn] {
		bk.isbn = isbn13(r)
	}
	st.isbns[bk.isbn] = true
	return bk
}

func (st *readingState) markdown(k int, seed uint64) (string, []byte) {
	r := rand.New(rand.NewPCG(seed, 3<<32+uint64(k)))
	g := &gen{r}
	title := titleCase(stripEmph(g.fill(readingTitles[r.IntN(len(readingTitles))])))
	slug := slugify(title)
	st.seen[slug]++
	if st.seen[slug] > 1 {
		slug = fmt.Sprintf("%s-%d", slug, st.seen[slug])
	}
	y, m, d := civil(2016, r.IntN(9*365))
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %s\ndescription: %s\ndate: %04d-%02d-%02d\nbooks:\n", ys(title), ys(stripEmph(g.sentence())), y, m, d)
	onList := map[string]bool{}
	for n := 5 + r.IntN(11); n > 0; n-- {
		var bk book
		if len(st.books) > 0 && r.IntN(10) == 0 {
			bk = st.books[r.IntN(len(st.books))] // also on an earlier list
			if bk.list == k || onList[bk.isbn] {
				continue
			}
		} else {
			bk = st.newBook(r, g, k)
			st.books = append(st.books, bk)
		}
		onList[bk.isbn] = true
		fmt.Fprintf(&b, "  - title: %s\n    authors: %s\n", ys(bk.title), ylist(bk.authors))
		if bk.edition > 0 {
			fmt.Fprintf(&b, "    edition: %d\n", bk.edition)
		}
		level := bookLevels[0]
		switch x := r.IntN(20); {
		case x >= 15:
			level = bookLevels[2]
		case x >= 6:
			level = bookLevels[1]
		}
		idx := r.Perm(len(bookTopics))[:1+r.IntN(3)]
		sort.Ints(idx)
		var topics []string
		for _, i := range idx {
			topics = append(topics, bookTopics[i])
		}
		fmt.Fprintf(&b, "    year: %d\n    publisher: %s\n    isbn: %q\n    level: %s\n    topics: %s\n    note: %s\n",
			bk.year, ys(bk.publisher), bk.isbn, level, ylist(topics), ys(g.sentence()))
	}
	b.WriteString("---\n\n")
	b.WriteString(g.paragraph(2, 4) + "\n\n## How to use this list\n\n" + g.paragraph(2, 4) + "\n")
	return slug, []byte(b.String())
}
