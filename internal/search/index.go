package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
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
	// postcode district, modalities, authors, ISBN...
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
	k1                = 1.2
	bm25b             = 0.75
	boostScale        = 4 // fixed-point scale of posting.boost

	// EntryPath is the entry file the client loads first.
	EntryPath = "search/index.json"
	// chunkSize is the number of documents per document-table chunk.
	chunkSize = 64
	// shardLimit is the estimated size in bytes above which a shard is
	// split by the next character of its prefix.
	shardLimit = 24 << 10
	// packLimit is the size in bytes at which a fragment pack is closed:
	// a pack holds one long article or several short documents.
	packLimit = 12 << 10
)

type posting struct {
	seq   uint32 // arrival order, remapped to the final id in Finish
	body  uint16 // term frequency in the body (section text)
	boost uint16 // weighted frequency in the other fields × boostScale, | exactBit
}

// exactBit marks a posting whose term is in the title or the keywords.
const exactBit = 1 << 15

type docMeta struct {
	url     string
	kind    uint8
	date    time.Time
	pack    string // fragment pack name, the hash part of search/doc/<pack>.json
	packAt  int    // the document's place in its pack
	bodyLen int32
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
	mu        sync.Mutex
	docs      []docMeta
	urls      map[string]bool
	postings  map[string][]posting
	fragBytes int64
	finished  bool
	terms     [64]termCache // folded word → term, by hash of the word

	// Packing: fragments are packed in the callers' numbering, whatever
	// order they arrive in. next is the next number to pack, waiting the
	// ones that arrived early, pack the one being filled.
	next     int
	waiting  map[int]pending
	pack     [][]byte
	packDocs []int
	packSize int
}

type termCache struct {
	sync.RWMutex
	m map[string]string
}

// termOf returns the term of a folded word, computed once per distinct
// word; the lookup does not allocate.
func (ix *Indexer) termOf(w []byte) string {
	h := uint32(2166136261)
	for _, c := range w {
		h = (h ^ uint32(c)) * 16777619
	}
	c := &ix.terms[h%uint32(len(ix.terms))]
	c.RLock()
	t, ok := c.m[string(w)]
	c.RUnlock()
	if ok {
		return t
	}
	t = term(string(w), Stem)
	c.Lock()
	if c.m == nil {
		c.m = map[string]string{}
	}
	c.m[string(w)] = t
	c.Unlock()
	return t
}

// NewIndexer returns an empty Indexer.
func NewIndexer() *Indexer {
	return &Indexer{urls: map[string]bool{}, postings: map[string][]posting{}, waiting: map[int]pending{}}
}

func kindIndex(k string) int {
	for i, x := range Kinds {
		if x == k {
			return i
		}
	}
	return -1
}

// fragment is the per-document file the client loads to show a result.
type fragment struct {
	URL         string   `json:"u"`
	Title       string   `json:"t"`
	Kind        string   `json:"k"`
	Description string   `json:"d,omitempty"`
	Tags        []string `json:"g,omitempty"`
	Keywords    []string `json:"w,omitempty"`
	Sections    [][4]any `json:"s"` // heading, anchor, level, text
}

