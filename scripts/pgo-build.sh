#!/usr/bin/env bash
# The Linux release build with profile-guided optimisation (GCC), for the packages and the
# bench: builds DIR with INFLINT_PGO=generate, lints the training inputs with it, then builds
# DIR again with INFLINT_PGO=use. Same output as a plain Release build, in fewer instructions.
#
# The training inputs are the project's own: samples/ and the INFs under tests/, in the
# report formats CI uses, and small files of the bench generator's shapes (other sizes and
# seeds than the bench's inputs). The real corpus (../shared/corpus) is never trained on: it
# is what shows the gain is not tuned to these inputs.
#
# usage: scripts/pgo-build.sh DIR [CMAKE_ARGUMENT...]
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { echo "usage: scripts/pgo-build.sh DIR [CMAKE_ARGUMENT...]" >&2; exit 2; }
dir=$1
shift
jobs=$(nproc 2>/dev/null || echo 2)
profile=$(mkdir -p "$dir" && cd "$dir" && pwd)/pgo-profile

# A profile left by an older build would describe other code: each build starts afresh.
rm -rf "$profile"
cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release -DINFLINT_BUILD_BENCH=ON \
  -DINFLINT_PGO=generate -DINFLINT_PGO_DIR="$profile" "$@" >/dev/null
cmake --build "$dir" -j "$jobs" --target inflint inf_generate >/dev/null

train=$(mktemp -d)
trap 'rm -rf "$train"' EXIT
gen=$dir/bench/inf_generate
"$gen" --vendor --bytes 300000 --seed 7 >"$train/vendor.inf"
"$gen" --bytes 300000 --headers 300 --seed 7 >"$train/distinct.inf"
"$gen" --bytes 300000 --headers 300 --names 10 --seed 7 >"$train/pooled.inf"
"$gen" --bytes 200000 --headers 200 --utf16le --seed 7 >"$train/utf16.inf"
for format in text json sarif github; do
  # (exit 1: findings, which the inputs are for)
  "$dir/inflint" -j 1 -f "$format" samples/ tests/ "$train" >/dev/null 2>&1 || [ $? -eq 1 ]
done
"$dir/inflint" -f json samples/ tests/ >/dev/null 2>&1 || [ $? -eq 1 ] # the worker threads
ls "$profile"/*.gcda >/dev/null 2>&1 || { echo "pgo-build: the training wrote no profile" >&2; exit 1; }

cmake -S . -B "$dir" -DINFLINT_PGO=use >/dev/null
cmake --build "$dir" -j "$jobs" >/dev/null
echo "pgo-build: $dir/inflint built with the profile of $(ls "$profile"/*.gcda | wc -l) files"
