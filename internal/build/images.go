package build

import (
	"bytes"
	"fmt"
	"image"
	_ "image/jpeg" // image reads the size of JPEG files
	_ "image/png"  // and of PNG files
	"strings"

	"sitegen/internal/assets"
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
func staticImage(res *assets.Result, name string) (Image, error) {
	name = strings.TrimPrefix(name, "/")
	if res != nil {
		for _, f := range res.Files {
			if f.Source != name {
				continue
			}
			cfg, format, err := image.DecodeConfig(bytes.NewReader(f.Data))
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
