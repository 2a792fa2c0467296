#!/usr/bin/env bash
# scripts/sarif-multitool.sh without the network: with nothing cached and a registry that refuses
# connections, it must say the registry cannot be reached and exit 75, which sarif_validation turns
# into a skip (not a failure). Offline, under a second. Exit 0 pass, 1 fail.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

# shellcheck source=tests/lib.sh
. "$root/tests/lib.sh"

require curl
tmp=$(mktemp -d "${TMPDIR:-/tmp}/sarif_multitool_offline_test.XXXXXX")
# shellcheck disable=SC2317 # called by the trap
cleanup() { rm -rf "$tmp"; }
trap cleanup EXIT

# Port 9 (discard) on loopback: nothing listens there, so the connection is refused at once.
status=0
REACHLINT_TOOLS_DIR="$tmp/tools" REACHLINT_NPM_REGISTRY=http://127.0.0.1:9 \
  "$root/scripts/sarif-multitool.sh" >"$tmp/out" 2>"$tmp/err" || status=$?
[ "$status" -eq 75 ] || { cat "$tmp/err" >&2; fail "exit $status without the registry, not 75"; }
has "$tmp/err" 'the npm registry cannot be reached' "no message saying the registry cannot be reached"
[ ! -s "$tmp/out" ] || fail "a tool path was printed although nothing was downloaded: $(cat "$tmp/out")"
[ ! -e "$tmp/tools/sarif-multitool-5.7.0/package/Sarif.Multitool" ] || fail "a Multitool appeared from nowhere"
say "PASS"
