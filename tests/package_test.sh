#!/usr/bin/env bash
# Packaging test (cmake/packaging.cmake): configures a separate build directory as a packager would
# (Release, no tests, -DREACHLINT_MARCH=haswell instead of native), builds the reachlint target,
# runs `cpack -G DEB`, and checks the package without installing it: its name, its control fields
# and Depends line (dpkg-shlibdeps), the extracted binary (--version, a fixture linted), the man page
# and the bash completion; then that `cmake --install` into a DESTDIR gives the same files, and that
# cpack refuses a -march=native build. Needs dpkg-dev and file (scripts/install-deps.sh).
# The package build directory is REACHLINT_PACKAGE_BUILD_DIR (CTest: package-build/ in its build
# tree), kept between runs: a package needs a portable -march, which the test build (native) lacks,
# so the first run compiles reachlint once more (a few minutes on 2 cores; ccache is used when
# installed) and later runs only bring it up to date. Exit 0 pass, 1 fail, 77 skipped.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)

# shellcheck source=tests/lib.sh
. "$root/tests/lib.sh"

command -v dpkg >/dev/null 2>&1 || skip "not a Debian system (no dpkg)"
for tool in cmake cpack; do command -v "$tool" >/dev/null 2>&1 || skip "'$tool' is not installed"; done

# dpkg-shlibdeps (dpkg-dev) computes Depends; CPack's DEB generator runs `file` on each file.
require dpkg-shlibdeps file readelf
"$root/scripts/install-deps.sh" >/dev/null 2>&1 || skip "cannot install the build dependencies"

# A portable instruction set that keeps simdjson's fast kernel (x86-64-v3 lacks PCLMULQDQ).
case $(uname -m) in
  x86_64 | amd64)
    march=haswell
    grep -qw avx2 /proc/cpuinfo && grep -qw pclmulqdq /proc/cpuinfo ||
      skip "this CPU cannot run a -march=haswell binary" ;;
  *) march="" ;;
