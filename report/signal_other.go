//go:build !unix

package report

import "os"

// reraise ends the process after an interrupt where a signal cannot be
// sent again: with status 1, as an interrupted run should.
func reraise(os.Signal) { os.Exit(1) }
