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