esac
arch=$(dpkg --print-architecture)
version=$(sed -nE 's/^project\(reachlint VERSION ([0-9][0-9.]*).*/\1/p' "$root/CMakeLists.txt")
[ -n "$version" ] || fail "no project version in CMakeLists.txt"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/package_test.XXXXXX")
# shellcheck disable=SC2317 # called by the trap
cleanup() { rm -rf "$tmp"; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- configure, build, package ---------------------------------------------------------------
build=${REACHLINT_PACKAGE_BUILD_DIR:-$tmp/build}
launcher=()
command -v ccache >/dev/null 2>&1 && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
t0=$SECONDS
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DREACHLINT_BUILD_TESTS=OFF \
  -DREACHLINT_MARCH="$march" -DCMAKE_INSTALL_PREFIX=/usr ${launcher[@]+"${launcher[@]}"} >"$tmp/configure.log" 2>&1 ||
  { cat "$tmp/configure.log" >&2; fail "configure failed"; }
cmake --build "$build" --target reachlint -j2 >"$tmp/build.log" 2>&1 ||
  { tail -n 40 "$tmp/build.log" >&2; fail "build failed"; }
grep -q -- "-march=$march" "$build/compile_commands.json" || [ -z "$march" ] ||
  fail "the build does not use -march=$march"
if grep -q -- '-march=native' "$build/compile_commands.json"; then fail "the package build uses -march=native"; fi
say "configure + build: $((SECONDS - t0)) s"

t0=$SECONDS
rm -f "$build"/*.deb  # none from an earlier run
(cd "$build" && cpack -G DEB) >"$tmp/cpack.log" 2>&1 || { cat "$tmp/cpack.log" >&2; fail "cpack -G DEB failed"; }
deb="$build/reachlint_${version}_${arch}.deb"
[ -f "$deb" ] || { ls "$build"/*.deb >&2 2>/dev/null || true; fail "no $(basename "$deb")"; }
say "cpack: $((SECONDS - t0)) s, $(basename "$deb") ($(stat -c %s "$deb") bytes)"

# --- control fields ----------------------------------------------------------------------------
info=$(dpkg-deb -I "$deb")
field() { sed -n "s/^ $1: //p" <<<"$info"; }
[ "$(field Package)" = reachlint ] || fail "Package is '$(field Package)'"
[ "$(field Version)" = "$version" ] || fail "Version is '$(field Version)', not $version"
[ "$(field Architecture)" = "$arch" ] || fail "Architecture is '$(field Architecture)'"
[ "$(field Section)" = devel ] || fail "Section is '$(field Section)', not devel"
[ -n "$(field Maintainer)" ] || fail "no Maintainer"
[ -n "$(field Description)" ] || fail "no Description"
depends=$(field Depends)
[ -n "$depends" ] || { printf '%s\n' "$info" >&2; fail "no Depends line (dpkg-shlibdeps did not run)"; }
depends_on() { # depends_on PACKAGE: whether Depends names it (with or without a version)
  # grep reads all its input: with pipefail, `grep -q` quitting early can fail the pipeline.
  sed 's/, */\n/g' <<<"$depends" | sed -E 's/[[:space:]].*//' | grep -xF -- "$1" >/dev/null
}
# Every shared library the binary needs comes from a package named in Depends.
dpkg-deb -x "$deb" "$tmp/extract"
bin="$tmp/extract/usr/bin/reachlint"
[ -x "$bin" ] || fail "no usr/bin/reachlint in the package"
ldconfig=$(command -v ldconfig || echo /sbin/ldconfig)
for soname in $(readelf -d "$bin" | sed -nE 's/.*\(NEEDED\).*\[(.*)\]/\1/p'); do
  # awk reads to the end: an early exit would kill ldconfig with SIGPIPE and, under pipefail and
  # set -e, end the test without a word.
  lib=$("$ldconfig" -p | awk -v n="$soname" '$1 == n && !found { print $NF; found = 1 }')
  [ -n "$lib" ] || fail "$soname, which the binary needs, is not installed"
  pkg=$(dpkg -S "$(readlink -f "$lib")" 2>/dev/null | sed -n '1s/:.*//p') ||
    pkg=$(dpkg -S "$lib" 2>/dev/null | sed -n '1s/:.*//p') || true
  [ -n "$pkg" ] || continue  # a library outside dpkg's database cannot be named
  depends_on "$pkg" || fail "Depends lacks $pkg (for $soname): $depends"
done
if grep -q '^12\.' /etc/debian_version 2>/dev/null; then
  for pkg in libsimdjson14 libre2-9 libfmt9 libstdc++6; do
    depends_on "$pkg" || fail "Depends lacks $pkg: $depends"
  done
fi
say "Depends: $depends"

# --- the extracted files -------------------------------------------------------------------------
"$bin" --version >"$tmp/version" || fail "the packaged reachlint --version failed"
grep -q "^reachlint $version " "$tmp/version" || fail "unexpected --version: $(cat "$tmp/version")"
status=0
"$bin" --no-config "$root/fixtures/corpus-seed-as-is/template.json" >"$tmp/lint.out" 2>&1 || status=$?
[ "$status" -eq 1 ] && grep -q RL102 "$tmp/lint.out" ||
  { cat "$tmp/lint.out" >&2; fail "the packaged reachlint did not report RL102 (status $status)"; }
"$bin" --no-config -q "$root/fixtures/corpus-tgw-ok/template.json" >/dev/null ||
  fail "the packaged reachlint failed on a clean template"

