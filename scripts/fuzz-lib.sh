# Shared by scripts/fuzz.sh, scripts/fuzz-corpus.sh and scripts/fuzz-coverage.sh (source it from
# the checkout's root): the harnesses, their input bounds, the committed corpus's size budget and
# the fuzz build. See docs/fuzzing.md.
# shellcheck shell=bash

FUZZ_HARNESSES=(template export intrinsics cidr config cli parameters terraform)

# The committed, minimised corpus (fuzz/corpus/<harness>/, docs/fuzzing.md "Corpus"): at most
# this many files per harness (CI runs each once before it fuzzes: about 90 a second for
# fuzz_export, the slowest per input, under the sanitizers), this many bytes on disk in all, and
# this many bytes compressed (xz of a tar of fuzz/corpus/: about what the repository stores, since
# most inputs are small mutations of the same fixtures and git's pack stores them as deltas).
# shellcheck disable=SC2034 # read by the scripts that source this file
FUZZ_CORPUS_MAX_FILES=2000
# shellcheck disable=SC2034
FUZZ_CORPUS_MAX_BYTES=$((128 * 1024 * 1024))
# shellcheck disable=SC2034
FUZZ_CORPUS_MAX_PACKED=$((3 * 1024 * 1024))

# The longest input a harness is given (libFuzzer's -max_len; longer files are cut). Templates,
# exports and plans are whole files: the fixtures' Terraform plans reach 69 KB. An export bundle
# is cut at 32 KiB: at 64 KiB its minimised corpus alone outgrew the budget (docs/fuzzing.md).
fuzz_max_len() {  # HARNESS
  case $1 in
    terraform) echo 131072 ;;
    template) echo 65536 ;;
    export | intrinsics) echo 32768 ;;
    config | parameters) echo 4096 ;;
    cidr | cli) echo 1024 ;;
    *) echo "fuzz-lib.sh: no max_len for harness '$1'" >&2; return 1 ;;
  esac
}

# Exits with a usage error unless every argument names a harness.
fuzz_check_harnesses() {  # PROGRAM HARNESS...
  local program=$1 h
  shift
  for h in "$@"; do
    case " ${FUZZ_HARNESSES[*]} " in
      *" $h "*) ;;
      *) echo "$program: no harness '$h' (${FUZZ_HARNESSES[*]})" >&2; exit 2 ;;
    esac
  done
}

# Installs clang and libFuzzer if missing, builds the sanitized harnesses (preset `fuzz`, in
# build-fuzz/) and regenerates the seeds and dictionaries there.
fuzz_build() {
  ./scripts/install-deps.sh clang libclang-rt-14-dev
  cmake --preset fuzz >/dev/null
  cmake --build --preset fuzz -j"$(nproc)"
  fuzz/make-seed-corpus.sh build-fuzz >/dev/null ||
    { echo "making the seed corpus failed" >&2; return 1; }
}
