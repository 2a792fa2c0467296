#!/usr/bin/env bash
# README's sample output is what the tool prints: every fenced block of README.md whose first line
# is `$ ./build/reachlint ARGS...` is run from the repository root with REACHLINT in place of
# ./build/reachlint, and its output (both streams, as a terminal shows them) must equal the rest
# of the block. ARGS are split at spaces (no quoting in the samples). Exit 0 pass, 1 fail.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)

# shellcheck source=tests/lib.sh
. "$root/tests/lib.sh"

reachlint=$(reachlint_under_test "$root")
tmp=$(mktemp -d "${TMPDIR:-/tmp}/readme_sample_test.XXXXXX")
# shellcheck disable=SC2317 # called by the trap
cleanup() { rm -rf "$tmp"; }
trap cleanup EXIT

# Each sample into $tmp/N.cmd (the arguments after ./build/reachlint) and $tmp/N.expected.
awk -v dir="$tmp" '
  /^```/ {
    if (in_block) { in_block = 0; if (sample) close(out); sample = 0; next }
    in_block = 1; first = 1; next
  }
  in_block && first {
    first = 0
    if ($0 ~ /^\$ \.\/build\/reachlint /) {
      n++; sample = 1; out = dir "/" n ".expected"
      cmd = $0; sub(/^\$ \.\/build\/reachlint /, "", cmd)
      print cmd > (dir "/" n ".cmd"); close(dir "/" n ".cmd")
      printf "" > out
    }
    next
  }
  in_block && sample { print > out }
' "$root/README.md"

count=0
for cmd_file in "$tmp"/*.cmd; do
  [ -e "$cmd_file" ] || break
  n=$(basename "$cmd_file" .cmd)
  read -r -a args <"$cmd_file"
  case "${args[*]}" in *[\"\']*) fail "README sample $n quotes its arguments, which this test does not parse: ${args[*]}" ;; esac
  # As a reader's terminal in a checkout shows it, minus the colour codes.
  (cd "$root" && NO_COLOR=1 "$reachlint" "${args[@]}") >"$tmp/$n.actual" 2>&1 || true
  if ! diff -u "$tmp/$n.expected" "$tmp/$n.actual" >"$tmp/$n.diff"; then
    cat "$tmp/$n.diff" >&2
    fail "README's sample output for './build/reachlint ${args[*]}' is not what the tool prints (diff above: - README, + tool)"
  fi
  count=$((count + 1))
done
[ "$count" -gt 0 ] || fail "no '\$ ./build/reachlint ...' sample block found in README.md"
say "$count README sample(s) match the tool's output"
say "PASS"
