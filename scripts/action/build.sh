#!/usr/bin/env bash
# GitHub Action step 2: configures and builds reachlint (Release, the reachlint target only) out of
# the action's source tree into its build-action/ directory, and sets the step output `binary`.
# The directory sits beside the sources as build/ does in a checkout, so that ccache (used when
# installed) reuses a main build's objects; a second use of the action in a job builds nothing.
# The binary runs on the machine that built it, so the default -march=native is right here.
set -euo pipefail
action_path=${GITHUB_ACTION_PATH:-$(cd "$(dirname "$0")/../.." && pwd)}
build_dir=$action_path/build-action
jobs=$(nproc 2>/dev/null || echo 2)
launcher=()
command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)

echo "::group::Build reachlint"
cmake -S "$action_path" -B "$build_dir" -DCMAKE_BUILD_TYPE=Release -DREACHLINT_BUILD_TESTS=OFF \
  ${launcher[@]+"${launcher[@]}"}
cmake --build "$build_dir" --target reachlint -j"$jobs"
echo "::endgroup::"

binary="$build_dir/reachlint"
"$binary" --version
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  echo "binary=$binary" >>"$GITHUB_OUTPUT"
fi
