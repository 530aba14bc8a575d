package directory

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"sitegen/internal/diag"
)

func TestSlugs(t *testing.T) {
	for s, want := range map[string]bool{"aelia-thornhurst": true, "aelia-thornhurst-2": true, "Aelia": false, "aelia_thornhurst": false,
		"-aelia": false, "aelia--t": false, "": false} {
		if ValidSlug(s) != want {
			t.Errorf("ValidSlug(%q) = %v", s, !want)
		}
	}
	if got := Slugify("Yorkshire and the Humber"); got != "yorkshire-and-the-humber" {
		t.Errorf("Slugify = %q", got)
	}
}

func TestVCard(t *testing.T) {
	d, _ := fixture(t)
	var hostileP, aeliaP *Practitioner
	for _, p := range d.Practitioners {
		switch p.Slug {
		case "hostile":
			hostileP = p
		case "aelia-thornhurst":
			aeliaP = p
		}
	}
	got := string(d.VCard(aeliaP))
	want := "BEGIN:VCARD\r\n" +
		"VERSION:4.0\r\n" +
		"KIND:individual\r\n" +
		"FN:Aelia Thornhurst\r\n" +
		"N:Thornhurst;Aelia;;;\r\n" +
		"TITLE:Craniosacral therapist\r\n" +
		"ORG:Frithwick Wellbeing Centre\r\n" +
		"EMAIL;TYPE=work:aelia@example.org\r\n" +
		"TEL;VALUE=uri;TYPE=\"work,voice\":tel:+441632960905\r\n" +
		"URL;TYPE=work:https://example.org/aelia\r\n" +
		"ADR;TYPE=work:;;12 Mill Lane;Frithwick;South West;TR9 8TR;United Kingdom\r\n" +
		"GEO:geo:50.70614,-4.32072\r\n" +
		"NOTE:Registration CST-000004\\, Registered\\, certified until 19 February 202\r\n" +
		" 7. Sample data: this practitioner is fictional\\, and these contact details\r\n" +
		"  reach nobody.\r\n" +
		"SOURCE:https://example.org/practitioners/aelia-thornhurst.vcf\r\n" +
		"END:VCARD\r\n"
	if got != want {
		t.Errorf("vCard:\n%s\nwant:\n%s", got, want)
	}

	// A practitioner whose details are real gets no sample note, even in a
	// register that holds sample entries.
	real := *aeliaP
	real.Contact = Contact{Email: "aelia@thornhurst-cst.co.uk"}
	if card := unfold(string(d.VCard(&real))); !strings.Contains(card, "NOTE:Registration CST-000004\\, Registered\\, certified until 19 February 2027\r\n") {
		t.Errorf("a real practitioner's vCard has a sample note or lacks the registration note:\n%s", card)
	}

	card := string(d.VCard(hostileP))
	for _, want := range []string{
		`FN:</script><script>alert(1)</script> O'Brien\, Jr\; \\ Esq`,
		`;1 Quote " Street\; Flat 2\, Back;`,
	} {
		if !strings.Contains(unfold(card), want) {
			t.Errorf("vCard lacks %q:\n%s", want, card)
		}
	}
	for _, line := range strings.Split(strings.TrimSuffix(card, "\r\n"), "\r\n") {
		if len(line) > 75 {
			t.Errorf("line longer than 75 octets: %q", line)
		}
		if strings.ContainsAny(line, "\r\n") {
			t.Errorf("bare line break in %q", line)
		}
	}
}

// A vCard files a name as the reading lists' exports do (package
// personname): particles with the surname, an honorific and a suffix in
// fields of their own.
func TestVCardName(t *testing.T) {
	d, _ := fixture(t)
	for _, c := range []struct{ name, want string }{
		{"Maria de la Cruz", "N:de la Cruz;Maria;;;\r\n"},
		{"Tomas Ferreira Jr.", "N:Ferreira;Tomas;;;Jr.\r\n"},
		{"Dr. Ann O'Neil-Smith", "N:O'Neil-Smith;Ann;;Dr.;\r\n"},
		{"Prof Tomas Ferreira Jr.", "N:Ferreira;Tomas;;Prof;Jr.\r\n"},
		{"Dr", "N:Dr;;;;\r\n"},
	} {
		p := *d.Practitioners[0]
		p.Name = c.name
		if card := string(d.VCard(&p)); !strings.Contains(card, c.want) {
			t.Errorf("vCard of %s lacks %q:\n%s", c.name, c.want, card)
		}
	}
}

// unfold undoes vCard line folding.
func unfold(s string) string { return strings.ReplaceAll(s, "\r\n ", "") }

