package site

import (
	"fmt"
	"strings"
	"testing"

	"sitegen/internal/config"
	"sitegen/internal/markdown"
)

// TestOrganizationLD: the home page describes the organisation with its
// telephone number in international form and its country as an ISO 3166
// code, as the practitioners' and schools' structured data does.
func TestOrganizationLD(t *testing.T) {
	cfg := &config.Config{Title: "T", BaseURL: "https://example.org/", Org: config.Organisation{
		Name: "Craniosacral Therapy Association", Telephone: "01632 960000",
		Address: config.Address{Street: "1 Example Street", Town: "Exampleton", Postcode: "ZZ1 1ZZ", Country: "United Kingdom"},
	}}
	org := OrganizationLD(cfg)
	if got := org["telephone"]; got != "+441632960000" {
		t.Errorf("telephone %v, want +441632960000", got)
	}
	addr, _ := org["address"].(map[string]any)
	if got := addr["addressCountry"]; got != "GB" {
		t.Errorf("addressCountry %v, want GB", got)
	}
	if org["@id"] != "https://example.org/#organization" || org["name"] != "Craniosacral Therapy Association" {
		t.Errorf("@id %v, name %v", org["@id"], org["name"])
	}
}

// TestContents: level-3 headings nest under the level-2 heading before
// them; one before any level-2 heading is at the top; other levels are
// left out.
func TestContents(t *testing.T) {
	hs := func(levels ...int) []markdown.Heading {
		var out []markdown.Heading
		for i, l := range levels {
			out = append(out, markdown.Heading{Level: l, ID: fmt.Sprint("h", i), Text: fmt.Sprint(i)})
		}
		return out
	}
	var show func(es []*TOCEntry) string
	show = func(es []*TOCEntry) string {
		var b []string
		for _, e := range es {
			s := e.Text
			if len(e.Children) > 0 {
				s += "(" + show(e.Children) + ")"
			}
			b = append(b, s)
		}
		return strings.Join(b, " ")
	}
	for _, tt := range []struct {
		levels []int
		want   string
	}{
		{[]int{2, 3, 3, 2, 2, 3}, "0(1 2) 3 4(5)"},
		{[]int{3, 3, 2, 3}, "0 1 2(3)"},
		{[]int{2, 4, 3, 4, 2}, "0(2) 4"},
		{nil, ""},
	} {
		p := &Page{Headings: hs(tt.levels...)}
		if got := show(p.Contents()); got != tt.want {
			t.Errorf("headings at levels %v: contents %q, want %q", tt.levels, got, tt.want)
		}
	}
}
