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

// BenchmarkSaveToReload measures, on a large site, the time from saving a
// file (written in place) to the browser being told to reload, through the
// real watcher and event stream:
//
//   - article: one article's body edited; reports the median as
//     ms/reload(median);
//   - layout: the page layout edited, so that every article is rendered
//     again; reports the median and, as layout/full, its ratio to the
//     server's first build of the same site (a full build, in memory).
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
	t0 := time.Now()
	ts := start(b, src)
	full := time.Since(t0)
	b.Logf("first build and start: %s, %d articles", full.Round(time.Millisecond), len(ents))
	ev := ts.listen()

	// edit saves a file N times with a different line appended each time
	// and returns the median time to the reload event.
	edit := func(b *testing.B, file, line string) time.Duration {
		orig, err := os.ReadFile(file)
		if err != nil {
			b.Fatal(err)
		}
		defer func() {
			if err := os.WriteFile(file, orig, 0o644); err != nil {
				b.Fatal(err)
			}
			ev.until("reload")
		}()
		var times []time.Duration
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			text := string(orig) + fmt.Sprintf(line, i)
			t := time.Now()
			if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
				b.Fatal(err)
			}
			ev.until("reload")
			times = append(times, time.Since(t))
		}
		b.StopTimer()
		slices.Sort(times)
		return times[len(times)/2]
	}
	b.Run("article", func(b *testing.B) {
		med := edit(b, article, "\nEdit number %d.\n")
		b.ReportMetric(float64(med.Microseconds())/1000, "ms/reload(median)")
		b.ReportMetric(0, "ns/op")
	})
	b.Run("layout", func(b *testing.B) {
		med := edit(b, filepath.Join(src, "layouts", "page.html"), "{{/* edit number %d */}}\n")
		b.ReportMetric(float64(med.Microseconds())/1000, "ms/reload(median)")
		b.ReportMetric(float64(med)/float64(full), "layout/full")
		b.ReportMetric(0, "ns/op")
	})
	if os.Getenv("SITEGEN_BENCH_LOG") != "" {
		b.Log(ts.log.String())
	}
}
