#!/usr/bin/env bash
# Builds the libFuzzer harnesses (CMake preset `fuzz`, in build-fuzz/) and runs each for a bounded
# time from the committed corpus (fuzz/corpus/<harness>/, read only), the seeds made from fixtures/
# and the working corpus build-fuzz/corpus/<harness>/, where new inputs go. Fails when any harness
# finds a crash, a leak, a timeout or an out-of-memory; the input is saved under build-fuzz/crashes/.
# scripts/fuzz-corpus.sh update folds the working corpus back into fuzz/corpus/. See docs/fuzzing.md.
#
#   scripts/fuzz.sh [SECONDS_PER_HARNESS] [HARNESS...]     default: 20 s each, every harness
#
# Environment: FUZZ_SEED libFuzzer's random seed (default 0: a new one each run; scripts/test.sh
# passes 1, so that CI explores the same inputs run after run and a failure reproduces);
# FUZZ_JOBS harnesses run at once (default: the number of cores); FUZZ_TIMEOUT
# seconds one input may take (default 10); FUZZ_RSS_MB memory limit (default 2560);
# FUZZ_ARGS extra libFuzzer flags.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
# shellcheck source=scripts/fuzz-lib.sh
. scripts/fuzz-lib.sh
seconds=${1:-20}
shift || true
harnesses=("$@")
[ ${#harnesses[@]} -eq 0 ] && harnesses=("${FUZZ_HARNESSES[@]}")
fuzz_check_harnesses fuzz.sh "${harnesses[@]}"
case $seconds in '' | *[!0-9]*) echo "usage: scripts/fuzz.sh [SECONDS_PER_HARNESS] [HARNESS...]" >&2; exit 2 ;; esac

# Debian 12: the project's build dependencies, clang and its libFuzzer/sanitizer runtimes; the
# harnesses, seeds and dictionaries.
fuzz_build || { echo "fuzz.sh: the build failed" >&2; exit 1; }
build=$root/build-fuzz

mkdir -p "$build/crashes" "$build/logs" "$build/corpus" "$build/tmp"
# The harnesses' scratch directories (fuzz_common.h) go here, not into /tmp.
export TMPDIR=$build/tmp
export ASAN_OPTIONS=${ASAN_OPTIONS:-halt_on_error=1:abort_on_error=1:detect_leaks=1:print_stacktrace=1:strict_string_checks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1:report_error_type=1}
jobs=${FUZZ_JOBS:-$(nproc)}
start=$(date +%s)

run_one() {  # HARNESS
  local h=$1
  mkdir -p "$build/corpus/$h"
  local committed=()
  [ -d "$root/fuzz/corpus/$h" ] && committed=("$root/fuzz/corpus/$h")
  # shellcheck disable=SC2086 # FUZZ_ARGS is a list of flags
  "$build/fuzz/fuzz_$h" -max_total_time="$seconds" -timeout="${FUZZ_TIMEOUT:-10}" \
    -rss_limit_mb="${FUZZ_RSS_MB:-2560}" -max_len="$(fuzz_max_len "$h")" -dict="$build/dict/$h.dict" \
    -seed="${FUZZ_SEED:-0}" \
    -artifact_prefix="$build/crashes/$h-" -print_final_stats=1 ${FUZZ_ARGS:-} \
    "$build/corpus/$h" "${committed[@]}" "$build/seeds/$h" </dev/null >"$build/logs/$h.log" 2>&1 &&
    echo 0 >"$build/logs/$h.status" || echo $? >"$build/logs/$h.status"
}

for h in "${harnesses[@]}"; do
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
  echo "fuzz_$h: ${seconds}s (log: build-fuzz/logs/$h.log)"
  rm -f "$build/logs/$h.status"
  run_one "$h" &
done
wait

failed=()
for h in "${harnesses[@]}"; do
  status=$(cat "$build/logs/$h.status" 2>/dev/null || echo missing)
  log=$build/logs/$h.log
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 || true)
  if [ "$status" = 0 ]; then
    printf '  %-11s ok      %8s execs  %6s exec/s  %s\n' "$h" "${execs:-?}" "${rate:-?}" "$cov"
  else
    failed+=("$h")
    printf '  %-11s FAILED  (exit %s)\n' "$h" "$status"
    grep -E '^==[0-9]+==ERROR|runtime error:|Assertion|^SUMMARY|Test unit written to|ALARM|out-of-memory|^fuzz_' "$log" \
      | sort -u | sed 's/^/      /' | head -12 || true
  fi
done
echo "fuzz.sh: ${#harnesses[@]} harnesses in $(($(date +%s) - start)) s"
rm -rf "$build/tmp"
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz.sh: crashes in: ${failed[*]} (inputs in build-fuzz/crashes/, logs in build-fuzz/logs/)" >&2
  echo "fuzz.sh: reproduce with build-fuzz/fuzz/fuzz_<harness> build-fuzz/crashes/<file>" >&2
  exit 1
fi
