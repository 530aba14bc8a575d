package browsertest

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// One headless Chromium serves every browser test; each test opens tabs.
var (
	browserOnce   sync.Once
	browserCtx    context.Context
	browserCancel context.CancelFunc
	browserErr    error
	browserMsg    string
	browserDir    string
)

// chromiumPath is the browser the tests drive: Debian's chromium.
func chromiumPath() string {
	if p := os.Getenv("CHROME_PATH"); p != "" {
		return p
	}
	return lookTool("chromium", "chromium-browser", "google-chrome")
}

// chromiumFlags are the flags for a quiet headless browser on a machine
// without network: no sandbox (containers), no GPU, no QUIC, no updates,
// sync or background requests.
var chromiumFlags = []string{"--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
	"--disable-background-networking", "--disable-component-update", "--disable-sync"}

// browser is the shared browser's context; it skips the test (fails it in
// CI) when there is no Chromium.
func sharedBrowser(t *testing.T) context.Context {
	t.Helper()
	browserOnce.Do(func() {
		exe := chromiumPath()
		if exe == "" {
			browserMsg = "no Chromium found: install it (apt-get install chromium) or set CHROME_PATH"
			return
		}
		browserDir, browserErr = os.MkdirTemp("", "sitegen-chromium-")
		if browserErr != nil {
			return
		}
		opts := append(chromedp.DefaultExecAllocatorOptions[:],
			chromedp.ExecPath(exe),
			chromedp.UserDataDir(browserDir),
			chromedp.NoSandbox,
			chromedp.DisableGPU,
			chromedp.NoFirstRun,
			chromedp.Flag("disable-quic", true),
			chromedp.Flag("disable-background-networking", true),
			chromedp.Flag("disable-component-update", true),
			chromedp.Flag("disable-sync", true),
			// A scroll by the keyboard jumps at once instead of animating:
			// on a loaded machine Chromium drops some smooth scrolls'
			// animations altogether, and a test waiting for an arrow key to
			// scroll a table would wait for nothing.
			chromedp.Flag("disable-smooth-scrolling", true),
			chromedp.WindowSize(1280, 900),
		)
		actx, acancel := chromedp.NewExecAllocator(context.Background(), opts...)
		ctx, cancel := chromedp.NewContext(actx)
		if browserErr = chromedp.Do(ctx); browserErr != nil {
			cancel()
			acancel()
			return
		}
		browserCtx = ctx
		browserCancel = func() { cancel(); acancel() }
	})
	need(t, browserMsg == "", browserMsg)
	if browserErr != nil {
		t.Fatalf("starting Chromium: %v", browserErr)
	}
	return browserCtx
}

func closeBrowser() {
	if browserCancel != nil {
		browserCancel()
	}
	if browserDir != "" {
		os.RemoveAll(browserDir)
	}
}

// tab is one browser tab and what its pages reported.
type tab struct {
	ctx context.Context
	mu  sync.Mutex
	// problems are console errors, uncaught exceptions, browser log
	// errors (failed requests, CSP) since the last reset.
	problems []string
}

// watchScript records Content-Security-Policy violations, which are also
// logged, in a form the test can read from the page.
const watchScript = `window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(e.violatedDirective + " blocked " + (e.blockedURI || "inline") + " at " + e.sourceFile + ":" + e.lineNumber));`

// newTab opens a tab in the shared browser, closed when the test ends.
// With BROWSERTEST_CPU_SLOWDOWN=N its pages run N times slower, as on a
// machine busy with other work, which shows a test that races the page.
func newTab(t *testing.T) *tab {
	t.Helper()
	tb := &tab{}
	ctx, cancel := chromedp.NewContext(sharedBrowser(t), chromedp.WithListener(tb.listen))
	t.Cleanup(cancel)
	if err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: watchScript})
		return err
	})); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	if slow := os.Getenv("BROWSERTEST_CPU_SLOWDOWN"); slow != "" {
		rate, err := strconv.ParseFloat(slow, 64)
		if err != nil || rate < 1 {
			t.Fatalf("BROWSERTEST_CPU_SLOWDOWN=%q: want how many times slower pages run, such as 20", slow)
		}
		if err := chromedp.Do(ctx, chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: rate})
			return err
		})); err != nil {
			t.Fatalf("slowing the tab down: %v", err)
		}
	}
	tb.ctx = ctx
	return tb
}