func TestFoldKeepsUTF8Whole(t *testing.T) {
	var b strings.Builder
	writeLine(&b, "NOTE:"+strings.Repeat("é", 80))
	for i, line := range strings.Split(strings.TrimSuffix(b.String(), "\r\n"), "\r\n") {
		body := line
		if i > 0 {
			body = strings.TrimPrefix(line, " ")
		}
		if len(line) > 75 || !isUTF8(body) {
			t.Errorf("line %d: %q (%d octets)", i, line, len(line))
		}
	}
	if unfold(b.String()) != "NOTE:"+strings.Repeat("é", 80)+"\r\n" {
		t.Error("folding changed the text")
	}
}

func isUTF8(s string) bool { return strings.ToValidUTF8(s, "\ufffd") == s }

func TestFilterData(t *testing.T) {
	d, _ := fixture(t)
	var raw []byte
	urls := d.FilterDataURLs()
	for _, f := range d.Files() {
		if len(urls) == 1 && "/"+f.Path == urls[0] {
			raw = f.Data
		}
	}
	if raw == nil || !strings.HasPrefix(urls[0], "/practitioners/directory.") {
		t.Fatalf("no filter data, or more than one part, at %q", urls)
	}
	var fd struct {
		Regions, Modalities, Languages, Levels, Conditions []string
		Places                                             [][]any
		People                                             [][]json.RawMessage
	}
	if err := json.Unmarshal(raw, &fd); err != nil {
		t.Fatal(err)
	}
	if len(fd.People) != 2 {
		t.Fatalf("%d people, want the 2 listed (not the lapsed one)", len(fd.People))
	}
	var aeliaRow, hostileRow []json.RawMessage
	for _, p := range fd.People {
		row, _ := json.Marshal(p)
		if strings.Contains(string(row), `"Aelia Thornhurst"`) {
			aeliaRow = p
		} else {
			hostileRow = p
		}
	}
	// A practitioner with conditions on their practice has a ninth element:
	// the index of their card's wording of them among the Conditions, each
	// said once however many share it; one without has none.
	if len(hostileRow) != 9 || string(hostileRow[8]) != "0" || len(fd.Conditions) != 1 || fd.Conditions[0] != `<b>Supervised</b> & "careful"` {
		t.Errorf("the row of a practitioner with conditions ends %s, conditions %q; want index 0 of [%q]", hostileRow[len(hostileRow)-1], fd.Conditions, `<b>Supervised</b> & "careful"`)
	}
	if strings.Contains(string(raw), "<b>") {
		t.Errorf("the conditions are not escaped in the data")
	}
	// slug ("" for the slug of the name, aelia-thornhurst), name, flags (accepting),
	// modalities (0 Craniosacral, 16 Visceral), languages (0, 1), locations [town
	// (place 0, Frithwick), region 10 = South West, district (place 3, TR9), lat, lon,
	// wheelchair], level 0, registration: each town and district written once, in
	// the places, however many practitioners work there.
	want := `["","Aelia Thornhurst",1,[0,16],[0,1],[[0,10,3,50.706,-4.321,1]],0,"CST-000004"]`
	if row, _ := json.Marshal(aeliaRow); string(row) != want {
		t.Errorf("row:\n%s\nwant:\n%s", row, want)
	}
	if len(fd.Places) < 4 || fd.Places[0][0] != "Frithwick" || fd.Places[3][0] != "TR9" {
		t.Errorf("places 0 and 3 are not Frithwick and TR9: %v", fd.Places)
	}
	if fd.Regions[10] != "South West" || fd.Modalities[16] != "Visceral manipulation" || fd.Levels[0] != "Registered" {
		t.Errorf("vocabularies: %v %v %v", fd.Regions, fd.Modalities, fd.Levels)
	}
	places := map[string]bool{}
	for _, p := range fd.Places {
		places[p[0].(string)] = true
	}
	if !places["Frithwick"] || !places["TR9"] || !places["N1"] {
		t.Errorf("places: %v", fd.Places)
	}
}

func TestVerifyData(t *testing.T) {
	d, _ := fixture(t)
	files := map[string][]byte{}
	for _, f := range d.Files() {
		files["/"+f.Path] = f.Data
	}
	var m VerifyManifest
	if err := json.Unmarshal(files[d.VerifyIndexURL()], &m); err != nil {
		t.Fatalf("manifest %s: %v", d.VerifyIndexURL(), err)
	}
	if m.Size != VerifyShardSize || m.Prefix != "CST-" || m.Digits != 6 || m.Built != "2026-12-01" {
		t.Errorf("manifest %+v", m)
	}
	// CST-000004 and CST-000031 are in shard 0, CST-000777 in shard 3.
	if len(m.Shards) != 2 || m.Shards["0"] == "" || m.Shards["3"] == "" {
		t.Fatalf("shards %v", m.Shards)
	}
	var shard map[string][]string
	if err := json.Unmarshal(files[m.Shards["0"]], &shard); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(shard["CST-000004"], "|"); got != "Aelia Thornhurst|/practitioners/aelia-thornhurst/|2015-06-01|2027-02-19|Registered|" {
		t.Errorf("CST-000004: %s", got)
	}
	if got := strings.Join(shard["CST-000031"], "|"); got != "Cerys Llewdale||2010-01-05|2025-11-14|Registered|" {
		t.Errorf("lapsed CST-000031 must stay in the check without a profile: %s", got)
	}
}

