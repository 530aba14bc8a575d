package reading

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"sitegen/internal/diag"
	"sitegen/internal/yamldoc"
)

var testTopics = []string{"head", "neck", "spine", "nervous-system", "cerebrospinal-fluid", "fascia", "physiology", "cst"}

const testFile = "content/reading/test.md"

// testSite is the site's own address in the tests (site.yaml's base_url).
const testSite = "https://cst.example.org/"

// testToday is the build's date of the tests: books up to 2027 are
// accepted.
var testToday = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)

// decode decodes front matter text as the page parser does: the YAML starts
// on line 2 of the file, after the opening "---".
func decode(t *testing.T, src string) ([]Book, []string) {
	t.Helper()
	return decodeOn(t, src, testToday)
}

// decodeOn decodes as decode does, on the build date today.
func decodeOn(t *testing.T, src string, today time.Time) ([]Book, []string) {
	t.Helper()
	var list diag.List
	d := yamldoc.New(testFile, []byte(src), 1, &list)
	root := d.Parse()
	if root == nil {
		t.Fatalf("syntax error: %v", list.All())
	}
	m := d.Map(root, "front matter", "title", "books")
	books := DecodeBooks(m, testTopics, testSite, today)
	var msgs []string
	for _, p := range list.All() {
		msgs = append(msgs, p.String())
	}
	return books, msgs
}

// book is the front matter of a list with one book whose entry has the
// given extra lines (indented as book keys), and level: essential after
// them unless they give a level; the book's first key is on file line 4,
// so extra lines start on file line 6.
func book(extra ...string) string {
	s := "title: A list\nbooks:\n  - title: An Example Handbook\n    authors: [A. N. Author]\n"
	level := true
	for _, e := range extra {
		s += "    " + e + "\n"
		level = level && !strings.HasPrefix(e, "level:")
	}
	if level {
		s += "    level: essential\n"
	}
	return s
}

