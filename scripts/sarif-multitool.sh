#!/usr/bin/env bash
# Prints the path of the SARIF Multitool 5.7.0, fetching it on first use from the npm registry
# (the package is a self-contained binary: no node or npm needed) into $REACHLINT_TOOLS_DIR
# (default ~/.cache/reachlint). The download is checked against a pinned SHA-256.
# This needs the network once: when the registry cannot be reached (REACHLINT_NPM_REGISTRY, default
# https://registry.npmjs.org, e.g. a mirror), it says so and exits 75; any other failure exits 1.
set -euo pipefail
version=5.7.0
sha256=27d8e3e96dde578a23b7c45035b8d741fece5731e2700aa068015b8c44d1514e
registry=${REACHLINT_NPM_REGISTRY:-https://registry.npmjs.org}
dir=${REACHLINT_TOOLS_DIR:-$HOME/.cache/reachlint}/sarif-multitool-$version
tool=$dir/package/Sarif.Multitool
if [ ! -x "$tool" ]; then
  mkdir -p "$dir"
  archive=$(mktemp --suffix=.tgz)
  trap 'rm -f "$archive"' EXIT
  url="$registry/@microsoft/sarif-multitool-linux/-/sarif-multitool-linux-$version.tgz"
  status=0
  curl -fsSL --retry 3 --connect-timeout 20 -o "$archive" "$url" || status=$?
  case $status in
    0) ;;
    5 | 6 | 7 | 28 | 35 | 52 | 55 | 56)
      # Proxy or host not resolved, no connection, timed out, TLS or transfer broken: offline.
      echo "sarif-multitool.sh: the npm registry cannot be reached (curl exit $status) to fetch $url" >&2
      exit 75 ;;
    *)
      echo "sarif-multitool.sh: downloading $url failed (curl exit $status)" >&2
      exit 1 ;;
  esac
  echo "$sha256  $archive" | sha256sum --check --quiet
  tar -xzf "$archive" -C "$dir"
  chmod +x "$tool"
fi
echo "$tool"
