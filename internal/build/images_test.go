package build

import (
	"bytes"
	"encoding/binary"
	"image"
	"image/jpeg"
	"image/png"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"testing/fstest"
)

// TestPageImagesKeepTheirPlace: a picture in a page's Markdown is written
// with its width and height, read from the file in static/, so the
// browser keeps its room before it arrives and the text below does not
// jump; every picture after the first, which a reader meets further down,
// loads lazily. A picture whose size the build cannot read (an SVG) is
// written as before.
func TestPageImagesKeepTheirPlace(t *testing.T) {
	var pic, photo bytes.Buffer
	if err := png.Encode(&pic, image.NewGray(image.Rect(0, 0, 640, 360))); err != nil {
		t.Fatal(err)
	}
	if err := jpeg.Encode(&photo, image.NewGray(image.Rect(0, 0, 300, 400)), nil); err != nil {
		t.Fatal(err)
	}
	fsys := minimalSite()
	fsys["static/images/hands.png"] = &fstest.MapFile{Data: pic.Bytes()}
	fsys["static/images/room.jpg"] = &fstest.MapFile{Data: photo.Bytes()}
	fsys["static/images/logo.svg"] = &fstest.MapFile{Data: []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`)}
	fsys["content/articles/ok.md"] = &fstest.MapFile{Data: []byte("---\ntitle: OK\n---\n" +
		"![A practitioner's hands](/images/hands.png)\n\nText.\n\n" +
		"![The treatment room](/images/room.jpg \"The room\")\n\n![Logo](/images/logo.svg)\n\n![Hands again](/images/hands.png)\n")}
	out := filepath.Join(t.TempDir(), "public")
	if res, err := Run(Options{FS: fsys, Out: out, Now: fixedNow, NoMinify: true}); err != nil {
		t.Fatalf("%v\n%s", err, problems(res))
	}
	page, err := os.ReadFile(filepath.Join(out, "articles", "ok", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	got := regexp.MustCompile(`<img[^>]*>`).FindAllString(string(page), -1)
	want := []string{
		`<img src="/images/hands.png" alt="A practitioner&rsquo;s hands" width="640" height="360">`,
		`<img src="/images/room.jpg" alt="The treatment room" title="The room" width="300" height="400" loading="lazy">`,
		`<img src="/images/logo.svg" alt="Logo" loading="lazy">`,
		`<img src="/images/hands.png" alt="Hands again" width="640" height="360" loading="lazy">`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("images written as\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// countingFS counts the bytes read from its files.
type countingFS struct {
	fs.FS
	read *atomic.Int64
}

func (c countingFS) Open(name string) (fs.File, error) {
	f, err := c.FS.Open(name)
	if err != nil {
		return nil, err
	}
	return countingFile{f, c.read}, nil
}

type countingFile struct {
	fs.File
	read *atomic.Int64
}

func (f countingFile) Read(p []byte) (int, error) {
	n, err := f.File.Read(p)
	f.read.Add(int64(n))
	return n, err
}

// TestImageSizeReadsOnlyTheStart: the size of a picture is read from the
// start of its file only. A file that is empty, cut short, damaged, text
// under an image's name, or a JPEG whose size comes only after megabytes of other
// data gets no width and height, without the build reading the whole
// file or failing; a working file (a hidden or backup copy) is not read.
func TestImageSizeReadsOnlyTheStart(t *testing.T) {
	var pic, photo bytes.Buffer
	if err := png.Encode(&pic, image.NewGray(image.Rect(0, 0, 64, 32))); err != nil {
		t.Fatal(err)
	}
	if err := jpeg.Encode(&photo, image.NewGray(image.Rect(0, 0, 30, 40)), nil); err != nil {
		t.Fatal(err)
	}
	// A JPEG with 4 MiB of application segments between its start and
	// the frame header that gives its size.
	var padded bytes.Buffer
	padded.Write(photo.Bytes()[:2]) // SOI
	seg := make([]byte, 65533)
	for padded.Len() < 4<<20 {
		padded.Write([]byte{0xFF, 0xE1, 0xFF, 0xFF}) // APP1, length 65535
		padded.Write(seg)
	}
	padded.Write(photo.Bytes()[2:])
	damaged := append([]byte(nil), pic.Bytes()...)
	binary.BigEndian.PutUint32(damaged[16:], 1<<31-1) // IHDR's width, its checksum left as it was
	fsys := fstest.MapFS{
		"static/pic.png":      {Data: pic.Bytes()},
		"static/photo.jpg":    {Data: photo.Bytes()},
		"static/padded.jpg":   {Data: padded.Bytes()},
		"static/empty.png":    {Data: nil},
		"static/short.png":    {Data: pic.Bytes()[:20]},
		"static/text.png":     {Data: bytes.Repeat([]byte("not a picture\n"), 1<<16)},
		"static/damaged.png":  {Data: damaged},
		"static/.hidden.png":  {Data: pic.Bytes()},
		"static/old.png~":     {Data: pic.Bytes()},
		"static/.git/x.png":   {Data: pic.Bytes()},
		"static/folder/a.png": {Data: pic.Bytes()},
	}
	for _, tc := range []struct {
		path string
		w, h int
		ok   bool
	}{
		{"/pic.png", 64, 32, true},
		{"/photo.jpg", 30, 40, true},
		{"/padded.jpg", 0, 0, false},
		{"/empty.png", 0, 0, false},
		{"/short.png", 0, 0, false},
		{"/text.png", 0, 0, false},
		{"/damaged.png", 0, 0, false},
		{"/.hidden.png", 0, 0, false},
		{"/old.png~", 0, 0, false},
		{"/.git/x.png", 0, 0, false},
		{"/folder", 0, 0, false},
		{"/../../pic.png", 64, 32, true}, // as a browser reads it: nothing is above the root
		{"/missing.png", 0, 0, false},
	} {
		var read atomic.Int64
		s := &imageSizes{fsys: countingFS{fsys, &read}}
		w, h, ok := s.size(tc.path)
		if w != tc.w || h != tc.h || ok != tc.ok {
			t.Errorf("size(%s) = %d, %d, %v; want %d, %d, %v", tc.path, w, h, ok, tc.w, tc.h, tc.ok)
		}
		if n := read.Load(); n > 2<<20 {
			t.Errorf("size(%s) read %d bytes", tc.path, n)
		}
	}
}
