package phone

import "testing"

func TestParse(t *testing.T) {
	tests := []struct{ in, display, tel string }{
		{"01632 960905", "01632 960905", "tel:+441632960905"},
		{"01632960905", "01632 960905", "tel:+441632960905"},
		{"+44 1632 960905", "01632 960905", "tel:+441632960905"},
		{"+44 (0)1632 960905", "01632 960905", "tel:+441632960905"},
		{"0044 1632 960905", "01632 960905", "tel:+441632960905"},
		{"07700 900123", "07700 900123", "tel:+447700900123"},
		{"07700-900-123", "07700 900123", "tel:+447700900123"},
		{"020 7946 0123", "020 7946 0123", "tel:+442079460123"},
		{"0113 496 0123", "0113 496 0123", "tel:+441134960123"},
		{"0161 496 0123", "0161 496 0123", "tel:+441614960123"},
		{"0300 123 4567", "0300 123 4567", "tel:+443001234567"},
		// Freephone: 0800 and 0808 with seven digits, 0800 also with six,
		// and Childline's 0800 1111.
		{"0800 123 4567", "0800 123 4567", "tel:+448001234567"},
		{"0808 157 0000", "0808 157 0000", "tel:+448081570000"},
		{"0800 123456", "0800 123456", "tel:+44800123456"},
		{"0800 1111", "0800 1111", "tel:+448001111"},
		{"0808 123456", "", ""},
		{"0800 1112", "", ""},
		// The areas whose numbers have 10 digits, at their first and last
		// (016977 with four-digit local numbers), and others as written.
		{"016977 3456", "016977 3456", "tel:+44169773456"},
		{"016977 2345", "016977 2345", "tel:+44169772345"},
		{"+44 16977 3456", "016977 3456", "tel:+44169773456"},
		{"01204 12345", "01204 12345", "tel:+44120412345"},
		{"01204 612345", "01204 612345", "tel:+441204612345"},
		{"01995 61234", "01995 61234", "tel:+44199561234"},
		{"01768 88123", "01768 88123", "tel:+44176888123"},
		{"01768 73456", "01768 73456", "tel:+44176873456"},
		{"+44 1524 36123", "01524 36123", "tel:+44152436123"},
		// Areas of six-digit codes (five after the 0), with five-digit local
		// numbers, grouped as such.
		{"016977 12345", "016977 12345", "tel:+441697712345"},
		{"013873 12345", "013873 12345", "tel:+441387312345"},
		{"015394 12345", "015394 12345", "tel:+441539412345"},
		{"017687 12345", "017687 12345", "tel:+441768712345"},
		{"019467 12345", "019467 12345", "tel:+441946712345"},
		{"01387 212345", "01387 212345", "tel:+441387212345"},
		// Ten digits in an area whose numbers all have 11: a digit left out.
		{"01632 96090", "", ""},
		{"01697 23456", "", ""},
		{"01205 12345", "", ""},
		{"0121 496 012", "", ""},
		{"960905", "", ""},
		{"+33 1 23 45 67 89", "", ""},
		{"01632 960905 ext 2", "", ""},
		{"00632 960905", "", ""},
		{"0700 900123", "", ""},
		{"javascript:alert(1)", "", ""},
		{"0", "", ""},
		{"+44", "", ""},
		{"+440", "", ""},
		{"", "", ""},
		{"+", "", ""},
	}
	for _, tt := range tests {
		n, why := Parse(tt.in)
		if (why == "") != (tt.tel != "") || n.Display != tt.display || n.Tel != tt.tel {
			t.Errorf("Parse(%q) = %+v, %q; want %q %q", tt.in, n, why, tt.display, tt.tel)
		}
		if want := tt.tel; len(want) > 4 && n.International() != want[4:] {
			t.Errorf("Parse(%q).International() = %q, want %q", tt.in, n.International(), want[4:])
		}
	}
}

// TestWhy: each refusal says what is wrong in words that follow "is not a
// UK telephone number: ".
func TestWhy(t *testing.T) {
	for in, want := range map[string]string{
		"960905":              "it has no area code, which starts with 0",
		"07700 90012":         "it has 10 digits, and a number starting 07 has 11",
		"0808 123456":         "it has 10 digits, and a number starting 08 has 11",
		"0800 12345":          "it has 9 digits, and a number starting 0800 has 10 or 11 (or is 0800 1111)",
		"01632 9609050":       "it has 12 digits, and a number starting 01632 has 11",
		"01632 9600":          "it has 9 digits, and a number starting 01632 has 11",
		"01632 96090":         "it has 10 digits, and a number starting 01632 has 11",
		"0121 496 012":        "it has 10 digits, and a number starting 0121 has 11",
		"01697 23456":         "it has 10 digits, and a number starting 016972 has 11",
		"01204 1234":          "it has 9 digits, and a number starting 01204 has 10 or 11",
		"016977 345":          "it has 9 digits, and a number starting 016977 has 10 or 11",
		"01697":               "it has 5 digits, and a number starting 01697 has 10 or 11",
		"0169":                "it has 4 digits, and a number starting 01 has 10 or 11",
		"01632 96090S":        `it holds "S", where only digits, spaces and a + before the country code belong`,
		"ring us":             `it holds "r", where only digits, spaces and a + before the country code belong`,
		"0":                   "it has 1 digit, and a UK number has 10 or 11",
		"+44":                 "it has 1 digit, and a UK number has 10 or 11",
		"0044 0 1632 960905":  "a UK number starts with 0 and then a digit from 1 to 9",
		"00 33 1 23 45 67 89": Foreign,
		"+1 555 0100":         Foreign,
		"  ":                  "it has no digits",
	} {
		if n, why := Parse(in); why != want || n != (Number{}) {
			t.Errorf("Parse(%q) = %+v, %q; want %q", in, n, why, want)
		}
	}
}

func TestFictional(t *testing.T) {
	for in, want := range map[string]bool{
		"01632 960000": true, "07700 900123": true, "0113 496 0123": true, "020 7946 0123": true,
		"01632 961000": false, "07700 901123": false, "0161 496 0123": false, "020 7946 1123": false, "020 4960 0123": false,
	} {
		n, why := Parse(in)
		if why != "" || n.Fictional() != want {
			t.Errorf("Parse(%q) = %+v, %q; Fictional() %v, want %v", in, n, why, n.Fictional(), want)
		}
	}
	if (Number{}).Fictional() {
		t.Error("no number is fictional")
	}
}
