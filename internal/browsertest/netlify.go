package browsertest

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"
	"unicode"

	"github.com/BurntSushi/toml"
)

// Netlify is the part of netlify.toml this package reads.
type Netlify struct {
	Build     Context            `toml:"build"`
	Context   map[string]Context `toml:"context"`
	Headers   []HeaderRule       `toml:"headers"`
	Redirects []Redirect         `toml:"redirects"`
}

// Context is a [build] or [context.NAME] table.
type Context struct {
	Command     string            `toml:"command"`
	Publish     string            `toml:"publish"`
	Environment map[string]string `toml:"environment"`
}

// HeaderRule is one [[headers]] table: values sent for paths matching For.
type HeaderRule struct {
	For    string            `toml:"for"`
	Values map[string]string `toml:"values"`
}

// Redirect is one [[redirects]] table.
type Redirect struct {
	From   string `toml:"from"`
	To     string `toml:"to"`
	Status int    `toml:"status"`
	Force  bool   `toml:"force"`
}

// LoadNetlify parses netlify.toml.
func LoadNetlify(path string) (*Netlify, error) {
	var n Netlify
	md, err := toml.DecodeFile(path, &n)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	if und := md.Undecoded(); len(und) > 0 {
		var keys []string
		for _, k := range und {
			// Other contexts' tables and keys this package does not use
			// are fine; only report keys in the tables it does.
			if s := k.String(); strings.HasPrefix(s, "headers") || strings.HasPrefix(s, "redirects") {
				keys = append(keys, s)
			}
		}
		if len(keys) > 0 {
			return nil, fmt.Errorf("%s: unknown keys %s", path, strings.Join(keys, ", "))
		}
	}
	for _, r := range n.Headers {
		if _, err := patternRE(r.For); err != nil {
			return nil, fmt.Errorf("%s: headers: %v", path, err)
		}
	}
	return &n, nil
}

// CommandFor is the build command Netlify runs in a deploy context
// ("production", "deploy-preview", "branch-deploy").
func (n *Netlify) CommandFor(context string) string {
	if c, ok := n.Context[context]; ok && c.Command != "" {
		return c.Command
	}
	return n.Build.Command
}

// HeadersFor is every header the rules give a request path. When several
// rules set one header, the later rule wins.
func (n *Netlify) HeadersFor(path string) http.Header {
	h := http.Header{}
	for _, r := range n.Headers {
		if !Match(r.For, path) {
			continue
		}
		for k, v := range r.Values {
			// TOML multi-line strings let long policies be wrapped; a
			// header is one line.
			h.Set(k, strings.Join(strings.Fields(v), " "))
		}
	}
	return h
}

// Match reports whether a request path matches a Netlify path pattern,
// by Netlify's own rules (@netlify/headers-parser, getForRegExp): the
// pattern is split at slashes and its empty parts dropped; a :name part
// matches one non-empty segment; a part that is just * matches anything,
// slashes included, and the slash before it is optional, so "/assets/*"
// also matches "/assets" and "/assetsx/y.css"; a * inside a part matches
// anything, and the rest of that part is read as a regular expression,
// unescaped, as Netlify does (the dots of "directory.*.json" match any
// character); any other part is literal. Letters match in either case,
// and a trailing slash is optional.
func Match(pattern, path string) bool {
	re, err := patternRE(pattern)
	return err == nil && re.MatchString(path)
}

func patternRE(pattern string) (*regexp.Regexp, error) {
	var parts []string
	for _, p := range strings.Split(pattern, "/") {
		p = strings.TrimRightFunc(p, unicode.IsSpace)
		switch {
		case p == "":
		case strings.HasPrefix(p, ":"):
			parts = append(parts, "([^/]+)")
		case p == "*":
			parts = append(parts, "?(.*)")
		case strings.Contains(p, "*"):
			parts = append(parts, strings.ReplaceAll(p, "*", "(.*)"))
		default:
			parts = append(parts, regexp.QuoteMeta(p))
		}
	}
	re, err := regexp.Compile("(?i)^/" + strings.Join(parts, "/") + "/?$")
	if err != nil {
		return nil, fmt.Errorf("path pattern %q: %v", pattern, err)
	}
	return re, nil
}
