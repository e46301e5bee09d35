#!/usr/bin/env bash
# One-command set-up for inflint developers.
#
#   scripts/dev.sh samples   install what is missing, build, lint samples/
#   scripts/dev.sh test      install what is missing, build, run every test (ctest)
#   scripts/dev.sh windows   cross-build build-windows/inflint.exe with MinGW-w64 and run the
#                            command-line tests against it under Wine
#   scripts/dev.sh package   release packages in dist/: inflint-<version>-win64.zip (MinGW),
#                            .tar.gz and .deb (Linux)
#
# Missing packages are installed with apt-get when run as root on Debian or
# Ubuntu; otherwise the exact install commands are printed.
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-}
case "$mode" in samples|test|windows|package) ;;
*) echo "usage: scripts/dev.sh samples|test|windows|package" >&2; exit 2 ;;
esac
if [ "$mode" = windows ]; then
  exec bash "$(dirname "$0")/windows-tests.sh"
fi
if [ "$mode" = package ]; then
  exec bash "$(dirname "$0")/package.sh"
fi

missing=()
command -v cmake >/dev/null 2>&1 || missing+=(cmake)
command -v cc >/dev/null 2>&1 || missing+=(gcc)
command -v make >/dev/null 2>&1 || missing+=(make)
if command -v pkg-config >/dev/null 2>&1; then
  pkg-config --exists inih || missing+=(libinih-dev)
  pkg-config --exists expat || missing+=(libexpat1-dev)
  pkg-config --exists cmocka || missing+=(libcmocka-dev)
else
  missing+=(pkg-config libinih-dev libexpat1-dev libcmocka-dev)
fi

source scripts/lib.sh
if [ ${#missing[@]} -gt 0 ]; then
  if ! install_packages "${missing[@]}"; then
    cat >&2 <<MSG
inflint needs: ${missing[*]}
Install them with one of:
  Debian/Ubuntu: sudo apt-get install cmake gcc make pkg-config libinih-dev libexpat1-dev libcmocka-dev
  macOS:         brew install cmake pkg-config inih expat cmocka
  vcpkg:         vcpkg install inih expat cmocka   (then configure with -DCMAKE_TOOLCHAIN_FILE=...)
MSG
    exit 2
  fi
fi

werror=OFF
[ "${CI:-}" = true ] && werror=ON
jobs=$(nproc 2>/dev/null || echo 2)
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DINFLINT_WERROR=$werror >/dev/null
cmake --build build -j "$jobs"

if [ "$mode" = samples ]; then
  echo "== inflint samples/"
  rc=0
  ./build/inflint --source samples/ || rc=$?
  # 1 only means that findings were reported, which is what the samples are for.
  [ "$rc" -le 1 ] || exit "$rc"
  exit 0
fi
ctest --test-dir build --output-on-failure -j "$jobs"
