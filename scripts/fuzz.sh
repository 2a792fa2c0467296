#!/usr/bin/env bash
# Builds the libFuzzer harnesses (CMake preset `fuzz`, in build-fuzz/) and runs each for a bounded
# time from seeds made from fixtures/. Fails when any harness finds a crash, a leak, a timeout or
# an out-of-memory; the input is saved under build-fuzz/crashes/. See docs/fuzzing.md.
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
seconds=${1:-20}
shift || true
all=(template export intrinsics cidr config cli parameters terraform)
harnesses=("$@")
[ ${#harnesses[@]} -eq 0 ] && harnesses=("${all[@]}")
for h in "${harnesses[@]}"; do
  case " ${all[*]} " in *" $h "*) ;; *) echo "fuzz.sh: no harness '$h' (${all[*]})" >&2; exit 2 ;; esac
done
case $seconds in '' | *[!0-9]*) echo "usage: scripts/fuzz.sh [SECONDS_PER_HARNESS] [HARNESS...]" >&2; exit 2 ;; esac

# Debian 12: the project's build dependencies, clang and its libFuzzer/sanitizer runtimes.
./scripts/install-deps.sh clang libclang-rt-14-dev

build=$root/build-fuzz
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j"$(nproc)"
fuzz/make-seed-corpus.sh "$build" >/dev/null || { echo "fuzz.sh: making the seed corpus failed" >&2; exit 1; }

max_len() {
  case $1 in
    template | export) echo 65536 ;;
    intrinsics) echo 32768 ;;
    config | parameters) echo 4096 ;;
    cidr | cli) echo 1024 ;;
  esac
}

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
  # shellcheck disable=SC2086 # FUZZ_ARGS is a list of flags
  "$build/fuzz/fuzz_$h" -max_total_time="$seconds" -timeout="${FUZZ_TIMEOUT:-10}" \
    -rss_limit_mb="${FUZZ_RSS_MB:-2560}" -max_len="$(max_len "$h")" -dict="$build/dict/$h.dict" \
    -seed="${FUZZ_SEED:-0}" \
    -artifact_prefix="$build/crashes/$h-" -print_final_stats=1 ${FUZZ_ARGS:-} \
    "$build/corpus/$h" "$build/seeds/$h" </dev/null >"$build/logs/$h.log" 2>&1 &&
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
