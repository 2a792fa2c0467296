#!/usr/bin/env bash
# The HTML report rendered by headless Chromium (scripts/render-report.sh): a PNG of the asked
# size that is not blank, with the report's colours in it (the red of a broken hop). Skipped
# where chromium is not installed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
source "$root/tests/lib.sh"
: "${REACHLINT:?the reachlint binary to test}"
require chromium python3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$REACHLINT" --no-config -f html -o "$work/report.html" "$root/fixtures/RL103-cdk-bad/template.json" || [ $? = 1 ]
"$root/scripts/render-report.sh" "$work/report.html" "$work/report.png" 800,1000 >/dev/null
python3 - "$work/report.png" <<'PY' || fail "the screenshot is not the report"
import struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
width, height, depth, colour = struct.unpack(">IIBB", data[16:26])
assert (width, height) == (800, 1000), (width, height)
assert depth == 8 and colour in (2, 6), (depth, colour)
chunks, at = [], 8
while at < len(data):
    length, kind = struct.unpack(">I4s", data[at:at + 8])
    if kind == b"IDAT":
        chunks.append(data[at + 8:at + 8 + length])
    at += 12 + length
raw = zlib.decompress(b"".join(chunks))
bpp = 3 if colour == 2 else 4
stride = width * bpp
previous = bytearray(stride)
colours = set()
for y in range(height):  # PNG's five row filters undone
    kind, row = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
    for i in range(stride):
        a = row[i - bpp] if i >= bpp else 0
        b = previous[i]
        c = previous[i - bpp] if i >= bpp else 0
        if kind == 1: row[i] = (row[i] + a) & 255
        elif kind == 2: row[i] = (row[i] + b) & 255
        elif kind == 3: row[i] = (row[i] + (a + b) // 2) & 255
        elif kind == 4:
            p = a + b - c
            pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
            row[i] = (row[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
    for x in range(0, stride, bpp * 3):
        colours.add(bytes(row[x:x + 3]))
    previous = row
assert len(colours) > 20, f"{len(colours)} colours: blank"
assert bytes((0xC6, 0x28, 0x28)) in colours or bytes((0xFD, 0xEC, 0xEA)) in colours, "no red of a broken hop"
PY
say "rendered $(stat -c %s "$work/report.png") bytes"
