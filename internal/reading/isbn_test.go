package reading

import "testing"

func TestISBN13(t *testing.T) {
	tests := []struct {
		in, want, err string
	}{
		{in: "0-306-40615-2", want: "9780306406157"},
		{in: "978-0-306-40615-7", want: "9780306406157"},
		{in: "9780306406157", want: "9780306406157"},
		{in: "978 0 306 40615 7", want: "9780306406157"},
		{in: "ISBN 978-0-306-40615-7", want: "9780306406157"},
		{in: "ISBN-10: 0-306-40615-2", want: "9780306406157"},
		{in: "0306406152", want: "9780306406157"},
		// ISBN-10 with check character X, either case.
		{in: "0-8044-2957-X", want: "9780804429573"},
		{in: "0-8044-2957-x", want: "9780804429573"},
		{in: "0-939616-01-7", want: "9780939616015"},
		{in: "979-10-90636-07-1", want: "9791090636071"},
		{in: "978-0-306-40615-8", err: `isbn "978-0-306-40615-8" has a bad check digit (expected 7)`},
		{in: "0-306-40615-3", err: `isbn "0-306-40615-3" has a bad check digit (expected 2)`},
		{in: "0-8044-2957-1", err: `isbn "0-8044-2957-1" has a bad check digit (expected X)`},
		{in: "0-306-4061", err: `isbn "0-306-4061" has 8 digits; an ISBN has 10 or 13`},
		{in: "977-0-306-40615-7", err: `isbn "977-0-306-40615-7" does not start with 978 or 979, so it is not an ISBN (is it another barcode?)`},
		{in: "978-0-306-4O615-7", err: `isbn "978-0-306-4O615-7" contains "O"; an ISBN has only digits, hyphens and spaces (and X as the last character of an ISBN-10)`},
		{in: "03064X6152", err: `isbn "03064X6152" has an X that is not the last character of a 10-digit ISBN`},
		{in: "978030640615X", err: `isbn "978030640615X" has an X that is not the last character of a 10-digit ISBN`},
		{in: "", err: `isbn "" has 0 digits; an ISBN has 10 or 13`},
	}
	for _, tt := range tests {
		got, err := ISBN13(tt.in)
		if tt.err != "" {
			if err == nil || err.Error() != tt.err {
				t.Errorf("ISBN13(%q) error = %v, want %s", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("ISBN13(%q) = %q, %v; want %q", tt.in, got, err, tt.want)
		}
	}
}

// Every ISBN-10 converts to an ISBN-13 that passes its own check, and the
// nine shared digits survive.
func TestISBN10To13Roundtrip(t *testing.T) {
	for _, isbn10 := range []string{"0306406152", "080442957X", "0939616017", "0123456789"} {
		got, err := ISBN13(isbn10)
		if err != nil {
			t.Fatalf("ISBN13(%s): %v", isbn10, err)
		}
		if got[3:12] != isbn10[:9] {
			t.Errorf("ISBN13(%s) = %s: lost the nine shared digits", isbn10, got)
		}
		if again, err := ISBN13(got); err != nil || again != got {
			t.Errorf("ISBN13(%s) = %s, which does not verify: %v", isbn10, got, err)
		}
	}
}

func TestFormatISBN13(t *testing.T) {
	tests := []struct{ in, want string }{
		{"9780306406157", "978-0-306-40615-7"}, // group 0, 3-digit publisher
		{"9780939616015", "978-0-939616-01-5"}, // group 0, 6-digit publisher
		{"9780804429573", "978-0-8044-2957-3"}, // group 0, 4-digit publisher
		{"9780123456786", "978-0-12-345678-6"}, // group 0, 2-digit publisher
		{"9781496347213", "978-1-4963-4721-3"}, // group 1, 4-digit publisher
		{"9781259642234", "978-1-259-64223-4"}, // group 1, 3-digit publisher
		{"9781556436369", "978-1-55643-636-9"}, // group 1, 5-digit publisher
		{"9783161484100", "978-316148410-0"},   // other groups: no inner hyphens guessed
		{"9791090636071", "979-109063607-1"},
		{"97803064", "97803064"}, // not 13 digits: unchanged
	}
	for _, tt := range tests {
		if got := FormatISBN13(tt.in); got != tt.want {
			t.Errorf("FormatISBN13(%s) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestOpenLibraryURL(t *testing.T) {
	if got, want := OpenLibraryURL("9780306406157"), "https://openlibrary.org/isbn/9780306406157"; got != want {
		t.Errorf("OpenLibraryURL = %s, want %s", got, want)
	}
}
