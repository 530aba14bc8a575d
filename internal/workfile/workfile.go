// Package workfile recognises the files that editors, word processors and
// operating systems leave beside the ones an editor writes: they are not
// part of the site, and every reader of the site's folders (the build's
// pages and static files, the layouts, the practitioners' and schools'
// data, sitegen new, the development server's watcher) leaves them out
// by the one rule here, so that a build, sitegen check and the preview
// agree.
//
// Left out are hidden files and folders (a name starting with a dot, as
// .DS_Store, vim's .safety.md.swp, Emacs's lock .#safety.md, LibreOffice's
// .~lock.safety.md#, a .git folder), except the folder .well-known, whose
// files (security.txt) are published at a standard address; backups
// (safety.md~); Microsoft Office's lock files (~$safety.md); Emacs's
// auto-save files (#safety.md#); JetBrains's safe-write files
// (safety.md___jb_tmp___, safety.md___jb_old___); vim's write test
// (4913, or 5036, 5159 and so on, 123 apart, when it is taken); the file
// GNU sed -i writes before renaming it over the one it edits (sed and six
// random letters and digits: sedAbC123), and the link GNU ln -sf makes
// before renaming it over the old (Cu and six: CuX1y2Z3); Python's
// temporary files (tmp and eight random lower-case letters, digits or
// underscores: tmpk3_9xq0a), which its atomic writers rename into place;
// the temporary files of programs
// that save by writing a new file and renaming it into place (a name
// ending in .tmp or .temp, or with .tmp or .temp and a number or a random
// word after it: safety.md.tmp.1234, site.css.tmp-98fa); a download a
// browser has not finished (hands.jpg.crdownload, hands.jpg.part, Safari's
// folder hands.jpg.download); and the files Windows and macOS keep in
// folders (Thumbs.db, ehthumbs.db, desktop.ini, Icon\r). Kate's swap
// file (.safety.md.kate-swp) and gedit's (.goutputstream-X1Y2Z3) are
// hidden files.
//
// A page or a picture is never named so: a page ends in .md, and a
// picture, a stylesheet or a download in its own extension.
//
// Not left out are names of digits alone, which Go's os.CreateTemp gives
// when called with no pattern (a random number of up to ten digits:
// 123456789). No editor saves so: Go editors (micro) write over the file,
// Go formatters of YAML (yamlfmt) write in place, and atomic-write
// packages name their files after the target (renameio: .site.css123,
// hidden) or with .tmp. Only a program's own helper that calls
// os.CreateTemp(dir, "") beside the file it replaces would, and nothing
// tells its names from a year or a date (static/2026, 20261127) or a
// number a download is filed under, which must be published. vim's write
// test (4913) is the one number left out, since it is that exact number
// or 123 more. Missing such a file costs one more rebuild in the preview;
// leaving out a real one would leave it off the site without a word.
//
// The same readers share one rule for symbolic links (Read): a link to a
// file is read, a link to a folder is not followed.
package workfile

import (
	"io/fs"
	"strconv"
	"strings"

	"sitegen/internal/diag"
)

// Skip reports whether the file or folder called name (a base name, not
// a path) is a working file or folder, left out of the site.
func Skip(name string) bool {
	switch {
	case name == "" || name == "." || name == "..":
		return false
	case name == ".well-known":
		return false
	case strings.HasPrefix(name, "."):
		return true
	case strings.HasSuffix(name, "~"):
		return true
	case strings.HasPrefix(name, "~$"):
		return true
	case len(name) > 1 && strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"):
		return true
	case strings.HasSuffix(name, "___jb_tmp___"), strings.HasSuffix(name, "___jb_old___"):
		return true
	case name == "Icon\r" || vimWriteTest(name) || random(name, "sed", 6, false) || random(name, "Cu", 6, false) || random(name, "tmp", 8, true):
		return true
	}
	lower := strings.ToLower(name)
	switch lower {
	case "thumbs.db", "ehthumbs.db", "desktop.ini":
		return true
	}
	for _, ext := range []string{".crdownload", ".part", ".download"} {
		if strings.HasSuffix(lower, ext) && len(lower) > len(ext) {
			return true
		}
	}
	return tempName(lower)
}

