package site

import (
	"testing"

	"sitegen/internal/config"
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
