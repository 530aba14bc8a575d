package reading

import (
	"fmt"
	"strings"
)

// ISBNError says why a written ISBN is not a valid one. Its message starts
// with `isbn "<as written>"` so that it reads as a whole sentence.
type ISBNError struct {
	Input  string // the ISBN as written
	Reason string // such as "has a bad check digit (expected 7)"
}

func (e *ISBNError) Error() string { return fmt.Sprintf("isbn %q %s", e.Input, e.Reason) }

// ISBN13 normalises an ISBN-10 or ISBN-13 to its 13 digits and verifies its
// check digit. It accepts what is printed on books: hyphens and spaces
// between the digits, an optional "ISBN", "ISBN-10" or "ISBN-13" label, and
// an ISBN-10 check character X (either case). An ISBN-10 becomes the
// ISBN-13 of the same book (978 prefix, new check digit).
func ISBN13(s string) (string, error) {
	raw := s
	t := strings.TrimSpace(s)
	up := strings.ToUpper(t)
	for _, label := range []string{"ISBN-13", "ISBN-10", "ISBN13", "ISBN10", "ISBN"} {
		if strings.HasPrefix(up, label) {
			t = strings.TrimLeft(t[len(label):], ": ")
			break
		}
	}
	var digits []byte
	for i := 0; i < len(t); i++ {
		c := t[i]
		switch {
		case c >= '0' && c <= '9':
			digits = append(digits, c)
		case c == 'X' || c == 'x':
			digits = append(digits, 'X')
		case c == '-' || c == ' ':
		default:
			return "", &ISBNError{raw, fmt.Sprintf("contains %q; an ISBN has only digits, hyphens and spaces (and X as the last character of an ISBN-10)", string([]rune(t[i:])[0]))}
		}
	}
	for i, c := range digits {
		if c == 'X' && !(len(digits) == 10 && i == 9) {
			return "", &ISBNError{raw, "has an X that is not the last character of a 10-digit ISBN"}
		}
	}
	switch len(digits) {
	case 10:
		want := check10(digits[:9])
		if digits[9] != want {
			return "", &ISBNError{raw, fmt.Sprintf("has a bad check digit (expected %c)", want)}
		}
		d := append([]byte("978"), digits[:9]...)
		return string(append(d, check13(d))), nil
	case 13:
		if p := string(digits[:3]); p != "978" && p != "979" {
			return "", &ISBNError{raw, "does not start with 978 or 979, so it is not an ISBN (is it another barcode?)"}
		}
		want := check13(digits[:12])
		if digits[12] != want {
			return "", &ISBNError{raw, fmt.Sprintf("has a bad check digit (expected %c)", want)}
		}
		return string(digits), nil
	}
	return "", &ISBNError{raw, fmt.Sprintf("has %d digits; an ISBN has 10 or 13", len(digits))}
}

// check10 is the ISBN-10 check character of 9 digits: weights 10 down to 2,
// modulo 11, 10 written as X.
func check10(d []byte) byte {
	sum := 0
	for i, c := range d {
		sum += (10 - i) * int(c-'0')
	}
	r := (11 - sum%11) % 11
	if r == 10 {
		return 'X'
	}
	return byte('0' + r)
}

// check13 is the ISBN-13 (EAN-13) check digit of 12 digits: weights 1 and 3
// alternately, modulo 10.
func check13(d []byte) byte {
	sum := 0
	for i, c := range d {
		w := 1
		if i%2 == 1 {
			w = 3
		}
		sum += w * int(c-'0')
	}
	return byte('0' + (10-sum%10)%10)
}

// registrantRanges are the publisher (registrant) ranges of the two
// English-language registration groups, 978-0 and 978-1, as long published
// by the International ISBN Agency: the first seven digits after the group
// decide the length of the registrant element.
var registrantRanges = map[byte][]struct {
	lo, hi int // inclusive, as 7-digit numbers
	n      int // registrant length
}{
	'0': {{0, 1999999, 2}, {2000000, 6999999, 3}, {7000000, 8499999, 4}, {8500000, 8999999, 5}, {9000000, 9499999, 6}, {9500000, 9999999, 7}},
	'1': {{0, 999999, 2}, {1000000, 3999999, 3}, {4000000, 5499999, 4}, {5500000, 8697999, 5}, {8698000, 9989999, 6}, {9990000, 9999999, 7}},
}

// FormatISBN13 is the display form of a 13-digit ISBN. Books of the
// English-language groups (978-0, 978-1), the books these lists recommend,
// are hyphenated like their covers: prefix, group, publisher, title, check
// digit, as in 978-0-306-40615-7. Other ISBNs are grouped as prefix, the
// nine middle digits and the check digit (979-100000000-0), since placing the
// inner hyphens needs the agency's full range table. Anything that is not 13
// digits is returned unchanged.
func FormatISBN13(isbn string) string {
	if len(isbn) != 13 {
		return isbn
	}
	for i := 0; i < 13; i++ {
		if isbn[i] < '0' || isbn[i] > '9' {
			return isbn
		}
	}
	if isbn[:3] == "978" {
		if ranges, ok := registrantRanges[isbn[3]]; ok {
			v := 0
			for _, c := range isbn[4:11] {
				v = v*10 + int(c-'0')
			}
			for _, r := range ranges {
				if v >= r.lo && v <= r.hi {
					return isbn[:3] + "-" + isbn[3:4] + "-" + isbn[4:4+r.n] + "-" + isbn[4+r.n:12] + "-" + isbn[12:]
				}
			}
		}
	}
	return isbn[:3] + "-" + isbn[3:12] + "-" + isbn[12:]
}

// OpenLibraryURL is the Open Library page of the book with this ISBN-13.
func OpenLibraryURL(isbn13 string) string {
	return "https://openlibrary.org/isbn/" + isbn13
}
