package diag

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// PlaceholderMarker starts the text `sitegen new` writes wherever an editor
// has something to fill in: a bare TODO, or TODO followed by what to write
// ("TODO: practice name").
const PlaceholderMarker = "TODO"

// IsPlaceholder reports whether text, less the white space before it,
// starts with PlaceholderMarker as a word of its own. The match is
// case-sensitive, as `sitegen new` writes the marker: "TODO", "TODO: town"
// and "TODO." are placeholders; "todo", "TODOs" and "Add it to the TODO
// list" are not.
func IsPlaceholder(text string) bool {
	text = strings.TrimLeft(text, " \t\n")
	if !strings.HasPrefix(text, PlaceholderMarker) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(text[len(PlaceholderMarker):])
	return r == utf8.RuneError || !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_')
}

// placeholderShown is how many characters of a placeholder a message
// quotes.
const placeholderShown = 48

// Placeholder is the message for a placeholder left in text: the
// placeholder quoted (its first line, cut short when long), then advice,
// which says what to write instead.
func Placeholder(text, advice string) string {
	text = strings.TrimSpace(text)
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		text = strings.TrimSpace(text[:i]) + " …"
	}
	if utf8.RuneCountInString(text) > placeholderShown {
		r := []rune(text)[:placeholderShown-1]
		text = strings.TrimRight(string(r), " ") + "…"
	}
	return fmt.Sprintf(placeholderPrefix+"%q left to fill in; %s", text, advice)
}

const placeholderPrefix = "placeholder "

// isPlaceholderMsg reports whether msg is one Placeholder wrote.
func isPlaceholderMsg(msg string) bool {
	return strings.HasPrefix(msg, placeholderPrefix+`"`) && strings.Contains(msg, `" left to fill in; `)
}
