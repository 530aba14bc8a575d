package link

import "testing"

func TestProblem(t *testing.T) {
	const (
		anySite = "link to a page on this site or to an http, https, mailto or tel address"
		webOnly = "must be an absolute http or https address, such as https://example.org/"
		noUser  = "must not carry a user name or password, which every visitor would see; remove the part up to and including the @"
		slash   = "contains a backslash, which browsers read as /; write / in its place, or %5C for a backslash"
	)
	for _, tc := range []struct {
		s       string
		allowed Kinds
		want    string
	}{
		// The four schemes, in any case.
		{"https://example.org/aelia", Any, ""},
		{"http://example.org", Any, ""},
		{"HTTPS://example.org/", Any, ""},
		{"mailto:info@example.org", Any, ""},
		{"MailTo:info@example.org", Any, ""},
		{"tel:+441632960905", Any, ""},
		{"tel:+44 1632 960905", Any, ""},
		// Relative addresses, where they are allowed.
		{"/verify/", Any, ""},
		{"safety.md#risks", Any, ""},
		{"#risks", Any, ""},
		{"?region=wales", Any, ""},
		{"", Any, ""},
		// No other scheme, in any case.
		{"javascript:alert(1)", Any, "uses the javascript: scheme; " + anySite},
		{"JavaScript:alert(1)", Any, "uses the javascript: scheme; " + anySite},
		{"data:text/html,x", Any, "uses the data: scheme; " + anySite},
		{"ftp://example.org/book", Any, "uses the ftp: scheme; " + anySite},
		{"file:///etc/passwd", Any, "uses the file: scheme; " + anySite},
		{"vbscript:x", Web | Mail | Phone, "uses the vbscript: scheme; link to an http, https, mailto or tel address"},
		// The shape each scheme needs.
		{"https://", Any, "has no host; write it in full, such as https://example.org/"},
		{"http:example.org", Any, "has no host; write it in full, such as https://example.org/"},
		{"https://user:pw@example.org/", Any, noUser},
		{"https://example.org@evil.example/", Any, noUser},
		{"mailto:", Any, "has nothing after mailto:; write the address right after the colon, such as mailto:info@example.org"},
		{"mailto:?subject=hello", Any, "has nothing after mailto:; write the address right after the colon, such as mailto:info@example.org"},
		{"tel:", Any, "has nothing after tel:; write the address right after the colon, such as tel:+441632960905"},
		{"tel://01632960905", Any, "has nothing after tel:; write the address right after the colon, such as tel:+441632960905"},
		// What follows mailto: is one or more e-mail addresses, and what
		// follows tel: a number someone can dial.
		{"mailto:info@example.org?subject=Booking%20a%20session", Any, ""},
		{"mailto:info@example.org,membership@example.org", Any, ""},
		{"mailto:info%40example.org", Any, ""},
		{"mailto:info@example", Any, `has "info@example" after mailto:, which is not an e-mail address; write one such as mailto:info@example.org`},
		{"mailto:Info <info@example.org>", Any, `has "Info <info@example.org>" after mailto:, which is not an e-mail address; write one such as mailto:info@example.org`},
		{"mailto:info@example.org,,x", Any, `has "x" after mailto:, which is not an e-mail address; write one such as mailto:info@example.org`},
		{"tel:01632960905", Any, ""},
		{"tel:01632-960-905", Any, ""},
		{"tel:+44%201632%20960905", Any, ""},
		{"tel:+33-1-23-45-67-89", Any, ""},
		{"tel:999", Any, ""},
		{"tel:116123", Any, ""},
		{"tel:01632-9609", Any, "has a number that is not a UK telephone number: it has 9 digits, and a number starting 01632 has 11; write it such as tel:+441632960905"},
		{"tel:0800 12345", Any, "has a number that is not a UK telephone number: it has 9 digits, and a number starting 0800 has 10 or 11 (or is 0800 1111); write it such as tel:+441632960905"},
		{"tel:ring-us", Any, `has "r" in its number, where only digits belong; write the number after tel:, such as tel:+441632960905`},
		{"tel:+1", Any, "has a number of 1 digit, too few for an international number; write it with its country code, such as tel:+441632960905"},
		{"tel:+3312345678901234567", Any, "has a number of 19 digits, more than the 15 of the longest; write it with its country code, such as tel:+441632960905"},
		{"tel:12", Any, "has a number of 2 digits, too short to dial; write the whole number with its area code, such as tel:+441632960905"},
		{"tel:1632960905", Any, "has a number of 10 digits with no area code or country code; write the whole number with its area code, such as tel:+441632960905"},
		{"https://example.org/a%zz", Any, "is not a valid address: it has a % not followed by two hexadecimal digits; write a % itself as %25"},
		{"java\tscript:alert(1)", Any, "is not a valid address: it contains a control character, such as a tab; remove it"},
		// Relative forms that browsers read as another site.
		{"//example.org/x", Any, "starts with //, which browsers read as an address on another site; write it in full, such as https://example.org/x"},
		{`/\example.org`, Any, slash},
		{`https://example.org/a\b`, Any, "contains a backslash, which browsers read as /; write / in its place (https://example.org/a/b), or %5C for a backslash"},
		{`..\articles\safety.md#risks`, Any, "contains a backslash, which browsers read as /; write / in its place (../articles/safety.md#risks), or %5C for a backslash"},
		{`https://example.org\@evil.example/`, Any, "is not a valid address; look for a stray character in it, such as a backslash or a space in the host"},
		// Where only some kinds are allowed.
		{"/verify/", Web | Mail | Phone, "is a relative address, which is not allowed here; write a whole address, such as https://example.org/"},
		{"tel:+441632960905", Relative | Web, "uses the tel: scheme, which is not allowed here; link to a page on this site or to an http or https address"},
		{"mailto:info@example.org", Web, webOnly},
		{"javascript:alert(1)", Web, webOnly},
		{"/books/one", Web, webOnly},
		{"//example.org", Web, webOnly},
		{"https://", Web, webOnly},
		{"https://example.org/a%zz", Web, webOnly},
		{"https://user@example.org/", Web, noUser},
		{"https://example.org/", Web, ""},
	} {
		if got := Problem(tc.s, tc.allowed); got != tc.want {
			t.Errorf("Problem(%q, %04b) = %q, want %q", tc.s, tc.allowed, got, tc.want)
		}
	}
}

