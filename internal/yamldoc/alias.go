package yamldoc

import (
	"bytes"

	"go.yaml.in/yaml/v3"
)

// MaxValues is how many values (each key, text, list and mapping counts
// one) the aliases of a file may stand for, once each is read as the
// value its anchor names. A few aliases that each repeat a list of aliases
// (`a1: &a1 [*a0, *a0, ...]`, nine levels deep: a "billion laughs") would
// make a short file stand for a billion values; every site file holds far
// fewer than this.
const MaxValues = 100_000

// resolveAliases replaces each alias (*name) under n by the value its
// anchor (&name) names, so that every reader of the tree sees the value
// itself, at the position where it is written; and each merge key
// (`<<: *defaults`, or `<<: [*a, *b]`) of a mapping by the keys of the
// mapping it names that the mapping does not have already, as YAML
// defines it. An aliased value is shared, not copied: a reader that walks
// the whole tree must visit each node once (see Placeholders).
//
// It reports a problem and returns false when a merge key is followed by
// something other than a mapping (at the alias, when an alias names it),
// when an alias is written inside the value its own anchor names
// (`b: &x [1, *x]`, a value that would hold itself without end), or when
// the aliases would stand for more than MaxValues values: the problem is
// at the alias that goes past the limit.
func (d *Decoder) resolveAliases(n *Node) bool {
	// No anchor, so no alias, and no merge key: a merge key is << or a
	// key with the tag !!merge (or !<tag:yaml.org,2002:merge>), whose
	// text need not be << (`!!merge defaults: {town: x}`).
	if !bytes.Contains(d.Src, []byte("&")) && !bytes.Contains(d.Src, []byte("<<")) && !bytes.Contains(d.Src, []byte("merge")) {
		return true
	}
	r := resolver{d: d, done: map[*Node]bool{}, open: map[*Node]bool{}, size: map[*Node]int{}, alias: map[slot]*Node{}}
	r.node(n)
	return r.ok()
}

type resolver struct {
	d     *Decoder
	done  map[*Node]bool
	open  map[*Node]bool // nodes whose values are being resolved: n and the nodes it is inside
	size  map[*Node]int  // values a resolved node stands for (at most MaxValues+1)
	total int            // values the aliases met so far stand for
	stop  bool           // too many values: reported, nothing more is read
	bad   bool           // a merge key was reported
	// alias is the alias written at each place an anchor's value now
	// fills, for a problem with the merge key that wrote it.
	alias map[slot]*Node
}

// slot is the place of a value in its parent's Content.
type slot struct {
	parent *Node
	i      int
}

// written is the node written at s: the alias, when an anchor's value
// replaced it, or the value itself.
func (r *resolver) written(s slot) *Node {
	if a, ok := r.alias[s]; ok {
		return a
	}
	return s.parent.Content[s.i]
}

func (r *resolver) ok() bool { return !r.stop && !r.bad }

// node resolves the aliases under n, which is not an alias, in the order
// they are written: an anchor comes before its aliases, so the value an
// alias names is resolved when the alias is met.
func (r *resolver) node(n *Node) {
	if r.done[n] || r.stop {
		return
	}
	r.done[n] = true
	r.open[n] = true
	defer delete(r.open, n)
	for i, c := range n.Content {
		if r.stop {
			return
		}
		if c.Kind != yaml.AliasNode {
			r.node(c)
			continue
		}
		t := c.Alias
		if t == nil {
			continue
		}
		if r.open[t] {
			// The alias is inside the value its anchor names: that
			// value would hold itself, and itself again, without end.
			r.stop = true
			r.d.Errorf(c, "*%s is written inside the value that &%s names, so that value would hold itself without end; write the value out here instead of the alias, or move &%s to a value that does not hold *%s", c.Value, c.Value, c.Value, c.Value)
			return
		}
		r.node(t)
		n.Content[i] = t
		r.alias[slot{n, i}] = c
		r.count(c, r.sizeOf(t))
	}
	if n.Kind == yaml.MappingNode && !r.stop {
		r.merge(n)
	}
}

// count adds the values alias a stands for to the total, reporting at
// a when they go past the limit.
func (r *resolver) count(a *Node, values int) {
	r.total += values
	if r.total <= MaxValues || r.stop {
		return
	}
	r.stop = true
	r.d.Errorf(a, "*%s makes the file too large to read: with the values its aliases repeat, it would hold more than %d values; write the values out where they belong instead of repeating aliases of aliases", a.Value, MaxValues)
}

