package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
)

// errStdoutClosed is the error for a result that standard output cannot
// take because the process was started with it closed.
var errStdoutClosed = errors.New("standard output is closed: the result would be lost (redirect it to a file, or use -o FILE where the command has it)")

// checkStdout fails at once when w is a standard output the process was
// started without, before any work whose result would be lost.
func checkStdout(w io.Writer) error {
	if f, ok := w.(*os.File); ok && closedAtStart(f) {
		return errStdoutClosed
	}
	return nil
}

// writeResult writes a command's whole result to its standard output and
// reports any failure, so that a result that was not written is never an
// exit status of 0.
func writeResult(w io.Writer, b []byte) error {
	if err := checkStdout(w); err != nil {
		return err
	}
	if _, err := w.Write(b); err != nil {
		return fmt.Errorf("writing standard output: %w", err)
	}
	return nil
}
