#!/usr/bin/env bash
# Installs what building needs, builds the reachlint tool alone (not the test suite), and lints the
# bundled example: the motivating scenario (an FSx for OpenZFS Multi-AZ file system that an
# instance in another VPC cannot reach).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh reachlint
set +e
./build/reachlint --show-paths fixtures/corpus-seed-as-is/template.json
status=$?
echo "reachlint exited with status $status (1: findings at or above the fail level)"
[ "$status" -le 1 ]
