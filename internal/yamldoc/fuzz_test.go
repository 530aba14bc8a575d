package yamldoc

import (
	"strings"
	"testing"

	"sitegen/internal/diag"

	"go.yaml.in/yaml/v3"
)

// FuzzDecode feeds arbitrary YAML to a Decoder and reads every value of
// it in each way the site's inputs do. Whatever an editor saves or pastes
// (no-break spaces, zero-width characters, line separators, keys in curly
// quotes), decoding must not panic, every problem must be at a line of the
// file, and a value read as written (BlockLines, From) must hold the
// characters of the file, not the stand-ins used while parsing.
//
// make test runs the seeds below; go test -fuzz FuzzDecode searches.
func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		"title: A\ndescription: b\n",
		"title: A\n\u00a0description: b\n",
		"title: A\ndescr\u200biption: b\n",
		"title: A\n\ufeffdescription: b\n",
		"title:\u00a0A\n",
		"title: A\ntags:\n\u00a0\u00a0- a\n",
		"title: A\naddress:\n  town: Bath\n\u202f\u202fpostcode: BA1 1AA\n",
		"“title”: A\n‘titel’: B\n“: C\n”x“: D\n",
		"title: one\u2028two\nbio: >\n  a\u2029b\n  c\u0085d\n",
		"title: \ue028 and \u2028\n",
		"bio: |\n  TODO\n  x\u2028TODO\n",
		"title: a\n---\nsecond: b\n...\n",
		"a: &x [1, 2]\nb: *x\nc: {d: *x}\n",
		"a: &x {title: A, tags: [*y]}\naddress:\n  <<: [*x, {town: Bath}]\n  town: Wells\n",
		"a: &y TODO\nb: &x [*y, *y]\nc: &z [*x, *x]\ntags: [*z, *z]\n",
		"<<: !!binary QQ==\ntitle: !foo A\n",
		"date: 2026-2-30\nweight: \"16\"\nlat: 1e400\n",
		"title: a\x00b\nbio: \"x\vy\"\n",
		"title: \"unclosed\n",
		"title: [a, b\n",
		"\xff: x\n",
		"date: 2024-13-45\nweight: 0x10\nlat: .inf\n",
	} {
		f.Add(s)
	}
	known := []string{"title", "description", "tags", "address", "bio", "date", "weight", "lat"}
	f.Fuzz(func(t *testing.T, src string) {
		const file, offset = "f.yaml", 1
		lines := offset + 1 + strings.Count(src, "\n") + strings.Count(strings.ReplaceAll(src, "\r\n", "\n"), "\r") +
			strings.Count(src, "\u2028") + strings.Count(src, "\u2029") + strings.Count(src, "\u0085")
		var l diag.List
		d := New(file, []byte(src), offset, &l)
		root := d.Parse()
		if root != nil {
			m := d.Map(root, "front matter", known...)
			for _, k := range m.Order {
				v := m.Value(k)
				var s string
				var n int
				var x float64
				var ss []string
				m.Str(k, &s)
				m.Int(k, &n)
				m.Float(k, &x)
				m.Strings(k, &ss)
				if v.Kind == yaml.ScalarNode {
					line, _ := d.Pos(v)
					if v.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 && strings.TrimSpace(v.Value) != "" {
						if got := d.BlockLines(line + 1); !keepsCharacters(src, got) {
							t.Errorf("BlockLines(%d) = %q, which is not the file's text", line+1, got)
						}
					} else if got := string(d.From(v)); !keepsCharacters(src, got) {
						t.Errorf("From(%s) = %q, which is not the file's text", k, got)
					}
				}
			}
			for _, p := range d.Placeholders(root) {
				l.Add(p)
			}
		}
		for _, p := range l.All() {
			if p.File != file || p.Line < offset || p.Line > lines || p.Col < 1 || p.Msg == "" {
				t.Errorf("problem not at a place in the file (%d lines): %s", lines, p)
			}
		}
	})
}

// keepsCharacters reports whether got holds no stand-in for a line
// separator that src does not hold itself.
func keepsCharacters(src, got string) bool {
	for _, sep := range separators {
		if strings.ContainsRune(got, sep[1]) && !strings.ContainsRune(src, sep[1]) {
			return false
		}
	}
	return true
}
