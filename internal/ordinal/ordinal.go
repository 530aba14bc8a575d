// Package ordinal writes English ordinals, the one rule for them: as
// numbers with their suffix (1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st,
// 101st, 111th) and, up to ten, as words (first ... tenth). A reading
// list's "21st edition" and a footnote's "second use" are written here;
// Parse reads them back, for an editor who writes "3rd" where a number
// belongs.
package ordinal

import (
	"strconv"
	"strings"
)

// words are the ordinals written out, first to tenth.
var words = []string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"}

// Number writes n with its suffix: 1st, 2nd, 3rd, 4th, 11th, 21st,
// 112th. The suffix is th for numbers ending in 11, 12 and 13, and
// otherwise st, nd and rd after 1, 2 and 3.
func Number(n int) string {
	suffix := "th"
	if n%100 < 11 || n%100 > 13 {
		switch n % 10 {
		case 1:
			suffix = "st"
		case 2:
			suffix = "nd"
		case 3:
			suffix = "rd"
		}
	}
	return strconv.Itoa(n) + suffix
}

// Word writes n as a lower-case word from first to tenth, as English
// prose writes small ordinals, and as Number writes it past ten.
func Word(n int) string {
	if n >= 1 && n <= len(words) {
		return words[n-1]
	}
	return Number(n)
}

// Parse reads an ordinal as Number or Word writes it, in any case ("3rd",
// "Third", "21ST"), and returns its number.
func Parse(s string) (int, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	for i, w := range words {
		if s == w {
			return i + 1, true
		}
	}
	digits := strings.TrimRight(s, "stndrh")
	n, err := strconv.Atoi(digits)
	if err != nil || n < 0 || digits != strconv.Itoa(n) || Number(n) != s {
		return 0, false
	}
	return n, true
}
