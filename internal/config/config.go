// Package config reads content/site.yaml into a typed, validated Config.
//
// site.yaml holds what is true of the whole site: its title, description,
// base URL and language; the organisation behind it (name, email,
// telephone, postal address); the main menu; whether raw HTML is allowed in
// Markdown; and the vocabularies that data files are checked against
// (regions, modalities, languages, credential levels, reading-list topics)
// with the pattern every registration number must match.
//
// The base URL starts every canonical link, feed entry and sitemap address:
// it is an http(s) address with a host and nothing else a link made from
// it could not carry (no user name or password, space, query or fragment).
// BaseURLProblem is that rule, also applied to the -base-url flag and to
// the address Netlify gives the site.
//
// The organisation's details are printed in every page's footer, on the
// contact page and in the home page's structured data, so each is held to
// the rule for the same detail of a practitioner, from the same package:
// its telephone number is a UK one (package phone), kept as the forms the
// site shows and links ("01632 960000", tel:+441632960000); its e-mail
// address a plain one (link.ValidEmail); its postcode, when the address is
// in the UK or the Crown Dependencies, a UK one in upper case with one
// space (package postcode); its name and address lines each on one line.
//
// Text that pages carry is held to the rules of the same text in a page's
// front matter: the title and the menu's names on one line, the
// description and the notice without control characters.
//
// synonyms, optional, are the site's own words visitors type for the
// words of its pages, one entry a line as in the search's curated table
// ("mum mums: mother mothers"), added to that table when the search index
// is built; a bad word is an error at its line and column, and so is a
// word written twice on one side, or a word visitors type that an earlier
// entry has (two spellings of it, "mum mums", are one entry's), naming
// that entry's line: a typed word's synonyms are written in one entry.
//
// Unknown keys are errors with a did-you-mean, like everywhere else, so a
// misspelt key never silently does nothing.
package config

import (
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"sitegen/internal/diag"
	"sitegen/internal/fold"
	"sitegen/internal/link"
	"sitegen/internal/phone"
	"sitegen/internal/postcode"
	"sitegen/internal/search"
	"sitegen/internal/yamldoc"

	"go.yaml.in/yaml/v3"
)

// Path is where the config lives, relative to the site root.
const Path = "content/site.yaml"

// Config is the validated content of site.yaml.
type Config struct {
	Title       string
	Description string
	BaseURL     string // absolute, ends in "/"
	Language    string // BCP 47, such as en-GB
	RawHTML     bool   // allow raw HTML in Markdown pages
	Notice      string // a line shown on every page, such as "sample data"

	Org  Organisation
	Menu []MenuItem

	// Registration numbers look like RegistrationPrefix followed by
	// RegistrationDigits digits, such as CST-000004.
	RegistrationPrefix string
	RegistrationDigits int
	RegistrationRe     *regexp.Regexp

	Vocab Vocabularies

	// Synonyms are the site's own words visitors type for the words of
	// its pages, added to the search's curated table (package search,
	// Synonyms); nil when site.yaml has none.
	Synonyms search.Synonyms
}

// Organisation is the association behind the site.
type Organisation struct {
	Name      string
	Email     string       // a plain address, name@example.org
	Telephone phone.Number // shown and linked as a practitioner's number is; the zero Number when none is given
	Address   Address
}

// Address is a postal address.
type Address struct {
	Street   string
	Town     string
	Postcode string // a UK one as the directory writes it, "TR9 8TR"
	Country  string
}

