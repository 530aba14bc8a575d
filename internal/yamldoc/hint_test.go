package yamldoc

import (
	"fmt"
	"strings"
	"testing"

	"sitegen/internal/diag"
)

// TestSyntaxHints parses broken YAML as the site's files hold it and
// checks the position and advice an editor gets; where the cause is none
// of the mistakes syntaxHint knows, the parser's own message stays.
func TestSyntaxHints(t *testing.T) {
	tests := []struct{ src, want string }{
		{"title: Safety: what to know\n",
			`f.yaml:1:14: YAML syntax error: the value of title has ": " in it, which YAML reads as a new key; put the whole value in quotes: title: "Safety: what to know"`},
		// Pasted from a word processor: the curly quotes are letters to
		// YAML, and the advice says what to type in their place.
		{"title: “CST: an introduction”\n",
			`f.yaml:1:8: YAML syntax error: the value of title is in curly quotes (“ ”), which YAML reads as letters of the value, and has ": " in it, which YAML reads as a new key; type straight quotes in place of the curly ones: title: "CST: an introduction"`},
		{"title: ok\ndescription: ‘Zoë: the “new” course’ # from Word\n",
			`f.yaml:2:14: YAML syntax error: the value of description is in curly quotes (‘ ’), which YAML reads as letters of the value, and has ": " in it, which YAML reads as a new key; type straight quotes in place of the curly ones: description: "Zoë: the “new” course"`},
		{"school:\n  name: „CST: heute\"“\n",
			`f.yaml:2:9: YAML syntax error: the value of name is in curly quotes („ “), which YAML reads as letters of the value, and has ": " in it, which YAML reads as a new key; type straight quotes in place of the curly ones: name: "CST: heute\""`},
		{"title: Safety: what to know # a comment\n",
			`f.yaml:1:14: YAML syntax error: the value of title has ": " in it, which YAML reads as a new key; put the whole value in quotes: title: "Safety: what to know"`},
		{"title: “CST”: an introduction\n",
			`f.yaml:1:13: YAML syntax error: the value of title has ": " in it, which YAML reads as a new key; put the whole value in quotes: title: "“CST”: an introduction"`},
		{"title: ok\ndescription: \"He said \"hi\" to me\"\n",
			`f.yaml:2:23: YAML syntax error: the value of description is in "double quotes" and has a " inside it, which ends it early; write the inner quotes as \" or put the value in 'single quotes'`},
		{"title: ok\ndescription: 'it's here'\ntags: [a]\n",
			`f.yaml:2:17: YAML syntax error: the value of description is in 'single quotes' and has a ' inside it, which ends it early; write the apostrophe as '' (it''s) or put the value in "double quotes"`},
		{"title: \"unterminated\ndescription: fine\n",
			`f.yaml:1:8: YAML syntax error: the " that starts the value of title is never closed; add a " at the end of the value`},
		{"tags:\n  - \"a\"\n  - \"b \"c\" d\"\n",
			`f.yaml:3:8: YAML syntax error: this value is in "double quotes" and has a " inside it, which ends it early; write the inner quotes as \" or put the value in 'single quotes'`},
		{"title: ok\ndescription: \"a long\n  value, \\\"quoted\\\"\"\ntags: [x, 'it''s'\nweight: 1\n",
			`f.yaml:4:7: YAML syntax error: the [ that starts the value of tags is never closed; add a ] at the end of the list`},
		{"title: \"Zoë said \"no\"\"\n",
			`f.yaml:1:18: YAML syntax error: the value of title is in "double quotes" and has a " inside it, which ends it early; write the inner quotes as \" or put the value in 'single quotes'`},
		{"contact: {email: a@example.org\nname: x\n",
			`f.yaml:1:10: YAML syntax error: the { that starts the value of contact is never closed; add a } at the end of the mapping`},
		{"title: ok\n\"key: 1\n",
			`f.yaml:2:1: YAML syntax error: the " that starts this line is never closed; add a " where the quoted key ends, before its colon`},
		{"tags:\n  - \n  - a\naliases: [\"/x\n",
			`f.yaml:4:10: YAML syntax error: the [ that starts the value of aliases is never closed; add a ] at the end of the list`},
		{"\"key: 1\n",
			`f.yaml:1:1: YAML syntax error: the " that starts this line is never closed; add a " where the quoted key ends, before its colon`},
		{"contact:\n  email: a@example.org\n  'phone: 01632 960905\ntitle: x\n",
			`f.yaml:3:3: YAML syntax error: the ' that starts this line is never closed; add a ' where the quoted key ends, before its colon`},
		{"description: It goes on\n  \"over\" lines\ntitle: \"abc\n",
			`f.yaml:3:8: YAML syntax error: the " that starts the value of title is never closed; add a " at the end of the value`},
		{"title: ok\ndescription: \"bad \\q\"\n",
			`f.yaml:2:19: YAML syntax error: the value of description has \q in it, which YAML cannot read as an escape in "double quotes"; write the backslash as \\ or put the value in 'single quotes'`},
		{"tags:\n  - \"a \\\"b\\\" \\n\"\n  - \"Zoë \\é\"\n",
			`f.yaml:3:10: YAML syntax error: this value has \é in it, which YAML cannot read as an escape in "double quotes"; write the backslash as \\ or put the value in 'single quotes'`},
		{"title: ok\ndescription: \"a long \\\n  value in C:\\Dev\"\n",
			`f.yaml:3:14: YAML syntax error: the value of description has \D in it, which YAML cannot read as an escape in "double quotes"; write the backslash as \\ or put the value in 'single quotes'`},
		{"title: ok\ndescription: \"caf\\u00e9 in C:\\users\"\n",
			`f.yaml:2:30: YAML syntax error: the value of description has \u in it, which YAML cannot read as an escape in "double quotes"; write the backslash as \\ or put the value in 'single quotes'`},
		{"title: ok\ndescription: @x\n",
			`f.yaml:2:14: YAML syntax error: the value of description starts with @, which YAML does not allow at the start of a value that is not in quotes; put the whole value in quotes: description: "@x"`},
		{"title: ok\ndescription: `sitegen` builds \"the\" site # a comment\n",
			"f.yaml:2:14: YAML syntax error: the value of description starts with `, which YAML does not allow at the start of a value that is not in quotes; put the whole value in quotes: description: \"`sitegen` builds \\\"the\\\" site\""},
		{"title: ok\ntags:\n  - a\n  - @b\\c\n",
			`f.yaml:4:5: YAML syntax error: this value starts with @, which YAML does not allow at the start of a value that is not in quotes; put the whole value in quotes: "@b\\c"`},
		{"title: ok\ndescription: *New* course # from May\n",
			`f.yaml:2:14: YAML syntax error: the value of description starts with *, which YAML reads as a reference to an anchor (*name); if the * is part of the text, put the whole value in quotes: description: "*New* course"`},
		{"title: ok\ndescription: *bold text*\n",
			`f.yaml:2:14: YAML syntax error: the value of description starts with *, which YAML reads as a reference to an anchor &bold, but no such anchor comes before it; if the * is part of the text, put the whole value in quotes: description: "*bold text*"`},
		{"common: &langs [English]\nlanguages: *langs\ntitle: & more\n",
			`f.yaml:3:8: YAML syntax error: the value of title starts with &, which YAML reads as an anchor (&name), which names the value to repeat it elsewhere; if the & is part of the text, put the whole value in quotes: title: "& more"`},
		{"title: ok\nlanguages: *en\nother: &en [English]\n",
			`f.yaml:2:12: YAML syntax error: the value of languages starts with *, which YAML reads as a reference to an anchor &en, but no such anchor comes before it; if the * is part of the text, put the whole value in quotes: languages: "*en"`},
		{"defaults: &lang [English]\nlanguages: *lang\ntags:\n  - *lan\n",
			`f.yaml:4:5: YAML syntax error: this value starts with *, which YAML reads as a reference to an anchor &lan, but no such anchor comes before it; if the * is part of the text, put the whole value in quotes: "*lan"`},
		{"title: x\ndescription: |\n    abc\n\n  def\n",
			"f.yaml:5:3: YAML syntax error: this line is indented less than the first line of the value of description, which ends that text here; indent it by 4 spaces, as that line is"},
		{"locations:\n  - name: x\n    notes: >\n      First line\n     Note: second\n",
			"f.yaml:5:6: YAML syntax error: this line is indented less than the first line of the value of notes, which ends that text here; indent it by 6 spaces, as that line is"},
		{"title: ok\ntags:\n\t- a\n",
			"f.yaml:3:1: YAML syntax error: this line is indented with a tab, which YAML does not allow; indent it with spaces"},
		{"title: ok\ndate:2024-01-01\n",
			"f.yaml:2:5: YAML syntax error: add a space after the colon: date: 2024-01-01"},
		// A quote never closed, when a later value is quoted too: the
		// parser reads on to that value's quote and stops lines below.
		{"title: \"Is it safe?\ndescription: \"Who should talk to a doctor.\"\ndate: 2026-01-01\n",
			`f.yaml:1:8: YAML syntax error: the " that starts the value of title is never closed; add a " at the end of the value`},
		{"title: 'It is safe\ndescription: 'Who'\n",
			`f.yaml:1:8: YAML syntax error: the ' that starts the value of title is never closed; add a ' at the end of the value`},
		{"name: \"Hollis Wetherby\nregistration: CST-000001\nlevel: Registered\ncontact: {email: a@example.org, phone: \"01632 960905\", website: https://example.org/}\n",
			`f.yaml:1:7: YAML syntax error: the " that starts the value of name is never closed; add a " at the end of the value`},
		{"locations:\n  - name: \"Mill House\n    town: \"Frithwick\"\n",
			`f.yaml:2:11: YAML syntax error: the " that starts the value of name is never closed; add a " at the end of the value`},
		{"tags:\n  - \"a\n  - \"b\"\n",
			`f.yaml:2:5: YAML syntax error: the " that starts this value is never closed; add a " at the end of the value`},
		// A ? inside a plain item of a flow list or mapping.
		{"title: x\naliases: [/old?x=1]\n",
			`f.yaml:2:15: YAML syntax error: the value of aliases has a ? in /old?x=1, which YAML cannot read between [ and ] unless it is in quotes; put it in quotes: "/old?x=1"`},
		{"aliases: [/old, \"/a?b\",\n  /new?x=1&y=2]\n",
			`f.yaml:2:7: YAML syntax error: the value of aliases has a ? in /new?x=1&y=2, which YAML cannot read between [ and ] unless it is in quotes; put it in quotes: "/new?x=1&y=2"`},
		{"contact: {website: https://example.org/?a=1}\n",
			`f.yaml:1:40: YAML syntax error: the value of contact has a ? in website: https://example.org/?a=1, which YAML cannot read between { and } unless it is in quotes; put it in quotes: "website: https://example.org/?a=1"`},
		// Look-alikes that are fine YAML: the parser's message stays.
		{"bio: |\n  She says: \"it's \"fine\"\n  'odd\nurl: https://example.org/a\ntime: \"10:30\" # a comment\nlist: [a,\n  b]\ntitle: x\n- oops\n",
			"f.yaml:9:1: YAML syntax error: did not find expected key; check the indentation and quoting on this line or the one above"},
		{"title: x\n  bad: y\n",
			"f.yaml:2:3: YAML syntax error: bad is indented more than title above it, so YAML reads it as more of the value of title; indent bad as much as title"},
		{"title: \"x\" # quoted\ncontact:\n  email: a@example.org\n  phone: [\"01632 960905\"]\n    website: https://example.org/\n",
			"f.yaml:5:5: YAML syntax error: website is indented more than phone above it, so YAML reads it as more of the value of phone; indent website as much as phone"},
		{"locations:\n  - name: Frithwick\n    town: Frithwick\n  - name: Mill Lane\n      town: Frithwick\n",
			"f.yaml:5:7: YAML syntax error: town is indented more than name above it, so YAML reads it as more of the value of name; indent town as much as name"},
		{"description: This goes on\n  \"over\" two lines\nkey: [unclosed\n",
			"f.yaml:3:6: YAML syntax error: the [ that starts the value of key is never closed; add a ] at the end of the list"},
	}
	for i, tc := range tests {
		var l diag.List
		if New("f.yaml", []byte(tc.src), 0, &l).Parse() != nil {
			t.Errorf("case %d parsed: %q", i, tc.src)
			continue
		}
		var got []string
		for _, p := range l.All() {
			got = append(got, p.String())
		}
		if g := strings.Join(got, "\n"); g != tc.want {
			t.Errorf("case %d, %q:\n got %s\nwant %s", i, tc.src, g, tc.want)
		}
	}
}

