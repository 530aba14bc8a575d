package search

import (
	"strings"
	"unicode"
)

// stopWords are folded words too common to index; see the package doc.
var stopWords = map[string]bool{}

// stopList is shared verbatim with static/js/search-normalize.js.
const stopList = "a an and are as at be but by for from has have he her his in is it its of on or she that the their them they this to was were which will with you your"

func init() {
	for _, w := range strings.Fields(stopList) {
		stopWords[w] = true
	}
}

// foldRune returns the folded form of r: lower case, diacritics and
// ligatures decomposed (foldTable), and nothing for combining marks.
func foldRune(r rune) string {
	if unicode.Is(unicode.M, r) {
		return ""
	}
	if f, ok := foldTable[r]; ok {
		return f
	}
	return string(unicode.ToLower(r))
}

// Fold lower-cases s and folds diacritics and ligatures, code point by code
// point, exactly as the index and the browser client do ("Zoë" → "zoe",
// "Straße" → "strasse", "ﬁ" → "fi").
func Fold(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteString(foldRune(r))
	}
	return b.String()
}

// wordPart keeps the letters and digits of a folded code point.
func wordPart(f string) string {
	if f == "" {
		return ""
	}
	var b strings.Builder
	for _, r := range f {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isApostrophe(r rune) bool {
	return r == '\'' || r == '\u2018' || r == '\u2019' || r == '\u02bc'
}

func isHyphen(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2011' }

// Token is one term of a text. Compound marks the joined form of a
// hyphenated word ("cst000004" for "CST-000004"), which follows its parts;
// phrase matching ignores compounds.
type Token struct {
	Term     string
	Compound bool
}

// Tokens splits text into index terms as specified in the package doc:
// fold, split into words (apostrophes inside a word are dropped together
// with a final "'s", hyphens join the parts of a compound), drop stop words,
// stem. The same text always gives the same tokens in Go and in the browser.
func Tokens(text string) []Token {
	var out []Token
	rs := []rune(text)
	var parts []string
	var cur strings.Builder
	// next reports whether the code point after i (skipping marks) is a word character.
	next := func(i int) bool {
		for j := i + 1; j < len(rs); j++ {
			if unicode.Is(unicode.M, rs[j]) {
				continue
			}
			return wordPart(foldRune(rs[j])) != ""
		}
		return false
	}
	endPart := func() {
		if cur.Len() > 0 {
			parts = append(parts, cur.String())
			cur.Reset()
		}
	}
	endWord := func() {
		endPart()
		out = appendWord(out, parts)
		parts = parts[:0]
	}
	for i, r := range rs {
		if unicode.Is(unicode.M, r) {
			continue
		}
		if w := wordPart(foldRune(r)); w != "" {
			cur.WriteString(w)
			continue
		}
		switch {
		case isApostrophe(r) && cur.Len() > 0 && next(i):
			cur.WriteByte('\'')
		case isHyphen(r) && cur.Len() > 0 && next(i):
			endPart()
		default:
			endWord()
		}
	}
	endWord()
	return out
}

// appendWord appends the terms of one word made of hyphen-joined parts.
func appendWord(out []Token, parts []string) []Token {
	var clean []string
	for _, p := range parts {
		p = strings.TrimSuffix(p, "'s")
		p = strings.ReplaceAll(p, "'", "")
		if p != "" {
			clean = append(clean, p)
		}
	}
	for _, p := range clean {
		if t := term(p); t != "" {
			out = append(out, Token{Term: t})
		}
	}
	if len(clean) > 1 {
		if t := term(strings.Join(clean, "")); t != "" {
			out = append(out, Token{Term: t, Compound: true})
		}
	}
	return out
}

// term turns a folded word into an index term: "" for a stop word, the
// word itself when it holds anything but the letters a–z, else its stem.
func term(w string) string {
	if stopWords[w] {
		return ""
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return w
		}
	}
	return Stem(w)
}

// Terms returns the terms of text, compounds included, in order.
func Terms(text string) []string {
	toks := Tokens(text)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.Term
	}
	return out
}
