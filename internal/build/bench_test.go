package build

// Whole-build benchmarks, run only with -bench (make bench):
//
//	BenchmarkColdBuild  the real `sitegen build` binary as a child process on
//	                    generated sites of 1,000 and 10,000 articles with
//	                    10,000 practitioners: median wall time, CPU time
//	                    (rusage user+sys) and peak RSS (rusage Maxrss) of the
//	                    child, output and search-index bytes; then a table.
//	BenchmarkSearchShare
//	                    the binary on 10,000 articles and 10,000
//	                    practitioners with and without the search page's
//	                    layout, alternately: what the index adds to wall
//	                    time, CPU and peak RSS, as medians of pair ratios.
//	BenchmarkBuildHeap  Run in this process with the heap sampled: peak live
//	                    heap at 1,000 and 10,000 articles, and how it grows
//	                    per article beside the output per article. It fails
//	                    when memory grows as fast as the output, i.e. when a
//	                    step holds every rendered page.
//
// Corpora come from internal/benchcorpus (deterministic, the same text as
// the comparison kit's gencorpus) and are generated into temporary
// folders that are removed afterwards.

import (
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"sitegen/internal/benchcorpus"
	"sitegen/internal/diag"
)

// benchSizes are the article counts of the whole-build benchmarks; every
// site also has benchPractitioners practitioners.
var benchSizes = []int{1000, 10000}

const benchPractitioners = 10000

// repoRoot is the repository, whose content/, layouts/ and static/ the
// generated sites copy.
const repoRoot = "../.."

// benchSite generates a site of n articles and the given number of
// practitioners under parent and returns its root.
func benchSite(tb testing.TB, parent string, articles, practitioners int) string {
	tb.Helper()
	dir := filepath.Join(parent, fmt.Sprintf("site-%d-%d", articles, practitioners))
	if _, err := os.Stat(dir); err == nil {
		return dir
	}
	if _, err := benchcorpus.Site(dir, repoRoot, benchcorpus.Options{Articles: articles, Practitioners: practitioners}); err != nil {
		tb.Fatal(err)
	}
	return dir
}

// benchNow is the build date the corpora's certification dates are
// relative to.
var benchNow = benchcorpus.DefaultToday

// treeBytes is the total size of the regular files under dir, and of those
// under dir/sub.
func treeBytes(dir, sub string) (all, inSub int64, files int) {
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return nil
		}
		fi, err := d.Info()
		if err != nil {
			return nil
		}
		all += fi.Size()
		files++
		if rel, _ := filepath.Rel(dir, p); strings.HasPrefix(filepath.ToSlash(rel), sub+"/") {
			inSub += fi.Size()
		}
		return nil
	})
	return all, inSub, files
}

// coldRun is one build by the child process.
type coldRun struct {
	wall, cpu time.Duration
	maxRSS    int64 // bytes
}

// coldRow is a line of the table BenchmarkColdBuild prints.
type coldRow struct {
	articles, pages int
	wall, cpu       time.Duration
	maxRSS          int64
	out, index      int64
	files           int
}

// buildSitegen compiles cmd/sitegen into dir.
func buildSitegen(tb testing.TB, dir string) string {
	tb.Helper()
	bin := filepath.Join(dir, "sitegen")
	goTool := filepath.Join(runtime.GOROOT(), "bin", "go")
	cmd := exec.Command(goTool, "build", "-o", bin, "sitegen/cmd/sitegen")
	if out, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("go build ./cmd/sitegen: %v\n%s", err, out)
	}
	return bin
}

// runCold runs `sitegen build` on site into a new output folder and reads
// the child's resource usage.
func runCold(tb testing.TB, bin, site, out string) coldRun {
	tb.Helper()
	cmd := exec.Command(bin, "build", "-src", site, "-out", out)
	cmd.Env = append(os.Environ(), fmt.Sprintf("SOURCE_DATE_EPOCH=%d", benchNow.Unix()))
	start := time.Now()
	output, err := cmd.CombinedOutput()
	wall := time.Since(start)
	if err != nil {
		tb.Fatalf("sitegen build -src %s: %v\n%s", site, err, tail(output, 40))
	}
	ru := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	return coldRun{
		wall:   wall,
		cpu:    cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime(),
		maxRSS: ru.Maxrss * 1024, // kilobytes on Linux
	}
}

// tail returns the last n lines of out.
func tail(out []byte, n int) string {
	lines := strings.Split(strings.TrimRight(string(out), "\n"), "\n")
	if len(lines) > n {
		lines = append([]string{"..."}, lines[len(lines)-n:]...)
	}
	return strings.Join(lines, "\n")
}

func median[T int64 | time.Duration](xs []T) T {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}

