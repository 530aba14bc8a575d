package yamldoc

import (
	"fmt"
	"strings"

	"sitegen/internal/link"
)

// WebURL reads key's text as a website's address, such as a practitioner's
// or a publisher's: an absolute http or https URL with a host. Anything
// else (a javascript: link, a relative path, a space) is reported at the
// value with what to change, and dst is left alone.
func (m Map) WebURL(key string, dst *string) bool {
	var s string
	if !m.Str(key, &s) {
		return false
	}
	s = strings.TrimSpace(s)
	if s == "" {
		return false
	}
	if why := WebURLProblem(s); why != "" {
		m.Errorf(key, "%s %q %s", key, s, why)
		return false
	}
	*dst = s
	return true
}

// WebURLProblem says what is wrong with s as a website's address, or
// returns "" when it is an absolute http or https URL with a host (the
// site's rule for links, link.Problem, with only web addresses allowed)
// and nothing a page could not carry in an attribute.
func WebURLProblem(s string) string {
	switch {
	case strings.ContainsAny(s, " \t\r\n"):
		return "contains a space; write each space as %20"
	case strings.ContainsAny(s, "\"<>\\"):
		return `contains a quote, an angle bracket or a backslash; write them as %22, %3C, %3E and %5C`
	}
	why := link.Problem(s, link.Web)
	if why != "" && !strings.Contains(s, ":") && !strings.HasPrefix(s, "/") {
		// www.example.org/aelia, as a browser's address bar shows it:
		// a host name that ends in one of the usual domains, without
		// its https:// (a file name such as bio.pdf is not offered one).
		host, _, _ := strings.Cut(s, "/")
		i := strings.LastIndexByte(host, '.')
		if i > 0 && usualDomains[strings.ToLower(host[i+1:])] && link.Problem("https://"+s, link.Web) == "" {
			why += fmt.Sprintf("; did you mean %q?", "https://"+s)
		}
	}
	return why
}

// usualDomains are the top-level domains of most sites a UK practitioner,
// school or publisher has, for the hint to an address written without
// https://.
var usualDomains = map[string]bool{"uk": true, "org": true, "com": true, "net": true, "info": true,
	"scot": true, "wales": true, "cymru": true, "ie": true, "eu": true, "io": true, "co": true}
