// Package link is the one rule for the addresses the site links to from
// what editors write: links in Markdown pages and bios, links in book
// notes, the menu in site.yaml, the websites of practitioners, schools and
// books, and the site's base URL. Every one of them asks Problem.
//
// The site links to four schemes and no others:
//
//   - http and https, with a host and without a user name or password
//     (https://user@example.org/ shows a visitor a name that is not the
//     site's, and puts a password in the page);
//   - mailto, with e-mail addresses after the colon
//     (mailto:info@example.org, with a ?subject= if wanted), each as
//     ValidEmail has it;
//   - tel, with a number someone can dial after the colon
//     (tel:+441632960905): a UK number by package phone's rule, another
//     country's with its code, or a short code such as 999 or 111.
//
// Anything else, javascript:, data:, file: or ftp:, is refused, in any
// case (JavaScript: too). An address with no scheme is relative: a link on
// this site, such as /verify/, safety.md or #risks. Only some places allow
// one, so the caller says which Kinds it takes; each place keeps its own
// further rules (the menu takes content files, a note only paths from the
// site's root, a base URL no query). Two relative forms are refused
// everywhere, as browsers read them as addresses on another site: one that
// starts with // (//example.org takes the page's scheme) and one with a
// backslash (browsers read /\example.org as //example.org).
//
// An e-mail address that an editor writes as a value of its own, the
// association's in site.yaml or a practitioner's or school's, is published
// as a mailto: link: ValidEmail is the one rule for it, a plain address
// (name@example.org, no display name) with a dotted domain.
package link

import (
	"fmt"
	"net/mail"
	"net/url"
	"strings"
	"unicode"

	"sitegen/internal/phone"
)

// Kinds are the kinds of address a place allows.
type Kinds uint8

const (
	// Relative is an address on this site, with no scheme: a path, a
	// query or a fragment.
	Relative Kinds = 1 << iota
	// Web is an http or https address.
	Web
	// Mail is a mailto: address.
	Mail
	// Phone is a tel: address.
	Phone

	// Any is every kind the site links to.
	Any = Relative | Web | Mail | Phone
)

// webOnly is the message for an address that is not an http(s) one where
// only those are allowed.
const webOnly = "must be an absolute http or https address, such as https://example.org/"

