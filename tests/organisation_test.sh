#!/usr/bin/env bash
# The organisation generator's planted defects, found exactly by reachlint: a small organisation in
# each --prefix-lists mode, two seeds (bench/org/README.md). Both checks of check_org.py run: its
# own model of the rules, and reachlint's findings and notices against expected-verdicts.json.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
: "${REACHLINT:?the reachlint binary to test}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for seed in 1 2; do
  for mode in all some none; do
    out=$work/org-$seed-$mode
    python3 "$root/bench/org/gen_org.py" -q -o "$out" --scale 0.05 --seed "$seed" --prefix-lists "$mode"
    if ! python3 "$root/bench/org/check_org.py" --reachlint "$REACHLINT" "$out" >"$work/log" 2>&1; then
      echo "organisation_test: seed $seed, --prefix-lists $mode:" >&2
      cat "$work/log" >&2
      exit 1
    fi
    echo "seed $seed, --prefix-lists $mode: $(grep '^reachlint: OK' "$work/log")"
  done
done