func TestDecodeBooksValidation(t *testing.T) {
	p := testFile + ":"
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{"valid", book(`edition: 3`, `year: 2019`, `publisher: Example Press`, `isbn: "0-306-40615-2"`, `level: essential`, `topics: [head, neck]`, `note: A *clear* start.`, `url: https://example.org/book`), nil},
		{"missing title", "books:\n  - authors: [A. N. Author]\n    level: further\n", []string{
			p + `3:5: book is missing required key "title"; add ` + "`title: ...`"}},
		{"empty title", "books:\n  - title: \"\"\n    authors: [A]\n    level: further\n", []string{
			p + `3:12: title is empty; write it after the colon: ` + "`title: ...`"}},
		{"missing authors", "books:\n  - title: A Book\n    level: further\n", []string{
			p + `3:5: book is missing required key "authors"; add ` + "`authors: ...`, or `editors: ...` for an edited book"}},
		{"editors instead of authors", "books:\n  - title: A Book\n    editors: [C. Editor]\n    level: further\n", nil},
		{"empty editors", "books:\n  - title: A Book\n    editors: []\n    level: further\n", []string{
			p + `4:14: editors must name at least one editor; write editors: [First Editor, Second Editor]`}},
		{"an empty editor beside authors", "books:\n  - title: A Book\n    authors: [A]\n    editors: [\"\"]\n    level: further\n", []string{
			p + `5:15: an editor is empty; write each editor's name, or remove the empty entry`}},
		{"empty authors", "books:\n  - title: A Book\n    authors: []\n    level: further\n", []string{
			p + `4:14: authors must name at least one author; write authors: [First Author, Second Author]`}},
		{"empty author", "books:\n  - title: A Book\n    authors: [A. N. Author, \"\"]\n    level: further\n", []string{
			p + `4:29: an author is empty; write each author's name, or remove the empty entry`}},
		{"authors not text", "books:\n  - title: A Book\n    authors: {name: A}\n    level: further\n", []string{
			p + `4:14: authors must be a list of text, not a mapping; write authors: [first, second]`}},
		{"single author as text", book(), nil},
		{"two authors as one text", "books:\n  - title: A Book\n    authors: John E. Upledger, Jon D. Vredevoogd\n    level: further\n", []string{
			p + `4:14: authors: "John E. Upledger, Jon D. Vredevoogd" names 2 people in one text; write each as an item of the list: authors: [John E. Upledger, Jon D. Vredevoogd]`}},
		{"three authors as one text, the last joined by and", "books:\n  - title: A Book\n    authors: Richard L. Drake, A. Wayne Vogl and Adam W. M. Mitchell\n    level: further\n", []string{
			p + `4:14: authors: "Richard L. Drake, A. Wayne Vogl and Adam W. M. Mitchell" names 3 people in one text; write each as an item of the list: authors: [Richard L. Drake, A. Wayne Vogl, Adam W. M. Mitchell]`}},
		{"a name with a comma that is not a list of people", "books:\n  - title: A Book\n    editors: Royal College of Physicians, London\n    level: further\n", []string{
			p + `4:14: editors: "Royal College of Physicians, London" is one item with a comma in it; write a list in square brackets, editors: [Royal College of Physicians, London], or put one item in quotes: editors: "Royal College of Physicians, London"`}},
		{"a misspelt authors key is not also missing authors", "books:\n  - title: A Book\n    author: John E. Upledger\n    level: further\n", []string{
			p + `4:5: unknown key "author" in book; did you mean "authors"?`}},
		{"two authors joined by and", "books:\n  - title: A Book\n    authors: [John E. Upledger and Jon D. Vredevoogd]\n    level: further\n", []string{
			p + `4:15: author "John E. Upledger and Jon D. Vredevoogd" names two people, who would be cited as one; write each as an item of the list: authors: [John E. Upledger, Jon D. Vredevoogd]`}},
		{"two editors joined by &", "books:\n  - title: A Book\n    editors: C. Editor & D. Editor\n    level: further\n", []string{
			p + `4:14: editor "C. Editor & D. Editor" names two people, who would be cited as one; write each as an item of the list: editors: [C. Editor, D. Editor]`}},
		{"an organisation with and in its name", "books:\n  - title: A Book\n    authors: [Royal College of Physicians and Surgeons]\n    level: further\n", nil},
		{"two authors with particles joined by and", "books:\n  - title: A Book\n    authors: [Ursula von der Leyen and Charles de Gaulle]\n    level: further\n", []string{
			p + `4:15: author "Ursula von der Leyen and Charles de Gaulle" names two people, who would be cited as one; write each as an item of the list: authors: [Ursula von der Leyen, Charles de Gaulle]`}},
		{"one author, surname first, in quotes", "books:\n  - title: A Book\n    authors: \"Upledger, John E.\"\n    level: further\n", nil},
		{"unknown key", book(`auther: B`), []string{
			p + `6:5: unknown key "auther" in book; did you mean "authors"?`}},
		{"unknown key without suggestion", book(`colour: red`), []string{
			p + `6:5: unknown key "colour" in book`}},
		{"duplicate key", book(`title: Again`), []string{
			p + `6:5: key "title" appears twice in book (first on line 4); keep one`}},
		{"book not a mapping", "books:\n  - Just a title\n", []string{
			p + `3:5: book must be a mapping of keys to values, not the text "Just a title"`}},
		{"books not a list", "books: Just a title\n", []string{
			p + `2:8: books must be a list, not the text "Just a title"`}},
		{"edition as an ordinal", book(`edition: 3rd`), []string{
			p + `6:14: edition must be the number alone: edition: 3`}},
		{"edition as on the cover", book(`edition: Third Edition`), []string{
			p + `6:14: edition must be the number alone: edition: 3`}},
		{"edition abbreviated", book(`edition: 12th ed.`), []string{
			p + `6:14: edition must be the number alone: edition: 12`}},
		{"edition not a number", book(`edition: revised`), []string{
			p + `6:14: edition must be a whole number, not the text "revised"`}},
		{"edition zero", book(`edition: 0`), []string{
			p + `6:14: edition 0 must be 1 or more; write the edition number printed on the title page, such as edition: 3`}},
		{"year too early", book(`year: 1200`), []string{
			p + `6:11: year 1200 is not a plausible publication year; write the four-digit year of the edition you list (1450 to 2027, the year after the build's date)`}},
		{"year in the future", book(`year: 3019`), []string{
			p + `6:11: year 3019 is not a plausible publication year; write the four-digit year of the edition you list (1450 to 2027, the year after the build's date)`}},
		{"year as text", book(`year: twenty`), []string{
			p + `6:11: year must be a whole number, not the text "twenty"`}},
		{"bad check digit", book(`isbn: "978-0-306-40615-8"`), []string{
			p + `6:11: isbn "978-0-306-40615-8" has a bad check digit (expected 7); copy it again from the book's back cover or its publisher's page`}},
		{"isbn too short", book(`isbn: 0-306-4061`), []string{
			p + `6:11: isbn "0-306-4061" has 8 digits; an ISBN has 10 or 13; copy it again from the book's back cover or its publisher's page`}},
		{"isbn unquoted number", book(`isbn: 9780306406157`), nil},
		{"same isbn twice", "books:\n  - title: One\n    authors: [A]\n    isbn: 0-306-40615-2\n    level: further\n  - title: Two\n    authors: [B]\n    isbn: \"978 0 306 40615 7\"\n    level: further\n", []string{
			p + `9:11: isbn "978 0 306 40615 7" here and 0-306-40615-2 on line 5 are the ISBN-13 and the ISBN-10 of one book, 978-0-306-40615-7, which appears twice in this list; keep one of the two books`}},
		{"same isbn twice, written alike", "books:\n  - title: One\n    authors: [A]\n    isbn: 0-306-40615-2\n    level: further\n  - title: Two\n    authors: [B]\n    isbn: \"0306406152\"\n    level: further\n", []string{
			p + `9:11: isbn 978-0-306-40615-7 appears twice in this list, on lines 5 and 9; keep one of the two books`}},
		{"missing level", "books:\n  - title: A Book\n    authors: [A]\n", []string{
			p + `3:5: book is missing required key "level"; add level: essential, recommended or further`}},
		{"empty level", book(`level:`), []string{
			p + `6:5: level has no value; write level: essential, recommended or further`}},
		{"unknown level", book(`level: esential`), []string{
			p + `6:12: level "esential" is not one of essential, recommended, further; did you mean "essential"?`}},
		{"unknown level without suggestion", book(`level: vital`), []string{
			p + `6:12: level "vital" is not one of essential, recommended, further`}},
		{"unknown topic", book(`topics: [head, nerves-system, sacrum]`), []string{
			p + `6:20: topic "nerves-system" is not in the topics of content/site.yaml (head, neck, spine, nervous-system, cerebrospinal-fluid, fascia, physiology, cst); did you mean "nervous-system"?`,
			p + `6:35: topic "sacrum" is not in the topics of content/site.yaml (head, neck, spine, nervous-system, cerebrospinal-fluid, fascia, physiology, cst)`}},
		{"a book listed twice", "books:\n  - {title: The Body Book, authors: [Ann Smith], level: essential}\n  - {title: the body  book, authors: [A. Smith], level: further}\n", []string{
			p + `4:13: warning: "the body book" by A. Smith is listed twice in this list (first on line 3); remove this one`}},
		{"two editions of a book", "books:\n  - {title: The Body Book, authors: [Ann Smith], level: essential, edition: 2}\n  - {title: The Body Book, authors: [Ann Smith], level: further, edition: 3}\n", nil},
		{"one title by two authors", "books:\n  - {title: Anatomy, authors: [Ann Smith], level: essential}\n  - {title: Anatomy, authors: [Bo Jones], level: further}\n", nil},
		{"repeated topic", book(`topics: [head, head]`), []string{
			p + `6:20: topic "head" is listed twice for this book; remove one`}},
		{"javascript url", book(`url: "javascript:alert(1)"`), []string{
			p + `6:10: url "javascript:alert(1)" must be an absolute http or https address, such as https://example.org/`}},
		{"relative url", book(`url: /books/one`), []string{
			p + `6:10: url "/books/one" must be an absolute http or https address, such as https://example.org/`}},
		{"url with a space", book(`url: "https://example.org/my book"`), []string{
			p + `6:10: url "https://example.org/my book" contains a space; write each space as %20`}},
		{"ftp url", book(`url: ftp://example.org/book`), []string{
			p + `6:10: url "ftp://example.org/book" must be an absolute http or https address, such as https://example.org/`}},
		{"unsafe note link", book(`note: "See [this](javascript:alert(1)) and [that](../articles/safety.md)."`), []string{
			p + `6:16: note link "javascript:alert(1)" uses the javascript: scheme; link to a page on this site or to an http, https, mailto or tel address`,
			p + `6:16: warning: link text "this" does not say where the link goes, and screen readers can list links by their text alone; describe the destination, like [the training page](/training/)`,
			p + `6:48: note link "../articles/safety.md" is a relative address, which would point somewhere different on each page that shows the note; write a path from the site's root, such as /training/, or a whole address; for that page, write /articles/safety/`}},
		{"note link with no text", book(`note: "See [ ](/training/) and [*  *](/verify/)."`), []string{
			p + `6:16: warning: link has no text between its brackets, so screen readers cannot say where it goes; describe the destination there, like [the training page](/training/)`,
			p + `6:36: warning: link has no text between its brackets, so screen readers cannot say where it goes; describe the destination there, like [the training page](/training/)`}},
		{"relative note links to pages and to other places", book(`note: "[a](../articles/safety.md#risks), [b](../index.md), [c](_index.md), [d](../training/) and [e](../../x.md)."`), []string{
			p + `6:12: note link "../articles/safety.md#risks" is a relative address, which would point somewhere different on each page that shows the note; write a path from the site's root, such as /training/, or a whole address; for that page, write /articles/safety/#risks`,
			p + `6:46: note link "../index.md" is a relative address, which would point somewhere different on each page that shows the note; write a path from the site's root, such as /training/, or a whole address; for that page, write /`,
			p + `6:64: note link "_index.md" is a relative address, which would point somewhere different on each page that shows the note; write a path from the site's root, such as /training/, or a whole address; for that page, write /reading/`,
			p + `6:80: note link "../training/" is a relative address, which would point somewhere different on each page that shows the note; write a path from the site's root, such as /training/, or a whole address`,
			p + `6:102: note link "../../x.md" is a relative address, which would point somewhere different on each page that shows the note; write a path from the site's root, such as /training/, or a whole address`}},
		{"note links the site's rule refuses", book(`note: "[a](//example.org/x), [b](https://user:pw@example.org/), [c](mailto:) and [d](data:text/html,x)."`), []string{
			p + `6:12: note link "//example.org/x" starts with //, which browsers read as an address on another site; write it in full, such as https://example.org/x`,
			p + `6:34: note link "https://user:pw@example.org/" must not carry a user name or password, which every visitor would see; remove the part up to and including the @`,
			p + `6:69: note link "mailto:" has nothing after mailto:; write the address right after the colon, such as mailto:info@example.org`,
			p + `6:86: note link "data:text/html,x" uses the data: scheme; link to a page on this site or to an http, https, mailto or tel address`}},
		{"note links in a folded block, at their lines", "books:\n  - title: A Book\n    authors: [A]\n    level: further\n    note: >-\n      Line one of the note is fine.\n      Line two has [a link](javascript:alert(1)) in it\n      and [a missing page](/articles/nope/) and [Click here!](/verify/).\n", []string{
			p + `8:20: note link "javascript:alert(1)" uses the javascript: scheme; link to a page on this site or to an http, https, mailto or tel address`,
			p + `9:49: warning: link text "click here" does not say where the link goes, and screen readers can list links by their text alone; describe the destination, like [the training page](/training/)`}},
		{"note links in a literal block", "books:\n  - title: A Book\n    authors: [A]\n    level: further\n    note: |\n      One.\n        Two [x](ftp://example.org/).\n", []string{
			p + `8:13: note link "ftp://example.org/" uses the ftp: scheme; link to a page on this site or to an http, https, mailto or tel address`}},
		{"note links in a plain note over several lines, at their lines", "books:\n  - title: A Book\n    authors: [A]\n    level: further\n    note: Line one is fine,\n      line two has [a link](javascript:alert(1)) in it\n      and [Click\n      here!](/verify/).\n", []string{
			p + `7:20: note link "javascript:alert(1)" uses the javascript: scheme; link to a page on this site or to an http, https, mailto or tel address`,
			p + `8:11: warning: link text "click here" does not say where the link goes, and screen readers can list links by their text alone; describe the destination, like [the training page](/training/)`}},
		{"note links in a quoted note over several lines", "books:\n  - title: A Book\n    authors: [A]\n    level: further\n    note: \"Line one [x](ftp://example.org/a),\n      line two [y](ftp://example.org/b).\"\n", []string{
			p + `6:21: note link "ftp://example.org/a" uses the ftp: scheme; link to a page on this site or to an http, https, mailto or tel address`,
			p + `7:16: note link "ftp://example.org/b" uses the ftp: scheme; link to a page on this site or to an http, https, mailto or tel address`}},
		{"note links to the site's own address written in full", "books:\n  - title: A Book\n    authors: [A]\n    level: further\n    note: >-\n      See [training](https://cst.example.org/training/#dates),\n      [home](HTTP://CST.example.org) and [another site](https://example.org/training/).\n", []string{
			p + `7:11: warning: note link "https://cst.example.org/training/#dates", which is this site's own address written in full: a link written so is not checked, and leads a preview's readers to the live site; write it from the root: /training/#dates`,
			p + `8:7: warning: note link "HTTP://CST.example.org", which is this site's own address written in full: a link written so is not checked, and leads a preview's readers to the live site; write it from the root: /`}},
		{"safe note links", book(`note: "See [training](/training/), [mail](mailto:info@example.org), [a page](https://example.org/) and [call us](tel:+441632960905)."`), nil},
		{"many problems collected", "books:\n  - title: One\n    authors: [A]\n    isbn: 0-306-40615-3\n    level: core\n  - authors: [B]\n    year: 99\n    level: further\n", []string{
			p + `5:11: isbn "0-306-40615-3" has a bad check digit (expected 2); copy it again from the book's back cover or its publisher's page`,
			p + `6:12: level "core" is not one of essential, recommended, further`,
			p + `7:5: book is missing required key "title"; add ` + "`title: ...`",
			p + `8:11: year 99 is not a plausible publication year; write the four-digit year of the edition you list (1450 to 2027, the year after the build's date)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got := decode(t, tt.src)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestYearsFollowTheBuildDate: the latest year accepted is the year after
// the build's date, not the clock's, so a build with SOURCE_DATE_EPOCH
// gives the same result on every machine and in every year.
func TestYearsFollowTheBuildDate(t *testing.T) {
	p := testFile + ":"
	tests := []struct {
		name  string
		today time.Time
		year  int
		want  []string
	}{
		{"a date in the future accepts its next year", time.Date(2040, 6, 1, 0, 0, 0, 0, time.UTC), 2041, nil},
		{"a date in the future refuses the year after", time.Date(2040, 6, 1, 0, 0, 0, 0, time.UTC), 2042, []string{
			p + `6:11: year 2042 is not a plausible publication year; write the four-digit year of the edition you list (1450 to 2041, the year after the build's date)`}},
		{"a date in the past accepts its next year", time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC), 2002, nil},
		{"a date in the past refuses a year after", time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC), 2019, []string{
			p + `6:11: year 2019 is not a plausible publication year; write the four-digit year of the edition you list (1450 to 2002, the year after the build's date)`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			books, msgs := decodeOn(t, book(fmt.Sprintf("year: %d", tt.year)), tt.today)
			if strings.Join(msgs, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(msgs, "\n"), strings.Join(tt.want, "\n"))
			}
			if len(books) != 1 || (tt.want == nil) != (books[0].Year == tt.year) {
				t.Errorf("books %+v", books)
			}
		})
	}
}

