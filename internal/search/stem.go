package search

import (
	"bytes"
	"strings"
)

// Stem returns the Porter2 (Snowball English) stem of a lower-case word made
// of the letters a–z ("therapists" → "therapist", "certification" →
// "certif"), but for the site's own exceptions (siteStems). Other words
// are returned unchanged. static/js/search-normalize.js holds a
// line-by-line port; both are checked against the same vectors.
func Stem(w string) string {
	if len(w) <= 2 {
		return w
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return w
		}
	}
	if s, ok := stemExceptions[w]; ok {
		return s
	}
	b := []byte(w)
	if b[0] == 'y' {
		b[0] = 'Y'
	}
	for i := 1; i < len(b); i++ {
		if b[i] == 'y' && isVowel(b[i-1]) {
			b[i] = 'Y'
		}
	}
	r1, r2 := regions(b)
	b = step1a(b)
	if stem1aExceptions[string(b)] {
		return string(b)
	}
	b = step1b(b, r1)
	b = step1c(b)
	b = step2(b, r1)
	b = step3(b, r1, r2)
	b = step4(b, r2)
	b = step5(b, r1, r2)
	return strings.ReplaceAll(string(b), "Y", "y")
}

// stemExceptions are Porter2's exceptions and the site's own (siteStems).
// They are made as a variable, not in an init function, so that whatever
// reads words as the index does while the package's variables are made
// (the curated synonyms) has them all.
var stemExceptions = func() map[string]string {
	m := map[string]string{
		"skis": "ski", "skies": "sky", "dying": "die", "lying": "lie", "tying": "tie",
		"idly": "idl", "gently": "gentl", "ugly": "ugli", "early": "earli", "only": "onli",
		"singly": "singl", "sky": "sky", "news": "news", "howe": "howe", "atlas": "atlas",
		"cosmos": "cosmos", "bias": "bias", "andes": "andes",
	}
	for w, s := range pairs(siteStems) {
		m[w] = s
	}
	return m
}()

// siteStems are the site's own exceptions to Porter2, each word and its
// stem, shared verbatim with static/js/search-normalize.js (the vectors
// file carries them). A visitor who searches for booking wants to book a
// session, not the reading lists' books; one who wants to complain about
// a practitioner wants the answers about complaints; "expectant" and
// "expecting" (a baby) are kept apart from "expect", so that a synonym
// can give them the pages about pregnancy without giving those to every
// "what to expect".
const siteStems = "booking:booking bookings:booking booked:booking complaint:complain complaints:complain expectant:expectant expecting:expecting"

var stem1aExceptions = map[string]bool{
	"inning": true, "outing": true, "canning": true, "herring": true, "earring": true,
	"proceed": true, "exceed": true, "succeed": true,
}

func isVowel(c byte) bool {
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'
}

// regions returns the start of R1 and R2.
func regions(b []byte) (int, int) {
	r1 := len(b)
	for _, p := range []string{"gener", "commun", "arsen"} {
		if bytes.HasPrefix(b, []byte(p)) {
			r1 = len(p)
			break
		}
	}
	if r1 == len(b) {
		r1 = afterVC(b, 0)
	}
	return r1, afterVC(b, r1)
}

// afterVC returns the index after the first non-vowel that follows a vowel,
// searching from start.
func afterVC(b []byte, start int) int {
	for i := start + 1; i < len(b); i++ {
		if !isVowel(b[i]) && isVowel(b[i-1]) {
			return i + 1
		}
	}
	return len(b)
}

// shortSyllableAt reports whether b[:end] ends in a short syllable.
func shortSyllableAt(b []byte, end int) bool {
	if end == 2 {
		return isVowel(b[0]) && !isVowel(b[1])
	}
	if end < 3 {
		return false
	}
	c := b[end-1]
	return !isVowel(b[end-3]) && isVowel(b[end-2]) && !isVowel(c) && c != 'w' && c != 'x' && c != 'Y'
}

func isShort(b []byte, r1 int) bool { return r1 >= len(b) && shortSyllableAt(b, len(b)) }

func hasSuffix(b []byte, s string) bool { return bytes.HasSuffix(b, []byte(s)) }

func hasVowel(b []byte) bool {
	for _, c := range b {
		if isVowel(c) {
			return true
		}
	}
	return false
}

