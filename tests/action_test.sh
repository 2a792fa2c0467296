#!/usr/bin/env bash
# Local test of the composite GitHub Action (action.yml): runs the `run:` lines of its steps, read
# from action.yml, with the environment the runner gives them (GITHUB_ACTION_PATH, GITHUB_WORKSPACE,
# RUNNER_TEMP, a GITHUB_OUTPUT file per step, the INPUT_* variables action.yml maps from its inputs)
# against a temporary workspace holding a fixture template. Checks the SARIF (valid JSON, version
# 2.1.0, the RL102 ruleId, workspace-relative uris), the step outputs, that findings do not fail the
# step and that an unreadable input does, with the other inputs' SARIF still named for the upload
# step (whose condition is checked in action.yml). The upload step (github/codeql-action) needs GitHub: only
# its wiring is checked. The build step builds reachlint into the action's build-action/ directory
# as it does on a runner: the first time, a few minutes (little when ccache holds the main build's
# objects: CCACHE_BASEDIR makes its paths match); afterwards an up-to-date check of seconds.
# Exit 0 pass, 1 fail, 77 skipped.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
action="$root/action.yml"

# shellcheck source=tests/lib.sh
. "$root/tests/lib.sh"

[ -f "$action" ] || fail "action.yml is missing"
if command -v python3 >/dev/null 2>&1 && python3 -c 'import json' 2>/dev/null; then
  json_tool=python3
elif command -v jq >/dev/null 2>&1; then
  json_tool=jq
else
  skip "neither python3 nor jq to read the SARIF"
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/action_test.XXXXXX")
# shellcheck disable=SC2317 # called by the trap
cleanup() { rm -rf "$tmp"; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- action.yml: its steps, in order ------------------------------------------------------------
# The single-line `run:` of the step with the given id (or name), exactly as the runner executes it.
step_run() {
  awk -v want="$1" '
    BEGIN { n = 0 }
    /^    - / { id = ""; name = "" }
    /^    - name: / || /^      name: / { sub(/^ *- name: |^ *name: /, ""); name = $0 }
    /^      id: / { id = $2 }
    /^      run: / { sub(/^      run: /, ""); run[n] = $0; rid[n] = id; rname[n] = name; n++ }
    END { for (i = 0; i < n; i++) if (rid[i] == want || rname[i] == want) { print run[i]; exit } }
  ' "$action"
}
install_run=$(step_run "Install build dependencies")
build_run=$(step_run build)
run_run=$(step_run run)
[ "$install_run" = 'bash "$GITHUB_ACTION_PATH/scripts/action/install.sh"' ] ||
  fail "unexpected install step in action.yml: '$install_run'"
[ "$build_run" = 'bash "$GITHUB_ACTION_PATH/scripts/action/build.sh"' ] ||
  fail "unexpected build step in action.yml: '$build_run'"
[ "$run_run" = 'bash "$GITHUB_ACTION_PATH/scripts/action/run.sh"' ] ||
  fail "unexpected run step in action.yml: '$run_run'"
# The environment this test gives the run step is the one action.yml maps from the inputs.
for mapping in 'REACHLINT: ${{ steps.build.outputs.binary }}' 'INPUT_PATHS: ${{ inputs.paths }}' \
  'INPUT_ARGS: ${{ inputs.args }}' 'INPUT_SARIF_FILE: ${{ inputs.sarif-file }}' \
  'INPUT_CATEGORY: ${{ inputs.category }}' \
  'uses: github/codeql-action/upload-sarif@v3' 'sarif_file: ${{ steps.run.outputs.sarif-file }}' \
  'category: ${{ inputs.category }}' \
  "if: \${{ !cancelled() && inputs.upload == 'true' && steps.run.outputs.sarif-file != '' }}"; do
  grep -qF -- "$mapping" "$action" || fail "action.yml lacks '$mapping'"
done
default_of() { # the default of an input, unquoted
  awk -v want="  $1:" '
    $0 == want { found = 1; next }
    found && /^    default:/ { sub(/^    default: */, ""); gsub(/^"|"$/, ""); print; exit }
    found && /^  [^ ]/ { exit }
  ' "$action"
}
[ "$(default_of paths)" = . ] || fail "input paths does not default to '.'"
[ "$(default_of sarif-file)" = reachlint.sarif ] || fail "input sarif-file does not default to reachlint.sarif"
[ "$(default_of upload)" = true ] || fail "input upload does not default to true"

# --- the runner's environment ------------------------------------------------------------------
workspace="$tmp/workspace"
mkdir -p "$workspace/infra" "$tmp/runner-temp"
cp "$root/fixtures/corpus-seed-as-is/template.json" "$workspace/infra/template.json"
printf '{ "name": "unrelated", "version": "1.0.0" }\n' >"$workspace/package.json"
export GITHUB_ACTIONS=true CI=true
export GITHUB_ACTION_PATH="$root" GITHUB_WORKSPACE="$workspace" RUNNER_TEMP="$tmp/runner-temp"
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$root}
export GITHUB_STEP_SUMMARY="$tmp/step-summary.md"
: >"$GITHUB_STEP_SUMMARY"

