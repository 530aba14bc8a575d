package fold

import "testing"

func TestString(t *testing.T) {
	for in, want := range map[string]string{
		"Zoë":           "zoe",
		"Zoe\u0308":     "zoe",
		"Wałęsa":        "walesa",
		"Łódź":          "lodz",
		"Søren Ødegård": "soren odegard",
		"Straße":        "strasse",
		"Encyclopædia":  "encyclopaedia",
		"Œuvre":         "oeuvre",
		"Þóra Ðuric":    "thora duric",
		"İstanbul":      "istanbul",
		"Ŋaŋa ĸalâleq":  "nganga kalaleq",
		"ﬁnding":        "finding",
		"Ζωή":           "ζωη",
		"ΟΔΟΣ":          "οδοσ",
		"Москва":        "москва",
		"O'Brien":       "o'brien",
		"":              "",
		// Invisible characters pasted with text are nothing.
		"cranio\u00adsacral \u200bcranio\u200csacral\u200d \u2060CST\ufeff": "craniosacral craniosacral cst",
		// Full-width forms are their ASCII letters, digits and signs.
		"ＣＳＴ－０００００４\u3000ｃｒａｎｉａｌ（Ｚｏë）": "cst-000004 cranial(zoe)",
	} {
		if got := String(in); got != want {
			t.Errorf("String(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Łódź and Søren":                   "lodz-and-soren",
		"Łukasz Søren":                     "lukasz-soren",
		"İstanbul Turkish":                 "istanbul-turkish",
		"Zoë's café":                       "zoes-cafe",
		"King’s Lynn":                      "kings-lynn",
		"Stratford-upon-Avon":              "stratford-upon-avon",
		"  --Weird   spacing--  ":          "weird-spacing",
		"Step 1: anatomy & physiology":     "step-1-anatomy-physiology",
		"Gruß Straße":                      "gruss-strasse",
		"Ζωή":                              "",
		"🙂":                                "",
		"":                                 "",
		"Cranio\u00adsacral\u200b therapy": "craniosacral-therapy",
		"ＣＳＴ－０００００４　Ｚｏë": "cst-000004-zoe",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

// Table agrees with Rune on every code point it has an entry for, and
// has none for a code point whose fold is its own lower case.
func TestTable(t *testing.T) {
	for r := rune(0); r < 0x10000; r++ {
		f, ok := Table(r)
		if ok && f != Rune(r) {
			t.Errorf("Table(%U) = %q, Rune = %q", r, f, Rune(r))
		}
	}
	if _, ok := Table('a'); ok {
		t.Error("Table('a') has an entry")
	}
}
