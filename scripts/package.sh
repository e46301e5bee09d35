#!/usr/bin/env bash
# `scripts/dev.sh package`: the release packages, in dist/, checked before
# they are kept: inflint-<version>-win64.zip (the MinGW-w64 build: inflint.exe,
# rules.md, README.md, LICENSE), and from a Linux Release build (profile-guided)
# inflint-<version>-linux-<arch>.tar.gz and the .deb (binary, man page, docs).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
jobs=$(nproc 2>/dev/null || echo 2)
inih=${INFLINT_INIH_SOURCE_DIR:-$root/../shared/third_party/inih}
for tool in cmake cpack x86_64-w64-mingw32-gcc dpkg-deb unzip; do
  command -v "$tool" >/dev/null 2>&1 || { echo "package needs $tool (Debian: cmake, gcc-mingw-w64-x86-64, dpkg, unzip)" >&2; exit 2; }
done
[ -f "$inih/ini.c" ] || { echo "libinih sources not found at $inih" >&2; exit 2; }
inih=$(cd "$inih" && pwd)
expat=${INFLINT_EXPAT_SOURCE_DIR:-$root/../shared/third_party/expat}
[ -f "$expat/lib/xmlparse.c" ] || { echo "libexpat sources not found at $expat" >&2; exit 2; }
expat=$(cd "$expat" && pwd)
mkdir -p dist
rm -f dist/inflint-*

echo "== Windows zip (MinGW-w64)"
cmake -S . -B build-package-windows -DCMAKE_TOOLCHAIN_FILE=cmake/mingw-w64-x86_64.cmake \
  -DCMAKE_BUILD_TYPE=Release -DINFLINT_BUILD_TESTS=OFF -DINFLINT_BUILD_BENCH=OFF \
  -DINFLINT_INIH_SOURCE_DIR="$inih" -DINFLINT_EXPAT_SOURCE_DIR="$expat" >/dev/null
cmake --build build-package-windows -j "$jobs" >/dev/null
(cd build-package-windows && cpack -G ZIP -B "$root/dist" >/dev/null)

echo "== Linux .tar.gz and .deb"
# Release with profile-guided optimisation (scripts/pgo-build.sh); the golden outputs check
# that the optimised binary reports what the tested one does.
bash scripts/pgo-build.sh build-package-linux -DCMAKE_INSTALL_PREFIX=/usr -DINFLINT_BUILD_TESTS=OFF
bash tests/golden/golden.sh check "$root/build-package-linux/inflint"
(cd build-package-linux && cpack -G "TGZ;DEB" -B "$root/dist" >/dev/null)
rm -rf dist/_CPack_Packages

# What each package must hold.
status=0
need() { # LISTING ENTRY...
  local listing=$1; shift
  for entry in "$@"; do
    grep -qE "(^|[ /])$entry\$" <<<"$listing" || { echo "FAIL: $entry missing"; status=1; }
  done
}
version=$(sed -n 's/^project(inflint VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
zip="dist/inflint-$version-win64.zip"
need "$(unzip -Z1 "$zip")" inflint.exe rules.md README.md LICENSE
tgz=$(ls dist/inflint-"$version"-linux-*.tar.gz)
need "$(tar -tzf "$tgz")" bin/inflint share/man/man1/inflint.1 share/doc/inflint/rules.md
deb=$(ls dist/inflint_*.deb)
need "$(dpkg-deb -c "$deb" | awk '{print $NF}')" usr/bin/inflint usr/share/man/man1/inflint.1
dpkg-deb -f "$deb" Depends | grep -q libinih || { echo "FAIL: the .deb does not depend on libinih"; status=1; }
dpkg-deb -f "$deb" Depends | grep -q libexpat || { echo "FAIL: the .deb does not depend on libexpat"; status=1; }
ls -l dist/
exit $status
