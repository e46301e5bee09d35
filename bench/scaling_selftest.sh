#!/usr/bin/env bash
# The scaling check must fail a quadratic cost: bench/scaling.sh is run on a
# stand-in for inflint whose work grows with the square of its input's lines
# (bench/quadratic_standin.c), on one shape, and must report it NOT LINEAR and
# exit 1. A check that passes everything would pass this too, were it not here.
set -uo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
${CC:-cc} -O1 -o "$work/standin" bench/quadratic_standin.c || exit 2
out=$(SCALING_SHAPES="needs:2000" bash bench/scaling.sh "$work/standin")
status=$?
echo "$out"
if [ "$status" -eq 1 ] && grep -q 'NOT LINEAR' <<<"$out"; then
  echo "scaling self-test: the quadratic stand-in fails, as it must"
else
  echo "scaling self-test: FAILED - bench/scaling.sh passed a quadratic cost (status $status)" >&2
  exit 1
fi