// Lines is the address as its non-empty lines.
func (a Address) Lines() []string {
	var out []string
	for _, s := range []string{a.Street, a.Town, a.Postcode, a.Country} {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// countryCodes are the ISO 3166 codes of the country names an address
// may give, lower-cased, besides a code itself.
var countryCodes = map[string]string{
	"united kingdom": "GB", "uk": "GB", "great britain": "GB", "britain": "GB",
	"england": "GB", "scotland": "GB", "wales": "GB", "northern ireland": "GB",
	"united kingdom of great britain and northern ireland": "GB",
	"ireland": "IE", "republic of ireland": "IE",
	"isle of man": "IM", "jersey": "JE", "guernsey": "GG",
}

// CountryCode is the address's country as an ISO 3166-1 alpha-2 code,
// as structured data wants it: the code of a country name ("United
// Kingdom" and "UK" are GB), or a two-letter code as it is (upper-cased);
// "" for a name it does not know or no country.
func (a Address) CountryCode() string {
	c := strings.Join(strings.Fields(a.Country), " ")
	if code, ok := countryCodes[strings.ToLower(c)]; ok {
		return code // before the codes: UK is a name, not a code
	}
	if len(c) == 2 && isASCIILetter(c[0]) && isASCIILetter(c[1]) {
		return strings.ToUpper(c)
	}
	return ""
}

func isASCIILetter(b byte) bool { return 'a' <= b|0x20 && b|0x20 <= 'z' }

// MaxSegment is the longest, in bytes, that one segment of a URL path may
// be: a page's file or folder name, a slug, a segment of an alias, a tag's
// or a region's address, a static file's name. Each segment becomes the
// name of a folder or file of the output, and file systems refuse names
// over 255 bytes; 200 leaves room for the endings some outputs add (.vcf,
// .bib, a fingerprint), so that what passes sitegen check also writes.
const MaxSegment = 200

// LongSegment returns the length of the first segment of the slash path p
// longer than MaxSegment, or 0 when there is none.
func LongSegment(p string) int {
	for seg := range strings.SplitSeq(p, "/") {
		if len(seg) > MaxSegment {
			return len(seg)
		}
	}
	return 0
}

// MenuItem is one entry of the main menu. URL is a site path ("/verify/")
// or a content file ("articles/_index.md") that the build resolves.
type MenuItem struct {
	Name      string
	URL       string
	Line, Col int // of the url in site.yaml, for link errors
}

// MenuFile reports whether a menu url names a page's file under content/
// (articles/safety.md), its ending in any letter case: articles/Safety.MD
// is that file misspelt, which the site resolves or says what it meant,
// not a relative path. An address with a scheme (https://.../README.md)
// names no file of the site.
func MenuFile(u string) bool {
	u, _, _ = strings.Cut(u, "#") // articles/safety.md#risks: a heading of the page
	return len(u) > 3 && strings.EqualFold(u[len(u)-3:], ".md") && !strings.Contains(u, ":")
}

// checkMenuURL returns why a menu url is unusable, or "": it must be a
// content file, a clean path on this site, or an http(s), mailto or tel
// address. The scheme is the site's rule for links (link.Problem), so a
// javascript: link is refused as everywhere else; a relative path, which
// would mean something else on every page, is refused here too.
func checkMenuURL(u string) string {
	const fix = "; write a page's file (articles/safety.md), a path on this site (/verify/), or an http(s), mailto or tel address"
	if strings.ContainsAny(u, " \t\n\"<>\\") {
		return "contains a space, quote, angle bracket or backslash" + fix
	}
	if why := link.Problem(u, link.Any); why != "" {
		return why
	}
	if MenuFile(u) {
		if strings.HasPrefix(u, "/") || strings.Contains("/"+u+"/", "/../") {
			return "must be a file under content/, written without a leading / or .." + fix
		}
		return ""
	}
	if strings.HasPrefix(u, "/") {
		if strings.Contains(u+"/", "/../") || strings.Contains(u+"/", "/./") {
			return "must not contain . or .. segments" + fix
		}
		return ""
	}
	if p, _ := url.Parse(u); p.Scheme == "" {
		return "is a relative path, which would point somewhere different on every page" + fix
	}
	return ""
}

// Vocabularies are the allowed values of data fields.
type Vocabularies struct {
	Regions    []string
	Modalities []string
	Languages  []string
	Levels     []string
	Topics     []string
	// Unread is set when site.yaml could not be read or holds no keys: no value can be
	// checked against its vocabularies, and none is reported, so that its
	// syntax error is not buried under every data file's values.
	Unread bool
}

var langRe = regexp.MustCompile(`^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})*$`)

// Parse decodes and validates site.yaml, reporting problems to list. It
// always returns a usable Config (with defaults where values were bad), so
// that the rest of the build can go on and report further problems.
func Parse(src []byte, list *diag.List) *Config {
	c := &Config{Language: "en", RegistrationPrefix: "CST-", RegistrationDigits: 6, BaseURL: "/"}
	d := yamldoc.New(Path, src, 0, list)
	root := d.Parse()
	if root == nil {
		c.Vocab.Unread = true
		c.compile()
		return c
	}
	list.Add(d.Placeholders(root)...)
	m := d.Map(root, "site.yaml", "title", "description", "base_url", "language", "raw_html", "notice",
		"organisation", "menu", "registration", "vocabularies", "synonyms")
	// An empty file (or one holding a text or a list, not keys) is
	// reported for what it lacks, as one that could not be read: not as
	// empty vocabularies, against which every data file's values would
	// be errors too.
	c.Vocab.Unread = !m.IsMapping() || len(root.Content) == 0
	m.Require("title", "base_url")
	m.OneLine("title", &c.Title)
	m.Text("description", &c.Description)
	m.Str("language", &c.Language)
	m.Text("notice", &c.Notice)
	m.Bool("raw_html", &c.RawHTML)
	if !langRe.MatchString(c.Language) {
		m.Errorf("language", "language %q is not a language tag; write it like en-GB", c.Language)
	}
	var base string
	if m.Str("base_url", &base) {
		if why := BaseURLProblem(base); why != "" {
			m.Errorf("base_url", "base_url %q %s", base, why)
		} else {
			c.BaseURL = base
		}
	}
	c.BaseURL = NormalizeBaseURL(c.BaseURL)

	if m.Has("organisation") {
		c.Org = organisation(d, m.Value("organisation"))
	}
	for _, it := range m.List("menu") {
		mi := d.Map(it, "menu item", "name", "url")
		mi.Require("name", "url")
		var item MenuItem
		mi.OneLine("name", &item.Name)
		if mi.Str("url", &item.URL) {
			item.Line, item.Col = d.Pos(mi.Value("url"))
			if why := checkMenuURL(item.URL); why != "" {
				mi.Errorf("url", "menu entry %q: url %q %s", item.Name, item.URL, why)
				item.URL = ""
			} else if root, own := link.OwnSite(c.BaseURL, item.URL); own {
				mi.Warnf("url", "menu entry %q: url %q, %s", item.Name, item.URL, link.OwnSiteAdvice(root))
			}
		}
		if item.Name != "" && item.URL != "" {
			c.Menu = append(c.Menu, item)
		}
	}
	if m.Has("registration") {
		r := d.Map(m.Value("registration"), "registration", "prefix", "digits")
		r.Str("prefix", &c.RegistrationPrefix)
		if r.Int("digits", &c.RegistrationDigits) && (c.RegistrationDigits < 1 || c.RegistrationDigits > 12) {
			r.Errorf("digits", "registration digits must be between 1 and 12")
			c.RegistrationDigits = 6
		}
		if !regexp.MustCompile(`^[A-Z]{1,8}-?$`).MatchString(c.RegistrationPrefix) {
			r.Errorf("prefix", "registration prefix %q must be capital letters with an optional trailing hyphen, like CST-", c.RegistrationPrefix)
			c.RegistrationPrefix = "CST-"
		}
	}
	if m.Has("vocabularies") {
		v := d.Map(m.Value("vocabularies"), "vocabularies", "regions", "modalities", "languages", "levels", "topics")
		if v.Strings("regions", &c.Vocab.Regions) {
			// A region names its page of the register,
			// /practitioners/region/<region>/, and a region's address
			// is never longer than its name.
			for _, n := range v.Items("regions") {
				if len(n.Value) > MaxSegment {
					d.Errorf(n, "region %q is %d bytes long, more than the %d a URL segment may have (it names the region's page, /practitioners/region/<region>/); shorten it", n.Value, len(n.Value), MaxSegment)
				}
			}
		}
		v.Strings("modalities", &c.Vocab.Modalities)
		v.Strings("languages", &c.Vocab.Languages)
		v.Strings("levels", &c.Vocab.Levels)
		v.Strings("topics", &c.Vocab.Topics)
		for key, dst := range map[string]*[]string{"regions": &c.Vocab.Regions, "modalities": &c.Vocab.Modalities,
			"languages": &c.Vocab.Languages, "levels": &c.Vocab.Levels, "topics": &c.Vocab.Topics} {
			vocabularyTwice(d, key, v.Items(key), dst)
		}
	}
	if m.Has("synonyms") {
		c.Synonyms = synonyms(d, m.Value("synonyms"))
	}
	c.compile()
	return c
}

// vocabularyTwice reports a vocabulary's value written twice, or two
// values that differ only in letter case, accents or punctuation
// ("North East", "north-east"): each names the same page of the register
// and the same choice of the directory's filters. The first is kept in
// vals, the vocabulary as read, so that the build goes on as if the
// others were not there, with nothing else to report of them.
func vocabularyTwice(d *yamldoc.Decoder, key string, items []*yamldoc.Node, vals *[]string) {
	seen := map[string]bool{}
	kept := (*vals)[:0]
	for _, v := range *vals {
		if k := fold.Slug(v); k == "" || !seen[k] {
			seen[k] = true
			kept = append(kept, v)
		}
	}
	*vals = kept
	first := map[string]*yamldoc.Node{}
	for _, n := range items {
		if n.Kind != yaml.ScalarNode {
			continue
		}
		k := fold.Slug(n.Value)
		if k == "" {
			continue
		}
		f, ok := first[k]
		switch {
		case !ok:
			first[k] = n
		case f.Value == n.Value:
			d.Errorf(n, "%s: %q appears twice (first on line %d, column %d); keep one", key, n.Value, f.Line, f.Column)
		default:
			d.Errorf(n, "%s: %q is %q (line %d, column %d) written another way; keep one", key, n.Value, f.Value, f.Line, f.Column)
		}
	}
}

// synonymExample is how an entry of synonyms is written.
const synonymExample = "as in \"mum mums: mother mothers\""

// synonyms reads the site's synonyms: a mapping from the words a visitor
// types to the words of the site's pages, each side words separated by
// spaces, read as the curated table's lines are (search.Synonyms.Add). A
// problem is reported at the word it is about.
func synonyms(d *yamldoc.Decoder, n *yamldoc.Node) search.Synonyms {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	if n.Kind != yaml.MappingNode {
		d.Errorf(n, "synonyms must be a mapping from the words visitors type to the words of the site's pages, one entry a line, %s", synonymExample)
		return nil
	}
	syn := search.Synonyms{}
	// A word visitors type belongs in one entry: the entries written
	// so far, by key, and the first entry of each typed term.
	type entry struct {
		key  *yamldoc.Node
		text string
		word string // the word that gave the term, for typed
	}
	keys, typed := map[string]entry{}, map[string]entry{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			d.Errorf(k, "each entry of synonyms is words visitors type, a colon, then the words of the site's pages, %s", synonymExample)
			continue
		}
		if v.Kind != yaml.ScalarNode {
			d.Errorf(v, "the words for %q must be words separated by spaces on the same line, not a list or mapping, %s", k.Value, synonymExample)
			continue
		}
		text := v.Value
		if v.Tag == "!!null" {
			text = ""
		}
		if first, dup := keys[k.Value]; dup {
			line, _ := d.Pos(first.key)
			d.Errorf(k, "synonyms entry %q appears twice (first on line %d); join the two in one entry, as in %q", k.Value, line, k.Value+": "+strings.Join(strings.Fields(first.text+" "+text), " "))
			continue
		}
		keys[k.Value] = entry{key: k, text: text}
		for _, w := range search.SynonymWords(k.Value) {
			if w.Term == "" {
				continue // reported by Add
			}
			first, dup := typed[w.Term]
			if !dup {
				typed[w.Term] = entry{key: k, word: w.Word}
				continue
			}
			if first.key == k {
				continue // two spellings of a word in one entry ("mum mums")
			}
			line, _ := d.Pos(first.key)
			at, col := wordPos(d, k, k.Value, w.Offset)
			d.Problems.Errorf(d.File, at, col, "synonyms: %q is already in the entry on line %d (as %q); a word visitors type belongs in one entry: add the words after this colon to that entry and leave %q out here", w.Word, line, first.word, w.Word)
		}
		for _, p := range syn.Add(k.Value, text) {
			at, side := k, k.Value
			if p.Text {
				at, side = v, text
			}
			line, col := wordPos(d, at, side, p.Offset)
			switch {
			case p.Empty && p.Text:
				d.Problems.Errorf(d.File, line, col, "synonyms entry %q has no words after the colon; write the words of the site's pages that a search for it should also find, %s", k.Value, synonymExample)
			case p.Empty:
				d.Problems.Errorf(d.File, line, col, "a synonyms entry has no words before the colon; write the words visitors type, %s", synonymExample)
			default:
				d.Problems.Errorf(d.File, line, col, "synonyms: %s", p.Msg)
			}
		}
	}
	if len(syn) == 0 {
		return nil
	}
	return syn
}

// wordPos is the file position of the byte at of a scalar's value: its
// column in the file when the value is written as it is read (a plain
// scalar, or a quoted one without escapes, on one line), the scalar's
// own position otherwise.
func wordPos(d *yamldoc.Decoder, n *yamldoc.Node, value string, at int) (line, col int) {
	line, col = d.Pos(n)
	src := string(d.From(n))
	if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 && src != "" {
		src, col = src[1:], col+1
	}
	if end := strings.IndexByte(src, '\n'); end >= 0 {
		src = src[:end]
	}
	if !strings.HasPrefix(src, value) || n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		return d.Pos(n)
	}
	return line, col + utf8.RuneCountInString(value[:at])
}

