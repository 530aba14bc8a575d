package assets

import (
	"regexp"
	"strings"
	"testing"

	"sitegen/internal/diag"
)

// published returns the output path and contents Process gave a static file.
func published(t *testing.T, res *Result, source string) (string, string) {
	t.Helper()
	for _, f := range res.Files {
		if f.Source == source {
			return f.Path, string(f.Data)
		}
	}
	t.Fatalf("%s was not published; files: %v", source, res.Files)
	return "", ""
}

func TestFingerprintsAndRewritesImports(t *testing.T) {
	files := map[string][]byte{
		"css/site.css":           []byte("body{color:red}"),
		"js/search.js":           []byte("import {normalize} from \"./search-normalize.js\";\nimport {fmt} from '../lib/fmt.mjs';\nconst m = await import( \"./lazy.js\");\n"),
		"js/search-normalize.js": []byte("export function normalize(s) { return s }\n"),
		"js/lazy.js":             []byte("export const x = 1;\n"),
		"lib/fmt.mjs":            []byte("export function fmt() {}\n"),
		"favicon.svg":            []byte("<svg/>"),
		"docs/guide.txt":         []byte("import x from \"./nothing.js\""),
	}
	res, problems := Process(files, nil)
	if len(problems) != 0 {
		t.Fatalf("problems: %v", problems)
	}
	name := regexp.MustCompile(`^assets/[a-z-]+\.[0-9a-f]{8}\.(css|m?js)$`)
	for _, src := range []string{"css/site.css", "js/search.js", "js/search-normalize.js", "js/lazy.js", "lib/fmt.mjs"} {
		p, _ := published(t, res, src)
		if !name.MatchString(p) {
			t.Errorf("%s published as %s; want assets/<name>.<8 hex>.<ext>", src, p)
		}
		if res.URLs[src] != "/"+p {
			t.Errorf("URLs[%s] = %s; want /%s", src, res.URLs[src], p)
		}
	}
	// Other files keep their path and bytes, even text that looks like an import.
	if p, data := published(t, res, "docs/guide.txt"); p != "docs/guide.txt" || data != string(files["docs/guide.txt"]) {
		t.Errorf("docs/guide.txt published as %s %q", p, data)
	}
	if p, _ := published(t, res, "favicon.svg"); p != "favicon.svg" {
		t.Errorf("favicon.svg published as %s", p)
	}
	// Every import names the imported module's published file.
	_, search := published(t, res, "js/search.js")
	for _, dep := range []string{"js/search-normalize.js", "lib/fmt.mjs", "js/lazy.js"} {
		p, _ := published(t, res, dep)
		base := p[strings.LastIndexByte(p, '/')+1:]
		if !strings.Contains(search, "\"./"+base+"\"") && !strings.Contains(search, "'./"+base+"'") {
			t.Errorf("search.js does not import ./%s:\n%s", base, search)
		}
	}
	if strings.Contains(search, "search-normalize.js\"") || strings.Contains(search, "../lib") {
		t.Errorf("search.js keeps an unrewritten import:\n%s", search)
	}
}

// A changed module renames itself and every module that imports it, and
// nothing else.
func TestFingerprintFollowsImports(t *testing.T) {
	files := map[string][]byte{
		"js/a.js": []byte("import \"./b.js\";\n"),
		"js/b.js": []byte("export const b = 1;\n"),
		"js/c.js": []byte("export const c = 1;\n"),
	}
	before, _ := Process(files, nil)
	files["js/b.js"] = []byte("export const b = 2;\n")
	after, _ := Process(files, nil)
	for _, c := range []struct {
		src     string
		renamed bool
	}{{"js/a.js", true}, {"js/b.js", true}, {"js/c.js", false}} {
		if got := before.URLs[c.src] != after.URLs[c.src]; got != c.renamed {
			t.Errorf("%s: renamed = %v (%s, %s); want %v", c.src, got, before.URLs[c.src], after.URLs[c.src], c.renamed)
		}
	}
}

// TestUnreadModule: an import of a module that could not be read, or of
// one in a folder that could not be read, is not reported as a module
// missing from static/: the read error says why. Another missing module
// still is.
func TestUnreadModule(t *testing.T) {
	files := map[string][]byte{
		"js/a.js": []byte("import './b.js';\nimport '../lib/c.js';\nimport './d.js';\n"),
	}
	_, problems := Process(files, []string{"js/b.js", "lib"})
	var got []string
	for _, p := range problems {
		got = append(got, p.String())
	}
	if want := `js/a.js:3:9: imports ./d.js, which is not in static/`; strings.Join(got, "\n") != want {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), want)
	}
}

func TestImportProblems(t *testing.T) {
	for _, c := range []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"missing module", map[string]string{
			"js/main.js": "// The search box.\nimport {x} from \"./missing.js\";\n",
		}, []string{`js/main.js:2:18: imports ./missing.js, which is not in static/`}},
		{"cycle, reported once where it closes", map[string]string{
			"js/a.js": "import \"./b.js\";\n",
			"js/b.js": "export {}\nimport \"./a.js\";\n",
		}, []string{`js/b.js:2:9: imports ./a.js, which imports this module again; ES modules here must not import each other in a circle`}},
		{"module importing itself", map[string]string{
			"js/a.js": "import './a.js';",
		}, []string{`js/a.js:1:9: imports ./a.js, which imports this module again; ES modules here must not import each other in a circle`}},
		{"absolute path", map[string]string{
			"js/a.js": "const m = await import(\"/js/b.js\");",
			"js/b.js": "",
		}, []string{`js/a.js:1:25: imports /js/b.js by absolute path, which never loads: scripts are published in /assets/ under new names; import it by a relative path such as ./b.js`}},
		{"not a script", map[string]string{
			"js/a.js": "import {a} from \"../../../../../etc/passwd\";\nimport b from './data.json';",
		}, []string{
			`js/a.js:1:18: imports ../../../../../etc/passwd, which is not a script: import a .js module of static/ by its relative path, such as ./search.js`,
			`js/a.js:2:16: imports ./data.json, which is not a script: import a .js module of static/ by its relative path, such as ./search.js`,
		}},
		{"outside static", map[string]string{
			"js/a.js": "import x from '../../secret.js'",
		}, []string{`js/a.js:1:16: imports ../../secret.js, which is outside static/`}},
		{"column counts characters", map[string]string{
			"js/a.js": "/* Zoë */ import './é.js'; import './no.js';",
			"js/é.js": "",
		}, []string{`js/a.js:1:36: imports ./no.js, which is not in static/`}},
		{"same file under the same name twice", map[string]string{
			"css/site.css":     "a{}",
			"old/css/site.css": "a{}",
		}, []string{`old/css/site.css:1:1: is the same file as static/css/site.css under the same name; fingerprinted assets share one folder, so delete one`}},
	} {
		t.Run(c.name, func(t *testing.T) {
			files := map[string][]byte{}
			for n, s := range c.files {
				files[n] = []byte(s)
			}
			_, problems := Process(files, nil)
			var got []string
			for _, p := range problems {
				if p.Severity != diag.Error {
					t.Errorf("%v: severity %v; want an error", p, p.Severity)
				}
				got = append(got, p.String())
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}
