#!/usr/bin/env bash
# gen-opencc.sh regenerates the OpenCC data that segment/normalize embeds:
#
#   segment/normalize/data/TSPhrases.txt     Traditional→Simplified phrases
#   segment/normalize/data/TSCharacters.txt  Traditional→Simplified characters
#   segment/normalize/data/NOTICE            provenance and Apache-2.0 notice
#
# The files are OpenCC's own dictionaries (the two that its t2s.json config
# uses), exported from the binary .ocd2 form with opencc_dict, one entry a
# line: "traditional<TAB>candidate[ candidate...]". The Go loader takes the
# first candidate and uses the others only to recognise characters that are
# also valid Simplified (乾, 於, 徵, ...). Lines are sorted (LC_ALL=C) so
# that a regeneration diffs cleanly.
#
# OpenCC's Taiwan dictionaries (TWPhrasesRev, TWVariantsRev...) are
# deliberately NOT exported: TSCharacters already maps the Taiwan variant
# characters (為 眾 裡 ...), and TWPhrasesRev rewrites ordinary words of
# policy text (執行→運行, 建立→創建, 核心→內核, 指標→指針). The Taiwan
# wording that matters is the hand-made data/taiwan.tsv instead.
#
# opencc itself is installed from Debian's packages when missing.
# Usage: scripts/gen-opencc.sh            (from anywhere in the repo)
# Env:   OPENCC_DIR  directory holding the .ocd2 files (default /usr/share/opencc)
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out="$root/segment/normalize/data"
dir=${OPENCC_DIR:-/usr/share/opencc}
dicts=(TSPhrases TSCharacters)

need_install=
command -v opencc_dict >/dev/null 2>&1 || need_install=1
for d in "${dicts[@]}"; do
	[ -f "$dir/$d.ocd2" ] || need_install=1
done
if [ -n "$need_install" ]; then
	sudo=
	[ "$(id -u)" -eq 0 ] || sudo=sudo
	echo "gen-opencc: installing opencc" >&2
	$sudo apt-get update
	$sudo apt-get install -y opencc
fi

version=$(dpkg-query -W -f='${Version}' opencc 2>/dev/null || true)
[ -n "$version" ] || version=$(opencc --version 2>/dev/null | head -n1 || true)
[ -n "$version" ] || version=unknown

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$out"

for d in "${dicts[@]}"; do
	opencc_dict -i "$dir/$d.ocd2" -o "$tmp/$d.raw" -f ocd2 -t text
	# Drop CRs and blank lines, refuse anything that is not key<TAB>value.
	tr -d '\r' <"$tmp/$d.raw" | grep -v '^$' | LC_ALL=C sort -u >"$tmp/$d.txt"
	if LC_ALL=C grep -nvP '^[^\t ]+\t[^\t ]+( [^\t ]+)*$' "$tmp/$d.txt" >&2; then
		echo "gen-opencc: $d: unexpected line format (above)" >&2
		exit 1
	fi
	mv "$tmp/$d.txt" "$out/$d.txt"
	echo "gen-opencc: wrote $out/$d.txt ($(wc -l <"$out/$d.txt") entries)" >&2
done

cat >"$out/NOTICE" <<NOTICE
segment/normalize/data: third-party data
=======================================

TSPhrases.txt and TSCharacters.txt are generated from OpenCC (Open Chinese
Convert), https://github.com/BYVoid/OpenCC, Debian package opencc
${version}. They are OpenCC's dictionaries TSPhrases.ocd2 and
TSCharacters.ocd2, exported unchanged to text with

    opencc_dict -i X.ocd2 -o X.txt -f ocd2 -t text

then stripped of blank lines and sorted. Do not edit them by hand:
regenerate them with

    scripts/gen-opencc.sh

taiwan.tsv is not from OpenCC; it is written by hand for citydiff.

OpenCC is Copyright (c) 2010-2022 Carbo Kuo (BYVoid) <byvoid.kcp@gmail.com>
and contributors, and is licensed under the Apache License, Version 2.0:

    Licensed under the Apache License, Version 2.0 (the "License");
    you may not use this file except in compliance with the License.
    You may obtain a copy of the License at

        http://www.apache.org/licenses/LICENSE-2.0

    Unless required by applicable law or agreed to in writing, software
    distributed under the License is distributed on an "AS IS" BASIS,
    WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
    See the License for the specific language governing permissions and
    limitations under the License.

NOTICE
if [ -f /usr/share/common-licenses/Apache-2.0 ]; then
	{
		echo "The full text of the Apache License, Version 2.0 follows."
		echo
		cat /usr/share/common-licenses/Apache-2.0
	} >>"$out/NOTICE"
fi
echo "gen-opencc: wrote $out/NOTICE" >&2
