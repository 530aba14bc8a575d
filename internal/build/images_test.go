package build

import (
	"bytes"
	"image"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
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