// organisation reads the organisation's details, each held to the rule
// for the same detail of a practitioner (package directory), so that one
// kind of value is checked and published one way: the name and address
// lines on one line, the e-mail address by link.ValidEmail, the telephone
// number by phone.Parse and the postcode, of an address where UK
// postcodes are used, by postcode.Parse. A value that breaks its rule is
// reported at its line and left out.
func organisation(d *yamldoc.Decoder, n *yamldoc.Node) Organisation {
	var org Organisation
	o := d.Map(n, "organisation", "name", "email", "telephone", "address")
	o.Require("name")
	o.OneLine("name", &org.Name)
	var email, tel string
	if o.OneLine("email", &email) && email != "" {
		if why := link.EmailProblem(email); why == "" {
			org.Email = email
		} else {
			o.Errorf("email", "email %q %s", email, why)
		}
	}
	if o.OneLine("telephone", &tel) && tel != "" {
		if num, why := phone.Parse(tel); why == "" {
			org.Telephone = num
		} else {
			o.Errorf("telephone", "telephone %q is not a UK telephone number: %s; %s", tel, why, phone.Advice)
		}
	}
	if !o.Has("address") {
		return org
	}
	a := d.Map(o.Value("address"), "address", "street", "town", "postcode", "country")
	addr := &org.Address
	a.OneLine("street", &addr.Street)
	a.OneLine("town", &addr.Town)
	if a.OneLine("country", &addr.Country) && addr.Country != "" && addr.CountryCode() == "" {
		a.Errorf("country", "country %q is not a country name this site knows; write United Kingdom, or the country's two-letter ISO 3166 code such as GB", addr.Country)
	}
	var pc string
	if a.OneLine("postcode", &pc) && pc != "" {
		switch norm, ok := postcode.Parse(pc); {
		case !ukPostcodes[addr.CountryCode()]:
			addr.Postcode = pc // another country's postcode, such as an Eircode
		case ok:
			addr.Postcode = norm
		default:
			a.Errorf("postcode", "postcode %q %s", pc, postcode.Explain(pc))
		}
	}
	return org
}

