#!/usr/bin/env bash
# Regenerates segment/words/data/zh_s.txt: the Simplified part of gse's dictionary
# (github.com/go-ego/gse, data/dict/zh/s_1.txt, itself derived from jieba; MIT/Apache-2.0),
# keeping only words with frequency >= MIN (default 20). Loading this subset instead of
# the whole embedded dictionary keeps dictionary start-up well under 0.25 s while keeping
# 99.6 % of word boundaries on the built-in documents.
set -euo pipefail
cd "$(dirname "$0")/.."
min=${MIN:-20}
dir=$(go list -m -f '{{.Dir}}' github.com/go-ego/gse)
out=segment/words/data/zh_s.txt
awk -v min="$min" 'NF >= 2 && $2 + 0 >= min' "$dir/data/dict/zh/s_1.txt" > "$out.tmp"
mv "$out.tmp" "$out"
echo "wrote $out: $(wc -l < "$out") words with frequency >= $min"
