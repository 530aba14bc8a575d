package build

import (
	"bufio"
	"bytes"
	"fmt"
	"image"
	_ "image/gif"  // image reads the size of GIF files,
	_ "image/jpeg" // of JPEG files
	_ "image/png"  // and of PNG files
	"io"
	"io/fs"
	"path"
	"strings"
	"sync"

	"sitegen/internal/assets"
	"sitegen/internal/workfile"
)

// Image is a static image as layouts use it: its URL on the site and its
// size in pixels, which link previews (og:image:width and :height) need.
type Image struct {
	URL           string
	Width, Height int
}

// staticImage is the template function image: the static file name (a
// path under static/, such as "images/social-card.png") as an Image. A
// file that is missing or is not a PNG or JPEG image is an error, so a
// layout never publishes a tag pointing at nothing.
func staticImage(res *assets.Result, fsys fs.FS, name string) (Image, error) {
	name = strings.TrimPrefix(name, "/")
	if res != nil {
		for _, f := range res.Files {
			if f.Source != name {
				continue
			}
			// A picture published as it is was not read into memory:
			// its size is at the start of its file.
			var r io.Reader = bytes.NewReader(f.Data)
			if f.Data == nil && fsys != nil {
				file, err := openRegular(fsys, "static/"+name)
				if err != nil {
					return Image{}, fmt.Errorf("image static/%s cannot be read: %v", name, err)
				}
				defer file.Close()
				r = bufio.NewReader(io.LimitReader(file, maxImageHeader))
			}
			cfg, format, err := image.DecodeConfig(r)
			if err != nil {
				return Image{}, fmt.Errorf("image static/%s cannot be read as a PNG or JPEG image: %v", name, err)
			}
			if format != "png" && format != "jpeg" {
				return Image{}, fmt.Errorf("image static/%s is a %s image; use a PNG or JPEG, which every link preview shows", name, format)
			}
			return Image{URL: res.URLs[name], Width: cfg.Width, Height: cfg.Height}, nil
		}
	}
	return Image{}, fmt.Errorf("image %q is not in static/; add the file or change the layout", name)
}

// imageSizes reads the size of the images that pages and bios show from
// their files in static/, each once per build, for the width and height
// that keep a page from moving while its pictures load (markdown.Doc's
// ImageSize). Only the start of each file is read.
type imageSizes struct {
	fsys  fs.FS
	sizes sync.Map // site path -> imageSize
}

type imageSize struct {
	w, h int
	ok   bool
}

// maxImageHeader is how much of a file is read for its size: the size of
// a PNG or GIF is in its first bytes, and a JPEG's comes after its
// metadata (Exif, a colour profile), which seldom takes more than a few
// hundred kilobytes. A file whose size is not found by then gets none.
const maxImageHeader = 1 << 20

// size is the size of the image published at the site path p (such as
// /images/hands.jpg), or false for a path that is not a file of static/
// or a file whose size cannot be read (an SVG, a WebP).
func (s *imageSizes) size(p string) (int, int, bool) {
	if v, ok := s.sizes.Load(p); ok {
		sz := v.(imageSize)
		return sz.w, sz.h, sz.ok
	}
	var sz imageSize
	name := "static" + path.Clean(p)
	if fs.ValidPath(name) && !workfile.SkipPath(name) && s.fsys != nil {
		sz = readImageSize(s.fsys, name)
	}
	s.sizes.Store(p, sz)
	return sz.w, sz.h, sz.ok
}

// readImageSize reads the size of the image in the file name.
func readImageSize(fsys fs.FS, name string) imageSize {
	f, err := openRegular(fsys, name)
	if err != nil {
		return imageSize{}
	}
	defer f.Close()
	cfg, _, err := image.DecodeConfig(bufio.NewReader(io.LimitReader(f, maxImageHeader)))
	return imageSize{cfg.Width, cfg.Height, err == nil && cfg.Width > 0 && cfg.Height > 0}
}

// openRegular opens the file name only when it is a regular file:
// opening a named pipe would wait for a writer, and a device may never
// end.
func openRegular(fsys fs.FS, name string) (fs.File, error) {
	fi, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, notRegular(name, fi.IsDir())
	}
	return fsys.Open(name)
}
