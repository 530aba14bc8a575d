package search

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"
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
	return appendTokens(nil, text, func(w []byte) string { return term(string(w), Stem) })
}

// fold1 returns the letters and digits of the fold of the code point at
// text[i:], and its size; ASCII takes a fast path.
func fold1(text string, i int, buf []byte) ([]byte, int, bool) {
	c := text[i]
	if c < utf8.RuneSelf {
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
			return append(buf, c), 1, true
		case 'A' <= c && c <= 'Z':
			return append(buf, c+'a'-'A'), 1, true
		}
		return buf, 1, false
	}
	r, n := utf8.DecodeRuneInString(text[i:])
	w := wordPart(foldRune(r))
	return append(buf, w...), n, w != ""
}

func isMark(text string, i int) (bool, int) {
	if text[i] < utf8.RuneSelf {
		return false, 1
	}
	r, n := utf8.DecodeRuneInString(text[i:])
	return unicode.Is(unicode.M, r), n
}

// appendTokens appends the tokens of text; termOf maps a folded word
// without apostrophes or hyphens to its term ("" for a stop word).
func appendTokens(out []Token, text string, termOf func([]byte) string) []Token {
	var parts []string
	var cur []byte
	// next reports whether the code point after the one at i (skipping
	// marks) is a word character.
	next := func(i int) bool {
		for i < len(text) {
			if m, n := isMark(text, i); m {
				i += n
				continue
			}
			_, _, ok := fold1(text, i, nil)
			return ok
		}
		return false
	}
	endPart := func() {
		if len(cur) > 0 {
			parts = append(parts, string(cur))
			cur = cur[:0]
		}
	}
	endWord := func() {
		if len(parts) == 0 && len(cur) > 0 && bytes.IndexByte(cur, '\'') < 0 {
			// The common case: a plain word.
			if t := termOf(cur); t != "" {
				out = append(out, Token{Term: t})
			}
			cur = cur[:0]
			return
		}
		endPart()
		if len(parts) > 0 {
			out = appendWord(out, parts, termOf)
			parts = parts[:0]
		}
	}
	for i := 0; i < len(text); {
		if m, n := isMark(text, i); m {
			i += n
			continue
		}
		var ok bool
		var n int
		l := len(cur)
		cur, n, ok = fold1(text, i, cur)
		if ok {
			i += n
			continue
		}
		cur = cur[:l]
		r, _ := utf8.DecodeRuneInString(text[i:])
		switch {
		case isApostrophe(r) && len(cur) > 0 && next(i+n):
			cur = append(cur, '\'')
		case isHyphen(r) && len(cur) > 0 && next(i+n):
			endPart()
		default:
			endWord()
		}
		i += n
	}
	endWord()
	return out
}

// appendWord appends the terms of one word made of hyphen-joined parts.
func appendWord(out []Token, parts []string, termOf func([]byte) string) []Token {
	var clean []string
	for _, p := range parts {
		p = strings.TrimSuffix(p, "'s")
		p = strings.ReplaceAll(p, "'", "")
		if p != "" {
			clean = append(clean, p)
		}
	}
	for _, p := range clean {
		if t := termOf([]byte(p)); t != "" {
			out = append(out, Token{Term: t})
		}
	}
	if len(clean) > 1 {
		if t := termOf([]byte(strings.Join(clean, ""))); t != "" {
			out = append(out, Token{Term: t, Compound: true})
		}
	}
	return out
}

// term turns a folded word into an index term: "" for a stop word, the
// word itself when it holds anything but the letters a–z, else its stem.
func term(w string, stem func(string) string) string {
	if stopWords[w] {
		return ""
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return w
		}
	}
	return stem(w)
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
