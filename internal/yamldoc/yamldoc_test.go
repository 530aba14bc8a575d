package yamldoc

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"sitegen/internal/diag"
)

// TestNumbers checks what a whole number and a number accept, and that a
// number YAML reads in another base is asked for in decimal.
func TestNumbers(t *testing.T) {
	tests := []struct {
		value      string
		whole      string // problem with weight: value; "" when accepted
		number     string // problem with lat: value; "" when accepted
		wholeValue int
	}{
		{"16", "", "", 16},
		{"1_000", "", "", 1000},
		{"-3", "", "", -3},
		{"0x10", "f.yaml:1:9: weight must be a whole number written in decimal, such as 16",
			"f.yaml:2:6: lat must be a number written in decimal, such as 16", 0},
		{"0o17", "f.yaml:1:9: weight must be a whole number written in decimal, such as 15",
			"f.yaml:2:6: lat must be a number written in decimal, such as 15", 0},
		{"-0b101", "f.yaml:1:9: weight must be a whole number written in decimal, such as -5",
			"f.yaml:2:6: lat must be a number written in decimal, such as -5", 0},
		{"1.5", "f.yaml:1:9: weight must be a whole number, not a number (1.5)", "", 0},
		{"sixteen", `f.yaml:1:9: weight must be a whole number, not the text "sixteen"`,
			`f.yaml:2:6: lat must be a number, not the text "sixteen"`, 0},
		{`"16"`, "f.yaml:1:9: weight must be a whole number, but the quotes make it text; write it without them: weight: 16",
			"f.yaml:2:6: lat must be a number, but the quotes make it text; write it without them: lat: 16", 0},
		{`'-1.5'`, `f.yaml:1:9: weight must be a whole number, not the text "-1.5"`,
			"f.yaml:2:6: lat must be a number, but the quotes make it text; write it without them: lat: -1.5", 0},
		{"!!str 16", "f.yaml:1:9: weight must be a whole number, but the tag !!str and any quotes make it text; write it without them: weight: 16",
			"f.yaml:2:6: lat must be a number, but the tag !!str and any quotes make it text; write it without them: lat: 16", 0},
		{"2012.0", "f.yaml:1:9: weight must be a whole number, written without a decimal point: weight: 2012", "", 0},
		{"2e3", "f.yaml:1:9: weight must be a whole number, written in digits without an exponent: weight: 2000", "", 0},
		{"1.2E+1", "f.yaml:1:9: weight must be a whole number, written in digits without a decimal point or an exponent: weight: 12", "", 0},
		{"99999999999999999999", "f.yaml:1:9: weight is 99999999999999999999, a number too large to be right; check it", "", 0},
		{"-99999999999999999999", "f.yaml:1:9: weight is -99999999999999999999, a number too far below zero to be right; check it", "", 0},
		{`'0x1p-2'`, `f.yaml:1:9: weight must be a whole number, not the text "0x1p-2"`,
			"f.yaml:2:6: lat must be a number written in decimal, such as lat: 0.25", 0},
		{`0x1p-2`, `f.yaml:1:9: weight must be a whole number, not the text "0x1p-2"`,
			"f.yaml:2:6: lat must be a number written in decimal, such as lat: 0.25", 0},
		{`"-0x1.8p1"`, `f.yaml:1:9: weight must be a whole number, not the text "-0x1.8p1"`,
			"f.yaml:2:6: lat must be a number written in decimal, such as lat: -3", 0},
	}
	for _, tt := range tests {
		t.Run(tt.value, func(t *testing.T) {
			var l diag.List
			d := New("f.yaml", []byte("weight: "+tt.value+"\nlat: "+tt.value+"\n"), 0, &l)
			m := d.Map(d.Parse(), "front matter", "weight", "lat")
			var n int
			var f float64
			m.Int("weight", &n)
			m.Float("lat", &f)
			var want []string
			for _, w := range []string{tt.whole, tt.number} {
				if w != "" {
					want = append(want, w)
				}
			}
			var got []string
			for _, p := range l.All() {
				got = append(got, p.String())
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") || n != tt.wholeValue {
				t.Errorf("weight %d and problems\n%s\nwant weight %d and\n%s", n, strings.Join(got, "\n"), tt.wholeValue, strings.Join(want, "\n"))
			}
		})
	}
}

