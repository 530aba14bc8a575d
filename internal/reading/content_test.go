package reading

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sitegen/internal/config"
	"sitegen/internal/diag"
	"sitegen/internal/yamldoc"
)

// The site's own reading lists must decode without a single problem, and
// their pages must meet the editorial rules: a description, a 2026 date and
// an introduction of 100 to 250 words.
func TestSiteReadingLists(t *testing.T) {
	root := filepath.Join("..", "..")
	siteYAML, err := os.ReadFile(filepath.Join(root, "content", "site.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var problems diag.List
	cfg := config.Parse(siteYAML, &problems)
	files, _ := filepath.Glob(filepath.Join(root, "content", "reading", "*.md"))
	if len(files) < 5 {
		t.Fatalf("found %d reading pages, want the index and four lists", len(files))
	}
	var lists []List
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		rel := "content/reading/" + filepath.Base(f)
		text := strings.ReplaceAll(string(src), "\r\n", "\n")
		if !strings.HasPrefix(text, "---\n") {
			t.Fatalf("%s: no front matter", rel)
		}
		end := strings.Index(text[4:], "\n---\n")
		if end < 0 {
			t.Fatalf("%s: front matter not closed", rel)
		}
		fm, body := text[4:4+end+1], text[4+end+5:]
		d := yamldoc.New(rel, []byte(fm), 1, &problems)
		m := d.Map(d.Parse(), "front matter", "title", "description", "date", "weight", "books")
		m.Require("title", "description", "date")
		var title, desc string
		var date time.Time
		m.Str("title", &title)
		m.Str("description", &desc)
		if m.Date("date", &date) && (date.Year() != 2026 || !date.Before(time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC))) {
			t.Errorf("%s: date %s is not in 2026 before 20 November", rel, date.Format("2006-01-02"))
		}
		if n := len(strings.Fields(body)); n < 100 || n > 250 {
			t.Errorf("%s: introduction has %d words, want 100 to 250", rel, n)
		}
		if filepath.Base(f) == "_index.md" {
			if title != "Reading lists" {
				t.Errorf("%s: title %q, want Reading lists", rel, title)
			}
			continue
		}
		books := DecodeBooks(m, cfg.Vocab.Topics, cfg.BaseURL, testToday)
		if len(books) < 4 {
			t.Errorf("%s: only %d books", rel, len(books))
		}
		for _, b := range books {
			if b.Note == "" || len(b.Topics) == 0 {
				t.Errorf("%s:%d: %q needs a note and topics", rel, b.Line, b.Title)
			}
		}
		lists = append(lists, List{Title: title, URL: "/reading/" + strings.TrimSuffix(filepath.Base(f), ".md") + "/", Books: books})
	}
	for _, p := range problems.All() {
		t.Error(p)
	}
	// Every list exports cleanly.
	for _, l := range lists {
		if _, err := JSONLD(l); err != nil {
			t.Errorf("%s: %v", l.URL, err)
		}
		if len(BibTeX(l)) == 0 || len(RIS(l)) == 0 {
			t.Errorf("%s: empty export", l.URL)
		}
	}
}
