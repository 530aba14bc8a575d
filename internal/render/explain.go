package render

import (
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"sitegen/internal/diag"
)

// Go's template errors name what went wrong in the terms of its own
// implementation ("can't evaluate field Contnet in type *site.Page",
// "bad character U+007D '}'", "unexpected EOF"); the functions here put
// the usual ones as an editor of layouts would: what is wrong, at the
// line and column of the cause, and what to write instead.

// builtins are the functions every Go template has.
var builtins = []string{"and", "call", "eq", "ge", "gt", "html", "index", "js", "le", "len", "lt", "ne", "not", "or", "print", "printf", "println", "slice", "urlquery"}

var (
	fieldRe    = regexp.MustCompile(`can't evaluate field (\w+) in type (\S+)`)
	funcRe     = regexp.MustCompile(`function "([^"]+)" not defined`)
	badCloseRe = regexp.MustCompile(`bad character U\+007D '\}'`)
)

// explainField rewrites "can't evaluate field X in type T" in msg, where T
// is a type reachable from data, as "the page has no field X; did you mean
// Y?", or with the names the type has when none is close.
func explainField(msg string, data any) string {
	m := fieldRe.FindStringSubmatchIndex(msg)
	if m == nil || data == nil {
		return msg
	}
	field, typ := msg[m[2]:m[3]], msg[m[4]:m[5]]
	t := findType(reflect.TypeOf(data), typ, map[reflect.Type]bool{})
	if t == nil {
		return msg
	}
	names := fieldNames(t)
	if len(names) == 0 {
		return msg
	}
	plain := fmt.Sprintf("%s has no field %s", typeWords(t), field)
	if s := diag.Suggest(field, names); s != "" {
		plain += "; did you mean " + s + "?"
	} else {
		plain += "; it has " + strings.Join(names, ", ")
	}
	return msg[:m[0]] + plain + msg[m[1]:]
}

// findType looks for the type named name (as reflect writes it, "*site.Page")
// among t and the types reachable from it through fields, the results of
// methods, and the elements of pointers, slices and maps.
func findType(t reflect.Type, name string, seen map[reflect.Type]bool) reflect.Type {
	if t == nil || seen[t] {
		return nil
	}
	seen[t] = true
	if t.String() == name {
		return t
	}
	var next []reflect.Type
	for i := range t.NumMethod() {
		if mt := t.Method(i).Type; mt.NumOut() > 0 {
			next = append(next, mt.Out(0))
		}
	}
	switch t.Kind() {
	case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map, reflect.Chan:
		next = append(next, t.Elem())
	case reflect.Struct:
		for _, f := range reflect.VisibleFields(t) {
			if f.IsExported() {
				next = append(next, f.Type)
			}
		}
	}
	for _, n := range next {
		if found := findType(n, name, seen); found != nil {
			return found
		}
	}
	return nil
}

