package postcode

import (
	"strconv"
	"strings"
	"testing"
)

// FuzzParse: whatever an editor types as a postcode, Parse does not
// panic, a postcode it takes is given in the one form it gives
// back unchanged, and a postcode Explain offers for one it refuses is one
// Parse takes as written.
//
// make test runs the seeds below; go test -fuzz FuzzParse searches.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"TR9 8TR", "tr98tr", " EC1A  1BB ", "GIR 0AA", "SW1A1AA", "TR9", "TR9 OTR", "SW1A IAA", "ＴＲ９ ８ＴＲ", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, ok := Parse(s)
		if !ok {
			e := Explain(s)
			if _, q, found := strings.Cut(e, "did you mean "); found {
				q, _, _ = strings.Cut(q, "?")
				pc, err := strconv.Unquote(q)
				if got, ok := Parse(pc); err != nil || !ok || got != pc {
					t.Fatalf("Explain(%q) = %q, offering a postcode Parse refuses or changes", s, e)
				}
			}
			return
		}
		if again, ok := Parse(out); !ok || again != out {
			t.Fatalf("Parse(%q) = %q, which reads back as %q, %t", s, out, again, ok)
		}
	})
}
