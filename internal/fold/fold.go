// Package fold writes text the way the site compares it and makes
// addresses and file names from it: folded to lower-case letters without
// diacritics, and as slugs. Site search (its terms), the directory (its
// addresses and filter values), `sitegen new` (the names of new files) and
// reading lists (BibTeX keys, and telling two books apart) all fold here,
// so "Łódź", "Lodz" and "łódź" are the same word to each of them.
//
// # Fold
//
// Text is folded code point by code point. Combining marks (Unicode
// category M) are dropped. A code point in the fold ranges U+00C0–U+024F,
// U+0370–U+03FF, U+1E00–U+1EFF and U+FB00–U+FB06 is replaced by its
// lower-case NFKD decomposition without marks, then ß→ss, æ→ae, œ→oe,
// ø→o, đ→d, ð→d, þ→th, ł→l, ı→i, ħ→h, ŧ→t, ĸ→k, ŋ→ng, ς→σ ("Zoë"→"zoe",
// "İ"→"i", "Wałęsa"→"walesa", "ﬁ"→"fi"). Any other code point is
// lower-cased on its own (simple case mapping). Latin letters so become
// ASCII ones; Greek letters lose their accents and stay Greek.
//
// # Slugs
//
// A slug is an address segment or a file name: the fold of the text
// without its apostrophes (' ‘ ’ ʼ), its runs of the letters a–z and the
// digits 0–9 joined by single hyphens, and nothing else. "King's Lynn" is
// kings-lynn, "Łódź and Søren" lodz-and-soren, "İstanbul Turkish"
// istanbul-turkish; "Ζωή" has no such letter and gives "".
//
// The browser folds and makes slugs with static/js/match.js, the same rules
// in JavaScript; this package's table is generated from it (genfold.mjs),
// and both are tested against the same vectors (search's
// normalize-vectors.json for the fold, directory's slug-vectors.json for
// slugs).
package fold

//go:generate node genfold.mjs

import (
	"strings"
	"unicode"
)

// Rune returns the fold of r: lower case, diacritics and ligatures
// decomposed, and nothing for a combining mark.
func Rune(r rune) string {
	if r < 0x80 && r >= 0 {
		return lowerASCII[r : r+1] // no string to make for most text
	}
	if f, ok := table[r]; ok {
		return f
	}
	if unicode.Is(unicode.M, r) {
		return ""
	}
	return string(unicode.ToLower(r))
}

// lowerASCII is the fold of each ASCII character, at its own index.
var lowerASCII = func() string {
	var b [0x80]byte
	for i := range b {
		b[i] = byte(unicode.ToLower(rune(i)))
	}
	return string(b[:])
}()

// Table returns the fold of r when r is in the fold ranges and folds to
// something else than itself; ok is false for any other code point, whose
// fold is its lower case (or nothing, for a mark). It is Rune for callers
// that handle the common case themselves, without building a string.
func Table(r rune) (f string, ok bool) {
	f, ok = table[r]
	return f, ok
}

// String folds s code point by code point ("Zoë" → "zoe", "Straße" →
// "strasse", "ﬁ" → "fi").
func String(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteString(Rune(r))
	}
	return b.String()
}

// Slug makes s an address segment or a file name: its fold without
// apostrophes, runs of a–z and 0–9 joined by single hyphens ("Łódź and
// Søren" → "lodz-and-soren"). It is "" when s has no letter or digit that
// folds to one of those.
func Slug(s string) string {
	b := make([]byte, 0, len(s))
	dash := false
	for _, r := range s {
		for _, c := range Rune(r) {
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
				if dash && len(b) > 0 {
					b = append(b, '-')
				}
				dash = false
				b = append(b, byte(c))
			case c == '\'' || c == '\u2018' || c == '\u2019' || c == '\u02bc':
			default:
				dash = true
			}
		}
	}
	return string(b)
}