func step1a(b []byte) []byte {
	switch {
	case hasSuffix(b, "'s'"):
		b = b[:len(b)-3]
	case hasSuffix(b, "'s"):
		b = b[:len(b)-2]
	case hasSuffix(b, "'"):
		b = b[:len(b)-1]
	}
	switch {
	case hasSuffix(b, "sses"):
		return b[:len(b)-2]
	case hasSuffix(b, "ied"), hasSuffix(b, "ies"):
		if len(b) > 4 {
			return b[:len(b)-2]
		}
		return b[:len(b)-1]
	case hasSuffix(b, "us"), hasSuffix(b, "ss"):
		return b
	case hasSuffix(b, "s"):
		if len(b) >= 3 && hasVowel(b[:len(b)-2]) {
			return b[:len(b)-1]
		}
	}
	return b
}

func step1b(b []byte, r1 int) []byte {
	for _, s := range []string{"eedly", "eed"} {
		if hasSuffix(b, s) {
			if len(b)-len(s) >= r1 {
				return append(b[:len(b)-len(s)], "ee"...)
			}
			return b
		}
	}
	for _, s := range []string{"ingly", "edly", "ing", "ed"} {
		if !hasSuffix(b, s) {
			continue
		}
		stem := b[:len(b)-len(s)]
		if !hasVowel(stem) {
			return b
		}
		b = stem
		switch {
		case hasSuffix(b, "at"), hasSuffix(b, "bl"), hasSuffix(b, "iz"):
			return append(b, 'e')
		case len(b) >= 2 && b[len(b)-1] == b[len(b)-2] && strings.IndexByte("bdfgmnprt", b[len(b)-1]) >= 0:
			return b[:len(b)-1]
		case isShort(b, r1):
			return append(b, 'e')
		}
		return b
	}
	return b
}

func step1c(b []byte) []byte {
	n := len(b)
	if n > 2 && (b[n-1] == 'y' || b[n-1] == 'Y') && !isVowel(b[n-2]) {
		b[n-1] = 'i'
	}
	return b
}

var step2Rules = [][2]string{
	{"ization", "ize"}, {"ational", "ate"}, {"fulness", "ful"}, {"ousness", "ous"}, {"iveness", "ive"},
	{"tional", "tion"}, {"biliti", "ble"}, {"lessli", "less"},
	{"entli", "ent"}, {"ation", "ate"}, {"alism", "al"}, {"aliti", "al"}, {"ousli", "ous"}, {"iviti", "ive"}, {"fulli", "ful"},
	{"enci", "ence"}, {"anci", "ance"}, {"abli", "able"}, {"izer", "ize"}, {"ator", "ate"}, {"alli", "al"},
	{"bli", "ble"}, {"ogi", "og"}, {"li", ""},
}

func step2(b []byte, r1 int) []byte {
	for _, r := range step2Rules {
		if !hasSuffix(b, r[0]) {
			continue
		}
		stem := b[:len(b)-len(r[0])]
		if len(stem) < r1 {
			return b
		}
		switch r[0] {
		case "ogi":
			if !hasSuffix(stem, "l") {
				return b
			}
		case "li":
			if len(stem) == 0 || strings.IndexByte("cdeghkmnrt", stem[len(stem)-1]) < 0 {
				return b
			}
		}
		return append(stem, r[1]...)
	}
	return b
}

var step3Rules = [][2]string{
	{"ational", "ate"}, {"tional", "tion"}, {"alize", "al"}, {"icate", "ic"}, {"iciti", "ic"},
	{"ative", ""}, {"ical", "ic"}, {"ness", ""}, {"ful", ""},
}

func step3(b []byte, r1, r2 int) []byte {
	for _, r := range step3Rules {
		if !hasSuffix(b, r[0]) {
			continue
		}
		stem := b[:len(b)-len(r[0])]
		if len(stem) < r1 || (r[0] == "ative" && len(stem) < r2) {
			return b
		}
		return append(stem, r[1]...)
	}
	return b
}

var step4Suffixes = []string{
	"ement", "ance", "ence", "able", "ible", "ment", "ant", "ent", "ism", "ate", "iti", "ous", "ive", "ize", "ion",
	"al", "er", "ic",
}

func step4(b []byte, r2 int) []byte {
	for _, s := range step4Suffixes {
		if !hasSuffix(b, s) {
			continue
		}
		stem := b[:len(b)-len(s)]
		if len(stem) < r2 {
			return b
		}
		if s == "ion" && !hasSuffix(stem, "s") && !hasSuffix(stem, "t") {
			return b
		}
		return stem
	}
	return b
}

func step5(b []byte, r1, r2 int) []byte {
	n := len(b)
	if n == 0 {
		return b
	}
	switch b[n-1] {
	case 'e':
		if n-1 >= r2 || (n-1 >= r1 && !shortSyllableAt(b, n-1)) {
			return b[:n-1]
		}
	case 'l':
		if n-1 >= r2 && n >= 2 && b[n-2] == 'l' {
			return b[:n-1]
		}
	}
	return b
}
