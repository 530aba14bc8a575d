package search

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// Section is a part of a document's body, split at headings. The first
// section of a page usually has Heading "" (the text before the first
// heading). Anchor is the heading's id, without "#".
type Section struct {
	Heading string
	Anchor  string
	Level   int
	Text    string
}

// Doc is one searchable page.
type Doc struct {
	URL         string // site-absolute path, e.g. "/articles/safety/"
	Kind        string // one of Kinds
	Title       string
	Description string
	Tags        []string
	// Keywords are exact identifiers and names: registration number, town,
	// postcode district, region, language, authors, ISBN... Words that
	// describe a document in terms many documents share belong in Tags.
	Keywords []string
	Date     time.Time // zero when undated; breaks ties between equal scores
	Sections []Section
}

// File is an output file, Path relative to the output root.
type File struct {
	Path string
	Data []byte
}

// Stats describes a finished index, for the build summary.
type Stats struct {
	Docs, Terms, Postings, Shards, DocChunks int
	EntryBytes, ShardBytes, ChunkBytes       int64
	FragmentBytes                            int64 // total of the files Add returned
}

// Kinds are the document kinds, in the order the search filters list them.
var Kinds = []string{"article", "page", "book", "practitioner", "training"}

// Field weights and BM25 parameters; see the package doc.
const (
	weightTitle       = 4
	weightKeyword     = 4
	weightHeading     = 2
	weightTag         = 2
	weightDescription = 1.5
	bonusExact        = 1.0 // added for a term in the title or the keywords
	bonusLabel        = 0.5 // added for a term in a heading or a tag, but neither of those
	synonymWeight     = 0.5 // times the score of a term the document has only as a synonym
	k1                = 1.2
	bm25b             = 0.75
	boostScale        = 4 // fixed-point scale of posting.boost

	// EntryPath is the entry file the client loads first, the one file
	// of the index with a fixed name.
	EntryPath = "search/index.json"
	// VersionDir holds a folder per build version, named by it, with the
	// shards and the document table; PackDir holds the fragment packs,
	// named by their content. Everything under them can be cached for
	// good, and nothing else of the site is under them.
	VersionDir = "search/v/"
	PackDir    = "search/doc/"
	// chunkSize is the number of documents per document-table chunk.
	chunkSize = 64
	// shardLimit is the estimated size in bytes above which a shard is
	// split by the next character of its prefix.
	shardLimit = 24 << 10
	// packLimit is the size in bytes at which a fragment pack is closed:
	// a pack holds one long article or several short documents.
	packLimit = 12 << 10
)

// docTerm is a term of one document: its term id in the Vocabulary, its
// frequency in the body and its weighted frequency in the other fields.
type docTerm struct {
	term  uint32
	body  uint16 // term frequency in the body (section text)
	boost uint16 // weighted frequency in the other fields × boostScale, | exactBit or labelBit
}

// docTerms are a document's terms, packed: for each, uvarint(term<<1 |
// boosted), uvarint(body) and, when boosted, uvarint(boost). A term of
// the body alone takes about four bytes instead of a docTerm's eight: the
// index keeps these for every page until Finish.
type docTerms []byte

func (d docTerms) append(t docTerm) docTerms {
	boosted := uint64(0)
	if t.boost != 0 {
		boosted = 1
	}
	d = binary.AppendUvarint(d, uint64(t.term)<<1|boosted)
	d = binary.AppendUvarint(d, uint64(t.body))
	if boosted != 0 {
		d = binary.AppendUvarint(d, uint64(t.boost))
	}
	return d
}

// all yields the terms in the order they were appended.
func (d docTerms) all(yield func(docTerm) bool) {
	for len(d) > 0 {
		v, n := binary.Uvarint(d)
		d = d[n:]
		b, n := binary.Uvarint(d)
		d = d[n:]
		t := docTerm{term: uint32(v >> 1), body: uint16(b)}
		if v&1 != 0 {
			b, n = binary.Uvarint(d)
			d = d[n:]
			t.boost = uint16(b)
		}
		if !yield(t) {
			return
		}
	}
}

// posting is a docTerm in Finish: the document's final id instead of the
// term.
type posting struct {
	doc   uint32
	body  uint16
	boost uint16
}

// exactBit marks a posting whose term is in the title or the keywords;
// labelBit, one whose term is in a heading or a tag and not in those.
const (
	exactBit = 1 << 15
	labelBit = 1 << 14
)

// synBit marks, in a posting's body frequency, a term the document has
// only as a synonym of its words.
const synBit = 1 << 15

type docMeta struct {
	url     string
	kind    uint8
	date    time.Time
	bodyLen int32
	pack    int32 // index in Indexer.packNames
	packAt  int32 // the document's place in its pack
	terms   docTerms
}

// pending is a numbered document whose fragment waits for its turn in the
// packs; doc is -1 for a number the caller skipped.
type pending struct {
	doc  int
	data []byte
}

