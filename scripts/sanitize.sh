#!/usr/bin/env bash
# Builds the CMake preset `asan-ubsan` (Debug, clang, AddressSanitizer + UndefinedBehaviorSanitizer
# + LeakSanitizer, libstdc++ assertions) into build-asan-ubsan/ and runs the test suite under it
# (all but the two tests that never run its binary, below). Every sanitizer report is fatal, and is also written to
# build-asan-ubsan/sanitizer-reports/ so that a report in a process whose exit status a test
# ignores is still caught. Fails on any failing test or any report. See docs/fuzzing.md.
#
#   scripts/sanitize.sh [CTEST_ARGS...]      e.g. scripts/sanitize.sh -R fixtures
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

# Debian 12: the project's build dependencies, clang and its sanitizer runtimes.
./scripts/install-deps.sh clang libclang-rt-14-dev

build=$root/build-asan-ubsan
cmake --preset asan-ubsan >/dev/null
cmake --build --preset asan-ubsan -j"$(nproc)"

reports=$build/sanitizer-reports
rm -rf "$reports"
mkdir -p "$reports"
common="halt_on_error=1:abort_on_error=1:print_stacktrace=1:log_path=$reports/report"
# handle_abort: a failed assert() or libstdc++ assertion (_GLIBCXX_ASSERTIONS) is reported with
# its stack like a sanitizer error.
export ASAN_OPTIONS="$common:handle_abort=1:detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1:strict_init_order=1"
export UBSAN_OPTIONS="$common:report_error_type=1"
export LSAN_OPTIONS="print_suppressions=0"
# Boost.Test must not catch SIGABRT and go on with the next test case: it would leave the aborted
# case's objects behind, and LeakSanitizer would report them as leaks at exit.
export BOOST_TEST_CATCH_SYSTEM_ERRORS=no

# Not github_action and package: they build and check their own Release binary (the Action's
# build step, the .deb's portable build), never this tree's sanitized one, so a second run here
# would repeat the main run exactly. Every other test runs the sanitized reachlint.
status=0
ctest --test-dir "$build" -j"$(nproc)" --output-on-failure -E '^(github_action|package)$' "$@" || status=$?

# log_path also catches reports from the reachlint processes that shell tests start.
mapfile -t found < <(find "$reports" -type f | sort)
if [ ${#found[@]} -gt 0 ]; then
  echo "sanitize.sh: ${#found[@]} sanitizer report(s):" >&2
  for f in "${found[@]}"; do
    echo "---- $f" >&2
    head -60 "$f" >&2
  done
  exit 1
fi
if [ "$status" -ne 0 ]; then
  echo "sanitize.sh: tests failed under the sanitizers (no sanitizer report written)" >&2
  exit "$status"
fi
echo "sanitize.sh: all tests passed, no sanitizer report"
