package yamldoc

import "testing"

func TestWebURLProblem(t *testing.T) {
	for s, want := range map[string]string{
		"https://example.org/aelia":       "",
		"http://example.org":              "",
		"HTTPS://example.org/":            "",
		"javascript:alert(1)":             "must be an absolute http or https address, such as https://example.org/",
		"JavaScript:alert(1)":             "must be an absolute http or https address, such as https://example.org/",
		"data:text/html,x":                "must be an absolute http or https address, such as https://example.org/",
		"ftp://example.org":               "must be an absolute http or https address, such as https://example.org/",
		"tel:+441632960905":               "must be an absolute http or https address, such as https://example.org/",
		"mailto:info@example.org":         "must be an absolute http or https address, such as https://example.org/",
		"//example.org":                   "must be an absolute http or https address, such as https://example.org/",
		"/books/one":                      "must be an absolute http or https address, such as https://example.org/",
		"www.example.org/aelia":           `must be an absolute http or https address, such as https://example.org/; did you mean "https://www.example.org/aelia"?`,
		"example.org":                     `must be an absolute http or https address, such as https://example.org/; did you mean "https://example.org"?`,
		"aelia.html":                      "must be an absolute http or https address, such as https://example.org/",
		"bio.pdf":                         "must be an absolute http or https address, such as https://example.org/",
		"Example.co.UK":                   `must be an absolute http or https address, such as https://example.org/; did you mean "https://Example.co.UK"?`,
		"https://":                        "must be an absolute http or https address, such as https://example.org/",
		"https://user:pw@example.org/":    "must not carry a user name or password, which every visitor would see; remove the part up to and including the @",
		"https://example.org/a b":         "contains a space; write each space as %20",
		"https://example.org/\"><script>": `contains a quote, an angle bracket or a backslash; write them as %22, %3C, %3E and %5C`,
	} {
		if got := WebURLProblem(s); got != want {
			t.Errorf("WebURLProblem(%q) = %q, want %q", s, got, want)
		}
	}
}