// Add indexes doc, the caller's document number n. Callers number their
// documents 0, 1, 2, … in an order that does not change from build to build
// and call Skip for a number they will not add: fragments are packed in
// that order, so the packs are the same however calls interleave. Add
// returns the fragment packs (search/doc/<content hash>.json) that are
// complete, to be written now: the Indexer keeps only the postings, a few
// bytes per document and the fragments of the pack being filled. Add is
// safe for concurrent use.
func (ix *Indexer) Add(n int, doc Doc) ([]File, error) {
	k := kindIndex(doc.Kind)
	switch {
	case !strings.HasPrefix(doc.URL, "/"):
		return nil, fmt.Errorf("search: document URL %q must start with \"/\"", doc.URL)
	case k < 0:
		return nil, fmt.Errorf("search: %s: unknown kind %q; use one of %s", doc.URL, doc.Kind, strings.Join(Kinds, ", "))
	}
	type freq struct {
		body  int
		boost float64
		exact bool
	}
	tf := map[string]*freq{}
	get := func(t string) *freq {
		f := tf[t]
		if f == nil {
			f = &freq{}
			tf[t] = f
		}
		return f
	}
	var toks []Token
	field := func(text string, w float64, exact bool) {
		for _, t := range appendTokens(toks[:0], text, ix.termOf) {
			f := get(t.Term)
			f.boost += w
			f.exact = f.exact || exact
		}
	}
	field(doc.Title, weightTitle, true)
	field(doc.Description, weightDescription, false)
	for _, s := range doc.Keywords {
		field(s, weightKeyword, true)
	}
	for _, s := range doc.Tags {
		field(s, weightTag, false)
	}
	frag := fragment{URL: doc.URL, Title: doc.Title, Kind: doc.Kind, Description: doc.Description,
		Tags: doc.Tags, Keywords: doc.Keywords, Sections: make([][4]any, 0, len(doc.Sections))}
	bodyLen := 0
	for _, s := range doc.Sections {
		field(s.Heading, weightHeading, false)
		for _, t := range appendTokens(toks[:0], s.Text, ix.termOf) {
			get(t.Term).body++
			bodyLen++
		}
		frag.Sections = append(frag.Sections, [4]any{s.Heading, s.Anchor, s.Level, s.Text})
	}
	data, err := json.Marshal(frag)
	if err != nil {
		return nil, fmt.Errorf("search: %s: %v", doc.URL, err)
	}
	terms := make([]string, 0, len(tf))
	for t := range tf {
		terms = append(terms, t)
	}

	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.finished {
		return nil, errors.New("search: Add called after Finish")
	}
	if ix.urls[doc.URL] {
		return nil, fmt.Errorf("search: %s: two documents have this URL; each page must be added once", doc.URL)
	}
	if err := ix.number(n); err != nil {
		return nil, fmt.Errorf("search: %s: %v", doc.URL, err)
	}
	ix.urls[doc.URL] = true
	seq := uint32(len(ix.docs))
	ix.docs = append(ix.docs, docMeta{url: doc.URL, kind: uint8(k), date: doc.Date, bodyLen: int32(bodyLen)})
	for _, t := range terms {
		f := tf[t]
		p := posting{seq: seq, body: uint16(min(f.body, math.MaxUint16)), boost: uint16(min(f.boost*boostScale, exactBit-1))}
		if f.exact {
			p.boost |= exactBit
		}
		ix.postings[t] = append(ix.postings[t], p)
	}
	ix.waiting[n] = pending{doc: int(seq), data: data}
	return ix.packReady(), nil
}

// Skip tells the Indexer that document number n will not be added, and
// returns the packs that completes.
func (ix *Indexer) Skip(n int) ([]File, error) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if err := ix.number(n); err != nil {
		return nil, fmt.Errorf("search: skipping: %v", err)
	}
	ix.waiting[n] = pending{doc: -1}
	return ix.packReady(), nil
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

// packReady moves the fragments that are next in order into packs and
// returns the packs that filled up; ix.mu is held.
func (ix *Indexer) packReady() []File {
	var files []File
	for {
		p, ok := ix.waiting[ix.next]
		if !ok {
			return files
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
			files = append(files, ix.closePack())
		}
	}
}

