// Package pool runs work on a bounded pool of GOMAXPROCS workers, the one
// shape of concurrency inside every step of the build: items are handed
// out by index, so callers write each result into its own slot and the
// outcome does not depend on scheduling.
package pool

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Run calls fn(i) for every i in [0, n) on at most GOMAXPROCS goroutines
// and returns when all calls have returned.
func Run(n int, fn func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				fn(i)
			}
		}()
	}
	wg.Wait()
}
