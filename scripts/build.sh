#!/usr/bin/env bash
# Configures and builds reachlint (Release) into build/ with the tests.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DREACHLINT_BUILD_TESTS=ON >/dev/null
cmake --build build -j"$(nproc)"
