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
)

type posting struct {
	seq   uint32 // arrival order, remapped to the final id in Finish
	body  uint16 // term frequency in the body (section text)
	boost uint16 // weighted frequency in the other fields, × boostScale
	exact bool   // the term is in the title or the keywords
}

type docMeta struct {
	url     string
	kind    uint8
	date    time.Time
	frag    string // fragment file name, relative to search/
	bodyLen int32
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
}

// NewIndexer returns an empty Indexer.
func NewIndexer() *Indexer {
	return &Indexer{urls: map[string]bool{}, postings: map[string][]posting{}}
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

// Add indexes doc and returns its fragment file
// (search/doc/<content hash>.json), to be written now: the Indexer keeps
// only the postings and a few bytes per document. Add is safe for
// concurrent use; the order of calls does not change the output.
func (ix *Indexer) Add(doc Doc) ([]File, error) {
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
	field := func(text string, w float64, exact bool) {
		for _, t := range Tokens(text) {
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
		for _, t := range Tokens(s.Text) {
			get(t.Term).body++
			bodyLen++
		}
		frag.Sections = append(frag.Sections, [4]any{s.Heading, s.Anchor, s.Level, s.Text})
	}
	data, err := json.Marshal(frag)
	if err != nil {
		return nil, fmt.Errorf("search: %s: %v", doc.URL, err)
	}
	name := "doc/" + hashName(data)
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
	ix.urls[doc.URL] = true
	seq := uint32(len(ix.docs))
	ix.docs = append(ix.docs, docMeta{url: doc.URL, kind: uint8(k), date: doc.Date, frag: name, bodyLen: int32(bodyLen)})
	for _, t := range terms {
		f := tf[t]
		ix.postings[t] = append(ix.postings[t], posting{seq: seq, body: uint16(min(f.body, math.MaxUint16)),
			boost: uint16(min(f.boost*boostScale, math.MaxUint16)), exact: f.exact})
	}
	ix.fragBytes += int64(len(data))
	return []File{{Path: "search/" + name, Data: data}}, nil
}

// hashName names a file by its content: 12 hex digits of its SHA-256.
func hashName(data []byte) string {
	h := sha256.Sum256(data)
	return hex.EncodeToString(h[:6]) + ".json"
}

// Finish computes the scores and returns the entry file, the shards and the
// document table. Documents cannot be added afterwards.
func (ix *Indexer) Finish() ([]File, Stats) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.finished = true
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
			w := float64(p.boost)/boostScale + float64(p.body)/norm
			s := (k1 + 1) * w / (w + k1)
			if p.exact {
				s += bonusExact
			}
			sc[i] = idf * s
			maxScore = max(maxScore, sc[i])
		}
		scores[t] = sc
	}

	// Shards.
	var files []File
	shardList := []string{}
	var emit func(prefix []rune, ts []string)
	emitShard := func(prefix string, ts []string) {
		var b bytes.Buffer
		b.WriteByte('{')
		for i, t := range ts {
			if i > 0 {
				b.WriteByte(',')
			}
			writeJSONString(&b, t)
			b.WriteString(":[")
			prev := uint32(0)
			for j, p := range ix.postings[t] {
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
		b.WriteByte('}')
		name := "s-" + hashName(b.Bytes())
		files = append(files, File{Path: "search/" + name, Data: b.Bytes()})
		st.ShardBytes += int64(b.Len())
		shardList = append(shardList, prefix, name)
	}
	estimate := func(ts []string) int {
		s := 0
		for _, t := range ts {
			s += len(t) + 4 + 6*len(ix.postings[t])
		}
		return s
	}
	emit = func(prefix []rune, ts []string) {
		if len(ts) == 0 {
			return
		}
		if estimate(ts) <= shardLimit || (len(ts) == 1 && utf8.RuneCountInString(ts[0]) == len(prefix)) {
			emitShard(string(prefix), ts)
			return
		}
		// Split by the next character; a term equal to the prefix stays in
		// a shard of its own with that prefix.
		var self []string
		i := 0
		for i < len(ts) && utf8.RuneCountInString(ts[i]) == len(prefix) {
			self = append(self, ts[i])
			i++
		}
		if len(self) > 0 {
			emitShard(string(prefix), self)
		}
		for i < len(ts) {
			next := []rune(ts[i])[:len(prefix)+1]
			j := i
			for j < len(ts) && strings.HasPrefix(ts[j], string(next)) {
				j++
			}
			emit(next, ts[i:j])
			i = j
		}
	}
	// Terms sorted by bytes are grouped by any prefix, and a term equal to
	// a prefix sorts before the terms it prefixes.
	emit(nil, terms)
	st.Shards = len(shardList) / 2

	// Document table.
	chunks := []string{}
	for lo := 0; lo < len(order); lo += chunkSize {
		names := make([]string, 0, chunkSize)
		for _, seq := range order[lo:min(lo+chunkSize, len(order))] {
			names = append(names, strings.TrimSuffix(strings.TrimPrefix(ix.docs[seq].frag, "doc/"), ".json"))
		}
		data, _ := json.Marshal(names)
		name := "t-" + hashName(data)
		files = append(files, File{Path: "search/" + name, Data: data})
		st.ChunkBytes += int64(len(data))
		chunks = append(chunks, name)
	}
	st.DocChunks = len(chunks)

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
		Chunks    []string `json:"chunks"`
		Shards    []string `json:"shards"`
	}{1, len(order), Kinds, runs, chunkSize, chunks, shardList})
	st.EntryBytes = int64(len(entry))
	files = append([]File{{Path: EntryPath, Data: entry}}, files...)
	return files, st
}

func writeJSONString(b *bytes.Buffer, s string) {
	data, _ := json.Marshal(s)
	b.Write(data)
}