// ukPostcodes are the country codes of addresses with UK postcodes: the
// UK's, the Crown Dependencies' (IM1 1AA, JE2 3AB, GY1 1AA), and none,
// as the site is a UK association's.
var ukPostcodes = map[string]bool{"": true, "GB": true, "IM": true, "JE": true, "GG": true}

func (c *Config) compile() {
	c.RegistrationRe = regexp.MustCompile(`^` + regexp.QuoteMeta(c.RegistrationPrefix) + `\d{` + itoa(c.RegistrationDigits) + `}$`)
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return string(rune('0'+n/10)) + string(rune('0'+n%10))
}

// registrationDashes are the characters read as the hyphen of a
// registration number: the hyphens, dashes and minus signs that phones'
// autocorrection and word processors put in its place (hyphen, non-breaking
// hyphen, figure dash, en dash, em dash, horizontal bar, minus sign, small
// em dash, small hyphen-minus). The full-width hyphen-minus is read as the
// ASCII one with every other full-width form.
const registrationDashes = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63"

// AbsURL is the absolute URL of a site path ("/images/card.png"), for
// places that need one, such as link previews' og:image.
func (c *Config) AbsURL(path string) string {
	return strings.TrimSuffix(c.BaseURL, "/") + "/" + strings.TrimPrefix(path, "/")
}

