package browsertest

import (
	"testing"

	"github.com/chromedp/chromedp"
)

func TestZZShot(t *testing.T) {
	tb := newTab(t)
	for _, w := range []int64{320, 375, 600, 800, 1000, 1280} {
		tb.run(t, "vp", chromedp.EmulateViewport(w, 900))
		tb.open(t, "/")
		t.Logf("%d: %s", w, eval[string](t, tb, `[".site-title", ".site-nav", ".search-box", ".search-input", ".search-submit"].map((s) => { const r = document.querySelector(s).getBoundingClientRect(); return s + " " + Math.round(r.left) + "," + Math.round(r.top) + " " + Math.round(r.width) + "x" + Math.round(r.height); }).join("; ")`))
	}
}
