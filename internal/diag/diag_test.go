package diag

import (
	"io/fs"
	"strings"
	"testing"
)

func TestSuggest(t *testing.T) {
	keys := []string{"title", "description", "date", "tags", "aliases", "publish_date"}
	for in, want := range map[string]string{
		"titel": "title", "tilte": "title", "descripton": "description", "tag": "tags",
		"publishdate": "publish_date", "colour": "", "x": "",
	} {
		if got := Suggest(in, keys); got != want {
			t.Errorf("Suggest(%q) = %q, want %q", in, got, want)
		}
	}
	// A short form an option starts with: the shortest such option.
	regions := []string{"Wales", "Yorkshire and the Humber", "East of England", "East Midlands"}
	for in, want := range map[string]string{"Yorkshire": "Yorkshire and the Humber", "yorks": "Yorkshire and the Humber", "East": "East Midlands", "Ea": ""} {
		if got := Suggest(in, regions); got != want {
			t.Errorf("Suggest(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestListSortsAndCounts(t *testing.T) {
	var l List
	l.Warnf("b.md", 3, 1, "late")
	l.Errorf("a.md", 9, 2, "second")
	l.Errorf("a.md", 2, 5, "first")
	l.Errorf("a.md", 2, 5, "first")
	l.Infof("c.md", 1, 1, "note")
	all := l.All()
	if len(all) != 4 {
		t.Fatalf("duplicates kept: %v", all)
	}
	if all[0].String() != "a.md:2:5: first" || all[2].String() != "b.md:3:1: warning: late" || all[3].String() != "c.md:1:1: info: note" {
		t.Errorf("order: %v", all)
	}
	if l.Summary(false) != "2 errors, 1 warning" || l.Summary(true) != "2 errors, 1 warning (strict: warnings fail too)" {
		t.Errorf("summary %q / %q", l.Summary(false), l.Summary(true))
	}
	if !l.Failed(false) {
		t.Error("errors must fail")
	}
	var w List
	w.Warnf("a", 1, 1, "w")
	w.Infof("a", 1, 1, "i")
	if w.Failed(false) || !w.Failed(true) {
		t.Error("warnings fail only strict builds; info never")
	}
}

// TestCheckUTF8 checks that text that is not UTF-8 is reported at its
// first bad byte, counting columns in characters and lines from the line
// the text starts after.
func TestCheckUTF8(t *testing.T) {
	tests := []struct {
		name   string
		src    string
		offset int
		want   string // "" when the text is UTF-8
	}{
		{"UTF-8 text", "title: Zoë\n", 0, ""},
		{"a Latin-1 byte", "name: Caf\xe9 Person\n", 0, "f.yaml:1:10: file is not UTF-8 text (the byte 0xE9 here is é in Windows-1252, which older Windows programs save); save it with UTF-8 encoding"},
		{"a curly quote of Windows-1252", "bio: \x93Hello\x94\n", 0, "f.yaml:1:6: file is not UTF-8 text (the byte 0x93 here is “ in Windows-1252, which older Windows programs save); save it with UTF-8 encoding"},
		{"a byte Windows-1252 has no character for", "bio: \x81\n", 0, "f.yaml:1:6: file is not UTF-8 text; save it with UTF-8 encoding"},
		{"after other lines and characters", "a: 1\nb: Zoë \xff\n", 0, "f.yaml:2:8: file is not UTF-8 text (the byte 0xFF here is ÿ in Windows-1252, which older Windows programs save); save it with UTF-8 encoding"},
		{"a character cut short at the end", "a: 1\nb: \xe2\x82", 0, "f.yaml:2:4: file is not UTF-8 text; save it with UTF-8 encoding"},
		{"after the lines before the text", "title: A\ndescription: caf\xe9\n", 1, "f.yaml:3:17: file is not UTF-8 text (the byte 0xE9 here is é in Windows-1252, which older Windows programs save); save it with UTF-8 encoding"},
		{"UTF-16, little-endian", "\xff\xfea\x00:\x00 \x00b\x00\n\x00", 0, "f.yaml:1:1: file is UTF-16 text, not UTF-8; save it with UTF-8 encoding"},
		{"UTF-16 without a byte order mark", "t\x00i\x00t\x00l\x00e\x00:\x00 \x00A\x00\n\x00", 0, "f.yaml:1:1: file is UTF-16 text, not UTF-8; save it with UTF-8 encoding"},
		{"a NUL in UTF-8 text", "title: A\x00B\n", 0, ""},
		{"UTF-16, big-endian", "\xfe\xff\x00a\x00:\x00 \x00b\x00\n", 1, "f.yaml:2:1: file is UTF-16 text, not UTF-8; save it with UTF-8 encoding"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var l List
			ok := l.CheckUTF8("f.yaml", []byte(tt.src), tt.offset)
			var got []string
			for _, p := range l.All() {
				got = append(got, p.String())
			}
			if ok != (tt.want == "") || strings.Join(got, "\n") != tt.want {
				t.Errorf("CheckUTF8 = %v, %q; want %q", ok, got, tt.want)
			}
		})
	}
}

// TestPlaceholderWithItsValueError: a value's error and a placeholder's
// warning at the same place are one problem, an error with the
// placeholder's advice; a placeholder alone stays a warning, and an
// error elsewhere stays as it is.
func TestPlaceholderWithItsValueError(t *testing.T) {
	var l List
	l.Warnf("a.yaml", 3, 6, "%s", Placeholder("TODO", "write the latitude in its place"))
	l.Errorf("a.yaml", 3, 6, `lat must be a number, not the text "TODO"`)
	l.Warnf("a.yaml", 4, 7, "%s", Placeholder("TODO", "write the town in its place"))
	l.Errorf("a.yaml", 4, 8, "something else")
	l.Warnf("a.yaml", 5, 1, "a broken link")
	l.Errorf("a.yaml", 5, 1, "an error beside it")
	var got []string
	for _, p := range l.All() {
		got = append(got, p.String())
	}
	want := []string{
		`a.yaml:3:6: placeholder "TODO" left to fill in; write the latitude in its place`,
		`a.yaml:4:7: warning: placeholder "TODO" left to fill in; write the town in its place`,
		`a.yaml:4:8: something else`,
		`a.yaml:5:1: an error beside it`,
		`a.yaml:5:1: warning: a broken link`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if n := l.Count(Error); n != 3 {
		t.Errorf("%d errors, want 3", n)
	}
}

// TestProblemIsOneLine: a problem prints on one line whatever its message
// quotes from a file: a line break, a terminal escape or a CI command at
// the start of a line are written as escapes.
func TestProblemIsOneLine(t *testing.T) {
	p := Problem{File: "content/a.md", Line: 2, Col: 3, Msg: "title \"A\n::error::x\x1b[2J\" and a\ttab\u2028"}
	want := `content/a.md:2:3: title "A\n::error::x\x1b[2J" and a` + "\t" + `tab\u2028`
	if got := p.String(); got != want {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestCannotReadCommand: the command that gives permission names the file
// as a shell reads it, a name with a space or a quote too.
func TestCannotReadCommand(t *testing.T) {
	err := &fs.PathError{Op: "open", Path: "x", Err: fs.ErrPermission}
	for name, want := range map[string]string{
		"content/notes.md":         "chmod -R a+rX content/notes.md,",
		"content/my notes.md":      "chmod -R a+rX 'content/my notes.md',",
		"content/king's-lynn.md":   `chmod -R a+rX 'content/king'\''s-lynn.md',`,
		"static/images/$5 off.jpg": "chmod -R a+rX 'static/images/$5 off.jpg',",
	} {
		if got := CannotRead(name, err); !strings.Contains(got, want) {
			t.Errorf("%s: %q, want %q in it", name, got, want)
		}
	}
}
