package personname

import "testing"

func TestSplit(t *testing.T) {
	for _, c := range []struct{ name, given, surname, suffix string }{
		{"Keith L. Moore", "Keith L.", "Moore", ""},
		{"Anne M. R. Agur", "Anne M. R.", "Agur", ""},
		{"Ludwig van Beethoven", "Ludwig", "van Beethoven", ""},
		{"Clara Ó Dálaigh", "Clara", "Ó Dálaigh", ""},
		{"Aoife Ní Bhriain", "Aoife", "Ní Bhriain", ""},
		{"Seán Mac Stíofáin", "Seán", "Mac Stíofáin", ""},
		{"Rhys ap Gruffydd", "Rhys", "ap Gruffydd", ""},
		{"Mac Smith", "Mac", "Smith", ""}, // a first word is a given name
		{"Maria de la Cruz", "Maria", "de la Cruz", ""},
		{"Hall, John E.", "John E.", "Hall", ""},
		{"King, Jr., Martin Luther", "Martin Luther", "King", "Jr."},
		{"Martin Luther King Jr.", "Martin Luther", "King", "Jr."},
		{"Lowenna Pascoe-Drury", "Lowenna", "Pascoe-Drury", ""},
		{"  Isla   Marrowby ", "Isla", "Marrowby", ""},
		{"Eastland Press", "Eastland", "Press", ""},
		{"Netter", "", "Netter", ""},
		{"van Gogh", "van", "Gogh", ""}, // the first word is always a given name
		{"", "", "", ""},
	} {
		g, s, x := Split(c.name)
		if g != c.given || s != c.surname || x != c.suffix {
			t.Errorf("Split(%q) = %q, %q, %q; want %q, %q, %q", c.name, g, s, x, c.given, c.surname, c.suffix)
		}
	}
}

func TestHonorific(t *testing.T) {
	for _, c := range []struct{ name, prefix, rest string }{
		{"Dr. Ann O'Neil-Smith", "Dr.", "Ann O'Neil-Smith"},
		{"Revd Isla Marrowby", "Revd", "Isla Marrowby"},
		{"Drew Barrow", "", "Drew Barrow"},
		{"Dr", "", "Dr"},
		{"", "", ""},
	} {
		p, r := Honorific(c.name)
		if p != c.prefix || r != c.rest {
			t.Errorf("Honorific(%q) = %q, %q; want %q, %q", c.name, p, r, c.prefix, c.rest)
		}
	}
}
