package phone

import (
	"strings"
	"testing"
)

// FuzzParse: whatever an editor types as a telephone number, Parse does
// not panic; a number it takes is published in forms that read back as
// the same number (its Display parses to the same tel: link), and the
// link holds nothing but +44 and digits.
//
// make test runs the seeds below; go test -fuzz FuzzParse searches.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"01632 960905", "+44 (0)1632 960905", "0044 1632 960905", "07700 900123",
		"020 7946 0123", "0800 1111", "+1 202 555 0100", "01632 96090", "tel:01632960905", "０１６３２ ９６０９０５", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, why := Parse(s)
		if why != "" {
			if n.Tel != "" {
				t.Fatalf("Parse(%q) refused it (%s) but gave %+v", s, why, n)
			}
			return
		}
		if !strings.HasPrefix(n.Tel, "tel:+44") || strings.Trim(n.Tel[len("tel:+"):], "0123456789") != "" {
			t.Fatalf("Parse(%q) gave the link %q", s, n.Tel)
		}
		again, why := Parse(n.Display)
		if why != "" || again != n {
			t.Fatalf("Parse(%q) gave %+v, whose Display reads back as %+v (%s)", s, n, again, why)
		}
	})
}