// sizeOf returns how many values resolved node n stands for, at most
// MaxValues+1.
func (r *resolver) sizeOf(n *Node) int {
	if s, ok := r.size[n]; ok {
		return s
	}
	s := 1
	for _, c := range n.Content {
		if s > MaxValues {
			break
		}
		s += r.sizeOf(c)
	}
	s = min(s, MaxValues+1)
	r.size[n] = s
	return s
}

// isMerge reports whether k is a merge key: << written plainly, or with
// the tag !!merge.
func isMerge(k *Node) bool {
	return k.Kind == yaml.ScalarNode && (k.Tag == "!!merge" || (k.Value == "<<" && k.Style == 0 && k.ShortTag() != "!!str"))
}

// mergeKey is merge key k as written: << or, when its tag alone makes it
// a merge key, the tag and the key (!!merge defaults).
func mergeKey(k *Node) string {
	if k.Value == "<<" {
		return "<<"
	}
	return "!!merge " + k.Value
}

// merge replaces the merge keys of mapping n by the keys they bring in.
// A key the mapping writes itself wins over a merged one, and a mapping
// named earlier in `<<: [*a, *b]` wins over one named later.
func (r *resolver) merge(n *Node) {
	has := false
	for i := 0; i+1 < len(n.Content); i += 2 {
		if isMerge(n.Content[i]) {
			has = true
			break
		}
	}
	if !has {
		return
	}
	own := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i]; !isMerge(k) && k.Kind == yaml.ScalarNode {
			own[k.Value] = true
		}
	}
	out := make([]*Node, 0, len(n.Content))
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if !isMerge(k) {
			out = append(out, k, v)
			continue
		}
		sources := []slot{{n, i + 1}}
		if v.Kind == yaml.SequenceNode {
			sources = sources[:0]
			for j := range v.Content {
				sources = append(sources, slot{v, j})
			}
		}
		for _, at := range sources {
			s := at.parent.Content[at.i]
			if s.Kind != yaml.MappingNode {
				// At the alias, where the merge goes wrong, not at
				// the value its anchor names, which may be right
				// where it is.
				r.d.Errorf(r.written(at), "%s (a merge key) brings in the keys of a mapping, not %s; write <<: *name, where &name is written before a mapping, or write the keys out", mergeKey(k), describe(s))
				r.bad = true
				continue
			}
			for j := 0; j+1 < len(s.Content); j += 2 {
				sk := s.Content[j]
				if sk.Kind == yaml.ScalarNode && own[sk.Value] {
					continue
				}
				if sk.Kind == yaml.ScalarNode {
					own[sk.Value] = true
				}
				out = append(out, sk, s.Content[j+1])
			}
		}
	}
	n.Content = out
}

// coreTags are the tags YAML gives values itself, which an editor may
// also write (`!!str 5` for the text "5"). A key may also have the tag
// of a merge key, !!merge (`!!merge <<: *defaults`, as isMerge reads it).
var coreTags = []string{"!!str", "!!int", "!!float", "!!bool", "!!null", "!!timestamp", "!!map", "!!seq"}

// checkTags reports each value under n written with a tag (!name or
// !!name) that is not one of YAML's core types: the site would read the
// value as if the tag were not there (`bio: !include bio.md` is the text
// "bio.md"), or, for !!binary, publish its base64 letters as the text. It
// returns false when it reported one.
func (d *Decoder) checkTags(n *Node) bool {
	if !bytes.Contains(d.Src, []byte("!")) {
		return true
	}
	ok := true
	var walk func(n *Node, key bool)
	walk = func(n *Node, key bool) {
		if n.Style&yaml.TaggedStyle != 0 && !contains(coreTags, n.ShortTag()) && !(key && n.ShortTag() == "!!merge") {
			ok = false
			if n.ShortTag() == "!!binary" {
				d.Errorf(n, "the tag !!binary makes YAML read this value as base64-encoded bytes, which the site would publish as their code letters; delete !!binary and write the text itself")
			} else {
				d.Errorf(n, "the tag %s means nothing to this site, which would read the value as if the tag were not there; delete %s and write the value itself", n.Tag, n.Tag)
			}
		}
		for i, c := range n.Content {
			walk(c, n.Kind == yaml.MappingNode && i%2 == 0)
		}
	}
	walk(n, false)
	return ok
}
