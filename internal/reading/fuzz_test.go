package reading

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"sitegen/internal/diag"
	"sitegen/internal/yamldoc"
)

// FuzzDecodeBooks feeds arbitrary reading-list front matter to the decoder
// and the three exports. Whatever an editor writes, nothing panics, every
// problem names a line of the file, and each export keeps its structure:
// RIS is one tagged line per field, BibTeX braces balance in every entry,
// and JSON-LD is valid JSON that cannot end its script element.
//
// make test runs the seeds below; go test -fuzz FuzzDecodeBooks searches.
func FuzzDecodeBooks(f *testing.F) {
	for _, s := range []string{
		book("edition: 3", "year: 2019", "publisher: Example Press", "isbn: 978-0-306-40615-7", "topics: [head, neck]"),
		book("note: \"See [the guide](https://example.org/) and *this*.\\r\\nER  - \\nTY  - BOOK\""),
		book("publisher: \"}{\\\\ $%&#_~^ \\\\textbf{x}\"", "url: \"https://example.org/{a}\\\\b c\""),
		"title: A list\nbooks:\n  - title: \"Over\\nTwo Lines\"\n    authors: [\"Smith, J.\", \"Jones and Co\", \"{A} }B{\"]\n",
		"title: A list\nbooks:\n  - title: \"</script><!--\"\n    authors: [x]\n    isbn: 0-306-40615-X\n    url: javascript:alert(1)\n",
		"title: A list\nbooks: 5\n",
		"title: A list\nbooks:\n  - {title: \"Half } open {\", authors: [\"x}\"], publisher: \"\\\\\"}\n",
		"title: A list\nbooks:\n  - 7\n  - [a]\n  - {title: [x], authors: 9, edition: -1, year: 99999}\n",
	} {
		f.Add(s)
	}
	risLine := regexp.MustCompile(`^([A-Z][A-Z0-9]  - .*)?$`)
	f.Fuzz(func(t *testing.T, src string) {
		// The page loader makes line ends LF before YAML sees them.
		src = strings.ReplaceAll(strings.ReplaceAll(src, "\r\n", "\n"), "\r", "\n")
		var list diag.List
		d := yamldoc.New(testFile, []byte(src), 1, &list)
		root := d.Parse()
		if root == nil {
			return
		}
		m := d.Map(root, "front matter", "title", "books")
		books := DecodeBooks(m, testTopics, testSite, testToday)
		// The YAML starts on line 2, after the opening ---; the closing ---
		// follows its last line.
		last := strings.Count(src, "\n") + 3
		for _, p := range list.All() {
			if p.File != testFile || p.Line < 1 || p.Line > last || p.Msg == "" {
				t.Errorf("problem not at a place in the file: %s", p)
			}
		}
		l := List{Title: "A list\nwith a break", URL: "/reading/a/", Books: books}
		for _, ln := range strings.Split(string(RIS(l)), "\r\n") {
			if !risLine.MatchString(ln) {
				t.Fatalf("RIS line %q is not one tagged field", ln)
			}
		}
		bib := string(BibTeX(l))
		for _, entry := range strings.Split(bib, "\n@book{")[1:] {
			depth := 1
			for i := 0; i < len(entry); i++ {
				switch entry[i] {
				case '\\':
					i++ // an escaped character
				case '{':
					depth++
				case '}':
					if depth--; depth == 0 && i != len(entry)-2 {
						t.Fatalf("a BibTeX entry closes early at byte %d: %q", i, entry)
					}
				}
			}
			if depth != 0 {
				t.Fatalf("BibTeX entry left open: %q", entry)
			}
		}
		ld, err := JSONLD(l)
		if err != nil {
			t.Fatalf("JSONLD: %v", err)
		}
		if !json.Valid(ld) || strings.Contains(string(ld), "</") {
			t.Fatalf("JSON-LD is not valid, or could end its script element: %s", ld)
		}
		for _, b := range books {
			if h := string(NoteHTML(b.Note)); strings.Contains(strings.ToLower(h), "<script") || strings.Contains(h, "javascript:") {
				t.Fatalf("note %q renders script: %s", b.Note, h)
			}
		}
	})
}

// FuzzISBN13 checks that whatever ISBN13 accepts is 13 digits with a
// valid check digit, unchanged by a second pass and by printing it with
// hyphens and reading it back.
func FuzzISBN13(f *testing.F) {
	for _, s := range []string{"978-0-306-40615-7", "0-306-40615-2", "ISBN-10: 080442957X", "isbn 979 10 90636 07 1", "97803064061", "", "X"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, err := ISBN13(s)
		if err != nil {
			return
		}
		if len(n) != 13 || strings.Trim(n, "0123456789") != "" {
			t.Fatalf("ISBN13(%q) = %q: not 13 digits", s, n)
		}
		sum := 0
		for i, c := range n {
			d := int(c - '0')
			if i%2 == 1 {
				d *= 3
			}
			sum += d
		}
		if sum%10 != 0 {
			t.Fatalf("ISBN13(%q) = %q: bad check digit", s, n)
		}
		if again, err := ISBN13(n); err != nil || again != n {
			t.Fatalf("ISBN13(%q) = %q, %v", n, again, err)
		}
		if back, err := ISBN13(FormatISBN13(n)); err != nil || back != n {
			t.Fatalf("ISBN13(FormatISBN13(%q) = %q) = %q, %v", n, FormatISBN13(n), back, err)
		}
	})
}
