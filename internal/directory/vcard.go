package directory

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"sitegen/internal/personname"
)

// VCard returns p's contact card in vCard 4.0 (RFC 6350): CRLF line ends,
// text values escaped (\\ \, \; \n) and lines folded at 75 octets without
// splitting a UTF-8 character.
func (d *Directory) VCard(p *Practitioner) []byte {
	var b strings.Builder
	line := func(s string) { writeLine(&b, s) }
	line("BEGIN:VCARD")
	line("VERSION:4.0")
	line("KIND:individual")
	line("FN:" + vcText(p.Name))
	// N: family; given; additional; honorific prefixes; suffixes
	prefix, name := personname.Honorific(p.Name)
	given, family, suffix := personname.Split(name)
	line("N:" + vcText(family) + ";" + vcText(given) + ";;" + vcText(prefix) + ";" + vcText(suffix))
	line("TITLE:" + vcText("Craniosacral therapist"))
	if len(p.Locations) > 0 && p.Locations[0].Name != "" {
		// The practice: ADR's extended address would hold it, but RFC
		// 6350 asks for that part to be left empty, as address books
		// read it differently.
		line("ORG:" + vcText(p.Locations[0].Name))
	}
	if p.Contact.Email != "" {
		line("EMAIL;TYPE=work:" + vcText(p.Contact.Email))
	}
	if p.Contact.Phone.Tel != "" {
		line("TEL;VALUE=uri;TYPE=\"work,voice\":" + vcURI(p.Contact.Phone.Tel))
	}
	if p.Contact.Website != "" {
		line("URL;TYPE=work:" + vcURI(p.Contact.Website))
	}
	for i, l := range p.Locations {
		pref := ""
		if len(p.Locations) > 1 && i == 0 {
			pref = ";PREF=1"
		}
		// ADR: PO box; extended address; street; locality; region;
		// postcode; country, the first two empty (RFC 6350 6.3.1).
		line("ADR;TYPE=work" + pref + ":;;" + vcText(l.Address) + ";" + vcText(l.Town) + ";" +
			vcText(l.Region) + ";" + vcText(l.Postcode) + ";" + vcText("United Kingdom"))
	}
	if len(p.Locations) > 0 {
		l := p.Locations[0]
		line("GEO:geo:" + strconv.FormatFloat(l.Lat, 'f', -1, 64) + "," + strconv.FormatFloat(l.Lon, 'f', -1, 64))
	}
	note := "Registration " + p.Registration
	if p.Level != "" {
		note += ", " + p.Level
	}
	if !p.CertifiedUntil.IsZero() {
		note += ", certified until " + p.CertifiedUntil.Format("2 January 2006")
	}
	if p.Contact.fictional() {
		// A card saved to a phone leaves the site's sample notices
		// behind, so it carries its own.
		note += ". Sample data: this practitioner is fictional, and these contact details reach nobody."
	}
	line("NOTE:" + vcText(note))
	line("SOURCE:" + vcURI(d.absURL(p.VCardURL())))
	line("END:VCARD")
	return []byte(b.String())
}

// vcText escapes a text value (RFC 6350 section 3.4).
func vcText(s string) string { return vcTextEscaper.Replace(s) }

// The escapers are built once: a Replacer prepares its tables on first
// use, and a register has thousands of cards.
var (
	vcTextEscaper = strings.NewReplacer(`\`, `\\`, ",", `\,`, ";", `\;`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`)
	vcURIEscaper  = strings.NewReplacer("\r", "", "\n", "")
)

// vcURI keeps a URI value on one line; URIs are validated on load, this
// only guards the card's structure.
func vcURI(s string) string {
	return vcURIEscaper.Replace(s)
}

// writeLine writes one content line, folded so that no line exceeds 75 octets;
// continuation lines start with a space.
func writeLine(b *strings.Builder, s string) {
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		b.WriteString(s[:cut])
		b.WriteString("\r\n ")
		s = s[cut:]
		limit = 74 // the leading space counts
	}
	b.WriteString(s)
	b.WriteString("\r\n")
}
