package search

import (
	"bytes"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"sitegen/internal/minify"
)

var measure = flag.Bool("measure", false, "build a synthetic index of 10,000 articles and 10,000 practitioners and report transfer sizes, build cost and query latency")

// measureQueries are realistic queries on the synthetic site: common
// words, several words, prefixes as typed, typos, a quoted phrase, a
// registration number, a practitioner's name and town; "kind:" runs the
// query limited to practitioners.
var measureQueries = []string{"certification", "therapy", "cranial rhythm", "gentle touch session",
	"certifica", "th", "certfication", "theraphy", `"cranial rhythm"`, "CST-004321", "maren kalotte", "pennwick",
	"kind:certification"}

// TestMeasure reports, for a synthetic site of 10,000 articles of about
// 1,000 words and 10,000 practitioners, the index build time and memory,
// what the browser downloads for the first query of each of
// measureQueries and the query latency on loaded shards, p50 and p95 (see
// measure.mjs). Run:
//
//	go test ./internal/search/ -run TestMeasure -measure -v
func TestMeasure(t *testing.T) {
	if !*measure {
		t.Skip("run with -measure")
	}
	docs := append(syntheticDocs(10000, 1000), syntheticPractitioners(10000)...)
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	dir := t.TempDir()
	ix := NewIndexer()
	var fragBytes int64
	var mu sync.Mutex
	start := time.Now()
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(docs); i += workers {
				fs, err := ix.Add(i, docs[i])
				if err != nil {
					t.Error(err)
				}
				mu.Lock()
				for _, f := range fs {
					fragBytes += int64(len(f.Data))
				}
				mu.Unlock()
				writeSite(t, dir, fs)
			}
		}()
	}
	wg.Wait()
	added := time.Since(start)
	runtime.GC()
	runtime.ReadMemStats(&after)
	retained := int64(after.HeapAlloc) - int64(before.HeapAlloc)
	runtime.KeepAlive(docs)
	t0 := time.Now()
	fs, st := ix.Finish()
	finished := time.Since(t0)
	var end runtime.MemStats
	runtime.ReadMemStats(&end)
	writeSite(t, dir, fs)
	t.Logf("build: %d docs, Add %v on %d goroutines (%.0f µs/doc of CPU), Finish %v; Indexer heap after Add %.1f MB; fragments handed back %.1f MB; total allocated %.0f MB",
		st.Docs, added.Round(time.Millisecond), workers, float64(added.Microseconds())*float64(workers)/float64(st.Docs),
		finished.Round(time.Millisecond), float64(retained)/1e6, float64(fragBytes)/1e6, float64(end.TotalAlloc-before.TotalAlloc)/1e6)
	t.Logf("index: %+v", st)
	node := nodeOrSkip(t)
	// The client code is measured as published: minified by the build's
	// minifier.
	client := t.TempDir()
	min := minify.New()
	for _, name := range []string{"search.js", "search-engine.js", "search-normalize.js", "match.js"} {
		src, err := os.ReadFile(filepath.Join("..", "..", "static", "js", name))
		if err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		out, err := min.Bytes(&buf, minify.Type(name), src)
		if err != nil {
			t.Fatalf("minifying %s: %v", name, err)
		}
		writeSite(t, client, []File{{name, out}})
	}
	cmd := exec.Command(node, append([]string{"measure.mjs", dir}, measureQueries...)...)
	cmd.Env = append(os.Environ(), "MEASURE_CLIENT="+client)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("browser:\n%s", out)
}

// syntheticPractitioners generates n directory entries shaped like the
// site's practitioner pages: an invented name, a town and its postcode
// district, a registration number CST-000001 up, modalities and a short
// biography. Entry 4320 (CST-004321) is Maren Kalotte of Pennwick.
func syntheticPractitioners(n int) []Doc {
	rng := rand.New(rand.NewPCG(3, 4))
	syll := []string{"ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "bel", "dor", "wen", "ash", "thorn", "mere", "wick", "by"}
	name := func(k int) string {
		var b strings.Builder
		for range k {
			b.WriteString(syll[rng.IntN(len(syll))])
		}
		s := b.String()
		return strings.ToUpper(s[:1]) + s[1:]
	}
	towns := make([]string, 300)
	for i := range towns {
		towns[i] = name(2 + rng.IntN(2))
	}
	modalities := []string{"Craniosacral therapy", "Massage", "Reiki", "Osteopathy", "Reflexology", "Aromatherapy"}
	body := []string{"has practised craniosacral therapy", "offers gentle sessions for babies and children",
		"works with clients after injuries", "trained at a registered school", "teaches anatomy and touch",
		"holds certification from the association", "sees clients in pregnancy", "visits clients at home"}
	docs := make([]Doc, n)
	for i := range docs {
		first, last := name(2), name(2+rng.IntN(2))
		town := towns[rng.IntN(len(towns))]
		if i == 4320 {
			first, last, town = "Maren", "Kalotte", "Pennwick"
		}
		reg := fmt.Sprintf("CST-%06d", i+1)
		district := fmt.Sprintf("%c%c%d", 'A'+rune(rng.IntN(26)), 'A'+rune(rng.IntN(26)), 1+rng.IntN(30))
		var text []string
		for range 4 + rng.IntN(4) {
			text = append(text, first+" "+body[rng.IntN(len(body))]+" in "+town+".")
		}
		docs[i] = Doc{URL: "/practitioners/" + strings.ToLower(first+"-"+last) + fmt.Sprintf("-%d/", i), Kind: "practitioner",
			Title:       first + " " + last,
			Description: "Registered practitioner in " + town + ". Registration " + reg + ".",
			Keywords:    []string{reg, town, district, modalities[rng.IntN(len(modalities))], modalities[rng.IntN(len(modalities))]},
			Sections:    []Section{{Text: strings.Join(text, " ")}}}
	}
	return docs
}
