package directory

import (
	"slices"
	"strings"
	"testing"

	"sitegen/internal/diag"
)

// ukPostcodeAreas are the 121 postcode areas of the UK (not the Channel
// Islands' or the Isle of Man's).
const ukPostcodeAreas = "AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY " +
	"E EC EH EN EX FK FY G GL GU HA HD HG HP HR HS HU HX IG IP IV KA KT KW KY L LA LD LE LL LN LS LU " +
	"M ME MK ML N NE NG NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY " +
	"TA TD TF TN TQ TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE"

func TestAreasCoverEveryPostcodeArea(t *testing.T) {
	if ukAreasErr != nil {
		t.Fatal(ukAreasErr)
	}
	areas := Areas()
	seen := map[string]string{}
	var names []string
	for _, a := range areas {
		names = append(names, a.Name)
		for _, c := range a.Codes {
			if other, dup := seen[c]; dup {
				t.Errorf("postcode area %s is both %s and %s", c, other, a.Name)
			}
			seen[c] = a.Name
		}
	}
	want := strings.Fields(ukPostcodeAreas)
	if len(want) != 121 {
		t.Fatalf("the list of areas has %d, want 121", len(want))
	}
	for _, c := range want {
		if seen[c] == "" {
			t.Errorf("postcode area %s has no town", c)
		}
	}
	if len(seen) != len(want) {
		t.Errorf("%d areas, want %d", len(seen), len(want))
	}
	if !slices.IsSorted(names) || len(slices.Compact(slices.Clone(names))) != len(names) {
		t.Errorf("names are not sorted and unique: %v", names)
	}
	if i := slices.Index(names, "London"); i < 0 || len(areas[i].Codes) != 0 {
		t.Errorf("London, as a whole, should be a place without areas of its own")
	}
	for name, other := range map[string]string{"Newcastle upon Tyne": "Newcastle", "Derry": "Londonderry", "Hull": "Kingston upon Hull"} {
		if i := slices.Index(names, name); i < 0 || !slices.Contains(areas[i].Others, other) {
			t.Errorf("%s is not known as %s", name, other)
		}
	}
	if i := slices.Index(names, "Edinburgh"); i < 0 || areas[i].Lat < 55.9 || areas[i].Lat > 56 || areas[i].Lon < -3.3 || areas[i].Lon > -3.1 {
		t.Errorf("Edinburgh is misplaced")
	}
}

func TestParseAreasNamesTheBadLine(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"# a comment\nBath\t51.38\t-2.36\n", "uk-places.tsv:2: want 4 or 5 columns separated by tabs, got 3"},
		{"Bath\t-2.36\t51.38\tBA\n", "uk-places.tsv:1: -2.36, 51.38 is not a latitude and longitude in the UK"},
		{"Bath\tx\t-2.36\tBA\n", "uk-places.tsv:1: x, -2.36 is not a latitude and longitude in the UK"},
	} {
		if _, err := parseAreas(c.in); err == nil || err.Error() != c.want {
			t.Errorf("parseAreas(%q) = %v, want %s", c.in, err, c.want)
		}
	}
}

// TestCoordinatesFarFromPostcode: a location whose coordinates lie farther
// from its postcode area's main town than any place of the area is
// reported, as a warning at lat, so that a strict build fails; the
// farthest real places of the widest areas are not.
func TestCoordinatesFarFromPostcode(t *testing.T) {
	const file = "content/practitioners/aelia-thornhurst.yaml"
	for _, c := range []struct {
		postcode, lat, lon string
		want               string
	}{
		// Bath's coordinates with an Edinburgh postcode.
		{"EH10 4BF", "51.381", "-2.359", file + ":18:10: warning: lat 51.381, lon -2.359 is 511 km from Edinburgh, the main town of the postcode area of EH10 4BF; check the coordinates and the postcode (copy both from one map of the practice)"},
		// A digit wrong: 52 for 50 puts Frithwick in the Midlands.
		{"TR9 8TR", "52.70614", "-4.32072", file + ":18:10: warning: lat 52.70614, lon -4.32072 is 277 km from Truro, the main town of the postcode area of TR9 8TR; check the coordinates and the postcode (copy both from one map of the practice)"},
		// The far ends of wide areas: Tiree, Barra, Mallaig, Unst, the Scilly Isles.
		{"PA77 6TW", "56.50", "-6.88", ""},
		{"HS9 5XD", "56.95", "-7.49", ""},
		{"PH41 4PY", "57.00", "-5.83", ""},
		{"ZE2 9DW", "60.76", "-0.88", ""},
		{"TR21 0LW", "49.92", "-6.30", ""},
	} {
		y := strings.Replace(aelia, "postcode: TR9 8TR", "postcode: "+c.postcode, 1)
		y = strings.Replace(y, "lat: 50.70614", "lat: "+c.lat, 1)
		y = strings.Replace(y, "lon: -4.32072", "lon: "+c.lon, 1)
		_, l := loadSite(t, map[string]string{file: y, "content/schools/frithwick-college.yaml": frithwick})
		if errs := messages(l, diag.Error); len(errs) > 0 {
			t.Fatalf("%s: errors: %v", c.postcode, errs)
		}
		got := strings.Join(messages(l, diag.Warning), "\n")
		if got != c.want {
			t.Errorf("%s at %s, %s:\n got %q\nwant %q", c.postcode, c.lat, c.lon, got, c.want)
		}
	}
}

// TestAreaProblem: a postcode whose area is not one of the UK's is named,
// with the areas one slip away.
func TestAreaProblem(t *testing.T) {
	for _, c := range []struct{ postcode, want string }{
		{"YO1 7HH", ""},
		{"EH10 4BF", ""},
		{"B1 1AA", ""},
		{"GIR 0AA", ""},
		{"YQ1 7HH", "YQ is not a UK postcode area; did you mean YO?"},
		{"TRR1 1AA", "TRR is not a UK postcode area; did you mean TR?"},
		{"OY1 7HH", "OY is not a UK postcode area; did you mean OL, OX or YO?"},
		{"BJ1 1AA", "BJ is not a UK postcode area; check the letters it starts with"},
		{"QQ1 1AA", "QQ is not a UK postcode area; did you mean TQ?"},
		{"XQ1 1AA", "XQ is not a UK postcode area; did you mean TQ?"},
		{"JE2 3AB", "JE is not a UK postcode area; check the letters it starts with"},
		{"ZZ1 1AA", "ZZ is not a UK postcode area; did you mean ZE?"},
	} {
		if got := areaProblem(c.postcode); got != c.want {
			t.Errorf("areaProblem(%q) = %q, want %q", c.postcode, got, c.want)
		}
	}
}
