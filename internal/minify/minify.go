// Package minify shrinks published files with github.com/tdewolff/minify/v2:
// HTML, CSS, JavaScript, JSON (including JSON-LD inside pages), SVG and XML.
// One Minifier is made per build and shared by every worker. Position
// reads where a file's syntax error is from the parser's error, so that
// it is reported at the file's line and column.
package minify

import (
	"bytes"
	"errors"
	"io"
	"path"
	"regexp"

	tdm "github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
	"github.com/tdewolff/parse/v2"
)

// Minifier minifies by media type. It is safe for concurrent use.
type Minifier struct {
	m *tdm.M
}

// New returns a Minifier.
func New() *Minifier {
	m := tdm.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepSpecialComments: false})
	m.AddFunc("text/css", css.Minify)
	m.Add("application/javascript", &js.Minifier{})
	m.AddRegexp(regexp.MustCompile(`^(application|text)/(x-)?(java|ecma)script$|^module$`), &js.Minifier{})
	m.AddFuncRegexp(regexp.MustCompile(`[/+]json$`), json.Minify)
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]xml$`), xml.Minify)
	return &Minifier{m: m}
}

var types = map[string]string{
	".html": "text/html", ".css": "text/css", ".js": "application/javascript", ".mjs": "application/javascript",
	".json": "application/json", ".svg": "image/svg+xml", ".xml": "text/xml", ".webmanifest": "application/json",
}

// Type returns the media type minify uses for a file name, or "".
func Type(name string) string { return types[path.Ext(name)] }

// Bytes minifies data of the given media type into dst (reset first). On a
// minifier error it returns the input unchanged with the error, so output
// is never lost. The result may alias dst.
func (m *Minifier) Bytes(dst *bytes.Buffer, mediatype string, data []byte) ([]byte, error) {
	return m.minify(dst, mediatype, data, bytes.NewReader(data))
}

// Consume is Bytes for data the caller drops afterwards, such as a page
// rendered into a buffer: the minifier reads data where it is instead of
// copying it first (a copy of every page of the site otherwise), and may
// change it in place in ways that keep its meaning, lower-casing a name
// or a unit. On an error it returns data, which is still valid output.
func (m *Minifier) Consume(dst *bytes.Buffer, mediatype string, data []byte) ([]byte, error) {
	// A bytes.Buffer, unlike a bytes.Reader, hands the minifier its bytes.
	return m.minify(dst, mediatype, data, bytes.NewBuffer(data))
}

// minify minifies data, read through r, into dst.
func (m *Minifier) minify(dst *bytes.Buffer, mediatype string, data []byte, r io.Reader) ([]byte, error) {
	if mediatype == "" {
		return data, nil
	}
	dst.Reset()
	dst.Grow(len(data))
	if err := m.m.Minify(mediatype, dst, r); err != nil {
		return data, err
	}
	return dst.Bytes(), nil
}

// Position reads where in its input a minifier stopped, from the error of
// the parser under it: the line and the column (in characters, both from
// 1) and the message alone, without the parser's copy of the line. ok is
// false for an error that has no place.
func Position(err error) (line, col int, msg string, ok bool) {
	var pe *parse.Error
	if !errors.As(err, &pe) || pe.Line < 1 {
		return 0, 0, "", false
	}
	return pe.Line, max(pe.Column, 1), pe.Message, true
}
