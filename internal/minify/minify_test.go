package minify

import (
	"bytes"
	"testing"
)

const page = `<!doctype html>
<html lang="en-GB">
<head>
  <title>Safety</title>
  <style> BODY { MARGIN : 0PX ; } </style>
  <script type="application/ld+json"> { "@type" : "Organization" } </script>
</head>
<body>
  <p>  Some   text.  </p>
  <svg viewBox="0 0 10 10"><rect WIDTH="10PX" height="10"/></svg>
</body>
</html>
`

// TestConsumeMatchesBytes checks that minifying a page in place gives the
// same output as minifying a copy, into a buffer with room to spare (the
// minifier borrows the byte after the data) and without.
func TestConsumeMatchesBytes(t *testing.T) {
	m := New()
	var dst bytes.Buffer
	want, err := m.Bytes(&dst, "text/html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	want = bytes.Clone(want)
	if len(want) >= len(page) || bytes.Contains(want, []byte("   ")) {
		t.Fatalf("the page was not minified: %q", want)
	}
	for _, spare := range []int{0, 1, 64} {
		// The bytes past the data are not the page's: they must come
		// back as they were.
		backing := bytes.Repeat([]byte{'x'}, len(page)+spare)
		data := append(backing[:0], page...)
		var out bytes.Buffer
		got, err := m.Consume(&out, "text/html", data)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("spare %d: Consume gave\n%s\nwant\n%s", spare, got, want)
		}
		if rest := backing[len(page):]; !bytes.Equal(rest, bytes.Repeat([]byte{'x'}, spare)) {
			t.Errorf("spare %d: the bytes after the data became %q", spare, rest)
		}
	}
}

// TestBytesKeepsInput checks that Bytes leaves its input as it was.
func TestBytesKeepsInput(t *testing.T) {
	m := New()
	data := []byte(page)
	var dst bytes.Buffer
	if _, err := m.Bytes(&dst, "text/html", data); err != nil {
		t.Fatal(err)
	}
	if string(data) != page {
		t.Errorf("Bytes changed its input:\n%s", data)
	}
}
