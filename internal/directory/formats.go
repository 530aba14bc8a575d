package directory

import (
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

// fictional domains (RFC 2606); the drama telephone ranges are
// phone.Number.Fictional.
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

// fictional reports whether any of a contact's details is reserved for
// fiction.
func (c Contact) fictional() bool {
	return (c.Email != "" && fictionalEmail(c.Email)) || (c.Website != "" && fictionalWebsite(c.Website)) ||
		c.Phone.Fictional()
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
