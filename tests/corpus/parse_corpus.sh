#!/usr/bin/env bash
# Every real-world file of ../shared/corpus parses: --dump-model exits 0 and
# prints nothing on stderr (sanitizer reports would land there and fail it).
# usage: parse_corpus.sh INFLINT CORPUS_DIR
set -u
inflint=$1 corpus=$2
if [ ! -d "$corpus/files" ]; then
  echo "SKIP: $corpus/files not found (no ../shared beside the project)"
  exit 77
fi
files=0 failed=0
err=$(mktemp)
trap 'rm -f "$err"' EXIT
while IFS= read -r -d '' f; do
  files=$((files + 1))
  "$inflint" --dump-model "$f" >/dev/null 2>"$err"
  rc=$?
  if [ "$rc" -ne 0 ] || [ -s "$err" ]; then
    failed=$((failed + 1))
    echo "FAIL: $f (exit $rc)"; head -5 "$err"
  fi
done < <(find "$corpus/files" "$corpus/pairs" -type f \( -iname '*.inf' -o -iname '*.inx' -o -iname '*.in' \) -print0 | sort -z)
echo "$((files - failed)) passed, $failed failed"
[ "$files" -gt 500 ] || { echo "expected over 500 corpus files, found $files"; exit 1; }
[ "$failed" -eq 0 ]
