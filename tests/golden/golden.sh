#!/usr/bin/env bash
# Golden tests: inflint's output over samples/ in every format, and the
# findings of each sample (samples/expected/*.txt, gcc format), compared
# byte for byte with the files in the repository.
#
# usage: golden.sh check|update INFLINT
#   update rewrites the expectations; review the diff before committing.
set -u
mode=$1 inflint=$2
cd "$(dirname "$0")/../.."
status=0 passed=0 failed=0

compare() { # NAME EXPECTED_FILE ACTUAL_FILE
  if [ "$mode" = update ]; then
    cp "$3" "$2"; passed=$((passed + 1)); return
  fi
  # The Windows build names files with the separator typed ('\' by default): paths aside, the
  # output must be the same, so both sides are compared with every '\' as '/' there.
  if [ "${INFLINT_TEST_TARGET:-}" = windows ]; then
    local slash='s#\\\\#/#g; s#\\#/#g' # JSON's escaped "\\" first, then a bare '\'
    sed "$slash" "$2" > "$3.expected"; sed "$slash" "$3" > "$3.actual"; set -- "$1" "$3.expected" "$3.actual"
  fi
  if diff -u "$2" "$3" > "$3.diff"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1)); status=1
    echo "FAIL: $1 differs from $2:"; head -40 "$3.diff"
    return 1
  fi
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for format in text gcc msvc json junit checkstyle gitlab; do
  "$inflint" --format "$format" --color never samples > "$tmp/samples.$format"
  rc=$?
  [ "$rc" -le 1 ] || { echo "FAIL: format $format exited $rc"; failed=$((failed + 1)); status=1; }
  compare "format $format" "tests/golden/samples.$format" "$tmp/samples.$format"
done
# Each sample's own gcc output, against samples/expected/<sample>.txt; the files come NUL-separated.
per_sample() {
  while IFS= read -r -d '' sample; do
    rel=${sample#samples/}
    expected="samples/expected/${rel%.*}.txt"
    mkdir -p "$(dirname "$expected")" "$tmp/$(dirname "$rel")"
    "$inflint" --format gcc "$sample" > "$tmp/$rel.txt" 2> "$tmp/$rel.err"
    local rc=$?
    # The exit status and standard error of a run whose output differs: under Wine, an empty
    # output with neither tells a program that never ran from a wrong verdict of inflint's.
    compare "$sample" "$expected" "$tmp/$rel.txt" ||
      { echo "  exit $rc, stderr ($(wc -c < "$tmp/$rel.err") bytes):"; head -5 "$tmp/$rel.err"; }
  done
}
per_sample < <(find samples -name '*.inf' -not -path 'samples/integration/*' -print0 | sort -z)
# Driver source (the SRC rules): each sample's gcc output, and one --source run in text and JSON.
for format in text json; do
  "$inflint" --source --format "$format" --color never samples/source > "$tmp/source.$format"
  compare "source, format $format" "tests/golden/source.$format" "$tmp/source.$format"
done
per_sample < <(find samples/source -name '*.c' -print0 | sort -z)
# Findings a person can act on (issue 19): the text format, hints included, of the samples
# whose advice once misled (follow-ons after a broken header, one root cause reported twice,
# '(the package root)', conflicting fixes on one line, a placeholder hint), and --list-rules,
# which shows both levels of a rule that has two.
mkdir -p tests/golden/actionable
for sample in samples/rules/inf003-bad.inf samples/rules/inf008-bad.inf samples/rules/iso102-bad.inf \
              samples/rules/iso105-bad.inf samples/rules/inf004-bad.inf samples/rules/inf002-bad.inf \
              samples/rules/inf010-bad.inf; do
  name=$(basename "$sample" .inf)
  "$inflint" --color never "$sample" > "$tmp/$name.text"
  compare "$sample (text)" "tests/golden/actionable/$name.txt" "$tmp/$name.text"
done
"$inflint" --list-rules > "$tmp/list-rules.txt"
compare "--list-rules" tests/golden/actionable/list-rules.txt "$tmp/list-rules.txt"
echo "$passed passed, $failed failed"
exit $status
