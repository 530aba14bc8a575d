package reading

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"unicode"

	"sitegen/internal/fold"
	"sitegen/internal/ordinal"
	"sitegen/internal/personname"
)

// surnameFirst writes a name as "Surname, Given" (or "Surname, Suffix,
// Given"), the form BibTeX and RIS read without guessing.
func surnameFirst(name string) string {
	g, s, x := personname.Split(name)
	switch {
	case g == "" && x == "":
		return s
	case x == "":
		return s + ", " + g
	default:
		return s + ", " + x + ", " + g
	}
}

// key is s as the letters a–z and digits of its fold (fold.Slug without
// the hyphens): the stuff of BibTeX keys and of a book's identity
// ("Wałęsa" is walesa, "van der Berg" vanderberg).
func key(s string) string {
	return strings.ReplaceAll(fold.Slug(s), "-", "")
}

var stopWords = map[string]bool{"a": true, "an": true, "the": true, "of": true, "and": true, "on": true, "in": true, "to": true, "for": true}

// citeKeys gives each book a BibTeX key: first author's surname, year (or
// "nd") and first significant title word, as in moore2018clinically. Keys
// depend only on the books and their order, so they are stable from build
// to build; a key already taken gets a suffix b, c, ... z, then aa, ab,
// ... (keySuffix), so that a key is always letters and digits.
func citeKeys(books []Book) []string {
	keys := make([]string, len(books))
	used := map[string]bool{}
	for i, b := range books {
		_, sur, _ := personname.Split(firstAuthor(b))
		base := key(sur)
		if base == "" {
			base = "anon"
		}
		if b.Year > 0 {
			base += fmt.Sprint(b.Year)
		} else {
			base += "nd"
		}
		for _, w := range strings.FieldsFunc(b.Title, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			if f := key(w); f != "" && !stopWords[f] {
				base += f
				break
			}
		}
		k := base
		for n := 1; used[k]; n++ {
			k = base + keySuffix(n)
		}
		used[k] = true
		keys[i] = k
	}
	return keys
}

// keySuffix is the suffix of the nth clash of a cite key, counting the key
// without one as the a: b for 1, z for 25, then aa, ab, ... as columns are
// named in a spreadsheet.
func keySuffix(n int) string {
	var b []byte
	for m := n + 1; m > 0; m = (m - 1) / 26 {
		b = append(b, byte('a'+(m-1)%26))
	}
	slices.Reverse(b)
	return string(b)
}

var latexEscaper = strings.NewReplacer(
	`\`, `\textbackslash{}`, `{`, `\textbraceleft{}`, `}`, `\textbraceright{}`, `&`, `\&`, `%`, `\%`, `$`, `\$`,
	`#`, `\#`, `_`, `\_`, `~`, `\textasciitilde{}`, `^`, `\textasciicircum{}`,
)

// latex escapes text for a braced BibTeX field. A brace is written as a
// command (\textbraceleft{}), not as \{: BibTeX itself counts every
// brace, escaped or not, so a title with one brace alone would end its
// field early and let the rest of the title be read as a new entry. Accented letters stay UTF-8
// (the file says so), which biber, modern BibTeX and Zotero all read.
func latex(s string) string {
	return latexEscaper.Replace(strings.Join(strings.Fields(s), " "))
}

// bibTitle is a title for a braced BibTeX field: latex, with each word
// that has a capital after its first letter (CST, CranioSacral, McGraw)
// in braces of its own, as bibliography styles that set titles in
// sentence case would otherwise lower-case it.
func bibTitle(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		w = latex(w)
		if innerCapital(words[i]) {
			w = "{" + w + "}"
		}
		words[i] = w
	}
	return strings.Join(words, " ")
}

// innerCapital reports whether w has an upper-case letter after its
// first letter.
func innerCapital(w string) bool {
	seen := false
	for _, r := range w {
		if !unicode.IsLetter(r) {
			continue
		}
		if seen && unicode.IsUpper(r) {
			return true
		}
		seen = true
	}
	return false
}

// bibEdition is the edition as BibTeX styles expect: a capitalised ordinal
// ("Third"), printed before "edition".
func bibEdition(n int) string {
	if n < 1 {
		return ""
	}
	w := ordinal.Word(n)
	return strings.ToUpper(w[:1]) + w[1:]
}

// BibTeX writes the list as @book entries, one per book, with the fields
// author, editor, title, edition, year, publisher, isbn, url, keywords (topics) and
// annote (the note as plain text). Text is LaTeX-escaped (a title's words
// with inner capitals kept in braces, see bibTitle); URLs are written
// as they are, braces percent-encoded. The list's title and address head
// the file as % lines; BibTeX has no comments, it skips text outside
// entries up to the next @, so an @ in them is written otherwise ("(at)",
// %40) and cannot start an entry the list does not have.
func BibTeX(list List) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "%% %s\n", strings.ReplaceAll(oneLine(list.Title), "@", "(at)"))
	if u := cmp.Or(list.Permalink, list.URL); u != "" {
		fmt.Fprintf(&b, "%% %s\n", strings.ReplaceAll(oneLine(u), "@", "%40"))
	}
	b.WriteString("% Encoding: UTF-8\n")
	keys := citeKeys(list.Books)
	for i, bk := range list.Books {
		fmt.Fprintf(&b, "\n@book{%s,\n", keys[i])
		field := func(name, value string) {
			if value != "" {
				fmt.Fprintf(&b, "  %-9s = {%s},\n", name, value)
			}
		}
		field("author", bibNames(bk.Authors))
		field("editor", bibNames(bk.Editors))
		field("title", bibTitle(bk.Title))
		if bk.Edition > 0 {
			field("edition", bibEdition(bk.Edition))
		}
		if bk.Year > 0 {
			field("year", fmt.Sprint(bk.Year))
		}
		field("publisher", latex(bk.Publisher))
		field("isbn", FormatISBN13(bk.ISBN13))
		field("url", bibURL(bk.URL))
		field("keywords", latex(strings.Join(bk.Topics, ", ")))
		field("annote", latex(NotePlain(bk.Note)))
		b.WriteString("}\n")
	}
	return b.Bytes()
}

