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
// parses the text up to the end of each line from there on until it fails
// with the very same error: that line holds the mistake. Then it parses
// that line one character further at a time until the error appears: the
// character reached is the one the parser stopped at. Where the parser
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
	// start is the offset of line `line`, end the offset just after it.
	start, end := 0, 0
	for line = 1; ; line++ {
		if end = bytes.IndexByte(src[start:], '\n'); end < 0 {
			end = len(src)
		} else {
			end += start + 1
		}
		if (line >= from || end == len(src)) && fails(end) {
			break
		}
		if end == len(src) {
			return 0, 0, false
		}
		start = end
	}
	text := strings.TrimRight(string(src[start:end]), "\r\n")
	at := -1 // byte of text at which the error appears
	for i := range len(text) {
		if fails(start + i + 1) {
			at = i
			break
		}
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
