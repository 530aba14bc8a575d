package config

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"sitegen/internal/diag"
)

func TestBundledSiteYAML(t *testing.T) {
	src, err := os.ReadFile("../../content/site.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var l diag.List
	c := Parse(src, &l)
	if l.Len() != 0 {
		t.Fatalf("problems: %v", l.All())
	}
	if c.BaseURL != "https://example.org/" || c.Language != "en-GB" || len(c.Vocab.Regions) != 12 {
		t.Errorf("unexpected config: %+v", c)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ src, want string }{
		{"titel: x\nbase_url: https://e.org/\n", `content/site.yaml:1:1: unknown key "titel" in site.yaml; did you mean "title"?`},
		{"title: x\n", `content/site.yaml:1:1: site.yaml is missing required key "base_url"`},
		{"title: x\nbase_url: ftp://e.org/\n", `content/site.yaml:2:11: base_url "ftp://e.org/" must be an absolute http or https address, such as https://example.org/`},
		{"title: x\nbase_url: https://user:pw@example.org/\n", `content/site.yaml:2:11: base_url "https://user:pw@example.org/" must not carry a user name or password, which every visitor would see; remove the part up to and including the @`},
		{"title: x\nbase_url: https://example.org/a b/\n", `content/site.yaml:2:11: base_url "https://example.org/a b/" contains a space; write each space as %20`},
		{"title: x\nbase_url: https://example.org/?lang=en\n", `content/site.yaml:2:11: base_url "https://example.org/?lang=en" must not have a query (?...); remove the ? and what follows it`},
		{"title: x\nbase_url: https://example.org/?\n", `content/site.yaml:2:11: base_url "https://example.org/?" must not have a query (?...); remove the ? and what follows it`},
		{"title: x\nbase_url: https://example.org/#top\n", `content/site.yaml:2:11: base_url "https://example.org/#top" must not have a fragment (#...); remove the # and what follows it`},
		{"title: x\nbase_url: https://e.org/\nraw_html: maybe\n", `content/site.yaml:3:11: raw_html must be true or false`},
		{"title: [x\nbase_url: y\n", `content/site.yaml:1:8: YAML syntax error: the [ that starts the value of title is never closed`},
		{"title: x\nbase_url: https://e.org/\nlanguage: *en\n", `content/site.yaml:3:11: YAML syntax error: the value of language starts with *, which YAML reads as a reference to an anchor &en`},
		{"title: Caf\xe9\nbase_url: https://e.org/\n", `content/site.yaml:1:11: file is not UTF-8 text (the byte 0xE9 here is é in Windows-1252, which older Windows programs save); save it with UTF-8 encoding`},
		{"---\n", `content/site.yaml:1:1: site.yaml is missing required key "title"`},
		{"title: x\nbase_url: https://e.org/\nmenu:\n  - {name: A}\n", `content/site.yaml:4:5: menu item is missing required key "url"`},
		{"title: x\nbase_url: https://e.org/\norganisation:\n  name: \"TODO: name\"\n", `content/site.yaml:4:9: warning: placeholder "TODO: name" left to fill in; write the name in its place`},
		{"title: x\nbase_url: https://e.org/\norganisation:\n  name: A\n  address:\n    country: Atlantis\n", `content/site.yaml:6:14: country "Atlantis" is not a country name this site knows; write United Kingdom, or the country's two-letter ISO 3166 code such as GB`},
		{"title: x\nbase_url: https://e.org/\ndescription: \"x\\e[2Jy\"\n", `content/site.yaml:3:14: description has the control character U+001B, which browsers do not show and HTML does not allow; remove it`},
		{"title: x\nbase_url: https://e.org/\nnotice: \"Sample\\x07\"\n", `content/site.yaml:3:9: notice has the control character U+0007, which browsers do not show and HTML does not allow; remove it`},
		{"title: x\nbase_url: https://e.org/\nmenu:\n  - {name: \"Find a\\npractitioner\", url: /practitioners/}\n", `content/site.yaml:4:12: name must be on one line, but it has a line break; remove it`},
		{"title: x\nbase_url: https://e.org/\nvocabularies:\n  regions: [North, " + strings.Repeat("r", 200) + ", " + strings.Repeat("r", 201) + "]\n",
			`content/site.yaml:4:222: region "` + strings.Repeat("r", 201) + `" is 201 bytes long, more than the 200 a URL segment may have (it names the region's page, /practitioners/region/<region>/); shorten it`},
		{"title: x\nbase_url: https://e.org/\nvocabularies:\n  regions: " + strings.Repeat("r", 300) + "\n",
			`content/site.yaml:4:12: region "` + strings.Repeat("r", 300) + `" is 300 bytes long, more than the 200 a URL segment may have (it names the region's page, /practitioners/region/<region>/); shorten it`},
	}
	for _, tt := range tests {
		var l diag.List
		Parse([]byte(tt.src), &l)
		all := l.All()
		if len(all) == 0 || !strings.HasPrefix(all[0].String(), tt.want) {
			t.Errorf("Parse(%q) = %v, want prefix %q", tt.src, all, tt.want)
		}
	}
}

// parseProblems parses src as site.yaml and returns the config and its
// problems as an editor reads them.
func parseProblems(src string) (*Config, []string) {
	var l diag.List
	c := Parse([]byte(src), &l)
	var got []string
	for _, p := range l.All() {
		got = append(got, p.String())
	}
	return c, got
}

// TestVocabularyTwice: a vocabulary's value written twice, or twice in
// different letters or punctuation, would name one page of the register
// twice; it is reported at the second, and the first alone is kept.
func TestVocabularyTwice(t *testing.T) {
	src := "title: x\nbase_url: https://e.org/\nvocabularies:\n" +
		"  regions: [Scotland, North East, Scotland, north-east, Wales]\n" +
		"  modalities:\n    - Reiki\n    - Reflexology\n    - reiki\n" +
		"  languages: [English, Welsh]\n  levels: [Registered, Advanced]\n  topics: [head, neck, Head]\n"
	c, got := parseProblems(src)
	want := []string{
		`content/site.yaml:4:35: regions: "Scotland" appears twice (first on line 4, column 13); keep one`,
		`content/site.yaml:4:45: regions: "north-east" is "North East" (line 4, column 23) written another way; keep one`,
		`content/site.yaml:8:7: modalities: "reiki" is "Reiki" (line 6, column 7) written another way; keep one`,
		`content/site.yaml:11:24: topics: "Head" is "head" (line 11, column 12) written another way; keep one`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	v := c.Vocab
	if fmt.Sprint(v.Regions, v.Modalities, v.Languages, v.Topics) != "[Scotland North East Wales] [Reiki Reflexology] [English Welsh] [head neck]" {
		t.Errorf("kept %v %v %v %v", v.Regions, v.Modalities, v.Languages, v.Topics)
	}
}

// Menu urls follow the site's rule for links (package link), as links in
// pages, notes and data files do, with the menu's own: a content file or a
// path from the site's root, never a relative path.
func TestMenuURLs(t *testing.T) {
	const fix = "; write a page's file (articles/safety.md), a path on this site (/verify/), or an http(s), mailto or tel address"
	for u, want := range map[string]string{
		"tel:+441632960905":            "",
		"mailto:info@example.org":      "",
		"https://example.org/":         "",
		"/verify/":                     "",
		"articles/safety.md":           "",
		"articles/Safety.MD":           "", // the site says which page it means
		"articles/safety.md#risks":     "", // a heading of the page
		"https://example.org/NOTES.md": "",
		"/articles/safety.MD":          "must be a file under content/, written without a leading / or .." + fix,
		"../articles/safety.Md":        "must be a file under content/, written without a leading / or .." + fix,
		"javascript:alert(1)":          "uses the javascript: scheme; link to a page on this site or to an http, https, mailto or tel address",
		"//evil.example/":              "starts with //, which browsers read as an address on another site; write it in full, such as https://evil.example/",
		"https://user:pw@example.org/": "must not carry a user name or password, which every visitor would see; remove the part up to and including the @",
		"tel:":                         "has nothing after tel:; write the address right after the colon, such as tel:+441632960905",
		"http:example.org":             "has no host; write it in full, such as https://example.org/",
		"nope":                         "is a relative path, which would point somewhere different on every page" + fix,
		"/articles/safety.md":          "must be a file under content/, written without a leading / or .." + fix,
		"/a/../b/":                     "must not contain . or .. segments" + fix,
		"/a b/":                        "contains a space, quote, angle bracket or backslash" + fix,
	} {
		if got := checkMenuURL(u); got != want {
			t.Errorf("checkMenuURL(%q) = %q, want %q", u, got, want)
		}
	}
}

// A menu url written with the site's own address in full is a warning at
// the url that gives it from the root, as a link in a page is; an address
// on another host or outside the base URL's folder is not.
func TestMenuURLOwnAddress(t *testing.T) {
	const advice = `, which is this site's own address written in full: a link written so is not checked, and leads a preview's readers to the live site; write it from the root: `
	src := "title: x\nbase_url: https://example.org/cst\nmenu:\n" +
		"  - {name: Verify, url: \"https://EXAMPLE.org/cst/verify/?n=1#how\"}\n" +
		"  - name: Home\n    url: http://example.org/cst\n" +
		"  - {name: Other, url: https://example.org/elsewhere/}\n" +
		"  - {name: Elsewhere, url: https://www.example.org/cst/}\n" +
		"  - {name: Safety, url: /articles/safety/}\n"
	c, got := parseProblems(src)
	want := []string{
		`content/site.yaml:4:25: warning: menu entry "Verify": url "https://EXAMPLE.org/cst/verify/?n=1#how"` + advice + `/verify/?n=1#how`,
		`content/site.yaml:6:10: warning: menu entry "Home": url "http://example.org/cst"` + advice + `/`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(c.Menu) != 5 {
		t.Errorf("menu has %d entries, want all 5: a warning keeps the entry", len(c.Menu))
	}
	// With no base_url read, nothing is the site's own address.
	if _, got := parseProblems("title: x\nbase_url: https://user:pw@example.org/\nmenu:\n  - {name: Verify, url: https://example.org/verify/}\n"); len(got) != 1 {
		t.Errorf("a refused base_url: got %v, want its own error alone", got)
	}
}

// A base URL that is refused is not used: the site keeps a placeholder
// rather than putting credentials or a space into every canonical link.
func TestBadBaseURLIsNotUsed(t *testing.T) {
	for _, base := range []string{"https://user:pw@example.org/", "https://example.org/a b/", "https://example.org/?x=1", "https://example.org/#x"} {
		var l diag.List
		c := Parse([]byte("title: x\nbase_url: "+base+"\n"), &l)
		if l.Len() != 1 || c.BaseURL != "/" {
			t.Errorf("base_url %q: BaseURL %q, problems %v", base, c.BaseURL, l.All())
		}
	}
	for _, base := range []string{"https://example.org", "https://example.org/cst/", "http://localhost:8080/", "https://example.org/a%20b/"} {
		if why := BaseURLProblem(base); why != "" {
			t.Errorf("BaseURLProblem(%q) = %q, want none", base, why)
		}
	}
}

func TestNormalizeRegistration(t *testing.T) {
	c := &Config{RegistrationPrefix: "CST-", RegistrationDigits: 6}
	for in, want := range map[string]string{
		"CST-000004": "CST-000004", "cst 000004": "CST-000004", "4": "CST-000004",
		" cst-4 ": "CST-000004", "CST000123": "CST-000123", "ABC-1": "", "": "", "1234567": "",
	} {
		if got := c.NormalizeRegistration(in); got != want {
			t.Errorf("NormalizeRegistration(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestOGLocale(t *testing.T) {
	for in, want := range map[string]string{
		"en-GB": "en_GB", "cy": "cy", "en": "en", "en-gb": "en_GB", "EN-GB": "en_GB",
		"cy-GB": "cy_GB", "sr-Latn-RS": "sr_RS", "zh-Hant": "zh", "es-419": "es",
		"de-CH-1996": "de_CH", "en-x-gb": "en", "gsw-u-sd-chzh": "gsw",
	} {
		c := &Config{Language: in}
		if got := c.OGLocale(); got != want {
			t.Errorf("OGLocale() of language %q = %q, want %q", in, got, want)
		}
	}
}

func TestAbsURL(t *testing.T) {
	for _, base := range []string{"https://example.org/", "https://example.org"} {
		c := &Config{BaseURL: base}
		for in, want := range map[string]string{"/images/card.png": "https://example.org/images/card.png", "x.png": "https://example.org/x.png"} {
			if got := c.AbsURL(in); got != want {
				t.Errorf("base %q: AbsURL(%q) = %q, want %q", base, in, got, want)
			}
		}
	}
}

func TestOrg(t *testing.T) {
	c := &Config{Title: "Site", BaseURL: "https://example.org/"}
	if c.OrgName() != "Site" || c.OrgID() != "https://example.org/#organization" {
		t.Errorf("OrgName %q, OrgID %q", c.OrgName(), c.OrgID())
	}
	c.Org.Name = "Association"
	if c.OrgName() != "Association" {
		t.Errorf("OrgName %q, want the organisation's name", c.OrgName())
	}
}

func TestCountryCode(t *testing.T) {
	for in, want := range map[string]string{
		"United Kingdom": "GB", "united  kingdom": "GB", "UK": "GB", "Scotland": "GB", "GB": "GB", "gb": "GB",
		"Ireland": "IE", "": "", "Atlantis": "", "G1": "",
	} {
		if got := (Address{Country: in}).CountryCode(); got != want {
			t.Errorf("CountryCode of %q = %q, want %q", in, got, want)
		}
	}
}

// The organisation's contact details are published on every page (the
// footer, the contact page, the home page's structured data), so they are
// held to the rules of the same details of a practitioner: a UK telephone
// number, an e-mail address, a UK postcode, a name and address on one
// line. Each mistake is reported at its value, with what to write.
func TestOrganisationDetails(t *testing.T) {
	org := func(lines string) string {
		return "title: x\nbase_url: https://e.org/\norganisation:\n  name: A\n" + lines
	}
	const tel = "; write it like 01632 960905 or +44 1632 960905"
	for _, tt := range []struct{ src, want string }{
		{org("  telephone: \"01632 9600\"\n"), `content/site.yaml:5:14: telephone "01632 9600" is not a UK telephone number: it has 9 digits, and a number starting 01632 has 11` + tel},
		{org("  telephone: \"+1 555 0100\"\n"), `content/site.yaml:5:14: telephone "+1 555 0100" is not a UK telephone number: it does not start with the UK's code, +44 or 0044` + tel},
		{org("  telephone: ring us\n"), `content/site.yaml:5:14: telephone "ring us" is not a UK telephone number: it holds "r", where only digits, spaces and a + before the country code belong` + tel},
		{org("  telephone: \"07700 90012\"\n"), `content/site.yaml:5:14: telephone "07700 90012" is not a UK telephone number: it has 10 digits, and a number starting 07 has 11` + tel},
		{org("  email: info@example\n"), `content/site.yaml:5:10: email "info@example" is not an e-mail address; write it like name@example.org`},
		{org("  email: \"Info <info@example.org>\"\n"), `content/site.yaml:5:10: email "Info <info@example.org>" has a name with it; write the address alone: info@example.org`},
		{org("  email: info.example.org\n"), `content/site.yaml:5:10: email "info.example.org" is not an e-mail address; write it like name@example.org`},
		{org("  address:\n    postcode: ZZ1\n"), `content/site.yaml:6:15: postcode "ZZ1" is only the district, not the whole postcode; write all of it, with the three characters that follow the space, like TR9 8TR`},
		{org("  address:\n    postcode: ZZ1 OAA\n    country: GB\n"), `content/site.yaml:6:15: postcode "ZZ1 OAA" is not a UK postcode; did you mean "ZZ1 0AA"? (the letters O and I and the digits 0 and 1 are easy to mix up)`},
		{org("  address:\n    postcode: ZZ1 AAA\n"), `content/site.yaml:6:15: postcode "ZZ1 AAA" is not a UK postcode; write it like TR9 8TR`},
		{org("  address:\n    town: \"Example\\ntown\"\n"), `content/site.yaml:6:11: town must be on one line, but it has a line break; remove it`},
		{org("  address:\n    street: \"1 Example\\u2028Street\"\n"), `content/site.yaml:6:13: street must be on one line, but it has a line break; remove it`},
		{"title: x\nbase_url: https://e.org/\norganisation:\n  name: \"A\\nB\"\n", `content/site.yaml:4:9: name must be on one line, but it has a line break; remove it`},
	} {
		var l diag.List
		Parse([]byte(tt.src), &l)
		if all := l.All(); len(all) != 1 || all[0].String() != tt.want {
			t.Errorf("Parse(%q) = %v, want\n  %s", tt.src, all, tt.want)
		}
	}

	// Written in any usual way, the number and the postcode are published
	// as a practitioner's are.
	var l diag.List
	c := Parse([]byte(org("  email: info@example.org\n  telephone: \"+44 (0)1632 960000\"\n  address:\n    postcode: zz11zz\n")), &l)
	if l.Len() != 0 {
		t.Fatalf("problems: %v", l.All())
	}
	if got := c.Org.Telephone; got.Display != "01632 960000" || got.Tel != "tel:+441632960000" {
		t.Errorf("telephone %+v, want 01632 960000 and tel:+441632960000", got)
	}
	if c.Org.Email != "info@example.org" || c.Org.Address.Postcode != "ZZ1 1ZZ" {
		t.Errorf("email %q, postcode %q; want info@example.org and ZZ1 1ZZ", c.Org.Email, c.Org.Address.Postcode)
	}

	// A postcode of an address outside the UK and the islands whose
	// postcodes are written as the UK's is not checked: an Irish
	// Eircode is no UK postcode.
	var ie diag.List
	c = Parse([]byte(org("  address:\n    postcode: D02 X285\n    country: Ireland\n")), &ie)
	if ie.Len() != 0 || c.Org.Address.Postcode != "D02 X285" {
		t.Errorf("Irish postcode: %q, problems %v", c.Org.Address.Postcode, ie.All())
	}
}

// TestEmptyIsUnread: a site.yaml with nothing in it, or with a text or a
// list in place of its keys, is reported for that, and has no vocabularies to check values against, rather
// than vocabularies that are empty, which would make every data file's
// every region, language and topic an error of its own.
func TestEmptyIsUnread(t *testing.T) {
	for _, src := range []string{"", "# settings\n", "---\n", "Our site\n", "- title: x\n  base_url: https://e.org/\n"} {
		var l diag.List
		if c := Parse([]byte(src), &l); !c.Vocab.Unread {
			t.Errorf("Parse(%q): vocabularies read", src)
		}
	}
	var l diag.List
	if c := Parse([]byte("title: x\nbase_url: https://e.org/\n"), &l); c.Vocab.Unread {
		t.Error("a site.yaml with keys and no vocabularies: vocabularies unread")
	}
}

// The site's synonyms are read as the curated table's lines, each
// problem reported at the word it is about, with what to write.
func TestSynonyms(t *testing.T) {
	const head = "title: x\nbase_url: https://e.org/\n"
	var l diag.List
	c := Parse([]byte(head+"synonyms:\n  mum mums: mother mothers\n  \"nan\": 'grandmother'\n"), &l)
	if l.Len() != 0 {
		t.Fatal(l.All())
	}
	if got := strings.Join(c.Synonyms["mother"], " ") + "|" + strings.Join(c.Synonyms["grandmoth"], " "); got != "mum|nan" {
		t.Errorf("synonyms: %v", c.Synonyms)
	}
	if c := Parse([]byte(head), &l); c.Synonyms != nil {
		t.Errorf("no synonyms: %v", c.Synonyms)
	}
	for _, tc := range []struct{ src, want string }{
		{"synonyms:\n  mum the: mother\n", `content/site.yaml:4:7: synonyms: "the" is a word the search ignores (a small word or punctuation); leave it out`},
		{"synonyms:\n  mum: mother well-being\n", `content/site.yaml:4:15: synonyms: "well-being" is more than one word to the search; write single words, each on its own`},
		{"synonyms:\n  \"mum\": \"mother the\"\n", `content/site.yaml:4:18: synonyms: "the" is a word the search ignores`},
		{"synonyms:\n  mum:\n", `content/site.yaml:4:7: synonyms entry "mum" has no words after the colon; write the words of the site's pages that a search for it should also find, as in "mum mums: mother mothers"`},
		{"synonyms:\n  mums: mum\n", `content/site.yaml:4:3: synonyms: a word visitors type and a word of the text are the same word to the search ("mum"); leave one out`},
		{"synonyms:\n  - mum mums: mother\n", `content/site.yaml:4:3: synonyms must be a mapping from the words visitors type to the words of the site's pages`},
		{"synonyms:\n  mum: [mother, mothers]\n", `content/site.yaml:4:8: the words for "mum" must be words separated by spaces on the same line`},
		{"synonym:\n  mum: mother\n", `content/site.yaml:3:1: unknown key "synonym" in site.yaml; did you mean "synonyms"?`},
		// The same words twice: an entry's words are in one entry.
		{"synonyms:\n  mum: mother\n  nan: grandmother\n  mum: mothers\n", `content/site.yaml:6:3: synonyms entry "mum" appears twice (first on line 4); join the two in one entry, as in "mum: mother mothers"`},
		{"synonyms:\n  mum: mother\n  nan mums: parent\n", `content/site.yaml:5:7: synonyms: "mums" is already in the entry on line 4 (as "mum"); a word visitors type belongs in one entry: add the words after this colon to that entry and leave "mums" out here`},
		{"synonyms:\n  mum Mum: mother\n", `content/site.yaml:4:7: synonyms: "Mum" is written twice before the colon; leave one out`},
		{"synonyms:\n  mum: mother  mother\n", `content/site.yaml:4:16: synonyms: "mother" is written twice after the colon; leave one out`},
	} {
		_, all := parseProblems(head + tc.src)
		if got := strings.Join(all, "\n"); !strings.Contains(got, tc.want) {
			t.Errorf("%q:\n got %s\nwant %s", tc.src, got, tc.want)
		}
	}
}
