#!/usr/bin/env bash
# What the fuzz corpus reaches: builds the harnesses with clang's source-based coverage (CMake
# preset `fuzz-coverage`, in build-fuzz-coverage/, no sanitizers), runs each once over every input
# of its seeds and committed corpus (libFuzzer -runs=0), merges the profiles and reports line,
# branch, region and function coverage of the parsers, the evaluator, the model, the analysis and
# the rules. See docs/fuzzing.md "Coverage".
#
#   scripts/fuzz-coverage.sh [--corpus DIR]... [--no-committed] [--html] [HARNESS...]
#       --corpus DIR    also run DIR/<harness>/ (e.g. build-fuzz/corpus, a campaign's working corpus)
#       --no-committed  leave fuzz/corpus/ out: what the seeds alone reach
#       --html          also write an annotated source tree, build-fuzz-coverage/html/index.html
#
# Writes, in build-fuzz-coverage/: areas.md (per area, the table of docs/fuzzing.md), files.md
# (per file), uncovered.txt (the parsers' and the evaluator's functions no input runs and branch
# directions never taken), report.txt (llvm-cov report of every project file), fuzz.profdata.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
# shellcheck source=scripts/fuzz-lib.sh
. scripts/fuzz-lib.sh

corpora=() committed=1 html=0 harnesses=()
while [ $# -gt 0 ]; do
  case $1 in
    --corpus) [ $# -ge 2 ] || { echo "fuzz-coverage.sh: --corpus needs a directory" >&2; exit 2; }
      corpora+=("$(cd "$2" && pwd)"); shift 2 ;;
    --no-committed) committed=0; shift ;;
    --html) html=1; shift ;;
    -*) echo "usage: scripts/fuzz-coverage.sh [--corpus DIR]... [--no-committed] [--html] [HARNESS...]" >&2
      exit 2 ;;
    *) harnesses+=("$1"); shift ;;
  esac
done
[ ${#harnesses[@]} -eq 0 ] && harnesses=("${FUZZ_HARNESSES[@]}")
fuzz_check_harnesses fuzz-coverage.sh "${harnesses[@]}"

# Debian 12: clang, libFuzzer, llvm-profdata-14 and llvm-cov-14 (llvm-14), python3 (the summary).
./scripts/install-deps.sh clang libclang-rt-14-dev llvm-14 python3
build=$root/build-fuzz-coverage
cmake --preset fuzz-coverage >/dev/null
cmake --build --preset fuzz-coverage -j"$(nproc)"
fuzz/make-seed-corpus.sh "$build" >/dev/null

rm -rf "$build/profiles" "$build/scratch" "$build/html"
mkdir -p "$build/profiles" "$build/logs" "$build/tmp"
export TMPDIR=$build/tmp
objects=()
for h in "${harnesses[@]}"; do
  dirs=("$build/seeds/$h")
  [ "$committed" = 1 ] && [ -d "fuzz/corpus/$h" ] && dirs+=("$root/fuzz/corpus/$h")
  for c in "${corpora[@]}"; do [ -d "$c/$h" ] && dirs+=("$c/$h"); done
  # The first directory is libFuzzer's output corpus: an empty scratch one, so nothing is written
  # into the inputs. -runs=0 runs every input once and stops.
  mkdir -p "$build/scratch/$h"
  inputs=$(find "${dirs[@]}" -type f | wc -l)
  echo "fuzz_$h: $inputs inputs (log: build-fuzz-coverage/logs/$h.log)"
  LLVM_PROFILE_FILE="$build/profiles/$h-%p-%m.profraw" "$build/fuzz/fuzz_$h" -runs=0 \
    -max_len="$(fuzz_max_len "$h")" -timeout="${FUZZ_TIMEOUT:-10}" -rss_limit_mb="${FUZZ_RSS_MB:-2560}" \
    "$build/scratch/$h" "${dirs[@]}" </dev/null >"$build/logs/$h.log" 2>&1 ||
    { echo "fuzz-coverage.sh: fuzz_$h failed on an input (build-fuzz-coverage/logs/$h.log)" >&2; exit 1; }
  objects+=(-object "$build/fuzz/fuzz_$h")
done
rm -rf "$build/scratch" "$build/tmp"

llvm-profdata-14 merge -sparse "$build"/profiles/*.profraw -o "$build/fuzz.profdata"
# The project's sources: not the harnesses (system headers have no coverage mapping).
ignore='/fuzz/fuzz_[^/]*$'
cov_args=(-instr-profile="$build/fuzz.profdata" -ignore-filename-regex="$ignore" "${objects[@]:1}")
llvm-cov-14 report "${cov_args[@]}" >"$build/report.txt"
llvm-cov-14 export -format=text "${cov_args[@]}" >"$build/coverage.json"
if [ "$html" = 1 ]; then
  llvm-cov-14 show -format=html -show-branches=count -output-dir="$build/html" "${cov_args[@]}"
fi
python3 scripts/fuzz-coverage-summary.py "$build/coverage.json" "$build"
rm -f "$build/coverage.json"
echo "fuzz-coverage.sh: per file in build-fuzz-coverage/files.md and report.txt;" \
  "uncovered functions and branches in build-fuzz-coverage/uncovered.txt"
