//go:build unix

package report

import (
	"os"
	"syscall"
)

// reraise sends sig to the process again, its default action restored, so
// that the process ends as the signal would have ended it.
func reraise(sig os.Signal) {
	if s, ok := sig.(syscall.Signal); ok {
		syscall.Kill(os.Getpid(), s)
	}
}
