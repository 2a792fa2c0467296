#!/usr/bin/env bash
# Every fixture's SARIF, and SARIF from baseline, suppression, category and input-error runs, must
# pass the official 2.1.0 schema (vendored in tests/sarif) and the SARIF Multitool's SARIF and
# GitHub rule sets. The Multitool exits 0 whatever it finds, so its log is read.
# Needs: REACHLINT (the binary), /usr/bin/python3 with python3-jsonschema, jq, and the network on
# the first run: scripts/sarif-multitool.sh downloads the Multitool from the npm registry. When the
# registry cannot be reached, the schema check still runs and must pass, and the test then exits
# 77 (CTest: skipped) saying so. Exit 0 pass, 1 fail, 77 skipped.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
reachlint=${REACHLINT:?set REACHLINT to the reachlint binary}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export REACHLINT_TODAY=2026-06-01

# The fixtures, run as tests/fixtures_test.cpp runs them.
for dir in "$root"/fixtures/*/; do
  name=$(basename "$dir")
  [ "$name" = cdk-app ] && continue
  args=(-f sarif)
  if [ -f "$dir/reachlint.toml" ]; then args+=(--config reachlint.toml); else args+=(--no-config); fi
  if [[ $name =~ ^(RL[0-9]{3})- ]]; then
    args+=(--select "${BASH_REMATCH[1]}")
  else  # fixture.toml: [rules] select = ["RL101", ...] on one line
    args+=(--select "$(sed -n 's/^select = \[\(.*\)\]$/\1/p' "$dir/fixture.toml" | tr -d '" ')")
  fi
  inputs=()
  while IFS= read -r file; do inputs+=("$file"); done < <(
    cd "$dir" && ls -A |
      grep -v -x -e expected.json -e README.md -e reachlint.toml -e fixture.toml -e '\..*' -e '.*\.tf' | sort)
  (cd "$dir" && "$reachlint" "${args[@]}" -o "$out/$name.sarif" "${inputs[@]}" >/dev/null 2>&1) || true
  [ -s "$out/$name.sarif" ] || { echo "$name: no SARIF written" >&2; exit 1; }
done

# Runs that set baselineState (new, unchanged, absent), suppressions and automationDetails.
cd "$root/fixtures"
"$reachlint" --no-config -q --write-baseline "$out/base.sarif" \
  RL101-min-bad/template.json RL102-min-bad/template.json >/dev/null || true
"$reachlint" --no-config -f sarif --baseline "$out/base.sarif" --category reachlint/ci \
  -o "$out/compared.sarif" RL101-min-bad/template.json RL103-min-bad/template.json || true
"$reachlint" --config suppress-config/reachlint.toml -f sarif -o "$out/suppressed.sarif" \
  suppress-config/template.json suppress-inline-template/template.json || true

count=$(ls "$out"/*.sarif | wc -l)
status=0
/usr/bin/python3 "$root/tests/sarif/validate.py" "$root/tests/sarif/sarif-schema-2.1.0.json" \
  "$out"/*.sarif || status=1

fetch=0
multitool=$("$root/scripts/sarif-multitool.sh") || fetch=$?
if [ "$fetch" -eq 75 ]; then
  [ $status -eq 0 ] || { echo "validated $count SARIF files: schema FAILED" >&2; exit 1; }
  echo "sarif_validation: SKIP: the schema check passed ($count SARIF files), but the SARIF Multitool" \
    "could not be downloaded: this test needs the npm registry once (scripts/sarif-multitool.sh)" >&2
  exit 77
fi
[ "$fetch" -eq 0 ] || { echo "sarif_validation: FAIL: scripts/sarif-multitool.sh failed (exit $fetch)" >&2; exit 1; }
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
"$multitool" validate "$out"/*.sarif --rule-kind "Sarif;Gh" --level "Error;Warning" \
  -o "$out/multitool.log.json" --log ForceOverwrite --quiet true >/dev/null
problems=$(jq '[.runs[].results[]?] | length' "$out/multitool.log.json")
jq -r '.runs[].results[]? | "multitool \(.level // "warning") \(.ruleId): \(.message.arguments // [] | join(", ")) in \(.locations[0].physicalLocation.artifactLocation.uri // "?")"' \
  "$out/multitool.log.json" >&2
[ "$problems" -eq 0 ] || status=1
echo "validated $count SARIF files: schema and Multitool (Sarif;Gh) $([ $status -eq 0 ] && echo clean || echo FAILED)"
exit $status
