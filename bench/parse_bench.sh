#!/usr/bin/env bash
# Parse benchmark (issue: linear cost). Builds Release, generates two 50 MB
# INFs with ~46,000 headers each - all distinct names, or drawn from 700
# names so that headers repeat and merge - and prints, in one run, MB/s of
# `inflint --dump-model >/dev/null` and of the libinih counting baseline on
# the same bytes, plus the distinct/pooled time ratio (target: <= 1.3).
#
# usage: bench/parse_bench.sh [MEGABYTES]   (default 50)
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-50}
bytes=$((mb * 1000000))
out=bench/out
mkdir -p "$out"
cmake -S . -B build-release -DCMAKE_BUILD_TYPE=Release -DINFLINT_BUILD_TESTS=OFF >/dev/null
cmake --build build-release -j "$(nproc)" >/dev/null
gen=build-release/bench/inf_generate
"$gen" --bytes $bytes --headers 46000 > "$out/distinct.inf"
"$gen" --bytes $bytes --headers 46000 --names 700 > "$out/pooled.inf"

. bench/clock.sh
# best_seconds RUNS COMMAND...: the fastest of RUNS wall-clock runs.
best_seconds() {
  local runs=$1; shift
  local best=""
  for _ in $(seq "$runs"); do
    local t
    t=$(wall_seconds "$@")
    best=$(echo "$t $best" | awk '{ if ($2 == "" || $1 < $2) print $1; else print $2 }')
  done
  echo "$best"
}

printf '%-14s %10s %14s %14s %10s\n' input MB inflint_MB/s libinih_MB/s ratio
declare -A secs
for name in distinct pooled; do
  f="$out/$name.inf"
  size=$(stat -c %s "$f")
  t_inf=$(best_seconds 3 build-release/inflint --dump-model "$f")
  t_ini=$(best_seconds 3 build-release/bench/inih_baseline "$f")
  secs[$name]=$t_inf
  awk -v n="$name" -v s="$size" -v a="$t_inf" -v b="$t_ini" 'BEGIN {
    printf "%-14s %10.1f %14.1f %14.1f %10.2f\n", n, s / 1e6, s / 1e6 / a, s / 1e6 / b, b / a }'
done
awk -v a="${secs[distinct]}" -v b="${secs[pooled]}" 'BEGIN {
  printf "distinct/pooled time ratio: %.2f (target <= 1.30)\n", a / b; exit (a / b <= 1.3 ? 0 : 1) }'
