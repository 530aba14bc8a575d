// Package personname splits a person's name as an editor writes it into
// the parts that reference managers and address books file it under: the
// given names, the surname and a suffix. Reading lists use it for their
// BibTeX and RIS exports (authors filed as "Surname, Given") and the
// directory for practitioners' vCards (N:Surname;Given;;;Suffix), so a
// name is split the same way wherever the site exports it.
//
// The rules are those of BibTeX's own name parsing, as far as a name
// written in one line of natural order needs them:
//
//   - a name with a comma is already "Surname, Given" or
//     "Surname, Suffix, Given" ("Hall, John E.");
//   - otherwise the last word is the surname, together with the
//     particles before it (van, von, de, della, du, ter..., and the Irish,
//     Scottish and Welsh Ó, Ní, Nic, Mac, Mhic, Uí, Ua, ap and ab):
//     "Ludwig van Beethoven" has the surname "van Beethoven", "Aoife Ní
//     Bhriain" "Ní Bhriain";
//   - a final Jr., Sr., II, III or IV is the suffix ("Martin Luther King
//     Jr.");
//   - a one-word name, such as an organisation's, is all surname.
//
// An honorific written before the name ("Dr. Ann O'Neil-Smith", "Prof",
// "Revd") is split off by Honorific, for the vCard's prefix field.
//
// A hyphenated surname is one word ("Pascoe-Drury"). The package cannot
// tell a two-word surname without a particle ("Lloyd George") from a
// middle name; an editor who needs that writes the name with its comma.
package personname

import "strings"

// Split splits name into given names, surname and suffix (see the
// package comment).
func Split(name string) (given, surname, suffix string) {
	name = strings.Join(strings.Fields(name), " ")
	if strings.Contains(name, ",") {
		parts := strings.Split(name, ",")
		surname = strings.TrimSpace(parts[0])
		if len(parts) == 3 {
			return strings.TrimSpace(parts[2]), surname, strings.TrimSpace(parts[1])
		}
		return strings.TrimSpace(strings.Join(parts[1:], ",")), surname, ""
	}
	words := strings.Fields(name)
	if n := len(words); n > 1 {
		switch strings.TrimSuffix(words[n-1], ".") {
		case "Jr", "Sr", "II", "III", "IV":
			suffix, words = words[n-1], words[:n-1]
		}
	}
	if len(words) <= 1 {
		return "", strings.Join(words, " "), suffix
	}
	i := len(words) - 1
	for i > 1 && isParticle(words[i-1]) {
		i--
	}
	return strings.Join(words[:i], " "), strings.Join(words[i:], " "), suffix
}

// Honorific splits a leading honorific (Dr., Prof., Mrs, Sir, Revd...)
// off name: "Dr. Ann O'Neil-Smith" is "Dr." and "Ann O'Neil-Smith". It
// returns "" and name when the name starts with none, or when nothing
// would be left of the name without it.
func Honorific(name string) (prefix, rest string) {
	words := strings.Fields(name)
	if len(words) < 2 || !isHonorific(words[0]) {
		return "", name
	}
	return words[0], strings.Join(words[1:], " ")
}

func isHonorific(w string) bool {
	switch strings.TrimSuffix(w, ".") {
	case "Dr", "Prof", "Professor", "Mr", "Mrs", "Ms", "Miss", "Mx", "Sir", "Dame", "Rev", "Revd", "Lady", "Lord":
		return true
	}
	return false
}

// IsParticle reports whether w is a particle of a surname, written as
// Split reads it: van, von, de, della, du, ter..., Ó, Ní, Mac, ap... (see
// the package comment); such a word stands in lower case inside a name
// ("Ursula von der Leyen").
func IsParticle(w string) bool { return isParticle(w) }

func isParticle(w string) bool {
	switch w {
	case "van", "von", "der", "den", "de", "del", "della", "di", "da", "du", "le", "la", "ten", "ter",
		// Irish and Scottish Gaelic surnames, written with a capital
		// (Ó Dálaigh, Ní Bhriain, Mac Stíofáin), and Welsh ones (ap Rhys).
		"Ó", "Ní", "Nic", "Mac", "Mhic", "Uí", "Ua", "ap", "ab":
		return true
	}
	return false
}
