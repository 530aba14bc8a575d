package render

import (
	"fmt"
	"html/template"
	"reflect"
	"strings"
	"text/template/parse"

	"sitegen/internal/diag"
)

// callsWithoutData warns at each {{template "name"}} written without data
// where the template it calls reads fields of its data: Go passes it
// nothing, and each field prints as nothing, with no error, so the part
// is missing from every page. sets are the parsed sets (the partials'
// and each kind's); a call is reported once, whichever sets hold it.
func (t *Templates) callsWithoutData(sets []*template.Template, list *diag.List) {
	seen := map[string]bool{}
	for _, set := range sets {
		for _, tm := range set.Templates() {
			if tm.Tree == nil || tm.Tree.Root == nil {
				continue
			}
			file := tm.Tree.ParseName
			walkNodes(tm.Tree.Root, func(n parse.Node) {
				call, ok := n.(*parse.TemplateNode)
				if !ok || call.Pipe != nil {
					return
				}
				key := fmt.Sprint(file, ":", call.Position())
				callee := set.Lookup(call.Name)
				if seen[key] || callee == nil || callee.Tree == nil {
					return
				}
				field := dataField(callee.Tree.Root)
				if field == "" {
					return
				}
				seen[key] = true
				src, ok := t.src[file]
				if !ok || int(call.Position()) > len(src) {
					return
				}
				// The node's position is the name's; the call starts
				// at the {{ before it.
				at := strings.LastIndex(src[:call.Position()], "{{")
				line, col := diag.Position(src, max(at, 0))
				list.Warnf(file, line, col, "{{template %q}} gives %q no data, and it reads %s, which is then empty on every page; pass the data on: {{template %q .}}", call.Name, call.Name, field, call.Name)
			})
		}
	}
}

// dataField returns the first field of its data that a template reads
// (".Page.Title"), or "" when it reads none.
func dataField(root parse.Node) string {
	field := ""
	walkNodes(root, func(n parse.Node) {
		if field != "" {
			return
		}
		switch n := n.(type) {
		case *parse.FieldNode:
			field = "." + strings.Join(n.Ident, ".")
		case *parse.DotNode:
			field = "."
		case *parse.VariableNode:
			if len(n.Ident) > 1 && n.Ident[0] == "$" {
				field = "$." + strings.Join(n.Ident[1:], ".")
			}
		}
	})
	return field
}

// walkNodes calls fn for n and every node under it. A nil pointer in an
// interface (a with's missing else list) is no node.
func walkNodes(n parse.Node, fn func(parse.Node)) {
	if n == nil || reflect.ValueOf(n).IsNil() {
		return
	}
	fn(n)
	switch n := n.(type) {
	case *parse.ListNode:
		for _, c := range n.Nodes {
			walkNodes(c, fn)
		}
	case *parse.ActionNode:
		walkNodes(n.Pipe, fn)
	case *parse.PipeNode:
		for _, c := range n.Cmds {
			walkNodes(c, fn)
		}
	case *parse.CommandNode:
		for _, a := range n.Args {
			walkNodes(a, fn)
		}
	case *parse.ChainNode:
		walkNodes(n.Node, fn)
	case *parse.IfNode:
		walkBranch(&n.BranchNode, fn)
	case *parse.RangeNode:
		walkBranch(&n.BranchNode, fn)
	case *parse.WithNode:
		walkBranch(&n.BranchNode, fn)
	case *parse.TemplateNode:
		walkNodes(n.Pipe, fn)
	}
}

// walkBranch walks an if's, a range's or a with's pipeline and lists (a
// missing list or pipeline is a nil pointer, which walkNodes skips).
func walkBranch(b *parse.BranchNode, fn func(parse.Node)) {
	walkNodes(b.Pipe, fn)
	walkNodes(b.List, fn)
	walkNodes(b.ElseList, fn)
}
