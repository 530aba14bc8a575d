// Package phone is the site's one rule for telephone numbers: the
// association's own in content/site.yaml (package config) and every
// practitioner's and school's (package directory) are read by Parse, and
// shown and linked in the forms it gives. So a number an editor types is
// either published the same way wherever it appears or refused at its
// line, whichever file it is in.
//
// The site lists UK numbers only. Parse takes one written in any of the
// usual ways ("01632 960905", "01632960905", "01632-960-905", "+44 1632
// 960905", "+44 (0)1632 960905", "0044 1632 960905") and gives it back as
// a Number:
//
//   - Display, grouped as Ofcom writes numbers ("01632 960905", "020 7946
//     0123", "0161 496 0123", "07700 900123", "0300 123 4567"), for people;
//   - Tel, the tel: link in international form ("tel:+441632960905"), for
//     links and vCards; International is the same without "tel:", as
//     structured data (schema.org telephone) gives it.
//
// A number it refuses comes with why, in words that follow "is not a UK
// telephone number: " (it has 9 digits, and a number starting 01 has 10 or
// 11), and Advice says what to write instead; each caller reports both at
// the value's file:line:col in its own words. A number from another
// country is refused with the reason Foreign, which a caller may follow
// with why the site wants a UK one.
//
// The check is of the number's shape (digits, country code, the length its
// first digits call for), not of whether anyone answers it: a digit typed
// twice or left out is caught, except in the forty-one areas (01204,
// 016977 and others) that have numbers of both 10 and 11 digits, where a
// number of either length is taken, and among freephone numbers, where
// 0800 has both too (and Childline's 0800 1111). Fictional tells the
// ranges Ofcom keeps for drama (01632 960..., 07700 900... and others),
// which the sample site uses.
//
// The package imports nothing of the project.
package phone

import (
	"fmt"
	"html/template"
	"strings"
)

// Number is a valid UK telephone number, in the forms the site publishes.
// The zero Number is no number: its Tel is "".
type Number struct {
	Display string // grouped as the number is written in the UK: "01632 960905"
	Tel     string // tel: link in international form: "tel:+441632960905"
}

// Advice is what to write in place of a number Parse refuses, after a
// semicolon in a message.
const Advice = "write it like 01632 960905 or +44 1632 960905"

// Foreign is the reason Parse gives for a number with another country's
// code.
const Foreign = "it does not start with the UK's code, +44 or 0044"

// Parse reads a UK telephone number written in any usual way. It returns
// the number, or why s is not a UK telephone number, in words that follow
// "is not a UK telephone number: ".
func Parse(s string) (Number, string) {
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
			return Number{}, fmt.Sprintf("it holds %q, where only digits, spaces and a + before the country code belong", string(r))
		}
	}
	d := digits.String()
	switch {
	case d == "":
		return Number{}, "it has no digits"
	case plus && strings.HasPrefix(d, "440"):
		d = d[2:] // +44 (0)1632 ...
	case plus && strings.HasPrefix(d, "44"):
		d = "0" + d[2:]
	case plus:
		return Number{}, Foreign
	case strings.HasPrefix(d, "0044"):
		d = "0" + d[4:]
	case strings.HasPrefix(d, "00"):
		return Number{}, Foreign
	}
	switch {
	case !strings.HasPrefix(d, "0"):
		return Number{}, "it has no area code, which starts with 0"
	case len(d) > 1 && d[1] == '0':
		return Number{}, "a UK number starts with 0 and then a digit from 1 to 9"
	}
	if n := len(d); n != 11 && (n != 10 || !tenDigits(d)) && !freephone(d) {
		count := fmt.Sprintf("%d digits", n)
		if n == 1 {
			count = "1 digit"
		}
		switch {
		case n < 2:
			return Number{}, "it has " + count + ", and a UK number has 10 or 11"
		case d[1] == '1':
			start, lengths := area(d), "11"
			if tenDigits(d) || start == "01" || start == "01697" {
				lengths = "10 or 11"
			}
			return Number{}, fmt.Sprintf("it has %s, and a number starting %s has %s", count, start, lengths)
		}
		if strings.HasPrefix(d, "0800") {
			return Number{}, fmt.Sprintf("it has %s, and a number starting 0800 has 10 or 11 (or is 0800 1111)", count)
		}
		return Number{}, fmt.Sprintf("it has %s, and a number starting %s has 11", count, d[:2])
	}
	return Number{Display: group(d), Tel: "tel:+44" + d[1:]}, ""
}

