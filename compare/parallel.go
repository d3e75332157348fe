package compare

import (
	"runtime"
	"sync"
)

// forEach runs fn(worker, i) for i in [0, n) on every core. Each worker
// has its own number (0 ≤ worker < workers()) for scratch space; results
// must be written by index so that the outcome never depends on which
// worker ran what.
func forEach(n int, fn func(worker, i int)) {
	w := min(workers(), n)
	if w <= 1 {
		for i := 0; i < n; i++ {
			fn(0, i)
		}
		return
	}
	var wg sync.WaitGroup
	next := make(chan int, 4*w)
	for k := 0; k < w; k++ {
		wg.Add(1)
		go func(k int) {
			defer wg.Done()
			for i := range next {
				fn(k, i)
			}
		}(k)
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}

// workers is how many goroutines forEach uses.
func workers() int { return runtime.GOMAXPROCS(0) }