# run_step NAME RUNLINE [VAR=VALUE...]: runs a step as the runner does (bash, cwd = workspace, a
# fresh GITHUB_OUTPUT file); its log goes to $tmp/NAME.log, its outputs to $tmp/NAME.out.
run_step() {
  local name=$1 line=$2 status=0
  shift 2
  : >"$tmp/$name.out"
  (cd "$workspace" && env GITHUB_OUTPUT="$tmp/$name.out" "$@" bash -e -o pipefail -c "$line") \
    >"$tmp/$name.log" 2>&1 || status=$?
  return "$status"
}
output_of() { sed -n "s/^$2=//p" "$tmp/$1.out" | tail -n 1; }

# 1. Install: a no-op where the packages are present, apt-get where they are not.
t0=$SECONDS
if ! run_step install "$install_run"; then
  cat "$tmp/install.log" >&2
  skip "the build dependencies cannot be installed here"
fi

# 2. Build.
if ! run_step build "$build_run"; then
  tail -n 40 "$tmp/build.log" >&2
  fail "the build step failed"
fi
binary=$(output_of build binary)
[ -n "$binary" ] && [ -x "$binary" ] || fail "the build step set no usable 'binary' output ('$binary')"
[ "$binary" = "$root/build-action/reachlint" ] || fail "the binary is not the action's build-action/reachlint: $binary"
say "install + build steps: $((SECONDS - t0)) s"

# 3. Run with the default inputs, plus args: findings are reported, the step passes.
run_inputs=(REACHLINT="$binary" INPUT_PATHS=. INPUT_ARGS="--skip-unrecognised --fail-level error"
  INPUT_SARIF_FILE=reachlint.sarif INPUT_CATEGORY=iac/network)
if ! run_step run "$run_run" "${run_inputs[@]}"; then
  cat "$tmp/run.log" >&2
  fail "the run step failed on findings (exit 1 must not fail it)"
fi
[ "$(output_of run exit-code)" = 1 ] || { cat "$tmp/run.log" >&2; fail "exit-code output is '$(output_of run exit-code)', not 1"; }
sarif=$(output_of run sarif-file)
[ "$sarif" = "$workspace/reachlint.sarif" ] || fail "sarif-file output is '$sarif', not $workspace/reachlint.sarif"
[ -s "$sarif" ] || fail "no SARIF at $sarif"
grep -q 'RL102' "$tmp/run.log" || fail "the job log does not show the findings as text"
grep -q 'RL102' "$GITHUB_STEP_SUMMARY" || fail "the step summary does not show the findings"