// vimWriteTest reports whether name is one of the files vim writes to
// learn whether it may write in a folder: 4913, or when that exists
// 5036, 5159, and so on.
func vimWriteTest(name string) bool {
	n, err := strconv.Atoi(name)
	return err == nil && name[0] != '0' && name[0] != '+' && n >= 4913 && (n-4913)%123 == 0
}

// random reports whether name is prefix followed by n random letters or
// digits, as GNU sed -i and ln -sf name their temporary files, or by n
// lower-case letters, digits or underscores (python: as Python's tempfile
// names them), with no extension. Of sed's and ln's names, only those
// with a digit or a capital among the six count: a word such as
// "sedentary" or "Customer" may be a real file's name, while fewer than
// one random name in 150 is all lower-case letters, and a rebuild for
// that one is harmless.
func random(name, prefix string, n int, python bool) bool {
	if len(name) != len(prefix)+n || !strings.HasPrefix(name, prefix) {
		return false
	}
	mixed := python
	for _, c := range name[len(prefix):] {
		switch {
		case 'a' <= c && c <= 'z':
		case '0' <= c && c <= '9', !python && 'A' <= c && c <= 'Z':
			mixed = true
		case python && c == '_':
		default:
			return false
		}
	}
	return mixed
}

// tempName reports whether the lower-case name is a temporary file an
// atomic save renames into place: it ends in .tmp or .temp, or has .tmp
// or .temp followed by a dot, hyphen or underscore and letters and digits
// with a digit among them (safety.md.tmp.1234, site.css.tmp-98fa), which
// no extension such as .html has. After a dot, letters with a digit are
// random only when longer than an extension (.mp3, .mp4, .woff2): a file
// named talk.tmp.mp3 is published.
func tempName(lower string) bool {
	for _, mark := range []string{".tmp", ".temp"} {
		i := strings.LastIndex(lower, mark)
		if i <= 0 {
			continue
		}
		rest := lower[i+len(mark):]
		if rest == "" {
			return true
		}
		if rest[0] != '.' && rest[0] != '-' && rest[0] != '_' || len(rest) == 1 {
			continue
		}
		word, digit, letter := true, false, false
		for _, c := range rest[1:] {
			digit = digit || '0' <= c && c <= '9'
			letter = letter || 'a' <= c && c <= 'z'
			if !('a' <= c && c <= 'z' || '0' <= c && c <= '9') {
				word = false
				break
			}
		}
		// After a dot, letters and digits as short as an extension are
		// one (talk.tmp.mp3, body.temp.woff2): a real file's.
		if word && digit && (rest[0] != '.' || !letter || len(rest) > 6) {
			return true
		}
	}
	return false
}

// SkipPath reports whether the slash-separated path rel, or a folder it
// is in, is left out of the site.
func SkipPath(rel string) bool {
	for _, seg := range strings.Split(rel, "/") {
		if Skip(seg) {
			return true
		}
	}
	return false
}

// Read reports whether the entry p (a path in fsys, beneath one of the
// site's folders: content/layouts/...) met in a walk of that folder is
// read: anything but a symbolic link, or a link to a file. A link to a
// folder is not followed, so that a link to a folder above it cannot make
// a loop and every folder the build reads is one the preview watches
// (internal/serve), and is a warning at the link; a link that leads
// nowhere, to itself or out of the site is an error at the link. The
// build's readers of content/ and static/ and the layouts' reader share
// this rule.
func Read(fsys fs.FS, p string, d fs.DirEntry, list *diag.List) bool {
	if d.Type()&fs.ModeSymlink == 0 {
		return true
	}
	fi, err := fs.Stat(fsys, p)
	if err != nil {
		if !list.AddFrom(err) { // a link out of the site is reported at the link
			list.Errorf(p, 0, 0, "broken or looping symbolic link; remove it or point it at a file")
		}
		return false
	}
	if fi.IsDir() {
		top, _, _ := strings.Cut(p, "/")
		list.Warnf(p, 0, 0, "symbolic link to a folder is not followed; move the folder into %s/ instead", top)
		return false
	}
	return true
}
