#!/usr/bin/env bash
# What reachlint does at a real terminal (a pseudo-terminal from script(1)): colour by default,
# none with NO_COLOR (set and not empty) or TERM=dumb unless --color always, and `rules CODE`
# through $PAGER only when the page is taller than the terminal. The decisions themselves are
# unit-tested (conventions suite); this checks main() reads the environment and the terminal.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
require script
bin=${REACHLINT:?REACHLINT must name the reachlint binary}
root=$(cd "$(dirname "$0")/.." && pwd)
seed="$root/fixtures/corpus-seed-as-is/template.json"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# at_terminal ROWS OUT COMMAND...: runs COMMAND at a terminal ROWS high, its output into OUT.
at_terminal() {
  local rows=$1 out=$2
  shift 2
  local command
  printf -v command '%q ' "$@"
  script -qec "stty rows $rows cols 100; $command" /dev/null >"$out" </dev/null || true
}
esc=$'\033\['

at_terminal 50 "$tmp/default" env -u NO_COLOR TERM=xterm "$bin" --no-config "$seed"
has "$tmp/default" "${esc}1;31merror" "a terminal gets colour by default"
at_terminal 50 "$tmp/no_color" env TERM=xterm NO_COLOR=1 "$bin" --no-config "$seed"
has "$tmp/no_color" "error: no route" "NO_COLOR: the report is there"
lacks "$tmp/no_color" "$esc" "NO_COLOR=1 turns colour off"
at_terminal 50 "$tmp/empty" env TERM=xterm NO_COLOR= "$bin" --no-config "$seed"
has "$tmp/empty" "$esc" "an empty NO_COLOR does not turn colour off (no-color.org)"
at_terminal 50 "$tmp/dumb" env -u NO_COLOR TERM=dumb "$bin" --no-config "$seed"
lacks "$tmp/dumb" "$esc" "TERM=dumb turns colour off"
at_terminal 50 "$tmp/always" env TERM=dumb NO_COLOR=1 "$bin" --no-config --color always "$seed"
has "$tmp/always" "${esc}1;31merror" "--color always wins over NO_COLOR and TERM=dumb"
at_terminal 50 "$tmp/never" env -u NO_COLOR TERM=xterm "$bin" --no-config --color never "$seed"
lacks "$tmp/never" "$esc" "--color never"

# The page of RL101 is taller than 5 rows: the pager (here: its first line only) shows it.
at_terminal 5 "$tmp/paged" env TERM=xterm PAGER='sed -n 1p' "$bin" rules RL101
[ "$(grep -c . "$tmp/paged")" -eq 1 ] || { cat "$tmp/paged" >&2; fail "a long page goes through \$PAGER"; }
has "$tmp/paged" "RL101: multiaz-endpoint-over-peering" "the pager gets the page"
at_terminal 500 "$tmp/fits" env TERM=xterm PAGER='sed -n 1p' "$bin" rules RL101
has "$tmp/fits" "References" "a page that fits is printed whole"
PAGER='sed -n 1p' "$bin" rules RL101 >"$tmp/piped"
has "$tmp/piped" "^References" "no pager when standard output is not a terminal"
lacks "$tmp/piped" "$esc" "no colour in a pipe"
say "colour, NO_COLOR, TERM=dumb and the pager check out at a terminal"
