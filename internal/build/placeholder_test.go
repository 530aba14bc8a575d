package build

import (
	"path/filepath"
	"strings"
	"testing"
)

// placeholderLines are the positions and first words of the placeholder
// warnings among a build's problems.
func placeholderLines(res *Result) []string {
	var out []string
	for _, p := range res.Problems.All() {
		if strings.Contains(p.Msg, "placeholder") {
			out = append(out, p.String()[:strings.Index(p.String(), ": warning:")])
		}
	}
	return out
}

// A page's placeholders, in its front matter and in its text, count when
// the page is built: a draft's only with Drafts, a future page's only with
// Future.
func TestPlaceholdersOfBuiltPages(t *testing.T) {
	src := t.TempDir()
	copyDir(t, filepath.Join("testdata", "fixture"), src)
	page := func(extra string) string {
		return "---\ntitle: Page\ndescription: \"TODO: a description\"\n" + extra + "---\n\nTODO: the text.\n"
	}
	write(t, filepath.Join(src, "content", "notes", "todo.md"), page(""))
	write(t, filepath.Join(src, "content", "notes", "todo-draft.md"), page("draft: true\n"))
	write(t, filepath.Join(src, "content", "notes", "todo-later.md"), page("publish_date: 2030-01-01\n"))
	for _, tc := range []struct {
		drafts, future bool
		want           []string
	}{
		{false, false, []string{"content/notes/todo.md:3:14", "content/notes/todo.md:6:1"}},
		{true, false, []string{"content/notes/todo-draft.md:3:14", "content/notes/todo-draft.md:7:1", "content/notes/todo.md:3:14", "content/notes/todo.md:6:1"}},
		{false, true, []string{"content/notes/todo-later.md:3:14", "content/notes/todo-later.md:7:1", "content/notes/todo.md:3:14", "content/notes/todo.md:6:1"}},
	} {
		res, err := Run(Options{Src: src, DryRun: true, Drafts: tc.drafts, Future: tc.future, Now: fixedNow})
		if err != nil {
			t.Fatalf("a build that is not strict failed on warnings: %v\n%s", err, problems(res))
		}
		if got := placeholderLines(res); strings.Join(got, " ") != strings.Join(tc.want, " ") {
			t.Errorf("drafts %v, future %v: placeholders at %q, want %q", tc.drafts, tc.future, got, tc.want)
		}
		if _, err := Run(Options{Src: src, DryRun: true, Strict: true, Drafts: tc.drafts, Future: tc.future, Now: fixedNow}); err == nil {
			t.Errorf("drafts %v, future %v: a strict build passed with placeholders", tc.drafts, tc.future)
		}
	}
}

// The development server's builds report a page's placeholders as a full
// build does, at their current lines, whether the page is rendered again,
// taken from the cache or changed in its body only.
func TestBuilderPlaceholders(t *testing.T) {
	src := t.TempDir()
	copyDir(t, filepath.Join("testdata", "fixture"), src)
	file := filepath.Join(src, "content", "notes", "todo.md")
	write(t, file, "---\ntitle: Page\ndescription: TODO\n---\n\nTODO: the text.\n")
	x, err := NewBuilder(Options{Src: src, Now: fixedNow, Drafts: true, Future: true, Dev: true})
	if err != nil {
		t.Fatal(err)
	}
	changed := []string{"content/notes/todo.md"}
	for _, step := range []struct {
		name, text string
		changed    []string
		want       []string
	}{
		{"first build", "", nil, []string{"content/notes/todo.md:3:14", "content/notes/todo.md:6:1"}},
		{"nothing changed", "", []string{}, []string{"content/notes/todo.md:3:14", "content/notes/todo.md:6:1"}},
		{"body filled in", "---\ntitle: Page\ndescription: TODO\n---\n\nThe text.\n", changed, []string{"content/notes/todo.md:3:14"}},
		{"front matter moved", "---\ntitle: Page\n# a comment\ndescription: TODO\n---\n\nThe text.\n", changed, []string{"content/notes/todo.md:4:14"}},
		{"front matter filled in", "---\ntitle: Page\ndescription: A page.\n---\n\nThe text.\n", changed, nil},
	} {
		if step.text != "" {
			write(t, file, step.text)
		}
		rb, err := x.Build(step.changed)
		if err != nil {
			t.Fatalf("%s: %v\n%s", step.name, err, problems(rb.Result))
		}
		if got := placeholderLines(rb.Result); strings.Join(got, " ") != strings.Join(step.want, " ") {
			t.Errorf("%s: placeholders at %q, want %q", step.name, got, step.want)
		}
	}
}
