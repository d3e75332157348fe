package cli

import (
	"os"
	"syscall"
)

// closedAtStart reports whether f is a standard descriptor the process was
// started without. The Go runtime then opens /dev/null in its place, read
// and write (a shell's >/dev/null opens it write-only), so writes would
// vanish without an error.
func closedAtStart(f *os.File) bool {
	fd := f.Fd()
	if fd > 2 {
		return false
	}
	var st, null syscall.Stat_t
	if syscall.Fstat(int(fd), &st) != nil || syscall.Stat("/dev/null", &null) != nil {
		return false
	}
	if st.Mode&syscall.S_IFMT != syscall.S_IFCHR || st.Rdev != null.Rdev {
		return false
	}
	flags, _, errno := syscall.Syscall(syscall.SYS_FCNTL, fd, syscall.F_GETFL, 0)
	return errno == 0 && flags&syscall.O_ACCMODE == syscall.O_RDWR
}
