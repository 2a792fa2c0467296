#!/usr/bin/env bash
# The committed fuzz corpus, fuzz/corpus/<harness>/ (docs/fuzzing.md "Corpus"): the inputs the
# fuzzers found that reach code the seeds do not, minimised, so that each run of scripts/fuzz.sh
# starts where the last one stopped.
#
#   scripts/fuzz-corpus.sh update [--from DIR] [HARNESS...]   default: every harness
#       Merges fuzz/corpus/<h>/ and DIR/<h>/ (default build-fuzz/corpus, what scripts/fuzz.sh
#       found) with libFuzzer's -set_cover_merge=1, counting the seeds (fixtures/, fuzz/seeds/) as
#       already covered, and replaces fuzz/corpus/<h>/ with the result: a small set of inputs that
#       keeps every coverage feature, each named by the SHA-1 of its content. Builds the sanitized
#       harnesses first (build-fuzz/, as scripts/fuzz.sh). Fails, changing nothing, when the result
#       is over the size budget (scripts/fuzz-lib.sh).
#   scripts/fuzz-corpus.sh check                              (the `fuzz_corpus` CTest test)
#       Checks fuzz/corpus/ against the budget of scripts/fuzz-lib.sh (files a harness, bytes on
#       disk, bytes compressed), known harnesses only, no file longer than the harness's -max_len,
#       every file named by the SHA-1 of its content.
#   scripts/fuzz-corpus.sh stats [HARNESS...]
#       Files and bytes per harness, committed and working corpus.
#   scripts/fuzz-corpus.sh ledger [HARNESS...]
#       The campaign ledger's rows (docs/fuzzing.md) for the last scripts/fuzz.sh run of each
#       harness: CPU time, executions (build-fuzz/logs/<h>.log), the committed corpus, the date
#       and the crash files (build-fuzz/crashes/<h>-*) when the run failed.
#
# Environment: FUZZ_MERGE=plain uses -merge=1 (greedy, smallest inputs first: about twice as many
# files for the same features) instead of -set_cover_merge=1; FUZZ_TIMEOUT, FUZZ_RSS_MB as in
# scripts/fuzz.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
# shellcheck source=scripts/fuzz-lib.sh
. scripts/fuzz-lib.sh
committed=$root/fuzz/corpus

usage() {
  echo "usage: scripts/fuzz-corpus.sh update [--from DIR] [HARNESS...] | check | stats [HARNESS...] | ledger [HARNESS...]" >&2
  exit 2
}

# Files and bytes under DIR (0 when there is no DIR).
count_files() { if [ -d "$1" ]; then find "$1" -type f | wc -l; else echo 0; fi; }
count_bytes() {
  if [ -d "$1" ]; then find "$1" -type f -printf '%s\n' | awk '{s += $1} END {print s + 0}'; else echo 0; fi
}