func TestRelPath(t *testing.T) {
	for _, tt := range []struct{ dir, file, want string }{
		{"articles", "articles/safety.md", "safety.md"},
		{"articles", "reading/books.md", "../reading/books.md"},
		{"", "articles/safety.md", "articles/safety.md"},
		{"content/articles/deep", "content/articles/safety.md", "../safety.md"},
		{"practitioners", "index.md", "../index.md"},
	} {
		if got := RelPath(tt.dir, tt.file); got != tt.want {
			t.Errorf("RelPath(%q, %q) = %q, want %q", tt.dir, tt.file, got, tt.want)
		}
	}
}

func TestValidEmail(t *testing.T) {
	for s, want := range map[string]bool{"aelia@example.org": true, "a.b+c@mail.example.org": true, "aelia": false,
		"Aelia <aelia@example.org>": false, "aelia@localhost": false, "aelia@example.org.": false, "a@b@example.org": false,
		"info@example": false, "info.example.org": false, "": false} {
		if ValidEmail(s) != want {
			t.Errorf("ValidEmail(%q) = %v", s, !want)
		}
	}
}

// TestEmailProblem: an e-mail address written as a link or as a mail
// program shows it is told the address to write.
func TestEmailProblem(t *testing.T) {
	for s, want := range map[string]string{
		"info@example.org":                 "",
		"mailto:info@example.org":          `is a mailto: link; write the address alone: info@example.org`,
		"MAILTO:info@example.org":          `is a mailto: link; write the address alone: info@example.org`,
		"<info@example.org>":               `has angle brackets around it; write the address alone: info@example.org`,
		"Aelia Thornhurst <a@example.org>": `has a name with it; write the address alone: a@example.org`,
		"info at example.org":              "is not an e-mail address; write it like name@example.org",
		"mailto:nobody":                    "is not an e-mail address; write it like name@example.org",
	} {
		if got := EmailProblem(s); got != want {
			t.Errorf("EmailProblem(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestOwnSite: an http(s) address on the base URL's host, in any letter
// case, inside its folder, is the site's own, given from the root with its
// query and fragment; another host, another folder, another scheme or no
// base URL is not.
func TestOwnSite(t *testing.T) {
	tests := []struct {
		base, dest, root string
		ok               bool
	}{
		{"https://example.org/", "https://example.org/verify/", "/verify/", true},
		{"https://example.org/", "HTTP://Example.ORG", "/", true},
		{"https://example.org/", "https://example.org/search/?q=neck#results", "/search/?q=neck#results", true},
		{"https://example.org/", "https://example.org:443/a/", "/a/", true},
		{"https://example.org/cst/", "https://example.org/cst/training/", "/training/", true},
		{"https://example.org/cst/", "https://example.org/cst", "/", true},
		{"https://example.org/cst/", "https://example.org/cstx/", "", false},
		{"https://example.org/cst/", "https://example.org/other/", "", false},
		{"https://example.org/", "https://www.example.org/verify/", "", false},
		{"https://example.org/", "ftp://example.org/verify/", "", false},
		{"https://example.org/", "/verify/", "", false},
		{"https://example.org/", "mailto:info@example.org", "", false},
		{"", "https://example.org/verify/", "", false},
		{"/", "https:///verify/", "", false}, // site.yaml without base_url: no host, no site
		// From the root, these would be written //elsewhere.example/:
		// another site's address.
		{"https://example.org/", "https://example.org//elsewhere.example/x", "", false},
		{"https://example.org/cst/", "https://example.org/cst//elsewhere.example/", "", false},
		{"https://example.org/", "https://example.org/a//b/", "/a//b/", true},
	}
	for _, tt := range tests {
		root, ok := OwnSite(tt.base, tt.dest)
		if root != tt.root || ok != tt.ok {
			t.Errorf("OwnSite(%q, %q) = %q, %v; want %q, %v", tt.base, tt.dest, root, ok, tt.root, tt.ok)
		}
	}
}
