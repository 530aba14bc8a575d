package directory

import (
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"sitegen/internal/config"
	"sitegen/internal/diag"
	"sitegen/internal/phone"
)

// A valid practitioner; the tests replace one line at a time.
const aelia = `name: Aelia Thornhurst
registration: CST-000004
certified_since: 2015-06-01
certified_until: 2027-02-19
level: Registered
conditions: ""
modalities: [Craniosacral therapy, Visceral manipulation]
languages: [English, Welsh]
accepting_new_clients: true
home_visits: false
contact: {email: aelia@example.org, phone: "01632 960905", website: https://example.org/aelia}
locations:
  - name: Frithwick Wellbeing Centre
    address: 12 Mill Lane
    town: Frithwick
    region: South West
    postcode: TR9 8TR
    lat: 50.70614
    lon: -4.32072
    wheelchair_access: true
qualifications:
  - {title: Diploma in Craniosacral Therapy, school: frithwick-college, year: 2012}
bio: |
  Aelia has practised craniosacral therapy in *Frithwick* since 2015.
`

const frithwick = `name: Frithwick College of Craniosacral Therapy
website: https://example.org/frithwick-college
region: South West
contact: {email: college@example.org, phone: "01632 960410"}
courses:
  - title: Diploma in Craniosacral Therapy
    accredited_until: 2028-07-31
    length: 2 years
    format: In person
    location: Frithwick
    prerequisites: None
  - title: Old Certificate
    accredited_until: 2026-10-01
    length: 6 weekends
    format: Blended
    location: Frithwick and online
    prerequisites: None
`

var buildDay = time.Date(2026, 12, 1, 9, 30, 0, 0, time.UTC)

func testSite(files map[string]string) fstest.MapFS {
	fsys := fstest.MapFS{}
	for name, data := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(data)}
	}
	return fsys
}

func loadSite(t testing.TB, files map[string]string) (*Directory, *diag.List) {
	t.Helper()
	var l diag.List
	d := Load(testSite(files), testConfig(t), buildDay, &l)
	return d, &l
}

func messages(l *diag.List, sev diag.Severity) []string {
	var out []string
	for _, p := range l.All() {
		if p.Severity == sev {
			out = append(out, p.String())
		}
	}
	return out
}

// TestCourseAnchors: each course has an id of its own on the training
// page, made from the school's slug and the course title, numbered when a
// school lists two courses of one title (a warning), and never equal to a
// school's id.
func TestCourseAnchors(t *testing.T) {
	school := frithwick + `  - {title: Diploma in Craniosacral Therapy, accredited_until: 2029-07-31, length: 2 years, format: Blended, location: Frithwick, prerequisites: None}
  - {title: "Diploma: Craniosacral Therapy", accredited_until: 2029-07-31, length: 2 years, format: Blended, location: Frithwick, prerequisites: None}
`
	d, l := loadSite(t, map[string]string{"content/schools/frithwick-college.yaml": school})
	// The repeated title is a warning: its course's address has a number.
	const warning = `content/schools/frithwick-college.yaml:18:13: warning: a course titled "Diploma in Craniosacral Therapy" is listed already, on line 6, and the training page tells the two apart only by a number at the end of this one's address; give each course a title of its own, or remove the one no longer taught`
	if probs := l.All(); len(probs) != 1 || probs[0].String() != warning {
		t.Fatalf("problems: %v\nwant %s", probs, warning)
	}
	var got []string
	for _, c := range d.Schools[0].Courses {
		got = append(got, c.Anchor)
	}
	want := []string{
		"frithwick-college--diploma-in-craniosacral-therapy",
		"frithwick-college--old-certificate",
		"frithwick-college--diploma-in-craniosacral-therapy-2",
		"frithwick-college--diploma-craniosacral-therapy",
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("course anchors = %q, want %q", got, want)
	}
	for _, a := range got {
		if ValidSlug(a) {
			t.Errorf("course anchor %q is a valid school slug: a school could have it as its id", a)
		}
	}
}

func TestValidPractitioner(t *testing.T) {
	d, l := loadSite(t, map[string]string{
		"content/practitioners/aelia-thornhurst.yaml": aelia,
		"content/schools/frithwick-college.yaml":      frithwick,
	})
	if l.Len() != 0 {
		t.Fatalf("problems: %v", l.All())
	}
	if len(d.Practitioners) != 1 || len(d.Schools) != 1 {
		t.Fatalf("got %d practitioners, %d schools", len(d.Practitioners), len(d.Schools))
	}
	p := d.Practitioners[0]
	if p.Slug != "aelia-thornhurst" || p.Registration != "CST-000004" || p.Status != Current || p.DaysLeft != 80 {
		t.Errorf("practitioner = %+v", p)
	}
	if p.Contact.Phone != (phone.Number{Display: "01632 960905", Tel: "tel:+441632960905"}) {
		t.Errorf("phone = %+v", p.Contact.Phone)
	}
	if l := p.Locations[0]; l.District() != "TR9" || l.OSMURL() != "https://www.openstreetmap.org/?mlat=50.70614&mlon=-4.32072#map=16/50.70614/-4.32072" {
		t.Errorf("location = %+v, OSM %s", l, l.OSMURL())
	}
	if !d.Sample {
		t.Error("example.org contacts should mark the directory as sample data")
	}
	if s := d.Schools[0]; len(s.CurrentCourses()) != 1 || s.CurrentCourses()[0].Title != "Diploma in Craniosacral Therapy" {
		t.Errorf("current courses = %+v", s.CurrentCourses())
	}
}

