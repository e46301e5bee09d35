#!/usr/bin/env bash
# `scripts/dev.sh windows`: cross-builds build-windows/inflint.exe with
# MinGW-w64 (cmake/mingw-w64-x86_64.cmake, -Werror) and runs the command-line
# test scripts against it under Wine, in a throwaway WINEPREFIX:
# tests/windows (the Windows-specific behaviour, and os.c's path facts), and
# the golden, cli, adoption, options, projects and hostile scripts with
# INFLINT_TEST_TARGET=windows (paths aside, the same expected output as on
# Linux; what only POSIX has is left out by the scripts, each saying so).
# libinih and libexpat come from ../shared/third_party (their sources stay there).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
inih=${INFLINT_INIH_SOURCE_DIR:-$root/../shared/third_party/inih}
[ -f "$inih/ini.c" ] || { echo "libinih sources not found at $inih (see ../shared/third_party)" >&2; exit 2; }
inih=$(cd "$inih" && pwd)
expat=${INFLINT_EXPAT_SOURCE_DIR:-$root/../shared/third_party/expat}
[ -f "$expat/lib/xmlparse.c" ] || { echo "libexpat sources not found at $expat (see ../shared/third_party)" >&2; exit 2; }
expat=$(cd "$expat" && pwd)

missing=()
command -v cmake >/dev/null 2>&1 || missing+=(cmake)
command -v make >/dev/null 2>&1 || missing+=(make)
command -v x86_64-w64-mingw32-gcc >/dev/null 2>&1 || missing+=(gcc-mingw-w64-x86-64)
command -v wine >/dev/null 2>&1 || missing+=(wine wine64)
[ -x /usr/bin/time ] || missing+=(time)
source scripts/lib.sh
if [ ${#missing[@]} -gt 0 ] && ! install_packages "${missing[@]}"; then
  echo "needs: ${missing[*]} (Debian: sudo apt-get install ${missing[*]})" >&2
  exit 2
fi

start=$(date +%s)
echo "== cross-build (MinGW-w64)"
cmake -S . -B build-windows -DCMAKE_TOOLCHAIN_FILE=cmake/mingw-w64-x86_64.cmake \
  -DCMAKE_BUILD_TYPE=Release -DINFLINT_WERROR=ON -DINFLINT_BUILD_BENCH=OFF \
  -DINFLINT_INIH_SOURCE_DIR="$inih" -DINFLINT_EXPAT_SOURCE_DIR="$expat" >/dev/null
cmake --build build-windows -j "$(nproc 2>/dev/null || echo 2)" --target inflint os_paths

prefix=$(mktemp -d)
export WINEPREFIX="$prefix" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
cleanup() { wineserver -k 2>/dev/null || true; rm -rf "$prefix"; }
trap cleanup EXIT
wrapper="$root/build-windows/inflint-wine"
printf '#!/bin/sh\nexec wine "%s" "$@"\n' "$root/build-windows/inflint.exe" > "$wrapper"
chmod +x "$wrapper"
# One wineserver for the whole run (persistent until cleanup kills it) instead of one that
# stops 3 s after its last process and starts again: it saves the restarts. (It does not cure
# the rare wine process that ends with exit 1 and no output: CI met one with it too.)
wineserver -p
wine "$root/build-windows/inflint.exe" --version

export INFLINT_TEST_TARGET=windows
status=0
step() { # NAME COMMAND...
  echo "== $1"
  shift
  "$@" || { echo "FAILED: the Windows build under Wine"; status=1; }
}
step "os.c path facts" wine "$root/build-windows/tests/os_paths.exe" tests unit
step "Windows behaviour" bash tests/windows/windows.sh "$wrapper"
step "golden outputs" bash tests/golden/golden.sh check "$wrapper"
step "fixes" bash tests/golden/fixes.sh check "$wrapper"
step "command line" bash tests/cli/cli.sh "$wrapper"
step "adoption" bash tests/cli/adoption.sh "$wrapper"
step "options" bash tests/cli/options.sh "$wrapper"
step "WDK projects" bash tests/cli/projects.sh "$wrapper"
step "fix and diff" bash tests/cli/fix.sh "$wrapper"
step "driver source" bash tests/cli/source.sh "$wrapper"
step "hostile input" bash tests/hostile/hostile.sh "$wrapper"
echo "== Windows build and tests: $(($(date +%s) - start)) s"
exit $status
