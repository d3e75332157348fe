package server

import (
	"fmt"
	"sync"
	"time"
)

// counter caps a count in total and per source address.
type counter struct {
	mu      sync.Mutex
	max     int
	perAddr int
	total   int
	by      map[string]int
}

func newCounter(max, perAddr int) *counter {
	return &counter{max: max, perAddr: perAddr, by: map[string]int{}}
}

// errFull says which cap refused a client.
type errFull struct {
	what    string // "sessions", "connections", "connections still logging in"
	n       int
	perAddr bool
}

func (e *errFull) Error() string {
	hint := "close one and try again"
	if e.what == pendingWhat {
		hint = "try again in a few seconds"
	}
	if e.perAddr {
		return fmt.Sprintf("too many %s from your address (at most %d); %s", e.what, e.n, hint)
	}
	return fmt.Sprintf("the server is full (%d %s); try again later", e.n, e.what)
}

// pendingWhat names the connections counted before they authenticate.
const pendingWhat = "connections still logging in"

// acquire takes one slot for addr; release gives it back and is safe to
// call more than once.
func (c *counter) acquire(addr, what string) (release func(), err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.total >= c.max {
		return nil, &errFull{what: what, n: c.max}
	}
	if c.by[addr] >= c.perAddr {
		return nil, &errFull{what: what, n: c.perAddr, perAddr: true}
	}
	c.total++
	c.by[addr]++
	var once sync.Once
	return func() {
		once.Do(func() {
			c.mu.Lock()
			defer c.mu.Unlock()
			c.total--
			if c.by[addr]--; c.by[addr] <= 0 {
				delete(c.by, addr)
			}
		})
	}, nil
}

// count returns the slots taken.
func (c *counter) count() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.total
}

// logLimiter lets through at most burst log lines per source address in
// each window, so that a client cannot flood the log with refused
// requests; the next line let through says how many were held back.
type logLimiter struct {
	mu     sync.Mutex
	burst  int
	window time.Duration
	by     map[string]*logWindow
}

type logWindow struct {
	start   time.Time
	n       int
	dropped int
}

func newLogLimiter(burst int, window time.Duration) *logLimiter {
	return &logLimiter{burst: burst, window: window, by: map[string]*logWindow{}}
}

// allow reports whether a line about host may be logged now and, if so,
// how many lines about it were held back before it.
func (l *logLimiter) allow(host string, now time.Time) (ok bool, held int) {
	l.mu.Lock()
	defer l.mu.Unlock()
	w := l.by[host]
	if w == nil || now.Sub(w.start) >= l.window {
		if w != nil {
			held = w.dropped
		}
		if len(l.by) >= 4096 { // forget quiet addresses rather than grow
			for h, old := range l.by {
				if now.Sub(old.start) >= l.window {
					delete(l.by, h)
				}
			}
		}
		w = &logWindow{start: now}
		l.by[host] = w
	}
	if w.n >= l.burst {
		w.dropped++
		return false, 0
	}
	w.n++
	held, w.dropped = held+w.dropped, 0
	return true, held
}