func TestDecodeBooksValues(t *testing.T) {
	books, msgs := decode(t, "title: A list\nbooks:\n"+
		"  - title: \"  An Example   Handbook \"\n"+
		"    authors: [A. N. Author, \" B.  Second \"]\n"+
		"    edition: 3\n    year: 2019\n    publisher: Example Press\n"+
		"    isbn: 0-306-40615-2\n    level: further\n    topics: [spine, cst]\n"+
		"    note: \"Read **chapter 2** first; see [training](/training/).\"\n"+
		"    url: https://example.org/book\n"+
		"  - title: Second Book\n    authors: Solo Writer\n    level: recommended\n"+
		"  - authors: [Dropped, For, Missing Title]\n    level: essential\n")
	if len(msgs) != 1 {
		t.Fatalf("want one problem (the missing title), got %q", msgs)
	}
	if len(books) != 2 {
		t.Fatalf("got %d books, want 2 (the book without a title is left out)", len(books))
	}
	b := books[0]
	checks := []struct{ name, got, want string }{
		{"title", b.Title, "An Example Handbook"},
		{"authors", strings.Join(b.Authors, "|"), "A. N. Author|B. Second"},
		{"publisher", b.Publisher, "Example Press"},
		{"isbn", b.ISBN13, "9780306406157"},
		{"level", b.Level, "further"},
		{"topics", strings.Join(b.Topics, "|"), "spine|cst"},
		{"url", b.URL, "https://example.org/book"},
		{"note html", string(b.NoteHTML), `Read <strong>chapter 2</strong> first; see <a href="/training/">training</a>.`},
		{"edition label", b.EditionLabel(), "3rd edition"},
		{"display isbn", b.ISBN(), "978-0-306-40615-7"},
		{"open library", b.OpenLibrary(), "https://openlibrary.org/isbn/9780306406157"},
		{"author list", b.AuthorList(), "A. N. Author and B. Second"},
		{"second level", books[1].Level, "recommended"},
		{"single author", strings.Join(books[1].Authors, "|"), "Solo Writer"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
	if b.Edition != 3 || b.Year != 2019 || b.Line != 4 {
		t.Errorf("edition, year, line = %d, %d, %d; want 3, 2019, 4", b.Edition, b.Year, b.Line)
	}
}

func TestOrdinalAndAuthorList(t *testing.T) {
	if got := (Book{Authors: []string{"A", "B", "C"}}).AuthorList(); got != "A, B and C" {
		t.Errorf("AuthorList = %q", got)
	}
}

// TestListWithoutBooks: a reading list with no books (books: left empty,
// written [], or not written at all) would be published as a page, a .bib
// and a .ris file with nothing in them; it is a warning that says to add
// one, at books: or at the front matter. A list whose books all have
// errors is reported for those alone.
func TestListWithoutBooks(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"books left empty", "title: A list\nbooks:\n",
			testFile + ":3:1: warning: the reading list has no books, and would be published with none; add them under books:, each with its title, authors and level"},
		{"books as []", "title: A list\nbooks: []\n",
			testFile + ":3:8: warning: the reading list has no books, and would be published with none; add them under books:, each with its title, authors and level"},
		{"no books key", "title: A list\n",
			testFile + ":2:1: warning: the reading list has no books, and would be published with none; add them under books:, each with its title, authors and level"},
		{"one book", book(), ""},
		{"books as {}, an error alone", "title: A list\nbooks: {}\n",
			testFile + ":3:8: books must be a list, not a mapping"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, msgs := decode(t, tt.src)
			if strings.Join(msgs, "\n") != tt.want {
				t.Errorf("problems\n%s\nwant\n%s", strings.Join(msgs, "\n"), tt.want)
			}
		})
	}
	_, msgs := decode(t, "title: A list\nbooks:\n  - {title: T}\n")
	if len(msgs) != 2 || strings.Contains(strings.Join(msgs, "\n"), "has no books") {
		t.Errorf("a list whose only book has errors: %q", msgs)
	}
}

