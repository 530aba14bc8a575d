package search

import (
	_ "embed"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"sitegen/internal/fold"
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

// BuiltinSynonyms returns a copy of the curated table.
func BuiltinSynonyms() Synonyms { return siteSynonyms.With(nil) }

// With returns a new table with the entries of syn and then those of
// more: a term of the text has the synonyms of both, each once. Neither
// table is changed.
func (syn Synonyms) With(more Synonyms) Synonyms {
	out := make(Synonyms, len(syn)+len(more))
	for t, qs := range syn {
		out[t] = slices.Clone(qs)
	}
	for _, t := range slices.Sorted(maps.Keys(more)) {
		for _, q := range more[t] {
			if !slices.Contains(out[t], q) {
				out[t] = append(out[t], q)
			}
		}
	}
	return out
}

// Equal reports whether syn and o give every term the same synonyms in
// the same order.
func (syn Synonyms) Equal(o Synonyms) bool {
	return maps.EqualFunc(syn, o, slices.Equal)
}

// SynonymProblem is what is wrong with one side of an entry given to
// Synonyms.Add: Text tells the side (false for the words visitors type,
// true for the words of the text), Offset the byte in that side's string
// where the problem is, Msg what to write instead. Empty is set when the
// side has no words at all, which a caller words for its own form.
type SynonymProblem struct {
	Text   bool
	Offset int
	Empty  bool
	Msg    string
}

// SynonymWord is a word of one side of a synonym entry: as written, at
// byte Offset of the side, with its term. Term is "" when the word gives
// the search no term (Words is 0) or more than one (Words is their
// number).
type SynonymWord struct {
	Word   string
	Offset int
	Term   string
	Words  int
}

// SynonymWords splits one side of a synonym entry into its words, as Add
// reads them.
func SynonymWords(side string) []SynonymWord {
	var out []SynonymWord
	at := 0
	for _, w := range strings.Fields(side) {
		i := strings.Index(side[at:], w) + at
		at = i + len(w)
		toks := Tokens(w)
		sw := SynonymWord{Word: w, Offset: i, Words: len(toks)}
		if len(toks) == 1 {
			sw.Term = toks[0].Term
		}
		out = append(out, sw)
	}
	return out
}

// Add reads one entry, the words a visitor types and the words of the
// text, each side words separated by spaces, as the index reads them
// (normalised and stemmed, one term each), and adds its pairs to syn. It
// returns the problems of the entry, in order; the words without one are
// added all the same.
func (syn Synonyms) Add(typed, text string) []SynonymProblem {
	var probs []SynonymProblem
	words := func(side string, isText bool) []string {
		var out []string
		ws := SynonymWords(side)
		for i, w := range ws {
			where := "before"
			if isText {
				where = "after"
			}
			switch {
			case slices.ContainsFunc(ws[:i], func(x SynonymWord) bool { return fold.String(x.Word) == fold.String(w.Word) }):
				probs = append(probs, SynonymProblem{isText, w.Offset, false, fmt.Sprintf("%q is written twice %s the colon; leave one out", w.Word, where)})
				continue
			case w.Term == "" && w.Words == 0:
				probs = append(probs, SynonymProblem{isText, w.Offset, false, fmt.Sprintf("%q is a word the search ignores (a small word or punctuation); leave it out", w.Word)})
				continue
			case w.Term == "":
				probs = append(probs, SynonymProblem{isText, w.Offset, false, fmt.Sprintf("%q is more than one word to the search; write single words, each on its own", w.Word)})
				continue
			}
			if !slices.Contains(out, w.Term) {
				out = append(out, w.Term)
			}
		}
		if len(ws) == 0 {
			probs = append(probs, SynonymProblem{Text: isText, Empty: true})
		}
		return out
	}
	qs := words(typed, false)
	ts := words(text, true)
	for _, q := range qs {
		for _, t := range ts {
			if q == t {
				probs = append(probs, SynonymProblem{Msg: fmt.Sprintf("a word visitors type and a word of the text are the same word to the search (%q); leave one out", q)})
				continue
			}
			if !slices.Contains(syn[t], q) {
				syn[t] = append(syn[t], q)
			}
		}
	}
	return probs
}

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
		for _, p := range syn.Add(line[:colon], line[colon+1:]) {
			at, side := p.Offset, "before"
			if p.Text {
				at, side = colon+1+p.Offset, "after"
			}
			if p.Empty {
				fail(n, utf8.RuneCountInString(line[:at])+1, "no words %s the colon; write the words visitors type, a colon, then the words of the text", side)
				continue
			}
			fail(n, utf8.RuneCountInString(line[:at])+1, "%s", p.Msg)
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(errs, "\n"))
	}
	return syn, nil
}
