package yamldoc

import (
	"bytes"
	"strings"

	"sitegen/internal/diag"

	"go.yaml.in/yaml/v3"
)

// Placeholders returns a warning for each placeholder (see
// diag.IsPlaceholder) among the values under n: every scalar of every
// mapping and list, however deeply nested, whose text starts with TODO, as
// `sitegen new` leaves them ("town: TODO", `name: "TODO: practice name"`,
// "tags: [TODO]"). Each is reported at its value. In a block scalar (| or
// >, such as a bio), every line of the text that starts with TODO is one,
// reported at that line's text. Keys and comments are not values and are
// not looked at; an alias is checked where its anchor is written.
//
// The warnings are returned, not reported, so that a caller can decide
// when they count: a draft page's placeholders only when the page is built.
func (d *Decoder) Placeholders(n *Node) []diag.Problem {
	if n == nil || !bytes.Contains(d.Src, []byte(diag.PlaceholderMarker)) {
		return nil
	}
	var out []diag.Problem
	d.placeholders(n, "", map[*Node]bool{}, &out)
	return out
}

// placeholders adds the placeholders under n, the value of key ("" at the
// top), to out. A value an alias repeats is met again (seen): it is
// reported once, where it is written.
func (d *Decoder) placeholders(n *Node, key string, seen map[*Node]bool, out *[]diag.Problem) {
	if seen[n] {
		return
	}
	seen[n] = true
	switch n.Kind {
	case yaml.DocumentNode, yaml.SequenceNode:
		for _, c := range n.Content {
			d.placeholders(c, key, seen, out)
		}
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := key
			if n.Content[i].Kind == yaml.ScalarNode {
				k = n.Content[i].Value
			}
			d.placeholders(n.Content[i+1], k, seen, out)
		}
	case yaml.ScalarNode:
		if !strings.Contains(n.Value, diag.PlaceholderMarker) {
			return
		}
		if n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
			d.blockPlaceholders(n, key, out)
			return
		}
		if diag.IsPlaceholder(n.Value) {
			line, col := d.Pos(n)
			d.placeholder(line, d.valueCol(n.Line, col), n.Value, key, out)
		}
	}
}

// blockPlaceholders finds the lines of block scalar n that start with a
// placeholder, from the YAML text: the node is on the line of its | or >,
// and a folded scalar's value no longer has the lines of the text. The
// text starts on the next line that is not blank, whose indentation is the
// block's, and ends before the first line that is not blank and is
// indented less. A line indented more than the block (Markdown's code, a
// list item's continuation) is not a placeholder.
func (d *Decoder) blockPlaceholders(n *Node, key string, out *[]diag.Problem) {
	d.blockLines(n.Line+1, func(line, indent int, text []byte) {
		if len(text) > 0 && text[0] != ' ' && diag.IsPlaceholder(string(text)) {
			// Indentation is spaces only, so its bytes are its columns.
			d.placeholder(line+d.Line, indent+1, string(text), key, out)
		}
	})
}

// valueCol is the column of a scalar's text (or its opening quote) on
// line of d.Src, from the node's column, which is that of an anchor or a
// tag written before the text: "&name TODO", "!!str TODO".
func (d *Decoder) valueCol(line, col int) int {
	src := d.srcLine(line)
	if i := bytes.IndexByte(src, '\n'); i >= 0 {
		src = src[:i]
	}
	text := []rune(string(src))
	i := col - 1
	if i < 0 {
		return col
	}
	for i < len(text) && (text[i] == '&' || text[i] == '!') {
		for i < len(text) && text[i] != ' ' && text[i] != '\t' {
			i++
		}
		for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
			i++
		}
	}
	if i >= len(text) {
		return col // the text is on a later line
	}
	return i + 1
}

// placeholder adds the warning for placeholder text at a file position,
// in the value of key.
func (d *Decoder) placeholder(line, col int, text, key string, out *[]diag.Problem) {
	advice := "replace it with the text it stands for"
	if key != "" {
		what, ok := placeholderFields[key]
		if !ok {
			what = "the " + strings.ReplaceAll(key, "_", " ")
		}
		advice = "write " + what + " in its place"
	}
	*out = append(*out, diag.Problem{File: d.File, Line: line, Col: col,
		Msg: diag.Placeholder(text, advice), Severity: diag.Warning})
}

// placeholderFields names the value of a key in a message, where the key
// itself says it less clearly.
var placeholderFields = map[string]string{
	"lat":     "the latitude",
	"lon":     "the longitude",
	"phone":   "the telephone number",
	"email":   "the e-mail address",
	"authors": "the authors' names",
	"bio":     "a few sentences about the practitioner",

	"certified_since":       "the date of their first certification, as YYYY-MM-DD,",
	"certified_until":       "the date their certification ends, as YYYY-MM-DD,",
	"accepting_new_clients": "true or false",
	"home_visits":           "true or false",
	"wheelchair_access":     "true or false",

	"website":          "the web address",
	"accredited_until": "the date the accreditation ends, as YYYY-MM-DD,",
	"prerequisites":    "the entry requirements",
}
