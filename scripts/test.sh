#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite; then the same suite under
# AddressSanitizer and UndefinedBehaviorSanitizer, and every fuzzer for a bounded time
# (docs/fuzzing.md). On 2 cores: about 4 + 4 + 5 minutes.
#
# Environment: REACHLINT_FUZZ_SECONDS per fuzzer (default 60; 0 skips fuzzing),
# REACHLINT_SANITIZE=0 skips the sanitizer run (for a quick local check; CI runs everything).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh
ctest --test-dir build --output-on-failure -j"$(nproc)"
if [ "${REACHLINT_SANITIZE:-1}" != 0 ]; then
  echo "== the test suite under AddressSanitizer and UndefinedBehaviorSanitizer"
  ./scripts/sanitize.sh
fi
fuzz_seconds=${REACHLINT_FUZZ_SECONDS:-60}
if [ "$fuzz_seconds" != 0 ]; then
  echo "== every fuzzer for ${fuzz_seconds} s"
  # A fixed seed: the same exploration on every run, so that a failure here reproduces.
  FUZZ_SEED=${FUZZ_SEED:-1} ./scripts/fuzz.sh "$fuzz_seconds"
fi
