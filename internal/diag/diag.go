// Package diag is sitegen's one error vocabulary.
//
// Every problem found in a source file is a Problem with the file's path
// (relative to the site root, with forward slashes), a 1-based line and
// column, a message that says what is wrong and how to fix it, and a
// severity. Problems are collected in a List instead of returned one at a
// time, so that an editor sees every mistake in one run; the List sorts them
// by file, line and column and prints them as
//
//	content/articles/safety.md:12:7: unknown key "titel"; did you mean "title"?
//
// followed by a count. Warnings print with a "warning: " prefix after the
// position; in strict mode (CI) the caller treats them as errors.
//
// Packages wrap their own failures into a Problem once, where the position
// is known; nobody above them adds another layer of context.
package diag

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Severity says whether a problem stops the build.
type Severity uint8

const (
	Error Severity = iota
	Warning
	// Info problems are listed for the reader (for example practitioners
	// whose certification lapses soon) and never fail a build.
	Info
)

// Problem is one thing wrong with the input, at a position.
type Problem struct {
	File     string // relative to the site root, forward slashes; may be empty
	Line     int    // 1-based; 0 when unknown
	Col      int    // 1-based; 0 when unknown
	Msg      string
	Severity Severity
}

// String formats the problem as "path:line:col: message".
func (p Problem) String() string {
	var b strings.Builder
	if p.File != "" {
		b.WriteString(p.File)
		if p.Line > 0 {
			col := p.Col
			if col < 1 {
				col = 1
			}
			fmt.Fprintf(&b, ":%d:%d", p.Line, col)
		}
		b.WriteString(": ")
	}
	switch p.Severity {
	case Warning:
		b.WriteString("warning: ")
	case Info:
		b.WriteString("info: ")
	}
	b.WriteString(oneLine(p.Msg))
	return b.String()
}

// oneLine writes the control characters of s as Go escapes (\n,
// \x1b): a problem is one line, and a value quoted from a file must not
// start another (a CI log reads "::error ..." at the start of a line as
// a command) or send a terminal escape sequence.
func oneLine(s string) string {
	if !strings.ContainsFunc(s, isControl) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if isControl(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isControl(r rune) bool {
	return r != '\t' && unicode.IsControl(r) || r == '\u2028' || r == '\u2029'
}

// Error makes a Problem usable as an error.
func (p Problem) Error() string { return p.String() }

// List collects problems. It is safe for concurrent use.
type List struct {
	mu    sync.Mutex
	items []Problem
}

// Add appends problems.
func (l *List) Add(ps ...Problem) {
	l.mu.Lock()
	l.items = append(l.items, ps...)
	l.mu.Unlock()
}

// Errorf records an error at file:line:col.
func (l *List) Errorf(file string, line, col int, format string, args ...any) {
	l.Add(Problem{File: file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...)})
}

// Warnf records a warning at file:line:col.
func (l *List) Warnf(file string, line, col int, format string, args ...any) {
	l.Add(Problem{File: file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...), Severity: Warning})
}

// Infof records an informational note.
func (l *List) Infof(file string, line, col int, format string, args ...any) {
	l.Add(Problem{File: file, Line: line, Col: col, Msg: fmt.Sprintf(format, args...), Severity: Info})
}

// AddFrom adds the Problem that err is or wraps, and reports whether it
// had one. A reader that knows where the trouble is returns it as an
// error (the build's reader refuses a symbolic link that leads out of the
// site with a Problem at the link); whoever reads through it adds that
// Problem as it is, in place of a message of its own.
func (l *List) AddFrom(err error) bool {
	var p Problem
	if !errors.As(err, &p) {
		return false
	}
	l.Add(p)
	return true
}

// CheckUTF8 reports whether src, the text of file after its first
// lineOffset lines, is UTF-8. Every source file is read as UTF-8 text: when
// src is not, CheckUTF8 records an error at the line and column of its
// first byte that is not, which says to save the file as UTF-8 and, for a
// byte on its own, which character it is in Windows-1252; a file of
// UTF-16, with its byte order mark or without, is reported as such, at its
// start.
func (l *List) CheckUTF8(file string, src []byte, lineOffset int) bool {
	if utf8.Valid(src) && !utf16(src) {
		return true
	}
	if bytes.HasPrefix(src, []byte{0xff, 0xfe}) || bytes.HasPrefix(src, []byte{0xfe, 0xff}) || utf16(src) {
		l.Errorf(file, 1+lineOffset, 1, "file is UTF-16 text, not UTF-8; save it with UTF-8 encoding")
		return false
	}
	line, col, at := 1, 1, len(src)
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			at = i
			break
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		i += size
	}
	l.Errorf(file, line+lineOffset, col, "file is not UTF-8 text%s; save it with UTF-8 encoding", windows1252(src[at:]))
	return false
}