func TestRealContactsAreNotSample(t *testing.T) {
	src := strings.NewReplacer("aelia@example.org", "aelia@thornhurst.co.uk", "01632 960905", "01872 555123",
		"https://example.org/aelia", "https://thornhurst.co.uk/").Replace(aelia)
	d, l := loadSite(t, map[string]string{"content/practitioners/aelia-thornhurst.yaml": strings.Replace(src, ", school: frithwick-college", "", 1)})
	if l.Len() != 0 {
		t.Fatal(l.All())
	}
	if d.Sample {
		t.Error("a register with real contact details is not sample data")
	}
}

// TestValidation checks every rule with its exact message and position.
func TestValidation(t *testing.T) {
	const file = "content/practitioners/aelia-thornhurst.yaml"
	tests := []struct {
		name, old, new string
		want           []string
	}{
		{"name on two lines", "name: Aelia Thornhurst\n", "name: \"Aelia\\nThornhurst\"\n",
			[]string{file + `:1:7: name must be on one line, but it has a line break; remove it`}},
		{"block name", "name: Aelia Thornhurst\n", "name: |\n  Aelia Thornhurst\n",
			nil},
		{"town with a tab", "town: Frithwick", "town: \"Frith\\twick\"",
			[]string{file + `:15:11: town must be on one line, but it has the control character U+0009; remove it`}},
		{"unknown key", "home_visits: false", "home_visit: false",
			[]string{file + `:10:1: unknown key "home_visit" in practitioner; did you mean "home_visits"?`}},
		{"missing name", "name: Aelia Thornhurst\n", "",
			[]string{file + `:1:1: practitioner is missing required key "name"; add ` + "`name: ...`"}},
		{"empty registration", "registration: CST-000004", "registration: \"\"",
			[]string{file + `:2:15: registration is empty; write it after the colon: ` + "`registration: ...`"}},
		{"registration pattern", "registration: CST-000004", "registration: cst 4",
			[]string{file + `:2:15: registration "cst 4" must be CST- followed by 6 digits, like CST-000004; did you mean "CST-000004"?`}},
		{"registration garbage", "registration: CST-000004", "registration: ABC-1",
			[]string{file + `:2:15: registration "ABC-1" must be CST- followed by 6 digits, like CST-000004`}},
		{"date", "certified_until: 2027-02-19", "certified_until: 19/02/2027",
			[]string{file + `:4:18: certified_until: "19/02/2027" is not a date the site reads; dates are written year first: if you mean 19 February 2027, write certified_until: 2027-02-19`}},
		{"dates in order", "certified_since: 2015-06-01", "certified_since: 2028-06-01",
			[]string{file + `:4:18: certified_until 2027-02-19 is before certified_since 2028-06-01 (on line 3), so the certification would end before it began; check both dates and correct the wrong one`}},
		{"dates in order, written the other way round", "certified_since: 2015-06-01\ncertified_until: 2027-02-19", "certified_until: 2027-02-19\ncertified_since: 2028-06-01",
			[]string{file + `:3:18: certified_until 2027-02-19 is before certified_since 2028-06-01 (on line 4), so the certification would end before it began; check both dates and correct the wrong one`}},
		{"certified from a day still to come", "certified_since: 2015-06-01", "certified_since: 2026-12-02",
			[]string{file + `:3:18: certified_since 2026-12-02 is after today (2026-12-01): the register would list them as certified before they are; check the year, or add the practitioner on the day their certification starts`}},
		{"certified from today", "certified_since: 2015-06-01", "certified_since: 2026-12-01", nil},
		{"level vocabulary", "level: Registered", "level: Registred",
			[]string{file + `:5:8: level "Registred" is not one of the credential levels; did you mean "Registered"?`}},
		{"level vocabulary without suggestion", "level: Registered", "level: Grandmaster",
			[]string{file + `:5:8: level "Grandmaster" is not one of the credential levels (Registered, Advanced, Teacher); use one of them, or add it to vocabularies.levels in content/site.yaml`}},
		{"region written with a word more", "region: South West", "region: Far South West",
			[]string{file + `:16:13: region "Far South West" is not one of the regions; did you mean "South West"?`}},
		{"region that holds two regions' words", "region: South West", "region: North East Wales",
			[]string{file + `:16:13: region "North East Wales" is not one of the regions (Scotland, North East, North West, Yorkshire and the Humber, Wales, West Midlands, East Midlands, East of England, London, South East, South West, Northern Ireland); use one of them, or add it to vocabularies.regions in content/site.yaml`}},
		{"two regions where one is written", "region: South West", "region: South West & Wales",
			[]string{file + `:16:13: region "South West & Wales" names 2 regions, where one is written; write the one that applies`}},
		{"two modalities in one item", "modalities: [Craniosacral therapy, Visceral manipulation]", "modalities:\n  - Craniosacral therapy and visceral manipulation",
			[]string{file + `:8:5: modality "Craniosacral therapy and visceral manipulation" names 2 modalities in one item; write each as an item of the list: modalities: [Craniosacral therapy, Visceral manipulation]`}},
		{"two languages in one item", "[English, Welsh]", "[English/Welsh]",
			[]string{file + `:8:13: language "English/Welsh" names 2 languages in one item; write each as an item of the list: languages: [English, Welsh]`}},
		{"modality vocabulary", "Visceral manipulation]", "Viseral manipulation]",
			[]string{file + `:7:36: modality "Viseral manipulation" is not one of the modalities; did you mean "Visceral manipulation"?`}},
		{"language vocabulary", "[English, Welsh]", "[English, Welsch]",
			[]string{file + `:8:22: language "Welsch" is not one of the languages; did you mean "Welsh"?`}},
		{"boolean type", "accepting_new_clients: true", "accepting_new_clients: sometimes",
			[]string{file + `:9:24: accepting_new_clients must be true or false, not the text "sometimes"`}},
		{"name type", "name: Aelia Thornhurst", "name: [Aelia, Thornhurst]",
			[]string{file + `:1:7: name must be text, not a list`}},
		{"email", "aelia@example.org", "aelia-at-example.org",
			[]string{file + `:11:18: email "aelia-at-example.org" is not an e-mail address; write it like name@example.org`}},
		{"email as a mailto: link", "{email: aelia@example.org", "{email: mailto:aelia@example.org",
			[]string{file + `:11:18: email "mailto:aelia@example.org" is a mailto: link; write the address alone: aelia@example.org`}},
		{"phone", `"01632 960905"`, `"960905"`,
			[]string{file + `:11:44: phone "960905" is not a UK telephone number: it has no area code, which starts with 0; write it like 01632 960905 or +44 1632 960905`}},
		{"phone with a digit missing", `"01632 960905"`, `"07700 90012"`,
			[]string{file + `:11:44: phone "07700 90012" is not a UK telephone number: it has 10 digits, and a number starting 07 has 11; write it like 01632 960905 or +44 1632 960905`}},
		{"phone of an area of 11 digits with a digit missing", `"01632 960905"`, `"01632 96090"`,
			[]string{file + `:11:44: phone "01632 96090" is not a UK telephone number: it has 10 digits, and a number starting 01632 has 11; write it like 01632 960905 or +44 1632 960905`}},
		{"phone with a digit too many", `"01632 960905"`, `"01632 9609050"`,
			[]string{file + `:11:44: phone "01632 9609050" is not a UK telephone number: it has 12 digits, and a number starting 01632 has 11; write it like 01632 960905 or +44 1632 960905`}},
		{"phone with a letter", `"01632 960905"`, `"01632 96090S"`,
			[]string{file + `:11:44: phone "01632 96090S" is not a UK telephone number: it holds "S", where only digits, spaces and a + before the country code belong; write it like 01632 960905 or +44 1632 960905`}},
		{"phone with an extension", `"01632 960905"`, `"01632 960905 ext 2"`,
			[]string{file + `:11:44: phone "01632 960905 ext 2" is not a UK telephone number: it holds "e", where only digits, spaces and a + before the country code belong; write it like 01632 960905 or +44 1632 960905`}},
		{"phone of one zero", `"01632 960905"`, `"0"`,
			[]string{file + `:11:44: phone "0" is not a UK telephone number: it has 1 digit, and a UK number has 10 or 11; write it like 01632 960905 or +44 1632 960905`}},
		{"phone of the country code alone", `"01632 960905"`, `"+44"`,
			[]string{file + `:11:44: phone "+44" is not a UK telephone number: it has 1 digit, and a UK number has 10 or 11; write it like 01632 960905 or +44 1632 960905`}},
		{"phone with an international prefix", `"01632 960905"`, `"00 33 1 23 45 67 89"`,
			[]string{file + `:11:44: phone "00 33 1 23 45 67 89" is not a UK telephone number: it does not start with the UK's code, +44 or 0044, and the directory lists UK numbers only; write it like 01632 960905 or +44 1632 960905`}},
		{"foreign phone", `"01632 960905"`, `"+33 1 23 45 67 89"`,
			[]string{file + `:11:44: phone "+33 1 23 45 67 89" is not a UK telephone number: it does not start with the UK's code, +44 or 0044, and the directory lists UK numbers only; write it like 01632 960905 or +44 1632 960905`}},
		{"javascript website", "website: https://example.org/aelia", "website: \"javascript:alert(1)\"",
			[]string{file + `:11:69: website "javascript:alert(1)" must be an absolute http or https address, such as https://example.org/`}},
		{"ftp website", "website: https://example.org/aelia", "website: ftp://example.org/aelia",
			[]string{file + `:11:69: website "ftp://example.org/aelia" must be an absolute http or https address, such as https://example.org/`}},
		{"website without https://", "website: https://example.org/aelia", "website: www.example.org/aelia",
			[]string{file + `:11:69: website "www.example.org/aelia" must be an absolute http or https address, such as https://example.org/; did you mean "https://www.example.org/aelia"?`}},
		{"contact key", "{email: aelia@example.org,", "{e-mail: aelia@example.org,",
			[]string{file + `:11:11: unknown key "e-mail" in contact; did you mean "email"?`}},
		{"postcode", "postcode: TR9 8TR", "postcode: TR99 XYZ",
			[]string{file + `:17:15: postcode "TR99 XYZ" is not a UK postcode; write it like TR9 8TR`}},
		{"postcode district alone", "postcode: TR9 8TR", "postcode: TR9",
			[]string{file + `:17:15: postcode "TR9" is only the district, not the whole postcode; write all of it, with the three characters that follow the space, like TR9 8TR`}},
		{"postcode with a letter O for a zero", "postcode: TR9 8TR", "postcode: TR9 OTR",
			[]string{file + `:17:15: postcode "TR9 OTR" is not a UK postcode; did you mean "TR9 0TR"? (the letters O and I and the digits 0 and 1 are easy to mix up)`}},
		{"postcode area mistyped", "postcode: TR9 8TR", "postcode: YQ1 7HH",
			[]string{file + `:17:15: postcode "YQ1 7HH": YQ is not a UK postcode area; did you mean YO?`}},
		{"postcode area that is no area", "postcode: TR9 8TR", "postcode: qq1 1aa",
			[]string{file + `:17:15: postcode "qq1 1aa": QQ is not a UK postcode area; did you mean TQ?`}},
		{"latitude", "lat: 50.70614", "lat: 48.5",
			[]string{file + `:18:10: lat 48.5 is outside the UK (49.8 to 60.9); check that lat and lon are not swapped`}},
		{"longitude", "lon: -4.32072", "lon: 50.7",
			[]string{file + `:19:10: lon 50.7 is outside the UK (-8.7 to 1.8); check that lat and lon are not swapped`}},
		{"latitude type", "lat: 50.70614", "lat: north",
			[]string{file + `:18:10: lat must be a number, not the text "north"`}},
		{"region vocabulary", "region: South West", "region: South-West",
			[]string{file + `:16:13: region "South-West" is not one of the regions; did you mean "South West"?`}},
		{"accepting new clients left out", "accepting_new_clients: true\n", "",
			[]string{file + `:1:1: practitioner is missing required key "accepting_new_clients"; add accepting_new_clients: true or false`}},
		{"accepting new clients empty", "accepting_new_clients: true", "accepting_new_clients:",
			[]string{file + `:9:1: accepting_new_clients has no value; write accepting_new_clients: true or false`}},
		{"home visits left out", "home_visits: false\n", "",
			[]string{file + `:1:1: practitioner is missing required key "home_visits"; add home_visits: true or false`}},
		{"wheelchair access left out", "    wheelchair_access: true\n", "",
			[]string{file + `:13:5: location is missing required key "wheelchair_access"; add wheelchair_access: true or false`}},
		{"location requires town", "    town: Frithwick\n", "",
			[]string{file + `:13:5: location is missing required key "town"; add ` + "`town: ...`"}},
		{"empty locations", "locations:\n  - name: Frithwick Wellbeing Centre\n    address: 12 Mill Lane\n    town: Frithwick\n    region: South West\n    postcode: TR9 8TR\n    lat: 50.70614\n    lon: -4.32072\n    wheelchair_access: true\n", "locations: []\n",
			[]string{file + `:12:12: locations is empty; add at least one practice address with town, region, postcode, lat and lon`}},
		{"unknown school", "school: frithwick-college", "school: frithwick-colege",
			[]string{file + `:22:54: school "frithwick-colege" is not a school in content/schools/; did you mean "frithwick-college"?`}},
		{"unknown school without suggestion", "school: frithwick-college", "school: nowhere",
			[]string{file + `:22:54: school "nowhere" is not a school in content/schools/; add content/schools/nowhere.yaml or name one of the schools there`}},
		{"qualification year", "year: 2012", "year: 1066",
			[]string{file + `:22:79: year 1066 is not a plausible year for a qualification; write the year it was awarded, like 2012`}},
		{"qualification year in hexadecimal", "year: 2012", "year: 0x7DC",
			[]string{file + `:22:79: year must be a whole number written in decimal, such as 2012`}},
		{"raw HTML in bio", "  Aelia has practised", "  Aelia <script>alert(1)</script> has practised",
			[]string{file + `:24:3: bio contains raw HTML (<script>); raw HTML is not allowed in bios, write Markdown instead`}},
		{"escaped tag in bio is text", "  Aelia has practised", `  Aelia writes \<b> and \\\<i> as text, has practised`,
			nil},
		{"escaped backslash before a tag", "  Aelia has practised", `  Aelia \\<b>bold</b> has practised`,
			[]string{file + `:24:3: bio contains raw HTML (<b>); raw HTML is not allowed in bios, write Markdown instead`}},
		{"photo missing", "bio: |", "photo: /images/practitioners/aelia.jpg\nbio: |",
			[]string{file + `:23:8: photo "/images/practitioners/aelia.jpg" does not exist; add the file static/images/practitioners/aelia.jpg or remove the photo key`}},
		{"photo path", "bio: |", "photo: ../secret.jpg\nbio: |",
			[]string{file + `:23:8: photo "../secret.jpg" must be a site path under static/, like /images/practitioners/name.jpg`}},
		{"syntax error", "level: Registered", "level: [Registered",
			[]string{file + `:5:8: YAML syntax error: the [ that starts the value of level is never closed; add a ] at the end of the list`}},
		{"syntax error on the line of the mistake", "level: Registered", "- Registered",
			[]string{file + `:5:1: YAML syntax error: did not find expected key; check the indentation and quoting on this line or the one above`}},
		{"second practitioner in the file", "bio: |\n  Aelia has practised craniosacral therapy in *Frithwick* since 2015.\n",
			"bio: |\n  Aelia has practised craniosacral therapy in *Frithwick* since 2015.\n---\nname: Bryn Other\nregistration: CST-000005\n",
			[]string{file + `:25:1: a second document (---) starts here, and the build reads only the first; put each practitioner in a file of their own`}},
		{"name not in UTF-8", "name: Aelia Thornhurst", "name: Aelia Thornh\xfcrst",
			[]string{file + `:1:19: file is not UTF-8 text (the byte 0xFC here is ü in Windows-1252, which older Windows programs save); save it with UTF-8 encoding`}},
		{"bio not in UTF-8", "  Aelia has practised", "  Aelia has practis\xe9d",
			[]string{file + `:24:20: file is not UTF-8 text (the byte 0xE9 here is é in Windows-1252, which older Windows programs save); save it with UTF-8 encoding`}},
		{"region as the start of its name", "region: South West", "region: Yorkshire",
			[]string{file + `:16:13: region "Yorkshire" is not one of the regions; did you mean "Yorkshire and the Humber"?`}},
		{"website on this computer", "website: https://example.org/aelia", "website: http://localhost:8080/x",
			[]string{file + `:11:69: website "http://localhost:8080/x" names this computer (localhost), which a visitor cannot reach; write its public address, such as https://example.org/`}},
		{"website at a loopback address", "website: https://example.org/aelia", "website: http://127.0.0.1/",
			[]string{file + `:11:69: website "http://127.0.0.1/" names this computer (127.0.0.1), which a visitor cannot reach; write its public address, such as https://example.org/`}},
		{"website on a private network", "website: https://example.org/aelia", "website: http://192.168.1.20/",
			[]string{file + `:11:69: website "http://192.168.1.20/" is an address on a private network (192.168.1.20), which a visitor cannot reach; write its public address, such as https://example.org/`}},
		{"website at a private IPv6 address", "website: https://example.org/aelia", "website: \"http://[fd00::1]/\"",
			[]string{file + `:11:69: website "http://[fd00::1]/" is an address on a private network (fd00::1), which a visitor cannot reach; write its public address, such as https://example.org/`}},
		{"alias of a missing anchor", "[English, Welsh]", "*en",
			[]string{file + `:8:12: YAML syntax error: the value of languages starts with *, which YAML reads as a reference to an anchor &en, but no such anchor comes before it; if the * is part of the text, put the whole value in quotes: languages: "*en"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(aelia, tt.old) {
				t.Fatalf("base has no %q", tt.old)
			}
			_, l := loadSite(t, map[string]string{
				file:                                     strings.Replace(aelia, tt.old, tt.new, 1),
				"content/schools/frithwick-college.yaml": frithwick,
			})
			got := messages(l, diag.Error)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestCourseAccreditationEnding: a course whose accreditation ends within
// 30 days of the build is a notice at its date, as a practitioner's
// certification is, and so is one that ended in the last 30 days; one
// ending later, or ended earlier, is not.
func TestCourseAccreditationEnding(t *testing.T) {
	const file = "content/schools/frithwick-college.yaml"
	for _, tt := range []struct{ until, want string }{
		{"2026-12-01", file + `:7:23: info: the accreditation of the course "Diploma in Craniosacral Therapy" of Frithwick College of Craniosacral Therapy ends on 1 December 2026, today; renew it, or the course leaves the training page`},
		{"2026-12-02", file + `:7:23: info: the accreditation of the course "Diploma in Craniosacral Therapy" of Frithwick College of Craniosacral Therapy ends on 2 December 2026, tomorrow; renew it, or the course leaves the training page`},
		{"2026-12-31", file + `:7:23: info: the accreditation of the course "Diploma in Craniosacral Therapy" of Frithwick College of Craniosacral Therapy ends on 31 December 2026, in 30 days; renew it, or the course leaves the training page`},
		{"2027-01-01", ""},
		{"2026-11-30", file + `:7:23: info: the accreditation of the course "Diploma in Craniosacral Therapy" of Frithwick College of Craniosacral Therapy ended on 30 November 2026, yesterday: the training page no longer lists it; when it is renewed, change accredited_until`},
		{"2026-11-01", file + `:7:23: info: the accreditation of the course "Diploma in Craniosacral Therapy" of Frithwick College of Craniosacral Therapy ended on 1 November 2026, 30 days ago: the training page no longer lists it; when it is renewed, change accredited_until`},
		{"2026-10-31", ""},
	} {
		t.Run(tt.until, func(t *testing.T) {
			d, l := loadSite(t, map[string]string{file: strings.Replace(frithwick, "accredited_until: 2028-07-31", "accredited_until: "+tt.until, 1)})
			// Accredited to the end of its last day, as a certification is.
			if lapsed, want := d.Schools[0].Courses[0].Lapsed, tt.until < "2026-12-01"; lapsed != want {
				t.Errorf("accredited until %s: lapsed %v on 1 December 2026, want %v", tt.until, lapsed, want)
			}
			var got []string
			for _, p := range l.All() {
				got = append(got, p.String())
			}
			if strings.Join(got, "\n") != tt.want {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), tt.want)
			}
		})
	}
}

// TestRepeatedWords: a modality or language listed twice is a warning at
// the repeat, which the profile shows once.
func TestRepeatedWords(t *testing.T) {
	const file = "content/practitioners/aelia-thornhurst.yaml"
	tests := []struct{ name, old, new, want string }{
		{"modality twice", "modalities: [Craniosacral therapy, Visceral manipulation]", "modalities: [Craniosacral therapy, Visceral manipulation, Craniosacral therapy]",
			file + `:7:59: warning: modality "Craniosacral therapy" is listed twice in modalities (first on line 7); remove this one`},
		{"language twice, one a line", "languages: [English, Welsh]", "languages:\n  - English\n  - Welsh\n  - English",
			file + `:11:5: warning: language "English" is listed twice in languages (first on line 9); remove this one`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, l := loadSite(t, map[string]string{
				file:                                     strings.Replace(aelia, tt.old, tt.new, 1),
				"content/schools/frithwick-college.yaml": frithwick,
			})
			if got := strings.Join(append(messages(l, diag.Error), messages(l, diag.Warning)...), "\n"); got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			p := d.Practitioners[0]
			if len(p.Modalities) != 2 || len(p.Languages) != 2 {
				t.Errorf("modalities %q, languages %q: each once", p.Modalities, p.Languages)
			}
		})
	}
}

func TestPhotoThatExists(t *testing.T) {
	fsys := testSite(map[string]string{
		"content/practitioners/aelia-thornhurst.yaml": strings.Replace(aelia, "bio: |", "photo: /images/practitioners/aelia.jpg\nbio: |", 1),
		"content/schools/frithwick-college.yaml":      frithwick,
		"static/images/practitioners/aelia.jpg":       "\xff\xd8\xff",
	})
	var l diag.List
	d := Load(fsys, testConfig(t), buildDay, &l)
	if l.Len() != 0 || d.Practitioners[0].Photo != "/images/practitioners/aelia.jpg" {
		t.Errorf("problems %v, photo %q", l.All(), d.Practitioners[0].Photo)
	}
}

func TestAllProblemsCollected(t *testing.T) {
	src := strings.NewReplacer("level: Registered", "level: Registred", "postcode: TR9 8TR", "postcode: nowhere",
		"lat: 50.70614", "lat: 5").Replace(aelia)
	_, l := loadSite(t, map[string]string{"content/practitioners/aelia-thornhurst.yaml": src, "content/schools/frithwick-college.yaml": frithwick})
	if n := l.Count(diag.Error); n != 3 {
		t.Errorf("got %d errors, want all 3: %v", n, l.All())
	}
}

func TestDuplicateRegistration(t *testing.T) {
	other := strings.NewReplacer("name: Aelia Thornhurst", "name: Bryony Ashcombe").Replace(aelia)
	_, l := loadSite(t, map[string]string{
		"content/practitioners/aelia-thornhurst.yaml": aelia,
		"content/practitioners/bryony-ashcombe.yaml":  other,
		"content/schools/frithwick-college.yaml":      frithwick,
	})
	want := `content/practitioners/bryony-ashcombe.yaml:2:15: registration "CST-000004" is already used by content/practitioners/aelia-thornhurst.yaml:2; every practitioner needs their own number`
	if got := messages(l, diag.Error); len(got) != 1 || got[0] != want {
		t.Errorf("errors %q\nwant %q", got, want)
	}
}

// TestCopiedPractitioner: a practitioner's file copied under another
// name is reported at the copy, whichever of the two sorts first, and
// the message says what to do with it.
func TestCopiedPractitioner(t *testing.T) {
	for _, copied := range []string{"aelia-thornhurst-copy.yaml", "copy-of-aelia.yaml", "new-practitioner.yaml"} {
		_, l := loadSite(t, map[string]string{
			"content/practitioners/aelia-thornhurst.yaml": aelia,
			"content/practitioners/" + copied:             strings.Replace(aelia, "name: Aelia Thornhurst", "name: aelia THORNHURST", 1),
			"content/schools/frithwick-college.yaml":      frithwick,
		})
		want := `content/practitioners/` + copied + `:2:15: aelia THORNHURST, registration "CST-000004", is already in content/practitioners/aelia-thornhurst.yaml:2; ` +
			`if this file is a copy, delete it, or if it is to be a new practitioner, give it their name and number`
		if got := messages(l, diag.Error); len(got) != 1 || got[0] != want {
			t.Errorf("%s: errors %q\nwant %q", copied, got, want)
		}
	}
}

func TestFileNames(t *testing.T) {
	_, l := loadSite(t, map[string]string{
		"content/practitioners/Aelia_Thornhurst.yaml": aelia,
		"content/practitioners/bryony.yml":            aelia,
		"content/practitioners/README.md":             "notes",
		// Working files, left out as everywhere in the site.
		"content/practitioners/~$aelia-thornhurst.yaml":               "lock",
		"content/practitioners/~$bryony.yml":                          "lock",
		"content/practitioners/.#aelia-thornhurst.yaml":               "lock",
		"content/practitioners/4913":                                  "",
		"content/practitioners/" + strings.Repeat("a", 201) + ".yaml": aelia,
		"content/schools/frithwick-college.yaml":                      frithwick,
		"content/schools/" + strings.Repeat("f", 200) + ".yaml":       frithwick,
	})
	want := []string{
		`content/practitioners/Aelia_Thornhurst.yaml:1:1: file name "Aelia_Thornhurst.yaml" must be lower-case words joined by hyphens, such as aelia-thornhurst.yaml; rename the file (its name is the page address)`,
		`content/practitioners/` + strings.Repeat("a", 201) + `.yaml:1:1: the file name makes a URL segment of 201 bytes, more than the 200 a URL segment may have; shorten it (its name is the page address)`,
		`content/practitioners/bryony.yml:1:1: content/practitioners files must end in .yaml; rename it to bryony.yaml`,
	}
	if got := messages(l, diag.Error); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestWorkingFilesLeftOut: the files an editor's programs leave beside a
// practitioner's or a school's (Word's lock file while the file is open,
// a backup, an Emacs lock, Thumbs.db, a hidden file) are not data: they
// are left out by the rule every reader of the site's folders keeps, with
// no problem, not read as a practitioner with a name that is no slug.
func TestWorkingFilesLeftOut(t *testing.T) {
	d, l := loadSite(t, map[string]string{
		"content/practitioners/aelia-thornhurst.yaml":      aelia,
		"content/practitioners/~$lia-thornhurst.yaml":      "\x00\x01 a lock file",
		"content/practitioners/~$ryony.yml":                "\x00\x01",
		"content/practitioners/aelia-thornhurst.yaml~":     aelia,
		"content/practitioners/.#aelia-thornhurst.yaml":    "user@host.1234:1700000000",
		"content/practitioners/#aelia-thornhurst.yaml#":    aelia,
		"content/practitioners/.aelia-thornhurst.yaml.swp": "\x00",
		"content/practitioners/.hidden.yaml":               aelia,
		"content/practitioners/Thumbs.db":                  "\x00",
		"content/practitioners/desktop.ini":                "[.ShellClassInfo]",
		"content/practitioners/aelia.yaml___jb_tmp___":     aelia,
		"content/schools/frithwick-college.yaml":           frithwick,
		"content/schools/~$ithwick-college.yaml":           "\x00\x01 a lock file",
		"content/schools/.~lock.frithwick-college.yaml#":   "user,host,01.12.2026 09:30",
		"content/schools/frithwick-college.yaml.yml~":      frithwick,
	})
	if probs := l.All(); len(probs) != 0 {
		t.Errorf("problems: %v", probs)
	}
	if len(d.Practitioners) != 1 || d.Practitioners[0].Slug != "aelia-thornhurst" || len(d.Schools) != 1 {
		t.Errorf("loaded %d practitioners and %d schools, want the one of each", len(d.Practitioners), len(d.Schools))
	}
}

func TestSchoolValidation(t *testing.T) {
	src := strings.NewReplacer("website: https://example.org/frithwick-college", "website: \"javascript:alert(1)\"",
		"    accredited_until: 2028-07-31\n", "", "region: South West", "region: Cornwall",
		"    length: 6 weekends\n    format: Blended\n", "", "    location: Frithwick and online\n    prerequisites: None\n", "    location: Frithwick and online\n    prerequisites:\n").Replace(frithwick)
	_, l := loadSite(t, map[string]string{"content/schools/frithwick-college.yaml": src})
	want := []string{
		`content/schools/frithwick-college.yaml:2:10: website "javascript:alert(1)" must be an absolute http or https address, such as https://example.org/`,
		`content/schools/frithwick-college.yaml:3:9: region "Cornwall" is not one of the regions (Scotland, North East, North West, Yorkshire and the Humber, Wales, West Midlands, East Midlands, East of England, London, South East, South West, Northern Ireland); use one of them, or add it to vocabularies.regions in content/site.yaml`,
		`content/schools/frithwick-college.yaml:6:5: course is missing required key "accredited_until"; add ` + "`accredited_until: ...`",
		`content/schools/frithwick-college.yaml:11:5: course is missing required key "length"; add length: how long the course takes, such as 2 years part-time (10 weekend modules)`,
		`content/schools/frithwick-college.yaml:11:5: course is missing required key "format"; add format: In person, Blended or Online`,
		`content/schools/frithwick-college.yaml:14:5: prerequisites has no value; write prerequisites: what a student needs first, or None`,
	}
	if got := messages(l, diag.Error); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestStatus covers each status at the build's date of 1 December 2026.
func TestStatus(t *testing.T) {
	tests := []struct {
		until    string
		status   Status
		daysLeft int
		info     string
	}{
		{"2027-02-19", Current, 80, ""},
		{"2027-01-01", Current, 31, ""},
		{"2026-12-31", Lapsing, 30, "the certification of Aelia Thornhurst (CST-000004) ends on 31 December 2026, in 30 days; remind them to renew"},
		{"2026-12-02", Lapsing, 1, "the certification of Aelia Thornhurst (CST-000004) ends on 2 December 2026, tomorrow; remind them to renew"},
		{"2026-12-01", Lapsing, 0, "the certification of Aelia Thornhurst (CST-000004) ends on 1 December 2026, today; remind them to renew"},
		{"2026-11-30", Lapsed, -1, "the certification of Aelia Thornhurst (CST-000004) ended on 30 November 2026, yesterday: the directory no longer lists them and the registration check says it has lapsed; when they renew, change certified_until"},
		{"2026-11-01", Lapsed, -30, "the certification of Aelia Thornhurst (CST-000004) ended on 1 November 2026, 30 days ago: the directory no longer lists them and the registration check says it has lapsed; when they renew, change certified_until"},
		{"2026-10-31", Lapsed, -31, ""},
		{"2024-05-01", Lapsed, -944, ""},
	}
	for _, tt := range tests {
		src := strings.Replace(strings.Replace(aelia, "2027-02-19", tt.until, 1), "certified_since: 2015-06-01", "certified_since: 2015-06-01", 1)
		d, l := loadSite(t, map[string]string{"content/practitioners/aelia-thornhurst.yaml": src, "content/schools/frithwick-college.yaml": frithwick})
		p := d.Practitioners[0]
		if p.Status != tt.status || p.DaysLeft != tt.daysLeft {
			t.Errorf("until %s: status %v, %d days left; want %v, %d", tt.until, p.Status, p.DaysLeft, tt.status, tt.daysLeft)
		}
		var want []string
		if tt.info != "" {
			want = []string{"content/practitioners/aelia-thornhurst.yaml:4:18: info: " + tt.info}
		}
		if got := messages(l, diag.Info); strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("until %s: info %q, want %q", tt.until, got, want)
		}
		if l.Failed(true) {
			t.Errorf("until %s: a status must never fail the build: %v", tt.until, l.All())
		}
		listed := len(d.Current()) == 1
		if listed != tt.status.Listed() || len(d.Lapsed()) == 1 == listed {
			t.Errorf("until %s: listed %v", tt.until, listed)
		}
	}
}

// TestCourseLastDay: a course is accredited to the end of its last day,
// at any time of that day, and no longer the day after.
func TestCourseLastDay(t *testing.T) {
	for _, now := range []time.Time{
		time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 12, 1, 23, 59, 59, 0, time.UTC),
	} {
		for until, want := range map[string]bool{"2026-12-01": false, "2026-11-30": true} {
			var l diag.List
			src := strings.Replace(frithwick, "accredited_until: 2028-07-31", "accredited_until: "+until, 1)
			d := Load(testSite(map[string]string{"content/schools/frithwick-college.yaml": src}), testConfig(t), now, &l)
			if got := d.Schools[0].Courses[0].Lapsed; got != want {
				t.Errorf("at %v, accredited until %s: lapsed %v, want %v", now, until, got, want)
			}
		}
	}
}

func TestStatusIgnoresTimeOfDayAndZone(t *testing.T) {
	src := strings.Replace(aelia, "2027-02-19", "2026-12-01", 1)
	for _, now := range []time.Time{
		time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC),
		time.Date(2026, 12, 1, 23, 59, 59, 0, time.UTC),
		time.Date(2026, 12, 1, 10, 0, 0, 0, time.FixedZone("UTC+10", 10*3600)), // still 1 December in UTC
	} {
		var l diag.List
		d := Load(testSite(map[string]string{"content/practitioners/aelia-thornhurst.yaml": src, "content/schools/frithwick-college.yaml": frithwick}), testConfig(t), now, &l)
		if p := d.Practitioners[0]; p.Status != Lapsing || p.DaysLeft != 0 {
			t.Errorf("now %v: status %v, %d days", now, p.Status, p.DaysLeft)
		}
	}
}

