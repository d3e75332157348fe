#!/usr/bin/env bash
# End-to-end test of the interactive viewer: builds the real binary, runs it
# in a detached tmux session of 120×40, navigates overview → topic → measure
# → reader → search (typing Chinese) → reader, checks what each screen shows,
# and quits. Needs tmux. Exit status 0 when every check passed.
#
#   scripts/e2e.sh            # or: make e2e
#   KEEP=1 scripts/e2e.sh     # leave the session open to look at it
set -euo pipefail
cd "$(dirname "$0")/.."

command -v tmux >/dev/null || { echo "e2e: tmux is required" >&2; exit 2; }
BIN=${BIN:-/tmp/citydiff-e2e}
go build -o "$BIN" .

S="citydiff-e2e-$$"
cleanup() { [ -n "${KEEP:-}" ] || tmux kill-session -t "$S" 2>/dev/null || true; }
trap cleanup EXIT

# The session runs the binary directly and reports its exit status.
tmux new-session -d -s "$S" -x 120 -y 40 \
	"env LANG=C.UTF-8 TERM=xterm-256color '$BIN'; echo citydiff-exit=\$?; sleep 30"

step=0
NAME=e2e
# shellcheck source=scripts/tmux-lib.sh
. scripts/tmux-lib.sh
# type TEXT: literal text, e.g. Chinese.
type_text() { tmux send-keys -t "$S" -l "$1"; sleep 0.2; }

step=1 # overview: documents readable at once, then the analysis
wait_for "Documents"
expect "汕头" "湘潭" "上海" "濮阳" "赣州" "關於全面加強" "Similarity"
wait_for "measures"

step=2 # topics, then one topic side by side
press Tab
wait_for "groups of aligned sections"
press Enter
wait_for "shared measures"
expect "│" "most cities"

step=3 # measures matrix, then a measure with its word diff
press Escape 3
wait_for "sort: shared"
expect "●" "○" "verbatim"
press Enter
wait_for "base"
expect "same words" "added" "dropped"

step=4 # the reader at that measure's clause
press Enter
wait_for "also in"
expect "original"

step=5 # search with Chinese input: a Simplified query finds Traditional text
press /
type_text "法律顾问"
wait_for "matches in"
expect "上海" "法律顧問" "湘潭"

step=6 # a result opens in the reader
press Enter
wait_for "original"
expect "法律顾问"

step=7 # back, and quit
press Escape
wait_for "matches in"
press Escape
press q
wait_for "citydiff-exit=0"

echo "e2e: ok (7 steps)"
