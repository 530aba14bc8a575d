package build

import (
	"flag"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The development server's Builder against full builds, over random
// sequences of the edits editors make. Each seed is one sequence; a
// failure names the seed, the step and the edits, and
//
//	go test ./internal/build -run TestBuilderRandomEdits -incr.seed=N -incr.steps=M
//
// runs that sequence alone. -incr.long runs many more seeds, and longer.
var (
	incrSeed  = flag.Uint64("incr.seed", 0, "run only this seed of TestBuilderRandomEdits")
	incrSteps = flag.Int("incr.steps", 0, "steps per seed of TestBuilderRandomEdits (0: the default)")
	incrLong  = flag.Bool("incr.long", false, "run TestBuilderRandomEdits with many seeds")
)

// diffRun is one seed's run: the site being edited and the Builder
// following it.
type diffRun struct {
	t   *testing.T
	src string
	r   *rand.Rand
	opt Options
	// broken holds, by file, what the file was before an edit broke it
	// ("" for a file the edit created); a later step may put it back.
	broken map[string]string
	n      int // numbers names and values made up by edits
}

type diffCase struct {
	seed  uint64
	steps int
	// what the options differ in from the development server's
	noDrafts, strict bool
}

// seedCase is the run of a seed: one in five builds with -strict, one in
// five without drafts and future pages.
func seedCase(seed uint64, steps int) diffCase {
	return diffCase{seed: seed, steps: steps, strict: seed%5 == 3, noDrafts: seed%5 == 4}
}

func TestBuilderRandomEdits(t *testing.T) {
	// A few seeds, short enough for every test run: among them they
	// reach layouts with a mistake, pages without a layout, failed builds
	// and their fixes.
	cases := []diffCase{seedCase(10, 12), seedCase(29, 12), seedCase(45, 12)}
	if testing.Short() {
		cases = cases[:1]
	}
	if *incrLong {
		cases = nil
		for s := uint64(1); s <= 60; s++ {
			cases = append(cases, seedCase(s, 40))
		}
	}
	if *incrSeed != 0 {
		cases = []diffCase{seedCase(*incrSeed, 40)}
	}
	for _, c := range cases {
		if *incrSteps > 0 {
			c.steps = *incrSteps
		}
		t.Run(fmt.Sprintf("seed=%d", c.seed), func(t *testing.T) {
			t.Parallel()
			runDiff(t, c)
		})
	}
}

func runDiff(t *testing.T, c diffCase) {
	src := copySite(t, bundledRoot)
	opt := Options{Src: src, Now: fixedNow, Drafts: true, Future: true, Dev: true, Strict: c.strict}
	if c.noDrafts {
		// Builds without drafts and future pages, to follow draft and
		// publish_date edits in and out of the site.
		opt.Drafts, opt.Future = false, false
	}
	d := &diffRun{t: t, src: src, r: rand.New(rand.NewPCG(c.seed, c.seed^0x5eed)), opt: opt, broken: map[string]string{}}
	x, err := NewBuilder(opt)
	if err != nil {
		t.Fatal(err)
	}
	rb, err := x.Build(nil)
	d.compare(fmt.Sprintf("seed %d, first build", c.seed), rb, err)
	var log []string // what each step did, for the failure message
	for step := 1; step <= c.steps; step++ {
		// The server builds once for the events of one save, or of a few
		// saves close together.
		batch := 1
		if d.r.IntN(5) == 0 {
			batch = 2 + d.r.IntN(2)
		}
		var did []string
		var changed []string
		for range batch {
			desc, files := d.edit()
			did = append(did, desc)
			changed = append(changed, files...)
		}
		slices.Sort(changed)
		changed = slices.Compact(changed)
		log = append(log, fmt.Sprintf("step %d: %s", step, strings.Join(did, "; ")))
		rb, err := x.Build(changed)
		d.compare(fmt.Sprintf("seed %d, step %d (%s)", c.seed, step, strings.Join(did, "; ")), rb, err)
		if t.Failed() {
			t.Fatalf("seed %d failed at step %d; the steps were:\n%s", c.seed, step, strings.Join(log, "\n"))
		}
	}
}

// compare fails unless the Builder's result is the full build's: the same
// problems, failing or not alike, and when not, the same files.
func (d *diffRun) compare(at string, rb *Rebuild, err error) {
	t := d.t
	t.Helper()
	out := filepath.Join(t.TempDir(), "public")
	opt := d.opt
	opt.Out, opt.FS = out, nil
	full, ferr := Run(opt)
	got, want := sortedProblems(rb.Result), sortedProblems(full)
	if got != want {
		t.Errorf("%s: the Builder's problems are not a full build's:\n%s", at, lineDiff(got, want))
	}
	if (err == nil) != (ferr == nil) {
		t.Errorf("%s: the Builder's error is %v, a full build's %v", at, err, ferr)
	}
	if err != nil || ferr != nil {
		if rb.Files != nil {
			t.Errorf("%s: a failed build returned files", at)
		}
		return
	}
	wantFiles := readTree(t, out)
	delete(wantFiles, OutputMarker)
	gotFiles := rb.Complete()
	for _, name := range sortedKeys(wantFiles) {
		g, ok := gotFiles[name]
		if !ok {
			t.Errorf("%s: %s is in the full build, missing from the Builder's", at, name)
		} else if string(g) != string(wantFiles[name]) {
			t.Errorf("%s: %s differs from the full build:\n%s", at, name, byteDiff(g, wantFiles[name]))
		}
	}
	for _, name := range sortedKeys(gotFiles) {
		if _, ok := wantFiles[name]; !ok {
			t.Errorf("%s: %s is in the Builder's output, not in the full build", at, name)
		}
	}
}

// sortedProblems lists a build's problems one a line, sorted.
func sortedProblems(res *Result) string {
	lines := strings.Split(strings.TrimSuffix(problems(res), "\n"), "\n")
	slices.Sort(lines)
	return strings.Join(lines, "\n")
}

// lineDiff lists the lines of one text that the other lacks.
func lineDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	var b strings.Builder
	for _, l := range g {
		if !slices.Contains(w, l) {
			b.WriteString("  only in the Builder's: " + l + "\n")
		}
	}
	for _, l := range w {
		if !slices.Contains(g, l) {
			b.WriteString("  only in the full build's: " + l + "\n")
		}
	}
	return b.String()
}

