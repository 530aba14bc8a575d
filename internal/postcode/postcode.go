// Package postcode is the site's rule for UK postcodes, the association's
// in site.yaml (package config) and those of practitioners' locations
// (package directory) alike: Parse checks a postcode's format and gives it
// in the form the site publishes, upper case with one space before the
// last three characters ("tr98tr" is "TR9 8TR").
//
// Only the format is checked here, not whether the postcode exists. The
// directory also checks that a location's postcode area is one of its
// gazetteer's, since it measures distances from it; the association's
// postcode is only printed, and needs no more than its format.
//
// The package imports nothing of the project.
package postcode

import (
	"regexp"
	"strings"
)

// Advice is what to write in place of a postcode Parse refuses, after a
// semicolon in a message.
const Advice = "write it like TR9 8TR"

var formatRe = regexp.MustCompile(`^(?:[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][ABD-HJLNP-UW-Z]{2}|GIR0AA)$`)

// Parse validates a UK postcode by its format and returns it in upper
// case with one space before the inward code: "tr98tr" is "TR9 8TR".
func Parse(s string) (string, bool) {
	c := strings.ToUpper(strings.Join(strings.Fields(s), ""))
	if !formatRe.MatchString(c) {
		return "", false
	}
	return c[:len(c)-3] + " " + c[len(c)-3:], true
}
