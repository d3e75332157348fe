//go:build race

package segment

// raceEnabled: the race detector makes the 50 MB inputs take minutes; they
// run in the pass without it (make test runs both).
const raceEnabled = true