// Indexer builds the search index. Add documents (from any number of
// goroutines), then call Finish once.
type Indexer struct {
	vocab     *Vocabulary
	mu        sync.Mutex
	docs      []docMeta
	urls      map[string]bool
	fragBytes int64
	finished  bool

	// Packing: fragments are packed in the callers' numbering, whatever
	// order they arrive in. next is the next number to pack, waiting the
	// ones that arrived early, pack the one being filled.
	next      int
	waiting   map[int]pending
	pack      [][]byte
	packDocs  []int
	packSize  int
	packNames []string // by pack number, once hashed
}

// NewIndexer returns an empty Indexer with a vocabulary of its own.
func NewIndexer() *Indexer { return NewVocabulary().NewIndexer() }

// NewIndexer returns an empty Indexer that takes documents analysed with v.
func (v *Vocabulary) NewIndexer() *Indexer {
	return &Indexer{vocab: v, urls: map[string]bool{}, waiting: map[int]pending{}}
}

func kindIndex(k string) int {
	for i, x := range Kinds {
		if x == k {
			return i
		}
	}
	return -1
}

// lengthClass returns the kind whose average body length a document of
// kind k is weighed against: pages of prose share the articles'.
func lengthClass(k uint8) uint8 {
	if k == pageKind {
		return articleKind
	}
	return k
}

var pageKind, articleKind = uint8(kindIndex("page")), uint8(kindIndex("article"))

// Vocabulary turns words into terms and numbers the terms. Analysing a
// document needs one; an Indexer takes the documents analysed with its
// own. A Vocabulary only grows: the development server keeps one, and the
// analyses made with it, from build to build. It is safe for concurrent
// use.
type Vocabulary struct {
	mu    sync.Mutex
	words wordTable        // folded word → term id, -1 for no term (a stop word)
	ids   map[string]int32 // term → id
	terms []string         // by id
	idle  []*analyser
	// syn gives, by term id, the ids of a term's synonyms' terms (see
	// Synonyms in the package doc). The table's terms are numbered
	// first, so syn stops at the last of them and a term of the text
	// costs one comparison; it does not change once made.
	syn [][]int32
	// synTerms are the table's terms by id (those of syn's keys and
	// values), read without locking for the fragments.
	synTerms []string
}

// NewVocabulary returns an empty Vocabulary with the site's synonyms.
func NewVocabulary() *Vocabulary { return NewVocabularySynonyms(siteSynonyms) }

// NewVocabularyWith returns an empty Vocabulary with the site's synonyms
// and the entries of more (a site's own, from its site.yaml) added to them.
func NewVocabularyWith(more Synonyms) *Vocabulary {
	if len(more) == 0 {
		return NewVocabulary()
	}
	return NewVocabularySynonyms(siteSynonyms.With(more))
}

// NewVocabularySynonyms returns an empty Vocabulary with the synonyms syn.
func NewVocabularySynonyms(syn Synonyms) *Vocabulary {
	v := &Vocabulary{ids: map[string]int32{}}
	keys := slices.Sorted(maps.Keys(syn)) // numbered in the same order each time
	for _, t := range keys {
		v.termID(t)
	}
	v.syn = make([][]int32, len(v.terms))
	for _, t := range keys {
		id := v.termID(t)
		for _, q := range syn[t] {
			v.syn[id] = append(v.syn[id], v.termID(q))
		}
	}
	v.synTerms = slices.Clone(v.terms)
	return v
}

// termID returns the id of term t, numbering it when new; v.mu is held
// or v is not yet shared. A term no document has is left out of the index.
func (v *Vocabulary) termID(t string) int32 {
	id, ok := v.ids[t]
	if !ok {
		id = int32(len(v.terms))
		v.terms = append(v.terms, t)
		v.ids[t] = id
	}
	return id
}

// lookup returns the term id of a folded word, adding its term when new.
func (v *Vocabulary) lookup(w []byte) int32 {
	h := uint32(2166136261) // FNV-1a
	for _, c := range w {
		h = (h ^ uint32(c)) * 16777619
	}
	v.mu.Lock()
	id, ok := v.words.get(w, h)
	v.mu.Unlock()
	if ok {
		return id
	}
	t := term(string(w), Stem)
	v.mu.Lock()
	defer v.mu.Unlock()
	if id, ok := v.words.get(w, h); ok {
		return id
	}
	id = -1
	if t != "" {
		id = v.termID(t)
	}
	v.words.put(w, h, id)
	return id
}

// snapshot returns the terms by id; the ones there never change.
func (v *Vocabulary) snapshot() []string {
	v.mu.Lock()
	defer v.mu.Unlock()
	return v.terms
}

// analyser is the working memory of one Analyse call at a time: a cache
// of the words it met last, read without locking, and the current
// document's frequencies, by term id.
type analyser struct {
	v      *Vocabulary
	hot    [hotSize]hotWord // recent words, by hash: see termID
	slot   []int32          // term id → index in tf + 1; 0 when not in the document
	tf     []freq
	terms  docTerms // the document's terms, packed, before they are copied out
	scan   wordScanner
	buf    []byte
	weight int32
	label  uint16 // exactBit, labelBit or 0: what a term of the field adds to its posting
	body   int32
	ys     []synWord // the document's synonyms and the terms they stand for
	syns   []int32   // scratch for appendSynonyms
}