// utf16 reports whether src looks like text saved as UTF-16 without a
// byte order mark, which may pass for UTF-8: of its first characters,
// most of those of ASCII have a zero byte beside them.
func utf16(src []byte) bool {
	n := min(len(src), 64) &^ 1
	if n < 4 || bytes.IndexByte(src[:n], 0) < 0 {
		return false
	}
	ascii := 0
	for i := 0; i < n; i += 2 {
		if (src[i] == 0) != (src[i+1] == 0) {
			ascii++
		}
	}
	return ascii*4 >= n/2*3
}

// CannotRead is the message of a problem at name, a file or folder of the
// site that could not be read because of err: what went wrong, without
// the path the problem names already, and, when the system refused
// permission, the command that gives it.
func CannotRead(name string, err error) string {
	if errors.Is(err, fs.ErrPermission) {
		return fmt.Sprintf("cannot be read: the system refuses permission; let everyone read it, with chmod -R a+rX %s, or build as its owner", ShellWord(name))
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return fmt.Sprintf("cannot be read: %v", err)
}

// ShellWord is name as a shell reads it as one word, to be pasted into
// a command: as it is when it holds only letters, digits and . _ - / +,
// else in single quotes, each quote in it written as a quote escaped
// between two closed and reopened quotes.
func ShellWord(name string) string {
	if name != "" && strings.Trim(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-/+") == "" {
		return name
	}
	return "'" + strings.ReplaceAll(name, "'", `'\''`) + "'"
}

// cp1252 are the characters Windows-1252 has at bytes 0x80 to 0x9F (0
// where it has none); from 0xA0 it has those of Latin-1, U+00A0 to
// U+00FF.
var cp1252 = [32]rune{'€', 0, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0, 'Ž', 0,
	0, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0, 'ž', 'Ÿ'}

// C1 says, for r one of the control characters U+0080 to U+009F, which
// character of Windows-1252 it most likely stands for, and to retype it:
// text saved by an older Windows program and read as Latin-1 has these
// characters in place of its curly quotes, dashes and ellipses (’ is
// the byte 0x92 in Windows-1252, and 0x92 read as Latin-1 is U+0092).
// It is "" for any other r, and for the five of U+0080 to U+009F that
// Windows-1252 has no character at.
func C1(r rune) string {
	if r < 0x80 || r > 0x9f || cp1252[r-0x80] == 0 {
		return ""
	}
	c := cp1252[r-0x80]
	return fmt.Sprintf("it is most likely %c from text saved in Windows-1252 and read with the wrong encoding; retype it as %c", c, c)
}

// windows1252 says what the byte that starts bad, which is not UTF-8, is
// in Windows-1252, the encoding older Windows programs save text in: a
// byte on its own, not the start of a character cut short.
func windows1252(bad []byte) string {
	if len(bad) == 0 || bad[0] < 0x80 || (len(bad) > 1 && bad[1]&0xc0 == 0x80) {
		return ""
	}
	r := rune(bad[0])
	if r < 0xa0 {
		r = cp1252[r-0x80]
	}
	if r == 0 || r == 0xa0 || r == 0xad {
		return ""
	}
	return fmt.Sprintf(" (the byte 0x%02X here is %c in Windows-1252, which older Windows programs save)", bad[0], r)
}

// Merge adds every problem of other to l.
func (l *List) Merge(other *List) {
	if other == nil || other == l {
		return
	}
	l.Add(other.All()...)
}

// Len is the number of problems of any severity.
func (l *List) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.items)
}