func TestDeterministicLoad(t *testing.T) {
	files := map[string]string{"content/schools/frithwick-college.yaml": frithwick}
	for i := 0; i < 30; i++ {
		slug := "p-" + string(rune('a'+i%26)) + string(rune('a'+i/26))
		reg := "CST-" + strings.Repeat("0", 4) + string(rune('0'+i/10)) + string(rune('0'+i%10))
		if i == 29 {
			reg = "CST-000003" // a duplicate, so the order of checks shows
		}
		files["content/practitioners/"+slug+".yaml"] = strings.Replace(aelia, "CST-000004", reg, 1)
	}
	var first string
	for run := 0; run < 5; run++ {
		d, l := loadSite(t, files)
		var b strings.Builder
		for _, p := range d.Practitioners {
			b.WriteString(p.Slug + " " + p.Registration + "\n")
		}
		for _, p := range l.All() {
			b.WriteString(p.String() + "\n")
		}
		if run == 0 {
			first = b.String()
		} else if b.String() != first {
			t.Fatalf("run %d differs:\n%s\nfirst:\n%s", run, b.String(), first)
		}
	}
	if !strings.Contains(first, "p-db.yaml:2:15: Aelia Thornhurst, registration \"CST-000003\", is already in content/practitioners/p-da.yaml:2") {
		t.Errorf("duplicate not reported against the first file in slug order:\n%s", first)
	}
}

