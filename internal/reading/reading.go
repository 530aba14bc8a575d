// Package reading holds the site's anatomy reading lists: the books of a
// list, their validation, and the forms a list is published in.
//
// # Source
//
// A reading list is a Markdown page, content/reading/<slug>.md. Its body
// introduces the list; its front matter has the usual page keys plus
// `books`, a list of mappings:
//
//	books:
//	  - title: An Example Handbook of Anatomy   # required
//	    authors: [A. N. Author, B. Second]     # one or more: authors or editors is required
//	    editors: [C. Editor]                   # for an edited book: instead of or besides authors
//	    edition: 3                             # whole number, 1 or more
//	    year: 2019                             # 1450 to the year after the build's
//	    publisher: Example Press
//	    isbn: "978-0-306-40615-7"              # ISBN-10 or -13, checksum verified
//	    level: essential                       # essential | recommended | further
//	    topics: [head, neck]                   # site.yaml vocabularies.topics
//	    note: Why this book, in *inline* Markdown.
//	    url: https://example.org/book           # http(s) only
//
// The page parser decodes the front matter with yamldoc and hands its Map to
// DecodeBooks, which checks every book and reports each problem at the key
// or value at fault, as path:line:col with file lines, collecting them all:
// missing title or authors (an edited book names its editors instead),
// wrong types, unknown keys (with a did-you-mean),
// ISBN check digits (naming the expected digit), levels and topics outside
// their vocabularies (with a did-you-mean), URLs that are not http(s), note
// links that the site's rule for links refuses (package link: http(s),
// mailto and tel) or that are relative paths not starting with "/" (each
// at its [ in the file, as is link text that says nothing, "click here"),
// implausible years, and
// the same ISBN twice in one list (naming both lines). A book listed twice
// without an ISBN to tell (the same title, first author's surname and
// edition, folded) is a warning at the repeat, which is left out. Every book needs a
// level: the list page groups books by it, and a missing one is an error
// rather than a guess.
//
// # ISBNs
//
// ISBN13 accepts ISBN-10 and ISBN-13 as printed (hyphens, spaces, X) and
// returns the 13 digits; books are identified and exported by ISBN-13.
// FormatISBN13 hyphenates for display, OpenLibraryURL links a book's Open
// Library page.
//
// # Outputs
//
// A List (title, description, site path, books) is published as:
//   - an HTML bibliography grouped by level (ByLevel, NewPage and the
//     templates layouts/reading/page.html and section.html);
//   - BibTeX (BibTeX) and RIS (RIS) files at /reading/<slug>.bib and .ris,
//     which reference managers such as Zotero import. A BibTeX key is the
//     first author's surname, the year and the first word of the title
//     that counts, folded to a–z and digits as the site folds text
//     (package fold): Lech Wałęsa's Droga nadziei (1987) is
//     walesa1987droga. Two books without ISBNs are the same book when their
//     titles and first surnames fold alike;
//   - schema.org JSON-LD (JSONLD), an ItemList of Book, safe to embed in a
//     <script type="application/ld+json"> element.
//
// The /reading/ section page shows every list and, from Index, every book
// by topic, a book that several lists recommend shown once with its lists.
//
// # Templates
//
// The build renders a list page with layouts/reading/page.html and
// .Page.Data = NewPage(list) (a Page: List, Groups, BibURL, RISURL), and
// /reading/ with layouts/reading/section.html and .Page.Data =
// NewIndexPage(lists, cfg.Vocab.Topics...) (an IndexPage: Lists, Topics).
// Templates call the Book methods AuthorList, AuthorSentence, EditionLabel,
// ISBN and OpenLibrary, and print NoteHTML.
//
// Notes are inline Markdown that this package renders itself (NoteHTML,
// filled in by DecodeBooks), not the site's Markdown renderer: emphasis,
// strong, code and links to http(s), mailto and site paths; see note.go.
package reading

import (
	"bytes"
	"html/template"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"sitegen/internal/diag"
	"sitegen/internal/link"
	"sitegen/internal/ordinal"
	"sitegen/internal/personname"
	"sitegen/internal/yamldoc"

	"go.yaml.in/yaml/v3"
)

// NoteRef is a link of a book's note, at the file line and column of its
// [.
type NoteRef struct {
	URL       string
	Line, Col int
}

