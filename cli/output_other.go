//go:build !linux

package cli

import "os"

// closedAtStart is only known on Linux; elsewhere a closed standard output
// is taken to be open.
func closedAtStart(*os.File) bool { return false }