// synWord is a synonym a document has only as a synonym, and one of the
// document's terms it stands for.
type synWord struct{ syn, term int32 }

type freq struct {
	term  int32
	body  int32
	boost int32  // × boostScale
	label uint16 // exactBit and labelBit, of every field the term is in
	syn   bool   // the term is only a synonym of the document's words
}

func (v *Vocabulary) analyser() *analyser {
	v.mu.Lock()
	if n := len(v.idle); n > 0 {
		a := v.idle[n-1]
		v.idle = v.idle[:n-1]
		v.mu.Unlock()
		return a
	}
	v.mu.Unlock()
	return &analyser{v: v}
}

func (v *Vocabulary) release(a *analyser) {
	v.mu.Lock()
	v.idle = append(v.idle, a)
	v.mu.Unlock()
}

// hotWord is an entry of an analyser's cache: a word of at most
// maxASCII bytes packed into two words, little-endian, zero beyond its
// length n (0 for an empty entry; words are never empty).
type hotWord struct {
	lo, hi uint64
	id     int32
	n      uint8
}

const (
	hotBits = 11
	hotSize = 1 << hotBits // entries: 48 KB, small enough to stay in a core's cache
)

// hotSlot returns the cache entry for a packed word.
func (a *analyser) hotSlot(lo, hi uint64, n int) *hotWord {
	h := lo*0x9e3779b97f4a7c15 ^ hi*0xc2b2ae3d27d4eb4f ^ uint64(n)
	return &a.hot[h>>(64-hotBits)]
}

// termID returns the term id of a folded word (-1 for a stop word). A
// site's text is mostly a few thousand common words, while its
// vocabulary holds tens of thousands: a small cache indexed by the word's
// hash answers most lookups without locking the vocabulary or reaching
// into its large table. One table for all workers, not one per worker,
// keeps the index's memory, and so the collector's work, down.
func (a *analyser) termID(w []byte) int32 {
	if len(w) > maxASCII {
		return a.v.lookup(w)
	}
	var b [maxASCII]byte
	copy(b[:], w)
	lo, hi := binary.LittleEndian.Uint64(b[:8]), binary.LittleEndian.Uint64(b[8:])
	return a.packedID(lo, hi, len(w))
}

// asciiID is termID for text[i:j], a word of ASCII letters and digits of
// at most maxASCII bytes, not yet folded. It reads the word straight
// from text as two 64-bit words and folds it there: setting bit 5 of each
// byte lower-cases a letter and keeps a digit.
func (a *analyser) asciiID(text string, i, j int) int32 {
	n := j - i
	var lo, hi uint64
	if i+maxASCII <= len(text) {
		lo, hi = le64(text[i:]), le64(text[i+8:])
	} else {
		var b [maxASCII]byte
		copy(b[:], text[i:j])
		lo, hi = binary.LittleEndian.Uint64(b[:8]), binary.LittleEndian.Uint64(b[8:])
	}
	const fold = 0x2020202020202020
	switch {
	case n < 8:
		lo, hi = (lo|fold)&(1<<(8*n)-1), 0
	case n < 16:
		lo, hi = lo|fold, (hi|fold)&(1<<(8*(n-8))-1)
	default:
		lo, hi = lo|fold, hi|fold
	}
	return a.packedID(lo, hi, n)
}

// le64 reads s[:8] as a little-endian number; the compiler makes it one
// load.
func le64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// packedID returns the term id of the folded word of n bytes packed in lo
// and hi (see hotWord).
func (a *analyser) packedID(lo, hi uint64, n int) int32 {
	e := a.hotSlot(lo, hi, n)
	if e.lo == lo && e.hi == hi && int(e.n) == n {
		return e.id
	}
	var b [maxASCII]byte
	binary.LittleEndian.PutUint64(b[:8], lo)
	binary.LittleEndian.PutUint64(b[8:], hi)
	id := a.v.lookup(b[:n])
	*e = hotWord{lo: lo, hi: hi, id: id, n: uint8(n)}
	return id
}

// wordTable maps words to term ids, by their hash: open addressing over
// one array of words, so that a table of a whole site's vocabulary holds
// no pointers for the garbage collector to follow and a lookup needs no
// string.
type wordTable struct {
	slots []wordSlot
	words []byte
	count int
}

// wordSlot is an entry of a wordTable: the word is words[off : off+n], and
// n is 0 for an empty slot (words are never empty).
type wordSlot struct {
	hash, off, n uint32
	id           int32
}

