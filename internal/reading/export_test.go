package reading

import (
	"bytes"
	"encoding/json"
	"flag"
	"html/template"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite golden files")

// hardTitle has every LaTeX special character, accents and a dash.
const hardTitle = `Anatomy & Physiology: 100% {Revised} Édition — Ça va_bien #1 ~ ^ \ $5`

func sampleList() List {
	return List{
		Title:       "Test list: anatomy & more",
		Description: "Books for a test.",
		URL:         "/reading/test-list/",
		Permalink:   "https://example.org/reading/test-list/",
		Books: []Book{
			{Title: hardTitle, Authors: []string{"Élodie Ünderwood", "Jan van der Berg", "Martin Luther King Jr."}, Edition: 3, Year: 2019, Publisher: "Presses & Fils", ISBN13: "9780306406157", Level: "essential", Topics: []string{"head", "neck"}, Note: "Read **chapter 2** first; see [training](/training/) & `code`.", URL: "https://example.org/book?a=1&b=%7B"},
			{Title: "A Plain Book", Authors: []string{"Hall, John E."}, Level: "further"},
			{Title: "The Same Key", Authors: []string{"A. N. Author"}, Year: 2001, Edition: 12, Publisher: "Example Press"},
			{Title: "Same Key Again", Authors: []string{"B. Author"}, Year: 2001},
			{Title: "Collected Papers} @misc(injected, title = {An entry of its own}", Authors: []string{"Anonymous"}, Year: 1999}, // one brace alone, and what comes after it
			{Title: "An Edited Volume", Editors: []string{"Clara Ó Dálaigh", "Dev Patel"}, Edition: 6, Year: 2021, Publisher: "Example Press"},
			{Title: "Written and Edited", Authors: []string{"Ann Writer"}, Editors: []string{"Ed Itor"}, Year: 2010},
		},
	}
}

// wantNames are how the sample's authors must come back, as
// surname/given/suffix.
var wantNames = [][][3]string{
	{{"Ünderwood", "Élodie", ""}, {"van der Berg", "Jan", ""}, {"King", "Martin Luther", "Jr."}},
	{{"Hall", "John E.", ""}},
	{{"Author", "A. N.", ""}},
	{{"Author", "B.", ""}},
	{{"Anonymous", "", ""}},
	nil,
	{{"Writer", "Ann", ""}},
}

// wantEditors are the sample's editors, as wantNames has its authors.
var wantEditors = [][][3]string{
	nil, nil, nil, nil, nil,
	{{"Ó Dálaigh", "Clara", ""}, {"Patel", "Dev", ""}},
	{{"Itor", "Ed", ""}},
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (run go test -update after checking):\n%s", name, got)
	}
}

func TestBibTeXGolden(t *testing.T) { golden(t, "list.bib", BibTeX(sampleList())) }
func TestRISGolden(t *testing.T)    { golden(t, "list.ris", RIS(sampleList())) }

// bibEntry is one parsed @book entry.
type bibEntry struct {
	typ, key string
	fields   map[string]string // raw, still LaTeX-escaped
}

// parseBibTeX is a small BibTeX reader: @type{key, name = {value}, ...}
// with brace-balanced values and backslash escapes, as a reference
// manager reads them.
func parseBibTeX(t *testing.T, src string) []bibEntry {
	t.Helper()
	var out []bibEntry
	i := 0
	for {
		at := strings.IndexByte(src[i:], '@')
		if at < 0 {
			return out
		}
		i += at + 1
		open := strings.IndexByte(src[i:], '{')
		comma := strings.IndexByte(src[i:], ',')
		if open < 0 || comma < open {
			t.Fatalf("bad entry at %d", i)
		}
		e := bibEntry{typ: src[i : i+open], key: src[i+open+1 : i+comma], fields: map[string]string{}}
		i += comma + 1
		for {
			rest := strings.TrimLeft(src[i:], " \t\r\n,")
			i = len(src) - len(rest)
			if strings.HasPrefix(rest, "}") {
				i++
				break
			}
			eq := strings.IndexByte(rest, '=')
			if eq < 0 {
				t.Fatalf("field without = at %d", i)
			}
			name := strings.TrimSpace(rest[:eq])
			j := i + eq + 1
			for src[j] == ' ' {
				j++
			}
			if src[j] != '{' {
				t.Fatalf("field %s: value not braced", name)
			}
			// BibTeX counts every brace, a backslash before it or not.
			depth, k := 0, j
			for ; k < len(src); k++ {
				switch src[k] {
				case '{':
					depth++
				case '}':
					depth--
				}
				if depth == 0 {
					break
				}
			}
			if depth != 0 {
				t.Fatalf("field %s: unbalanced braces", name)
			}
			if _, dup := e.fields[name]; dup {
				t.Fatalf("entry %s: field %s twice", e.key, name)
			}
			e.fields[name] = src[j+1 : k]
			i = k + 1
		}
		out = append(out, e)
	}
}