// BenchmarkColdBuild times the sitegen binary building each generated site
// from nothing; run it with -benchtime Nx for N builds per size. The
// metrics are medians over the runs.
func BenchmarkColdBuild(b *testing.B) {
	tmp := b.TempDir()
	bin := buildSitegen(b, tmp)
	var rows []coldRow
	for _, n := range benchSizes {
		site := benchSite(b, tmp, n, benchPractitioners)
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			var runs []coldRun
			var last string
			for i := 0; b.Loop(); i++ {
				last = filepath.Join(tmp, fmt.Sprintf("out-%d-%d-%d", n, len(rows), i))
				runs = append(runs, runCold(b, bin, site, last))
			}
			b.StopTimer()
			r := coldRow{articles: n}
			var walls, cpus []time.Duration
			var rss []int64
			for _, x := range runs {
				walls, cpus, rss = append(walls, x.wall), append(cpus, x.cpu), append(rss, x.maxRSS)
			}
			r.wall, r.cpu, r.maxRSS = median(walls), median(cpus), median(rss)
			r.out, r.index, r.files = treeBytes(last, "search")
			r.pages = countPages(last)
			for i := range runs {
				_ = os.RemoveAll(filepath.Join(tmp, fmt.Sprintf("out-%d-%d-%d", n, len(rows), i)))
			}
			b.ReportMetric(r.wall.Seconds(), "wall-s")
			b.ReportMetric(r.cpu.Seconds(), "cpu-s")
			b.ReportMetric(float64(r.maxRSS)/(1<<20), "peak-RSS-MiB")
			b.ReportMetric(float64(r.out), "output-B")
			b.ReportMetric(float64(r.index), "index-B")
			b.ReportMetric(float64(r.pages)/r.wall.Seconds(), "pages/s")
			rows = append(rows, r)
		})
		_ = os.RemoveAll(site)
	}
	if len(rows) == 0 {
		return
	}
	var t strings.Builder
	fmt.Fprintf(&t, "cold builds, %d practitioners, medians (sitegen build as a child process):\n", benchPractitioners)
	fmt.Fprintf(&t, "%9s %7s %8s %8s %10s %7s %12s %12s\n", "articles", "pages", "wall s", "cpu s", "peak MiB", "files", "output B", "index B")
	for _, r := range rows {
		fmt.Fprintf(&t, "%9d %7d %8.2f %8.2f %10.1f %7d %12d %12d\n",
			r.articles, r.pages, r.wall.Seconds(), r.cpu.Seconds(), float64(r.maxRSS)/(1<<20), r.files, r.out, r.index)
	}
	if len(rows) >= 2 {
		a, z := rows[0], rows[len(rows)-1]
		per := float64(z.maxRSS-a.maxRSS) / float64(z.articles-a.articles)
		outPer := float64(z.out-a.out) / float64(z.articles-a.articles)
		fmt.Fprintf(&t, "peak RSS grows %.1f KiB per article from %d to %d articles; output grows %.1f KiB per article (ratio %.2f)\n",
			per/1024, a.articles, z.articles, outPer/1024, per/outPer)
	}
	if rows[len(rows)-1].index == 0 {
		t.WriteString("no search/ folder in the output: the build does not write a search index yet\n")
	}
	// A parent benchmark's log is not printed when it passes: print the
	// table on standard output, after the sub-benchmarks' lines.
	fmt.Print(t.String())
}

// countPages counts the HTML pages of an output folder.
func countPages(dir string) int {
	n := 0
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".html") {
			n++
		}
		return nil
	})
	return n
}

// heapSampler records, while it runs, the peak of the heap's objects
// (live and not yet collected garbage: what the process must hold) and
// the peak of the live heap as the last collection marked it (what the
// build keeps reachable).
type heapSampler struct {
	stop       chan struct{}
	done       sync.WaitGroup
	peak, live uint64
}

var heapMetrics = []string{"/memory/classes/heap/objects:bytes", "/gc/heap/live:bytes"}

func startHeapSampler(every time.Duration) *heapSampler {
	s := &heapSampler{stop: make(chan struct{})}
	sample := make([]metrics.Sample, len(heapMetrics))
	for i, name := range heapMetrics {
		sample[i].Name = name
	}
	s.done.Add(1)
	go func() {
		defer s.done.Done()
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			metrics.Read(sample)
			s.peak = max(s.peak, sample[0].Value.Uint64())
			s.live = max(s.live, sample[1].Value.Uint64())
			select {
			case <-s.stop:
				return
			case <-t.C:
			}
		}
	}()
	return s
}

// Stop ends sampling and returns the peaks in bytes.
func (s *heapSampler) Stop() (peak, live uint64) {
	close(s.stop)
	s.done.Wait()
	return s.peak, s.live
}