func TestBundledSampleData(t *testing.T) {
	var l diag.List
	cfg := testConfig(t)
	d := Load(osDirFS("../.."), cfg, buildDay, &l)
	if n := l.Count(diag.Error) + l.Count(diag.Warning); n != 0 {
		t.Fatalf("the sample register has problems: %v", l.All())
	}
	if len(d.Practitioners) < 35 || len(d.Schools) != 5 || !d.Sample {
		t.Fatalf("%d practitioners, %d schools, sample %v", len(d.Practitioners), len(d.Schools), d.Sample)
	}
	regions := map[string]bool{}
	var lapsed, lapsing, conditions int
	for _, p := range d.Practitioners {
		for _, r := range p.Regions() {
			regions[r] = true
		}
		switch p.Status {
		case Lapsed:
			lapsed++
		case Lapsing:
			lapsing++
		}
		if p.Conditions != "" {
			conditions++
		}
		if !p.Contact.fictional() {
			t.Errorf("%s has contact details that are not fictional", p.Source)
		}
	}
	if len(regions) != len(cfg.Vocab.Regions) || lapsed < 1 || lapsed > 2 || lapsing != 1 || conditions < 1 {
		t.Errorf("regions %d, lapsed %d, lapsing %d, with conditions %d", len(regions), lapsed, lapsing, conditions)
	}
	for _, p := range d.Practitioners {
		if p.Registration == "CST-000004" && (p.Name != "Aelia Thornhurst" || p.Status != Current ||
			p.CertifiedUntil.Format("2006-01-02") != "2027-02-19") {
			t.Errorf("CST-000004 is %+v", p)
		}
	}
}

