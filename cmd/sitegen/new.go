package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"sitegen/internal/config"
	"sitegen/internal/diag"
	"sitegen/internal/fold"
	"sitegen/internal/workfile"
)

const newUsage = `Usage: sitegen new [-src dir] <kind> "Title or Name"

Creates a file ready to fill in, named from the title in plain lower-case
letters and digits joined by hyphens ("Łódź and Søren" is lodz-and-soren):
  article        content/articles/<slug>.md (a draft until you remove draft: true)
  practitioner   content/practitioners/<slug>.yaml (with the next free registration number)
  reading        content/reading/<slug>.md (a reading list with one book to fill in)
  school         content/schools/<slug>.yaml (a training provider with one course to fill in)

Lines marked TODO are placeholders: 'sitegen check' reports the ones left
('sitegen check -drafts' for a draft, whose placeholders count only when
drafts are built).
The date is today's (SOURCE_DATE_EPOCH when set). An existing file is never
overwritten.
`

// newKinds are the kinds of file sitegen new creates.
var newKinds = []string{"article", "practitioner", "reading", "school"}

// newArgsProblem says in one line what is wrong with the arguments of
// sitegen new after its flags, when they are not a kind and a title.
func newArgsProblem(args []string) string {
	for _, a := range args[min(1, len(args)):] {
		if strings.HasPrefix(a, "-") && len(a) > 1 {
			return fmt.Sprintf("%s comes after the kind; put flags before it: sitegen new %s ... %s \"Title\"", a, a, args[0])
		}
	}
	isKind := len(args) > 0 && slices.Contains(newKinds, args[0])
	switch {
	case len(args) == 0:
		return "give the kind of file and its title: sitegen new article \"Title\""
	case !isKind:
		return fmt.Sprintf("%q is not a kind of file; the kind comes first: article, practitioner, reading or school", args[0])
	case len(args) == 1:
		return fmt.Sprintf("give the %s's title after the kind, in quotes: sitegen new %s \"Title\"", args[0], args[0])
	default:
		return fmt.Sprintf("the title is %d words with no quotes around them; put it in quotes: sitegen new %s \"%s\"", len(args)-1, args[0], strings.Join(args[1:], " "))
	}
}

// cmdNew creates a content file of a kind, ready to fill in.
func cmdNew(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("sitegen new", flag.ContinueOnError)
	fs.SetOutput(stderr)
	src := fs.String("src", ".", "site root holding content/")
	fs.Usage = func() { fmt.Fprint(stderr, newUsage) }
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	if fs.NArg() != 2 {
		fmt.Fprintf(stderr, "sitegen new: %s\n\n%s", newArgsProblem(fs.Args()), newUsage)
		return errUsage
	}
	kind, title := fs.Arg(0), strings.TrimSpace(fs.Arg(1))
	// "Article" and "articles" are the kind article.
	if k := strings.TrimSuffix(strings.ToLower(kind), "s"); slices.Contains(kinds, k) {
		kind = k
	}
	// Every kind gets an ASCII file name, so its address is the same
	// whatever the keyboard: "Łódź and Søren" is lodz-and-soren.
	slug := fold.Slug(title)
	if slug == "" {
		fmt.Fprintf(stderr, "sitegen new: %q gives an empty file name; use a title with letters or digits\n", title)
		return errUsage
	}
	if len(slug) > config.MaxSegment {
		fmt.Fprintf(stderr, "sitegen new: the title gives a file name of %d bytes, more than the %d a URL segment may have; use a shorter title, and lengthen it in the file afterwards\n", len(slug), config.MaxSegment)
		return errUsage
	}
	t, err := now()
	if err != nil {
		fmt.Fprintln(stderr, "sitegen new:", err)
		return errUsage
	}
	var rel string
	var text string
	switch kind {
	case "article":
		rel = "content/articles/" + slug + ".md"
		text = newArticle(title, t)
	case "reading":
		rel = "content/reading/" + slug + ".md"
		text = newReading(title, t)
	case "practitioner":
		rel = "content/practitioners/" + slug + ".yaml"
		reg, err := nextRegistration(*src)
		if err != nil {
			return err
		}
		text = newPractitioner(title, reg, t)
	case "school":
		rel = "content/schools/" + slug + ".yaml"
		text = newSchool(title, t)
	default:
		fmt.Fprintf(stderr, "sitegen new: unknown kind %q; %suse article, practitioner, reading or school\n", kind, kindHint(kind))
		return errUsage
	}
	if _, err := os.Stat(filepath.Join(*src, "content")); err != nil {
		return fmt.Errorf("%s has no content/ folder; run sitegen in a site root or pass -src", *src)
	}
	full := filepath.Join(*src, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, os.ErrExist) {
		return fmt.Errorf("%s already exists; edit it, or choose another title", rel)
	}
	if err != nil {
		return err
	}
	if _, err := f.WriteString(text); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	check := "sitegen check"
	if kind == "article" {
		check += " -drafts" // an article starts as a draft
	}
	fmt.Fprintf(stdout, "created %s; fill in the lines marked TODO, then run %s\n", rel, check)
	return nil
}