// OrgName is the name of the organisation behind the site: the
// organisation's name in site.yaml, else the site's title.
func (c *Config) OrgName() string {
	if c.Org.Name != "" {
		return c.Org.Name
	}
	return c.Title
}

// OrgID is the JSON-LD @id of the organisation behind the site, so that
// the home page's description of it and the credentials it recognises on
// practitioners' profiles name the same thing.
func (c *Config) OrgID() string { return c.AbsURL("/#organization") }

// OGLocale is the site's language as Open Graph writes a locale,
// language_TERRITORY: the BCP 47 tag's language in lower case and, when
// the tag names one, its two-letter region in upper case ("en-GB" is
// en_GB, "cy" is cy, "sr-Latn-RS" is sr_RS). Script and variant subtags
// have no place in that form and are left out, and so is anything after
// an extension or private-use singleton.
func (c *Config) OGLocale() string {
	tags := strings.Split(c.Language, "-")
	out := strings.ToLower(tags[0])
	for _, t := range tags[1:] {
		if len(t) == 1 {
			break // an extension (u-, x-...): its subtags are not regions
		}
		if len(t) == 2 {
			return out + "_" + strings.ToUpper(t)
		}
	}
	return out
}

// BaseURLProblem says what is wrong with s as the site's base URL, or
// returns "" when it can start every canonical link, feed entry and
// sitemap <loc>: a website's address as yamldoc.WebURLProblem allows it
// (http or https, a host, no user name or password, no space or quote),
// with no query and no fragment, which would land in the middle of every
// address made from it.
func BaseURLProblem(s string) string {
	if why := yamldoc.WebURLProblem(s); why != "" {
		return why
	}
	switch u, _ := url.Parse(s); {
	case u.RawQuery != "" || u.ForceQuery:
		return "must not have a query (?...); remove the ? and what follows it"
	case strings.Contains(s, "#"):
		return "must not have a fragment (#...); remove the # and what follows it"
	}
	return ""
}