// TestSecondDocument: a second document, which the build would drop
// without a word, is an error at the --- that starts it; an opening ---,
// a --- with nothing after it and --- inside a block of text are not.
func TestSecondDocument(t *testing.T) {
	const advice = "a second document (---) starts here, and the build reads only the first; "
	tests := []struct {
		name, src, oneEach string
		want               []string
	}{
		{"second document", "name: A\nregistration: CST-1\n---\nname: B\nregistration: CST-2\n", "put each practitioner in a file of their own",
			[]string{"f.yaml:3:1: " + advice + "put each practitioner in a file of their own"}},
		{"without advice of its own", "name: A\n---\nname: B\n", "",
			[]string{"f.yaml:2:1: " + advice + "remove the --- line, or move what follows it to a file of its own"}},
		{"comment between", "name: A\n\n--- # next\n# B\nname: B\n", "",
			[]string{"f.yaml:3:1: " + advice + "remove the --- line, or move what follows it to a file of its own"}},
		{"opening marker", "---\nname: A\n", "", nil},
		{"opening and closing markers", "---\nname: A\n...\n", "", nil},
		{"nothing after the marker", "name: A\n---\n", "", nil},
		{"only a comment after the marker", "name: A\n---\n# notes\n", "", nil},
		{"marker after a block, nothing after", "bio: |\n  one\n---\n", "", nil},
		{"marker after a block", "bio: |\n  one\n---\nname: B\n", "", []string{"f.yaml:3:1: " + advice + "remove the --- line, or move what follows it to a file of its own"}},
		{"indented dashes in a block", "bio: |\n  one\n  ---\n  two\n", "", nil},
		{"second document that does not parse", "name: A\n---\nname: [B\n", "put each school in a file of its own",
			[]string{"f.yaml:2:1: " + advice + "put each school in a file of its own"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var l diag.List
			d := New("f.yaml", []byte(tt.src), 0, &l)
			d.OneEach = tt.oneEach
			if d.Parse() == nil {
				t.Fatalf("first document did not parse: %v", l.All())
			}
			var got []string
			for _, p := range l.All() {
				got = append(got, p.String())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestSpacesThatAreNot: a no-break space, a zero-width space or a byte
// order mark pasted from a word processor looks like a space or like
// nothing, but YAML reads it as a character like any other. Where one
// breaks a key or the indentation, the problem names it and says to type
// a plain space.
func TestSpacesThatAreNot(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"no-break space before a key", "title: A\n\u00a0description: b\n",
			`f.yaml:2:1: key "\u00a0description" starts with a no-break space (U+00A0), which YAML takes as part of the key, not as a space; delete it, and indent the line with plain spaces if it belongs under the key above`},
		{"zero-width space in a key", "title: A\ndescr\u200biption: b\n",
			`f.yaml:2:1: key "descr\u200biption" has a zero-width space (U+200B) in it, which YAML takes as part of the key; delete it`},
		{"byte order mark before a key", "title: A\n\ufeffdescription: b\n",
			`f.yaml:2:1: key "\ufeffdescription" has a byte order mark (U+FEFF) in it, which YAML takes as part of the key; delete it`},
		{"no-break space after the only key's colon", "title:\u00a0A\n",
			`f.yaml:1:1: front matter must be a mapping of keys to values, not the text "title:\u00a0A"; the space after the colon is a no-break space (U+00A0), which YAML does not read as a space: type a plain space, title: A`},
		{"no-break space after a key's colon", "title: A\ndescription:\u00a0b\n",
			`f.yaml:2:12: YAML syntax error: the space after the colon is a no-break space (U+00A0), which YAML does not read as a space: type a plain space, description: b`},
		{"indented with no-break spaces", "title: A\ntags:\n\u00a0\u00a0- a\n",
			`f.yaml:3:1: YAML syntax error: this line is indented with a no-break space (U+00A0), which YAML does not read as a space; indent it with plain spaces`},
		{"a nested key indented with a narrow no-break space", "title: A\naddress:\n  town: Bath\n\u202f\u202fpostcode: BA1 1AA\n",
			`f.yaml:4:1: key "\u202f\u202fpostcode" starts with a narrow no-break space (U+202F), which YAML takes as part of the key, not as a space; delete it, and indent the line with plain spaces if it belongs under the key above`},
		{"an invisible character in a key that is still unknown", "title: A\ndescrip\u200btoin: b\n",
			`f.yaml:2:1: key "descrip\u200btoin" has a zero-width space (U+200B) in it, which YAML takes as part of the key; delete it; did you mean "description"?`},
		{"a key in curly quotes", "“title”: A\n",
			`f.yaml:1:1: key "“title”" is in curly quotes, which YAML takes as part of the key; write it without them: title`},
		{"a misspelt key in curly quotes", "‘titel’: A\n",
			`f.yaml:1:1: key "‘titel’" is in curly quotes, which YAML takes as part of the key; write it without them: titel; did you mean "title"?`},
		{"a no-break space inside a value is text", "title: Craniosacral\u00a0therapy\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var l diag.List
			d := New("f.yaml", []byte(tt.src), 0, &l)
			if root := d.Parse(); root != nil {
				d.Map(root, "front matter", "title", "description", "tags", "address")
			}
			var got []string
			for _, p := range l.All() {
				got = append(got, p.String())
			}
			if strings.Join(got, "\n") != tt.want {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), tt.want)
			}
		})
	}
}

