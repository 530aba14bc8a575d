package directory

import (
	_ "embed"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"sitegen/internal/diag"
)

// ukPlacesTSV is the gazetteer of "sort by distance from": see Areas.
//
//go:embed uk-places.tsv
var ukPlacesTSV string

// Area is a place of the gazetteer: a main town of the UK with its
// approximate centre, the postcode areas (the letters that begin a
// postcode, "EH" of "EH10 4BF") it stands for, and other names people
// call it by ("Newcastle" for Newcastle upon Tyne, "Londonderry" for
// Derry). A city that is not the main town of its area has no Codes.
type Area struct {
	Name     string
	Lat, Lon float64
	Codes    []string
	Others   []string
}

// ukAreas is uk-places.tsv, parsed once; the tests check it.
var ukAreas, ukAreasErr = parseAreas(ukPlacesTSV)

// Areas returns the gazetteer, in order of name: one main town for each
// postcode area of the UK, London with its eight areas, and a few cities
// known by another name. A visitor
// who sorts the directory by distance from a town or postcode where no
// practitioner works ("Edinburgh", "EH10 4BF") is measured from there
// instead of being told the place is unknown.
func Areas() []Area { return ukAreas }

// AreaOf returns the gazetteer's place for a postcode area ("EH").
func AreaOf(code string) (Area, bool) {
	for _, a := range ukAreas {
		if slices.Contains(a.Codes, code) {
			return a, true
		}
	}
	return Area{}, false
}

// postcodeArea is the area of a normalised postcode: the letters before
// its first digit, "EH" of "EH10 4BF".
func postcodeArea(postcode string) string {
	i := strings.IndexAny(postcode, "0123456789")
	if i < 1 {
		return ""
	}
	return postcode[:i]
}

// areaProblem says what is wrong with a normalised postcode whose area is
// not one of the UK's (the gazetteer holds every one), or "" when it is:
// "YQ is not a UK postcode area; did you mean YO?". The real areas one
// slip away (a letter changed, added, dropped or two swapped) are
// suggested, up to three, those that keep the first letter (the town's
// initial, most often right) or swap the two before any other.
func areaProblem(postcode string) string {
	area := postcodeArea(postcode)
	if area == "" || postcode == "GIR 0AA" {
		return ""
	}
	if _, ok := AreaOf(area); ok {
		return ""
	}
	var near, initial []string
	for _, a := range ukAreas {
		for _, c := range a.Codes {
			if diag.Distance(area, c) == 1 {
				near = append(near, c)
				if c[0] == area[0] || (len(c) == 2 && len(area) == 2 && c[0] == area[1] && c[1] == area[0]) {
					initial = append(initial, c)
				}
			}
		}
	}
	if len(initial) > 0 {
		near = initial
	}
	slices.Sort(near)
	msg := area + " is not a UK postcode area"
	switch len(near) {
	case 0:
		return msg + "; check the letters it starts with"
	case 1:
		return msg + "; did you mean " + near[0] + "?"
	case 2, 3:
		return msg + "; did you mean " + strings.Join(near[:len(near)-1], ", ") + " or " + near[len(near)-1] + "?"
	}
	return msg + "; check the letters it starts with"
}

// KmFrom is the great-circle distance from lat, lon to the place, as
// directory-core.js computes it.
func (a Area) KmFrom(lat, lon float64) float64 {
	const earthKm = 6371.0088
	r := math.Pi / 180
	dLat, dLon := (a.Lat-lat)*r, (a.Lon-lon)*r
	h := math.Pow(math.Sin(dLat/2), 2) + math.Cos(lat*r)*math.Cos(a.Lat*r)*math.Pow(math.Sin(dLon/2), 2)
	return 2 * earthKm * math.Asin(math.Min(1, math.Sqrt(h)))
}

// maxAreaKm is how far a place can be from the main town of its postcode
// area: Tiree and Coll (PA77, PA78) are about 170 km from Paisley, the
// farthest of any area; Barra (HS9) about 150 km from Stornoway.
const maxAreaKm = 200

// farFromArea reports whether a location lies farther from the main town
// of its postcode's area than any place of that area does: its
// coordinates or its postcode are wrong.
func farFromArea(l Location) (Area, float64, bool) {
	a, ok := AreaOf(postcodeArea(l.Postcode)) // "EH" of "EH10 4BF"
	if !ok {
		return Area{}, 0, false
	}
	km := a.KmFrom(l.Lat, l.Lon)
	return a, km, km > maxAreaKm
}

func parseAreas(tsv string) ([]Area, error) {
	var out []Area
	for i, line := range strings.Split(strings.TrimSuffix(tsv, "\n"), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 && len(f) != 5 {
			return nil, fmt.Errorf("uk-places.tsv:%d: want 4 or 5 columns separated by tabs, got %d", i+1, len(f))
		}
		var others []string
		if len(f) == 5 {
			for _, o := range strings.Split(f[4], ",") {
				if o = strings.TrimSpace(o); o != "" {
					others = append(others, o)
				}
			}
		}
		lat, err1 := strconv.ParseFloat(f[1], 64)
		lon, err2 := strconv.ParseFloat(f[2], 64)
		if err1 != nil || err2 != nil || lat < minLat || lat > maxLat || lon < minLon || lon > maxLon {
			return nil, fmt.Errorf("uk-places.tsv:%d: %s, %s is not a latitude and longitude in the UK", i+1, f[1], f[2])
		}
		out = append(out, Area{Name: f[0], Lat: lat, Lon: lon, Codes: strings.Fields(f[3]), Others: others})
	}
	return out, nil
}