// closePack writes the pack being filled as a JSON array of fragments;
// ix.mu is held.
func (ix *Indexer) closePack() File {
	data := make([]byte, 0, ix.packSize+len(ix.pack)+1)
	data = append(data, '[')
	for i, f := range ix.pack {
		if i > 0 {
			data = append(data, ',')
		}
		data = append(data, f...)
	}
	data = append(data, ']')
	name := hashName(data)
	for i, d := range ix.packDocs {
		ix.docs[d].pack, ix.docs[d].packAt = name, i
	}
	ix.pack, ix.packDocs, ix.packSize = ix.pack[:0], ix.packDocs[:0], 0
	ix.fragBytes += int64(len(data))
	return File{Path: "search/doc/" + name + ".json", Data: data}
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
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.finished = true
	// Fragments still waiting (a number was neither added nor skipped)
	// are packed in order.
	var packs []File
	rest := make([]int, 0, len(ix.waiting))
	for n := range ix.waiting {
		rest = append(rest, n)
	}
	sort.Ints(rest)
	for _, n := range rest {
		ix.next = n
		packs = append(packs, ix.packReady()...)
	}
	if len(ix.pack) > 0 {
		packs = append(packs, ix.closePack())
	}
	st := Stats{Docs: len(ix.docs), Terms: len(ix.postings), FragmentBytes: ix.fragBytes}

	// Final ids: newest first, undated last, then by URL.
	order := make([]uint32, len(ix.docs))
	for i := range order {
		order[i] = uint32(i)
	}
	sort.Slice(order, func(a, b int) bool {
		da, db := ix.docs[order[a]], ix.docs[order[b]]
		if !da.date.Equal(db.date) {
			if da.date.IsZero() || db.date.IsZero() {
				return db.date.IsZero()
			}
			return da.date.After(db.date)
		}
		return da.url < db.url
	})
	id := make([]uint32, len(ix.docs))
	for i, seq := range order {
		id[seq] = uint32(i)
	}
	avgLen := 1.0
	if len(ix.docs) > 0 {
		total := 0.0
		for _, d := range ix.docs {
			total += float64(d.bodyLen)
		}
		avgLen = max(total/float64(len(ix.docs)), 1)
	}

	// Scores.
	terms := make([]string, 0, len(ix.postings))
	for t := range ix.postings {
		terms = append(terms, t)
	}
	sort.Strings(terms)
	n := float64(len(ix.docs))
	scores := make(map[string][]float64, len(terms))
	maxScore := 0.0
	for _, t := range terms {
		ps := ix.postings[t]
		st.Postings += len(ps)
		sort.Slice(ps, func(a, b int) bool { return id[ps[a].seq] < id[ps[b].seq] })
		df := float64(len(ps))
		idf := math.Log(1 + (n-df+0.5)/(df+0.5))
		sc := make([]float64, len(ps))
		for i, p := range ps {
			norm := 1 - bm25b + bm25b*float64(ix.docs[p.seq].bodyLen)/avgLen
			w := float64(p.boost&^exactBit)/boostScale + float64(p.body)/norm
			s := (k1 + 1) * w / (w + k1)
			if p.boost&exactBit != 0 {
				s += bonusExact
			}
			sc[i] = idf * s
			maxScore = max(maxScore, sc[i])
		}
		scores[t] = sc
	}

	// Shards: consecutive ranges of the sorted terms, about shardLimit
	// bytes each. A shard is named in the entry by a separator: the
	// shortest prefix of its first term that sorts after the last term of
	// the shard before.
	var shards [][]byte
	seps := []string{}
	var b bytes.Buffer
	prevTerm := ""
	for _, t := range terms {
		ps := ix.postings[t]
		if b.Len() > 0 && b.Len()+len(t)+6*len(ps) > shardLimit {
			b.WriteByte('}')
			shards = append(shards, bytes.Clone(b.Bytes()))
			b.Reset()
		}
		if b.Len() == 0 {
			b.WriteByte('{')
			seps = append(seps, separator(prevTerm, t, len(shards) == 0))
		} else {
			b.WriteByte(',')
		}
		prevTerm = t
		writeJSONString(&b, t)
		b.WriteString(":[")
		prev := uint32(0)
		for j, p := range ps {
			if j > 0 {
				b.WriteByte(',')
			}
			d := id[p.seq]
			q := max(1, int(math.Round(255*scores[t][j]/maxScore)))
			b.WriteString(strconv.Itoa(int(d - prev)))
			b.WriteByte(',')
			b.WriteString(strconv.Itoa(q))
			prev = d
		}
		b.WriteByte(']')
	}
	if b.Len() > 0 {
		b.WriteByte('}')
		shards = append(shards, bytes.Clone(b.Bytes()))
	}
	st.Shards = len(shards)

	// Document table.
	var chunks [][]byte
	for lo := 0; lo < len(order); lo += chunkSize {
		places := make([]any, 0, 2*chunkSize)
		for _, seq := range order[lo:min(lo+chunkSize, len(order))] {
			places = append(places, ix.docs[seq].pack, ix.docs[seq].packAt)
		}
		data, _ := json.Marshal(places)
		chunks = append(chunks, data)
		st.ChunkBytes += int64(len(data))
	}
	st.DocChunks = len(chunks)

	// The version names the directory of shards and chunks: a hash of
	// all of them, so a new build never mixes with cached files.
	h := sha256.New()
	for _, d := range append(shards, chunks...) {
		h.Write(d)
		h.Write([]byte{0})
	}
	version := hex.EncodeToString(h.Sum(nil)[:6])
	var files []File
	for i, d := range shards {
		files = append(files, File{Path: fmt.Sprintf("search/%s/s%d.json", version, i), Data: d})
		st.ShardBytes += int64(len(d))
	}
	for i, d := range chunks {
		files = append(files, File{Path: fmt.Sprintf("search/%s/t%d.json", version, i), Data: d})
	}

	// Kinds as runs: kind index, count, ...
	runs := []int{}
	for _, seq := range order {
		k := int(ix.docs[seq].kind)
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
	files = append([]File{{Path: EntryPath, Data: entry}}, files...)
	return append(packs, files...), st
}

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

func writeJSONString(b *bytes.Buffer, s string) {
	data, _ := json.Marshal(s)
	b.Write(data)
}
