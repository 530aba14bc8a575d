// Package yamldoc decodes YAML with source positions, for every YAML input of
// the site: site.yaml, page front matter and the directory's data files.
//
// The one YAML library of the project (go.yaml.in/yaml/v3) parses a document
// into nodes that carry their line and column. A Decoder walks those nodes
// field by field instead of unmarshalling into a struct in one go, so that
// each problem (an unknown key, a wrong type, a missing field, a value that
// fails a check) is reported at the exact position of the offending key or
// value, every problem is collected rather than only the first, and unknown
// keys come with a did-you-mean suggestion. A character pasted from a word
// processor that looks like a space or like nothing (a no-break space, a
// zero-width space, a byte order mark), which YAML reads as any other
// character, is named where it breaks a key, an indentation or the space
// after a colon.
//
// Positions are relative to the file, not the document: a Decoder has a line
// offset for YAML embedded in a larger file (front matter starts on line 2 of
// a Markdown file).
package yamldoc

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"sitegen/internal/diag"

	"go.yaml.in/yaml/v3"
)

// Node is a YAML node with its position.
type Node = yaml.Node

// Decoder reports problems about the nodes of one file.
type Decoder struct {
	File     string // path relative to the site root
	Line     int    // added to node lines: the file line before the YAML starts
	Src      []byte // the YAML text, to find columns of syntax errors
	Problems *diag.List
	// OneEach says what to do about a second document (a line "---"
	// after the first), such as "put each practitioner in a file of their
	// own"; empty, the advice is to remove the line or move what follows.
	OneEach string
	// seps are the line separators Src had, which Parse replaced by
	// their stand-ins (lineSeparators).
	seps []rune
}

// New returns a decoder for file whose YAML text starts after lineOffset
// lines of the file.
func New(file string, src []byte, lineOffset int, problems *diag.List) *Decoder {
	return &Decoder{File: file, Line: lineOffset, Src: src, Problems: problems}
}

var lineRe = regexp.MustCompile(`^yaml: (?:line (\d+): )?(.*)$`)

// Parse parses d.Src and returns the root node of its first document
// (a mapping for every input the site has). An empty document returns an
// empty mapping. Text that is not UTF-8 is reported at its first bad byte,
// a syntax error at the line and column where the parser stopped, and then
// Parse returns nil. A second document (after a line "---"), which would
// otherwise be dropped without a word, is an error at its "---". Aliases
// and merge keys are resolved (resolveAliases): the tree has none, and a
// value written once may be reached from more than one place. A value
// with a tag other than YAML's own types (`!!binary`, `!include`) is an
// error, and then Parse returns nil.
func (d *Decoder) Parse() *Node {
	if !d.Problems.CheckUTF8(d.File, d.Src, d.Line) {
		return nil
	}
	d.Src, d.seps = lineSeparators(d.Src)
	var doc yaml.Node
	if err := yaml.Unmarshal(d.Src, &doc); err != nil {
		line, msg := 0, err.Error()
		if m := lineRe.FindStringSubmatch(strings.SplitN(msg, "\n", 2)[0]); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = m[2]
		}
		te, typed := err.(*yaml.TypeError)
		if typed && len(te.Errors) > 0 {
			msg = te.Errors[0]
		}
		if !typed {
			if l, c, hint, ok := syntaxHint(d.Src, msg); ok {
				d.Problems.Errorf(d.File, l+d.Line, c, "YAML syntax error: %s", hint)
				return nil
			}
		}
		col := 0
		if !typed {
			if l, c, ok := errorAt(d.Src, err, line); ok {
				line, col = l, c
			}
		}
		if line == 0 {
			line = 1
		}
		if col == 0 {
			col = d.indentCol(line)
		}
		advice := "check the indentation and quoting on this line or the one above"
		if m := unknownAnchorRe.FindStringSubmatch(msg); m != nil {
			msg = fmt.Sprintf("*%s is a reference to an anchor &%s, but no such anchor comes before it", m[1], m[1])
			advice = "if the * is part of the text, put the whole value in quotes"
		}
		d.Problems.Errorf(d.File, line+d.Line, col, "YAML syntax error: %s; %s", msg, advice)
		return nil
	}
	// An empty document is an empty mapping, whose missing keys are
	// reported on line 1: a lone "---" puts the parser's empty value on
	// a line past the end.
	restore(&doc, d.seps)
	d.secondDocument()
	if !d.checkTags(&doc) || !d.resolveAliases(&doc) {
		return nil
	}
	if len(doc.Content) == 0 || (doc.Content[0].Kind == yaml.ScalarNode && doc.Content[0].Tag == "!!null" && doc.Content[0].Value == "") {
		return &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: 1, Column: 1}
	}
	return doc.Content[0]
}