// Book is one recommended book.
type Book struct {
	Title     string
	Authors   []string // as written ("Keith L. Moore"); one or more unless Editors has some
	Editors   []string // an edited book's editors, as written
	Edition   int      // 0 when not given
	Year      int      // 0 when not given
	Publisher string
	ISBN13    string   // 13 digits, or "" when not given
	Level     string   // essential, recommended or further
	Topics    []string // from the site's topic vocabulary
	Note      string   // inline Markdown, as written
	// NoteLine and NoteCol are the file position of the note.
	NoteLine, NoteCol int
	// NoteRefs are the note's links at their file positions, for the
	// link checker.
	NoteRefs []NoteRef
	NoteHTML template.HTML
	URL      string // http(s), or ""
	Line     int    // file line of the book's entry
}

// Levels are the levels of a book, in the order lists show them.
var Levels = []string{"essential", "recommended", "further"}

// LevelHeading is the heading a level's group has on a list page.
func LevelHeading(level string) string {
	switch level {
	case "essential":
		return "Essential reading"
	case "recommended":
		return "Recommended reading"
	case "further":
		return "Further reading"
	}
	return level
}

// bookKeys are the keys a book may have.
var bookKeys = []string{"title", "authors", "editors", "edition", "year", "publisher", "isbn", "level", "topics", "note", "url"}

// MinYear is the earliest publication year accepted: printed books.
const MinYear = 1450

