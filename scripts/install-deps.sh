#!/usr/bin/env bash
# Installs the Debian 12 packages reachlint builds and tests with, if any is missing.
#   scripts/install-deps.sh [--build-only] [EXTRA_PACKAGE...]
#     --build-only   what building reachlint needs, not the tests' tools (scripts/demo.sh)
#     EXTRA_PACKAGE  e.g. clang libclang-rt-14-dev for the sanitizers
set -euo pipefail
# Build: the compiler, CMake and the five libraries (Boost.Test for the test suite); ccache, so
# that the builds of the pre-commit hook, the GitHub Action and the package reuse objects.
packages=(cmake g++ make pkg-config libsimdjson-dev libre2-dev libtomlplusplus-dev libboost-test-dev libfmt-dev libyaml-dev ccache)
if [ "${1:-}" = --build-only ]; then
  shift
else
  # Tests: SARIF validation (schema check in Python, the Multitool's log read with jq, fetched by
  # curl), the pre-commit hook, the .deb (dpkg-dev, file), the HTML report seen as a person sees
  # it (headless Chromium and a font, html_render).
  packages+=(python3 python3-jsonschema jq curl ca-certificates pre-commit dpkg-dev file git chromium fonts-dejavu-core)
fi
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
