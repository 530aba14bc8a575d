package build

import (
	"fmt"
	"path"
	"sort"
	"strings"
	"unicode"

	"sitegen/internal/content"
	"sitegen/internal/diag"
)

// staticName says why the path of a file under static/ (images/a.png)
// is a name some editors' computers or a URL cannot hold, or returns "":
// a folder or file name with an accent saved as a mark of its own (as
// some Mac programs save names, which a link typed on a keyboard does
// not match), one Windows keeps for a device (con.pdf), or one with a
// character that ends or escapes an address (#, ?, %) or that Windows
// does not allow in a name. A space is allowed: a link writes it as %20
// or in <angle brackets>. Page names are checked by content.
func staticName(rel string) string {
	dir, name := path.Split(rel)
	for _, seg := range strings.Split(strings.TrimSuffix(dir, "/"), "/") {
		if seg == "" {
			continue
		}
		if why := content.Decomposed(seg); why != "" {
			return fmt.Sprintf("the folder name %q %s; %s", seg, why, content.Rename("folder", seg, ""))
		}
		if why := content.Reserved(seg); why != "" {
			return why
		}
		if r, bad := urlBreaking(seg); bad {
			return fmt.Sprintf("the folder name %q contains %q, which a URL cannot hold as it is; %s", seg, r, content.Rename("folder", seg, ""))
		}
	}
	ext := path.Ext(name)
	if why := content.Decomposed(name); why != "" {
		return fmt.Sprintf("the file name %s; %s", why, content.Rename("file", strings.TrimSuffix(name, ext), ext))
	}
	if why := content.Reserved(name); why != "" {
		return why
	}
	if r, bad := urlBreaking(name); bad {
		return fmt.Sprintf("the file name contains %q, which a URL cannot hold as it is; %s", r, content.Rename("file", strings.TrimSuffix(name, ext), ext))
	}
	return ""
}

// urlBreaking returns the first character of a static file's name that
// ends or escapes an address (#, ?, %) or that Windows does not allow in
// a name (\ : * " < > | and control characters).
func urlBreaking(name string) (rune, bool) {
	for _, r := range name {
		if strings.ContainsRune(`#?%\:*"<>|`, r) || unicode.IsControl(r) {
			return r, true
		}
	}
	return 0, false
}

// sameOnMacAndWindows reports paths (content/... or static/...) that
// differ only in letter case, or lie in folders that do: macOS and
// Windows read such names as one, so an editor who checks the site out
// there has one of the files only, or one folder for both. Each problem
// is at the later path in sorted order and names the earlier.
func sameOnMacAndWindows(paths []string, list *diag.List) {
	paths = append([]string(nil), paths...)
	sort.Strings(paths)
	first := map[string]string{} // a path or folder in lower case → as first written
	told := map[string]bool{}    // folder pairs reported
	for _, p := range paths {
		parts := strings.Split(p, "/")
		clash := false
		for i := 1; i < len(parts) && !clash; i++ {
			dir := strings.Join(parts[:i], "/")
			k := strings.ToLower(dir)
			prev, ok := first[k]
			switch {
			case !ok:
				first[k] = dir
			case prev != dir:
				clash = true
				if !told[prev+"\x00"+dir] {
					told[prev+"\x00"+dir] = true
					list.Errorf(p, 1, 1, "the folders %s and %s differ only in capital letters, which macOS and Windows read as one name: an editor there would have their files in one folder; rename one", prev, dir)
				}
			}
		}
		if clash {
			continue
		}
		k := strings.ToLower(p)
		if prev, ok := first[k]; ok && prev != p {
			list.Errorf(p, 1, 1, "%s and %s differ only in capital letters, which macOS and Windows read as one name: an editor there would have only one of the two files; rename one", prev, p)
			continue
		}
		first[k] = p
	}
}
