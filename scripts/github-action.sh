#!/usr/bin/env bash
# The logic of the GitHub Action (action.yml): each step of the composite
# action calls one subcommand, with the environment GitHub gives a step
# (RUNNER_OS, RUNNER_TEMP, GITHUB_OUTPUT, GITHUB_ACTION_PATH) and the action's
# inputs as INFLINT_* variables. Kept here so that tests/integration/action.sh
# can run it outside GitHub.
#
#   github-action.sh hash    source hash of the action's own checkout -> key=
#   github-action.sh build   build inflint into $RUNNER_TEMP/inflint-build (skipped
#                            when the cache restored it) -> binary=
#   github-action.sh run     lint: SARIF file (or FORMAT) + workflow annotations
#                            -> sarif=, status=
#   github-action.sh gate    exit with the status of `run`
#
# Inputs: INFLINT_PATHS (default "."), INFLINT_PROFILE, INFLINT_FAIL_ON
# (default error), INFLINT_FORMAT (default sarif), INFLINT_ARGS (extra options,
# split on blanks), INFLINT_STATUS (for gate).
set -euo pipefail
source_dir=${GITHUB_ACTION_PATH:-$(cd "$(dirname "$0")/.." && pwd)}
temp=${RUNNER_TEMP:?RUNNER_TEMP is not set}
output=${GITHUB_OUTPUT:?GITHUB_OUTPUT is not set}
build_dir="$temp/inflint-build"
os=${RUNNER_OS:-Linux}

say() { echo "inflint action: $*" >&2; }

# The files a build depends on, in a fixed order: their hash keys the cache.
source_hash() {
  (cd "$source_dir" &&
    find CMakeLists.txt cmake src include rules -type f 2>/dev/null | LC_ALL=C sort |
    while IFS= read -r f; do printf '%s\n' "$f"; cat "$f"; done) | sha256sum | cut -c1-32
}

binary_path() {
  if [ "$os" = Windows ]; then echo "$build_dir/Release/inflint.exe"; else echo "$build_dir/inflint"; fi
}

as_root() { # COMMAND...: as root (sudo on a hosted runner, directly in a root container)
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

build_linux() {
  local missing=()
  command -v cmake >/dev/null 2>&1 || missing+=(cmake)
  command -v cc >/dev/null 2>&1 || missing+=(gcc)
  command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
  pkg-config --exists inih 2>/dev/null || missing+=(libinih-dev)
  pkg-config --exists expat 2>/dev/null || missing+=(libexpat1-dev)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  cmake -S "$source_dir" -B "$build_dir" -DCMAKE_BUILD_TYPE=Release \
    -DINFLINT_BUILD_TESTS=OFF -DINFLINT_BUILD_BENCH=OFF >/dev/null
  cmake --build "$build_dir" --parallel >/dev/null
}

build_windows() {
  # MSVC with the runner's vcpkg (VCPKG_INSTALLATION_ROOT on GitHub's Windows images).
  local vcpkg_root=${VCPKG_INSTALLATION_ROOT:?VCPKG_INSTALLATION_ROOT is not set: no vcpkg on this runner}
  vcpkg install inih:x64-windows expat:x64-windows >/dev/null
  cmake -S "$source_dir" -B "$build_dir" -A x64 \
    -DCMAKE_TOOLCHAIN_FILE="$vcpkg_root/scripts/buildsystems/vcpkg.cmake" \
    -DVCPKG_TARGET_TRIPLET=x64-windows -DINFLINT_BUILD_TESTS=OFF -DINFLINT_BUILD_BENCH=OFF >/dev/null
  cmake --build "$build_dir" --config Release --parallel >/dev/null
}

cmd_build() {
  local binary
  binary=$(binary_path)
  if [ -x "$binary" ]; then
    say "using the cached build ($binary)"
  else
    case $os in
    Linux) build_linux ;;
    Windows) build_windows ;;
    *) say "runners on $os are not supported (Linux and Windows are)"; exit 2 ;;
    esac
  fi
  "$binary" --version >&2
  echo "binary=$binary" >>"$output"
}

cmd_run() {
  local binary format fail_on sarif status=0
  binary=$(binary_path)
  format=${INFLINT_FORMAT:-sarif}
  fail_on=${INFLINT_FAIL_ON:-error}
  local -a options=() paths=()
  [ -n "${INFLINT_PROFILE:-}" ] && options+=(--profile "$INFLINT_PROFILE")
  # shellcheck disable=SC2206 # extra options are split on blanks, as a user writes them
  [ -n "${INFLINT_ARGS:-}" ] && options+=($INFLINT_ARGS)
  # shellcheck disable=SC2206
  paths=(${INFLINT_PATHS:-.})
  case $format in
  sarif | junit | checkstyle | gitlab | json)
    case $format in
    sarif) sarif="$temp/inflint.sarif" ;;
    junit | checkstyle) sarif="$temp/inflint.$format.xml" ;;
    *) sarif="$temp/inflint.$format.json" ;;
    esac
    # The report never decides the job: the annotation run below does.
    "$binary" --format "$format" --fail-on never --output-file "$sarif" "${options[@]}" "${paths[@]}" ||
      status=$?
    echo "report=$sarif" >>"$output"
    [ "$format" = sarif ] && echo "sarif=$sarif" >>"$output"
    ;;
  github) ;;
  *) say "format '$format' is not one the action writes (sarif, junit, checkstyle, gitlab, json, github)"; exit 2 ;;
  esac
  # Annotations on the changed lines, and the verdict.
  if [ "$status" -eq 0 ]; then
    "$binary" --format github --fail-on "$fail_on" "${options[@]}" "${paths[@]}" || status=$?
  fi
  echo "status=$status" >>"$output"
  say "exit status $status"
}

cmd_gate() {
  local status=${INFLINT_STATUS:-2}
  case $status in
  0) exit 0 ;;
  1) say "findings at or above fail-on (${INFLINT_FAIL_ON:-error}): see the annotations"; exit 1 ;;
  *) say "inflint could not run or read some input (status $status): see its messages above"; exit "$status" ;;
  esac
}

case ${1:-} in
hash) echo "key=inflint-$os-$(source_hash)" >>"$output" ;;
build) cmd_build ;;
run) cmd_run ;;
gate) cmd_gate ;;
*) echo "usage: github-action.sh hash|build|run|gate" >&2; exit 2 ;;
esac
