#!/usr/bin/env bash
# Exports the local regulations (DLC/<province>地方法规/…/*.md) of a LawRefBook/Laws
# checkout (https://github.com/LawRefBook/Laws; a work tree or a bare repository) into one
# flat directory, for checking citydiff on real regulations:
#
#   scripts/export-lawrefbook.sh LAWS_REPO OUT_DIR
#   CITYDIFF_REGULATIONS=OUT_DIR go test ./segment -run Coverage -v
#
# Files are read from the committed HEAD and named <province>_<file name>.md; the
# section indexes (_index.md) are left out. The texts are not part of citydiff: never
# commit OUT_DIR.
set -euo pipefail
if [ $# -ne 2 ]; then
	echo "usage: $0 LAWS_REPO OUT_DIR" >&2
	exit 2
fi
repo=$1 out=$2
mkdir -p "$out"
n=0
while IFS= read -r path; do
	province=$(cut -d/ -f2 <<<"$path")
	province=${province%地方法规}
	git -C "$repo" show "HEAD:$path" >"$out/${province}_$(basename "$path")"
	n=$((n + 1))
done < <(git -C "$repo" -c core.quotepath=off ls-tree -r --name-only HEAD -- DLC |
	grep '\.md$' | grep -v '/_index\.md$')
echo "exported $n regulations to $out"
