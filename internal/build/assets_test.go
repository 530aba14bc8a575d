package build

import (
	"strings"
	"testing"
)

// A script's broken import is reported at the import, in the static file,
// by check as by build: before, it reached the browser as a module that
// never loads.
func TestScriptImportProblems(t *testing.T) {
	got := strings.TrimSpace(dryRun(map[string]string{
		"static/js/a.js":      "// Opens the menu.\nimport {open} from \"./menu.js\";\n",
		"static/js/lib/b.js":  "import {c} from '../c.js';\nexport const b = c;\n",
		"static/js/c.js":      "export const c = await import(\"/js/lib/b.js\");\n",
		"static/js/search.js": "import './lib/b.js';\n",
	}))
	want := []string{
		`static/js/a.js:2:21: imports ./menu.js, which is not in static/`,
		`static/js/c.js:1:32: imports /js/lib/b.js by absolute path, which never loads: scripts are published in /assets/ under new names; import it by a relative path such as ./b.js`,
	}
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("want\n  %s\ngot\n%s", w, got)
		}
	}
	if n := strings.Count(got, "static/js/"); n != len(want) {
		t.Errorf("%d problems in static/js; want %d:\n%s", n, len(want), got)
	}
}