// TestNoHintOnValidYAML: the hints only ever run on YAML the parser
// rejected, but they must not fire on the look-alikes of valid files.
func TestNoHintOnValidYAML(t *testing.T) {
	for i, src := range []string{
		"bio: |\n  She says: \"it's \"fine\"\n  'odd\n",
		"url: https://example.org/a\ntime: \"10:30\" # a comment\nlist: [a,\n  b]\n",
		"description: \"a long\n  value\"\ntitle: 'it''s'\n",
		"description: This goes on\n  \"over\" two lines\n",
		"- \"a\"\n- [b, 'c, d']\n- {e: f}\n",
		"title: x\ntags:\n  b: c\nanchored: &a\n  d: e\nlocations:\n  - name: x\n    town: y\n",
		"description: This goes on\n  \"over two lines\ntitle: x\n",
		"bio: |2\n      indented more\n  than the rest\nnotes: >\n  one\n\n    two\n  three\n",
		"common: &langs-1 [English]\nlanguages: *langs-1\nmore: &m\n  a: b\nlist:\n  - *m\n",
		"a: \"\\\"q\\\" \\\\ \\x41 \\u00e9 \\U0001F600 \\t\\\n  b\"\nc: 'C:\\Users' # \\q\n",
		"tags: [\"a?b\", ?c, 'd?']\nlocations:\n  - name: \"Mill\n      House\"\n    town: x\n",
	} {
		if line, col, hint, ok := syntaxHint([]byte(src), "did not find expected key"); ok {
			t.Errorf("case %d: hint at %d:%d for valid YAML %q: %s", i, line, col, src, hint)
		}
		if _, _, hint, ok := syntaxHint([]byte(src), "mapping values are not allowed in this context"); ok {
			t.Errorf("case %d: colon hint for valid YAML %q: %s", i, src, hint)
		}
		if _, _, hint, ok := syntaxHint([]byte(src), "found unexpected end of stream"); ok {
			t.Errorf("case %d: unclosed quote hint for valid YAML %q: %s", i, src, hint)
		}
		if _, _, hint, ok := syntaxHint([]byte(src), "found unknown escape character"); ok {
			t.Errorf("case %d: escape hint for valid YAML %q: %s", i, src, hint)
		}
		if _, _, hint, ok := syntaxHint([]byte(src), "did not find expected alphabetic or numeric character"); ok {
			t.Errorf("case %d: anchor hint for valid YAML %q: %s", i, src, hint)
		}
		var l diag.List
		if New("f.yaml", []byte(src), 0, &l).Parse() == nil {
			t.Errorf("case %d does not parse: %v", i, fmt.Sprint(l.All()))
		}
	}
}
