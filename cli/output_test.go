package cli

import (
	"bytes"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"testing"
)

// childArgsEnv makes the test binary run citydiff with the arguments it
// holds (separated by newlines), as main does.
const childArgsEnv = "CITYDIFF_TEST_CLI_ARGS"

func TestMain(m *testing.M) {
	if args := os.Getenv(childArgsEnv); args != "" {
		os.Exit(Execute(strings.Split(args, "\n"), os.Stdin, os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

// TestClosedStdout: with standard output closed, a command that prints its
// result fails with a message and a non-zero status (issue 14 item 11: the
// report was silently lost and the status was 0). Written to /dev/null on
// purpose, it succeeds.
func TestClosedStdout(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("a closed standard output is detected on Linux only")
	}
	for _, args := range [][]string{{"outline"}, {"report", "--format", "md"}, {"tokens", "shanghai"}} {
		t.Run(args[0], func(t *testing.T) {
			run := func(redirect string) (int, string) {
				cmd := exec.Command("/bin/sh", "-c", `exec "$0" -test.run='^$' `+redirect, os.Args[0])
				cmd.Env = append(os.Environ(), childArgsEnv+"="+strings.Join(args, "\n"))
				var stderr bytes.Buffer
				cmd.Stderr = &stderr
				err := cmd.Run()
				code := 0
				if ee, ok := err.(*exec.ExitError); ok {
					code = ee.ExitCode()
				} else if err != nil {
					t.Fatal(err)
				}
				return code, stderr.String()
			}
			if code, stderr := run(">&-"); code != 1 || !strings.Contains(stderr, "standard output is closed") {
				t.Errorf("stdout closed: exit %d, stderr %q; want 1 and a message", code, stderr)
			}
			if args[0] != "outline" {
				return // the rest is the same write path; the outline is quick
			}
			if code, stderr := run(">/dev/null"); code != 0 {
				t.Errorf(">/dev/null: exit %d, stderr %q; want 0", code, stderr)
			}
			if code, stderr := run(">/dev/full"); code != 1 || !strings.Contains(stderr, "writing standard output") {
				t.Errorf(">/dev/full: exit %d, stderr %q; want 1 and a message", code, stderr)
			}
		})
	}
}