// byteDiff shows where two files part.
func byteDiff(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-120)
	return fmt.Sprintf(" got …%q…\nwant …%q…", got[from:min(len(got), i+200)], want[from:min(len(want), i+200)])
}

// --- the files ---

func (d *diffRun) abs(rel string) string { return filepath.Join(d.src, filepath.FromSlash(rel)) }

func (d *diffRun) read(rel string) string {
	b, err := os.ReadFile(d.abs(rel))
	if err != nil {
		d.t.Fatal(err)
	}
	return string(b)
}

func (d *diffRun) write(rel, text string) { write(d.t, d.abs(rel), text) }

func (d *diffRun) remove(rel string) {
	if err := os.Remove(d.abs(rel)); err != nil {
		d.t.Fatal(err)
	}
}

func (d *diffRun) exists(rel string) bool {
	_, err := os.Stat(d.abs(rel))
	return err == nil
}

// list returns the files under dir whose names end in ext, sorted.
func (d *diffRun) list(dir, ext string) []string {
	var out []string
	_ = filepath.WalkDir(d.abs(dir), func(p string, e fs.DirEntry, err error) error {
		if err == nil && !e.IsDir() && strings.HasSuffix(p, ext) {
			rel, _ := filepath.Rel(d.src, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	slices.Sort(out)
	return out
}

func (d *diffRun) pick(list []string) string {
	if len(list) == 0 {
		return ""
	}
	return list[d.r.IntN(len(list))]
}

func (d *diffRun) chance(n int) bool { return d.r.IntN(n) == 0 }

// articles are the Markdown pages an edit may change: every page but the
// reading lists, whose books have edits of their own.
func (d *diffRun) articles() []string {
	var out []string
	for _, f := range d.list("content", ".md") {
		if !isReadingList(f) {
			out = append(out, f)
		}
	}
	return out
}

// leaves are the articles that are not a section's or the home page.
func (d *diffRun) leaves() []string {
	var out []string
	for _, f := range d.articles() {
		if b := path.Base(f); b != "_index.md" && f != "content/index.md" {
			out = append(out, f)
		}
	}
	return out
}

// breaks keeps what file was before an edit that breaks it.
func (d *diffRun) breaks(rel string) {
	if _, ok := d.broken[rel]; ok {
		return
	}
	if d.exists(rel) {
		d.broken[rel] = d.read(rel)
	} else {
		d.broken[rel] = ""
	}
}

// splitFront splits a page into its front matter's lines (each ending
// in a newline) and its body.
func splitFront(text string) (front, body string, ok bool) {
	if !strings.HasPrefix(text, "---\n") {
		return "", text, false
	}
	i := strings.Index(text[3:], "\n---\n")
	if i < 0 {
		return "", text, false
	}
	return text[4 : 3+i+1], text[3+i+5:], true
}

func joinFront(front, body string) string { return "---\n" + front + "---\n" + body }

// setKey sets a top-level key of front matter (replacing its line and any
// lines indented under it), or removes it when val is "".
func setKey(front, key, val string) string {
	lines := strings.SplitAfter(front, "\n")
	var out []string
	done := false
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if strings.HasPrefix(l, key+":") {
			for i+1 < len(lines) && (strings.HasPrefix(lines[i+1], " ") || strings.HasPrefix(lines[i+1], "-")) {
				i++
			}
			if val != "" && !done {
				out = append(out, key+": "+val+"\n")
			}
			done = true
			continue
		}
		out = append(out, l)
	}
	if !done && val != "" {
		out = append(out, key+": "+val+"\n")
	}
	return strings.Join(out, "")
}

func getKey(front, key string) string {
	for l := range strings.Lines(front) {
		if v, ok := strings.CutPrefix(l, key+":"); ok {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

// relLink is how a page file links to another: a path from its folder.
func relLink(from, to string) string {
	r, err := filepath.Rel(path.Dir(from), to)
	if err != nil {
		return to
	}
	return filepath.ToSlash(r)
}

var headingRE = regexp.MustCompile(`(?m)^##+ (.*)$`)

// anchors are the ids of a page's headings, as the site makes most of
// them: an id in braces, or the text in lower case with hyphens.
func anchors(text string) []string {
	var out []string
	for _, m := range headingRE.FindAllStringSubmatch(text, -1) {
		h := m[1]
		if i := strings.Index(h, "{#"); i >= 0 {
			out = append(out, strings.TrimSuffix(strings.TrimSpace(h[i+2:]), "}"))
			continue
		}
		var b strings.Builder
		for _, r := range strings.ToLower(h) {
			switch {
			case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
				b.WriteRune(r)
			case r == ' ' || r == '-':
				b.WriteRune('-')
			}
		}
		out = append(out, b.String())
	}
	return out
}

// --- the edits ---

type diffEdit struct {
	name   string
	weight int
	// do makes the edit and returns what it did and the files it changed;
	// "" when it does not apply to the site as it is.
	do func(d *diffRun) (string, []string)
}

// edit makes one edit: most often a new one, sometimes putting back a
// file that an earlier one broke.
func (d *diffRun) edit() (string, []string) {
	if len(d.broken) > 0 && d.chance(3) {
		f := d.pick(sortedKeys(d.broken))
		was := d.broken[f]
		delete(d.broken, f)
		if was == "" {
			if d.exists(f) {
				d.remove(f)
			}
			return "fix: remove " + f, []string{f}
		}
		d.write(f, was)
		return "fix: restore " + f, []string{f}
	}
	total := 0
	for _, e := range diffEdits {
		total += e.weight
	}
	for {
		n := d.r.IntN(total)
		for _, e := range diffEdits {
			if n -= e.weight; n < 0 {
				if desc, files := e.do(d); desc != "" {
					return e.name + ": " + desc, files
				}
				break
			}
		}
	}
}

// bodyEdit changes an article's body with fn.
func bodyEdit(fn func(d *diffRun, file, body string) (string, string)) func(d *diffRun) (string, []string) {
	return func(d *diffRun) (string, []string) {
		f := d.pick(d.articles())
		front, body, ok := splitFront(d.read(f))
		if !ok {
			return "", nil
		}
		desc, nb := fn(d, f, body)
		if desc == "" {
			return "", nil
		}
		d.write(f, joinFront(front, nb))
		return f + ": " + desc, []string{f}
	}
}

// frontEdit changes an article's front matter with fn.
func frontEdit(list func(d *diffRun) []string, fn func(d *diffRun, file, front string) (string, string)) func(d *diffRun) (string, []string) {
	return func(d *diffRun) (string, []string) {
		f := d.pick(list(d))
		if f == "" {
			return "", nil
		}
		front, body, ok := splitFront(d.read(f))
		if !ok {
			return "", nil
		}
		desc, nf := fn(d, f, front)
		if desc == "" {
			return "", nil
		}
		d.write(f, joinFront(nf, body))
		return f + ": " + desc, []string{f}
	}
}

// yamlEdit changes a data file under dir with fn.
func yamlEdit(dir string, fn func(d *diffRun, file, text string) (string, string)) func(d *diffRun) (string, []string) {
	return func(d *diffRun) (string, []string) {
		f := d.pick(d.list(dir, ".yaml"))
		if f == "" {
			return "", nil
		}
		desc, nt := fn(d, f, d.read(f))
		if desc == "" || nt == d.read(f) {
			return "", nil
		}
		d.write(f, nt)
		return f + ": " + desc, []string{f}
	}
}

// fileEdit changes one named file with fn.
func fileEdit(f string, fn func(d *diffRun, text string) (string, string)) func(d *diffRun) (string, []string) {
	return func(d *diffRun) (string, []string) {
		if !d.exists(f) {
			return "", nil
		}
		desc, nt := fn(d, d.read(f))
		if desc == "" {
			return "", nil
		}
		d.write(f, nt)
		return f + ": " + desc, []string{f}
	}
}

// replaceLine replaces the first line matching re with repl (a regexp
// replacement); ok is false when no line matches.
func replaceLine(text string, re *regexp.Regexp, repl string) (string, bool) {
	loc := re.FindStringIndex(text)
	if loc == nil {
		return text, false
	}
	return text[:loc[0]] + re.ReplaceAllString(text[loc[0]:loc[1]], repl) + text[loc[1]:], true
}

var (
	nameRE      = regexp.MustCompile(`(?m)^name: (.*)$`)
	townRE      = regexp.MustCompile(`(?m)^    town: (.*)$`)
	postcodeRE  = regexp.MustCompile(`(?m)^    postcode: ([A-Z]+)([0-9]+)( .*)$`)
	modsRE      = regexp.MustCompile(`(?m)^modalities: \[(.*)\]$`)
	untilRE     = regexp.MustCompile(`(?m)^certified_until: .*$`)
	acceptRE    = regexp.MustCompile(`(?m)^accepting_new_clients: (true|false)$`)
	regRE       = regexp.MustCompile(`(?m)^registration: .*$`)
	courseRE    = regexp.MustCompile(`(?m)^  - title: (.*)$`)
	accreditRE  = regexp.MustCompile(`(?m)^    accredited_until: .*$`)
	noteRE      = regexp.MustCompile(`(?m)^    note: >-\n      `)
	booksRE     = regexp.MustCompile(`(?m)^books:\n`)
	tagsRE      = regexp.MustCompile(`^\[(.*)\]$`)
	menuRE      = regexp.MustCompile(`(?m)^menu:\n`)
	noticeRE    = regexp.MustCompile(`(?m)^notice: >-\n  `)
	modVocabRE  = regexp.MustCompile(`(?m)^  modalities: \[(.*)\]$`)
	siteTitleRE = regexp.MustCompile(`(?m)^title: .*$`)
)

var diffTags = []string{"safety", "patients", "treatment", "children", "training", "certification", "anatomy", "new-tag"}

var diffEdits = []diffEdit{
	// An article's body.
	{"add a heading", 3, bodyEdit(func(d *diffRun, f, body string) (string, string) {
		d.n++
		h := fmt.Sprintf("Added section %d", d.n)
		return "heading " + h, body + "\n## " + h + "\n\nSome text.\n"
	})},
	{"remove a heading", 2, bodyEdit(func(d *diffRun, f, body string) (string, string) {
		loc := headingRE.FindStringIndex(body)
		if loc == nil {
			return "", ""
		}
		return "removed " + body[loc[0]:loc[1]], body[:loc[0]] + body[loc[1]:]
	})},
	{"link to a page", 3, bodyEdit(func(d *diffRun, f, body string) (string, string) {
		to := d.pick(d.list("content", ".md"))
		l := relLink(f, to)
		if d.chance(2) {
			if as := anchors(d.read(to)); len(as) > 0 {
				l += "#" + d.pick(as)
			} else {
				l += "#nowhere"
			}
		}
		return "link " + l, body + "\nRead [the page on this](" + l + ").\n"
	})},
	{"link to a missing page", 2, bodyEdit(func(d *diffRun, f, body string) (string, string) {
		l := d.pick([]string{"gone.md", "../articles/missing-page.md", "/articles/no-such-article/", "safety.md#no-such-heading", "#not-here", "/practitioners/nobody/"})
		return "link " + l, body + "\nSee [the missing page](" + l + ").\n"
	})},
	{"link to a data page", 2, bodyEdit(func(d *diffRun, f, body string) (string, string) {
		var l string
		switch d.r.IntN(3) {
		case 0:
			p := d.pick(d.list("content/practitioners", ".yaml"))
			if p == "" {
				return "", ""
			}
			l = "/practitioners/" + strings.TrimSuffix(path.Base(p), ".yaml") + "/"
		case 1:
			s := d.pick(d.list("content/schools", ".yaml"))
			if s == "" {
				return "", ""
			}
			l = "/training/#" + strings.TrimSuffix(path.Base(s), ".yaml")
		default:
			r := d.pick(d.list("content/reading", ".md"))
			l = "/reading/" + strings.TrimSuffix(path.Base(r), ".md") + "/"
			if path.Base(r) == "_index.md" {
				l = "/reading/"
			}
		}
		return "link " + l, body + "\nRead [the details](" + l + ").\n"
	})},
	{"heading the layout's id", 1, bodyEdit(func(d *diffRun, f, body string) (string, string) {
		return "heading Main", body + "\n## Main\n\nText.\n"
	})},
	{"TODO line", 2, bodyEdit(func(d *diffRun, f, body string) (string, string) {
		return "TODO", body + "\nTODO: finish this section\n"
	})},
	{"raw HTML", 1, bodyEdit(func(d *diffRun, f, body string) (string, string) {
		return "details element", body + "\n<details><summary>More</summary><a href=\"/no-such/\">x</a></details>\n"
	})},
	{"image", 1, bodyEdit(func(d *diffRun, f, body string) (string, string) {
		i := d.pick([]string{"/images/social-card.png", "/images/missing.png"})
		return "image " + i, body + "\n![A picture](" + i + ")\n"
	})},
	{"reword", 2, bodyEdit(func(d *diffRun, f, body string) (string, string) {
		d.n++
		return "reworded", strings.Replace(body, " the ", fmt.Sprintf(" the (%d) ", d.n), 1)
	})},

	// An article's front matter.
	{"title", 3, frontEdit((*diffRun).articles, func(d *diffRun, f, front string) (string, string) {
		d.n++
		v := fmt.Sprintf("A retitled page %d", d.n)
		if d.chance(6) {
			d.breaks(f)
			v = "Safety: what to know" // a colon needs quotes
			return "title with a colon", setKey(front, "title", v)
		}
		return "title " + v, setKey(front, "title", v)
	})},
	{"description", 2, frontEdit((*diffRun).articles, func(d *diffRun, f, front string) (string, string) {
		d.n++
		v := fmt.Sprintf("A new description, number %d.", d.n)
		if d.chance(4) {
			v = ""
		}
		return "description " + v, setKey(front, "description", v)
	})},
	{"tags", 3, frontEdit((*diffRun).articles, func(d *diffRun, f, front string) (string, string) {
		var tags []string
		if m := tagsRE.FindStringSubmatch(getKey(front, "tags")); m != nil && m[1] != "" {
			tags = strings.Split(m[1], ", ")
		}
		tag := d.pick(diffTags)
		desc := "tag " + tag + " added"
		if i := slices.Index(tags, tag); i >= 0 {
			tags = slices.Delete(tags, i, i+1)
			desc = "tag " + tag + " removed"
		} else if len(tags) > 0 && d.chance(3) {
			desc = "tag " + tags[0] + " removed"
			tags = tags[1:]
		} else {
			tags = append(tags, tag)
		}
		if len(tags) == 0 {
			return desc, setKey(front, "tags", "")
		}
		return desc, setKey(front, "tags", "["+strings.Join(tags, ", ")+"]")
	})},
	{"weight", 2, frontEdit((*diffRun).articles, func(d *diffRun, f, front string) (string, string) {
		v := fmt.Sprint(d.r.IntN(12))
		if d.chance(4) {
			v = ""
		}
		return "weight " + v, setKey(front, "weight", v)
	})},
	{"date", 2, frontEdit((*diffRun).articles, func(d *diffRun, f, front string) (string, string) {
		v := fmt.Sprintf("2026-%02d-%02d", 1+d.r.IntN(11), 1+d.r.IntN(28))
		if d.chance(5) {
			v = "2062-01-01" // a typo for 2026
		}
		return "date " + v, setKey(front, "date", v)
	})},
	{"draft", 2, frontEdit((*diffRun).leaves, func(d *diffRun, f, front string) (string, string) {
		if getKey(front, "draft") == "true" {
			return "draft removed", setKey(front, "draft", "")
		}
		return "draft: true", setKey(front, "draft", "true")
	})},
	{"publish_date", 2, frontEdit((*diffRun).leaves, func(d *diffRun, f, front string) (string, string) {
		if getKey(front, "publish_date") != "" {
			return "publish_date removed", setKey(front, "publish_date", "")
		}
		return "publish_date 2027-03-01", setKey(front, "publish_date", "2027-03-01")
	})},
	{"slug", 2, frontEdit((*diffRun).leaves, func(d *diffRun, f, front string) (string, string) {
		if getKey(front, "slug") != "" {
			return "slug removed", setKey(front, "slug", "")
		}
		if d.chance(4) {
			// Another page's name in the same folder: two pages, one URL.
			other := d.pick(d.list(path.Dir(f), ".md"))
			s := strings.TrimSuffix(path.Base(other), ".md")
			if other == f || s == "_index" || s == "index" {
				return "", ""
			}
			d.breaks(f)
			return "slug " + s + " (another page's)", setKey(front, "slug", s)
		}
		d.n++
		s := fmt.Sprintf("renamed-page-%d", d.n)
		return "slug " + s, setKey(front, "slug", s)
	})},
	{"aliases", 2, frontEdit((*diffRun).leaves, func(d *diffRun, f, front string) (string, string) {
		if getKey(front, "aliases") != "" {
			return "aliases removed", setKey(front, "aliases", "")
		}
		if d.chance(4) {
			d.breaks(f)
			a := d.pick([]string{"/articles/", "/feed.xml", "/favicon.svg"}) // a live page, files the site publishes
			return "alias " + a, setKey(front, "aliases", "["+a+"]")
		}
		d.n++
		a := fmt.Sprintf("/old/address-%d/", d.n)
		return "alias " + a, setKey(front, "aliases", "["+a+"]")
	})},
	{"layout", 1, frontEdit((*diffRun).leaves, func(d *diffRun, f, front string) (string, string) {
		if getKey(front, "layout") != "" {
			return "layout removed", setKey(front, "layout", "")
		}
		if d.chance(3) {
			d.breaks(f)
			return "layout missing-layout", setKey(front, "layout", "missing-layout")
		}
		return "layout contact", setKey(front, "layout", "contact")
	})},
	{"toc", 1, frontEdit((*diffRun).articles, func(d *diffRun, f, front string) (string, string) {
		if getKey(front, "toc") == "true" {
			return "toc removed", setKey(front, "toc", "")
		}
		return "toc: true", setKey(front, "toc", "true")
	})},
	{"updated", 1, frontEdit((*diffRun).articles, func(d *diffRun, f, front string) (string, string) {
		v := d.pick([]string{"2026-11-20", "2020-01-01", ""}) // 2020: before the date
		return "updated " + v, setKey(front, "updated", v)
	})},
	{"expiry_date", 1, frontEdit((*diffRun).leaves, func(d *diffRun, f, front string) (string, string) {
		if getKey(front, "expiry_date") != "" {
			return "expiry_date removed", setKey(front, "expiry_date", "")
		}
		return "expiry_date 2026-01-01", setKey(front, "expiry_date", "2026-01-01")
	})},
	{"noindex", 1, frontEdit((*diffRun).leaves, func(d *diffRun, f, front string) (string, string) {
		if getKey(front, "noindex") == "true" {
			return "noindex removed", setKey(front, "noindex", "")
		}
		return "noindex: true", setKey(front, "noindex", "true")
	})},
	{"save unchanged", 1, func(d *diffRun) (string, []string) {
		f := d.pick(append(d.list("content", ".md"), d.list("content", ".yaml")...))
		return f, []string{f}
	}},
	{"front matter typo", 1, frontEdit((*diffRun).articles, func(d *diffRun, f, front string) (string, string) {
		d.breaks(f)
		return "titel", front + "titel: oops\n"
	})},

	// Articles added, deleted and renamed.
	{"new article", 3, func(d *diffRun) (string, []string) {
		d.n++
		dir := d.pick([]string{"content/articles", "content/articles", "content", "content/notes"})
		f := fmt.Sprintf("%s/new-page-%d.md", dir, d.n)
		other := d.pick(d.leaves())
		text := fmt.Sprintf("---\ntitle: New page %d\ndescription: A page written today.\ndate: 2026-11-%02d\ntags: [%s]\n---\n\nThis is new. See [another page](%s).\n\n## A section\n\nMore.\n",
			d.n, 1+d.r.IntN(28), d.pick(diffTags), relLink(f, other))
		d.write(f, text)
		return f, []string{f}
	}},
	{"many articles", 2, func(d *diffRun) (string, []string) {
		// Enough, after a few, for the notes and a tag to need numbered
		// pages.
		var files []string
		for range 30 {
			d.n++
			f := fmt.Sprintf("content/notes/bulk-%d.md", d.n)
			d.write(f, fmt.Sprintf("---\ntitle: Bulk note %d\ndate: 2026-%02d-%02d\ntags: [bulk]\nweight: %d\n---\n\nA note.\n", d.n, 1+d.n%11, 1+d.n%28, d.n%3))
			files = append(files, f)
		}
		return fmt.Sprintf("%d notes", len(files)), files
	}},
	{"delete many articles", 1, func(d *diffRun) (string, []string) {
		var files []string
		for _, f := range d.list("content/notes", ".md") {
			if strings.HasPrefix(path.Base(f), "bulk-") && d.chance(2) {
				d.remove(f)
				delete(d.broken, f)
				files = append(files, f)
			}
		}
		if len(files) == 0 {
			return "", nil
		}
		return fmt.Sprintf("%d notes", len(files)), files
	}},
	{"delete an article", 2, func(d *diffRun) (string, []string) {
		f := d.pick(d.leaves())
		if f == "" {
			return "", nil
		}
		delete(d.broken, f)
		d.remove(f)
		return f, []string{f}
	}},
	{"rename an article", 2, func(d *diffRun) (string, []string) {
		f := d.pick(d.leaves())
		if f == "" {
			return "", nil
		}
		d.n++
		to := fmt.Sprintf("%s/renamed-%d.md", path.Dir(f), d.n)
		text := d.read(f)
		d.remove(f)
		delete(d.broken, f)
		d.write(to, text)
		return f + " to " + to, []string{f, to}
	}},

	{"move an article into the reading lists", 1, func(d *diffRun) (string, []string) {
		f := d.pick(d.leaves())
		if f == "" || strings.HasPrefix(f, "content/reading/") {
			return "", nil
		}
		to := "content/reading/" + path.Base(f)
		if d.exists(to) {
			return "", nil
		}
		text := d.read(f)
		d.remove(f)
		delete(d.broken, f)
		d.write(to, text)
		return f + " to " + to, []string{f, to}
	}},
	{"section index", 1, func(d *diffRun) (string, []string) {
		f := "content/notes/_index.md"
		if d.exists(f) {
			d.remove(f)
			return "removed " + f, []string{f}
		}
		d.write(f, "---\ntitle: Notes\ndescription: Notes for members.\n---\n\nThe notes.\n")
		return "added " + f, []string{f}
	}},

	// Practitioners.
	{"practitioner name", 2, yamlEdit("content/practitioners", func(d *diffRun, f, text string) (string, string) {
		if d.chance(5) {
			d.breaks(f)
			t, _ := replaceLine(text, nameRE, `name: "$1`) // a quote never closed
			return "unclosed quote", t
		}
		t, _ := replaceLine(text, nameRE, "name: $1-Smith")
		return "name", t
	})},
	{"practitioner town", 1, yamlEdit("content/practitioners", func(d *diffRun, f, text string) (string, string) {
		t, _ := replaceLine(text, townRE, "    town: "+d.pick([]string{"Upper $1", "Bath", "Little Snoring"}))
		return "town", t
	})},
	{"practitioner postcode", 1, yamlEdit("content/practitioners", func(d *diffRun, f, text string) (string, string) {
		if d.chance(2) {
			d.breaks(f)
			t, _ := replaceLine(text, postcodeRE, "    postcode: YQ1 7HH")
			return "postcode YQ1 7HH", t
		}
		t, _ := replaceLine(text, postcodeRE, "    postcode: ${1}9$3")
		return "postcode district 9", t
	})},
	{"practitioner modalities", 2, yamlEdit("content/practitioners", func(d *diffRun, f, text string) (string, string) {
		m := modsRE.FindStringSubmatch(text)
		if m == nil {
			return "", ""
		}
		mods := strings.Split(m[1], ", ")
		add := d.pick([]string{"Reflexology", "Reiki", "Shiatsu", "Bowen technique", "Visceral manipulation", "Crystal healing"})
		if add == "Crystal healing" {
			d.breaks(f)
		}
		if i := slices.Index(mods, add); i >= 0 && len(mods) > 1 {
			mods = slices.Delete(mods, i, i+1)
		} else if i < 0 {
			mods = append(mods, add)
		}
		t, _ := replaceLine(text, modsRE, "modalities: ["+strings.Join(mods, ", ")+"]")
		return "modalities " + strings.Join(mods, ", "), t
	})},
	{"practitioner certification", 3, yamlEdit("content/practitioners", func(d *diffRun, f, text string) (string, string) {
		v := d.pick([]string{"2026-06-30", "2026-12-15", "2030-01-31", "2026-12-01", "2026-11-30"})
		t, _ := replaceLine(text, untilRE, "certified_until: "+v)
		return "certified_until " + v, t
	})},
	{"practitioner accepting", 1, yamlEdit("content/practitioners", func(d *diffRun, f, text string) (string, string) {
		m := acceptRE.FindStringSubmatch(text)
		if m == nil {
			return "", ""
		}
		v := map[string]string{"true": "false", "false": "true"}[m[1]]
		t, _ := replaceLine(text, acceptRE, "accepting_new_clients: "+v)
		return "accepting_new_clients " + v, t
	})},
	{"practitioner bio", 2, yamlEdit("content/practitioners", func(d *diffRun, f, text string) (string, string) {
		if !strings.Contains(text, "\nbio: |\n") {
			return "", ""
		}
		to := d.pick(d.leaves())
		l := "/" + strings.TrimSuffix(strings.TrimPrefix(to, "content/"), ".md") + "/"
		if d.chance(3) {
			l = "/articles/no-such-page/"
		}
		return "bio links " + l, strings.TrimRight(text, "\n") + "\n\n  Read [more about this](" + l + ").\n"
	})},
	{"practitioner YAML error", 1, yamlEdit("content/practitioners", func(d *diffRun, f, text string) (string, string) {
		d.breaks(f)
		return "tab indent", strings.Replace(text, "\n  - name:", "\n\t- name:", 1)
	})},
	{"delete a practitioner", 1, func(d *diffRun) (string, []string) {
		f := d.pick(d.list("content/practitioners", ".yaml"))
		if f == "" {
			return "", nil
		}
		delete(d.broken, f)
		d.remove(f)
		return f, []string{f}
	}},
	{"add a practitioner", 1, func(d *diffRun) (string, []string) {
		from := d.pick(d.list("content/practitioners", ".yaml"))
		if from == "" {
			return "", nil
		}
		d.n++
		f := fmt.Sprintf("content/practitioners/new-practitioner-%d.yaml", d.n)
		text, _ := replaceLine(d.read(from), nameRE, fmt.Sprintf("name: Newly Added %s", strings.Repeat("X", d.n%5+1)))
		text, _ = replaceLine(text, regRE, fmt.Sprintf("registration: CST-%06d", 900+d.n))
		d.write(f, text)
		return f + " from " + from, []string{f}
	}},

	// Schools.
	{"course title", 1, yamlEdit("content/schools", func(d *diffRun, f, text string) (string, string) {
		d.n++
		t, _ := replaceLine(text, courseRE, fmt.Sprintf("  - title: $1 (%d)", d.n))
		return "course title", t
	})},
	{"accreditation", 1, yamlEdit("content/schools", func(d *diffRun, f, text string) (string, string) {
		v := d.pick([]string{"2026-12-20", "2026-06-01", "2029-01-31"})
		t, _ := replaceLine(text, accreditRE, "    accredited_until: "+v)
		return "accredited_until " + v, t
	})},
	{"school name", 1, yamlEdit("content/schools", func(d *diffRun, f, text string) (string, string) {
		t, _ := replaceLine(text, nameRE, "name: $1 and Partners")
		return "name", t
	})},

	{"delete a school", 1, func(d *diffRun) (string, []string) {
		f := d.pick(d.list("content/schools", ".yaml"))
		if f == "" {
			return "", nil
		}
		d.breaks(f) // practitioners' qualifications name it
		d.remove(f)
		return f, []string{f}
	}},

	// Reading lists.
	{"add a book", 2, frontEdit(func(d *diffRun) []string { return d.readingLists() }, func(d *diffRun, f, front string) (string, string) {
		d.n++
		book := fmt.Sprintf("  - title: A New Book %d\n    authors: [Ann Author]\n    year: 2020\n    level: %s\n    topics: [cst]\n", d.n, d.pick([]string{"essential", "recommended", "further"}))
		t, ok := replaceLine(front, booksRE, "books:\n"+book)
		if !ok {
			return "", ""
		}
		return "book", t
	})},
	{"book note link", 2, frontEdit(func(d *diffRun) []string { return d.readingLists() }, func(d *diffRun, f, front string) (string, string) {
		l := d.pick([]string{"/training/", "/articles/safety/", "/articles/missing/", "/practitioners/"})
		t, ok := replaceLine(front, noteRE, "    note: >-\n      See [the page]("+l+"). ")
		if !ok {
			return "", ""
		}
		return "note links " + l, t
	})},
	{"bad ISBN", 1, frontEdit(func(d *diffRun) []string { return d.readingLists() }, func(d *diffRun, f, front string) (string, string) {
		t, ok := replaceLine(front, regexp.MustCompile(`(?m)^    authors: .*$`), "$0\n    isbn: 978-1-55643-693-9")
		if !ok {
			return "", ""
		}
		d.breaks(f)
		return "isbn with a bad check digit", t
	})},

	// site.yaml.
	{"menu", 1, fileEdit("content/site.yaml", func(d *diffRun, text string) (string, string) {
		to := d.pick(append(d.leaves(), "content/missing.md"))
		if to == "content/missing.md" {
			d.breaks("content/site.yaml")
		}
		t, _ := replaceLine(text, menuRE, "menu:\n  - {name: Extra, url: "+strings.TrimPrefix(to, "content/")+"}\n")
		return "menu entry " + to, t
	})},
	{"notice", 1, fileEdit("content/site.yaml", func(d *diffRun, text string) (string, string) {
		d.n++
		t, _ := replaceLine(text, noticeRE, fmt.Sprintf("notice: >-\n  Notice %d. ", d.n))
		return "notice", t
	})},
	{"site title", 1, fileEdit("content/site.yaml", func(d *diffRun, text string) (string, string) {
		d.n++
		t, _ := replaceLine(text, siteTitleRE, fmt.Sprintf("title: Craniosacral Therapy Association %d", d.n))
		return "title", t
	})},
	{"vocabulary", 1, fileEdit("content/site.yaml", func(d *diffRun, text string) (string, string) {
		m := modVocabRE.FindStringSubmatch(text)
		if m == nil {
			return "", ""
		}
		mods := strings.Split(m[1], ", ")
		if d.chance(2) {
			mods = append(mods, "Crystal healing")
		} else {
			d.breaks("content/site.yaml")
			mods = slices.DeleteFunc(mods, func(s string) bool { return s == "Reflexology" })
		}
		t, _ := replaceLine(text, modVocabRE, "  modalities: ["+strings.Join(mods, ", ")+"]")
		return "modalities " + strings.Join(mods, ", "), t
	})},
	{"raw_html", 1, fileEdit("content/site.yaml", func(d *diffRun, text string) (string, string) {
		if strings.Contains(text, "raw_html: false") {
			return "raw_html: true", strings.Replace(text, "raw_html: false", "raw_html: true", 1)
		}
		return "raw_html: false", strings.Replace(text, "raw_html: true", "raw_html: false", 1)
	})},
	{"base_url", 1, fileEdit("content/site.yaml", func(d *diffRun, text string) (string, string) {
		d.n++
		t, _ := replaceLine(text, regexp.MustCompile(`(?m)^base_url: .*$`), fmt.Sprintf("base_url: https://cst%d.example.org/", d.n))
		return "base_url", t
	})},
	{"site.yaml syntax", 1, fileEdit("content/site.yaml", func(d *diffRun, text string) (string, string) {
		d.breaks("content/site.yaml")
		t, _ := replaceLine(text, siteTitleRE, "title: Craniosacral: Therapy")
		return "colon in title", t
	})},

	// Layouts and static files.
	{"footer text", 1, fileEdit("layouts/partials/footer.html", func(d *diffRun, text string) (string, string) {
		d.n++
		return "text", strings.Replace(text, "</footer>", fmt.Sprintf("<p>Footer %d</p>\n</footer>", d.n), 1)
	})},
	{"layout link", 1, fileEdit("layouts/page.html", func(d *diffRun, text string) (string, string) {
		l := d.pick([]string{"/no-such-page/", "/articles/", "/practitioners/nobody/"})
		return "link " + l, strings.Replace(text, "</div>", `<p><a href="`+l+`">More</a></p></div>`, 1)
	})},
	{"layout id twice", 1, func(d *diffRun) (string, []string) {
		f := d.pick([]string{"layouts/page.html", "layouts/partials/footer.html"})
		text := d.read(f)
		if strings.Contains(text, `id="twice"`) {
			d.write(f, strings.Replace(text, `<span id="twice"></span><span id="twice"></span>`, "", 1))
			return "layout id twice: " + f + ": removed", []string{f}
		}
		i := strings.LastIndex(text, "{{end}}")
		if i < 0 {
			return "", nil
		}
		d.write(f, text[:i]+`<span id="twice"></span><span id="twice"></span>`+text[i:])
		return "layout id twice: " + f + ": added", []string{f}
	}},
	{"break a template", 1, func(d *diffRun) (string, []string) {
		f := d.pick([]string{"layouts/page.html", "layouts/partials/header.html", "layouts/practitioners/profile.html"})
		text := d.read(f)
		d.breaks(f)
		if d.chance(2) {
			d.write(f, strings.Replace(text, "{{end}}", "{{end}", 1))
			return "break a template: " + f + ": {{end}", []string{f}
		}
		d.write(f, text+`{{define "broken-extra"}}{{index .Site.Menu 99}}{{end}}`)
		return "break a template: " + f + ": index past the end", []string{f}
	}},
	{"section layout", 1, func(d *diffRun) (string, []string) {
		f := "layouts/articles/page.html"
		if d.exists(f) {
			d.remove(f)
			return "section layout removed", []string{f}
		}
		d.write(f, strings.Replace(d.read("layouts/page.html"), "</div>", "<p>An article.</p></div>", 1))
		return "section layout added", []string{f}
	}},
	{"stylesheet", 1, fileEdit("static/css/site.css", func(d *diffRun, text string) (string, string) {
		d.n++
		return "rule", text + fmt.Sprintf("\n.added-%d { color: #123456 }\n", d.n)
	})},
	{"script", 1, fileEdit("static/js/has-js.js", func(d *diffRun, text string) (string, string) {
		if strings.Contains(text, "./missing-module.js") {
			return "import removed", strings.Replace(text, "import \"./missing-module.js\";\n", "", 1)
		}
		if d.chance(2) {
			d.n++
			return "comment", text + fmt.Sprintf("// %d\n", d.n)
		}
		return "import of a missing module", "import \"./missing-module.js\";\n" + text
	})},
	{"static file where a page is", 1, func(d *diffRun) (string, []string) {
		f := "static/about/index.html"
		if d.exists(f) {
			d.remove(f)
			return "removed " + f, []string{f}
		}
		d.breaks(f)
		d.write(f, "<p>Old page.</p>\n")
		return "added " + f, []string{f}
	}},
	{"static file", 1, func(d *diffRun) (string, []string) {
		f := "static/files/leaflet.txt"
		if d.exists(f) {
			d.remove(f)
			return "static file removed", []string{f}
		}
		d.write(f, "A leaflet.\n")
		return "static file added", []string{f}
	}},
}

func (d *diffRun) readingLists() []string {
	var out []string
	for _, f := range d.list("content/reading", ".md") {
		if isReadingList(f) {
			out = append(out, f)
		}
	}
	return out
}
