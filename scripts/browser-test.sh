#!/usr/bin/env bash
# Browser test of the HTML report: renders the seeds' report in headless
# Chromium, takes a screenshot, and checks the live page (heat map, matrix,
# highlights, and that a filter set from the address hides rows). The checks
# are the Go test TestBrowser in report/browser_test.go; this script installs
# what it needs and runs it.
#
#   scripts/browser-test.sh            # page and screenshot in a temp directory
#   OUT=dir scripts/browser-test.sh    # ... kept in dir (report.html, report.png)
#
# Installs Debian's chromium when it is missing, and a CJK font when none is
# installed (without one the screenshot shows boxes instead of Chinese).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1 || need+=(chromium)
if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list :lang=zh 2>/dev/null)" ]; then
	need+=(fonts-noto-cjk)
fi
if [ ${#need[@]} -gt 0 ]; then
	sudo=""
	[ "$(id -u)" -eq 0 ] || sudo=sudo
	echo "browser-test: installing ${need[*]}" >&2
	$sudo apt-get update
	$sudo apt-get install -y "${need[@]}"
fi

out=${OUT:-$(mktemp -d)}
mkdir -p "$out"
CITYDIFF_BROWSER=1 CITYDIFF_BROWSER_OUT="$out" go test -count=1 -run '^TestBrowser$' -v ./report/
echo "browser-test: page $out/report.html, screenshot $out/report.png" >&2