// separators are the characters YAML reads as line breaks besides LF and
// CR, which a word processor or a PDF leaves in pasted text, each with
// the private-use character that stands in for it while the YAML is
// parsed: an editor shows nothing or a space for them, not a new line.
var separators = [...][2]rune{{'\u2028', '\ue028'}, {'\u2029', '\ue029'}, {'\u0085', '\ue085'}}

// lineSeparators returns src with each line or paragraph separator
// (U+2028, U+2029) or next-line character (U+0085) replaced by its
// stand-in, in a copy, and the stand-ins used. YAML would read each as a
// line break: a plain value would break in two (a syntax error), and
// every line after it would be counted one off from the editor's. The
// stand-ins are put back in the values after parsing (restore), so a
// title or a slug holding one is reported as it is. A separator whose
// stand-in the text holds already is left as it is.
func lineSeparators(src []byte) ([]byte, []rune) {
	var used []rune
	for _, sep := range separators {
		if bytes.ContainsRune(src, sep[0]) && !bytes.ContainsRune(src, sep[1]) {
			if used == nil {
				src = bytes.Clone(src)
			}
			src = bytes.ReplaceAll(src, []byte(string(sep[0])), []byte(string(sep[1])))
			used = append(used, sep[0])
		}
	}
	return src, used
}

// restore puts the separators lineSeparators replaced back into the
// values and keys of n and the nodes below it.
func restore(n *Node, used []rune) {
	if n == nil {
		return
	}
	for _, sep := range separators {
		if slices.Contains(used, sep[0]) && strings.ContainsRune(n.Value, sep[1]) {
			n.Value = strings.ReplaceAll(n.Value, string(sep[1]), string(sep[0]))
		}
	}
	for _, c := range n.Content {
		restore(c, used)
	}
}

// docMarkerRe matches a line that starts or ends a YAML document.
var docMarkerRe = regexp.MustCompile(`(?m)^(?:---|\.\.\.)(?:[ \t]|\r?$)`)

// secondDocument reports a second document with something in it, at the
// "---" line that starts it (or at its first line, after a "..."). The
// YAML is read a second time only when a marker line follows the first
// line, which the site's files never have.
func (d *Decoder) secondDocument() {
	if loc := docMarkerRe.FindIndex(d.Src); loc == nil || (loc[0] == 0 && docMarkerRe.FindIndex(d.Src[loc[1]:]) == nil) {
		return
	}
	dec := yaml.NewDecoder(bytes.NewReader(d.Src))
	var first, second yaml.Node
	if dec.Decode(&first) != nil {
		return
	}
	err := dec.Decode(&second)
	line := 0
	switch {
	case err == nil && len(second.Content) > 0 && !isNull(second.Content[0]):
		line = second.Content[0].Line
	case err != nil && err != io.EOF:
		line = -1 // broken, but there: report the marker
	default:
		return // nothing after the marker
	}
	// The "---" after the first document's content that starts the
	// second: the last one before its first line, or the first one when
	// the second document could not be read.
	at, after := 0, lastContentLine(&first)
	for i, ln := range strings.Split(string(d.Src), "\n") {
		n := i + 1
		if line > 0 && n > line {
			break
		}
		if n > after && strings.HasPrefix(ln, "---") && docMarkerRe.MatchString(ln) {
			at = n
			if line < 0 {
				break
			}
		}
	}
	if at == 0 {
		at = max(line, 1)
	}
	advice := cmp.Or(d.OneEach, "remove the --- line, or move what follows it to a file of its own")
	d.Problems.Errorf(d.File, at+d.Line, 1, "a second document (---) starts here, and the build reads only the first; %s", advice)
}

// lastContentLine is the last line on which n or a node inside it starts.
func lastContentLine(n *yaml.Node) int {
	l := n.Line
	for _, c := range n.Content {
		l = max(l, lastContentLine(c))
	}
	return l
}

// IndentCol is the column of the first character that is not a space or
// a tab on a line of the file (1 when the line is not in the YAML): where
// the text of a block scalar's line starts.
func (d *Decoder) IndentCol(fileLine int) int { return d.indentCol(fileLine - d.Line) }

// indentCol is IndentCol for a 1-based line of d.Src.
func (d *Decoder) indentCol(line int) int {
	if line < 1 {
		return 1
	}
	src := d.srcLine(line)
	if i := bytes.IndexByte(src, '\n'); i >= 0 {
		src = src[:i]
	}
	return len(src) - len(bytes.TrimLeft(src, " \t")) + 1
}

