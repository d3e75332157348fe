#!/usr/bin/env bash
# Side-by-side measurements that Go benchmarks alone cannot make (run by `make bench`):
#   1. segmentation throughput: gse (citydiff's words package) vs jieba on the same text,
#      measured one after the other in this run; target gse ≥ 5× jieba;
#   2. `citydiff report --format json` on the five seeds from a cold process (dictionary
#      included); target ≤ 0.5 s wall.
# Installs Debian's python3-jieba when missing. Prints numbers; never fails on a missed target.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

if ! python3 -c 'import jieba' 2>/dev/null; then
  echo "installing python3-jieba for the side-by-side segmentation benchmark…" >&2
  if command -v apt-get >/dev/null; then
    (apt-get update -qq && apt-get install -y -qq python3-jieba) >/dev/null 2>&1 || true
  fi
fi
# Debian's jieba lives in the system python; prefer it over any other python3 on PATH.
py=python3
for cand in /usr/bin/python3 python3; do
  if "$cand" -c 'import jieba' 2>/dev/null; then py=$cand; break; fi
done

cat seeds/shantou.txt seeds/xiangtan.txt seeds/puyang.txt seeds/ganzhou.txt > "$tmp/text.txt"
echo "== segmentation throughput (same text: the four Simplified seeds, $(wc -c < "$tmp/text.txt") bytes)"
gse=$(go test -run '^$' -bench 'BenchmarkCut$' -benchtime 20x ./segment/words/ | awk '/BenchmarkCut/ {print $(NF-1)}')
echo "gse (words.Cut):   ${gse} MB/s"
if "$py" -c 'import jieba' 2>/dev/null; then
  jieba=$("$py" - "$tmp/text.txt" <<'PY'
import sys, time, logging
import jieba
jieba.setLogLevel(logging.ERROR)
text = open(sys.argv[1], encoding="utf-8").read()
jieba.initialize()
list(jieba.cut(text, HMM=False))  # warm up
n, start = 0, time.perf_counter()
while time.perf_counter() - start < 3:
    list(jieba.cut(text, HMM=False))
    n += 1
elapsed = time.perf_counter() - start
print(f"{len(text.encode('utf-8')) * n / elapsed / 1e6:.2f}")
PY
)
  echo "jieba (cut, HMM off): ${jieba} MB/s"
  awk -v g="$gse" -v j="$jieba" 'BEGIN { printf "ratio gse/jieba: %.1f× (target ≥ 5×)\n", g / j }'
else
  echo "jieba not available: skipped the side-by-side ratio"
fi

echo "== cold report on the five seeds"
go build -o "$tmp/citydiff" .
"$tmp/citydiff" report --format json -o "$tmp/r.json" >/dev/null 2>&1 || { echo "report failed"; exit 0; }
best=999
for i in 1 2 3 4 5; do
  s=$(date +%s.%N)
  "$tmp/citydiff" report --format json -o "$tmp/r.json"
  e=$(date +%s.%N)
  t=$(awk -v s="$s" -v e="$e" 'BEGIN { printf "%.3f", e - s }')
  echo "run $i: ${t} s"
  best=$(awk -v a="$best" -v b="$t" 'BEGIN { print (b < a) ? b : a }')
done
echo "best cold report: ${best} s (target ≤ 0.5 s)"
