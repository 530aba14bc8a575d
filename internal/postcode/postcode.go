// Package postcode is the site's rule for UK postcodes, the association's
// in site.yaml (package config) and those of practitioners' locations
// (package directory) alike: Parse checks a postcode's format and gives it
// in the form the site publishes, upper case with one space before the
// last three characters ("tr98tr" is "TR9 8TR"); Explain tells an editor
// what to fix in one Parse refuses.
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
	"strconv"
	"strings"
)

// Advice is what to write in place of a postcode Parse refuses, after a
// semicolon in a message, when Explain has nothing closer to say.
const Advice = "write it like TR9 8TR"

var outwardRe = regexp.MustCompile(`^[A-Z]{1,2}[0-9][A-Z0-9]?$`)

// Explain says what is wrong with s, a postcode Parse refuses, and how to
// mend it, as the rest of a sentence that starts with the postcode. Two
// mistakes are common enough to name: the district alone ("PH1"), and a
// letter O or I written for the digit 0 or 1, or the other way round
// ("TR9 OTR" for "TR9 0TR", "SW1A IAA" for "SW1A 1AA"), which Explain
// mends when swapping one of them gives a postcode and no other swap
// gives another. Anything else gets Advice.
func Explain(s string) string {
	c := strings.ToUpper(strings.Join(strings.Fields(s), ""))
	if outwardRe.MatchString(c) {
		return "is only the district, not the whole postcode; write all of it, with the three characters that follow the space, like TR9 8TR"
	}
	var found string
	for i := range len(c) {
		swap, ok := lookalike[c[i]]
		if !ok {
			continue
		}
		if pc, ok := Parse(c[:i] + string(swap) + c[i+1:]); ok {
			if found != "" && found != pc {
				return notOne
			}
			found = pc
		}
	}
	if found != "" {
		return "is not a UK postcode; did you mean " + strconv.Quote(found) + "? (the letters O and I and the digits 0 and 1 are easy to mix up)"
	}
	return notOne
}

const notOne = "is not a UK postcode; " + Advice

// lookalike pairs the letters and digits that look alike.
var lookalike = map[byte]byte{'O': '0', '0': 'O', 'I': '1', '1': 'I'}

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
