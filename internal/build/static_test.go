package build

import (
	"bytes"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestLargeStaticFilesAreCopied: a site's videos, brochures and pictures
// are published byte for byte, and a build does not hold them in memory
// to do it: a 64 MB video adds far less than 64 MB to what the build
// allocates, so a site with a gigabyte of media builds on a machine
// with less memory than that. With -no-minify, a file the minifier
// would have read (an SVG) is copied the same way.
func TestLargeStaticFilesAreCopied(t *testing.T) {
	const videoSize = 64 << 20
	video := make([]byte, videoSize)
	r := rand.NewChaCha8([32]byte{1})
	_, _ = r.Read(video)
	files := map[string][]byte{
		"static/media/welcome.mp4":        video,
		"static/leaflets/first-visit.pdf": []byte("%PDF-1.4\n% a leaflet\n"),
		"static/empty.txt":                {},
		"static/images/logo.svg":          []byte("<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <title>Logo</title>\n</svg>\n"),
	}
	src := filepath.Join(t.TempDir(), "site")
	copyDir(t, filepath.Join("testdata", "fixture"), src)
	for name, data := range files {
		full := filepath.Join(src, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, noMinify := range []bool{false, true} {
		out := filepath.Join(t.TempDir(), "public")
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		res, err := Run(Options{Src: src, Out: out, Now: fixedNow, NoMinify: noMinify})
		runtime.ReadMemStats(&after)
		if err != nil {
			t.Fatalf("-no-minify=%v: %v\n%s", noMinify, err, problems(res))
		}
		for name, data := range files {
			got, err := os.ReadFile(filepath.Join(out, strings.TrimPrefix(name, "static/")))
			if err != nil {
				t.Fatal(err)
			}
			if name == "static/images/logo.svg" && !noMinify {
				if bytes.Equal(got, data) || !bytes.Contains(got, []byte("<title>Logo</title>")) {
					t.Errorf("the SVG was not minified: %q", got)
				}
				continue
			}
			if !bytes.Equal(got, data) {
				t.Errorf("-no-minify=%v: %s published with %d bytes, not its %d bytes as they are", noMinify, name, len(got), len(data))
			}
		}
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > videoSize/2 {
			t.Errorf("-no-minify=%v: the build allocated %d MB for a site with a %d MB video: the video went through memory", noMinify, alloc>>20, videoSize>>20)
		}
		if want := int64(videoSize); res.Bytes < want {
			t.Errorf("-no-minify=%v: the build counts %d bytes of output, fewer than the video's %d", noMinify, res.Bytes, want)
		}
	}
}

// TestBuilderServesMediaFromTheSite: the preview's Builder keeps the
// site in memory, but not its pictures, PDFs and videos: each is listed
// in Copied and opened from the site when asked for, through the edits
// that keep static/ as it was (a page's text) and those that change it,
// and a rebuild's whole site is still a full build's.
func TestBuilderServesMediaFromTheSite(t *testing.T) {
	src := t.TempDir()
	copyDir(t, filepath.Join("testdata", "fixture"), src)
	clip := filepath.Join(src, "static", "media", "clip.mp4")
	write(t, clip, strings.Repeat("first take ", 1000))
	opt := Options{Src: src, Now: fixedNow}
	x, err := NewBuilder(opt)
	if err != nil {
		t.Fatal(err)
	}
	served := func(rb *Rebuild) string {
		t.Helper()
		if _, inMemory := rb.Files["media/clip.mp4"]; inMemory {
			t.Error("the video is held in memory")
		}
		if from := rb.Copied["media/clip.mp4"]; from != "static/media/clip.mp4" {
			t.Fatalf("Copied has the video from %q", from)
		}
		f, err := rb.Open("media/clip.mp4")
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		data, err := io.ReadAll(f)
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	rb, err := x.Build(nil)
	if err != nil {
		t.Fatalf("%v\n%s", err, problems(rb.Result))
	}
	if got := served(rb); got != strings.Repeat("first take ", 1000) {
		t.Errorf("served %.40q...", got)
	}
	sameTree(t, src, opt, rb)

	page := filepath.Join(src, "content", "articles", "first.md")
	text, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	write(t, page, strings.Replace(string(text), "\n---\n", "\n---\nA new first line.\n\n", 1))
	if rb, err = x.Build([]string{"content/articles/first.md"}); err != nil {
		t.Fatalf("%v\n%s", err, problems(rb.Result))
	}
	if got := served(rb); got != strings.Repeat("first take ", 1000) {
		t.Errorf("after a page's edit, served %.40q...", got)
	}

	write(t, clip, "second take")
	if rb, err = x.Build([]string{"static/media/clip.mp4"}); err != nil {
		t.Fatalf("%v\n%s", err, problems(rb.Result))
	}
	if got := served(rb); got != "second take" {
		t.Errorf("after the video changed, served %.40q", got)
	}
	sameTree(t, src, opt, rb)
}

// TestStaticSyntaxError: a script or a JSON file that the minifier cannot
// read has a syntax error, which browsers stop at too: a warning at its
// line and column, without the parser's copy of the line, and the file is
// published as written.
func TestStaticSyntaxError(t *testing.T) {
	src := copySite(t, filepath.Join("testdata", "fixture"))
	files := map[string]string{
		"static/js/broken.js": "const a = 1;\nexport const x = ;\n",
		"static/data.json":    "{\"a\": 1,,}\n",
	}
	for name, data := range files {
		write(t, filepath.Join(src, filepath.FromSlash(name)), data)
	}
	out := filepath.Join(t.TempDir(), "public")
	res, err := Run(Options{Src: src, Out: out, Now: fixedNow})
	if err != nil {
		t.Fatalf("build: %v\n%s", err, problems(res))
	}
	got := problems(res)
	for _, want := range []string{
		"static/data.json:1:9: warning: syntax error: expected object key to be a quoted string (the minifier stops here, and so will a browser); the file is published as written",
		"static/js/broken.js:2:18: warning: syntax error: unexpected ; in expression (the minifier stops here, and so will a browser); the file is published as written",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("no %q in:\n%s", want, got)
		}
	}
	if data, err := os.ReadFile(filepath.Join(out, "data.json")); err != nil || string(data) != files["static/data.json"] {
		t.Errorf("data.json published as %q, %v; want it as written", data, err)
	}
}
