package directory

import (
	"fmt"
	"net/mail"
	"net/url"
	"regexp"
	"strings"
)

// The UK's bounding box, roughly, including Shetland, the Scilly Isles and
// Northern Ireland.
const (
	minLat, maxLat = 49.8, 60.9
	minLon, maxLon = -8.7, 1.8
)

var slugRe = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// ValidSlug reports whether s is lower-case letters and digits in words
// joined by single hyphens.
func ValidSlug(s string) bool { return slugRe.MatchString(s) }

// ParsePhone validates a UK telephone number written in any usual way
// ("01632 960905", "01632960905", "+44 1632 960905", "+44 (0)1632 960905")
// and returns it grouped for display and as a tel: link.
func ParsePhone(s string) (Phone, bool) {
	p, why := parsePhone(s)
	return p, why == ""
}

// parsePhone is ParsePhone, with why s is not a UK telephone number, in
// words that follow "is not a UK telephone number: ", or "".
func parsePhone(s string) (Phone, string) {
	var digits strings.Builder
	plus := false
	for i, r := range strings.TrimSpace(s) {
		switch {
		case r >= '0' && r <= '9':
			digits.WriteRune(r)
		case r == '+' && i == 0:
			plus = true
		case r == ' ' || r == '-' || r == '(' || r == ')' || r == '.':
		default:
			return Phone{}, fmt.Sprintf("it holds %q, where only digits, spaces and a + before the country code belong", string(r))
		}
	}
	d := digits.String()
	const foreign = "it does not start with the UK's code, +44 or 0044, and the directory lists UK numbers only"
	switch {
	case d == "":
		return Phone{}, "it has no digits"
	case plus && strings.HasPrefix(d, "440"):
		d = d[2:] // +44 (0)1632 ...
	case plus && strings.HasPrefix(d, "44"):
		d = "0" + d[2:]
	case plus:
		return Phone{}, foreign
	case strings.HasPrefix(d, "0044"):
		d = "0" + d[4:]
	case strings.HasPrefix(d, "00"):
		return Phone{}, foreign
	}
	switch {
	case !strings.HasPrefix(d, "0"):
		return Phone{}, "it has no area code, which starts with 0"
	case len(d) > 1 && d[1] == '0':
		return Phone{}, "a UK number starts with 0 and then a digit from 1 to 9"
	}
	// Only some geographic numbers (01...) have ten digits.
	if n := len(d); n != 11 && (n != 10 || d[1] != '1') {
		count := fmt.Sprintf("%d digits", n)
		if n == 1 {
			count = "1 digit"
		}
		switch {
		case n < 2:
			return Phone{}, "it has " + count + ", and a UK number has 10 or 11"
		case d[1] == '1':
			return Phone{}, fmt.Sprintf("it has %s, and a number starting 01 has 10 or 11", count)
		}
		return Phone{}, fmt.Sprintf("it has %s, and a number starting %s has 11", count, d[:2])
	}
	return Phone{Display: groupPhone(d), Tel: "tel:+44" + d[1:]}, ""
}

// groupPhone spaces a national number as Ofcom writes it.
func groupPhone(d string) string {
	switch {
	case len(d) == 10: // 01xxx xxxxx
		return d[:5] + " " + d[5:]
	case d[1] == '2': // 020 7946 0123
		return d[:3] + " " + d[3:7] + " " + d[7:]
	case d[1] == '1' && (d[2] == '1' || d[3] == '1'): // 0113 496 0123, 0161 496 0123
		return d[:4] + " " + d[4:7] + " " + d[7:]
	case d[1] == '1' || d[1] == '7': // 01632 960905, 07700 900123
		return d[:5] + " " + d[5:]
	default: // 0300 123 4567, 0800 123 4567
		return d[:4] + " " + d[4:7] + " " + d[7:]
	}
}

var postcodeRe = regexp.MustCompile(`^(?:[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][ABD-HJLNP-UW-Z]{2}|GIR0AA)$`)

