#!/usr/bin/env bash
# GitHub Action step 3: runs reachlint over INPUT_PATHS in GITHUB_WORKSPACE and writes SARIF to
# INPUT_SARIF_FILE (relative to the workspace unless absolute), uris relative to the workspace.
# Findings (exit 1) do not fail the step: code scanning shows and gates them. A usage error or an
# unreadable input (exit 2), or a crash, does. An unreadable input still leaves a SARIF report with
# the findings of the other inputs (its error under toolExecutionNotifications): the step then
# fails after naming that report, and the upload step (run whenever sarif-file is set) uploads it.
# Step outputs: sarif-file (absolute; only when this run wrote the report), exit-code.
#
#   REACHLINT          the binary (the build step's output)
#   INPUT_PATHS        files or directories, separated by spaces or newlines (default: .)
#   INPUT_ARGS         more reachlint options, separated by spaces (no shell quoting)
#   INPUT_SARIF_FILE   default: reachlint.sarif
#   INPUT_CATEGORY     code scanning category, written to the SARIF as automationDetails.id
set -euo pipefail
reachlint=${REACHLINT:-reachlint}
workspace=${GITHUB_WORKSPACE:-$PWD}
cd "$workspace"

read -r -d '' -a paths <<<"${INPUT_PATHS:-.}" || true
[ ${#paths[@]} -gt 0 ] || paths=(.)
read -r -d '' -a args <<<"${INPUT_ARGS:-}" || true
sarif=${INPUT_SARIF_FILE:-reachlint.sarif}
case $sarif in /*) ;; *) sarif="$workspace/$sarif" ;; esac
mkdir -p "$(dirname "$sarif")"
if [ -n "${INPUT_CATEGORY:-}" ]; then args+=(--category "$INPUT_CATEGORY"); fi
for a in ${args[@]+"${args[@]}"}; do
  case $a in
    --baseline | --baseline=*)
      # Code scanning ignores baselineState: the baseline's fixed results ("absent") would be
      # uploaded as alerts. Code scanning keeps its own history (docs/github-code-scanning.md).
      echo "::warning title=reachlint::--baseline adds the baseline's fixed findings to the SARIF as results; do not upload it to code scanning" >&2 ;;
    -f | --format | --format=* | -o | --output | --output=*)
      echo "::error title=reachlint::args must not set the format or the output file ($a): the action writes SARIF to sarif-file" >&2
      exit 2 ;;
  esac
done

# The report for code scanning; its exit status is the step's verdict. A report left by an earlier
# run must not pass for this one's.
rm -f -- "$sarif"
status=0
"$reachlint" -f sarif -o "$sarif" --srcroot "$workspace" ${args[@]+"${args[@]}"} -- "${paths[@]}" ||
  status=$?
written=false
if [ -s "$sarif" ] && [ "$status" -le 2 ]; then written=true; fi

# The same findings as text, for the job log and the run summary (the verdict is already known).
if [ "$written" = true ]; then
  text=$("$reachlint" --no-color --srcroot "$workspace" ${args[@]+"${args[@]}"} -- "${paths[@]}" 2>&1) || true
  printf '%s\n' "$text"
  if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
    printf '### reachlint\n\n```text\n%s\n```\n' "$text" >>"$GITHUB_STEP_SUMMARY"
  fi
fi
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  if [ "$written" = true ]; then printf 'sarif-file=%s\n' "$sarif" >>"$GITHUB_OUTPUT"; fi
  printf 'exit-code=%s\n' "$status" >>"$GITHUB_OUTPUT"
fi

case $status in
  0) echo "reachlint: no findings at or above the fail level; SARIF in $sarif" ;;
  1) echo "reachlint: findings reported; SARIF in $sarif (code scanning shows them; the step passes)" ;;
  2)
    if [ "$written" = true ]; then
      echo "::error title=reachlint::reachlint exited with status 2: an input could not be read (see above); the other inputs' findings are in $sarif, which is uploaded, and the step fails" >&2
    else
      echo "::error title=reachlint::reachlint exited with status 2 (usage error or unreadable input); no SARIF report was written" >&2
    fi
    exit 2 ;;
  *)
    echo "::error title=reachlint::reachlint exited with status $status" >&2
    exit "$status" ;;
esac
