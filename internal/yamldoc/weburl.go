package yamldoc

import (
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
	return link.Problem(s, link.Web)
}
