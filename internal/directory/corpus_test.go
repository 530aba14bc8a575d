package directory

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sitegen/internal/diag"
)

func gzipSize(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.DefaultCompression)
	w.Write(b)
	w.Close()
	return buf.Len()
}

// TestCorpusBudgets measures the directory over a large generated corpus
// (DIRECTORY_CORPUS, a site root made by the benchmark kit's gencorpus
// with -practitioners 10000) and holds it to its budgets: every page under
// 100 KB gzipped, a registration check under 10 KB gzipped, filters under
// 50 ms in node.
func TestCorpusBudgets(t *testing.T) {
	root := os.Getenv("DIRECTORY_CORPUS")
	if root == "" {
		t.Skip("set DIRECTORY_CORPUS to a gencorpus site root to measure the directory at scale")
	}
	cfg := testConfig(t)
	var l diag.List
	start := time.Now()
	d := Load(os.DirFS(root), cfg, buildDay, &l)
	t.Logf("Load: %d practitioners, %d schools in %v (%d errors, %d info)", len(d.Practitioners), len(d.Schools), time.Since(start), l.Count(diag.Error), l.Count(diag.Info))
	if l.Count(diag.Error) > 0 {
		t.Fatalf("corpus errors: %v", l.All()[:1])
	}
	start = time.Now()
	pages, err := d.Pages(cfg, markdown)
	if err != nil {
		t.Fatal(err)
	}
	files := d.Files()
	t.Logf("Pages and Files: %d pages, %d files in %v", len(pages), len(files), time.Since(start))

	worst := map[string]int{}
	worstURL := map[string]string{}
	for _, p := range pages {
		kind := p.Template
		if strings.HasPrefix(p.URL, "/practitioners/region/") {
			kind = "region page"
		} else if p.URL == "/practitioners/" {
			kind = "overview"
		}
		n := gzipSize([]byte(render(t, cfg, p)))
		if n > worst[kind] {
			worst[kind], worstURL[kind] = n, p.URL
		}
	}
	for kind, n := range worst {
		t.Logf("largest %s: %s, %d B gzipped (main content, without the base layout)", kind, worstURL[kind], n)
		if n > 90_000 {
			t.Errorf("%s is %d B gzipped; the budget is 100 KB with the base layout", worstURL[kind], n)
		}
	}
	byPath := map[string][]byte{}
	for _, f := range files {
		byPath["/"+f.Path] = f.Data
	}
	raw, gz, largest := 0, 0, 0
	for _, u := range d.FilterDataURLs() {
		raw, gz, largest = raw+len(byPath[u]), gz+gzipSize(byPath[u]), max(largest, len(byPath[u]))
	}
	t.Logf("filter data: %d parts, %d B raw (the largest %d B), %d B gzipped", len(d.FilterDataURLs()), raw, largest, gz)
	fd := mustJSON(d.FilterData())
	manifest := byPath[d.VerifyIndexURL()]
	var m VerifyManifest
	json.Unmarshal(manifest, &m)
	largest = 0
	for _, u := range m.Shards {
		largest = max(largest, gzipSize(byPath[u]))
	}
	t.Logf("registration check: manifest %d B gzipped, largest of %d shards %d B gzipped, together %d B",
		gzipSize(manifest), len(m.Shards), largest, gzipSize(manifest)+largest)
	if gzipSize(manifest)+largest > 10_000 {
		t.Errorf("a registration check transfers %d B gzipped; the budget is 10 KB", gzipSize(manifest)+largest)
	}

	node, err := exec.LookPath("node")
	if err != nil {
		t.Log("node not found: filter time not measured")
		return
	}
	path := filepath.Join(t.TempDir(), "directory.json")
	os.WriteFile(path, fd, 0o644)
	cmd := exec.Command(node, "--test", "testdata/js/corpus.test.mjs")
	cmd.Env = append(os.Environ(), "DIRECTORY_FILTER_DATA="+path)
	out, err := cmd.CombinedOutput()
	for _, line := range strings.Split(string(out), "\n") {
		if strings.Contains(line, "practitioners: prepare") {
			t.Log(strings.TrimSpace(line))
		}
	}
	if err != nil {
		t.Fatalf("node: %v\n%s", err, out)
	}
}
