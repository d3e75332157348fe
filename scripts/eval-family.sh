#!/usr/bin/env bash
# Scores citydiff on the 文明行为促进条例 family (eval/labels/civility.csv).
#
#   scripts/eval-family.sh DIR [--format json]
#
# DIR is a checkout of the LawRefBook/Laws repository (or any directory that
# holds its DLC Markdown files, at any depth). The texts are not part of
# this repository: the script finds the six files named in
# eval/labels/civility-docs.tsv, checks that each is the version the labels
# were read on (sha256), copies them under their label ids into a temporary
# directory and runs `citydiff eval --no-seeds` on them.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:?usage: scripts/eval-family.sh DIR [citydiff eval flags]}
shift
[ -d "$dir" ] || { echo "eval-family: $dir: not a directory" >&2; exit 2; }
bin=${CITYDIFF:-bin/citydiff}
[ -x "$bin" ] || make -s build
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
while IFS=$'\t' read -r id file sum; do
  case $id in ''|'#'*|id) continue ;; esac
  path=$(find "$dir" -type f -name "$file" -print -quit)
  if [ -z "$path" ]; then
    echo "eval-family: $file: not found under $dir" >&2; status=1; continue
  fi
  got=$(sha256sum "$path" | cut -c1-64)
  if [ "$got" != "$sum" ]; then
    echo "eval-family: $path: differs from the text the labels were read on (sha256 $got, want $sum)" >&2
    status=1; continue
  fi
  cp "$path" "$tmp/$id.md"
done < eval/labels/civility-docs.tsv
[ $status -eq 0 ] || exit $status
"$bin" eval "$@" --no-seeds eval/labels/civility.csv "$tmp"