func (t *wordTable) get(w []byte, h uint32) (int32, bool) {
	if len(t.slots) == 0 {
		return 0, false
	}
	mask := uint32(len(t.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		s := &t.slots[i]
		if s.n == 0 {
			return 0, false
		}
		if s.hash == h && int(s.n) == len(w) && string(t.words[s.off:s.off+s.n]) == string(w) {
			return s.id, true
		}
	}
}

// put adds a word that is not in the table.
func (t *wordTable) put(w []byte, h uint32, id int32) {
	if 2*(t.count+1) > len(t.slots) {
		old := t.slots
		t.slots = make([]wordSlot, max(2*len(old), 1024))
		for _, s := range old {
			if s.n != 0 {
				t.insert(s)
			}
		}
	}
	t.insert(wordSlot{hash: h, off: uint32(len(t.words)), n: uint32(len(w)), id: id})
	t.words = append(t.words, w...)
	t.count++
}

func (t *wordTable) insert(s wordSlot) {
	mask := uint32(len(t.slots) - 1)
	i := s.hash & mask
	for t.slots[i].n != 0 {
		i = (i + 1) & mask
	}
	t.slots[i] = s
}

func (a *analyser) freq(id int32) *freq {
	if int(id) >= len(a.slot) {
		a.slot = append(a.slot, make([]int32, max(int(id)+1, 2*len(a.slot))-len(a.slot))...)
	}
	s := a.slot[id]
	if s == 0 {
		a.tf = append(a.tf, freq{term: id})
		s = int32(len(a.tf))
		a.slot[id] = s
	}
	return &a.tf[s-1]
}

// synonyms gives the document the terms of the synonyms of its terms,
// one lookup per distinct term: a synonym counts as often, and in the
// same fields, as the words it stands for together, and is marked so that
// Finish scores it below the word itself. A term the document has of its
// own is left as it is.
func (a *analyser) synonyms() {
	n := len(a.tf)
	syn := a.v.syn
	for i := 0; i < n; i++ {
		t := a.tf[i].term
		if int(t) >= len(syn) || syn[t] == nil {
			continue
		}
		qs := syn[t]
		src := a.tf[i]
		for _, q := range qs {
			if int(q) < len(a.slot) && a.slot[q] != 0 && int(a.slot[q]) <= n {
				continue // the document has the word itself
			}
			a.ys = append(a.ys, synWord{q, t})
			f := a.freq(q)
			f.syn = true
			f.body += src.body
			f.boost += src.boost
			f.label |= src.label
		}
	}
}

// fieldSink and bodySink are an analyser taking the words of a field
// and of the body; see wordSink.
type (
	fieldSink analyser
	bodySink  analyser
)

func (k *fieldSink) word(w []byte, _ bool) { k.add((*analyser)(k).termID(w)) }

func (k *fieldSink) ascii(text string, i, j int) { k.add((*analyser)(k).asciiID(text, i, j)) }

func (k *fieldSink) add(id int32) {
	if id >= 0 {
		a := (*analyser)(k)
		f := a.freq(id)
		f.boost += a.weight
		f.label |= a.label
	}
}

func (k *bodySink) word(w []byte, _ bool) { k.add((*analyser)(k).termID(w)) }

func (k *bodySink) ascii(text string, i, j int) { k.add((*analyser)(k).asciiID(text, i, j)) }

func (k *bodySink) add(id int32) {
	if id >= 0 {
		a := (*analyser)(k)
		a.freq(id).body++
		a.body++
	}
}

func (a *analyser) fieldText(text string, weight float64, label uint16) {
	a.weight, a.label = int32(weight*boostScale), label
	a.scan.scan(text, (*fieldSink)(a))
}

// Analysis is a document analysed for the index: its terms with their
// frequencies and its fragment. It does not change once made: the
// development server adds the analysis of a page that did not change to
// each new index instead of analysing the page again.
type Analysis struct {
	vocab   *Vocabulary
	url     string
	kind    uint8
	date    time.Time
	bodyLen int32
	terms   docTerms
	frag    []byte
}

// Analyse tokenises doc and encodes its fragment, for an Indexer made
// with v. It is safe for concurrent use.
func (v *Vocabulary) Analyse(doc Doc) (*Analysis, error) {
	k := kindIndex(doc.Kind)
	switch {
	case !strings.HasPrefix(doc.URL, "/"):
		return nil, fmt.Errorf("search: document URL %q must start with \"/\"", doc.URL)
	case k < 0:
		return nil, fmt.Errorf("search: %s: unknown kind %q; use one of %s", doc.URL, doc.Kind, strings.Join(Kinds, ", "))
	}
	a := v.analyser()
	defer v.release(a)
	a.body, a.ys = 0, a.ys[:0]
	a.fieldText(doc.Title, weightTitle, exactBit)
	a.fieldText(doc.Description, weightDescription, 0)
	for _, s := range doc.Keywords {
		a.fieldText(s, weightKeyword, exactBit)
	}
	for _, s := range doc.Tags {
		a.fieldText(s, weightTag, labelBit)
	}
	for _, s := range doc.Sections {
		a.fieldText(s.Heading, weightHeading, labelBit)
		a.scan.scan(s.Text, (*bodySink)(a))
	}
	if len(v.syn) > 0 {
		a.synonyms()
	}
	an := &Analysis{vocab: v, url: doc.URL, kind: uint8(k), date: doc.Date, bodyLen: a.body}
	a.terms = a.terms[:0]
	for _, f := range a.tf {
		t := docTerm{term: uint32(f.term), body: uint16(min(f.body, synBit-1)), boost: uint16(min(f.boost, labelBit-1))}
		if f.syn {
			t.body |= synBit
		}
		if f.label&exactBit != 0 {
			t.boost |= exactBit
		} else {
			t.boost |= f.label
		}
		a.terms = a.terms.append(t)
		a.slot[f.term] = 0
	}
	an.terms = bytes.Clone(a.terms)
	a.tf = a.tf[:0]
	a.buf = appendFragment(a.buf[:0], &doc)
	a.buf = a.appendSynonyms(a.buf)
	an.frag = bytes.Clone(a.buf)
	return an, nil
}

// appendSynonyms adds to the fragment just appended to b its synonyms,
// as "y":[[[synonym, ...], term, ...], ...]: the synonyms the document
// has only as synonyms, in the order they were found, grouped by the
// terms of its words they stand for, which each group lists once
// ("cheap" and "affordable", both for "cost" and "price"; see Synonyms in
// the package doc).
func (a *analyser) appendSynonyms(b []byte) []byte {
	if len(a.ys) == 0 {
		return b
	}
	terms := a.v.synTerms
	syns := a.syns[:0] // the synonyms not yet written, in the order found
	for _, y := range a.ys {
		if !slices.Contains(syns, y.syn) {
			syns = append(syns, y.syn)
		}
	}
	b = append(b[:len(b)-1], `,"y":[`...)
	for first := true; len(syns) > 0; first = false {
		if !first {
			b = append(b, ',')
		}
		s := syns[0]
		b = append(b, `[[`...)
		b = appendJSONString(b, terms[s])
		rest := syns[:0]
		for _, q := range syns[1:] {
			if a.sameTerms(s, q) {
				b = append(b, ',')
				b = appendJSONString(b, terms[q])
			} else {
				rest = append(rest, q)
			}
		}
		syns = rest
		b = append(b, ']')
		for _, y := range a.ys {
			if y.syn == s {
				b = append(b, ',')
				b = appendJSONString(b, terms[y.term])
			}
		}
		b = append(b, ']')
	}
	a.syns = syns
	return append(b, "]}"...)
}

// sameTerms reports whether synonyms p and q stand for the same terms of
// the document, in the same order.
func (a *analyser) sameTerms(p, q int32) bool {
	ys := a.ys
	for i, j := 0, 0; ; i, j = i+1, j+1 {
		for i < len(ys) && ys[i].syn != p {
			i++
		}
		for j < len(ys) && ys[j].syn != q {
			j++
		}
		if i == len(ys) || j == len(ys) {
			return i == j
		}
		if ys[i].term != ys[j].term {
			return false
		}
	}
}

// appendFragment appends the fragment of doc, as json.Marshal would
// encode {"u":url, "t":title, "k":kind, "d":description, "g":tags,
// "w":keywords, "s":[[heading, anchor, level, text], ...]} with d, g and
// w left out when empty.
func appendFragment(b []byte, doc *Doc) []byte {
	b = append(b, `{"u":`...)
	b = appendJSONString(b, doc.URL)
	b = append(b, `,"t":`...)
	b = appendJSONString(b, doc.Title)
	b = append(b, `,"k":`...)
	b = appendJSONString(b, doc.Kind)
	if doc.Description != "" {
		b = append(b, `,"d":`...)
		b = appendJSONString(b, doc.Description)
	}
	list := func(name string, l []string) {
		if len(l) == 0 {
			return
		}
		b = append(b, name...)
		for i, s := range l {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, s)
		}
		b = append(b, ']')
	}
	list(`,"g":[`, doc.Tags)
	list(`,"w":[`, doc.Keywords)
	b = append(b, `,"s":[`...)
	for i, s := range doc.Sections {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '[')
		b = appendJSONString(b, s.Heading)
		b = append(b, ',')
		b = appendJSONString(b, s.Anchor)
		b = append(b, ',')
		b = strconv.AppendInt(b, int64(s.Level), 10)
		b = append(b, ',')
		b = appendJSONString(b, s.Text)
		b = append(b, ']')
	}
	return append(b, "]}"...)
}

