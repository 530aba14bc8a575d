package search

import (
	"encoding/json"
	"flag"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"sitegen/internal/fold"
)

var update = flag.Bool("update", false, "rewrite golden files")

// termCases are the hard cases of the normalisation spec; they are written
// to testdata/normalize-vectors.json for the JavaScript client.
var termCases = []struct {
	in   string
	want []string
}{
	{"Zoë Ashworth", []string{"zoe", "ashworth"}},
	{"Zoe\u0308 (decomposed)", []string{"zoe", "decompos"}},
	{"the practitioner's room", []string{"practition", "room"}},
	{"practitioner’s", []string{"practition"}},
	{"practitioners' register", []string{"practition", "regist"}},
	{"O'Brien", []string{"obrien"}},
	{"CST-000004", []string{"cst", "000004", "cst000004"}},
	{"cst000004", []string{"cst000004"}},
	{"000004", []string{"000004"}},
	{"TR9 4QX", []string{"tr9", "4qx"}},
	{"Penzance, TR18", []string{"penzanc", "tr18"}},
	{"1,000 words in 3.5 hours", []string{"1", "000", "word", "3", "5", "hour"}},
	{"Straße", []string{"strass"}},
	{"STRASSE", []string{"strass"}},
	{"İstanbul", []string{"istanbul"}},
	{"ıstanbul", []string{"istanbul"}},
	{"DİYARBAKIR", []string{"diyarbakir"}},
	{"ﬁnding ﬂow", []string{"find", "flow"}},
	{"Encyclopædia Œuvre", []string{"encyclopaedia", "oeuvr"}},
	{"Søren Łódź Þór", []string{"soren", "lodz", "thor"}},
	{"therapist therapists therapy", []string{"therapist", "therapist", "therapi"}},
	{"certify certified certification certifications", []string{"certifi", "certifi", "certif", "certif"}},
	{"well-being", []string{"well", "be", "wellb"}},
	{"in-depth", []string{"depth", "indepth"}},
	{"- leading hyphen -", []string{"lead", "hyphen"}},
	{"Ζωή και ΟΔΟΣ", []string{"ζωη", "και", "οδοσ"}},
	{"Head injuries & concussion", []string{"head", "injuri", "concuss"}},
	{"The cat and the hat", []string{"cat", "hat"}},
	{"naïve café résumé", []string{"naiv", "cafe", "resum"}},
	{"e-mail: zoe@example.org", []string{"e", "mail", "email", "zoe", "exampl", "org"}},
}

// stemCases come from the Snowball English sample vocabulary.
var stemCases = map[string]string{
	"consign": "consign", "consigned": "consign", "consigning": "consign", "consignment": "consign",
	"consist": "consist", "consisted": "consist", "consistency": "consist", "consistent": "consist",
	"consistently": "consist", "knack": "knack", "knackeries": "knackeri", "knacks": "knack",
	"abandoned": "abandon", "abandonment": "abandon", "abergavenny": "abergavenni", "abhorred": "abhor",
	"absolutely": "absolut", "academy": "academi", "accepted": "accept", "accommodation": "accommod",
	"according": "accord", "accordingly": "accord", "accounts": "account", "achieved": "achiev",
	"action": "action", "active": "activ", "actually": "actual", "additional": "addit",
	"admiration": "admir", "agreeable": "agreeabl", "agreed": "agre", "generously": "generous",
	"running": "run", "cries": "cri", "ties": "tie", "caresses": "caress", "hopping": "hop",
	"hoped": "hope", "skies": "sky", "news": "news", "proceed": "proceed", "gaps": "gap", "gas": "gas",
	"kiwis": "kiwi", "therapists": "therapist", "certification": "certif", "cranial": "cranial",
	"sacral": "sacral", "communism": "communism", "yelling": "yell", "sayings": "say",
}

