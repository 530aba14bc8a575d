package browsertest

// BenchmarkDirectoryLoad times what the directory page does when a visitor
// first uses its filters, on a generated register of 10,000 practitioners,
// in headless Chromium with the CPU slowed cpuSlowdown times, as on a
// mid-range phone: the page's data is fetched, parsed and prepared for
// filtering (directory-core.js prepare). Reported:
//   - longest-task-ms, the longest task the page ran meanwhile (the Long
//     Tasks API; the target is under 50 ms, so that a tap or key is
//     answered at once), and long-tasks, how many took over 50 ms: medians
//     over the runs; first-longest-task-ms and first-long-tasks are the
//     first run's, when the browser meets the data and the code for the
//     first time, as a visitor does;
//   - ready-ms, from the first focus on the form that its script hears to
//     the data being ready;
//   - parse-ms and prepare-ms, JSON.parse (of all its parts) and prepare
//     of the same data timed alone, and longest-step-ms, the longest step
//     of prepareInSteps, as the page prepares the data (prepare-ms where
//     the script prepares it in one go).
//
// The machine's other work lengthens tasks too: compare runs made at the
// same time. Run with
//
//	go test ./internal/browsertest/ -run '^$' -bench DirectoryLoad
//
// Generating and building the site takes about half a minute; it is
// skipped (failed with CI=true) without Chromium.

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"sitegen/internal/benchcorpus"
)

// cpuSlowdown is the CPU throttling of BenchmarkDirectoryLoad: Lighthouse
// slows a desktop's CPU 4 times to stand for a mid-range phone.
const cpuSlowdown = 4

func BenchmarkDirectoryLoad(b *testing.B) {
	exe := chromiumPath()
	need(b, exe != "", "no Chromium found: install it (apt-get install chromium) or set CHROME_PATH")
	base, _ := serveGeneratedSite(b, benchcorpus.Options{Articles: 50, Practitioners: 10000})

	ctx := benchBrowser(b, exe)
	run := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		tctx, tcancel := context.WithTimeout(ctx, 60*time.Second)
		defer tcancel()
		if err := chromedp.Do(tctx, actions...); err != nil {
			b.Fatalf("%s: %v", what, err)
		}
	}
	evalFloats := func(expr string) []float64 {
		tctx, tcancel := context.WithTimeout(ctx, 60*time.Second)
		defer tcancel()
		v, err := chromedp.Run(tctx, chromedp.Evaluate[[]float64](expr, chromedp.EvalAwaitPromise))
		if err != nil {
			b.Fatalf("evaluating %.100q: %v", expr, err)
		}
		return v
	}
	throttle := func(rate float64) chromedp.Action[chromedp.Void] {
		return chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := cdp.Call(ctx, tg, emulation.SetCPUThrottlingRate, emulation.SetCPUThrottlingRateParams{Rate: rate})
			return err
		})
	}
	var longest, count, ready, parse, prep, step []float64
	for b.Loop() {
		run("opening the directory", throttle(1), chromedp.Navigate(base+"/practitioners/"))
		evalFloats(`new Promise((ok) => { const w = () => document.readyState === "complete" && !document.querySelector("#directory-filters").hidden ? ok([]) : setTimeout(w, 20); w(); })`)
		run("slowing the CPU", throttle(cpuSlowdown))
		// Focus on the form (its focusin event) starts the download once
		// the page's script listens. The form shows before the script
		// starts (it is shown by the page's stylesheet when JavaScript
		// runs), so the event is sent until the script answers it: its
		// listener says the directory is loading at once, in the event.
		// The time is taken from that event, and long tasks are those
		// that ended after it. The data is ready when the town
		// suggestions are filled.
		v := evalFloats(`new Promise((ok, fail) => {
			const tasks = [];
			const began = performance.now();
			let start = Infinity;
			new PerformanceObserver((l) => { for (const e of l.getEntries()) if (e.startTime + e.duration > start) tasks.push(e.duration); }).observe({ type: "longtask" });
			const status = document.getElementById("directory-status");
			let asked = 0;
			const w = () => {
				if (performance.now() - began > 30000) return fail(new Error("the directory did not load: " + status.textContent));
				if (!document.querySelector("#f-places option")) {
					if (start === Infinity && performance.now() - asked > 50) {
						asked = performance.now();
						document.getElementById("f-q").dispatchEvent(new FocusEvent("focusin", { bubbles: true }));
						if (status.textContent) start = asked;
					}
					return setTimeout(w, 5);
				}
				const at = performance.now() - start;
				setTimeout(() => ok([at, tasks.length ? Math.max(...tasks) : 0, tasks.length]), 500);
			};
			w();
		})`)
		ready, longest, count = append(ready, v[0]), append(longest, v[1]), append(count, v[2])
		// The same data parsed and prepared alone.
		v = evalFloats(`(async () => {
			const form = document.getElementById("directory-filters");
			const core = await import(form.dataset.core);
			const texts = await Promise.all(form.dataset.directory.split(" ").filter(Boolean).map(async (u) => (await fetch(u)).text()));
			let t = performance.now();
			const parts = texts.map((text) => JSON.parse(text));
			const parse = performance.now() - t;
			const data = core.joinParts ? core.joinParts(parts) : parts[0];
			t = performance.now();
			core.prepare(data);
			const whole = performance.now() - t;
			// In steps, as the page prepares it: the longest step.
			let longest = whole;
			if (core.prepareInSteps) {
				longest = 0;
				t = performance.now();
				await core.prepareInSteps(data, async () => {
					longest = Math.max(longest, performance.now() - t);
					await core.nextTask();
					t = performance.now();
				});
				longest = Math.max(longest, performance.now() - t);
			}
			return [parse, whole, longest];
		})()`)
		parse, prep, step = append(parse, v[0]), append(prep, v[1]), append(step, v[2])
		run("restoring the CPU", throttle(1))
	}
	// The first run is the visitor's first use of the page: the data and
	// the code are new to the browser then, and parsing them costs most.
	b.ReportMetric(longest[0], "first-longest-task-ms")
	b.ReportMetric(count[0], "first-long-tasks")
	med := func(v []float64) float64 { slices.Sort(v); return v[len(v)/2] }
	b.ReportMetric(med(longest), "longest-task-ms")
	b.ReportMetric(med(count), "long-tasks")
	b.ReportMetric(med(ready), "ready-ms")
	b.ReportMetric(med(parse), "parse-ms")
	b.ReportMetric(med(prep), "prepare-ms")
	b.ReportMetric(med(step), "longest-step-ms")
}
