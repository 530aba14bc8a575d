package search

import "strings"

// The respelling lists of the package doc ("Spelling"), shared verbatim
// with static/js/search-normalize.js; the vectors file carries them, and
// the client's tests check that its own are the same.
const (
	// spellWords are whole words and the word each is written as.
	spellWords = "mom:mum moms:mums programme:program programmes:programs"
	// spellStarts are American beginnings of words and the British
	// beginnings that replace them.
	spellStarts = "anemi:anaemi anesthe:anaesthe cesarean:caesarean defenc:defens diarrhe:diarrhoe edema:oedema esophag:oesophag estrogen:oestrogen fetal:foetal fetus:foetus gray:grey gynecolog:gynaecolog hemorrhag:haemorrhag licenc:licens maneuv:manoeuv offenc:offens orthoped:orthopaed pediatr:paediatr practis:practic skeptic:sceptic"
	// spellOur are the stems written with "or" in American English and
	// "our" in British, before one of spellOurEnds.
	spellOur     = "behavi col fav flav hon hum lab neighb od rum tum"
	spellOurEnds = "s ed ing er ers ful less al ally ite ites able ably hood hoods ist ists"
	// spellRe are the stems written with "er" in American English and
	// "re" in British.
	spellRe = "cent centimet fib kilomet lit manoeuv met millimet theat"
	// spellIzeEnds are the endings after "iz" or "yz" that are written
	// with "is" or "ys".
	spellIzeEnds = "e es ed ing er ers able ation ations ational"
)

var (
	spellWordMap  = pairs(spellWords)
	spellStartOf  = pairList(spellStarts)
	spellOurSet   = wordSet(spellOur)
	spellOurEnd   = wordSet(" " + spellOurEnds) // with the empty ending
	spellReSet    = wordSet(spellRe)
	spellIzeEndOf = wordSet(spellIzeEnds)
)

func pairList(s string) (out [][2]string) {
	for _, p := range strings.Fields(s) {
		a, b, _ := strings.Cut(p, ":")
		out = append(out, [2]string{a, b})
	}
	return out
}

func pairs(s string) map[string]string {
	m := map[string]string{}
	for _, p := range pairList(s) {
		m[p[0]] = p[1]
	}
	return m
}

// wordSet is the set of the words of s, separated by single spaces (a
// leading space puts the empty word in).
func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Split(s, " ") {
		m[w] = true
	}
	return m
}

// Spell writes a word of the letters a–z in the one spelling the index
// uses, as the package doc specifies: American spellings and -ize, -yze
// as British ones ("pediatric"→"paediatric", "color"→"colour",
// "center"→"centre", "organization"→"organisation"), and a few pairs of
// British spellings as one ("practise"→"practice", "licence"→"license").
// Any other word is returned as it is.
func Spell(w string) string {
	// 1. Whole words.
	if s, ok := spellWordMap[w]; ok {
		return s
	}
	// 2. Beginnings.
	for _, p := range spellStartOf {
		if strings.HasPrefix(w, p[0]) {
			w = p[1] + w[len(p[0]):]
			break
		}
	}
	// 3. -or → -our. No stem or ending holds "or".
	if i := strings.LastIndex(w, "or"); i > 0 && spellOurSet[w[:i]] && spellOurEnd[w[i+2:]] {
		return w[:i] + "our" + w[i+2:]
	}
	// 4. -er → -re: er, ers, ered, ering → re, res, red, ring.
	if i := strings.LastIndex(w, "er"); i > 0 && spellReSet[w[:i]] {
		switch e := w[i+2:]; e {
		case "", "s":
			return w[:i] + "re" + e
		case "ed", "ing":
			return w[:i] + "r" + e
		}
	}
	// 5. -ize, -yze → -ise, -yse, after at least three letters. No
	// ending holds a "z".
	if i := strings.LastIndexByte(w, 'z'); i >= 4 && (w[i-1] == 'i' || w[i-1] == 'y') && spellIzeEndOf[w[i+1:]] {
		return w[:i] + "s" + w[i+1:]
	}
	return w
}
