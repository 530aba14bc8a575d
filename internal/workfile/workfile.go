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
// (4913); and the files Windows and macOS keep in folders (Thumbs.db,
// ehthumbs.db, desktop.ini, Icon\r).
package workfile

import "strings"

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
	case name == "4913" || name == "Icon\r":
		return true
	}
	switch strings.ToLower(name) {
	case "thumbs.db", "ehthumbs.db", "desktop.ini":
		return true
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