// Problem says why the site does not link to s where the kinds allowed
// are those given, or returns "" when it does. The message follows the
// address in a sentence (`link "ftp://x" uses the ftp: scheme; ...`) and
// says what to write instead.
func Problem(s string, allowed Kinds) string {
	u, err := url.Parse(s)
	kind := Kinds(0)
	if err == nil {
		switch strings.ToLower(u.Scheme) {
		case "":
			kind = Relative
		case "http", "https":
			kind = Web
		case "mailto":
			kind = Mail
		case "tel":
			kind = Phone
		}
	}
	switch {
	case allowed&kind == 0 && allowed == Web:
		return "must be an absolute http or https address, such as https://example.org/"
	case err != nil:
		return invalid(s, err)
	case kind == 0 && allowed&Relative != 0:
		return "uses the " + u.Scheme + ": scheme; link to a page on this site or to " + names(allowed)
	case kind == 0:
		return "uses the " + u.Scheme + ": scheme; link to " + names(allowed)
	case allowed&kind == 0 && allowed&Relative != 0:
		return "uses the " + u.Scheme + ": scheme, which is not allowed here; link to a page on this site or to " + names(allowed)
	case allowed&kind == 0 && kind == Relative:
		return "is a relative address, which is not allowed here; write a whole address, such as " + example(allowed)
	case allowed&kind == 0:
		return "uses the " + u.Scheme + ": scheme, which is not allowed here; link to " + names(allowed)
	}
	switch kind {
	case Relative:
		if u.Host != "" || strings.HasPrefix(s, "//") {
			return "starts with //, which browsers read as an address on another site; write it in full, such as https:" + s
		}
	case Web:
		switch {
		case u.Host == "" && allowed == Web:
			return "must be an absolute http or https address, such as https://example.org/"
		case u.Host == "":
			return "has no host; write it in full, such as https://example.org/"
		case u.User != nil:
			return "must not carry a user name or password, which every visitor would see; remove the part up to and including the @"
		}
	case Mail, Phone:
		if u.Opaque == "" {
			return "has nothing after " + u.Scheme + ":; write the address right after the colon, such as " + example(kind)
		}
		if kind == Mail {
			return mailProblem(u.Opaque)
		}
		return telProblem(u.Opaque)
	}
	if kind&(Relative|Web) != 0 && strings.Contains(s, `\`) {
		// A path copied from Windows (..\articles\safety.md) is
		// given back with slashes, unless that would lead to another site.
		if fixed := strings.ReplaceAll(s, `\`, "/"); !strings.HasPrefix(fixed, "//") {
			return "contains a backslash, which browsers read as /; write / in its place (" + fixed + "), or %5C for a backslash"
		}
		return `contains a backslash, which browsers read as /; write / in its place, or %5C for a backslash`
	}
	return ""
}

// mailProblem says why the part of a mailto: link before its query, one
// address or several separated by commas, is not e-mail addresses.
func mailProblem(to string) string {
	if dec, err := url.PathUnescape(to); err == nil {
		to = dec
	}
	for _, a := range strings.Split(to, ",") {
		if a = strings.TrimSpace(a); a != "" && !ValidEmail(a) {
			return fmt.Sprintf("has %q after mailto:, which is not an e-mail address; write one such as %s", a, example(Mail))
		}
	}
	return ""
}

// telProblem says why the number of a tel: link cannot be dialled. A
// national UK number (01632 960905) or a +44 one follows the site's rule
// for numbers (package phone); another country's must have its country
// code and at most 15 digits; a number of 3 to 6 digits with neither is a
// short code, such as 999, 111 or the Samaritans' 116123. Spaces, dots,
// hyphens and brackets between digits are allowed, and so are RFC 3966's
// parameters after a semicolon (;ext=12).
func telProblem(number string) string {
	if i := strings.IndexByte(number, ';'); i >= 0 {
		number = number[:i]
	}
	if dec, err := url.PathUnescape(number); err == nil {
		number = dec
	}
	number = strings.TrimSpace(number)
	const whole = "; write the whole number with its area code, such as "
	digits := 0
	for i, r := range number {
		switch {
		case '0' <= r && r <= '9':
			digits++
		case r == '+' && i == 0, r == ' ', r == '-', r == '.', r == '(', r == ')':
		default:
			return fmt.Sprintf("has %q in its number, where only digits belong; write the number after tel:, such as %s", string(r), example(Phone))
		}
	}
	count := fmt.Sprintf("%d digits", digits)
	if digits == 1 {
		count = "1 digit"
	}
	national := strings.TrimLeft(number, "(")
	switch {
	case strings.HasPrefix(number, "+44") || strings.HasPrefix(national, "0"):
		if _, why := phone.Parse(number); why != "" {
			return "has a number that is not a UK telephone number: " + why + "; write it such as " + example(Phone)
		}
	case strings.HasPrefix(number, "+") && digits < 7:
		return "has a number of " + count + ", too few for an international number; write it with its country code, such as " + example(Phone)
	case strings.HasPrefix(number, "+") && digits > 15:
		return "has a number of " + count + ", more than the 15 of the longest; write it with its country code, such as " + example(Phone)
	case strings.HasPrefix(number, "+"):
	case digits < 3:
		return "has a number of " + count + ", too short to dial" + whole + example(Phone)
	case digits > 6:
		return "has a number of " + count + " with no area code or country code" + whole + example(Phone)
	}
	return ""
}

// EmailProblem says what is wrong with s as a plain e-mail address, for
// an editor's message after the value, or returns "" when it is one
// (ValidEmail). An address written as a link (mailto:...) or as a mail
// program shows it (<...>, Name <...>) is told the address alone.
func EmailProblem(s string) string {
	if ValidEmail(s) {
		return ""
	}
	if len(s) > 7 && strings.EqualFold(s[:7], "mailto:") && ValidEmail(s[7:]) {
		return "is a mailto: link; write the address alone: " + s[7:]
	}
	if a, err := mail.ParseAddress(s); err == nil && ValidEmail(a.Address) {
		if a.Name != "" {
			return "has a name with it; write the address alone: " + a.Address
		}
		return "has angle brackets around it; write the address alone: " + a.Address
	}
	return "is not an e-mail address; write it like name@example.org"
}

// ValidEmail reports whether s is a plain e-mail address (no display
// name) with a dotted domain, such as name@example.org.
func ValidEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" {
		return false
	}
	at := strings.LastIndexByte(s, '@')
	domain := s[at+1:]
	return at > 0 && strings.Contains(domain, ".") && !strings.HasPrefix(domain, ".") && !strings.HasSuffix(domain, ".")
}

// names lists the schemes of the kinds allowed, for a message: "an http,
// https, mailto or tel address".
func names(k Kinds) string {
	var out []string
	if k&Web != 0 {
		out = append(out, "http", "https")
	}
	if k&Mail != 0 {
		out = append(out, "mailto")
	}
	if k&Phone != 0 {
		out = append(out, "tel")
	}
	s := strings.Join(out, ", ")
	if i := strings.LastIndex(s, ", "); i >= 0 {
		s = s[:i] + " or " + s[i+2:]
	}
	if k&Web != 0 {
		return "an " + s + " address"
	}
	return "a " + s + " address"
}

// example is an address of the first of kinds, for a message.
func example(k Kinds) string {
	switch {
	case k&Web != 0:
		return "https://example.org/"
	case k&Mail != 0:
		return "mailto:info@example.org"
	}
	return "tel:+441632960905"
}

// invalid says why url.Parse cannot read s, and what to change.
func invalid(s string, err error) string {
	switch msg := err.Error(); {
	case strings.IndexFunc(s, func(r rune) bool { return r < 0x20 || r == 0x7f }) >= 0:
		return "is not a valid address: it contains a control character, such as a tab; remove it"
	case strings.Contains(msg, "invalid URL escape"):
		return "is not a valid address: it has a % not followed by two hexadecimal digits; write a % itself as %25"
	}
	return "is not a valid address; look for a stray character in it, such as a backslash or a space in the host"
}

// RelPath is the path to write in a file of folder dir to reach file,
// both slash paths from one root ("" for the root itself):
// RelPath("articles", "reading/books.md") is "../reading/books.md".
func RelPath(dir, file string) string {
	if dir == "" || dir == "." {
		return file
	}
	d := strings.Split(dir, "/")
	f := strings.Split(file, "/")
	i := 0
	for i < len(d) && i < len(f)-1 && d[i] == f[i] {
		i++
	}
	return strings.Repeat("../", len(d)-i) + strings.Join(f[i:], "/")
}

// vagueText are link texts that say nothing of where a link goes (the
// list search engines' audits use). Screen readers can list a page's
// links by their text alone.
var vagueText = map[string]bool{"click here": true, "click this": true, "go": true, "here": true,
	"this": true, "start": true, "right here": true, "more": true, "learn more": true, "read more": true,
	"link": true, "this link": true, "this page": true}

// Vague reports whether a link's text, as plain words (case, spacing
// and punctuation at either end aside), says nothing of where the link
// goes, and returns it folded as compared ("click here").
func Vague(text string) (string, bool) {
	t := strings.ToLower(strings.TrimFunc(strings.Join(strings.Fields(text), " "), unicode.IsPunct))
	return t, vagueText[t]
}

// OwnSite reports whether dest is an address of the site at base (its
// base URL, site.yaml's base_url) written in full: http or https, the
// base URL's host in any letter case, and a path inside the base URL's
// folder. It gives the address from the site's root, query and fragment
// kept (https://example.org/verify/#how is /verify/#how), for the
// warning's hint. Such a link is not checked as the site's own links are,
// and leads a deploy preview's readers to the live site. A base without
// a host ("", or "/" where site.yaml has no base_url) is no site:
// nothing is its address. Nor is an address whose path from the root
// would start with // (https://example.org//elsewhere.example/), which,
// written from the root, would name another site.
func OwnSite(base, dest string) (root string, ok bool) {
	if base == "" {
		return "", false
	}
	u, err := url.Parse(dest)
	if err != nil || (!strings.EqualFold(u.Scheme, "http") && !strings.EqualFold(u.Scheme, "https")) {
		return "", false
	}
	site, err := url.Parse(base)
	if err != nil || site.Hostname() == "" || !strings.EqualFold(u.Hostname(), site.Hostname()) {
		return "", false
	}
	p := u.EscapedPath()
	if p == "" {
		p = "/"
	}
	prefix := strings.TrimSuffix(site.EscapedPath(), "/")
	if p == prefix {
		p += "/" // the site's folder without its last slash
	}
	if !strings.HasPrefix(p, prefix+"/") {
		return "", false // outside the site's folder on that host
	}
	root = strings.TrimPrefix(p, prefix)
	if strings.HasPrefix(root, "//") {
		// A path that starts with two slashes cannot be written from
		// the root: //elsewhere.example/ is another site's address.
		return "", false
	}
	if u.RawQuery != "" {
		root += "?" + u.RawQuery
	}
	if u.Fragment != "" {
		root += "#" + u.EscapedFragment()
	}
	return root, true
}

// OwnSiteAdvice is what a warning about an address OwnSite recognises
// says after naming it (`link to "https://example.org/verify/", which
// ...`), root being the address from the root that OwnSite gives: the
// same words wherever an editor writes one.
func OwnSiteAdvice(root string) string {
	return "which is this site's own address written in full: a link written so is not checked, and leads a preview's readers to the live site; write it from the root: " + root
}
