package reading

import (
	"sort"
	"strings"

	"sitegen/internal/personname"
)

// List is one reading list as published.
type List struct {
	Title       string
	Description string
	URL         string // site path of the list page, "/reading/<slug>/"
	Permalink   string // the page's absolute URL, which the exports name; URL when empty
	Books       []Book
}

// BibURL is the site path of the list's BibTeX file, "/reading/<slug>.bib".
func (l List) BibURL() string { return strings.TrimSuffix(l.URL, "/") + ".bib" }

// RISURL is the site path of the list's RIS file, "/reading/<slug>.ris".
func (l List) RISURL() string { return strings.TrimSuffix(l.URL, "/") + ".ris" }

// Group is the books of one level.
type Group struct {
	Level   string // essential, recommended or further
	Heading string // "Essential reading"...
	ID      string // fragment id for the heading, "level-essential"
	Books   []Book
}

// ByLevel groups books by level in the order essential, recommended,
// further, keeping the list's order within a level. Levels without books
// are left out.
func ByLevel(books []Book) []Group {
	var out []Group
	for _, lv := range Levels {
		g := Group{Level: lv, Heading: LevelHeading(lv), ID: "level-" + lv}
		for _, b := range books {
			if b.Level == lv || (b.Level == "" && lv == "recommended") {
				g.Books = append(g.Books, b)
			}
		}
		if len(g.Books) > 0 {
			out = append(out, g)
		}
	}
	return out
}

// Page is the template data (.Page.Data) of a reading list page.
type Page struct {
	List   List
	Groups []Group // ByLevel(List.Books)
	BibURL string  // "/reading/<slug>.bib"
	RISURL string  // "/reading/<slug>.ris"
}

// NewPage is the template data of a list's page.
func NewPage(l List) Page {
	return Page{List: l, Groups: ByLevel(l.Books), BibURL: l.BibURL(), RISURL: l.RISURL()}
}

// IndexPage is the template data (.Page.Data) of the /reading/ section page.
type IndexPage struct {
	Lists  []List
	Topics []TopicGroup
}

// NewIndexPage is the template data of /reading/: the lists in the order
// given and the by-topic index, topics ordered as in topics (the site's
// vocabulary).
func NewIndexPage(lists []List, topics ...string) IndexPage {
	return IndexPage{Lists: lists, Topics: Index(lists, topics...)}
}

// ListRef names a list a book is on.
type ListRef struct {
	Title string
	URL   string
}

// Entry is a book in the by-topic index with the lists recommending it.
type Entry struct {
	Book  Book // as on the first list that has it
	Lists []ListRef
}

// TopicGroup is the books of one topic.
type TopicGroup struct {
	Topic   string // vocabulary word, "" for books without topics
	Heading string // "Nervous system", "CST", "Other books"
	ID      string // fragment id, "topic-nervous-system"
	Entries []Entry
}

// TopicHeading is a topic's heading: a word of three letters or fewer is an
// initialism ("cst" is "CST"); otherwise hyphens become spaces and the first
// letter is capitalised ("nervous-system" is "Nervous system").
func TopicHeading(topic string) string {
	if topic == "" {
		return "Other books"
	}
	if len(topic) <= 3 {
		return strings.ToUpper(topic)
	}
	s := strings.ReplaceAll(topic, "-", " ")
	return strings.ToUpper(s[:1]) + s[1:]
}

// Index is every book of lists by topic. A book on several lists appears
// once per topic, with every list it is on. Books are the same when their
// ISBN-13s are; a book without an ISBN is the same as one with the same
// normalised title and first author (so it also joins a copy that has an
// ISBN); two different ISBNs are two editions and stay apart. A book's
// topics are the union of its copies'. Topics come in the order of topics
// (the site's vocabulary) and then alphabetically; books without topics
// come last under "Other books". Within a topic, books are sorted by title,
// then first author.
func Index(lists []List, topics ...string) []TopicGroup {
	type merged struct {
		e      Entry
		topics []string
	}
	var all []*merged
	byISBN := map[string]*merged{}
	byName := map[string][]*merged{}
	for _, l := range lists {
		ref := ListRef{Title: l.Title, URL: l.URL}
		for _, b := range l.Books {
			name := nameKey(b)
			var m *merged
			if b.ISBN13 != "" {
				m = byISBN[b.ISBN13]
			}
			if m == nil {
				for _, c := range byName[name] {
					if b.ISBN13 == "" || c.e.Book.ISBN13 == "" {
						m = c
						break
					}
				}
			}
			if m == nil {
				m = &merged{e: Entry{Book: b}}
				all = append(all, m)
				byName[name] = append(byName[name], m)
			}
			if b.ISBN13 != "" && byISBN[b.ISBN13] == nil {
				byISBN[b.ISBN13] = m
				if m.e.Book.ISBN13 == "" {
					m.e.Book.ISBN13 = b.ISBN13
				}
			}
			if len(m.e.Lists) == 0 || m.e.Lists[len(m.e.Lists)-1] != ref {
				m.e.Lists = append(m.e.Lists, ref)
			}
			for _, t := range b.Topics {
				if !contains(m.topics, t) {
					m.topics = append(m.topics, t)
				}
			}
		}
	}
	groups := map[string]*TopicGroup{}
	for _, m := range all {
		ts := m.topics
		if len(ts) == 0 {
			ts = []string{""}
		}
		for _, t := range ts {
			g := groups[t]
			if g == nil {
				g = &TopicGroup{Topic: t, Heading: TopicHeading(t), ID: "topic-" + t}
				if t == "" {
					g.ID = "topic-other"
				}
				groups[t] = g
			}
			g.Entries = append(g.Entries, m.e)
		}
	}
	rank := func(t string) int {
		if t == "" {
			return len(topics) + 1
		}
		for i, x := range topics {
			if x == t {
				return i
			}
		}
		return len(topics)
	}
	out := make([]TopicGroup, 0, len(groups))
	for _, g := range groups {
		sort.SliceStable(g.Entries, func(i, j int) bool {
			a, b := g.Entries[i].Book, g.Entries[j].Book
			if ka, kb := strings.ToLower(a.Title), strings.ToLower(b.Title); ka != kb {
				return ka < kb
			}
			return strings.ToLower(firstAuthor(a)) < strings.ToLower(firstAuthor(b))
		})
		out = append(out, *g)
	}
	sort.Slice(out, func(i, j int) bool {
		ri, rj := rank(out[i].Topic), rank(out[j].Topic)
		if ri != rj {
			return ri < rj
		}
		return out[i].Topic < out[j].Topic
	})
	return out
}

// firstAuthor is the book's first author, or its first editor when it
// names none: the name a list sorts and cites it by.
func firstAuthor(b Book) string {
	switch {
	case len(b.Authors) > 0:
		return b.Authors[0]
	case len(b.Editors) > 0:
		return b.Editors[0]
	}
	return ""
}

// nameKey is a book's identity without an ISBN: its title and its first
// author's surname, lower-cased, accents folded, letters and digits only.
func nameKey(b Book) string {
	_, sur, _ := personname.Split(firstAuthor(b))
	return key(b.Title) + "|" + key(sur)
}

// Anchor is the id of the book's entry on its list page, for links from
// search results: "book-" and its ISBN-13, or its title in lower-case words
// when it has none.
func (b Book) Anchor() string {
	if b.ISBN13 != "" {
		return "book-" + b.ISBN13
	}
	var s strings.Builder
	s.WriteString("book")
	dash := true
	for _, r := range strings.ToLower(b.Title) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if dash {
				s.WriteByte('-')
			}
			s.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	return s.String()
}
