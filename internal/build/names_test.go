package build

import (
	"strings"
	"testing"
)

// TestNamesOnEveryComputer: a file name that works on the Linux machine
// that builds the site can still fail the editors who check the site out
// on macOS or Windows, or make an address a link typed on a keyboard
// does not reach. Each is an error at the file that says what to rename.
func TestNamesOnEveryComputer(t *testing.T) {
	const page = "---\ntitle: A\n---\n"
	nfd := "cafe\u0301" // é as e and a combining accent, as some Mac programs save it
	tests := []struct {
		name  string
		files map[string]string
		want  []string
	}{
		{"an accent saved as a separate mark",
			map[string]string{"content/articles/" + nfd + ".md": page},
			[]string{"content/articles/" + nfd + ".md:1:1: the file name has an accent saved as a mark of its own (U+0301 after e), as some Mac programs save names, and a link or address typed on a keyboard would not match it; rename the file cafe.md, or give the page a slug"}},
		{"an accent saved as a separate mark in a folder name",
			map[string]string{"content/" + nfd + "/_index.md": page},
			[]string{"content/" + nfd + "/_index.md:1:1: the folder name \"" + nfd + "\" has an accent saved as a mark of its own (U+0301 after e), as some Mac programs save names, and a link or address typed on a keyboard would not match it; rename the folder cafe"}},
		{"a static file with an accent saved as a separate mark",
			map[string]string{"static/images/th" + "e\u0301" + ".png": "png"},
			[]string{"static/images/th" + "e\u0301" + ".png:1:1: the file name has an accent saved as a mark of its own (U+0301 after e), as some Mac programs save names, and a link or address typed on a keyboard would not match it; rename the file the.png"}},
		{"two pages whose names differ only in capitals",
			map[string]string{"content/articles/About.md": page, "content/articles/about.md": page},
			[]string{
				"content/articles/About.md:1:1: warning: the file name has capital letters, which its URL keeps; rename the file about.md, or give the page a slug",
				"content/articles/about.md:1:1: content/articles/About.md and content/articles/about.md differ only in capital letters, which macOS and Windows read as one name: an editor there would have only one of the two files; rename one",
			}},
		{"two folders whose names differ only in capitals",
			map[string]string{"static/Images/a.png": "png", "static/images/b.png": "png"},
			[]string{"static/images/b.png:1:1: the folders static/Images and static/images differ only in capital letters, which macOS and Windows read as one name: an editor there would have their files in one folder; rename one"}},
		{"a page named as a Windows device",
			map[string]string{"content/articles/aux.md": page},
			[]string{"content/articles/aux.md:1:1: aux is a name Windows keeps for a device, whatever comes after its dot, so an editor on Windows cannot check out or open this file; rename it"}},
		{"a static file named as a Windows device",
			map[string]string{"static/files/Con.pdf": "pdf"},
			[]string{"static/files/Con.pdf:1:1: Con is a name Windows keeps for a device, whatever comes after its dot, so an editor on Windows cannot check out or open this file; rename it"}},
		{"a static file whose name a URL cannot hold",
			map[string]string{"static/images/a#b.png": "png"},
			[]string{"static/images/a#b.png:1:1: the file name contains '#', which a URL cannot hold as it is; rename the file a-b.png"}},
		{"a static folder whose name a URL cannot hold",
			map[string]string{"static/100%/a.png": "png"},
			[]string{"static/100%/a.png:1:1: the folder name \"100%\" contains '%', which a URL cannot hold as it is; rename the folder 100"}},
		{"a static file with a space is published as it is",
			map[string]string{"static/images/my photo.png": "png"}, nil},
		{"an accent typed on a keyboard is fine",
			map[string]string{"content/articles/caf\u00e9.md": page, "static/images/th\u00e9.png": "png"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := strings.TrimSpace(dryRun(tt.files))
			if want := strings.Join(tt.want, "\n"); got != want {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		})
	}
}
