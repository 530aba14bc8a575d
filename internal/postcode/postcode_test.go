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

// TestExplain checks the advice an editor gets for a postcode Parse
// refuses.
func TestExplain(t *testing.T) {
	const district = "is only the district, not the whole postcode; write all of it, with the three characters that follow the space, like TR9 8TR"
	const other = "is not a UK postcode; " + Advice
	tests := map[string]string{
		"PH1": district, "sw1a": district, "EC1A": district, "m1": district,
		"TR9 OTR":  `is not a UK postcode; did you mean "TR9 0TR"? (the letters O and I and the digits 0 and 1 are easy to mix up)`,
		"sw1a iaa": `is not a UK postcode; did you mean "SW1A 1AA"? (the letters O and I and the digits 0 and 1 are easy to mix up)`,
		"GIR OAA":  `is not a UK postcode; did you mean "GIR 0AA"? (the letters O and I and the digits 0 and 1 are easy to mix up)`,
		"TRI 8TR":  `is not a UK postcode; did you mean "TR1 8TR"? (the letters O and I and the digits 0 and 1 are easy to mix up)`,
		// Two swaps would be needed, or none gives a postcode.
		"SWIA IAA": other, "TR9 8CI": other, "12345": other, "TR99 XYZ": other, "": other,
	}
	for in, want := range tests {
		if _, ok := Parse(in); ok {
			t.Fatalf("%q is a postcode; the test needs one Parse refuses", in)
		}
		if got := Explain(in); got != want {
			t.Errorf("Explain(%q) = %q, want %q", in, got, want)
		}
	}
}