// TestLineSeparators: a line or paragraph separator pasted from a word
// processor or a PDF, which editors show as nothing or a space, is a
// character of its value, as an editor sees it: YAML alone would read it
// as a line break, failing a plain value and counting every later line
// one off.
func TestLineSeparators(t *testing.T) {
	tests := []struct{ name, src, desc, want string }{
		{"in quotes", "title: A\ndescription: \"one\u2028two\"\ndate: x\n", "one\u2028two",
			`f.yaml:3:7: date: "x" is not a date; write it as YYYY-MM-DD, for example date: 2024-03-01`},
		{"in a plain value", "title: A\ndescription: one\u2029two\ndate: x\n", "one\u2029two",
			`f.yaml:3:7: date: "x" is not a date; write it as YYYY-MM-DD, for example date: 2024-03-01`},
		{"a next-line character", "title: A\ndescription: one\u0085two\ndate: x\n", "",
			"f.yaml:2:14: description has the control character U+0085, which browsers do not show and HTML does not allow; it is most likely … from text saved in Windows-1252 and read with the wrong encoding; retype it as …\n" +
				`f.yaml:3:7: date: "x" is not a date; write it as YYYY-MM-DD, for example date: 2024-03-01`},
		{"in a title", "title: \"A\u2028B\"\ndate: x\n", "",
			"f.yaml:1:8: title must be on one line, but it has a line break; remove it\n" +
				`f.yaml:2:7: date: "x" is not a date; write it as YYYY-MM-DD, for example date: 2024-03-01`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var l diag.List
			src := []byte(tt.src)
			d := New("f.yaml", src, 0, &l)
			if root := d.Parse(); root != nil {
				m := d.Map(root, "front matter", "title", "description", "date")
				var title, desc string
				m.OneLine("title", &title)
				if m.Text("description", &desc); desc != tt.desc {
					t.Errorf("description %q, want %q", desc, tt.desc)
				}
				var date time.Time
				m.Date("date", &date)
			}
			if string(src) != tt.src {
				t.Errorf("the caller's text was changed")
			}
			var got []string
			for _, p := range l.All() {
				got = append(got, p.String())
			}
			if strings.Join(got, "\n") != tt.want {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), tt.want)
			}
		})
	}
}

// TestSeparatorsKeptAsWritten: a line separator pasted into a folded
// block (a bio, a book's note) or a plain value is published as the
// editor wrote it, not as the private-use character that stands in for
// it while the YAML is parsed, which a browser shows as a box.
func TestSeparatorsKeptAsWritten(t *testing.T) {
	src := "note: one\u2028two\nbio: >\n  A first\u2029line\n  and a\u0085second.\n"
	var l diag.List
	d := New("f.yaml", []byte(src), 0, &l)
	m := d.Map(d.Parse(), "front matter", "note", "bio")
	if got, want := d.BlockLines(3), "A first\u2029line\nand a\u0085second.\n"; got != want {
		t.Errorf("BlockLines = %q, want %q", got, want)
	}
	if got, want := string(d.From(m.Value("note"))), src[len("note: "):]; got != want {
		t.Errorf("From = %q, want %q", got, want)
	}
	if len(l.All()) > 0 {
		t.Errorf("problems: %v", l.All())
	}
}

