package personname

import (
	"strings"
	"testing"
)

// FuzzSplit: whatever an editor writes as a name, Split and Honorific do
// not panic, and lose no word: each word of the name (commas aside) is in
// the given names, the surname or the suffix, so a vCard or a citation
// never drops part of a person's name.
//
// make test runs the seeds below; go test -fuzz FuzzSplit searches.
func FuzzSplit(f *testing.F) {
	for _, s := range []string{"Ludwig van Beethoven", "Hall, John E.", "Hall, Jr., John", "Martin Luther King Jr.", "Aoife Ní Bhriain",
		"Dr. Ann O'Neil-Smith", "Royal College of Physicians", ",", " , , ", "van", "Jr.", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		given, surname, suffix := Split(name)
		_, rest := Honorific(name)
		Split(rest)
		parts := strings.Join([]string{given, surname, suffix}, " ")
		for _, w := range strings.Fields(strings.ReplaceAll(name, ",", " ")) {
			if !strings.Contains(parts, w) {
				t.Fatalf("Split(%q) = %q, %q, %q: the word %q is lost", name, given, surname, suffix, w)
			}
		}
	})
}