# The SARIF: valid JSON, 2.1.0, the expected rule, uris relative to the workspace, fingerprints.
# check_sarif FILE: prints the version; the ruleIds; the uris; how many results lack fingerprints;
# the runs' automationDetails.id.
check_sarif() {
  if [ "$json_tool" = python3 ]; then
    python3 - "$1" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
print(doc["version"])
results = [r for run in doc["runs"] for r in run.get("results", [])]
print(" ".join(sorted({r["ruleId"] for r in results})))
print(" ".join(sorted({l["physicalLocation"]["artifactLocation"]["uri"] for r in results for l in r["locations"]})))
print(sum(1 for r in results if not r.get("partialFingerprints")))
print(" ".join(run.get("automationDetails", {}).get("id", "") for run in doc["runs"]))
PY
  else
    jq -r '.version,
      ([.runs[].results[]?.ruleId] | unique | join(" ")),
      ([.runs[].results[]?.locations[].physicalLocation.artifactLocation.uri] | unique | join(" ")),
      ([.runs[].results[]? | select((.partialFingerprints // {}) == {})] | length),
      ([.runs[] | .automationDetails.id // ""] | join(" "))' "$1"
  fi
}
summary=$(check_sarif "$sarif") || fail "the SARIF is not valid JSON of the expected shape"
fields() { # the five lines of check_sarif's summary, into variables (empty lines at the end included)
  local lines=()
  mapfile -t lines <<<"$1"
  version=${lines[0]:-} rules=${lines[1]:-} uris=${lines[2]:-} unfingerprinted=${lines[3]:-}
  category=${lines[4]:-}
}
fields "$summary"
[ "$version" = 2.1.0 ] || fail "SARIF version is '$version', not 2.1.0"
grep -qw RL102 <<<"$rules" || fail "no RL102 result in the SARIF (rules: $rules)"
[ "$uris" = infra/template.json ] || fail "SARIF uris are '$uris', not the workspace-relative infra/template.json"
[ "$unfingerprinted" = 0 ] || fail "$unfingerprinted SARIF results have no partialFingerprints"
[ "$category" = iac/network/ ] || fail "automationDetails.id is '$category', not the category input iac/network/"
say "run step on the broken template: passes, exit-code 1, SARIF 2.1.0 with $rules"

# 4. The fixed template: exit-code 0, no results; a custom sarif-file path.
cp "$root/fixtures/corpus-tgw-ok/template.json" "$workspace/infra/template.json"
if ! run_step run-ok "$run_run" REACHLINT="$binary" INPUT_PATHS="infra/template.json" INPUT_ARGS= \
  INPUT_SARIF_FILE=results/out.sarif INPUT_CATEGORY=; then
  cat "$tmp/run-ok.log" >&2
  fail "the run step failed on the fixed template"
fi
[ "$(output_of run-ok exit-code)" = 0 ] || fail "exit-code output on the fixed template is not 0"
summary=$(check_sarif "$workspace/results/out.sarif") || fail "the second SARIF is not valid"
fields "$summary"
[ "$version" = 2.1.0 ] && [ -z "$rules" ] || fail "the fixed template still has results: '$rules'"
[ -z "$category" ] || fail "automationDetails.id '$category' without a category input"

# 5. An unreadable input (exit 2) fails the step, and so do args that redirect the report.
status=0
run_step run-bad "$run_run" REACHLINT="$binary" INPUT_PATHS="no/such/template.json" \
  INPUT_ARGS= INPUT_SARIF_FILE=bad.sarif INPUT_CATEGORY= || status=$?
[ "$status" -ne 0 ] || fail "the run step passed on a missing input"
grep -q '::error' "$tmp/run-bad.log" || fail "no ::error annotation for the failed run"
if run_step run-args "$run_run" REACHLINT="$binary" INPUT_PATHS=. INPUT_ARGS="-f json" \
  INPUT_SARIF_FILE=args.sarif INPUT_CATEGORY=; then
  fail "the run step accepted '-f json' in args"
fi
say "run step on the fixed template: exit-code 0; on a missing input: fails (status $status)"

# 6. A missing input beside a template with findings: the step fails (exit 2), yet the SARIF holds the
# template's findings and the error, and sarif-file is set, so the upload step runs.
cp "$root/fixtures/corpus-seed-as-is/template.json" "$workspace/infra/seed.json"
status=0
run_step run-partial "$run_run" REACHLINT="$binary" INPUT_PATHS="infra/seed.json infra/gone.json" \
  INPUT_ARGS= INPUT_SARIF_FILE=partial.sarif INPUT_CATEGORY= || status=$?
[ "$status" -eq 2 ] || { cat "$tmp/run-partial.log" >&2; fail "the run step on a missing input beside a template: status $status, not 2"; }
[ "$(output_of run-partial exit-code)" = 2 ] || fail "exit-code output is '$(output_of run-partial exit-code)', not 2"
[ "$(output_of run-partial sarif-file)" = "$workspace/partial.sarif" ] ||
  fail "no sarif-file output for the report written beside the error: the upload step would skip it"
grep -q '::error' "$tmp/run-partial.log" || fail "no ::error annotation for the partial run"
grep -q 'RL102' "$tmp/run-partial.log" || fail "the job log does not show the other input's findings"
summary=$(check_sarif "$workspace/partial.sarif") || fail "the partial SARIF is not valid"
fields "$summary"
grep -qw RL102 <<<"$rules" || fail "the partial SARIF lacks the template's RL102 (rules: '$rules')"
[ "$uris" = infra/seed.json ] || fail "the partial SARIF's result uris are '$uris'"
# invocation FILE: "<executionSuccessful> <whether a notification names infra/gone.json>"
invocation() {
  if [ "$json_tool" = python3 ]; then
    python3 - "$1" <<'PY'
import json, sys
invocation = json.load(open(sys.argv[1]))["runs"][0]["invocations"][0]
notes = invocation.get("toolExecutionNotifications", [])
print(str(invocation["executionSuccessful"]).lower(), str(any("infra/gone.json" in json.dumps(n) for n in notes)).lower())
PY
  else
    jq -r '.runs[0].invocations[0] | "\(.executionSuccessful) \(any(.toolExecutionNotifications[]?; tostring | contains("infra/gone.json")))"' "$1"
  fi
}
notified=$(invocation "$workspace/partial.sarif")
[ "$notified" = "false true" ] || fail "the partial SARIF does not report the missing input (executionSuccessful, notified: $notified)"

# 7. A usage error writes no report: no sarif-file output (the upload step skips), and a report
# left by an earlier run is not passed off as this one's.
printf '{}\n' >"$workspace/stale.sarif"
if run_step run-usage "$run_run" REACHLINT="$binary" INPUT_PATHS=infra/seed.json \
  INPUT_ARGS="--select RL999" INPUT_SARIF_FILE=stale.sarif INPUT_CATEGORY=; then
  fail "the run step passed on an unknown rule code"
fi
[ -z "$(output_of run-usage sarif-file)" ] || fail "sarif-file output set although no report was written"
[ "$(output_of run-usage exit-code)" = 2 ] || fail "exit-code output on a usage error is not 2"
[ ! -e "$workspace/stale.sarif" ] || fail "the stale report of an earlier run is still there"
say "missing input beside a template: fails, SARIF with its findings and the error, sarif-file set; usage error: no sarif-file"
say "PASS"
