#!/usr/bin/env bash
# Checks that a change left inflint's output byte-identical: builds REV (default
# HEAD) in a temporary worktree and the working tree here, lints the real corpus
# (../shared/corpus/files) and samples/ with both in every output format and
# under every profile, and diffs the results. For refactors that promise "no
# behaviour change".
#
#   scripts/same-output.sh [REV]
set -euo pipefail
cd "$(dirname "$0")/.."
rev=${1:-HEAD}
work=$(mktemp -d)
trap 'git worktree remove --force "$work/old" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

git worktree add --detach "$work/old" "$rev" >/dev/null 2>&1
jobs=$(nproc 2>/dev/null || echo 2)
for tree in "$work/old" "$PWD"; do
  cmake -S "$tree" -B "$tree/build-same" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DINFLINT_BUILD_BENCH=OFF -DINFLINT_BUILD_TESTS=OFF >/dev/null
  cmake --build "$tree/build-same" -j "$jobs" >/dev/null
done

inputs=(samples)
[ -d ../shared/corpus/files ] && inputs+=(../shared/corpus/files)
status=0
for format in json text gcc msvc sarif github; do
  for profile in isolation universal whql; do
    for tree in old new; do
      bin="$work/old/build-same/inflint"
      [ "$tree" = new ] && bin="$PWD/build-same/inflint"
      "$bin" --no-config --color never -f "$format" --profile "$profile" "${inputs[@]}" \
        >"$work/$tree.out" 2>"$work/$tree.err" || echo "exit $?" >>"$work/$tree.err"
    done
    if cmp -s "$work/old.out" "$work/new.out" && cmp -s "$work/old.err" "$work/new.err"; then
      echo "same: $format $profile ($(wc -c <"$work/new.out") bytes)"
    else
      echo "DIFFERENT: $format $profile"
      diff "$work/old.out" "$work/new.out" | head -20 || true
      diff "$work/old.err" "$work/new.err" | head -5 || true
      status=1
    fi
  done
done
for extra in --list-rules "--explain ISO101" --dump-model; do
  args=($extra)
  [ "$extra" = --dump-model ] && args+=(samples)
  "$work/old/build-same/inflint" "${args[@]}" >"$work/old.out" 2>&1 || true
  "$PWD/build-same/inflint" "${args[@]}" >"$work/new.out" 2>&1 || true
  if cmp -s "$work/old.out" "$work/new.out"; then echo "same: $extra"; else
    echo "DIFFERENT: $extra"; diff "$work/old.out" "$work/new.out" | head -20 || true; status=1; fi
done
exit $status
