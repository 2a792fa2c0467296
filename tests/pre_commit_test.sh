#!/usr/bin/env bash
# End-to-end test of the pre-commit hooks (.pre-commit-hooks.yaml): temporary git repositories use
# this checkout as their hook repository, commit a broken template next to an unrelated
# package.json, and `pre-commit run --all-files` must fail with the RL102 finding; with the template
# fixed it must pass. Both hook ids:
#   reachlint         builds reachlint on first use inside pre-commit's clone (nothing on PATH);
#                     two projects run it at once on the fresh clone, and it is built exactly once;
#   reachlint-system  the reachlint on PATH (REACHLINT), installing nothing.
# And README's snippet names the hook id and the tag of the project version (v<VERSION>).
# Offline: the hook repository is a local path. The hook's build is fast when ccache holds the
# main build's objects: scripts/build.sh uses ccache, and this test puts pre-commit's clone under
# the build tree with CCACHE_BASEDIR set, so that the paths ccache hashes are the same.
# Needs Debian's pre-commit package (scripts/install-deps.sh). Exit 0 pass, 1 fail, 77 skipped.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)

# shellcheck source=tests/lib.sh
. "$root/tests/lib.sh"

reachlint=$(reachlint_under_test "$root")
require git flock pre-commit

# Inside the build tree when the binary is there; elsewhere under TMPDIR.
parent=${TMPDIR:-/tmp}
case $reachlint in "$root"/*) [ -w "$(dirname "$reachlint")" ] && parent=$(dirname "$reachlint") ;; esac
tmp=$(mktemp -d "$parent/pre_commit_test.XXXXXX")
# shellcheck disable=SC2317 # called by the trap
cleanup() { rm -rf "$tmp"; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
case $tmp in "$root"/*) export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$root} ;; esac

# Nothing from the user's git or pre-commit configuration, and nothing left behind.
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL="$tmp/gitconfig"
git config --global user.name "reachlint test"
git config --global user.email "test@reachlint.invalid"
git config --global init.defaultBranch main
git config --global safe.directory '*'
git config --global advice.detachedHead false
export PRE_COMMIT_HOME="$tmp/pre-commit-home"
unset SKIP

# --- the hook repository: this checkout at HEAD, or a clone with the working tree's hook files ----
hooks_file="$root/.pre-commit-hooks.yaml"
hook_files=(.pre-commit-hooks.yaml scripts/pre-commit-hook.sh)
for f in "${hook_files[@]}"; do [ -f "$root/$f" ] || fail "$root/$f is missing"; done
git -C "$root" rev-parse --verify -q HEAD >/dev/null || fail "$root is not a git checkout with a commit"
hook_repo=$root
changed=()
for f in "${hook_files[@]}"; do
  git -C "$root" show "HEAD:$f" 2>/dev/null | cmp -s - "$root/$f" || changed+=("$f")
done
if [ ${#changed[@]} -gt 0 ]; then
  # pre-commit clones the hook repository at `rev`: test the working tree's hook files, committed
  # in a throwaway clone, rather than whatever HEAD holds.
  say "${changed[*]} not committed: testing the working tree's from a temporary clone"
  hook_repo="$tmp/hook-repo"
  git clone -q "$root" "$hook_repo"
  for f in "${changed[@]}"; do cp -p "$root/$f" "$hook_repo/$f"; done
  git -C "$hook_repo" add "${changed[@]}"
  git -C "$hook_repo" commit -q -m "pre_commit_test: working-tree hook files"
fi
rev=$(git -C "$hook_repo" rev-parse HEAD)

# --- README: the snippet a user copies ---------------------------------------------------------
version=$(sed -nE 's/^project\(reachlint VERSION ([0-9][0-9.]*).*/\1/p' "$root/CMakeLists.txt")
[ -n "$version" ] || fail "no project version in CMakeLists.txt"
snippet=$(sed -n '/^repos:$/,/^```$/p' "$root/README.md")
grep -qx "    rev: v$version" <<<"$snippet" ||
  fail "README's pre-commit snippet does not name the tag v$version of the project version: $snippet"