// jsonSafe marks the ASCII bytes that json.Marshal writes as they are:
// not control characters, quotes, backslashes or <, >, &.
var jsonSafe = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return t
}()

// appendJSONString appends s as a JSON string, escaped exactly as
// json.Marshal escapes it (HTML characters, U+2028, U+2029 and invalid
// UTF-8 included), so the files are the same whichever writes them.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if jsonSafe[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += n
			continue
		}
		i += n
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// Add indexes doc, the caller's document number n. Callers number their
// documents 0, 1, 2, … in an order that does not change from build to build
// and call Skip for a number they will not add: fragments are packed in
// that order, so the packs are the same however calls interleave. Add
// returns the fragment packs (search/doc/<content hash>.json) that are
// complete, to be written now: the Indexer keeps only the terms, a few
// bytes per document and the fragments of the pack being filled. Add is
// safe for concurrent use.
func (ix *Indexer) Add(n int, doc Doc) ([]File, error) {
	a, err := ix.vocab.Analyse(doc)
	if err != nil {
		return nil, err
	}
	return ix.AddAnalysis(n, a)
}

// AddAnalysis is Add for a document already analysed with the Indexer's
// Vocabulary: nothing is tokenised or encoded again.
func (ix *Indexer) AddAnalysis(n int, a *Analysis) ([]File, error) {
	if a.vocab != ix.vocab {
		return nil, fmt.Errorf("search: %s: analysed with another vocabulary than the index's", a.url)
	}
	ix.mu.Lock()
	if ix.finished {
		ix.mu.Unlock()
		return nil, errors.New("search: Add called after Finish")
	}
	if ix.urls[a.url] {
		ix.mu.Unlock()
		return nil, fmt.Errorf("search: %s: two documents have this URL; each page must be added once", a.url)
	}
	if err := ix.number(n); err != nil {
		ix.mu.Unlock()
		return nil, fmt.Errorf("search: %s: %v", a.url, err)
	}
	ix.urls[a.url] = true
	seq := len(ix.docs)
	ix.docs = append(ix.docs, docMeta{url: a.url, kind: a.kind, date: a.date, bodyLen: a.bodyLen, terms: a.terms})
	ix.waiting[n] = pending{doc: seq, data: a.frag}
	full := ix.packReady()
	ix.mu.Unlock()
	return ix.name(full), nil
}