var unlatexRe = regexp.MustCompile(`\\textbackslash\{\}|\\textasciitilde\{\}|\\textasciicircum\{\}|\\textbrace(left|right)\{\}|\\[&%$#_]`)

func unlatex(s string) string {
	return unlatexRe.ReplaceAllStringFunc(s, func(m string) string {
		switch m {
		case `\textbackslash{}`:
			return `\`
		case `\textasciitilde{}`:
			return "~"
		case `\textasciicircum{}`:
			return "^"
		case `\textbraceleft{}`:
			return "{"
		case `\textbraceright{}`:
			return "}"
		}
		return m[1:]
	})
}

// splitBibNames splits an author field at " and " outside braces and reads
// each name as "Surname, Given", "Surname, Suffix, Given" or "{Name}".
func splitBibNames(s string) [][3]string {
	var parts []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '{':
			depth++
		case '}':
			depth--
		case ' ':
			if depth == 0 && strings.HasPrefix(s[i:], " and ") {
				parts = append(parts, s[start:i])
				start = i + 5
				i += 4
			}
		}
	}
	parts = append(parts, s[start:])
	var out [][3]string
	for _, p := range parts {
		if strings.HasPrefix(p, "{") && strings.HasSuffix(p, "}") {
			out = append(out, [3]string{unlatex(p[1 : len(p)-1]), "", ""})
			continue
		}
		f := strings.Split(p, ", ")
		switch len(f) {
		case 2:
			out = append(out, [3]string{unlatex(f[0]), unlatex(f[1]), ""})
		case 3:
			out = append(out, [3]string{unlatex(f[0]), unlatex(f[2]), unlatex(f[1])})
		default:
			out = append(out, [3]string{unlatex(p), "?", "?"})
		}
	}
	return out
}

func TestBibTeXRoundTrip(t *testing.T) {
	l := sampleList()
	entries := parseBibTeX(t, string(BibTeX(l)))
	if len(entries) != len(l.Books) {
		t.Fatalf("parsed %d entries, want %d", len(entries), len(l.Books))
	}
	keys := map[string]bool{}
	for i, e := range entries {
		b := l.Books[i]
		if e.typ != "book" {
			t.Errorf("entry %d type %q, want book", i, e.typ)
		}
		if keys[e.key] || !regexp.MustCompile(`^[a-z0-9]+$`).MatchString(e.key) {
			t.Errorf("key %q repeated or not plain", e.key)
		}
		keys[e.key] = true
		if got := unlatex(e.fields["title"]); got != b.Title {
			t.Errorf("title round trip:\n got %q\nwant %q", got, b.Title)
		}
		if got := splitBibNames(e.fields["author"]); e.fields["author"] != "" && !equalNames(got, wantNames[i]) || e.fields["author"] == "" && wantNames[i] != nil {
			t.Errorf("authors of %q: got %q, want %q", b.Title, got, wantNames[i])
		}
		if got := splitBibNames(e.fields["editor"]); e.fields["editor"] != "" && !equalNames(got, wantEditors[i]) || e.fields["editor"] == "" && wantEditors[i] != nil {
			t.Errorf("editors of %q: got %q, want %q", b.Title, got, wantEditors[i])
		}
		want := map[string]string{"publisher": b.Publisher, "isbn": b.ISBN(), "url": b.URL, "annote": NotePlain(b.Note), "keywords": strings.Join(b.Topics, ", ")}
		if b.Year > 0 {
			want["year"] = itoa(b.Year)
		}
		if b.Edition > 0 {
			want["edition"] = bibEdition(b.Edition)
		}
		for name, w := range want {
			got := e.fields[name]
			if name != "url" {
				got = unlatex(got)
			}
			if got != w {
				t.Errorf("%s of %q = %q, want %q", name, b.Title, got, w)
			}
		}
	}
	if entries[0].fields["edition"] != "Third" || entries[2].fields["edition"] != "12th" {
		t.Errorf("editions = %q, %q; want Third, 12th", entries[0].fields["edition"], entries[2].fields["edition"])
	}
	wantKeys := []string{"underwood2019anatomy", "hallndplain", "author2001same", "author2001sameb", "anonymous1999collected", "odalaigh2021edited", "writer2010written"}
	for i, k := range wantKeys {
		if entries[i].key != k {
			t.Errorf("key %d = %q, want %q", i, entries[i].key, k)
		}
	}
}

// TestBibTeXHeaderCannotStartAnEntry: BibTeX reads an entry from any @
// outside entries, so a list's title or address with one in it must not
// add a book the list does not have.
func TestBibTeXHeaderCannotStartAnEntry(t *testing.T) {
	l := sampleList()
	l.Title = "Reading @book{injected2026, title={Injected}, author={Mallory}}"
	l.Permalink = "https://example.org/reading/x@book{sluginj,title={Slug}}/"
	out := string(BibTeX(l))
	entries := parseBibTeX(t, out)
	if len(entries) != len(l.Books) {
		t.Fatalf("parsed %d entries, want %d:\n%s", len(entries), len(l.Books), out)
	}
	for _, e := range entries {
		if e.key == "injected2026" || e.key == "sluginj" {
			t.Errorf("the header started an entry %q", e.key)
		}
	}
	if !strings.Contains(out, "% Reading (at)book{injected2026") || !strings.Contains(out, "reading/x%40book{") {
		t.Errorf("the header does not keep the title and address readable:\n%s", out[:200])
	}
}

func equalNames(a, b [][3]string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func itoa(n int) string { b, _ := json.Marshal(n); return string(b) }

type risRecord map[string][]string

// parseRIS reads RIS records: "XX  - value" lines from TY to ER.
func parseRIS(t *testing.T, src string) []risRecord {
	t.Helper()
	lineRe := regexp.MustCompile(`^([A-Z][A-Z0-9])  - (.*)$`)
	var out []risRecord
	var cur risRecord
	for n, line := range strings.Split(src, "\r\n") {
		if line == "" {
			continue
		}
		if strings.Contains(line, "\n") {
			t.Fatalf("line %d has a bare LF", n+1)
		}
		m := lineRe.FindStringSubmatch(line)
		if m == nil {
			t.Fatalf("line %d is not a RIS tag line: %q", n+1, line)
		}
		switch {
		case m[1] == "TY":
			cur = risRecord{"TY": {m[2]}}
		case cur == nil:
			t.Fatalf("line %d: %s before TY", n+1, m[1])
		case m[1] == "ER":
			out = append(out, cur)
			cur = nil
		default:
			cur[m[1]] = append(cur[m[1]], m[2])
		}
	}
	if cur != nil {
		t.Fatal("record without ER")
	}
	return out
}

func TestRISRoundTrip(t *testing.T) {
	l := sampleList()
	recs := parseRIS(t, string(RIS(l)))
	if len(recs) != len(l.Books) {
		t.Fatalf("parsed %d records, want %d", len(recs), len(l.Books))
	}
	one := func(r risRecord, tag string) string { return strings.Join(r[tag], "|") }
	for i, r := range recs {
		b := l.Books[i]
		if one(r, "TY") != "BOOK" {
			t.Errorf("TY = %q", one(r, "TY"))
		}
		names := func(tag string) [][3]string {
			var names [][3]string
			for _, au := range r[tag] {
				f := strings.Split(au, ", ")
				switch len(f) {
				case 1:
					names = append(names, [3]string{f[0], "", ""})
				case 2:
					names = append(names, [3]string{f[0], f[1], ""})
				default:
					names = append(names, [3]string{f[0], f[2], f[1]})
				}
			}
			return names
		}
		if got := names("AU"); !equalNames(got, wantNames[i]) {
			t.Errorf("AU of %q = %q, want %q", b.Title, got, wantNames[i])
		}
		if got := names("ED"); !equalNames(got, wantEditors[i]) {
			t.Errorf("ED of %q = %q, want %q", b.Title, got, wantEditors[i])
		}
		want := map[string]string{"TI": b.Title, "PB": b.Publisher, "SN": b.ISBN13, "UR": b.URL, "N1": NotePlain(b.Note), "KW": strings.Join(b.Topics, "|")}
		if b.Year > 0 {
			want["PY"] = itoa(b.Year)
		}
		if b.Edition > 0 {
			want["ET"] = itoa(b.Edition)
		}
		for tag, w := range want {
			if got := one(r, tag); got != w {
				t.Errorf("%s of %q = %q, want %q", tag, b.Title, got, w)
			}
		}
	}
}

func TestJSONLDCannotBreakOut(t *testing.T) {
	evil := "</script><script>alert(1)</script>"
	l := List{Title: evil, Description: "a & b <!--", URL: "https://example.org/reading/x/", Books: []Book{
		{Title: evil, Authors: []string{"A <b>bold</b> author"}, Publisher: "P & Q", Year: 2020, Edition: 2, ISBN13: "9780306406157", Note: "Line\u2028separator"},
	}}
	out, err := JSONLD(l)
	if err != nil {
		t.Fatal(err)
	}
	s := string(out)
	for _, bad := range []string{"<", ">", "&", "\u2028"} {
		if strings.Contains(s, bad) {
			t.Errorf("JSON-LD contains %q raw: %s", bad, s)
		}
	}
	var back struct {
		Context, Type string
		Name          string `json:"name"`
		Items         []struct {
			Position int `json:"position"`
			Item     struct {
				Type      string `json:"@type"`
				Name      string `json:"name"`
				Author    []struct{ Type, Name string }
				ISBN      string `json:"isbn"`
				Edition   string `json:"bookEdition"`
				Date      string `json:"datePublished"`
				Publisher struct{ Name string }
				SameAs    string `json:"sameAs"`
			} `json:"item"`
		} `json:"itemListElement"`
	}
	if err := json.Unmarshal(out, &back); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(s, `"@context":"https://schema.org","@type":"ItemList"`) {
		t.Errorf("not a schema.org ItemList: %s", s)
	}
	it := back.Items[0].Item
	if back.Name != evil || it.Name != evil || it.Type != "Book" || back.Items[0].Position != 1 {
		t.Errorf("names did not survive: %q %q", back.Name, it.Name)
	}
	if len(it.Author) != 1 || it.Author[0].Name != "A <b>bold</b> author" || it.ISBN != "9780306406157" || it.Edition != "2nd edition" || it.Date != "2020" || it.Publisher.Name != "P & Q" || it.SameAs != "https://openlibrary.org/isbn/9780306406157" {
		t.Errorf("fields wrong: %+v", it)
	}
	// Embedded the documented way, the script element holds exactly the JSON
	// and closes once.
	tm := template.Must(template.New("").Parse(`<script type="application/ld+json">{{.}}</script>`))
	var page bytes.Buffer
	if err := tm.Execute(&page, template.JS(out)); err != nil {
		t.Fatal(err)
	}
	if page.String() != `<script type="application/ld+json">`+s+`</script>` || strings.Count(page.String(), "</script") != 1 {
		t.Errorf("embedded JSON-LD changed or broke out: %s", page.String())
	}
	if !strings.Contains(s, `"author":[{"@type":"Person"`) || !strings.Contains(s, `"publisher":{"@type":"Organization"`) {
		t.Errorf("author/publisher not typed: %s", s)
	}
}

// Cite keys fold names as the rest of the site does (package fold): a
// Polish, Danish or Icelandic surname keeps all its letters.
func TestCiteKeysFoldLatinLetters(t *testing.T) {
	books := []Book{
		{Title: "Droga nadziei", Authors: []string{"Lech Wałęsa"}, Year: 1987},
		{Title: "Øvelse i kristendom", Authors: []string{"Søren Kierkegaard"}, Year: 1850},
		{Title: "Łódź: a history", Authors: []string{"Anna Ødegård"}},
		{Title: "Þættir", Authors: []string{"Þóra Ðuric"}, Year: 2001},
		{Title: "Straße und Weg", Authors: []string{"Jan Groß"}, Year: 2010},
	}
	want := []string{"walesa1987droga", "kierkegaard1850ovelse", "odegardndlodz", "duric2001thaettir", "gross2010strasse"}
	if got := citeKeys(books); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("citeKeys = %q, want %q", got, want)
	}
}

// TestManyClashingKeys: thirty books by one author in one year, whose
// titles start with the same word, get thirty keys of letters and digits
// (the 27th is sameaa, not same{), and the BibTeX file still reads.
func TestManyClashingKeys(t *testing.T) {
	l := List{Title: "Clashes", URL: "/reading/clashes/"}
	for i := range 30 {
		l.Books = append(l.Books, Book{Title: "Same Title " + itoa(i), Authors: []string{"A. N. Author"}, Year: 2001})
	}
	entries := parseBibTeX(t, string(BibTeX(l)))
	if len(entries) != 30 {
		t.Fatalf("parsed %d entries, want 30", len(entries))
	}
	plain := regexp.MustCompile(`^[a-z0-9]+$`)
	seen := map[string]bool{}
	for _, e := range entries {
		if seen[e.key] || !plain.MatchString(e.key) {
			t.Errorf("key %q repeated or not letters and digits", e.key)
		}
		seen[e.key] = true
	}
	for i, want := range map[int]string{0: "author2001same", 1: "author2001sameb", 25: "author2001samez", 26: "author2001sameaa", 27: "author2001sameab", 29: "author2001samead"} {
		if entries[i].key != want {
			t.Errorf("key %d = %q, want %q", i, entries[i].key, want)
		}
	}
}

func TestKeySuffix(t *testing.T) {
	for n, want := range map[int]string{1: "b", 25: "z", 26: "aa", 27: "ab", 51: "az", 52: "ba", 701: "zz", 702: "aaa"} {
		if got := keySuffix(n); got != want {
			t.Errorf("keySuffix(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestJSONLDEditors: an edited book's editors are schema.org editors, and
// a book with editors only names no author.
func TestJSONLDEditors(t *testing.T) {
	out, err := JSONLD(sampleList())
	if err != nil {
		t.Fatal(err)
	}
	var l struct {
		ItemListElement []struct {
			Item struct {
				Name   string
				Author []struct{ Name string }
				Editor []struct{ Name string }
			}
		}
	}
	if err := json.Unmarshal(out, &l); err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, it := range l.ItemListElement {
		var a, e []string
		for _, p := range it.Item.Author {
			a = append(a, p.Name)
		}
		for _, p := range it.Item.Editor {
			e = append(e, p.Name)
		}
		got[it.Item.Name] = strings.Join(a, ", ") + " | " + strings.Join(e, ", ")
	}
	for name, want := range map[string]string{
		"An Edited Volume":   " | Clara Ó Dálaigh, Dev Patel",
		"Written and Edited": "Ann Writer | Ed Itor",
		"A Plain Book":       "Hall, John E. | ",
	} {
		if got[name] != want {
			t.Errorf("%s: authors | editors = %q, want %q", name, got[name], want)
		}
	}
	if bytes.Contains(out, []byte(`"author":null`)) || bytes.Contains(out, []byte(`"editor":null`)) {
		t.Errorf("null people in %s", out)
	}
}

// TestBibTeXTitleKeepsCapitals: a title's words with capitals after their
// first letter are braced, so that a style setting titles in sentence
// case keeps "CST" and "CranioSacral"; other words are left to the style.
func TestBibTeXTitleKeepsCapitals(t *testing.T) {
	for in, want := range map[string]string{
		"CranioSacral Therapy":            "{CranioSacral} Therapy",
		"CST & the CSF: 100% of McGraw's": `{CST} \& the {CSF:} 100\% of {McGraw's}`,
		"Gray's Anatomy for Students":     "Gray's Anatomy for Students",
		"A {Braced} Title":                `A \textbraceleft{}Braced\textbraceright{} Title`,
		"Ünderwood's ÉCOLE":               "Ünderwood's {ÉCOLE}",
	} {
		if got := bibTitle(in); got != want {
			t.Errorf("bibTitle(%q) = %q, want %q", in, got, want)
		}
	}
	bib := string(BibTeX(List{Title: "L", Books: []Book{{Title: "CranioSacral Therapy", Authors: []string{"A"}}}}))
	if !strings.Contains(bib, "title     = {{CranioSacral} Therapy},") {
		t.Errorf("BibTeX title not braced:\n%s", bib)
	}
}