func TestStem(t *testing.T) {
	for in, want := range stemCases {
		if got := Stem(in); got != want {
			t.Errorf("Stem(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestTerms(t *testing.T) {
	for _, c := range termCases {
		if got := Terms(c.in); !reflect.DeepEqual(got, c.want) && !(len(got) == 0 && len(c.want) == 0) {
			t.Errorf("Terms(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// sweep is every assigned code point of the fold ranges and a sample of
// others, to check that both sides fold all of them alike.
func sweep() string {
	var b strings.Builder
	for _, r := range [][2]rune{{0x20, 0x24f}, {0x300, 0x3ff}, {0x400, 0x4ff}, {0x1e00, 0x1eff}, {0x2010, 0x2027}, {0xfb00, 0xfb06}, {0xff01, 0xff5e}} {
		for c := r[0]; c <= r[1]; c++ {
			if unicode.In(c, unicode.L, unicode.M, unicode.N, unicode.P, unicode.S, unicode.Zs) {
				b.WriteRune(c)
			}
		}
	}
	return b.String()
}

type vectors struct {
	Terms []struct {
		In    string   `json:"in"`
		Terms []string `json:"terms"`
	} `json:"terms"`
	Stem  map[string]string `json:"stem"`
	Sweep struct {
		In   string `json:"in"`
		Fold string `json:"fold"`
	} `json:"sweep"`
}

// TestNormalizeVectors checks Go against testdata/normalize-vectors.json,
// which the node tests check the JavaScript client against.
func TestNormalizeVectors(t *testing.T) {
	var v vectors
	for _, c := range termCases {
		v.Terms = append(v.Terms, struct {
			In    string   `json:"in"`
			Terms []string `json:"terms"`
		}{c.in, Terms(c.in)})
	}
	v.Stem = map[string]string{}
	for in := range stemCases {
		v.Stem[in] = Stem(in)
	}
	v.Sweep.In = sweep()
	v.Sweep.Fold = fold.String(v.Sweep.In)
	data, err := json.MarshalIndent(v, "", "\t")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join("testdata", "normalize-vectors.json")
	if *update {
		if err := os.WriteFile(path, append(data, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	old, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if string(old) != string(data)+"\n" {
		t.Errorf("%s is out of date with the Go normalisation; run go test -update and check the diff", path)
	}
}

// referenceTokens is the tokenizer as first written, a plain reading of
// the specification kept to check the fast one against: code point by
// code point, with a string per part.
func referenceTokens(text string) []Token {
	termOf := func(w []byte) string { return term(string(w), Stem) }
	fold := func(i int) ([]byte, int, bool) {
		r, n := utf8.DecodeRuneInString(text[i:])
		w := wordPart(fold.Rune(r))
		return []byte(w), n, w != ""
	}
	isMark := func(i int) (bool, int) {
		r, n := utf8.DecodeRuneInString(text[i:])
		return unicode.Is(unicode.M, r), n
	}
	var out []Token
	var parts []string
	var cur []byte
	next := func(i int) bool {
		for i < len(text) {
			if m, n := isMark(i); m {
				i += n
				continue
			}
			_, _, ok := fold(i)
			return ok
		}
		return false
	}
	endPart := func() {
		if len(cur) > 0 {
			parts = append(parts, string(cur))
			cur = cur[:0]
		}
	}
	endWord := func() {
		endPart()
		if len(parts) == 0 {
			return
		}
		var clean []string
		for _, p := range parts {
			p = strings.TrimSuffix(p, "'s")
			p = strings.ReplaceAll(p, "'", "")
			if p != "" {
				clean = append(clean, p)
			}
		}
		for _, p := range clean {
			if t := termOf([]byte(p)); t != "" {
				out = append(out, Token{Term: t})
			}
		}
		if len(clean) > 1 {
			if t := termOf([]byte(strings.Join(clean, ""))); t != "" {
				out = append(out, Token{Term: t, Compound: true})
			}
		}
		parts = parts[:0]
	}
	for i := 0; i < len(text); {
		if m, n := isMark(i); m {
			i += n
			continue
		}
		w, n, ok := fold(i)
		if ok {
			cur = append(cur, w...)
			i += n
			continue
		}
		r, _ := utf8.DecodeRuneInString(text[i:])
		switch {
		case isApostrophe(r) && len(cur) > 0 && next(i+n):
			cur = append(cur, '\'')
		case isHyphen(r) && len(cur) > 0 && next(i+n):
			endPart()
		default:
			endWord()
		}
		i += n
	}
	endWord()
	return out
}

// TestTokensMatchReference compares the tokenizer with referenceTokens on
// random strings drawn from the characters that make words hard.
func TestTokensMatchReference(t *testing.T) {
	alphabet := []rune("aAbzZ09'-‐‑‘’ʼ .,;–—éÉe\u0301\u0308ßæŒøĐðþłıħŧςİﬁﬀΣσζωή日½²\u00a0\t\n<&>\"\\\x00\u2028Ǆǅ")
	rng := rand.New(rand.NewPCG(7, 9))
	for i := range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(24) {
			b.WriteRune(alphabet[rng.IntN(len(alphabet))])
		}
		if rng.IntN(10) == 0 {
			b.WriteString("\xff\xc3")
		}
		s := b.String()
		got, want := Tokens(s), referenceTokens(s)
		if !reflect.DeepEqual(got, want) && !(len(got) == 0 && len(want) == 0) {
			t.Fatalf("case %d: Tokens(%q) = %v, want %v", i, s, got, want)
		}
	}
	v := sweep()
	if got, want := Tokens(v), referenceTokens(v); !reflect.DeepEqual(got, want) {
		t.Errorf("the sweep tokenizes differently:\n got %v\nwant %v", got, want)
	}
}
