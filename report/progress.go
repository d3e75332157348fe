package report

import (
	"fmt"
	"io"
	"os"
	"time"
)

// Progress tells a person at a terminal what a long run is doing. It
// writes only when its writer is a terminal, so redirected or piped stderr
// (scripts, CI) stays quiet; a nil *Progress is quiet too.
type Progress struct {
	w     io.Writer
	start time.Time
	shown bool
}

// NewProgress returns a Progress on w, or nil when w is not a terminal.
func NewProgress(w io.Writer) *Progress {
	f, ok := w.(*os.File)
	if !ok {
		return nil
	}
	info, err := f.Stat()
	if err != nil || info.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	return &Progress{w: w, start: time.Now()}
}

// Step replaces the progress line with a new stage.
func (p *Progress) Step(format string, args ...any) {
	if p == nil {
		return
	}
	fmt.Fprintf(p.w, "\r\x1b[K%5.1fs  %s", time.Since(p.start).Seconds(), fmt.Sprintf(format, args...))
	p.shown = true
}

// Done clears the progress line.
func (p *Progress) Done() {
	if p == nil || !p.shown {
		return
	}
	fmt.Fprint(p.w, "\r\x1b[K")
	p.shown = false
}