man="$tmp/extract/usr/share/man/man1/reachlint.1.gz"
[ -f "$man" ] || fail "no usr/share/man/man1/reachlint.1.gz"
gzip -t "$man" || fail "the man page is not valid gzip"
zcat "$man" | cmp -s - "$root/docs/reachlint.1" || fail "the packaged man page differs from docs/reachlint.1"
if command -v groff >/dev/null 2>&1; then
  warnings=$(zcat "$man" | groff -man -Tutf8 -ww -z 2>&1) || true
  [ -z "$warnings" ] || fail "groff warns about the man page: $warnings"
fi

completion="$tmp/extract/usr/share/bash-completion/completions/reachlint"
[ -f "$completion" ] || fail "no usr/share/bash-completion/completions/reachlint"
bash -n "$completion" || fail "bash -n rejects the completion script"
# It completes options, values and rule codes with the packaged binary.
complete_words() { # complete_words WORD...: the completions of the last word
  bash -c '
    source "$1"; shift
    COMP_WORDS=("$@"); COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=()
    _reachlint
    printf "%s\n" "${COMPREPLY[@]}"' _ "$completion" "$@"
}
[ "$(complete_words "$bin" --skip-un)" = --skip-unrecognised ] || fail "completion of --skip-un"
[ "$(complete_words "$bin" -f sa)" = sarif ] || fail "completion of -f sa"
complete_words "$bin" rules RL10 | grep -x RL102 >/dev/null || fail "completion of rules RL10"
complete_words "$bin" ch | grep -x check >/dev/null || fail "completion of the check subcommand"

# The man page and the completion's fallback list know every option of --help.
"$bin" --help >"$tmp/help"
fallback=$(sed -n '/^_reachlint_fallback_options="/,/"$/p' "$root/scripts/completion/reachlint.bash" |
  sed -E 's/^_reachlint_fallback_options="//; s/"$//')
for opt in $(grep -oE -- '(^|[[:space:],[])--?[[:alnum:]][-[:alnum:]]*' "$tmp/help" | sed -E 's/^[[:space:],[]+//' | sort -u); do
  escaped=${opt//-/\\-}
  grep -qF -- "$escaped" "$root/docs/reachlint.1" || fail "docs/reachlint.1 does not document $opt"
  grep -qxF -- "$opt" <<<"$(tr -s '[:space:]' '\n' <<<"$fallback")" ||
    fail "the completion's fallback options lack $opt"
done
say "package contents: binary, man page and completion check out"

# --- cmake --install gives the same files ---------------------------------------------------------
DESTDIR="$tmp/destdir" cmake --install "$build" --prefix /usr >"$tmp/install.log" 2>&1 ||
  { cat "$tmp/install.log" >&2; fail "cmake --install failed"; }
(cd "$tmp/extract" && find . -type f | sort) >"$tmp/deb.files"
(cd "$tmp/destdir" && find . -type f | sort) >"$tmp/install.files"
diff -u "$tmp/deb.files" "$tmp/install.files" >&2 || fail "cmake --install and the package install different files"
for f in usr/share/man/man1/reachlint.1.gz usr/share/bash-completion/completions/reachlint; do
  cmp -s "$tmp/extract/$f" "$tmp/destdir/$f" || fail "$f differs between the package and cmake --install"
done
"$tmp/destdir/usr/bin/reachlint" --version >/dev/null || fail "the installed reachlint does not run"
say "cmake --install into DESTDIR: the same $(wc -l <"$tmp/install.files") files"

# --- no package from a -march=native build ----------------------------------------------------
cmake -S "$root" -B "$tmp/native" -DCMAKE_BUILD_TYPE=Release -DREACHLINT_BUILD_TESTS=OFF \
  -DREACHLINT_MARCH=native >/dev/null 2>&1 || fail "configure (native) failed"
if (cd "$tmp/native" && timeout 120 cpack -G DEB) >"$tmp/native.log" 2>&1; then
  fail "cpack packaged a -march=native build"
fi
has "$tmp/native.log" 'REACHLINT_MARCH=native' "cpack failed without saying why"
say "cpack refuses a -march=native build"
say "PASS"