// fieldNames are the names a template can write after a dot on a value of
// type t: its exported fields and methods, sorted.
func fieldNames(t reflect.Type) []string {
	var names []string
	add := func(n string) {
		if !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	st := t
	if st.Kind() == reflect.Pointer {
		st = st.Elem()
	}
	if st.Kind() == reflect.Struct {
		for _, f := range reflect.VisibleFields(st) {
			if f.IsExported() && !f.Anonymous {
				add(f.Name)
			}
		}
	}
	for _, mt := range []reflect.Type{st, reflect.PointerTo(st)} {
		for i := range mt.NumMethod() {
			add(mt.Method(i).Name)
		}
	}
	slices.Sort(names)
	return names
}

// typeWords names a type for a message: *site.Page is "the page",
// directory.ProfileData "the profile data".
func typeWords(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	name := t.Name()
	if name == "" {
		return "the value"
	}
	var b strings.Builder
	for i, r := range name {
		if i > 0 && unicode.IsUpper(r) {
			b.WriteByte(' ')
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return "the " + b.String()
}

// explainParse rewrites a problem from parsing the template src (the
// whole file) and finds its column: an action closed with a single },
// a block never ended, a function that does not exist. funcs are the
// site's own functions.
func explainParse(p diag.Problem, src string, funcs []string) diag.Problem {
	lines := strings.Split(src, "\n")
	lineText := func(n int) string {
		if n >= 1 && n <= len(lines) {
			return lines[n-1]
		}
		return ""
	}
	switch {
	case badCloseRe.MatchString(p.Msg):
		// The action on this line that ends in one } rather than two.
		text := lineText(p.Line)
		if i := singleClose(text); i >= 0 {
			p.Col = columnOf(text, i)
		}
		p.Msg = "an action {{ ... } is closed with a single }; close it with }}"
	case funcRe.MatchString(p.Msg):
		name := funcRe.FindStringSubmatch(p.Msg)[1]
		all := slices.Sorted(slices.Values(append(slices.Clone(builtins), funcs...)))
		if i := strings.Index(lineText(p.Line), name); i >= 0 {
			p.Col = columnOf(lineText(p.Line), i)
		}
		p.Msg = fmt.Sprintf("there is no function %q", name)
		if s := diag.Suggest(name, all); s != "" {
			p.Msg += "; did you mean " + s + "?"
		} else {
			p.Msg += "; the functions are " + strings.Join(all, ", ")
		}
	case strings.HasSuffix(p.Msg, "unexpected EOF"):
		// The {{end}} that the block left open was waiting for went to
		// the last block inside it, most often the one an {{end}} was
		// forgotten for.
		if open, inner := unclosedBlock(src); inner.word != "" {
			p.Line, p.Col = inner.line, inner.col
			p.Msg = fmt.Sprintf("{{%s}} has no {{end}} of its own: the {{end}} on line %d closes it, and leaves {{%s}} on line %d open; add an {{end}} where the {{%s}} block ends",
				inner.word, inner.endLine, open.word, open.line, inner.word)
		} else if open.word != "" {
			p.Line, p.Col = open.line, open.col
			p.Msg = fmt.Sprintf("{{%s}} has no {{end}}; add an {{end}} where its block ends", open.word)
		}
	}
	return p
}

func columnOf(line string, i int) int { return len([]rune(line[:i])) + 1 }

// singleClose returns the index in line of the } that closes an action
// opened with {{ on the line and not closed with }}, or -1.
func singleClose(line string) int {
	for {
		open := strings.Index(line, "{{")
		if open < 0 {
			return -1
		}
		rest := line[open+2:]
		end := strings.Index(rest, "}}")
		if one := strings.IndexByte(rest, '}'); one >= 0 && (end < 0 || one < end) {
			return open + 2 + one
		}
		if end < 0 {
			return -1
		}
		line = line[:0] + strings.Repeat(" ", open+2+end+2) + rest[end+2:]
	}
}

// block is a {{if}}, {{range}}, {{with}}, {{define}} or {{block}} of a
// template's text, and where the {{end}} that closes it is.
type block struct {
	word      string
	line, col int
	endLine   int
}

var actionRe = regexp.MustCompile(`(?s)\{\{-?\s*(/\*.*?\*/)?\s*(\w*)`)

// unclosedBlock pairs the blocks of src with their {{end}}s as Go does
// and returns the innermost block left open at the end of the text, and
// the last block inside it that an {{end}} closed (which may be the one
// that took its {{end}}), with that {{end}}'s line.
func unclosedBlock(src string) (open, closed block) {
	var stack []block
	var lastClosed []block // per depth: the last block closed at that depth
	for _, m := range actionRe.FindAllStringSubmatchIndex(src, -1) {
		if m[2] >= 0 {
			continue // a comment
		}
		word := src[m[4]:m[5]]
		line := strings.Count(src[:m[0]], "\n") + 1
		col := columnOf(src[strings.LastIndexByte(src[:m[0]], '\n')+1:], m[0]-strings.LastIndexByte(src[:m[0]], '\n')-1)
		switch word {
		case "if", "range", "with", "define", "block":
			stack = append(stack, block{word: word, line: line, col: col})
		case "end":
			if len(stack) == 0 {
				continue
			}
			b := stack[len(stack)-1]
			b.endLine = line
			stack = stack[:len(stack)-1]
			for len(lastClosed) <= len(stack) {
				lastClosed = append(lastClosed, block{})
			}
			lastClosed[len(stack)] = b
			lastClosed = lastClosed[:len(stack)+1]
		}
	}
	if len(stack) == 0 {
		return block{}, block{}
	}
	open = stack[len(stack)-1]
	if d := len(stack); d < len(lastClosed) && lastClosed[d].line > open.line {
		closed = lastClosed[d]
	}
	return open, closed
}

// runRewrites put the errors Go's templates stop at while a page is
// rendered as an editor of layouts would: what the action asked for, why
// this page cannot give it, and what to write. A rewrite leaves out the
// value a page gave (range's "can't iterate over About us"), so that the
// same mistake on many pages is one problem.
var runRewrites = []struct {
	re *regexp.Regexp
	fn func(m []string, data any) string
}{
	// The site's own functions say what is wrong themselves.
	{regexp.MustCompile(`(?s)error calling (?:asset|image): (.*)`), func(m []string, _ any) string { return m[1] }},
	{regexp.MustCompile(`error calling index: index out of range: (-?\d+)`), func(m []string, _ any) string {
		return fmt.Sprintf("{{index}} asks for item %s, and the list has fewer items on this page (items count from 0); "+
			"test its length first: {{if gt (len …) %s}}…{{end}}", m[1], m[1])
	}},
	{regexp.MustCompile(`error calling slice: index out of range: (-?\d+)`), func(m []string, _ any) string {
		return fmt.Sprintf("{{slice}} is given %s, past the end of the value on this page; test its length first: {{if ge (len …) %s}}…{{end}}", m[1], m[1])
	}},
	{regexp.MustCompile(`error calling len: len of type (\S+)`), func(m []string, _ any) string {
		return fmt.Sprintf("{{len}} counts the items of a list, a map or a text, and this value is %s; give it a list, such as .Page.Tags", kindWords(m[1]))
	}},
	{regexp.MustCompile(`error calling (eq|ne|lt|le|gt|ge): (?:incompatible|invalid) types? for comparison(?:: (\S+) and (\S+))?`), func(m []string, _ any) string {
		if m[2] == "" {
			return fmt.Sprintf("{{%s}} cannot compare values of this kind; compare numbers, texts or dates", m[1])
		}
		return fmt.Sprintf("{{%s}} compares %s with %s, which cannot be compared; compare values of one kind: a number without quotes (3), a text in quotes (\"3\")",
			m[1], kindWords(m[2]), kindWords(m[3]))
	}},
	{regexp.MustCompile(`wrong type for value; expected (\S+); got (\S+)`), func(m []string, _ any) string {
		return fmt.Sprintf("the function called here needs %s and is given %s; pass it a value of that kind", kindWords(m[1]), kindWords(m[2]))
	}},
	{regexp.MustCompile(`wrong number of args for (\S+): want (\d+) got (\d+)`), func(m []string, _ any) string {
		return fmt.Sprintf("%s takes %s, and is given %s", m[1], plural(m[2], "value"), m[3])
	}},
	{regexp.MustCompile(`(?s)range can't iterate over .*`), func(m []string, _ any) string {
		return "{{range}} goes over a list, a map or a number, and this value is a single one; range over a list, such as .Page.Tags, or use {{with}} for one value"
	}},
	{regexp.MustCompile(`nil pointer evaluating (\S+)\.(\w+)`), func(m []string, data any) string {
		what := "a value"
		if t := findType(reflect.TypeOf(data), m[1], map[reflect.Type]bool{}); t != nil {
			what = strings.Replace(typeWords(t), "the ", "a ", 1)
		}
		return fmt.Sprintf("%s here is empty (nil) on this page, so its %s cannot be read; put the part in {{with …}}…{{end}}, which skips an empty value", what, m[2])
	}},
	{regexp.MustCompile(`(\w+) has arguments but cannot be invoked as function`), func(m []string, _ any) string {
		return fmt.Sprintf("%s is a field, not a function, so nothing may follow it in the action; remove what follows it, or pass it to a function: {{printf \"%%s\" .%s}}", m[1], m[1])
	}},
	{regexp.MustCompile(`expected (string|integer|number|bool|float|complex); found (.+)`), func(m []string, _ any) string {
		if m[1] == "string" {
			return fmt.Sprintf("the function called here needs a text and is given %s; write a text in quotes: \"%s\"", m[2], strings.Trim(m[2], `"`))
		}
		return fmt.Sprintf("the function called here needs %s and is given %s", kindWords(m[1]), m[2])
	}},
}

// explainRun rewrites msg with the first of runRewrites that matches it.
func explainRun(msg string, data any) string {
	for _, r := range runRewrites {
		if m := r.re.FindStringSubmatchIndex(msg); m != nil {
			sub := make([]string, len(m)/2)
			for i := range sub {
				if m[2*i] >= 0 {
					sub[i] = msg[m[2*i]:m[2*i+1]]
				}
			}
			return msg[:m[0]] + r.fn(sub, data) + msg[m[1]:]
		}
	}
	return msg
}

// kindWords names a Go type, as Go's template errors write it, in words:
// "int" is "a number (int)".
func kindWords(t string) string {
	switch strings.TrimPrefix(t, "*") {
	case "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32", "uint64",
		"float32", "float64", "integer", "number", "float":
		return "a number (" + t + ")"
	case "string":
		return "a text (string)"
	case "bool":
		return "true or false (bool)"
	case "time.Time":
		return "a date (time.Time)"
	case "template.HTML":
		return "HTML (template.HTML)"
	}
	if strings.HasPrefix(t, "[]") {
		return "a list (" + t + ")"
	}
	if strings.HasPrefix(t, "map[") {
		return "a map (" + t + ")"
	}
	return "a value of type " + t
}

// plural writes n things: "1 value", "2 values".
func plural(n, thing string) string {
	if n == "1" {
		return n + " " + thing
	}
	return n + " " + thing + "s"
}
