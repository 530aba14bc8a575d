package postcode

import "testing"

// FuzzParse: whatever an editor types as a postcode, Parse does not
// panic, and a postcode it takes is given in the one form it gives
// back unchanged.
//
// make test runs the seeds below; go test -fuzz FuzzParse searches.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"TR9 8TR", "tr98tr", " EC1A  1BB ", "GIR 0AA", "SW1A1AA", "TR9", "ＴＲ９ ８ＴＲ", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out, ok := Parse(s)
		if !ok {
			return
		}
		if again, ok := Parse(out); !ok || again != out {
			t.Fatalf("Parse(%q) = %q, which reads back as %q, %t", s, out, again, ok)
		}
	})
}
