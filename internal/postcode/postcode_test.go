package postcode

import "testing"

func TestParse(t *testing.T) {
	tests := map[string]string{
		"tr98tr": "TR9 8TR", "TR9 8TR": "TR9 8TR", " sw1a 1aa ": "SW1A 1AA", "EC1A1BB": "EC1A 1BB", "m1 1ae": "M1 1AE",
		"BT48 6HQ": "BT48 6HQ", "gir 0aa": "GIR 0AA",
		"TR9": "", "TR99 XYZ": "", "12345": "", "TR9 8CI": "", "": "", "Q1 1AA": "Q1 1AA", // format only: Q is not checked
	}
	for in, want := range tests {
		got, ok := Parse(in)
		if got != want || ok != (want != "") {
			t.Errorf("Parse(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
}