# The bytes of a tar of the harness directories (each DIR's last component), compressed with xz:
# about what git stores for them. Deterministic: sorted names, no times or owners.
packed_bytes() {  # DIR...
  local args=() dir
  for dir in "$@"; do [ -d "$dir" ] && args+=(-C "$(dirname "$dir")" "$(basename "$dir")"); done
  [ ${#args[@]} -gt 0 ] || { echo 0; return; }
  tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -cf - "${args[@]}" |
    python3 -c 'import lzma, sys; print(len(lzma.compress(sys.stdin.buffer.read(), preset=6)))'
}

# Prints what is over the budget in the harness directories DIR... (one a harness), nothing when
# they fit; sets `summary` to their files and sizes.
over_budget() {  # DIR...
  local dir files bytes=0 packed
  for dir in "$@"; do
    files=$(count_files "$dir")
    [ "$files" -le "$FUZZ_CORPUS_MAX_FILES" ] ||
      echo "$(basename "$dir"): $files files, at most $FUZZ_CORPUS_MAX_FILES a harness"
    bytes=$((bytes + $(count_bytes "$dir")))
  done
  packed=$(packed_bytes "$@")
  [ "$bytes" -le "$FUZZ_CORPUS_MAX_BYTES" ] ||
    echo "$bytes bytes in all, at most $FUZZ_CORPUS_MAX_BYTES"
  [ "$packed" -le "$FUZZ_CORPUS_MAX_PACKED" ] ||
    echo "$packed bytes compressed (xz), at most $FUZZ_CORPUS_MAX_PACKED"
  summary="$bytes bytes, $packed compressed (budget: $FUZZ_CORPUS_MAX_FILES files a harness,"
  summary+=" $FUZZ_CORPUS_MAX_BYTES bytes, $FUZZ_CORPUS_MAX_PACKED compressed)"
}

# One harness: the committed corpus (if any) and DIR/<h> merged into $stage/<h>/, seeds left out.
merge_one() {  # HARNESS FROM_DIR STAGE
  local h=$1 from=$2 stage=$3 flag=-set_cover_merge=1
  [ "${FUZZ_MERGE:-set_cover}" = plain ] && flag=-merge=1
  local work=$stage/work-$h inputs=()
  rm -rf "$work" "${stage:?}/$h"
  mkdir -p "$work" "$stage/$h"
  # The seeds go first: what they cover is the starting point, and they are not copied out.
  cp -rp "build-fuzz/seeds/$h"/. "$work/"
  [ -d "$committed/$h" ] && inputs+=("$committed/$h")
  [ -d "$from/$h" ] && inputs+=("$from/$h")
  if [ ${#inputs[@]} -gt 0 ]; then
    "build-fuzz/fuzz/fuzz_$h" "$flag" -max_len="$(fuzz_max_len "$h")" \
      -timeout="${FUZZ_TIMEOUT:-10}" -rss_limit_mb="${FUZZ_RSS_MB:-2560}" \
      "$work" "${inputs[@]}" </dev/null >"build-fuzz/logs/merge-$h.log" 2>&1 ||
      { echo "fuzz-corpus.sh: merging $h failed (build-fuzz/logs/merge-$h.log)" >&2; return 1; }
  fi
  # What the merge added is named by its SHA-1; the seeds keep their fixture names.
  local f
  for f in "$work"/*; do
    [ -e "build-fuzz/seeds/$h/$(basename "$f")" ] || mv "$f" "$stage/$h/"
  done
  rm -rf "$work"
}

update() {
  local from=$root/build-fuzz/corpus
  if [ "${1:-}" = --from ]; then
    [ $# -ge 2 ] || usage
    from=$(cd "$2" && pwd)
    shift 2
  fi
  local harnesses=("$@")
  [ ${#harnesses[@]} -eq 0 ] && harnesses=("${FUZZ_HARNESSES[@]}")
  fuzz_check_harnesses fuzz-corpus.sh "${harnesses[@]}"
  fuzz_build || { echo "fuzz-corpus.sh: the build failed" >&2; exit 1; }
  mkdir -p build-fuzz/logs build-fuzz/tmp
  export TMPDIR=$root/build-fuzz/tmp
  local stage=$root/build-fuzz/corpus-merge h
  rm -rf "$stage"
  mkdir -p "$stage"
  for h in "${harnesses[@]}"; do
    echo "fuzz_$h: merging (log: build-fuzz/logs/merge-$h.log)"
    merge_one "$h" "$from" "$stage"
  done

  # The budget, over the new sets and the harnesses left as they are.
  local dirs=() over summary
  for h in "${FUZZ_HARNESSES[@]}"; do
    if [ -d "$stage/$h" ]; then dirs+=("$stage/$h"); else dirs+=("$committed/$h"); fi
  done
  over=$(over_budget "${dirs[@]}")
  if [ -n "$over" ]; then
    printf 'fuzz-corpus.sh: over the budget, fuzz/corpus/ left as it was:\n%s\n' "$over" >&2
    echo "  (the merged sets are in build-fuzz/corpus-merge/)" >&2
    exit 1
  fi

  for h in "${harnesses[@]}"; do
    local before_files before_bytes
    before_files=$(count_files "$committed/$h")
    before_bytes=$(count_bytes "$committed/$h")
    rm -rf "${committed:?}/$h"
    if [ "$(count_files "$stage/$h")" -gt 0 ]; then
      mkdir -p "$committed"
      mv "$stage/$h" "$committed/$h"
    fi
    printf '  %-11s %4d files %9d bytes -> %4d files %9d bytes\n' "$h" "$before_files" \
      "$before_bytes" "$(count_files "$committed/$h")" "$(count_bytes "$committed/$h")"
  done
  rm -rf "$stage"
  over_budget "$committed"/*/ >/dev/null
  echo "fuzz-corpus.sh: fuzz/corpus/ holds $(count_files "$committed") files, $summary"
}

check() {
  local problems=() dir h f max size sum over summary
  [ -d "$committed" ] || { echo "fuzz-corpus.sh: no fuzz/corpus/" >&2; exit 1; }
  while IFS= read -r f; do problems+=("not a harness directory: ${f#"$root"/}"); done \
    < <(find "$committed" -mindepth 1 -maxdepth 1 ! -type d)
  for dir in "$committed"/*/; do
    h=$(basename "$dir")
    case " ${FUZZ_HARNESSES[*]} " in
      *" $h "*) ;;
      *) problems+=("fuzz/corpus/$h: no such harness (${FUZZ_HARNESSES[*]})"); continue ;;
    esac
    max=$(fuzz_max_len "$h")
    while IFS= read -r f; do problems+=("not a plain file: ${f#"$root"/}"); done \
      < <(find "$dir" -mindepth 1 ! -type f)
    while IFS=' ' read -r size f; do
      [ "$size" -le "$max" ] || problems+=("${f#"$root"/}: longer than -max_len=$max")
    done < <(find "$dir" -type f -printf '%s %p\n')
    while IFS=' ' read -r sum f; do
      f=${f#\*}  # sha1sum marks binary reads with '*'
      [ "$sum" = "$(basename "$f")" ] ||
        problems+=("${f#"$root"/}: the name is not the SHA-1 of the content (edited by hand?)")
    done < <(find "$dir" -type f -print0 | xargs -0 -r sha1sum)
  done
  local report
  report=$(mktemp)
  over_budget "$committed"/*/ >"$report"  # in this shell, not $(...): it sets summary
  over=$(cat "$report")
  rm -f "$report"
  [ -z "$over" ] || problems+=("over the budget: $over")
  if [ ${#problems[@]} -gt 0 ]; then
    printf 'fuzz-corpus.sh: %s\n' "${problems[@]}" >&2
    exit 1
  fi
  echo "fuzz-corpus.sh: fuzz/corpus/ within the budget: $(count_files "$committed") files, $summary"
}

stats() {
  local harnesses=("$@") h
  [ ${#harnesses[@]} -eq 0 ] && harnesses=("${FUZZ_HARNESSES[@]}")
  fuzz_check_harnesses fuzz-corpus.sh "${harnesses[@]}"
  printf '%-11s %-16s %-16s\n' "" "fuzz/corpus" "build-fuzz/corpus" harness "files    bytes" "files    bytes"
  for h in "${harnesses[@]}"; do
    printf '%-11s %5d %10d %5d %10d\n' "$h" "$(count_files "$committed/$h")" \
      "$(count_bytes "$committed/$h")" "$(count_files "build-fuzz/corpus/$h")" \
      "$(count_bytes "build-fuzz/corpus/$h")"
  done
}

ledger() {
  local harnesses=("$@") h log seconds execs crashes
  [ ${#harnesses[@]} -eq 0 ] && harnesses=("${FUZZ_HARNESSES[@]}")
  fuzz_check_harnesses fuzz-corpus.sh "${harnesses[@]}"
  for h in "${harnesses[@]}"; do
    log=build-fuzz/logs/$h.log
    [ -f "$log" ] || { echo "fuzz-corpus.sh: no $log (run scripts/fuzz.sh first)" >&2; exit 1; }
    # libFuzzer's last words: "Done N runs in S second(s)" (one process, so one core).
    seconds=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -1)
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    crashes=0
    if [ "$(cat "build-fuzz/logs/$h.status" 2>/dev/null || echo 0)" != 0 ]; then
      crashes=$(find build-fuzz/crashes -name "$h-*" 2>/dev/null | wc -l)
    fi
    printf '| %s | %s | %s | %d | %d KiB | %s | %s |\n' "$h" \
      "$(awk -v s="${seconds:-0}" 'BEGIN {printf "%.2f", s / 3600}')" "${execs:-?}" \
      "$(count_files "$committed/$h")" "$((($(count_bytes "$committed/$h") + 1023) / 1024))" \
      "$(date -u -r "$log" +%F)" "$crashes"
  done
}

command=${1:-}
shift || true
case $command in
  update) update "$@" ;;
  check) [ $# -eq 0 ] || usage; check ;;
  stats) stats "$@" ;;
  ledger) ledger "$@" ;;
  *) usage ;;
esac