// BlockLines returns a block scalar's text as it is written, from its
// first line (a file line) to the end of the block, with the block's
// indentation removed. The scalar must not be empty: the block's
// indentation is that of its first line. For a folded scalar (key: >) that is the text
// before YAML joins its lines, so that a line and column in it are a line
// and column in the file.
func (d *Decoder) BlockLines(fileLine int) string {
	var b strings.Builder
	d.blockLines(fileLine-d.Line, func(_, _ int, text []byte) {
		b.Write(text)
		b.WriteByte('\n')
	})
	return string(d.written([]byte(strings.TrimRight(b.String(), "\n") + "\n")))
}

// From returns d.Src from n's line and column to the end: a plain or
// quoted scalar as written, line breaks and indentation included, then
// what follows it.
func (d *Decoder) From(n *Node) []byte {
	src := d.srcLine(n.Line)
	for col := n.Column; col > 1 && len(src) > 0 && src[0] != '\n'; col-- {
		_, size := utf8.DecodeRune(src)
		src = src[size:]
	}
	return d.written(src)
}

// written returns text of d.Src as the file has it: with the line
// separators that Parse replaced by stand-ins put back.
func (d *Decoder) written(text []byte) []byte {
	for _, sep := range separators {
		if slices.Contains(d.seps, sep[0]) && bytes.ContainsRune(text, sep[1]) {
			text = bytes.ReplaceAll(text, []byte(string(sep[1])), []byte(string(sep[0])))
		}
	}
	return text
}

// srcLine returns d.Src from the start of its line (1-based) to the end,
// or nil past the last line.
func (d *Decoder) srcLine(line int) []byte {
	src := d.Src
	for ; line > 1; line-- {
		i := bytes.IndexByte(src, '\n')
		if i < 0 {
			return nil
		}
		src = src[i+1:]
	}
	return src
}

// blockLines calls fn with each line of the block scalar whose text
// starts on line first of d.Src: the line's number in d.Src, the block's
// indentation and the line without it (empty for a blank line). The
// block's indentation is that of its first line that is not blank; the
// block ends before the first line that is not blank and is indented
// less.
func (d *Decoder) blockLines(first int, fn func(line, indent int, text []byte)) {
	src := d.srcLine(first)
	indent := -1
	for line := first; len(src) > 0; line++ {
		text := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			text, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		body := bytes.TrimLeft(text, " ")
		if len(bytes.TrimSpace(body)) == 0 {
			fn(line, max(indent, 0), nil)
			continue
		}
		at := len(text) - len(body)
		if indent < 0 {
			indent = at
		}
		if at < indent {
			return
		}
		fn(line, indent, text[indent:])
	}
}

// Pos returns the file position of n.
func (d *Decoder) Pos(n *Node) (line, col int) {
	if n == nil {
		return d.Line + 1, 1
	}
	return n.Line + d.Line, n.Column
}

// Errorf reports an error at n.
func (d *Decoder) Errorf(n *Node, format string, args ...any) {
	l, c := d.Pos(n)
	d.Problems.Errorf(d.File, l, c, format, args...)
}

// Warnf reports a warning at n.
func (d *Decoder) Warnf(n *Node, format string, args ...any) {
	l, c := d.Pos(n)
	d.Problems.Warnf(d.File, l, c, format, args...)
}

// Map is a checked YAML mapping: its known keys with their key and value
// nodes.
type Map struct {
	d     *Decoder
	Node  *Node
	what  string
	keys  map[string]*Node // key -> key node
	vals  map[string]*Node // key -> value node
	Order []string         // keys in source order
	isMap bool             // Node is a mapping (or absent)
	// suggested are the known keys a misspelt key was taken for: their
	// did-you-mean already says what is missing.
	suggested map[string]bool
}

