package content

import (
	"strings"
	"testing"

	"sitegen/internal/diag"
)

// TestParseBody checks where the body starts for the ways an editor may
// close front matter, and that the body keeps everything after it.
func TestParseBody(t *testing.T) {
	tests := []struct {
		name, src, body string
		line            int
	}{
		{"plain", "---\ntitle: A\n---\nHello\n", "Hello\n", 4},
		{"closing line with spaces", "---\ntitle: A\n---  \nHello\n", "Hello\n", 4},
		{"indented closing line", "---\ntitle: A\n  ---\nHello\n", "Hello\n", 4},
		{"closing line at the end of the file", "---\ntitle: A\n---", "", 3},
		{"empty body", "---\ntitle: A\n---\n", "", 4},
		{"thematic breaks in the body", "---\ntitle: A\n---\nOne\n\n---\n\nTwo\n---\n", "One\n\n---\n\nTwo\n---\n", 4},
		{"CRLF line endings", "---\r\ntitle: A\r\n---\r\nHello\r\n", "Hello\n", 4},
		{"opening line with spaces after it", "---   \ntitle: A\n---\nHello\n", "Hello\n", 4},
		{"opening line with a tab after it", "---\t\ntitle: A\n---\nHello\n", "Hello\n", 4},
		{"indented opening line", "  ---\ntitle: A\n---\nHello\n", "Hello\n", 4},
		{"blank lines before the front matter", "\n \n---\ntitle: A\n---\nHello\n", "Hello\n", 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			list := &diag.List{}
			p := Parse("content/a.md", []byte(tt.src), list)
			if list.Len() > 0 || p == nil {
				t.Fatalf("problems: %v", list.All())
			}
			if string(p.Body) != tt.body || p.BodyLine != tt.line {
				t.Errorf("body %q on line %d, want %q on line %d", p.Body, p.BodyLine, tt.body, tt.line)
			}
			if p.Meta.Title != "A" {
				t.Errorf("title %q, want A", p.Meta.Title)
			}
		})
	}
}

// TestParseUnclosed checks that front matter without a closing line is
// reported, also when a line only looks like one.
func TestParseUnclosed(t *testing.T) {
	for _, src := range []string{"---\ntitle: A\n", "---\ntitle: A\n----\nbody\n", "---\ntitle: A\n- --\n"} {
		list := &diag.List{}
		if p := Parse("content/a.md", []byte(src), list); p != nil {
			t.Errorf("%q: parsed, want an error", src)
		}
		if all := list.All(); len(all) != 1 || !strings.Contains(all[0].Msg, "never closed") {
			t.Errorf("%q: problems %v, want one saying the front matter is never closed", src, all)
		}
	}
}

// TestParseFrontMatterProblems: front matter written the way other tools
// take it, or with something before it, is an error at the line to
// change, saying what to write instead.
func TestParseFrontMatterProblems(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"TOML front matter", "+++\ntitle = \"A\"\n+++\nHello\n",
			"content/a.md:1:1: the front matter starts with +++, which other site generators read as TOML; this site reads YAML: write a line --- before and after it, and each key as title: A"},
		{"JSON front matter", "{\n  \"title\": \"A\"\n}\nHello\n",
			"content/a.md:1:1: the front matter is written in JSON; this site reads YAML: write a line --- before and after it, and each key as title: A"},
		{"text before the front matter", "Draft\n---\ntitle: A\n---\nHello\n",
			"content/a.md:1:1: file has no front matter; start it with a line ---, then title: ..., then a line ---"},
		{"closed with a line ...", "---\ntitle: A\n...\nHello\n",
			"content/a.md:3:1: the front matter ends with a line ..., which other tools accept but this site does not; write --- in its place"},
		{"closed with a line +++", "---\ntitle: A\n+++\nHello\n",
			"content/a.md:3:1: the front matter ends with a line +++, which other tools accept but this site does not; write --- in its place"},
		{"the title's key in curly quotes", "---\n“title”: A\n---\nHello\n",
			`content/a.md:2:1: key "“title”" is in curly quotes, which YAML takes as part of the key; write it without them: title`},
		{"the title's key misspelt", "---\ntitel: A\n---\nHello\n",
			`content/a.md:2:1: unknown key "titel" in front matter; did you mean "title"?`},
		{"a problem after blank lines at the top", "\n\n---\ntitle: A\ntitel: B\n---\nHello\n",
			`content/a.md:5:1: unknown key "titel" in front matter; did you mean "title"?`},
		{"a slug with a slash at its end", "---\ntitle: A\nslug: first-visit/\n---\nHello\n",
			`content/a.md:3:7: slug "first-visit/" is one path segment, without slashes: the build adds them; write slug: first-visit`},
		{"a slug with slashes around it", "---\ntitle: A\nslug: /first-visit/\n---\nHello\n",
			`content/a.md:3:7: slug "/first-visit/" is one path segment, without slashes: the build adds them; write slug: first-visit`},
		{"a slug of two segments", "---\ntitle: A\nslug: a/b\n---\nHello\n",
			`content/a.md:3:7: slug "a/b" must be one path segment (no /); use aliases for old URLs`},
		{"a slug ending in .html", "---\ntitle: A\nslug: about.html\n---\nHello\n",
			`content/a.md:3:7: slug "about.html" ends in .html, but a slug is the last part of the page's address, which ends with a slash (/about.html/); write slug: about, and list the old address with .html under aliases if it was one`},
		{"a slug of index.HTM", "---\ntitle: A\nslug: index.HTM\n---\nHello\n",
			`content/a.md:3:7: slug "index.HTM" ends in .HTM, but a slug is the last part of the page's address, which ends with a slash (/index.HTM/); write slug: index, and list the old address with .html under aliases if it was one`},
		{"saved as UTF-16 without a byte order mark", "-\x00-\x00-\x00\n\x00t\x00i\x00t\x00l\x00e\x00:\x00 \x00A\x00\n\x00-\x00-\x00-\x00\n\x00",
			"content/a.md:1:1: file is UTF-16 text, not UTF-8; save it with UTF-8 encoding"},
		{"a slug in another alphabet", "---\ntitle: A\nslug: café-safety\n---\nHello\n", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			list := &diag.List{}
			Parse("content/a.md", []byte(tt.src), list)
			var got []string
			for _, p := range list.All() {
				got = append(got, p.String())
			}
			if strings.Join(got, "\n") != tt.want {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), tt.want)
			}
		})
	}
}

// TestReserved: the names Windows keeps for devices, in any letter case
// and with any ending, and only those.
func TestReserved(t *testing.T) {
	for name, reserved := range map[string]bool{
		"con": true, "CON.txt": true, "aux.md": true, "Nul": true, "prn.tar.gz": true,
		"com0.md": true, "COM9": true, "com¹.md": true, "LPT³": true, "lpt1.pdf": true,
		"conin$.md": true, "CONOUT$": true,
		"com10.md": false, "console.md": false, "comb": false, "lpt": false, "con-x.md": false,
		"com⁴.md": false, "auxiliary": false, "x.con": false,
	} {
		if got := Reserved(name) != ""; got != reserved {
			t.Errorf("Reserved(%q) says %v, want %v", name, got, reserved)
		}
	}
}
