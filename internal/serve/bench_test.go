package serve

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// BenchmarkSaveToReload measures, on a large site, the time from saving
// one article (a body edit, written in place) to the browser being told to
// reload, through the real watcher and event stream. It reports the
// median as ms/reload.
//
// The site is SITEGEN_BENCH_SITE, a site root such as one made by
// `go run ./cmd/gencorpus -site -articles 10000 -out DIR` (the generated
// articles with this repository's site.yaml, layouts/ and static/, so
// search is on); without it the benchmark is skipped.
func BenchmarkSaveToReload(b *testing.B) {
	src := os.Getenv("SITEGEN_BENCH_SITE")
	if src == "" {
		b.Skip("set SITEGEN_BENCH_SITE to a site root (go run ./cmd/gencorpus -site -out DIR) to measure")
	}
	ents, err := os.ReadDir(filepath.Join(src, "content", "articles"))
	if err != nil {
		b.Fatal(err)
	}
	var article string
	for _, e := range ents {
		if strings.HasSuffix(e.Name(), ".md") && !strings.HasPrefix(e.Name(), "_") {
			article = filepath.Join(src, "content", "articles", e.Name())
			break
		}
	}
	orig, err := os.ReadFile(article)
	if err != nil {
		b.Fatal(err)
	}
	defer os.WriteFile(article, orig, 0o644)
	t0 := time.Now()
	ts := start(b, src)
	b.Logf("first build and start: %s, %d articles", time.Since(t0).Round(time.Millisecond), len(ents))
	ev := ts.listen()
	var times []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		text := string(orig) + fmt.Sprintf("\nEdit number %d.\n", i)
		t := time.Now()
		if err := os.WriteFile(article, []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
		ev.until("reload")
		times = append(times, time.Since(t))
	}
	b.StopTimer()
	if os.Getenv("SITEGEN_BENCH_LOG") != "" {
		b.Log(ts.log.String())
	}
	slices.Sort(times)
	med := times[len(times)/2]
	b.ReportMetric(float64(med.Microseconds())/1000, "ms/reload(median)")
	b.ReportMetric(0, "ns/op")
}
