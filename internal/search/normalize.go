package search

import (
	"bytes"
	"strings"
	"unicode"
	"unicode/utf8"

	"sitegen/internal/fold"
)

// stopWords are folded words too common to index; see the package doc.
var stopWords = wordSet(stopList)

// stopList is shared verbatim with static/js/search-normalize.js. Besides
// the usual function words it holds the words visitors wrap a question in
// ("how do I", "what does", "can I", "my", "should", "near me"): every word
// of a query is required, so "what does a session feel like" found only
// the pages that happen to say "does" as well, and "near bath" not the
// practitioner in Bath.
const stopList = "a an and are as at be but by can could did do does for from has have he her his how i if in is it its me my near of on or our she should that the their them they this to us was we were what when where which who why will with would you your"

// phraseList are the phrases read as one word, shared verbatim with
// static/js/search-normalize.js (the vectors file carries it): each is
// two words joined by a hyphen, then ":" and the word they are read as.
// The first word of each is a stop word, so a phrase gives the term of
// its word in place of the second word's. "near me" is how a visitor asks
// for the directory, which says "near you"; after "to", "I", "you" or
// "we", "book" is the verb ("how do I book", "before you book"), not the
// reading lists' books.
const phraseList = "near-me:nearby near-you:nearby near-us:nearby to-book:booking i-book:booking you-book:booking we-book:booking"

// phrase is an entry of phraseList.
type phrase struct {
	first, second string
	word          []byte
}

var phrases = func() (out []phrase) {
	for _, p := range pairList(phraseList) {
		a, b, _ := strings.Cut(p[0], "-")
		out = append(out, phrase{a, b, []byte(p[1])})
	}
	return out
}()

// phraseStarts has, for each letter that a word of a phrase starts with,
// bit n-1 set for each length n of such a word: a short word whose first
// letter and length are not there, after a word that starts no phrase,
// is no part of one, and that is what most short words are ("the", "and",
// "in"). One look-up in the scanner's hottest loop, where comparing the
// word itself with every word of a phrase cost 4% of indexing a page.
var phraseStarts = func() (out [256]uint8) {
	for _, p := range phrases {
		for _, w := range []string{p.first, p.second} {
			if len(w) > 8 {
				panic("phraseList: a word of a phrase is longer than 8 bytes")
			}
			out[w[0]] |= 1 << (len(w) - 1)
		}
	}
	return out
}()

// maxPhraseWord is the length of the longest word of a phrase: a longer
// word starts none and ends none.
var maxPhraseWord = func() (n int) {
	for _, p := range phrases {
		n = max(n, len(p.first), len(p.second))
	}
	return n
}()

// isWordRune reports whether c, a folded code point, is a letter or a
// digit of a word: the modifier letter apostrophe ʼ is a letter to
// Unicode, but an apostrophe to a reader.
func isWordRune(c rune) bool {
	return (unicode.IsLetter(c) || unicode.IsNumber(c)) && c != '\u02bc'
}

