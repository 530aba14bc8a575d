package browsertest

import (
	"fmt"
	"net/http"
	"regexp"
	"strings"

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

// Match reports whether a request path matches a Netlify path pattern: a
// * matches any run of characters, slashes included, and a :name
// placeholder matches one non-empty path segment.
func Match(pattern, path string) bool {
	return patternRE(pattern).MatchString(path)
}

var placeholder = regexp.MustCompile(`:[A-Za-z_][A-Za-z0-9_]*`)

func patternRE(pattern string) *regexp.Regexp {
	var b strings.Builder
	b.WriteString("^")
	for i := 0; i < len(pattern); {
		switch {
		case pattern[i] == '*':
			b.WriteString(".*")
			i++
		case pattern[i] == ':' && placeholder.MatchString(pattern[i:]) && placeholder.FindStringIndex(pattern[i:])[0] == 0:
			b.WriteString("[^/]+")
			i += placeholder.FindStringIndex(pattern[i:])[1]
		default:
			b.WriteString(regexp.QuoteMeta(pattern[i : i+1]))
			i++
		}
	}
	b.WriteString("$")
	return regexp.MustCompile(b.String())
}
