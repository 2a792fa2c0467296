#!/usr/bin/env bash
# Installs the Debian 12 packages reachlint builds and tests with, if any is missing.
#   scripts/install-deps.sh [EXTRA_PACKAGE...]   e.g. clang libclang-rt-14-dev for the sanitizers
set -euo pipefail
# Build: the compiler, CMake and the five libraries.
packages=(cmake g++ make pkg-config libsimdjson-dev libre2-dev libtomlplusplus-dev libboost-test-dev libfmt-dev libyaml-dev)
# Tests: SARIF validation (schema check in Python, the Multitool's log read with jq, fetched by curl),
# the pre-commit hook, the .deb (dpkg-dev, file).
packages+=(python3 python3-jsonschema jq curl ca-certificates pre-commit dpkg-dev file git)
packages+=("$@")
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing: ${missing[*]}" >&2
sudo_cmd=()
[ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
