#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite; then the same suite under
# AddressSanitizer and UndefinedBehaviorSanitizer, and every fuzzer for a bounded time from the
# committed corpus fuzz/corpus/ (docs/fuzzing.md; the hour-long campaigns are the scheduled
# .github/workflows/fuzz-nightly.yml). Each phase prints how long it took (README: the total on 2 cores).
#
# Environment: REACHLINT_FUZZ_SECONDS per fuzzer (default 60; 0 skips fuzzing),
# REACHLINT_SANITIZE=0 skips the sanitizer run (for a quick local check; CI runs everything).
set -euo pipefail
cd "$(dirname "$0")/.."
start=$SECONDS
phase_start=$SECONDS
phase_done() { # phase_done NAME: how long the phase took
  echo "== $1: $((SECONDS - phase_start)) s"
  phase_start=$SECONDS
}
./scripts/build.sh
phase_done "build"
ctest --test-dir build --output-on-failure -j"$(nproc)"
phase_done "test suite"
if [ "${REACHLINT_SANITIZE:-1}" != 0 ]; then
  echo "== the test suite under AddressSanitizer and UndefinedBehaviorSanitizer"
  ./scripts/sanitize.sh
  phase_done "sanitizer build and test suite"
fi
fuzz_seconds=${REACHLINT_FUZZ_SECONDS:-60}
if [ "$fuzz_seconds" != 0 ]; then
  echo "== every fuzzer for ${fuzz_seconds} s"
  # A fixed seed: the same exploration on every run, so that a failure here reproduces.
  FUZZ_SEED=${FUZZ_SEED:-1} ./scripts/fuzz.sh "$fuzz_seconds"
  phase_done "fuzzer build and runs"
fi
echo "== test.sh: everything passed in $((SECONDS - start)) s"
