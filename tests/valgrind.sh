#!/usr/bin/env bash
# valgrind memcheck over the unit tests, the tokenizer vectors, the golden
# runs over samples/ (every format) and a lint of the whole shared corpus:
# no memory error and no leak (definite, indirect or possible).
# usage: tests/valgrind.sh BUILD_DIR [SHARED_DIR]
set -u
build=$1 shared=${2:-}
root="$(cd "$(dirname "$0")/.." && pwd)"
command -v valgrind >/dev/null 2>&1 || { echo "valgrind is not installed"; exit 1; }
passed=0 failed=0
vg() { # NAME COMMAND...
  local name=$1; shift
  valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect,possible \
    --errors-for-leak-kinds=definite,indirect,possible "$@" >/tmp/valgrind.out 2>/tmp/valgrind.err
  local rc=$?
  if [ "$rc" = 99 ] || grep -q '==[0-9]*==' /tmp/valgrind.err; then
    failed=$((failed + 1)); echo "FAIL: $name"; grep '==[0-9]*==' /tmp/valgrind.err | head -20
  else
    passed=$((passed + 1))
  fi
}
for t in "$build"/tests/test_*; do
  [ -x "$t" ] && [ "$(basename "$t")" != test_vectors ] && vg "$(basename "$t")" "$t"
done
vg "vectors" "$build/tests/test_vectors" "$root/tests/vectors/tokenizer.vec"
cd "$root"
for format in text gcc msvc json sarif github; do
  vg "samples --format $format" "$build/inflint" -j 2 --format "$format" samples
done
vg "dump-model samples" "$build/inflint" --dump-model samples
if [ -n "$shared" ] && [ -d "$shared/corpus/files" ]; then
  vg "corpus lint" "$build/inflint" -f json "$shared/corpus/files"
  vg "corpus dump-model" "$build/inflint" --dump-model "$shared/corpus/files"
else
  echo "note: no shared corpus; the corpus runs were left out"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
