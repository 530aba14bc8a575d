package directory

import (
	"slices"
	"strings"
	"testing"
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
	if i := slices.Index(names, "Edinburgh"); i < 0 || areas[i].Lat < 55.9 || areas[i].Lat > 56 || areas[i].Lon < -3.3 || areas[i].Lon > -3.1 {
		t.Errorf("Edinburgh is misplaced")
	}
}

func TestParseAreasNamesTheBadLine(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"# a comment\nBath\t51.38\t-2.36\n", "uk-places.tsv:2: want 4 columns separated by tabs, got 3"},
		{"Bath\t-2.36\t51.38\tBA\n", "uk-places.tsv:1: -2.36, 51.38 is not a latitude and longitude in the UK"},
		{"Bath\tx\t-2.36\tBA\n", "uk-places.tsv:1: x, -2.36 is not a latitude and longitude in the UK"},
	} {
		if _, err := parseAreas(c.in); err == nil || err.Error() != c.want {
			t.Errorf("parseAreas(%q) = %v, want %s", c.in, err, c.want)
		}
	}
}
