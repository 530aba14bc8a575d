package yamldoc

import (
	"strings"
	"testing"

	"sitegen/internal/diag"
)

// TestSyntaxErrorPositions checks that a syntax error the hints do not
// explain is reported on the line of the mistake, at the character the
// parser stopped at, and a byte that is not UTF-8 at that byte, in a data
// file (no line offset) and in front matter (which starts on line 2 of its
// file).
func TestSyntaxErrorPositions(t *testing.T) {
	const advice = "; check the indentation and quoting on this line or the one above"
	tests := []struct {
		name   string
		offset int
		src    string
		want   string
	}{
		{"a list item among top-level keys", 0,
			"name: Aelia Thornhurst\nregistration: CST-000004\ncertified_since: 2015-06-01\ncertified_until: 2027-02-19\n- oops\n",
			"f.yaml:5:1: YAML syntax error: did not find expected key" + advice},
		{"a list item among front matter keys", 1,
			"title: x\ndescription: y\ndate: 2024-01-01\n- a\n",
			"f.yaml:5:1: YAML syntax error: did not find expected key" + advice},
		{"a second closing bracket", 1,
			"title: x\ndescription: y\ntags: [a, b]]\n",
			"f.yaml:4:13: YAML syntax error: did not find expected key" + advice},
		{"a block text line indented too little", 1,
			"title: x\ndescription: |\n    abc\n  def\n",
			"f.yaml:5:3: YAML syntax error: this line is indented less than the first line of the value of description, which ends that text here; indent it by 4 spaces, as that line is"},
		{"a key among list items", 1,
			"title: x\ndescription: y\ntags:\n  - a\n  b: c\n",
			"f.yaml:6:3: YAML syntax error: did not find expected '-' indicator" + advice},
		{"an alias of a missing anchor", 1,
			"title: x\ndescription: y\ndate: 2024-01-01\nweight: 1\ntags: *nope\n",
			`f.yaml:6:7: YAML syntax error: the value of tags starts with *, which YAML reads as a reference to an anchor &nope, but no such anchor comes before it; if the * is part of the text, put the whole value in quotes: tags: "*nope"`},
		{"an alias of a missing anchor in a data file", 0,
			"name: Aelia Thornhurst\nregistration: CST-000004\ncertified_since: 2015-06-01\nlanguages: *en\n",
			`f.yaml:4:12: YAML syntax error: the value of languages starts with *, which YAML reads as a reference to an anchor &en, but no such anchor comes before it; if the * is part of the text, put the whole value in quotes: languages: "*en"`},
		{"an alias in a list, after an anchor", 0,
			"a: &x [1]\nb: [*x, *y]\n",
			"f.yaml:2:9: YAML syntax error: *y is a reference to an anchor &y, but no such anchor comes before it; if the * is part of the text, put the whole value in quotes"},
		{"a mistake deep in a nested mapping", 0,
			"contact:\n  email: a@example.org\n  phone: [\"01632 960905\"]]\n",
			"f.yaml:3:26: YAML syntax error: did not find expected key" + advice},
		{"a quoted text where a key should be", 0,
			"contact:\n  email: a@example.org\n  \"phone\"\n",
			"f.yaml:3:3: YAML syntax error: could not find expected ':'" + advice},
		{"a text where a key should be", 0,
			"a:\n- b\nsome words\nc: d\n",
			"f.yaml:3:1: YAML syntax error: could not find expected ':'" + advice},
		{"a colon after a value", 0,
			"tags:\n  - a\n  - b\n    c: d\n",
			"f.yaml:4:6: YAML syntax error: mapping values are not allowed in this context" + advice},
		{"a byte that is not UTF-8", 1,
			"title: x\ndescription: Caf\xe9\n",
			"f.yaml:3:17: file is not UTF-8 text (the byte 0xE9 here is é in Windows-1252, which older Windows programs save); save it with UTF-8 encoding"},
		{"a mistake on the first line", 0,
			"]\n",
			"f.yaml:1:1: YAML syntax error: did not find expected node content" + advice},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var l diag.List
			if New("f.yaml", []byte(tt.src), tt.offset, &l).Parse() != nil {
				t.Fatalf("parsed: %q", tt.src)
			}
			var got []string
			for _, p := range l.All() {
				got = append(got, p.String())
			}
			if g := strings.Join(got, "\n"); g != tt.want {
				t.Errorf("got  %s\nwant %s", g, tt.want)
			}
		})
	}
}

// BenchmarkErrorPosition: finding where a syntax error is in a long file
// (2,000 list items, the mistake at the end) takes a number of parses that
// grows with the logarithm of the file's length, not with its length.
func BenchmarkErrorPosition(b *testing.B) {
	src := []byte("title: x\nlist:\n" + strings.Repeat("  - a: b\n    c: d\n", 2000) + "  - a: b\n   c: d\n")
	for b.Loop() {
		var l diag.List
		New("f.yaml", src, 0, &l).Parse()
		if l.Len() != 1 {
			b.Fatalf("problems: %v", l.All())
		}
	}
}
