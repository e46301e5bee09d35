#!/usr/bin/env bash
# The whole real-world corpus lints: no exit status 2, nothing on stderr
# (where sanitizer reports would appear), in one run over the directory and
# in a JSON run whose output must parse.
# usage: lint_corpus.sh INFLINT CORPUS_DIR
set -u
inflint=$1 corpus=$2
if [ ! -d "$corpus/files" ]; then
  echo "SKIP: $corpus/files not found (no ../shared beside the project)"; exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
for format in gcc json; do
  "$inflint" --format "$format" "$corpus/files" > "$tmp/out.$format" 2> "$tmp/err"
  rc=$?
  if [ "$rc" -le 1 ] && [ ! -s "$tmp/err" ]; then passed=$((passed + 1));
  else echo "FAIL: --format $format exited $rc"; head -20 "$tmp/err"; failed=$((failed + 1)); fi
done
files=$(grep -c '"path": ' "$tmp/out.json" || true)
if command -v python3 >/dev/null 2>&1; then
  if python3 -c 'import json,sys; d = json.load(open(sys.argv[1])); assert len(d["files"]) > 500' "$tmp/out.json"; then
    passed=$((passed + 1)); else echo "FAIL: JSON output does not parse or lacks files"; failed=$((failed + 1)); fi
fi
echo "corpus: $(grep -c ': ' "$tmp/out.gcc") findings over the files in $corpus/files ($files paths in JSON)"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
