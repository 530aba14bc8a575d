package directory

import (
	"go.yaml.in/yaml/v3"
	"io/fs"
	"os"
	"testing"
	"time"

	"sitegen/internal/config"
	"sitegen/internal/diag"
	"sitegen/internal/pool"
)

// BenchmarkLoad loads the corpus in DIRECTORY_CORPUS (a site root made by
// the benchmark kit's gencorpus, such as -practitioners 10000).
func BenchmarkLoad(b *testing.B) {
	root := os.Getenv("DIRECTORY_CORPUS")
	if root == "" {
		b.Skip("set DIRECTORY_CORPUS to a site root with content/practitioners (gencorpus -practitioners 10000)")
	}
	cfg := testConfig(b)
	fsys := os.DirFS(root)
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	for b.Loop() {
		var l diag.List
		d := Load(fsys, cfg, now, &l)
		if l.Count(diag.Error) > 0 {
			b.Fatalf("%d errors, first %v", l.Count(diag.Error), l.All()[0])
		}
		b.ReportMetric(float64(len(d.Practitioners)), "practitioners")
	}
}

func testConfig(tb testing.TB) *config.Config {
	tb.Helper()
	src, err := os.ReadFile("../../content/site.yaml")
	if err != nil {
		tb.Fatal(err)
	}
	var l diag.List
	cfg := config.Parse(src, &l)
	if l.Len() > 0 {
		tb.Fatal(l.All())
	}
	return cfg
}

func osDirFS(dir string) fs.FS { return os.DirFS(dir) }

// BenchmarkYAMLFloor parses the same files with go.yaml.in/yaml/v3 alone,
// on the same worker pool, and nothing else: what Load cannot go below.
func BenchmarkYAMLFloor(b *testing.B) {
	root := os.Getenv("DIRECTORY_CORPUS")
	if root == "" {
		b.Skip("set DIRECTORY_CORPUS to a site root with content/practitioners (gencorpus -practitioners 10000)")
	}
	fsys := os.DirFS(root)
	entries, err := fs.ReadDir(fsys, PractitionersDir)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		pool.Run(len(entries), func(i int) {
			src, _ := fs.ReadFile(fsys, PractitionersDir+"/"+entries[i].Name())
			var n yaml.Node
			if yaml.Unmarshal(src, &n) != nil {
				b.Error("parse failed")
			}
		})
	}
}