// pastedKey explains a key as text pasted from a word processor makes
// it: in curly quotes (“title”), which YAML takes as letters, or holding a
// character that looks like a space or like nothing (see unseen), such as
// a no-break space pasted before it for indentation. It returns "" when
// the key is neither, and the known key meant, when there is one.
func pastedKey(name string, known []string) (msg, meant string) {
	if r, size := utf8.DecodeRuneInString(name); size < len(name) && strings.ContainsRune("“”‘’„‚«»", r) {
		last, lsize := utf8.DecodeLastRuneInString(name)
		if strings.ContainsRune("“”‘’„‚«»", last) {
			inner := name[size : len(name)-lsize]
			msg := fmt.Sprintf("key %q is in curly quotes, which YAML takes as part of the key; write it without them: %s", name, inner)
			if contains(known, inner) {
				return msg, inner
			}
			return msg + diag.DidYouMean(inner, known), diag.Suggest(inner, known)
		}
	}
	for i, r := range name {
		what := unseen(r)
		if what == "" {
			continue
		}
		plain := strings.Map(func(r rune) rune {
			if unseen(r) != "" {
				return -1
			}
			return r
		}, name)
		if contains(known, plain) {
			meant = plain
		}
		if i == 0 && spaceLike(r) {
			return fmt.Sprintf("key %q starts with %s (%U), which YAML takes as part of the key, not as a space; delete it, and indent the line with plain spaces if it belongs under the key above", name, what, r), meant
		}
		msg := fmt.Sprintf("key %q has %s (%U) in it, which YAML takes as part of the key; delete it", name, what, r)
		if meant == "" {
			msg += diag.DidYouMean(plain, known)
			meant = diag.Suggest(plain, known)
		}
		return msg, meant
	}
	return "", ""
}

// Suggested reports whether a key of the mapping was taken for key and
// reported with it (a misspelling, a key in curly quotes): its problem
// already says what is missing.
func (m Map) Suggested(key string) bool { return m.suggested[key] }

