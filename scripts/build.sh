#!/usr/bin/env bash
# Configures and builds reachlint (Release) into build/ with the tests.
#   scripts/build.sh [TARGET...]   only these targets, e.g. `reachlint` (scripts/demo.sh), and
#                                  only the build packages installed; default: everything
# Through ccache when it is installed, with CCACHE_BASEDIR at the checkout, so that other build
# trees laid out like build/ (the pre-commit hook's, the GitHub Action's) reuse the objects.
set -euo pipefail
cd "$(dirname "$0")/.."
targets=()
for t in "$@"; do targets+=(--target "$t"); done
if [ ${#targets[@]} -gt 0 ]; then
  ./scripts/install-deps.sh --build-only
else
  ./scripts/install-deps.sh
fi
launcher=()
if command -v ccache >/dev/null 2>&1; then
  launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$PWD}
fi
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DREACHLINT_BUILD_TESTS=ON ${launcher[@]+"${launcher[@]}"} >/dev/null
cmake --build build -j"$(nproc)" ${targets[@]+"${targets[@]}"}