// ParsePostcode validates a UK postcode by its format and returns it in
// upper case with one space before the inward code: "tr98tr" is "TR9 8TR".
func ParsePostcode(s string) (string, bool) {
	c := strings.ToUpper(strings.Join(strings.Fields(s), ""))
	if !postcodeRe.MatchString(c) {
		return "", false
	}
	return c[:len(c)-3] + " " + c[len(c)-3:], true
}

// ValidEmail reports whether s is a plain e-mail address (no display
// name) with a dotted domain.
func ValidEmail(s string) bool {
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || a.Name != "" {
		return false
	}
	at := strings.LastIndexByte(s, '@')
	domain := s[at+1:]
	return at > 0 && strings.Contains(domain, ".") && !strings.HasPrefix(domain, ".") && !strings.HasSuffix(domain, ".")
}

// fictional domains (RFC 2606) and the drama telephone ranges (Ofcom).
var fictionalDomains = []string{"example.org", "example.com", "example.net"}

func fictionalEmail(s string) bool {
	at := strings.LastIndexByte(s, '@')
	return at >= 0 && fictionalHost(s[at+1:])
}

func fictionalHost(h string) bool {
	h = strings.ToLower(h)
	for _, d := range fictionalDomains {
		if h == d || strings.HasSuffix(h, "."+d) {
			return true
		}
	}
	return false
}

func fictionalWebsite(s string) bool {
	u, err := url.Parse(s)
	return err == nil && fictionalHost(u.Hostname())
}

func fictionalPhone(p Phone) bool {
	return strings.HasPrefix(p.Tel, "tel:+441632960") || strings.HasPrefix(p.Tel, "tel:+447700900") ||
		strings.HasPrefix(p.Tel, "tel:+44204960") || strings.HasPrefix(p.Tel, "tel:+441134960")
}

// fictional reports whether any of a contact's details is reserved for
// fiction.
func (c Contact) fictional() bool {
	return (c.Email != "" && fictionalEmail(c.Email)) || (c.Website != "" && fictionalWebsite(c.Website)) ||
		(c.Phone.Tel != "" && fictionalPhone(c.Phone))
}

// rawHTMLRe finds an HTML tag, comment or declaration in Markdown text;
// autolinks such as <https://example.org> are Markdown, not HTML.
var (
	rawHTMLRe  = regexp.MustCompile(`<(?:[A-Za-z][A-Za-z0-9-]*(?:[\s/>]|$)|/[A-Za-z][A-Za-z0-9-]*\s*>|!--|![A-Za-z]|\?)`)
	codeSpanRe = regexp.MustCompile("(?s)```.*?```|`[^`\n]*`")
)

// findRawHTML returns the first raw HTML in Markdown text (outside code;
// a backslash before "<" makes it text) and its 0-based line, or "" and -1.
func findRawHTML(md string) (string, int) {
	clean := codeSpanRe.ReplaceAllStringFunc(md, func(s string) string {
		return strings.Map(func(r rune) rune {
			if r == '\n' {
				return r
			}
			return ' '
		}, s)
	})
	var loc []int
	for _, m := range rawHTMLRe.FindAllStringIndex(clean, -1) {
		if !escaped(clean, m[0]) {
			loc = m
			break
		}
	}
	if loc == nil {
		return "", -1
	}
	end := loc[1]
	if gt := strings.IndexByte(clean[loc[0]:], '>'); gt >= 0 && gt < 40 {
		end = loc[0] + gt + 1
	}
	frag := strings.TrimSpace(md[loc[0]:end])
	return frag, strings.Count(md[:loc[0]], "\n")
}

// escaped reports whether the byte at i follows an odd number of
// backslashes: a Markdown escape.
func escaped(s string, i int) bool {
	n := 0
	for i > 0 && s[i-1] == '\\' {
		n++
		i--
	}
	return n%2 == 1
}
