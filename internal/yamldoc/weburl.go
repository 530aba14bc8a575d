package yamldoc

import (
	"net/url"
	"strings"
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
// returns "" when it is an absolute http or https URL with a host and
// nothing a page could not carry in an attribute.
func WebURLProblem(s string) string {
	switch {
	case strings.ContainsAny(s, " \t\r\n"):
		return "contains a space; write each space as %20"
	case strings.ContainsAny(s, "\"<>\\"):
		return `contains a quote, an angle bracket or a backslash; write them as %22, %3C, %3E and %5C`
	}
	u, err := url.Parse(s)
	switch {
	case err != nil || !strings.EqualFold(u.Scheme, "http") && !strings.EqualFold(u.Scheme, "https") || u.Host == "":
		return "must be an absolute http or https address, such as https://example.org/"
	case u.User != nil:
		return "must not carry a user name or password, which every visitor would see; remove the part up to and including the @"
	}
	return ""
}