// TestAliases: an alias (*name) reads as the value its anchor (&name)
// names, in a list too, and a merge key (<<) brings in a mapping's keys;
// a problem with an aliased value is where the value is written. A file
// whose aliases repeat lists of aliases (a "billion laughs") is an error
// at the alias that goes past MaxValues, and is not read.
func TestAliases(t *testing.T) {
	bomb := "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
	for i := 1; i <= 8; i++ {
		bomb += fmt.Sprintf("a%d: &a%d [%s]\n", i, i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*a%d, ", i-1), 10), ", "))
	}
	tests := []struct {
		name, src string
		tags      []string // the tags read, joined by |
		town      string
		want      []string
	}{
		{"alias of a list", "a: &t [x, y]\ntags: *t\n", []string{"x", "y"}, "", nil},
		{"alias in a list", "a: &x first\ntags: [*x, second]\n", []string{"first", "second"}, "", nil},
		{"alias in a block list", "a: &x first\ntags:\n  - *x\n  - second\n", []string{"first", "second"}, "", nil},
		{"alias of a mapping", "a: &p {town: Frithwick}\nplace: *p\n", nil, "Frithwick", nil},
		{"merge key", "a: &p {town: Frithwick}\nplace:\n  <<: *p\n", nil, "Frithwick", nil},
		{"own key wins over a merged one", "a: &p {town: Frithwick}\nplace:\n  <<: *p\n  town: Aberystwyth\n", nil, "Aberystwyth", nil},
		{"own key before the merge wins too", "a: &p {town: Frithwick}\nplace:\n  town: Aberystwyth\n  <<: *p\n", nil, "Aberystwyth", nil},
		{"first of a list of merges wins", "a: &p {town: Frithwick}\nb: &q {town: Bala}\nplace:\n  <<: [*p, *q]\n", nil, "Frithwick", nil},
		{"merged unknown key, where it is written", "a: &p {twon: Frithwick}\nplace:\n  <<: *p\n", nil, "",
			[]string{`f.yaml:1:8: unknown key "twon" in place; did you mean "town"?`}},
		{"aliased item of the wrong kind, where it is written", "a: &x {b: 1}\ntags: [*x]\n", nil, "",
			[]string{"f.yaml:1:4: each item of tags must be text, not a mapping"}},
		{"merge of a text, at its alias", "a: &x Frithwick\nplace:\n  <<: *x\n", nil, "",
			[]string{`f.yaml:3:7: << (a merge key) brings in the keys of a mapping, not the text "Frithwick"; write <<: *name, where &name is written before a mapping, or write the keys out`}},
		{"merge of a text in a list, at its alias", "a: &p {town: Frithwick}\nb: &x Bala\nplace:\n  <<: [*p, *x]\n", nil, "",
			[]string{`f.yaml:4:12: << (a merge key) brings in the keys of a mapping, not the text "Bala"; write <<: *name, where &name is written before a mapping, or write the keys out`}},
		{"merge of a written list", "place:\n  <<: [a, b]\n", nil, "",
			[]string{`f.yaml:2:8: << (a merge key) brings in the keys of a mapping, not the text "a"; write <<: *name, where &name is written before a mapping, or write the keys out`,
				`f.yaml:2:11: << (a merge key) brings in the keys of a mapping, not the text "b"; write <<: *name, where &name is written before a mapping, or write the keys out`}},
		{"merge key with its tag", "a: &p {town: Frithwick}\nplace:\n  !!merge <<: *p\n", nil, "Frithwick", nil},
		// The tag alone makes a merge key, in a file with no & and no <<.
		{"merge key by its tag alone", "place:\n  !!merge defaults: {town: Frithwick}\n", nil, "Frithwick", nil},
		{"merge key by its full tag", "place:\n  !<tag:yaml.org,2002:merge> defaults: {town: Frithwick}\n", nil, "Frithwick", nil},
		{"merge of a text by its tag alone", "place:\n  !!merge town: Frithwick\n", nil, "",
			[]string{`f.yaml:2:17: !!merge town (a merge key) brings in the keys of a mapping, not the text "Frithwick"; write <<: *name, where &name is written before a mapping, or write the keys out`}},
		// An alias inside its own anchor's value: a value that holds
		// itself, which go-yaml reads as a loop.
		{"alias in its own list", "tags: &x [a, *x]\n", nil, "",
			[]string{"f.yaml:1:14: *x is written inside the value that &x names, so that value would hold itself without end; write the value out here instead of the alias, or move &x to a value that does not hold *x"}},
		{"alias deep in its own mapping", "place: &p\n  town: Frithwick\n  near: {also: [*p]}\n", nil, "",
			[]string{"f.yaml:3:17: *p is written inside the value that &p names, so that value would hold itself without end; write the value out here instead of the alias, or move &p to a value that does not hold *p"}},
		{"merge of its own mapping", "place: &p\n  town: Frithwick\n  <<: *p\n", nil, "",
			[]string{"f.yaml:3:7: *p is written inside the value that &p names, so that value would hold itself without end; write the value out here instead of the alias, or move &p to a value that does not hold *p"}},
		{"billion laughs", bomb + "tags: *a8\n", nil, "",
			[]string{"f.yaml:5:45: *a3 makes the file too large to read: with the values its aliases repeat, it would hold more than 100000 values; write the values out where they belong instead of repeating aliases of aliases"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var l diag.List
			d := New("f.yaml", []byte(tt.src), 0, &l)
			root := d.Parse()
			var tags []string
			var town string
			if root != nil {
				m := d.Map(root, "front matter", "a", "b", "tags", "place", "a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8")
				m.Strings("tags", &tags)
				if m.Has("place") {
					d.Map(m.Value("place"), "place", "town").OneLine("town", &town)
				}
				l.Add(d.Placeholders(root)...)
			}
			var got []string
			for _, p := range l.All() {
				got = append(got, p.String())
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("problems\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if tt.want == nil && (strings.Join(tags, "|") != strings.Join(tt.tags, "|") || town != tt.town) {
				t.Errorf("tags %q, town %q; want %q, %q", tags, town, tt.tags, tt.town)
			}
		})
	}
}

// TestPlaceholderInAnchor: a placeholder in a value that aliases repeat is
// reported once, where it is written.
func TestPlaceholderInAnchor(t *testing.T) {
	var l diag.List
	d := New("f.yaml", []byte("a: &x TODO\ntags: [*x, *x]\nb: *x\n"), 0, &l)
	var got []string
	for _, p := range d.Placeholders(d.Parse()) {
		got = append(got, p.String())
	}
	if len(got) != 1 || !strings.HasPrefix(got[0], "f.yaml:1:7: warning:") {
		t.Errorf("placeholders %q, want one at f.yaml:1:7", got)
	}
}

// TestTags: a value may carry one of YAML's own tags (!!str 5 is the text
// "5"); any other tag is an error at the tag, not a value read as if the
// tag were not there, nor base64 letters published as a name.
func TestTags(t *testing.T) {
	tests := []struct{ src, want string }{
		{"name: !!str 5\n", ""},
		{"name: !!binary QWVsaWEgVGhvcm5odXJzdA==\n", "f.yaml:1:7: the tag !!binary makes YAML read this value as base64-encoded bytes, which the site would publish as their code letters; delete !!binary and write the text itself"},
		{"name: !foo Aelia\n", "f.yaml:1:7: the tag !foo means nothing to this site, which would read the value as if the tag were not there; delete !foo and write the value itself"},
		{"name: x\nbio: !include bio.md\n", "f.yaml:2:6: the tag !include means nothing to this site, which would read the value as if the tag were not there; delete !include and write the value itself"},
		{"tags: !!set {a, b}\n", "f.yaml:1:7: the tag !!set means nothing to this site, which would read the value as if the tag were not there; delete !!set and write the value itself"},
		{"name: Welcome!\n", ""},
		{"name: !!merge Aelia\n", "f.yaml:1:7: the tag !!merge means nothing to this site, which would read the value as if the tag were not there; delete !!merge and write the value itself"},
	}
	for _, tt := range tests {
		var l diag.List
		d := New("f.yaml", []byte(tt.src), 0, &l)
		root := d.Parse()
		var got []string
		for _, p := range l.All() {
			got = append(got, p.String())
		}
		if strings.Join(got, "\n") != tt.want || (tt.want == "") != (root != nil) {
			t.Errorf("%q: root %v, problems\n%s\nwant\n%s", tt.src, root != nil, strings.Join(got, "\n"), tt.want)
		}
	}
}

// TestDates: the date forms editors write are read, and one that is close
// to a date says what is wrong with it and how to write it.
func TestDates(t *testing.T) {
	tests := []struct{ value, want string }{
		{"2026-02-03", ""},
		{"2026-02-03 09:30", ""},
		{"2026-02-03T09:30:00+02:00", ""},
		{"2026-2-3", `f.yaml:1:7: date: "2026-2-3" needs two digits for the month and the day; write date: 2026-02-03`},
		{"2026-02-30", `f.yaml:1:7: date: "2026-02-30" is not a date: February 2026 has 28 days; check the day`},
		{"2028-2-30", `f.yaml:1:7: date: "2028-2-30" is not a date: February 2028 has 29 days; check the day`},
		{"2026-13-01", `f.yaml:1:7: date: "2026-13-01" is not a date: there is no month 13; write it as YYYY-MM-DD, for example date: 2024-03-01`},
		{"19/02/2027", `f.yaml:1:7: date: "19/02/2027" is not a date the site reads; dates are written year first: if you mean 19 February 2027, write date: 2027-02-19`},
		{"2026-02-03 10:00:00 +02:00", ""},
		{"2026-02-03 10:00 +02:00", ""},
		{"2026-02-03 25:00 +02:00", `f.yaml:1:7: date: "2026-02-03 25:00 +02:00" is not a date and time: check the hour, the minutes and the zone; write it as in date: 2026-02-03 09:00 +01:00`},
		{"2026-02-03 10:00 BST", `f.yaml:1:7: date: "2026-02-03 10:00 BST" names its zone, and a zone's name can mean more than one zone; write its offset from UTC instead, as in date: 2026-02-03 10:00 +01:00`},
		{"2026-02-03 10:00 UTC", `f.yaml:1:7: date: "2026-02-03 10:00 UTC" is not a date the site reads; a time without a zone is in UTC already: write date: 2026-02-03 10:00`},
		{"soon", `f.yaml:1:7: date: "soon" is not a date; write it as YYYY-MM-DD, for example date: 2024-03-01`},
	}
	for _, tt := range tests {
		var l diag.List
		d := New("f.yaml", []byte("date: "+tt.value+"\n"), 0, &l)
		var date time.Time
		d.Map(d.Parse(), "front matter", "date").Date("date", &date)
		var got []string
		for _, p := range l.All() {
			got = append(got, p.String())
		}
		if strings.Join(got, "\n") != tt.want || (tt.want == "") == date.IsZero() {
			t.Errorf("%s: date %v, problems\n%s\nwant\n%s", tt.value, date, strings.Join(got, "\n"), tt.want)
		}
	}
}

// TestDateZoneAfterSpace: a date and time with its zone after a space,
// as YAML 1.1 and some tools write it, is the instant it names.
func TestDateZoneAfterSpace(t *testing.T) {
	want := time.Date(2026, 2, 3, 8, 0, 0, 0, time.UTC)
	for _, s := range []string{
		"2026-02-03 10:00 +02:00", "2026-02-03 10:00:00 +02:00", "2026-02-03 10:00:00+02:00",
		"2026-02-03T10:00 +02:00", "2026-02-03 10:00 +0200", "2026-02-03 10:00 +2", "2026-02-03 08:00 Z",
		"2026-02-03 9:00 +01:00", "2026-02-03 07:00:00.000 -01:00",
	} {
		got, ok := ParseDate(s)
		if !ok || !got.Equal(want) {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", s, got, ok, want)
		}
	}
}

// TestControlCharacters: a character YAML refuses, which no editor shows,
// is named at its line and column; a file of UTF-16 without a byte order
// mark, whose every other byte is zero, is reported as UTF-16.
func TestControlCharacters(t *testing.T) {
	tests := []struct{ src, want string }{
		{"name: A\ntown: Fri\x00th\n", "f.yaml:2:10: YAML syntax error: a NUL character (U+0000) is here, which YAML does not allow and editors do not show; delete it"},
		{"bio: \"one\vtwo\"\n", "f.yaml:1:10: YAML syntax error: a vertical tab (U+000B), which a word processor writes for a line break within a paragraph, is here, which YAML does not allow and editors do not show; delete it"},
		{"name: Zoë\x1b\n", "f.yaml:1:10: YAML syntax error: the control character U+001B is here, which YAML does not allow and editors do not show; delete it"},
		{"bio: It\u0092s\n", "f.yaml:1:8: YAML syntax error: the control character U+0092 is here, which YAML does not allow and editors do not show; it is most likely ’ from text saved in Windows-1252 and read with the wrong encoding; retype it as ’"},
		{"bio: It\u0081s\n", "f.yaml:1:8: YAML syntax error: the control character U+0081 is here, which YAML does not allow and editors do not show; delete it"},
		{"n\x00a\x00m\x00e\x00:\x00 \x00A\x00\n\x00", "f.yaml:1:1: file is UTF-16 text, not UTF-8; save it with UTF-8 encoding"},
	}
	for _, tt := range tests {
		var l diag.List
		if New("f.yaml", []byte(tt.src), 0, &l).Parse() != nil {
			t.Errorf("%q: parsed", tt.src)
		}
		var got []string
		for _, p := range l.All() {
			got = append(got, p.String())
		}
		if strings.Join(got, "\n") != tt.want {
			t.Errorf("%q: problems\n%s\nwant\n%s", tt.src, strings.Join(got, "\n"), tt.want)
		}
	}
}

// TestC1Characters: a control character of U+0080 to U+009F in a quoted
// value, where YAML allows it, is named with the character of
// Windows-1252 it most likely stood for, to retype; one that stands for
// none is to be removed.
func TestC1Characters(t *testing.T) {
	tests := []struct{ src, want string }{
		{"town: \"Frith\\x96wick\"\n", "f.yaml:1:7: town has the control character U+0096, which browsers do not show and HTML does not allow; it is most likely – from text saved in Windows-1252 and read with the wrong encoding; retype it as –"},
		{"bio: \"It\\x92s\"\n", "f.yaml:1:6: bio has the control character U+0092, which browsers do not show and HTML does not allow; it is most likely ’ from text saved in Windows-1252 and read with the wrong encoding; retype it as ’"},
		{"bio: \"It\\x8Ds\"\n", "f.yaml:1:6: bio has the control character U+008D, which browsers do not show and HTML does not allow; remove it"},
		{"town: \"Frith\\x8Dwick\"\n", "f.yaml:1:7: town must be on one line, but it has the control character U+008D; remove it"},
	}
	for _, tt := range tests {
		var l diag.List
		d := New("f.yaml", []byte(tt.src), 0, &l)
		m := d.Map(d.Parse(), "practitioner", "town", "bio")
		var town, bio string
		m.OneLine("town", &town)
		m.Text("bio", &bio)
		var got []string
		for _, p := range l.All() {
			got = append(got, p.String())
		}
		if strings.Join(got, "\n") != tt.want {
			t.Errorf("%q: problems\n%s\nwant\n%s", tt.src, strings.Join(got, "\n"), tt.want)
		}
	}
}

// TestKeysThatAreNotWords: a key written as a list or a mapping is an
// error at the key that says what it is and what a key is.
func TestKeysThatAreNotWords(t *testing.T) {
	tests := []struct{ src, want string }{
		{"name: A\n[a, b]: 1\n", "f.yaml:2:1: a key of practitioner is a list ([a, b]); keys are plain words, such as name: write the key without brackets"},
		{"name: A\n{town: x}: 1\n", "f.yaml:2:1: a key of practitioner is a mapping ({town: x}); keys are plain words, such as name: write the key without braces"},
		{"name: A\n? - a\n: 1\n", "f.yaml:2:3: a key of practitioner is a list (? - a); keys are plain words, such as name: write name: value on one line, without the ?"},
		{"name: A\n? {town: x}\n: 1\n", "f.yaml:2:3: a key of practitioner is a mapping ({town: x}); keys are plain words, such as name: write the key without braces"},
		{"name: A\n? town: x\n: 1\n", "f.yaml:2:3: a key of practitioner is a mapping (? town: x); keys are plain words, such as name: write name: value on one line, without the ?"},
	}
	for _, tt := range tests {
		var l diag.List
		d := New("f.yaml", []byte(tt.src), 0, &l)
		d.Map(d.Parse(), "practitioner", "name")
		var got []string
		for _, p := range l.All() {
			got = append(got, p.String())
		}
		if strings.Join(got, "\n") != tt.want {
			t.Errorf("%q: problems\n%s\nwant\n%s", tt.src, strings.Join(got, "\n"), tt.want)
		}
	}
}

// TestRequireMisspeltKey: a required key written misspelt ("nmae") is one
// problem, the unknown key with the key meant, not also the key missing;
// a key missing with nothing near it is reported as missing, and one
// present but empty as empty.
func TestRequireMisspeltKey(t *testing.T) {
	tests := []struct{ src, want string }{
		{"nmae: A\ntown: B\n", `f.yaml:1:1: unknown key "nmae" in school; did you mean "name"?`},
		{"town: B\n", `f.yaml:1:1: school is missing required key "name"; add ` + "`name: ...`"},
		{"name: \"\"\ntown: B\n", `f.yaml:1:7: name is empty; write it after the colon: ` + "`name: ...`"},
	}
	for _, tt := range tests {
		var l diag.List
		d := New("f.yaml", []byte(tt.src), 0, &l)
		if d.Map(d.Parse(), "school", "name", "town").Require("name", "town") {
			t.Errorf("%q: Require passed", tt.src)
		}
		var got []string
		for _, p := range l.All() {
			got = append(got, p.String())
		}
		if strings.Join(got, "\n") != tt.want {
			t.Errorf("%q: problems\n%s\nwant\n%s", tt.src, strings.Join(got, "\n"), tt.want)
		}
	}
}

// TestStringsWithCommas: a list key written as plain text with commas
// (tags: safety, treatment) is one item with a comma in it, which would
// be published as one tag "safety, treatment" or one author called "A,
// B"; it is an error that shows the list in brackets, or the quotes that
// keep one item with a comma. Quoted, the comma is meant.
func TestStringsWithCommas(t *testing.T) {
	tests := []struct {
		name, src string
		tags      []string
		want      string
	}{
		{"one tag", "tags: safety\n", []string{"safety"}, ""},
		{"a list in brackets", "tags: [safety, treatment]\n", []string{"safety", "treatment"}, ""},
		{"a quoted item with a comma", "tags: \"Hall, John E.\"\n", []string{"Hall, John E."}, ""},
		{"plain text with commas", "tags: safety, treatment\n", nil,
			`f.yaml:1:7: tags: "safety, treatment" is one item with a comma in it; write a list in square brackets, tags: [safety, treatment], or put one item in quotes: tags: "safety, treatment"`},
		{"commas without spaces", "tags: safety,treatment,  children\n", nil,
			`f.yaml:1:7: tags: "safety,treatment,  children" is one item with commas in it; write a list in square brackets, tags: [safety, treatment, children], or put one item in quotes: tags: "safety,treatment,  children"`},
		{"in a block list, an item is one item", "tags:\n  - Hall, John E.\n", []string{"Hall, John E."}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var l diag.List
			d := New("f.yaml", []byte(tt.src), 0, &l)
			var tags []string
			d.Map(d.Parse(), "front matter", "tags").Strings("tags", &tags)
			var got []string
			for _, p := range l.All() {
				got = append(got, p.String())
			}
			if strings.Join(got, "\n") != tt.want {
				t.Errorf("problems\n%s\nwant\n%s", strings.Join(got, "\n"), tt.want)
			}
			if tt.want == "" && strings.Join(tags, "|") != strings.Join(tt.tags, "|") {
				t.Errorf("tags %q, want %q", tags, tt.tags)
			}
		})
	}
}