// DecodeBooks reads the `books` value of a reading list's front matter. m
// is the front matter map the page parser made; every problem is reported
// to m's decoder. topics is the site's topic vocabulary
// (config.Vocab.Topics), nil when site.yaml could not be read and topics
// are not checked. site is the site's own address (site.yaml's base_url,
// "" when unknown): a note link written with it in full is a warning that
// gives the link from the root. today is the build's date (SOURCE_DATE_EPOCH when set):
// a book may be published up to the year after it, so that a list names a
// book announced for next year and builds the same on every machine.
// Books missing a title or authors are reported and left out; other
// faulty values are reported and left empty. A list with no books written
// is a warning.
func DecodeBooks(m yamldoc.Map, topics []string, site string, today time.Time) []Book {
	maxYear := today.Year() + 1
	d := m.Decoder()
	var books []Book
	type written struct {
		line int
		isbn string // as written
	}
	seen := map[string]written{} // ISBN-13 -> the first isbn value
	for _, it := range m.List("books") {
		bm := d.Map(it, "book", bookKeys...)
		if it.Kind != yaml.MappingNode {
			continue // reported by Map
		}
		var b Book
		b.Line, _ = d.Pos(it)
		ok := bm.Require("title")
		switch { // an edited book may name its editors alone
		case bm.Has("authors"):
			ok = bm.Require("authors") && ok
		case !bm.Has("editors"):
			// A misspelt key ("author") is reported as that, once.
			if !bm.Suggested("authors") && !bm.Suggested("editors") {
				d.Errorf(it, "book is missing required key \"authors\"; add `authors: ...`, or `editors: ...` for an edited book")
			}
			ok = false
		}
		bm.OneLine("title", &b.Title)
		b.Title = strings.Join(strings.Fields(b.Title), " ")
		for _, who := range []struct {
			key, one, One string
			names         *[]string
		}{{"authors", "author", "Author", &b.Authors}, {"editors", "editor", "Editor", &b.Editors}} {
			if people, found := peopleInOne(bm.Value(who.key)); found {
				bm.Errorf(who.key, "%s: %q names %d people in one text; write each as an item of the list: %s: [%s]", who.key, bm.Value(who.key).Value, len(people), who.key, strings.Join(people, ", "))
				ok = false
				continue
			}
			if bm.Strings(who.key, who.names) {
				for i, a := range *who.names {
					(*who.names)[i] = strings.Join(strings.Fields(a), " ")
				}
			}
			if v := bm.Value(who.key); v != nil && v.Kind == yaml.SequenceNode && len(v.Content) == 0 {
				bm.Errorf(who.key, "%s must name at least one %s; write %s: [First %s, Second %s]", who.key, who.one, who.key, who.One, who.One)
				ok = false
			}
			for _, n := range items(bm.Value(who.key)) {
				if n.Kind == yaml.ScalarNode && n.Tag == "!!str" && strings.TrimSpace(n.Value) == "" {
					d.Errorf(n, "an %s is empty; write each %s's name, or remove the empty entry", who.one, who.one)
					ok = false
				}
				if n.Kind == yaml.ScalarNode && n.Tag == "!!str" {
					if a, b, two := twoPeople(n.Value); two {
						d.Errorf(n, "%s %q names two people, who would be cited as one; write each as an item of the list: %s: [%s, %s]", who.one, n.Value, who.key, a, b)
						ok = false
					}
				}
			}
		}
		if n, ok := editionOrdinal(bm.Value("edition")); ok {
			bm.Errorf("edition", "edition must be the number alone: edition: %d", n)
		} else if bm.Int("edition", &b.Edition) && b.Edition < 1 {
			bm.Errorf("edition", "edition %d must be 1 or more; write the edition number printed on the title page, such as edition: 3", b.Edition)
			b.Edition = 0
		}
		if bm.Int("year", &b.Year) && (b.Year < MinYear || b.Year > maxYear) {
			bm.Errorf("year", "year %d is not a plausible publication year; write the four-digit year of the edition you list (%d to %d, the year after the build's date)", b.Year, MinYear, maxYear)
			b.Year = 0
		}
		bm.Str("publisher", &b.Publisher)
		b.Publisher = strings.Join(strings.Fields(b.Publisher), " ")
		var isbn string
		if bm.Str("isbn", &isbn) {
			if n, err := ISBN13(isbn); err != nil {
				bm.Errorf("isbn", "%s; copy it again from the book's back cover or its publisher's page", err)
			} else if prev, dup := seen[n]; dup && isbnDigits(prev.isbn) != isbnDigits(isbn) {
				// The ISBN-10 on one and the ISBN-13 on the other: the
				// message says why two different numbers are one book.
				here, there := "ISBN-13", "ISBN-10"
				if isbnDigits(isbn) == 10 {
					here, there = there, here
				}
				bm.Errorf("isbn", "isbn %q here and %s on line %d are the %s and the %s of one book, %s, which appears twice in this list; keep one of the two books",
					isbn, prev.isbn, prev.line, here, there, FormatISBN13(n))
			} else if dup {
				bm.Errorf("isbn", "isbn %s appears twice in this list, on lines %d and %d; keep one of the two books", FormatISBN13(n), prev.line, bm.Line("isbn"))
			} else {
				seen[n] = written{bm.Line("isbn"), isbn}
				b.ISBN13 = n
			}
		}
		if bm.Need("level", strings.Join(Levels[:len(Levels)-1], ", ")+" or "+Levels[len(Levels)-1]) && bm.Str("level", &b.Level) {
			if !contains(Levels, b.Level) {
				bm.Errorf("level", "level %q is not one of %s%s", b.Level, strings.Join(Levels, ", "), didYouMean(b.Level, Levels))
				b.Level = ""
			}
		}
		if bm.Has("topics") {
			var ts []string
			bm.Strings("topics", &ts)
			for _, n := range items(bm.Value("topics")) {
				if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
					continue
				}
				t := n.Value
				switch {
				case topics != nil && !contains(topics, t):
					d.Errorf(n, "topic %q is not in the topics of content/site.yaml (%s)%s", t, vocabText(topics), didYouMean(t, topics))
				case contains(b.Topics, t):
					d.Errorf(n, "topic %q is listed twice for this book; remove one", t)
				default:
					b.Topics = append(b.Topics, t)
				}
			}
		}
		if bm.Str("note", &b.Note) {
			v := bm.Value("note")
			b.NoteLine, b.NoteCol = d.Pos(v)
			// The note's text as written, and the file position of its
			// first character: each link's problems are at its [.
			raw, line, col := b.Note, b.NoteLine, b.NoteCol
			switch {
			case v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 && strings.TrimSpace(b.Note) != "":
				line = b.NoteLine + 1 // the text starts below `note: >`, indented
				col = d.IndentCol(line)
				raw = d.BlockLines(line)
			case v.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0:
				col++ // after the opening quote
			}
			b.Note = strings.TrimSpace(b.Note)
			// A plain or quoted note over several lines is one line to
			// YAML: its links are looked for in the text as written.
			var written string
			if v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) == 0 {
				written = foldedReach(d.From(v), len(raw))
			}
			from := 0
			for _, l := range noteLinks(raw) {
				before := raw[:l.at]
				at := *v
				nl := strings.Count(before, "\n")
				at.Line = line + nl - (b.NoteLine - v.Line)
				if nl == 0 {
					at.Column = col + utf8.RuneCountInString(before)
				} else {
					at.Column = col + utf8.RuneCountInString(before[strings.LastIndexByte(before, '\n')+1:])
				}
				if i, ok := findWritten(written, from, l); ok {
					from = i
					before := written[:i]
					if nl := strings.Count(before, "\n"); nl > 0 {
						at.Line = v.Line + nl
						at.Column = 1 + utf8.RuneCountInString(before[strings.LastIndexByte(before, '\n')+1:])
					}
				}
				fl, fc := d.Pos(&at)
				b.NoteRefs = append(b.NoteRefs, NoteRef{URL: l.url, Line: fl, Col: fc})
				if why := noteURLProblem(l.url); why != "" {
					if u := pageAddress(d.File, l.url); u != "" {
						why += "; for that page, write " + u
					}
					d.Errorf(&at, "note link %q %s", l.url, why)
				} else if root, own := link.OwnSite(site, l.url); own {
					d.Warnf(&at, "note link %q, %s", l.url, link.OwnSiteAdvice(root))
				}
				if strings.TrimSpace(NotePlain(l.text)) == "" {
					d.Warnf(&at, "link has no text between its brackets, so screen readers cannot say where it goes; describe the destination there, like [the training page](/training/)")
				} else if t, vague := link.Vague(NotePlain(l.text)); vague {
					d.Warnf(&at, "link text %q does not say where the link goes, and screen readers can list links by their text alone; describe the destination, like [the training page](/training/)", t)
				}
			}
			b.NoteHTML = NoteHTML(b.Note)
		}
		bm.WebURL("url", &b.URL)
		if ok && b.Title != "" && firstAuthor(b) != "" {
			if prev := sameBook(books, b); prev != nil {
				bm.Warnf("title", "%q by %s is listed twice in this list (first on line %d); remove this one", b.Title, firstAuthor(b), prev.Line)
				continue
			}
			books = append(books, b)
		}
	}
	if v := m.Value("books"); m.IsMapping() && (v == nil || v.Kind == yaml.SequenceNode && len(v.Content) == 0 || v.ShortTag() == "!!null") {
		// No books written: a page, a .bib and a .ris with nothing in
		// them. (Books that are all reported are not this, nor books
		// written as something other than a list, an error already.)
		at := m.Node
		switch {
		case v != nil && v.Kind == yaml.SequenceNode:
			at = v
		case v != nil:
			at = m.Key("books")
		}
		d.Warnf(at, "the reading list has no books, and would be published with none; add them under books:, each with its title, authors and level")
	}
	return books
}

