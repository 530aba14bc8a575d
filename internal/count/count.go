// Package count writes how many of something there are, the one rule for
// it in the pages the build writes: numbers as British English writes
// them, with a comma between thousands (9,507), as the directory's script
// writes its counts too, and a noun in the singular for one and the
// plural otherwise ("1 certified therapist", "1,103 certified
// therapists"). Templates reach Number as the function number.
//
// The package imports nothing of the project.
package count

import "strconv"

// Number writes n with a comma between thousands: 9,507; -1,200.
func Number(n int) string {
	s := strconv.Itoa(n)
	sign := ""
	if n < 0 {
		sign, s = "-", s[1:]
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return sign + s
}

// Of writes n and the noun, one when n is 1 and many otherwise:
// Of(1, "book", "books") is "1 book", Of(1103, ...) "1,103 books".
func Of(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return Number(n) + " " + many
}