var _ = config.Path

// TestFoldedBio: a folded bio (bio: >) is its text as written, and an
// empty one is empty, not the keys that follow it.
func TestFoldedBio(t *testing.T) {
	for _, tc := range []struct{ bio, want string }{
		{"bio: >\n  First line\n  second line.\n\n  Another paragraph.\n", "First line\nsecond line.\n\nAnother paragraph.\n"},
		{"bio: >\nconditions: \"\"\n", ""},
		{"bio: >-\n\nconditions: \"\"\n", ""},
	} {
		src := strings.Replace(strings.Replace(aelia, "conditions: \"\"\n", "", 1), "bio: |\n  Aelia has practised craniosacral therapy in *Frithwick* since 2015.\n", tc.bio, 1)
		d, l := loadSite(t, map[string]string{
			"content/practitioners/aelia-thornhurst.yaml": src,
			"content/schools/frithwick-college.yaml":      frithwick,
		})
		if l.Len() != 0 || len(d.Practitioners) != 1 {
			t.Fatalf("%q: problems %v", tc.bio, l.All())
		}
		if got := d.Practitioners[0].Bio; got != tc.want {
			t.Errorf("%q: bio %q, want %q", tc.bio, got, tc.want)
		}
	}
}

// TestFoldersInDataFolders: practitioners and schools are read from the
// files of content/practitioners/ and content/schools/ themselves; a
// folder there, such as one per region, or a folder named like a data
// file, is an error that says what to move, not data left out without a
// word. A hidden folder (.git) is an editor's, and left out, and a folder
// of pages (guides/choosing.md) is the pages'.
func TestFoldersInDataFolders(t *testing.T) {
	_, l := loadSite(t, map[string]string{
		"content/practitioners/aelia-thornhurst.yaml":      aelia,
		"content/practitioners/wales/bryony-ashcombe.yaml": aelia,
		"content/practitioners/calum-drennoch.yaml/x":      "",
		"content/practitioners/.git/HEAD":                  "",
		"content/schools/frithwick-college.yaml":           frithwick,
		"content/schools/old/frithwick-college.yaml":       frithwick,
		"content/practitioners/guides/choosing.md":         "---\ntitle: Choosing\n---\n",
		"content/practitioners/north/deep/x.yml":           "",
	})
	want := []string{
		`content/practitioners/calum-drennoch.yaml: is a folder, where a practitioner's details are read from a file of this name; remove the folder and save the details in a file of that name`,
		`content/practitioners/north: is a folder, and the .yaml files in it are not read: each practitioner's file goes straight into content/practitioners/; move them there (their addresses come from their file names alone)`,
		`content/practitioners/wales: is a folder, and the .yaml files in it are not read: each practitioner's file goes straight into content/practitioners/; move them there (their addresses come from their file names alone)`,
		`content/schools/old: is a folder, and the .yaml files in it are not read: each school's file goes straight into content/schools/; move them there (their addresses come from their file names alone)`,
	}
	if got := messages(l, diag.Error); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("errors:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