// TestTwoPeople: two people's names joined by "and" or "&" are found,
// surnames with lower-case particles among them; one person's name, and
// an organisation's with "and" in it, are not.
func TestTwoPeople(t *testing.T) {
	tests := []struct {
		name, a, b string // a and b "" when name is one author
	}{
		{"John E. Upledger and Jon D. Vredevoogd", "John E. Upledger", "Jon D. Vredevoogd"},
		{"C. Editor & D. Editor", "C. Editor", "D. Editor"},
		{"Ludwig van Beethoven and Clara Schumann", "Ludwig van Beethoven", "Clara Schumann"},
		{"Charles de Gaulle & Jean Monnet", "Charles de Gaulle", "Jean Monnet"},
		{"Ursula von der Leyen and Ann Smith", "Ursula von der Leyen", "Ann Smith"},
		{"Ann Smith and Vincent van Gogh", "Ann Smith", "Vincent van Gogh"},
		{"Aoife Ní Bhriain and Rhys ap Gruffydd", "Aoife Ní Bhriain", "Rhys ap Gruffydd"},
		{"Ann Smith", "", ""},
		{"Ludwig van Beethoven", "", ""},
		{"Ursula von der Leyen", "", ""},
		{"Marks and Spencer", "", ""},
		{"Smith and Sons", "", ""},
		{"Ann Smith and Sons", "", ""},
		{"Royal College of Physicians and Surgeons", "", ""},
		{"Society of Friends and Allies of the Museum", "", ""},
		{"Ann Smith and the Editors", "", ""},
		{"Ann Smith and de Gaulle", "", ""}, // a name does not start with a particle
		{"Ann van and Bo Jones", "", ""},    // nor end with one
		{"Centre for Health and Care Research", "", ""},
		{"Hodder & Stoughton", "", ""},
	}
	for _, tt := range tests {
		a, b, ok := twoPeople(tt.name)
		if a != tt.a || b != tt.b || ok != (tt.a != "") {
			t.Errorf("twoPeople(%q) = %q, %q, %v; want %q, %q, %v", tt.name, a, b, ok, tt.a, tt.b, tt.a != "")
		}
	}
}
