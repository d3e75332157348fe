#!/usr/bin/env bash
# The report on a corpus of real regulations, as a doubling series (run by
# `make bench-corpus CORPUS=DIR`):
#
#   scripts/bench-corpus.sh DIR [SIZE...]      SIZE defaults to: 250 500 1000 all
#
# DIR holds Markdown regulations, e.g. the DLC/ folder of a LawRefBook/Laws checkout
# (https://github.com/LawRefBook/Laws) or a flat export of it (scripts/export-lawrefbook.sh);
# the texts are never part of citydiff. The .md files (section indexes _index.md left out)
# are ordered by name — in a nested folder by a hash of their content, which mixes the
# provinces — and each size takes the first N, so every set holds the smaller ones.
#
# For each size it runs `citydiff report --no-seeds --timings` under /usr/bin/time -v and
# prints the documents, wall time, CPU, peak RSS, report size and the time of each stage
# (load = read, decode, structure and segment; analyze = the engine; write = the report),
# then the growth from one size to the next, as measured and per doubling.
#
#   CITYDIFF=PATH  the binary to measure (default: built from this checkout)
#   BASE=PATH      a second binary (e.g. built from main) measured on the same sets, side by side
#   FORMAT=F       report format (default json); KEEP=DIR keeps the reports there
#
# A file the binary refuses (e.g. a regulation that is only a title) is named, left out
# of every set, and the run repeated. Never fails on a missed target; prints numbers.
set -euo pipefail
if [ $# -lt 1 ] || [ ! -d "$1" ]; then
	echo "usage: $0 DIR [SIZE...]   (DIR: a folder of .md regulations)" >&2
	exit 2
fi
corpus=$(cd "$1" && pwd)
shift
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(250 500 1000 all)
format=${FORMAT:-json}
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ ! -x /usr/bin/time ]; then
	echo "needs /usr/bin/time (Debian: apt-get install time)" >&2
	exit 2
fi

bin=${CITYDIFF:-}
if [ -z "$bin" ]; then
	bin=$tmp/citydiff
	(cd "$root" && go build -o "$bin" .)
fi

# The corpus as one flat folder of links, in the order sets are taken from. Files of a
# nested folder are named by the start of their content's sha1 (identical files once).
mkdir "$tmp/all"
if [ -n "$(find "$corpus" -mindepth 2 -name '*.md' -print -quit)" ]; then
	find "$corpus" -name '*.md' ! -name '_index.md' -type f -print0 | xargs -0 sha1sum |
		while read -r sum path; do
			ln -sf "$path" "$tmp/all/${sum:0:10}.md"
		done
else
	find "$corpus" -maxdepth 1 -name '*.md' -type f -exec ln -s -t "$tmp/all/" {} +
fi
mapfile -t files < <(ls "$tmp/all" | LC_ALL=C sort)
total=${#files[@]}
if [ "$total" -eq 0 ]; then
	echo "$corpus: no .md files" >&2
	exit 2
fi
bytes=$(cat "$tmp"/all/*.md | wc -c)
echo "corpus: $corpus — $total regulations, $((bytes / 1000000)) MB; format $format; $(nproc) cores"
echo "binary: $bin ($("$bin" --version 2>/dev/null | head -1))"
[ -z "${BASE:-}" ] || echo "base:   $BASE ($("$BASE" --version 2>/dev/null | head -1))"

declare -A skipped=()

# measure BIN N: runs the report on the first N usable files; sets the globals
# docs wall cpus cpu rss size stages.
measure() {
	local bin=$1 n=$2 set=$tmp/set out=$tmp/report.$format timings=
	"$bin" report --help 2>/dev/null | grep -q -- '--timings' && timings=--timings
	for attempt in $(seq 1 50); do
		rm -rf "$set" "$out"
		mkdir "$set"
		local k=0
		for f in "${files[@]}"; do
			[ -z "${skipped[$f]:-}" ] || continue
			[ "$k" -lt "$n" ] || break
			ln -s "$(readlink "$tmp/all/$f")" "$set/$f"
			k=$((k + 1))
		done
		docs=$k
		if nice /usr/bin/time -v -o "$tmp/time" "$bin" report --no-seeds $timings --format "$format" \
			-o "$out" "$set" 2>"$tmp/err"; then
			break
		fi
		bad=$(sed -n "s|^citydiff: $set/\([^:]*\): .*|\1|p" "$tmp/err" | head -1)
		if [ -z "$bad" ] || [ -n "${skipped[$bad]:-}" ]; then
			echo "report failed on $n documents:" >&2
			cat "$tmp/err" >&2
			exit 1
		fi
		skipped[$bad]=1
		echo "  left out $(readlink "$tmp/all/$bad" | sed "s|^$corpus/||"): $(sed -n "s|^citydiff: $set/$bad: ||p" "$tmp/err")"
	done
	wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; printf "%.1f", s}' "$tmp/time")
	cpu=$(awk -F': ' '/Percent of CPU/ {print $2}' "$tmp/time")
	cpus=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.1f", s}' "$tmp/time")
	rss=$(awk -F': ' '/Maximum resident set size/ {printf "%.2f", $2 / 1048576}' "$tmp/time")
	size=$(du -sb "$out" | awk '{printf "%.1f", $1 / 1000000}')
	stages=$(awk '$1 == "timing" && $2 != "total" {printf "%s %s  ", $2, $3}' "$tmp/err")
	if [ -n "${KEEP:-}" ]; then
		mkdir -p "$KEEP"
		rm -rf "$KEEP/$(basename "$bin")-$docs.$format"
		cp -r "$out" "$KEEP/$(basename "$bin")-$docs.$format"
	fi
}

row() { printf '%-6s %6s %8s %8s %6s %8s %9s  %s\n' "$@"; }
echo
echo "wall: elapsed time; cpu s: user + system time (steadier than wall on a busy machine); CPU: cpu s / wall"
row "" docs "wall s" "cpu s" CPU "peak GB" "report MB" "stages (wall)"
prev_docs=0 prev_wall=0
declare -a series=()
for s in "${sizes[@]}"; do
	n=$s
	[ "$s" != all ] || n=$total
	[ "$n" -le "$total" ] || continue
	if [ -n "${BASE:-}" ]; then
		measure "$BASE" "$n"
		row base "$docs" "$wall" "$cpus" "$cpu" "$rss" "$size" "$stages"
	fi
	measure "$bin" "$n"
	row this "$docs" "$wall" "$cpus" "$cpu" "$rss" "$size" "$stages"
	series+=("$docs $wall $cpus $rss $size")
done

echo
echo "growth (this binary) from one size to the next; per doubling = ratio^(ln 2 / ln(docs ratio))"
printf '%-14s %9s %9s %9s %9s %9s %9s\n' documents "wall ×" "/doubling" "cpu ×" "/doubling" "memory ×" "report ×"
for ((i = 1; i < ${#series[@]}; i++)); do
	read -r d0 w0 c0 r0 s0 <<<"${series[i - 1]}"
	read -r d1 w1 c1 r1 s1 <<<"${series[i]}"
	awk -v d0="$d0" -v d1="$d1" -v w0="$w0" -v w1="$w1" -v c0="$c0" -v c1="$c1" -v r0="$r0" -v r1="$r1" -v s0="$s0" -v s1="$s1" 'BEGIN {
		e = log(2) / log(d1 / d0); t = w1 / w0; c = c1 / c0
		printf "%-14s %8.2f× %8.2f× %8.2f× %8.2f× %8.2f× %8.2f×\n", d0 " → " d1, t, exp(log(t) * e), c, exp(log(c) * e), r1 / r0, s1 / s0 }'
done
