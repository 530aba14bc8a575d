package search

import (
	"flag"
	"os"
	"os/exec"
	"runtime"
	"sync"
	"testing"
	"time"
)

var measure = flag.Bool("measure", false, "build a synthetic 10,000-article index and report transfer sizes, build cost and query latency")

// TestMeasure reports, for a synthetic site of 10,000 articles of about
// 1,000 words, the index build time and memory and what the browser
// downloads for the first query of a common word (see measure.mjs). Run:
//
//	go test ./internal/search/ -run TestMeasure -measure -v
func TestMeasure(t *testing.T) {
	if !*measure {
		t.Skip("run with -measure")
	}
	docs := syntheticDocs(10000, 1000)
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
	cmd := exec.Command(node, "measure.mjs", dir, "certification", "therapy", "cranial rhythm", "certifica")
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("browser:\n%s", out)
}