// freephone reports whether d is one of the shorter freephone numbers:
// 0800 and six digits (0800 123456), or Childline's 0800 1111. Other
// numbers starting 08, 0800 ones too, have eleven digits. The lengths are
// libphonenumber's (PhoneNumberMetadata.xml, region GB, the tollFree
// pattern).
func freephone(d string) bool {
	return strings.HasPrefix(d, "0800") && len(d) == 10 || d == "08001111"
}

// tenDigitAreas are the geographic area codes with numbers of ten digits
// (nine after the 0): forty four-digit codes (01xxx), each with some
// five-digit local numbers beside its six-digit ones, and 016977, whose
// local numbers have four digits (016977 2xxx and 3xxx) or five. Every
// other number starting 01 has eleven digits. The list is that of Google's
// libphonenumber (resources/PhoneNumberMetadata.xml, region GB, the
// fixedLine pattern's numbers of nine national digits), which follows
// Ofcom's National Telephone Numbering Plan; libphonenumber also narrows
// the five-digit local numbers of each code by their first digits, which
// this list does not.
var tenDigitAreas = map[string]bool{
	"01204": true, "01208": true, "01254": true, "01276": true, "01297": true,
	"01298": true, "01363": true, "01364": true, "01384": true, "01386": true,
	"01404": true, "01420": true, "01460": true, "01461": true, "01480": true,
	"01488": true, "01524": true, "01527": true, "01562": true, "01566": true,
	"01606": true, "01629": true, "01635": true, "01647": true, "01659": true,
	"01695": true, "01726": true, "01744": true, "01750": true, "01768": true,
	"01827": true, "01837": true, "01884": true, "01900": true, "01905": true,
	"01935": true, "01946": true, "01949": true, "01963": true, "01995": true,
	"016977": true,
}

// tenDigits reports whether the national number d, starting 0, is in an
// area whose numbers may have ten digits.
func tenDigits(d string) bool {
	return len(d) >= 5 && tenDigitAreas[d[:5]] || len(d) >= 6 && tenDigitAreas[d[:6]]
}

// area is the start of a national number d, starting 01, that decides how
// many digits it has: its area code ("0121", "01632"), or "016977" and
// "01697" and one more digit apart, or "01" when d is too short to tell.
func area(d string) string {
	switch {
	case len(d) >= 4 && (d[2] == '1' || d[3] == '1'): // 0113, 0161
		return d[:4]
	case len(d) >= 6 && d[:5] == "01697":
		return d[:6]
	case len(d) >= 5:
		return d[:5]
	}
	return "01"
}

// sixDigitAreas are the codes of six digits (five after the 0), each inside
// an area of a four-digit code, whose numbers are written with the longer
// code: "013873 12345" (Langholm), not "01387 312345" (Dumfries). The list
// is libphonenumber's (PhoneNumberMetadata.xml, region GB, the format for
// five-digit area codes).
var sixDigitAreas = map[string]bool{
	"013873": true, "015242": true, "015394": true, "015395": true, "015396": true,
	"016973": true, "016974": true, "016977": true, "017683": true, "017684": true,
	"017687": true, "019467": true,
}

// group spaces a national number as Ofcom writes it.
func group(d string) string {
	switch {
	case strings.HasPrefix(d, "016977") || len(d) == 11 && sixDigitAreas[d[:6]]: // 016977 3456, 013873 12345
		return d[:6] + " " + d[6:]
	case len(d) < 11 && d[1] == '8': // 0800 123456, 0800 1111
		return d[:4] + " " + d[4:]
	case len(d) == 10: // 01204 12345
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

// TelURL is Tel typed for html/template, which would otherwise refuse the
// tel: scheme; Tel is built from digits only, by Parse.
func (n Number) TelURL() template.URL { return template.URL(n.Tel) }

// International is the number as structured data gives it, "+441632960905";
// "" for no number.
func (n Number) International() string { return strings.TrimPrefix(n.Tel, "tel:") }

// String is Display, so that a template that prints the number shows it
// as people read it.
func (n Number) String() string { return n.Display }

// Fictional reports whether the number is in one of the ranges Ofcom
// keeps for drama, which never reach anyone: those starting 01632 960,
// 07700 900, 020 7946 0 and 0113 496 0.
func (n Number) Fictional() bool {
	return strings.HasPrefix(n.Tel, "tel:+441632960") || strings.HasPrefix(n.Tel, "tel:+447700900") ||
		strings.HasPrefix(n.Tel, "tel:+442079460") || strings.HasPrefix(n.Tel, "tel:+441134960")
}
