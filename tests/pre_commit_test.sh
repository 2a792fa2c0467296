#!/usr/bin/env bash
# End-to-end test of the pre-commit hook (.pre-commit-hooks.yaml): a temporary git repository uses
# this checkout as its hook repository, commits a broken template next to an unrelated package.json,
# and `pre-commit run --all-files` must fail with the RL102 finding; with the template fixed it must
# pass. Offline: language `system` installs nothing and the hook repository is a local path.
# Needs Debian's pre-commit package (scripts/install-deps.sh). Exit 0 pass, 1 fail, 77 skipped.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
reachlint=${REACHLINT:-build/reachlint}
case $reachlint in /*) ;; *) reachlint="$root/$reachlint" ;; esac

# shellcheck source=tests/lib.sh
. "$root/tests/lib.sh"

[ -x "$reachlint" ] || fail "no reachlint binary at $reachlint (build it, or set REACHLINT)"
require git

require pre-commit

tmp=$(mktemp -d "${TMPDIR:-/tmp}/pre_commit_test.XXXXXX")
# shellcheck disable=SC2317 # called by the trap
cleanup() { rm -rf "$tmp"; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Nothing from the user's git or pre-commit configuration, and nothing left behind.
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL="$tmp/gitconfig"
git config --global user.name "reachlint test"
git config --global user.email "test@reachlint.invalid"
git config --global init.defaultBranch main
git config --global safe.directory '*'
git config --global advice.detachedHead false
export PRE_COMMIT_HOME="$tmp/pre-commit-home"
unset SKIP

# --- the hook repository: this checkout at HEAD, or a clone with the working tree's hook file ------
hooks_file="$root/.pre-commit-hooks.yaml"
[ -f "$hooks_file" ] || fail "$hooks_file is missing"
git -C "$root" rev-parse --verify -q HEAD >/dev/null || fail "$root is not a git checkout with a commit"
hook_repo=$root
if ! git -C "$root" show HEAD:.pre-commit-hooks.yaml 2>/dev/null | cmp -s - "$hooks_file"; then
  # pre-commit clones the hook repository at `rev`: test the working tree's hook file, committed
  # in a throwaway clone, rather than whatever HEAD holds.
  say "the working tree's .pre-commit-hooks.yaml is not committed: testing it from a temporary clone"
  hook_repo="$tmp/hook-repo"
  git clone -q "$root" "$hook_repo"
  cp "$hooks_file" "$hook_repo/.pre-commit-hooks.yaml"
  git -C "$hook_repo" add .pre-commit-hooks.yaml
  git -C "$hook_repo" commit -q -m "pre_commit_test: working-tree hook file"
fi
rev=$(git -C "$hook_repo" rev-parse HEAD)

# --- reachlint on PATH, as the hook expects -----------------------------------------------------
mkdir -p "$tmp/bin"
ln -s "$reachlint" "$tmp/bin/reachlint"
export PATH="$tmp/bin:$PATH"
help=$(reachlint --help 2>&1 || true)
if ! grep -q -- '--skip-unrecognised' <<<"$help"; then
  fail "reachlint has no --skip-unrecognised option, which the hook passes (args in .pre-commit-hooks.yaml)"
fi

# --- the project under test --------------------------------------------------------------------
proj="$tmp/project"
mkdir -p "$proj/infra"
git -C "$proj" init -q
cat >"$proj/.pre-commit-config.yaml" <<EOF
repos:
  - repo: $hook_repo
    rev: $rev
    hooks:
      - id: reachlint
EOF
cp "$root/fixtures/corpus-seed-as-is/template.json" "$proj/infra/template.json"
# A YAML template with an RL301 warning (NFSv3 ports), which alone would not fail the hook.
cp "$root/fixtures/input-yaml/template.yaml" "$proj/infra/storage.yaml"
cat >"$proj/package.json" <<'EOF'
{
  "name": "unrelated-package",
  "version": "1.0.0",
  "dependencies": { "left-pad": "1.3.0" }
}
EOF
git -C "$proj" add -A
git -C "$proj" commit -q -m "a template FSx clients cannot reach"

run_hooks() { # run_hooks OUTFILE: pre-commit's status
  local status=0
  (cd "$proj" && pre-commit run --all-files --color never) >"$1" 2>&1 || status=$?
  return "$status"
}

# 1. The broken template: the hook fails and shows the finding; package.json is skipped silently.
status=0
run_hooks "$tmp/bad.out" || status=$?
if [ "$status" -eq 0 ]; then
  cat "$tmp/bad.out" >&2
  fail "pre-commit passed on the broken template"
fi
has "$tmp/bad.out" 'RL102' "no RL102 finding in pre-commit's output"
has "$tmp/bad.out" 'infra/template.json' "the finding does not name infra/template.json"
lacks "$tmp/bad.out" 'package.json' "package.json was reported, not skipped silently"
has "$tmp/bad.out" 'infra/storage.yaml:.*RL301' "the YAML template's RL301 warning is not in pre-commit's output"
lacks "$tmp/bad.out" 'pre-commit-config' \
  ".pre-commit-config.yaml (YAML, not a template) was reported, not skipped silently"
has "$tmp/bad.out" '^reachlint .*Failed' "pre-commit did not report the hook as Failed"
# The findings are on reachlint's standard output (pre-commit shows both streams).
(cd "$proj" && reachlint --skip-unrecognised infra/template.json package.json 2>/dev/null || true) >"$tmp/stdout"
has "$tmp/stdout" 'RL102' "reachlint did not print the RL102 finding on stdout"
say "broken template: pre-commit failed with the RL102 finding (status $status)"

# 2. The fixed template passes.
cp "$root/fixtures/corpus-tgw-ok/template.json" "$proj/infra/template.json"
git -C "$proj" add -A
git -C "$proj" commit -q -m "route the endpoint range through the transit gateway"
status=0
run_hooks "$tmp/good.out" || status=$?
if [ "$status" -ne 0 ]; then
  cat "$tmp/good.out" >&2
  fail "pre-commit failed on the fixed template (status $status)"
fi
has "$tmp/good.out" '^reachlint .*Passed' "the hook did not run (expected 'Passed')"
say "fixed template: pre-commit passed"

# 3. No network, nothing installed: pre-commit only cloned the local hook repository.
if grep -Eqi 'Installing environment' "$tmp/bad.out" "$tmp/good.out"; then
  fail "pre-commit installed an environment for a language: system hook"
fi
say "PASS"