func TestFilesDeterministic(t *testing.T) {
	d1, _ := fixture(t)
	d2, _ := fixture(t)
	f1, f2 := d1.Files(), d2.Files()
	if len(f1) != len(f2) {
		t.Fatal("different file counts")
	}
	var paths []string
	for i := range f1 {
		if f1[i].Path != f2[i].Path || !bytes.Equal(f1[i].Data, f2[i].Data) {
			t.Errorf("%s differs between runs", f1[i].Path)
		}
		paths = append(paths, f1[i].Path)
	}
	for _, want := range []string{"practitioners/aelia-thornhurst.vcf", "practitioners/hostile.vcf"} {
		if !strings.Contains(strings.Join(paths, " "), want) {
			t.Errorf("no %s in %v", want, paths)
		}
	}
	if strings.Contains(strings.Join(paths, " "), "cerys-llewdale.vcf") {
		t.Error("a lapsed practitioner has a vCard")
	}
}

// TestPaediatric: a practitioner works with children when a qualification
// names paediatric work, however it is spelt, unless their conditions on
// practice keep them to adults; in the sample register no one whose bio
// says they work with adults is listed as working with children, and
// every paediatric certificate was gained after the two years in practice
// that schools ask for before the course (the how-to-become-certified
// article says so): in a later calendar year than the second anniversary
// of joining the register, since certificates are dated by year alone.
func TestPaediatric(t *testing.T) {
	for _, tc := range []struct {
		titles     []string
		conditions string
		want       bool
	}{
		{[]string{"Diploma in Craniosacral Therapy", "Advanced Certificate in Paediatric Craniosacral Therapy"}, "", true},
		{[]string{"Certificate in PEDIATRIC Craniosacral Work"}, "", true},
		{[]string{"Diploma in Craniosacral Therapy"}, "", false},
		{[]string{"Advanced Certificate in Paediatric Craniosacral Therapy"}, "Works under supervision; treats adults only.", false},
		{nil, "", false},
	} {
		p := &Practitioner{Conditions: tc.conditions}
		for _, title := range tc.titles {
			p.Qualifications = append(p.Qualifications, Qualification{Title: title})
		}
		if got := p.Paediatric(); got != tc.want {
			t.Errorf("qualifications %q, conditions %q: Paediatric() = %v, want %v", tc.titles, tc.conditions, got, tc.want)
		}
	}
	var l diag.List
	d := Load(osDirFS("../.."), testConfig(t), buildDay, &l)
	children := 0
	for _, p := range d.Current() {
		adults := strings.Contains(p.Bio, "works with adults") || strings.Contains(p.Conditions, "adults only")
		if p.Paediatric() {
			children++
			for _, q := range p.Qualifications {
				t2 := strings.ToLower(q.Title)
				if (strings.Contains(t2, "paediatric") || strings.Contains(t2, "pediatric")) && q.Year <= p.CertifiedSince.Year()+2 {
					t.Errorf("%s: %q is dated %d, which cannot be shown to come two years after joining the register on %s",
						p.Source, q.Title, q.Year, p.CertifiedSince.Format("2 January 2006"))
				}
			}
			if adults {
				t.Errorf("%s works with adults only, but is listed as working with children", p.Source)
			}
		} else if strings.Contains(p.Bio, "adults and children") {
			t.Errorf("%s sees children but has no paediatric qualification", p.Source)
		}
	}
	if children < 5 {
		t.Errorf("%d current practitioners work with children; the sample register should show the filter at work", children)
	}
}

// TestFilterParts: the filter data is split into parts of at most size
// practitioners, in order, the vocabularies and places in the first only;
// a directory that fits in one part is one part, the data itself.
func TestFilterParts(t *testing.T) {
	fd := FilterData{Regions: []string{"Wales"}, Places: [][3]any{{"Bath", 51.4, -2.4}}, Conditions: []string{},
		People: [][]any{{"", "A"}, {"", "B"}, {"", "C"}, {"", "D"}, {"", "E"}}}
	got := []string{}
	for _, p := range FilterParts(fd, 2) {
		got = append(got, string(mustJSON(p)))
	}
	want := []string{
		`{"regions":["Wales"],"modalities":null,"languages":null,"levels":null,"places":[["Bath",51.4,-2.4]],"areas":null,"people":[["","A"],["","B"]],"conditions":[],"registration":[null,null]}`,
		`{"people":[["","C"],["","D"]]}`,
		`{"people":[["","E"]]}`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("parts:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	for _, size := range []int{5, 6, FilterPartSize} {
		if parts := FilterParts(fd, size); len(parts) != 1 || string(mustJSON(parts[0])) != string(mustJSON(fd)) {
			t.Errorf("size %d: %d parts, want the data as one", size, len(parts))
		}
	}
}