// foldedReach is the start of src, the text from a plain or quoted
// scalar of n characters on, as far as the scalar could reach: folding
// turns each line break and the next line's indentation into one space,
// so the text as written is at most that much longer.
func foldedReach(src []byte, n int) string {
	lines := bytes.Count(src[:min(len(src), 4*n+256)], []byte{'\n'})
	return string(src[:min(len(src), 2*n+lines*80+256)])
}

// findWritten finds, in written from byte from on, the link l of a note
// as written: its spaces may be line breaks and indentation there. It
// returns the byte offset of the link's [.
func findWritten(written string, from int, l noteLink) (int, bool) {
	if written == "" {
		return 0, false
	}
	tok := "[" + l.text + "](" + l.url + ")"
	if i := strings.Index(written[from:], tok); i >= 0 {
		return from + i, true
	}
	words := strings.Fields(tok)
	for i, w := range words {
		words[i] = regexp.QuoteMeta(w)
	}
	re, err := regexp.Compile(strings.Join(words, `\s+`))
	if err != nil {
		return 0, false
	}
	if m := re.FindStringIndex(written[from:]); m != nil {
		return from + m[0], true
	}
	return 0, false
}

// sameBook returns the book of books that b repeats, or nil: one of the
// same title, first author's surname and edition (folded, as for a
// BibTeX key), when either has no ISBN (two ISBNs are compared as ISBNs).
func sameBook(books []Book, b Book) *Book {
	id := func(b Book) string {
		_, sur, _ := personname.Split(firstAuthor(b))
		return key(b.Title) + "|" + key(sur) + "|" + strconv.Itoa(b.Edition)
	}
	want := id(b)
	for i := range books {
		if (books[i].ISBN13 == "" || b.ISBN13 == "") && id(books[i]) == want {
			return &books[i]
		}
	}
	return nil
}

