package count

import "testing"

func TestNumber(t *testing.T) {
	for n, want := range map[int]string{0: "0", 7: "7", 999: "999", 1000: "1,000", 9507: "9,507",
		123456: "123,456", 1234567: "1,234,567", -1200: "-1,200", -999: "-999"} {
		if got := Number(n); got != want {
			t.Errorf("Number(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestOf(t *testing.T) {
	for n, want := range map[int]string{0: "0 certified therapists", 1: "1 certified therapist",
		2: "2 certified therapists", 1103: "1,103 certified therapists"} {
		if got := Of(n, "certified therapist", "certified therapists"); got != want {
			t.Errorf("Of(%d) = %q, want %q", n, got, want)
		}
	}
}