// All returns the problems sorted by file, line, column and severity (in
// the order they were found where those are equal), without duplicates.
func (l *List) All() []Problem {
	l.mu.Lock()
	ps := append([]Problem(nil), l.items...)
	l.mu.Unlock()
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return a.Severity < b.Severity
	})
	seen := make(map[Problem]bool, len(ps))
	out := ps[:0]
	for _, p := range ps {
		if seen[p] {
			continue
		}
		seen[p] = true
		if n := len(out); n > 0 && p.Severity == Warning && isPlaceholderMsg(p.Msg) && samePlace(out[n-1], p) && out[n-1].Severity == Error {
			// A placeholder where a value is required: the value's error
			// ("lat must be a number, not the text "TODO"") and the
			// placeholder's warning are one mistake. It is reported once,
			// as an error, with the placeholder's advice, which says what
			// to write.
			out[n-1].Msg = p.Msg
			continue
		}
		out = append(out, p)
	}
	return out
}

func samePlace(a, b Problem) bool { return a.File == b.File && a.Line == b.Line && a.Col == b.Col }

// Count returns how many problems have the given severity.
func (l *List) Count(s Severity) int {
	n := 0
	for _, p := range l.All() {
		if p.Severity == s {
			n++
		}
	}
	return n
}

// Failed reports whether the problems fail a build: any error, or in strict
// mode any warning.
func (l *List) Failed(strict bool) bool {
	for _, p := range l.All() {
		if p.Severity == Error || (strict && p.Severity == Warning) {
			return true
		}
	}
	return false
}

// Summary is the closing line under a list of problems, such as
// "3 errors, 1 warning". In strict mode, where a warning fails the build
// as an error does, the warnings are still counted as warnings, as each
// line calls them, and the line says why they fail: "1 warning (strict:
// warnings fail too)".
func (l *List) Summary(strict bool) string {
	errs, warns := l.Count(Error), l.Count(Warning)
	var parts []string
	if errs > 0 {
		parts = append(parts, plural(errs, "error"))
	}
	if warns > 0 {
		parts = append(parts, plural(warns, "warning"))
	}
	s := strings.Join(parts, ", ")
	if strict && warns > 0 {
		s += " (strict: warnings fail too)"
	}
	return s
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// Position returns the line and the column (in characters, both from 1)
// of the byte at offset off of src, a file's text.
func Position[T ~string | ~[]byte](src T, off int) (line, col int) {
	s := string(src[:off])
	return 1 + strings.Count(s, "\n"), 1 + utf8.RuneCountInString(s[strings.LastIndexByte(s, '\n')+1:])
}

// Suggest returns the option nearest to word when it is close enough to be
// a likely typo, else the shortest option that starts with word (of three
// letters or more), or "" when there is neither. The comparison ignores
// case.
func Suggest(word string, options []string) string {
	w := strings.ToLower(word)
	n := utf8.RuneCountInString(w)
	limit := 2
	if n <= 3 {
		limit = 1
	} else if n >= 10 {
		limit = 3
	}
	best, bestD := "", limit+1
	for _, o := range options {
		// Two words whose lengths differ by more than the limit are
		// further apart than it: a site of thousands of pages is offered
		// for each broken link, and most are passed over here.
		if m := utf8.RuneCountInString(o); m < n-limit || m > n+limit {
			continue
		}
		d := distanceWithin(w, strings.ToLower(o), limit)
		if d < bestD || (d == bestD && o < best) {
			best, bestD = o, d
		}
	}
	if bestD <= limit {
		return best
	}
	// A word an option starts with is a short form of it ("Yorkshire"
	// for "Yorkshire and the Humber"): the shortest such option.
	best = ""
	if n >= 3 {
		for _, o := range options {
			lo := strings.ToLower(o)
			if strings.HasPrefix(lo, w) && (best == "" || len(o) < len(best) || len(o) == len(best) && o < best) {
				best = o
			}
		}
	}
	return best
}

// DidYouMean is Suggest phrased for the end of a message: `; did you mean
// "title"?`, or "" when there is no close option.
func DidYouMean(word string, options []string) string {
	if s := Suggest(word, options); s != "" {
		return fmt.Sprintf("; did you mean %q?", s)
	}
	return ""
}

// Distance is the Damerau-Levenshtein (optimal string alignment) distance
// between a and b, counted in runes, so a swapped pair of letters is one edit.
func Distance(a, b string) int { return distanceWithin(a, b, -1) }

// distanceWithin is distance, or any number above k once the distance is
// sure to be (k < 0: no bound): as soon as two rows in a row are all
// above k, no later row can come back under it.
func distanceWithin(a, b string, k int) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		if k >= 0 && min(slices.Min(cur), slices.Min(prev)) > k {
			return k + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