// bibNames is a BibTeX name list: "Surname, Given and Surname, Given", a
// name that BibTeX would misread (one with " and " in it, or one word)
// in braces.
func bibNames(list []string) string {
	out := make([]string, len(list))
	for j, a := range list {
		out[j] = latex(surnameFirst(a))
		if strings.Contains(strings.ToLower(out[j]), " and ") || !strings.Contains(out[j], ",") {
			out[j] = "{" + out[j] + "}"
		}
	}
	return strings.Join(out, " and ")
}

var bibURLEscaper = strings.NewReplacer("{", "%7B", "}", "%7D", `\`, "%5C", " ", "%20")

func bibURL(u string) string { return bibURLEscaper.Replace(u) }

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// RIS writes the list in the RIS format, one TY  - BOOK record per book
// with the tags AU (one per author, "Surname, Given"), ED (one per
// editor), TI, ET, PY, PB, SN,
// UR, KW (one per topic) and N1 (the note as plain text), ending in ER.
// Lines end in CRLF as the RIS specification has them; Zotero, EndNote and
// Mendeley read it.
func RIS(list List) []byte {
	var b bytes.Buffer
	tag := func(t, v string) {
		if v = oneLine(v); v != "" {
			fmt.Fprintf(&b, "%s  - %s\r\n", t, v)
		}
	}
	for _, bk := range list.Books {
		b.WriteString("TY  - BOOK\r\n")
		for _, a := range bk.Authors {
			tag("AU", surnameFirst(a))
		}
		for _, a := range bk.Editors {
			tag("ED", surnameFirst(a))
		}
		tag("TI", bk.Title)
		if bk.Edition > 0 {
			tag("ET", fmt.Sprint(bk.Edition))
		}
		if bk.Year > 0 {
			tag("PY", fmt.Sprint(bk.Year))
		}
		tag("PB", bk.Publisher)
		tag("SN", bk.ISBN13)
		tag("UR", bk.URL)
		for _, t := range bk.Topics {
			tag("KW", t)
		}
		tag("N1", NotePlain(bk.Note))
		b.WriteString("ER  - \r\n\r\n")
	}
	return b.Bytes()
}

type ldThing struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

type ldBook struct {
	Type          string    `json:"@type"`
	Name          string    `json:"name"`
	Author        []ldThing `json:"author,omitempty"`
	Editor        []ldThing `json:"editor,omitempty"`
	ISBN          string    `json:"isbn,omitempty"`
	BookEdition   string    `json:"bookEdition,omitempty"`
	DatePublished string    `json:"datePublished,omitempty"`
	Publisher     *ldThing  `json:"publisher,omitempty"`
	URL           string    `json:"url,omitempty"`
	SameAs        string    `json:"sameAs,omitempty"`
	Description   string    `json:"description,omitempty"`
}

type ldItem struct {
	Type     string `json:"@type"`
	Position int    `json:"position"`
	Item     ldBook `json:"item"`
}

type ldList struct {
	Context         string   `json:"@context"`
	Type            string   `json:"@type"`
	Name            string   `json:"name"`
	Description     string   `json:"description,omitempty"`
	URL             string   `json:"url,omitempty"`
	NumberOfItems   int      `json:"numberOfItems"`
	ItemListElement []ldItem `json:"itemListElement"`
}

// JSONLD is the list as a schema.org ItemList of Book items (name, author
// and editor as Person, isbn, bookEdition, datePublished, publisher as Organization,
// url, sameAs the Open Library page, description the plain note). The list
// URL is written as given: pass an absolute URL in list.URL for search
// engines. The JSON escapes <, > and & (as \u003c...) and U+2028/U+2029, so
// it is safe inside <script type="application/ld+json">. In html/template
// pass it as template.JS(out) (a plain string or []byte would be quoted
// again as a JavaScript string).
func JSONLD(list List) ([]byte, error) {
	l := ldList{Context: "https://schema.org", Type: "ItemList", Name: oneLine(list.Title), Description: oneLine(list.Description), URL: list.URL, NumberOfItems: len(list.Books), ItemListElement: []ldItem{}}
	for i, b := range list.Books {
		bk := ldBook{Type: "Book", Name: b.Title, ISBN: b.ISBN13, BookEdition: b.EditionLabel(), URL: b.URL, SameAs: b.OpenLibrary(), Description: NotePlain(b.Note)}
		for _, a := range b.Authors {
			bk.Author = append(bk.Author, ldThing{Type: "Person", Name: a})
		}
		for _, a := range b.Editors {
			bk.Editor = append(bk.Editor, ldThing{Type: "Person", Name: a})
		}
		if b.Year > 0 {
			bk.DatePublished = fmt.Sprint(b.Year)
		}
		if b.Publisher != "" {
			bk.Publisher = &ldThing{Type: "Organization", Name: b.Publisher}
		}
		l.ItemListElement = append(l.ItemListElement, ldItem{Type: "ListItem", Position: i + 1, Item: bk})
	}
	// json.Marshal escapes <, >, &, U+2028 and U+2029 in strings.
	return json.Marshal(l)
}