grep -qx -- '      - id: reachlint' <<<"$snippet" || fail "README's snippet does not use the hook id reachlint"
for id in $(sed -nE 's/^ *- id: ([-a-z]+)$/\1/p' <<<"$snippet"); do
  grep -qx -- "- id: $id" "$hooks_file" || fail "README's snippet names hook id '$id', which .pre-commit-hooks.yaml lacks"
done

# --- the projects under test --------------------------------------------------------------------
# make_project DIR TEMPLATE: a git repository using both hooks, with TEMPLATE as
# infra/template.json, a YAML template with an RL301 warning (NFSv3 ports, which alone would not
# fail the hook) and an unrelated package.json, committed.
make_project() {
  local dir=$1
  mkdir -p "$dir/infra"
  git -C "$dir" init -q
  printf 'repos:\n  - repo: %s\n    rev: %s\n    hooks:\n      - id: reachlint\n      - id: reachlint-system\n' \
    "$hook_repo" "$rev" >"$dir/.pre-commit-config.yaml"
  cp "$2" "$dir/infra/template.json"
  cp "$root/fixtures/input-yaml/template.yaml" "$dir/infra/storage.yaml"
  printf '{\n  "name": "unrelated-package",\n  "version": "1.0.0",\n  "dependencies": { "left-pad": "1.3.0" }\n}\n' \
    >"$dir/package.json"
  git -C "$dir" add -A
  git -C "$dir" commit -q -m "infrastructure"
}
make_project "$tmp/bad" "$root/fixtures/corpus-seed-as-is/template.json"
make_project "$tmp/good" "$root/fixtures/corpus-tgw-ok/template.json"

run_hook() { # run_hook ID PROJECT OUTFILE: pre-commit's status
  local status=0
  (cd "$2" && pre-commit run "$1" --all-files --color never) >"$3" 2>&1 || status=$?
  return "$status"
}
expect_broken() { # expect_broken OUTFILE STATUS: the hook failed on the broken template, with its findings
  if [ "$2" -eq 0 ]; then
    cat "$1" >&2
    fail "pre-commit passed on the broken template"
  fi
  has "$1" 'RL102' "no RL102 finding in pre-commit's output"
  has "$1" 'infra/template.json' "the finding does not name infra/template.json"
  lacks "$1" 'package.json' "package.json was reported, not skipped silently"
  has "$1" 'infra/storage.yaml:.*RL301' "the YAML template's RL301 warning is not in pre-commit's output"
  lacks "$1" 'pre-commit-config' \
    ".pre-commit-config.yaml (YAML, not a template) was reported, not skipped silently"
  has "$1" '^reachlint .*Failed' "pre-commit did not report the hook as Failed"
}
expect_fixed() { # expect_fixed OUTFILE STATUS
  if [ "$2" -ne 0 ]; then
    cat "$1" >&2
    fail "pre-commit failed on the fixed template (status $2)"
  fi
  has "$1" '^reachlint .*Passed' "the hook did not run (expected 'Passed')"
}
# Whatever reachlint may be installed is shadowed by one that only says it was called: the hook
# `reachlint` must not need it, and `reachlint-system` must run the one on PATH.
mkdir -p "$tmp/shadow" "$tmp/bin"
printf '#!/bin/sh\necho "the reachlint on PATH was called" >&2\nexit 3\n' >"$tmp/shadow/reachlint"
chmod +x "$tmp/shadow/reachlint"
export PATH="$tmp/shadow:$PATH"

# --- 1. id reachlint: nothing installed, built once inside pre-commit's clone --------------------
# pre-commit clones the hook repository first: the clone is not part of the race under test.
(cd "$tmp/bad" && pre-commit install-hooks) >"$tmp/install.log" 2>&1 ||
  { cat "$tmp/install.log" >&2; fail "pre-commit could not clone the hook repository"; }
