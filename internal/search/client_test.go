package search

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// writeSite writes files under dir as a build would.
func writeSite(t testing.TB, dir string, files []File) {
	for _, f := range files {
		p, d := f.Path, f.Data
		path := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, d, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func nodeOrSkip(t *testing.T) string {
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("node is not on PATH; the browser client tests need it in CI")
		}
		t.Skip("node is not on PATH; skipping the browser client tests (install Node.js 20+ to run them)")
	}
	return node
}

// TestClient runs the node tests of the browser client (client_test.mjs)
// against the tiny site's index.
func TestClient(t *testing.T) {
	node := nodeOrSkip(t)
	files, _ := build(t, tinyDocs())
	dir := t.TempDir()
	var fs []File
	for p, d := range files {
		fs = append(fs, File{p, d})
	}
	writeSite(t, dir, fs)
	cmd := exec.Command(node, "--test", "--test-reporter=spec", "client_test.mjs")
	cmd.Env = append(os.Environ(), "SEARCH_PUBLIC="+dir)
	out, err := cmd.CombinedOutput()
	t.Logf("%s", out)
	if err != nil {
		t.Fatalf("node --test: %v", err)
	}
}
