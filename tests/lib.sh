# Shared by the shell tests (source it): messages under the test's name, and the exit codes CTest
# reads: 0 pass, 1 fail, 77 skipped. scripts/install-deps.sh installs every tool they use.
test_name=$(basename "$0" .sh)
fail() {
  printf '%s: FAIL: %s\n' "$test_name" "$*" >&2
  exit 1
}
skip() {
  printf '%s: SKIP: %s\n' "$test_name" "$*" >&2
  exit 77
}
say() { printf '%s: %s\n' "$test_name" "$*" >&2; }
# Skips unless every named command is on PATH.
require() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || skip "$tool is not installed (scripts/install-deps.sh installs it)"
  done
}
# has FILE REGEX MESSAGE / lacks FILE REGEX MESSAGE: fail with MESSAGE, showing FILE, unless FILE
# matches (has) or does not match (lacks) the extended regular expression.
has() {
  grep -Eq -- "$2" "$1" || { cat "$1" >&2; fail "$3"; }
}
lacks() {
  if grep -Eq -- "$2" "$1"; then
    cat "$1" >&2
    fail "$3"
  fi
}
# Under set -e a failing command ends the test; say which, so that no failure is silent.
set -o errtrace
trap 'printf "%s: FAIL: line %s: %s exited with %s\n" "$test_name" "$LINENO" "$BASH_COMMAND" "$?" >&2' ERR
# The reachlint binary under test (prints its absolute path): REACHLINT, as CTest sets it, else
# build/reachlint; a relative path is taken from the checkout ROOT. Fails unless it is executable.
reachlint_under_test() { # reachlint_under_test ROOT
  local bin=${REACHLINT:-build/reachlint}
  case $bin in /*) ;; *) bin="$1/$bin" ;; esac
  [ -x "$bin" ] || fail "no reachlint binary at $bin (build it, or set REACHLINT)"
  printf '%s\n' "$bin"
}