hook_script=$(find "$PRE_COMMIT_HOME" -path '*/scripts/pre-commit-hook.sh' | head -n 1)
[ -n "$hook_script" ] || fail "no clone of the hook repository in $PRE_COMMIT_HOME"
clone=$(cd "$(dirname "$hook_script")/.." && pwd)
[ ! -e "$clone/build-hook" ] || fail "pre-commit's clone already has a build directory"
t0=$SECONDS
# Two projects at once on the fresh clone: the lock lets one build while the other waits.
status_bad=0 status_good=0
run_hook reachlint "$tmp/bad" "$tmp/bad.out" &
pid_bad=$!
run_hook reachlint "$tmp/good" "$tmp/good.out" &
pid_good=$!
wait "$pid_bad" || status_bad=$?
wait "$pid_good" || status_good=$?
build_log="$clone/build-hook/reachlint-hook-build.log"
[ -f "$build_log" ] || { cat "$tmp/bad.out" "$tmp/good.out" >&2; fail "the hook wrote no build log at $build_log"; }
expect_broken "$tmp/bad.out" "$status_bad"
expect_fixed "$tmp/good.out" "$status_good"
for out in "$tmp/bad.out" "$tmp/good.out"; do
  lacks "$out" 'the reachlint on PATH was called' "the hook reachlint ran the reachlint on PATH, not its own build"
done
builds=$(grep -c '^== build started' "$build_log" || true)
[ "$builds" -eq 1 ] || { cat "$build_log" >&2; fail "two hooks started at once built reachlint $builds times, not once"; }
has "$build_log" '^== build finished' "the build log does not record a finished build"
[ -x "$clone/build-hook/reachlint" ] || fail "no reachlint built in pre-commit's clone"
say "id reachlint: two projects at once built reachlint once ($((SECONDS - t0)) s); broken failed with RL102, fixed passed"

t0=$SECONDS
status=0
run_hook reachlint "$tmp/bad" "$tmp/bad-again.out" || status=$?
expect_broken "$tmp/bad-again.out" "$status"
builds=$(grep -c '^== build started' "$build_log" || true)
[ "$builds" -eq 1 ] || fail "a second run built reachlint again"
say "id reachlint: a later run builds nothing ($((SECONDS - t0)) s)"

# --- 2. id reachlint-system: the reachlint on PATH ----------------------------------------------
status=0
run_hook reachlint-system "$tmp/bad" "$tmp/shadowed.out" || status=$?
[ "$status" -ne 0 ] || fail "reachlint-system passed with a failing reachlint on PATH"
has "$tmp/shadowed.out" 'the reachlint on PATH was called' "reachlint-system did not run the reachlint on PATH"
ln -s "$reachlint" "$tmp/bin/reachlint"
export PATH="$tmp/bin:$PATH"
help=$(reachlint --help 2>&1 || true)
if ! grep -q -- '--skip-unrecognised' <<<"$help"; then
  fail "reachlint has no --skip-unrecognised option, which the hook passes (args in .pre-commit-hooks.yaml)"
fi
status=0
run_hook reachlint-system "$tmp/bad" "$tmp/system-bad.out" || status=$?
expect_broken "$tmp/system-bad.out" "$status"
# The findings are on reachlint's standard output (pre-commit shows both streams).
(cd "$tmp/bad" && reachlint --skip-unrecognised infra/template.json package.json 2>/dev/null || true) >"$tmp/stdout"
has "$tmp/stdout" 'RL102' "reachlint did not print the RL102 finding on stdout"
status=0
run_hook reachlint-system "$tmp/good" "$tmp/system-good.out" || status=$?
expect_fixed "$tmp/system-good.out" "$status"
say "id reachlint-system: broken failed with RL102, fixed passed"

# --- 3. Offline, no environment: pre-commit only cloned the local hook repository -----------------
if grep -Eqi 'Installing environment' "$tmp"/*.out "$tmp/install.log"; then
  fail "pre-commit installed an environment (script and system hooks need none)"
fi
say "PASS"
