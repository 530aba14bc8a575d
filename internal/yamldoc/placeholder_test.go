package yamldoc

import (
	"strings"
	"testing"

	"sitegen/internal/diag"
)

// placeholderProblems walks src's placeholders as front matter (after the
// file's opening --- line) and returns them as strings.
// samePlaceholders checks that src's placeholders are reported as want.
func samePlaceholders(t *testing.T, src string, want []string) {
	t.Helper()
	got := strings.Join(placeholderProblems(t, src), "\n")
	if w := strings.Join(want, "\n"); got != w {
		t.Errorf("got\n%s\nwant\n%s", got, w)
	}
}

func placeholderProblems(t *testing.T, src string) []string {
	t.Helper()
	var list diag.List
	d := New("p.md", []byte(src), 1, &list)
	root := d.Parse()
	if root == nil {
		t.Fatalf("parse: %v", list.All())
	}
	var got []string
	for _, p := range d.Placeholders(root) {
		if p.Severity != diag.Warning {
			t.Errorf("%s is not a warning", p)
		}
		got = append(got, p.String())
	}
	if list.Len() != 0 {
		t.Errorf("Placeholders reported to the list: %v", list.All())
	}
	return got
}

func TestPlaceholdersNested(t *testing.T) {
	src := `title: A TODO in the middle is prose
contact: {email: TODO, phone: "TODO"}
locations:
  - name: "TODO: practice name"
    town: TODO
    hours:
      monday: [9-5, TODO]
      notes:
        - {when: weekends, what: 'TODO: say when'}
tags: [TODO]
keep: &anchor TODO
again: *anchor
typed: !!str TODO
`
	want := []string{
		`p.md:3:18: warning: placeholder "TODO" left to fill in; write the e-mail address in its place`,
		`p.md:3:31: warning: placeholder "TODO" left to fill in; write the telephone number in its place`,
		`p.md:5:11: warning: placeholder "TODO: practice name" left to fill in; write the name in its place`,
		`p.md:6:11: warning: placeholder "TODO" left to fill in; write the town in its place`,
		`p.md:8:21: warning: placeholder "TODO" left to fill in; write the monday in its place`,
		`p.md:10:34: warning: placeholder "TODO: say when" left to fill in; write the what in its place`,
		`p.md:11:8: warning: placeholder "TODO" left to fill in; write the tags in its place`,
		`p.md:12:15: warning: placeholder "TODO" left to fill in; write the keep in its place`,
		`p.md:14:14: warning: placeholder "TODO" left to fill in; write the typed in its place`,
	}
	samePlaceholders(t, src, want)
}

func TestPlaceholdersBlockScalars(t *testing.T) {
	src := `name: Jane
bio: |
  Jane practises in Frithwick.

  TODO: a few sentences about the practitioner, in the third person.
  She keeps a todo list, and TODO in the middle of a line is prose.

      TODO: indented more, as Markdown's code
  TODO
books:
  - note: >-
      TODO: why to read it,
      and which chapters.
    title: Atlas
  - note: |


        TODO after blank lines
after: fine
`
	want := []string{
		`p.md:6:3: warning: placeholder "TODO: a few sentences about the practitioner, i…" left to fill in; write a few sentences about the practitioner in its place`,
		`p.md:10:3: warning: placeholder "TODO" left to fill in; write a few sentences about the practitioner in its place`,
		`p.md:13:7: warning: placeholder "TODO: why to read it," left to fill in; write the note in its place`,
		`p.md:19:9: warning: placeholder "TODO after blank lines" left to fill in; write the note in its place`,
	}
	samePlaceholders(t, src, want)
}

func TestPlaceholdersNotInProse(t *testing.T) {
	src := `title: "Keep a todo list"
description: Our TODO list for the clinic
tags: [todo, TODOs, Todo, TODO_list, to do]
bio: |
  Nothing to do here; todo: nothing.
  Notes: TODO later.
# TODO: a comment is not a value
TODO: a key is not a value
`
	if got := placeholderProblems(t, src); len(got) != 0 {
		t.Errorf("prose reported as placeholders:\n%s", strings.Join(got, "\n"))
	}
}

func TestIsPlaceholder(t *testing.T) {
	for text, want := range map[string]bool{
		"TODO": true, "TODO: town": true, "TODO.": true, "  TODO x": true, "TODO-list": true, "\nTODO": true,
		"todo": false, "Todo": false, "TODOs": false, "TODO_x": false, "TODO2": false, "a TODO": false, "": false,
	} {
		if got := diag.IsPlaceholder(text); got != want {
			t.Errorf("IsPlaceholder(%q) = %v, want %v", text, got, want)
		}
	}
}
