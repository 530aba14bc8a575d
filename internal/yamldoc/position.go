package yamldoc

import (
	"bytes"
	"strings"

	"go.yaml.in/yaml/v3"
)

// errorAt finds where in src the parser gave up with err, as a 1-based line
// and column of src.
//
// The parser's own line is not that place. For most mistakes it names the
// line on which the enclosing mapping or list starts, counted from 0, so a
// wrong line 5 in a file is reported as line 4, or as a line far above it;
// an alias of an anchor that does not exist comes with no line at all; and
// no message has a column. The line it names is never after the place it
// stopped at, though (unless that is the end of the text, past its last
// line break), and the parser stops at the first mistake. So errorAt
// finds the first line, from there on, where the text up to its end fails
// with the very same error: that line holds the mistake. Then it finds the
// first character of that line where the text up to it fails: the
// character the parser stopped at. Where the parser
// stopped at a token it did not expect (an item where a key should be, a
// second ], the *name of a missing anchor), the column is where that token
// starts.
//
// ok is false when src as a whole does not fail with err.
func errorAt(src []byte, err error, from int) (line, col int, ok bool) {
	want := err.Error()
	fails := func(n int) bool {
		var doc yaml.Node
		e := yaml.Unmarshal(src[:n], &doc)
		return e != nil && e.Error() == want
	}
	// Once past the mistake, every longer prefix of src fails with the
	// same error, and none before it does: the line, then the character,
	// is found by halving, in a number of parses that grows with the
	// logarithm of the file's length.
	var starts, ends []int // of each line, the end just after its line break
	for start := 0; ; {
		end := bytes.IndexByte(src[start:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += start + 1
		}
		starts, ends = append(starts, start), append(ends, end)
		if end == len(src) {
			break
		}
		start = end
	}
	last := len(ends) - 1
	if !fails(ends[last]) {
		return 0, 0, false
	}
	lo, hi := min(max(from, 1)-1, last), last
	for lo < hi {
		if mid := (lo + hi) / 2; fails(ends[mid]) {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	line = lo + 1
	start := starts[lo]
	text := strings.TrimRight(string(src[start:ends[lo]]), "\r\n")
	at := -1 // byte of text at which the error appears
	if len(text) > 0 && fails(start+len(text)) {
		lo, hi := 0, len(text)-1
		for lo < hi {
			if mid := (lo + hi) / 2; fails(start + mid + 1) {
				hi = mid
			} else {
				lo = mid + 1
			}
		}
		at = lo
	}
	switch {
	case at < 0 || strings.Contains(want, "could not find expected ':'"):
		// A key without its colon is found only where its line ends.
		at = len(text) - len(strings.TrimLeft(text, " \t"))
	case parserError(want):
		at = tokenStart(text, at)
	}
	return line, column(text, at), true
}

// parserError reports whether msg is one of the parser's errors about a
// whole token it did not expect (rather than the scanner's, about the
// character it stopped at).
func parserError(msg string) bool {
	for _, m := range []string{"did not find expected key", "did not find expected '-' indicator",
		"did not find expected node content", "did not find expected ',' or ']'", "did not find expected ',' or '}'",
		"unknown anchor", "found undefined tag handle"} {
		if strings.Contains(msg, m) {
			return true
		}
	}
	return false
}

// tokenStart returns the byte of line at which the token that byte i of
// line ends starts: a bracket or comma is a token of its own, a quoted
// text starts at its opening quote, and anything else (a word, *alias,
// &anchor, !tag) at the space or bracket before it.
func tokenStart(line string, i int) int {
	switch line[i] {
	case '[', ']', '{', '}', ',':
		return i
	case '"', '\'':
		for j := 0; j < i; j++ {
			if line[j] != line[i] || (j > 0 && !strings.ContainsRune(" \t[{,", rune(line[j-1]))) {
				continue
			}
			if e := closing(line[j:], line[i]); e >= 0 {
				if j+e == i {
					return j
				}
				j += e
			}
		}
		return i
	}
	for i > 0 && !strings.ContainsRune(" \t[]{},", rune(line[i-1])) {
		i--
	}
	return i
}
