#!/usr/bin/env bash
# An HTML report (reachlint -f html) as a person sees it: a PNG screenshot by headless Chromium
# (Debian's `chromium` package), with no network and a throwaway profile.
#
#   scripts/render-report.sh REPORT.html OUT.png [WIDTH,HEIGHT]    (default 1280,2000)
#
# Exit 77 when chromium is not installed (apt-get install chromium).
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: scripts/render-report.sh REPORT.html OUT.png [WIDTH,HEIGHT]" >&2
  exit 2
fi
report=$1
png=$2
size=${3:-1280,2000}
command -v chromium >/dev/null 2>&1 || { echo "render-report: chromium is not installed (apt-get install chromium)" >&2; exit 77; }
[ -f "$report" ] || { echo "render-report: $report: no such file" >&2; exit 2; }
absolute=$(cd "$(dirname "$report")" && pwd)/$(basename "$report")
case $png in /*) ;; *) png=$PWD/$png ;; esac
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
rm -f "$png"
# No sandbox: CI and these machines run as root. Nothing that phones home: the report loads
# nothing, and neither may the browser.
timeout 120 chromium --headless --no-sandbox --disable-gpu --hide-scrollbars \
  --user-data-dir="$profile" --no-first-run --no-default-browser-check \
  --disable-background-networking --disable-component-update --disable-sync \
  --disable-extensions --force-device-scale-factor=1 \
  --window-size="$size" --screenshot="$png" "file://$absolute" >"$profile/log" 2>&1 || true
if [ ! -s "$png" ]; then
  cat "$profile/log" >&2
  echo "render-report: chromium wrote no screenshot" >&2
  exit 1
fi
echo "$png"
