#!/usr/bin/env bash
# Prints the path of the SARIF Multitool 5.7.0, fetching it on first use from the npm registry
# (the package is a self-contained binary: no node or npm needed) into $REACHLINT_TOOLS_DIR
# (default ~/.cache/reachlint). The download is checked against a pinned SHA-256.
set -euo pipefail
version=5.7.0
sha256=27d8e3e96dde578a23b7c45035b8d741fece5731e2700aa068015b8c44d1514e
dir=${REACHLINT_TOOLS_DIR:-$HOME/.cache/reachlint}/sarif-multitool-$version
tool=$dir/package/Sarif.Multitool
if [ ! -x "$tool" ]; then
  mkdir -p "$dir"
  archive=$(mktemp --suffix=.tgz)
  trap 'rm -f "$archive"' EXIT
  curl -fsSL --retry 3 -o "$archive" \
    "https://registry.npmjs.org/@microsoft/sarif-multitool-linux/-/sarif-multitool-linux-$version.tgz"
  echo "$sha256  $archive" | sha256sum --check --quiet
  tar -xzf "$archive" -C "$dir"
  chmod +x "$tool"
fi
echo "$tool"