// items is the items of a list node, or a single scalar as a list of one,
// without reporting anything (Strings has reported a wrong type already).
func items(n *yamldoc.Node) []*yamldoc.Node {
	switch {
	case n == nil:
		return nil
	case n.Kind == yaml.SequenceNode:
		return n.Content
	case n.Kind == yaml.ScalarNode:
		return []*yamldoc.Node{n}
	}
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func vocabText(v []string) string {
	if len(v) == 0 {
		return "it lists none; add vocabularies: topics: [...] there"
	}
	return strings.Join(v, ", ")
}

func didYouMean(s string, options []string) string {
	return diag.DidYouMean(s, options)
}

// AuthorList is who wrote the book, as prose: the authors ("A", "A and
// B", "A, B and C"), then the editors ("A; edited by C"), or the editors
// alone for an edited book ("edited by C and D").
func (b Book) AuthorList() string {
	s := names(b.Authors)
	if len(b.Editors) > 0 {
		if s != "" {
			s += "; "
		}
		s += "edited by " + names(b.Editors)
	}
	return s
}

// names is a list of names as prose: "A", "A and B", "A, B and C".
func names(list []string) string {
	switch n := len(list); n {
	case 0:
		return ""
	case 1:
		return list[0]
	default:
		return strings.Join(list[:n-1], ", ") + " and " + list[n-1]
	}
}

// AuthorSentence is AuthorList as a sentence: its first letter a capital
// ("Edited by C."), closed with a full stop unless the last name already
// ends in one ("... and Martin Luther King Jr.").
func (b Book) AuthorSentence() string {
	s := b.AuthorList()
	if s == "" {
		return s
	}
	if rest, ok := strings.CutPrefix(s, "edited by "); ok {
		s = "Edited by " + rest
	}
	if strings.HasSuffix(s, ".") {
		return s
	}
	return s + "."
}

// EditionLabel is the edition as shown: "3rd edition", or "" when the book
// has no edition number.
func (b Book) EditionLabel() string {
	if b.Edition == 0 {
		return ""
	}
	return ordinal.Number(b.Edition) + " edition"
}

// ISBN is the book's ISBN-13 in display form, or "".
func (b Book) ISBN() string { return FormatISBN13(b.ISBN13) }

// OpenLibrary is the book's Open Library page, or "" without an ISBN.
func (b Book) OpenLibrary() string {
	if b.ISBN13 == "" {
		return ""
	}
	return OpenLibraryURL(b.ISBN13)
}

// isbnDigits is how many digits (or check letters X) an ISBN is written
// with: 10 or 13 for one ISBN13 accepts.
func isbnDigits(isbn string) int {
	n := 0
	for _, r := range isbn {
		if r >= '0' && r <= '9' || r == 'X' || r == 'x' {
			n++
		}
	}
	return n
}

// twoPeople reports whether name is two people's names joined by "and"
// or "&" (John E. Upledger and Jon D. Vredevoogd), and gives them: each
// of two words or more, every word capitalised but a surname's particles
// inside a name (Ludwig van Beethoven, Ursula von der Leyen, as
// personname reads them), so that an organisation's name such as "Royal
// College of Physicians and Surgeons" is one author.
func twoPeople(name string) (a, b string, ok bool) {
	words := strings.Fields(name)
	for i, w := range words {
		if w != "and" && w != "&" {
			continue
		}
		left, right := words[:i], words[i+1:]
		if !personLike(left) || !personLike(right) {
			return "", "", false
		}
		return strings.Join(left, " "), strings.Join(right, " "), true
	}
	return "", "", false
}

// peopleInOne reads a list of people written as one text with commas,
// "Richard L. Drake, A. Wayne Vogl and Adam W. M. Mitchell", as the names
// it holds, when every part is a person's name as twoPeople reads names.
// Other text with a comma (an organisation's name) is left to the
// decoder's message about commas.
func peopleInOne(n *yaml.Node) ([]string, bool) {
	if n == nil || n.Kind != yaml.ScalarNode || n.ShortTag() != "!!str" || n.Style != 0 || !strings.Contains(n.Value, ",") {
		return nil, false
	}
	var people []string
	for _, part := range strings.Split(n.Value, ",") {
		part = strings.Join(strings.Fields(part), " ")
		if a, b, two := twoPeople(part); two {
			people = append(people, a, b)
		} else if personLike(strings.Fields(part)) {
			people = append(people, part)
		} else {
			return nil, false
		}
	}
	return people, true
}

// personLike reports whether words could be one person's name as twoPeople
// reads it: two words or more, the first and the last capitalised, any
// other capitalised or a particle of a surname.
func personLike(words []string) bool {
	if len(words) < 2 {
		return false
	}
	for i, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) && (i == 0 || i == len(words)-1 || !personname.IsParticle(w)) {
			return false
		}
	}
	return true
}

// editionOrdinal reads an edition written as an ordinal, "3rd", "Third
// edition" or "2nd ed.", which an editor copies from a cover, where the
// list wants the number alone.
func editionOrdinal(n *yaml.Node) (int, bool) {
	if n == nil || n.Kind != yaml.ScalarNode || n.ShortTag() != "!!str" {
		return 0, false
	}
	var rest []string
	for _, w := range strings.Fields(n.Value) {
		switch strings.ToLower(w) {
		case "edition", "ed", "ed.", "edn", "edn.":
		default:
			rest = append(rest, w)
		}
	}
	if len(rest) != 1 {
		return 0, false
	}
	return ordinal.Parse(rest[0])
}