// Skip tells the Indexer that document number n will not be added, and
// returns the packs that completes.
func (ix *Indexer) Skip(n int) ([]File, error) {
	ix.mu.Lock()
	if err := ix.number(n); err != nil {
		ix.mu.Unlock()
		return nil, fmt.Errorf("search: skipping: %v", err)
	}
	ix.waiting[n] = pending{doc: -1}
	full := ix.packReady()
	ix.mu.Unlock()
	return ix.name(full), nil
}

// number checks a caller's document number; ix.mu is held.
func (ix *Indexer) number(n int) error {
	if ix.finished {
		return errors.New("Add called after Finish")
	}
	if n < 0 {
		return fmt.Errorf("document number %d is negative", n)
	}
	if _, dup := ix.waiting[n]; dup || n < ix.next {
		return fmt.Errorf("document number %d is used twice", n)
	}
	return nil
}

// fullPack is a closed pack waiting for its name.
type fullPack struct {
	number int
	data   []byte
}

// packReady moves the fragments that are next in order into packs and
// returns the packs that filled up; ix.mu is held.
func (ix *Indexer) packReady() []fullPack {
	var full []fullPack
	for {
		p, ok := ix.waiting[ix.next]
		if !ok {
			return full
		}
		delete(ix.waiting, ix.next)
		ix.next++
		if p.doc < 0 {
			continue
		}
		ix.pack = append(ix.pack, p.data)
		ix.packDocs = append(ix.packDocs, p.doc)
		ix.packSize += len(p.data)
		if ix.packSize >= packLimit {
			full = append(full, ix.closePack())
		}
	}
}

// closePack joins the pack being filled into a JSON array of fragments;
// ix.mu is held.
func (ix *Indexer) closePack() fullPack {
	data := make([]byte, 0, ix.packSize+len(ix.pack)+1)
	data = append(data, '[')
	for i, f := range ix.pack {
		if i > 0 {
			data = append(data, ',')
		}
		data = append(data, f...)
	}
	data = append(data, ']')
	number := len(ix.packNames)
	ix.packNames = append(ix.packNames, "")
	for i, d := range ix.packDocs {
		ix.docs[d].pack, ix.docs[d].packAt = int32(number), int32(i)
	}
	ix.pack, ix.packDocs, ix.packSize = ix.pack[:0], ix.packDocs[:0], 0
	ix.fragBytes += int64(len(data))
	return fullPack{number, data}
}

// name hashes full packs, outside the lock, and records their names.
func (ix *Indexer) name(full []fullPack) []File {
	if len(full) == 0 {
		return nil
	}
	files := make([]File, len(full))
	for i, p := range full {
		files[i] = File{Path: PackDir + hashName(p.data) + ".json", Data: p.data}
	}
	ix.mu.Lock()
	for i, p := range full {
		ix.packNames[p.number] = files[i].Path[len(PackDir) : len(files[i].Path)-len(".json")]
	}
	ix.mu.Unlock()
	return files
}

// hashName names a file by its content: 12 hex digits of its SHA-256.
func hashName(data []byte) string {
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:6])
}