// wordPart keeps the letters and digits of a folded code point.
func wordPart(f string) string {
	if f == "" {
		return ""
	}
	var b strings.Builder
	for _, r := range f {
		if isWordRune(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// isApostrophe reports whether r is an apostrophe, or one when folded
// (the full-width ＇).
func isApostrophe(r rune) bool {
	return r == '\'' || r == '\u2018' || r == '\u2019' || r == '\u02bc' || r == '\uff07'
}

// isHyphen reports whether r is a hyphen, or one when folded (the
// full-width －).
func isHyphen(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2011' || r == '\uff0d' }

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
	var s wordScanner
	var k tokenSink
	s.scan(text, &k)
	return k.out
}

// tokenSink collects the tokens of Tokens.
type tokenSink struct{ out []Token }

func (k *tokenSink) word(w []byte, compound bool) {
	if t := term(string(w), Stem); t != "" {
		k.out = append(k.out, Token{Term: t, Compound: compound})
	}
}

func (k *tokenSink) ascii(text string, i, j int) {
	w := []byte(text[i:j])
	for n, c := range w {
		w[n] = asciiWord[c]
	}
	k.word(w, false)
}

// asciiWord is the fold of each ASCII letter and digit; 0 for the other
// ASCII characters, none of which is a word character, and for the bytes
// beyond ASCII, which the scanner decodes.
var asciiWord = func() (t [256]byte) {
	for c := byte('0'); c <= '9'; c++ {
		t[c] = c
	}
	for c := byte('a'); c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = c, c
	}
	return t
}()

// appendFold appends the letters and digits of the fold of r, a code
// point beyond ASCII that is not a mark, and reports whether there were
// any: whether r is a word character.
func appendFold(buf []byte, r rune) ([]byte, bool) {
	if f, ok := fold.Table(r); ok {
		l := len(buf)
		for _, c := range f {
			if isWordRune(c) {
				buf = utf8.AppendRune(buf, c)
			}
		}
		return buf, len(buf) > l
	}
	if lr := unicode.ToLower(r); isWordRune(lr) {
		return utf8.AppendRune(buf, lr), true
	}
	return buf, false
}

// wordAt reports whether the first code point at or after text[i] that
// does not fold to nothing is a word character.
func wordAt(text string, i int) bool {
	for i < len(text) {
		if c := text[i]; c < utf8.RuneSelf {
			return asciiWord[c] != 0
		}
		r, n := utf8.DecodeRuneInString(text[i:])
		if fold.Ignored(r) {
			i += n
			continue
		}
		var buf [8]byte
		_, ok := appendFold(buf[:0], r)
		return ok
	}
	return false
}

// wordScanner splits text into words and hands each word's folded parts
// and compound to a function, reusing its buffers from one text to the
// next: ASCII letters and digits take a table lookup, and nothing is
// allocated per word.
type wordScanner struct {
	word  []byte // the folded parts of the current word, one after another
	ends  []int  // where each finished part of word ends
	clean []byte // the parts without apostrophes
	cends []int
	// after is 1 + the index in phrases of the first phrase whose first
	// word the last word was (a word of one part), 0 when it was none.
	after int
}

// phraseWord returns the word that w, a folded word of one part, makes
// with the word before it, or nil, and notes whether w may start a
// phrase. Most words are longer than any word of a phrase: that is one
// comparison.
func (s *wordScanner) phraseWord(w []byte) []byte {
	after := s.after
	s.after = 0
	if len(w) > maxPhraseWord {
		return nil
	}
	if after > 0 {
		first := phrases[after-1].first
		for _, p := range phrases {
			if p.first == first && p.second == string(w) {
				return p.word
			}
		}
	}
	for i, p := range phrases {
		if p.first == string(w) {
			s.after = i + 1
			break
		}
	}
	return nil
}

// plain hands k a word of one part, folded, or the word of the phrase it
// ends.
func (s *wordScanner) plain(w []byte, k wordSink) {
	if p := s.phraseWord(w); p != nil {
		w = p
	}
	k.word(w, false)
}

// A wordSink takes the words of a text from a wordScanner, in order.
type wordSink interface {
	// word takes a folded word without apostrophes or hyphens, or after
	// the parts of a hyphenated word their concatenation (compound). It
	// must not keep w.
	word(w []byte, compound bool)
	// ascii takes a plain word that is all ASCII letters and digits,
	// text[i:j], not yet folded, of at most maxASCII bytes: most of the
	// words of English text, which a sink can then handle without copying.
	ascii(text string, i, j int)
}

// maxASCII is the longest word a wordScanner hands to wordSink.ascii.
const maxASCII = 16

// scan hands each term-to-be of text to k, in order.
func (s *wordScanner) scan(text string, k wordSink) {
	s.word, s.ends = s.word[:0], s.ends[:0]
	s.after = 0
	start := 0 // where the current part starts in s.word
	for i := 0; i < len(text); {
		c := text[i]
		r, n := rune(c), 1
		if len(s.word) == 0 && c < utf8.RuneSelf {
			// Between words, where most English text is ASCII: skip a
			// separator, or take a whole ASCII word at once when the
			// character after it cannot continue it. Anything else goes
			// the code point by code point way below.
			if asciiWord[c] == 0 {
				i++
				continue
			}
			j := i + 1
			for j < len(text) && asciiWord[text[j]] != 0 {
				j++
			}
			if j == len(text) || text[j] < utf8.RuneSelf && text[j] != '\'' && text[j] != '-' {
				if j-i <= maxPhraseWord && (s.after > 0 || phraseStarts[asciiWord[text[i]]]&(1<<(j-i-1)) != 0) {
					// A short word may end or start a phrase.
					var b [maxASCII]byte
					w := b[:j-i]
					for x := range w {
						w[x] = asciiWord[text[i+x]]
					}
					if p := s.phraseWord(w); p != nil {
						k.word(p, false)
						i = j
						continue
					}
				} else {
					s.after = 0 // it ends none, and starts none
				}
				if j-i <= maxASCII {
					k.ascii(text, i, j)
				} else {
					w := append(s.word, text[i:j]...)
					for x, c := range w {
						w[x] = asciiWord[c]
					}
					k.word(w, false)
					s.word = w[:0]
				}
				i = j
				continue
			}
		}
		if c < utf8.RuneSelf {
			if f := asciiWord[c]; f != 0 {
				s.word = append(s.word, f)
				i++
				continue
			}
		} else {
			r, n = utf8.DecodeRuneInString(text[i:])
			if fold.Ignored(r) {
				i += n
				continue
			}
			var ok bool
			if s.word, ok = appendFold(s.word, r); ok {
				i += n
				continue
			}
		}
		inPart := len(s.word) > start
		switch {
		case inPart && isApostrophe(r) && wordAt(text, i+n):
			s.word = append(s.word, '\'')
		case inPart && isHyphen(r) && wordAt(text, i+n):
			s.ends = append(s.ends, len(s.word))
			start = len(s.word)
		default:
			s.endWord(start, k)
			start = 0
		}
		i += n
	}
	s.endWord(start, k)
}

// endWord emits the terms of the word in s.word, whose last part starts
// at start, and empties it.
func (s *wordScanner) endWord(start int, k wordSink) {
	if len(s.word) > start {
		s.ends = append(s.ends, len(s.word))
	}
	defer func() { s.word, s.ends = s.word[:0], s.ends[:0] }()
	switch {
	case len(s.ends) == 0:
		return
	case len(s.ends) == 1 && bytes.IndexByte(s.word, '\'') < 0:
		// The common case: a plain word.
		s.plain(s.word, k)
		return
	}
	s.clean, s.cends = s.clean[:0], s.cends[:0]
	from := 0
	for _, e := range s.ends {
		p := s.word[from:e]
		from = e
		if n := len(p); n >= 2 && p[n-2] == '\'' && p[n-1] == 's' {
			p = p[:n-2]
		}
		l := len(s.clean)
		for _, c := range p {
			if c != '\'' {
				s.clean = append(s.clean, c)
			}
		}
		if len(s.clean) > l {
			s.cends = append(s.cends, len(s.clean))
		}
	}
	if len(s.cends) == 1 {
		s.plain(s.clean, k)
		return
	}
	s.after = 0
	from = 0
	for _, e := range s.cends {
		k.word(s.clean[from:e], false)
		from = e
	}
	if len(s.cends) > 1 {
		k.word(s.clean, true)
	}
}

// term turns a folded word into an index term: "" for a stop word, the
// word itself when it holds anything but the letters a–z, else the stem
// of its spelling (Spell).
func term(w string, stem func(string) string) string {
	if stopWords[w] {
		return ""
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return w
		}
	}
	return stem(Spell(w))
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
