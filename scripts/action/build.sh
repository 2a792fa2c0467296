#!/usr/bin/env bash
# GitHub Action step 2: configures and builds reachlint (Release, the reachlint target only) out of
# the action's source tree into $RUNNER_TEMP/reachlint-build, and sets the step output `binary`.
# The binary runs on the machine that built it, so the default -march=native is right here.
set -euo pipefail
action_path=${GITHUB_ACTION_PATH:-$(cd "$(dirname "$0")/../.." && pwd)}
build_dir=${RUNNER_TEMP:-${TMPDIR:-/tmp}}/reachlint-build
jobs=$(nproc 2>/dev/null || echo 2)

echo "::group::Build reachlint"
cmake -S "$action_path" -B "$build_dir" -DCMAKE_BUILD_TYPE=Release -DREACHLINT_BUILD_TESTS=OFF
cmake --build "$build_dir" --target reachlint -j"$jobs"
echo "::endgroup::"

binary="$build_dir/reachlint"
"$binary" --version
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  echo "binary=$binary" >>"$GITHUB_OUTPUT"
fi
