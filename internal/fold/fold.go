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
// category M) are dropped, and so are the invisible characters that text
// pasted from a word processor or a web page carries inside its words:
// the soft hyphen U+00AD, the zero-width space, non-joiner and joiner
// U+200B–U+200D, the word joiner U+2060 and the byte order mark (zero-width
// no-break space) U+FEFF. A reader sees no break where they are, so
// neither does the site: "cranio\u00ADsacral" is "craniosacral". (The
// zero-width space marks where a line may break, between the words of
// scripts written without spaces, such as Thai; in this site's English it
// is an invisible artefact inside a word or a long address, and a visitor
// who pastes one into the search box means the word they see.) A code
// point in the fold ranges U+00C0–U+024F, U+0370–U+03FF, U+1E00–U+1EFF,
// U+3000, U+FB00–U+FB06 and U+FF01–U+FF5E is replaced by its lower-case
// NFKD decomposition without marks, then ß→ss, æ→ae, œ→oe, ø→o, đ→d,
// ð→d, þ→th, ł→l, ı→i, ħ→h, ŧ→t, ĸ→k, ŋ→ng, ς→σ ("Zoë"→"zoe", "İ"→"i",
// "Wałęsa"→"walesa", "ﬁ"→"fi"). Any other code point is lower-cased on its
// own (simple case mapping). Latin letters so become ASCII ones; Greek
// letters lose their accents and stay Greek; the full-width forms of
// East Asian keyboards, and the ideographic space, are the ASCII they
// stand for ("ＣＳＴ－０００００４"→"cst-000004", U+3000 a space).
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
// decomposed, and nothing for a combining mark or an invisible character.
func Rune(r rune) string {
	if r < 0x80 && r >= 0 {
		return lowerASCII[r : r+1] // no string to make for most text
	}
	if f, ok := table[r]; ok {
		return f
	}
	if Ignored(r) {
		return ""
	}
	return string(unicode.ToLower(r))
}

// Ignored reports whether r folds to nothing: a combining mark or an
// invisible character.
func Ignored(r rune) bool {
	return Invisible(r) || r >= 0x300 && unicode.Is(unicode.M, r)
}

// Invisible reports whether r is one of the invisible characters of the
// Fold rule: the soft hyphen, a zero-width space, non-joiner or joiner,
// the word joiner or the byte order mark.
func Invisible(r rune) bool {
	switch r {
	case '\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff':
		return true
	}
	return false
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
// that handle the common case themselves, without building a string (and
// Ignored for the code points that fold to nothing).
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