// quote writes s as a YAML double-quoted scalar (JSON strings are YAML).
func quote(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

func day(t time.Time) string { return t.UTC().Format("2006-01-02") }

func newArticle(title string, t time.Time) string {
	return `---
title: ` + quote(title) + `
description: "TODO: one or two sentences for lists, search results and link previews."
date: ` + day(t) + `
tags: [TODO]
draft: true
---

TODO: write the article. Link to other pages by their file, such as [safety](safety.md).
`
}

func newReading(title string, t time.Time) string {
	return `---
title: ` + quote(title) + `
description: "TODO: who the list is for and what it covers."
date: ` + day(t) + `
books:
  - title: "TODO: book title"
    authors: ["TODO: author name"]  # or editors: [...] for an edited book
    year: TODO                # of this edition, such as ` + strconv.Itoa(t.Year()) + `
    publisher: "TODO: publisher"
    level: TODO               # essential | recommended | further
    topics: [TODO]            # from site.yaml's vocabularies: topics
    note: >-
      TODO: why to read it, and which chapters.
---

TODO: an introduction to the list.
`
}

func newPractitioner(name, reg string, t time.Time) string {
	return `name: ` + quote(name) + `
registration: ` + reg + `
certified_since: TODO         # YYYY-MM-DD, such as ` + day(t) + `
certified_until: TODO         # YYYY-MM-DD, such as ` + day(t.AddDate(1, 0, 0)) + `
level: TODO                   # from site.yaml's vocabularies: levels
conditions: ""                # conditions on their practice, published when set; or delete the line
modalities: [Craniosacral therapy]
languages: [English]
accepting_new_clients: TODO   # true or false
home_visits: TODO             # true or false
contact:
  email: TODO
  phone: "TODO"
  website: TODO               # https://..., or delete the line
locations:
  - name: "TODO: practice name"
    address: "TODO: street address"
    town: TODO
    region: TODO              # from site.yaml's vocabularies: regions
    postcode: TODO
    lat: TODO
    lon: TODO
    wheelchair_access: TODO   # true or false
qualifications:
  - title: "TODO: qualification"
    school: TODO              # the school's file name in content/schools/ without .yaml; or delete the line
    year: TODO
bio: |
  TODO: a few sentences about the practitioner, in the third person.
`
}

func newSchool(name string, t time.Time) string {
	return `name: ` + quote(name) + `
website: TODO                 # https://..., or delete the line
region: TODO                  # from site.yaml's vocabularies: regions
contact: {email: TODO, phone: "TODO"}
courses:
  - title: "TODO: course title"
    accredited_until: TODO    # YYYY-MM-DD, such as ` + day(t.AddDate(3, 0, 0)) + `
    length: "TODO: such as 2 years part-time (10 weekend modules)"
    format: TODO              # such as In person, Blended or Online
    location: "TODO: town, or online"
    prerequisites: "TODO: what a student needs before starting"
`
}

// nextRegistration is one more than the highest registration number in
// content/practitioners/.
func nextRegistration(src string) (string, error) {
	cfg := &config.Config{RegistrationPrefix: "CST-", RegistrationDigits: 6}
	if data, err := os.ReadFile(filepath.Join(src, filepath.FromSlash(config.Path))); err == nil {
		cfg = config.Parse(data, &diag.List{})
	}
	re := regexp.MustCompile(`(?m)^registration:\s*["']?` + regexp.QuoteMeta(cfg.RegistrationPrefix) + `(\d+)`)
	highest := 0
	dir := filepath.Join(src, "content", "practitioners")
	files, _ := os.ReadDir(dir)
	for _, f := range files {
		// The files beside the register that are not part of it (Word's
		// lock file, an Emacs lock that points nowhere) are left out, as
		// the build leaves them out.
		if f.IsDir() || workfile.Skip(f.Name()) || !strings.HasSuffix(f.Name(), ".yaml") {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, f.Name()))
		if err != nil {
			return "", err
		}
		for _, m := range re.FindAllSubmatch(data, -1) {
			if n, err := strconv.Atoi(string(m[1])); err == nil && n > highest {
				highest = n
			}
		}
	}
	return fmt.Sprintf("%s%0*d", cfg.RegistrationPrefix, cfg.RegistrationDigits, highest+1), nil
}

// kinds are the kinds of file sitegen new makes.
var kinds = []string{"article", "practitioner", "reading", "school"}

// kindHint is the start of the advice for a kind that sitegen new does not
// make: the kind meant, for a typo or another name of it ("book" is an
// entry of a reading list, a "training provider" a school).
func kindHint(kind string) string {
	other := map[string]string{
		"book": "a book is an entry of a reading list: add it to a list's books, or make a list with sitegen new reading; ",
		"list": "did you mean reading? ", "page": "did you mean article? ", "post": "did you mean article? ",
		"training": "did you mean school? ", "provider": "did you mean school? ", "therapist": "did you mean practitioner? ",
	}
	k := strings.TrimSuffix(strings.ToLower(kind), "s")
	if h, ok := other[k]; ok {
		return h
	}
	if s := diag.Suggest(k, kinds); s != "" {
		return "did you mean " + s + "? "
	}
	return ""
}