// Map checks that n is a mapping whose keys are all among known, reporting
// unknown keys (with the nearest known key) and duplicated keys. what names
// the mapping in messages ("front matter", "location"). When n is not a
// mapping it reports that and returns an empty Map, so callers go on and
// collect further problems.
func (d *Decoder) Map(n *Node, what string, known ...string) Map {
	m := Map{d: d, Node: n, what: what, keys: map[string]*Node{}, vals: map[string]*Node{}, isMap: true}
	if n == nil {
		return m
	}
	if n.Kind != yaml.MappingNode {
		m.isMap = false
		hint := ""
		if advice, ok := spaceAfterColon(strings.SplitN(n.Value, "\n", 2)[0]); ok && n.Kind == yaml.ScalarNode && n.Style == 0 {
			hint = "; " + advice
		}
		d.Errorf(n, "%s must be a mapping of keys to values, not %s%s", what, describe(n), hint)
		return m
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		name := k.Value
		if k.Kind != yaml.ScalarNode {
			written := strings.TrimSpace(strings.SplitN(string(d.From(k)), "\n", 2)[0])
			if k.Style&yaml.FlowStyle != 0 {
				// The key as written, up to its colon.
				if i := strings.LastIndexAny(written, "]}"); i >= 0 {
					written = written[:i+1]
				}
			}
			kind, marks := "a list", "brackets"
			if k.Kind == yaml.MappingNode {
				kind, marks = "a mapping", "braces"
			}
			example := "name"
			if len(known) > 0 {
				example = known[0]
			}
			fix := "write the key without " + marks
			if k.Style&yaml.FlowStyle == 0 {
				// A block list or mapping can only be a key after a ?
				// (`? - a`, then `: value`): there are no brackets or
				// braces to drop, so say what to write instead.
				written = "? " + written
				fix = "write " + example + ": value on one line, without the ?"
			}
			d.Errorf(k, "a key of %s is %s (%s); keys are plain words, such as %s: %s", what, kind, written, example, fix)
			continue
		}
		if known != nil && !contains(known, name) {
			s := diag.Suggest(name, known)
			if msg, meant := pastedKey(name, known); msg != "" {
				d.Errorf(k, "%s", msg)
				s = meant
			} else {
				d.Errorf(k, "unknown key %q in %s%s", name, what, diag.DidYouMean(name, known))
			}
			if s != "" {
				if m.suggested == nil {
					m.suggested = map[string]bool{}
				}
				m.suggested[s] = true
			}
			continue
		}
		if prev, dup := m.keys[name]; dup {
			pl, _ := d.Pos(prev)
			d.Errorf(k, "key %q appears twice in %s (first on line %d); keep one", name, what, pl)
			continue
		}
		m.keys[name] = k
		m.vals[name] = v
		m.Order = append(m.Order, name)
	}
	return m
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Decoder returns the decoder the map reports to.
func (m Map) Decoder() *Decoder { return m.d }

// IsMapping reports whether the node was a mapping (or absent): when it
// was not, Map has reported that, and a missing key says nothing more.
func (m Map) IsMapping() bool { return m.isMap }

// keyRe matches a key as editors write them.
var keyRe = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_-]*$`)

// Has reports whether key is present.
func (m Map) Has(key string) bool { _, ok := m.vals[key]; return ok }

// Value returns the value node of key, or nil.
func (m Map) Value(key string) *Node { return m.vals[key] }

// Key returns the key node of key, or nil.
func (m Map) Key(key string) *Node { return m.keys[key] }

// Line returns the file line of key's value (of the mapping when absent).
func (m Map) Line(key string) int {
	if v := m.vals[key]; v != nil {
		l, _ := m.d.Pos(v)
		return l
	}
	l, _ := m.d.Pos(m.Node)
	return l
}

// Require reports each of keys that is missing (at the mapping) or empty
// (at its value).
func (m Map) Require(keys ...string) bool {
	ok := true
	for _, k := range keys {
		v, present := m.vals[k]
		if !present || isNull(v) || (v.Kind == yaml.ScalarNode && strings.TrimSpace(v.Value) == "" && v.Tag == "!!str") {
			switch {
			case !present && m.suggested[k]:
				// A misspelt key ("titel") was reported as that,
				// with k as the key meant: one mistake, one problem.
			case present:
				// The key is there: what is missing is its value.
				m.d.Errorf(v, "%s is empty; write it after the colon: `%s: ...`", k, k)
			default:
				m.d.Errorf(m.Node, "%s is missing required key %q; add `%s: ...`", m.what, k, k)
			}
			ok = false
		}
	}
	return ok
}

// Need reports key when it is missing or has no value, saying what to
// write: a value the site would otherwise have to invent, such as whether a
// practitioner takes new clients, which the editor must state. A missing
// key is reported at the mapping ("practitioner is missing required key
// "home_visits"; add home_visits: true or false"), an empty one at its
// key. Nothing is reported when the node is not a mapping (Map has said
// so).
func (m Map) Need(key, write string) bool {
	if !m.isMap {
		return false
	}
	v, present := m.vals[key]
	switch {
	case !present && m.suggested[key]:
		return false // the misspelt key's did-you-mean names it
	case !present:
		m.d.Errorf(m.Node, "%s is missing required key %q; add %s: %s", m.what, key, key, write)
		return false
	case isNull(v) || (v.Kind == yaml.ScalarNode && v.Tag == "!!str" && strings.TrimSpace(v.Value) == ""):
		m.d.Errorf(m.keys[key], "%s has no value; write %s: %s", key, key, write)
		return false
	}
	return true
}

// Errorf reports an error at key's value (or at the mapping when absent).
func (m Map) Errorf(key string, format string, args ...any) {
	at := m.vals[key]
	if at == nil {
		at = m.Node
	}
	m.d.Errorf(at, format, args...)
}

// Warnf reports a warning at key's value (or at the mapping when absent).
func (m Map) Warnf(key string, format string, args ...any) {
	at := m.vals[key]
	if at == nil {
		at = m.Node
	}
	m.d.Warnf(at, format, args...)
}

func isNull(n *Node) bool {
	return n == nil || (n.Kind == yaml.ScalarNode && n.Tag == "!!null")
}

func describe(n *Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!int", "!!float":
			return "a number (" + n.Value + ")"
		case "!!bool":
			return "true/false"
		case "!!null":
			return "empty"
		case "!!timestamp":
			return "a date"
		}
		return fmt.Sprintf("the text %q", n.Value)
	}
	return "an unexpected value"
}

// scalar returns key's scalar node, reporting a non-scalar. Absent or null
// keys return nil without a report.
func (m Map) scalar(key, want string) *Node {
	v, ok := m.vals[key]
	if !ok || isNull(v) {
		return nil
	}
	if v.Kind != yaml.ScalarNode {
		m.d.Errorf(v, "%s must be %s, not %s", key, want, describe(v))
		return nil
	}
	return v
}

// Str stores key's value as text (any scalar: `title: 1984` is the text
// "1984"). It reports whether a value was stored.
func (m Map) Str(key string, dst *string) bool {
	v := m.scalar(key, "text")
	if v == nil {
		return false
	}
	*dst = v.Value
	return true
}

// OneLine stores key's value as text that belongs on one line, such as a
// name or a town. White space around it is dropped (a block scalar ends in
// a line break); a line break or other control character inside it is
// reported, as it would break the one-line formats the value is written
// to.
func (m Map) OneLine(key string, dst *string) bool {
	return m.text(key, dst, func(r rune) bool {
		return unicode.IsControl(r) || r == '\u2028' || r == '\u2029'
	}, func(r rune) string {
		if c1 := diag.C1(r); c1 != "" {
			return fmt.Sprintf("%s has the control character %U, which browsers do not show and HTML does not allow; %s", key, r, c1)
		}
		what := "a line break"
		if r != '\n' && r != '\r' && r != '\u2028' && r != '\u2029' {
			what = fmt.Sprintf("the control character %U", r)
		}
		return fmt.Sprintf("%s must be on one line, but it has %s; remove it", key, what)
	})
}

// Text stores key's value as text that may run over several lines, such
// as a description. White space around it is dropped; a control
// character other than a tab or a line break is reported, as browsers
// show nothing for it and HTML does not allow it.
func (m Map) Text(key string, dst *string) bool {
	return m.text(key, dst, func(r rune) bool {
		return unicode.IsControl(r) && r != '\n' && r != '\r' && r != '\t'
	}, func(r rune) string {
		fix := "remove it"
		if c1 := diag.C1(r); c1 != "" {
			fix = c1
		}
		return fmt.Sprintf("%s has the control character %U, which browsers do not show and HTML does not allow; %s", key, r, fix)
	})
}

// text stores key's value, white space around it dropped, unless it has
// a character bad says does not belong: then it reports why and stores
// nothing.
func (m Map) text(key string, dst *string, bad func(rune) bool, why func(rune) string) bool {
	v := m.scalar(key, "text")
	if v == nil {
		return false
	}
	s := strings.TrimSpace(v.Value)
	if i := strings.IndexFunc(s, bad); i >= 0 {
		r, _ := utf8.DecodeRuneInString(s[i:])
		m.d.Errorf(v, "%s", why(r))
		return false
	}
	*dst = s
	return true
}

// Int stores key's whole-number value.
func (m Map) Int(key string, dst *int) bool {
	v := m.scalar(key, "a whole number")
	if v == nil {
		return false
	}
	n, err := strconv.Atoi(strings.ReplaceAll(v.Value, "_", ""))
	if err != nil || v.ShortTag() != "!!int" {
		if why := asText(v); why != "" && err == nil {
			m.d.Errorf(v, "%s must be a whole number, but %s make it text; write it without them: %s: %d", key, why, key, n)
		} else if f, ferr := strconv.ParseFloat(v.Value, 64); ferr == nil && v.ShortTag() == "!!float" && f == math.Trunc(f) && math.Abs(f) < 1e15 {
			without := "without a decimal point"
			switch exp := strings.ContainsAny(v.Value, "eE"); {
			case exp && strings.Contains(v.Value, "."):
				without = "in digits without a decimal point or an exponent"
			case exp:
				without = "in digits without an exponent"
			}
			m.d.Errorf(v, "%s must be a whole number, written %s: %s: %d", key, without, key, int64(f))
		} else if errors.Is(err, strconv.ErrRange) && v.ShortTag() != "!!str" {
			how := "too large"
			if strings.HasPrefix(v.Value, "-") {
				how = "too far below zero"
			}
			m.d.Errorf(v, "%s is %s, a number %s to be right; check it", key, v.Value, how)
		} else if d, ok := notDecimal(v); ok {
			m.d.Errorf(v, "%s must be a whole number written in decimal, such as %d", key, d)
		} else {
			m.d.Errorf(v, "%s must be a whole number, not %s", key, describe(v))
		}
		return false
	}
	*dst = n
	return true
}

// asText says what makes scalar n text when YAML would otherwise read its
// value as something else, such as a number: "the quotes" of `"2012"`,
// or "the tag !!str" of `!!str 2012`; "" when neither does.
func asText(n *Node) string {
	switch {
	case n.ShortTag() != "!!str":
		return ""
	case n.Style&yaml.TaggedStyle != 0:
		return "the tag !!str and any quotes"
	case n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0:
		return "the quotes"
	}
	return ""
}

// notDecimal returns the value of n when YAML reads it as a whole number
// written in another base (0x10, 0o20, 0b10000), which the site's numbers
// are not meant to be: it asks for the number in decimal instead.
func notDecimal(n *Node) (int64, bool) {
	if n.ShortTag() != "!!int" {
		return 0, false
	}
	d, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64)
	return d, err == nil
}

// hexFloat reports whether s is a number in hexadecimal with an
// exponent (0x1p-2), which strconv.ParseFloat reads but YAML does not.
func hexFloat(s string) bool {
	s = strings.TrimLeft(s, "+-")
	return len(s) > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')
}

// decimal writes f as YAML reads a number: in digits with a decimal
// point where it needs one, with an exponent only when it is very large
// or very small.
func decimal(f float64) string {
	if a := math.Abs(f); a != 0 && (a < 1e-6 || a >= 1e15) {
		return strconv.FormatFloat(f, 'g', -1, 64)
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// Float stores key's numeric value.
func (m Map) Float(key string, dst *float64) bool {
	v := m.scalar(key, "a number")
	if v == nil {
		return false
	}
	f, err := strconv.ParseFloat(v.Value, 64)
	if err != nil || (v.ShortTag() != "!!int" && v.ShortTag() != "!!float") || math.IsNaN(f) || math.IsInf(f, 0) {
		if err == nil && hexFloat(v.Value) && !math.IsInf(f, 0) {
			// Go reads 0x1p-2, but YAML does not, quoted or not: the
			// number in decimal is what to write.
			m.d.Errorf(v, "%s must be a number written in decimal, such as %s: %s", key, key, decimal(f))
		} else if why := asText(v); why != "" && err == nil && !math.IsNaN(f) && !math.IsInf(f, 0) {
			m.d.Errorf(v, "%s must be a number, but %s make it text; write it without them: %s: %s", key, why, key, v.Value)
		} else if d, ok := notDecimal(v); ok {
			m.d.Errorf(v, "%s must be a number written in decimal, such as %d", key, d)
		} else {
			m.d.Errorf(v, "%s must be a number, not %s", key, describe(v))
		}
		return false
	}
	*dst = f
	return true
}

// Bool stores key's true/false value.
func (m Map) Bool(key string, dst *bool) bool {
	v := m.scalar(key, "true or false")
	if v == nil {
		return false
	}
	switch strings.ToLower(v.Value) {
	case "true", "yes", "on":
		*dst = true
	case "false", "no", "off":
		*dst = false
	default:
		m.d.Errorf(v, "%s must be true or false, not %s", key, describe(v))
		return false
	}
	return true
}

// Date layouts accepted for dates, most specific first.
var dateLayouts = []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02"}

// ParseDate parses the date forms editors write: 2024-03-01,
// 2024-03-01T10:00:00Z and 2024-03-01 10:00. A date without a zone is UTC.
// A time's zone may follow it after a space, as YAML 1.1 allows and some
// tools write it: 2024-03-01 10:00 +02:00, or +0200, or +2.
func ParseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, true
		}
	}
	if m := zoneRe.FindStringSubmatch(s); m != nil {
		if t, err := time.Parse(time.RFC3339Nano, m[1]+"T"+clock(m[2])+offset(m[3])); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// clock writes a time of zoneRe (9:00, 10:00:30.5) as RFC 3339 does:
// two digits for the hour, and seconds.
func clock(s string) string {
	if s[1] == ':' {
		s = "0" + s
	}
	if len(s) == len("15:04") {
		s += ":00"
	}
	return s
}

// offset writes a zone of zoneRe (Z, +2, +0200, +02:00) as RFC 3339
// does: Z, or +02:00.
func offset(z string) string {
	if z == "Z" {
		return z
	}
	sign, hm := z[:1], strings.ReplaceAll(z[1:], ":", "")
	if len(hm) == 1 || len(hm) == 3 {
		hm = "0" + hm
	}
	if len(hm) == 2 {
		hm += "00"
	}
	return sign + hm[:2] + ":" + hm[2:]
}

// Date stores key's date value.
func (m Map) Date(key string, dst *time.Time) bool {
	v := m.scalar(key, "a date")
	if v == nil {
		return false
	}
	t, ok := ParseDate(v.Value)
	if !ok {
		m.d.Errorf(v, "%s", notDate(key, v.Value))
		return false
	}
	*dst = t
	return true
}

var (
	// shortDateRe is a date with a one-digit month or day: 2026-2-3.
	shortDateRe = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})$`)
	// dayFirstRe is a date written day first, as in Britain: 19/02/2027.
	dayFirstRe = regexp.MustCompile(`^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$`)
	// zoneRe is a date and time with its zone, after a space or not:
	// YAML's "2026-02-03 10:00:00 +02:00".
	zoneRe = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?) *([+-]\d{1,2}(?::?\d{2})?|Z)$`)
	// namedZoneRe is a date and time with a zone's name or abbreviation
	// after it: "2026-02-03 10:00 BST", "10:00 Europe/London".
	namedZoneRe = regexp.MustCompile(`^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?) +[A-Za-z][A-Za-z_/+-]*$`)
)

// notDate is the problem with key's value s, which is not a date
// (ParseDate): what is wrong with it, when it is close to one, and how to
// write it.
func notDate(key, s string) string {
	s = strings.TrimSpace(s)
	write := fmt.Sprintf("write it as YYYY-MM-DD, for example %s: 2024-03-01", key)
	if m := shortDateRe.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		dd, _ := strconv.Atoi(m[3])
		if mo < 1 || mo > 12 {
			return fmt.Sprintf("%s: %q is not a date: there is no month %d; %s", key, s, mo, write)
		}
		days := time.Date(y, time.Month(mo)+1, 0, 0, 0, 0, 0, time.UTC).Day()
		if dd < 1 || dd > days {
			return fmt.Sprintf("%s: %q is not a date: %s %d has %d days; check the day", key, s, time.Month(mo), y, days)
		}
		return fmt.Sprintf("%s: %q needs two digits for the month and the day; write %s: %04d-%02d-%02d", key, s, key, y, mo, dd)
	}
	if m := dayFirstRe.FindStringSubmatch(s); m != nil {
		dd, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		y, _ := strconv.Atoi(m[3])
		if t := time.Date(y, time.Month(mo), dd, 0, 0, 0, 0, time.UTC); mo >= 1 && mo <= 12 && t.Day() == dd {
			return fmt.Sprintf("%s: %q is not a date the site reads; dates are written year first: if you mean %d %s %d, write %s: %s", key, s, dd, time.Month(mo), y, key, t.Format("2006-01-02"))
		}
	}
	if m := zoneRe.FindStringSubmatch(s); m != nil {
		return fmt.Sprintf("%s: %q is not a date and time: check the hour, the minutes and the zone; write it as in %s: %s 09:00 +01:00", key, s, key, m[1])
	}
	if m := namedZoneRe.FindStringSubmatch(s); m != nil {
		if z := s[strings.LastIndexByte(s, ' ')+1:]; strings.EqualFold(z, "UTC") || strings.EqualFold(z, "GMT") {
			return fmt.Sprintf("%s: %q is not a date the site reads; a time without a zone is in UTC already: write %s: %s %s", key, s, key, m[1], m[2])
		}
		return fmt.Sprintf("%s: %q names its zone, and a zone's name can mean more than one zone; write its offset from UTC instead, as in %s: %s %s +01:00", key, s, key, m[1], m[2])
	}
	return fmt.Sprintf("%s: %q is not a date; %s", key, s, write)
}

// Strings stores key's list of texts. A single text is accepted as a list
// of one.
func (m Map) Strings(key string, dst *[]string) bool {
	v, ok := m.vals[key]
	if !ok || isNull(v) {
		return false
	}
	if v.Kind == yaml.ScalarNode && v.ShortTag() == "!!str" {
		if v.Style == 0 && strings.Contains(v.Value, ",") {
			// tags: safety, treatment is the one text "safety,
			// treatment": a list written without its brackets, or
			// one name with a comma that needs quotes to say so.
			var items []string
			for _, s := range strings.Split(v.Value, ",") {
				if s = strings.Join(strings.Fields(s), " "); s != "" {
					items = append(items, s)
				}
			}
			commas := "a comma"
			if strings.Count(v.Value, ",") > 1 {
				commas = "commas"
			}
			m.d.Errorf(v, "%s: %q is one item with %s in it; write a list in square brackets, %s: [%s], or put one item in quotes: %s: %q",
				key, v.Value, commas, key, strings.Join(items, ", "), key, v.Value)
			return false
		}
		*dst = []string{v.Value}
		return true
	}
	if v.Kind != yaml.SequenceNode {
		m.d.Errorf(v, "%s must be a list of text, not %s; write %s: [first, second]", key, describe(v), key)
		return false
	}
	out := make([]string, 0, len(v.Content))
	good := true
	for _, it := range v.Content {
		if it.Kind != yaml.ScalarNode || isNull(it) {
			m.d.Errorf(it, "each item of %s must be text, not %s", key, describe(it))
			good = false
			continue
		}
		out = append(out, it.Value)
	}
	*dst = out
	return good
}

// List returns the items of key's list value, reporting a non-list.
func (m Map) List(key string) []*Node {
	v, ok := m.vals[key]
	if !ok || isNull(v) {
		return nil
	}
	if v.Kind != yaml.SequenceNode {
		m.d.Errorf(v, "%s must be a list, not %s", key, describe(v))
		return nil
	}
	return v.Content
}

// Items returns the values of key's list, or of its single scalar value,
// with their nodes, so each item can be checked at its own position.
func (m Map) Items(key string) []*Node {
	v, ok := m.vals[key]
	if !ok || isNull(v) {
		return nil
	}
	if v.Kind == yaml.ScalarNode {
		return []*Node{v}
	}
	return m.List(key)
}