// BenchmarkBuildHeap runs whole builds in this process and samples the
// heap: the peaks at each size, and their growth per article beside the
// output's. It fails when the live heap grows per article as fast as the
// output or faster: memory must grow no faster than the output, and a step
// that kept every rendered page would add at least the page's HTML on top
// of what the model and the index keep.
func BenchmarkBuildHeap(b *testing.B) {
	tmp := b.TempDir()
	type row struct {
		articles   int
		peak, live int64
		out        int64
	}
	var rows []row
	for _, n := range benchSizes {
		site := benchSite(b, tmp, n, benchPractitioners)
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			var peaks, lives []int64
			var res *Result
			for i := 0; b.Loop(); i++ {
				b.StopTimer()
				out := filepath.Join(tmp, fmt.Sprintf("heap-out-%d-%d", n, i))
				runtime.GC()
				s := startHeapSampler(time.Millisecond)
				b.StartTimer()
				var err error
				res, err = Run(Options{Src: site, Out: out, Now: benchNow})
				b.StopTimer()
				peak, live := s.Stop()
				peaks, lives = append(peaks, int64(peak)), append(lives, int64(live))
				if err != nil {
					b.Fatalf("build: %v\n%s", err, problemText(res.Problems))
				}
				_ = os.RemoveAll(out)
				b.StartTimer()
			}
			r := row{articles: n, peak: median(peaks), live: median(lives), out: res.Bytes}
			b.ReportMetric(float64(r.peak)/(1<<20), "peak-heap-MiB")
			b.ReportMetric(float64(r.live)/(1<<20), "peak-live-MiB")
			b.ReportMetric(float64(r.out), "output-B")
			rows = append(rows, r)
		})
		_ = os.RemoveAll(site)
	}
	if len(rows) < 2 {
		return
	}
	a, z := rows[0], rows[len(rows)-1]
	articles := float64(z.articles - a.articles)
	peakPer := float64(z.peak-a.peak) / articles
	livePer := float64(z.live-a.live) / articles
	outPer := float64(z.out-a.out) / articles
	fmt.Printf("heap, %d practitioners, medians (Run in process):\n", benchPractitioners)
	fmt.Printf("%9s %14s %14s %12s\n", "articles", "peak heap MiB", "peak live MiB", "output B")
	for _, r := range rows {
		fmt.Printf("%9d %14.1f %14.1f %12d\n", r.articles, float64(r.peak)/(1<<20), float64(r.live)/(1<<20), r.out)
	}
	fmt.Printf("per article from %d to %d: peak heap +%.1f KiB, live heap +%.1f KiB, output +%.1f KiB (live/output %.2f)\n",
		a.articles, z.articles, peakPer/1024, livePer/1024, outPer/1024, livePer/outPer)
	if livePer >= outPer {
		b.Errorf("the live heap grows %.1f KiB per article, as fast as the output (%.1f KiB per article) or faster: some step holds what it renders", livePer/1024, outPer/1024)
	}
}

// problemText lists a build's problems, one a line.
func problemText(l *diag.List) string {
	var t strings.Builder
	for _, p := range l.All() {
		t.WriteString(p.String() + "\n")
	}
	return t.String()
}

// BenchmarkSearchShare measures what the search index adds to a build: the
// sitegen binary builds the corpus the search specification names (10,000
// articles, 10,000 practitioners) with layouts/search.html and without it
// (no index is built then), alternately, one pair per iteration; run it
// with -benchtime Nx for N pairs. It reports the medians of the per-pair
// ratios of wall time, CPU time and peak RSS; the specification's target
// is a wall ratio under 1.10. Set SITEGEN_BENCH_OUT to a folder on a RAM
// disk (/dev/shm) to leave the disk's swings out.
func BenchmarkSearchShare(b *testing.B) {
	tmp := b.TempDir()
	bin := buildSitegen(b, tmp)
	site := benchSite(b, tmp, 10000, benchPractitioners)
	layout := filepath.Join(site, "layouts", "search.html")
	off := layout + ".off"
	defer os.Rename(off, layout) // restores the layout if a build fails
	outDir := os.Getenv("SITEGEN_BENCH_OUT")
	if outDir == "" {
		outDir = tmp
	}
	var wall, cpu, rss []float64
	for i := 0; b.Loop(); i++ {
		var with, without coldRun
		for _, indexed := range []bool{true, false} {
			if !indexed {
				if err := os.Rename(layout, off); err != nil {
					b.Fatal(err)
				}
			}
			out := filepath.Join(outDir, fmt.Sprintf("share-%d-%t", i, indexed))
			r := runCold(b, bin, site, out)
			if _, err := os.Stat(filepath.Join(out, "search", "index.json")); (err == nil) != indexed {
				b.Fatalf("search/index.json in the output: %t, want %t", err == nil, indexed)
			}
			_ = os.RemoveAll(out)
			if indexed {
				with = r
			} else {
				without = r
				if err := os.Rename(off, layout); err != nil {
					b.Fatal(err)
				}
			}
		}
		wall = append(wall, with.wall.Seconds()/without.wall.Seconds())
		cpu = append(cpu, with.cpu.Seconds()/without.cpu.Seconds())
		rss = append(rss, float64(with.maxRSS)/float64(without.maxRSS))
	}
	b.StopTimer()
	mid := func(xs []float64) float64 {
		s := slices.Clone(xs)
		slices.Sort(s)
		return s[len(s)/2]
	}
	b.ReportMetric(mid(wall), "wall-ratio")
	b.ReportMetric(mid(cpu), "cpu-ratio")
	b.ReportMetric(mid(rss), "peak-RSS-ratio")
	b.ReportMetric(slices.Min(wall), "wall-ratio-min")
	b.ReportMetric(slices.Max(wall), "wall-ratio-max")
}
