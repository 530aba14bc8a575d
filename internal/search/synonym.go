package search

import (
	_ "embed"
	"fmt"
	"strings"
	"unicode/utf8"
)

// synonymFile is the curated table of synonyms (see Synonyms in the
// package doc), named in its errors as SynonymPath.
//
//go:embed synonyms.txt
var synonymFile string

// SynonymPath is the table's path in the repository.
const SynonymPath = "internal/search/synonyms.txt"

// Synonyms maps a term of the text to the terms of the words a visitor
// types for it: a document with the key also gets each of its values.
type Synonyms map[string][]string

// siteSynonyms is the parsed table; a test checks that it parses.
var siteSynonyms, siteSynonymsErr = ParseSynonyms(SynonymPath, synonymFile)

// ParseSynonyms reads a table of synonyms: lines of "typed words: text
// words", with # comments. Errors are file:line:col: message, one per
// problem.
func ParseSynonyms(file, src string) (Synonyms, error) {
	syn := Synonyms{}
	var errs []string
	fail := func(line, col int, format string, args ...any) {
		errs = append(errs, fmt.Sprintf("%s:%d:%d: %s", file, line, col, fmt.Sprintf(format, args...)))
	}
	for n, line := range strings.Split(src, "\n") {
		n++
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		colon := strings.IndexByte(line, ':')
		if colon < 0 {
			fail(n, 1, "a synonym line needs a colon between the words visitors type and the words of the text, as in \"kids: children\"")
			continue
		}
		// word reads the words of line[from:to] as terms, each once.
		words := func(from, to int, side string) []string {
			var out []string
			rest := line[from:to]
			at := from
			for _, w := range strings.Fields(rest) {
				i := strings.Index(line[at:], w) + at
				at = i + len(w)
				col := utf8.RuneCountInString(line[:i]) + 1
				toks := Tokens(w)
				switch {
				case len(toks) == 0:
					fail(n, col, "%q is a word the search ignores (a small word or punctuation); leave it out", w)
					continue
				case len(toks) > 1:
					fail(n, col, "%q is more than one word to the search; write single words, each on its own", w)
					continue
				}
				t := toks[0].Term
				if !contains(out, t) {
					out = append(out, t)
				}
			}
			if len(out) == 0 && len(strings.Fields(rest)) == 0 {
				fail(n, utf8.RuneCountInString(line[:from])+1, "no words %s the colon; write the words visitors type, a colon, then the words of the text", side)
			}
			return out
		}
		typed := words(0, colon, "before")
		text := words(colon+1, len(line), "after")
		for _, q := range typed {
			for _, t := range text {
				if q == t {
					fail(n, 1, "a word before the colon and one after it are the same word to the search (%q); leave one out", q)
					continue
				}
				if !contains(syn[t], q) {
					syn[t] = append(syn[t], q)
				}
			}
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(errs, "\n"))
	}
	return syn, nil
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}