// Finish computes the scores and returns the last fragment packs, the
// entry file, the shards and the document table. Documents cannot be added
// afterwards.
func (ix *Indexer) Finish() ([]File, Stats) {
	files, st, _ := ix.finish(nil)
	return files, st
}

// FinishContext is Finish, given up with ctx's error when ctx is done
// first (the development server stops an index that a newer build
// replaces).
func (ix *Indexer) FinishContext(ctx context.Context) ([]File, Stats, error) {
	return ix.finish(ctx.Done())
}

func stopped(stop <-chan struct{}) bool {
	select {
	case <-stop:
		return true
	default:
		return false
	}
}

func (ix *Indexer) finish(stop <-chan struct{}) ([]File, Stats, error) {
	ix.mu.Lock()
	ix.finished = true
	// Fragments still waiting (a number was neither added nor skipped)
	// are packed in order.
	var full []fullPack
	rest := make([]int, 0, len(ix.waiting))
	for n := range ix.waiting {
		rest = append(rest, n)
	}
	slices.Sort(rest)
	for _, n := range rest {
		ix.next = n
		full = append(full, ix.packReady()...)
	}
	if len(ix.pack) > 0 {
		full = append(full, ix.closePack())
	}
	ix.mu.Unlock()
	packs := ix.name(full)
	ix.mu.Lock()
	defer ix.mu.Unlock()
	st := Stats{Docs: len(ix.docs), FragmentBytes: ix.fragBytes}

	// Final ids: newest first, undated last, then by URL.
	docs := ix.docs
	order := make([]uint32, len(docs))
	for i := range order {
		order[i] = uint32(i)
	}
	slices.SortFunc(order, func(a, b uint32) int {
		da, db := &docs[a], &docs[b]
		if !da.date.Equal(db.date) {
			switch {
			case db.date.IsZero():
				return -1
			case da.date.IsZero():
				return 1
			}
			return db.date.Compare(da.date)
		}
		return strings.Compare(da.url, db.url)
	})
	// A body's length is weighed against the average of its peers, the
	// bodies of its own class: pages of prose (articles and other pages)
	// or entries made from data (books, practitioners, training courses,
	// each a class of its own). A practitioner's short profile that names
	// a word once is then no better a match for it than an article of
	// ordinary length that names it three times. Pages made from data
	// alone have no body and count for no average.
	lenSum, count := make([]float64, len(Kinds)), make([]float64, len(Kinds))
	for _, d := range docs {
		if d.bodyLen > 0 {
			lenSum[lengthClass(d.kind)] += float64(d.bodyLen)
			count[lengthClass(d.kind)]++
		}
	}
	avgLen := make([]float64, len(Kinds))
	for k := range avgLen {
		avgLen[k] = 1
		if count[k] > 0 {
			avgLen[k] = max(lenSum[k]/count[k], 1)
		}
	}
	norm := make([]float64, len(order))
	for i, seq := range order {
		d := &docs[seq]
		norm[i] = 1 - bm25b + bm25b*float64(d.bodyLen)/avgLen[lengthClass(d.kind)]
	}

	// The postings of each term, in id order: count, place, then fill
	// in one pass over the documents in id order.
	all := ix.vocab.snapshot()
	df := make([]int32, len(all))
	for i := range docs {
		for t := range docs[i].terms.all {
			df[t.term]++
		}
	}
	terms := make([]uint32, 0, len(all))
	for id, n := range df {
		switch {
		case n == 0:
		case len(all[id]) > MaxTerm:
			df[id] = 0 // left out, and its postings with it
		default:
			terms = append(terms, uint32(id))
		}
	}
	slices.SortFunc(terms, func(a, b uint32) int { return strings.Compare(all[a], all[b]) })
	at := make([]int, len(all)) // where each term's postings start, then fill
	total := 0
	for _, t := range terms {
		at[t] = total
		total += int(df[t])
	}
	st.Terms, st.Postings = len(terms), total
	if stopped(stop) {
		return nil, st, context.Canceled
	}
	flat := make([]posting, total)
	for i, seq := range order {
		if i%256 == 0 && stopped(stop) {
			return nil, st, context.Canceled
		}
		for t := range docs[seq].terms.all {
			if df[t.term] == 0 {
				continue // a term longer than MaxTerm
			}
			flat[at[t.term]] = posting{doc: uint32(i), body: t.body, boost: t.boost}
			at[t.term]++
		}
	}

	// Scores: computed once for the highest, again when written.
	n := float64(len(docs))
	idf := func(t uint32) float64 {
		df := float64(df[t])
		return math.Log(1 + (n-df+0.5)/(df+0.5))
	}
	score := func(p posting, idf float64) float64 {
		w := float64(p.boost&^(exactBit|labelBit))/boostScale + float64(p.body&^synBit)/norm[p.doc]
		s := (k1 + 1) * w / (w + k1)
		switch {
		case p.boost&exactBit != 0:
			s += bonusExact
		case p.boost&labelBit != 0:
			s += bonusLabel
		}
		if p.body&synBit != 0 {
			s *= synonymWeight
		}
		return idf * s
	}
	maxScore := 0.0
	for _, t := range terms {
		f := idf(t)
		for _, p := range flat[at[t]-int(df[t]) : at[t]] {
			maxScore = max(maxScore, score(p, f))
		}
	}

	// Shards: consecutive ranges of the sorted terms, about shardLimit
	// bytes each. A shard is named in the entry by a separator: the
	// shortest prefix of its first term that sorts after the last term of
	// the shard before.
	var shards [][]byte
	seps := []string{}
	b := make([]byte, 0, shardLimit+shardLimit/4)
	prevTerm := ""
	var qs []int // the quantised scores of one term's postings
	for j, id := range terms {
		if j%1024 == 0 && stopped(stop) {
			return nil, st, context.Canceled
		}
		t := all[id]
		ps := flat[at[id]-int(df[id]) : at[id]]
		if len(b) > 0 && len(b)+len(t)+6*len(ps) > shardLimit {
			shards = append(shards, append(b, '}'))
			b = make([]byte, 0, shardLimit+shardLimit/4)
		}
		if len(b) == 0 {
			b = append(b, '{')
			seps = append(seps, separator(prevTerm, t, len(shards) == 0))
		} else {
			b = append(b, ',')
		}
		prevTerm = t
		b = appendJSONString(b, t)
		b = append(b, ":["...)
		f := idf(id)
		// A synonym scores below every document that has the word itself.
		qs = qs[:0]
		synMax := 255
		for _, p := range ps {
			q := max(1, int(math.Round(255*score(p, f)/maxScore)))
			qs = append(qs, q)
			if p.body&synBit == 0 {
				synMax = min(synMax, q-1)
			}
		}
		prev := uint32(0)
		for k, p := range ps {
			if k > 0 {
				b = append(b, ',')
			}
			q := qs[k]
			if p.body&synBit != 0 {
				q = max(1, min(q, synMax))
			}
			b = strconv.AppendUint(b, uint64(p.doc-prev), 10)
			b = append(b, ',')
			b = strconv.AppendInt(b, int64(q), 10)
			prev = p.doc
		}
		b = append(b, ']')
	}
	if len(b) > 0 {
		shards = append(shards, append(b, '}'))
	}
	st.Shards = len(shards)

	// Document table.
	var chunks [][]byte
	for lo := 0; lo < len(order); lo += chunkSize {
		c := []byte{'['}
		for i, seq := range order[lo:min(lo+chunkSize, len(order))] {
			if i > 0 {
				c = append(c, ',')
			}
			c = appendJSONString(c, ix.packNames[docs[seq].pack])
			c = append(c, ',')
			c = strconv.AppendInt(c, int64(docs[seq].packAt), 10)
		}
		c = append(c, ']')
		chunks = append(chunks, c)
		st.ChunkBytes += int64(len(c))
	}
	st.DocChunks = len(chunks)

	// The version names the directory of shards and chunks: a hash of
	// all of them, so a new build never mixes with cached files.
	h := sha256.New()
	for _, d := range slices.Concat(shards, chunks) {
		h.Write(d)
		h.Write([]byte{0})
	}
	version := hex.EncodeToString(h.Sum(nil)[:6])
	files := make([]File, 0, 1+len(shards)+len(chunks))
	files = append(files, File{})
	for i, d := range shards {
		files = append(files, File{Path: fmt.Sprintf("%s%s/s%d.json", VersionDir, version, i), Data: d})
		st.ShardBytes += int64(len(d))
	}
	for i, d := range chunks {
		files = append(files, File{Path: fmt.Sprintf("%s%s/t%d.json", VersionDir, version, i), Data: d})
	}

	// Kinds as runs: kind index, count, ...
	runs := []int{}
	for _, seq := range order {
		k := int(docs[seq].kind)
		if len(runs) > 0 && runs[len(runs)-2] == k {
			runs[len(runs)-1]++
		} else {
			runs = append(runs, k, 1)
		}
	}
	entry, _ := json.Marshal(struct {
		Format    int      `json:"format"`
		Docs      int      `json:"docs"`
		Kinds     []string `json:"kinds"`
		KindRuns  []int    `json:"kindRuns"`
		ChunkSize int      `json:"chunkSize"`
		Version   string   `json:"version"`
		Chunks    int      `json:"chunks"`
		Shards    []string `json:"shards"`
	}{1, len(order), Kinds, runs, chunkSize, version, len(chunks), seps})
	st.EntryBytes = int64(len(entry))
	files[0] = File{Path: EntryPath, Data: entry}
	return append(packs, files...), st, nil
}

// MaxTerm is the length in bytes of the longest term the index keeps.
const MaxTerm = 64

// separator returns the shortest prefix of t that sorts after prev ("" for
// the first shard).
func separator(prev, t string, first bool) string {
	if first {
		return ""
	}
	for i := range t {
		if i > 0 && t[:i] > prev {
			return t[:i]
		}
	}
	return t
}