// NormalizeBaseURL makes sure a base URL ends in exactly one slash.
func NormalizeBaseURL(s string) string {
	return strings.TrimRight(s, "/") + "/"
}

// NormalizeRegistration turns what a visitor or editor types ("cst 4",
// "000004", "CST-000004") into the canonical form, or "" when it cannot be
// one. A full-width form (U+FF01–U+FF5E, from an East Asian keyboard) is
// read as its ASCII character, white space (unicode.IsSpace) and invisible
// characters (fold.Invisible) are dropped, ASCII letters are upper-cased
// (no other letter can be part of a number), any of the dashes in
// registrationDashes stands for the hyphen, and one full stop at the end
// (a number copied from a sentence) is ignored. The browser's registration
// check applies the same rule (static/js/match.js); both are tested
// against internal/directory/testdata/registration-vectors.json.
func (c *Config) NormalizeRegistration(s string) string {
	s = strings.Map(func(r rune) rune {
		if 0xff01 <= r && r <= 0xff5e {
			r -= 0xff01 - '!' // a full-width form
		}
		switch {
		case 'a' <= r && r <= 'z':
			return r - 'a' + 'A'
		case strings.ContainsRune(registrationDashes, r):
			return '-'
		case unicode.IsSpace(r) || fold.Invisible(r):
			return -1
		}
		return r
	}, s)
	s = strings.TrimSuffix(s, ".")
	p := strings.TrimSuffix(c.RegistrationPrefix, "-")
	s = strings.TrimPrefix(s, p)
	s = strings.TrimPrefix(s, "-")
	if s == "" || len(s) > c.RegistrationDigits {
		return ""
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return ""
		}
	}
	return c.RegistrationPrefix + strings.Repeat("0", c.RegistrationDigits-len(s)) + s
}
