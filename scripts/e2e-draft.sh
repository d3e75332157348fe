#!/usr/bin/env bash
# End-to-end test of the Draft check: builds the real binary, runs it in a
# detached tmux session of 100×30 with a drafter's file, checks that the
# cities' comparison is the one without the draft, moves the threshold and
# the comparison set, exports the check as Markdown, copies an item through
# tmux's clipboard (OSC 52) and quits. Needs tmux. Exit status 0 when every
# check passed.
#
#   scripts/e2e-draft.sh            # or: make e2e
#   KEEP=1 scripts/e2e-draft.sh     # leave the session open to look at it
set -euo pipefail
cd "$(dirname "$0")/.."

command -v tmux >/dev/null || { echo "e2e-draft: tmux is required" >&2; exit 2; }
BIN=${BIN:-/tmp/citydiff-e2e}
go build -o "$BIN" .
DRAFT=$(pwd)/draftcheck/testdata/draft.txt
OUT=$(mktemp -d)

S="citydiff-e2e-draft-$$"
cleanup() { [ -n "${KEEP:-}" ] || tmux kill-session -t "$S" 2>/dev/null || true; rm -rf "$OUT"; }
trap cleanup EXIT

step=0
NAME=e2e-draft
# shellcheck source=scripts/tmux-lib.sh
. scripts/tmux-lib.sh

# The measure count without a draft, then with one: the same.
tmux new-session -d -s "$S" -x 100 -y 30 "env LANG=C.UTF-8 TERM=xterm-256color '$BIN'; sleep 30"
wait_for "measures"
wait_for " docs · "
plain=$(screen | head -1 | grep -o '[0-9]* docs · [0-9]* measures')
tmux kill-session -t "$S"

tmux new-session -d -s "$S" -x 100 -y 30 -c "$OUT" \
	"env LANG=C.UTF-8 TERM=xterm-256color '$BIN' '$DRAFT'; echo citydiff-exit=\$?; sleep 30"
tmux set -t "$S" set-clipboard on

step=1 # the cities' comparison is the same with the draft
wait_for " docs · "
withdraft=$(screen | head -1 | grep -o '[0-9]* docs · [0-9]* measures')
[ "$plain" = "$withdraft" ] || fail "without the draft: $plain; with it: $withdraft"
expect "1 draft of yours"

step=2 # the draft check: missing, with the threshold and the set shown
press 5
wait_for "Missing ·"
expect "at least 2 of 5" "of 5:" "? help"

step=3 # the threshold moves
press +
wait_for "at least 3 of 5"

step=4 # the comparison set: Shantou and Puyang only
press c Right Space Right Space Right Right Space Enter
wait_for "2 of 5 cities: 汕头 濮阳"
expect "at least 2 of 2"

step=5 # a borrowed clause with what it dropped and added
press G
for _ in $(seq 1 40); do
	screen | grep -qF "江城仲裁委员会应当" && screen | grep -qF "dropped 汕头" && break
	press k
done
expect "dropped 汕头" "added 江城" "near"

step=6 # copy it (OSC 52 into tmux's buffer), export the check
press y
wait_for "copied"
tmux show-buffer | grep -qF "dropped: 汕头; added: 江城" || fail "clipboard: $(tmux show-buffer | head -3)"
press e
wait_for "wrote"
grep -qF "## Missing" "$OUT/draft-check.md" || fail "export: $(head -5 "$OUT/draft-check.md")"

step=7 # quit
press q
wait_for "citydiff-exit=0"

echo "e2e-draft: ok (7 steps; $withdraft with and without the draft)"
