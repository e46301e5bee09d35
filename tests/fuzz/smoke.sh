#!/usr/bin/env bash
# Builds the libFuzzer targets and runs each for SECONDS (default 60) from the
# project's seeds plus a generated set; any crash, leak, timeout or sanitizer
# report fails. usage: tests/fuzz/smoke.sh [SECONDS]
set -euo pipefail
seconds=${1:-60}
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
cmake -S . -B build-fuzz -DCMAKE_C_COMPILER=clang -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DINFLINT_FUZZ=ON -DINFLINT_BUILD_TESTS=OFF -DINFLINT_BUILD_BENCH=ON >/dev/null
cmake --build build-fuzz -j "$(nproc)" >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/pipeline" "$work/config" "$work/baseline" "$work/paths" "$work/project" "$work/source"
# The generated set: small deterministic INFs in both encodings.
for i in 1 2 3 4 5 6; do
  build-fuzz/bench/inf_generate --bytes $((i * 1500)) --headers $((i * 3)) --names 4 --seed "$i" \
    > "$work/pipeline/generated-$i.inf"
done
build-fuzz/bench/inf_generate --bytes 3000 --headers 5 --utf16le > "$work/pipeline/generated-utf16.inf"
status=0
for target in pipeline config baseline paths project source; do
  dict=tests/fuzz/inf.dict
  [ "$target" = baseline ] && dict=tests/fuzz/json.dict
  [ "$target" = project ] && dict=tests/fuzz/msbuild.dict
  seeds=tests/fuzz/seeds/$target
  [ "$target" = source ] && dict=tests/fuzz/c.dict && seeds=samples/source
  if build-fuzz/tests/fuzz/fuzz_$target -max_total_time="$seconds" -dict="$dict" \
       -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$work/$target-" \
       "$work/$target" "$seeds" >"$work/$target.log" 2>&1; then
    echo "fuzz $target: $(grep -E '^stat::number_of_executed_units' "$work/$target.log" | awk '{print $2}') runs in ${seconds}s, no failure"
  else
    status=1
    echo "FAIL: fuzz $target"; grep -E 'ERROR|SUMMARY|#[0-9] ' "$work/$target.log" | head -20
    ls "$work"/$target-* 2>/dev/null | head -3
  fi
done
exit $status
