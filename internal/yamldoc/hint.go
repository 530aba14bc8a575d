package yamldoc

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"sitegen/internal/diag"
)

// syntaxHint recognises the YAML mistakes editors make most, which the
// parser reports in its own terms and often lines away from the cause: a
// plain value with ": " in it (title: Safety: what to know, or in the
// curly quotes of a word processor, which YAML reads as letters), a quoted
// value with its own quote inside it ("He said "hi"", 'it's'), a backslash
// in double quotes that starts no escape ("C:\Users"), a quote or bracket
// that is never closed (also the quote of a key, and a quote that the
// parser takes to close at the opening quote of a later key's value), a ?
// inside a plain item of a [list] or {mapping}, a value that starts with
// @ or ` (which YAML keeps for itself) or with * or & (*New* course, which
// YAML reads as a reference to an anchor), a key without a space after its
// colon (date:2024-01-01), a line indented with a tab, a key indented
// under one whose value is on the same line (title: x, then "  date: ...")
// and a line of a block text (bio: |) indented less than its first line;
// and a control character, which YAML refuses anywhere (controlHint).
// Given the parser's message, it returns the 1-based line and column of
// the cause in src and a message that says what to write instead; ok is
// false when none of these is the cause.
func syntaxHint(src []byte, msg string) (line, col int, hint string, ok bool) {
	if strings.Contains(msg, "control characters are not allowed") {
		return controlHint(src)
	}
	lines := strings.Split(string(src), "\n")
	colon := strings.Contains(msg, "mapping values are not allowed")
	noSpace := strings.Contains(msg, "could not find expected ':'")
	deeper := colon || strings.Contains(msg, "did not find expected key")
	reserved := strings.Contains(msg, "found character that cannot start any token")
	unclosed := strings.Contains(msg, "found unexpected end of stream")
	alias := "" // the name of an alias with no anchor
	if m := unknownAnchorRe.FindStringSubmatch(msg); m != nil {
		alias = m[1]
	}
	badName := strings.Contains(msg, "did not find expected alphabetic or numeric character")
	flowItem := strings.Contains(msg, "did not find expected ',' or")
	escape := strings.Contains(msg, "found unknown escape character") || strings.Contains(msg, "did not find expected hexdecimal number")
	block := -1 // indentation of the key of a block scalar being skipped, or -1
	// blockText is the indentation of the first line of that block's text
	// (-1 before it, -2 when the block says its indentation itself), and
	// blockName names its value: a line of the text indented less than the
	// first ends the text, and YAML reads it as the next key.
	blockText, blockName := -1, ""
	endsBlock := deeper || strings.Contains(msg, "did not find expected '-' indicator")
	// above is the last key met, and aboveCol its 0-based column when its
	// value is on the same line (-1 when not): a key indented more than
	// it below it is a mistake, as that value cannot also have keys.
	above, aboveCol := "", -1
	for i := 0; i < len(lines); i++ {
		text := strings.TrimRight(lines[i], "\r")
		body := strings.TrimLeft(text, " ")
		indent := len(text) - len(body)
		if block >= 0 {
			if body == "" {
				continue
			}
			if indent > block {
				switch {
				case blockText == -1:
					blockText = indent
				case indent < blockText && endsBlock:
					return i + 1, column(text, indent), fmt.Sprintf("this line is indented less than the first line of %s, which ends that text here; indent it by %d spaces, as that line is", blockName, blockText), true
				}
				continue
			}
			block = -1
		}
		if body == "" || body[0] == '#' {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(body); spaceLike(r) && (noSpace || deeper) {
			return i + 1, column(text, indent), fmt.Sprintf("this line is indented with %s (U+%04X), which YAML does not read as a space; indent it with plain spaces", unseen(r), r), true
		}
		if body[0] == '\t' {
			return i + 1, column(text, indent), "this line is indented with a tab, which YAML does not allow; indent it with spaces", true
		}
		key, at, item := "", indent, false
		for strings.HasPrefix(body[at-indent:], "- ") { // list items
			at += 2
			item = true
		}
		v := body[at-indent:]
		if strings.TrimSpace(v) == "" {
			continue // a list item with no value: "- "
		}
		keyAt := at // the column (0-based) of the key, or of an item's value
		if advice, ok := spaceAfterColon(v); noSpace && ok {
			return i + 1, column(text, at+strings.IndexByte(v, ':')), advice, true
		}
		if q := v[0]; unclosed && !item && (q == '"' || q == '\'') && (aboveCol < 0 || at <= aboveCol) &&
			closing(v, q) < 0 && closing(string(q)+strings.Join(lines[i+1:], "\n"), q) < 0 {
			// A quoted key (a line further in would go on with the value
			// above it) whose quote runs on to the end of the text.
			return i + 1, column(text, at), fmt.Sprintf("the %c that starts this line is never closed; add a %c where the quoted key ends, before its colon", q, q), true
		}
		if k, rest, found := strings.Cut(v, ": "); found && k != "" && !strings.ContainsAny(k[:1], "\"'[{&*!|>%@`") {
			if deeper && aboveCol >= 0 && at > aboveCol && !item {
				return i + 1, column(text, at), fmt.Sprintf("%s is indented more than %s above it, so YAML reads it as more of the value of %s; indent %s as much as %s", k, above, above, k, above), true
			}
			above, aboveCol = k, -1
			if v := strings.TrimSpace(rest); v != "" && !strings.ContainsAny(v[:1], "#|>&!") {
				aboveCol = at
			}
			key = k
			at += len(k) + 2
			v = rest
		} else if !item {
			if k, found := strings.CutSuffix(strings.TrimRight(v, " "), ":"); found && keyRe.MatchString(k) {
				above, aboveCol = k, -1 // a key whose value is on the lines below
			}
			continue // a key alone, or the next line of a plain value
		}
		trimmed := strings.TrimLeft(v, " ")
		at += len(v) - len(trimmed)
		v = strings.TrimRight(trimmed, " ")
		name := "this value"
		if key != "" {
			name = "the value of " + key
		}
		switch {
		case v == "":
		case v[0] == '|' || v[0] == '>':
			block, blockText, blockName = indent, -1, name
			if strings.ContainsAny(strings.SplitN(v, " ", 2)[0], "123456789") {
				blockText = -2
			}
		case reserved && (v[0] == '@' || v[0] == '`'):
			return i + 1, column(text, at), fmt.Sprintf("%s starts with %c, which YAML does not allow at the start of a value that is not in quotes; put the whole value in quotes: %s", name, v[0], quoted(key, v)), true
		case alias != "" && v[0] == '*' && strings.HasPrefix(v[1:]+" ", alias+" "):
			return i + 1, column(text, at), fmt.Sprintf("%s starts with *, which YAML reads as a reference to an anchor &%s, but no such anchor comes before it; if the * is part of the text, put the whole value in quotes: %s", name, alias, quoted(key, v)), true
		case badName && (v[0] == '*' || v[0] == '&') && !anchorName(v[1:]):
			what := "a reference to an anchor (*name)"
			if v[0] == '&' {
				what = "an anchor (&name), which names the value to repeat it elsewhere"
			}
			return i + 1, column(text, at), fmt.Sprintf("%s starts with %c, which YAML reads as %s; if the %c is part of the text, put the whole value in quotes: %s", name, v[0], what, v[0], quoted(key, v)), true
		case v[0] == '"' || v[0] == '\'':
			q := v[0]
			if from := v + "\n" + strings.Join(lines[i+1:], "\n"); escape && q == '"' {
				if j := unknownEscape(from); j >= 0 {
					l, c := i, at+j
					if n := strings.Count(from[:j], "\n"); n > 0 {
						l, c = i+n, j-strings.LastIndexByte(from[:j], '\n')-1
					}
					r, _ := utf8.DecodeRuneInString(from[j+1:])
					return l + 1, column(strings.TrimRight(lines[l], "\r"), c), fmt.Sprintf(`%s has \%c in it, which YAML cannot read as an escape in "double quotes"; write the backslash as \\ or put the value in 'single quotes'`, name, r), true
				}
			}
			end := closing(v, q)
			if end < 0 {
				// The value may go on over the next lines; it is a mistake
				// only if the quote never closes.
				// But when the quote that would close it opens the value of
				// a key below (a "key:" line indented no more than this
				// key lies on the way), this one was never closed.
				rest := strings.Join(lines[i+1:], "\n")
				if e := closing(string(q)+rest, q); e >= 0 && !keyLineIn(rest[:e-1], keyAt) {
					i += strings.Count(rest[:e-1], "\n")
					continue
				}
				return i + 1, column(text, at), fmt.Sprintf("the %c that starts %s is never closed; add a %c at the end of the value", q, name, q), true
			}
			after := strings.TrimLeft(v[end+1:], " ")
			if after == "" || after[0] == '#' {
				continue
			}
			if q == '"' {
				return i + 1, column(text, at+end), fmt.Sprintf(`%s is in "double quotes" and has a " inside it, which ends it early; write the inner quotes as \" or put the value in 'single quotes'`, name), true
			}
			return i + 1, column(text, at+end), fmt.Sprintf(`%s is in 'single quotes' and has a ' inside it, which ends it early; write the apostrophe as '' (it''s) or put the value in "double quotes"`, name), true
		case v[0] == '[' || v[0] == '{':
			rest := strings.Join(lines[i:], "\n")[at:]
			if e := flowEnd(rest); e >= 0 {
				if j, item := flowQuestion(rest[:e]); flowItem && j >= 0 {
					l, c := i, at+j
					if n := strings.Count(rest[:j], "\n"); n > 0 {
						l, c = i+n, j-strings.LastIndexByte(rest[:j], '\n')-1
					}
					inside := "[ and ]"
					if v[0] == '{' {
						inside = "{ and }"
					}
					return l + 1, column(strings.TrimRight(lines[l], "\r"), c), fmt.Sprintf("%s has a ? in %s, which YAML cannot read between %s unless it is in quotes; put it in quotes: %s", name, item, inside, quoted("", item)), true
				}
				i += strings.Count(rest[:e], "\n")
				continue
			}
			closer, what := "]", "list"
			if v[0] == '{' {
				closer, what = "}", "mapping"
			}
			return i + 1, column(text, at), fmt.Sprintf("the %c that starts %s is never closed; add a %s at the end of the %s", v[0], name, closer, what), true
		case colon && key != "" && !strings.ContainsAny(v[:1], "[{&*!%@`") && (strings.Contains(v, ": ") || strings.HasSuffix(v, ":")):
			if c := strings.Index(v, " #"); c < 0 || c > strings.Index(v, ":") {
				// Pasted from a word processor, the value may be in
				// curly quotes, which YAML reads as letters: quoting
				// it as it is would keep them in the value.
				if open, close, inner, ok := curlyQuoted(v); ok {
					return i + 1, column(text, at), fmt.Sprintf(`%s is in curly quotes (%s %s), which YAML reads as letters of the value, and has ": " in it, which YAML reads as a new key; type straight quotes in place of the curly ones: %s`, name, open, close, quoted(key, inner)), true
				}
				return i + 1, column(text, at+strings.Index(v, ":")), fmt.Sprintf(`%s has ": " in it, which YAML reads as a new key; put the whole value in quotes: %s`, name, quoted(key, v)), true
			}
		}
	}
	return 0, 0, "", false
}

// unknownAnchorRe matches the parser's message for an alias (*name) of an
// anchor (&name) it has not met.
var unknownAnchorRe = regexp.MustCompile(`^unknown anchor '(.*)' referenced$`)

// anchorName reports whether s starts with a name YAML accepts after the
// & of an anchor or the * of an alias: letters, digits, _ and -, up to a
// space or the end of the value.
func anchorName(s string) bool {
	n := len(s) - len(strings.TrimLeft(s, "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-"))
	return n > 0 && (n == len(s) || strings.IndexByte(" \t?:,]}%@`", s[n]) >= 0)
}

// quoted returns plain value v, without a comment after it, in double
// quotes, as YAML reads it back, after key: when key is not "".
func quoted(key, v string) string {
	if c := strings.Index(v, " #"); c >= 0 {
		v = strings.TrimRight(v[:c], " ")
	}
	v = `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(v) + `"`
	if key != "" {
		v = key + ": " + v
	}
	return v
}

// curlyQuoted reports whether v, a plain value with any comment after it,
// is all in the curly quotes a word processor types (“...”, ‘...’,
// „...“, „...”, ‚...‘, «...»), and returns the quotes and what is
// between them.
func curlyQuoted(v string) (open, close, inner string, ok bool) {
	if c := strings.Index(v, " #"); c >= 0 {
		v = strings.TrimRight(v[:c], " ")
	}
	o, n := utf8.DecodeRuneInString(v)
	l, m := utf8.DecodeLastRuneInString(v)
	if n+m > len(v) {
		return "", "", "", false
	}
	for _, pair := range []string{"“”", "‘’", "„“", "„”", "‚‘", "‚’", "«»"} {
		if []rune(pair)[0] == o && []rune(pair)[1] == l {
			return string(o), string(l), v[n : len(v)-m], true
		}
	}
	return "", "", "", false
}

// spaceAfterColon returns advice for s, a key and its value with no
// space between them (date:2024-01-01), or with a character that looks
// like a space but is not one to YAML (a no-break space), and whether s
// is one.
func spaceAfterColon(s string) (string, bool) {
	k, v, ok := strings.Cut(strings.TrimRight(s, " "), ":")
	if !ok || !keyRe.MatchString(k) || v == "" || v[0] == ' ' {
		return "", false
	}
	if r, _ := utf8.DecodeRuneInString(v); unseen(r) != "" {
		rest := strings.TrimLeftFunc(v, func(r rune) bool { return r == ' ' || unseen(r) != "" })
		return fmt.Sprintf("the space after the colon is %s (U+%04X), which YAML does not read as a space: type a plain space, %s: %s", unseen(r), r, k, rest), true
	}
	return "add a space after the colon: " + k + ": " + v, true
}

// unseen names a character that looks like a space, or like nothing, and
// that YAML reads as a character like any other: a word processor's
// no-break space, a zero-width space, a byte order mark. It returns ""
// for any other character.
func unseen(r rune) string {
	switch r {
	case '\u00a0':
		return "a no-break space"
	case '\u202f':
		return "a narrow no-break space"
	case '\u200b':
		return "a zero-width space"
	case '\u200c', '\u200d', '\u2060':
		return "an invisible joiner"
	case '\ufeff':
		return "a byte order mark"
	case '\u1680', '\u205f', '\u3000':
		return "a typographic space"
	}
	if r >= '\u2000' && r <= '\u200a' {
		return "a typographic space"
	}
	return ""
}

// spaceLike reports whether r, one of unseen's characters, looks like a
// space rather than like nothing.
func spaceLike(r rune) bool {
	return unseen(r) != "" && r != '\u200b' && r != '\u200c' && r != '\u200d' && r != '\u2060' && r != '\ufeff'
}

// column is the 1-based column, in characters as the parser counts them,
// of byte i of a line.
func column(line string, i int) int { return utf8.RuneCountInString(line[:i]) + 1 }

// closing returns the index in v of the quote q that closes the quoted
// value v starts with, or -1: in double quotes a backslash escapes the
// next character, in single quotes two apostrophes stand for one.
func closing(v string, q byte) int {
	for j := 1; j < len(v); j++ {
		switch {
		case q == '"' && v[j] == '\\':
			j++
		case v[j] == q && q == '\'' && j+1 < len(v) && v[j+1] == '\'':
			j++
		case v[j] == q:
			return j
		}
	}
	return -1
}

// unknownEscape returns the index in v, a text in double quotes, of the
// first backslash inside it that does not start one of YAML's escapes (\n,
// \t, \", \\, \x41, \u00e9 and the rest), or -1.
func unknownEscape(v string) int {
	for j := 1; j < len(v); j++ {
		switch {
		case v[j] == '"':
			return -1
		case v[j] != '\\':
		case j+1 < len(v) && strings.IndexByte("0abt\tnvfre \"/\\N_LP\r\n", v[j+1]) >= 0:
			j++
		case j+1 < len(v) && strings.IndexByte("xuU", v[j+1]) >= 0:
			// A character code of 2, 4 or 8 hexadecimal digits.
			n := map[byte]int{'x': 2, 'u': 4, 'U': 8}[v[j+1]]
			if j+2+n > len(v) || strings.Trim(v[j+2:j+2+n], "0123456789abcdefABCDEF") != "" {
				return j
			}
			j += 1 + n
		default:
			return j
		}
	}
	return -1
}

// keyLineIn reports whether text, lines that follow a line indented by
// indent spaces, has a line that starts like a key ("description:") or a
// list item ("- ") indented by indent spaces or fewer: a line that cannot
// be more of a quoted value begun above it.
func keyLineIn(text string, indent int) bool {
	for _, l := range strings.Split(text, "\n") {
		body := strings.TrimLeft(l, " ")
		if len(l)-len(body) > indent {
			continue
		}
		if strings.HasPrefix(body, "- ") {
			return true
		}
		if k, _, ok := strings.Cut(body, ":"); ok && keyRe.MatchString(k) && (len(body) == len(k)+1 || body[len(k)+1] == ' ') {
			return true
		}
	}
	return false
}

// flowQuestion returns the index in s, a flow list or mapping up to its
// closing bracket, of the first ? inside a plain item (/old?x=1), which
// YAML cannot read there, with the item; -1 when there is none. A ? that
// starts an item is YAML's own and is left alone.
func flowQuestion(s string) (int, string) {
	start := 1 // of the current item
	for j := 1; j < len(s); j++ {
		switch c := s[j]; c {
		case ',', '[', '{', ']', '}', '\n':
			start = j + 1
		case '"', '\'':
			if strings.TrimSpace(s[start:j]) != "" {
				continue // a quote inside a plain word
			}
			e := closing(s[j:], c)
			if e < 0 {
				return -1, ""
			}
			j += e
		case '?':
			if strings.TrimSpace(s[start:j]) == "" {
				continue
			}
			end := start + strings.IndexAny(s[start:], ",]}\n")
			if end < start {
				end = len(s)
			}
			return j, strings.TrimSpace(s[start:end])
		}
	}
	return -1, ""
}

// flowEnd returns the index in s of the bracket that closes the flow list
// or mapping s starts with, or -1; quoted text inside it is skipped.
func flowEnd(s string) int {
	depth := 0
	for j := 0; j < len(s); j++ {
		switch c := s[j]; c {
		case '[', '{':
			depth++
		case ']', '}':
			if depth--; depth == 0 {
				return j
			}
		case '"', '\'':
			if j > 0 && !strings.ContainsRune(" \t\n[{,", rune(s[j-1])) {
				continue // an apostrophe inside a plain word
			}
			e := closing(s[j:], c)
			if e < 0 {
				return -1
			}
			j += e
		}
	}
	return -1
}

// notYAML reports whether YAML refuses r anywhere in a file: a control
// character other than a tab, a line break and U+0085, and U+FFFE and
// U+FFFF.
func notYAML(r rune) bool {
	return (r < 0x20 && r != '\t' && r != '\n' && r != '\r') || (r >= 0x7f && r <= 0x9f && r != 0x85) || r == 0xfffe || r == 0xffff
}

// controlHint finds the first character of src that YAML refuses
// (notYAML), which no editor shows, and says what it is: a NUL, or
// another control character, such as the vertical tab (U+000B) a word processor writes for
// a line break within a paragraph.
func controlHint(src []byte) (line, col int, hint string, ok bool) {
	for i, text := range strings.Split(string(src), "\n") {
		j := strings.IndexFunc(text, notYAML)
		if j < 0 {
			continue
		}
		r, _ := utf8.DecodeRuneInString(text[j:])
		switch {
		case r == 0:
			hint = "a NUL character (U+0000)"
		case r == '\v':
			hint = "a vertical tab (U+000B), which a word processor writes for a line break within a paragraph,"
		default:
			hint = fmt.Sprintf("the control character %U", r)
		}
		fix := "delete it"
		if c1 := diag.C1(r); c1 != "" {
			fix = c1
		}
		return i + 1, column(text, j), hint + " is here, which YAML does not allow and editors do not show; " + fix, true
	}
	return 0, 0, "", false
}
