package yamldoc

import (
	"strings"
	"testing"

	"sitegen/internal/diag"
)

// TestNumbers checks what a whole number and a number accept, and that a
// number YAML reads in another base is asked for in decimal.
func TestNumbers(t *testing.T) {
	tests := []struct {
		value      string
		whole      string // problem with weight: value; "" when accepted
		number     string // problem with lat: value; "" when accepted
		wholeValue int
	}{
		{"16", "", "", 16},
		{"1_000", "", "", 1000},
		{"-3", "", "", -3},
		{"0x10", "f.yaml:1:9: weight must be a whole number written in decimal, such as 16",
			"f.yaml:2:6: lat must be a number written in decimal, such as 16", 0},
		{"0o17", "f.yaml:1:9: weight must be a whole number written in decimal, such as 15",
			"f.yaml:2:6: lat must be a number written in decimal, such as 15", 0},
		{"-0b101", "f.yaml:1:9: weight must be a whole number written in decimal, such as -5",
			"f.yaml:2:6: lat must be a number written in decimal, such as -5", 0},
		{"1.5", "f.yaml:1:9: weight must be a whole number, not a number (1.5)", "", 0},
		{"sixteen", `f.yaml:1:9: weight must be a whole number, not the text "sixteen"`,
			`f.yaml:2:6: lat must be a number, not the text "sixteen"`, 0},
	}
	for _, tt := range tests {
		t.Run(tt.value, func(t *testing.T) {
			var l diag.List
			d := New("f.yaml", []byte("weight: "+tt.value+"\nlat: "+tt.value+"\n"), 0, &l)
			m := d.Map(d.Parse(), "front matter", "weight", "lat")
			var n int
			var f float64
			m.Int("weight", &n)
			m.Float("lat", &f)
			var want []string
			for _, w := range []string{tt.whole, tt.number} {
				if w != "" {
					want = append(want, w)
				}
			}
			var got []string
			for _, p := range l.All() {
				got = append(got, p.String())
			}
			if strings.Join(got, "\n") != strings.Join(want, "\n") || n != tt.wholeValue {
				t.Errorf("weight %d and problems\n%s\nwant weight %d and\n%s", n, strings.Join(got, "\n"), tt.wholeValue, strings.Join(want, "\n"))
			}
		})
	}
}
