#!/usr/bin/env bash
# GitHub Action step 1: the Debian/Ubuntu packages reachlint builds with (the build list in
# scripts/install-deps.sh, installed through sudo on hosted runners, directly as root in containers).
set -euo pipefail
action_path=${GITHUB_ACTION_PATH:-$(cd "$(dirname "$0")/../.." && pwd)}
if ! command -v apt-get >/dev/null 2>&1; then
  echo "::error title=reachlint::this action needs a Debian or Ubuntu runner (apt-get)" >&2
  exit 1
fi
exec bash "$action_path/scripts/install-deps.sh" --build-only
