package diag

import "testing"

func TestSuggest(t *testing.T) {
	keys := []string{"title", "description", "date", "tags", "aliases", "publish_date"}
	for in, want := range map[string]string{
		"titel": "title", "tilte": "title", "descripton": "description", "tag": "tags",
		"publishdate": "publish_date", "colour": "", "x": "",
	} {
		if got := Suggest(in, keys); got != want {
			t.Errorf("Suggest(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestListSortsAndCounts(t *testing.T) {
	var l List
	l.Warnf("b.md", 3, 1, "late")
	l.Errorf("a.md", 9, 2, "second")
	l.Errorf("a.md", 2, 5, "first")
	l.Errorf("a.md", 2, 5, "first")
	l.Infof("c.md", 1, 1, "note")
	all := l.All()
	if len(all) != 4 {
		t.Fatalf("duplicates kept: %v", all)
	}
	if all[0].String() != "a.md:2:5: first" || all[2].String() != "b.md:3:1: warning: late" || all[3].String() != "c.md:1:1: info: note" {
		t.Errorf("order: %v", all)
	}
	if l.Summary(false) != "2 errors, 1 warning" || l.Summary(true) != "3 errors" {
		t.Errorf("summary %q / %q", l.Summary(false), l.Summary(true))
	}
	if !l.Failed(false) {
		t.Error("errors must fail")
	}
	var w List
	w.Warnf("a", 1, 1, "w")
	w.Infof("a", 1, 1, "i")
	if w.Failed(false) || !w.Failed(true) {
		t.Error("warnings fail only strict builds; info never")
	}
}