func (tb *tab) listen(ev any) {
	var msg string
	switch e := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if e.Type == runtime.ConsoleAPICalledTypeError || e.Type == runtime.ConsoleAPICalledTypeAssert {
			var parts []string
			for _, a := range e.Args {
				if a.Description != "" {
					parts = append(parts, a.Description)
				} else {
					parts = append(parts, strings.Trim(string(a.Value), `"`))
				}
			}
			msg = "console." + string(e.Type) + ": " + strings.Join(parts, " ")
		}
	case *runtime.EventExceptionThrown:
		d := e.ExceptionDetails
		text := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			text += " " + d.Exception.Description
		}
		msg = fmt.Sprintf("uncaught exception at %s:%d: %s", d.URL, d.LineNumber+1, text)
	case *log.EventEntryAdded:
		if e.Entry.Level == log.EntryLevelError {
			msg = fmt.Sprintf("%s error: %s %s", e.Entry.Source, e.Entry.Text, e.Entry.URL)
		}
	}
	if msg != "" {
		tb.mu.Lock()
		tb.problems = append(tb.problems, msg)
		tb.mu.Unlock()
	}
}

// takeProblems returns and clears the problems so far.
func (tb *tab) takeProblems() []string {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	p := tb.problems
	tb.problems = nil
	return p
}

// open navigates to a path of the site and waits for the page to settle.
func (tb *tab) open(t *testing.T, path string) {
	t.Helper()
	if err := chromedp.Do(tb.ctx, chromedp.Navigate(siteURL+path)); err != nil {
		t.Fatalf("opening %s: %v", path, err)
	}
	tb.waitJS(t, `document.readyState === "complete"`, path+" to finish loading")
}

// navigate opens any URL (open is for the built site).
func navigate(url string) chromedp.Action[chromedp.Void] { return chromedp.Navigate(url) }

// run runs actions, failing the test with what it was doing.
func (tb *tab) run(t *testing.T, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	ctx, cancel := context.WithTimeout(tb.ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// eval evaluates a JavaScript expression (awaiting a promise) into v.
func eval[T any](t *testing.T, tb *tab, expr string) T {
	t.Helper()
	v, err := tryEval[T](tb, expr)
	if err != nil {
		t.Fatalf("evaluating %.80q: %v", expr, err)
	}
	return v
}

func tryEval[T any](tb *tab, expr string) (T, error) {
	ctx, cancel := context.WithTimeout(tb.ctx, 30*time.Second)
	defer cancel()
	return chromedp.Run(ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
}

// betweenDocuments reports whether an evaluation failed because the tab
// was leaving one document for the next, as after a click on a link.
func betweenDocuments(err error) bool {
	msg := err.Error()
	return strings.Contains(msg, "navigated or closed") || strings.Contains(msg, "context was destroyed") ||
		strings.Contains(msg, "Cannot find context")
}

// waitJS waits until a JavaScript expression is truthy. The deadline is
// generous because make test runs the other packages' tests beside this
// one on the same cores; a timeout reports what the page's live regions
// said, which is where the scripts report a failed fetch.
func (tb *tab) waitJS(t *testing.T, expr, what string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		// A wait may span a navigation: an evaluation that meets the tab
		// between two documents is tried again.
		ok, err := tryEval[bool](tb, "Boolean("+expr+")")
		if err != nil && !betweenDocuments(err) {
			t.Fatalf("evaluating %.80q: %v", expr, err)
		}
		if ok {
			return
		}
		if time.Now().After(deadline) {
			said := eval[string](t, tb, `[...document.querySelectorAll("[aria-live], [role=status], [role=alert]")].map((e) => e.textContent.trim()).filter(Boolean).join(" | ")`)
			t.Fatalf("timed out waiting for %s (%s); live regions say %q", what, expr, said)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// key presses one key (kb names such as "\t" or kb.ArrowDown).
func (tb *tab) key(t *testing.T, k string) {
	t.Helper()
	tb.run(t, "pressing a key", chromedp.KeyEvent(k))
}
