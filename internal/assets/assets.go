// Package assets turns static/ into published files: every file is copied
// to the same path, except stylesheets and scripts, which are fingerprinted
// into /assets/ (static/css/site.css becomes /assets/site.3f2a9c1e.css) so
// they can be cached for a year and a changed file always changes its name.
//
// Scripts are ES modules that may import each other by relative path
// (import {normalize} from "./search-normalize.js", or "../lib/x.js");
// those specifiers are rewritten to the imported module's fingerprinted
// name, and a module's fingerprint covers its rewritten imports, so
// changing a module renames every module that depends on it. Every module
// is published flat in /assets/, so an import by absolute path
// ("/js/x.js") could never load and is a problem, as are an import of a
// module that is not in static/ (unless the caller could not read it, which
// its own read error says) and an import cycle; each is reported at
// the import's line and column. Process is pure: file contents in, files
// and problems out.
package assets

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	"sitegen/internal/diag"
)

// File is a published file, its path relative to the output root.
type File struct {
	Path string
	Data []byte
	// Source is the static/-relative path it came from.
	Source string
}

// Result is the processed static folder.
type Result struct {
	Files []File
	// URLs maps static/-relative paths (css/site.css) to site URLs.
	URLs map[string]string
}

// Fingerprinted reports whether a static file is renamed by content.
func Fingerprinted(name string) bool {
	ext := path.Ext(name)
	return ext == ".css" || ext == ".js" || ext == ".mjs"
}

// importRe finds the module specifiers of static imports, re-exports and
// dynamic imports that name a file by path: group 1 is what comes before
// the specifier, 2 the specifier, 3 its closing quote.
var importRe = regexp.MustCompile(`((?:\bimport|\bfrom|\bimport\s*\()\s*["'])((?:\./|\.\./|/)[^"'\s]*)(["'])`)

// Process fingerprints and places static files. files maps static/-relative
// paths to their contents; only a fingerprinted file's contents are read,
// so the caller may leave out (as nil) those of a file it publishes as it
// is. Problems are positioned in static/-relative files (the caller adds
// the folder). unread are the static/-relative files and folders that
// could not be read, each an error of the caller's already: an import of
// a module that is, or lies under, one of them is not reported again as
// a module that is not in static/.
func Process(files map[string][]byte, unread []string) (*Result, []diag.Problem) {
	res := &Result{URLs: map[string]string{}}
	var problems []diag.Problem
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)

	final := map[string]string{} // static path -> output path, for fingerprinted files
	state := map[string]int{}    // 1 visiting, 2 done
	out := map[string][]byte{}
	taken := map[string]string{}
	// visit fingerprints name after the modules it imports; it reports
	// false when one of them could not be resolved, so that a cycle is
	// reported once, at the import that closes it.
	var visit func(name string) bool
	visit = func(name string) bool {
		if state[name] == 2 {
			return true
		}
		state[name] = 1
		src := files[name]
		ok := true
		if strings.HasSuffix(name, "js") {
			src, ok = rewriteImports(name, src, func(dep string) (string, string) {
				switch {
				case !has(files, dep) && under(dep, unread):
					return "", "" // its read error says why
				case !has(files, dep):
					return "", ", which is not in static/"
				case state[dep] == 1:
					return "", ", which imports this module again; ES modules here must not import each other in a circle"
				case !visit(dep):
					return "", ""
				}
				return final[dep], ""
			}, &problems)
		}
		sum := sha256.Sum256(src)
		ext := path.Ext(name)
		outPath := "assets/" + strings.TrimSuffix(path.Base(name), ext) + "." + hex.EncodeToString(sum[:4]) + ext
		if prev, dup := taken[outPath]; dup && prev != name {
			problems = append(problems, diag.Problem{File: name, Line: 1, Col: 1,
				Msg: fmt.Sprintf("is the same file as static/%s under the same name; fingerprinted assets share one folder, so delete one", prev)})
		}
		taken[outPath] = name
		final[name] = outPath
		out[name] = src
		state[name] = 2
		return ok
	}
	for _, n := range names {
		if Fingerprinted(n) {
			visit(n)
		}
	}
	for _, n := range names {
		p := n
		data := files[n]
		if Fingerprinted(n) {
			p, data = final[n], out[n]
		}
		res.Files = append(res.Files, File{Path: p, Data: data, Source: n})
		res.URLs[n] = "/" + p
	}
	sort.Slice(res.Files, func(i, j int) bool { return res.Files[i].Path < res.Files[j].Path })
	return res, problems
}

// under reports whether name is, or lies under, one of paths.
func under(name string, paths []string) bool {
	for _, p := range paths {
		if name == p || strings.HasPrefix(name, p+"/") {
			return true
		}
	}
	return false
}

func has(files map[string][]byte, name string) bool {
	_, ok := files[name]
	return ok
}

// rewriteImports replaces each import specifier in src, the module at
// name, by the fingerprinted name resolve gives for the static/-relative
// module it names. resolve says instead why the import cannot stand, or
// returns neither when the imported module has a problem of its own. It
// reports whether every import was rewritten.
func rewriteImports(name string, src []byte, resolve func(dep string) (string, string), problems *[]diag.Problem) ([]byte, bool) {
	ms := importRe.FindAllSubmatchIndex(src, -1)
	if ms == nil {
		return src, true
	}
	ok := true
	out := make([]byte, 0, len(src))
	last := 0
	for _, m := range ms {
		spec := string(src[m[4]:m[5]])
		dep := path.Join(path.Dir(name), spec)
		var to, why string
		switch {
		case !strings.HasSuffix(spec, ".js") && !strings.HasSuffix(spec, ".mjs"):
			why = ", which is not a script: import a .js module of static/ by its relative path, such as ./search.js"
		case strings.HasPrefix(spec, "/"):
			why = fmt.Sprintf(" by absolute path, which never loads: scripts are published in /assets/ under new names; import it by a relative path such as ./%s", path.Base(spec))
		case dep == ".." || strings.HasPrefix(dep, "../"):
			why = ", which is outside static/"
		default:
			to, why = resolve(dep)
		}
		if to == "" {
			if why != "" {
				line, col := position(src, m[4])
				*problems = append(*problems, diag.Problem{File: name, Line: line, Col: col,
					Msg: "imports " + spec + why})
			}
			ok = false
			continue
		}
		out = append(out, src[last:m[4]]...)
		out = append(out, "./"+path.Base(to)...)
		last = m[5]
	}
	return append(out, src[last:]...), ok
}

// position is the 1-based line and column (in characters) of offset off.
func position(src []byte, off int) (int, int) {
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	return bytes.Count(src[:off], []byte{'\n'}) + 1, utf8.RuneCount(src[start:off]) + 1
}
