#!/usr/bin/env bash
# Entry of the pre-commit hook `reachlint` (.pre-commit-hooks.yaml, language: script): pre-commit
# runs it from its own clone of this repository at the configured `rev`, in the user's project,
# with the staged files as arguments. The first run builds reachlint (Release, the reachlint
# target only) into the clone's build-hook/ directory; later runs start it at once. A lock (flock)
# serialises the build, so that hooks started in parallel, in one project or several, build once.
#
# Needs a C++20 compiler, CMake and the Debian development packages (README: Dependencies).
# REACHLINT_HOOK_JOBS sets the build's parallelism (default: every core). ccache is used if present.
set -euo pipefail

clone=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="$clone/build-hook"
binary="$build/reachlint"
stamp="$build/.reachlint-hook-built" # written after a complete build, so a cut-off one is resumed
log="$build/reachlint-hook-build.log"

say() { printf 'reachlint pre-commit hook: %s\n' "$*" >&2; }

packages="cmake g++ make pkg-config libsimdjson-dev libre2-dev libtomlplusplus-dev libfmt-dev libyaml-dev"
explain_needs() {
  say "building reachlint needs a C++20 compiler, CMake and Debian 12's development packages:"
  say "  sudo apt-get install $packages"
  say "or install reachlint (the .deb, or cmake --install) and use the hook id reachlint-system."
}

build_once() {
  local tool launcher=() jobs
  for tool in cmake make pkg-config c++; do
    command -v "$tool" >/dev/null 2>&1 || {
      say "'$tool' is not installed"
      explain_needs
      exit 2
    }
  done
  command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  jobs=${REACHLINT_HOOK_JOBS:-$(nproc 2>/dev/null || echo 2)}
  say "building reachlint once into $build (a few minutes; later runs start at once)"
  mkdir -p "$build"
  echo "== build started $(date -u +%FT%TZ) by process $$" >>"$log"
  if ! cmake -S "$clone" -B "$build" -DCMAKE_BUILD_TYPE=Release -DREACHLINT_BUILD_TESTS=OFF \
    ${launcher[@]+"${launcher[@]}"} >>"$log" 2>&1 ||
    ! cmake --build "$build" --target reachlint -j"$jobs" >>"$log" 2>&1; then
    tail -n 30 "$log" >&2
    say "the build failed (whole log: $log)"
    explain_needs
    exit 2
  fi
  "$binary" --version >/dev/null || {
    say "the built $binary does not run"
    exit 2
  }
  touch "$stamp"
  echo "== build finished $(date -u +%FT%TZ)" >>"$log"
}

if [ ! -f "$stamp" ]; then
  mkdir -p "$build"
  # Whoever holds the lock builds; the others wait, then find the stamp and build nothing.
  exec 9>"$build/.reachlint-hook.lock"
  if command -v flock >/dev/null 2>&1; then flock 9; fi
  [ -f "$stamp" ] || build_once
  exec 9>&-
fi
exec "$binary" "$@"
