package ordinal

import "testing"

func TestNumber(t *testing.T) {
	for n, want := range map[int]string{1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 10: "10th", 11: "11th", 12: "12th", 13: "13th",
		21: "21st", 22: "22nd", 23: "23rd", 101: "101st", 111: "111th", 112: "112th", 113: "113th"} {
		if got := Number(n); got != want {
			t.Errorf("Number(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestWord(t *testing.T) {
	for n, want := range map[int]string{1: "first", 2: "second", 3: "third", 10: "tenth", 11: "11th", 21: "21st", 113: "113th"} {
		if got := Word(n); got != want {
			t.Errorf("Word(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestParse(t *testing.T) {
	for s, want := range map[string]int{"1st": 1, "2ND": 2, " 3rd ": 3, "Third": 3, "tenth": 10, "11th": 11, "21st": 21, "112th": 112, "first": 1} {
		if got, ok := Parse(s); !ok || got != want {
			t.Errorf("Parse(%q) = %d, %t; want %d", s, got, ok, want)
		}
	}
	// Wrong suffixes, no number, or a number alone are not ordinals.
	for _, s := range []string{"3th", "11st", "1nd", "st", "", "3", "eleventh", "third edition", "+3rd", "03rd", "-1st"} {
		if got, ok := Parse(s); ok {
			t.Errorf("Parse(%q) = %d, want no ordinal", s, got)
		}
	}
	for n := 1; n <= 200; n++ {
		for _, s := range []string{Number(n), Word(n)} {
			if got, ok := Parse(s); !ok || got != n {
				t.Errorf("Parse(%q) = %d, %t; want %d", s, got, ok, n)
			}
		}
	}
}
