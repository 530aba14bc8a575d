package content

import (
	"bytes"
	"testing"

	"sitegen/internal/diag"
)

// FuzzParse feeds arbitrary page files to Parse. Whatever an editor saves,
// Parse must not panic, a file it cannot use must come with an error, and
// every problem must name the file and a line and column inside it.
//
// make test runs the seeds below; go test -fuzz FuzzParse searches.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: Safety\ndate: 2024-05-01\ntags: [safety, certification]\n---\nBody *text*.\n",
		"---\ntitel: Safety\n---\n",
		"---\ntitle: [unclosed\n---\nbody\n",
		"---\ntitle: x\ndate: yesterday\ntags: 5\nweight: heavy\ndraft: maybe\n---\n",
		"---\ntitle: x\n",
		"\ufeff---\r\ntitle: CRLF\r\n---\r\nbody\r\n",
		"---\ntitle: x\nslug: ../../etc\naliases: [/old/, ../../x, 7]\n---\n",
		"---\n- a list\n---\n",
		"---\ntitle: &a x\nb: *a\n<<: {c: d}\n---\n",
		"---\ntitle: x\ntitle: y\n---\n",
		"no front matter at all\n",
		"---\r---\r",
		"",
		"\xff\xfe",
		"---\ntitle: \"TODO: title\"\ntags: [TODO, x]\nbooks:\n  - note: >-\n      TODO: a note\n---\nTODO\n",
		"---\na: |\n TODO\n  TODO\nb: &x !!str TODO\n---\n",
		"---\ntitle: T\ntags:\n  - \n  - a\naliases: [\"/x\n---\nBody\n",
		// Front matter opened after blank lines or with spaces around
		// its ---, in TOML or JSON, or closed as other tools close it.
		"\n \n\t\n  ---  \ntitle: Later\n---\nBody\n",
		"+++\ntitle = \"TOML\"\n+++\nBody\n",
		"\n{\"title\": \"JSON\"}\nBody\n",
		"---\ntitle: Dots\n...\nBody\n",
		"---\ntitle: Plus\n+++\n",
		"\r\n\r\n---\r\ntitle: x\r\n",
		// Text pasted from a word processor.
		"---\n\u00a0title: A\n“description”: b\ntitle:\u00a0A\n---\n",
		"---\ntitle: one\u2028two\ntags:\n\u00a0\u00a0- a\n---\nBody\u2029\n",
		"---\ntitle: \ue028 and \u2028\u0085\n---\n",
	} {
		f.Add([]byte(s))
	}
	const file = "content/articles/page.md"
	f.Fuzz(func(t *testing.T, src []byte) {
		var list diag.List
		p := Parse(file, src, &list)
		lines := bytes.Count(Normalize(src), []byte("\n")) + 1
		errs := 0
		for _, pr := range list.All() {
			if pr.Severity == diag.Error {
				errs++
			}
			if pr.File != file || pr.Line < 1 || pr.Line > lines || pr.Col < 1 || pr.Msg == "" {
				t.Errorf("problem not at a place in the file (%d lines): %q at %d:%d: %s", lines, pr.File, pr.Line, pr.Col, pr.Msg)
			}
		}
		if p != nil {
			for _, pr := range p.Placeholders {
				if pr.File != file || pr.Line < 2 || pr.Line > lines || pr.Col < 1 || pr.Msg == "" || pr.Severity != diag.Warning {
					t.Errorf("placeholder not at a place in the front matter (%d lines): %s", lines, pr)
				}
			}
		}
		if p == nil && errs == 0 {
			t.Errorf("Parse gave no page and no error")
		}
		if p != nil && (p.BodyStart < 0 || p.BodyStart > len(Normalize(src)) || p.BodyLine < 1) {
			t.Errorf("body at offset %d, line %d, of a %d-byte file", p.BodyStart, p.BodyLine, len(Normalize(src)))
		}
	})
}
