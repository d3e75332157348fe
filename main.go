// Command citydiff compares Chinese local-government policy documents across
// cities: which measures several cities share, verbatim, lightly edited or
// paraphrased, and which are unique to one.
package main

import (
	"os"

	"citydiff/cli"
)

func main() {
	os.Exit(cli.Execute(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
