// Package assets turns static/ into published files: every file is copied
// to the same path, except stylesheets and scripts, which are fingerprinted
// into /assets/ (static/css/site.css becomes /assets/site.3f2a9c1e.css) so
// they can be cached for a year and a changed file always changes its name.
//
// Scripts are ES modules that may import each other by relative path
// (import {normalize} from "./search-normalize.js"); those specifiers are
// rewritten to the imported module's fingerprinted name, and a module's
// fingerprint covers its rewritten imports, so changing a module renames
// every module that depends on it. Process is pure: file contents in,
// files out.
package assets

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"path"
	"regexp"
	"sort"
	"strings"
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

var importRe = regexp.MustCompile(`((?:\bimport|\bfrom|\bimport\s*\()\s*["'])(\./[A-Za-z0-9_./-]+\.m?js)(["'])`)

// Process fingerprints and places static files. files maps static/-relative
// paths to their contents. Problems (two fingerprinted files with the same
// name, an import of a missing module, an import cycle) are returned as
// messages keyed by file.
func Process(files map[string][]byte) (*Result, map[string]string) {
	res := &Result{URLs: map[string]string{}}
	problems := map[string]string{}
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	sort.Strings(names)

	final := map[string]string{} // static path -> output path, for fingerprinted files
	state := map[string]int{}    // 1 visiting, 2 done
	out := map[string][]byte{}
	taken := map[string]string{}
	var visit func(name string) bool
	visit = func(name string) bool {
		switch state[name] {
		case 1:
			problems[name] = "is part of an import cycle; ES modules here must not import each other in a circle"
			return false
		case 2:
			return true
		}
		state[name] = 1
		src := files[name]
		ok := true
		if strings.HasSuffix(name, "js") {
			src = importRe.ReplaceAllFunc(src, func(m []byte) []byte {
				sub := importRe.FindSubmatch(m)
				dep := path.Join(path.Dir(name), string(sub[2]))
				if _, exists := files[dep]; !exists {
					problems[name] = fmt.Sprintf("imports %s, which is not in static/", sub[2])
					ok = false
					return m
				}
				if !visit(dep) {
					ok = false
					return m
				}
				return append(append(append([]byte{}, sub[1]...), "./"+path.Base(final[dep])...), sub[3]...)
			})
		}
		sum := sha256.Sum256(src)
		ext := path.Ext(name)
		outPath := "assets/" + strings.TrimSuffix(path.Base(name), ext) + "." + hex.EncodeToString(sum[:4]) + ext
		if prev, dup := taken[outPath]; dup && prev != name {
			problems[name] = fmt.Sprintf("has the same file name as static/%s; fingerprinted assets share one folder, so rename one", prev)
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
